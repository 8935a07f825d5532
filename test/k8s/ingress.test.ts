import { Chart } from 'cdk8s';
import { Ingress, IngressBackend, IngressProps, NginxIngressController, Service } from '../../lib';
import { CANARY_ANNOTATION } from '../../lib/k8s/networking/ingress';
import { catchValidation } from '../helpers';
import { synthChart, synthK8s, testChart } from './util';

/** The guide's tea-svc and coffee-svc (port 80 named http → 8080) in `chart`. */
function cafe(chart: Chart) {
  const svc = (drink: string) => new Service(chart, `${drink}-svc`, { name: `${drink}-svc`, selector: { app: drink }, ports: [{ port: 80, targetPort: 8080, name: 'http' }] });
  return { tea: svc('tea'), coffee: svc('coffee') };
}

describe('the guide cafe ingresses', () => {
  test('URI fanout: /tea → tea-svc:80, /coffee → coffee-svc:80, any host, class from the controller', () => {
    const out = synthK8s((app) => {
      const chart = new Chart(app.k8s, 'cafe');
      const controller = new NginxIngressController(chart, 'ingress');
      const { tea, coffee } = cafe(chart);
      new Ingress(chart, 'uri', {
        name: 'cafe-ingress-uri',
        ingressClass: controller,
        rules: [{ paths: [{ path: '/tea', backend: IngressBackend.fromService(tea, 80) }, { path: '/coffee', backend: IngressBackend.fromService(coffee) }] }],
      });
    });
    expect(out.find('Ingress', 'cafe-ingress-uri').spec).toEqual({
      ingressClassName: 'nginx',
      rules: [
        {
          http: {
            paths: [
              { path: '/tea', pathType: 'Prefix', backend: { service: { name: 'tea-svc', port: { number: 80 } } } },
              { path: '/coffee', pathType: 'Prefix', backend: { service: { name: 'coffee-svc', port: { number: 80 } } } },
            ],
          },
        },
      ],
    });
    expect(out.warnings).toEqual([]);
  });

  test('host-based: one rule per host; rules for the same host are merged', () => {
    const chart = testChart();
    const { tea, coffee } = cafe(chart);
    const ingress = new Ingress(chart, 'host', {
      name: 'cafe-ingress-host',
      ingressClass: 'nginx',
      rules: [{ host: 'tea.cafe.example.com', paths: [{ backend: IngressBackend.fromService(tea) }] }],
    });
    ingress.addRule({ host: 'coffee.cafe.example.com', paths: [{ path: '/', backend: IngressBackend.fromService(coffee, 'http') }] });
    ingress.addRule({ host: 'tea.cafe.example.com', paths: [{ path: '/menu', pathType: 'Exact', backend: IngressBackend.fromService(tea) }] });
    const doc = synthChart(chart).find((d) => d.kind === 'Ingress')!;
    expect(doc.spec.rules).toEqual([
      {
        host: 'tea.cafe.example.com',
        http: {
          paths: [
            { path: '/', pathType: 'Prefix', backend: { service: { name: 'tea-svc', port: { number: 80 } } } },
            { path: '/menu', pathType: 'Exact', backend: { service: { name: 'tea-svc', port: { number: 80 } } } },
          ],
        },
      },
      { host: 'coffee.cafe.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'coffee-svc', port: { name: 'http' } } } }] } },
    ]);
  });

  test('default backend, TLS per hosts, annotations, wildcard host', () => {
    const chart = testChart();
    const { tea, coffee } = cafe(chart);
    new Ingress(chart, 'tls', {
      annotations: { 'nginx.ingress.kubernetes.io/ssl-redirect': 'true' },
      defaultBackend: IngressBackend.fromService(coffee),
      rules: [{ host: '*.cafe.example.com', paths: [{ path: '/tea', backend: IngressBackend.fromService(tea) }] }],
      tls: [{ hosts: ['*.cafe.example.com'], secretName: 'cafe-tls' }],
    });
    const doc = synthChart(chart).find((d) => d.kind === 'Ingress')!;
    expect(doc.metadata.annotations).toEqual({ 'nginx.ingress.kubernetes.io/ssl-redirect': 'true' });
    expect(doc.spec.defaultBackend).toEqual({ service: { name: 'coffee-svc', port: { number: 80 } } });
    expect(doc.spec.tls).toEqual([{ hosts: ['*.cafe.example.com'], secretName: 'cafe-tls' }]);
    expect(doc.spec.ingressClassName).toBeUndefined();
  });

  test('a Service nks-cdk did not build, by name', () => {
    const chart = testChart();
    new Ingress(chart, 'i', { rules: [{ paths: [{ backend: IngressBackend.fromServiceName('legacy', 8080) }] }] });
    expect(synthChart(chart)[0].spec.rules[0].http.paths[0].backend).toEqual({ service: { name: 'legacy', port: { number: 8080 } } });
  });
});

describe('errors at construction', () => {
  const err = (build: (chart: Chart, svc: ReturnType<typeof cafe>) => IngressProps) =>
    catchValidation(() => {
      const chart = testChart();
      new Ingress(chart, 'ing', build(chart, cafe(chart)));
    });

  test('a path to a Service port that does not exist', () => {
    const e = err((_c, { tea }) => ({ rules: [{ paths: [{ path: '/tea', backend: IngressBackend.fromService(tea, 8080) }] }] }));
    expect(e).toMatchObject({ path: 'test/ing', field: 'rules[0].paths[0].backend.port', value: 8080 });
    expect(e.rule).toBe('Service "tea-svc" has no port 8080; its ports are 80 (http)');
    expect(e.fix).toContain('Service port, not the target port');
    expect(err((_c, { tea }) => ({ defaultBackend: IngressBackend.fromService(tea, 'https') })).field).toBe('defaultBackend.port');
  });

  test('duplicate host + path', () => {
    const e = err((_c, { tea, coffee }) => ({
      rules: [
        { host: 'cafe.example.com', paths: [{ path: '/drinks', backend: IngressBackend.fromService(tea) }] },
        { host: 'cafe.example.com', paths: [{ path: '/drinks', pathType: 'Exact', backend: IngressBackend.fromService(coffee) }] },
      ],
    }));
    expect(e).toMatchObject({ field: 'rules[1].paths[0].path', value: '/drinks', rule: 'the path /drinks is already routed for host cafe.example.com in this Ingress' });
  });

  test('invalid hosts: uppercase, IP address, port', () => {
    const host = (h: string) => err((_c, { tea }) => ({ rules: [{ host: h, paths: [{ backend: IngressBackend.fromService(tea) }] }] }));
    expect(host('Tea.Cafe.example.com')).toMatchObject({ field: 'rules[0].host', fix: 'use a name like "tea.cafe.example.com"' });
    expect(host('123.123.123.44').rule).toContain('not an IP address');
    expect(host('cafe.example.com:80').fix).toBe('use "cafe.example.com"');
    expect(err((_c, { tea }) => ({ defaultBackend: IngressBackend.fromService(tea), tls: [{ hosts: ['bad host'], secretName: 's' }] })).field).toBe('tls[0].hosts[0]');
  });

  test('paths: absolute; ingress-nginx strict path characters for Prefix/Exact', () => {
    const path = (p: string, ingressClass?: string) => err((_c, { tea }) => ({ ingressClass, rules: [{ paths: [{ path: p, backend: IngressBackend.fromService(tea) }] }] }));
    expect(path('tea')).toMatchObject({ field: 'rules[0].paths[0].path', fix: 'use "/tea"' });
    expect(path('/a//b').rule).toContain('"//"');
    expect(path('/tea(/|$)(.*)', 'nginx').rule).toContain('ImplementationSpecific');
  });

  test('a backend Service in another namespace', () => {
    const e = catchValidation(() => {
      const chart = testChart();
      const svc = new Service(chart, 'svc', { name: 'api', namespace: 'backend', ports: [80] });
      new Ingress(chart, 'ing', { namespace: 'web', rules: [{ paths: [{ backend: IngressBackend.fromService(svc) }] }] });
    });
    expect(e).toMatchObject({ field: 'rules[0].paths[0].backend.service', value: 'test/svc' });
    expect(e.rule).toContain('"backend", the Ingress in "web"');
  });

  test('neither rules nor default backend: reported at synth', () => {
    const e = catchValidation(() =>
      synthK8s((app) => {
        new Ingress(new Chart(app.k8s, 'empty'), 'ing');
      }),
    );
    expect(e).toMatchObject({ path: 'empty/ing', field: 'rules', rule: 'an Ingress needs rules or a defaultBackend' });
  });
});

describe('IngressClass and SSL passthrough', () => {
  const passthrough = { 'nginx.ingress.kubernetes.io/ssl-passthrough': 'true' };

  test('passthrough with a controller that has it off → ValidationError on ingressClass', () => {
    const e = catchValidation(() => {
      const chart = testChart();
      const controller = new NginxIngressController(chart, 'ingress');
      new Ingress(chart, 'ing', { ingressClass: controller, annotations: passthrough, rules: [{ host: 'a.example.com', paths: [{ backend: IngressBackend.fromServiceName('x', 443) }] }] });
    });
    expect(e).toMatchObject({ path: 'test/ing', field: 'ingressClass', value: 'test/ingress' });
    expect(e.fix).toContain('sslPassthrough: true');
  });

  test('passthrough routes only "/"', () => {
    const e = catchValidation(() => {
      const chart = testChart();
      const controller = new NginxIngressController(chart, 'ingress', { sslPassthrough: true });
      new Ingress(chart, 'ing', { ingressClass: controller, annotations: passthrough, rules: [{ host: 'a.example.com', paths: [{ path: '/ui', backend: IngressBackend.fromServiceName('x', 443) }] }] });
    });
    expect(e).toMatchObject({ field: 'rules[0].paths[0].path', value: '/ui' });
  });

  test('a class name no controller of the program serves: a warning, not an error', () => {
    const out = synthK8s((app) => {
      const chart = new Chart(app.k8s, 'web');
      new Ingress(chart, 'ing', { ingressClass: 'traefik', rules: [{ paths: [{ backend: IngressBackend.fromServiceName('web', 80) }] }] });
    });
    expect(out.warnings).toEqual([expect.stringContaining('IngressClass "traefik"')]);
  });

  test('a class name served by a controller elsewhere in the program: no warning', () => {
    const out = synthK8s((app) => {
      new NginxIngressController(new Chart(app.k8s, 'ingress-nginx'), 'ingress');
      new Ingress(new Chart(app.k8s, 'web'), 'ing', { ingressClass: 'nginx', rules: [{ paths: [{ backend: IngressBackend.fromServiceName('web', 80) }] }] });
    });
    expect(out.warnings).toEqual([]);
  });
});

describe('one host + path per ingress class, across Ingresses', () => {
  /** Ingress `id` routing cafe.example.com/menu (path type `pathType`) to `backend` (port `port`). */
  const menu = (chart: Chart, id: string, backend: Service, extra: Partial<IngressProps> = {}, pathType: 'Prefix' | 'Exact' = 'Prefix', port?: number | string) =>
    new Ingress(chart, id, { name: id, rules: [{ host: 'cafe.example.com', paths: [{ path: '/menu', pathType, backend: IngressBackend.fromService(backend, port) }] }], ...extra });
  const backendsOf = (out: ReturnType<typeof synthK8s>) =>
    out.docs.filter((d) => d.kind === 'Ingress').map((d) => [d.metadata.name, d.spec.rules[0].http.paths[0].pathType, d.spec.rules[0].http.paths[0].backend.service.name]);

  test('a canary Ingress shares its main Ingress\'s host and path on purpose: both are written', () => {
    const out = synthK8s((app) => {
      const chart = new Chart(app.k8s, 'cafe');
      const { tea, coffee } = cafe(chart);
      menu(chart, 'main', tea);
      menu(chart, 'canary', coffee, { annotations: { [CANARY_ANNOTATION]: 'true', 'nginx.ingress.kubernetes.io/canary-weight': '10' } });
    });
    expect(backendsOf(out)).toEqual([['main', 'Prefix', 'tea-svc'], ['canary', 'Prefix', 'coffee-svc']]);
  });

  test('the same backend twice (by port name and by number), another path type, or another class: no conflict', () => {
    const out = synthK8s((app) => {
      const chart = new Chart(app.k8s, 'cafe');
      const { tea, coffee } = cafe(chart);
      menu(chart, 'a', tea, {}, 'Prefix', 'http');
      menu(chart, 'b', tea, {}, 'Prefix', 80);
      menu(chart, 'c', coffee, {}, 'Exact');
      menu(chart, 'd', coffee, { ingressClass: 'internal' });
    });
    expect(backendsOf(out)).toEqual([['a', 'Prefix', 'tea-svc'], ['b', 'Prefix', 'tea-svc'], ['c', 'Exact', 'coffee-svc'], ['d', 'Prefix', 'coffee-svc']]);
  });

  test('two backends for one host + path: a ValidationError on the later Ingress\'s path', () => {
    const e = catchValidation(() =>
      synthK8s((app) => {
        const chart = new Chart(app.k8s, 'cafe');
        const { tea, coffee } = cafe(chart);
        menu(chart, 'a', tea);
        menu(chart, 'b', coffee);
      }),
    );
    expect(e).toMatchObject({ path: 'cafe/b', field: 'rules[0].paths[0].path', value: '/menu' });
    expect(e.rule).toMatch(/^Ingress "a" in namespace "default" \(cafe\/a\) already routes host cafe\.example\.com, path \/menu to Service default\/tea-svc:80 for the default IngressClass/);
  });
});

// The checks added for the bad-input corpus's gaps, from the valid side: what must still pass (the corpus
// files hold the refusals), plus the few refusals that need more than one assertion.
import { Chart, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { ConfigMap, Ingress, IngressBackend, NginxIngressController, PlatformApp, Service, ValidationErrors, WebApp } from '../../lib';
import { SSL_PASSTHROUGH_ANNOTATION } from '../../lib/k8s/networking/ingress';
import { checkUniqueObjects } from '../../lib/k8s/unique-objects';
import { catchValidation } from '../helpers';
import { synthK8s } from './util';

const IMAGE = 'nginx:1.14.2';
const chart = (app: PlatformApp, id = 'c', namespace?: string): Chart => new Chart(app.k8s, id, { namespace });

describe('annotations: keys checked like the API server does', () => {
  test("NHN's per-listener keys (uppercase protocol prefix) are valid raw annotations and pass the schema check", () => {
    const out = synthK8s((app) => {
      new Service(chart(app), 'svc', { type: 'LoadBalancer', ports: [80], annotations: { 'TCP-80.loadbalancer.nhncloud/keepalive-timeout': '60' } });
    });
    expect(out.find('Service').metadata.annotations).toEqual({ 'TCP-80.loadbalancer.nhncloud/keepalive-timeout': '60' });
  });

  test('typed options and unrelated raw annotations are merged', () => {
    const out = synthK8s((app) => {
      new Service(chart(app), 'svc', { type: 'LoadBalancer', ports: [80], annotations: { 'example.com/owner': 'web' }, loadBalancer: { type: 'dedicated' } });
    });
    expect(out.find('Service').metadata.annotations).toEqual({ 'example.com/owner': 'web', 'loadbalancer.nhncloud/loadbalancer-type': 'dedicated' });
  });
});

describe('one object per API group, kind, namespace and name', () => {
  test('the same name in two namespaces, generated names, and other kinds are distinct objects', () => {
    const out = synthK8s((app) => {
      const c = chart(app);
      new WebApp(c, 'a', { image: IMAGE, name: 'web', namespace: 'shop' });
      new WebApp(c, 'b', { image: IMAGE, name: 'web', namespace: 'cafe' });
      new WebApp(c, 'c', { image: IMAGE });
      new WebApp(c, 'd', { image: IMAGE });
      new Service(c, 'svc', { name: 'web', ports: [80], namespace: 'shop' });
      new ConfigMap(c, 'cm', { name: 'web', namespace: 'shop' });
    });
    expect(out.docs.filter((d) => d.kind === 'Deployment')).toHaveLength(4);
  });

  test('cluster-scoped objects clash across namespaces (cdk8s puts the chart namespace on them too)', () => {
    const e = catchValidation(() => {
      const app = new PlatformApp({ log: () => {} });
      new NginxIngressController(chart(app, 'one', 'a'), 'ctl', { namespace: 'ingress-a' });
      new NginxIngressController(chart(app, 'two', 'b'), 'ctl', { namespace: 'ingress-b' });
      app.validate();
    });
    expect(e).toMatchObject({ path: 'two/ctl', field: 'className', value: 'nginx' });
    expect(e.rule).toMatch(/the IngressClass "nginx" is already defined by one\/ctl/);
  });

  test('checkUniqueObjects works on any tree, cdk8s-plus objects included', () => {
    const app = new PlatformApp({ log: () => {} });
    const c = chart(app);
    new kplus.ConfigMap(c, 'a', { metadata: { name: 'cfg' } });
    new kplus.ConfigMap(c, 'b', { metadata: { name: 'cfg' } });
    const e = catchValidation(() => checkUniqueObjects(app.k8s));
    expect(e).toMatchObject({ path: 'c/b', field: 'name' });
  });

  test('a duplicate is one ValidationError among the others of the same synth', () => {
    const app = new PlatformApp({ log: () => {} });
    const c = chart(app);
    new WebApp(c, 'a', { image: IMAGE, name: 'web' });
    new WebApp(c, 'b', { image: IMAGE, name: 'web' });
    new Ingress(c, 'ing', { name: 'empty' });
    let thrown: unknown;
    try {
      app.synth();
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(ValidationErrors);
    expect((thrown as ValidationErrors).errors.map((e) => `${e.path} ${e.field}`).sort()).toEqual(['c/b name', 'c/ing rules']);
  });
});

describe('Service and the workload it selects', () => {
  test('a named targetPort the container declares, also one added after the Service', () => {
    const out = synthK8s((app) => {
      const c = chart(app);
      const web = new WebApp(c, 'web', { image: IMAGE, ports: [{ number: 8080, name: 'http' }] });
      new Service(c, 'svc', { selector: web, ports: [{ port: 80, targetPort: 'http', name: 'http' }, { port: 9090, targetPort: 'metrics', name: 'metrics' }] });
      web.container.addPort({ number: 9090, name: 'metrics' });
    });
    expect(out.find('Service').spec.ports.map((p: { targetPort: string }) => p.targetPort)).toEqual(['http', 'metrics']);
  });

  test('a WebApp in the Service namespace through the chart; label selectors are not checked', () => {
    synthK8s((app) => {
      const c = chart(app, 'c', 'shop');
      const web = new WebApp(c, 'web', { image: IMAGE });
      new Service(c, 'svc', { namespace: 'shop', selector: web, ports: [80] });
      new Service(c, 'other', { namespace: 'cafe', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'anything' }] });
    });
  });
});

describe('Ingress SSL passthrough with the class given by name', () => {
  test('a controller of that class with sslPassthrough passes without the "pass the controller" warning', () => {
    const out = synthK8s((app) => {
      const c = chart(app);
      new NginxIngressController(c, 'ctl', { sslPassthrough: true });
      new Ingress(c, 'ing', {
        ingressClass: 'nginx',
        annotations: { [SSL_PASSTHROUGH_ANNOTATION]: 'true' },
        rules: [{ host: 'dash.example.com', paths: [{ backend: IngressBackend.fromServiceName('dash', 443) }] }],
      });
    });
    expect(out.warnings.filter((w) => /passthrough/.test(w))).toEqual([]);
  });

  test('a controller of another class is not consulted (the cluster may run one)', () => {
    const out = synthK8s((app) => {
      const c = chart(app);
      new NginxIngressController(c, 'ctl');
      new Ingress(c, 'ing', {
        ingressClass: 'external',
        annotations: { [SSL_PASSTHROUGH_ANNOTATION]: 'true' },
        rules: [{ host: 'dash.example.com', paths: [{ backend: IngressBackend.fromServiceName('dash', 443) }] }],
      });
    });
    expect(out.warnings.some((w) => /--enable-ssl-passthrough/.test(w))).toBe(true);
  });
});

describe('container settings that stay valid', () => {
  test('readiness successThreshold above 1, request equal to limit, cores against millicores, explicit probe ports', () => {
    const out = synthK8s((app) => {
      new WebApp(chart(app), 'web', {
        image: IMAGE,
        ports: [80],
        minReadySeconds: 599,
        readiness: kplus.Probe.fromHttpGet('/ready', { successThreshold: 3, port: 8080 }),
        liveness: kplus.Probe.fromTcpSocket({ successThreshold: 1 }),
        startup: kplus.Probe.fromCommand(['true']),
        resources: { cpu: { request: kplus.Cpu.millis(1000), limit: kplus.Cpu.units(1) }, memory: { request: Size.mebibytes(512), limit: Size.gibibytes(1) } },
        securityContext: { user: 0, group: 2147483647 },
      });
    });
    const container = out.find('Deployment').spec.template.spec.containers[0];
    expect(container.readinessProbe).toMatchObject({ successThreshold: 3, httpGet: { port: 8080 } });
    expect(container.resources).toEqual({ limits: { cpu: '1', memory: '1024Mi' }, requests: { cpu: '1000m', memory: '512Mi' } });
  });
});

describe('env from ConfigMaps of this program', () => {
  test('a key added later, an optional missing key, a ConfigMap known only by name, and one also in another namespace', () => {
    synthK8s((app) => {
      const c = chart(app);
      const cm = new ConfigMap(c, 'cm', { name: 'cfg', namespace: 'shop' });
      new ConfigMap(c, 'other', { name: 'cfg', namespace: 'ops' });
      new WebApp(c, 'web', {
        image: IMAGE,
        namespace: 'shop',
        env: {
          MODE: kplus.EnvValue.fromConfigMap(cm, 'mode'),
          LEVEL: kplus.EnvValue.fromConfigMap(cm, 'level', { optional: true }),
          REGION: kplus.EnvValue.fromConfigMap(kplus.ConfigMap.fromConfigMapName(c, 'ext', 'cluster-info'), 'region'),
        },
        envFrom: [kplus.Env.fromConfigMap(cm)],
      });
      cm.addData('mode', 'fast');
    });
  });
});

describe('load balancer listeners and ports', () => {
  test('a UDP port beside TCP ports with HTTP set per listener', () => {
    const out = synthK8s((app) => {
      new Service(chart(app), 'svc', {
        type: 'LoadBalancer',
        ports: [{ port: 80, name: 'http' }, { port: 53, name: 'dns', protocol: 'UDP' }],
        loadBalancer: { listeners: [{ port: 80, listenerProtocol: 'HTTP' }], memberSubnetIds: ['3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f'] },
        loadBalancerSourceRanges: ['203.0.113.0/24', '198.51.100.7/32'],
      });
    });
    expect(out.find('Service').metadata.annotations['TCP-80.loadbalancer.nhncloud/listener-protocol']).toBe('HTTP');
  });
});

describe('NginxIngressController extra flags', () => {
  test('flags are appended after the ones the construct sets; sslPassthrough adds its own', () => {
    const out = synthK8s((app) => {
      new NginxIngressController(chart(app), 'ctl', { sslPassthrough: true, extraArgs: ['--watch-ingress-without-class=true', '--v=2'] });
    });
    const args: string[] = out.find('Deployment').spec.template.spec.containers[0].args;
    expect(args.slice(-3)).toEqual(['--enable-ssl-passthrough', '--watch-ingress-without-class=true', '--v=2']);
  });
});

describe('duplicate objects across the program', () => {
  test('every duplicate is reported at once, each at the later construct', () => {
    const app = new PlatformApp({ outdir: '/nonexistent/out', k8sOutdir: '/nonexistent/dist', log: () => undefined });
    const c = chart(app, 'dups');
    for (const id of ['a', 'b', 'c']) new WebApp(c, id, { name: 'web', image: IMAGE });
    let caught: unknown;
    try {
      app.synth();
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ValidationErrors);
    const errors = (caught as ValidationErrors).errors;
    expect(errors.map((e) => [e.path, e.field])).toEqual([
      ['dups/b', 'name'],
      ['dups/c', 'name'],
    ]);
    expect(errors[0].rule).toContain('dups/a');
  });
});

import { Chart } from 'cdk8s';
import { build } from '../../../examples/gateway-cafe/main';
import { build as buildIngressHost } from '../../../examples/ingress-host/main';
import { build as buildIngressUri } from '../../../examples/ingress-uri/main';
import { Gateway, GatewayClass, Ingress, IngressBackend, Service } from '../../../lib';
import { synthK8s } from '../util';

describe('examples/gateway-cafe', () => {
  test('the fanout and host-based cafe as HTTPRoutes to the cafe Services on port 80', () => {
    const out = synthK8s((app) => build(app));
    expect(out.find('GatewayClass', 'nginx').spec).toEqual({
      controllerName: 'gateway.nginx.org/nginx-gateway-controller',
      parametersRef: { group: 'gateway.nginx.org', kind: 'NginxProxy', name: 'nginx-gateway-proxy-config', namespace: 'nginx-gateway' },
    });
    // NGF copies spec.infrastructure.annotations to the data plane LoadBalancer Service: the NHN options.
    expect(out.find('Gateway', 'cafe-gateway').spec).toEqual({
      gatewayClassName: 'nginx',
      listeners: [{ name: 'http', port: 80, protocol: 'HTTP', allowedRoutes: { namespaces: { from: 'Same' } } }],
      infrastructure: { annotations: { 'loadbalancer.nhncloud/healthmonitor-type': 'TCP', 'loadbalancer.nhncloud/healthmonitor-delay': '10' } },
    });
    expect(out.find('HTTPRoute', 'cafe-route-uri').spec).toEqual({
      parentRefs: [{ name: 'cafe-gateway', sectionName: 'http' }],
      rules: [
        { matches: [{ path: { type: 'PathPrefix', value: '/tea' } }], backendRefs: [{ name: 'tea-svc', port: 80 }] },
        { matches: [{ path: { type: 'PathPrefix', value: '/coffee' } }], backendRefs: [{ name: 'coffee-svc', port: 80 }] },
      ],
    });
    expect(out.find('HTTPRoute', 'cafe-route-host-tea').spec).toMatchObject({ hostnames: ['tea.cafe.example.com'], rules: [{ backendRefs: [{ name: 'tea-svc', port: 80 }] }] });
    expect(out.find('HTTPRoute', 'cafe-route-host-coffee').spec).toMatchObject({ hostnames: ['coffee.cafe.example.com'], rules: [{ backendRefs: [{ name: 'coffee-svc', port: 80 }] }] });
    // Every backend is a Service of the program, with that port.
    for (const route of out.docs.filter((d) => d.kind === 'HTTPRoute')) {
      for (const ref of route.spec.rules.flatMap((r: { backendRefs: unknown[] }) => r.backendRefs)) {
        const svc = out.find('Service', (ref as { name: string }).name);
        expect(svc.spec.ports.map((p: { port: number }) => p.port)).toContain((ref as { port: number }).port);
      }
    }
    // The CRDs come first, in a file of their own.
    expect(Object.keys(out.files).sort()).toEqual(['0000-gateway-api-crds.k8s.yaml', '0001-cafe.k8s.yaml', '0002-nginx-gateway.k8s.yaml', '0003-cafe-gateway.k8s.yaml']);
    expect(out.files['0000-gateway-api-crds.k8s.yaml'].every((d) => d.kind === 'CustomResourceDefinition')).toBe(true);
    expect(out.warnings).toEqual([expect.stringContaining('NGINX Gateway Fabric images are pinned by tag only')]);
  });
});

describe('Ingress.toHttpRoutes() on the guide cafe Ingresses', () => {
  const gatewayIn = (chart: Chart) => new Gateway(chart, 'gw', { name: 'cafe-gateway', gatewayClass: new GatewayClass(chart, 'class'), listeners: [{ name: 'http' }] });

  test('URI fanout: one HTTPRoute without hostnames, /tea and /coffee as PathPrefix', () => {
    const out = synthK8s((app) => {
      const { ingress, chart } = buildIngressUri(app);
      ingress.toHttpRoutes(chart, { gateway: gatewayIn(chart) });
    });
    expect(out.find('HTTPRoute', 'cafe-ingress-uri').spec).toEqual({
      parentRefs: [{ name: 'cafe-gateway' }],
      rules: [
        { matches: [{ path: { type: 'PathPrefix', value: '/tea' } }], backendRefs: [{ name: 'tea-svc', port: 80 }] },
        { matches: [{ path: { type: 'PathPrefix', value: '/coffee' } }], backendRefs: [{ name: 'coffee-svc', port: 80 }] },
      ],
    });
  });

  test('host-based: one HTTPRoute per host', () => {
    const out = synthK8s((app) => {
      const { ingress, chart } = buildIngressHost(app);
      ingress.toHttpRoutes(chart, { gateway: gatewayIn(chart), listener: 'http' });
    });
    const routes = out.docs.filter((d) => d.kind === 'HTTPRoute').map((d) => [d.metadata.name, d.spec.hostnames, d.spec.rules[0].backendRefs[0].name]);
    expect(routes).toEqual([
      ['cafe-ingress-host-tea.cafe.example.com', ['tea.cafe.example.com'], 'tea-svc'],
      ['cafe-ingress-host-coffee.cafe.example.com', ['coffee.cafe.example.com'], 'coffee-svc'],
    ]);
    expect(out.find('HTTPRoute', 'cafe-ingress-host-tea.cafe.example.com').spec.parentRefs).toEqual([{ name: 'cafe-gateway', sectionName: 'http' }]);
  });

  test('what an HTTPRoute has no field for is named in warnings: annotations, TLS, ImplementationSpecific paths', () => {
    const out = synthK8s((app) => {
      const chart = new Chart(app.k8s, 'c');
      const tea = new Service(chart, 'tea', { name: 'tea-svc', ports: [80] });
      const ingress = new Ingress(chart, 'ing', {
        name: 'cafe',
        ingressClass: 'nginx',
        annotations: { 'nginx.ingress.kubernetes.io/rewrite-target': '/' },
        tls: [{ secretName: 'cafe-tls' }],
        rules: [{ paths: [{ path: '/tea', pathType: 'ImplementationSpecific', backend: IngressBackend.fromService(tea) }] }],
        defaultBackend: IngressBackend.fromService(tea),
      });
      ingress.toHttpRoutes(chart, { gateway: gatewayIn(chart) });
    });
    expect(out.find('HTTPRoute', 'cafe').spec.rules).toEqual([
      { matches: [{ path: { type: 'PathPrefix', value: '/tea' } }], backendRefs: [{ name: 'tea-svc', port: 80 }] },
      { matches: [{ path: { type: 'PathPrefix', value: '/' } }], backendRefs: [{ name: 'tea-svc', port: 80 }] },
    ]);
    const warnings = out.warnings.join('\n');
    expect(warnings).toContain('nginx.ingress.kubernetes.io/rewrite-target');
    expect(warnings).toContain('Secrets cafe-tls');
    expect(warnings).toContain('ImplementationSpecific paths (/tea)');
  });
});

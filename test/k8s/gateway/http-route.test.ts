import * as os from 'os';
import * as path from 'path';
import * as fs from 'fs';
import { ApiObject, Chart } from 'cdk8s';
import { Gateway, GatewayClass, HttpBackend, HttpRoute, OutputCheckError, PlatformApp, ReferenceGrant, Service } from '../../../lib';
import { hostsIntersect } from '../../../lib/k8s/gateway/http-route';
import { synthK8s } from '../util';

const svc = (chart: Chart, name: string, ports = [80]) => new Service(chart, name, { name, selector: { app: name }, ports });

describe('HTTPRoute', () => {
  test('weighted backends, header and method matches, redirect and rewrite, as the CRD spells them', () => {
    const out = synthK8s((app) => {
      const chart = new Chart(app.k8s, 'shop');
      const gw = new Gateway(chart, 'gw', {
        name: 'gw',
        gatewayClass: new GatewayClass(chart, 'class'),
        listeners: [{ name: 'http' }, { name: 'https', hostname: '*.cafe.example.com', tlsSecretName: 'cafe-tls' }],
      });
      const tea = svc(chart, 'tea-svc', [80]);
      const tea2 = new Service(chart, 'tea-v2', { name: 'tea-v2', selector: { app: 'tea2' }, ports: [{ port: 8080, name: 'web' }] });
      new HttpRoute(chart, 'route', {
        name: 'tea',
        parents: [gw],
        hostnames: ['tea.cafe.example.com'],
        rules: [
          { matches: [{ path: '/tea', headers: [{ name: 'x-canary', value: 'yes' }], method: 'GET' }], backends: [HttpBackend.fromService(tea2, { port: 'web' })] },
          { matches: [{ path: '/tea' }], backends: [HttpBackend.fromService(tea, { weight: 90 }), HttpBackend.fromService(tea2, { weight: 10 })] },
          { matches: [{ path: '/old-tea' }], rewrite: { replacePrefixMatch: '/tea' }, backends: [HttpBackend.fromService(tea)] },
          { matches: [{ path: '/menu', pathType: 'Exact' }], redirect: { scheme: 'https', statusCode: 301 } },
        ],
      });
    });
    expect(out.find('Gateway', 'gw').spec.listeners[1]).toEqual({
      name: 'https', protocol: 'HTTPS', port: 443, hostname: '*.cafe.example.com',
      tls: { mode: 'Terminate', certificateRefs: [{ kind: 'Secret', name: 'cafe-tls' }] }, allowedRoutes: { namespaces: { from: 'Same' } },
    });
    expect(out.find('HTTPRoute', 'tea').spec).toEqual({
      parentRefs: [{ name: 'gw' }],
      hostnames: ['tea.cafe.example.com'],
      rules: [
        { matches: [{ path: { type: 'PathPrefix', value: '/tea' }, headers: [{ name: 'x-canary', value: 'yes' }], method: 'GET' }], backendRefs: [{ name: 'tea-v2', port: 8080 }] },
        { matches: [{ path: { type: 'PathPrefix', value: '/tea' } }], backendRefs: [{ name: 'tea-svc', port: 80, weight: 90 }, { name: 'tea-v2', port: 8080, weight: 10 }] },
        { matches: [{ path: { type: 'PathPrefix', value: '/old-tea' } }], backendRefs: [{ name: 'tea-svc', port: 80 }], filters: [{ type: 'URLRewrite', urlRewrite: { path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/tea' } } }] },
        { matches: [{ path: { type: 'Exact', value: '/menu' } }], filters: [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 301 } }] },
      ],
    });
  });

  test('a backend in another namespace: namespace written, and a ReferenceGrant there lets it in', () => {
    const out = synthK8s((app) => {
      const tea = svc(new Chart(app.k8s, 'tea', { namespace: 'tea' }), 'tea-svc');
      const cafe = new Chart(app.k8s, 'cafe', { namespace: 'cafe' });
      const gw = new Gateway(cafe, 'gw', { name: 'gw', gatewayClass: 'nginx', listeners: [{ name: 'http' }] });
      new HttpRoute(cafe, 'route', { name: 'tea', parents: [gw], rules: [{ backends: [HttpBackend.fromService(tea)] }] });
      new ReferenceGrant(new Chart(app.k8s, 'grants', { namespace: 'tea' }), 'grant', { name: 'cafe-to-tea', from: [{ namespace: 'cafe' }], to: [{ name: 'tea-svc' }] });
    });
    expect(out.find('HTTPRoute', 'tea').spec.rules[0].backendRefs).toEqual([{ name: 'tea-svc', namespace: 'tea', port: 80 }]);
    expect(out.find('ReferenceGrant', 'cafe-to-tea')).toMatchObject({
      apiVersion: 'gateway.networking.k8s.io/v1beta1',
      metadata: { namespace: 'tea' },
      spec: { from: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'cafe' }], to: [{ group: '', kind: 'Service', name: 'tea-svc' }] },
    });
  });

  test('a route in another namespace attaches to a listener with allowedRoutes All; parentRef names the namespace', () => {
    const out = synthK8s((app) => {
      const gw = new Gateway(new Chart(app.k8s, 'gw', { namespace: 'nginx-gateway' }), 'gw', { name: 'shared', gatewayClass: 'nginx', listeners: [{ name: 'http', allowedRoutes: 'All' }] });
      const cafe = new Chart(app.k8s, 'cafe', { namespace: 'cafe' });
      new HttpRoute(cafe, 'route', { name: 'tea', parents: [gw], rules: [{ backends: [HttpBackend.fromService(svc(cafe, 'tea-svc'))] }] });
    });
    expect(out.find('Gateway', 'shared').spec.listeners[0].allowedRoutes).toEqual({ namespaces: { from: 'All' } });
    expect(out.find('HTTPRoute', 'tea').spec.parentRefs).toEqual([{ name: 'shared', namespace: 'nginx-gateway' }]);
  });

  test('the strict output check runs on Gateway API objects: a field the CRD lacks stops synth', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nks-gw-'));
    const app = new PlatformApp({ outdir: path.join(dir, 'cdktf.out'), k8sOutdir: path.join(dir, 'dist'), log: () => undefined });
    const chart = new Chart(app.k8s, 'c');
    // The generated classes drop fields their types lack (their toJson), so a raw object carries the typo.
    new ApiObject(chart, 'raw', {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'HTTPRoute',
      metadata: { name: 'raw' },
      spec: { parentRefs: [{ name: 'gw' }], rules: [{ backendRefs: [{ name: 'tea-svc', port: 80, weigth: 1 }] }] },
    });
    let error: unknown;
    try {
      app.synth();
    } catch (e) {
      error = e;
    }
    if (!(error instanceof OutputCheckError)) throw error;
    expect((error as OutputCheckError).manifestIssues.map((i) => `${i.rule}@${i.path}`)).toEqual(['unknown-field@spec.rules[0].backendRefs[0].weigth']);
  });

  test('host names intersect with wildcards either way', () => {
    expect(hostsIntersect('tea.cafe.example.com', '*.cafe.example.com')).toBe(true);
    expect(hostsIntersect('*.cafe.example.com', 'tea.cafe.example.com')).toBe(true);
    expect(hostsIntersect('cafe.example.com', '*.cafe.example.com')).toBe(false);
    expect(hostsIntersect('tea.example.com', 'coffee.example.com')).toBe(false);
  });
});

// Bad-input corpus: Gateway API (GatewayClass, Gateway, HTTPRoute, ReferenceGrant, Ingress.toHttpRoutes). See harness.ts.
import { Chart } from 'cdk8s';
import {
  Gateway, GatewayClass, GatewayClassProps, GatewayListener, HttpBackend, HttpRoute, HttpRouteRule, Ingress, IngressBackend, PlatformApp, ReferenceGrant,
  ReferenceGrantProps, Service,
} from '../../lib';
import { ConstructCase, runCorpus } from './harness';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const untyped = (v: unknown): any => v;
const chart = (app: PlatformApp, namespace?: string, id = 'c'): Chart => new Chart(app.k8s, id, { namespace });

const klass = (props: GatewayClassProps) => (app: PlatformApp) => void new GatewayClass(chart(app), 'class', props);
const gateway = (listeners: GatewayListener[]) => (app: PlatformApp) => void new Gateway(chart(app), 'gw', { gatewayClass: 'nginx', listeners });

/** tea-svc (port 80 named http, and 8443) and a Gateway with an HTTP listener, then a route made by `rules`. */
function route(rules: (tea: Service) => HttpRouteRule[], extra: { hostnames?: string[]; listener?: string; gatewayListeners?: GatewayListener[] } = {}) {
  return (app: PlatformApp): void => {
    const c = chart(app);
    const tea = new Service(c, 'tea', { name: 'tea-svc', selector: { app: 'tea' }, ports: [{ port: 80, targetPort: 8080, name: 'http' }, { port: 8443, name: 'https' }] });
    const gw = new Gateway(c, 'gw', { name: 'gw', gatewayClass: 'nginx', listeners: extra.gatewayListeners ?? [{ name: 'http' }] });
    new HttpRoute(c, 'route', { parents: [{ gateway: gw, listener: extra.listener }], hostnames: extra.hostnames, rules: rules(tea) });
  };
}
const to = (tea: Service, port?: number | string, weight?: number) => HttpBackend.fromService(tea, { port, weight });

const grant = (props: ReferenceGrantProps) => (app: PlatformApp) => void new ReferenceGrant(chart(app, 'tea'), 'grant', props);

const cases: ConstructCase[] = [
  { name: 'GatewayClass name not a DNS subdomain', build: klass({ name: 'NGINX' }), path: 'c/class', field: 'name', rule: /RFC 1123 subdomain/ },
  { name: 'GatewayClass controller without domain', build: klass({ controllerName: 'nginx' }), path: 'c/class', field: 'controllerName', rule: /domain-prefixed path/ },
  { name: 'GatewayClass description too long', build: klass({ description: 'x'.repeat(65) }), path: 'c/class', field: 'description', rule: /at most 64/ },

  { name: 'Gateway without listeners', build: gateway([]), path: 'c/gw', field: 'listeners', rule: /1 to 64 listeners/ },
  { name: 'listener name not a label', build: gateway([{ name: 'HTTP' }]), path: 'c/gw', field: 'listeners[0].name', rule: /RFC 1123 label/ },
  { name: 'listener protocol TCP', build: gateway([{ name: 'tcp', protocol: untyped('TCP') }]), path: 'c/gw', field: 'listeners[0].protocol', rule: /listener protocol/ },
  { name: 'listener port 0', build: gateway([{ name: 'http', port: 0 }]), path: 'c/gw', field: 'listeners[0].port', rule: /port/ },
  { name: 'HTTPS listener without certificate', build: gateway([{ name: 'https', protocol: 'HTTPS' }]), path: 'c/gw', field: 'listeners[0].tlsSecretName', rule: /needs a certificate Secret/ },
  { name: 'HTTP listener with certificate', build: gateway([{ name: 'http', protocol: 'HTTP', tlsSecretName: 'cert' }]), path: 'c/gw', field: 'listeners[0].tlsSecretName', rule: /HTTP listener has no TLS/ },
  { name: 'listener hostname an IP', build: gateway([{ name: 'http', hostname: '10.0.0.1' }]), path: 'c/gw', field: 'listeners[0].hostname', rule: /not an IP address/ },
  { name: 'two listeners with one name', build: gateway([{ name: 'http' }, { name: 'http', port: 8080 }]), path: 'c/gw', field: 'listeners[1].name', rule: /unique within a Gateway/ },
  { name: 'two listeners on one port, protocol and host', build: gateway([{ name: 'a' }, { name: 'b' }]), path: 'c/gw', field: 'listeners[1].port', rule: /port, protocol and hostname of each listener must differ/ },
  { name: 'allowedRoutes with empty selector', build: gateway([{ name: 'http', allowedRoutes: { namespaceLabels: {} } }]), path: 'c/gw', field: 'listeners[0].allowedRoutes.namespaceLabels', rule: /selects every namespace/ },

  { name: 'route without rules', build: route(() => []), path: 'c/route', field: 'rules', rule: /1 to 16 rules/ },
  { name: 'route with 17 rules', build: route((tea) => Array.from({ length: 17 }, () => ({ backends: [to(tea, 80)] }))), path: 'c/route', field: 'rules', rule: /1 to 16 rules/ },
  { name: 'route to a listener the Gateway lacks', build: route((tea) => [{ backends: [to(tea, 80)] }], { listener: 'https' }), path: 'c/route', field: 'parents[0].listener', rule: /has no listener "https"/ },
  { name: 'backend port the Service lacks', build: route((tea) => [{ backends: [to(tea, 8080)] }]), path: 'c/route', field: 'rules[0].backends[0].port', rule: /has no port 8080/ },
  { name: 'backend of a two-port Service without port', build: route((tea) => [{ backends: [to(tea)] }]), path: 'c/route', field: 'rules[0].backends[0].port', rule: /several ports/ },
  { name: 'backend weight above 1000000', build: route((tea) => [{ backends: [to(tea, 80, 1_000_001)] }]), path: 'c/route', field: 'rules[0].backends[0].weight', rule: /0 to 1000000/ },
  { name: 'backend by name with a port name', build: route(() => [{ backends: [HttpBackend.fromServiceName('x', untyped('http'))] }]), path: 'c/route', field: 'rules[0].backends[0].port', rule: /port number/ },
  { name: 'rule with neither backend nor redirect', build: route(() => [{ matches: [{ path: '/tea' }] }]), path: 'c/route', field: 'rules[0].backends', rule: /answers every request with an error/ },
  { name: 'redirect together with backends', build: route((tea) => [{ backends: [to(tea, 80)], redirect: { scheme: 'https' } }]), path: 'c/route', field: 'rules[0].redirect', rule: /RequestRedirect together with backendRefs/ },
  { name: 'redirect and rewrite in one rule', build: route(() => [{ redirect: { scheme: 'https' }, rewrite: { hostname: 'a.example.com' } }]), path: 'c/route', field: 'rules[0].rewrite', rule: /redirects or rewrites, not both/ },
  { name: 'redirect status 307', build: route(() => [{ redirect: { statusCode: untyped(307) } }]), path: 'c/route', field: 'rules[0].redirect.statusCode', rule: /301 or 302/ },
  { name: 'replacePrefixMatch on an Exact match', build: route((tea) => [{ matches: [{ path: '/tea', pathType: 'Exact' }], backends: [to(tea, 80)], rewrite: { replacePrefixMatch: '/' } }]), path: 'c/route', field: 'rules[0].rewrite.replacePrefixMatch', rule: /exactly one match, of pathType PathPrefix/ },
  { name: 'rewrite with nothing to change', build: route((tea) => [{ backends: [to(tea, 80)], rewrite: {} }]), path: 'c/route', field: 'rules[0].rewrite', rule: /changes the hostname or the path/ },
  { name: 'relative path', build: route((tea) => [{ matches: [{ path: 'tea' }], backends: [to(tea, 80)] }]), path: 'c/route', field: 'rules[0].matches[0].path', rule: /absolute/ },
  { name: 'path with //', build: route((tea) => [{ matches: [{ path: '/tea//green' }], backends: [to(tea, 80)] }]), path: 'c/route', field: 'rules[0].matches[0].path', rule: /may not contain "\/\/".*nor end with/ },
  { name: 'path ending in /..', build: route((tea) => [{ matches: [{ path: '/tea/..' }], backends: [to(tea, 80)] }]), path: 'c/route', field: 'rules[0].matches[0].path', rule: /may not contain "\/\/".*nor end with/ },
  { name: 'path with a space', build: route((tea) => [{ matches: [{ path: '/tea green' }], backends: [to(tea, 80)] }]), path: 'c/route', field: 'rules[0].matches[0].path', rule: /percent-encode|only letters/ },
  { name: 'Ingress path type on a route', build: route((tea) => [{ matches: [{ path: '/tea', pathType: untyped('Prefix') }], backends: [to(tea, 80)] }]), path: 'c/route', field: 'rules[0].matches[0].pathType', rule: /path type/ },
  { name: 'header name with a colon', build: route((tea) => [{ matches: [{ headers: [{ name: 'x:version', value: '2' }] }], backends: [to(tea, 80)] }]), path: 'c/route', field: 'rules[0].matches[0].headers[0].name', rule: /HTTP token/ },
  { name: 'one header matched twice', build: route((tea) => [{ matches: [{ headers: [{ name: 'X-V', value: '1' }, { name: 'x-v', value: '2' }] }], backends: [to(tea, 80)] }]), path: 'c/route', field: 'rules[0].matches[0].headers[1].name', rule: /matched once per match/ },
  { name: 'method in lowercase', build: route((tea) => [{ matches: [{ method: untyped('get') }], backends: [to(tea, 80)] }]), path: 'c/route', field: 'rules[0].matches[0].method', rule: /HTTP method/ },
  { name: 'route hostname with a port', build: route((tea) => [{ backends: [to(tea, 80)] }], { hostnames: ['cafe.example.com:80'] }), path: 'c/route', field: 'hostnames[0]', rule: /no port/ },
  {
    name: 'route hostnames no listener answers',
    build: route((tea) => [{ backends: [to(tea, 80)] }], { hostnames: ['tea.example.com'], gatewayListeners: [{ name: 'http', hostname: '*.cafe.example.com' }] }),
    path: 'c/route', field: 'parents[0].listener', rule: /answers any of its hostnames/,
  },
  {
    name: 'route in another namespace than a Same-namespace Gateway',
    build: (app) => {
      const gw = new Gateway(chart(app, 'gateway'), 'gw', { name: 'gw', gatewayClass: 'nginx', listeners: [{ name: 'http' }] });
      const c = chart(app, 'cafe', 'cafe');
      const tea = new Service(c, 'tea', { name: 'tea-svc', ports: [80] });
      new HttpRoute(c, 'route', { parents: [gw], rules: [{ backends: [to(tea)] }] });
    },
    path: 'cafe/route', field: 'parents[0]', rule: /accepts routes only from its own namespace/,
  },
  {
    name: 'backend in another namespace without ReferenceGrant',
    build: (app) => {
      const tea = new Service(chart(app, 'tea', 'tea'), 'tea', { name: 'tea-svc', ports: [80] });
      const c = chart(app, 'cafe', 'cafe');
      const gw = new Gateway(c, 'gw', { name: 'gw', gatewayClass: 'nginx', listeners: [{ name: 'http' }] });
      new HttpRoute(c, 'route', { parents: [gw], rules: [{ backends: [to(tea)] }] });
      new ReferenceGrant(chart(app, 'tea', 'grants'), 'grant', { from: [{ namespace: 'other' }] });
    },
    path: 'cafe/route', field: 'rules[0].backends[0].service', rule: /without a ReferenceGrant in "tea"/,
  },
  { name: 'ReferenceGrant without from', build: grant({ from: [] }), path: 'c/grant', field: 'from', rule: /1 to 16 from/ },
  { name: 'ReferenceGrant from namespace not a label', build: grant({ from: [{ namespace: 'Cafe' }] }), path: 'c/grant', field: 'from[0].namespace', rule: /RFC 1123 label/ },
  { name: 'ReferenceGrant to a Secret', build: grant({ from: [{ namespace: 'cafe' }], to: [{ kind: untyped('Secret') }] }), path: 'c/grant', field: 'to[0].kind', rule: /references to Services/ },
  {
    name: 'toHttpRoutes without a Gateway',
    build: (app) => {
      const c = chart(app);
      const tea = new Service(c, 'tea', { name: 'tea-svc', ports: [80] });
      new Ingress(c, 'ing', { rules: [{ paths: [{ backend: IngressBackend.fromService(tea) }] }] }).toHttpRoutes(c, untyped({}));
    },
    path: 'c/ing', field: 'toHttpRoutes.gateway', rule: /needs the Gateway/,
  },
  {
    name: 'toHttpRoutes of a backend by port name',
    build: (app) => {
      const c = chart(app);
      const gw = new Gateway(c, 'gw', { gatewayClass: 'nginx', listeners: [{ name: 'http' }] });
      new Ingress(c, 'ing', { rules: [{ paths: [{ backend: IngressBackend.fromServiceName('dash', 'https') }] }] }).toHttpRoutes(c, { gateway: gw });
    },
    path: 'c/ing', field: 'toHttpRoutes.(any host)/.port', rule: /needs the Service port number/,
  },
];

runCorpus('bad input: Gateway API', cases, 40);

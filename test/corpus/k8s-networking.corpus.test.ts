// Bad-input corpus: Kubernetes networking (Service of every type, NHN load balancer options and certificates,
// NginxIngressController, Ingress, KubernetesDashboard and its access token). See harness.ts.
import { Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { DashboardAccessToken, Ingress, IngressBackend, IngressProps, IngressRule, KubernetesDashboard, LoadBalancerCertificate, LoadBalancerOptions, NginxIngressController, NginxIngressControllerProps, PlatformApp, Service, ServiceProps, WebApp, WebAppProps } from '../../lib';
import { CANARY_ANNOTATION, SSL_PASSTHROUGH_ANNOTATION } from '../../lib/k8s/networking/ingress';
import { ConstructCase, runCorpus } from './harness';

const chart = (app: PlatformApp, namespace?: string): Chart => new Chart(app.k8s, 'c', { namespace });
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const untyped = (v: unknown): any => v;

const svc = (props: ServiceProps) => (app: PlatformApp) => void new Service(chart(app), 'svc', props);
/** A LoadBalancer Service on 80 (and `ports`) with NHN options. */
const lb = (loadBalancer: LoadBalancerOptions, ports: ServiceProps['ports'] = [80]) => svc({ type: 'LoadBalancer', selector: { app: 'web' }, ports, loadBalancer });
const tls = (certificate: LoadBalancerCertificate, tlsVersion?: string): LoadBalancerOptions => ({ listenerProtocol: 'TERMINATED_HTTPS', terminatedHttps: { certificate, tlsVersion: untyped(tlsVersion) } });
const fromEnv = (certificateEnv = 'NKS_CORPUS_CERT', privateKeyEnv = 'NKS_CORPUS_KEY') => LoadBalancerCertificate.fromEnvironment({ certificateEnv, privateKeyEnv });
// Not real key material: the shape of PEM blocks, split so that no scanner mistakes this file for a key.
const PEM = (label: string) => `-----BEGIN ${label}-----\nAAAAnotakeyAAAA\n-----END ${label}-----`;
const PEM_ENV = { NKS_CORPUS_CERT: PEM('CERTIFICATE'), NKS_CORPUS_KEY: PEM(['RSA', 'PRIVATE', 'KEY'].join(' ')) };
const UUID = '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f';

const controller = (props: NginxIngressControllerProps) => (app: PlatformApp) => void new NginxIngressController(chart(app), 'ingress', props);

/** The guide's tea-svc (port 80 named http) and an Ingress built from it; `make` gets the Service and the chart. */
function ingress(make: (tea: Service, c: Chart) => IngressProps | void, namespace?: string) {
  return (app: PlatformApp): void => {
    const c = chart(app, namespace);
    const tea = new Service(c, 'tea', { name: 'tea-svc', selector: { app: 'tea' }, ports: [{ port: 80, targetPort: 8080, name: 'http' }] });
    const props = make(tea, c);
    if (props) new Ingress(c, 'ing', props);
  };
}
const route = (tea: Service, rule: Partial<IngressRule> & { path?: string; pathType?: string; port?: number | string }): IngressProps => ({
  rules: [{ host: rule.host, paths: rule.paths ?? [{ path: rule.path, pathType: untyped(rule.pathType), backend: IngressBackend.fromService(tea, rule.port) }] }],
});
const dashboard = (use: (d: KubernetesDashboard, c: Chart) => void) => (app: PlatformApp) => {
  const c = chart(app);
  use(new KubernetesDashboard(c, 'dash'), c);
};

/** A WebApp (namespace `webNs`, ports named as given) and a Service (namespace `svcNs`) selecting it. */
const selecting = (svcProps: Partial<ServiceProps>, app: Partial<WebAppProps> = {}) => (platform: PlatformApp) => {
  const c = chart(platform);
  const web = new WebApp(c, 'web', { image: 'nginx:1.14.2', ...app });
  new Service(c, 'svc', { selector: web, ports: [80], ...svcProps });
};
/** Two objects built by `make` with ids `a` and `b` in one chart. */
const twice = (make: (c: Chart, id: 'a' | 'b') => void) => (app: PlatformApp) => {
  const c = chart(app);
  make(c, 'a');
  make(c, 'b');
};
const PASSTHROUGH = { [SSL_PASSTHROUGH_ANNOTATION]: 'true' };
const CANARY = { [CANARY_ANNOTATION]: 'true' };
/** The guide's tea-svc and coffee-svc (port 80) in one chart, and what `make` builds from them. */
const cafe = (make: (c: Chart, tea: Service, coffee: Service) => unknown) => (app: PlatformApp) => {
  const c = chart(app);
  const tea = new Service(c, 'tea', { name: 'tea-svc', selector: { app: 'tea' }, ports: [80] });
  const coffee = new Service(c, 'coffee', { name: 'coffee-svc', selector: { app: 'coffee' }, ports: [80] });
  make(c, tea, coffee);
};
/** Host cafe.example.com, path /menu (Prefix), to `backend`'s only port. */
const hostPath = (backend: Service): IngressProps => ({ rules: [{ host: 'cafe.example.com', paths: [{ path: '/menu', backend: IngressBackend.fromService(backend) }] }] });
const ROUTE_TAKEN = /already routes host cafe\.example\.com, path \/menu to Service default\/tea-svc:80 .*this Ingress sends it to Service default\/coffee-svc:80, and the controller keeps only the older Ingress's route/;

const S = 'c/svc';
const LABEL = /RFC 1123 label/;
const SUBDOMAIN = /RFC 1123 subdomain/;
const PORT = /a port must be/;
const UUID_RULE = /ID is a UUID/;

const service: ConstructCase[] = [
  { name: 'Service type with the wrong case', build: svc({ type: untyped('Nodeport'), ports: [80] }), path: S, field: 'type', rule: /matched exactly.*"NodePort"/ },
  { name: 'Service type unknown', build: svc({ type: untyped('Ingress'), ports: [80] }), path: S, field: 'type', rule: /a Service type must be one of/ },
  { name: 'headless NodePort Service', build: svc({ type: 'NodePort', headless: true, ports: [80] }), path: S, field: 'headless', rule: /only a ClusterIP Service can be headless/ },
  { name: 'headless ExternalName Service', build: svc({ externalName: 'db.example.com', headless: true }), path: S, field: 'headless', rule: /this one is ExternalName/ },
  { name: 'Service name with uppercase', build: svc({ name: 'Nginx-Svc', ports: [80] }), path: S, field: 'name', rule: LABEL },
  { name: 'Service name starting with a digit', build: svc({ name: '1-nginx', ports: [80] }), path: S, field: 'name', rule: /starts with a letter/ },
  { name: 'Service name with a dot', build: svc({ name: 'nginx.svc', ports: [80] }), path: S, field: 'name', rule: LABEL },
  { name: 'Service name longer than 63', build: svc({ name: 's'.repeat(64), ports: [80] }), path: S, field: 'name', rule: LABEL },
  { name: 'Service namespace invalid', build: svc({ namespace: 'Web_NS', ports: [80] }), path: S, field: 'namespace', rule: LABEL },
  { name: 'Service label value invalid', build: svc({ labels: { app: 'a b' }, ports: [80] }), path: S, field: 'labels.app', rule: /a label value is/ },
  { name: 'Service selector key invalid', build: svc({ selector: { 'bad key!': 'x' }, ports: [80] }), path: S, field: 'selector.bad key!', rule: /a label key is/ },
  { name: 'Service selector value invalid', build: svc({ selector: { app: 'web/v1' }, ports: [80] }), path: S, field: 'selector.app', rule: /a label value is/ },
  {
    name: 'Service selecting pods by label expressions',
    build: svc({ ports: [80], selector: untyped({ toPodSelectorConfig: () => ({ labelSelector: kplus.LabelSelector.of({ expressions: [kplus.LabelExpression.in('app', ['a', 'b'])] }) }) }) }),
    path: S,
    field: 'selector',
    rule: /not by label expressions/,
  },
  { name: 'ClusterIP Service without ports', build: svc({ selector: { app: 'web' } }), path: S, field: 'ports', rule: /a ClusterIP Service needs at least one port/ },
  { name: 'LoadBalancer Service without ports', build: svc({ type: 'LoadBalancer', selector: { app: 'web' } }), path: S, field: 'ports', rule: /a LoadBalancer Service needs at least one port/ },
  { name: 'Service port 0', build: svc({ ports: [0] }), path: S, field: 'ports[0].port', rule: PORT },
  { name: 'Service port 65536', build: svc({ ports: [{ port: 65536 }] }), path: S, field: 'ports[0].port', rule: PORT },
  { name: 'Service port fractional', build: svc({ ports: [80.5] }), path: S, field: 'ports[0].port', rule: /whole number/ },
  { name: 'Service targetPort 70000', build: svc({ ports: [{ port: 80, targetPort: 70000 }] }), path: S, field: 'ports[0].targetPort', rule: PORT },
  { name: 'Service targetPort name with "_"', build: svc({ ports: [{ port: 80, targetPort: 'Not_A_Port' }] }), path: S, field: 'ports[0].targetPort', rule: /a port name is at most 15/ },
  { name: 'Service targetPort name longer than 15', build: svc({ ports: [{ port: 80, targetPort: 'http-alternative' }] }), path: S, field: 'ports[0].targetPort', rule: /at most 15/ },
  { name: 'Service port protocol HTTP', build: svc({ ports: [{ port: 80, protocol: untyped('HTTP') }] }), path: S, field: 'ports[0].protocol', rule: /a port protocol must be one of/ },
  { name: 'Service port protocol lowercase', build: svc({ ports: [{ port: 53, protocol: untyped('udp') }] }), path: S, field: 'ports[0].protocol', rule: /matched exactly/ },
  { name: 'Service port name uppercase', build: svc({ ports: [{ port: 80, name: 'HTTP' }] }), path: S, field: 'ports[0].name', rule: LABEL },
  { name: 'Service port repeated', build: svc({ ports: [{ port: 80, name: 'a' }, { port: 80, name: 'b' }] }), path: S, field: 'ports[1]', rule: /port and protocol appears once/ },
  { name: 'Service port names repeated', build: svc({ ports: [{ port: 80, name: 'web' }, { port: 81, name: 'web' }] }), path: S, field: 'ports[1]', rule: /port name appears once/ },
  { name: 'Service ports unnamed when several', build: svc({ ports: [{ port: 80, name: 'http' }, { port: 443 }] }), path: S, field: 'ports[1].name', rule: /needs a name when a Service has more than one/ },
  { name: 'nodePort on a ClusterIP Service', build: svc({ ports: [{ port: 80, nodePort: 30080 }] }), path: S, field: 'ports[0].nodePort', rule: /ClusterIP Service has no node ports/ },
  { name: 'nodePort on an ExternalName Service', build: svc({ externalName: 'db.example.com', ports: [{ port: 5432, nodePort: 30432 }] }), path: S, field: 'ports[0].nodePort', rule: /ExternalName Service has no node ports/ },
  { name: "nodePort 10010 (the guide's error case)", build: svc({ type: 'NodePort', ports: [{ port: 10010, nodePort: 10010 }] }), path: S, field: 'ports[0].nodePort', rule: /30000 to 32767/ },
  { name: 'nodePort 32768', build: svc({ type: 'NodePort', ports: [{ port: 80, nodePort: 32768 }] }), path: S, field: 'ports[0].nodePort', rule: /30000 to 32767/ },
  { name: 'nodePort 29999 on a LoadBalancer Service', build: svc({ type: 'LoadBalancer', ports: [{ port: 80, nodePort: 29999 }] }), path: S, field: 'ports[0].nodePort', rule: /30000 to 32767/ },
  { name: 'nodePort fractional', build: svc({ type: 'NodePort', ports: [{ port: 80, nodePort: 30000.5 }] }), path: S, field: 'ports[0].nodePort', rule: /whole number/ },
  { name: 'nodePort repeated', build: svc({ type: 'NodePort', ports: [{ port: 80, name: 'a', nodePort: 30000 }, { port: 81, name: 'b', nodePort: 30000 }] }), path: S, field: 'ports[1]', rule: /nodePort appears once/ },
  { name: 'appProtocol with a space', build: svc({ ports: [{ port: 80, appProtocol: 'h2 c' }] }), path: S, field: 'ports[0].appProtocol', rule: /a label key is/ },
  { name: 'loadBalancer options on a ClusterIP Service', build: svc({ ports: [80], loadBalancer: { internal: true } }), path: S, field: 'loadBalancer', rule: /applies only to LoadBalancer Services; this one is ClusterIP/ },
  { name: 'loadBalancerIP on a NodePort Service', build: svc({ type: 'NodePort', ports: [80], loadBalancerIP: '203.0.113.10' }), path: S, field: 'loadBalancerIP', rule: /applies only to LoadBalancer/ },
  { name: 'loadBalancerSourceRanges on a ClusterIP Service', build: svc({ ports: [80], loadBalancerSourceRanges: ['10.0.0.0/8'] }), path: S, field: 'loadBalancerSourceRanges', rule: /applies only to LoadBalancer/ },
  { name: 'externalTrafficPolicy on a ClusterIP Service', build: svc({ ports: [80], externalTrafficPolicy: 'Local' }), path: S, field: 'externalTrafficPolicy', rule: /applies only to NodePort and LoadBalancer/ },
  { name: 'externalName on a ClusterIP Service', build: svc({ type: 'ClusterIP', ports: [80], externalName: 'db.example.com' }), path: S, field: 'externalName', rule: /applies only to ExternalName/ },
  { name: 'ExternalName Service without externalName', build: svc({ type: 'ExternalName' }), path: S, field: 'externalName', rule: /needs externalName/ },
  { name: 'externalName with spaces', build: svc({ externalName: 'Not A Host' }), path: S, field: 'externalName', rule: SUBDOMAIN },
  { name: 'externalName with a scheme', build: svc({ externalName: 'https://db.example.com' }), path: S, field: 'externalName', rule: SUBDOMAIN },
  { name: 'ExternalName Service with a selector', build: svc({ externalName: 'db.example.com', selector: { app: 'db' } }), path: S, field: 'selector', rule: /selects no pods/ },
  { name: 'loadBalancerIP with an octet above 255', build: svc({ type: 'LoadBalancer', ports: [80], loadBalancerIP: '10.0.0.256' }), path: S, field: 'loadBalancerIP', rule: /IPv4 address/ },
  { name: 'loadBalancerIP a name', build: svc({ type: 'LoadBalancer', ports: [80], loadBalancerIP: 'my-floating-ip' }), path: S, field: 'loadBalancerIP', rule: /IPv4 address/ },
  { name: 'loadBalancerSourceRanges without a prefix', build: svc({ type: 'LoadBalancer', ports: [80], loadBalancerSourceRanges: ['203.0.113.0'] }), path: S, field: 'loadBalancerSourceRanges[0]', rule: /IPv4 CIDR/ },
  { name: 'loadBalancerSourceRanges prefix 33', build: svc({ type: 'LoadBalancer', ports: [80], loadBalancerSourceRanges: ['10.0.0.0/8', '203.0.113.0/33'] }), path: S, field: 'loadBalancerSourceRanges[1]', rule: /IPv4 CIDR/ },
  { name: 'session affinity timeout without ClientIP', build: svc({ ports: [80], sessionAffinityTimeoutSeconds: 600 }), path: S, field: 'sessionAffinityTimeoutSeconds', rule: /only with sessionAffinity "ClientIP"/ },
  { name: 'session affinity timeout 0', build: svc({ ports: [80], sessionAffinity: 'ClientIP', sessionAffinityTimeoutSeconds: 0 }), path: S, field: 'sessionAffinityTimeoutSeconds', rule: /1 s to 86400 s/ },
  { name: 'session affinity timeout above a day', build: svc({ ports: [80], sessionAffinity: 'ClientIP', sessionAffinityTimeoutSeconds: 86401 }), path: S, field: 'sessionAffinityTimeoutSeconds', rule: /1 s to 86400 s/ },
  { name: 'sessionAffinity unknown', build: svc({ ports: [80], sessionAffinity: untyped('Sticky') }), path: S, field: 'sessionAffinity', rule: /a session affinity must be one of/ },
  { name: 'externalTrafficPolicy lowercase', build: svc({ type: 'NodePort', ports: [80], externalTrafficPolicy: untyped('local') }), path: S, field: 'externalTrafficPolicy', rule: /matched exactly/ },
  { name: 'externalName an IP address', build: svc({ externalName: '10.0.0.1' }), path: S, field: 'externalName', rule: /externalName is a DNS name, not an IP address/ },
  { name: 'Service selecting a WebApp in another namespace', build: selecting({ namespace: 'cafe' }, { namespace: 'shop' }), path: S, field: 'selector', rule: /own namespace only.*c\/web is in "shop", the Service in "cafe"/ },
  { name: "Service in its own namespace selecting a WebApp in the chart's", build: selecting({ namespace: 'cafe' }), path: S, field: 'selector', rule: /is in "default", the Service in "cafe"/ },
  {
    name: 'Service targetPort name the WebApp does not declare',
    build: selecting({ ports: [{ port: 80, targetPort: 'web' }] }, { ports: [{ number: 8080, name: 'http' }] }),
    path: S,
    field: 'ports[0].targetPort',
    rule: /no container port named "web" \(its named ports are "http"\)/,
  },
  { name: 'Service targetPort name on a WebApp without named ports', build: selecting({ ports: [{ port: 80, name: 'a' }, { port: 81, name: 'b', targetPort: 'metrics' }] }, { ports: [8080] }), path: S, field: 'ports[1].targetPort', rule: /it names no ports/ },
  {
    name: 'Service targetPort name a cdk8s-plus Deployment does not declare',
    build: (app) => {
      const c = chart(app);
      const d = new kplus.Deployment(c, 'd', { containers: [{ image: 'nginx:1.14.2', ports: [{ number: 80, name: 'http' }] }] });
      new Service(c, 'svc', { selector: d, ports: [{ port: 80, targetPort: 'https' }] });
    },
    path: S,
    field: 'ports[0].targetPort',
    rule: /c\/d has no container port named "https"/,
  },
  { name: 'loadBalancerSourceRanges with host bits', build: svc({ type: 'LoadBalancer', ports: [80], loadBalancerSourceRanges: ['203.0.113.7/24'] }), path: S, field: 'loadBalancerSourceRanges[0]', rule: /has host bits set/ },
  { name: 'loadBalancerSourceRanges IPv6 (IPv4 only)', build: svc({ type: 'LoadBalancer', ports: [80], loadBalancerSourceRanges: ['2001:db8::/32'] }), path: S, field: 'loadBalancerSourceRanges[0]', rule: /IPv4 CIDR/ },
  { name: 'Service annotation key with a space', build: svc({ ports: [80], annotations: { 'team name': 'web' } }), path: S, field: 'annotations.team name', rule: /an annotation key is/ },
  { name: 'Service annotation key with two slashes', build: svc({ ports: [80], annotations: { 'example.com/a/b': 'x' } }), path: S, field: 'annotations.example.com/a/b', rule: /more than one '\/'/ },
  { name: 'Service annotation value a number', build: svc({ ports: [80], annotations: { 'example.com/weight': untyped(3) } }), path: S, field: 'annotations.example.com/weight', rule: /an annotation value is a string/ },
  {
    name: 'raw annotation that a loadBalancer option also writes',
    build: svc({ type: 'LoadBalancer', ports: [80], annotations: { 'loadbalancer.nhncloud/loadbalancer-type': 'shared' }, loadBalancer: { type: 'dedicated' } }),
    path: S,
    field: 'annotations.loadbalancer.nhncloud/loadbalancer-type',
    rule: /the loadBalancer options write the annotation .* too, and would silently replace this value/,
  },
  {
    name: 'raw per-listener annotation that a listener option also writes',
    build: svc({ type: 'LoadBalancer', ports: [80], annotations: { 'TCP-80.loadbalancer.nhncloud/connection-limit': '10' }, loadBalancer: { listeners: [{ port: 80, connectionLimit: 20 }] } }),
    path: S,
    field: 'annotations.TCP-80.loadbalancer.nhncloud/connection-limit',
    rule: /would silently replace/,
  },
  { name: 'two Services with one name', build: twice((c, id) => new Service(c, id, { name: 'web', ports: [80] })), path: 'c/b', field: 'name', rule: /the Service "web" in namespace "default" is already defined by c\/a/ },
  {
    name: 'two Services with one nodePort, in two namespaces',
    build: twice((c, id) => new Service(c, id, { type: 'NodePort', namespace: id === 'a' ? 'shop' : 'ops', selector: { app: 'web' }, ports: [{ port: 80, nodePort: 30080 }] })),
    path: 'c/b',
    field: 'ports[0].nodePort',
    rule: /nodePort 30080 is already the node port of Service "c-a-[0-9a-f]+" in namespace "shop" \(c\/a\).*provided port is already allocated/,
  },
  {
    name: 'a LoadBalancer Service taking the nodePort of a NodePort Service, other protocol',
    build: (app) => {
      const c = chart(app);
      new Service(c, 'dns', { type: 'NodePort', selector: { app: 'dns' }, ports: [{ port: 53, protocol: 'UDP', nodePort: 31053 }] });
      new Service(c, 'web', { type: 'LoadBalancer', selector: { app: 'web' }, ports: [{ port: 80, name: 'http', nodePort: 30080 }, { port: 443, name: 'https', nodePort: 31053 }] });
    },
    path: 'c/web',
    field: 'ports[1].nodePort',
    rule: /nodePort 31053 is already the node port of Service "c-dns-/,
  },
  {
    name: 'Service annotations over 256 KiB',
    build: svc({ ports: [80], annotations: { 'example.com/blob': 'x'.repeat(200 * 1024), 'example.com/more': 'y'.repeat(60 * 1024) } }),
    path: S,
    field: 'annotations',
    rule: /annotations total at most 262144 bytes \(256 KiB, keys and values\), and these total 266272.*Largest: "example\.com\/blob" \(204816 bytes\)/,
    also: (e) => expect(e.message).not.toMatch(/xxxx|yyyy/),
  },
];

const L = 'loadBalancer';
const loadBalancer: ConstructCase[] = [
  { name: 'LB name with a space', build: lb({ name: 'my lb' }), path: S, field: `${L}.name`, rule: /a load balancer name is 1 to 255/ },
  { name: 'LB name longer than 255', build: lb({ name: 'l'.repeat(256) }), path: S, field: `${L}.name`, rule: /1 to 255/ },
  { name: 'LB name empty', build: lb({ name: '' }), path: S, field: `${L}.name`, rule: /1 to 255/ },
  { name: 'LB type unknown', build: lb({ type: untyped('premium') }), path: S, field: `${L}.type`, rule: /a load balancer type must be one of/ },
  { name: 'LB type with the wrong case', build: lb({ type: untyped('Dedicated') }), path: S, field: `${L}.type`, rule: /matched exactly/ },
  { name: 'LB networkId not a UUID', build: lb({ networkId: 'vpc-default' }), path: S, field: `${L}.networkId`, rule: UUID_RULE },
  { name: 'LB subnetId not a UUID', build: lb({ subnetId: 'subnet-1' }), path: S, field: `${L}.subnetId`, rule: UUID_RULE },
  { name: 'LB memberSubnetIds empty', build: lb({ memberSubnetIds: [] }), path: S, field: `${L}.memberSubnetIds`, rule: /at least one subnet/ },
  { name: 'LB memberSubnetIds entry not a UUID', build: lb({ memberSubnetIds: [UUID, 'subnet-2'] }), path: S, field: `${L}.memberSubnetIds[1]`, rule: UUID_RULE },
  { name: 'physical LB keeping a floating IP', build: lb({ type: 'physical_basic', keepFloatingIp: true }), path: S, field: `${L}.keepFloatingIp`, rule: /physical load balancers take no floating IP/ },
  { name: 'listenerProtocol UDP', build: lb({ listenerProtocol: untyped('UDP') }), path: S, field: `${L}.listenerProtocol`, rule: /a listener protocol must be one of/ },
  { name: 'listenerProtocol lowercase', build: lb({ listenerProtocol: untyped('https') }), path: S, field: `${L}.listenerProtocol`, rule: /matched exactly/ },
  { name: 'TERMINATED_HTTPS without a certificate', build: lb({ listenerProtocol: 'TERMINATED_HTTPS' }), path: S, field: `${L}.terminatedHttps`, rule: /needs a certificate/ },
  { name: 'terminatedHttps on a TCP listener', build: lb({ terminatedHttps: { certificate: LoadBalancerCertificate.fromCertificateManager('web') } }), path: S, field: `${L}.terminatedHttps`, rule: /applies only to a TERMINATED_HTTPS listener/ },
  { name: 'TLS version unknown', build: lb(tls(LoadBalancerCertificate.fromCertificateManager('web'), 'TLSv1.4')), path: S, field: `${L}.terminatedHttps.tlsVersion`, rule: /a TLS version must be one of/ },
  { name: 'certificate not a LoadBalancerCertificate', build: lb(tls(untyped({ name: 'web' }))), path: S, field: `${L}.terminatedHttps.certificate`, rule: /is a LoadBalancerCertificate/ },
  { name: 'Certificate Manager name empty', build: lb(tls(LoadBalancerCertificate.fromCertificateManager(''))), path: S, field: `${L}.terminatedHttps.certificate`, rule: /1 to 255 characters/ },
  { name: 'Certificate Manager name blank', build: lb(tls(LoadBalancerCertificate.fromCertificateManager('   '))), path: S, field: `${L}.terminatedHttps.certificate`, rule: /1 to 255 characters/ },
  { name: 'Certificate Manager name longer than 255', build: lb(tls(LoadBalancerCertificate.fromCertificateManager('c'.repeat(256)))), path: S, field: `${L}.terminatedHttps.certificate`, rule: /1 to 255 characters/ },
  { name: 'certificateEnv not a variable name', build: lb(tls(fromEnv('my cert'))), env: PEM_ENV, path: S, field: `${L}.terminatedHttps.certificate.certificateEnv`, rule: /NAME of an environment variable/ },
  {
    name: 'privateKeyEnv holding the PEM key itself',
    build: lb(tls(fromEnv('NKS_CORPUS_CERT', PEM_ENV.NKS_CORPUS_KEY))),
    env: PEM_ENV,
    path: S,
    field: `${L}.terminatedHttps.certificate.privateKeyEnv`,
    rule: /NAME of an environment variable/,
    also: (e) => {
      expect(e.value).toBe('(redacted)');
      expect(e.message).not.toContain('notakey');
    },
  },
  { name: 'certificateEnv unset', build: lb(tls(fromEnv('NKS_CORPUS_UNSET'))), env: { ...PEM_ENV, NKS_CORPUS_UNSET: undefined }, path: S, field: `${L}.terminatedHttps.certificate.certificateEnv`, rule: /NKS_CORPUS_UNSET is not set/ },
  { name: 'certificateEnv not PEM', build: lb(tls(fromEnv())), env: { ...PEM_ENV, NKS_CORPUS_CERT: 'not a certificate' }, path: S, field: `${L}.terminatedHttps.certificate.certificateEnv`, rule: /must hold a PEM certificate/ },
  { name: 'privateKeyEnv holding a certificate', build: lb(tls(fromEnv('NKS_CORPUS_CERT', 'NKS_CORPUS_CERT'))), env: PEM_ENV, path: S, field: `${L}.terminatedHttps.certificate.privateKeyEnv`, rule: /must hold a PEM private key/ },
  { name: 'proxyProtocol on an HTTP listener', build: lb({ listenerProtocol: 'HTTP', proxyProtocol: true }), path: S, field: `${L}.proxyProtocol`, rule: /only on TCP and HTTPS listeners; this one is HTTP/ },
  { name: 'proxyProtocol on a TERMINATED_HTTPS listener', build: lb({ ...tls(LoadBalancerCertificate.fromCertificateManager('web')), proxyProtocol: true }), path: S, field: `${L}.proxyProtocol`, rule: /this one is TERMINATED_HTTPS/ },
  { name: 'connectionLimit 0', build: lb({ connectionLimit: 0 }), path: S, field: `${L}.connectionLimit`, rule: /a listener connection limit must be from 1 to 60000/ },
  { name: 'connectionLimit 60001', build: lb({ connectionLimit: 60001 }), path: S, field: `${L}.connectionLimit`, rule: /1 to 60000/ },
  { name: 'connectionLimit fractional', build: lb({ connectionLimit: 100.5 }), path: S, field: `${L}.connectionLimit`, rule: /whole number/ },
  { name: 'lbMethod unknown', build: lb({ lbMethod: untyped('RANDOM') }), path: S, field: `${L}.lbMethod`, rule: /a load balancing method must be one of/ },
  { name: 'lbMethod lowercase', build: lb({ lbMethod: untyped('round_robin') }), path: S, field: `${L}.lbMethod`, rule: /matched exactly/ },
  { name: 'sessionPersistence by cookie', build: lb({ sessionPersistence: untyped('HTTP_COOKIE') }), path: S, field: `${L}.sessionPersistence`, rule: /a session persistence must be one of/ },
  { name: 'keep-alive timeout negative', build: lb({ keepAliveTimeoutSeconds: -1 }), path: S, field: `${L}.keepAliveTimeoutSeconds`, rule: /0 s to 3600 s/ },
  { name: 'keep-alive timeout above an hour', build: lb({ keepAliveTimeoutSeconds: 3601 }), path: S, field: `${L}.keepAliveTimeoutSeconds`, rule: /0 s to 3600 s/ },
  { name: 'health monitor type PING', build: lb({ healthMonitor: { type: untyped('PING') } }), path: S, field: `${L}.healthMonitor.type`, rule: /a health check type must be one of/ },
  { name: 'health monitor delay 0', build: lb({ healthMonitor: { delaySeconds: 0 } }), path: S, field: `${L}.healthMonitor.delaySeconds`, rule: /health check interval must be from 1 s to 5000 s/ },
  { name: 'health monitor delay 5001', build: lb({ healthMonitor: { delaySeconds: 5001 } }), path: S, field: `${L}.healthMonitor.delaySeconds`, rule: /1 s to 5000 s/ },
  { name: 'health monitor timeout 0', build: lb({ healthMonitor: { timeoutSeconds: 0 } }), path: S, field: `${L}.healthMonitor.timeoutSeconds`, rule: /health check timeout must be from 1 s/ },
  { name: 'health monitor timeout equal to delay', build: lb({ healthMonitor: { delaySeconds: 10, timeoutSeconds: 10 } }), path: S, field: `${L}.healthMonitor.timeoutSeconds`, rule: /less than the interval \(delaySeconds = 10\)/ },
  { name: "health monitor timeout above NHN's default delay", build: lb({ healthMonitor: { timeoutSeconds: 60 } }), path: S, field: `${L}.healthMonitor.timeoutSeconds`, rule: /delaySeconds = 60, NHN's default/ },
  { name: 'health monitor retries 0', build: lb({ healthMonitor: { maxRetries: 0 } }), path: S, field: `${L}.healthMonitor.maxRetries`, rule: /health check retries must be from 1 to 10/ },
  { name: 'health monitor retries 11', build: lb({ healthMonitor: { maxRetries: 11 } }), path: S, field: `${L}.healthMonitor.maxRetries`, rule: /1 to 10/ },
  { name: 'health monitor httpUrl on a TCP check', build: lb({ healthMonitor: { type: 'TCP', httpUrl: '/healthz' } }), path: S, field: `${L}.healthMonitor.httpUrl`, rule: /applies only to HTTP and HTTPS/ },
  { name: 'health monitor expectedCodes without a type', build: lb({ healthMonitor: { expectedCodes: '200' } }), path: S, field: `${L}.healthMonitor.expectedCodes`, rule: /applies only to HTTP and HTTPS/ },
  { name: 'health monitor host header on a TCP check', build: lb({ healthMonitor: { httpHostHeader: 'example.com' } }), path: S, field: `${L}.healthMonitor.httpHostHeader`, rule: /applies only to HTTP and HTTPS/ },
  { name: 'health monitor httpUrl without "/"', build: lb({ healthMonitor: { type: 'HTTP', httpUrl: 'healthz' } }), path: S, field: `${L}.healthMonitor.httpUrl`, rule: /starting with "\/"/ },
  { name: 'health monitor httpUrl with a space', build: lb({ healthMonitor: { type: 'HTTPS', httpUrl: '/health check' } }), path: S, field: `${L}.healthMonitor.httpUrl`, rule: /without spaces/ },
  { name: 'health monitor expectedCodes 2xx', build: lb({ healthMonitor: { type: 'HTTP', expectedCodes: '2xx' } }), path: S, field: `${L}.healthMonitor.expectedCodes`, rule: /expected codes are/ },
  { name: 'health monitor expectedCodes 600', build: lb({ healthMonitor: { type: 'HTTP', expectedCodes: '600' } }), path: S, field: `${L}.healthMonitor.expectedCodes`, rule: /expected codes are/ },
  { name: 'health monitor port 0', build: lb({ healthMonitor: { port: 0 } }), path: S, field: `${L}.healthMonitor.port`, rule: PORT },
  { name: 'listener port 0', build: lb({ listeners: [{ port: 0 }] }), path: S, field: `${L}.listeners[0].port`, rule: PORT },
  { name: 'listener protocol HTTP (not a Service port protocol)', build: lb({ listeners: [{ port: 80, protocol: untyped('HTTP') }] }), path: S, field: `${L}.listeners[0].protocol`, rule: /a Service port's protocol must be one of/ },
  { name: 'listener settings repeated for one port', build: lb({ listeners: [{ port: 80 }, { port: 80, protocol: 'TCP' }] }), path: S, field: `${L}.listeners[1].port`, rule: /one set of listener settings/ },
  { name: 'listener naming a port the Service lacks', build: lb({ listeners: [{ port: 8080, connectionLimit: 10 }] }), path: S, field: `${L}.listeners[0]`, rule: /must name a port of this Service \(TCP-80\)/ },
  { name: 'listener naming the port with another protocol', build: lb({ listeners: [{ port: 80, protocol: 'UDP' }] }), path: S, field: `${L}.listeners[0]`, rule: /must name a port of this Service/ },
  { name: 'listener connectionLimit 0', build: lb({ listeners: [{ port: 80, connectionLimit: 0 }] }), path: S, field: `${L}.listeners[0].connectionLimit`, rule: /1 to 60000/ },
  { name: 'listener health monitor delay 0', build: lb({ listeners: [{ port: 80, healthMonitor: { delaySeconds: 0 } }] }), path: S, field: `${L}.listeners[0].healthMonitor.delaySeconds`, rule: /1 s to 5000 s/ },
  { name: 'listener keep-alive 4000', build: lb({ listeners: [{ port: 80, keepAliveTimeoutSeconds: 4000 }] }), path: S, field: `${L}.listeners[0].keepAliveTimeoutSeconds`, rule: /0 s to 3600 s/ },
  { name: 'listener TERMINATED_HTTPS without a certificate', build: lb({ listeners: [{ port: 443, listenerProtocol: 'TERMINATED_HTTPS' }] }, [443]), path: S, field: `${L}.listeners[0].terminatedHttps`, rule: /needs a certificate/ },
  {
    name: 'listener terminatedHttps on an inherited TCP listener',
    build: lb({ listeners: [{ port: 443, terminatedHttps: { certificate: LoadBalancerCertificate.fromCertificateManager('web') } }] }, [443]),
    path: S,
    field: `${L}.listeners[0].terminatedHttps`,
    rule: /applies only to a TERMINATED_HTTPS listener/,
  },
  { name: 'listener proxyProtocol on an inherited HTTP listener', build: lb({ listenerProtocol: 'HTTP', listeners: [{ port: 80, proxyProtocol: true }] }), path: S, field: `${L}.listeners[0].proxyProtocol`, rule: /this one is HTTP/ },
  { name: 'health monitor expectedCodes range reversed', build: lb({ healthMonitor: { type: 'HTTP', expectedCodes: '299-200' } }), path: S, field: `${L}.healthMonitor.expectedCodes`, rule: /from the lower code to the higher/ },
  { name: 'internal LB keeping a floating IP', build: lb({ internal: true, keepFloatingIp: true }), path: S, field: `${L}.keepFloatingIp`, rule: /an internal load balancer has no floating IP to keep/ },
  { name: 'LB memberSubnetIds repeated (any case)', build: lb({ memberSubnetIds: [UUID, UUID.toUpperCase()] }), path: S, field: `${L}.memberSubnetIds[1]`, rule: /listed once \(memberSubnetIds\[0\]/ },
  { name: 'health monitor host header with a scheme', build: lb({ healthMonitor: { type: 'HTTP', httpHostHeader: 'https://example.com' } }), path: S, field: `${L}.healthMonitor.httpHostHeader`, rule: /host header is a domain name/ },
  { name: 'health monitor host header with a port', build: lb({ healthMonitor: { type: 'HTTPS', httpHostHeader: 'example.com:8443' } }), path: S, field: `${L}.healthMonitor.httpHostHeader`, rule: /without scheme, port or path/ },
  { name: 'health monitor host header with a space', build: lb({ healthMonitor: { type: 'HTTP', httpHostHeader: 'my host' } }), path: S, field: `${L}.healthMonitor.httpHostHeader`, rule: /host header is a domain name/ },
  {
    name: 'UDP port behind an HTTP listener',
    build: lb({ listenerProtocol: 'HTTP' }, [{ port: 80, name: 'http' }, { port: 53, name: 'dns', protocol: 'UDP' }]),
    path: S,
    field: `${L}.listenerProtocol`,
    rule: /listener protocol HTTP carries TCP only, but ports\[1\] \(UDP-53\) is UDP/,
  },
  { name: 'UDP port with its own HTTPS listener', build: lb({ listeners: [{ port: 53, protocol: 'UDP', listenerProtocol: 'HTTPS' }] }, [{ port: 53, protocol: 'UDP' }]), path: S, field: `${L}.listeners[0].listenerProtocol`, rule: /listener protocol HTTPS carries TCP only/ },
  {
    name: 'UDP port behind a TERMINATED_HTTPS listener',
    build: lb(tls(LoadBalancerCertificate.fromCertificateManager('web')), [{ port: 443, name: 'https' }, { port: 443, name: 'quic', protocol: 'UDP' }]),
    path: S,
    field: `${L}.listenerProtocol`,
    rule: /listener protocol TERMINATED_HTTPS carries TCP only/,
  },
];

const I = 'c/ingress';
const controllers: ConstructCase[] = [
  { name: 'controller namespace invalid', build: controller({ namespace: 'Ingress_Nginx' }), path: I, field: 'namespace', rule: LABEL },
  { name: 'controller className uppercase', build: controller({ className: 'NGINX' }), path: I, field: 'className', rule: SUBDOMAIN },
  { name: 'controller value without a domain', build: controller({ controllerValue: 'ingress-nginx' }), path: I, field: 'controllerValue', rule: /domain-prefixed path/ },
  { name: 'controller value with an uppercase domain', build: controller({ controllerValue: 'K8S.io/ingress-nginx' }), path: I, field: 'controllerValue', rule: SUBDOMAIN },
  { name: 'controller value longer than 250', build: controller({ controllerValue: `example.com/${'p'.repeat(240)}` }), path: I, field: 'controllerValue', rule: /at most 250/ },
  { name: 'controller replicas negative', build: controller({ replicas: -1 }), path: I, field: 'replicas', rule: /replicas must be from 0/ },
  { name: 'controller replicas fractional', build: controller({ replicas: 1.5 }), path: I, field: 'replicas', rule: /whole number/ },
  { name: 'controller image invalid', build: controller({ image: 'ingress-nginx controller:v1' }), path: I, field: 'image', rule: /an image reference is/ },
  { name: 'controller PROXY protocol on port 80 only', build: controller({ loadBalancer: { listeners: [{ port: 80, proxyProtocol: true }] } }), path: I, field: 'loadBalancer.listeners[0].proxyProtocol', rule: /on both ports \(80 and 443\) or on neither/ },
  { name: 'controller LB connectionLimit 0', build: controller({ loadBalancer: { connectionLimit: 0 } }), path: `${I}/Service`, field: 'loadBalancer.connectionLimit', rule: /1 to 60000/ },
  { name: 'controller LB listener on a port it lacks', build: controller({ loadBalancer: { listeners: [{ port: 8443, keepAliveTimeoutSeconds: 60 }] } }), path: `${I}/Service`, field: 'loadBalancer.listeners[0]', rule: /TCP-80, TCP-443/ },
  { name: 'controller loadBalancerIP invalid', build: controller({ loadBalancerIP: '300.1.1.1' }), path: `${I}/Service`, field: 'loadBalancerIP', rule: /IPv4 address/ },
  { name: 'controller externalTrafficPolicy lowercase', build: controller({ externalTrafficPolicy: untyped('local') }), path: `${I}/Service`, field: 'externalTrafficPolicy', rule: /matched exactly/ },
  { name: 'controller --enable-ssl-passthrough in extraArgs', build: controller({ extraArgs: ['--enable-ssl-passthrough'] }), path: I, field: 'extraArgs[0]', rule: /turned on with the sslPassthrough prop/ },
  { name: 'controller --enable-ssl-passthrough=true in extraArgs', build: controller({ extraArgs: ['--v=2', '--enable-ssl-passthrough=true'] }), path: I, field: 'extraArgs[1]', rule: /sslPassthrough prop/ },
  { name: 'controller extra argument without "--"', build: controller({ extraArgs: ['--v=2', 'watch-ingress-without-class'] }), path: I, field: 'extraArgs[1]', rule: /a flag starting with "--"/ },
  { name: 'controller extra argument split from its flag', build: controller({ extraArgs: ['--default-ssl-certificate', 'ingress-nginx/tls'] }), path: I, field: 'extraArgs[1]', rule: /a flag starting with "--"/ },
  { name: 'controller config key with a space', build: controller({ config: { 'proxy body size': '100m' } }), path: I, field: 'config.proxy body size', rule: /a ConfigMap key is/ },
  { name: 'controller config value a number', build: controller({ config: { 'worker-processes': untyped(4) } }), path: I, field: 'config.worker-processes', rule: /settings are strings/ },
  {
    name: 'controller config use-proxy-protocol against loadBalancer.proxyProtocol',
    build: controller({ loadBalancer: { proxyProtocol: true }, config: { 'use-proxy-protocol': 'false' } }),
    path: I,
    field: 'config.use-proxy-protocol',
    rule: /the controller must expect it/,
  },
  { name: 'two controllers for one IngressClass', build: twice((c, id) => new NginxIngressController(c, id, { namespace: `ingress-${id}` })), path: 'c/b', field: 'className', rule: /the IngressClass "nginx" is already defined by c\/a/ },
  { name: 'two controllers in one namespace', build: twice((c, id) => new NginxIngressController(c, id, { className: `nginx-${id}` })), path: 'c/b', field: 'namespace', rule: /the Namespace "ingress-nginx" is already defined by c\/a/ },
  {
    name: 'two controllers in one existing namespace',
    build: twice((c, id) => new NginxIngressController(c, id, { className: `nginx-${id}`, createNamespace: false })),
    path: 'c/b',
    field: 'namespace',
    rule: /the ServiceAccount "ingress-nginx" in namespace "ingress-nginx" is already defined by c\/a/,
  },
];

const G = 'c/ing';
const P0 = 'rules[0].paths[0]';
const ingresses: ConstructCase[] = [
  { name: 'Ingress name invalid', build: ingress((tea) => ({ ...route(tea, {}), name: 'Cafe_Ingress' })), path: G, field: 'name', rule: SUBDOMAIN },
  { name: 'Ingress namespace invalid', build: ingress((tea) => ({ ...route(tea, {}), namespace: 'Cafe' })), path: G, field: 'namespace', rule: LABEL },
  { name: 'Ingress label invalid', build: ingress((tea) => ({ ...route(tea, {}), labels: { 'app name': 'cafe' } })), path: G, field: 'labels.app name', rule: /a label key is/ },
  { name: 'Ingress class name invalid', build: ingress((tea) => ({ ...route(tea, {}), ingressClass: 'Nginx' })), path: G, field: 'ingressClass', rule: SUBDOMAIN },
  { name: 'Ingress host an IP address', build: ingress((tea) => route(tea, { host: '192.168.0.1' })), path: G, field: 'rules[0].host', rule: /not an IP address/ },
  { name: 'Ingress host with a port', build: ingress((tea) => route(tea, { host: 'cafe.example.com:443' })), path: G, field: 'rules[0].host', rule: /has no port/ },
  { name: 'Ingress host with uppercase', build: ingress((tea) => route(tea, { host: 'Tea.Cafe.example.com' })), path: G, field: 'rules[0].host', rule: SUBDOMAIN },
  { name: 'Ingress host "*"', build: ingress((tea) => route(tea, { host: '*' })), path: G, field: 'rules[0].host', rule: SUBDOMAIN },
  { name: 'Ingress host with an inner wildcard', build: ingress((tea) => route(tea, { host: 'tea.*.example.com' })), path: G, field: 'rules[0].host', rule: SUBDOMAIN },
  { name: 'Ingress host with a scheme', build: ingress((tea) => route(tea, { host: 'https://cafe.example.com' })), path: G, field: 'rules[0].host', rule: SUBDOMAIN },
  { name: 'Ingress rule without paths', build: ingress(() => ({ rules: [{ host: 'cafe.example.com', paths: [] }] })), path: G, field: 'rules[0].paths', rule: /at least one path/ },
  { name: 'Ingress path not absolute', build: ingress((tea) => route(tea, { path: 'tea' })), path: G, field: `${P0}.path`, rule: /starts with "\/"/ },
  { name: 'Ingress path with "//"', build: ingress((tea) => route(tea, { path: '/tea//green' })), path: G, field: `${P0}.path`, rule: /may not contain/ },
  { name: 'Ingress path with "/../"', build: ingress((tea) => route(tea, { path: '/tea/../coffee' })), path: G, field: `${P0}.path`, rule: /may not contain/ },
  { name: 'Ingress path with "%2f"', build: ingress((tea) => route(tea, { path: '/tea%2Fgreen', pathType: 'Exact' })), path: G, field: `${P0}.path`, rule: /may not contain/ },
  { name: 'Ingress regex path for ingress-nginx as Prefix', build: ingress((tea) => ({ ...route(tea, { path: '/tea(/|$)(.*)' }), ingressClass: 'nginx' })), path: G, field: `${P0}.path`, rule: /ingress-nginx accepts only/ },
  { name: 'Ingress pathType lowercase', build: ingress((tea) => route(tea, { path: '/tea', pathType: 'prefix' })), path: G, field: `${P0}.pathType`, rule: /matched exactly/ },
  { name: 'Ingress pathType Regex', build: ingress((tea) => route(tea, { path: '/tea', pathType: 'Regex' })), path: G, field: `${P0}.pathType`, rule: /a path type must be one of/ },
  {
    name: 'Ingress duplicate path for one host',
    build: ingress((tea) => route(tea, { paths: [{ path: '/tea', backend: IngressBackend.fromService(tea) }, { path: '/tea', backend: IngressBackend.fromService(tea) }] })),
    path: G,
    field: 'rules[0].paths[1].path',
    rule: /already routed for any host/,
  },
  {
    name: 'Ingress duplicate path added by a second rule for the same host',
    build: ingress((tea, c) => {
      const ing = new Ingress(c, 'ing', route(tea, { host: 'tea.cafe.example.com', path: '/' }));
      ing.addRule({ host: 'tea.cafe.example.com', paths: [{ backend: IngressBackend.fromService(tea) }] });
    }),
    path: G,
    field: 'rules[1].paths[0].path',
    rule: /already routed for host tea.cafe.example.com/,
  },
  { name: 'Ingress backend port number missing', build: ingress((tea) => route(tea, { port: 8080 })), path: G, field: `${P0}.backend.port`, rule: /has no port 8080; its ports are 80 \(http\)/ },
  { name: 'Ingress backend port name missing', build: ingress((tea) => route(tea, { port: 'https' })), path: G, field: `${P0}.backend.port`, rule: /has no port "https"/ },
  {
    name: 'Ingress backend without a port on a Service with several',
    build: ingress((_tea, c) => route(new Service(c, 'menu', { ports: [{ port: 80, name: 'http' }, { port: 443, name: 'https' }] }), {})),
    path: G,
    field: `${P0}.backend.port`,
    rule: /several ports/,
  },
  { name: 'Ingress backend on a headless Service without ports', build: ingress((_tea, c) => route(new Service(c, 'peers', { headless: true }), {})), path: G, field: `${P0}.backend.port`, rule: /has no ports, so the port must be named/ },
  { name: 'Ingress backend on an ExternalName Service without ports', build: ingress((_tea, c) => route(new Service(c, 'ext', { externalName: 'tea.example.com' }), {})), path: G, field: `${P0}.backend.port`, rule: /no ports to default to/ },
  {
    name: 'Ingress backend in another namespace',
    build: ingress((_tea, c) => ({ namespace: 'cafe', ...route(new Service(c, 'other', { namespace: 'tea', ports: [80] }), {}) })),
    path: G,
    field: `${P0}.backend.service`,
    rule: /in its own namespace.*"tea".*"cafe"/,
  },
  { name: "Ingress in the chart's namespace, backend in its own", build: ingress((_tea, c) => route(new Service(c, 'other', { namespace: 'tea', ports: [80] }), {}), 'cafe'), path: G, field: `${P0}.backend.service`, rule: /own namespace/ },
  { name: 'Ingress backend Service name invalid', build: ingress(() => ({ rules: [{ paths: [{ backend: IngressBackend.fromServiceName('Tea_Svc', 80) }] }] })), path: G, field: `${P0}.backend.service`, rule: SUBDOMAIN },
  { name: 'Ingress backend port 0 by name', build: ingress(() => ({ rules: [{ paths: [{ backend: IngressBackend.fromServiceName('tea-svc', 0) }] }] })), path: G, field: `${P0}.backend.port`, rule: PORT },
  { name: 'Ingress backend port name uppercase', build: ingress(() => ({ rules: [{ paths: [{ backend: IngressBackend.fromServiceName('tea-svc', 'HTTP') }] }] })), path: G, field: `${P0}.backend.port`, rule: /a backend port is/ },
  { name: 'Ingress default backend port missing', build: ingress((tea) => ({ defaultBackend: IngressBackend.fromService(tea, 81) })), path: G, field: 'defaultBackend.port', rule: /has no port 81/ },
  { name: 'Ingress TLS secret name invalid', build: ingress((tea) => ({ ...route(tea, {}), tls: [{ secretName: 'Cafe_TLS' }] })), path: G, field: 'tls[0].secretName', rule: SUBDOMAIN },
  { name: 'Ingress TLS host an IP address', build: ingress((tea) => ({ ...route(tea, {}), tls: [{ secretName: 'a' }, { hosts: ['cafe.example.com', '10.0.0.1'], secretName: 'b' }] })), path: G, field: 'tls[1].hosts[1]', rule: /not an IP address/ },
  { name: 'Ingress without rules or default backend', build: ingress(() => ({ name: 'empty' })), path: G, field: 'rules', rule: /needs rules or a defaultBackend/ },
  {
    name: 'Ingress passthrough on a controller without --enable-ssl-passthrough',
    build: ingress((tea, c) => ({ ...route(tea, {}), ingressClass: new NginxIngressController(c, 'ctl'), annotations: { [SSL_PASSTHROUGH_ANNOTATION]: 'true' } })),
    path: G,
    field: 'ingressClass',
    rule: /runs without --enable-ssl-passthrough/,
  },
  {
    name: 'Ingress passthrough with a path other than "/"',
    build: ingress((tea, c) => ({ ...route(tea, { path: '/tea' }), ingressClass: new NginxIngressController(c, 'ctl', { sslPassthrough: true }), annotations: { [SSL_PASSTHROUGH_ANNOTATION]: 'true' } })),
    path: G,
    field: `${P0}.path`,
    rule: /routes only the path "\/"/,
  },
  {
    name: 'Ingress.addRule with a bad host',
    build: ingress((tea, c) => new Ingress(c, 'ing', route(tea, {})).addRule({ host: 'cafe..example.com', paths: [{ backend: IngressBackend.fromService(tea) }] })),
    path: G,
    field: 'rules[1].host',
    rule: SUBDOMAIN,
  },
  { name: 'Ingress.addTls with a bad secret', build: ingress((tea, c) => new Ingress(c, 'ing', route(tea, {})).addTls({ secretName: '' })), path: G, field: 'tls[0].secretName', rule: SUBDOMAIN },
  {
    name: 'Ingress passthrough by class name on a controller without --enable-ssl-passthrough',
    build: ingress((tea, c) => {
      new NginxIngressController(c, 'ctl');
      return { ...route(tea, {}), ingressClass: 'nginx', annotations: PASSTHROUGH };
    }),
    path: G,
    field: 'ingressClass',
    rule: /the controller c\/ctl runs without --enable-ssl-passthrough/,
  },
  {
    name: 'Ingress passthrough by class name, controller built after the Ingress',
    build: ingress((tea, c) => {
      new Ingress(c, 'ing', { ...route(tea, {}), ingressClass: 'internal', annotations: PASSTHROUGH });
      new NginxIngressController(c, 'ctl', { className: 'internal', namespace: 'ingress-internal' });
    }),
    path: G,
    field: 'ingressClass',
    rule: /runs without --enable-ssl-passthrough/,
  },
  { name: 'Ingress annotation key with a space', build: ingress((tea) => ({ ...route(tea, {}), annotations: { 'rewrite target': '/' } })), path: G, field: 'annotations.rewrite target', rule: /an annotation key is/ },
  { name: 'Ingress annotation key with an empty prefix', build: ingress((tea) => ({ ...route(tea, {}), annotations: { '/rewrite-target': '/' } })), path: G, field: 'annotations./rewrite-target', rule: /empty prefix/ },
  { name: 'two Ingresses routing one host and path to two backends', build: cafe((c, tea, coffee) => [new Ingress(c, 'a', hostPath(tea)), new Ingress(c, 'b', hostPath(coffee))]), path: 'c/b', field: P0 + '.path', rule: ROUTE_TAKEN },
  {
    name: 'two Ingresses routing one host and path, in two namespaces',
    build: (app) => {
      const c = chart(app);
      const tea = new Service(c, 'tea', { name: 'tea-svc', namespace: 'tea', selector: { app: 'tea' }, ports: [80] });
      const coffee = new Service(c, 'coffee', { name: 'coffee-svc', namespace: 'coffee', selector: { app: 'coffee' }, ports: [80] });
      new Ingress(c, 'a', { ...hostPath(tea), namespace: 'tea' });
      new Ingress(c, 'b', { ...hostPath(coffee), namespace: 'coffee' });
    },
    path: 'c/b',
    field: P0 + '.path',
    rule: /Ingress "c-a-.*" in namespace "tea" \(c\/a\) already routes host cafe\.example\.com, path \/menu to Service tea\/tea-svc:80/,
  },
  {
    name: 'two Ingresses without host or class on one path',
    build: cafe((c, tea, coffee) => [new Ingress(c, 'a', route(tea, { path: '/' })), new Ingress(c, 'b', route(coffee, { path: '/' }))]),
    path: 'c/b',
    field: P0 + '.path',
    rule: /already routes any host, path \/ to Service default\/tea-svc:80 for the default IngressClass/,
  },
  {
    name: 'an Ingress without class and one of the default class, on one host and path',
    build: cafe((c, tea, coffee) => {
      const nginx = new NginxIngressController(c, 'ctl', { isDefaultClass: true });
      return [new Ingress(c, 'a', { ...hostPath(tea), ingressClass: nginx }), new Ingress(c, 'b', hostPath(coffee))];
    }),
    path: 'c/b',
    field: P0 + '.path',
    rule: /for IngressClass "nginx"/,
  },
  {
    name: 'two canary Ingresses on one host and path',
    build: cafe((c, tea, coffee) => [new Ingress(c, 'a', { ...hostPath(tea), annotations: CANARY }), new Ingress(c, 'b', { ...hostPath(coffee), annotations: CANARY })]),
    path: 'c/b',
    field: P0 + '.path',
    rule: ROUTE_TAKEN,
  },
  {
    name: 'a rule added after construction taking another Ingress\'s host and path',
    build: cafe((c, tea, coffee) => {
      new Ingress(c, 'a', hostPath(tea));
      new Ingress(c, 'b', route(coffee, { host: 'other.example.com' })).addRule(hostPath(coffee).rules![0]);
    }),
    path: 'c/b',
    field: 'rules[1].paths[0].path',
    rule: ROUTE_TAKEN,
  },
  { name: 'two Ingresses with one name', build: ingress((tea, c) => ['a', 'b'].forEach((id) => new Ingress(c, id, { ...route(tea, {}), name: 'cafe' }))), path: 'c/b', field: 'name', rule: /the Ingress "cafe" in namespace "default" is already defined by c\/a/ },
];

const D = 'c/dash';
const dashboards: ConstructCase[] = [
  { name: 'dashboard Ingress on a controller without passthrough', build: dashboard((d, c) => d.exposeViaIngress({ controller: new NginxIngressController(c, 'ctl') })), path: `${D}/Ingress`, field: 'ingressClass', rule: /--enable-ssl-passthrough/ },
  { name: 'dashboard Ingress with a controller name instead of the construct', build: dashboard((d) => d.exposeViaIngress({ controller: untyped('nginx') })), path: D, field: 'exposeViaIngress.controller', rule: /needs the NginxIngressController/ },
  { name: 'dashboard Ingress host an IP address', build: dashboard((d, c) => d.exposeViaIngress({ controller: new NginxIngressController(c, 'ctl', { sslPassthrough: true }), host: '10.0.0.10' })), path: `${D}/Ingress`, field: 'rules[0].host', rule: /not an IP address/ },
  { name: 'dashboard Ingress name invalid', build: dashboard((d, c) => d.exposeViaIngress({ controller: new NginxIngressController(c, 'ctl', { sslPassthrough: true }), name: 'Dashboard' })), path: `${D}/Ingress`, field: 'name', rule: SUBDOMAIN },
  { name: 'dashboard LoadBalancer name invalid', build: dashboard((d) => d.exposeViaLoadBalancer({ name: 'Dashboard_LB' })), path: `${D}/LoadBalancer`, field: 'name', rule: LABEL },
  { name: 'dashboard LoadBalancer IP invalid', build: dashboard((d) => d.exposeViaLoadBalancer({ loadBalancerIP: '1.2.3' })), path: `${D}/LoadBalancer`, field: 'loadBalancerIP', rule: /IPv4 address/ },
  { name: 'dashboard LoadBalancer source range invalid', build: dashboard((d) => d.exposeViaLoadBalancer({ loadBalancerSourceRanges: ['office'] })), path: `${D}/LoadBalancer`, field: 'loadBalancerSourceRanges[0]', rule: /IPv4 CIDR/ },
  { name: 'dashboard LoadBalancer option out of range', build: dashboard((d) => d.exposeViaLoadBalancer({ loadBalancer: { internal: true, keepAliveTimeoutSeconds: 7200 } })), path: `${D}/LoadBalancer`, field: 'loadBalancer.keepAliveTimeoutSeconds', rule: /0 s to 3600 s/ },
  { name: 'dashboard token account name invalid', build: dashboard((d) => d.addAccessToken('tok', { serviceAccountName: 'Dashboard_Admin' })), path: `${D}/tok`, field: 'serviceAccountName', rule: LABEL },
  { name: 'dashboard token account name with a dot', build: dashboard((d) => d.addAccessToken('tok', { serviceAccountName: 'dashboard.admin', clusterAdmin: true })), path: `${D}/tok`, field: 'serviceAccountName', rule: LABEL },
  { name: 'DashboardAccessToken account name longer than 63', build: (app) => void new DashboardAccessToken(chart(app), 'tok', { serviceAccountName: 'a'.repeat(64) }), path: 'c/tok', field: 'serviceAccountName', rule: LABEL },
  {
    name: 'dashboard exposed through an Ingress twice',
    build: dashboard((d, c) => {
      const controller = new NginxIngressController(c, 'ctl', { sslPassthrough: true });
      d.exposeViaIngress({ controller });
      d.exposeViaIngress({ controller, host: 'dashboard.example.com' });
    }),
    path: D,
    field: 'exposeViaIngress',
    rule: /exposeViaIngress\(\) was already called on this dashboard \(c\/dash\/Ingress\)/,
  },
  { name: 'dashboard exposed through a load balancer twice', build: dashboard((d) => [1, 2].forEach(() => d.exposeViaLoadBalancer({ loadBalancer: { internal: true } }))), path: D, field: 'exposeViaLoadBalancer', rule: /already called/ },
  { name: 'dashboard access token id repeated', build: dashboard((d) => ['a', 'b'].forEach((account) => d.addAccessToken('tok', { serviceAccountName: account }))), path: D, field: 'addAccessToken', rule: /already has a child "tok"/ },
  {
    name: 'two dashboard tokens for one account',
    build: dashboard((d) => ['a', 'b'].forEach((id) => d.addAccessToken(id))),
    path: `${D}/b`,
    field: 'serviceAccountName',
    rule: /the ServiceAccount "dashboard-viewer" in namespace "kube-system" is already defined by c\/dash\/a/,
  },
  {
    name: 'two dashboards exposed through load balancers of one name',
    build: (app) => {
      const c = chart(app);
      for (const id of ['d1', 'd2']) new KubernetesDashboard(c, id).exposeViaLoadBalancer({ loadBalancer: { internal: true } });
    },
    path: 'c/d2/LoadBalancer',
    field: 'name',
    rule: /the Service "kubernetes-dashboard-lb" in namespace "kube-system" is already defined by c\/d1\/LoadBalancer/,
  },
];

const cases: ConstructCase[] = [...service, ...loadBalancer, ...controllers, ...ingresses, ...dashboards];

runCorpus('bad input: Kubernetes networking', cases, 228);

// Networking pieces: Service (every type, NHN load balancer options), Ingress and the ingress-nginx
// controller, the Kubernetes Dashboard and Headlamp, and Gateway API (GatewayClass, Gateway, HTTPRoute,
// ReferenceGrant, NGINX Gateway Fabric).
import fc from 'fast-check';
import {
  Gateway,
  GatewayClass,
  Headlamp,
  HttpBackend,
  HttpRoute,
  Ingress,
  IngressBackend,
  KubernetesDashboard,
  NginxGatewayFabric,
  NginxIngressController,
  ReferenceGrant,
  Service,
} from '../../lib';
import { Ctx, Piece } from './program';
import { cidr, int, labels, mode, mostly, name, namespace, optional, wrongType } from './values';

const healthMonitor = optional(
  fc.record({ type: optional(mostly(fc.constantFrom('TCP', 'HTTP', 'HTTPS'), fc.constant('UDP'))), delaySeconds: optional(int(1, 60)), timeoutSeconds: optional(int(1, 60)), maxRetries: optional(int(1, 10)), httpUrl: optional(fc.constantFrom('/healthz', 'healthz', '')), expectedCodes: optional(fc.constantFrom('200', '200-299', 'ok')), port: optional(int(1, 65535)) }, { requiredKeys: [] }),
  3,
);

export const loadBalancer = optional(
  fc.record(
    {
      name: optional(name),
      type: optional(mostly(fc.constantFrom('shared', 'dedicated', 'physical_basic', 'physical_premium'), fc.constant('premium'))),
      internal: optional(fc.boolean()),
      keepFloatingIp: optional(fc.boolean(), 4),
      listenerProtocol: optional(mostly(fc.constantFrom('TCP', 'HTTP', 'HTTPS'), fc.constantFrom('TERMINATED_HTTPS', 'UDP'))),
      proxyProtocol: optional(fc.boolean(), 4),
      connectionLimit: optional(int(1, 60000), 4),
      lbMethod: optional(fc.constantFrom('ROUND_ROBIN', 'LEAST_CONNECTIONS', 'SOURCE_IP'), 4),
      sessionPersistence: optional(mostly(fc.constantFrom('NONE', 'SOURCE_IP'), fc.constant('HTTP_COOKIE')), 4),
      healthMonitor,
      keepAliveTimeoutSeconds: optional(int(0, 3600), 4),
      subnetId: optional(fc.constantFrom('7b8c9d0e-1f2a-4b3c-8d4e-5f6a7b8c9d0e', 'subnet-x'), 4),
      listeners: optional(fc.array(fc.record({ port: int(1, 65535), listenerProtocol: optional(fc.constantFrom('TCP', 'HTTP')), connectionLimit: optional(int(1, 100)) }, { requiredKeys: ['port'] }), { maxLength: 2 }), 5),
    },
    { requiredKeys: [] },
  ),
  3,
);

const servicePort = mostly(
  fc.oneof(
    fc.constantFrom(80, 443, 8080),
    fc.record({ port: int(1, 65535), targetPort: optional(mostly(fc.oneof(fc.constantFrom(80, 8080), fc.constantFrom('http', 'metrics')), fc.constantFrom(0, '', 'HTTP_PORT', 70000))), nodePort: optional(mostly(fc.integer({ min: 30000, max: 32767 }), fc.constantFrom(80, 40000, 0)), 3), name: optional(mostly(fc.constantFrom('http', 'https', 'web'), fc.constantFrom('', 'HTTP'))), protocol: optional(mostly(fc.constantFrom('TCP', 'UDP'), fc.constantFrom('SCTP', 'HTTP'))), appProtocol: optional(fc.constantFrom('http', 'kubernetes.io/h2c', 'bad proto'), 4) }, { requiredKeys: ['port'] }),
  ),
  fc.constantFrom(0, 65536, -80),
);

const serviceProps = fc.record(
  {
    name: optional(name, 4),
    namespace,
    labels: optional(labels, 3),
    annotations: optional(fc.dictionary(fc.constantFrom('example.com/note', 'loadbalancer.nhncloud/x', 'bad key'), fc.constantFrom('x', '', 'y'.repeat(300000)), { maxKeys: 2 }), 5),
    type: optional(mostly(fc.constantFrom('ClusterIP', 'NodePort', 'LoadBalancer', 'ClusterIP', 'ExternalName'), fc.constant('Ingress'))),
    selectWorkload: optional(fc.nat(5)),
    selector: optional(labels, 4),
    ports: mostly(fc.array(servicePort, { minLength: 1, maxLength: 3 }), fc.constant(undefined)),
    headless: optional(fc.boolean(), 4),
    externalName: optional(mostly(fc.constantFrom('db.example.com', 'my.database.internal'), fc.constantFrom('', 'http://x', 'UPPER.example')), 3),
    externalTrafficPolicy: optional(mostly(fc.constantFrom('Cluster', 'Local'), fc.constant('Global')), 4),
    sessionAffinity: optional(fc.constantFrom('None', 'ClientIP'), 4),
    sessionAffinityTimeoutSeconds: optional(int(1, 86400), 5),
    loadBalancerIP: optional(mostly(fc.constantFrom('10.0.0.10', '133.186.1.1'), fc.constantFrom('x', '')), 5),
    loadBalancerSourceRanges: optional(fc.array(cidr, { maxLength: 2 }), 4),
    loadBalancer,
    publishNotReadyAddresses: optional(fc.boolean(), 5),
    chart: fc.nat(3),
  },
  { requiredKeys: ['chart'] },
);

export const servicePiece: fc.Arbitrary<Piece> = serviceProps.map((p) => ({
  label: 'Service',
  props: p,
  add(ctx: Ctx) {
    const { selectWorkload, chart, selector, ...props } = p;
    const workload = selectWorkload === undefined ? undefined : ctx.pick<object>('workload', selectWorkload);
    ctx.remember('service', new Service(ctx.chart(chart), ctx.id('svc'), { ...props, selector: workload ?? selector } as never));
  },
}));

const host = mostly(fc.constantFrom('cafe.example.com', 'tea.example.com', '*.example.com', 'www.example.com'), fc.constantFrom('', 'UPPER.example.com', 'a_b.example.com', '10.0.0.1', '*', 'x'.repeat(254)));
const path = mostly(fc.constantFrom('/', '/tea', '/coffee', '/api/v1'), fc.constantFrom('', 'tea', '/a b', '/(.*)'));

const backend = fc.record({ service: fc.nat(5), port: optional(mostly(fc.constantFrom(80, 8080, 'http'), fc.constantFrom(9999, 'nope', 0))), byName: optional(fc.constantFrom('external-svc', ''), 5) }, { requiredKeys: ['service'] });
type BackendSpec = typeof backend extends fc.Arbitrary<infer T> ? T : never;

function ingressBackend(b: BackendSpec, ctx: Ctx): IngressBackend {
  const svc = ctx.pick<Service>('service', b.service);
  if (b.byName !== undefined || !svc) return IngressBackend.fromServiceName(b.byName ?? 'external-svc', (b.port ?? 80) as never);
  return IngressBackend.fromService(svc, b.port as never);
}

const ingressProps = fc.record(
  {
    name: optional(name, 4),
    namespace,
    annotations: optional(fc.dictionary(fc.constantFrom('nginx.ingress.kubernetes.io/rewrite-target', 'nginx.ingress.kubernetes.io/ssl-redirect', 'kubernetes.io/ingress.class'), fc.constantFrom('/', 'true', 'nginx', ''), { maxKeys: 2 }), 4),
    className: fc.constantFrom('controller', 'nginx', 'none', 'other'),
    rules: mostly(fc.array(fc.record({ host: optional(host), paths: fc.array(fc.record({ path: optional(path), pathType: optional(mostly(fc.constantFrom('Prefix', 'Exact', 'ImplementationSpecific'), fc.constant('Regex'))), backend }, { requiredKeys: ['backend'] }), { minLength: 1, maxLength: 3 }) }, { requiredKeys: ['paths'] }), { minLength: 1, maxLength: 3 }), fc.constant(undefined)),
    defaultBackend: optional(backend, 4),
    tls: optional(fc.array(fc.record({ hosts: optional(fc.array(host, { maxLength: 2 })), secretName: mostly(fc.constantFrom('cafe-tls', 'tls'), fc.constantFrom('', 'Bad')) }, { requiredKeys: ['secretName'] }), { maxLength: 2 }), 4),
    toRoutes: fc.boolean(),
  },
  { requiredKeys: ['className', 'toRoutes'] },
);

export const ingressPiece: fc.Arbitrary<Piece> = ingressProps.map((p) => ({
  label: 'Ingress',
  props: p,
  add(ctx: Ctx) {
    const controller = ctx.pick<NginxIngressController>('ingress-controller', 0);
    const ingressClass = p.className === 'controller' ? controller : p.className === 'none' ? undefined : p.className;
    const rules = p.rules?.map((r) => ({ host: r.host, paths: r.paths.map((x) => ({ path: x.path, pathType: x.pathType, backend: ingressBackend(x.backend, ctx) })) }));
    const ingress = new Ingress(ctx.chart(), ctx.id('ing'), {
      name: p.name,
      namespace: p.namespace,
      annotations: p.annotations,
      ingressClass,
      rules,
      defaultBackend: p.defaultBackend && ingressBackend(p.defaultBackend, ctx),
      tls: p.tls,
    } as never);
    const gateway = ctx.pick<Gateway>('gateway', 0);
    if (p.toRoutes && gateway) ingress.toHttpRoutes(ctx.chart(1), { gateway });
  },
}));

export const ingressControllerPiece: fc.Arbitrary<Piece> = fc
  .record(
    {
      namespace: optional(mostly(fc.constantFrom('ingress-nginx', 'edge'), fc.constantFrom('', 'kube-system'))),
      createNamespace: optional(fc.boolean()),
      className: optional(mostly(fc.constantFrom('nginx', 'internal-nginx'), fc.constantFrom('', 'Nginx'))),
      isDefaultClass: optional(fc.boolean()),
      replicas: optional(int(1, 5)),
      sslPassthrough: optional(fc.boolean()),
      loadBalancer,
      externalTrafficPolicy: optional(fc.constantFrom('Cluster', 'Local')),
      config: optional(fc.dictionary(fc.constantFrom('use-forwarded-headers', 'proxy-body-size', 'bad key'), fc.constantFrom('true', '8m', ''), { maxKeys: 2 }), 4),
      extraArgs: optional(fc.array(fc.constantFrom('--v=2', '--enable-ssl-passthrough', 'x'), { maxLength: 2 }), 4),
    },
    { requiredKeys: [] },
  )
  .map((p) => ({
    label: 'NginxIngressController',
    props: p,
    add: (ctx: Ctx) => ctx.remember('ingress-controller', new NginxIngressController(ctx.chart(), ctx.id('ingress-nginx'), p as never)),
  }));

export const dashboardPiece: fc.Arbitrary<Piece> = fc
  .record({ ui: fc.constantFrom('dashboard', 'headlamp'), expose: fc.constantFrom('none', 'lb', 'ingress-or-route', 'both'), sourceRanges: optional(fc.array(cidr, { maxLength: 2 })), internal: optional(fc.boolean()), token: optional(fc.record({ serviceAccountName: optional(name), clusterAdmin: optional(fc.boolean()) }, { requiredKeys: [] })), host: optional(host), replicas: optional(int(1, 3), 3) })
  .map((p, edges = mode.edges) => ({
    label: p.ui === 'dashboard' ? 'KubernetesDashboard' : 'Headlamp',
    props: p,
    add(ctx: Ctx) {
      const lb = { loadBalancer: p.internal === undefined ? undefined : { internal: p.internal }, loadBalancerSourceRanges: p.sourceRanges ?? (edges ? undefined : ['10.0.0.0/16']) };
      if (p.ui === 'dashboard') {
        const d = new KubernetesDashboard(ctx.chart(), ctx.id('dashboard'));
        if (p.expose === 'lb' || p.expose === 'both') d.exposeViaLoadBalancer(lb);
        const controller = ctx.pick<NginxIngressController>('ingress-controller', 0);
        if ((p.expose === 'ingress-or-route' || p.expose === 'both') && controller) d.exposeViaIngress({ controller, host: p.host });
        if (p.token) d.addAccessToken('token', p.token);
      } else {
        const h = new Headlamp(ctx.chart(), ctx.id('headlamp'), { replicas: p.replicas as number });
        if (p.expose === 'lb' || p.expose === 'both') h.exposeViaLoadBalancer(lb);
        const gateway = ctx.pick<Gateway>('gateway', 0);
        if ((p.expose === 'ingress-or-route' || p.expose === 'both') && gateway) h.exposeViaRoute({ gateway, hostname: p.host });
        if (p.token) h.addAccessToken('token', p.token);
      }
    },
  }));

const listener = fc.record(
  { name: mostly(fc.constantFrom('http', 'https', 'web'), fc.constantFrom('', 'HTTP')), protocol: optional(mostly(fc.constantFrom('HTTP', 'HTTPS'), fc.constant('TCP'))), port: optional(int(1, 65535)), hostname: optional(host), tlsSecretName: optional(fc.constantFrom('cafe-tls', '')), allowedRoutes: optional(fc.constantFrom({ namespaces: 'Same' }, { namespaces: 'All' }, { namespaceLabels: { team: 'a' } }, { namespaces: 'Some' }), 4) },
  { requiredKeys: ['name'] },
);

export const gatewayPiece: fc.Arbitrary<Piece> = fc
  .record({
    fabric: fc.boolean(),
    className: optional(mostly(fc.constantFrom('nginx', 'public'), fc.constantFrom('', 'Bad'))),
    name: optional(name),
    namespace,
    listeners: fc.array(listener, { maxLength: 3 }),
    loadBalancer,
    dataPlaneReplicas: optional(int(1, 3), 3),
  })
  .map((p, edges = mode.edges) => ({
    label: p.fabric ? 'NginxGatewayFabric+Gateway' : 'GatewayClass+Gateway',
    props: p,
    add(ctx: Ctx) {
      let gatewayClass: GatewayClass | string;
      if (p.fabric) {
        const f = new NginxGatewayFabric(ctx.chart(), ctx.id('ngf'), { gatewayClassName: p.className, loadBalancer: p.loadBalancer, dataPlaneReplicas: p.dataPlaneReplicas } as never);
        gatewayClass = f.gatewayClass;
      } else {
        gatewayClass = new GatewayClass(ctx.chart(), ctx.id('gwc'), { name: p.className, loadBalancer: p.loadBalancer } as never);
      }
      const listeners = p.listeners.map((l) => (l.protocol === 'HTTPS' && l.tlsSecretName === undefined && !edges ? { ...l, tlsSecretName: 'cafe-tls' } : l));
      ctx.remember('gateway', new Gateway(ctx.chart(), ctx.id('gw'), { name: p.name, namespace: p.namespace, gatewayClass, listeners } as never));
    },
  }));

const routeRule = fc.record(
  {
    matches: optional(fc.array(fc.record({ path: optional(path), pathType: optional(mostly(fc.constantFrom('PathPrefix', 'Exact'), fc.constantFrom('RegularExpression', 'Prefix'))), headers: optional(fc.array(fc.record({ name: mostly(fc.constantFrom('x-version', 'Host-X'), fc.constant('')), value: fc.constantFrom('v1', '') }), { maxLength: 1 }), 4), method: optional(mostly(fc.constantFrom('GET', 'POST'), fc.constant('get')), 4) }, { requiredKeys: [] }), { maxLength: 2 })),
    backends: optional(fc.array(fc.record({ service: fc.nat(5), port: optional(mostly(fc.constantFrom(80, 8080, 'http'), fc.constantFrom(1234, 'none'))), weight: optional(int(0, 100), 3), byName: optional(fc.constantFrom('other-svc'), 6) }, { requiredKeys: ['service'] }), { maxLength: 2 })),
    redirect: optional(fc.record({ scheme: optional(fc.constantFrom('http', 'https')), statusCode: optional(mostly(fc.constantFrom(301, 302), fc.constant(307))), replaceFullPath: optional(fc.constantFrom('/new', 'new')), hostname: optional(host, 3) }, { requiredKeys: [] }), 5),
    rewrite: optional(fc.record({ replacePrefixMatch: optional(fc.constantFrom('/', '/v2', 'x')), hostname: optional(host, 3) }, { requiredKeys: [] }), 5),
  },
  { requiredKeys: [] },
);

export const httpRoutePiece: fc.Arbitrary<Piece> = fc
  .record({ name: optional(name), namespace, hostnames: optional(fc.array(host, { maxLength: 2 })), listener: optional(fc.constantFrom('http', 'https', 'missing'), 3), rules: fc.array(routeRule, { minLength: 1, maxLength: 3 }), labels: optional(labels, 4), grant: optional(fc.constantFrom('default', 'apps', ''), 4) })
  .map((p) => ({
    label: 'HttpRoute',
    props: p,
    add(ctx: Ctx) {
      const gateway = ctx.pick<Gateway>('gateway', 0);
      if (!gateway) return;
      const rules = p.rules.map((r) => ({
        ...r,
        backends: r.backends?.flatMap((b) => {
          if (b.byName) return [HttpBackend.fromServiceName(b.byName, (typeof b.port === 'number' ? b.port : 80) as number, { weight: b.weight as number })];
          const svc = ctx.pick<Service>('service', b.service);
          return svc ? [HttpBackend.fromService(svc, { port: b.port as never, weight: b.weight as number })] : [];
        }),
      }));
      new HttpRoute(ctx.chart(), ctx.id('route'), { name: p.name, namespace: p.namespace, hostnames: p.hostnames, parents: [p.listener ? { gateway, listener: p.listener } : gateway], rules, labels: p.labels } as never);
      if (p.grant !== undefined) new ReferenceGrant(ctx.chart(), ctx.id('grant'), { namespace: p.grant, from: [{ namespace: p.namespace ?? 'default' }] } as never);
    },
  }));

/** A value of the wrong type where a networking construct needs one. */
export const brokenNetworkingPiece: fc.Arbitrary<Piece> = fc.record({ which: fc.constantFrom('service-ports', 'ingress-rules', 'gateway-listeners', 'route-rules'), value: wrongType }).map((p, edges = mode.edges) => ({
  label: 'BrokenNetworking',
  props: p,
  add(ctx: Ctx) {
    if (!edges) return;
    if (p.which === 'service-ports') new Service(ctx.chart(), ctx.id('svc'), { ports: p.value } as never);
    else if (p.which === 'ingress-rules') new Ingress(ctx.chart(), ctx.id('ing'), { rules: p.value } as never);
    else if (p.which === 'gateway-listeners') new Gateway(ctx.chart(), ctx.id('gw'), { gatewayClass: 'nginx', listeners: p.value } as never);
    else {
      const gateway = ctx.pick<Gateway>('gateway', 0);
      new HttpRoute(ctx.chart(), ctx.id('route'), { parents: gateway ? [gateway] : [], rules: p.value } as never);
    }
  },
}));

export const NETWORKING_PIECES: fc.Arbitrary<Piece>[] = [servicePiece, ingressPiece, ingressControllerPiece, dashboardPiece, gatewayPiece, httpRoutePiece, brokenNetworkingPiece];

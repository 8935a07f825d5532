import { Duration, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { at, atIndex, fail, Where } from '../../model/errors';
import { checkDnsLabel, checkDnsSubdomain } from '../../model/names';
import { whereOf } from '../../where';
import { checkConfigMapKey } from '../basics';
import { checkImageRef, checkWholeNumber } from '../container';
import { LoadBalancerOptions } from './load-balancer';
import { addNodeSelector } from '../pod-spec';
import { ExternalTrafficPolicy, Service } from './service';
import { trackObjects } from '../unique-objects';
import { recordsProblems } from '../../problems';

/**
 * The controller image nks-cdk pins: ingress-nginx v1.15.1 by tag and digest, as the upstream manifest
 * `deploy/static/provider/cloud/deploy.yaml` at tag `controller-v1.15.1` (2026-03-19) lists it.
 */
export const INGRESS_NGINX_IMAGE =
  'registry.k8s.io/ingress-nginx/controller:v1.15.1@sha256:594ceea76b01c592858f803f9ff4d2cb40542cae2060410b2c95f75907d659e1';
const INGRESS_NGINX_VERSION = '1.15.1';
/** The annotation that marks an IngressClass as the cluster default. */
export const DEFAULT_CLASS_ANNOTATION = 'ingressclass.kubernetes.io/is-default-class';

/** Properties of an {@link NginxIngressController}. */
export interface NginxIngressControllerProps {
  /**
   * Namespace of the controller.
   * @default 'ingress-nginx'
   */
  readonly namespace?: string;
  /**
   * Create the namespace (turn off when it exists already or another chart creates it).
   * @default true
   */
  readonly createNamespace?: boolean;
  /**
   * IngressClass name; Ingresses select the controller with `ingressClassName`.
   * @default 'nginx'
   */
  readonly className?: string;
  /**
   * Make this the cluster's default IngressClass: Ingresses created without `ingressClassName` use it.
   * @default false
   */
  readonly isDefaultClass?: boolean;
  /**
   * The IngressClass `spec.controller` and the controller's `--controller-class`; two controllers in one
   * cluster need different values.
   * @default 'k8s.io/ingress-nginx' for class 'nginx', else 'k8s.io/ingress-nginx-<className>'
   */
  readonly controllerValue?: string;
  /**
   * Controller pods. Two survive a node drain without dropping traffic.
   * @default 1 (upstream's manifest)
   */
  readonly replicas?: number;
  /**
   * Start the controller with `--enable-ssl-passthrough`, so Ingresses annotated
   * `nginx.ingress.kubernetes.io/ssl-passthrough: "true"` hand TLS connections to the backend undecrypted
   * (the dashboard behind an Ingress). It intercepts all traffic on 443 in a Go TCP proxy, which costs
   * throughput; that is why it is off upstream.
   * @default false
   */
  readonly sslPassthrough?: boolean;
  /**
   * NHN Cloud load balancer options of the controller's LoadBalancer Service. With `proxyProtocol: true`
   * the controller is configured to expect the PROXY header (`use-proxy-protocol`).
   * @default - none (NHN's defaults; a TCP load balancer on 80 and 443)
   */
  readonly loadBalancer?: LoadBalancerOptions;
  /**
   * Reuse an allocated floating IP for the controller's load balancer (keeps the address DNS points at).
   * @default - a new floating IP
   */
  readonly loadBalancerIP?: string;
  /**
   * External traffic policy of the controller's Service. Upstream's cloud manifest uses `Local`; nks-cdk
   * uses `Cluster` because the NHN load balancer checks members every 60 s by default, so with `Local` a
   * controller pod moving to another node leaves the load balancer sending to a node without it for minutes,
   * and NHN's (Octavia) load balancer proxies connections, so `Local` does not keep the client address anyway
   * (use `loadBalancer.proxyProtocol` for that).
   * @default 'Cluster'
   */
  readonly externalTrafficPolicy?: ExternalTrafficPolicy;
  /**
   * Controller settings (the `ingress-nginx-controller` ConfigMap), e.g. `{ 'proxy-body-size': '100m' }`.
   * Keys follow the ConfigMap key rule; `use-proxy-protocol` follows `loadBalancer.proxyProtocol` when that is on.
   * @default - none
   */
  readonly config?: Record<string, string>;
  /**
   * Controller image.
   * @default INGRESS_NGINX_IMAGE (v1.15.1, pinned by digest)
   */
  readonly image?: string;
  /**
   * Extra controller flags, appended (e.g. `--watch-ingress-without-class=true`); each starts with `--`.
   * SSL passthrough is the `sslPassthrough` prop, not a flag here.
   * @default - none
   */
  readonly extraArgs?: string[];
}

// What the controller reads and writes, as upstream's manifest grants it (cluster-wide watch of Ingresses,
// Services, endpoints and Secrets; its own namespace's ConfigMaps, leader lease and events).
type Rule = { apiGroups: string[]; resources: string[]; verbs: string[]; resourceNames?: string[] };
const READ = ['get', 'list', 'watch'];
const CLUSTER_RULES: Rule[] = [
  { apiGroups: [''], resources: ['configmaps', 'endpoints', 'nodes', 'pods', 'secrets', 'namespaces'], verbs: ['list', 'watch'] },
  { apiGroups: ['coordination.k8s.io'], resources: ['leases'], verbs: ['list', 'watch'] },
  { apiGroups: [''], resources: ['nodes'], verbs: ['get'] },
  { apiGroups: [''], resources: ['services'], verbs: READ },
  { apiGroups: ['networking.k8s.io'], resources: ['ingresses'], verbs: READ },
  { apiGroups: [''], resources: ['events'], verbs: ['create', 'patch'] },
  { apiGroups: ['networking.k8s.io'], resources: ['ingresses/status'], verbs: ['update'] },
  { apiGroups: ['networking.k8s.io'], resources: ['ingressclasses'], verbs: READ },
  { apiGroups: ['discovery.k8s.io'], resources: ['endpointslices'], verbs: READ },
];
const namespaceRules = (electionId: string): Rule[] => [
  { apiGroups: [''], resources: ['namespaces'], verbs: ['get'] },
  { apiGroups: [''], resources: ['configmaps', 'pods', 'secrets', 'endpoints'], verbs: READ },
  { apiGroups: [''], resources: ['services'], verbs: READ },
  { apiGroups: ['networking.k8s.io'], resources: ['ingresses'], verbs: READ },
  { apiGroups: ['networking.k8s.io'], resources: ['ingresses/status'], verbs: ['update'] },
  { apiGroups: ['networking.k8s.io'], resources: ['ingressclasses'], verbs: READ },
  { apiGroups: ['coordination.k8s.io'], resources: ['leases'], resourceNames: [electionId], verbs: ['get', 'update'] },
  { apiGroups: ['coordination.k8s.io'], resources: ['leases'], verbs: ['create'] },
  { apiGroups: [''], resources: ['events'], verbs: ['create', 'patch'] },
  { apiGroups: ['discovery.k8s.io'], resources: ['endpointslices'], verbs: READ },
];

/**
 * The ingress-nginx controller (the guide's "NGINX Ingress Controller") as one construct: namespace,
 * service account, RBAC, ConfigMap, IngressClass, the controller Deployment on a pinned image, and a
 * LoadBalancer Service on 80/443 that takes NHN load balancer options. Mirrors upstream's
 * `deploy/static/provider/cloud/deploy.yaml` for v1.15.1, without the admission webhook (see below).
 *
 * **Retired upstream**: the Kubernetes project retired ingress-nginx in March 2026 (best-effort maintenance
 * ended; no further releases or security fixes). Gateway API is its successor; plan a move to a Gateway API
 * implementation. This construct keeps the guide's setup reproducible meanwhile.
 *
 * No admission webhook: upstream's validating webhook needs two certificate Jobs and a webhook configuration
 * that blocks every Ingress write while the controller is down, and its endpoint was the attack surface of
 * the 2025 "IngressNightmare" CVEs (CVE-2025-1974), which no longer get fixes. nks-cdk checks Ingresses at
 * synth instead (paths, hosts, backend ports).
 *
 * After `kubectl apply`, the load balancer address: `kubectl -n ingress-nginx get svc ingress-nginx-controller`.
 */
@recordsProblems
export class NginxIngressController extends Construct {
  /** The IngressClass name Ingresses use. */
  public readonly ingressClassName: string;
  /** True when the controller runs with `--enable-ssl-passthrough`. */
  public readonly sslPassthrough: boolean;
  /** The controller's namespace. */
  public readonly namespace: string;
  /** The IngressClass `spec.controller` value. */
  public readonly controllerValue: string;
  /** True when the IngressClass is the cluster default. */
  public readonly isDefaultClass: boolean;
  /** The LoadBalancer Service in front of the controller. */
  public readonly service: Service;
  /** The controller Deployment. */
  public readonly deployment: kplus.Deployment;

  /** Creates the ingress-nginx controller's objects. */
  constructor(scope: Construct, id: string, props: NginxIngressControllerProps = {}) {
    super(scope, id);
    const where = whereOf(this, '');
    this.namespace = checkDnsLabel(props.namespace ?? 'ingress-nginx', at(where, 'namespace'));
    this.ingressClassName = checkDnsSubdomain(props.className ?? 'nginx', at(where, 'className'));
    this.controllerValue = checkControllerValue(props.controllerValue ?? (this.ingressClassName === 'nginx' ? 'k8s.io/ingress-nginx' : `k8s.io/ingress-nginx-${this.ingressClassName}`), at(where, 'controllerValue'));
    this.sslPassthrough = props.sslPassthrough ?? false;
    this.isDefaultClass = props.isDefaultClass ?? false;
    const replicas = checkWholeNumber(props.replicas ?? 1, at(where, 'replicas'), 'replicas');
    const image = checkImageRef(props.image ?? INGRESS_NGINX_IMAGE, at(where, 'image'));
    const config = checkConfig(props.config ?? {}, at(where, 'config'));
    if (proxyProtocolOn(props.loadBalancer, at(where, 'loadBalancer'))) {
      if (config[USE_PROXY_PROTOCOL] !== undefined && config[USE_PROXY_PROTOCOL] !== 'true') {
        fail(at(where, `config.${USE_PROXY_PROTOCOL}`), config[USE_PROXY_PROTOCOL], 'the load balancer sends the PROXY header (loadBalancer.proxyProtocol), so the controller must expect it; this setting would be replaced by "true"', `remove ${USE_PROXY_PROTOCOL} from config, or turn loadBalancer.proxyProtocol off`);
      }
      config[USE_PROXY_PROTOCOL] = 'true';
    }
    const extraArgs = checkExtraArgs(props.extraArgs ?? [], this.sslPassthrough, at(where, 'extraArgs'));

    const ns = this.namespace;
    const name = 'ingress-nginx';
    const controllerName = 'ingress-nginx-controller';
    const electionId = 'ingress-nginx-leader';
    // Cluster-scoped objects are named after the namespace, so a second controller in another namespace does not collide.
    const clusterName = ns;
    const labels = { 'app.kubernetes.io/name': name, 'app.kubernetes.io/instance': ns, 'app.kubernetes.io/part-of': name, 'app.kubernetes.io/version': INGRESS_NGINX_VERSION };
    const componentLabels = { ...labels, 'app.kubernetes.io/component': 'controller' };
    const selector = { 'app.kubernetes.io/name': name, 'app.kubernetes.io/instance': ns, 'app.kubernetes.io/component': 'controller' };

    if (props.createNamespace ?? true) {
      new kplus.k8s.KubeNamespace(this, 'Namespace', { metadata: { name: ns, labels: { 'app.kubernetes.io/name': name, 'app.kubernetes.io/instance': ns } } });
    }
    const serviceAccount = new kplus.k8s.KubeServiceAccount(this, 'ServiceAccount', {
      metadata: { name, namespace: ns, labels: componentLabels },
      automountServiceAccountToken: true,
    });
    const subjects = [{ kind: 'ServiceAccount', name: serviceAccount.name, namespace: ns }];
    new kplus.k8s.KubeRole(this, 'Role', { metadata: { name, namespace: ns, labels: componentLabels }, rules: namespaceRules(electionId) });
    new kplus.k8s.KubeRoleBinding(this, 'RoleBinding', {
      metadata: { name, namespace: ns, labels: componentLabels },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name },
      subjects,
    });
    new kplus.k8s.KubeClusterRole(this, 'ClusterRole', { metadata: { name: clusterName, labels }, rules: CLUSTER_RULES });
    new kplus.k8s.KubeClusterRoleBinding(this, 'ClusterRoleBinding', {
      metadata: { name: clusterName, labels },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: clusterName },
      subjects,
    });
    new kplus.k8s.KubeConfigMap(this, 'ConfigMap', {
      metadata: { name: controllerName, namespace: ns, labels: componentLabels },
      data: Object.keys(config).length ? config : undefined,
    });
    new kplus.k8s.KubeIngressClass(this, 'IngressClass', {
      metadata: { name: this.ingressClassName, labels: componentLabels, annotations: this.isDefaultClass ? { [DEFAULT_CLASS_ANNOTATION]: 'true' } : undefined },
      spec: { controller: this.controllerValue },
    });

    this.service = new Service(this, 'Service', {
      name: controllerName,
      namespace: ns,
      labels: componentLabels,
      type: 'LoadBalancer',
      selector,
      ports: [
        { name: 'http', port: 80, targetPort: 'http', appProtocol: 'http' },
        { name: 'https', port: 443, targetPort: 'https', appProtocol: 'https' },
      ],
      externalTrafficPolicy: props.externalTrafficPolicy ?? 'Cluster',
      loadBalancer: props.loadBalancer,
      loadBalancerIP: props.loadBalancerIP,
    });

    const args = [
      '/nginx-ingress-controller',
      `--publish-service=$(POD_NAMESPACE)/${controllerName}`,
      `--election-id=${electionId}`,
      `--controller-class=${this.controllerValue}`,
      `--ingress-class=${this.ingressClassName}`,
      `--configmap=$(POD_NAMESPACE)/${controllerName}`,
      ...(this.sslPassthrough ? [SSL_PASSTHROUGH_FLAG] : []),
      ...extraArgs,
    ];
    const healthz = (failureThreshold: number) =>
      kplus.Probe.fromHttpGet('/healthz', {
        port: 10254,
        initialDelaySeconds: Duration.seconds(10),
        periodSeconds: Duration.seconds(10),
        timeoutSeconds: Duration.seconds(1),
        failureThreshold,
        successThreshold: 1,
      });
    this.deployment = new kplus.Deployment(this, 'Deployment', {
      metadata: { name: controllerName, namespace: ns, labels: componentLabels },
      replicas,
      select: false,
      strategy: kplus.DeploymentStrategy.rollingUpdate({ maxUnavailable: kplus.PercentOrAbsolute.absolute(1) }),
      serviceAccount: kplus.ServiceAccount.fromServiceAccountName(this, 'ServiceAccountRef', serviceAccount.name),
      automountServiceAccountToken: true,
      // Lets open connections drain: /wait-shutdown waits for NGINX to finish them.
      terminationGracePeriod: Duration.seconds(300),
      securityContext: { ensureNonRoot: true },
      containers: [
        {
          name: 'controller',
          image,
          imagePullPolicy: kplus.ImagePullPolicy.IF_NOT_PRESENT,
          args,
          envVariables: {
            POD_NAME: kplus.EnvValue.fromFieldRef(kplus.EnvFieldPaths.POD_NAME),
            POD_NAMESPACE: kplus.EnvValue.fromFieldRef(kplus.EnvFieldPaths.POD_NAMESPACE),
            LD_PRELOAD: kplus.EnvValue.fromValue('/usr/local/lib/libmimalloc.so'),
          },
          // `ports` (not `portNumber`) so cdk8s-plus adds no startup probe.
          ports: [
            { name: 'http', number: 80, protocol: kplus.Protocol.TCP },
            { name: 'https', number: 443, protocol: kplus.Protocol.TCP },
          ],
          liveness: healthz(5),
          readiness: healthz(3),
          lifecycle: { preStop: kplus.Handler.fromCommand(['/wait-shutdown']) },
          resources: { cpu: { request: kplus.Cpu.millis(100) }, memory: { request: Size.mebibytes(90) } },
          // Upstream's: user 101 binds 80/443 through NET_BIND_SERVICE only; NGINX writes its config, so the root filesystem stays writable.
          securityContext: {
            ensureNonRoot: true,
            user: 101,
            group: 82,
            privileged: false,
            allowPrivilegeEscalation: false,
            readOnlyRootFilesystem: false,
            capabilities: { add: [kplus.Capability.NET_BIND_SERVICE], drop: [kplus.Capability.ALL] },
            seccompProfile: { type: kplus.SeccompProfileType.RUNTIME_DEFAULT },
          },
        },
      ],
    });
    for (const [key, value] of Object.entries(componentLabels)) this.deployment.podMetadata.addLabel(key, value);
    this.deployment.select(kplus.LabelSelector.of({ labels: selector }));
    addNodeSelector(this.deployment, { 'kubernetes.io/os': 'linux' }, at(where, 'nodeSelector'));
    // Every object is named after the namespace, except the IngressClass, named by className.
    trackObjects(this, (o) => (o.kind === 'IngressClass' ? 'className' : 'namespace'));
  }
}

const USE_PROXY_PROTOCOL = 'use-proxy-protocol';
const SSL_PASSTHROUGH_FLAG = '--enable-ssl-passthrough';

/** Validates the controller's ConfigMap settings: ConfigMap keys, string values. Returns a copy. */
function checkConfig(config: Readonly<Record<string, string>>, where: Where): Record<string, string> {
  for (const [key, value] of Object.entries(config)) {
    checkConfigMapKey(key, at(where, key));
    if (typeof value !== 'string') fail(at(where, key), value, 'ingress-nginx settings are strings (ConfigMap data)', `quote it: "${String(value)}"`);
  }
  return { ...config };
}

/**
 * Validates extra controller flags: each is a `--flag` or `--flag=value` (a bare word would be taken for
 * the flag before it or ignored), and SSL passthrough goes through `sslPassthrough`, which Ingresses are
 * checked against, not through a flag nks-cdk cannot see.
 */
function checkExtraArgs(args: readonly string[], sslPassthrough: boolean, where: Where): string[] {
  args.forEach((arg, i) => {
    if (typeof arg !== 'string' || !/^--[A-Za-z0-9]/.test(arg)) {
      fail(atIndex(where, i), arg, 'an extra controller argument is a flag starting with "--" (e.g. --watch-ingress-without-class=true)', 'write the flag and its value as one argument: "--flag=value"');
    }
    if (!sslPassthrough && (arg === SSL_PASSTHROUGH_FLAG || arg === `${SSL_PASSTHROUGH_FLAG}=true`)) {
      fail(atIndex(where, i), arg, 'SSL passthrough is turned on with the sslPassthrough prop, so that Ingresses asking for it can be checked against the controller', 'remove the flag and set sslPassthrough: true');
    }
  });
  return [...args];
}

/**
 * Whether the load balancer sends the PROXY header to the controller. ingress-nginx's `use-proxy-protocol`
 * applies to 80 and 443 alike, so the two listeners must agree.
 */
function proxyProtocolOn(lb: LoadBalancerOptions | undefined, where: Where): boolean {
  const onPort = (port: number): boolean => lb?.listeners?.find((l) => l.port === port && (l.protocol ?? 'TCP') === 'TCP')?.proxyProtocol ?? lb?.proxyProtocol ?? false;
  const http = onPort(80);
  if (http !== onPort(443)) {
    const index = lb?.listeners?.findIndex((l) => l.proxyProtocol !== undefined) ?? -1;
    fail(at(where, index >= 0 ? `listeners[${index}].proxyProtocol` : 'proxyProtocol'), lb?.listeners?.[index]?.proxyProtocol, 'ingress-nginx expects the PROXY header on both ports (80 and 443) or on neither (one use-proxy-protocol setting)', 'set proxyProtocol for the whole load balancer instead of one listener');
  }
  return http;
}

function checkControllerValue(value: string, where: Where): string {
  // IngressClass spec.controller: a domain-prefixed path, at most 250 characters.
  const [domain, ...rest] = typeof value === 'string' ? value.split('/') : [];
  if (typeof value !== 'string' || value.length > 250 || rest.length === 0 || !/^[A-Za-z0-9][-A-Za-z0-9_./]*$/.test(rest.join('/'))) {
    fail(where, value, 'a controller value is a domain-prefixed path of at most 250 characters, e.g. "k8s.io/ingress-nginx"', 'use e.g. "k8s.io/ingress-nginx-internal"');
  }
  checkDnsSubdomain(domain, where);
  return value;
}

// Rules on who can reach or control the cluster: cluster-admin bindings, bindings to everyone, and admin
// consoles on public load balancers.
import { INTERNAL_LB_ANNOTATION } from '../model/load-balancer-annotations';
import { fieldPath, isObj, list, metadataOf, Obj, str, stringMap } from './objects';
import { KubeObject, PolicyProblem, PolicyRule } from './types';

const BINDING_KINDS = new Set(['ClusterRoleBinding', 'RoleBinding']);

function isBinding(obj: KubeObject): boolean {
  return typeof obj.kind === 'string' && BINDING_KINDS.has(obj.kind) && typeof obj.apiVersion === 'string' && obj.apiVersion.startsWith('rbac.authorization.k8s.io/');
}

function subjectLabel(s: Obj): string {
  const ns = str(s, 'namespace');
  return `${str(s, 'kind') ?? 'subject'} ${ns ? `${ns}/` : ''}${str(s, 'name') ?? '?'}`;
}

/** NKS-RBAC-1: bindings of the cluster-admin ClusterRole. */
export const CLUSTER_ADMIN_BINDING: PolicyRule = {
  id: 'NKS-RBAC-1',
  level: 'warning',
  explanation:
    'cluster-admin may do anything to every object, Secrets included: whoever holds a credential of the bound subject ' +
    '(a service account token, a dashboard login) controls the whole cluster. DashboardAccessToken clusterAdmin is the ' +
    'opt-in that writes one.',
  fix: 'Bind a narrower ClusterRole (view, edit, or your own Role in one namespace); if cluster-admin is really needed, suppress NKS-RBAC-1 on the binding with the reason.',
  checkManifest: (obj) => {
    if (!isBinding(obj) || !isObj(obj.roleRef) || obj.roleRef.kind !== 'ClusterRole' || obj.roleRef.name !== 'cluster-admin') return [];
    const who = list(obj.subjects).filter(isObj).map(subjectLabel).join(', ') || 'no subject';
    const scope = obj.kind === 'RoleBinding' ? ` in namespace ${str(metadataOf(obj), 'namespace') ?? '(the chart\'s)'}` : ' on the whole cluster';
    return [{ message: `${obj.kind} grants cluster-admin${scope} to ${who}`, field: 'roleRef.name' }];
  },
};

// Subjects that mean "anyone": every request without credentials, or every identity the cluster knows.
const EVERYONE: Readonly<Record<string, readonly string[]>> = {
  User: ['system:anonymous'],
  Group: ['system:unauthenticated', 'system:authenticated'],
};

/** NKS-RBAC-2: bindings to everyone (anonymous users, all unauthenticated or all authenticated identities). */
export const BINDING_TO_EVERYONE: PolicyRule = {
  id: 'NKS-RBAC-2',
  level: 'error',
  explanation:
    'A role bound to system:anonymous, system:unauthenticated or system:authenticated is granted to anyone who can reach ' +
    'the API server (NKS API endpoints are public by default), or to every service account of every workload.',
  fix: 'Bind the role to the service accounts, users or groups that need it.',
  checkManifest: (obj) => {
    if (!isBinding(obj)) return [];
    return list(obj.subjects).flatMap((s, i): PolicyProblem[] => {
      if (!isObj(s) || !EVERYONE[str(s, 'kind') ?? '']?.includes(str(s, 'name') ?? '')) return [];
      const role = isObj(obj.roleRef) ? `${str(obj.roleRef, 'kind') ?? 'role'} ${str(obj.roleRef, 'name') ?? '?'}` : 'its role';
      return [{ message: `${obj.kind} grants ${role} to ${subjectLabel(s)}, that is, to everyone`, field: fieldPath(fieldPath('subjects', i), 'name') }];
    });
  },
};

/** An admin console that must not be reachable from the internet, and how its Services are recognized. */
export interface AdminEndpoint {
  /** Name for messages. */
  readonly name: string;
  /** Pod labels of the console: a Service whose selector includes one of these sets selects it. */
  readonly podLabels: readonly Readonly<Record<string, string>>[];
  /** Names of its Services (an Ingress backend naming one routes to it). */
  readonly serviceNames: RegExp;
}

/** Admin consoles NKS clusters run: the Kubernetes Dashboard (NKS's pre-installed 2.x, and 7.x from Helm) and Headlamp. */
export const ADMIN_ENDPOINTS: readonly AdminEndpoint[] = [
  {
    name: 'the Kubernetes Dashboard',
    podLabels: [{ 'k8s-app': 'kubernetes-dashboard' }, { 'app.kubernetes.io/part-of': 'kubernetes-dashboard' }],
    serviceNames: /^kubernetes-dashboard($|-)/,
  },
  // Headlamp as nks-cdk's Headlamp construct and upstream's manifest label it (k8s-app: headlamp).
  { name: 'Headlamp', podLabels: [{ 'k8s-app': 'headlamp' }, { 'app.kubernetes.io/name': 'headlamp' }], serviceNames: /^headlamp($|-)/ },
];

const WORLD = new Set(['0.0.0.0/0', '::/0']);
const SOURCE_RANGES_ANNOTATION = 'service.beta.kubernetes.io/load-balancer-source-ranges';
// ingress-nginx's client allowlist; passthrough hands the TCP stream to the backend before NGINX reads it,
// so with ssl-passthrough no annotation of the Ingress applies.
const ALLOWLIST_ANNOTATIONS = ['nginx.ingress.kubernetes.io/whitelist-source-range', 'nginx.ingress.kubernetes.io/allowlist-source-range'];
const PASSTHROUGH_ANNOTATION = 'nginx.ingress.kubernetes.io/ssl-passthrough';

function endpointSelectedBy(selector: Record<string, string>): AdminEndpoint | undefined {
  return ADMIN_ENDPOINTS.find((e) => e.podLabels.some((labels) => Object.entries(labels).every(([k, v]) => selector[k] === v)));
}

function endpointNamed(serviceName: string | undefined): AdminEndpoint | undefined {
  return serviceName === undefined ? undefined : ADMIN_ENDPOINTS.find((e) => e.serviceNames.test(serviceName));
}

/** Why a LoadBalancer Service is open to the internet, or undefined when it is internal or restricted. */
function publicLoadBalancer(obj: KubeObject): string | undefined {
  const spec = isObj(obj.spec) ? obj.spec : {};
  if (spec.type !== 'LoadBalancer') return undefined;
  const annotations = stringMap(metadataOf(obj).annotations);
  if (annotations[INTERNAL_LB_ANNOTATION] === 'true') return undefined;
  const ranges = [
    ...list(spec.loadBalancerSourceRanges).filter((r): r is string => typeof r === 'string'),
    ...(annotations[SOURCE_RANGES_ANNOTATION] ?? '').split(',').map((r) => r.trim()).filter(Boolean),
  ];
  if (!ranges.length) return 'a LoadBalancer with a floating IP open to every address';
  const world = ranges.find((r) => WORLD.has(r));
  return world ? `a LoadBalancer open to ${world}` : undefined;
}

/** The backend Service names of an Ingress, with their field paths. */
function ingressBackends(spec: Obj): { name: string; field: string }[] {
  const out: { name: string; field: string }[] = [];
  const add = (backend: unknown, field: string) => {
    const name = isObj(backend) ? str(backend.service, 'name') : undefined;
    if (name !== undefined) out.push({ name, field: fieldPath(fieldPath(field, 'service'), 'name') });
  };
  add(spec.defaultBackend, 'spec.defaultBackend');
  list(spec.rules).forEach((rule, i) => {
    const paths = isObj(rule) && isObj(rule.http) ? list(rule.http.paths) : [];
    paths.forEach((p, j) => add(isObj(p) ? p.backend : undefined, `spec.rules[${i}].http.paths[${j}].backend`));
  });
  return out;
}

/** NKS-LB-1: admin consoles (the dashboard) on a public load balancer or behind an Ingress. */
export const PUBLIC_ADMIN_ENDPOINT: PolicyRule = {
  id: 'NKS-LB-1',
  level: 'error',
  explanation:
    'An admin console on a floating IP is probed by the whole internet within minutes; its login (a token) is the only ' +
    'thing left between a scanner and the cluster. An Ingress to it is as public as the ingress controller, and with ' +
    'TLS passthrough NGINX cannot restrict clients.',
  fix: 'Keep it inside the VPC (loadBalancer: { internal: true }), or restrict loadBalancerSourceRanges to your office or VPN ranges; use kubectl port-forward for occasional access.',
  checkManifest: (obj) => {
    const spec = isObj(obj.spec) ? obj.spec : {};
    if (obj.kind === 'Service') {
      const endpoint = endpointSelectedBy(stringMap(spec.selector)) ?? endpointNamed(str(metadataOf(obj), 'name'));
      const open = endpoint && publicLoadBalancer(obj);
      return endpoint && open ? [{ message: `${endpoint.name} is exposed through ${open}`, field: 'spec.type' }] : [];
    }
    if (obj.kind !== 'Ingress') return [];
    const annotations = stringMap(metadataOf(obj).annotations);
    const restricted = annotations[PASSTHROUGH_ANNOTATION] !== 'true' && ALLOWLIST_ANNOTATIONS.some((a) => annotations[a]);
    if (restricted) return [];
    return ingressBackends(spec).flatMap(({ name, field }): PolicyProblem[] => {
      const endpoint = endpointNamed(name);
      return endpoint ? [{ message: `${endpoint.name} (Service ${JSON.stringify(name)}) is routed from an Ingress, as reachable as the ingress controller's public address`, field }] : [];
    });
  },
};

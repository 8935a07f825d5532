// NHN Cloud load balancer options for Services of type LoadBalancer, as typed props that become the
// annotations NKS's cloud controller reads. Source: TOAST-DOCS/Container-Kubernetes, `en/user-guide.md` and
// `ko/user-guide.md`, "LoadBalancer service" settings (as of 2026-03). Without options no annotation is
// written, so the same Service works on any cluster (minikube, k3s) unchanged.
import { at, atIndex, fail, Where } from '../../model/errors';
import { checkUuid } from '../../model/ids';
import { PLAINTEXT_SECRET_ANNOTATION } from '../../model/secret-annotations';
import { checkChoice } from '../../model/choices';
import { INTERNAL_LB_ANNOTATION, LB_MEMBER_SUBNET_ANNOTATION, LB_SUBNET_ANNOTATION, NHN_LB_ANNOTATION_PREFIX, OPENSTACK_LB_ANNOTATION_PREFIX } from '../../model/load-balancer-annotations';
import { checkIntegerInRange } from '../../model/numbers';
import { PORT_PROTOCOLS, ServicePortProtocol } from '../../model/services';
import { checkPortNumber } from '../container';
import { LoadBalancerCertificate } from './load-balancer-certificate';
import { renderHealthMonitor } from './load-balancer-health-monitor';
import type { WarningMessage } from '../../warnings';

/**
 * NHN Cloud load balancer types (`loadbalancer.nhncloud/loadbalancer-type`). Physical ones exist only in the
 * Pyeongchon region, KR2 ("Physical load balancer is only provided in Korea (Pyeongchon) region",
 * TOAST-DOCS/Container-Kubernetes `en/user-guide.md` line 2601), and take no floating IP.
 */
export type LoadBalancerType = 'shared' | 'dedicated' | 'physical_basic' | 'physical_premium';
/** Listener protocols. `TERMINATED_HTTPS` decrypts at the load balancer and needs `terminatedHttps`. */
export type ListenerProtocol = 'TCP' | 'HTTP' | 'HTTPS' | 'TERMINATED_HTTPS';
/** Lowest TLS version a `TERMINATED_HTTPS` listener accepts. */
export type LoadBalancerTlsVersion = 'TLSv1.3' | 'TLSv1.2' | 'TLSv1.1' | 'TLSv1.0_2016' | 'TLSv1.0' | 'SSLv3';
/** How the load balancer picks a member (node). */
export type LoadBalancingMethod = 'ROUND_ROBIN' | 'LEAST_CONNECTIONS' | 'SOURCE_IP';
/** Session persistence of the pool: `NONE` (written as `""`) or by client address. */
export type SessionPersistence = 'NONE' | 'SOURCE_IP';
/** Health check protocol. */
export type HealthMonitorType = 'TCP' | 'HTTP' | 'HTTPS';

const LB_TYPES: readonly LoadBalancerType[] = ['shared', 'dedicated', 'physical_basic', 'physical_premium'];
const LISTENER_PROTOCOLS: readonly ListenerProtocol[] = ['TCP', 'HTTP', 'HTTPS', 'TERMINATED_HTTPS'];
const TLS_VERSIONS: readonly LoadBalancerTlsVersion[] = ['TLSv1.3', 'TLSv1.2', 'TLSv1.1', 'TLSv1.0_2016', 'TLSv1.0', 'SSLv3'];
const LB_METHODS: readonly LoadBalancingMethod[] = ['ROUND_ROBIN', 'LEAST_CONNECTIONS', 'SOURCE_IP'];
const PERSISTENCE: readonly SessionPersistence[] = ['NONE', 'SOURCE_IP'];

const NHN = NHN_LB_ANNOTATION_PREFIX;
const OPENSTACK = OPENSTACK_LB_ANNOTATION_PREFIX;

const LB_NAME = /^[A-Za-z0-9_-]{1,255}$/;

/** TLS settings of a `TERMINATED_HTTPS` listener. */
export interface TerminatedHttpsOptions {
  /** The certificate: from NHN Certificate Manager, or (opt-in) PEM text from environment variables. */
  readonly certificate: LoadBalancerCertificate;
  /**
   * Lowest TLS version accepted. `TLSv1.3` needs a cluster created after 2022-03-29.
   * @default - NHN's default, TLSv1.3
   */
  readonly tlsVersion?: LoadBalancerTlsVersion;
}

/** Health check of the load balancer's members (the nodes' node ports). */
export interface HealthMonitorOptions {
  /**
   * Health check protocol; HTTP and HTTPS also use `httpUrl` and `expectedCodes`.
   * @default - NHN's default, TCP
   */
  readonly type?: HealthMonitorType;
  /**
   * Seconds between checks, 1–5000.
   * @default - NHN's default, 60
   */
  readonly delaySeconds?: number;
  /**
   * Seconds a check may take, 1–5000 and less than `delaySeconds` (NHN would silently halve the delay otherwise).
   * @default - NHN's default, 30
   */
  readonly timeoutSeconds?: number;
  /**
   * Failed checks before a member is taken out, 1–10.
   * @default - NHN's default, 3
   */
  readonly maxRetries?: number;
  /**
   * Path an HTTP(S) check requests; starts with `/`.
   * @default - NHN's default, "/"
   */
  readonly httpUrl?: string;
  /**
   * HTTP status codes that count as healthy: `200`, a list `200,202` or a range `200-204`.
   * @default - NHN's default, "200"
   */
  readonly expectedCodes?: string;
  /**
   * Host header of HTTP(S) checks.
   * @default - none
   */
  readonly httpHostHeader?: string;
  /**
   * Member port the check connects to, 1–65535.
   * @default - each member's own port
   */
  readonly port?: number;
}

/** Settings NHN accepts for the whole load balancer or per listener (`{PROTOCOL}-{port}.` key prefix). */
export interface ListenerOptions {
  /**
   * Listener protocol. NHN applies a change only when the Service is re-created (which replaces the load
   * balancer and, unless kept, its floating IP).
   * @default - NHN's default, TCP
   */
  readonly listenerProtocol?: ListenerProtocol;
  /**
   * Certificate and TLS version; required with, and only allowed with, `TERMINATED_HTTPS`.
   * @default - none
   */
  readonly terminatedHttps?: TerminatedHttpsOptions;
  /**
   * Send the PROXY protocol header to members, so they see the client address (TCP and HTTPS listeners only).
   * The receiving server must expect it (ingress-nginx: `use-proxy-protocol`).
   * @default - NHN's default, false
   */
  readonly proxyProtocol?: boolean;
  /**
   * Maximum connections per listener, 1–60000.
   * @default - NHN's default, 60000
   */
  readonly connectionLimit?: number;
  /**
   * Load balancing method.
   * @default - NHN's default, ROUND_ROBIN
   */
  readonly lbMethod?: LoadBalancingMethod;
  /**
   * Session persistence. NHN ignores it when `lbMethod` is `SOURCE_IP`.
   * @default - NHN's default, NONE
   */
  readonly sessionPersistence?: SessionPersistence;
  /**
   * Health check of the members.
   * @default - NHN's defaults (TCP every 60 s, 30 s timeout, 3 retries)
   */
  readonly healthMonitor?: HealthMonitorOptions;
  /**
   * Idle keep-alive timeout in seconds, 0–3600. Needs a cluster at v1.24.3 or later (since 2023-11-28).
   * @default - NHN's default, 300
   */
  readonly keepAliveTimeoutSeconds?: number;
}

/** One listener's own settings: which Service port it is, and what differs from the load balancer-wide ones. */
export interface ListenerSettings extends ListenerOptions {
  /** The Service port (`spec.ports[].port`) of the listener. */
  readonly port: number;
  /**
   * The Service port's protocol.
   * @default 'TCP'
   */
  readonly protocol?: ServicePortProtocol;
}

/**
 * NHN Cloud load balancer options of a LoadBalancer Service. Every option is optional and none is written
 * unless set: NHN's defaults apply, and the Service stays plain Kubernetes.
 */
export interface LoadBalancerOptions extends ListenerOptions {
  /**
   * Load balancer name: letters, digits, `-` and `_`, at most 255. Renaming it later, or two load balancers
   * with the same name in a project, breaks the load balancer (NHN's caution).
   * @default - kube_service_{cluster UUID}_{namespace}_{service name}
   */
  readonly name?: string;
  /**
   * Load balancer type.
   * @default - NHN's default, 'shared'
   */
  readonly type?: LoadBalancerType;
  /**
   * No floating IP: the load balancer gets only a VIP in its subnet (reachable inside the VPC). With
   * `loadBalancerIP` on the Service, that VIP.
   * @default false
   */
  readonly internal?: boolean;
  /**
   * Keep the floating IP when the load balancer is deleted or its IP changes (so DNS records stay valid).
   * @default - NHN's default, false
   */
  readonly keepFloatingIp?: boolean;
  /**
   * VPC (network UUID) of the load balancer.
   * @default - the cluster's VPC
   */
  readonly networkId?: string;
  /**
   * Subnet UUID of the load balancer's VIP.
   * @default - the cluster's subnet
   */
  readonly subnetId?: string;
  /**
   * Subnets (UUIDs, same VPC) whose worker nodes become members. Needs a cluster at v1.24.3 or later.
   * @default - the load balancer's subnet
   */
  readonly memberSubnetIds?: string[];
  /**
   * Apply the subnet's static routes to the load balancer. Needs a cluster created or upgraded since 2024-08-27.
   * @default - NHN's default, false
   */
  readonly applySubnetHostRoutes?: boolean;
  /**
   * Per-listener settings; each overrides the load balancer-wide options for the Service port it names.
   * @default - none
   */
  readonly listeners?: ListenerSettings[];
}

/** A listener protocol set in the options: for the whole load balancer (no `key`) or for one listener. */
export interface ListenerProtocolSetting {
  /** The listener's `{PROTOCOL}-{port}` key; undefined for the load balancer-wide setting. */
  readonly key?: string;
  /** The protocol set. */
  readonly protocol: ListenerProtocol;
  /** Where it was set. */
  readonly where: Where;
}

/** What {@link loadBalancerAnnotations} produces. */
export interface RenderedLoadBalancer {
  /** Annotation key → string value. */
  readonly annotations: Record<string, string>;
  /** Warnings for the owning construct (e.g. a private key in the output). */
  readonly warnings: WarningMessage[];
  /** The Service ports the per-listener settings name, as `{PROTOCOL}-{port}`. */
  readonly listenerKeys: string[];
  /** The listener protocols set explicitly, so the Service can check them against its ports' protocols. */
  readonly listenerProtocols: ListenerProtocolSetting[];
}

/** The per-listener key prefix NHN expects: the Service port's protocol and number, e.g. `TCP-80`. */
export function listenerKey(port: number, protocol: ServicePortProtocol = 'TCP'): string {
  return `${protocol}-${port}`;
}

/**
 * Validates NHN load balancer options and renders them as Service annotations (values are always strings).
 * `where` is the `loadBalancer` prop; fields are reported under it.
 */
export function loadBalancerAnnotations(options: LoadBalancerOptions, where: Where): RenderedLoadBalancer {
  const annotations: Record<string, string> = {};
  const warnings: WarningMessage[] = [];
  const put = (key: string, value: string | number | boolean | undefined): void => {
    if (value !== undefined) annotations[key] = String(value);
  };
  if (options.name !== undefined && (typeof options.name !== 'string' || !LB_NAME.test(options.name))) {
    fail(at(where, 'name'), options.name, 'a load balancer name is 1 to 255 letters, digits, "-" and "_" (NHN silently falls back to its generated name otherwise)', `use e.g. "${String(options.name ?? '').replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 255) || 'my-lb'}"`);
  }
  put(`${NHN}loadbalancer-name`, options.name);
  if (options.type !== undefined) put(`${NHN}loadbalancer-type`, checkChoice(options.type, LB_TYPES, at(where, 'type'), 'a load balancer type'));
  put(INTERNAL_LB_ANNOTATION, options.internal);
  put(`${OPENSTACK}keep-floatingip`, options.keepFloatingIp);
  if (options.networkId !== undefined) put(`${OPENSTACK}network-id`, checkNetworkUuid(options.networkId, at(where, 'networkId'), 'VPC (network)'));
  if (options.subnetId !== undefined) put(LB_SUBNET_ANNOTATION, checkNetworkUuid(options.subnetId, at(where, 'subnetId'), 'subnet'));
  if (options.memberSubnetIds !== undefined) {
    if (options.memberSubnetIds.length === 0) fail(at(where, 'memberSubnetIds'), options.memberSubnetIds, 'memberSubnetIds lists at least one subnet', 'give subnet UUIDs, or omit it to use the load balancer subnet');
    const seen: string[] = [];
    options.memberSubnetIds.forEach((id, i) => {
      const subnet = checkNetworkUuid(id, atIndex(at(where, 'memberSubnetIds'), i), 'member subnet').toLowerCase();
      const first = seen.indexOf(subnet);
      if (first >= 0) fail(atIndex(at(where, 'memberSubnetIds'), i), id, `each member subnet is listed once (memberSubnetIds[${first}] is the same subnet)`, 'remove the duplicate');
      seen.push(subnet);
    });
    put(LB_MEMBER_SUBNET_ANNOTATION, options.memberSubnetIds.join(','));
  }
  put(`${NHN}apply-subnet-host-routes`, options.applySubnetHostRoutes);
  if (options.type?.startsWith('physical') && options.keepFloatingIp) {
    fail(at(where, 'keepFloatingIp'), true, 'physical load balancers take no floating IP (they get an automatic public IP)', 'remove keepFloatingIp, or use a shared/dedicated load balancer');
  }
  if (options.internal && options.keepFloatingIp) {
    fail(at(where, 'keepFloatingIp'), true, 'an internal load balancer has no floating IP to keep (it gets only a VIP in its subnet)', 'remove keepFloatingIp, or internal if the load balancer should be public');
  }

  const listenerProtocols: ListenerProtocolSetting[] = [];
  const noteProtocol = (o: ListenerOptions, lw: Where, key?: string): void => {
    if (o.listenerProtocol !== undefined) listenerProtocols.push({ key, protocol: o.listenerProtocol, where: at(lw, 'listenerProtocol') });
  };
  renderListener(options, '', 'TCP', where, annotations, warnings);
  noteProtocol(options, where);
  const listenerKeys: string[] = [];
  (options.listeners ?? []).forEach((listener, i) => {
    const lw = at(where, `listeners[${i}]`);
    checkPortNumber(listener.port, at(lw, 'port'));
    const protocol = checkChoice(listener.protocol ?? 'TCP', PORT_PROTOCOLS, at(lw, 'protocol'), "a Service port's protocol");
    const key = listenerKey(listener.port, protocol);
    if (listenerKeys.includes(key)) fail(at(lw, 'port'), key, 'each Service port has one set of listener settings', `merge the settings for ${key} into one entry`);
    listenerKeys.push(key);
    renderListener(listener, `${key}.`, options.listenerProtocol ?? 'TCP', lw, annotations, warnings);
    noteProtocol(listener, lw, key);
  });
  return { annotations, warnings, listenerKeys, listenerProtocols };
}

/** Renders the listener-level settings under `prefix` ('' for load balancer-wide, `TCP-80.` per listener). */
function renderListener(
  options: ListenerOptions,
  prefix: string,
  inheritedProtocol: ListenerProtocol,
  where: Where,
  annotations: Record<string, string>,
  warnings: WarningMessage[],
): void {
  const put = (key: string, value: string | number | boolean | undefined): void => {
    if (value !== undefined) annotations[`${prefix}${NHN}${key}`] = String(value);
  };
  const protocol = options.listenerProtocol === undefined ? inheritedProtocol : checkChoice(options.listenerProtocol, LISTENER_PROTOCOLS, at(where, 'listenerProtocol'), 'a listener protocol');
  put('listener-protocol', options.listenerProtocol);
  if (options.terminatedHttps !== undefined) {
    if (protocol !== 'TERMINATED_HTTPS') {
      fail(at(where, 'terminatedHttps'), protocol, 'terminatedHttps applies only to a TERMINATED_HTTPS listener', 'set listenerProtocol: "TERMINATED_HTTPS", or remove terminatedHttps');
    }
    const tls = options.terminatedHttps;
    if (tls.tlsVersion !== undefined) put('listener-terminated-https-tls-version', checkChoice(tls.tlsVersion, TLS_VERSIONS, at(where, 'terminatedHttps.tlsVersion'), 'a TLS version'));
    if (!(tls.certificate instanceof LoadBalancerCertificate)) {
      fail(at(where, 'terminatedHttps.certificate'), '(not shown)', 'the certificate is a LoadBalancerCertificate', 'use LoadBalancerCertificate.fromCertificateManager("<name>")');
    }
    const cert = tls.certificate._render(at(where, 'terminatedHttps.certificate'));
    for (const [key, value] of Object.entries(cert.annotations)) put(key, value);
    if (cert.warning) {
      warnings.push({ id: 'nks-cdk:plaintextTlsKey', message: cert.warning });
      // Marks the plaintext key as asked for, so secret scans report it as opted in rather than leaked.
      annotations[PLAINTEXT_SECRET_ANNOTATION] = 'TLS key from the environment (LoadBalancerCertificate.fromEnvironment)';
    }
  } else if (options.listenerProtocol === 'TERMINATED_HTTPS') {
    fail(at(where, 'terminatedHttps'), undefined, 'a TERMINATED_HTTPS listener needs a certificate', 'add terminatedHttps: { certificate: LoadBalancerCertificate.fromCertificateManager("<name>") }');
  }
  if (options.proxyProtocol !== undefined) {
    if (options.proxyProtocol && protocol !== 'TCP' && protocol !== 'HTTPS') {
      fail(at(where, 'proxyProtocol'), true, `the PROXY protocol works only on TCP and HTTPS listeners; this one is ${protocol}`, 'use listenerProtocol "TCP" or "HTTPS", or turn proxyProtocol off');
    }
    put('proxy-protocol', options.proxyProtocol);
  }
  if (options.connectionLimit !== undefined) put('connection-limit', checkIntegerInRange(options.connectionLimit, at(where, 'connectionLimit'), { min: 1, max: 60000 }, 'a listener connection limit'));
  if (options.lbMethod !== undefined) put('pool-lb-method', checkChoice(options.lbMethod, LB_METHODS, at(where, 'lbMethod'), 'a load balancing method'));
  if (options.sessionPersistence !== undefined) {
    const persistence = checkChoice(options.sessionPersistence, PERSISTENCE, at(where, 'sessionPersistence'), 'a session persistence');
    put('pool-session-persistence', persistence === 'NONE' ? '' : persistence);
  }
  if (options.keepAliveTimeoutSeconds !== undefined) {
    put('keepalive-timeout', checkIntegerInRange(options.keepAliveTimeoutSeconds, at(where, 'keepAliveTimeoutSeconds'), { min: 0, max: 3600 }, 'a keep-alive timeout', 's'));
  }
  if (options.healthMonitor !== undefined) renderHealthMonitor(options.healthMonitor, at(where, 'healthMonitor'), put);
}

function checkNetworkUuid(id: string, where: Where, what: string): string {
  return checkUuid(id, where, what, `copy the ${what}'s ID from the NHN Cloud console (Network > VPC), or the Network construct's output of the infrastructure stack`);
}

// NHN's HTTP-family listeners speak HTTP over TCP; a UDP or SCTP Service port cannot be one of them.
const TCP_ONLY_LISTENERS: readonly string[] = ['HTTP', 'HTTPS', 'TERMINATED_HTTPS'];

/**
 * Checks rendered options against the Service's ports (`where` is the `loadBalancer` prop): per-listener
 * settings must name a port of the Service, and a listener's protocol must suit its port's protocol.
 */
export function checkListenerPorts(lb: RenderedLoadBalancer, ports: readonly { readonly port: number; readonly protocol: ServicePortProtocol }[], where: Where): void {
  const keys = ports.map((p) => listenerKey(p.port, p.protocol));
  lb.listenerKeys.forEach((key, i) => {
    if (!keys.includes(key)) {
      fail(at(where, `listeners[${i}]`), key, `per-listener settings must name a port of this Service (${keys.join(', ')})`, 'use the Service port (spec.ports[].port) and its protocol, not the target port');
    }
  });
  ports.forEach((p, i) => {
    if (p.protocol === 'TCP') return;
    const setting = lb.listenerProtocols.find((s) => s.key === keys[i]) ?? lb.listenerProtocols.find((s) => s.key === undefined);
    if (setting && TCP_ONLY_LISTENERS.includes(setting.protocol)) {
      fail(setting.where, setting.protocol, `listener protocol ${setting.protocol} carries TCP only, but ports[${i}] (${keys[i]}) is ${p.protocol}`, `set ${setting.protocol} per listener on the TCP ports only (listeners: [{ port: <tcp port>, listenerProtocol: "${setting.protocol}" }]), or serve ${keys[i]} from a separate Service`);
    }
  });
}

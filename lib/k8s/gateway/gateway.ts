// A Gateway (gateway.networking.k8s.io/v1): listeners (port, protocol, optional host name, TLS) that a
// GatewayClass's controller serves, and which namespaces' routes may attach to each. With NGINX Gateway
// Fabric each Gateway gets its own NGINX data plane Deployment and LoadBalancer Service (NHN's Gateway API
// guide; NginxGatewayFabric.gatewayInfrastructure carries the NHN load balancer options to it).
import { ApiObject, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import * as gw from '../../generated/gateway-api';
import { at, fail, Where } from '../../model/errors';
import { checkChoice, checkList } from '../../model/choices';
import { checkDnsLabel, checkDnsSubdomain } from '../../model/names';
import { recordsProblems } from '../../problems';
import { whereOf } from '../../where';
import { checkPortNumber } from '../container';
import { checkHost } from '../networking/hosts';
import { checkLabels, objectMeta } from '../metadata';
import { warn } from '../../warnings';
import { checkListenerPorts, LoadBalancerOptions, loadBalancerAnnotations } from '../networking/load-balancer';
import { trackObjects } from '../unique-objects';
import { GatewayClass } from './gateway-class';

/** Listener protocols nks-cdk routes with HTTPRoutes. */
export type GatewayProtocol = 'HTTP' | 'HTTPS';
const PROTOCOLS: readonly GatewayProtocol[] = ['HTTP', 'HTTPS'];

/** Which namespaces' routes may attach to a listener. */
export type AllowedRoutes =
  /** Routes in the Gateway's own namespace. */
  | 'Same'
  /** Routes in every namespace. */
  | 'All'
  /** Routes in namespaces carrying these labels. */
  | { readonly namespaceLabels: Record<string, string> };

/** One listener of a {@link Gateway}. */
export interface GatewayListener {
  /** Listener name (an RFC 1123 label), unique in the Gateway; routes attach to it by this name (`sectionName`). */
  readonly name: string;
  /**
   * Protocol.
   * @default 'HTTP', or 'HTTPS' when tlsSecretName is set
   */
  readonly protocol?: GatewayProtocol;
  /**
   * Port the data plane listens on.
   * @default 80 for HTTP, 443 for HTTPS
   */
  readonly port?: number;
  /**
   * Host name the listener answers (`cafe.example.com`, `*.example.com`); routes' hostnames must intersect it.
   * @default - any host
   */
  readonly hostname?: string;
  /**
   * For HTTPS: the `kubernetes.io/tls` Secret (in the Gateway's namespace) with the certificate; TLS is
   * terminated at the Gateway.
   * @default - none; required for HTTPS
   */
  readonly tlsSecretName?: string;
  /**
   * Which namespaces' routes may attach.
   * @default 'Same'
   */
  readonly allowedRoutes?: AllowedRoutes;
}

/** Properties of a {@link Gateway}. */
export interface GatewayProps {
  /**
   * Gateway name.
   * @default - a name cdk8s generates from the construct path
   */
  readonly name?: string;
  /**
   * Namespace.
   * @default - the chart's namespace
   */
  readonly namespace?: string;
  /** The class: a {@link GatewayClass} of this program, or a class name the cluster already has. */
  readonly gatewayClass: GatewayClass | string;
  /** Listeners (1 to 64). */
  readonly listeners: GatewayListener[];
  /**
   * Labels.
   * @default - none
   */
  readonly labels?: Record<string, string>;
  /**
   * Annotations.
   * @default - none
   */
  readonly annotations?: Record<string, string>;
  /**
   * NHN load balancer options (internal, type, listener protocol, health monitor, ...) of the data plane
   * LoadBalancer Service the implementation creates for this Gateway, written to `spec.infrastructure.annotations`
   * (NGINX Gateway Fabric copies them to that Service). Per-listener settings name Gateway listener ports.
   * @default - the GatewayClass's loadBalancer, when the class is a GatewayClass of this program; else none
   */
  readonly loadBalancer?: LoadBalancerOptions;
}

/** A validated listener. */
export interface GatewayListenerInfo {
  /** Listener name (an RFC 1123 label), unique in the Gateway. */
  readonly name: string;
  /** Protocol: as given, else `HTTPS` when the listener has a TLS Secret, else `HTTP`. */
  readonly protocol: GatewayProtocol;
  /** Port the data plane listens on: as given, else 443 for HTTPS and 80 for HTTP. */
  readonly port: number;
  /** Host name the listener answers; undefined for any host. */
  readonly hostname?: string;
  /** Which namespaces' routes may attach (`Same` when not given). */
  readonly allowedRoutes: AllowedRoutes;
}

// Limits and rules of the Gateway CRD (gateway.networking.k8s.io_gateways.yaml, Gateway API v1.4.1):
// listeners maxItems 64 (line 803); CEL rules at lines 810-824: no tls for HTTP, Terminate for HTTPS,
// unique listener names, unique port + protocol + hostname; certificateRefs maxItems 64 (line 746).
const MAX_LISTENERS = 64;

/** A Gateway: the entry point routes attach to. */
@recordsProblems
export class Gateway extends Construct {
  /** The class name. */
  public readonly gatewayClassName: string;
  /** The class, when given as a {@link GatewayClass}. */
  public readonly gatewayClass?: GatewayClass;
  /** Namespace, when set on the Gateway. */
  public readonly namespace?: string;
  /** The validated listeners. */
  public readonly listeners: readonly GatewayListenerInfo[];
  /** The API object. */
  public readonly apiObject: ApiObject;

  /** Creates a Gateway with its listeners, checked. */
  constructor(scope: Construct, id: string, props: GatewayProps) {
    super(scope, id);
    const where = whereOf(this, '');
    const metadata = objectMeta({ name: props.name, namespace: props.namespace, labels: props.labels, annotations: props.annotations }, where);
    this.namespace = props.namespace;
    if (props.gatewayClass instanceof GatewayClass) {
      this.gatewayClass = props.gatewayClass;
      this.gatewayClassName = props.gatewayClass.gatewayClassName;
    } else {
      this.gatewayClassName = checkDnsSubdomain(props.gatewayClass, at(where, 'gatewayClass'));
    }
    const given = checkList(props.listeners, at(where, 'listeners'), "[{ name: 'http' }]");
    if (given.length === 0 || given.length > MAX_LISTENERS) {
      fail(at(where, 'listeners'), given.length, `a Gateway has 1 to ${MAX_LISTENERS} listeners`, "give e.g. [{ name: 'http' }]");
    }
    const listeners = given.map((l, i) => checkListener(l, at(where, `listeners[${i}]`)));
    listeners.forEach((l, i) => {
      const lw = at(where, `listeners[${i}]`);
      const earlier = listeners.slice(0, i);
      if (earlier.some((e) => e.info.name === l.info.name)) fail(at(lw, 'name'), l.info.name, 'listener names are unique within a Gateway', 'give each listener its own name');
      if (earlier.some((e) => e.info.port === l.info.port && e.info.protocol === l.info.protocol && e.info.hostname === l.info.hostname)) {
        fail(at(lw, 'port'), l.info.port, `another listener already serves ${l.info.protocol} on port ${l.info.port} for ${l.info.hostname ?? 'any host'}; the port, protocol and hostname of each listener must differ`, 'give the listener another hostname or port, or merge the two');
      }
    });
    this.listeners = listeners.map((l) => l.info);
    const infrastructure = this.renderInfrastructure(props.loadBalancer ?? this.gatewayClass?.loadBalancer, at(where, 'loadBalancer'));
    this.apiObject = new gw.Gateway(this, 'Resource', {
      metadata,
      spec: { gatewayClassName: this.gatewayClassName, listeners: listeners.map((l) => l.spec), infrastructure },
    });
    trackObjects(this);
  }

  /**
   * The NHN load balancer options as `spec.infrastructure.annotations`. Gateway API allows at most 8
   * annotations there (gateway.networking.k8s.io_gateways.yaml:170, infrastructure.annotations maxProperties 8).
   */
  private renderInfrastructure(options: LoadBalancerOptions | undefined, where: Where): gw.GatewaySpecInfrastructure | undefined {
    if (options === undefined) return undefined;
    const rendered = loadBalancerAnnotations(options, where);
    checkListenerPorts(rendered, [...new Set(this.listeners.map((l) => l.port))].map((port) => ({ port, protocol: 'TCP' as const })), where);
    for (const w of rendered.warnings) warn(this, w.id, w.message);
    const count = Object.keys(rendered.annotations).length;
    if (count > 8) {
      fail(where, count, `these load balancer options make ${count} annotations; a Gateway carries at most 8 in spec.infrastructure.annotations`, 'set fewer options, or move per-listener settings to load balancer-wide ones');
    }
    return count ? { annotations: rendered.annotations } : undefined;
  }

  /** The Gateway's name. */
  public get gatewayName(): string {
    return this.apiObject.name;
  }

  /** The namespace the Gateway lands in: its own, else its chart's. */
  public get effectiveNamespace(): string | undefined {
    return this.namespace ?? Chart.of(this).namespace;
  }

  /** Finds a listener by name. */
  public findListener(name: string): GatewayListenerInfo | undefined {
    return this.listeners.find((l) => l.name === name);
  }

  /**
   * Whether a route in `namespace` may attach to `listener`: true, false, or undefined when it depends on
   * the namespace's labels (known only in the cluster).
   */
  public allowsRoutesFrom(listener: GatewayListenerInfo, namespace: string): boolean | undefined {
    const allowed = listener.allowedRoutes;
    if (allowed === 'All') return true;
    if (allowed === 'Same') return namespace === (this.effectiveNamespace ?? 'default');
    return undefined;
  }
}

function checkListener(l: GatewayListener, where: Where): { info: GatewayListenerInfo; spec: gw.GatewaySpecListeners } {
  const name = checkDnsLabel(l.name, at(where, 'name'));
  const protocol = checkChoice(l.protocol ?? (l.tlsSecretName !== undefined ? 'HTTPS' : 'HTTP'), PROTOCOLS, at(where, 'protocol'), 'a listener protocol');
  const port = l.port === undefined ? (protocol === 'HTTPS' ? 443 : 80) : checkPortNumber(l.port, at(where, 'port'));
  const hostname = l.hostname === undefined ? undefined : checkHost(l.hostname, at(where, 'hostname'));
  if (protocol === 'HTTP' && l.tlsSecretName !== undefined) {
    fail(at(where, 'tlsSecretName'), l.tlsSecretName, 'an HTTP listener has no TLS (the CRD refuses tls on HTTP listeners)', "use protocol 'HTTPS', or drop tlsSecretName");
  }
  if (protocol === 'HTTPS' && l.tlsSecretName === undefined) {
    fail(at(where, 'tlsSecretName'), undefined, 'an HTTPS listener terminates TLS and needs a certificate Secret', 'set tlsSecretName to a kubernetes.io/tls Secret in the Gateway\'s namespace (kubectl create secret tls)');
  }
  const secret = l.tlsSecretName === undefined ? undefined : checkDnsSubdomain(l.tlsSecretName, at(where, 'tlsSecretName'));
  const allowedRoutes = l.allowedRoutes ?? 'Same';
  let namespaces: gw.GatewaySpecListenersAllowedRoutesNamespaces;
  if (allowedRoutes === 'Same' || allowedRoutes === 'All') {
    namespaces = { from: allowedRoutes === 'Same' ? gw.GatewaySpecListenersAllowedRoutesNamespacesFrom.SAME : gw.GatewaySpecListenersAllowedRoutesNamespacesFrom.ALL };
  } else if (typeof allowedRoutes === 'object' && allowedRoutes !== null && allowedRoutes.namespaceLabels) {
    const labels = checkLabels(allowedRoutes.namespaceLabels, at(where, 'allowedRoutes.namespaceLabels'));
    if (Object.keys(labels).length === 0) fail(at(where, 'allowedRoutes.namespaceLabels'), labels, 'an empty label selector selects every namespace', "use allowedRoutes: 'All' to mean that");
    namespaces = { from: gw.GatewaySpecListenersAllowedRoutesNamespacesFrom.SELECTOR, selector: { matchLabels: labels } };
  } else {
    fail(at(where, 'allowedRoutes'), allowedRoutes, "allowedRoutes is 'Same', 'All' or { namespaceLabels }", "use 'Same' (the default)");
  }
  return {
    info: { name, protocol, port, hostname, allowedRoutes },
    spec: {
      name,
      protocol,
      port,
      hostname,
      tls: secret === undefined ? undefined : { mode: gw.GatewaySpecListenersTlsMode.TERMINATE, certificateRefs: [{ kind: 'Secret', name: secret }] },
      allowedRoutes: { namespaces },
    },
  };
}

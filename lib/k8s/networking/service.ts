import { Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { warn } from '../../warnings';
import { at, atIndex, fail, Where } from '../../model/errors';
import { checkChoice, checkList } from '../../model/choices';
import { parseCidr } from '../../model/cidr';
import { checkDns1035Label, checkDnsLabel, checkDnsSubdomain, checkLabelKey } from '../../model/names';
import { checkIntegerInRange } from '../../model/numbers';
import { whereOf } from '../../where';
import { checkPortName, checkPortNumber } from '../container';
import { checkListenerPorts, LoadBalancerOptions, loadBalancerAnnotations } from './load-balancer';
import { NODE_PORT_RANGE, PORT_PROTOCOLS, ServicePortProtocol } from '../../model/services';
import { objectMeta } from '../metadata';
import { checkNamedTargetPorts, checkSelectedNamespace, selectedPods, selectorOf } from './service-selector';
import { trackObjects, trackUses, UniqueKind } from '../unique-objects';
import { checkBuilt, recordsProblems } from '../../problems';

/** How a Service is reached (seed 001 "Service type"). */
export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';
/** Whether external traffic may hop to a pod on another node (`Cluster`) or stays on the node it reached (`Local`). */
export type ExternalTrafficPolicy = 'Cluster' | 'Local';
/** `ClientIP` sends one client's connections to the same pod. */
export type SessionAffinity = 'None' | 'ClientIP';

const SERVICE_TYPES: readonly ServiceType[] = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'];
/**
 * A fixed nodePort belongs to one Service of the whole cluster, whatever the namespace or protocol: the API
 * server allocates node ports from one range-wide bitmap (PortAllocator.Allocate in kubernetes/kubernetes
 * pkg/registry/core/service/portallocator/allocator.go) and refuses a port already taken with ErrAllocated,
 * "provided port is already allocated", so the second Service of the program is never created.
 */
const NODE_PORT: UniqueKind<string> = {
  rule: (later, earlier) =>
    `nodePort ${String(later.value)} is already the node port of ${earlier.detail}; a node port belongs to one Service in the cluster, and the API server refuses the second ("provided port is already allocated")`,
  fix: () => `give this port another nodePort (${NODE_PORT_RANGE.min}–${NODE_PORT_RANGE.max}), or leave nodePort out so Kubernetes picks a free one`,
};

/** A dotted-quad IPv4 address. */
export const IPV4_ADDRESS = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/**
 * Fails when `name`, which must be a DNS name, is an IPv4 address: Kubernetes would take the digits for a
 * host name (an Ingress host never matches, an ExternalName CNAME never resolves). `rule` says what the
 * name is, e.g. 'an Ingress host is a DNS name, not an IP address'.
 */
export function rejectIpAddress(name: string, where: Where, rule: string, fix: string): void {
  if (typeof name === 'string' && IPV4_ADDRESS.test(name)) fail(where, name, rule, fix);
}

/** One port of a Service. */
export interface ServicePortSpec {
  /** The port the Service listens on, 1–65535 (the guide's `8080`). */
  readonly port: number;
  /**
   * The pods' port: a number, or the name of a container port.
   * @default - the same as `port`
   */
  readonly targetPort?: number | string;
  /**
   * Port on every node (NodePort and LoadBalancer only), 30000–32767.
   * @default - Kubernetes picks a free one
   */
  readonly nodePort?: number;
  /**
   * Port name (a DNS label), required when the Service has more than one port; Ingress backends may refer to it.
   * @default - none
   */
  readonly name?: string;
  /**
   * Protocol.
   * @default 'TCP'
   */
  readonly protocol?: ServicePortProtocol;
  /**
   * Application protocol hint (`http`, `https`, `kubernetes.io/h2c`, ...).
   * @default - none
   */
  readonly appProtocol?: string;
}

/** A validated Service port, as it lands in the manifest. */
export interface ServicePortInfo {
  /** Service port. */
  readonly port: number;
  /** Target port on the pods (number or container port name). */
  readonly targetPort: number | string;
  /** Node port, when fixed. */
  readonly nodePort?: number;
  /** Port name, when set. */
  readonly name?: string;
  /** Protocol. */
  readonly protocol: ServicePortProtocol;
  /** Application protocol, when set. */
  readonly appProtocol?: string;
}

/** Properties of a {@link Service}. */
export interface ServiceProps {
  /**
   * Service name (an RFC 1035 label: lowercase letters, digits and `-`, starting with a letter), e.g. the guide's `nginx-svc`.
   * @default - a name cdk8s generates from the construct path
   */
  readonly name?: string;
  /**
   * Namespace.
   * @default - the chart's namespace
   */
  readonly namespace?: string;
  /**
   * Labels of the Service object itself (the guide's `app: nginx`).
   * @default - none
   */
  readonly labels?: Record<string, string>;
  /**
   * Extra annotations, written as given (NHN load balancer options go in `loadBalancer`; an annotation
   * that a `loadBalancer` option also writes is an error rather than silently replaced).
   * @default - none
   */
  readonly annotations?: Record<string, string>;
  /**
   * Service type.
   * @default 'ClusterIP', or 'ExternalName' when `externalName` is set
   */
  readonly type?: ServiceType;
  /**
   * Pods the Service routes to: labels (`{ app: 'nginx' }`), or a workload (`WebApp`, `kplus.Deployment`, ...)
   * whose pod labels are used. Not allowed with ExternalName. A workload must be in the Service's namespace,
   * and named target ports must be names of its container ports (checked at synth).
   * @default - no selector (endpoints managed outside Kubernetes' controller)
   */
  readonly selector?: Record<string, string> | kplus.IPodSelector;
  /**
   * Ports: a number (same target port, TCP) or a full spec. At least one, except on ExternalName and headless Services.
   * @default - none
   */
  readonly ports?: (number | ServicePortSpec)[];
  /**
   * Headless Service (`clusterIP: None`): DNS returns the pods' addresses, no virtual IP or load balancing (StatefulSets, seed 004). ClusterIP only.
   * @default false
   */
  readonly headless?: boolean;
  /**
   * DNS name an ExternalName Service returns as a CNAME, e.g. `db.example.com`. Required for ExternalName.
   * @default - none
   */
  readonly externalName?: string;
  /**
   * NodePort and LoadBalancer only. `Local` keeps traffic on the node it arrived at (no second hop; nodes without a
   * pod fail the load balancer's health check).
   * @default - Kubernetes' default, Cluster
   */
  readonly externalTrafficPolicy?: ExternalTrafficPolicy;
  /**
   * Stick a client to one pod.
   * @default - Kubernetes' default, None
   */
  readonly sessionAffinity?: SessionAffinity;
  /**
   * Stickiness timeout in seconds for `ClientIP` affinity, 1–86400.
   * @default - Kubernetes' default, 10800
   */
  readonly sessionAffinityTimeoutSeconds?: number;
  /**
   * LoadBalancer only: reuse an allocated, unassociated floating IP (or, with `loadBalancer.internal`, the VIP).
   * NHN reads `spec.loadBalancerIP`, which upstream Kubernetes deprecated but still serves.
   * @default - a new floating IP
   */
  readonly loadBalancerIP?: string;
  /**
   * LoadBalancer only: client CIDRs allowed through the load balancer. IPv4 only (NHN Cloud VPCs are IPv4),
   * in canonical form: no host bits (`203.0.113.0/24`, not `203.0.113.7/24`).
   * @default - everyone
   */
  readonly loadBalancerSourceRanges?: string[];
  /**
   * LoadBalancer only: NHN Cloud load balancer options, written as annotations.
   * @default - none: NHN's defaults, and no NHN annotation (plain Kubernetes)
   */
  readonly loadBalancer?: LoadBalancerOptions;
  /**
   * Publish addresses of pods that are not ready (peer discovery in StatefulSets).
   * @default false
   */
  readonly publishNotReadyAddresses?: boolean;
}

/**
 * A Kubernetes Service of any type, with the checks the API server (or NHN's cloud controller) would
 * otherwise make at apply time: node ports in 30000–32767 and only where they exist, port numbers, unique
 * and required port names, ExternalName with a name, NHN load balancer option ranges. Renders the full
 * `spec` itself (cdk8s-plus-28's Service has no externalTrafficPolicy, sessionAffinity, loadBalancerIP or
 * named target ports).
 */
@recordsProblems
export class Service extends Construct {
  /** The Service's name (use it for DNS: `<serviceName>.<namespace>.svc`). */
  public readonly serviceName: string;
  /** Namespace, when set on the Service (otherwise the chart's, or the default). */
  public readonly namespace?: string;
  /** The Service type. */
  public readonly type: ServiceType;
  /** Ports, validated. */
  public readonly ports: readonly ServicePortInfo[];
  /** The pod selector. */
  public readonly selector: Readonly<Record<string, string>>;
  /** True for a headless Service. */
  public readonly headless: boolean;
  /** The Service API object. */
  public readonly apiObject: kplus.k8s.KubeService;

  /** Creates a Service, checked. */
  constructor(scope: Construct, id: string, props: ServiceProps = {}) {
    super(scope, id);
    const where = whereOf(this, '');
    const type = checkChoice(props.type ?? (props.externalName !== undefined ? 'ExternalName' : 'ClusterIP'), SERVICE_TYPES, at(where, 'type'), 'a Service type');
    this.type = type;
    this.headless = props.headless ?? false;
    if (this.headless && type !== 'ClusterIP') {
      fail(at(where, 'headless'), true, `only a ClusterIP Service can be headless; this one is ${type}`, 'remove headless, or use type "ClusterIP"');
    }
    if (props.name !== undefined) checkDns1035Label(props.name, at(where, 'name'));
    this.selector = selectorOf(props.selector, at(where, 'selector'));
    this.ports = checkPorts(checkList(props.ports, at(where, 'ports'), '[{ port: 80, targetPort: 8080 }]'), type, this.headless, at(where, 'ports'));
    checkTypeSpecific(props, type, this.selector, where);
    this.namespace = props.namespace;
    const pods = selectedPods(props.selector);
    if (pods) {
      checkSelectedNamespace(pods, this.effectiveNamespace ?? 'default', at(where, 'selector'));
      const targets = this.ports.map((p, i) => ({ targetPort: p.targetPort, where: at(atIndex(at(where, 'ports'), i), 'targetPort') }));
      // At synth: containers and their ports can be added after the Service is built.
      this.node.addValidation({
        validate: () => {
          checkNamedTargetPorts(pods, targets);
          return [];
        },
      });
    }

    const annotations: Record<string, string> = { ...props.annotations };
    if (props.loadBalancer !== undefined) {
      const lb = loadBalancerAnnotations(props.loadBalancer, at(where, 'loadBalancer'));
      checkListenerPorts(lb, this.ports, at(where, 'loadBalancer'));
      for (const key of Object.keys(lb.annotations)) {
        if (props.annotations?.[key] !== undefined) {
          fail(at(where, `annotations.${key}`), props.annotations[key], `the loadBalancer options write the annotation ${key} too, and would silently replace this value`, 'remove the annotation and keep the typed loadBalancer option (or drop the option)');
        }
      }
      Object.assign(annotations, lb.annotations);
      for (const w of lb.warnings) warn(this, w.id, w.message);
    }
    const metadata = objectMeta({ name: props.name, namespace: props.namespace, labels: props.labels, annotations: Object.keys(annotations).length ? annotations : undefined }, where, 'label');
    this.apiObject = new kplus.k8s.KubeService(this, 'Resource', { metadata, spec: renderSpec(props, type, this) });
    this.serviceName = this.apiObject.name;
    trackObjects(this);
    // Ports are fixed at construction; most Services leave node ports to Kubernetes and have nothing to register.
    if (this.ports.some((p) => p.nodePort !== undefined)) {
      const portsWhere = at(where, 'ports');
      trackUses(this, () =>
        this.ports.flatMap((p, i) =>
          p.nodePort === undefined ? [] : [{ kind: NODE_PORT, key: String(p.nodePort), where: at(atIndex(portsWhere, i), 'nodePort'), value: p.nodePort, construct: this, detail: this.describe() }],
        ),
      );
    }
  }

  /** `Service "web" in namespace "shop" (c/web)`, for messages about another construct. */
  private describe(): string {
    return `Service "${this.serviceName}" in namespace "${this.effectiveNamespace ?? 'default'}" (${this.node.path})`;
  }

  /** The namespace the Service lands in: its own, else its chart's. */
  public get effectiveNamespace(): string | undefined {
    return this.namespace ?? Chart.of(this).namespace;
  }

  /** The port with this number or name, if the Service has it. */
  public findPort(ref: number | string): ServicePortInfo | undefined {
    return this.ports.find((p) => (typeof ref === 'number' ? p.port === ref : p.name === ref));
  }

  /**
   * The port an Ingress (or anything else) refers to, or a ValidationError at `where` naming the ports that exist.
   * Without `ref`, the Service's only port.
   */
  public portFor(ref: number | string | undefined, where: Where): ServicePortInfo {
    checkBuilt(this, where, 'the Service');
    const ports = this.ports.map((p) => (p.name ? `${p.port} (${p.name})` : String(p.port))).join(', ') || 'none';
    if (ref === undefined) {
      if (this.ports.length === 1) return this.ports[0];
      fail(where, undefined, `Service "${this.serviceName}" has ${this.ports.length === 0 ? 'no ports' : `several ports (${ports})`}, so the port must be named`, 'give the port number or name');
    }
    const found = this.findPort(ref);
    if (!found) fail(where, ref, `Service "${this.serviceName}" has no port ${JSON.stringify(ref)}; its ports are ${ports}`, 'use one of its ports (the Service port, not the target port)');
    return found;
  }
}

function checkPorts(inputs: readonly (number | ServicePortSpec)[], type: ServiceType, headless: boolean, where: Where): ServicePortInfo[] {
  if (inputs.length === 0 && type !== 'ExternalName' && !headless) {
    fail(where, inputs, `a ${type} Service needs at least one port`, 'add e.g. ports: [{ port: 80, targetPort: 8080 }]');
  }
  const ports = inputs.map((input, i) => checkPort(typeof input === 'number' ? { port: input } : input, type, atIndex(where, i)));
  const unique = (what: string, keyOf: (p: ServicePortInfo) => string | number | undefined): void => {
    const firstIndex = new Map<string | number, number>();
    ports.forEach((p, i) => {
      const key = keyOf(p);
      if (key === undefined) return;
      const first = firstIndex.get(key);
      if (first !== undefined) fail(atIndex(where, i), key, `each ${what} appears once per Service (ports[${first}] has it too)`, 'remove the duplicate or change it');
      firstIndex.set(key, i);
    });
  };
  unique('port and protocol', (p) => `${p.port}/${p.protocol}`);
  unique('port name', (p) => p.name);
  unique('nodePort', (p) => p.nodePort);
  if (ports.length > 1) {
    ports.forEach((p, i) => {
      if (p.name === undefined) fail(at(atIndex(where, i), 'name'), undefined, 'every port needs a name when a Service has more than one', `name it, e.g. "${p.port === 443 ? 'https' : p.port === 80 ? 'http' : `port-${p.port}`}"`);
    });
  }
  return ports;
}

function checkPort(spec: ServicePortSpec, type: ServiceType, where: Where): ServicePortInfo {
  const port = checkPortNumber(spec.port, at(where, 'port'));
  const protocol = checkChoice(spec.protocol ?? 'TCP', PORT_PROTOCOLS, at(where, 'protocol'), 'a port protocol');
  if (spec.name !== undefined) checkDnsLabel(spec.name, at(where, 'name'));
  let targetPort: number | string = port;
  if (typeof spec.targetPort === 'number') targetPort = checkPortNumber(spec.targetPort, at(where, 'targetPort'));
  else if (spec.targetPort !== undefined) {
    // A named targetPort refers to a container port by its name, so it follows the port-name rule.
    targetPort = checkPortName(spec.targetPort, at(where, 'targetPort'));
  }
  if (spec.nodePort !== undefined) {
    if (type !== 'NodePort' && type !== 'LoadBalancer') {
      fail(at(where, 'nodePort'), spec.nodePort, `a ${type} Service has no node ports; nodePort is for NodePort and LoadBalancer Services`, 'set type: "NodePort", or remove nodePort');
    }
    // The guide's error case: `spec.ports[0].nodePort: Invalid value: 10010: provided port is not in the valid range`.
    checkIntegerInRange(spec.nodePort, at(where, 'nodePort'), NODE_PORT_RANGE, "a nodePort (the cluster's service-node-port-range)");
  }
  // The API server checks appProtocol as a qualified name, the same rule as a label key.
  if (spec.appProtocol !== undefined) checkLabelKey(spec.appProtocol, at(where, 'appProtocol'));
  return { port, targetPort, nodePort: spec.nodePort, name: spec.name, protocol, appProtocol: spec.appProtocol };
}

function checkTypeSpecific(props: ServiceProps, type: ServiceType, selector: Readonly<Record<string, string>>, where: Where): void {
  const onlyFor = (field: keyof ServiceProps, types: readonly ServiceType[]): void => {
    if (props[field] !== undefined && !types.includes(type)) {
      fail(at(where, field), props[field], `${field} applies only to ${types.join(' and ')} Services; this one is ${type}`, `set type: "${types[types.length - 1]}", or remove ${field}`);
    }
  };
  onlyFor('loadBalancer', ['LoadBalancer']);
  onlyFor('loadBalancerIP', ['LoadBalancer']);
  onlyFor('loadBalancerSourceRanges', ['LoadBalancer']);
  onlyFor('externalTrafficPolicy', ['NodePort', 'LoadBalancer']);
  onlyFor('externalName', ['ExternalName']);
  if (type === 'ExternalName') {
    if (props.externalName === undefined) fail(at(where, 'externalName'), undefined, 'an ExternalName Service needs externalName, the DNS name it aliases', 'add e.g. externalName: "db.example.com"');
    rejectIpAddress(props.externalName, at(where, 'externalName'), 'externalName is a DNS name, not an IP address (Kubernetes would treat the digits as a host name that never resolves)', 'give the DNS name of the address, or use a Service without selector and an EndpointSlice for a fixed IP');
    checkDnsSubdomain(props.externalName.replace(/\.$/, ''), at(where, 'externalName'));
    if (Object.keys(selector).length) fail(at(where, 'selector'), selector, 'an ExternalName Service selects no pods (it is a DNS CNAME)', 'remove the selector, or use a ClusterIP Service');
  }
  if (props.loadBalancerIP !== undefined && !IPV4_ADDRESS.test(props.loadBalancerIP)) {
    fail(at(where, 'loadBalancerIP'), props.loadBalancerIP, 'loadBalancerIP is an IPv4 address (an allocated floating IP, or a VIP with loadBalancer.internal)', 'copy the address from Network > Floating IP');
  }
  // The same IPv4 CIDR rule as the infrastructure's subnets: host bits set would be normalized (or refused) by the cloud controller.
  (props.loadBalancerSourceRanges ?? []).forEach((range, i) => parseCidr(range, atIndex(at(where, 'loadBalancerSourceRanges'), i)));
  if (props.sessionAffinityTimeoutSeconds !== undefined) {
    if ((props.sessionAffinity ?? 'None') !== 'ClientIP') {
      fail(at(where, 'sessionAffinityTimeoutSeconds'), props.sessionAffinityTimeoutSeconds, 'the affinity timeout applies only with sessionAffinity "ClientIP"', 'set sessionAffinity: "ClientIP", or remove the timeout');
    }
    checkIntegerInRange(props.sessionAffinityTimeoutSeconds, at(where, 'sessionAffinityTimeoutSeconds'), { min: 1, max: 86400 }, 'a session affinity timeout', 's');
  }
  if (props.sessionAffinity !== undefined) checkChoice(props.sessionAffinity, ['None', 'ClientIP'], at(where, 'sessionAffinity'), 'a session affinity');
  if (props.externalTrafficPolicy !== undefined) checkChoice(props.externalTrafficPolicy, ['Cluster', 'Local'], at(where, 'externalTrafficPolicy'), 'an external traffic policy');
}

function renderSpec(props: ServiceProps, type: ServiceType, service: Service): kplus.k8s.ServiceSpec {
  if (type === 'ExternalName') {
    return { type, externalName: props.externalName, ports: service.ports.length ? service.ports.map(renderPort) : undefined };
  }
  return {
    type,
    clusterIp: service.headless ? 'None' : undefined,
    selector: Object.keys(service.selector).length ? { ...service.selector } : undefined,
    ports: service.ports.length ? service.ports.map(renderPort) : undefined,
    externalTrafficPolicy: props.externalTrafficPolicy,
    sessionAffinity: props.sessionAffinity,
    sessionAffinityConfig: props.sessionAffinityTimeoutSeconds === undefined ? undefined : { clientIp: { timeoutSeconds: props.sessionAffinityTimeoutSeconds } },
    loadBalancerIp: props.loadBalancerIP,
    loadBalancerSourceRanges: props.loadBalancerSourceRanges,
    publishNotReadyAddresses: props.publishNotReadyAddresses,
  };
}

function renderPort(p: ServicePortInfo): kplus.k8s.ServicePort {
  return {
    name: p.name,
    port: p.port,
    targetPort: typeof p.targetPort === 'number' ? kplus.k8s.IntOrString.fromNumber(p.targetPort) : kplus.k8s.IntOrString.fromString(p.targetPort),
    nodePort: p.nodePort,
    protocol: p.protocol,
    appProtocol: p.appProtocol,
  };
}

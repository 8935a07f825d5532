import { Chart, Lazy } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct, IConstruct } from 'constructs';
import { warn } from '../../warnings';
import { at, fail, Where } from '../../model/errors';
import { checkChoice, checkList } from '../../model/choices';
import { checkDnsSubdomain, DNS_LABEL, DNS_LABEL_MAX_LENGTH } from '../../model/names';
import { whereOf } from '../../where';
import { checkPortNumber } from '../container';
import { Gateway } from '../gateway/gateway';
import { HttpBackend, HttpPathType, HttpRoute, HttpRouteRule } from '../gateway/http-route';
import { NginxIngressController } from './ingress-controller';
import { objectMeta } from '../metadata';
import { Service } from './service';
import { trackObjects, trackUses, UniqueKind, UniqueUse } from '../unique-objects';
import { checkHost } from './hosts';
import { checkBuilt, recordProblem, recordsProblems } from '../../problems';
import { constructsUnder } from '../../synth-cache';

/** How a path matches: `Prefix` by path segments (`/tea` matches `/tea/green`), `Exact`, or as the controller decides. */
export type PathType = 'Prefix' | 'Exact' | 'ImplementationSpecific';
const PATH_TYPES: readonly PathType[] = ['Prefix', 'Exact', 'ImplementationSpecific'];

/** ingress-nginx's annotation that hands TLS connections to the backend undecrypted. */
export const SSL_PASSTHROUGH_ANNOTATION = 'nginx.ingress.kubernetes.io/ssl-passthrough';
/** ingress-nginx's annotation that makes an Ingress a canary of another Ingress with the same host and path. */
export const CANARY_ANNOTATION = 'nginx.ingress.kubernetes.io/canary';
/** ingress-nginx's annotation for the protocol it speaks to the backend (`HTTPS` for backends serving TLS). */
export const BACKEND_PROTOCOL_ANNOTATION = 'nginx.ingress.kubernetes.io/backend-protocol';

// ingress-nginx (v1.12+, `strict-validate-path-type` on by default) rejects other characters in Prefix/Exact paths.
const NGINX_STRICT_PATH = /^\/[A-Za-z0-9._\-/]*$/;
// The API server rejects these segments in Prefix and Exact paths.
const BAD_PATH_SEQUENCE = /\/\/|\/\.\.?(\/|$)|%2f/i;

/** Where an Ingress path sends requests: a Service and one of its ports. */
export class IngressBackend {
  /**
   * An nks-cdk {@link Service}; the port is checked against the Service's ports when the Ingress is built.
   * @param port the Service port's number or name (the Service port, not the target port); default: its only port
   */
  public static fromService(service: Service, port?: number | string): IngressBackend {
    return new IngressBackend(service, port);
  }

  /**
   * A Service nks-cdk did not build (e.g. NKS's `kubernetes-dashboard` in kube-system), by name; nothing can be checked
   * beyond the name's and port's form.
   */
  public static fromServiceName(serviceName: string, port: number | string): IngressBackend {
    return new IngressBackend(serviceName, port);
  }

  private constructor(
    private readonly target: Service | string,
    private readonly port: number | string | undefined,
  ) {}

  /**
   * @internal The same backend for an HTTPRoute (Gateway API): an nks-cdk Service stays one (its port is
   * checked again); a Service by name needs its port as a number, Gateway API has no port names.
   */
  public _toHttpBackend(where: Where): HttpBackend {
    if (typeof this.target !== 'string') return HttpBackend.fromService(this.target, { port: this.port });
    if (typeof this.port !== 'number') fail(at(where, 'port'), this.port, `the backend "${this.target}" names its port; an HTTPRoute backend needs the Service port number`, 'give the Ingress backend the port number');
    return HttpBackend.fromServiceName(this.target, this.port);
  }

  /** The backend Service's name. */
  public get serviceName(): string {
    return typeof this.target === 'string' ? this.target : this.target.serviceName;
  }

  /**
   * @internal What the backend is, for comparing two Ingresses' routes: namespace, Service and port (a
   * number where the Service is known, so a port by name and by number compare equal). Call after `_render`.
   */
  public _identity(ingress: Ingress): string {
    const namespace = ingress.effectiveNamespace ?? 'default';
    if (typeof this.target === 'string' || (this.target.type === 'ExternalName' && this.target.ports.length === 0)) {
      return `${namespace}/${this.serviceName}:${String(this.port)}`;
    }
    const port = this.target.findPort(this.port ?? this.target.ports[0].port);
    return `${namespace}/${this.serviceName}:${port?.port ?? String(this.port)}`;
  }

  /** @internal Validates the backend for `ingress` and renders it; errors go to `where`. */
  public _render(ingress: Ingress, where: Where): kplus.k8s.IngressBackend {
    if (typeof this.target === 'string') {
      checkDnsSubdomain(this.target, at(where, 'service'));
      return { service: { name: this.target, port: renderPortRef(this.port, at(where, 'port')) } };
    }
    const service = this.target;
    checkBuilt(service, at(where, 'service'), 'the Service');
    const serviceNs = service.effectiveNamespace ?? 'default';
    const ingressNs = ingress.effectiveNamespace ?? 'default';
    if (serviceNs !== ingressNs) {
      fail(at(where, 'service'), service.node.path, `an Ingress reaches only Services in its own namespace; "${service.serviceName}" is in "${serviceNs}", the Ingress in "${ingressNs}"`, 'put the Ingress in the Service\'s namespace (one Ingress per namespace)');
    }
    if (service.type === 'ExternalName' && service.ports.length === 0) {
      if (this.port === undefined) fail(at(where, 'port'), undefined, `ExternalName Service "${service.serviceName}" has no ports to default to`, 'give the port explicitly');
      return { service: { name: service.serviceName, port: renderPortRef(this.port, at(where, 'port')) } };
    }
    const port = service.portFor(this.port, at(where, 'port'));
    const byName = typeof this.port === 'string';
    return { service: { name: service.serviceName, port: byName ? { name: port.name } : { number: port.port } } };
  }
}

function renderPortRef(port: number | string | undefined, where: Where): kplus.k8s.ServiceBackendPort {
  if (typeof port === 'number') return { number: checkPortNumber(port, where) };
  if (typeof port === 'string' && DNS_LABEL.test(port) && port.length <= DNS_LABEL_MAX_LENGTH) return { name: port };
  return fail(where, port, 'a backend port is a Service port number (1–65535) or a Service port name', 'use e.g. 80 or "http"');
}

/** One path of a rule. */
export interface IngressPath {
  /**
   * Request path, starting with `/` (the guide's `/tea`, `/coffee`).
   * @default '/'
   */
  readonly path?: string;
  /**
   * How the path matches.
   * @default 'Prefix'
   */
  readonly pathType?: PathType;
  /** Where matching requests go. */
  readonly backend: IngressBackend;
}

/** Paths for one host (or for any host). */
export interface IngressRule {
  /**
   * Host name (`tea.cafe.example.com`, or `*.cafe.example.com`); no IP addresses, no port.
   * @default - any host (the guide's URI fanout)
   */
  readonly host?: string;
  /** Paths and their backends. */
  readonly paths: IngressPath[];
}

/** A TLS certificate for some hosts. */
export interface IngressTls {
  /**
   * Hosts the certificate covers.
   * @default - the controller's default (all hosts of the Ingress)
   */
  readonly hosts?: string[];
  /** Name of a `kubernetes.io/tls` Secret in the Ingress's namespace (create it with `kubectl create secret tls`). */
  readonly secretName: string;
}

/** Options of {@link Ingress.toHttpRoutes}. */
export interface IngressToHttpRoutesOptions {
  /** The Gateway the HTTPRoutes attach to. */
  readonly gateway: Gateway;
  /**
   * The Gateway listener to attach to.
   * @default - every listener that accepts the routes
   */
  readonly listener?: string;
  /**
   * Route names: the prefix alone when the Ingress has one host (or none), else `<prefix>-<host>`.
   * @default - the Ingress's name
   */
  readonly namePrefix?: string;
}

/** Properties of an {@link Ingress}. */
export interface IngressProps {
  /**
   * Ingress name (a DNS subdomain), e.g. the guide's `cafe-ingress-uri`.
   * @default - a name cdk8s generates from the construct path
   */
  readonly name?: string;
  /**
   * Namespace; backends must be in the same one.
   * @default - the chart's namespace
   */
  readonly namespace?: string;
  /**
   * Labels.
   * @default - none
   */
  readonly labels?: Record<string, string>;
  /**
   * Annotations for the controller, e.g. `nginx.ingress.kubernetes.io/rewrite-target`.
   * @default - none
   */
  readonly annotations?: Record<string, string>;
  /**
   * IngressClass: a name, or an {@link NginxIngressController} of this program (which lets nks-cdk check
   * that what the Ingress asks for, such as SSL passthrough, is enabled).
   * @default - no ingressClassName: the cluster's default IngressClass handles it, if there is one
   */
  readonly ingressClass?: string | NginxIngressController;
  /**
   * Rules; more can be added with {@link Ingress.addRule}.
   * @default - none
   */
  readonly rules?: IngressRule[];
  /**
   * Where requests that match no rule go.
   * @default - the controller's own default (ingress-nginx answers 404)
   */
  readonly defaultBackend?: IngressBackend;
  /**
   * TLS certificates.
   * @default - none (HTTP only; ingress-nginx still answers 443 with its self-signed certificate)
   */
  readonly tls?: IngressTls[];
}

/**
 * An Ingress (networking.k8s.io/v1): host- and path-based routing to Services through an ingress controller
 * (the guide's cafe example). Checked at construction: paths, hosts, duplicate host+path, and, for nks-cdk
 * Services, that the backend port exists and the Service is in the Ingress's namespace.
 */
@recordsProblems
export class Ingress extends Construct {
  /** The IngressClass name, when set. */
  public readonly ingressClassName?: string;
  /** The controller, when given as an {@link NginxIngressController}. */
  public readonly controller?: NginxIngressController;
  /** Namespace, when set on the Ingress. */
  public readonly namespace?: string;
  /** The Ingress API object. */
  public readonly apiObject: kplus.k8s.KubeIngress;
  private readonly annotations: Readonly<Record<string, string>>;
  private readonly rules = new Map<string, kplus.k8s.HttpIngressPath[]>();
  private readonly tls: kplus.k8s.IngressTls[] = [];
  private readonly defaultBackend?: kplus.k8s.IngressBackend;
  private readonly defaultBackendInput?: IngressBackend;
  private readonly routes: Route[] = [];
  private ruleCount = 0;

  /** Creates an Ingress, checked. */
  constructor(scope: Construct, id: string, props: IngressProps = {}) {
    super(scope, id);
    const where = whereOf(this, '');
    const metadata = objectMeta({ name: props.name, namespace: props.namespace, labels: props.labels, annotations: props.annotations }, where);
    this.namespace = props.namespace;
    this.annotations = { ...props.annotations };
    if (props.ingressClass instanceof NginxIngressController) {
      this.controller = props.ingressClass;
      this.ingressClassName = props.ingressClass.ingressClassName;
    } else if (props.ingressClass !== undefined) {
      this.ingressClassName = checkDnsSubdomain(props.ingressClass, at(where, 'ingressClass'));
    }
    if (this.controller) this.checkPassthrough(this.controller);
    this.defaultBackend = props.defaultBackend?._render(this, at(where, 'defaultBackend'));
    this.defaultBackendInput = props.defaultBackend;
    for (const rule of checkList(props.rules, at(where, 'rules'), "[{ host: 'cafe.example.com', paths: [...] }]")) this.addRule(rule);
    for (const tls of checkList(props.tls, at(where, 'tls'), "[{ hosts: ['cafe.example.com'], secretName: 'cafe-tls' }]")) this.addTls(tls);
    this.apiObject = new kplus.k8s.KubeIngress(this, 'Resource', {
      metadata,
      spec: Lazy.any({ produce: () => this.renderSpec() }),
    });
    this.node.addValidation({ validate: () => this.validateLate() });
    trackObjects(this);
    trackUses(this, () => this.routeUses());
  }

  /** The Ingress's name. */
  public get ingressName(): string {
    return this.apiObject.name;
  }

  /** The namespace the Ingress lands in: its own, else its chart's. */
  public get effectiveNamespace(): string | undefined {
    return this.namespace ?? Chart.of(this).namespace;
  }

  /** Adds a rule: paths for one host, or for any host. Paths of a host already present are merged into it. */
  @recordsProblems
  public addRule(rule: IngressRule): void {
    const where = whereOf(this, `rules[${this.ruleCount++}]`);
    const host = rule.host === undefined ? '' : checkHost(rule.host, at(where, 'host'));
    if (!rule.paths || rule.paths.length === 0) fail(at(where, 'paths'), rule.paths, 'a rule needs at least one path', "add e.g. { path: '/', backend: IngressBackend.fromService(svc) }");
    const paths = this.rules.get(host) ?? [];
    rule.paths.forEach((p, i) => {
      const pw = at(where, `paths[${i}]`);
      const pathType = checkChoice(p.pathType ?? 'Prefix', PATH_TYPES, at(pw, 'pathType'), 'a path type');
      const path = this.checkPath(p.path ?? '/', pathType, at(pw, 'path'));
      if (paths.some((existing) => existing.path === path)) {
        fail(at(pw, 'path'), path, `the path ${path} is already routed for ${host ? `host ${host}` : 'any host'} in this Ingress`, 'remove the duplicate, or route it to one backend');
      }
      if (this.passthrough && path !== '/') {
        fail(at(pw, 'path'), path, 'with SSL passthrough ingress-nginx routes only the path "/" (it forwards whole TLS connections, by host name)', 'use path "/"');
      }
      paths.push({ path, pathType, backend: p.backend._render(this, at(pw, 'backend')) });
      this.routes.push({ host, path, pathType, backend: p.backend, where: at(pw, 'path') });
    });
    this.rules.set(host, paths);
  }

  /** Adds a TLS certificate (a `kubernetes.io/tls` Secret by name) for some hosts. */
  @recordsProblems
  public addTls(tls: IngressTls): void {
    const where = whereOf(this, `tls[${this.tls.length}]`);
    const hosts = tls.hosts?.map((h, i) => checkHost(h, at(where, `hosts[${i}]`)));
    this.tls.push({ hosts, secretName: checkDnsSubdomain(tls.secretName, at(where, 'secretName')) });
  }

  /**
   * The same routing as Gateway API HTTPRoutes attached to `options.gateway`, so that a program can move
   * from ingress-nginx to a Gateway (NGINX Gateway Fabric) one Ingress at a time: one HTTPRoute per host
   * of the Ingress (rules without host, and the defaultBackend as a last `/` rule, in a route without
   * hostnames), in the Ingress's namespace, with the same backends (nks-cdk Services are checked again).
   * Path types: Prefix → PathPrefix, Exact → Exact, ImplementationSpecific → PathPrefix (what
   * ingress-nginx does without use-regex) with a warning. Controller annotations (rewrite-target, ...)
   * and TLS have no HTTPRoute field: synth warns, naming them (TLS belongs on an HTTPS listener of the
   * Gateway). The Ingress itself stays; remove it once the routes serve.
   */
  public toHttpRoutes(scope: Construct, options: IngressToHttpRoutesOptions): HttpRoute[] {
    // Problems are recorded on the Ingress, as @recordsProblems does for methods without a result.
    try {
      return this.buildHttpRoutes(scope, options);
    } catch (e) {
      recordProblem(this, e);
      return [];
    }
  }

  private buildHttpRoutes(scope: Construct, options: IngressToHttpRoutesOptions): HttpRoute[] {
    const where = whereOf(this, 'toHttpRoutes');
    if (!(options?.gateway instanceof Gateway)) fail(at(where, 'gateway'), options?.gateway, 'toHttpRoutes needs the Gateway the routes attach to', 'pass { gateway } (a Gateway of this program)');
    const prefix = options.namePrefix ?? this.ingressName;
    const byHost = new Map<string, HttpRouteRule[]>();
    const loose: string[] = [];
    for (const r of this.routes) {
      let pathType: HttpPathType = r.pathType === 'Exact' ? 'Exact' : 'PathPrefix';
      if (r.pathType === 'ImplementationSpecific') {
        pathType = 'PathPrefix';
        loose.push(r.path);
      }
      const rules = byHost.get(r.host) ?? [];
      rules.push({ matches: [{ path: r.path, pathType }], backends: [r.backend._toHttpBackend(at(where, `${r.host || '(any host)'}${r.path}`))] });
      byHost.set(r.host, rules);
    }
    if (this.defaultBackendInput) {
      const rules = byHost.get('') ?? [];
      if (!this.routes.some((r) => r.host === '' && r.path === '/' && r.pathType !== 'Exact')) {
        rules.push({ matches: [{ path: '/' }], backends: [this.defaultBackendInput._toHttpBackend(at(where, 'defaultBackend'))] });
      }
      byHost.set('', rules);
    }
    const routes = [...byHost.entries()].map(([host, rules], i) => {
      const name = byHost.size === 1 ? prefix : host ? `${prefix}-${host.replace(/^\*\./, 'wildcard.')}` : prefix;
      return new HttpRoute(scope, `${this.node.id}-route-${i}`, {
        name,
        namespace: this.effectiveNamespace,
        parents: [{ gateway: options.gateway, listener: options.listener }],
        hostnames: host ? [host] : undefined,
        rules,
      });
    });
    const dropped = Object.keys(this.annotations).filter((k) => k.startsWith('nginx.ingress.kubernetes.io/'));
    if (dropped.length) warn(this, 'nks-cdk:httpRouteAnnotationsDropped', `toHttpRoutes() carries no ingress-nginx annotations (${dropped.join(', ')}); express them as HTTPRoute rules (rewrite, redirect) or drop them.`);
    if (this.tls.length) warn(this, 'nks-cdk:httpRouteTlsDropped', `toHttpRoutes() does not carry TLS (Secrets ${this.tls.map((t) => t.secretName).join(', ')}): give the Gateway an HTTPS listener with tlsSecretName.`);
    if (loose.length) warn(this, 'nks-cdk:httpRoutePathsLoosened', `toHttpRoutes() turned ImplementationSpecific paths (${loose.join(', ')}) into PathPrefix matches; check that they are plain prefixes, not regular expressions.`);
    return routes;
  }

  /** An Ingress asking for SSL passthrough needs a controller started with --enable-ssl-passthrough. */
  private checkPassthrough(controller: NginxIngressController): void {
    if (!this.passthrough || controller.sslPassthrough) return;
    fail(
      whereOf(this, 'ingressClass'),
      this.controller ? controller.node.path : this.ingressClassName,
      `the Ingress asks for SSL passthrough (${SSL_PASSTHROUGH_ANNOTATION}: "true"), but the controller ${controller.node.path} runs without --enable-ssl-passthrough, so it would terminate TLS itself`,
      'create the NginxIngressController with sslPassthrough: true (for the dashboard, or use exposeViaLoadBalancer())',
    );
  }

  private get passthrough(): boolean {
    return this.annotations[SSL_PASSTHROUGH_ANNOTATION] === 'true';
  }

  private checkPath(path: string, pathType: PathType, where: Where): string {
    if (typeof path !== 'string' || !path.startsWith('/')) fail(where, path, 'an Ingress path is absolute: it starts with "/"', `use "/${String(path ?? '').replace(/^\/*/, '')}"`);
    if (pathType !== 'ImplementationSpecific') {
      if (BAD_PATH_SEQUENCE.test(path)) fail(where, path, 'Prefix and Exact paths may not contain "//", "/./", "/../" or "%2f"', 'write the path in its normal form');
      if (this.isNginx && !NGINX_STRICT_PATH.test(path)) {
        fail(where, path, 'ingress-nginx accepts only letters, digits, ".", "_", "-" and "/" in Prefix and Exact paths (regular expressions need pathType "ImplementationSpecific")', 'simplify the path, or use pathType: "ImplementationSpecific" with nginx.ingress.kubernetes.io/use-regex');
      }
    }
    return path;
  }

  private get isNginx(): boolean {
    return this.controller !== undefined || this.ingressClassName === 'nginx';
  }

  private renderSpec(): kplus.k8s.IngressSpec {
    const rules = [...this.rules.entries()].map(([host, paths]) => ({ host: host || undefined, http: { paths } }));
    return {
      ingressClassName: this.ingressClassName,
      defaultBackend: this.defaultBackend,
      rules: rules.length ? rules : undefined,
      tls: this.tls.length ? this.tls : undefined,
    };
  }

  /** The routes of this Ingress as uses of their class's host + path (read at validation: rules can be added late). */
  private routeUses(): UniqueUse<RouteDetail>[] {
    if (this.routes.length === 0) return [];
    // Without ingressClassName the cluster's default class serves the Ingress: this program's default controller, if any.
    const className = this.ingressClassName ?? controllersIn(this).find((c) => c.isDefaultClass)?.ingressClassName ?? '';
    const ingress = `Ingress "${this.ingressName}" in namespace "${this.effectiveNamespace ?? 'default'}" (${this.node.path})`;
    const canary = this.annotations[CANARY_ANNOTATION] === 'true';
    return this.routes.map((r) => ({
      kind: ROUTE,
      key: [className, r.host, r.path, r.pathType].join('\u0000'),
      where: r.where,
      value: r.path,
      construct: this,
      detail: { ingress, host: r.host, className, backend: r.backend._identity(this), canary },
    }));
  }

  private validateLate(): string[] {
    if (this.rules.size === 0 && !this.defaultBackend) {
      fail(whereOf(this, 'rules'), [], 'an Ingress needs rules or a defaultBackend', 'add a rule with addRule(), or set defaultBackend');
    }
    // A class given by name is served by this program's controller of that class, if there is one: check it as if it were passed.
    const named = this.controller ?? controllersIn(this).find((c) => c.ingressClassName === this.ingressClassName);
    if (named) this.checkPassthrough(named);
    if (this.ingressClassName !== undefined && !named) {
      warn(this, 'nks-cdk:ingressClassUnserved', `no NginxIngressController in this program serves IngressClass "${this.ingressClassName}"; the cluster must already run a controller for it, or the Ingress gets no address.`);
    }
    if (this.passthrough && !named) {
      warn(this, 'nks-cdk:sslPassthroughUnchecked', `SSL passthrough works only when the controller runs with --enable-ssl-passthrough; pass an NginxIngressController with sslPassthrough: true as ingressClass to have it checked.`);
    }
    if (this.passthrough && this.rules.has('')) {
      warn(this, 'nks-cdk:sslPassthroughWithoutHost', 'SSL passthrough routes by the TLS SNI host name; for a rule without host, clients that connect by IP address reach NGINX itself (which then needs backend-protocol HTTPS to reach a TLS backend).');
    }
    return [];
  }
}

/** One host + path of an Ingress, as given. */
interface Route {
  readonly host: string;
  readonly path: string;
  readonly pathType: PathType;
  readonly backend: IngressBackend;
  readonly where: Where;
}

/** What a route of one Ingress tells another Ingress's rule about it. */
interface RouteDetail {
  /** `Ingress "a" in namespace "shop" (c/a)`. */
  readonly ingress: string;
  readonly host: string;
  readonly className: string;
  /** Namespace, Service and port of the backend. */
  readonly backend: string;
  readonly canary: boolean;
}

/**
 * One host + path (and path type) per ingress class. ingress-nginx merges every Ingress of its class into
 * one server per host, whatever their namespaces; for a host + path + path type already there it keeps the
 * oldest Ingress's backend and drops the later one ("Location %q already configured", getBackendServers in
 * kubernetes/ingress-nginx internal/ingress/controller/controller.go; docs/how-it-works.md: "If the same path
 * for the same host is defined in more than one Ingress, the oldest rule wins"), without an event. An error,
 * not a warning: upstream's admission webhook refuses exactly this Ingress (checkOverlap in the same file:
 * 'host "%s" and path "%s" is already defined in ingress %s/%s'), and NginxIngressController leaves that
 * webhook out so that synth checks Ingresses instead; without it, which backend gets the traffic depends on
 * which Ingress was created first. Two routes to the same backend do no harm; a canary Ingress
 * (nginx.ingress.kubernetes.io/canary: "true") is meant to share its main Ingress's host and path, and
 * conflicts only with another canary, as in checkOverlap.
 */
const ROUTE: UniqueKind<RouteDetail> = {
  compatible: (earlier, later) => earlier.detail.backend === later.detail.backend || earlier.detail.canary !== later.detail.canary,
  rule: (later, earlier) =>
    `${earlier.detail.ingress} already routes ${later.detail.host ? `host ${later.detail.host}` : 'any host'}, path ${String(later.value)} to Service ${earlier.detail.backend}` +
    `${later.detail.className ? ` for IngressClass "${later.detail.className}"` : ' for the default IngressClass'}; this Ingress sends it to Service ${later.detail.backend}, and the controller keeps only the older Ingress's route (upstream's admission webhook refuses the second)`,
  fix: () => 'route the path to one backend in one Ingress, use another host or path, or mark one Ingress as a canary (nginx.ingress.kubernetes.io/canary: "true") to split the traffic on purpose',
};

function controllersIn(scope: IConstruct): NginxIngressController[] {
  return constructsUnder(scope.node.root).filter((c): c is NginxIngressController => c instanceof NginxIngressController);
}

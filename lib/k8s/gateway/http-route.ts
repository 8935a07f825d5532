// An HTTPRoute (gateway.networking.k8s.io/v1): host names, and rules that match requests by path, headers and
// method and send them to weighted Service backends, redirect them, or rewrite them on the way. Limits and
// rules quoted from the HTTPRoute CRD of Gateway API v1.4.1 (lib/k8s/gateway/crds/
// gateway.networking.k8s.io_httproutes.yaml, v1 schema): hostnames maxItems 16 (line 131), parentRefs
// maxItems 32 (line 315), rules maxItems 16 and at most 128 matches in all (lines 2548-2553), matches
// maxItems 64, backendRefs maxItems 16, weight 0-1000000 (line 1289), the path rules (lines 2320-2362),
// RequestRedirect not with backendRefs and replacePrefixMatch only with one PathPrefix match (lines
// 2509-2530), RequestRedirect or URLRewrite, not both (line 1196).
import { ApiObject, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import * as gw from '../../generated/gateway-api';
import { at, fail, Where } from '../../model/errors';
import { checkChoice, checkList } from '../../model/choices';
import { checkDnsLabel, checkDnsSubdomain } from '../../model/names';
import { checkBuilt, recordsProblems } from '../../problems';
import { whereOf } from '../../where';
import { checkPortNumber } from '../container';
import { checkHost } from '../networking/hosts';
import { objectMeta } from '../metadata';
import { Service } from '../networking/service';
import { trackObjects } from '../unique-objects';
import { Gateway } from './gateway';
import { referenceGrantsIn } from './reference-grant';

/** How a path matches: `PathPrefix` by path segments (`/tea` matches `/tea/green`, not `/teapot`), `Exact`, or `RegularExpression` (implementation-specific). */
export type HttpPathType = 'PathPrefix' | 'Exact' | 'RegularExpression';
const PATH_TYPES: readonly HttpPathType[] = ['PathPrefix', 'Exact', 'RegularExpression'];
const HEADER_MATCH_TYPES = ['Exact', 'RegularExpression'] as const;
/** An HTTP method a route can match. */
export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE' | 'CONNECT' | 'OPTIONS' | 'TRACE' | 'PATCH';
const METHODS: readonly HttpMethod[] = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH'];
const MAX_WEIGHT = 1_000_000;
// RFC 7230 token: the CRD's pattern for header names.
const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+\-.^_`|~]+$/;
// The CRD's character rule for Exact and PathPrefix paths (line 2360).
const PATH_CHARS = /^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|[%][0-9a-fA-F]{2})+$/;

/**
 * A backend as a route renders it: the `backendRefs` entry, and the Service's namespace and name for the checks.
 * @internal
 */
export interface RenderedHttpBackend {
  /** The `backendRefs` entry as written. */
  readonly ref: { readonly name: string; readonly namespace?: string; readonly port: number; readonly weight?: number };
  /** The Service's namespace: an nks-cdk Service's (`default` when it has none); for a Service by name, the one given, else undefined. */
  readonly namespace?: string;
  /** The Service's name. */
  readonly name: string;
}

/** Where a rule sends requests: a Service port, with a weight among the rule's backends. */
export class HttpBackend {
  /**
   * An nks-cdk {@link Service}: the port is checked against the Service's ports (by number or name;
   * rendered as the number), and a Service in another namespace than the route needs a {@link ReferenceGrant}.
   * @param options.port the Service port (not the target port); default: its only port
   * @param options.weight share of the rule's requests, relative to the other backends (0 to 1000000); default 1
   */
  public static fromService(service: Service, options: { readonly port?: number | string; readonly weight?: number } = {}): HttpBackend {
    return new HttpBackend(service, options.port, options.weight);
  }

  /** A Service nks-cdk did not build, by name and port number; only the form is checked. */
  public static fromServiceName(serviceName: string, port: number, options: { readonly namespace?: string; readonly weight?: number } = {}): HttpBackend {
    return new HttpBackend({ name: serviceName, namespace: options.namespace }, port, options.weight);
  }

  private constructor(
    private readonly target: Service | { readonly name: string; readonly namespace?: string },
    private readonly port: number | string | undefined,
    private readonly weight: number | undefined,
  ) {}

  /** @internal The backend's Service, when it is an nks-cdk Service. */
  public get _service(): Service | undefined {
    return this.target instanceof Service ? this.target : undefined;
  }

  /** @internal Validates and renders the backend for a route in `routeNamespace`. */
  public _render(where: Where): RenderedHttpBackend {
    const weight = this.weight === undefined ? undefined : checkWeight(this.weight, at(where, 'weight'));
    if (this.target instanceof Service) {
      const service = this.target;
      checkBuilt(service, at(where, 'service'), 'the Service');
      if (service.type === 'ExternalName') fail(at(where, 'service'), service.node.path, `Service "${service.serviceName}" is of type ExternalName; Gateway API backends are Services with endpoints (NGINX Gateway Fabric does not route to ExternalName Services) [I]`, 'route to a Service that selects pods');
      const port = service.portFor(this.port, at(where, 'port'));
      return { ref: { name: service.serviceName, port: port.port, weight }, namespace: service.effectiveNamespace ?? 'default', name: service.serviceName };
    }
    const name = checkDnsLabel(this.target.name, at(where, 'service'));
    const namespace = this.target.namespace === undefined ? undefined : checkDnsLabel(this.target.namespace, at(where, 'namespace'));
    if (typeof this.port !== 'number') fail(at(where, 'port'), this.port, 'a backend of a Service by name needs the Service port number', 'give the port number');
    return { ref: { name, namespace, port: checkPortNumber(this.port, at(where, 'port')), weight }, namespace, name };
  }
}

function checkWeight(weight: number, where: Where): number {
  if (!Number.isInteger(weight) || weight < 0 || weight > MAX_WEIGHT) fail(where, weight, `a backend weight is an integer from 0 to ${MAX_WEIGHT}`, 'use e.g. 90 and 10 for a 90/10 split');
  return weight;
}

/** A header a request must carry. */
export interface HttpHeaderMatch {
  /** Header name (case-insensitive). */
  readonly name: string;
  /** Value. */
  readonly value: string;
  /**
   * How the value matches.
   * @default 'Exact'
   */
  readonly type?: 'Exact' | 'RegularExpression';
}

/** What a request must look like to match: all given conditions together. */
export interface HttpRouteMatch {
  /**
   * Path, starting with `/`.
   * @default '/'
   */
  readonly path?: string;
  /**
   * How the path matches.
   * @default 'PathPrefix'
   */
  readonly pathType?: HttpPathType;
  /**
   * Headers the request must carry (up to 16).
   * @default - any headers
   */
  readonly headers?: HttpHeaderMatch[];
  /**
   * HTTP method.
   * @default - any method
   */
  readonly method?: HttpMethod;
}

/** A path change for a redirect or a rewrite: a new full path, or a new prefix in place of the matched one. */
export interface HttpPathModifier {
  /**
   * Replace the whole path.
   * @default - not replaced
   */
  readonly replaceFullPath?: string;
  /**
   * Replace the prefix the rule matched (the rule needs exactly one PathPrefix match).
   * @default - not replaced
   */
  readonly replacePrefixMatch?: string;
}

/** Answer matching requests with a redirect. */
export interface HttpRedirect extends HttpPathModifier {
  /**
   * Scheme of the new location.
   * @default - the request's
   */
  readonly scheme?: 'http' | 'https';
  /**
   * Host of the new location.
   * @default - the request's
   */
  readonly hostname?: string;
  /**
   * Port of the new location.
   * @default - the scheme's well-known port, or the listener's
   */
  readonly port?: number;
  /**
   * Status code.
   * @default 302
   */
  readonly statusCode?: 301 | 302;
}

/** Change matching requests before they reach the backends. */
export interface HttpRewrite extends HttpPathModifier {
  /**
   * New Host header.
   * @default - unchanged
   */
  readonly hostname?: string;
}

/** One rule: matches and what happens to the requests that match. */
export interface HttpRouteRule {
  /**
   * Conditions (any of them selects the rule).
   * @default - every request (path prefix "/")
   */
  readonly matches?: HttpRouteMatch[];
  /**
   * Backends, weighted (up to 16).
   * @default - none: then redirect is required
   */
  readonly backends?: HttpBackend[];
  /**
   * Answer with a redirect instead of forwarding.
   * @default - no redirect
   */
  readonly redirect?: HttpRedirect;
  /**
   * Rewrite host or path before forwarding.
   * @default - no rewrite
   */
  readonly rewrite?: HttpRewrite;
}

/** A Gateway (and optionally one of its listeners) a route attaches to. */
export interface HttpRouteParent {
  /** The Gateway. */
  readonly gateway: Gateway;
  /**
   * The listener's name.
   * @default - every listener of the Gateway that accepts the route
   */
  readonly listener?: string;
}

/** Properties of an {@link HttpRoute}. */
export interface HttpRouteProps {
  /**
   * Route name.
   * @default - a name cdk8s generates from the construct path
   */
  readonly name?: string;
  /**
   * Namespace.
   * @default - the chart's namespace
   */
  readonly namespace?: string;
  /** The Gateways the route attaches to (1 to 32): a Gateway, or a Gateway and a listener. */
  readonly parents: (Gateway | HttpRouteParent)[];
  /**
   * Host names the route answers (up to 16; `*.example.com` allowed).
   * @default - every host the listener accepts
   */
  readonly hostnames?: string[];
  /** Rules (1 to 16). */
  readonly rules: HttpRouteRule[];
  /**
   * Labels.
   * @default - none
   */
  readonly labels?: Record<string, string>;
}

/** A backend of the route as rendered, for the cross-namespace check and the diagram. */
export interface HttpRouteBackendInfo {
  /** The backend Service's name. */
  readonly serviceName: string;
  /** The Service's namespace, when it differs from the route's or is known. */
  readonly namespace?: string;
  /** The Service port number (a port of an nks-cdk Service given by name is its number). */
  readonly port: number;
  /** The nks-cdk Service, when given as one. */
  readonly service?: Service;
  /** Where the backend was given (the route's path, field `rules[i].backends[j]`), for messages. */
  readonly where: Where;
}

/**
 * An HTTPRoute: requests for some host names, matched by path, headers and method, go to weighted Service
 * backends, or are redirected or rewritten. Checked at construction: paths, hosts, filters the CRD refuses
 * together, Service ports; at validation: that each Gateway listener accepts the route (namespace and host
 * name) and that a backend in another namespace is allowed by a {@link ReferenceGrant} of the program.
 */
@recordsProblems
export class HttpRoute extends Construct {
  /** Namespace, when set on the route. */
  public readonly namespace?: string;
  /** The host names. */
  public readonly hostnames: readonly string[];
  /** The Gateways the route attaches to. */
  public readonly parents: readonly HttpRouteParent[];
  /** The backends of every rule. */
  public readonly backends: readonly HttpRouteBackendInfo[];
  /** The API object. */
  public readonly apiObject: ApiObject;

  /** Creates an HTTPRoute, checked. */
  constructor(scope: Construct, id: string, props: HttpRouteProps) {
    super(scope, id);
    const where = whereOf(this, '');
    const metadata = objectMeta({ name: props.name, namespace: props.namespace, labels: props.labels }, where);
    this.namespace = props.namespace;
    const parents = checkList(props.parents, at(where, 'parents'), '[gateway]').map((p) => (p instanceof Gateway ? { gateway: p } : p));
    if (parents.length === 0 || parents.length > 32) fail(at(where, 'parents'), parents.length, 'an HTTPRoute attaches to 1 to 32 Gateways', 'pass parents: [gateway]');
    parents.forEach((p, i) => {
      if (!(p.gateway instanceof Gateway)) fail(at(where, `parents[${i}].gateway`), p.gateway, 'a parent is a Gateway of this program', 'pass the Gateway construct');
      if (p.listener !== undefined && !p.gateway.findListener(p.listener)) {
        fail(at(where, `parents[${i}].listener`), p.listener, `Gateway "${p.gateway.gatewayName}" has no listener "${p.listener}"; its listeners are ${p.gateway.listeners.map((l) => l.name).join(', ')}`, 'name one of its listeners, or leave listener out');
      }
    });
    this.parents = parents;
    const hostnames = checkList(props.hostnames, at(where, 'hostnames'), "['cafe.example.com']");
    if (hostnames.length > 16) fail(at(where, 'hostnames'), hostnames.length, 'an HTTPRoute has at most 16 hostnames', 'split the route');
    this.hostnames = hostnames.map((h, i) => checkHost(h, at(where, `hostnames[${i}]`)));
    const rules = checkList(props.rules, at(where, 'rules'), '[{ backends: [HttpBackend.fromService(service)] }]');
    if (rules.length === 0 || rules.length > 16) fail(at(where, 'rules'), rules.length, 'an HTTPRoute has 1 to 16 rules', 'split the route into several HTTPRoutes');
    const backends: HttpRouteBackendInfo[] = [];
    const renderedRules = rules.map((r, i) => this.renderRule(r, at(where, `rules[${i}]`), backends));
    const matchCount = renderedRules.reduce((n, r) => n + (r.matches?.length ?? 0), 0);
    if (matchCount >= 128) fail(at(where, 'rules'), matchCount, 'the matches of all rules of an HTTPRoute number fewer than 128', 'split the route');
    this.backends = backends;
    this.apiObject = new gw.HttpRoute(this, 'Resource', {
      metadata,
      spec: {
        parentRefs: parents.map((p) => ({
          name: p.gateway.gatewayName,
          namespace: p.gateway.effectiveNamespace !== this.effectiveNamespace ? p.gateway.effectiveNamespace ?? 'default' : undefined,
          sectionName: p.listener,
        })),
        hostnames: this.hostnames.length ? [...this.hostnames] : undefined,
        rules: renderedRules,
      },
    });
    this.node.addValidation({ validate: () => this.validateLate() });
    trackObjects(this);
  }

  /** The route's name. */
  public get routeName(): string {
    return this.apiObject.name;
  }

  /** The namespace the route lands in: its own, else its chart's. */
  public get effectiveNamespace(): string | undefined {
    return this.namespace ?? Chart.of(this).namespace;
  }

  private renderRule(rule: HttpRouteRule, where: Where, backends: HttpRouteBackendInfo[]): gw.HttpRouteSpecRules {
    const matches = (rule.matches ?? [{}]).map((m, i) => renderMatch(m, at(where, `matches[${i}]`)));
    if (matches.length > 64) fail(at(where, 'matches'), matches.length, 'a rule has at most 64 matches', 'split the rule');
    const given = rule.backends ?? [];
    if (given.length > 16) fail(at(where, 'backends'), given.length, 'a rule has at most 16 backends', 'split the rule');
    const refs = given.map((b, i) => {
      const bw = at(where, `backends[${i}]`);
      if (!(b instanceof HttpBackend)) fail(bw, b, 'a backend is an HttpBackend', 'use HttpBackend.fromService(service)');
      const r = b._render(bw);
      backends.push({ serviceName: r.name, namespace: r.namespace, port: r.ref.port as number, service: b._service, where: bw });
      // The namespace is written when it is not the route's (a Service may take its namespace from its chart).
      const routeNs = this.effectiveNamespace ?? 'default';
      const namespace = r.namespace !== undefined && r.namespace !== routeNs ? r.namespace : undefined;
      return { ...r.ref, namespace };
    });
    if (rule.redirect && rule.rewrite) fail(at(where, 'rewrite'), rule.rewrite, 'a rule either redirects or rewrites, not both (the CRD refuses RequestRedirect with URLRewrite)', 'drop one of them');
    if (rule.redirect && refs.length > 0) fail(at(where, 'redirect'), rule.redirect, 'a rule that redirects has no backends (the CRD refuses RequestRedirect together with backendRefs)', 'drop the backends, or the redirect');
    if (!rule.redirect && refs.length === 0) fail(at(where, 'backends'), [], 'a rule without backends and without a redirect answers every request with an error (500)', 'add a backend (HttpBackend.fromService(service)) or a redirect');
    const filters: gw.HttpRouteSpecRulesFilters[] = [];
    const modifier = rule.redirect ?? rule.rewrite;
    const field = rule.redirect ? 'redirect' : 'rewrite';
    const path = modifier ? renderPathModifier(modifier, at(where, field)) : undefined;
    if (path?.type === 'ReplacePrefixMatch' && (matches.length !== 1 || matches[0].path?.type !== 'PathPrefix')) {
      fail(at(where, `${field}.replacePrefixMatch`), modifier?.replacePrefixMatch, 'replacePrefixMatch needs a rule with exactly one match, of pathType PathPrefix (the prefix it replaces)', 'give the rule one PathPrefix match, or use replaceFullPath');
    }
    if (rule.redirect) {
      const r = rule.redirect;
      const rw = at(where, 'redirect');
      if (r.statusCode !== undefined && r.statusCode !== 301 && r.statusCode !== 302) fail(at(rw, 'statusCode'), r.statusCode, 'a redirect status code is 301 or 302 (Gateway API v1.4.1 standard channel)', 'use 301 (permanent) or 302');
      filters.push({
        type: gw.HttpRouteSpecRulesFiltersType.REQUEST_REDIRECT,
        requestRedirect: {
          scheme: r.scheme === undefined ? undefined : (checkChoice(r.scheme, ['http', 'https'] as const, at(rw, 'scheme'), 'a scheme') as unknown as gw.HttpRouteSpecRulesFiltersRequestRedirectScheme),
          hostname: r.hostname === undefined ? undefined : checkDnsSubdomain(r.hostname, at(rw, 'hostname')),
          port: r.port === undefined ? undefined : checkPortNumber(r.port, at(rw, 'port')),
          statusCode: r.statusCode as gw.HttpRouteSpecRulesFiltersRequestRedirectStatusCode | undefined,
          path: path as gw.HttpRouteSpecRulesFiltersRequestRedirectPath | undefined,
        },
      });
    } else if (rule.rewrite) {
      const r = rule.rewrite;
      if (r.hostname === undefined && !path) fail(at(where, 'rewrite'), r, 'a rewrite changes the hostname or the path', 'set hostname, replaceFullPath or replacePrefixMatch');
      filters.push({
        type: gw.HttpRouteSpecRulesFiltersType.URL_REWRITE,
        urlRewrite: {
          hostname: r.hostname === undefined ? undefined : checkDnsSubdomain(r.hostname, at(where, 'rewrite.hostname')),
          path: path as gw.HttpRouteSpecRulesFiltersUrlRewritePath | undefined,
        },
      });
    }
    return { matches, backendRefs: refs.length ? refs : undefined, filters: filters.length ? filters : undefined };
  }

  private validateLate(): string[] {
    const routeNs = this.effectiveNamespace ?? 'default';
    this.parents.forEach((p, i) => {
      const where = whereOf(this, `parents[${i}]`);
      const listeners = p.listener === undefined ? p.gateway.listeners : p.gateway.listeners.filter((l) => l.name === p.listener);
      const byNamespace = listeners.filter((l) => p.gateway.allowsRoutesFrom(l, routeNs) !== false);
      if (byNamespace.length === 0) {
        fail(where, p.gateway.node.path, `Gateway "${p.gateway.gatewayName}" (namespace "${p.gateway.effectiveNamespace ?? 'default'}") accepts routes only from its own namespace${p.listener ? ` on listener "${p.listener}"` : ''}; this route is in "${routeNs}", so it would not attach`, "set allowedRoutes: 'All' (or namespaceLabels) on the listener, or put the route in the Gateway's namespace");
      }
      if (this.hostnames.length > 0 && !byNamespace.some((l) => l.hostname === undefined || this.hostnames.some((h) => hostsIntersect(h, l.hostname!)))) {
        fail(at(where, 'listener'), p.listener, `no listener of Gateway "${p.gateway.gatewayName}" that accepts the route answers any of its hostnames (${this.hostnames.join(', ')}); the route would not attach`, 'match the route hostnames to a listener hostname');
      }
    });
    const grants = referenceGrantsIn(this);
    for (const b of this.backends) {
      const ns = b.namespace ?? routeNs;
      if (ns === routeNs) continue;
      if (!grants.some((g) => g.allows(routeNs, ns, b.serviceName))) {
        fail(at(b.where, 'service'), b.serviceName, `the backend Service "${b.serviceName}" is in namespace "${ns}", the route in "${routeNs}"; without a ReferenceGrant in "${ns}" the controller refuses the reference (RefNotPermitted)`, `add new ReferenceGrant(chart, 'grant', { namespace: '${ns}', from: [{ namespace: '${routeNs}' }], to: [{ name: '${b.serviceName}' }] })`);
      }
    }
    return [];
  }
}

function renderMatch(m: HttpRouteMatch, where: Where): gw.HttpRouteSpecRulesMatches {
  const type = checkChoice(m.pathType ?? 'PathPrefix', PATH_TYPES, at(where, 'pathType'), 'a path type');
  const value = checkPath(m.path ?? '/', type, at(where, 'path'));
  const headers = m.headers ?? [];
  if (headers.length > 16) fail(at(where, 'headers'), headers.length, 'a match has at most 16 headers', 'drop some');
  const names = new Set<string>();
  const rendered = headers.map((h, i) => {
    const hw = at(where, `headers[${i}]`);
    if (typeof h.name !== 'string' || h.name.length === 0 || h.name.length > 256 || !HEADER_NAME.test(h.name)) fail(at(hw, 'name'), h.name, 'a header name is an HTTP token (letters, digits and !#$%&\'*+-.^_`|~; at most 256)', 'use e.g. "x-version"');
    if (names.has(h.name.toLowerCase())) fail(at(hw, 'name'), h.name, 'a header is matched once per match (names are case-insensitive)', 'merge the two conditions');
    names.add(h.name.toLowerCase());
    if (typeof h.value !== 'string' || h.value.length === 0 || h.value.length > 4096) fail(at(hw, 'value'), h.value, 'a header value to match is 1 to 4096 characters', 'give the value');
    const t = checkChoice(h.type ?? 'Exact', HEADER_MATCH_TYPES, at(hw, 'type'), 'a header match type');
    return { name: h.name, value: h.value, type: t === 'Exact' ? undefined : (t as gw.HttpRouteSpecRulesMatchesHeadersType) };
  });
  const method = m.method === undefined ? undefined : checkChoice(m.method, METHODS, at(where, 'method'), 'an HTTP method');
  return {
    path: { type: type as gw.HttpRouteSpecRulesMatchesPathType, value },
    headers: rendered.length ? rendered : undefined,
    method: method as gw.HttpRouteSpecRulesMatchesMethod | undefined,
  };
}

function checkPath(path: string, type: HttpPathType, where: Where): string {
  if (typeof path !== 'string' || !path.startsWith('/') || path.length > 1024) fail(where, path, 'a path is absolute (starts with "/") and at most 1024 characters', `use "/${String(path ?? '').replace(/^\/*/, '')}"`);
  if (type === 'RegularExpression') return path;
  if (/\/\/|\/\.\.?\/|%2f|#|\/\.\.?$/i.test(path)) fail(where, path, 'Exact and PathPrefix paths may not contain "//", "/./", "/../", "%2f" or "#", nor end with "/." or "/.."', 'write the path in its normal form');
  if (!PATH_CHARS.test(path)) fail(where, path, 'Exact and PathPrefix paths hold only letters, digits, -/._~!$&\'()*+,;=:@ and %-escapes', 'percent-encode other characters');
  return path;
}

function renderPathModifier(m: HttpPathModifier, where: Where): { type: 'ReplaceFullPath' | 'ReplacePrefixMatch'; replaceFullPath?: string; replacePrefixMatch?: string } | undefined {
  if (m.replaceFullPath !== undefined && m.replacePrefixMatch !== undefined) fail(at(where, 'replacePrefixMatch'), m.replacePrefixMatch, 'a path is replaced fully or by prefix, not both', 'drop one of them');
  const check = (p: string, field: string) => {
    if (typeof p !== 'string' || !p.startsWith('/') || p.length > 1024) fail(at(where, field), p, 'a replacement path starts with "/" (at most 1024 characters)', 'use e.g. "/"');
    return p;
  };
  if (m.replaceFullPath !== undefined) return { type: 'ReplaceFullPath', replaceFullPath: check(m.replaceFullPath, 'replaceFullPath') };
  if (m.replacePrefixMatch !== undefined) return { type: 'ReplacePrefixMatch', replacePrefixMatch: check(m.replacePrefixMatch, 'replacePrefixMatch') };
  return undefined;
}

/** Whether two host names (either may start with `*.`) can match one request host. */
export function hostsIntersect(a: string, b: string): boolean {
  if (a === b) return true;
  const wild = (w: string, h: string) => w.startsWith('*.') && h.endsWith(w.slice(1)) && h.length > w.length - 1;
  return wild(a, b) || wild(b, a);
}

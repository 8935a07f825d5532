// Offline check of synthesized Kubernetes objects: what `kubectl apply --validate=strict` and the API server
// would reject, found without a cluster. Three layers:
//  1. the OpenAPI schema (types, formats, enums, required fields) through kubernetes-models' validators;
//  2. strictness: fields the schema does not have (see kubernetes-validators.ts for how);
//  3. API-server validation the schema does not express (names, labels, ports, selectors, ...: see
//     kubernetes-rules.ts and kubernetes-pod-rules.ts), plus rules across objects (duplicates) in checkManifests.

import { fieldPath, showValue } from './kubernetes-formats';
import { checkPodRules } from './kubernetes-pod-rules';
import { checkObjectRules, isObj, IssueSink, Obj, RuleContext } from './kubernetes-rules';
import { findCrdValidator } from './kubernetes-crds';
import { findValidator, SchemaError, UnknownField } from './kubernetes-validators';

/** One problem in a Kubernetes object that the API server or `kubectl apply --validate=strict` would reject. */
export interface ManifestIssue {
  /** What kind of problem: 'schema', 'missing-field', 'unknown-field', 'unknown-kind', 'removed-api', 'name-format', 'label-key', 'port-range', 'duplicate-object', ... */
  readonly rule: string;
  /** The object, as `apiVersion/kind namespace/name` (e.g. `apps/v1/Deployment default/nginx`; no namespace part when it has none). */
  readonly object: string;
  /** Where in the object, e.g. `spec.template.spec.containers[0].ports[0].containerPort`; "" for the whole object. */
  readonly path: string;
  /** One line: the value found and what is expected. */
  readonly message: string;
}

/** Options of the manifest check. */
export interface ManifestCheckOptions {
  /**
   * The Kubernetes version the objects are for, like `v1.31.4` or `1.31`: apiVersions removed in it or before
   * are reported ('removed-api'). Default `1.31`, the oldest version NKS creates clusters with.
   */
  readonly kubernetesVersion?: string;
}

const DEFAULT_KUBERNETES_MINOR = 31;

/** Checks one object (a parsed YAML document or one entry of cdk8s `Chart.toJson()`); returns its problems. */
export function checkManifest(obj: unknown, options: ManifestCheckOptions = {}): ManifestIssue[] {
  const issues: ManifestIssue[] = [];
  checkOne(obj, minorOf(options.kubernetesVersion), issues);
  return issues;
}

/**
 * Checks several objects, each as {@link checkManifest} does, and across them: no two objects with the same
 * API group, kind, namespace and name (the later would overwrite the earlier on apply). `null` and
 * `undefined` entries (empty YAML documents) are skipped.
 */
export function checkManifests(objs: readonly unknown[], options: ManifestCheckOptions = {}): ManifestIssue[] {
  const minor = minorOf(options.kubernetesVersion);
  const issues: ManifestIssue[] = [];
  const seen = new Map<string, number>();
  objs.forEach((obj, index) => {
    if (obj === null || obj === undefined) return;
    checkOne(obj, minor, issues);
    const key = identityKey(obj);
    if (key === undefined) return;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, index);
    else {
      const message = `objects #${first} and #${index} are the same object (API group, kind, namespace and name); the later would overwrite the earlier`;
      issues.push({ rule: 'duplicate-object', object: objectId(obj), path: 'metadata.name', message });
    }
  });
  return issues;
}

/** The issues as text, one per line: `object: path: message [rule]`. */
export function formatManifestIssues(issues: readonly ManifestIssue[]): string {
  return issues.map((i) => `  ${i.object}: ${i.path || '(object)'}: ${i.message} [${i.rule}]`).join('\n');
}

function checkOne(obj: unknown, minor: number, issues: ManifestIssue[]): void {
  // Named only when there is something to report: most objects have nothing.
  let object: string | undefined;
  const report: IssueSink = (rule, path, message) => issues.push({ rule, object: (object ??= objectId(obj)), path, message });
  if (!isObj(obj)) {
    report('schema', '', `${showValue(obj)} is not a Kubernetes object (expected a JSON object with apiVersion and kind)`);
    return;
  }
  const { apiVersion, kind } = obj;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string' || !apiVersion || !kind) {
    for (const field of ['apiVersion', 'kind']) {
      if (typeof obj[field] !== 'string' || !obj[field]) report('missing-field', field, `${field} is ${showValue(obj[field])}; every object needs a non-empty string ${field}`);
    }
    return;
  }
  const removed = removedApi(apiVersion, kind, minor);
  if (removed) report('removed-api', 'apiVersion', removed);
  // kubernetes-models' built-in kinds, else the custom resources whose CRDs nks-cdk vendors (Gateway API).
  const validator = findValidator(apiVersion, kind) ?? findCrdValidator(apiVersion, kind);
  const schemaPaths = new Set<string>();
  if (!validator) {
    const message = `kubernetes-models 4.5.1 has no kind ${JSON.stringify(kind)} in apiVersion ${JSON.stringify(apiVersion)}, nor do the vendored Gateway API CRDs; check both for typos (other custom resources cannot be checked offline)`;
    if (!removed) report('unknown-kind', 'kind', message);
  } else {
    const result = validator(obj);
    for (const issue of schemaIssues(obj, result.errors)) {
      schemaPaths.add(issue.path);
      report(issue.rule, issue.path, issue.message);
    }
    for (const field of result.unknownFields) report('unknown-field', pathOf(obj, field.segments), unknownFieldMessage(field));
  }
  // The API-server rules run on unknown kinds too: metadata rules hold for every object.
  const ctx: RuleContext = { report, schemaPaths };
  checkObjectRules(ctx, obj, kind);
  checkPodRules(ctx, obj, kind);
}

/** `apiVersion/kind namespace/name`, tolerant of anything (policy findings name objects the same way). */
export function objectId(obj: unknown): string {
  if (!isObj(obj)) return '(not an object)';
  const meta = isObj(obj.metadata) ? obj.metadata : {};
  const name = typeof meta.name === 'string' ? meta.name : typeof meta.generateName === 'string' ? `${meta.generateName}*` : '(unnamed)';
  const ns = typeof meta.namespace === 'string' && meta.namespace ? `${meta.namespace}/` : '';
  return `${String(obj.apiVersion ?? '?')}/${String(obj.kind ?? '?')} ${ns}${name}`;
}

/** Group, kind, namespace and name: what the API server identifies an object by (the version is not part of it). */
function identityKey(obj: unknown): string | undefined {
  if (!isObj(obj) || !isObj(obj.metadata) || typeof obj.metadata.name !== 'string') return undefined;
  if (typeof obj.apiVersion !== 'string' || typeof obj.kind !== 'string') return undefined;
  const slash = obj.apiVersion.lastIndexOf('/');
  const group = slash < 0 ? '' : obj.apiVersion.slice(0, slash);
  const ns = typeof obj.metadata.namespace === 'string' ? obj.metadata.namespace : '';
  return `${group}\u0000${obj.kind}\u0000${ns}\u0000${obj.metadata.name}`;
}

// ---------------------------------------------------------------------------------------------
// Schema errors → issues
// ---------------------------------------------------------------------------------------------

interface PathIssue {
  readonly rule: string;
  readonly path: string;
  readonly message: string;
}

/** ajv errors as issues with readable paths; a oneOf/anyOf and its branches' errors become one issue. */
function schemaIssues(obj: Obj, errors: readonly SchemaError[]): PathIssue[] {
  if (errors.length === 0) return [];
  // IntOrString and Quantity are oneOf(number, string): their failing branches explain one problem.
  const alternatives = new Set(errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf').map((e) => e.instancePath));
  const underAlternative = (p: string): boolean => [...alternatives].some((a) => p === a || p.startsWith(`${a}/`));
  const out: PathIssue[] = [];
  for (const e of errors) {
    const segments = pointerSegments(e.instancePath);
    const value = valueAt(obj, segments);
    if (e.keyword === 'oneOf' || e.keyword === 'anyOf') {
      const branches = errors.filter((b) => b.instancePath === e.instancePath && b !== e);
      out.push({ rule: 'schema', path: pathOf(obj, segments), message: `${showValue(value)} is not ${describeAlternatives(branches)}` });
    } else if (!underAlternative(e.instancePath)) {
      out.push(schemaIssue(obj, e, segments, value));
    }
  }
  return out;
}

function schemaIssue(obj: Obj, e: SchemaError, segments: string[], value: unknown): PathIssue {
  const p = e.params;
  switch (e.keyword) {
    case 'required': {
      const field = String(p.missingProperty);
      return { rule: 'missing-field', path: fieldPath(pathOf(obj, segments), field), message: `required field ${JSON.stringify(field)} is missing` };
    }
    case 'type':
      return { rule: 'schema', path: pathOf(obj, segments), message: `${showValue(value)} is not ${describeType(String(p.type))}` };
    case 'enum':
      return { rule: 'schema', path: pathOf(obj, segments), message: `${showValue(value)} is not one of ${(p.allowedValues as unknown[]).map((v) => showValue(v)).join(', ')}` };
    case 'format':
      return { rule: 'schema', path: pathOf(obj, segments), message: `${showValue(value)} is not ${describeFormat(String(p.format))}` };
    default:
      return { rule: 'schema', path: pathOf(obj, segments), message: `${showValue(value)} ${e.message ?? `fails the schema keyword ${e.keyword}`}` };
  }
}

function describeType(type: string): string {
  return type === 'integer' || type === 'object' || type === 'array' ? `an ${type}` : `a ${type}`;
}

const FORMATS: Readonly<Record<string, string>> = {
  int32: 'a 32-bit integer',
  int64: 'a 64-bit integer',
  quantity: 'a quantity (like "500m", "1.5Gi", "2")',
  byte: 'base64 data',
  'date-time': 'an RFC 3339 date-time',
};

function describeFormat(format: string): string {
  return FORMATS[format] ?? `in the format ${JSON.stringify(format)}`;
}

/** "a number or a quantity (...)" from the errors of the branches of a oneOf/anyOf. */
function describeAlternatives(branches: readonly SchemaError[]): string {
  const formats = branches.filter((b) => b.keyword === 'format').map((b) => describeFormat(String(b.params.format)));
  // A string branch that failed on its format is described by the format, not by "a string".
  const types = branches.filter((b) => b.keyword === 'type' && !(formats.length && b.params.type === 'string')).map((b) => describeType(String(b.params.type)));
  const all = [...new Set([...types, ...formats])];
  return all.length ? all.join(' or ') : 'any of the allowed forms';
}

/** JSON-pointer segments of an ajv instancePath ("/spec/ports/0" → ["spec", "ports", "0"]). */
function pointerSegments(pointer: string): string[] {
  if (!pointer) return [];
  return pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function valueAt(obj: unknown, segments: readonly (string | number)[]): unknown {
  let cur = obj;
  for (const s of segments) cur = typeof cur === 'object' && cur !== null ? (cur as Record<string, unknown>)[s] : undefined;
  return cur;
}

/** The readable path of `segments`: indexes of arrays as `[0]`, keys as `.key` or `["odd/key"]`. */
function pathOf(obj: unknown, segments: readonly (string | number)[]): string {
  let path = '';
  let cur = obj;
  for (const s of segments) {
    const isIndex = Array.isArray(cur);
    path = fieldPath(path, isIndex ? Number(s) : String(s));
    cur = typeof cur === 'object' && cur !== null ? (cur as Record<string, unknown>)[s] : undefined;
  }
  return path;
}

function unknownFieldMessage(field: UnknownField): string {
  const name = String(field.segments[field.segments.length - 1]);
  const near = closest(name, field.known);
  return `unknown field ${JSON.stringify(name)}: the schema has no such field here (kubectl apply --validate=strict rejects it)${near ? `; did you mean ${JSON.stringify(near)}?` : ''}`;
}

/** The known field nearest to `name` by edit distance, when near enough to be a typo. */
function closest(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const k of known) {
    const d = k.toLowerCase() === name.toLowerCase() ? 0 : editDistance(name, k);
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

// ---------------------------------------------------------------------------------------------
// Removed API versions
// ---------------------------------------------------------------------------------------------

// kubernetes-models 4.5.1 still ships these beta versions, but the API server stopped serving them. Values:
// the Kubernetes 1.x minor that removed the group-version, or one kind of it when keyed `apiVersion/kind`
// (from the Kubernetes deprecated-API migration guide). Every NKS version creatable today (v1.31+) rejects
// all of them but flowcontrol v1beta3.
const REMOVED_API_VERSIONS: Readonly<Record<string, number>> = {
  'extensions/v1beta1': 22, 'apps/v1beta1': 16, 'apps/v1beta2': 16,
  'admissionregistration.k8s.io/v1beta1': 22, 'apiextensions.k8s.io/v1beta1': 22, 'apiregistration.k8s.io/v1beta1': 22,
  'authentication.k8s.io/v1beta1': 22, 'authorization.k8s.io/v1beta1': 22, 'certificates.k8s.io/v1beta1': 22,
  'coordination.k8s.io/v1beta1': 22, 'networking.k8s.io/v1beta1': 22, 'rbac.authorization.k8s.io/v1beta1': 22,
  'scheduling.k8s.io/v1beta1': 22, 'storage.k8s.io/v1beta1': 22, 'batch/v1beta1': 25, 'discovery.k8s.io/v1beta1': 25,
  'events.k8s.io/v1beta1': 25, 'autoscaling/v2beta1': 25, 'policy/v1beta1': 25, 'node.k8s.io/v1beta1': 25,
  'autoscaling/v2beta2': 26, 'flowcontrol.apiserver.k8s.io/v1beta1': 26, 'flowcontrol.apiserver.k8s.io/v1beta2': 29,
  'flowcontrol.apiserver.k8s.io/v1beta3': 32,
  // Kinds removed earlier or later than the rest of their group-version.
  'extensions/v1beta1/Deployment': 16, 'extensions/v1beta1/DaemonSet': 16, 'extensions/v1beta1/ReplicaSet': 16,
  'extensions/v1beta1/NetworkPolicy': 16, 'extensions/v1beta1/PodSecurityPolicy': 16, 'storage.k8s.io/v1beta1/CSIStorageCapacity': 27,
};

// Kinds that moved to another group; the rest moved to a stable version of their own group.
const MOVED_KINDS: Readonly<Record<string, string>> = {
  Deployment: 'apps/v1', DaemonSet: 'apps/v1', ReplicaSet: 'apps/v1', StatefulSet: 'apps/v1', ControllerRevision: 'apps/v1',
  Ingress: 'networking.k8s.io/v1', NetworkPolicy: 'networking.k8s.io/v1',
  PodSecurityPolicy: 'Pod Security Admission labels on the namespace (PodSecurityPolicy has no successor API)',
  HorizontalPodAutoscaler: 'autoscaling/v2',
};

function removedApi(apiVersion: string, kind: string, minor: number): string | undefined {
  const removedIn = REMOVED_API_VERSIONS[`${apiVersion}/${kind}`] ?? REMOVED_API_VERSIONS[apiVersion];
  if (removedIn === undefined || removedIn > minor) return undefined;
  const now = MOVED_KINDS[kind] ?? `${apiVersion.slice(0, apiVersion.lastIndexOf('/'))}/v1`;
  return `${apiVersion} ${kind} is no longer served (removed in Kubernetes 1.${removedIn}); use ${now}`;
}

function minorOf(version: string | undefined): number {
  if (version === undefined) return DEFAULT_KUBERNETES_MINOR;
  const m = /^v?1\.(\d+)/.exec(version);
  if (!m) throw new Error(`kubernetesVersion ${JSON.stringify(version)} is not a Kubernetes version like "v1.31.4" or "1.31"`);
  return Number(m[1]);
}

// API-server validation the OpenAPI schema does not express, per object: name formats, labels and
// annotations, label selectors, Services, ConfigMap/Secret keys; pod specs in kubernetes-pod-rules.ts.
// Each rule mirrors a check of k8s.io/kubernetes pkg/apis/*/validation that rejects the object on apply.
// Rules read the object defensively: when the schema check already found a wrong type, they skip the value.

import {
  CONFIG_KEY_RULE, configKeyProblem, fieldPath, IANA_SVC_NAME_RULE, ianaSvcNameProblem, LABEL_VALUE_RULE, labelValueProblem,
  NameFormat, nameFormatRule, nameProblem, QUALIFIED_NAME_RULE, qualifiedNameProblem, showValue,
} from './kubernetes-formats';
import { isObj, list, Obj } from '../model/json';
import { NODE_PORT_RANGE } from '../model/services';

/** Receives one problem: the rule's name, the field path and a one-line message. */
export type IssueSink = (rule: string, path: string, message: string) => void;

/** What every rule gets: where to report, and which paths the schema check already reported. */
export interface RuleContext {
  readonly report: IssueSink;
  /** Paths with a schema issue; rules that would restate it (an unparsable quantity) stay silent there. */
  readonly schemaPaths: ReadonlySet<string>;
}

export { isObj, list };
export type { Obj };

/** Runs the metadata rules and the rules of `kind` on `obj` (pod specs: see kubernetes-pod-rules.ts). */
export function checkObjectRules(ctx: RuleContext, obj: Obj, kind: string): void {
  checkObjectMeta(ctx, obj.metadata, 'metadata', NAME_RULES[kind] ?? DEFAULT_NAME_RULE);
  KIND_RULES[kind]?.(ctx, obj);
}

// ---------------------------------------------------------------------------------------------
// Metadata: names, namespace, labels, annotations
// ---------------------------------------------------------------------------------------------

/** How a kind's metadata.name is checked. */
export interface NameRule {
  readonly format: NameFormat;
  /** A shorter limit than the format's, where the kind has one. */
  readonly maxLength?: number;
  /** Why the shorter limit exists, for the message. */
  readonly why?: string;
}

const DEFAULT_NAME_RULE: NameRule = { format: 'dns1123-subdomain' };

// Kinds whose names the API server checks with another rule than an RFC 1123 subdomain (ValidateXName in
// pkg/apis/*/validation). Service names become DNS labels that must start with a letter (RFC 1035).
const NAME_RULES: Readonly<Record<string, NameRule>> = {
  Namespace: { format: 'dns1123-label' },
  Service: { format: 'dns1035-label' },
  Role: { format: 'path-segment' },
  ClusterRole: { format: 'path-segment' },
  RoleBinding: { format: 'path-segment' },
  ClusterRoleBinding: { format: 'path-segment' },
  CronJob: { format: 'dns1123-subdomain', maxLength: 52, why: 'the CronJob controller appends 11 characters to name its Jobs' },
};

/** Total size the API server allows for all annotations of an object (TotalAnnotationSizeLimitB). */
const ANNOTATIONS_MAX_BYTES = 256 * 1024;

/**
 * Checks an ObjectMeta at `path`. With `nameRule`, the object needs a name (or generateName) of that format;
 * pod templates pass none, as their pods get generated names.
 */
export function checkObjectMeta(ctx: RuleContext, meta: unknown, path: string, nameRule?: NameRule): void {
  const m = isObj(meta) ? meta : {};
  if (nameRule) {
    const namePath = fieldPath(path, 'name');
    if (typeof m.name === 'string') {
      const tooLong = nameRule.maxLength !== undefined && m.name.length > nameRule.maxLength;
      const problem = nameProblem(m.name, nameRule.format) ?? (tooLong ? `has ${m.name.length} characters, more than ${nameRule.maxLength} (${nameRule.why})` : undefined);
      if (problem) ctx.report('name-format', namePath, `${showValue(m.name)} ${problem}; it must be ${nameFormatRule(nameRule.format)}`);
    } else if (m.name === undefined && typeof m.generateName !== 'string') {
      ctx.report('missing-field', namePath, 'the object has no metadata.name (nor generateName)');
    }
  }
  if (typeof m.namespace === 'string' && m.namespace !== '') {
    const problem = nameProblem(m.namespace, 'dns1123-label');
    if (problem) ctx.report('name-format', fieldPath(path, 'namespace'), `${showValue(m.namespace)} ${problem}; a namespace must be ${nameFormatRule('dns1123-label')}`);
  }
  checkLabelMap(ctx, m.labels, fieldPath(path, 'labels'));
  if (isObj(m.annotations)) {
    let bytes = 0;
    for (const [key, value] of Object.entries(m.annotations)) {
      // The API server lowercases annotation keys before checking them (ValidateAnnotations), so NHN's
      // per-listener keys like "TCP-80.loadbalancer.nhncloud/..." are valid; label keys get no such pass.
      const problem = qualifiedNameProblem(key.toLowerCase());
      if (problem) ctx.report('annotation-key', fieldPath(fieldPath(path, 'annotations'), key), `annotation key ${showValue(key)} ${problem}; it must be ${QUALIFIED_NAME_RULE}`);
      bytes += Buffer.byteLength(key) + (typeof value === 'string' ? Buffer.byteLength(value) : 0);
    }
    if (bytes > ANNOTATIONS_MAX_BYTES) {
      ctx.report('annotation-size', fieldPath(path, 'annotations'), `annotations total ${bytes} bytes; the API server allows at most ${ANNOTATIONS_MAX_BYTES}`);
    }
  }
}

/** Checks the keys and values of a label map (labels, matchLabels, a Service selector, a nodeSelector). */
export function checkLabelMap(ctx: RuleContext, labels: unknown, path: string): void {
  if (!isObj(labels)) return;
  for (const [key, value] of Object.entries(labels)) {
    const at = fieldPath(path, key);
    const keyProblem = qualifiedNameProblem(key);
    if (keyProblem) ctx.report('label-key', at, `label key ${showValue(key)} ${keyProblem}; it must be ${QUALIFIED_NAME_RULE}`);
    const valueProblem = typeof value === 'string' ? labelValueProblem(value) : undefined;
    if (valueProblem) ctx.report('label-value', at, `label value ${showValue(value)} ${valueProblem}; it must be ${LABEL_VALUE_RULE}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Label selectors
// ---------------------------------------------------------------------------------------------

/** Checks a LabelSelector's labels, keys, operators and values. */
export function checkLabelSelector(ctx: RuleContext, selector: unknown, path: string): void {
  if (!isObj(selector)) return;
  checkLabelMap(ctx, selector.matchLabels, fieldPath(path, 'matchLabels'));
  list(selector.matchExpressions).forEach((req, i) => {
    if (!isObj(req)) return;
    const at = fieldPath(fieldPath(path, 'matchExpressions'), i);
    if (typeof req.key === 'string') {
      const problem = qualifiedNameProblem(req.key);
      if (problem) ctx.report('label-key', fieldPath(at, 'key'), `label key ${showValue(req.key)} ${problem}; it must be ${QUALIFIED_NAME_RULE}`);
    }
    const values = list(req.values);
    if ((req.operator === 'In' || req.operator === 'NotIn') && values.length === 0) {
      ctx.report('label-selector', fieldPath(at, 'values'), `operator ${req.operator} needs at least one value`);
    } else if ((req.operator === 'Exists' || req.operator === 'DoesNotExist') && values.length > 0) {
      ctx.report('label-selector', fieldPath(at, 'values'), `operator ${req.operator} takes no values, found ${showValue(req.values)}`);
    } else if (req.operator !== undefined && !['In', 'NotIn', 'Exists', 'DoesNotExist'].includes(String(req.operator))) {
      ctx.report('label-selector', fieldPath(at, 'operator'), `${showValue(req.operator)} is not one of "In", "NotIn", "Exists", "DoesNotExist"`);
    }
    values.forEach((v, j) => {
      const problem = typeof v === 'string' ? labelValueProblem(v) : undefined;
      if (problem) ctx.report('label-value', fieldPath(fieldPath(at, 'values'), j), `label value ${showValue(v)} ${problem}; it must be ${LABEL_VALUE_RULE}`);
    });
  });
}

/** Why `selector` does not select `labels` (the first requirement that fails), or undefined when it does. */
export function selectorMismatch(selector: Obj, labels: Obj): string | undefined {
  for (const [key, value] of Object.entries(isObj(selector.matchLabels) ? selector.matchLabels : {})) {
    if (labels[key] !== value) return `matchLabels ${key}=${showValue(value)} but the template has ${key in labels ? `${key}=${showValue(labels[key])}` : `no label ${key}`}`;
  }
  for (const req of list(selector.matchExpressions)) {
    if (!isObj(req) || typeof req.key !== 'string') continue;
    const has = Object.prototype.hasOwnProperty.call(labels, req.key);
    const values = list(req.values);
    const ok =
      req.operator === 'In' ? has && values.includes(labels[req.key]) :
      req.operator === 'NotIn' ? !has || !values.includes(labels[req.key]) :
      req.operator === 'Exists' ? has :
      req.operator === 'DoesNotExist' ? !has : true;
    if (!ok) return `matchExpressions ${req.key} ${String(req.operator)} ${showValue(req.values ?? [])} does not hold for the template labels ${showValue(labels)}`;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Rules per kind
// ---------------------------------------------------------------------------------------------

type KindRule = (ctx: RuleContext, obj: Obj) => void;

const KIND_RULES: Readonly<Record<string, KindRule>> = {
  Deployment: checkWorkloadSelector, ReplicaSet: checkWorkloadSelector, StatefulSet: checkWorkloadSelector, DaemonSet: checkWorkloadSelector,
  Service: checkService,
  ConfigMap: (ctx, obj) => checkDataKeys(ctx, obj, ['data', 'binaryData']),
  Secret: (ctx, obj) => checkDataKeys(ctx, obj, ['data', 'stringData']),
  PodDisruptionBudget: (ctx, obj) => isObj(obj.spec) && checkLabelSelector(ctx, obj.spec.selector, 'spec.selector'),
  NetworkPolicy: (ctx, obj) => isObj(obj.spec) && checkLabelSelector(ctx, obj.spec.podSelector, 'spec.podSelector'),
};

/** apps/v1 workloads: a non-empty selector that selects the pod template's labels (else the API rejects it). */
function checkWorkloadSelector(ctx: RuleContext, obj: Obj): void {
  const spec = isObj(obj.spec) ? obj.spec : undefined;
  if (!spec || !isObj(spec.selector)) return; // a missing selector is the schema's "required"
  checkLabelSelector(ctx, spec.selector, 'spec.selector');
  const hasTerms = Object.keys(isObj(spec.selector.matchLabels) ? spec.selector.matchLabels : {}).length > 0 || list(spec.selector.matchExpressions).length > 0;
  if (!hasTerms) {
    ctx.report('selector-mismatch', 'spec.selector', 'the selector is empty; apps/v1 workloads need matchLabels or matchExpressions that select the template labels');
    return;
  }
  const template = isObj(spec.template) ? spec.template : {};
  const labels = isObj(template.metadata) && isObj(template.metadata.labels) ? template.metadata.labels : {};
  const why = selectorMismatch(spec.selector, labels);
  if (why) ctx.report('selector-mismatch', 'spec.selector', `the selector does not match spec.template.metadata.labels: ${why}`);
}

const SERVICE_TYPES_WITH_NODE_PORTS = ['NodePort', 'LoadBalancer'];

function checkService(ctx: RuleContext, obj: Obj): void {
  const spec = isObj(obj.spec) ? obj.spec : {};
  const type = typeof spec.type === 'string' ? spec.type : 'ClusterIP';
  if (type === 'ExternalName') {
    // ExternalName Services select no pods; they need the DNS name they alias.
    if (typeof spec.externalName !== 'string' || spec.externalName === '') {
      ctx.report('missing-field', 'spec.externalName', 'a Service of type ExternalName needs spec.externalName (the DNS name it aliases)');
    } else {
      const problem = nameProblem(spec.externalName.replace(/\.$/, ''), 'dns1123-subdomain');
      if (problem) ctx.report('name-format', 'spec.externalName', `${showValue(spec.externalName)} ${problem}; it must be a lowercase DNS name`);
    }
  } else if (list(spec.ports).length === 0 && spec.clusterIP !== 'None') {
    ctx.report('missing-field', 'spec.ports', `a Service of type ${type} needs at least one port (only headless Services, clusterIP "None", may have none)`);
  }
  checkLabelMap(ctx, spec.selector, 'spec.selector');
  const ports = list(spec.ports);
  const names = new Map<string, number>();
  const portProtocols = new Map<string, number>();
  ports.forEach((port, i) => {
    if (!isObj(port)) return;
    const at = fieldPath('spec.ports', i);
    checkPortNumber(ctx, port.port, fieldPath(at, 'port'));
    checkPortRef(ctx, port.targetPort, fieldPath(at, 'targetPort'));
    if (typeof port.name === 'string' && port.name !== '') {
      const problem = nameProblem(port.name, 'dns1123-label');
      if (problem) ctx.report('port-name', fieldPath(at, 'name'), `${showValue(port.name)} ${problem}; a Service port name must be ${nameFormatRule('dns1123-label')}`);
      const first = names.get(port.name);
      if (first !== undefined) ctx.report('port-name', fieldPath(at, 'name'), `port name ${showValue(port.name)} is already used by spec.ports[${first}]`);
      else names.set(port.name, i);
    } else if (ports.length > 1) {
      ctx.report('port-name', fieldPath(at, 'name'), 'a Service with more than one port needs a name on every port');
    }
    const key = `${String(port.port)}/${String(port.protocol ?? 'TCP')}`;
    const same = portProtocols.get(key);
    if (same !== undefined) ctx.report('duplicate-port', fieldPath(at, 'port'), `port ${key} is already defined by spec.ports[${same}]`);
    else portProtocols.set(key, i);
    if (port.nodePort !== undefined && port.nodePort !== null && port.nodePort !== 0) {
      const np = fieldPath(at, 'nodePort');
      if (!SERVICE_TYPES_WITH_NODE_PORTS.includes(type)) {
        ctx.report('node-port-type', np, `nodePort ${showValue(port.nodePort)} is set on a Service of type ${type}; only NodePort and LoadBalancer Services have node ports`);
      } else if (typeof port.nodePort === 'number' && (port.nodePort < NODE_PORT_RANGE.min || port.nodePort > NODE_PORT_RANGE.max)) {
        ctx.report('node-port-range', np, `nodePort ${port.nodePort} is outside ${NODE_PORT_RANGE.min}-${NODE_PORT_RANGE.max} (the default service node port range)`);
      }
    }
  });
}

/** Reports a port number outside 1–65535 (a wrong type is the schema's to report). */
export function checkPortNumber(ctx: RuleContext, port: unknown, path: string): void {
  if (typeof port === 'number' && Number.isInteger(port) && (port < 1 || port > 65535)) {
    ctx.report('port-range', path, `port ${port} is outside 1-65535`);
  }
}

/** An IntOrString port reference (targetPort, probe ports): a number in 1–65535 or a port name. */
export function checkPortRef(ctx: RuleContext, port: unknown, path: string): void {
  if (typeof port === 'number') return checkPortNumber(ctx, port, path);
  if (typeof port !== 'string') return;
  // A string stays a name even when it is all digits ("8080"), and a name needs a letter: rejected.
  const problem = ianaSvcNameProblem(port);
  if (problem) ctx.report('port-name', path, `port name ${showValue(port)} ${problem}; a named port must be ${IANA_SVC_NAME_RULE}`);
}

function checkDataKeys(ctx: RuleContext, obj: Obj, fields: readonly string[]): void {
  const seen = new Map<string, string>();
  for (const field of fields) {
    if (!isObj(obj[field])) continue;
    for (const key of Object.keys(obj[field] as Obj)) {
      const at = fieldPath(field, key);
      const problem = configKeyProblem(key);
      if (problem) ctx.report('data-key', at, `key ${showValue(key)} ${problem}; it must be ${CONFIG_KEY_RULE}`);
      // ConfigMap data and binaryData share one key space (Secret stringData merges into data on purpose).
      const other = seen.get(key);
      if (other !== undefined && obj.kind === 'ConfigMap') ctx.report('data-key', at, `key ${showValue(key)} is also in ${other}; a ConfigMap key may be in data or binaryData, not both`);
      seen.set(key, field);
    }
  }
}

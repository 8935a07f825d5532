// Strict schema check of custom resources whose CustomResourceDefinitions nks-cdk vendors (the Gateway API
// kinds and NGINX Gateway Fabric's: lib/k8s/gateway/crds/), against each CRD's own openAPIV3Schema, as the API server validates a
// custom resource (k8s.io/apiextensions-apiserver, structural schemas): types, required fields, enums,
// patterns, lengths, item counts, bounds and formats; unknown fields are errors, as
// `kubectl apply --validate=strict` (server-side field validation "Strict") reports them, except under
// `x-kubernetes-preserve-unknown-fields`. `metadata` is checked as an ObjectMeta (the CRD's schema leaves
// it to the server). Not evaluated: the CEL rules (`x-kubernetes-validations`); the Gateway API constructs
// check the rules they can break themselves.
import { findVendoredCrdSchema } from '../k8s/gateway/crds';
import { findValidator, SchemaError, SchemaResult, SchemaValidator, UnknownField } from './kubernetes-validators';

type Schema = Record<string, any>;

const validators = new Map<string, SchemaValidator | null>();

/** The validator of a custom resource kind nks-cdk has the CRD of; undefined for any other kind. */
export function findCrdValidator(apiVersion: string, kind: string): SchemaValidator | undefined {
  const key = `${apiVersion}\u0000${kind}`;
  let found = validators.get(key);
  if (found === undefined) {
    const schema = findVendoredCrdSchema(apiVersion, kind);
    found = schema ? crdValidator(schema) : null;
    validators.set(key, found);
  }
  return found ?? undefined;
}

function crdValidator(schema: Schema): SchemaValidator {
  return (data) => {
    const errors: SchemaError[] = [];
    const unknownFields: UnknownField[] = [];
    const obj = data as Record<string, unknown>;
    // The CRD's schema says only `metadata: {type: object}`; the server validates it as ObjectMeta.
    const { metadata: _m, ...rest } = schema.properties ?? {};
    validate({ ...schema, properties: { ...rest, metadata: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } } }, obj, [], errors, unknownFields);
    const meta = findValidator('v1', 'ConfigMap');
    if (meta && obj.metadata !== undefined) {
      const result = meta({ apiVersion: 'v1', kind: 'ConfigMap', metadata: obj.metadata });
      errors.push(...result.errors.filter((e) => e.instancePath.startsWith('/metadata')));
      unknownFields.push(...result.unknownFields.filter((f) => f.segments[0] === 'metadata'));
    }
    return { errors, unknownFields } satisfies SchemaResult;
  };
}

function pointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

const patterns = new Map<string, RegExp | null>();
function regexp(source: string): RegExp | null {
  let re = patterns.get(source);
  if (re === undefined) {
    try {
      re = new RegExp(source, 'u');
    } catch {
      re = null; // An RE2 construct JavaScript lacks: not judged.
    }
    patterns.set(source, re);
  }
  return re;
}

// Formats the Gateway API CRDs use (kube-openapi's format list); others are not judged.
const FORMAT_CHECKS: Readonly<Record<string, (v: unknown) => boolean>> = {
  int32: (v) => typeof v !== 'number' || (v >= -2147483648 && v <= 2147483647),
  int64: (v) => typeof v !== 'number' || Number.isSafeInteger(v),
  ipv4: (v) => typeof v !== 'string' || /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/.test(v),
  ipv6: (v) => typeof v !== 'string' || (v.includes(':') && /^[0-9a-fA-F:.]+$/.test(v)),
  'date-time': (v) => typeof v !== 'string' || !Number.isNaN(Date.parse(v)),
};

function validate(schema: Schema, value: unknown, segments: (string | number)[], errors: SchemaError[], unknown: UnknownField[]): void {
  const instancePath = pointer(segments);
  const error = (keyword: string, params: Record<string, unknown>, message?: string) => errors.push({ instancePath, keyword, params, message });
  const intOrString = schema['x-kubernetes-int-or-string'] === true;
  if (schema.type && !intOrString) {
    const actual = typeOf(value);
    const ok = actual === schema.type || (schema.type === 'number' && actual === 'integer');
    if (!ok) {
      error('type', { type: schema.type });
      return;
    }
  }
  if (Array.isArray(schema.enum) && !schema.enum.some((e: unknown) => e === value)) error('enum', { allowedValues: schema.enum });
  if (typeof value === 'string') {
    if (typeof schema.maxLength === 'number' && [...value].length > schema.maxLength) error('maxLength', {}, `is longer than ${schema.maxLength} characters`);
    if (typeof schema.minLength === 'number' && [...value].length < schema.minLength) error('minLength', {}, `is shorter than ${schema.minLength} character(s)`);
    if (typeof schema.pattern === 'string') {
      const re = regexp(schema.pattern);
      if (re && !re.test(value)) error('pattern', {}, `does not match the pattern ${schema.pattern}`);
    }
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) error('minimum', {}, `is below the minimum ${schema.minimum}`);
    if (typeof schema.maximum === 'number' && value > schema.maximum) error('maximum', {}, `is above the maximum ${schema.maximum}`);
  }
  if (typeof schema.format === 'string' && FORMAT_CHECKS[schema.format] && !FORMAT_CHECKS[schema.format](value)) error('format', { format: schema.format });
  for (const keyword of ['anyOf', 'oneOf'] as const) {
    const branches: Schema[] | undefined = schema[keyword];
    if (!Array.isArray(branches)) continue;
    const results = branches.map((b) => {
      const branchErrors: SchemaError[] = [];
      validate(b, value, segments, branchErrors, []);
      return branchErrors;
    });
    const passing = results.filter((r) => r.length === 0).length;
    if (keyword === 'anyOf' ? passing === 0 : passing !== 1) {
      error(keyword, {}, passing > 1 ? 'matches more than one of the allowed forms' : undefined);
      for (const r of results) errors.push(...r.filter((e) => e.instancePath === instancePath));
      if (passing === 0) errors.push(...results.flat().filter((e) => e.instancePath !== instancePath));
    }
  }
  if (schema.not) {
    const notErrors: SchemaError[] = [];
    validate(schema.not, value, segments, notErrors, []);
    if (notErrors.length === 0) error('not', {}, 'is a value this field does not allow here');
  }
  if (Array.isArray(value)) {
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) error('maxItems', {}, `has ${value.length} items; at most ${schema.maxItems} are allowed`);
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) error('minItems', {}, `has ${value.length} items; at least ${schema.minItems} are needed`);
    if (schema.items) value.forEach((item, i) => validate(schema.items, item, [...segments, i], errors, unknown));
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const obj = value as Record<string, unknown>;
  if (typeof schema.maxProperties === 'number' && Object.keys(obj).length > schema.maxProperties) error('maxProperties', {}, `has ${Object.keys(obj).length} entries; at most ${schema.maxProperties} are allowed`);
  for (const field of schema.required ?? []) {
    if (obj[field] === undefined) error('required', { missingProperty: field });
  }
  const properties: Record<string, Schema> | undefined = schema.properties;
  const additional = schema.additionalProperties;
  const known = Object.keys(properties ?? {});
  for (const [key, child] of Object.entries(obj)) {
    if (child === undefined) continue;
    const sub = properties?.[key];
    if (sub) validate(sub, child, [...segments, key], errors, unknown);
    else if (typeof additional === 'object' && additional !== null) validate(additional, child, [...segments, key], errors, unknown);
    else if (additional === true || schema['x-kubernetes-preserve-unknown-fields'] === true) continue;
    // A structural schema without properties and without additionalProperties prunes every key: unknown.
    else unknown.push({ segments: [...segments, key], known });
  }
}

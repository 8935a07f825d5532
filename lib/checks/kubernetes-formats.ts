// Value formats the Kubernetes API server enforces and the OpenAPI schema does not describe (names, label
// keys, port names, quantities), plus the field-path helpers the manifest check reports with. Each check
// returns a short problem description ("has 70 characters"), or undefined when the value is fine, so the
// rules can phrase one-line messages; lib/model/names.ts has construct-time equivalents that throw instead.
// Sources: k8s.io/apimachinery/pkg/util/validation/validation.go and pkg/api/resource/quantity.go.

import { DNS_LABEL as DNS1123_LABEL, DNS1035_LABEL, DNS_SUBDOMAIN as DNS1123_SUBDOMAIN, LABEL_PART as QUALIFIED_NAME_PART, labelKeyProblem } from '../model/names';

const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;

/** The name formats Kubernetes checks object names against. */
export type NameFormat = 'dns1123-subdomain' | 'dns1123-label' | 'dns1035-label' | 'path-segment';

const NAME_FORMATS: Readonly<Record<NameFormat, { readonly max: number; readonly pattern?: RegExp; readonly rule: string }>> = {
  'dns1123-subdomain': {
    max: 253,
    pattern: DNS1123_SUBDOMAIN,
    rule: "an RFC 1123 subdomain (at most 253 lowercase letters, digits, '-' and '.', starting and ending with a letter or digit)",
  },
  'dns1123-label': {
    max: 63,
    pattern: DNS1123_LABEL,
    rule: "an RFC 1123 label (at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit)",
  },
  'dns1035-label': {
    max: 63,
    pattern: DNS1035_LABEL,
    rule: "an RFC 1035 label (at most 63 lowercase letters, digits and '-', starting with a letter, ending with a letter or digit)",
  },
  // RBAC objects: names like "system:aggregate-to-edit" are valid; only '/', '%', '.' and '..' are not.
  'path-segment': { max: Infinity, rule: "a path segment (not '.' or '..', without '/' or '%')" },
};

/** What `format` requires, for messages. */
export function nameFormatRule(format: NameFormat): string {
  return NAME_FORMATS[format].rule;
}

/** Why `name` is not of `format`, or undefined when it is. */
export function nameProblem(name: string, format: NameFormat): string | undefined {
  const f = NAME_FORMATS[format];
  if (name.length === 0) return 'is empty';
  if (name.length > f.max) return `has ${name.length} characters`;
  if (f.pattern) return f.pattern.test(name) ? undefined : 'has characters or edges the format does not allow';
  return name === '.' || name === '..' || /[/%]/.test(name) ? "is '.' or '..' or contains '/' or '%'" : undefined;
}

/** The rule for label, annotation and other qualified-name keys, for messages. */
export const QUALIFIED_NAME_RULE =
  "an optional DNS-subdomain prefix (at most 253 characters) and '/', then a name of at most 63 letters, digits, '-', '_' and '.' that starts and ends with a letter or digit";

/** Why `key` is not a qualified name (label or annotation key), or undefined when it is. */
export const qualifiedNameProblem = labelKeyProblem;

/** The rule for label values, for messages. */
export const LABEL_VALUE_RULE = "empty or at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit";

/** Why `value` is not a label value, or undefined when it is. */
export function labelValueProblem(value: string): string | undefined {
  if (value === '') return undefined;
  if (value.length > 63) return `has ${value.length} characters`;
  return QUALIFIED_NAME_PART.test(value) ? undefined : 'has characters or edges a label value does not allow';
}

/** The rule for container port names (IANA service names), for messages. */
export const IANA_SVC_NAME_RULE = "an IANA service name (at most 15 lowercase letters, digits and '-', at least one letter, no '--', not starting or ending with '-')";

/** Why `name` is not an IANA service name (container port names, named target ports), or undefined. */
export function ianaSvcNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'is empty';
  if (name.length > 15) return `has ${name.length} characters`;
  if (!/^[-a-z0-9]+$/.test(name)) return 'contains characters other than lowercase letters, digits and -';
  if (!/[a-z]/.test(name)) return 'has no letter';
  if (name.includes('--')) return "contains '--'";
  if (name.startsWith('-') || name.endsWith('-')) return "starts or ends with '-'";
  return undefined;
}

/** The rule for ConfigMap and Secret keys, for messages. */
export const CONFIG_KEY_RULE = "at most 253 letters, digits, '-', '_' and '.', not '.' or '..'";

/** Why `key` is not a ConfigMap/Secret data key, or undefined when it is. */
export function configKeyProblem(key: string): string | undefined {
  if (key.length === 0) return 'is empty';
  if (key.length > 253) return `has ${key.length} characters`;
  if (key === '.' || key === '..') return "is '.' or '..'";
  return CONFIG_KEY.test(key) ? undefined : 'contains characters other than letters, digits, -, _ and .';
}

// ---------------------------------------------------------------------------------------------
// Quantities (the parser lives in lib/model, where constructs check storage sizes with it)
// ---------------------------------------------------------------------------------------------

export { compareQuantities, isWholeQuantity, parseQuantity } from '../model/quantities';
export type { QuantityValue } from '../model/quantities';

// ---------------------------------------------------------------------------------------------
// Field paths
// ---------------------------------------------------------------------------------------------

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `base` extended by an object key (`.key`, or `["odd/key"]` when it is not a plain identifier) or array index (`[0]`). */
export function fieldPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  if (PLAIN_KEY.test(key)) return base ? `${base}.${key}` : key;
  return `${base}[${JSON.stringify(key)}]`;
}

/** A value for a one-line message: JSON, cut to a readable length. */
export function showValue(value: unknown): string {
  let text: string;
  try {
    text = value === undefined ? 'undefined' : JSON.stringify(value);
  } catch {
    text = String(value);
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

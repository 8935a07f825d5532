import { fail, Where } from './errors';

// ---------------------------------------------------------------------------------------------
// NKS cluster and node group names
// ---------------------------------------------------------------------------------------------

/** Longest NKS cluster or node group name. */
export const NKS_NAME_MAX_LENGTH = 32;

const NKS_NAME_RULE =
  `at most ${NKS_NAME_MAX_LENGTH} characters of lowercase letters, digits and '-', starting with a letter, ` +
  'ending with a letter or digit, and not a UUID';

// The 2020 NKS guide (seeds/000) allowed "under 20 letters, digits, '-' and '.'"; names using what that
// rule allowed and today's does not (uppercase, '.') get a pointer to the change.
const OLD_RULE_NOTE = "(the older NKS guide allowed uppercase letters and '.'; NKS no longer accepts them)";

// RFC 4122 text form, and the bare 32-hex form that OpenStack's uuidutils.is_uuid_like also accepts:
// Magnum looks a cluster up by UUID first when the identifier is UUID-like, so such a name is ambiguous.
const UUID_LIKE = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{32})$/i;

/**
 * Returns `name` when NKS accepts it as a cluster name: at most 32 characters of lowercase letters,
 * digits and `-`, starting with a letter, ending with a letter or digit, not a UUID. Source:
 * TOAST-DOCS/Container-Kubernetes `ko/user-guide.md`, cluster creation table (as of 2026-11-23).
 */
export function checkClusterName(name: string, where: Where): string {
  return checkNksName(name, where, 'cluster');
}

/**
 * The name NKS gives a cluster's default node group ("기본 노드 그룹의 노드 그룹 이름은 \"default-worker\" 입니다",
 * TOAST-DOCS/Container-Kubernetes `ko/user-guide.md` line 784). The node group operation APIs (resize,
 * upgrade) take it in place of an ID.
 */
export const DEFAULT_NODE_GROUP_NAME = 'default-worker';

/**
 * The name of a cluster's control plane in the node group APIs ("컨트롤 플레인 업그레이드 시에는
 * **default-master**로 지정", TOAST-DOCS/Container-Kubernetes `ko/public-api.md` lines 1928 and 1993).
 */
export const CONTROL_PLANE_GROUP_NAME = 'default-master';

/**
 * Node group names NKS gives a cluster's own groups, which an added node group cannot take:
 * {@link CONTROL_PLANE_GROUP_NAME} and {@link DEFAULT_NODE_GROUP_NAME}. Magnum, which NKS is built on, creates
 * both with every cluster (openstack/magnum `doc/source/user/node-groups.rst`) and keeps node group names
 * unique per cluster (unique constraint `uniq_nodegroup0cluster_id0name`, `magnum/db/sqlalchemy/models.py`).
 */
export const NKS_RESERVED_NODE_GROUP_NAMES: Readonly<Record<string, string>> = Object.freeze({
  [CONTROL_PLANE_GROUP_NAME]: "the name NKS gives the cluster's control plane",
  [DEFAULT_NODE_GROUP_NAME]: "the name of the cluster's default node group",
});

/**
 * Returns `name` when NKS accepts it as the name of an added node group: the same rule as cluster names,
 * and none of {@link NKS_RESERVED_NODE_GROUP_NAMES}.
 */
export function checkNodeGroupName(name: string, where: Where): string {
  checkNksName(name, where, 'node group');
  const reserved = Object.prototype.hasOwnProperty.call(NKS_RESERVED_NODE_GROUP_NAMES, name) ? NKS_RESERVED_NODE_GROUP_NAMES[name] : undefined;
  if (reserved) {
    const all = Object.keys(NKS_RESERVED_NODE_GROUP_NAMES).map((n) => JSON.stringify(n)).join(' and ');
    fail(where, name, `${JSON.stringify(name)} is ${reserved}; NKS reserves ${all} for the cluster's own groups`, 'choose another node group name, e.g. "workers"');
  }
  return name;
}

function checkNksName(name: string, where: Where, what: string): string {
  const problem = nksNameProblem(name);
  if (!problem) return name;
  // A UUID-derived suggestion would still look like an ID; fall back to the generic example.
  const uuid = typeof name === 'string' && UUID_LIKE.test(name);
  const suggestion = typeof name === 'string' && !uuid ? suggestNksName(name) : '';
  const older = typeof name === 'string' && !uuid && /[A-Z.]/.test(name) ? ` ${OLD_RULE_NOTE}` : '';
  return fail(
    where,
    name,
    `an NKS ${what} name is ${NKS_NAME_RULE}; this one ${problem}`,
    (suggestion ? `use a name like "${suggestion}"` : `use a name like "my-${what.replace(' ', '-')}"`) + older,
  );
}

function nksNameProblem(name: string): string | undefined {
  if (typeof name !== 'string' || name.length === 0) return 'is empty';
  if (UUID_LIKE.test(name)) return 'is a UUID, which NKS would confuse with a resource ID';
  if (name.length > NKS_NAME_MAX_LENGTH) return `has ${name.length} characters`;
  const bad = name.match(/[^a-z0-9-]/g);
  if (bad) return `contains ${formatChars(bad)}`;
  if (!/^[a-z]/.test(name)) return `starts with ${JSON.stringify(name[0])}`;
  if (!/[a-z0-9]$/.test(name)) return `ends with ${JSON.stringify(name[name.length - 1])}`;
  return undefined;
}

/** A name NKS accepts made from `name`, or '' when too little of it is usable. */
function suggestNksName(name: string): string {
  const candidate = suggest(name.replace(/^[^A-Za-z]+/, ''), /[^a-z0-9-]+/g, NKS_NAME_MAX_LENGTH, true);
  return nksNameProblem(candidate) ? '' : candidate;
}

// ---------------------------------------------------------------------------------------------
// OpenStack resource names
// ---------------------------------------------------------------------------------------------

/** Longest OpenStack resource name (Nova, Neutron and Cinder all store 255 characters). */
export const RESOURCE_NAME_MAX_LENGTH = 255;

/**
 * Returns `name` when OpenStack accepts it for a `what` (network, volume, instance, key pair, ...):
 * 1–255 characters, no control characters, no leading or trailing whitespace (Nova rejects it on
 * instances; elsewhere it is a typo waiting to happen). Key pair names are held to letters, digits, `-`
 * and `_`: Nova allows a few more characters (space, `.`, `@`) depending on its API microversion, and
 * the narrower set works with every microversion and the NHN console.
 *
 * @param what the resource kind for messages; `"key pair"` selects the key pair rule
 */
export function checkResourceName(name: string, where: Where, what: string): string {
  const isKeyPair = what === 'key pair';
  const rule = isKeyPair
    ? `a key pair name is 1 to ${RESOURCE_NAME_MAX_LENGTH} letters, digits, '-' and '_'`
    : `${/^[aeiou]/i.test(what) ? 'an' : 'a'} ${what} name is 1 to ${RESOURCE_NAME_MAX_LENGTH} characters, without control characters or leading/trailing spaces`;
  const problem = resourceNameProblem(name, isKeyPair);
  if (!problem) return name;
  const fix = isKeyPair
    ? suggestion(name, { invalid: /[^A-Za-z0-9_-]+/g, valid: /^[A-Za-z0-9_-]+$/, maxLength: RESOURCE_NAME_MAX_LENGTH, lowercase: false, example: 'my-key', noun: 'name' })
    : `give ${/^[aeiou]/i.test(what) ? 'an' : 'a'} ${what} name of 1 to ${RESOURCE_NAME_MAX_LENGTH} printable characters`;
  return fail(where, name, `${rule}; this one ${problem}`, fix);
}

function resourceNameProblem(name: string, isKeyPair: boolean): string | undefined {
  if (typeof name !== 'string' || name.length === 0) return 'is empty';
  if (name.length > RESOURCE_NAME_MAX_LENGTH) return `has ${name.length} characters`;
  // eslint-disable-next-line no-control-regex
  const control = name.match(/[\u0000-\u001f\u007f]/g);
  if (control) return `contains control characters ${formatChars(control)}`;
  if (isKeyPair) {
    const bad = name.match(/[^A-Za-z0-9_-]/g);
    if (bad) return `contains ${formatChars(bad)}`;
  }
  if (name.trim() !== name) return 'starts or ends with whitespace';
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Kubernetes names (manifest layer)
// ---------------------------------------------------------------------------------------------

/** RFC 1123 label (length checked separately). Shared with the manifest checker in lib/checks. */
export const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/** RFC 1123 subdomain (length checked separately). */
export const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** Label names and values: alphanumerics with '-', '_', '.' inside. */
export const LABEL_PART = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

/** Longest RFC 1123 label (most Kubernetes object names that become DNS names, namespaces, ports). */
export const DNS_LABEL_MAX_LENGTH = 63;
/** Longest RFC 1123 subdomain (most Kubernetes object names, label key prefixes). */
export const DNS_SUBDOMAIN_MAX_LENGTH = 253;
/** Longest label name part or label value. */
export const LABEL_VALUE_MAX_LENGTH = 63;

/**
 * Returns `name` when it is an RFC 1123 DNS subdomain as Kubernetes defines it: at most 253 characters
 * of lowercase letters, digits, `-` and `.`, starting and ending with a letter or digit (each
 * dot-separated part too).
 */
export function checkDnsSubdomain(name: string, where: Where): string {
  if (isPattern(name, DNS_SUBDOMAIN, DNS_SUBDOMAIN_MAX_LENGTH)) return name;
  return fail(
    where,
    name,
    `a Kubernetes name here must be an RFC 1123 subdomain: at most ${DNS_SUBDOMAIN_MAX_LENGTH} lowercase letters, digits, '-' and '.', each dot-separated part starting and ending with a letter or digit`,
    suggestion(name, { invalid: /[^a-z0-9.-]+/g, valid: DNS_SUBDOMAIN, maxLength: DNS_SUBDOMAIN_MAX_LENGTH, lowercase: true, example: 'my-app', noun: 'name' }),
  );
}

/**
 * Returns `name` when it is an RFC 1123 DNS label as Kubernetes defines it: at most 63 characters of
 * lowercase letters, digits and `-`, starting and ending with a letter or digit.
 */
export function checkDnsLabel(name: string, where: Where): string {
  if (isPattern(name, DNS_LABEL, DNS_LABEL_MAX_LENGTH)) return name;
  return fail(
    where,
    name,
    `a Kubernetes name here must be an RFC 1123 label: at most ${DNS_LABEL_MAX_LENGTH} lowercase letters, digits and '-', starting and ending with a letter or digit`,
    suggestion(name, { invalid: /[^a-z0-9-]+/g, valid: DNS_LABEL, maxLength: DNS_LABEL_MAX_LENGTH, lowercase: true, example: 'my-app', noun: 'name' }),
  );
}

/** RFC 1035 label: an RFC 1123 label that starts with a letter (Service names). */
export const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

/**
 * Returns `name` when it is an RFC 1035 label, the rule for Service names: an RFC 1123 label (at most 63
 * lowercase letters, digits and `-`) that starts with a letter.
 */
export function checkDns1035Label(name: string, where: Where): string {
  checkDnsLabel(name, where);
  if (!DNS1035_LABEL.test(name)) fail(where, name, 'a Service name is an RFC 1035 label: it starts with a letter', `use e.g. "svc-${name}"`);
  return name;
}

// The qualified-name rule shared by label and annotation keys.
const QUALIFIED_NAME_RULE =
  `an optional DNS-subdomain prefix (at most ${DNS_SUBDOMAIN_MAX_LENGTH} characters) and '/', then a name of at most ` +
  `${LABEL_VALUE_MAX_LENGTH} letters, digits, '-', '_' and '.' that starts and ends with a letter or digit`;
const QUALIFIED_NAME_FIX = 'write it like `app`, `tier.level` or `example.com/gpu-type`';

/**
 * Returns `key` when it is a valid Kubernetes label (or taint, extended resource) key: an optional
 * prefix that is a DNS subdomain of at most 253 characters followed by `/`, then a name of at most 63
 * characters of letters, digits, `-`, `_` and `.` that starts and ends with a letter or digit. Annotation
 * keys: {@link checkAnnotationKey}.
 */
export function checkLabelKey(key: string, where: Where): string {
  const problem = labelKeyProblem(key);
  if (!problem) return key;
  return fail(where, key, `a label key is ${QUALIFIED_NAME_RULE}; this one ${problem}`, QUALIFIED_NAME_FIX);
}

/**
 * Returns `key` when the API server accepts it as an annotation key: the label-key rule, applied to the
 * lowercased key, because that is how the API server checks annotation keys (apimachinery's
 * ValidateAnnotations lowercases before IsQualifiedName). So NHN's per-listener keys such as
 * `TCP-80.loadbalancer.nhncloud/listener-protocol` are valid annotation keys although not valid label keys.
 */
export function checkAnnotationKey(key: string, where: Where): string {
  const problem = labelKeyProblem(typeof key === 'string' ? key.toLowerCase() : key);
  if (!problem) return key;
  return fail(where, key, `an annotation key is, once lowercased, ${QUALIFIED_NAME_RULE}; this one ${problem}`, QUALIFIED_NAME_FIX);
}

/** Why `key` is not a label (qualified-name) key, or undefined when it is; the manifest checker reports with it. */
export function labelKeyProblem(key: string): string | undefined {
  if (typeof key !== 'string' || key.length === 0) return 'is empty';
  const parts = key.split('/');
  if (parts.length > 2) return "has more than one '/'";
  const [prefix, name] = parts.length === 2 ? parts : [undefined, parts[0]];
  if (prefix !== undefined && !isPattern(prefix, DNS_SUBDOMAIN, DNS_SUBDOMAIN_MAX_LENGTH)) {
    return prefix.length === 0 ? "has an empty prefix before '/'" : `has the prefix ${JSON.stringify(prefix)}, which is not a lowercase DNS subdomain`;
  }
  if (name.length === 0) return "has no name after '/'";
  if (name.length > LABEL_VALUE_MAX_LENGTH) return `has a name of ${name.length} characters`;
  if (!LABEL_PART.test(name)) return `has the name ${JSON.stringify(name)}`;
  return undefined;
}

/**
 * Returns `value` when it is a valid Kubernetes label value: empty, or at most 63 characters of
 * letters, digits, `-`, `_` and `.` that start and end with a letter or digit.
 */
export function checkLabelValue(value: string, where: Where): string {
  if (value === '' || isPattern(value, LABEL_PART, LABEL_VALUE_MAX_LENGTH)) return value;
  return fail(
    where,
    value,
    `a label value is empty or at most ${LABEL_VALUE_MAX_LENGTH} letters, digits, '-', '_' and '.', starting and ending with a letter or digit`,
    typeof value === 'string'
      ? suggestion(value, { invalid: /[^A-Za-z0-9_.-]+/g, valid: LABEL_PART, maxLength: LABEL_VALUE_MAX_LENGTH, lowercase: false, example: 'value', noun: 'value' })
      : 'give a string; label values are strings, so quote numbers and booleans',
  );
}

// ---------------------------------------------------------------------------------------------
// helpers
// ---------------------------------------------------------------------------------------------

function isPattern(text: unknown, pattern: RegExp, maxLength: number): boolean {
  return typeof text === 'string' && text.length <= maxLength && pattern.test(text);
}

/**
 * `text` with runs of `invalid` characters turned into '-', cut to `maxLength`, edges trimmed to
 * alphanumerics; lowercased first where the rule has no uppercase.
 */
function suggest(text: string, invalid: RegExp, maxLength: number, lowercase: boolean): string {
  return (lowercase ? text.toLowerCase() : text)
    .replace(invalid, '-')
    .slice(0, maxLength)
    .replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
}

interface SuggestionRule {
  readonly invalid: RegExp;
  readonly valid: RegExp;
  readonly maxLength: number;
  readonly lowercase: boolean;
  readonly example: string;
  readonly noun: 'name' | 'value';
}

function suggestion(text: unknown, rule: SuggestionRule): string {
  const candidate = typeof text === 'string' ? suggest(text, rule.invalid, rule.maxLength, rule.lowercase) : '';
  return `use a ${rule.noun} like "${candidate && rule.valid.test(candidate) ? candidate : rule.example}"`;
}

function formatChars(chars: readonly string[]): string {
  return [...new Set(chars)].map((c) => JSON.stringify(c)).join(', ');
}

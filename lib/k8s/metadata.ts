import { ApiObject, ApiObjectMetadata } from 'cdk8s';
import { IConstruct } from 'constructs';
import { at, fail, Where } from '../model/errors';
import { checkAnnotationKey, checkDnsLabel, checkDnsSubdomain, checkLabelKey, checkLabelValue } from '../model/names';

/** Name, namespace, labels and annotations of an object, as nks-cdk constructs take them. */
export interface ObjectMetaInput {
  /** Object name; unset lets cdk8s generate one from the construct path. */
  readonly name?: string;
  /** Namespace; unset uses the chart's. */
  readonly namespace?: string;
  /** Labels. */
  readonly labels?: Readonly<Record<string, string>>;
  /** Annotations. */
  readonly annotations?: Readonly<Record<string, string>>;
}

/** How the object's name is checked: most names are DNS subdomains, some (Namespace, Service) DNS labels. */
export type NameRule = 'subdomain' | 'label';

/**
 * Validates name, namespace, labels and annotations and returns cdk8s metadata without `undefined` members
 * (cdk8s would otherwise overwrite its generated name with `name: undefined`). Fields are reported under `where`.
 */
export function objectMeta(input: ObjectMetaInput, where: Where, nameRule: NameRule = 'subdomain'): ApiObjectMetadata {
  const meta: { -readonly [K in keyof ApiObjectMetadata]: ApiObjectMetadata[K] } = {};
  if (input.name !== undefined) {
    meta.name = nameRule === 'label' ? checkDnsLabel(input.name, at(where, 'name')) : checkDnsSubdomain(input.name, at(where, 'name'));
  }
  if (input.namespace !== undefined) meta.namespace = checkDnsLabel(input.namespace, at(where, 'namespace'));
  if (input.labels !== undefined) meta.labels = checkLabels(input.labels, at(where, 'labels'));
  if (input.annotations !== undefined) meta.annotations = checkAnnotations(input.annotations, at(where, 'annotations'));
  return meta;
}

/** Validates every key and value of a label map; returns a copy. */
export function checkLabels(labels: Readonly<Record<string, string>>, where: Where): Record<string, string> {
  for (const [key, value] of Object.entries(labels)) {
    checkLabelKey(key, at(where, key));
    checkLabelValue(value, at(where, key));
  }
  return { ...labels };
}

/**
 * Validates every key of an annotation map (the API server's rule, which lowercases keys first) and that
 * every value is a string (JavaScript callers can pass numbers and booleans, which the API server refuses);
 * returns a copy.
 */
export function checkAnnotations(annotations: Readonly<Record<string, string>>, where: Where): Record<string, string> {
  for (const [key, value] of Object.entries(annotations)) {
    checkAnnotationKey(key, at(where, key));
    if (typeof value !== 'string') fail(at(where, key), value, 'an annotation value is a string', `quote it: "${String(value)}"`);
  }
  checkAnnotationsSize(annotations, where);
  return { ...annotations };
}

/**
 * The total size the API server allows for an object's annotations: 256 KiB of keys and values together
 * (TotalAnnotationSizeLimitB = 256 * (1 << 10) and ValidateAnnotationsSize in kubernetes/apimachinery
 * pkg/api/validation/objectmeta.go, which sums len(k) + len(v), in bytes).
 */
export const ANNOTATIONS_MAX_BYTES = 256 * 1024;

/**
 * Fails when the annotations together exceed {@link ANNOTATIONS_MAX_BYTES}. The message names the largest
 * ones by key and size, never their values (a load balancer's TLS key can be one of them).
 */
export function checkAnnotationsSize(annotations: Readonly<Record<string, unknown>>, where: Where): void {
  const sizes = Object.entries(annotations).map(([key, value]) => ({ key, bytes: Buffer.byteLength(key) + (typeof value === 'string' ? Buffer.byteLength(value) : 0) }));
  const total = sizes.reduce((sum, s) => sum + s.bytes, 0);
  if (total <= ANNOTATIONS_MAX_BYTES) return;
  const largest = [...sizes].sort((a, b) => b.bytes - a.bytes || (a.key < b.key ? -1 : 1)).slice(0, 3).map((s) => `"${s.key}" (${s.bytes} bytes)`);
  fail(
    where,
    `${total} bytes`,
    `an object's annotations total at most ${ANNOTATIONS_MAX_BYTES} bytes (256 KiB, keys and values), and these total ${total}; the API server refuses the object. Largest: ${largest.join(', ')}`,
    'keep large data out of annotations: put it in a ConfigMap (or a Secret) and refer to it; for a load balancer certificate use LoadBalancerCertificate.fromCertificateManager',
  );
}

/**
 * The namespace an API object lands in: its own, else its chart's (cdk8s fills that in), else `default`,
 * where the API server puts objects without one. `construct` is an ApiObject or a construct whose default
 * child is one (every cdk8s-plus resource, and nks-cdk constructs whose object is their `Resource` child).
 */
export function namespaceOf(construct: IConstruct): string {
  return ApiObject.of(construct).metadata.namespace ?? 'default';
}

/**
 * Labels a workload selects its pods by: at least one, and at least one with a non-empty value. cdk8s-plus-28
 * leaves `matchLabels` out when every value is empty (`undefinedIfEmpty` in its utils.js treats "" as unset),
 * and an apps/v1 workload with an empty selector is refused by the API server ("empty selector is invalid for
 * deployment", ValidateDeploymentSpec in pkg/apis/apps/validation).
 */
export function checkSelectorLabels(labels: Readonly<Record<string, string>>, given: unknown, where: Where, kind: string, example: string): void {
  if (Object.keys(labels).length === 0) {
    fail(where, given, `a ${kind} needs at least one label to select its pods`, `give e.g. ${example}, or omit labels for { app: <name> }`);
  }
  if (Object.values(labels).every((v) => v === '')) {
    fail(where, given, `a ${kind} selects its pods by labels, and cdk8s-plus-28 drops a selector whose label values are all empty (the API server then refuses the empty selector)`, `give one label a value, e.g. ${example}`);
  }
}

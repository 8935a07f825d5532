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
  return { ...annotations };
}

/**
 * The namespace an API object lands in: its own, else its chart's (cdk8s fills that in), else `default`,
 * where the API server puts objects without one. `construct` is an ApiObject or a construct whose default
 * child is one (every cdk8s-plus resource, and nks-cdk constructs whose object is their `Resource` child).
 */
export function namespaceOf(construct: IConstruct): string {
  return ApiObject.of(construct).metadata.namespace ?? 'default';
}

import { ApiObjectMetadata } from 'cdk8s';
import { at, Where } from '../model/errors';
import { checkDnsLabel, checkDnsSubdomain, checkLabelKey, checkLabelValue } from '../model/names';

/** Name, namespace and labels of an object, as nks-cdk constructs take them. */
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
 * Validates name, namespace and labels and returns cdk8s metadata without `undefined` members (cdk8s would
 * otherwise overwrite its generated name with `name: undefined`). Fields are reported under `where`.
 */
export function objectMeta(input: ObjectMetaInput, where: Where, nameRule: NameRule = 'subdomain'): ApiObjectMetadata {
  const meta: { -readonly [K in keyof ApiObjectMetadata]: ApiObjectMetadata[K] } = {};
  if (input.name !== undefined) {
    meta.name = nameRule === 'label' ? checkDnsLabel(input.name, at(where, 'name')) : checkDnsSubdomain(input.name, at(where, 'name'));
  }
  if (input.namespace !== undefined) meta.namespace = checkDnsLabel(input.namespace, at(where, 'namespace'));
  if (input.labels !== undefined) meta.labels = checkLabels(input.labels, at(where, 'labels'));
  if (input.annotations !== undefined) meta.annotations = { ...input.annotations };
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

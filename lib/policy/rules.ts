// The rule set nks-cdk runs by default, and the two rules about suppressions themselves.
import { BINDING_TO_EVERYONE, CLUSTER_ADMIN_BINDING, PUBLIC_ADMIN_ENDPOINT } from './rules-access';
import { GENERATED_KEY_PAIR } from './rules-infra';
import { OPTED_IN_PLAINTEXT_SECRET, PLAINTEXT_SECRET } from './rules-secrets';
import { KEPT_DATA_ON_DELETE_RECLAIM } from './rules-storage';
import { IMAGE_PINNED, PROBES_SET, RESOURCES_SET } from './rules-workloads';
import { MIN_REASON_LENGTH, PolicyRule } from './types';

export { ADMIN_ENDPOINTS, BINDING_TO_EVERYONE, CLUSTER_ADMIN_BINDING, PUBLIC_ADMIN_ENDPOINT } from './rules-access';
export type { AdminEndpoint } from './rules-access';
export { GENERATED_KEY_PAIR } from './rules-infra';
export { OPTED_IN_PLAINTEXT_SECRET, PLAINTEXT_SECRET } from './rules-secrets';
export { KEPT_DATA_ON_DELETE_RECLAIM } from './rules-storage';
export { IMAGE_PINNED, PROBES_SET, RESOURCES_SET, unpinnedImageProblem } from './rules-workloads';

/** Every rule nks-cdk runs by default, in report order. */
export const NKS_RULES: readonly PolicyRule[] = Object.freeze([
  IMAGE_PINNED,
  RESOURCES_SET,
  PROBES_SET,
  CLUSTER_ADMIN_BINDING,
  BINDING_TO_EVERYONE,
  PUBLIC_ADMIN_ENDPOINT,
  PLAINTEXT_SECRET,
  OPTED_IN_PLAINTEXT_SECRET,
  KEPT_DATA_ON_DELETE_RECLAIM,
  GENERATED_KEY_PAIR,
]);

/**
 * NKS-POLICY-1: a suppression must say why. Always an error, never suppressible or configurable: a rule
 * switched off without a reason is exactly what reviews cannot see.
 */
export const SUPPRESSION_NEEDS_REASON: PolicyRule = {
  id: 'NKS-POLICY-1',
  level: 'error',
  explanation: `A suppression accepts a risk on behalf of everyone who runs the output; without a reason of at least ${MIN_REASON_LENGTH} characters nobody can review that decision.`,
  fix: 'Write why breaking the rule is acceptable here, e.g. suppress(deployment, "NKS-PROBE-1", "batch worker: serves no traffic, a restart loses nothing").',
};

/** NKS-POLICY-2: a suppression names a rule that does not exist (a typo suppresses nothing). */
export const SUPPRESSION_UNKNOWN_RULE: PolicyRule = {
  id: 'NKS-POLICY-2',
  level: 'warning',
  explanation: 'A suppression of a rule id that no rule has suppresses nothing; usually the id has a typo.',
  fix: 'Use the id printed in the report (NKS-IMG-1, NKS-PROBE-1, ...), or remove the suppression.',
};

/** The suppression rules, reported by the engine itself. */
export const META_RULES: readonly PolicyRule[] = Object.freeze([SUPPRESSION_NEEDS_REASON, SUPPRESSION_UNKNOWN_RULE]);

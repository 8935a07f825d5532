// Where suppressions live. In the program: construct metadata, so a suppression on a WebApp or a Chart
// covers every object under it (the nearest declaration of a rule wins). In the output: an annotation
// `nks-cdk.io/suppress.<rule id>: <reason>` on each Kubernetes object it covers, and `"//": {"nks-cdk":
// {"suppressions": {...}}}` in a Terraform resource block (Terraform ignores "//" keys), so the cdk8s plugin
// and `npm run check`, which see only files, honour the same suppressions as synth.
import { IConstruct } from 'constructs';
import { SUPPRESSION_ANNOTATION_PREFIX } from './markers';
import { isObj, metadataOf, stringMap } from './objects';
import { KubeObject, MIN_REASON_LENGTH, PolicySuppression } from './types';

const SUPPRESSION_METADATA = 'nks-cdk/policy-suppression';
/** Key under a Terraform block's `"//"` comment object. */
export const TERRAFORM_COMMENT_KEY = 'nks-cdk';

/** Rule ids: letters, digits and `-`, so that they fit an annotation key (`nks-cdk.io/suppress.<id>`). */
export const RULE_ID = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38}[A-Za-z0-9])?$/;

/** Records a suppression on `construct` (validated when policies run, so that all problems are reported at once). */
export function addSuppression(construct: IConstruct, ruleId: string, reason: string): void {
  construct.node.addMetadata(SUPPRESSION_METADATA, { ruleId: String(ruleId), reason: typeof reason === 'string' ? reason : '' });
}

/** The suppressions declared on `construct` itself. */
export function declaredOn(construct: IConstruct): PolicySuppression[] {
  return construct.node.metadata
    .filter((m) => m.type === SUPPRESSION_METADATA)
    .map((m) => ({ ruleId: m.data.ruleId as string, reason: m.data.reason as string, declaredAt: construct.node.path }));
}

/**
 * The suppressions that apply to `construct`: its own and its ancestors', the nearest one per rule. Pass
 * one `memo` to many calls over a tree that does not change, and each construct's are worked out once.
 */
export function suppressionsFor(construct: IConstruct, memo?: SuppressionMemo): PolicySuppression[] {
  return [...inherited(construct, memo ?? new Map()).values()];
}

/** Per construct, the suppressions that apply to it by rule id (see {@link suppressionsFor}). */
export type SuppressionMemo = Map<IConstruct, ReadonlyMap<string, PolicySuppression>>;

function inherited(construct: IConstruct, memo: SuppressionMemo): ReadonlyMap<string, PolicySuppression> {
  let byRule = memo.get(construct);
  if (byRule) return byRule;
  const parent = construct.node.scope;
  const above = parent ? inherited(parent, memo) : new Map<string, PolicySuppression>();
  const own = declaredOn(construct);
  if (own.length === 0) byRule = above;
  else {
    const merged = new Map(above);
    for (const s of own) merged.set(s.ruleId, s);
    byRule = merged;
  }
  memo.set(construct, byRule);
  return byRule;
}

/** The suppressions an object carries in its annotations. */
export function suppressionsInManifest(obj: KubeObject, declaredAt: string): PolicySuppression[] {
  return Object.entries(stringMap(metadataOf(obj).annotations))
    .filter(([key]) => key.startsWith(SUPPRESSION_ANNOTATION_PREFIX))
    .map(([key, reason]) => ({ ruleId: key.slice(SUPPRESSION_ANNOTATION_PREFIX.length), reason, declaredAt }));
}

/** The annotations that carry `suppressions` into a manifest. */
export function suppressionAnnotations(suppressions: readonly PolicySuppression[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of suppressions) if (RULE_ID.test(s.ruleId)) out[`${SUPPRESSION_ANNOTATION_PREFIX}${s.ruleId}`] = s.reason;
  return out;
}

/** The suppressions a Terraform resource block carries in its `"//"` comment. */
export function suppressionsInTerraform(body: Readonly<Record<string, unknown>>, declaredAt: string): PolicySuppression[] {
  const comment = isObj(body['//']) ? body['//'][TERRAFORM_COMMENT_KEY] : undefined;
  const map = isObj(comment) ? stringMap(comment.suppressions) : {};
  return Object.entries(map).map(([ruleId, reason]) => ({ ruleId, reason, declaredAt }));
}

/** What is wrong with a suppression: 'reason' (missing or too short), 'unknown-rule', or undefined when valid. */
export function suppressionProblem(s: PolicySuppression, knownRuleIds: ReadonlySet<string>): 'reason' | 'unknown-rule' | undefined {
  if (typeof s.reason !== 'string' || s.reason.trim().length < MIN_REASON_LENGTH) return 'reason';
  return knownRuleIds.has(s.ruleId) ? undefined : 'unknown-rule';
}

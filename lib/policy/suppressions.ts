// Where suppressions live. In the program: construct metadata, so a suppression on a WebApp or a Chart
// covers every object under it (the nearest declaration of a rule wins). In the output: an annotation
// `nks-cdk.io/suppress.<rule id>: <reason>` on each Kubernetes object it covers, and `"//": {"nks-cdk":
// {"suppressions": {...}}}` in a Terraform resource block (Terraform ignores "//" keys), so the cdk8s plugin
// and `npm run check`, which see only files, honour the same suppressions as synth.
import { IConstruct } from 'constructs';
import { DeclarationMemo, nearestDeclarations } from '../declarations';
import { ValidationError, ValidationErrors } from '../model/errors';
import { TERRAFORM_COMMENT_KEY } from '../model/terraform-comment';
import { SUPPRESSION_ANNOTATION_PREFIX } from './markers';

export { TERRAFORM_COMMENT_KEY };
import { isObj, metadataOf, stringMap } from './objects';
import { KubeObject, MIN_REASON_LENGTH, PolicySuppression } from './types';

const SUPPRESSION_METADATA = 'nks-cdk/policy-suppression';

/** Rule ids: letters, digits and `-`, so that they fit an annotation key (`nks-cdk.io/suppress.<id>`). */
export const RULE_ID = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38}[A-Za-z0-9])?$/;

/**
 * The rule ids a suppression may name in a program (its configured rules, and nks-cdk's default rules even
 * when switched off), or undefined when the program runs no rules (then nothing is checked).
 */
export type KnownRuleIds = () => ReadonlySet<string> | undefined;

// Constructs that already carry the validation of their suppressions' rule ids (one per construct).
const CHECKED = new WeakSet<IConstruct>();

/**
 * Records a suppression on `construct`. Its reason is judged when policies run (NKS-POLICY-1, so that all
 * findings are reported at once). With `knownRuleIds`, the rule id is checked when the program validates,
 * before any rule runs: a suppression of a rule the program does not have suppresses nothing (usually a
 * typo, and the finding it meant stays), so synth refuses it with a {@link ValidationError} that lists the
 * known ids.
 */
export function addSuppression(construct: IConstruct, ruleId: string, reason: string, knownRuleIds?: KnownRuleIds): void {
  construct.node.addMetadata(SUPPRESSION_METADATA, { ruleId: String(ruleId), reason: typeof reason === 'string' ? reason : '' });
  if (knownRuleIds === undefined || CHECKED.has(construct)) return;
  CHECKED.add(construct);
  construct.node.addValidation({
    validate: () => {
      const known = knownRuleIds();
      if (known) checkSuppressedRuleIds(construct, known);
      return [];
    },
  });
}

/**
 * Throws a {@link ValidationError} (several: {@link ValidationErrors}) for each suppression declared on
 * `construct` whose rule id is not in `known`; the fix names the nearest known id, if one is close, and lists them all.
 */
export function checkSuppressedRuleIds(construct: IConstruct, known: ReadonlySet<string>): void {
  const errors = declaredOn(construct)
    .filter((s) => !known.has(s.ruleId))
    .map((s) => {
      const near = nearestRuleId(s.ruleId, known);
      return new ValidationError({
        path: construct.node.path,
        field: 'ruleId',
        value: s.ruleId,
        rule: `a suppression names a policy rule of the program; ${JSON.stringify(s.ruleId)} is none, so it would suppress nothing`,
        fix: `${near ? `use ${JSON.stringify(near)}` : 'use the id the report prints'}; the known rule ids are ${[...known].join(', ')}`,
      });
    });
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new ValidationErrors(errors);
}

/** The known id that `id` most likely meant: the same letters and digits (case aside), or at most two edits away. */
function nearestRuleId(id: string, known: ReadonlySet<string>): string | undefined {
  const bare = (x: string) => x.toUpperCase().replace(/[^A-Z0-9]/g, '');
  const ids = [...known];
  const same = ids.find((k) => bare(k) === bare(id));
  if (same) return same;
  let best: { id: string; distance: number } | undefined;
  for (const k of ids) {
    const distance = editDistance(id.toUpperCase(), k.toUpperCase());
    if (distance <= 2 && (!best || distance < best.distance)) best = { id: k, distance };
  }
  return best?.id;
}

/** Levenshtein distance (insertions, deletions and substitutions of one character). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
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
export type SuppressionMemo = DeclarationMemo<PolicySuppression>;

function inherited(construct: IConstruct, memo: SuppressionMemo): ReadonlyMap<string, PolicySuppression> {
  return nearestDeclarations(construct, declaredOn, (s) => s.ruleId, memo);
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

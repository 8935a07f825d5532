// Runs rules on subjects at their configured levels and applies suppressions. The same engine serves synth
// (subjects from the construct tree), the cdk8s plugin and `npm run check` (subjects from files).
import { objectId } from '../checks/kubernetes-schema';
import { ValidationError } from '../model/errors';
import { PolicyReport } from './report';
import { META_RULES, NKS_RULES, SUPPRESSION_NEEDS_REASON, SUPPRESSION_UNKNOWN_RULE } from './rules';
import { RULE_ID, suppressionProblem } from './suppressions';
import {
  KubeObject, ManifestRuleContext, MIN_REASON_LENGTH, PolicyFinding, PolicyLevel, PolicyLevelSetting, PolicyRule, PolicySubject, PolicySuppression,
} from './types';

/** Which rules run, at which levels. */
export interface PolicyOptions {
  /**
   * The rules to run; add your own with `[...NKS_RULES, myRule]`.
   * @default NKS_RULES
   */
  readonly rules?: readonly PolicyRule[];
  /**
   * Level per rule id, or `'off'` to skip the rule, e.g. `{ 'NKS-PROBE-1': 'error', 'NKS-RES-1': 'off' }`.
   * NKS-POLICY-1 (a suppression needs a reason) cannot be changed.
   * @default - each rule's own level
   */
  readonly levels?: Readonly<Record<string, PolicyLevelSetting>>;
}

/** A rule that runs, with the level its findings are reported at. */
export interface ActiveRule {
  /** The rule. */
  readonly rule: PolicyRule;
  /** Its effective level: the one configured in `levels`, else the rule's own. */
  readonly level: PolicyLevel;
}

/** The id a finding names its object by: `apiVersion/kind namespace/name`, or a Terraform address. */
export function subjectResource(subject: PolicySubject): string {
  return subject.kind === 'manifest' ? objectId(subject.object) : `${subject.resource.type}.${subject.resource.name}`;
}

/** Rules at their levels, applied to subjects. Throws a {@link ValidationError} for a bad configuration. */
export class PolicyEngine {
  private readonly active: readonly ActiveRule[];
  /** The rule ids a suppression may name: the configured rules, and every default rule (also when switched off). */
  public readonly knownRuleIds: ReadonlySet<string>;

  /** An engine of `options.rules` (else nks-cdk's rules) at their configured levels; throws a ValidationError for a bad configuration. */
  constructor(options: PolicyOptions = {}) {
    const rules = options.rules ?? NKS_RULES;
    const ids = new Set<string>();
    rules.forEach((rule, i) => {
      const where = { path: 'policies', field: `rules[${i}].id` };
      if (typeof rule.id !== 'string' || !RULE_ID.test(rule.id)) {
        throw new ValidationError({ ...where, value: rule.id, rule: 'a rule id is 2 to 40 letters, digits and "-" (it becomes part of an annotation key)', fix: 'name it like NKS-IMG-1' });
      }
      if (ids.has(rule.id) || META_RULES.some((m) => m.id === rule.id)) {
        throw new ValidationError({ ...where, value: rule.id, rule: 'rule ids are unique', fix: 'give the rule an id of its own' });
      }
      ids.add(rule.id);
    });
    // Suppressions of a default rule that is switched off are not typos: keep its id known.
    this.knownRuleIds = new Set([...ids, ...NKS_RULES.map((r) => r.id)]);
    const levels = options.levels ?? {};
    for (const [id, level] of Object.entries(levels)) {
      const where = { path: 'policies', field: `levels.${id}` };
      if (!ids.has(id)) {
        const fix = META_RULES.some((m) => m.id === id) ? 'the suppression rules cannot be reconfigured; remove the entry' : `use one of ${[...ids].join(', ')}`;
        throw new ValidationError({ ...where, value: id, rule: 'levels name rules that run', fix });
      }
      if (!['error', 'warning', 'off'].includes(level)) {
        throw new ValidationError({ ...where, value: level, rule: 'a level is "error", "warning" or "off"', fix: 'use one of them' });
      }
    }
    this.active = rules.flatMap((rule): ActiveRule[] => {
      const level = levels[rule.id] ?? rule.level;
      return level === 'off' ? [] : [{ rule, level }];
    });
  }

  /** The rules that run, with their effective levels. */
  public get rules(): readonly ActiveRule[] {
    return this.active;
  }

  /** Findings of every running rule on one subject; `context` holds every Kubernetes object being checked. */
  public checkSubject(subject: PolicySubject, context: ManifestRuleContext): PolicyFinding[] {
    let resource: string | undefined;
    const findings: PolicyFinding[] = [];
    for (const { rule, level } of this.active) {
      const problems = subject.kind === 'manifest'
        ? rule.checkManifest?.(subject.object, context) ?? []
        : rule.checkTerraform?.(subject.resource) ?? [];
      if (problems.length === 0) continue;
      const suppression = subject.suppressions.find((s) => s.ruleId === rule.id && suppressionProblem(s, this.knownRuleIds) === undefined);
      for (const p of problems) {
        findings.push({
          ruleId: rule.id, level, path: subject.path, resource: (resource ??= subjectResource(subject)), message: p.message, fix: rule.fix,
          ...(p.field ? { field: p.field } : {}),
          ...(suppression ? { suppressed: { reason: suppression.reason.trim(), declaredAt: suppression.declaredAt } } : {}),
        });
      }
    }
    return findings;
  }

  /** NKS-POLICY-1 and -2 findings for suppressions without a reason or of unknown rules. */
  public checkSuppressions(suppressions: readonly PolicySuppression[], resource: string): PolicyFinding[] {
    return suppressions.flatMap((s): PolicyFinding[] => {
      const problem = suppressionProblem(s, this.knownRuleIds);
      if (problem === 'reason') {
        const given = typeof s.reason === 'string' && s.reason.trim() ? `the reason ${JSON.stringify(s.reason.trim())} is shorter than ${MIN_REASON_LENGTH} characters` : 'it gives no reason';
        return [meta(SUPPRESSION_NEEDS_REASON, s, resource, `the suppression of ${s.ruleId} is not applied: ${given}`)];
      }
      if (problem === 'unknown-rule') {
        return [meta(SUPPRESSION_UNKNOWN_RULE, s, resource, `the suppression names ${JSON.stringify(s.ruleId)}, which is not a rule (known: ${[...this.knownRuleIds].join(', ')})`)];
      }
      return [];
    });
  }

  /**
   * Checks subjects read from output files: every rule on every subject, with every Kubernetes object as
   * context, and each object's own suppressions. Returns the findings of each subject, in order.
   */
  public evaluateEach(subjects: readonly PolicySubject[]): { subject: PolicySubject; findings: PolicyFinding[] }[] {
    const context: ManifestRuleContext = { objects: subjects.flatMap((s): KubeObject[] => (s.kind === 'manifest' ? [s.object] : [])) };
    return subjects.map((subject) => ({
      subject,
      findings: [...this.checkSuppressions(subject.suppressions, subjectResource(subject)), ...this.checkSubject(subject, context)],
    }));
  }

  /** {@link PolicyEngine.evaluateEach} as one report. */
  public evaluate(subjects: readonly PolicySubject[]): PolicyReport {
    return new PolicyReport(this.evaluateEach(subjects).flatMap((r) => r.findings));
  }

  /** The rule (running, default or suppression rule) with this id. */
  public ruleById(id: string): PolicyRule | undefined {
    return [...this.active.map((a) => a.rule), ...NKS_RULES, ...META_RULES].find((r) => r.id === id);
  }
}

function meta(rule: PolicyRule, s: PolicySuppression, resource: string, message: string): PolicyFinding {
  return { ruleId: rule.id, level: rule.level, path: s.declaredAt, resource, message, fix: rule.fix };
}

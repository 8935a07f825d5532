// The public face of the policy rules: configure them per program, suppress them per construct, run them
// at synth.
import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { PolicyAspect, stampSuppressions } from './aspect';
import { PolicyEngine, PolicyOptions } from './engine';
import { formatFinding, PolicyReport } from './report';
import { addSuppression } from './suppressions';
import { KubeObject, PolicyFinding } from './types';
import { constructsUnder } from '../synth-cache';
import { linkedRootsOf } from '../problems';

/** What policies need of a `PlatformApp`: its two construct trees. */
export interface PolicyScope {
  /** The cdktf tree. */
  readonly infra: IConstruct;
  /** The cdk8s tree. */
  readonly k8s: IConstruct;
}

function isPolicyScope(x: PolicyScope | IConstruct): x is PolicyScope {
  return !('node' in x) && 'infra' in x && 'k8s' in x;
}

/**
 * The trees of a scope. A PlatformApp links its trees (lib/problems.ts) and makes its cdktf tree on first use:
 * its linked roots are read, which does not make it (it calls `Policies.of` again when it does).
 */
function scopeRoots(scope: PolicyScope): IConstruct[] {
  return [...(linkedRootsOf(scope.k8s.node.root) ?? [scope.infra.node.root, scope.k8s.node.root])];
}

/** Raised by `PlatformApp.synth()` when error-level policy findings remain; nothing was written. */
export class PolicyViolationError extends Error {
  /** An error listing the report's errors. */
  constructor(
    /** The policy report: {@link PolicyReport.errors} are the findings that stopped synth. */
    public readonly report: PolicyReport,
  ) {
    const errors = report.errors;
    super(
      `${errors.length} policy error${errors.length === 1 ? '' : 's'}; nothing was written:\n` +
        `${errors.map(formatFinding).join('\n')}\n` +
        'Fix them, or suppress one on its construct with a reason: Policies.of(app).suppress(construct, ruleId, reason).',
    );
    this.name = 'PolicyViolationError';
  }
}

/**
 * The policy rules of one program. `PlatformApp` runs them in `synth()`: errors stop synth before anything
 * is written, warnings are printed.
 *
 * ```ts
 * const app = new PlatformApp({ policies: { levels: { 'NKS-PROBE-1': 'error' } } });
 * Policies.of(app).suppress(staticPod, 'NKS-IMG-1', 'the kubelet manifest of the guide, copied by hand');
 * ```
 */
export class Policies {
  private static readonly byScope = new WeakMap<object, Policies>();

  /** The policies of a `PlatformApp`, or of the program any construct of it belongs to. */
  public static of(scope: PolicyScope | IConstruct): Policies {
    const roots = isPolicyScope(scope) ? scopeRoots(scope) : [scope.node.root];
    const key = isPolicyScope(scope) ? scope : roots[0];
    const policies = Policies.byScope.get(key) ?? roots.map((r) => Policies.byScope.get(r)).find((p) => p !== undefined) ?? new Policies();
    // Both trees of a PlatformApp share one instance, so `Policies.of(anyConstruct)` finds the app's.
    for (const root of roots) if (!policies.roots.includes(root)) policies.roots.push(root);
    // A scope's trees in its order: a PlatformApp's cdktf tree, made on first use, still comes first.
    if (isPolicyScope(scope)) policies.roots.sort((a, b) => rank(a) - rank(b));
    function rank(root: IConstruct): number {
      const i = roots.indexOf(root);
      return i < 0 ? roots.length : i;
    }
    for (const k of [key, ...roots]) Policies.byScope.set(k, policies);
    return policies;
  }

  /**
   * Suppresses rule `ruleId` on `construct` and everything under it. `reason` says why breaking the rule is
   * acceptable there; without one of at least 10 characters the suppression is not applied and is itself
   * reported as an error (NKS-POLICY-1); a `ruleId` that names no rule of the program fails synth with a
   * ValidationError listing the known ids (unless the rules are turned off). The suppression is written into the output (an annotation
   * `nks-cdk.io/suppress.<ruleId>` on Kubernetes objects), so `cdk8s synth` and `npm run check` honour it too.
   */
  public static suppress(construct: IConstruct, ruleId: string, reason: string): void {
    // The rule id is checked at synth against the program's rules, as configured by then.
    addSuppression(construct, ruleId, reason, () => {
      const policies = Policies.of(construct);
      return policies.enabled ? policies.knownRuleIds : undefined;
    });
  }

  /** The rule ids a suppression may name: the configured rules, and every default rule (also when switched off). */
  public get knownRuleIds(): ReadonlySet<string> {
    return new PolicyEngine(this.options).knownRuleIds;
  }

  /** The report of the last {@link Policies.check}. @default - none before synth */
  public lastReport?: PolicyReport;
  private options: PolicyOptions = {};
  private isEnabled = true;

  /** The construct trees the rules run over. */
  private readonly roots: IConstruct[] = [];

  private constructor() {}

  /** Whether `PlatformApp.synth()` runs the rules. */
  public get enabled(): boolean {
    return this.isEnabled;
  }

  /** `false` turns the rules off, `true` runs the default rules, options choose rules and levels. */
  public configure(setting: boolean | PolicyOptions): this {
    this.isEnabled = setting !== false;
    this.options = typeof setting === 'object' ? setting : {};
    // Fails now, at the line that configured it, rather than at synth.
    new PolicyEngine(this.options);
    return this;
  }

  /** See {@link Policies.suppress}. */
  public suppress(construct: IConstruct, ruleId: string, reason: string): this {
    Policies.suppress(construct, ruleId, reason);
    return this;
  }

  /**
   * Writes suppressions into the objects they cover, runs the rules over both trees and returns the report.
   * `render` may hand over ApiObjects already rendered after the suppressions were written (see
   * {@link PolicyAspect}). @default - each ApiObject's rendering as synth caches it (`toJson()` outside synth)
   */
  public check(render?: (apiObject: ApiObject) => KubeObject): PolicyReport {
    const aspect = new PolicyAspect(new PolicyEngine(this.options), render);
    for (const root of this.roots) {
      stampSuppressions(root);
      for (const node of constructsUnder(root)) aspect.visit(node);
    }
    this.lastReport = aspect.report();
    return this.lastReport;
  }
}

/**
 * The synth hook of `PlatformApp`: runs the policies of `app` (unless turned off), prints the warnings and
 * throws {@link PolicyViolationError} when errors remain.
 */
export function runPolicies(app: PolicyScope, log: (line: string) => void): PolicyReport | undefined {
  const policies = Policies.of(app);
  if (!policies.enabled) return undefined;
  const report = policies.check();
  for (const line of warningLines(report.warnings)) log(line);
  if (!report.ok) throw new PolicyViolationError(report);
  return report;
}

/** Warnings shown per rule before the rest are summed up (a program of 10,000 apps should not print 10,000). */
export const WARNINGS_SHOWN_PER_RULE = 10;

/** The warnings to print: up to {@link WARNINGS_SHOWN_PER_RULE} per rule, then one line with the count of the rest. */
export function warningLines(warnings: readonly PolicyFinding[]): string[] {
  const shown = new Map<string, number>();
  const lines: string[] = [];
  for (const w of warnings) {
    const n = (shown.get(w.ruleId) ?? 0) + 1;
    shown.set(w.ruleId, n);
    if (n <= WARNINGS_SHOWN_PER_RULE) lines.push(formatFinding(w));
  }
  for (const [ruleId, n] of shown) {
    if (n > WARNINGS_SHOWN_PER_RULE) lines.push(`[warning] ${ruleId}: ${n - WARNINGS_SHOWN_PER_RULE} more like these (Policies.of(app).lastReport lists all)`);
  }
  return lines;
}

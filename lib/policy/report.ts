import { PolicyFinding, PolicyLevel } from './types';

/** One finding in {@link PolicyReportJson}: every field present, `null` where a value is absent. */
export interface PolicyFindingJson {
  /** The rule's id. */
  readonly ruleId: string;
  /** The level it was reported at (the rule's, or the one configured). */
  readonly level: PolicyLevel;
  /** Construct path (or `<file>: <object>` for output read from files). */
  readonly path: string;
  /** The object: `apps/v1/Deployment default/nginx`, or a Terraform address. */
  readonly resource: string;
  /** Field in the object; null for the whole object. */
  readonly field: string | null;
  /** What is wrong here. */
  readonly message: string;
  /** How to fix it (the rule's fix). */
  readonly fix: string;
  /** The suppression's reason, and where it was declared; null when the finding is not suppressed. */
  readonly suppressed: { readonly reason: string; readonly declaredAt: string } | null;
}

/** The JSON form of a {@link PolicyReport}. */
export interface PolicyReportJson {
  /** Counts: unsuppressed errors, unsuppressed warnings, and suppressed findings. */
  readonly summary: { readonly errors: number; readonly warnings: number; readonly suppressed: number };
  /** Every finding, suppressed ones included, in the order objects were checked. */
  readonly findings: readonly PolicyFindingJson[];
}

/** What the policy rules found: errors and warnings that count, and the suppressed ones with their reasons. */
export class PolicyReport {
  /** Every finding, suppressed ones included, in the order objects were checked. */
  public readonly findings: readonly PolicyFinding[];

  /** A report of `findings`. */
  constructor(findings: readonly PolicyFinding[]) {
    this.findings = findings;
  }

  /** Error-level findings that no suppression covers: these stop synth. */
  public get errors(): PolicyFinding[] {
    return this.findings.filter((f) => !f.suppressed && f.level === 'error');
  }

  /** Warning-level findings that no suppression covers. */
  public get warnings(): PolicyFinding[] {
    return this.findings.filter((f) => !f.suppressed && f.level === 'warning');
  }

  /** Findings covered by a suppression with a valid reason. */
  public get suppressed(): PolicyFinding[] {
    return this.findings.filter((f) => f.suppressed);
  }

  /** Whether nothing at error level remains. */
  public get ok(): boolean {
    return this.errors.length === 0;
  }

  /** `1 error, 2 warnings, 1 suppressed`. */
  public summary(): string {
    const n = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
    return `${n(this.errors.length, 'error')}, ${n(this.warnings.length, 'warning')}, ${this.suppressed.length} suppressed`;
  }

  /**
   * The report for people: errors, then warnings, then suppressed findings with their reasons, each as
   * `[level] RULE path (resource) field: message` and a `Fix:` line; a summary line last.
   */
  public toText(options: { includeSuppressed?: boolean } = {}): string {
    const shown = [...this.errors, ...this.warnings, ...(options.includeSuppressed === false ? [] : this.suppressed)];
    const lines = shown.flatMap((f) => formatFinding(f).split('\n'));
    lines.push(`Policy report: ${this.summary()}`);
    return lines.join('\n');
  }

  /** The report for tools. */
  public toJson(): PolicyReportJson {
    return {
      summary: { errors: this.errors.length, warnings: this.warnings.length, suppressed: this.suppressed.length },
      findings: this.findings.map((f) => ({
        ruleId: f.ruleId,
        level: f.level,
        path: f.path,
        resource: f.resource,
        field: f.field ?? null,
        message: f.message,
        fix: f.fix,
        suppressed: f.suppressed ? { reason: f.suppressed.reason, declaredAt: f.suppressed.declaredAt } : null,
      })),
    };
  }
}

/** One finding as two or three lines: the finding, its fix, and (suppressed) the reason. */
export function formatFinding(f: PolicyFinding): string {
  const tag = f.suppressed ? `suppressed ${f.level}` : f.level;
  // Objects read from files are named `<file>: <object>` already.
  const where = f.path.endsWith(f.resource) ? f.path : `${f.path} (${f.resource})`;
  const lines = [`[${tag}] ${f.ruleId} ${where}${f.field ? ` ${f.field}` : ''}: ${f.message}`, `  Fix: ${f.fix}`];
  if (f.suppressed) lines.push(`  Suppressed at ${f.suppressed.declaredAt}: ${f.suppressed.reason}`);
  return lines.join('\n');
}

// `npm run diff`: what deploying the synthesized Terraform would change, for review in CI, as synth reports it:
// per resource created, updated in place, replaced (with the arguments that force it) or destroyed, with a
// warning for each cluster, node group, volume or instance replaced or destroyed and an error for each protected
// resource (lifecycle.prevent_destroy) replaced or destroyed.
//
//   npm run diff -- <previous> [<next>] [--strict] [--json]
//       <previous>, <next>: a cdk.tf.json, a stack directory (stacks/<stack>) or an output directory (cdktf.out,
//       compared stack by stack); <next> defaults to $CDKTF_OUTDIR, else cdktf.out
//   npm run diff -- --plan <plan.json> [--config <cdk.tf.json or directory>]... [--stack <name>] [--strict] [--json]
//       <plan.json>: `terraform show -json <planfile>`; --config: the configurations the plan was made from
//       (and the previous ones), which say which resources are protected and their construct paths
//
// Exit codes: 0 nothing protected is replaced or destroyed; 1 a protected resource would be replaced or
// destroyed (with --strict, also any cluster, node group, volume or instance); 2 bad arguments or input that
// cannot be read.
import * as fs from 'fs';
import * as path from 'path';
import {
  assessChanges,
  changesFromPlan,
  diffStacks,
  displayPath,
  formatChangeReport,
  InfraChangeReport,
  readStacks,
} from '../lib/checks/terraform-diff';
import { ValidationError } from '../lib/model/errors';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type TfJson = Record<string, any>;

/** What `npm run diff` compares. */
export interface DiffOptions {
  /**
   * The previous configuration (file, stack directory or output directory).
   * @default - none (then `plan` is needed)
   */
  readonly previous?: string;
  /** The new configuration. @default $CDKTF_OUTDIR, else 'cdktf.out' */
  readonly next?: string;
  /**
   * A plan in JSON (`terraform show -json`), instead of `previous`.
   * @default - none
   */
  readonly plan?: string;
  /**
   * Configurations that say which of the plan's resources are protected (and their construct paths).
   * @default - none: nothing in the plan counts as protected
   */
  readonly configs?: readonly string[];
  /** The stack name the plan's report is under. @default the only stack of `configs`, else 'plan' */
  readonly stack?: string;
  /**
   * Fail (exit 1) on warnings about clusters, node groups, volumes and instances too.
   * @default false
   */
  readonly strict?: boolean;
}

/** What `npm run diff` found. */
export interface DiffResult {
  readonly report: InfraChangeReport;
  readonly warnings: readonly { readonly path: string; readonly message: string }[];
  readonly errors: readonly ValidationError[];
  /** The exit code: 0, or 1 when an error (or, strict, a warning about a guarded resource) was found. */
  readonly exitCode: 0 | 1;
}

class InputError extends Error {}

function readJson(file: string): TfJson {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(`cannot read ${file}: ${(e as Error).message}`);
  }
  try {
    const doc = JSON.parse(text) as unknown;
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new Error('not a JSON object');
    return doc as TfJson;
  } catch (e) {
    throw new InputError(`${file} is not a JSON object: ${(e as Error).message}`);
  }
}

/** A configuration read from a path; `named` when its stack name comes from `stacks/<stack>/` or a stack directory. */
interface StackAt {
  readonly doc: TfJson;
  readonly file: string;
  readonly named: boolean;
}

/** The stacks a path holds: an output directory's, a stack directory's one, or a file's one. */
export function stacksAt(p: string): Map<string, StackAt> {
  const out = new Map<string, StackAt>();
  if (!fs.existsSync(p)) throw new InputError(`${p} does not exist`);
  if (fs.statSync(p).isDirectory()) {
    if (fs.existsSync(path.join(p, 'stacks'))) {
      const { stacks, unreadable } = readStacks(p);
      if (unreadable.length) throw new InputError(`not valid JSON: ${unreadable.join(', ')}`);
      for (const [name, doc] of stacks) out.set(name, { doc, file: path.join(p, 'stacks', name, 'cdk.tf.json'), named: true });
      if (!out.size) throw new InputError(`${p}/stacks holds no <stack>/cdk.tf.json`);
      return out;
    }
    const file = path.join(p, 'cdk.tf.json');
    if (!fs.existsSync(file)) throw new InputError(`${p} holds neither stacks/ nor cdk.tf.json`);
    out.set(path.basename(path.resolve(p)), { doc: readJson(file), file, named: true });
    return out;
  }
  const dir = path.dirname(path.resolve(p));
  const inStacks = path.basename(path.dirname(dir)) === 'stacks';
  const name = inStacks ? path.basename(dir) : path.basename(p).replace(/(\.cdk)?\.tf\.json$|\.json$/, '') || path.basename(dir);
  out.set(name, { doc: readJson(p), file: p, named: inStacks });
  return out;
}

/** Compares as the options say (throws InputError on unreadable input). */
export function runDiff(options: DiffOptions): DiffResult {
  let report: InfraChangeReport;
  let docs: { previous?: Record<string, TfJson>; next?: Record<string, TfJson> } = {};
  if (options.plan) {
    const configs = (options.configs ?? []).flatMap((c) => [...stacksAt(c).entries()]);
    const names = [...new Set(configs.map(([name]) => name))];
    const stack = options.stack ?? (names.length === 1 ? names[0] : 'plan');
    let single;
    try {
      single = changesFromPlan(readJson(options.plan), { stack, against: displayPath(options.plan), configs: configs.map(([, c]) => c.doc) });
    } catch (e) {
      if (e instanceof InputError) throw e;
      throw new InputError(`${options.plan}: ${(e as Error).message}`);
    }
    report = { stacks: [single] };
  } else {
    if (!options.previous) throw new InputError('name the previous configuration (a cdk.tf.json, a stack directory or an output directory), or a plan with --plan');
    const previous = stacksAt(options.previous);
    const next = stacksAt(options.next ?? process.env.CDKTF_OUTDIR ?? 'cdktf.out');
    // One stack on each side: compare them whatever their names, under the name a stack directory gave.
    if (previous.size === 1 && next.size === 1 && !next.has([...previous.keys()][0])) {
      const [[prevName, prev]] = [...previous];
      const [[nextName, nxt]] = [...next];
      const name = nxt.named || !prev.named ? nextName : prevName;
      previous.clear();
      next.clear();
      previous.set(name, prev);
      next.set(name, nxt);
    }
    const prevDocs = new Map([...previous].map(([n, s]) => [n, s.doc]));
    const nextDocs = new Map([...next].map(([n, s]) => [n, s.doc]));
    report = diffStacks(prevDocs, nextDocs, (stack) => displayPath(previous.get(stack)!.file));
    docs = { previous: Object.fromEntries(prevDocs), next: Object.fromEntries(nextDocs) };
  }
  const { warnings, errors } = assessChanges(report, docs);
  const guardedWarnings = report.stacks.some((s) => s.changes.some((c) => c.kind && !c.protected && (c.action === 'replace' || c.action === 'destroy')));
  return { report, warnings, errors, exitCode: errors.length || (options.strict && guardedWarnings) ? 1 : 0 };
}

/** The result as text, one line each. */
export function formatDiffResult(result: DiffResult): string[] {
  const lines = formatChangeReport(result.report);
  if (!lines.length) lines.push('no changes');
  for (const w of result.warnings) lines.push(`warning ${w.path}: ${w.message}`);
  for (const e of result.errors) lines.push(`error ${e.message}`);
  return lines;
}

const USAGE = `Usage:
  npm run diff -- <previous> [<next>] [--strict] [--json]
  npm run diff -- --plan <plan.json> [--config <cdk.tf.json or directory>]... [--stack <name>] [--strict] [--json]
Exit codes: 0 nothing protected is replaced or destroyed; 1 a protected resource would be (with --strict, also
any cluster, node group, volume or instance); 2 bad arguments or unreadable input.`;

/** The command line; returns the exit code. */
export function main(argv: readonly string[], log: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): number {
  const positional: string[] = [];
  const configs: string[] = [];
  let plan: string | undefined;
  let stack: string | undefined;
  let strict = false;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string | undefined => (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--') ? argv[++i] : undefined);
    if (a === '--strict') strict = true;
    else if (a === '--json') json = true;
    else if (a === '--plan' || a === '--config' || a === '--stack') {
      const v = value();
      if (v === undefined) {
        log(`diff: ${a} needs a value\n${USAGE}`);
        return 2;
      }
      if (a === '--plan') plan = v;
      else if (a === '--config') configs.push(v);
      else stack = v;
    } else if (a === '--help' || a === '-h') {
      log(USAGE);
      return 0;
    } else if (a.startsWith('--')) {
      log(`diff: unknown option ${a}\n${USAGE}`);
      return 2;
    } else positional.push(a);
  }
  if (plan ? positional.length > 0 : positional.length === 0 || positional.length > 2) {
    log(`diff: ${plan ? 'a plan is compared on its own; pass configurations with --config' : 'name the previous configuration (and optionally the next)'}\n${USAGE}`);
    return 2;
  }
  // npm runs scripts in the package's directory; paths on the command line are the caller's (INIT_CWD).
  const at = (p: string | undefined): string | undefined => (p === undefined ? undefined : path.resolve(process.env.INIT_CWD ?? process.cwd(), p));
  let result: DiffResult;
  try {
    result = runDiff({ previous: at(positional[0]), next: at(positional[1]), plan: at(plan), configs: configs.map((c) => at(c)!), stack, strict });
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    log(`diff: ${e.message}`);
    return 2;
  }
  if (json) {
    log(
      JSON.stringify(
        {
          ok: result.exitCode === 0,
          report: result.report,
          warnings: result.warnings,
          errors: result.errors.map((e) => ({ path: e.path, field: e.field, value: e.value, rule: e.rule, fix: e.fix })),
        },
        null,
        2,
      ),
    );
  } else {
    for (const line of formatDiffResult(result)) log(line);
  }
  return result.exitCode;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));

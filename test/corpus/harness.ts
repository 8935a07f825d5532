// The bad-input corpus (issue 6 §6): tables of inputs that must be refused, each with the construct path,
// field and rule of the error, run so that a refused program never leaves output behind.
//
// Add a file `test/corpus/<area>.corpus.test.ts` with a table of cases and call `runCorpus(title, cases, n)`:
//   - ConstructCase: `build(app)` declares a program on a fresh PlatformApp (outdir and k8sOutdir in an empty
//     temporary directory); the harness runs it and `app.synth()`, and expects a ValidationError (alone or in
//     a ValidationErrors) thrown by either, then that the temporary directory is still empty.
//   - ModelCase: `run()` calls a lib/model validator directly; it writes nothing.
// Both assert the exact path and field, the rule (a RegExp against `error.rule`), a fix that is a sentence,
// and a message without `undefined` or stack-trace text.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PlatformApp, PlatformAppProps, ValidationError, ValidationErrors } from '../../lib';
import { withEnv } from '../helpers';

/** What every case expects of the error. */
interface Expected {
  /** Unique within its file; the test's name. */
  readonly name: string;
  /** Exact construct path (`error.path`), e.g. `c/web`. */
  readonly path: string;
  /** Exact field (`error.field`), e.g. `rollingUpdate.maxSurge`. */
  readonly field: string;
  /** Matched against `error.rule`. */
  readonly rule: RegExp;
  /**
   * Environment variables set (a string) or removed (undefined) while the case runs, restored afterwards:
   * for props that name environment variables (RegistryCredentials.passwordEnv, TLS keys, ...).
   */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Extra assertions on the error (e.g. that a secret is not echoed). */
  readonly also?: (error: ValidationError) => void;
}

/** A program on a PlatformApp that must be refused, at construction or at synth. */
export interface ConstructCase extends Expected {
  build(app: PlatformApp): void;
  /** More PlatformApp props (e.g. `infraOutputs`, `policies`); the output directories are always the harness's. */
  readonly appProps?: Omit<PlatformAppProps, 'outdir' | 'k8sOutdir'>;
}

/** A call of a pure lib/model validator that must be refused. */
export interface ModelCase extends Expected {
  run(): void;
}

export type CorpusCase = ConstructCase | ModelCase;

// A stack frame as Node prints it ("    at fn (file.js:1:2)"), or a path into a dependency.
const STACK_TEXT = /^\s+at .+(:\d+:\d+\)?|\(native\)|<anonymous>)$/m;
const DEPENDENCY_TEXT = /node_modules|\.js:\d+:\d+/;

/** Runs one case and checks the error and the output directories; returns the error for extra assertions. */
export function runCase(c: CorpusCase): ValidationError {
  return withEnv(c.env ?? {}, () => {
    const error = 'build' in c ? runConstructCase(c) : runModelCase(c);
    c.also?.(error);
    return error;
  });
}

function runConstructCase(c: ConstructCase): ValidationError {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nks-corpus-'));
  try {
    let thrown: unknown;
    try {
      const app = new PlatformApp({ log: () => {}, ...c.appProps, outdir: path.join(tmp, 'cdktf.out'), k8sOutdir: path.join(tmp, 'dist') });
      c.build(app);
      app.synth();
    } catch (e) {
      thrown = e;
    }
    const error = pick(c, thrown);
    // Nothing half-written: neither output directory, nor anything else, exists after the refusal.
    expect(fs.readdirSync(tmp)).toEqual([]);
    return error;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function runModelCase(c: ModelCase): ValidationError {
  let thrown: unknown;
  try {
    c.run();
  } catch (e) {
    thrown = e;
  }
  return pick(c, thrown);
}

/** The ValidationError at the case's path and field, with every check of its shape. */
function pick(c: Expected, thrown: unknown): ValidationError {
  if (thrown === undefined) throw new Error(`${c.name}: accepted (nothing was thrown); expected a ValidationError at [${c.path}] ${c.field}`);
  if (!(thrown instanceof ValidationError) && !(thrown instanceof ValidationErrors)) {
    const e = thrown as Error;
    throw new Error(`${c.name}: expected a ValidationError at [${c.path}] ${c.field}, got ${e?.name ?? typeof thrown}: ${e?.message ?? String(thrown)}`);
  }
  const all = thrown instanceof ValidationErrors ? thrown.errors : [thrown];
  const error = all.find((e) => e.path === c.path && e.field === c.field);
  if (!error) {
    const found = all.map((e) => `[${e.path}] ${e.field}: ${e.rule}`).join('\n  ');
    throw new Error(`${c.name}: no error at [${c.path}] ${c.field}; found:\n  ${found}`);
  }
  expect(error).toBeInstanceOf(ValidationError);
  expect(error.path).toBe(c.path);
  expect(error.field).toBe(c.field);
  expect(error.rule).toMatch(c.rule);
  expectSentence(error.rule);
  expectSentence(error.fix);
  expect(error.fix).not.toBe('see the rule');
  for (const message of new Set([error.message, (thrown as Error).message])) {
    expect(message).not.toMatch(/\bundefined\b/);
    expect(message).not.toMatch(/\[object Object\]/);
    expect(message).not.toMatch(STACK_TEXT);
    expect(message).not.toMatch(DEPENDENCY_TEXT);
  }
  return error;
}

/** People read it: words (at least a verb and what to do: "use 1"), not empty, not a placeholder. */
function expectSentence(text: string): void {
  expect(typeof text).toBe('string');
  expect(text.trim().length).toBeGreaterThanOrEqual(5);
  expect(text).toMatch(/[A-Za-z]{3,}\s+\S/);
}


/**
 * Declares the tests of one corpus file: one test per case (test.each over the table), and a meta-test
 * that the table has at least `minCases` entries with unique names.
 */
export function runCorpus(title: string, cases: readonly CorpusCase[], minCases: number): void {
  describe(title, () => {
    test(`the table holds at least ${minCases} cases with unique names`, () => {
      expect(cases.length).toBeGreaterThanOrEqual(minCases);
      const names = cases.map((c) => c.name);
      const duplicates = names.filter((n, i) => names.indexOf(n) !== i);
      expect(duplicates).toEqual([]);
    });
    test.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      runCase(c);
    });
  });
}

// Runs one generated program on a fresh PlatformApp in a temporary directory and classifies what happened:
//   output      synth wrote both outputs, and nothing in them (or in the log) reads `undefined`, `NaN`,
//               `Infinity` or `[object Object]`
//   invalid     a ValidationError (alone or in ValidationErrors), each with a path, field, rule and fix that
//               are sentences, not marked unexpected, and nothing written
//   policy      a PolicyViolationError, nothing written
//   raw         anything else: another error type, an unexpected ValidationError (a dependency's error
//               wrapped), an error without its fields, files written by a refused synth, or bad text in output
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PlatformApp, PolicyViolationError, ValidationError, ValidationErrors } from '../../lib';
import { build, Program } from './program';

export type Outcome = 'output' | 'invalid' | 'policy' | 'raw';

export interface CaseResult {
  readonly outcome: Outcome;
  /** For `raw`: what went wrong, first line first (the key distinct failures are counted by). */
  readonly detail?: string;
  /** For `invalid`: the rules of the errors, for the tally. */
  readonly rules?: readonly string[];
}

// Text that means a value was lost or mis-rendered on the way into a file or a message.
const BAD_TEXT = /\bundefined\b|\bNaN\b|\[object Object\]|(?<![\w.])-?Infinity\b|\.nan\b|\.inf\b/;

// The Gateway API CRDs are upstream's files as vendored; their descriptions are prose ("purposely left undefined").
const VENDORED = /gateway-api-crds\.k8s\.yaml$/;

function readAll(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
    .map((f) => path.join(dir, f))
    .filter((f) => fs.statSync(f).isFile() && !VENDORED.test(f))
    .map((f) => `${path.relative(dir, f)}\n${fs.readFileSync(f, 'utf8')}`);
}

// In an error's text, NaN and Infinity may be the value the program gave; `undefined` and `[object Object]` never are.
const BAD_ERROR_TEXT = /\bundefined\b|\[object Object\]/;

function checkProblem(e: ValidationError): string | undefined {
  if (e.unexpected) return `unexpected error at ${e.path}: ${e.message.split('\n')[0]} <- ${String((e as { cause?: unknown }).cause).split('\n')[0]}`;
  for (const f of ['path', 'field', 'rule', 'fix'] as const) {
    const v = e[f];
    if (typeof v !== 'string' || !v.trim()) return `ValidationError without ${f}: ${e.message.split('\n')[0]}`;
    if (BAD_ERROR_TEXT.test(v)) return `ValidationError ${f} reads "${v.match(BAD_ERROR_TEXT)![0]}": ${v}`;
  }
  return undefined;
}

/** Runs `program`; never throws. */
export function runCase(program: Program): CaseResult {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nks-fuzz-'));
  const log: string[] = [];
  try {
    let thrown: unknown;
    try {
      const app = new PlatformApp({ outdir: path.join(tmp, 'cdktf.out'), k8sOutdir: path.join(tmp, 'dist'), log: (l) => log.push(l) });
      build(app, program);
      app.synth();
    } catch (e) {
      thrown = e;
    }
    if (thrown === undefined) {
      for (const text of [...readAll(tmp), ...log]) {
        const m = text.match(BAD_TEXT);
        if (m) {
          const line = text.split('\n').find((l) => BAD_TEXT.test(l)) ?? '';
          return { outcome: 'raw', detail: `output reads "${m[0]}": ${text.split('\n')[0]}: ${line.trim().slice(0, 200)}` };
        }
      }
      return { outcome: 'output' };
    }
    const written = fs.readdirSync(tmp);
    if (written.length) return { outcome: 'raw', detail: `a refused synth left ${written.join(', ')}: ${String(thrown).split('\n')[0]}` };
    if (thrown instanceof PolicyViolationError) return { outcome: 'policy' };
    const errors = thrown instanceof ValidationErrors ? thrown.errors : thrown instanceof ValidationError ? [thrown] : undefined;
    if (!errors) {
      const e = thrown as Error;
      return { outcome: 'raw', detail: `${e?.constructor?.name ?? typeof thrown}: ${String(e?.message ?? thrown).split('\n')[0]}\n${String(e?.stack ?? '').split('\n').slice(1, 6).join('\n')}` };
    }
    if (!errors.length) return { outcome: 'raw', detail: 'ValidationErrors with no errors' };
    for (const e of errors) {
      const problem = checkProblem(e);
      if (problem) return { outcome: 'raw', detail: problem };
    }
    return { outcome: 'invalid', rules: errors.map((e) => e.rule) };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

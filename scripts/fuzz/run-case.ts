// Runs one generated program and classifies how it ended. The only acceptable ends are output that passed
// synth's own strict checks (and holds no `undefined`, `[object Object]` or `NaN`), a ValidationError (or
// ValidationErrors) whose every error has path, field, rule and fix, not flagged `unexpected`, or a
// PolicyViolationError. Anything else, including an OutputCheckError (the output checks caught what the
// constructs should have refused), is a raw error: a defect.
import * as fs from 'fs';
import * as path from 'path';
import { PlatformApp, ValidationError, ValidationErrors, PolicyViolationError } from '../../lib';
import type { FuzzCase } from './case';

export type Outcome =
  | { readonly kind: 'output' }
  | { readonly kind: 'validation'; readonly count: number }
  | { readonly kind: 'policy' }
  | { readonly kind: 'raw'; readonly reason: string };

const BAD_TEXT = /\bundefined\b|\[object Object\]|\bNaN\b/;

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : [p];
  });
}

function badError(e: ValidationError): string | undefined {
  if (e.unexpected) return `unexpected error: ${e.message}`;
  for (const f of ['path', 'field', 'rule', 'fix'] as const) {
    const v = e[f];
    if (typeof v !== 'string' || v.trim() === '') return `ValidationError without ${f}: ${e.message}`;
  }
  if (BAD_TEXT.test(`${e.rule} ${e.fix}`)) return `ValidationError text holds undefined/[object Object]/NaN: ${e.message}`;
  return undefined;
}

/** Synthesizes `c` into `dir` (created and removed here) and says how it ended. */
export function runCase(c: FuzzCase, dir: string): Outcome {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  try {
    const app = new PlatformApp({ outdir: path.join(dir, 'cdktf.out'), k8sOutdir: path.join(dir, 'dist'), log: () => undefined });
    c.build(app);
    app.synth();
    for (const file of walk(dir)) {
      if (!/\.(json|ya?ml)$/.test(file)) continue;
      const text = fs.readFileSync(file, 'utf8');
      const m = BAD_TEXT.exec(text);
      if (m) return { kind: 'raw', reason: `${path.relative(dir, file)} holds "${m[0]}"` };
    }
    return { kind: 'output' };
  } catch (error) {
    if (error instanceof ValidationErrors) {
      for (const e of error.errors) {
        const bad = badError(e);
        if (bad) return { kind: 'raw', reason: bad };
      }
      return { kind: 'validation', count: error.errors.length };
    }
    if (error instanceof ValidationError) {
      const bad = badError(error);
      return bad ? { kind: 'raw', reason: bad } : { kind: 'validation', count: 1 };
    }
    if (error instanceof PolicyViolationError) return { kind: 'policy' };
    const e = error as Error;
    return { kind: 'raw', reason: `${e?.name ?? typeof error}: ${e?.message ?? String(error)}\n${e?.stack ?? ''}` };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// The edit-synth loop with nothing changed: `npm run synth` (bindings and compile checks, then the program,
// scripts/build.js) against the program alone (`node build/examples/platform/main.js`), paired runs, wall time.
// Target (issue 14): at most 1.5x.
import { spawnSync } from 'child_process';
import * as path from 'path';
import { median } from './stats';

const ROOT = path.resolve(__dirname, '..', '..');

function wallMs(cmd: string, args: string[]): number {
  const started = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'ignore', env: { ...process.env, CHECKPOINT_DISABLE: '1' } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status ?? r.signal}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

export interface LoopResult {
  readonly synthMs: number;
  readonly programMs: number;
  readonly ratio: number;
  readonly repeats: number;
}

export function editSynthLoop(repeats: number): LoopResult {
  const program = path.join('build', 'examples', 'platform', 'main.js');
  wallMs('npm', ['run', '--silent', 'synth']); // brings bindings and build up to date
  const synth: number[] = [];
  const alone: number[] = [];
  for (let i = 0; i < repeats; i++) {
    synth.push(wallMs('npm', ['run', '--silent', 'synth']));
    alone.push(wallMs(process.execPath, [program]));
  }
  const synthMs = median(synth);
  const programMs = median(alone);
  return { synthMs, programMs, ratio: synthMs / programMs, repeats };
}

export function formatLoop(r: LoopResult): string {
  return (
    `edit-synth loop, nothing changed (median of ${r.repeats} paired runs, wall): npm run synth ${r.synthMs.toFixed(0)} ms, ` +
    `the program alone ${r.programMs.toFixed(0)} ms: ${r.ratio.toFixed(2)}x (target <= 1.5x: ${r.ratio <= 1.5 ? 'met' : 'not met'})`
  );
}

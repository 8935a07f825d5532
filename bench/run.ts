// Runs bench cases in child processes and collects their measurements.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { ChildResult, RESULT_MARK } from './child';
import { Run } from './plan';

/** One child's report plus the wall time the parent saw (process spawn to exit). */
export interface Sample extends ChildResult {
  readonly wallMs: number;
}

/** Options of {@link runOnce}. */
export interface RunOptions {
  /** Extra node flags, e.g. `--cpu-prof`. */
  readonly nodeFlags?: readonly string[];
  /** Working directory of the child (CPU profiles land here by default). */
  readonly cwd?: string;
}

/** Runs one case in a fresh node process, into a fresh temporary directory it removes afterwards. */
export function runOnce(run: Run, options: RunOptions = {}): Sample {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `nks-bench-${run.case}-`));
  try {
    const start = performance.now();
    const child = spawnSync(process.execPath, [...(options.nodeFlags ?? []), path.join(__dirname, 'child.js'), run.case, String(run.n), outdir], {
      cwd: options.cwd,
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
      // The cdktf and cdk8s CLIs are not involved, but keep anything that might phone home quiet.
      env: { ...process.env, CHECKPOINT_DISABLE: '1' },
    });
    const wallMs = performance.now() - start;
    const line = child.stdout?.split('\n').find((l) => l.startsWith(RESULT_MARK));
    if (child.status !== 0 || !line) {
      throw new Error(`bench case ${run.case} n=${run.n} failed (exit ${child.status ?? child.signal}):\n${child.stderr}`);
    }
    return { ...(JSON.parse(line.slice(RESULT_MARK.length)) as ChildResult), wallMs };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

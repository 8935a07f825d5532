// Runs one bench case in this process and prints its measurements as one line on stdout. Each case gets a
// process of its own so that peak memory (maxRSS) is the case's alone and no JIT or cache state carries over.
//   node build/bench/child.js <case> <n> <outdir>
import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { CaseRun } from './cases/case';
import { CaseId } from './plan';

/** Prefix of the result line (a case may print other lines). */
export const RESULT_MARK = 'BENCH-RESULT ';

/** What one child reports. Times in milliseconds from the process's own clock. */
export interface ChildResult {
  /** Node startup until the case module starts loading. */
  readonly startupMs: number;
  /** Loading the case module and what it imports (nks-cdk, cdk8s, cdktf, ...). */
  readonly loadMs: number;
  /** Building the constructs and synthesizing: the work that grows with n. */
  readonly runMs: number;
  /** CPU time (user + system, all threads) of the same phase: steadier than runMs on a busy machine. */
  readonly cpuMs: number;
  /** CPU time of the whole process until the case is done: startup, loading and the run. */
  readonly processCpuMs: number;
  /** Peak resident memory of the process, MiB. */
  readonly maxRssMb: number;
  /** Files, bytes, and objects written (YAML documents + Terraform resources and data sources). */
  readonly files: number;
  readonly bytes: number;
  readonly objects: number;
}

type CaseModule = { run: CaseRun };
// A require() per case, called only for the case this child runs, so it loads only that case's dependencies.
/* eslint-disable @typescript-eslint/no-require-imports */
const LOADERS: Readonly<Record<CaseId, () => CaseModule>> = {
  nks: () => require('./cases/nks-web-apps') as CaseModule,
  plus: () => require('./cases/plus-web-apps') as CaseModule,
  yaml: () => require('./cases/yaml-web-apps') as CaseModule,
  platform: () => require('./cases/platform') as CaseModule,
  cdktf: () => require('./cases/cdktf-trivial') as CaseModule,
};
/* eslint-enable @typescript-eslint/no-require-imports */

function main(): void {
  const [id, n, outdir] = process.argv.slice(2);
  const load = LOADERS[id as CaseId];
  if (!load || !/^\d+$/.test(n ?? '') || !outdir) throw new Error(`usage: child.js <${Object.keys(LOADERS).join('|')}> <n> <outdir>`);
  const t0 = performance.now();
  const { run } = load();
  const t1 = performance.now();
  const cpu = process.cpuUsage();
  run(Number(n), outdir);
  const t2 = performance.now();
  const { user, system } = process.cpuUsage(cpu);
  const total = process.cpuUsage();
  const result: ChildResult = {
    startupMs: t0,
    loadMs: t1 - t0,
    runMs: t2 - t1,
    cpuMs: (user + system) / 1000,
    processCpuMs: (total.user + total.system) / 1000,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    ...countOutput(outdir),
  };
  process.stdout.write(`${RESULT_MARK}${JSON.stringify(result)}\n`);
}

/** Counts what a case wrote, so the table shows the cases did the same work. */
function countOutput(dir: string): { files: number; bytes: number; objects: number } {
  let files = 0;
  let bytes = 0;
  let objects = 0;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const text = fs.readFileSync(file, 'utf8');
    files++;
    bytes += Buffer.byteLength(text);
    if (entry.name.endsWith('.yaml')) objects += text.split(/^---$/m).filter((doc) => doc.trim()).length;
    if (entry.name === 'cdk.tf.json') {
      const tf = JSON.parse(text) as { resource?: Record<string, object>; data?: Record<string, object> };
      for (const byType of [tf.resource, tf.data]) for (const named of Object.values(byType ?? {})) objects += Object.keys(named).length;
    }
  }
  return { files, bytes, objects };
}

if (require.main === module) {
  main();
}

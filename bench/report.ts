// Turns the samples of `npm run bench` into the table, the ratios and the PASS/MISS lines of the targets.
//
// The targets are judged on CPU time, with the wall-time ratio printed beside: on a shared 2-core machine
// other processes stretch wall time by tens of percent from one run to the next, while the CPU time a case
// needs stays within a few percent. Wall time is still measured and shown (it is what a user waits for).
import * as os from 'os';
import { CASE_LABELS, Run, runKey } from './plan';
import { Sample } from './run';
import { median, spread } from './stats';

/** The medians of one run's samples. */
export interface CaseSummary {
  readonly key: string;
  readonly case: Run['case'];
  readonly n: number;
  readonly label: string;
  readonly repeats: number;
  /** Build + synth, wall clock. */
  readonly runMs: number;
  /** Build + synth, CPU time. */
  readonly runCpuMs: number;
  /** (max − min) / median of runCpuMs over the repeats. */
  readonly runCpuSpread: number;
  readonly loadMs: number;
  /** The whole process: CPU time, and wall time from spawn to exit. */
  readonly processCpuMs: number;
  readonly wallMs: number;
  readonly maxRssMb: number;
  readonly objects: number;
  readonly bytes: number;
  readonly samples: readonly Sample[];
}

/** A target of issue 6 and whether this run met it. */
export interface TargetResult {
  readonly target: string;
  /** The ratio judged (CPU time). */
  readonly value: number;
  /** The same ratio in wall time, for comparison. */
  readonly wallValue?: number;
  readonly limit: number;
  readonly pass: boolean;
}

/** Everything `npm run bench` found; written as bench/results.json. */
export interface BenchResults {
  readonly date: string;
  readonly machine: {
    readonly cpu: string;
    readonly cpus: number;
    readonly memoryGb: number;
    readonly node: string;
    readonly platform: string;
    /** 1-minute load average before and after the run. */
    readonly load: readonly number[];
  };
  readonly repeats: number;
  readonly cases: readonly CaseSummary[];
  /** Wall time of `cdktf synth` (the CLI) per program, median, when measured. */
  readonly cli?: { readonly platformMs: number; readonly cdktfMs: number; readonly repeats: number };
  readonly targets: readonly TargetResult[];
}

/** Medians per run over its samples. */
export function summarize(run: Run, samples: readonly Sample[]): CaseSummary {
  const pick = (f: (s: Sample) => number): number[] => samples.map(f);
  const outputs = new Set(samples.map((s) => `${s.objects}/${s.bytes}`));
  // The same program must write the same output every time; anything else makes the figures meaningless.
  if (outputs.size !== 1) throw new Error(`${runKey(run)} wrote different output across repeats: ${[...outputs].join(', ')}`);
  return {
    key: runKey(run),
    case: run.case,
    n: run.n,
    label: CASE_LABELS[run.case],
    repeats: samples.length,
    runMs: median(pick((s) => s.runMs)),
    runCpuMs: median(pick((s) => s.cpuMs)),
    runCpuSpread: spread(pick((s) => s.cpuMs)),
    loadMs: median(pick((s) => s.loadMs)),
    processCpuMs: median(pick((s) => s.processCpuMs)),
    wallMs: median(pick((s) => s.wallMs)),
    maxRssMb: median(pick((s) => s.maxRssMb)),
    objects: samples[0].objects,
    bytes: samples[0].bytes,
    samples,
  };
}

/** Whole-process limits of nks-cdk against cdk8s-plus-28 by number of apps (issue 14). */
const WHOLE_PROCESS_LIMITS: ReadonlyArray<readonly [number, number]> = [
  [1000, 1.0],
  [10000, 0.9],
];

/**
 * Evaluates the targets of issues 6 and 14 on the summaries. The sizes are 1k and 10k; with other sizes the
 * scaling target keeps its meaning, 10% above linear from the smallest to the largest size.
 */
export function targets(cases: readonly CaseSummary[], sizes: readonly number[], cli?: BenchResults['cli']): TargetResult[] {
  const get = (key: string): CaseSummary => {
    const found = cases.find((c) => c.key === key);
    if (!found) throw new Error(`no bench figures for ${key}`);
    return found;
  };
  const results: TargetResult[] = [];
  const check = (target: string, value: number, limit: number, wallValue?: number): void => {
    results.push({ target, value, wallValue, limit, pass: value <= limit });
  };
  for (const n of sizes) {
    const [nks, plus] = [get(`nks@${n}`), get(`plus@${n}`)];
    check(`nks-cdk ≤ 1.0x cdk8s-plus-28, validation included (${apps(n)} apps; build + synth)`, nks.runCpuMs / plus.runCpuMs, 1.0, nks.runMs / plus.runMs);
  }
  // Issue 14: the same comparison the way a user runs a program, node start to exit (module loading included).
  for (const [n, limit] of WHOLE_PROCESS_LIMITS) {
    if (!sizes.includes(n)) continue;
    const [nks, plus] = [get(`nks@${n}`), get(`plus@${n}`)];
    check(`nks-cdk ≤ ${limit.toFixed(1)}x cdk8s-plus-28, validation included (${apps(n)} apps; whole process)`, nks.processCpuMs / plus.processCpuMs, limit, nks.wallMs / plus.wallMs);
  }
  const [small, large] = [Math.min(...sizes), Math.max(...sizes)];
  if (large > small) {
    const limit = Math.round(1.1 * (large / small) * 100) / 100;
    const [s, l] = [get(`nks@${small}`), get(`nks@${large}`)];
    check(`nks-cdk ${apps(large)} apps ≤ ${limit}x ${apps(small)} apps (build + synth)`, l.runCpuMs / s.runCpuMs, limit, l.runMs / s.runMs);
  }
  const [platform, cdktf] = [get('platform@1'), get('cdktf@1')];
  check('example platform ≤ 1.5x trivial cdktf synth (the programs, whole process)', platform.processCpuMs / cdktf.processCpuMs, 1.5, platform.wallMs / cdktf.wallMs);
  if (cli) check('example platform ≤ 1.5x trivial cdktf synth (through the `cdktf synth` CLI; wall only)', cli.platformMs / cli.cdktfMs, 1.5);
  return results;
}

/** 1000 → "1k", 250 → "250". */
function apps(n: number): string {
  return n % 1000 === 0 ? `${n / 1000}k` : String(n);
}

/** Facts about the machine, printed with the figures; `load` holds the load averages seen so far. */
export function machine(load: readonly number[]): BenchResults['machine'] {
  const cpus = os.cpus();
  return { cpu: cpus[0]?.model ?? 'unknown', cpus: cpus.length, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.arch()}`, load };
}

/** The results as the text `npm run bench` prints. */
export function formatResults(results: BenchResults): string {
  const m = results.machine;
  const lines = [`nks-cdk bench — ${m.cpus} × ${m.cpu}, ${m.memoryGb} GB, node ${m.node}, ${m.platform}; median of ${results.repeats} runs, each in its own process`];
  if (Math.max(...m.load) > m.cpus) lines.push(`note: the machine was busy (load average ${m.load.map((l) => l.toFixed(1)).join(' → ')} on ${m.cpus} CPUs): wall times are inflated; the targets use CPU time.`);
  lines.push('');
  const header = ['case', 'apps', 'run ms', 'run CPU ms', '±', 'load ms', 'process CPU ms', 'process wall ms', 'peak RSS MB', 'objects', 'output KB'];
  const rows = results.cases.map((c) => [
    c.label,
    c.case === 'platform' || c.case === 'cdktf' ? '' : c.n.toLocaleString('en-US'),
    c.runMs.toFixed(0),
    c.runCpuMs.toFixed(0),
    `${(c.runCpuSpread * 100).toFixed(0)}%`,
    c.loadMs.toFixed(0),
    c.processCpuMs.toFixed(0),
    c.wallMs.toFixed(0),
    c.maxRssMb.toFixed(0),
    String(c.objects),
    (c.bytes / 1024).toFixed(0),
  ]);
  lines.push(...table(header, rows), '');
  lines.push('run: building the constructs and synthesizing (wall and CPU time); ±: (max − min) / median of run CPU over the repeats;');
  lines.push('load: importing the libraries; process: node start to exit (the CPU time of the process, the wall time the parent saw).', '');
  lines.push(...ratios(results), '');
  if (results.cli) lines.push(`\`cdktf synth\` CLI, median of ${results.cli.repeats}: example platform ${results.cli.platformMs.toFixed(0)} ms, trivial program ${results.cli.cdktfMs.toFixed(0)} ms`, '');
  lines.push('targets (issues 6 and 14), judged on CPU time:');
  for (const t of results.targets) {
    const wall = t.wallValue === undefined ? '' : `; wall ${t.wallValue.toFixed(2)}x`;
    lines.push(`  ${t.pass ? 'PASS' : 'MISS'}  ${t.target}: ${t.value.toFixed(2)}x (limit ${t.limit}x${wall})`);
  }
  return lines.join('\n');
}

function ratios(results: BenchResults): string[] {
  const by = new Map(results.cases.map((c) => [c.key, c]));
  const x = (a: number, b: number): string => `${(a / b).toFixed(2)}x`;
  const lines = ['ratios (time: run CPU, wall in brackets; memory: peak RSS):'];
  const sizes = results.cases.filter((c) => c.case === 'nks').map((c) => c.n);
  for (const n of sizes) {
    const [nks, plus, yaml] = ['nks', 'plus', 'yaml'].map((id) => by.get(`${id}@${n}`)!);
    lines.push(`  ${n.toLocaleString('en-US')} apps: nks-cdk/cdk8s-plus time ${x(nks.runCpuMs, plus.runCpuMs)} (${x(nks.runMs, plus.runMs)}), memory ${x(nks.maxRssMb, plus.maxRssMb)}; nks-cdk/raw YAML time ${x(nks.runCpuMs, yaml.runCpuMs)}; cdk8s-plus/raw YAML time ${x(plus.runCpuMs, yaml.runCpuMs)}`);
    lines.push(`  ${n.toLocaleString('en-US')} apps, whole process: nks-cdk/cdk8s-plus time ${x(nks.processCpuMs, plus.processCpuMs)} (${x(nks.wallMs, plus.wallMs)})`);
  }
  const [lo, hi] = [Math.min(...sizes), Math.max(...sizes)];
  for (const id of ['nks', 'plus', 'yaml'] as const) {
    const [small, large] = [by.get(`${id}@${lo}`), by.get(`${id}@${hi}`)];
    if (small && large && hi > lo) lines.push(`  ${apps(hi)}/${apps(lo)} ${CASE_LABELS[id].split(' ')[0]}: time ${x(large.runCpuMs, small.runCpuMs)} (${x(large.runMs, small.runMs)}), memory ${x(large.maxRssMb, small.maxRssMb)}`);
  }
  const [platform, cdktf] = [by.get('platform@1'), by.get('cdktf@1')];
  if (platform && cdktf) lines.push(`  example platform/trivial cdktf, whole process: time ${x(platform.processCpuMs, cdktf.processCpuMs)} (${x(platform.wallMs, cdktf.wallMs)}), memory ${x(platform.maxRssMb, cdktf.maxRssMb)}`);
  return lines;
}

/** Left-aligned first column, right-aligned numbers. */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

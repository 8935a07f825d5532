// `npm run bench`: nks-cdk against cdk8s-plus-28 and raw YAML at 1,000 and 10,000 web apps, and the example
// platform against a trivial cdktf program, side by side in one run; prints the table, the ratios and the
// targets of issue 6, the edit-synth loop ratio (bench/loop.ts), and writes bench/results.json.
//   npm run bench [-- --repeats 5] [--sizes 1000,10000] [--no-cli] [--profile]
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cdktfSynthWallMs } from './cli';
import { functionTimes, formatProfile } from './profile';
import { CASE_LABELS, runKey, runsOf, SIZES } from './plan';
import { BenchResults, formatResults, machine, summarize, targets } from './report';
import { runOnce, Sample } from './run';
import { median } from './stats';
import { editSynthLoop, formatLoop } from './loop';

const BENCH_DIR = path.resolve(__dirname, '..', '..', 'bench');

interface Options {
  readonly repeats: number;
  readonly cliRepeats: number;
  readonly sizes: readonly number[];
  readonly cli: boolean;
  readonly profile: boolean;
}

function parseArgs(argv: readonly string[]): Options {
  const value = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const repeats = Number(value('--repeats') ?? 5);
  const sizes = (value('--sizes') ?? SIZES.join(',')).split(',').map(Number);
  if (!Number.isInteger(repeats) || repeats < 1 || sizes.some((n) => !Number.isInteger(n) || n < 1)) {
    throw new Error('usage: bench [--repeats N] [--sizes 1000,10000] [--no-cli] [--profile]');
  }
  // The CLI adds seconds per run and only a constant to both programs: three runs give a stable median.
  return { repeats, cliRepeats: Math.min(repeats, 3), sizes, cli: !argv.includes('--no-cli'), profile: argv.includes('--profile') };
}

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  const runs = runsOf(options.sizes);
  const samples = new Map<string, Sample[]>(runs.map((r) => [runKey(r), []]));
  const started = Date.now();
  const load = [os.loadavg()[0]];
  // Round-robin over the cases so drift on the machine (thermal, other load) hits every case alike.
  for (let round = 1; round <= options.repeats; round++) {
    for (const run of runs) {
      progress(`round ${round}/${options.repeats}: ${runKey(run)}`);
      samples.get(runKey(run))!.push(runOnce(run));
    }
  }
  let cli: BenchResults['cli'];
  if (options.cli) {
    const platformMs: number[] = [];
    const cdktfMs: number[] = [];
    for (let round = 1; round <= options.cliRepeats; round++) {
      progress(`cdktf synth CLI ${round}/${options.cliRepeats}`);
      platformMs.push(cdktfSynthWallMs('platform'));
      cdktfMs.push(cdktfSynthWallMs('cdktf'));
    }
    cli = { platformMs: median(platformMs), cdktfMs: median(cdktfMs), repeats: options.cliRepeats };
  }
  progress('');
  const cases = runs.map((r) => summarize(r, samples.get(runKey(r))!));
  load.push(os.loadavg()[0]);
  const results: BenchResults = { date: new Date().toISOString(), machine: machine(load), repeats: options.repeats, cases, cli, targets: targets(cases, options.sizes, cli) };
  console.log(formatResults(results));
  const file = path.join(BENCH_DIR, 'results.json');
  fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\n${formatLoop(editSynthLoop(Math.max(options.repeats, 5)))}`);
  console.log(`\nwrote ${path.relative(process.cwd(), file)} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  if (options.profile) profileAll(runs);
}

/** Runs every case once more under `--cpu-prof` and prints where its time goes; profiles stay in bench/profiles/. */
function profileAll(runs: ReturnType<typeof runsOf>): void {
  for (const run of runs) {
    const dir = path.join(BENCH_DIR, 'profiles', runKey(run).replace('@', '-'));
    fs.rmSync(dir, { recursive: true, force: true });
    runOnce(run, { nodeFlags: ['--cpu-prof', '--cpu-prof-dir', dir] });
    const [file] = fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
    console.log(`\nprofile of ${CASE_LABELS[run.case]}, ${run.n} (${path.relative(process.cwd(), path.join(dir, file))}):`);
    console.log(formatProfile(functionTimes(path.join(dir, file)), 15));
  }
}

function progress(text: string): void {
  if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K${text}`);
  else if (text) process.stderr.write(`${text}\n`);
}

main();

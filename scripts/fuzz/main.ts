// `npm run fuzz [-- --count N] [--seed S] [--workers W] [--only I] [--top K]`: generates N programs (default 20,000)
// from seed S (default 1), runs each on a fresh PlatformApp (scripts/fuzz/run-case.ts) in W child processes
// (default: the CPU count), prints a progress line, the outcomes and every distinct raw failure with the
// program that found it first, and the K (default 5) validation rules hit most; exits 1 on a raw failure. `--only I` runs program I alone and prints it.
import { fork } from 'child_process';
import * as os from 'os';
import { programs } from './generate';
import { describeProgram } from './program';
import { CaseResult, Outcome, runCase } from './run-case';

interface Args {
  count: number;
  seed: number;
  workers: number;
  only?: number;
  top: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { count: 20000, seed: 1, workers: Math.max(1, os.cpus().length), top: 5 };
  for (let i = 0; i < argv.length; i++) {
    const v = argv[i + 1];
    const num = () => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0) throw new Error(`${argv[i]} needs a whole number, got ${v}`);
      i++;
      return n;
    };
    if (argv[i] === '--count') args.count = num();
    else if (argv[i] === '--seed') args.seed = num();
    else if (argv[i] === '--workers') args.workers = Math.max(1, num());
    else if (argv[i] === '--only') args.only = num();
    else if (argv[i] === '--top') args.top = num();
    else throw new Error(`unknown argument ${argv[i]} (known: --count, --seed, --workers, --only, --top)`);
  }
  return args;
}

/** What a worker sends: one message per finished program. */
interface Message {
  readonly n: number;
  readonly result: CaseResult;
}

// Secret-bearing props read the environment; the programs name this variable.
process.env.FUZZ_REGISTRY_PASSWORD = 'fuzz-registry-password';
process.env.CHECKPOINT_DISABLE = '1';

function runWorker(seed: number, from: number, to: number): void {
  for (const [n, program] of programs(seed, to, from)) process.send!({ n, result: runCase(program) } satisfies Message);
}

function main(): void {
  const argv = process.argv.slice(2);
  const w = argv.indexOf('--worker');
  if (w >= 0) {
    const seed = Number(argv[argv.indexOf('--seed') + 1] ?? 1);
    runWorker(seed, Number(argv[w + 1]), Number(argv[w + 2]));
    return;
  }
  const args = parseArgs(argv);
  if (args.only !== undefined) {
    for (const [, program] of programs(args.seed, args.only + 1, args.only)) {
      console.log(describeProgram(program));
      console.log(JSON.stringify(runCase(program), null, 2));
    }
    return;
  }
  const started = Date.now();
  const tally: Record<Outcome, number> = { output: 0, invalid: 0, policy: 0, raw: 0 };
  const raws = new Map<string, { n: number; count: number; detail: string }>();
  const rules = new Map<string, number>();
  let done = 0;
  const per = Math.ceil(args.count / args.workers);
  let running = 0;
  const finish = () => {
    if (process.stdout.isTTY) process.stdout.write('\n');
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`${done} programs (seed ${args.seed}) in ${secs} s: ${tally.output} synthesized, ${tally.invalid} refused with ValidationErrors, ${tally.policy} refused by policy rules, ${tally.raw} raw failures (${raws.size} distinct)`);
    console.log(`${rules.size} distinct validation rules were hit; the most frequent:`);
    for (const [rule, n] of [...rules].sort((a, b) => b[1] - a[1]).slice(0, args.top)) console.log(`  ${n}x ${rule.slice(0, 150)}`);
    for (const [key, r] of [...raws].sort((a, b) => a[1].n - b[1].n)) {
      console.log(`\nRAW x${r.count}, first in program ${r.n} (npm run fuzz -- --seed ${args.seed} --only ${r.n}): ${key}\n${r.detail}`);
    }
    process.exitCode = tally.raw || done < args.count ? 1 : 0;
  };
  for (let i = 0; i < args.workers; i++) {
    const from = i * per;
    const to = Math.min(args.count, from + per);
    if (from >= to) continue;
    running++;
    // A worker's stderr holds what the programs print (nks-cdk's warning at exit about programs that never
    // reached synth, which is every program stopped by an error); it is shown only when the worker dies early.
    const child = fork(__filename, ['--worker', String(from), String(to), '--seed', String(args.seed)], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    let received = 0;
    child.on('message', (m: Message) => {
      done++;
      received++;
      tally[m.result.outcome]++;
      for (const r of m.result.rules ?? []) rules.set(r, (rules.get(r) ?? 0) + 1);
      if (m.result.outcome === 'raw') {
        const key = (m.result.detail ?? '').split('\n')[0].replace(/\b[0-9a-f]{8}\b/g, 'H').replace(/\d+/g, 'N').slice(0, 160);
        const seen = raws.get(key);
        if (seen) seen.count++;
        else raws.set(key, { n: m.n, count: 1, detail: m.result.detail ?? '' });
      }
      // On a terminal one line that updates; in a log a line per 2,000 programs.
      if (process.stdout.isTTY && (done % 100 === 0 || done === args.count)) process.stdout.write(`\r${done}/${args.count} programs, ${tally.raw} raw`);
      else if (!process.stdout.isTTY && done % 2000 === 0) process.stdout.write(`${done}/${args.count} programs, ${tally.raw} raw\n`);
    });
    child.on('exit', (code, signal) => {
      if (received < to - from) console.error(`\nworker ${i} stopped after ${received} of ${to - from} programs (exit ${code ?? signal}):\n${stderr}`);
      if (--running === 0) finish();
    });
  }
}

main();

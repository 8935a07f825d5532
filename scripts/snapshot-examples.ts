// Synthesizes every example (examples/*/main.ts) for both infrastructure targets and records one sha256 per
// output file, so a change that must not alter any example's output can be checked byte for byte.
//   node scripts/build.js build/scripts/snapshot-examples.js [--out DIR] [--json FILE] [--compare FILE]
// --out      where the outputs go: DIR/<target>/<example>/{cdktf.out,dist}/... (default build/example-snapshot)
// --json     the hashes written (default DIR/hashes.json): { files: { path: sha256 }, diagrams, warnings }
// --compare  a JSON file written before: prints every file added, removed or changed, and exits 1 if any is
// Targets: the default (no NKS_TARGET: nhncloud, as the examples are in region KR1) and NKS_TARGET=openstack.
// NKS_KUBECONFIG names a dummy file, so examples/platform writes its workloads stack on nhncloud too.
// `diagrams` holds a sha256 of each example's diagram (Graphviz source of `npm run diagram`) and `warnings`
// the warnings synth printed; neither is an output file, so --compare lists their differences apart.
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { platformDot, platformModel, readSynthesizedOutput } from '../lib/diagram';
import { PlatformApp } from '../lib/app';

const root = path.resolve(__dirname, '..', '..');
const TARGETS: readonly { readonly name: string; readonly env: string | undefined }[] = [
  { name: 'default', env: undefined },
  { name: 'openstack', env: 'openstack' },
];
const KUBECONFIG = '/tmp/nks-snapshot-kubeconfig';

/** What one run recorded. */
export interface Snapshot {
  /** sha256 of every output file, by `<target>/<example>/<cdktf.out|dist>/<file>`. */
  readonly files: Record<string, string>;
  /** sha256 of each example's diagram source, by `<target>/<example>`. */
  readonly diagrams: Record<string, string>;
  /** The warnings synth printed, by `<target>/<example>`. */
  readonly warnings: Record<string, readonly string[]>;
}

function option(argv: readonly string[], flag: string): string | undefined {
  const i = argv.indexOf(flag);
  return i >= 0 ? argv[i + 1] : undefined;
}

const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort();
}

/** The examples: each folder of examples/ with a main.ts. */
function examples(): string[] {
  const dir = path.join(root, 'examples');
  return fs.readdirSync(dir).filter((d) => fs.existsSync(path.join(dir, d, 'main.ts'))).sort();
}

function withEnv<T>(vars: Record<string, string | undefined>, fn: () => T): T {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  const set = (k: string, v: string | undefined) => (v === undefined ? delete process.env[k] : (process.env[k] = v));
  for (const [k, v] of Object.entries(vars)) set(k, v);
  try {
    return fn();
  } finally {
    for (const [k, v] of Object.entries(saved)) set(k, v);
  }
}

/** Synthesizes every example for every target into `out` and hashes what was written. */
export function snapshot(out: string): Snapshot {
  if (!fs.existsSync(KUBECONFIG)) fs.writeFileSync(KUBECONFIG, 'apiVersion: v1\nkind: Config\n');
  const files: Record<string, string> = {};
  const diagrams: Record<string, string> = {};
  const warnings: Record<string, string[]> = {};
  for (const target of TARGETS) {
    for (const example of examples()) {
      const key = `${target.name}/${example}`;
      const dir = path.join(out, target.name, example);
      fs.rmSync(dir, { recursive: true, force: true });
      const outdir = path.join(dir, 'cdktf.out');
      const k8sOutdir = path.join(dir, 'dist');
      const lines: string[] = [];
      withEnv({ NKS_TARGET: target.env, NKS_KUBECONFIG: KUBECONFIG, NKS_INFRA_OUTPUTS: undefined, CDKTF_OUTDIR: undefined, CDK8S_OUTDIR: undefined }, () => {
        const app = new PlatformApp({ outdir, k8sOutdir, log: (line) => lines.push(line) });
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        require(path.join(root, 'build', 'examples', example, 'main.js')).build(app);
        app.synth();
      });
      warnings[key] = lines;
      for (const sub of ['cdktf.out', 'dist']) {
        for (const f of filesUnder(path.join(dir, sub))) files[`${key}/${sub}/${f}`] = sha256(fs.readFileSync(path.join(dir, sub, f)));
      }
      diagrams[key] = sha256(platformDot(platformModel(readSynthesizedOutput({ outdir, k8sOutdir })), { title: example }));
    }
  }
  return { files, diagrams, warnings };
}

/** The keys added, removed or changed from `before` to `after`. */
function differences(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return keys.flatMap((k) => {
    if (!(k in before)) return [`added    ${k}`];
    if (!(k in after)) return [`removed  ${k}`];
    return JSON.stringify(before[k]) === JSON.stringify(after[k]) ? [] : [`changed  ${k}`];
  });
}

/** The lines of `a` not in `b`, counting repeats (a warning printed twice and now once is one line missing). */
function missing(a: readonly string[], b: readonly string[]): string[] {
  const left = [...b];
  return a.filter((line) => {
    const i = left.indexOf(line);
    if (i < 0) return true;
    left.splice(i, 1);
    return false;
  });
}

function main(argv: readonly string[]): number {
  const out = path.resolve(option(argv, '--out') ?? path.join(root, 'build', 'example-snapshot'));
  const json = path.resolve(option(argv, '--json') ?? path.join(out, 'hashes.json'));
  const compare = option(argv, '--compare');
  const baseline: Snapshot | undefined = compare ? JSON.parse(fs.readFileSync(compare, 'utf8')) : undefined;
  const now = snapshot(out);
  fs.mkdirSync(path.dirname(json), { recursive: true });
  fs.writeFileSync(json, JSON.stringify(now, null, 2) + '\n');
  const count = Object.keys(now.files).length;
  console.log(`wrote ${json}: ${count} output files, ${Object.keys(now.diagrams).length} diagrams`);
  if (!baseline) return 0;
  const fileDiffs = differences(baseline.files, now.files);
  const diagramDiffs = differences(baseline.diagrams, now.diagrams);
  const warningDiffs = differences(baseline.warnings, now.warnings);
  for (const d of diagramDiffs) console.log(`diagram  ${d}`);
  for (const d of warningDiffs) {
    console.log(`warnings ${d}`);
    const k = d.slice(9);
    for (const w of missing(baseline.warnings[k] ?? [], now.warnings[k] ?? [])) console.log(`  - ${w}`);
    for (const w of missing(now.warnings[k] ?? [], baseline.warnings[k] ?? [])) console.log(`  + ${w}`);
  }
  for (const d of fileDiffs) console.log(d);
  const compared = Object.keys(baseline.files).filter((k) => k in now.files).length;
  console.log(fileDiffs.length === 0 ? `all ${compared} output files equal to ${compare}` : `${fileDiffs.length} of ${count} output files differ from ${compare}`);
  return fileDiffs.length === 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));

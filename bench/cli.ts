// The platform target read literally: `cdktf synth` (the CLI, which runs the program as a child and then
// reads its output) on the example platform and on the trivial program, each in a scratch project.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';

/** Programs the CLI runs: the repo's example platform (its real entry point) or the trivial cdktf case. */
export type CliProgram = 'platform' | 'cdktf';

const ROOT = path.resolve(__dirname, '..', '..');

/** Wall time of one `cdktf synth` of `program` in a fresh scratch project, in ms. */
export function cdktfSynthWallMs(program: CliProgram): number {
  const project = fs.mkdtempSync(path.join(os.tmpdir(), `nks-bench-cli-${program}-`));
  try {
    // The CLI runs `app` through a shell with CDKTF_OUTDIR set; the platform writes dist/ into the project.
    const app = program === 'platform'
      ? `node ${JSON.stringify(path.join(ROOT, 'build', 'examples', 'platform', 'main.js'))}`
      : `node ${JSON.stringify(path.join(__dirname, 'child.js'))} cdktf 1 "$CDKTF_OUTDIR"`;
    fs.writeFileSync(path.join(project, 'cdktf.json'), JSON.stringify({ language: 'typescript', app, projectId: `bench-${program}`, sendCrashReports: 'false', terraformProviders: [], terraformModules: [], context: {} }));
    const start = performance.now();
    const cli = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'cdktf-cli', 'bundle', 'bin', 'cdktf'), 'synth'], {
      cwd: project,
      encoding: 'utf8',
      env: { ...process.env, CHECKPOINT_DISABLE: '1', CI: '1' },
    });
    const wallMs = performance.now() - start;
    if (cli.status !== 0 || !fs.existsSync(path.join(project, 'cdktf.out', 'manifest.json'))) {
      throw new Error(`cdktf synth of ${program} failed (exit ${cli.status ?? cli.signal}):\n${cli.stdout}\n${cli.stderr}`);
    }
    return wallMs;
  } finally {
    fs.rmSync(project, { recursive: true, force: true });
  }
}

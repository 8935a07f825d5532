// Output directories stay the user's: synth replaces only what it writes, deletes only what an earlier synth
// recorded as its own, refuses directories it must never write into, and switches outputs so that a synth
// killed at any moment, or two synths at once, leave the previous output or the new complete one.
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Chart } from 'cdk8s';
import { ConfigMap, InfraStack, KeyPair, PlatformApp, ValidationError, ValidationErrors } from '../../lib';
import { recoverOutputDir, RECORD_DIR } from '../../lib/output/commit';
import { tmpdir } from '../helpers';

const root = path.resolve(__dirname, '..', '..');
const child = path.join(__dirname, 'fixtures', 'synth-child.ts');
const register = path.join(root, 'test', 'policy', 'ts-register.js');
const KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBxkYH2sJ3b0qvFz1hKq2WdU5oQ8mB3E8Vv3J0m0g1dZ test';

/** Every file under `dir` with its content, `.nks-cdk/` left out. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  if (!fs.existsSync(dir)) return files;
  for (const rel of (fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]).sort()) {
    if (rel.split(path.sep)[0] === RECORD_DIR) continue;
    const full = path.join(dir, rel);
    if (fs.statSync(full).isFile()) files[rel.split(path.sep).join('/')] = fs.readFileSync(full, 'utf8');
  }
  return files;
}

function program(app: PlatformApp, charts: string[], stacks: string[] = []): void {
  for (const name of charts) new ConfigMap(new Chart(app.k8s, name), 'config', { name, data: { a: name } });
  for (const name of stacks) {
    const stack = new InfraStack(app.infra, name, { region: 'KR1', target: 'nhncloud' });
    new KeyPair(stack, 'key', { name, publicKey: KEY });
  }
}

function errorsOf(run: () => unknown): ValidationError[] {
  try {
    run();
  } catch (e) {
    if (e instanceof ValidationErrors) return [...e.errors];
    if (e instanceof ValidationError) return [e];
    throw e;
  }
  throw new Error('expected a ValidationError');
}

describe('output directories stay the user\'s', () => {
  test('hand-written files in the manifests and Terraform directories survive synth, and synth records what it wrote', () => {
    const dir = tmpdir();
    const outdir = path.join(dir, 'cdktf.out');
    const k8sOutdir = path.join(dir, 'dist');
    fs.mkdirSync(k8sOutdir);
    fs.writeFileSync(path.join(k8sOutdir, 'README.md'), 'mine');
    fs.writeFileSync(path.join(k8sOutdir, 'namespace.yaml'), 'kind: Namespace');
    fs.mkdirSync(path.join(outdir, 'stacks', 'web', '.terraform'), { recursive: true });
    fs.writeFileSync(path.join(outdir, 'stacks', 'web', '.terraform', 'plugin'), 'binary');
    fs.writeFileSync(path.join(outdir, 'terraform.web.tfstate'), '{"state":1}');
    fs.writeFileSync(path.join(outdir, 'notes.txt'), 'mine too');
    const app = new PlatformApp({ outdir, k8sOutdir, log: () => undefined });
    program(app, ['web'], ['web']);
    app.synth();
    const dist = snapshot(k8sOutdir);
    expect(dist['README.md']).toBe('mine');
    expect(dist['namespace.yaml']).toBe('kind: Namespace');
    expect(dist['web.k8s.yaml']).toContain('name: web');
    const tf = snapshot(outdir);
    expect(tf['stacks/web/.terraform/plugin']).toBe('binary');
    expect(tf['terraform.web.tfstate']).toBe('{"state":1}');
    expect(tf['notes.txt']).toBe('mine too');
    expect(JSON.parse(tf['stacks/web/cdk.tf.json']).resource.nhncloud_compute_keypair_v2).toBeDefined();
    expect(JSON.parse(fs.readFileSync(path.join(k8sOutdir, RECORD_DIR, 'files'), 'utf8'))).toEqual(['web.k8s.yaml']);
    expect(JSON.parse(fs.readFileSync(path.join(outdir, RECORD_DIR, 'files'), 'utf8'))).toEqual(['manifest.json', 'stacks/web/cdk.tf.json']);
  });

  test('a later synth deletes the files an earlier one wrote and no longer writes, never the others', () => {
    const dir = tmpdir();
    const outdir = path.join(dir, 'cdktf.out');
    const k8sOutdir = path.join(dir, 'dist');
    const first = new PlatformApp({ outdir, k8sOutdir, log: () => undefined });
    program(first, ['web', 'old'], ['web', 'gone']);
    first.synth();
    fs.writeFileSync(path.join(k8sOutdir, 'mine.k8s.yaml'), 'kind: ConfigMap');
    fs.writeFileSync(path.join(outdir, 'stacks', 'gone', 'terraform.tfstate'), '{"state":2}');
    const second = new PlatformApp({ outdir, k8sOutdir, log: () => undefined });
    program(second, ['web'], ['web']);
    const result = second.synth();
    expect(Object.keys(snapshot(k8sOutdir))).toEqual(['mine.k8s.yaml', 'web.k8s.yaml']);
    // The removed stack's own file is gone; Terraform's state beside it is not.
    expect(Object.keys(snapshot(outdir))).toEqual(['manifest.json', 'stacks/gone/terraform.tfstate', 'stacks/web/cdk.tf.json']);
    // A manifest synth did not write stays, with a warning (kubectl apply -f dist/ would apply it).
    expect(result.warnings.filter((w) => w.message.includes('mine.k8s.yaml'))).toHaveLength(1);
    expect(result.warnings.some((w) => w.message.includes('web.k8s.yaml'))).toBe(false);
  });

  test('a stack removed from the program takes its directory with it when nothing else is in it', () => {
    const dir = tmpdir();
    const outdir = path.join(dir, 'cdktf.out');
    const first = new PlatformApp({ outdir, log: () => undefined });
    program(first, [], ['web', 'gone']);
    first.synth();
    const second = new PlatformApp({ outdir, log: () => undefined });
    program(second, [], ['web']);
    second.synth();
    expect(fs.existsSync(path.join(outdir, 'stacks', 'gone'))).toBe(false);
    expect(fs.readdirSync(outdir).sort()).toEqual(['.nks-cdk', 'manifest.json', 'stacks']);
  });

  test('synth can be called again on the same app, and writes the same output', () => {
    const dir = tmpdir();
    const outdir = path.join(dir, 'cdktf.out');
    const k8sOutdir = path.join(dir, 'dist');
    const app = new PlatformApp({ outdir, k8sOutdir, log: () => undefined });
    program(app, ['web'], ['web']);
    app.synth();
    const first = { tf: snapshot(outdir), k8s: snapshot(k8sOutdir) };
    app.synth();
    expect({ tf: snapshot(outdir), k8s: snapshot(k8sOutdir) }).toEqual(first);
    expect(Object.keys(first.tf)).toContain('stacks/web/cdk.tf.json');
  });

  describe('refuses directories it must never write into, and writes nothing then', () => {
    const cases: [string, (dir: string) => { outdir?: string; k8sOutdir?: string }, string, RegExp][] = [
      ['the working directory as outdir', () => ({ outdir: '.' }), 'outdir', /program's own directory/],
      ['the working directory as k8sOutdir', () => ({ k8sOutdir: process.cwd() }), 'k8sOutdir', /program's own directory/],
      ['a directory holding the program', () => ({ outdir: '..' }), 'outdir', /contains the program's directory/],
      ['the filesystem root', () => ({ k8sOutdir: '/' }), 'k8sOutdir', /(filesystem root|contains the program)/],
      ['the home directory', () => ({ k8sOutdir: os.homedir() }), 'k8sOutdir', /(home directory|contains the program)/],
      ['a file', (dir) => ({ k8sOutdir: path.join(dir, 'file') }), 'k8sOutdir', /cannot be a file/],
      ['a path under a file', (dir) => ({ outdir: path.join(dir, 'file', 'out') }), 'outdir', /runs through .*file.*which is a file/],
      ['both outputs in one directory', (dir) => ({ outdir: path.join(dir, 'out'), k8sOutdir: path.join(dir, 'out') }), 'k8sOutdir', /same directory as outdir/],
      ['manifests inside the Terraform output', (dir) => ({ outdir: path.join(dir, 'out'), k8sOutdir: path.join(dir, 'out', 'dist') }), 'k8sOutdir', /inside outdir/],
      ['Terraform output inside the manifests', (dir) => ({ outdir: path.join(dir, 'dist', 'tf'), k8sOutdir: path.join(dir, 'dist') }), 'outdir', /inside k8sOutdir/],
    ];
    test.each(cases)('%s', (_name, dirs, field, rule) => {
      const dir = tmpdir();
      fs.writeFileSync(path.join(dir, 'file'), 'a file');
      const before = snapshot(dir);
      const cwdBefore = fs.readdirSync(process.cwd()).sort();
      const app = new PlatformApp({ outdir: path.join(dir, 'cdktf.out'), k8sOutdir: path.join(dir, 'dist'), ...dirs(dir), log: () => undefined });
      program(app, ['web'], ['web']);
      const errors = errorsOf(() => app.synth());
      const error = errors.find((e) => e.field === field);
      expect(error).toBeDefined();
      expect(error!.path).toBe('PlatformApp');
      expect(error!.rule).toMatch(rule);
      expect(error!.fix).toMatch(/director(y|ies)/);
      expect(snapshot(dir)).toEqual(before);
      expect(fs.readdirSync(process.cwd()).sort()).toEqual(cwdBefore);
    });

    test('a directory where synth writes a file, or a file where it needs a directory: refused before either output is touched', () => {
      const dir = tmpdir();
      const [outdir, k8sOutdir] = [path.join(dir, 'cdktf.out'), path.join(dir, 'dist')];
      fs.mkdirSync(path.join(k8sOutdir, 'web.k8s.yaml'), { recursive: true });
      fs.mkdirSync(outdir);
      fs.writeFileSync(path.join(outdir, 'stacks'), 'a file');
      const before = snapshot(dir);
      const app = new PlatformApp({ outdir, k8sOutdir, log: () => undefined });
      program(app, ['web'], ['web']);
      const errors = errorsOf(() => app.synth());
      expect(errors.map((e) => [e.field, e.rule])).toEqual([
        ['outdir', 'synth writes stacks/web/cdk.tf.json there, but stacks is a file'],
        ['k8sOutdir', 'synth writes web.k8s.yaml there, but web.k8s.yaml is a directory'],
      ]);
      expect(snapshot(dir)).toEqual(before);
      expect(fs.existsSync(path.join(outdir, 'manifest.json'))).toBe(false);
    });

    test('an outdir that is fine is not refused (a directory beside the program)', () => {
      const dir = tmpdir();
      const app = new PlatformApp({ outdir: path.join(dir, 'cdktf.out'), k8sOutdir: path.join(dir, 'dist'), log: () => undefined });
      program(app, ['web'], ['web']);
      expect(app.synth().k8sOutdir).toBe(path.join(dir, 'dist'));
    });

    test('an output directory that is not written is not checked (charts only: outdir may be anything)', () => {
      const dir = tmpdir();
      const app = new PlatformApp({ outdir: '.', k8sOutdir: path.join(dir, 'dist'), log: () => undefined });
      program(app, ['web']);
      expect(app.synth().outdir).toBeUndefined();
    });
  });
});

// ---- killed and concurrent synths, in child processes ----

function runChild(outdir: string, k8sOutdir: string, variant: 'A' | 'B', env: Record<string, string> = {}): ReturnType<typeof spawnSync> {
  return spawnSync(process.execPath, ['-r', register, child, outdir, k8sOutdir, variant], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

/** The complete outputs of A and B, synthesized once. */
function reference(): { A: { tf: Record<string, string>; k8s: Record<string, string> }; B: { tf: Record<string, string>; k8s: Record<string, string> } } {
  const out = {} as ReturnType<typeof reference>;
  for (const v of ['A', 'B'] as const) {
    const dir = tmpdir();
    const r = runChild(path.join(dir, 'tf'), path.join(dir, 'k8s'), v);
    expect(r.status).toBe(0);
    out[v] = { tf: snapshot(path.join(dir, 'tf')), k8s: snapshot(path.join(dir, 'k8s')) };
  }
  return out;
}

function which(files: Record<string, string>, ref: ReturnType<typeof reference>, part: 'tf' | 'k8s'): 'A' | 'B' | 'mix' {
  const same = (a: Record<string, string>, b: Record<string, string>): boolean => JSON.stringify(a) === JSON.stringify(b);
  if (same(files, ref.A[part])) return 'A';
  if (same(files, ref.B[part])) return 'B';
  return 'mix';
}

describe('a killed synth leaves the previous output or the new complete one', () => {
  let ref: ReturnType<typeof reference>;
  beforeAll(() => {
    ref = reference();
    // The variants differ in every file and in which files exist: a mix would show.
    expect(Object.keys(ref.A.k8s)).toEqual(['one.k8s.yaml', 'three.k8s.yaml', 'two.k8s.yaml']);
    expect(Object.keys(ref.B.k8s)).toEqual(['one.k8s.yaml', 'two.k8s.yaml']);
    expect(ref.A.tf['manifest.json']).not.toBe(ref.B.tf['manifest.json']);
  }, 240_000);

  test.each([
    ['staged', 'A'],
    ['journal', 'B'],
    ['first-file', 'B'],
  ])('killed at %s: after the next synth starts (or recovery), the output is %s', (point, expected) => {
    const dir = tmpdir();
    const [tf, k8s] = [path.join(dir, 'tf'), path.join(dir, 'k8s')];
    expect(runChild(tf, k8s, 'A').status).toBe(0);
    const killed = runChild(tf, k8s, 'B', { NKS_KILL_AT: point });
    expect(killed.signal).toBe('SIGKILL');
    // Killed in the first directory's switch (the Terraform output is switched first): the manifests are untouched.
    expect(which(snapshot(k8s), ref, 'k8s')).toBe('A');
    if (point === 'staged') expect(which(snapshot(tf), ref, 'tf')).toBe('A');
    // Files on disk right after the kill are each either A's or B's.
    for (const [file, text] of Object.entries(snapshot(tf))) expect([ref.A.tf[file], ref.B.tf[file]]).toContain(text);
    recoverOutputDir(tf);
    expect(which(snapshot(tf), ref, 'tf')).toBe(expected);
    expect(fs.readdirSync(path.join(tf, RECORD_DIR)).sort()).toEqual(['files']);
    // And a synth after it writes its own complete output.
    expect(runChild(tf, k8s, 'B').status).toBe(0);
    expect([which(snapshot(tf), ref, 'tf'), which(snapshot(k8s), ref, 'k8s')]).toEqual(['B', 'B']);
  }, 240_000);

  test('killed at random moments: the next synth always starts from a whole output', async () => {
    const dir = tmpdir();
    const [tf, k8s] = [path.join(dir, 'tf'), path.join(dir, 'k8s')];
    expect(runChild(tf, k8s, 'A').status).toBe(0);
    const seen = new Set<string>();
    // A child synth takes well under a second once its sources are transpiled: these fall before, in and after
    // its switch, depending on the machine.
    for (const delay of [150, 300, 450, 600, 800]) {
      const proc = spawn(process.execPath, ['-r', register, child, tf, k8s, 'B'], { stdio: 'ignore' });
      const exited = new Promise((resolve) => proc.on('exit', resolve));
      await new Promise((resolve) => setTimeout(resolve, delay));
      proc.kill('SIGKILL');
      await exited;
      recoverOutputDir(tf);
      recoverOutputDir(k8s);
      const state = [which(snapshot(tf), ref, 'tf'), which(snapshot(k8s), ref, 'k8s')];
      expect(state).not.toContain('mix');
      seen.add(state.join(''));
      // Back to A for the next round.
      expect(runChild(tf, k8s, 'A').status).toBe(0);
    }
    expect(seen.size).toBeGreaterThan(0);
  }, 240_000);

  test('two synths into one directory at once: the output is one of them, whole, with nothing left behind', async () => {
    for (let round = 0; round < 2; round++) {
      const dir = tmpdir();
      const [tf, k8s] = [path.join(dir, 'tf'), path.join(dir, 'k8s')];
      const run = (v: string): Promise<number | null> =>
        new Promise((resolve) => spawn(process.execPath, ['-r', register, child, tf, k8s, v], { stdio: 'ignore' }).on('exit', (code) => resolve(code)));
      const codes = await Promise.all([run('A'), run('B')]);
      expect(codes).toEqual([0, 0]);
      expect(which(snapshot(tf), ref, 'tf')).not.toBe('mix');
      expect(which(snapshot(k8s), ref, 'k8s')).not.toBe('mix');
      for (const d of [tf, k8s]) expect(fs.readdirSync(path.join(d, RECORD_DIR)).sort()).toEqual(['files']);
    }
  }, 240_000);
});

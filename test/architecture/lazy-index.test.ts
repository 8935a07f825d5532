// The package's entry point loads the modules it re-exports on first use (scripts/lazy-index.js): what a
// program loads, that every export is still the same value, and that the rewrite refuses what it does not know.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { lazifyIndex } = require('../../scripts/lazy-index') as { lazifyIndex: (source: string, file?: string) => string };

const ROOT = path.resolve(__dirname, '..', '..');
const BUILT_INDEX = path.join(ROOT, 'build', 'lib', 'index.js');

/** Runs `code` in a fresh node process in the repository and returns what it printed as JSON. */
function inNode(code: string): any {
  const r = spawnSync(process.execPath, ['-e', code], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CHECKPOINT_DISABLE: '1' } });
  if (r.status !== 0) throw new Error(`node failed (${r.status}):\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

const TSC_INDEX = [
  '"use strict";',
  '// a comment',
  'Object.defineProperty(exports, "__esModule", { value: true });',
  'exports.B = exports.A = void 0;',
  'var a_1 = require("./a");',
  'Object.defineProperty(exports, "A", { enumerable: true, get: function () { return a_1.A; } });',
  'var b_1 = require("./b/c");',
  'Object.defineProperty(exports, "B", { enumerable: true, get: function () { return b_1.B; } });',
  '',
].join('\n');

describe('lazifyIndex (scripts/lazy-index.js)', () => {
  test('turns each require into a loader the getters call, and keeps the export names tsc declares', () => {
    const lazy = lazifyIndex(TSC_INDEX);
    expect(lazy).not.toMatch(/^var \w+ = require/m);
    expect(lazy).toContain('var a_1; function a_1$() { return a_1 || (a_1 = require("./a")); }');
    expect(lazy).toContain('Object.defineProperty(exports, _noFold = "B", { enumerable: true, get: function () { return b_1$().B; } });');
    expect(lazy.split('\n').slice(0, 2)).toEqual(['"use strict";', 'var _noFold;']);
    expect(lazy).toContain('exports.B = exports.A = void 0;');
  });

  test('is idempotent', () => {
    const once = lazifyIndex(TSC_INDEX);
    expect(lazifyIndex(once)).toBe(once);
  });

  test('loads a module on the first get only, once', () => {
    const loads: string[] = [];
    const exports: Record<string, unknown> = {};
    const fakeRequire = (id: string): unknown => {
      loads.push(id);
      return { A: `A from ${id}`, B: `B from ${id}` };
    };
    new Function('exports', 'require', lazifyIndex(TSC_INDEX))(exports, fakeRequire);
    expect(loads).toEqual([]);
    expect(exports.A).toBe('A from ./a');
    expect(exports.A).toBe('A from ./a');
    expect(loads).toEqual(['./a']);
    expect(exports.B).toBe('B from ./b/c');
    expect(loads).toEqual(['./a', './b/c']);
  });

  test('refuses a statement that is not a tsc re-export, naming the line', () => {
    expect(() => lazifyIndex(`${TSC_INDEX}console.log("side effect");\n`, 'index.js')).toThrow(/index\.js:9: not a re-export as tsc writes one.*console\.log/);
    expect(() => lazifyIndex('Object.defineProperty(exports, "A", { enumerable: true, get: function () { return x_1.A; } });', 'index.js')).toThrow(
      /index\.js:1: export A reads x_1, which no earlier require defines/,
    );
  });

  test('the compiled lib/index.ts is one tsc shape it knows (a re-export tsc writes differently would fail the build)', () => {
    const ts = require('typescript') as typeof import('typescript');
    const source = fs.readFileSync(path.join(ROOT, 'lib', 'index.ts'), 'utf8');
    const out = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.Node16, target: ts.ScriptTarget.ES2022, esModuleInterop: true } }).outputText;
    const lazy = lazifyIndex(out);
    expect(lazy).not.toMatch(/^var \w+ = require/m);
    expect((lazy.match(/\$\(\)\./g) ?? []).length).toBe((out.match(/get: function \(\) \{ return /g) ?? []).length);
  });
});

describe('the built entry point (build/lib/index.js)', () => {
  beforeAll(() => {
    if (!fs.existsSync(BUILT_INDEX)) throw new Error('build/lib/index.js is missing: run `npm run build` first');
  });

  test('is lazy', () => {
    expect(fs.readFileSync(BUILT_INDEX, 'utf8')).not.toMatch(/^var \w+ = require/m);
  });

  test('a program with charts only loads neither cdktf, nor the provider bindings, nor the constructs it does not use', () => {
    const loaded = inNode(`
      const path = require('path'); const os = require('os'); const fs = require('fs');
      const { PlatformApp, WebApp, Service } = require('./build/lib');
      const { Chart } = require('cdk8s');
      const out = fs.mkdtempSync(path.join(os.tmpdir(), 'nks-lazy-'));
      const app = new PlatformApp({ outdir: path.join(out, 'cdktf.out'), k8sOutdir: path.join(out, 'dist'), log: () => {} });
      const chart = new Chart(app.k8s, 'web');
      const web = new WebApp(chart, 'web', { image: 'nginx:1.27.0', ports: [80] });
      new Service(chart, 'svc', { selector: web, ports: [{ port: 80 }] });
      const result = app.synth();
      const files = fs.readdirSync(path.join(out, 'dist'));
      fs.rmSync(out, { recursive: true, force: true });
      const mods = Object.keys(require.cache).map((f) => path.relative(process.cwd(), f));
      console.log(JSON.stringify({ files, outdir: result.outdir ?? null, mods }));
    `);
    expect(loaded.files).toContain('web.k8s.yaml');
    expect(loaded.outdir).toBeNull();
    const mods: string[] = loaded.mods;
    expect(mods.filter((m) => m.startsWith('node_modules/cdktf/'))).toEqual([]);
    expect(mods.filter((m) => m.startsWith('node_modules/@cdktf/'))).toEqual([]);
    expect(mods.filter((m) => m.startsWith('build/lib/generated/providers/'))).toEqual([]);
    // The infrastructure constructs, the diagram and the Gateway API constructs; but the registry of values
    // that exist after apply (cdktf-free) and the CRDs the strict check knows, which synth uses either way.
    const unused = mods.filter((m) => /^build\/lib\/(infra|diagram)\/|^build\/lib\/k8s\/gateway\//.test(m));
    expect(unused.filter((m) => !['build/lib/infra/deferred.js', 'build/lib/k8s/gateway/crds.js'].includes(m))).toEqual([]);
    // What it does load: the constructs it used.
    expect(mods).toContain('build/lib/k8s/workloads/web-app.js');
  });

  test('a program that uses app.infra loads cdktf then, and synthesizes its stacks', () => {
    const loaded = inNode(`
      const path = require('path'); const os = require('os'); const fs = require('fs');
      const { PlatformApp } = require('./build/lib');
      const cdktf = () => Object.keys(require.cache).some((f) => f.includes('/node_modules/cdktf/'));
      const out = fs.mkdtempSync(path.join(os.tmpdir(), 'nks-lazy-'));
      const app = new PlatformApp({ outdir: path.join(out, 'cdktf.out'), k8sOutdir: path.join(out, 'dist'), log: () => {} });
      const before = cdktf();
      const { TerraformStack, TerraformOutput } = require('cdktf');
      const stack = new TerraformStack(app.infra, 'plain');
      new TerraformOutput(stack, 'hello', { value: 'world' });
      const result = app.synth();
      const tf = JSON.parse(fs.readFileSync(path.join(out, 'cdktf.out', 'stacks', 'plain', 'cdk.tf.json'), 'utf8'));
      fs.rmSync(out, { recursive: true, force: true });
      console.log(JSON.stringify({ before, after: cdktf(), wrote: result.outdir !== undefined, output: tf.output.hello.value }));
    `);
    expect(loaded).toEqual({ before: false, after: true, wrote: true, output: 'world' });
  });

  test('every export is the value the module that defines it exports', () => {
    const result = inNode(`
      const lazy = require('./build/lib');
      const names = Object.keys(lazy).filter((k) => k !== '__esModule');
      const source = require('fs').readFileSync('./build/lib/index.js', 'utf8');
      const from = {};
      for (const m of source.matchAll(/^var (\\w+); function \\1\\$\\(\\) \\{ return \\1 \\|\\| \\(\\1 = require\\("([^"]+)"\\)\\); \\}$/gm)) from[m[1]] = m[2];
      const wrong = [];
      let checked = 0;
      for (const m of source.matchAll(/^Object\\.defineProperty\\(exports, _noFold = "(\\w+)", \\{ enumerable: true, get: function \\(\\) \\{ return (\\w+)\\$\\(\\)\\.(\\w+); \\} \\}\\);$/gm)) {
        const value = require(require('path').resolve('build/lib', from[m[2]]))[m[3]];
        checked++;
        if (value === undefined || lazy[m[1]] !== value) wrong.push(m[1]);
      }
      console.log(JSON.stringify({ names: names.length, checked, wrong }));
    `);
    expect(result.wrong).toEqual([]);
    expect(result.names).toBeGreaterThan(100);
    expect(result.checked).toBe(result.names);
  });

  test('an ES module imports every export by name (Node reads the names without running the getters)', () => {
    const dir = fs.mkdtempSync(path.join(require('os').tmpdir(), 'nks-esm-'));
    try {
      const file = path.join(dir, 'check.mjs');
      fs.writeFileSync(
        file,
        [
          `import { PlatformApp, WebApp, InfraStack, KubernetesDashboard, scanManifest } from ${JSON.stringify(BUILT_INDEX)};`,
          `import * as all from ${JSON.stringify(BUILT_INDEX)};`,
          'const names = Object.keys(all).filter((k) => k !== "default" && k !== "__esModule" && k !== "module.exports");',
          'console.log(JSON.stringify({ types: [PlatformApp, WebApp, InfraStack, KubernetesDashboard, scanManifest].map((x) => typeof x), names: names.length, cjs: Object.keys(all.default).length }));',
        ].join('\n'),
      );
      const r = spawnSync(process.execPath, [file], { cwd: ROOT, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(r.stderr);
      const out = JSON.parse(r.stdout.trim());
      expect(out.types).toEqual(['function', 'function', 'function', 'function', 'function']);
      expect(out.names).toBe(out.cjs);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

// `nks-cdk init` writes a repository from templates/app, offline, and never overwrites a file.
// (test/consumer/consumer.test.ts installs and runs what it writes; test/readme checks main.ts type-checks.)
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..');
const bin = path.join(root, 'bin', 'nks-cdk.js');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

function nksCdk(args: string[], cwd: string) {
  return spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8' });
}

let work: string;
beforeEach(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'nks-cdk-init-'));
});
afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

test('init writes the repository files with the package version and peer ranges', () => {
  const r = nksCdk(['init', 'My Platform'], work);
  expect(r.status).toBe(0);
  const dir = path.join(work, 'My Platform');
  expect(fs.readdirSync(dir).sort()).toEqual(['.gitignore', 'cdk8s.yaml', 'cdktf.json', 'main.ts', 'package.json', 'tsconfig.json']);
  for (const f of fs.readdirSync(dir)) expect({ f, text: fs.readFileSync(path.join(dir, f), 'utf8') }).not.toEqual({ f, text: expect.stringContaining('{{') });
  const written = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  expect(written.name).toBe('my-platform');
  expect(written.dependencies).toEqual({ 'nks-cdk': `^${pkg.version}`, ...pkg.peerDependencies });
  const cdktf = JSON.parse(fs.readFileSync(path.join(dir, 'cdktf.json'), 'utf8'));
  expect(cdktf.projectId).toMatch(/^[0-9a-f-]{36}$/);
  expect(cdktf.app).toBe('npx tsc && node main.js');
  expect(fs.readFileSync(path.join(dir, 'cdk8s.yaml'), 'utf8')).toMatch(/^app: npx tsc && node main\.js$/m);
  // The tsconfig cdktf init writes (CommonJS), dist/ left out of the compile.
  const tsconfig = JSON.parse(fs.readFileSync(path.join(dir, 'tsconfig.json'), 'utf8'));
  expect(tsconfig.compilerOptions).toMatchObject({ module: 'CommonJS', target: 'ES2018', strict: true, skipLibCheck: true });
  expect(tsconfig.exclude).toEqual(['node_modules', 'cdktf.out', 'dist']);
  expect(r.stdout).toContain('npm install');
});

test('init writes into the current directory by default', () => {
  expect(nksCdk(['init'], work).status).toBe(0);
  expect(fs.existsSync(path.join(work, 'main.ts'))).toBe(true);
});

test('init refuses a directory that has one of its files, and writes nothing', () => {
  fs.writeFileSync(path.join(work, 'main.ts'), 'mine\n');
  const r = nksCdk(['init'], work);
  expect(r.status).toBe(1);
  expect(r.stderr).toContain('already has main.ts; nothing was written');
  expect(fs.readdirSync(work)).toEqual(['main.ts']);
  expect(fs.readFileSync(path.join(work, 'main.ts'), 'utf8')).toBe('mine\n');
});

test('an unknown command prints the usage and exits 1', () => {
  const r = nksCdk(['deploy'], work);
  expect(r.status).toBe(1);
  expect(r.stderr).toContain('unknown command or arguments: deploy');
  expect(r.stderr).toContain('Usage: nks-cdk init [directory]');
  expect(fs.readdirSync(work)).toEqual([]);
});

test('the package ships the command and its templates', () => {
  expect(pkg.bin).toEqual({ 'nks-cdk': 'bin/nks-cdk.js' });
  expect(pkg.files).toEqual(expect.arrayContaining(['bin/', 'templates/', 'LICENSE']));
  expect(fs.readFileSync(path.join(root, 'LICENSE'), 'utf8')).toMatch(/^\s+Apache License\n\s+Version 2\.0, January 2004/);
  expect(pkg.license).toBe('Apache-2.0');
});

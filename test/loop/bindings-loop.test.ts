// The edit-synth loop: with the schemas unchanged, generating the bindings writes nothing (the generated
// files keep their times, so `tsc -b` finds the build up to date), and the stamp names what they came from.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..');
const generated = path.join(root, 'lib/generated');

test('generate-bindings leaves up-to-date bindings untouched', () => {
  const gen = () => spawnSync(process.execPath, [path.join(root, 'scripts/generate-bindings.js')], { cwd: root, encoding: 'utf8' });
  expect(gen().status).toBe(0); // up to date after this, whatever came before
  const files = ['providers/openstack/index.ts', 'providers/nhncloud/index.ts', '.stamp.json'].map((f) => path.join(generated, f));
  const before = files.map((f) => fs.statSync(f).mtimeMs);
  const r = gen();
  expect(r.status).toBe(0);
  expect(r.stdout).toBe('');
  expect(files.map((f) => fs.statSync(f).mtimeMs)).toEqual(before);
});

test('the stamp records each schema sha256 of providers.json, the generator version and the script hash', () => {
  const stamp = JSON.parse(fs.readFileSync(path.join(generated, '.stamp.json'), 'utf8'));
  const providers = JSON.parse(fs.readFileSync(path.join(root, 'lib/providers/providers.json'), 'utf8'));
  expect(stamp.providers.map((p: { sha256: string }) => p.sha256)).toEqual(providers.map((p: { sha256: string }) => p.sha256));
  expect(stamp.generator).toBe(JSON.parse(fs.readFileSync(require.resolve('@cdktf/provider-generator/package.json'), 'utf8')).version);
  expect(stamp.script).toMatch(/^[0-9a-f]{64}$/);
});

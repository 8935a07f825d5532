// scripts/build.js removes compiled files whose source was moved or deleted: tsc never does, and `npm pack`
// ships everything under build/lib (a moved file would otherwise be published twice, once at its old path).
import * as fs from 'fs';
import * as path from 'path';
import { tmpdir } from '../helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { removeStaleOutputs } = require('../../scripts/build.js') as { removeStaleOutputs: (repo: string) => string[] };

function write(repo: string, file: string): void {
  fs.mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
  fs.writeFileSync(path.join(repo, file), '');
}

test('compiled files without a source are removed, with their emptied folders; the rest stays', () => {
  const repo = tmpdir();
  for (const f of ['lib/a.ts', 'lib/k8s/storage/b.ts', 'lib/w.mjs', 'examples/e/main.ts']) write(repo, f);
  const kept = ['build/lib/a.js', 'build/lib/a.d.ts', 'build/lib/k8s/storage/b.js', 'build/lib/w.mjs', 'build/examples/e/main.js', 'build/.tsbuildinfo', 'build/api/dts/lib/x.d.ts'];
  const stale = ['build/lib/k8s/b.js', 'build/lib/k8s/b.d.ts', 'build/lib/old/c.js', 'build/examples/gone/main.js'];
  for (const f of [...kept, ...stale]) write(repo, f);
  expect(removeStaleOutputs(repo).sort()).toEqual([...stale].sort());
  for (const f of kept) expect(fs.existsSync(path.join(repo, f))).toBe(true);
  for (const f of stale) expect(fs.existsSync(path.join(repo, f))).toBe(false);
  expect(fs.existsSync(path.join(repo, 'build/lib/old'))).toBe(false);
  expect(fs.existsSync(path.join(repo, 'build/lib/k8s/storage'))).toBe(true);
});

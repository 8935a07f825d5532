import * as fs from 'fs';
import * as path from 'path';
import { PlatformApp } from '../lib';
import { tmpdir } from './helpers';

const examplesDir = path.join(__dirname, '..', 'examples');

function readTree(dir: string): Record<string, string> {
  const files = (fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort();
  return Object.fromEntries(files.map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));
}

/** Synthesizes an example with relative output paths from `cwd`, the way `npm run synth` does. */
function synthFrom(cwd: string, section: string): Record<string, string> {
  const before = process.cwd();
  process.chdir(cwd);
  try {
    const app = new PlatformApp({ outdir: 'cdktf.out', k8sOutdir: 'dist', log: () => undefined });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(path.join(examplesDir, section, 'main.ts')).build(app);
    app.synth();
    return { ...prefix('cdktf.out/', readTree(path.join(cwd, 'cdktf.out'))), ...prefix('dist/', readTree(path.join(cwd, 'dist'))) };
  } finally {
    process.chdir(before);
  }
}

function prefix(p: string, tree: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(tree).map(([k, v]) => [p + k, v]));
}

describe('determinism', () => {
  test.each(['platform', 'gpu'])('examples/%s: byte-identical output twice in a row and from another working directory', (section) => {
    const a = tmpdir('nks-det-a-');
    const b = tmpdir('nks-det-b-');
    const first = synthFrom(a, section);
    const again = synthFrom(a, section);
    const elsewhere = synthFrom(b, section);
    expect(Object.keys(first).length).toBeGreaterThan(2);
    expect(again).toEqual(first);
    expect(elsewhere).toEqual(first);
    for (const text of Object.values(first)) {
      expect(text).not.toContain(a);
      expect(text).not.toContain(b);
    }
  });
});

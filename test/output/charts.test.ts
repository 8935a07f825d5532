// PlatformApp writes dist/ itself (lib/output): the same files, in the same order, with the same objects as
// cdk8s's own `App.synth()` would write for the same program. These tests run both on the same programs.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject, App, Chart } from 'cdk8s';
import * as yaml from 'yaml';
import { Construct } from 'constructs';
import { PlatformApp } from '../../lib';
import { chartManifests, writeChartManifests } from '../../lib/output/charts';
import { outputFiles } from '../helpers';

const examplesDir = path.join(__dirname, '..', '..', 'examples');
const sections = fs.readdirSync(examplesDir).filter((d) => fs.existsSync(path.join(examplesDir, d, 'main.ts'))).sort();
type Build = (app: PlatformApp) => unknown;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const load = (section: string): Build => require(path.join(examplesDir, section, 'main.ts')).build as Build;

function tmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'nks-output-'));
}

/**
 * File name → text of every file in `dir`. Two instances of one program number their Terraform tokens
 * differently (a process-wide counter); the number is all that differs, so it is masked.
 */
function files(dir: string): Record<string, string> {
  return Object.fromEntries(outputFiles(dir).map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8').replace(/TfToken\[TOKEN\.\d+\]/g, 'TfToken[TOKEN.n]')]));
}

/** What cdk8s's App.synth writes for the charts of `k8s`. */
function cdk8sWrites(k8s: App): Record<string, string> {
  const dir = tmp();
  Object.defineProperty(k8s, 'outdir', { value: dir });
  k8s.synth();
  return files(dir);
}

/** What lib/output writes for the charts of `k8s`. */
function nksWrites(k8s: App): Record<string, string> {
  const dir = tmp();
  writeChartManifests(dir, chartManifests(k8s));
  return files(dir);
}

describe('the manifest writer against cdk8s App.synth, on every example', () => {
  test.each(sections)('%s: same files, byte for byte', (section) => {
    // Two instances of the same program: one written by cdk8s, one by nks-cdk.
    const a = new PlatformApp({ log: () => undefined });
    load(section)(a);
    const b = new PlatformApp({ log: () => undefined });
    load(section)(b);
    const theirs = cdk8sWrites(a.k8s);
    const ours = nksWrites(b.k8s);
    expect(Object.keys(ours)).toEqual(Object.keys(theirs));
    expect(Object.keys(ours).length).toBeGreaterThan(0);
    for (const file of Object.keys(theirs)) {
      if (onlyCrds(theirs[file])) {
        // Vendored upstream CRDs (Gateway API, NGF): js-yaml quotes some of their prose differently from the
        // yaml package (tabs in block text, strings that start with "!" or hold '"'); the values are the same.
        expect(yaml.parseAllDocuments(ours[file]).map((d) => d.toJS())).toEqual(yaml.parseAllDocuments(theirs[file]).map((d) => d.toJS()));
      } else {
        expect(ours[file]).toBe(theirs[file]);
      }
    }
  });
});

/** Whether a manifest file holds CustomResourceDefinitions only. */
function onlyCrds(text: string): boolean {
  const docs = yaml.parseAllDocuments(text).map((d) => d.toJS() as { kind?: string } | null);
  return docs.length > 0 && docs.every((d) => d?.kind === 'CustomResourceDefinition');
}

/** Two charts where the first's object depends on the second's, and a chart nested in a chart. */
function dependentCharts(app: App): void {
  const front = new Chart(app, 'front');
  const back = new Chart(app, 'back');
  const parent = new Chart(app, 'parent');
  const nested = new Chart(parent, 'nested');
  new Chart(app, 'empty');
  const cm = (scope: Construct, id: string) => new ApiObject(scope, id, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: id }, data: { key: id } });
  const web = cm(front, 'web');
  const config = cm(back, 'config');
  web.node.addDependency(config);
  cm(parent, 'outer');
  cm(nested, 'inner');
  // Within one chart: `z` written before `a` because `a` depends on it.
  const a = cm(back, 'a');
  a.node.addDependency(cm(back, 'z'));
}

/** What cdk8s and nks-cdk write for two instances of `program`. */
function bothWrite(program: (app: App) => void): { theirs: Record<string, string>; ours: Record<string, string> } {
  const a = new App();
  program(a);
  const b = new App();
  program(b);
  return { theirs: cdk8sWrites(a), ours: nksWrites(b) };
}

describe('dependencies between charts and objects', () => {
  const { theirs, ours } = bothWrite(dependentCharts);

  test('charts that depend on charts get indexed file names in dependency order, as cdk8s names them', () => {
    expect(Object.keys(ours)).toEqual(Object.keys(theirs));
    const order = Object.keys(ours);
    expect(order.every((f) => /^\d{4}-/.test(f))).toBe(true);
    const position = (chart: string) => order.findIndex((f) => f.endsWith(`-${chart}.k8s.yaml`));
    expect(position('back')).toBeLessThan(position('front'));
    expect(position('nested')).toBeLessThan(position('parent'));
    // A chart without objects: an empty file, as cdk8s writes it.
    expect(ours[order[position('empty')]]).toBe('');
  });

  test('objects are written dependencies first, byte for byte as cdk8s writes them', () => {
    for (const file of Object.keys(theirs)) expect(ours[file]).toBe(theirs[file]);
    const back = Object.entries(ours).find(([f]) => f.endsWith('-back.k8s.yaml'))![1];
    const names = back.split('---\n').map((doc) => /\n  name: (\S+)/.exec(doc)?.[1]);
    expect(names.indexOf('z')).toBeLessThan(names.indexOf('a'));
    expect(names).toEqual(expect.arrayContaining(['config', 'a', 'z']));
  });
});

describe('construct metadata', () => {
  test('with CDK8S_RECORD_CONSTRUCT_METADATA=true, construct-metadata.json as cdk8s writes it', () => {
    const before = process.env.CDK8S_RECORD_CONSTRUCT_METADATA;
    process.env.CDK8S_RECORD_CONSTRUCT_METADATA = 'true';
    try {
      const { theirs, ours } = bothWrite(dependentCharts);
      expect(ours['construct-metadata.json']).toBe(theirs['construct-metadata.json']);
      // One entry per ApiObject, with its construct path.
      expect(Object.values(JSON.parse(ours['construct-metadata.json']).resources).map((r: any) => r.path).sort()).toEqual(['back/a', 'back/config', 'back/z', 'front/web', 'parent/nested/inner', 'parent/outer']);
    } finally {
      if (before === undefined) delete process.env.CDK8S_RECORD_CONSTRUCT_METADATA;
      else process.env.CDK8S_RECORD_CONSTRUCT_METADATA = before;
    }
  });
});

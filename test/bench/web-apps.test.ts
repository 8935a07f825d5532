// The bench compares nks-cdk, cdk8s-plus-28 and raw YAML on "the same objects": this checks that they are.
import * as fs from 'fs';
import * as path from 'path';
import { App, Yaml } from 'cdk8s';
import { declareNksWebApps } from '../../bench/cases/nks-web-apps';
import { declarePlusWebApps } from '../../bench/cases/plus-web-apps';
import { rawWebAppObjects } from '../../bench/cases/yaml-web-apps';
import { CHART_ID } from '../../bench/web-apps';
import { synth, tmpdir } from '../helpers';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = Record<string, any>;
const ADDRESS = 'cdk8s.io/metadata.addr';
const N = 3;

const nks = synth((app) => declareNksWebApps(app, N));
const nksText = nks.manifestFiles[`${CHART_ID}.k8s.yaml`];
const nksDocs = Yaml.load(path.join(nks.k8sOutdir, `${CHART_ID}.k8s.yaml`)) as Doc[];

test('nks-cdk writes a Deployment and a LoadBalancer Service per app, and nothing else', () => {
  expect(Object.keys(nks.manifestFiles)).toEqual([`${CHART_ID}.k8s.yaml`]);
  expect(nksDocs.map((d) => `${d.kind}/${d.metadata.name}`)).toEqual(['Deployment/web-00000', 'Service/web-00000', 'Deployment/web-00001', 'Service/web-00001', 'Deployment/web-00002', 'Service/web-00002']);
  expect(nksDocs.filter((d) => d.kind === 'Service').map((d) => d.spec.type)).toEqual(['LoadBalancer', 'LoadBalancer', 'LoadBalancer']);
});

test('the raw YAML case serializes exactly the objects nks-cdk writes, to the same bytes', () => {
  const raw = Array.from({ length: N }, (_, i) => rawWebAppObjects(i, nksDocs[2 * i].spec.template.metadata.labels[ADDRESS])).flat();
  expect(Yaml.stringify(...raw)).toBe(nksText);
});

test('cdk8s-plus-28 writes the same objects, but for what it cannot be told otherwise', () => {
  const outdir = tmpdir();
  const app = new App({ outdir });
  declarePlusWebApps(app, N);
  app.synth();
  const plusDocs = Yaml.load(path.join(outdir, fs.readdirSync(outdir)[0])) as Doc[];
  // exposeViaService selects the pods by cdk8s-plus's per-object address label and writes `externalIPs: []`;
  // the address label's hash comes from the construct path, which differs between the two programs.
  const normalize = (d: Doc): Doc => {
    const copy = JSON.parse(JSON.stringify(d)) as Doc;
    if (copy.kind === 'Deployment') delete copy.spec.template.metadata.labels[ADDRESS];
    if (copy.kind === 'Service') {
      copy.spec.selector = { app: copy.metadata.name };
      delete copy.spec.externalIPs;
      copy.spec.ports = copy.spec.ports.map((p: Doc) => ({ protocol: 'TCP', ...p }));
    }
    return copy;
  };
  expect(plusDocs.map(normalize)).toEqual(nksDocs.map(normalize));
});

import * as fs from 'fs';
import * as path from 'path';
import * as yaml from 'yaml';
import { PlatformApp, scanDirForSecrets } from '../lib';
import { onlyResource, resources, synth } from './helpers';

const examplesDir = path.join(__dirname, '..', 'examples');
const sections = fs.readdirSync(examplesDir).filter((d) => fs.existsSync(path.join(examplesDir, d, 'main.ts'))).sort();

type Build = (app: PlatformApp) => unknown;

/** Paths of string values in `value` that say `undefined`, leaving out CRD schema prose (`description`). */
function undefinedValues(value: unknown, at = ''): string[] {
  if (typeof value === 'string') return /\bundefined\b/.test(value) ? [at] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => undefinedValues(v, `${at}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => (k === 'description' && typeof v === 'string' ? [] : [...(/\bundefined\b/.test(k) ? [`${at}.${k} (key)`] : []), ...undefinedValues(v, `${at}.${k}`)]));
  }
  return [];
}
function load(section: string): Build {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.join(examplesDir, section, 'main.ts')).build as Build;
}

describe('every example', () => {
  test('there is an example per guide section, the main platform among them', () => {
    expect(sections).toContain('platform');
  });

  test.each(sections)('%s synthesizes clean output (schema checks pass, no undefined, no unresolved token)', (section) => {
    const out = synth((app) => load(section)(app));
    const texts = [...Object.values(out.tf).map((t) => JSON.stringify(t)), ...Object.values(out.manifestFiles)];
    expect(texts.length).toBeGreaterThan(0);
    for (const text of Object.values(out.tf).map((t) => JSON.stringify(t))) expect(text).not.toMatch(/\bundefined\b/);
    // In manifests, every value but the prose of vendored CRD schemas (`description`, upstream text that says
    // "undefined" in English).
    for (const text of Object.values(out.manifestFiles)) {
      for (const doc of yaml.parseAllDocuments(text)) expect(undefinedValues(doc.toJS())).toEqual([]);
    }
    for (const text of texts) {
      expect(text).not.toContain('TfToken[');
      expect(text).not.toContain('${Token[');
    }
    // No secret material unless the program explicitly opted in.
    const leaks = [out.outdir, out.k8sOutdir].filter((d) => fs.existsSync(d)).flatMap((d) => scanDirForSecrets(d)).filter((f) => !f.optedIn);
    expect(leaks).toEqual([]);
  });
});

describe('examples/platform (the main job)', () => {
  const out = synth((app) => load('platform')(app));
  const tf = out.tf['nks-infra'];

  test('the guide cluster: kr-pub-a, 3 nodes on a general flavor, General HDD boot volume', () => {
    const cluster = onlyResource(tf, 'openstack_containerinfra_cluster_v1');
    expect(cluster).toMatchObject({ name: 'my-cluster', node_count: 3, flavor: 'm2.c4m8' });
    expect(cluster.labels).toMatchObject({ availability_zone: 'kr-pub-a', boot_volume_type: 'General HDD' });
  });

  test('an extra node group in the other zone and a GPU node group on g2.t4.c4m32', () => {
    const groups = resources(tf, 'openstack_containerinfra_nodegroup_v1').map(([, g]) => [g.flavor_id, g.labels.availability_zone]);
    expect(groups).toEqual(expect.arrayContaining([['m2.c4m8', 'kr-pub-b'], ['g2.t4.c4m32', 'kr-pub-a']]));
  });

  test('a block storage volume and a GPU instance with its scratch volume', () => {
    expect(resources(tf, 'openstack_blockstorage_volume_v3').map(([, v]) => v.size).sort()).toEqual([100, 200]);
    expect(onlyResource(tf, 'openstack_compute_instance_v2').flavor_name).toMatch(/^g2\./);
  });

  test('writes both outputs: two stacks and the manifests', () => {
    expect(Object.keys(out.tf).sort()).toEqual(['nks-infra', 'nks-workloads']);
    const yaml = Object.values(out.manifestFiles).join('\n');
    expect(yaml).toContain('nginx:1.14.2');
    expect(yaml).toMatch(/name: nginx-svc[\s\S]*type: LoadBalancer/);
  });

  test('the workloads stack applies every manifest, the static PV with a reference to the volume', () => {
    const manifests = resources(out.tf['nks-workloads'], 'kubernetes_manifest').map(([, m]) => m.manifest);
    expect(manifests.map((m) => `${m.kind}/${m.metadata.name}`).sort()).toEqual(
      ['Deployment/data-reader', 'Deployment/nginx-deployment', 'PersistentVolume/data-pv', 'PersistentVolumeClaim/data-claim', 'Service/nginx-svc'].sort(),
    );
    const pv = manifests.find((m) => m.kind === 'PersistentVolume');
    expect(pv.spec.csi.volumeHandle).toMatch(/^\$\{data\.terraform_remote_state\.[\w-]+\.outputs\.[\w-]+\}$/);
  });

  test('dist/ leaves out the static PV until the infrastructure outputs exist, and says so', () => {
    expect(out.result.pendingObjects.map((p) => p.object)).toEqual(['PersistentVolume data-pv']);
    expect(out.manifestFiles['web.k8s.yaml']).toContain('name: data-claim');
    expect(out.manifestFiles['web.k8s.yaml']).not.toContain('name: data-pv\n');
  });
});

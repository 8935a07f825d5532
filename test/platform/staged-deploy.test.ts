import * as fs from 'fs';
import * as path from 'path';
import { ApiObject, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { BlockStorageVolume, Cluster, ImageRef, KeyPair, Network, Platform, PlatformApp, WorkloadsStack } from '../../lib';
import { deferInfraValue } from '../../lib/infra/deferred';
import { catchValidation, resources, synth, tmpdir } from '../helpers';
import { IMAGE_ID, OPENSTACK, PUBLIC_KEY } from '../infra/fixtures';

/** The staged deploy on the openstack target (TEST_CLOUD), whose provider hands the workloads stack the kubeconfig. */
function program(app: PlatformApp, opts: { workloads?: boolean } = {}) {
  const platform = new Platform(app, OPENSTACK);
  const network = new Network(platform.infra, 'vpc');
  const cluster = new Cluster(platform.infra, 'cluster', {
    name: 'my-cluster',
    network,
    image: ImageRef.fromId(IMAGE_ID),
    availabilityZone: 'nova',
    keyPair: new KeyPair(platform.infra, 'key', { publicKey: PUBLIC_KEY }),
  });
  const volume = new BlockStorageVolume(platform.infra, 'data', { sizeGb: 20, availabilityZone: 'nova' });
  const chart = new Chart(app.k8s, 'web', { namespace: 'shop' });
  new kplus.Namespace(chart, 'ns', { metadata: { name: 'shop' } });
  new kplus.Deployment(chart, 'nginx', {
    containers: [{ image: 'nginx:1.14.2', securityContext: { ensureNonRoot: false, readOnlyRootFilesystem: false } }],
  });
  // A manifest that needs a value existing only after apply.
  new ApiObject(chart, 'volume-info', {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'volume-info' },
    data: { volumeId: deferInfraValue(volume, volume.volumeId, 'id') },
  });
  if (opts.workloads ?? true) platform.deployWorkloadsTo(cluster);
  return { platform, cluster, volume };
}

describe('staged deploy: infrastructure stack, then workloads stack', () => {
  const out = synth((app) => program(app));
  const infra = out.tf['nks-infra'];
  const workloads = out.tf['nks-workloads'];

  test('two stacks; the workloads stack depends on the infrastructure stack', () => {
    expect(Object.keys(out.tf).sort()).toEqual(['nks-infra', 'nks-workloads']);
    const manifest = JSON.parse(fs.readFileSync(path.join(out.outdir, 'manifest.json'), 'utf8'));
    expect(manifest.stacks['nks-workloads'].dependencies).toEqual(['nks-infra']);
  });

  test('the Kubernetes provider is configured from the infrastructure stack outputs, all sensitive', () => {
    const provider = workloads.provider.kubernetes[0];
    for (const key of ['host', 'cluster_ca_certificate', 'client_certificate', 'client_key']) {
      expect(provider[key]).toMatch(/^\$\{data\.terraform_remote_state\.[\w-]+\.outputs\.[\w-]+\}$/);
      const outputName = /outputs\.([\w-]+)\}$/.exec(provider[key])![1];
      expect(infra.output[outputName]).toEqual(expect.objectContaining({ sensitive: true }));
      expect(infra.output[outputName].value).toMatch(/openstack_containerinfra_cluster_v1\.[\w-]+\.kubeconfig/);
    }
  });

  test('every chart object becomes a kubernetes_manifest; namespaced objects wait for their namespace', () => {
    const manifests = Object.fromEntries(resources(workloads, 'kubernetes_manifest').map(([, m]) => [`${m.manifest.kind}/${m.manifest.metadata.name}`, m]));
    const kinds = Object.keys(manifests);
    expect(kinds).toHaveLength(3);
    expect(kinds).toEqual(expect.arrayContaining(['ConfigMap/volume-info', expect.stringMatching(/^Deployment\//), 'Namespace/shop']));
    const deployment = Object.entries(manifests).find(([k]) => k.startsWith('Deployment/'))![1];
    expect(deployment.manifest.metadata.namespace).toBe('shop');
    expect(deployment.depends_on).toEqual([expect.stringMatching(/^kubernetes_manifest\.[\w-]+$/)]);
    expect(manifests['Namespace/shop'].manifest.metadata.namespace).toBeUndefined();
  });

  test('a value that exists only after apply is a Terraform reference in the workloads stack', () => {
    const cm = resources(workloads, 'kubernetes_manifest').map(([, m]) => m).find((m) => m.manifest.kind === 'ConfigMap')!;
    expect(cm.manifest.data.volumeId).toMatch(/^\$\{data\.terraform_remote_state\.[\w-]+\.outputs\.[\w-]+\}$/);
  });

  test('the infrastructure stack outputs the deferred value for the kubectl route', () => {
    expect(infra.output.nks_data_id).toEqual(expect.objectContaining({ value: expect.stringMatching(/openstack_blockstorage_volume_v3\.[\w-]+\.id/) }));
  });

  test('without outputs, dist/ leaves out the waiting object, names it, and has no token', () => {
    expect(out.result.pendingObjects).toEqual([{ file: 'web.k8s.yaml', object: 'ConfigMap shop/volume-info', waitsFor: ['nks-infra.nks_data_id (id of nks-infra/data)'] }]);
    const yaml = out.manifestFiles['web.k8s.yaml'];
    expect(yaml).toContain('kind: Deployment');
    expect(yaml).not.toContain('volume-info');
    expect(yaml).not.toMatch(/TfToken|undefined/);
  });

  test('with the outputs file, the real value lands in dist/', () => {
    const file = path.join(tmpdir(), 'outputs.json');
    fs.writeFileSync(file, JSON.stringify({ 'nks-infra': { nks_data_id: '0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0' } }));
    const withOutputs = synth((app) => program(app, { workloads: false }), { infraOutputs: file });
    expect(withOutputs.result.pendingObjects).toEqual([]);
    expect(withOutputs.manifestFiles['web.k8s.yaml']).toMatch(/volumeId: 0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0/);
  });

  test('an unreadable outputs file is a clear error and nothing is written', () => {
    const dir = tmpdir();
    const app = new PlatformApp({ outdir: path.join(dir, 'out'), k8sOutdir: path.join(dir, 'dist'), infraOutputs: path.join(dir, 'missing.json'), log: () => undefined });
    program(app, { workloads: false });
    const err = catchValidation(() => app.synth());
    expect(err).toMatchObject({ path: 'PlatformApp', field: 'infraOutputs' });
    expect(err.fix).toContain('cdktf output');
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('Platform.deployWorkloadsTo', () => {
  test('called again with the same cluster returns the stack made the first time; one workloads stack is written', () => {
    let stacks: WorkloadsStack[] = [];
    const out = synth((app) => {
      const { platform, cluster } = program(app, { workloads: false });
      stacks = [platform.deployWorkloadsTo(cluster), platform.deployWorkloadsTo(cluster)];
      expect(platform.workloads).toBe(stacks[0]);
    });
    expect(stacks[1]).toBe(stacks[0]);
    expect(Object.keys(out.tf).sort()).toEqual(['nks-infra', 'nks-workloads']);
    expect(resources(out.tf['nks-workloads'], 'kubernetes_manifest')).toHaveLength(3);
  });
});

describe('a workloads stack given some of the charts', () => {
  function twoCharts(app: PlatformApp, stackCharts: (app: PlatformApp, chosen: Chart) => Chart[]) {
    const { platform, cluster } = program(app, { workloads: false });
    const other = new Chart(app.k8s, 'other');
    new ApiObject(other, 'cm', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'other-cm' }, data: { a: 'b' } });
    new WorkloadsStack(app.infra, 'only-other', { cluster, charts: stackCharts(app, other) });
    return platform;
  }

  test('applies only the objects of those charts; dist/ still has every chart', () => {
    const out = synth((app) => twoCharts(app, (_, other) => [other]));
    const applied = resources(out.tf['only-other'], 'kubernetes_manifest').map(([, m]) => `${m.manifest.kind}/${m.manifest.metadata.name}`);
    expect(applied).toEqual(['ConfigMap/other-cm']);
    expect(Object.keys(out.manifestFiles).sort()).toEqual(['other.k8s.yaml', 'web.k8s.yaml']);
  });

  test('a chart of another program is refused, naming the stack, the chart and the fix; nothing is written', () => {
    const dir = tmpdir();
    const app = new PlatformApp({ outdir: path.join(dir, 'out'), k8sOutdir: path.join(dir, 'dist'), log: () => undefined });
    twoCharts(app, () => [new Chart(new PlatformApp({ log: () => undefined }).k8s, 'elsewhere')]);
    const err = catchValidation(() => app.synth());
    expect(err).toMatchObject({ path: 'only-other', field: 'charts', value: 'elsewhere' });
    expect(err.fix).toContain('app.k8s');
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

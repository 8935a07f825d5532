import * as fs from 'fs';
import * as path from 'path';
import * as yaml from 'yaml';
import { PlatformApp, scanDirForSecrets } from '../lib';
import { onlyResource, resources, synth, Synthesized, TfJson, withEnv } from './helpers';

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

/** Synthesizes an example with $NKS_TARGET=openstack (the example cloud profile), restoring the environment afterwards. */
export function synthOnOpenStack(section: string, env: Record<string, string> = {}): Synthesized {
  return withEnv({ NKS_TARGET: 'openstack', ...env }, () => synth((app) => load(section)(app)));
}

/**
 * NHN Cloud's facts as they would appear in Terraform JSON: region and zone names, NHN flavor names and
 * volume types, NKS's own labels and template, NHN's provider and network names.
 */
export const NHN_FACTS =
  /\bKR[123]\b|\bkr[23]?-pub-[ab]\b|\b(?:m2|c2|r2|t2|x1|u2)\.c\d+m\d+\b|\bg2\.[a-z0-9]+\.c\d+m\d+\b|iaas_console|"(?:cert_manager_api|node_image|ca_enable|ca_[a-z_]+|k8s_node_labels|pods_network_cidr|external_subnet_id_list)"|General (?:HDD|SSD)|Public Network|nhncloud|Pangyo|Pyeongchon|Gwangju/g;

const infraStacks = (out: Synthesized): [string, TfJson][] => Object.entries(out.tf).filter(([, tf]) => tf.provider?.nhncloud || tf.provider?.openstack);

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

// `NKS_TARGET=openstack npm run synth`: every example with infrastructure renders Magnum on the example cloud
// profile (examples/clouds.ts), and passes the openstack 3.4.0 schema (synth() checks it).
describe('every example on the openstack target (the example cloud profile)', () => {
  test.each(sections)('%s: infrastructure from the openstack provider only, no NHN fact in the Terraform JSON', (section) => {
    const out = synthOnOpenStack(section);
    for (const [, tf] of infraStacks(out)) {
      const types = [...Object.keys(tf.resource ?? {}), ...Object.keys(tf.data ?? {})];
      for (const type of types) expect(type).toMatch(/^openstack_/);
      expect(Object.keys(tf.provider)).toEqual(['openstack']);
    }
    for (const tf of Object.values(out.tf)) expect(JSON.stringify(tf).match(NHN_FACTS)).toBeNull();
  });

  test('the examples with infrastructure are among them', () => {
    const withInfra = sections.filter((s) => infraStacks(synthOnOpenStack(s)).length > 0);
    expect(withInfra).toEqual(['gpu', 'platform', 'storage-static-csi']);
  });
});

describe('examples/platform on the openstack target (the main job with NKS_TARGET=openstack)', () => {
  const out = synthOnOpenStack('platform');
  const tf = out.tf['nks-infra'];

  test("the guide cluster on the profile's first zone, default flavor and volume type, in its region", () => {
    expect(tf.provider.openstack).toEqual([{ region: 'RegionOne' }]);
    const cluster = onlyResource(tf, 'openstack_containerinfra_cluster_v1');
    expect(cluster).toMatchObject({ name: 'my-cluster', node_count: 3, flavor: 'm1.large', master_flavor: 'm1.large' });
    expect(cluster.labels).toMatchObject({ availability_zone: 'az-1', boot_volume_type: 'standard', kube_tag: 'v1.33.4', master_lb_floating_ip_enabled: 'False' });
  });

  test("the template has Magnum's coe, network driver, master flavor, and the profile's external network", () => {
    const template = onlyResource(tf, 'openstack_containerinfra_clustertemplate_v1');
    expect(template).toMatchObject({ coe: 'kubernetes', network_driver: 'calico', master_flavor: 'm1.large', master_lb_enabled: true, floating_ip_enabled: false });
    const [name] = template.external_network_id.match(/cluster_external-network_\w+/);
    expect(tf.data.openstack_networking_network_v2[name]).toMatchObject({ name: 'public', external: true });
  });

  test("the node image is looked up with the profile's os_distro and the plan fails without it; the GPU instance's image is not", () => {
    const template = onlyResource(tf, 'openstack_containerinfra_clustertemplate_v1');
    const [name] = template.image.match(/cluster_image_\w+/);
    const lookup = tf.data.openstack_images_image_v2[name];
    expect(lookup).toMatchObject({ name_regex: '^fedora-coreos-', most_recent: true, properties: { os_distro: 'fedora-coreos' } });
    expect(lookup.lifecycle.postcondition).toEqual([
      { condition: '${lookup(self.properties, "os_distro", "") == "fedora-coreos"}', error_message: expect.stringContaining('os_distro=fedora-coreos') },
    ]);
    for (const [, group] of resources(tf, 'openstack_containerinfra_nodegroup_v1')) expect(group.image_id).toBe(template.image);
    const gpuImage = onlyResource(tf, 'openstack_compute_instance_v2').block_device[0].uuid.match(/gpu-instance_image_\w+/)[0];
    expect(tf.data.openstack_images_image_v2[gpuImage].properties).toBeUndefined();
    expect(tf.data.openstack_images_image_v2[gpuImage].lifecycle).toBeUndefined();
  });

  test('a node group in the other zone and a GPU node group on the profile\'s first GPU flavor', () => {
    const groups = resources(tf, 'openstack_containerinfra_nodegroup_v1').map(([, g]) => [g.name, g.flavor_id, g.labels.availability_zone]);
    expect(groups).toEqual(expect.arrayContaining([['workers-b', 'm1.large', 'az-2'], ['gpu', 'g1.t4.large', 'az-1']]));
  });

  test('a block storage volume of the faster type and a GPU instance with its scratch volume', () => {
    expect(resources(tf, 'openstack_blockstorage_volume_v3').map(([, v]) => [v.size, v.volume_type, v.availability_zone]).sort()).toEqual([[100, 'ssd', 'az-1'], [200, 'standard', 'az-1']]);
    expect(onlyResource(tf, 'openstack_compute_instance_v2')).toMatchObject({ flavor_name: 'g1.t4.xlarge', availability_zone: 'az-1' });
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

  test('the workloads stack on the private API endpoint warns where its apply must run', () => {
    expect(out.result.warnings).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'nks-workloads', message: expect.stringMatching(/endpoint is private[\s\S]*inside the cluster's network/) })]),
    );
    const opened = synthOnOpenStack('platform', { NKS_PUBLIC_API_ENDPOINT: 'true' });
    expect(onlyResource(opened.tf['nks-infra'], 'openstack_containerinfra_cluster_v1').labels.master_lb_floating_ip_enabled).toBe('True');
    expect(opened.result.warnings.filter((w) => w.path === 'nks-workloads')).toEqual([]);
  });

  test('dist/ leaves out the static PV until the infrastructure outputs exist, and says so', () => {
    expect(out.result.pendingObjects.map((p) => p.object)).toEqual(['PersistentVolume data-pv']);
    expect(out.manifestFiles['web.k8s.yaml']).toContain('name: data-claim');
    expect(out.manifestFiles['web.k8s.yaml']).not.toContain('name: data-pv\n');
  });

  test('NKS_OPENSTACK_CLOUD names a profile file, whose facts replace the example\'s', () => {
    const file = path.join(fs.mkdtempSync(path.join(require('os').tmpdir(), 'nks-profile-')), 'cloud.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        region: 'RegionTwo',
        availabilityZones: ['nova'],
        flavors: [{ name: 'ds4G', vcpus: 4, memoryGiB: 4 }],
        volumeTypes: ['__DEFAULT__'],
        externalNetwork: '0f0e0d0c-0b0a-4909-8807-060504030201',
        masterFlavor: 'ds4G',
        nodeImageOsDistro: 'ubuntu',
      }),
    );
    const own = synthOnOpenStack('platform', { NKS_OPENSTACK_CLOUD: file, NKS_NODE_IMAGE: 'ubuntu-2204-kube-v1.33.4' });
    const infra = own.tf['nks-infra'];
    expect(infra.provider.openstack).toEqual([{ region: 'RegionTwo' }]);
    expect(onlyResource(infra, 'openstack_containerinfra_clustertemplate_v1')).toMatchObject({ master_flavor: 'ds4G', external_network_id: '0f0e0d0c-0b0a-4909-8807-060504030201' });
    expect(resources(infra, 'openstack_containerinfra_nodegroup_v1').map(([, g]) => [g.name, g.labels.availability_zone])).toEqual([['workers-b', 'nova']]);
    const lookup = Object.values(infra.data.openstack_images_image_v2)[0] as TfJson;
    expect(lookup).toMatchObject({ name: 'ubuntu-2204-kube-v1.33.4', properties: { os_distro: 'ubuntu' } });
    // A cloud without GPU flavors: the example leaves its GPU parts out.
    expect(resources(infra, 'openstack_compute_instance_v2')).toEqual([]);
  });
});

// Every example synthesizes for the nhncloud target: it is the default of an InfraStack in an NHN region (the
// examples use KR1), and `NKS_TARGET=nhncloud` sets it explicitly; both write the same files.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PlatformApp } from '../lib';
import { onlyResource, resources, synth, Synthesized, withEnv } from './helpers';
import { bodiesByPath, expectNhnOnly } from './infra/nhncloud-helpers';

const examplesDir = path.join(__dirname, '..', 'examples');
const sections = fs.readdirSync(examplesDir).filter((d) => fs.existsSync(path.join(examplesDir, d, 'main.ts'))).sort();

type Build = (app: PlatformApp) => unknown;
function load(section: string): Build {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.join(examplesDir, section, 'main.ts')).build as Build;
}

/** Synthesizes an example with $NKS_TARGET=nhncloud and `env`, restoring the environment afterwards. */
function synthOnNhn(section: string, env: Record<string, string | undefined> = {}): Synthesized {
  return withEnv({ NKS_TARGET: 'nhncloud', ...env }, () => synth((app) => load(section)(app)));
}

const infraStacks = (out: Synthesized) => Object.entries(out.tf).filter(([, tf]) => tf.provider?.nhncloud || tf.provider?.openstack);

describe('every example on the nhncloud target', () => {
  test.each(sections)('%s: every infrastructure resource is nhncloud\'s and passes the nhncloud 1.0.7 schema', (section) => {
    const out = synthOnNhn(section);
    for (const [, tf] of infraStacks(out)) expectNhnOnly(tf);
    for (const tf of Object.values(out.tf)) expect(JSON.stringify(tf)).not.toMatch(/openstack_|TfToken\[|\bundefined\b/);
  });

  test('the examples with infrastructure are among them', () => {
    const withInfra = sections.filter((s) => infraStacks(synthOnNhn(s)).length > 0);
    expect(withInfra).toEqual(['gpu', 'platform', 'storage-static-csi']);
  });

  test.each(['gpu', 'platform', 'storage-static-csi'])('%s: without NKS_TARGET (region KR1) it writes the same files as with NKS_TARGET=nhncloud', (section) => {
    const byDefault = synthOnNhn(section, { NKS_TARGET: undefined });
    const explicit = synthOnNhn(section);
    expect(Object.keys(byDefault.tf).length).toBeGreaterThan(0);
    expect(byDefault.tf).toEqual(explicit.tf);
    expect(byDefault.manifestFiles).toEqual(explicit.manifestFiles);
    for (const [, tf] of infraStacks(byDefault)) expectNhnOnly(tf);
  });
});

describe('examples/platform on the nhncloud target', () => {
  const out = synthOnNhn('platform');
  const tf = out.tf['nks-infra'];

  test('the guide cluster as nhncloud_kubernetes_cluster_v1 with template, labels and addons', () => {
    const cluster = onlyResource(tf, 'nhncloud_kubernetes_cluster_v1');
    expect(cluster).toMatchObject({ name: 'my-cluster', cluster_template_id: 'iaas_console', node_count: 3, flavor_id: '${data.nhncloud_compute_flavor_v2.flavor-m2-c4m8.id}' });
    expect(cluster.labels).toMatchObject({ availability_zone: 'kr-pub-a', boot_volume_type: 'General HDD', boot_volume_size: '50', cert_manager_api: 'True', ca_enable: 'False', master_lb_floating_ip_enabled: 'False' });
    expect(cluster.labels.node_image).toMatch(/^\$\{data\.nhncloud_images_image_v2\./);
    expect(cluster.addons.map((a: { name: string }) => a.name)).toEqual(['calico', 'coredns']);
  });

  test('node groups, the VPC, volumes and the GPU instance on NHN resources', () => {
    const groups = resources(tf, 'nhncloud_kubernetes_nodegroup_v1').map(([, g]) => [g.name, g.labels.availability_zone, g.labels.ca_enable]);
    expect(groups).toEqual(expect.arrayContaining([['workers-b', 'kr-pub-b', 'True'], ['gpu', 'kr-pub-a', 'False']]));
    for (const [, g] of resources(tf, 'nhncloud_kubernetes_nodegroup_v1')) expect(g.min_node_count).toBeUndefined();
    expect(onlyResource(tf, 'nhncloud_networking_vpc_v2')).toMatchObject({ name: 'nks-vpc', cidrv4: '192.168.0.0/16' });
    expect(onlyResource(tf, 'nhncloud_networking_vpcsubnet_v2')).toMatchObject({ cidr: '192.168.0.0/24' });
    expect(resources(tf, 'nhncloud_blockstorage_volume_v2').map(([, v]) => v.size).sort()).toEqual([100, 200]);
    expect(onlyResource(tf, 'nhncloud_compute_instance_v2').flavor_id).toBe('${data.nhncloud_compute_flavor_v2.flavor-g2-t4-c8m64.id}');
    expect(Object.keys(bodiesByPath(tf, 'nhncloud_compute_flavor_v2', 'data')).sort()).toEqual(['nks-infra/flavor-g2-t4-c4m32', 'nks-infra/flavor-g2-t4-c8m64', 'nks-infra/flavor-m2-c4m8']);
  });

  test('without a kubeconfig there is no workloads stack (NKS serves the kubeconfig only once the cluster exists)', () => {
    expect(Object.keys(out.tf)).toEqual(['nks-infra']);
  });

  test('with NKS_KUBECONFIG the workloads stack reads it, and warns that its apply must run inside the VPC (private endpoint)', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nks-kubeconfig-')), 'kubeconfig.yaml');
    fs.writeFileSync(file, 'apiVersion: v1\nkind: Config\n');
    const staged = synthOnNhn('platform', { NKS_KUBECONFIG: file });
    expect(staged.tf['nks-workloads'].provider.kubernetes).toEqual([{ config_path: file }]);
    expect(staged.result.warnings).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'nks-workloads', message: expect.stringMatching(/nks-infra\/cluster, whose endpoint is private[\s\S]*cdktf deploy nks-workloads/) })]),
    );
  });

  test('a public endpoint is an opt-in with the internet gateway network and its subnets from the environment: no warning then', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nks-kubeconfig-')), 'kubeconfig.yaml');
    fs.writeFileSync(file, 'apiVersion: v1\nkind: Config\n');
    const env = {
      NKS_KUBECONFIG: file,
      NKS_PUBLIC_API_ENDPOINT: 'true',
      NKS_EXTERNAL_NETWORK_ID: '751b8227-7b45-440a-9349-dbf829d0aba5',
      NKS_EXTERNAL_SUBNET_IDS: '59ddc195-76b1-431d-9693-f09880747dc6,59ddc195-76b1-431d-9693-f09880747dc7',
    };
    const opened = synthOnNhn('platform', env);
    expect(onlyResource(opened.tf['nks-infra'], 'nhncloud_kubernetes_cluster_v1').labels).toMatchObject({
      master_lb_floating_ip_enabled: 'True',
      external_network_id: env.NKS_EXTERNAL_NETWORK_ID,
      external_subnet_id_list: '59ddc195-76b1-431d-9693-f09880747dc6:59ddc195-76b1-431d-9693-f09880747dc7',
    });
    expect(opened.result.warnings.filter((w) => w.path === 'nks-workloads')).toEqual([]);
  });

  test('the workloads are the same manifests on either target', () => {
    expect(Object.values(out.manifestFiles).join('\n')).toContain('nginx:1.14.2');
  });
});

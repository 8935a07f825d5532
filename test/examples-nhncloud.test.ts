// Every example synthesizes for the nhncloud target too: `NKS_TARGET=nhncloud` switches every InfraStack that
// does not set its target, so the examples need no change to deploy on NHN Cloud's own provider.
import * as fs from 'fs';
import * as path from 'path';
import { PlatformApp } from '../lib';
import { onlyResource, resources, synth, Synthesized } from './helpers';
import { bodiesByPath, expectNhnOnly } from './infra/nhncloud-helpers';

const examplesDir = path.join(__dirname, '..', 'examples');
const sections = fs.readdirSync(examplesDir).filter((d) => fs.existsSync(path.join(examplesDir, d, 'main.ts'))).sort();

type Build = (app: PlatformApp) => unknown;
function load(section: string): Build {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.join(examplesDir, section, 'main.ts')).build as Build;
}

/** Synthesizes an example with $NKS_TARGET=nhncloud, restoring the environment afterwards. */
function synthOnNhn(section: string): Synthesized {
  const saved = process.env.NKS_TARGET;
  process.env.NKS_TARGET = 'nhncloud';
  try {
    return synth((app) => load(section)(app));
  } finally {
    if (saved === undefined) delete process.env.NKS_TARGET;
    else process.env.NKS_TARGET = saved;
  }
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
    expect(withInfra).toEqual(expect.arrayContaining(['gpu', 'platform']));
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

  test('the workloads are the same manifests on either target', () => {
    expect(Object.values(out.manifestFiles).join('\n')).toContain('nginx:1.14.2');
  });
});

// Which target a stack renders for, and where each target's facts come from: NHN's tables for nhncloud, the
// user's cloud profile for openstack (zones, flavors, volume types, external network, Magnum's settings).
import * as fs from 'fs';
import * as path from 'path';
import {
  BlockStorageVolume,
  GpuInstance,
  ImageRef,
  InfraStack,
  InfraStackProps,
  loadOpenStackCloudProfile,
  OpenStackCloud,
  OpenStackCloudProfile,
  Platform,
  PlatformApp,
  ValidationError,
} from '../../lib';
import { ContainerinfraClustertemplateV1 } from '../../lib/generated/providers/openstack/containerinfra-clustertemplate-v1';
import { catchValidation, onlyResource, resources, synth, TfJson, tmpdir, withEnv } from '../helpers';
import { baseCluster, IMAGE_ID, OPENSTACK, openstackCluster, TEST_CLOUD } from './fixtures';

function app(): PlatformApp {
  return new PlatformApp({ outdir: path.join(tmpdir(), 'out'), log: () => undefined });
}


describe('the default target', () => {
  test.each<[string, InfraStackProps, string, string]>([
    ['no props: NHN Cloud KR1', {}, 'nhncloud', 'KR1'],
    ['an NHN region', { region: 'KR2' }, 'nhncloud', 'KR2'],
    ['an NHN region with a cloud profile (a program for both clouds)', { region: 'KR1', cloud: TEST_CLOUD }, 'nhncloud', 'KR1'],
    ['a cloud profile without a region', { cloud: TEST_CLOUD }, 'openstack', 'RegionOne'],
    ["the profile's region", { region: 'RegionOne', cloud: TEST_CLOUD }, 'openstack', 'RegionOne'],
  ])('%s', (_name, props, target, region) => {
    const { tf } = synth((a) => void new InfraStack(a.infra, 'infra', props));
    expect(Object.keys(tf.infra.provider)).toEqual([target]);
    expect(tf.infra.provider[target]).toEqual([{ region }]);
  });

  test('$NKS_TARGET overrides the default, and the target prop overrides $NKS_TARGET', () => {
    const viaEnv = withEnv({ NKS_TARGET: 'openstack' }, () => synth((a) => void new InfraStack(a.infra, 'infra', { region: 'KR1', cloud: TEST_CLOUD })));
    expect(viaEnv.tf.infra.provider).toEqual({ openstack: [{ region: 'RegionOne' }] });
    const byProp = withEnv({ NKS_TARGET: 'openstack' }, () => synth((a) => void new InfraStack(a.infra, 'infra', { region: 'KR1', cloud: TEST_CLOUD, target: 'nhncloud' })));
    expect(byProp.tf.infra.provider).toEqual({ nhncloud: [{ region: 'KR1' }] });
  });

  test('a cluster in KR1 with no target set is what NKS accepts: nhncloud resources, template iaas_console', () => {
    const { tf } = synth((a) => void baseCluster(a));
    expect(onlyResource(tf.infra, 'nhncloud_kubernetes_cluster_v1').cluster_template_id).toBe('iaas_console');
    expect(Object.keys(tf.infra.resource).filter((t) => t.startsWith('openstack_'))).toEqual([]);
  });

  test('the openstack target without a cloud profile is refused at the stack (field cloud)', () => {
    for (const props of [{ target: 'openstack' } as const, { region: 'RegionOne' }]) {
      const err = catchValidation(() => new InfraStack(app().infra, 'infra', props));
      expect([err.path, err.field]).toEqual(['infra', 'cloud']);
      expect(err.rule).toMatch(/cloud profile/);
      expect(err.fix).toMatch(/nhncloud/);
    }
    const viaEnv = withEnv({ NKS_TARGET: 'openstack' }, () => catchValidation(() => new InfraStack(app().infra, 'infra', { region: 'KR1' })));
    expect(viaEnv.field).toBe('cloud');
  });

  test("a region that is neither NHN's nor the profile's is refused on the openstack target", () => {
    const err = catchValidation(() => new InfraStack(app().infra, 'infra', { region: 'RegionTwo', cloud: TEST_CLOUD }));
    expect(err).toMatchObject({ path: 'infra', field: 'region', value: 'RegionTwo' });
    expect(err.rule).toContain('"RegionOne"');
  });
});

describe('the cloud profile is checked at synth', () => {
  const cases: [string, Partial<Record<keyof OpenStackCloudProfile, unknown>>, string, RegExp][] = [
    ['an NHN region', { region: 'KR1' }, 'cloud.region', /NHN Cloud region[\s\S]*iaas_console/],
    ['a region with a space', { region: 'Region One' }, 'cloud.region', /no spaces/],
    ['no zones', { availabilityZones: [] }, 'cloud.availabilityZones', /non-empty array/],
    ['a zone twice', { availabilityZones: ['nova', 'nova'] }, 'cloud.availabilityZones[1]', /listed once/],
    ['no flavors', { flavors: [] }, 'cloud.flavors', /non-empty array/],
    ['a flavor without vCPUs', { flavors: [{ name: 'm1.large', memoryGiB: 8 }] }, 'cloud.flavors[0].vcpus', /vCPU/],
    ['a flavor with no memory', { flavors: [{ name: 'm1.large', vcpus: 4, memoryGiB: 0 }] }, 'cloud.flavors[0].memoryGiB', /positive/],
    ['a flavor twice', { flavors: [{ name: 'm1.large', vcpus: 4, memoryGiB: 8 }, { name: 'm1.large', vcpus: 4, memoryGiB: 8 }] }, 'cloud.flavors[1].name', /listed once/],
    ['a GPU count of 0', { flavors: [{ name: 'g1', vcpus: 4, memoryGiB: 8, gpu: { model: 'Tesla T4', count: 0 } }] }, 'cloud.flavors[0].gpu.count', /1 to 64/],
    ['a default flavor the profile lacks', { defaultFlavor: 'm1.tiny' }, 'cloud.defaultFlavor', /lists no flavor "m1.tiny"/],
    ['no volume types', { volumeTypes: [] }, 'cloud.volumeTypes', /volume types/],
    ['a default volume type the profile lacks', { defaultVolumeType: 'nvme' }, 'cloud.defaultVolumeType', /volumeTypes/],
    ['no external network', { externalNetwork: '' }, 'cloud.externalNetwork', /non-empty/],
    ['no master flavor', { masterFlavor: undefined }, 'cloud.masterFlavor', /lists no flavor/],
    ['a master flavor the profile lacks', { masterFlavor: 'm1.small-ish' }, 'cloud.masterFlavor', /lists no flavor/],
    ['no os_distro', { nodeImageOsDistro: undefined }, 'cloud.nodeImageOsDistro', /os_distro/],
    ['an os_distro with a quote', { nodeImageOsDistro: 'fedora"coreos' }, 'cloud.nodeImageOsDistro', /token/],
    ['a coe Magnum does not have', { coe: 'swarm' }, 'cloud.coe', /"kubernetes"/],
    ['a network driver Magnum does not have', { networkDriver: 'weave' }, 'cloud.networkDriver', /calico/],
  ];
  test.each(cases)('%s', (_name, change, field, rule) => {
    const cloud = { ...TEST_CLOUD, ...change } as OpenStackCloudProfile;
    const err = catchValidation(() => new InfraStack(app().infra, 'infra', { target: 'openstack', cloud }));
    expect([err.path, err.field]).toEqual(['infra', field]);
    expect(err.rule).toMatch(rule);
    expect(err.message).not.toMatch(/\bundefined\b/);
  });

  test('a profile that is not an object', () => {
    const err = catchValidation(() => new InfraStack(app().infra, 'infra', { target: 'openstack', cloud: 'RegionOne' as never }));
    expect([err.path, err.field]).toEqual(['infra', 'cloud']);
  });
});

describe("on the openstack target zones, flavors and volume types are the profile's", () => {
  const refused: [string, (a: PlatformApp) => void, string, string, RegExp][] = [
    ['an NHN zone', (a) => openstackCluster(a, { availabilityZone: 'kr-pub-a' }), 'infra/cluster', 'availabilityZone', /kr-pub-a is an NHN Cloud zone[\s\S]*"nova" or "az-2"/],
    ['a zone the profile lacks', (a) => openstackCluster(a, { availabilityZone: 'az-3' }), 'infra/cluster', 'availabilityZone', /RegionOne \(cloud profile "test-cloud"\) has the availability zones/],
    ['an NHN flavor', (a) => openstackCluster(a, { flavor: 'm2.c4m8' }), 'infra/cluster', 'flavor', /lists no flavor "m2.c4m8"/],
    ["NHN's volume type", (a) => openstackCluster(a, { bootVolume: { type: 'General HDD' } }), 'infra/cluster', 'bootVolume.type', /volumeTypes/],
    ['a GPU node group on a flavor without GPUs', (a) => openstackCluster(a).cluster.addGpuNodeGroup('gpu', { flavor: 'm1.large' }), 'infra/cluster/gpu', 'flavor', /needs a flavor with GPUs[\s\S]*m1.large without GPUs/],
    ['a GPU flavor in a plain node group', (a) => openstackCluster(a).cluster.addNodeGroup('ng', { flavor: 'g1.t4' }), 'infra/cluster/ng', 'flavor', /GPU/],
    ['a gpuCount the profile contradicts', (a) => openstackCluster(a).cluster.addGpuNodeGroup('gpu', { flavor: 'g1.t4', gpuCount: 4 }), 'infra/cluster/gpu', 'gpuCount', /1 GPU per instance/],
    ['a volume in an NHN zone', (a) => new BlockStorageVolume(new InfraStack(a.infra, 'infra', OPENSTACK), 'v', { sizeGb: 10, availabilityZone: 'kr-pub-a' }), 'infra/v', 'availabilityZone', /NHN Cloud zone/],
    ["a volume of NHN's type", (a) => new BlockStorageVolume(new InfraStack(a.infra, 'infra', OPENSTACK), 'v', { sizeGb: 10, availabilityZone: 'nova', volumeType: 'General SSD' }), 'infra/v', 'volumeType', /volumeTypes/],
  ];
  test.each(refused)('refuses %s', (_name, build, where, field, rule) => {
    const err = catchValidation(() => build(app()));
    expect([err.path, err.field]).toEqual([where, field]);
    expect(err.rule).toMatch(rule);
  });

  test("the profile's zone, flavor and volume type are refused on the nhncloud target", () => {
    const zone = catchValidation(() => baseCluster(app(), { availabilityZone: 'nova' }));
    expect([zone.field, zone.rule]).toEqual(['availabilityZone', expect.stringMatching(/KR1 \(Pangyo\) has the availability zones/)]);
    const flavor = catchValidation(() => baseCluster(app(), { flavor: 'm1.large' }));
    expect(flavor.field).toBe('flavor');
    const volume = catchValidation(() => baseCluster(app(), { bootVolume: { type: 'fast-ssd' } }));
    expect(volume.field).toBe('bootVolume.type');
  });

  test("volumes and boot volumes default to the profile's volume type; GPUs come from the profile", () => {
    let gpus: number | undefined;
    const { tf } = synth((a) => {
      const { stack, network, keyPair, cluster } = openstackCluster(a);
      gpus = cluster.addGpuNodeGroup('gpu', { flavor: 'g1.2t4', nodeCount: 2 }).maxGpus;
      new BlockStorageVolume(stack, 'data', { sizeGb: 10, availabilityZone: 'nova' });
      new GpuInstance(stack, 'vm', { flavor: 'g1.t4', image: ImageRef.fromId(IMAGE_ID), availabilityZone: 'az-2', network, keyPair });
    });
    expect(gpus).toBe(4);
    expect(onlyResource(tf.infra, 'openstack_blockstorage_volume_v3').volume_type).toBe('__DEFAULT__');
    expect(onlyResource(tf.infra, 'openstack_compute_instance_v2')).toMatchObject({ flavor_name: 'g1.t4', availability_zone: 'az-2', block_device: [expect.objectContaining({ volume_type: '__DEFAULT__' })] });
    expect(onlyResource(tf.infra, 'openstack_containerinfra_cluster_v1').labels.boot_volume_type).toBe('__DEFAULT__');
  });

  test('an external network given by UUID in the profile is used as is, with no look-up', () => {
    const id = '0f0e0d0c-0b0a-4909-8807-060504030201';
    const { tf } = synth((a) => void openstackCluster(a, {}, { cloud: { ...TEST_CLOUD, externalNetwork: id } }));
    expect(onlyResource(tf.infra, 'openstack_containerinfra_clustertemplate_v1').external_network_id).toBe(id);
    expect(onlyResource(tf.infra, 'openstack_networking_router_v2').external_network_id).toBe(id);
    expect(tf.infra.data?.openstack_networking_network_v2).toBeUndefined();
  });
});

describe("the openstack cluster's template", () => {
  test('is exposed as a Terraform resource with its ID, and is the generated class for whoever narrows it', () => {
    const { tf } = synth((a) => {
      const { cluster } = openstackCluster(a);
      expect(cluster.template).toBeInstanceOf(ContainerinfraClustertemplateV1);
      cluster.template!.addOverride('public', true);
      expect(cluster.template!.terraformResourceType).toBe('openstack_containerinfra_clustertemplate_v1');
      expect(cluster.template!.id).toMatch(/TfToken/);
    });
    expect(onlyResource(tf.infra, 'openstack_containerinfra_clustertemplate_v1').public).toBe(true);
  });

  test('is absent on the nhncloud target', () => {
    synth((a) => expect(baseCluster(a).cluster.template).toBeUndefined());
  });
});

describe("Magnum's node image os_distro", () => {
  const lookups = (tf: TfJson): TfJson[] => Object.values(tf.data?.openstack_images_image_v2 ?? {}) as TfJson[];
  const check = (distro: string) => [{ condition: `\${lookup(self.properties, "os_distro", "") == "${distro}"}`, error_message: expect.stringContaining(`os_distro=${distro}`) }];

  test("every node image look-up (cluster and node group) filters by the profile's os_distro and fails the plan without it", () => {
    const { tf } = synth((a) => {
      const { cluster } = openstackCluster(a, { image: ImageRef.fromNameRegex('^fcos-') }, { cloud: { ...TEST_CLOUD, nodeImageOsDistro: 'flatcar' } });
      cluster.addNodeGroup('ng', { flavor: 'm1.small', image: ImageRef.fromName('fcos-39') });
    });
    const found = lookups(tf.infra);
    expect(found.map((l) => l.name_regex ?? l.name)).toEqual(['^fcos-', 'fcos-39']);
    for (const l of found) {
      expect(l.properties).toEqual({ os_distro: 'flatcar' });
      expect(l.lifecycle.postcondition).toEqual(check('flatcar'));
    }
  });

  test('a GPU instance image is an ordinary Nova image: no os_distro check', () => {
    const { tf } = synth((a) => {
      const { stack, network, keyPair } = openstackCluster(a);
      new GpuInstance(stack, 'vm', { flavor: 'g1.t4', image: ImageRef.fromName('ubuntu-22.04-gpu'), availabilityZone: 'nova', network, keyPair });
    });
    expect(lookups(tf.infra)).toEqual([expect.objectContaining({ name: 'ubuntu-22.04-gpu' })]);
    expect(lookups(tf.infra)[0].lifecycle).toBeUndefined();
    expect(lookups(tf.infra)[0].properties).toBeUndefined();
  });

  test('the nhncloud target does not check os_distro (NKS takes its own node images)', () => {
    const { tf } = synth((a) => void baseCluster(a, { image: ImageRef.fromNameRegex('^Ubuntu') }));
    expect(JSON.stringify(tf.infra)).not.toContain('os_distro');
  });
});

describe('the workloads stack on a private API endpoint', () => {
  const warningsOf = (build: (a: PlatformApp) => void) => synth(build).result.warnings.filter((w) => w.path === 'nks-workloads');

  test('openstack: a warning naming the stack, the cluster and where to run the apply', () => {
    const warnings = warningsOf((a) => {
      const platform = new Platform(a, OPENSTACK);
      platform.deployWorkloadsTo(baseCluster(a, {}, {}, platform.infra).cluster);
    });
    expect(warnings).toEqual([expect.objectContaining({ message: expect.stringContaining('nks-workloads applies its manifests through Terraform to the API of nks-infra/cluster, whose endpoint is private') })]);
    expect(warnings[0].message).toMatch(/inside the cluster's network/);
  });

  test('nhncloud: the same warning with the kubeconfig file', () => {
    const file = path.join(tmpdir(), 'kubeconfig.yaml');
    fs.writeFileSync(file, 'apiVersion: v1\nkind: Config\n');
    const warnings = warningsOf((a) => {
      const platform = new Platform(a, { region: 'KR1' });
      platform.deployWorkloadsTo(baseCluster(a, { kubeconfigFile: file }, {}, platform.infra).cluster);
    });
    expect(warnings).toEqual([expect.objectContaining({ message: expect.stringMatching(/endpoint is private[\s\S]*externalNetwork and externalSubnetIds/) })]);
  });

  test('no warning for a public endpoint', () => {
    const warnings = warningsOf((a) => {
      const platform = new Platform(a, OPENSTACK);
      platform.deployWorkloadsTo(baseCluster(a, { publicApiEndpoint: true }, {}, platform.infra).cluster);
    });
    expect(warnings).toEqual([]);
  });
});

describe('loadOpenStackCloudProfile', () => {
  test('reads a JSON profile that a stack then checks', () => {
    const file = path.join(tmpdir(), 'cloud.json');
    fs.writeFileSync(file, JSON.stringify(TEST_CLOUD));
    expect(loadOpenStackCloudProfile(file)).toEqual(TEST_CLOUD);
    fs.writeFileSync(file, JSON.stringify({ ...TEST_CLOUD, masterFlavor: 'huge' }));
    const err = catchValidation(() => new InfraStack(app().infra, 'infra', { target: 'openstack', cloud: loadOpenStackCloudProfile(file) }));
    expect(err.field).toBe('cloud.masterFlavor');
  });

  test.each([
    ['a missing file', (dir: string) => path.join(dir, 'none.json'), /does not exist/],
    ['invalid JSON', (dir: string) => (fs.writeFileSync(path.join(dir, 'bad.json'), '{ region: RegionOne }'), path.join(dir, 'bad.json')), /not valid JSON/],
    ['a JSON array', (dir: string) => (fs.writeFileSync(path.join(dir, 'list.json'), '[]'), path.join(dir, 'list.json')), /JSON object/],
  ])('refuses %s', (_name, make, rule) => {
    let thrown: unknown;
    try {
      loadOpenStackCloudProfile(make(tmpdir()));
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(ValidationError);
    expect((thrown as ValidationError).rule).toMatch(rule);
  });
});

test('resources() sees the node groups of an openstack cluster', () => {
  const { tf } = synth((a) => void openstackCluster(a).cluster.addNodeGroup('ng', { flavor: 'm1.small' }));
  expect(resources(tf.infra, 'openstack_containerinfra_nodegroup_v1').map(([, g]) => g.flavor_id)).toEqual(['m1.small']);
});

test('OpenStackCloud.fromProfile validates a profile outside a stack, and answers what the stack would check', () => {
  const cloud = OpenStackCloud.fromProfile(TEST_CLOUD);
  expect([cloud.region, cloud.defaultFlavor, cloud.defaultVolumeType, cloud.masterFlavor, cloud.coe, cloud.networkDriver]).toEqual(['RegionOne', 'm1.large', '__DEFAULT__', 'm1.small', 'kubernetes', 'calico']);
  expect(cloud.isGpuFlavorName('g1.2t4')).toBe(true);
  expect(cloud.parseFlavor('g1.2t4', { path: 'p', field: 'flavor' }).gpu).toEqual({ model: 'Tesla T4', count: 2 });
  let thrown: unknown;
  try {
    OpenStackCloud.fromProfile({ ...TEST_CLOUD, availabilityZones: [] });
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toMatchObject({ path: 'OpenStackCloudProfile', field: 'cloud.availabilityZones' });
});

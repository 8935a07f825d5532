import * as path from 'path';
import { BlockStorageVolume, ClusterProps, ExternalNetworkRef, GpuInstance, ImageRef, InfraStack, Network, NksAddon, PlatformApp } from '../../lib';
import { catchValidation, onlyResource, synth, tmpdir } from '../helpers';
import { baseCluster, IMAGE_ID, openstackCluster } from './fixtures';

const NHN = { target: 'nhncloud' } as const;
const EXT_NET = '751b8227-7b45-440a-9349-dbf829d0aba5';
const EXT_SUBNET = '59ddc195-76b1-431d-9693-f09880747dc6';

function app(): PlatformApp {
  return new PlatformApp({ outdir: path.join(tmpdir(), 'out'), log: () => undefined });
}

/** Builds a cluster on the nhncloud target and returns the first ValidationError (at construction or synth). */
function clusterError(overrides: Partial<ClusterProps>, after?: (c: ReturnType<typeof baseCluster>) => void, stackProps = {}) {
  return catchValidation(() => {
    const a = app();
    const built = baseCluster(a, overrides, { ...NHN, ...stackProps });
    after?.(built);
    a.synth();
  });
}

describe('nhncloud target: synth-time errors carry path, field, value, rule and fix', () => {
  test.each<[string, Partial<ClusterProps>, string, unknown, RegExp]>([
    ['a Kubernetes version NKS cannot create', { kubernetesVersion: 'v1.28.3' }, 'kubernetesVersion', 'v1.28.3', /end of service/],
    ['a version NKS has not released', { kubernetesVersion: 'v1.40.1' }, 'kubernetesVersion', 'v1.40.1', /not released/],
    ['a zone of another region', { availabilityZone: 'kr2-pub-a' }, 'availabilityZone', 'kr2-pub-a', /not of this stack's region KR1/],
    ['a zone that does not exist', { availabilityZone: 'kr-pub-c' }, 'availabilityZone', 'kr-pub-c', /availability zones/],
    ['a flavor family NHN does not have', { flavor: 'z9.c4m8' }, 'flavor', 'z9.c4m8', /no z9 flavors/],
    ['a public API endpoint without the external network', { publicApiEndpoint: true }, 'externalNetwork', undefined, /master_lb_floating_ip_enabled.*external_network_id and external_subnet_id_list/],
    ['external subnets without their network', { externalSubnetIds: [EXT_SUBNET] }, 'externalNetwork', undefined, /without their network/],
    ['an empty external subnet list', { externalNetwork: ExternalNetworkRef.fromId(EXT_NET), externalSubnetIds: [] }, 'externalSubnetIds', [], /empty list/],
    ['an external subnet that is not a UUID', { externalNetwork: ExternalNetworkRef.fromId(EXT_NET), externalSubnetIds: ['public-subnet'] }, 'externalSubnetIds[0]', 'public-subnet', /UUID/],
    ['a missing CNI addon', { addons: [NksAddon.coreDns()] }, 'addons', ['coredns'], /requires a cni addon/],
    ['a missing kube-dns addon', { addons: [NksAddon.calico()] }, 'addons', ['calico'], /requires a kube-dns addon/],
    ['two CNI addons', { addons: [NksAddon.calico(), NksAddon.coreDns(), NksAddon.custom({ name: 'cilium', type: 'cni', version: 'v1.16.0' })] }, 'addons[2]', 'cilium', /one cni addon/],
    ['a Calico mode NKS does not offer', { addons: [NksAddon.calico({ mode: 'bgp' as never }), NksAddon.coreDns()] }, 'addons[0].options.mode', 'bgp', /vxlan.*ebpf/],
    ['another cluster template', { clusterTemplateId: 'my-template' }, 'clusterTemplateId', 'my-template', /iaas_console/],
    ['a label value that is not a string', { extraLabels: { strict_sg_rules: true as never } }, 'extraLabels.strict_sg_rules', true, /strings/],
    ['a label nks-cdk derives from externalNetwork', { extraLabels: { external_network_id: EXT_NET } }, 'extraLabels.external_network_id', EXT_NET, /typed prop/],
    ['resizing a group the autoscaler sizes', { autoscaler: { maxNodes: 5 }, resizeTo: 4 }, 'resizeTo', 4, /autoscaler sizes this group/],
    ['resizing to zero nodes', { resizeTo: 0 }, 'resizeTo', 0, /1 to 100/],
    ['an upgrade to the same version', { kubernetesVersion: 'v1.33.4', upgrade: { kubernetesVersion: 'v1.33.4' } }, 'upgrade.kubernetesVersion', 'v1.33.4', /newer version/],
    ['an upgrade to a version NKS does not offer', { kubernetesVersion: 'v1.32.3', upgrade: { kubernetesVersion: 'v1.33.9' } }, 'upgrade.kubernetesVersion', 'v1.33.9', /one patch release per minor/],
    ['an upgrade with no node allowed out of service', { kubernetesVersion: 'v1.32.3', upgrade: { kubernetesVersion: 'v1.33.4', maxUnavailableNodes: 0 } }, 'upgrade.maxUnavailableNodes', 0, /1 to 100/],
  ])('%s', (_name, overrides, field, value, rule) => {
    const err = clusterError(overrides);
    expect(err).toMatchObject({ path: 'infra/cluster', field, value });
    expect(err.rule).toMatch(rule);
    expect(err.fix.length).toBeGreaterThan(10);
  });

  test('a flavor the stack says the region does not offer', () => {
    const err = clusterError({ flavor: 'm2.c8m16' }, undefined, { availableFlavors: ['m2.c4m8', 'm2.c2m4', 'c2.c8m8'] });
    expect(err).toMatchObject({ path: 'infra/cluster', field: 'flavor', value: 'm2.c8m16' });
    expect(err.rule).toMatch(/not among the flavors .* KR1/);
    expect(err.fix).toMatch(/m2\.c4m8/);
  });

  test('a node group zone and flavor are checked against the region too', () => {
    const zone = catchValidation(() => baseCluster(app(), {}, NHN).cluster.addNodeGroup('ng', { flavor: 'm2.c4m8', availabilityZone: 'kr3-pub-a' }));
    expect(zone).toMatchObject({ path: 'infra/cluster/ng', field: 'availabilityZone', value: 'kr3-pub-a' });
    const flavor = catchValidation(() => {
      const a = app();
      baseCluster(a, {}, { ...NHN, availableFlavors: ['m2.c4m8'] }).cluster.addGpuNodeGroup('gpu', { flavor: 'g2.t4.c4m32' });
    });
    expect(flavor).toMatchObject({ path: 'infra/cluster/gpu', field: 'flavor', value: 'g2.t4.c4m32' });
  });

  test('a GPU instance and a volume in a zone the region lacks', () => {
    const a = app();
    const stack = new InfraStack(a.infra, 'infra', { region: 'KR3', target: 'nhncloud' });
    const network = new Network(stack, 'vpc');
    const volume = catchValidation(() => new BlockStorageVolume(stack, 'v', { sizeGb: 10, availabilityZone: 'kr-pub-a' }));
    expect(volume).toMatchObject({ path: 'infra/v', field: 'availabilityZone', value: 'kr-pub-a' });
    const vm = catchValidation(() => new GpuInstance(stack, 'vm', { flavor: 'g2.t4.c4m32', image: ImageRef.fromId(IMAGE_ID), availabilityZone: 'kr3-pub-c', network, keyPair: { keyPairName: 'k' } }));
    expect(vm).toMatchObject({ path: 'infra/vm', field: 'availabilityZone', value: 'kr3-pub-c' });
  });

  test('an unknown target', () => {
    const err = catchValidation(() => new InfraStack(app().infra, 'infra', { target: 'aws' as never }));
    expect(err).toMatchObject({ path: 'infra', field: 'target', value: 'aws' });
  });

  test('an NHN VPC range outside the private ranges, or not holding the subnet', () => {
    const stack = new InfraStack(app().infra, 'infra', NHN);
    expect(catchValidation(() => new Network(stack, 'a', { cidr: '10.0.0.0/24', vpcCidr: '100.64.0.0/16' }))).toMatchObject({ path: 'infra/a', field: 'vpcCidr', value: '100.64.0.0/16' });
    expect(catchValidation(() => new Network(stack, 'b', { cidr: '10.1.0.0/24', vpcCidr: '10.2.0.0/16' }))).toMatchObject({ path: 'infra/b', field: 'vpcCidr', value: '10.2.0.0/16' });
    expect(catchValidation(() => new Network(stack, 'c', { vpcCidr: '192.168.0.0/28' }))).toMatchObject({ path: 'infra/c', field: 'vpcCidr', value: '192.168.0.0/28' });
  });
});

describe('nhncloud target: what escape hatches write is checked at synth', () => {
  test('an override that drops a required cluster label', () => {
    const err = clusterError({}, ({ cluster }) => cluster.resource.addOverride('labels.kube_tag', undefined));
    expect(err).toMatchObject({ path: 'infra/cluster', field: 'labels.kube_tag', value: undefined });
    expect(err.rule).toMatch(/requires the label "kube_tag"/);
  });

  test('an override that writes a label value that is not a string', () => {
    const err = clusterError({}, ({ cluster }) => cluster.resource.addOverride('labels.boot_volume_size', 50));
    expect(err).toMatchObject({ path: 'infra/cluster', field: 'labels.boot_volume_size', value: 50 });
    expect(err.fix).toContain('"50"');
  });

  test('an override that drops a required node group label', () => {
    const err = clusterError({}, ({ cluster }) => cluster.addNodeGroup('ng', { flavor: 'm2.c4m8' }).resource.addOverride('labels.ca_enable', undefined));
    expect(err).toMatchObject({ path: 'infra/cluster/ng', field: 'labels.ca_enable' });
  });

  test('an override that replaces the kube-dns addon', () => {
    const err = clusterError({}, ({ cluster }) => cluster.resource.addOverride('addons.1.name', 'my-dns'));
    expect(err).toMatchObject({ path: 'infra/cluster', field: 'addons', value: ['calico', 'my-dns'] });
    expect(err.rule).toMatch(/kube-dns/);
  });

  test('an override that deletes the addons', () => {
    const err = clusterError({}, ({ cluster }) => cluster.resource.addOverride('addons', undefined));
    expect(err).toMatchObject({ path: 'infra/cluster', field: 'addons', value: [] });
    expect(err.rule).toMatch(/cni/);
  });
});

describe('nhncloud target: upgrades step one minor version at a time (a skip is refused: corpus)', () => {
  test('the second step names the version the first reached as fromVersion: operations at the new version, no warning', () => {
    const { tf, result } = synth((a) => void baseCluster(a, { kubernetesVersion: 'v1.31.4', upgrade: { fromVersion: 'v1.32.3', kubernetesVersion: 'v1.33.4' } }, NHN));
    const versions = Object.values(tf.infra.resource.nhncloud_kubernetes_nodegroup_upgrade_v1).map((u) => (u as { version: string }).version);
    expect(versions).toEqual(['v1.33.4', 'v1.33.4']);
    // The cluster is still written with the version it was created with: changing that would replace it.
    expect(onlyResource(tf.infra, 'nhncloud_kubernetes_cluster_v1').labels.kube_tag).toBe('v1.31.4');
    expect(result.warnings.filter((w) => /minor/.test(w.message))).toEqual([]);
  });

  test('the same program without fromVersion is refused at upgrade.kubernetesVersion', () => {
    const err = clusterError({ kubernetesVersion: 'v1.31.4', upgrade: { kubernetesVersion: 'v1.33.4' } });
    expect(err).toMatchObject({ path: 'infra/cluster', field: 'upgrade.kubernetesVersion', value: 'v1.33.4' });
  });
});

describe('openstack target: what it refuses or ignores', () => {
  test('resizeTo is the node count Magnum resizes to in place', () => {
    const { tf } = synth((a) => {
      const { cluster } = openstackCluster(a, { resizeTo: 5 });
      const group = cluster.addNodeGroup('ng', { flavor: 'm1.large', nodeCount: 1, resizeTo: 3 });
      expect([cluster.resizeOperation, group.resizeOperation]).toEqual([undefined, undefined]);
    });
    expect(onlyResource(tf.infra, 'openstack_containerinfra_cluster_v1').node_count).toBe(5);
    expect(onlyResource(tf.infra, 'openstack_containerinfra_nodegroup_v1').node_count).toBe(3);
  });

  test('an in-place upgrade is refused', () => {
    const err = catchValidation(() => openstackCluster(app(), { kubernetesVersion: 'v1.32.3', upgrade: { kubernetesVersion: 'v1.33.4' } }));
    expect(err).toMatchObject({ path: 'infra/cluster', field: 'upgrade', value: 'v1.33.4' });
    expect(err.fix).toMatch(/nhncloud/);
  });

  test('addons, external subnets and NHN network props are ignored with warnings', () => {
    const a = app();
    const { stack } = openstackCluster(a, { addons: [NksAddon.calico(), NksAddon.coreDns()], externalSubnetIds: [EXT_SUBNET] });
    new Network(stack, 'vpc2', { vpcCidr: '192.168.0.0/16', internetGatewayId: EXT_NET });
    // One warning per id and construct; each ignored prop is a line of it.
    const messages = a.synth().warnings.map((w) => `${w.id} ${w.path}: ${w.message}`);
    expect(messages).toEqual([
      expect.stringMatching(/^nks-cdk:ignoredProp infra\/cluster: addons apply to the nhncloud target only.*\nexternalSubnetIds apply to the nhncloud target only/),
      expect.stringMatching(/^nks-cdk:ignoredProp infra\/vpc2: internetGatewayId applies to the nhncloud target only.*\nvpcCidr applies to the nhncloud target only/),
    ]);
  });

  test("the cloud profile's flavors are the list: availableFlavors is ignored with a warning, a flavor outside the profile refused", () => {
    const a = app();
    openstackCluster(a, {}, { availableFlavors: ['m2.c4m8'] });
    expect(a.synth().warnings).toEqual([expect.objectContaining({ path: 'infra', message: expect.stringMatching(/^availableFlavors applies to the nhncloud target/) })]);
    const err = catchValidation(() => openstackCluster(app(), { flavor: 'm2.c8m16' }));
    expect(err).toMatchObject({ path: 'infra/cluster', field: 'flavor', value: 'm2.c8m16' });
    expect(err.rule).toMatch(/cloud profile "test-cloud" \(RegionOne\) lists no flavor "m2.c8m16".*NHN Cloud flavor name/);
  });

  test('availableFlavors is checked on the nhncloud target', () => {
    const err = catchValidation(() => baseCluster(app(), { flavor: 'm2.c8m16' }, { availableFlavors: ['m2.c4m8'] }));
    expect(err).toMatchObject({ path: 'infra/cluster', field: 'flavor', value: 'm2.c8m16' });
  });
});

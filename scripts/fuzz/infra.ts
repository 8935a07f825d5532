// Infrastructure pieces: a platform (stack, VPC, key pair, cluster) on either target, then node groups, GPU
// node groups, block storage volumes, GPU instances, add-ons, a state backend and the workloads stack.
import fc from 'fast-check';
import { BlockStorageVolume, Cluster, GpuInstance, ImageRef, KeyPair, Network, NksAddon, OpenStackCloudProfile, Platform, StateBackend } from '../../lib';
import { EXAMPLE_OPENSTACK_CLOUD } from '../../examples/clouds';
import { Ctx, Piece } from './program';
import { cidr, int, labels, mode, mostly, name, optional, wrongType } from './values';

const IMAGE_ID = '4f8b6bb0-3c34-4f5e-9a3c-0d1e2f3a4b5c';
const PUBLIC_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIK3eYQ0EXAMPLEKEYDATAFORTESTS1234567890ab fuzz@nks';

/** The examples' made-up OpenStack cloud with Magnum: zones, flavors and volume types below come from it. */
const CLOUD: OpenStackCloudProfile = EXAMPLE_OPENSTACK_CLOUD;

/** A zone: index 0 or 1 of the platform's zones (picked in `add`, when the target and region are known), or a wrong one. */
const zone = mostly(fc.constantFrom(0, 1), fc.constantFrom('', 'kr2-pub-a', 'KR-PUB-A', 'zone-x', 'nova'));
const ZONES: Record<string, readonly string[]> = { openstack: CLOUD.availabilityZones, KR1: ['kr-pub-a', 'kr-pub-b'], KR2: ['kr2-pub-a', 'kr2-pub-b'] };
/** The zone `z` stands for in the program's platform. */
function zoneOf(ctx: Ctx, z: unknown): unknown {
  if (typeof z !== 'number') return z;
  const zones = ctx.platform?.infra.target === 'openstack' ? ZONES.openstack : (ZONES[String(ctx.platform?.infra.region)] ?? ZONES.KR1);
  return zones[z % zones.length];
}
/** A flavor: index into the platform's plain or GPU flavors, or a wrong name. */
const FLAVORS = { nhncloud: ['m2.c4m8', 'm2.c2m4', 'c2.c8m16'], openstack: CLOUD.flavors.filter((f) => !f.gpu).map((f) => f.name) };
const GPU_FLAVORS = { nhncloud: ['g2.t4.c4m32', 'g2.t4.c8m64', 'g2.v100.c8m90'], openstack: CLOUD.flavors.filter((f) => f.gpu).map((f) => f.name) };
/** A volume type: 'by-target' stands for one the platform has. */
function volumeTypeOf(ctx: Ctx, t: unknown): unknown {
  if (t !== 'by-target') return t;
  return ctx.platform?.infra.target === 'openstack' ? CLOUD.volumeTypes[CLOUD.volumeTypes.length - 1] : 'General SSD';
}
/** Boot volume props with the volume type resolved. */
function bootOf(ctx: Ctx, b: { type?: unknown; sizeGb?: unknown } | undefined): unknown {
  return b && { ...b, type: volumeTypeOf(ctx, b.type) };
}
function flavorOf(ctx: Ctx, f: unknown, table: Record<'nhncloud' | 'openstack', readonly string[]>): unknown {
  if (typeof f !== 'number') return f;
  const list = table[ctx.platform?.infra.target === 'openstack' ? 'openstack' : 'nhncloud'];
  return list[f % list.length];
}
const flavor = mostly(fc.nat(5), fc.constantFrom('', 'm2.c1m1', 'huge', 'M2.C4M8', 'g2.t4.c4m32'));
const gpuFlavor = mostly(fc.nat(5), fc.constantFrom('m2.c4m8', 'g2.x', '', 'g1.t4x'));
const volumeType = optional(mostly(fc.constant('by-target'), fc.constantFrom('', 'ssd', 'Premium', 'Encrypted SSD', 'fast-ssd', 'General HDD')));
const version = optional(mostly(fc.constantFrom('v1.31.4', 'v1.32.3', 'v1.33.4'), fc.constantFrom('1.33', 'v1.40.0', 'latest', '', 'v1.33', 'v1.28.3')));
const image = mostly(
  fc.constantFrom(ImageRef.fromId(IMAGE_ID), ImageRef.fromName('Ubuntu Server 22.04 LTS - Container'), ImageRef.fromNameRegex('^Ubuntu Server 22\\.04.* - Container')),
  fc.constantFrom(ImageRef.fromId(''), ImageRef.fromId('not-a-uuid'), ImageRef.fromNameRegex('(')),
);
const bootVolume = optional(fc.record({ type: volumeType, sizeGb: optional(int(20, 1000)) }, { requiredKeys: [] }));
const autoscaler = optional(fc.record({ minNodes: optional(int(0, 10)), maxNodes: int(1, 10), scaleDown: optional(fc.boolean()) }, { requiredKeys: ['maxNodes'] }), 3);
const addon = fc.constantFrom('calico', 'coreDns', 'cinderCsiPlugin', 'metricsServer', 'snapshotController', 'nfsCsiPlugin', 'custom');

const platformProps = fc.record({
  target: fc.constantFrom<'nhncloud' | 'openstack' | undefined>(undefined, 'nhncloud', 'openstack'),
  region: mostly(fc.constantFrom('KR1', 'KR2'), fc.constantFrom('kr1', '', 'JP1', 'RegionOne')),
  protect: optional(fc.boolean(), 4),
  backend: mostly(fc.constantFrom('none', 'none', 'local', 'object-storage'), fc.constant('object-storage-bad')),
  network: fc.record({ name: optional(name), cidr: optional(cidr, 4), dnsNameservers: optional(fc.array(mostly(fc.constantFrom('8.8.8.8', '1.1.1.1'), fc.constantFrom('x', '', '999.1.1.1')), { maxLength: 3 })), internetGatewayId: optional(mostly(fc.constant('9c6e0f5c-2f9c-4c8e-8f62-1d7c3b8a5e01'), fc.constant('bad-id'))) }, { requiredKeys: [] }),
  existingNetwork: fc.boolean(),
  keyPair: fc.record({ name: optional(name), publicKey: optional(mostly(fc.constant(PUBLIC_KEY), fc.constantFrom('', 'ssh-rsa', 'not a key'))) }, { requiredKeys: [] }),
  cluster: fc.record(
    {
      name: name,
      kubernetesVersion: version,
      availabilityZone: zone,
      flavor: optional(flavor),
      nodeCount: optional(int(1, 10)),
      resizeTo: optional(int(1, 10), 5),
      gpuCount: optional(mostly(fc.constant(undefined), int(0, 4)), 6),
      bootVolume,
      autoscaler,
      nodeLabels: optional(labels, 4),
      podsCidr: optional(cidr, 5),
      servicesCidr: optional(cidr, 5),
      publicApiEndpoint: optional(fc.boolean(), 4),
      addons: optional(fc.array(addon, { maxLength: 3 }), 4),
      protect: optional(fc.boolean(), 5),
      kubeconfigFile: optional(fc.constantFrom('/tmp/kubeconfig', ''), 2),
      image,
      upgrade: optional(fc.record({ kubernetesVersion: mostly(fc.constantFrom('v1.32.3', 'v1.33.4'), fc.constantFrom('v1.31.4', 'v1.35.0', 'x')), fromVersion: optional(fc.constantFrom('v1.31.4', 'v1.32.3')), bufferNodes: optional(int(0, 5)), maxUnavailableNodes: optional(int(1, 5)) }, { requiredKeys: ['kubernetesVersion'] }), 6),
    },
    { requiredKeys: ['name', 'availabilityZone', 'image'] },
  ),
});

/** Makes the platform: always the first piece of a program that has infrastructure. */
export const platformPiece: fc.Arbitrary<Piece> = platformProps.map((p) => ({
  label: 'Platform',
  props: p,
  add(ctx: Ctx) {
    const backend =
      p.backend === 'local' ? StateBackend.local() : p.backend === 'object-storage' ? StateBackend.objectStorage({ bucket: 'tfstate', endpoint: 'https://kr1-api-object-storage.nhncloudservice.com' }) : p.backend === 'object-storage-bad' ? StateBackend.objectStorage({ bucket: '', endpoint: 'ftp://x' }) : undefined;
    const platform = new Platform(ctx.app, { region: p.region, target: p.target, cloud: p.target === 'openstack' ? CLOUD : undefined, protect: p.protect, backend });
    ctx.platform = platform;
    const infra = platform.infra;
    const network = p.existingNetwork
      ? Network.fromExisting(infra, 'vpc', { networkId: '0d7a7f3e-3a83-4c8b-9d4e-1f0a2b3c4d5e', subnetId: '7b8c9d0e-1f2a-4b3c-8d4e-5f6a7b8c9d0e', subnetCidr: p.network.cidr })
      : new Network(infra, 'vpc', p.network as never);
    const keyPair = new KeyPair(infra, 'key', p.keyPair as never);
    const c = p.cluster;
    ctx.cluster = new Cluster(infra, 'cluster', {
      ...c,
      availabilityZone: zoneOf(ctx, c.availabilityZone),
      flavor: flavorOf(ctx, c.flavor, FLAVORS),
      bootVolume: bootOf(ctx, c.bootVolume),
      network,
      keyPair,
      addons: c.addons?.map((a) => (a === 'custom' ? NksAddon.custom({ name: 'fuzz-addon', version: '1.0.0' } as never) : (NksAddon as never as Record<string, () => NksAddon>)[a]())),
    } as never);
  },
}));

const nodeGroupProps = fc.record(
  { name: optional(mostly(name, fc.constantFrom('default-worker', 'default-master'))), flavor, nodeCount: optional(int(1, 10)), resizeTo: optional(int(1, 10), 5), availabilityZone: optional(zone), bootVolume, autoscaler, nodeLabels: optional(labels, 4), protect: optional(fc.boolean(), 5), image: optional(image, 5) },
  { requiredKeys: ['flavor'] },
);

export const nodeGroupPiece: fc.Arbitrary<Piece> = nodeGroupProps.map((p) => ({
  label: 'NodeGroup',
  props: p,
  add(ctx: Ctx) {
    if (!ctx.cluster) return;
    ctx.nodeGroups.push(ctx.cluster.addNodeGroup(ctx.id('ng'), { ...p, bootVolume: bootOf(ctx, p.bootVolume), flavor: flavorOf(ctx, p.flavor, FLAVORS), availabilityZone: zoneOf(ctx, p.availabilityZone) } as never));
  },
}));

const gpuNodeGroupProps = fc.record(
  {
    name: optional(name),
    flavor: gpuFlavor,
    nodeCount: optional(int(1, 4)),
    availabilityZone: optional(zone),
    gpuCount: optional(mostly(fc.constant(undefined), int(1, 8)), 4),
    taint: optional(fc.record({ key: mostly(fc.constantFrom('nvidia.com/gpu', 'gpu'), fc.constantFrom('', 'bad key')), value: optional(fc.constantFrom('true', 'present')), effect: mostly(fc.constantFrom('NoSchedule', 'PreferNoSchedule', 'NoExecute'), fc.constantFrom('Never', '')) }, { requiredKeys: ['key', 'effect'] }), 4),
    autoscaler,
  },
  { requiredKeys: ['flavor'] },
);

export const gpuNodeGroupPiece: fc.Arbitrary<Piece> = gpuNodeGroupProps.map((p) => ({
  label: 'GpuNodeGroup',
  props: p,
  add(ctx: Ctx) {
    if (!ctx.cluster) return;
    ctx.nodeGroups.push(ctx.cluster.addGpuNodeGroup(ctx.id('gpu'), { ...p, flavor: flavorOf(ctx, p.flavor, GPU_FLAVORS), availabilityZone: zoneOf(ctx, p.availabilityZone) } as never));
  },
}));

const volumeProps = fc.record(
  { name: optional(name), sizeGb: int(10, 2000), volumeType, availabilityZone: zone, description: optional(fc.constantFrom('data', '', 'x'.repeat(300))), protect: optional(fc.boolean(), 5) },
  { requiredKeys: ['sizeGb', 'availabilityZone'] },
);

export const volumePiece: fc.Arbitrary<Piece> = volumeProps.map((p) => ({
  label: 'BlockStorageVolume',
  props: p,
  add(ctx: Ctx) {
    if (!ctx.platform) return;
    ctx.volumes.push(new BlockStorageVolume(ctx.platform.infra, ctx.id('vol'), { ...p, volumeType: volumeTypeOf(ctx, p.volumeType), availabilityZone: zoneOf(ctx, p.availabilityZone) } as never));
  },
}));

const instanceProps = fc.record(
  { name: optional(name), flavor: gpuFlavor, gpuCount: optional(mostly(fc.constant(undefined), int(1, 8)), 5), availabilityZone: zone, bootVolume, securityGroups: optional(fc.array(mostly(fc.constantFrom('default', 'web'), fc.constantFrom('')), { maxLength: 2 }), 4), attach: fc.array(fc.nat(5), { maxLength: 2 }), image },
  { requiredKeys: ['flavor', 'availabilityZone', 'attach', 'image'] },
);

export const gpuInstancePiece: fc.Arbitrary<Piece> = instanceProps.map((p) => ({
  label: 'GpuInstance',
  props: p,
  add(ctx: Ctx) {
    if (!ctx.platform || !ctx.cluster) return;
    const infra = ctx.platform.infra;
    const { attach, ...props } = p;
    const volumes = ctx.volumes.length ? attach.map((i) => ctx.volumes[i % ctx.volumes.length]) : undefined;
    new GpuInstance(infra, ctx.id('inst'), { ...props, bootVolume: bootOf(ctx, props.bootVolume), flavor: flavorOf(ctx, props.flavor, GPU_FLAVORS), availabilityZone: zoneOf(ctx, props.availabilityZone), network: ctx.cluster.network, keyPair: KeyPair.fromName('nks-key'), volumes } as never);
  },
}));

/** Applies the manifests through the workloads stack (once or, by mistake, twice). */
export const workloadsPiece: fc.Arbitrary<Piece> = fc.record({ times: mostly(fc.constant(1), fc.constant(2)) }).map((p) => ({
  label: 'deployWorkloadsTo',
  props: p,
  add(ctx: Ctx) {
    if (!ctx.platform || !ctx.cluster) return;
    for (let i = 0; i < p.times; i++) ctx.platform.deployWorkloadsTo(ctx.cluster);
  },
}));

/** Values of the wrong type for a required infrastructure prop. */
export const brokenInfraPiece: fc.Arbitrary<Piece> = fc.record({ which: fc.constantFrom('volume-size', 'nodegroup-flavor', 'network-cidr'), value: wrongType }).map((p, edges = mode.edges) => ({
  label: 'BrokenInfra',
  props: p,
  add(ctx: Ctx) {
    if (!edges || !ctx.platform || !ctx.cluster) return;
    const infra = ctx.platform.infra;
    if (p.which === 'volume-size') new BlockStorageVolume(infra, ctx.id('vol'), { sizeGb: p.value, availabilityZone: 'kr-pub-a' } as never);
    else if (p.which === 'nodegroup-flavor') ctx.cluster.addNodeGroup(ctx.id('ng'), { flavor: p.value } as never);
    else new Network(infra, ctx.id('net'), { cidr: p.value } as never);
  },
}));

export const INFRA_PIECES: fc.Arbitrary<Piece>[] = [nodeGroupPiece, gpuNodeGroupPiece, volumePiece, gpuInstancePiece, workloadsPiece, brokenInfraPiece];

// Bad-input corpus: the infrastructure constructs (InfraStack, Network and Network.fromExisting, KeyPair,
// Cluster with every prop that has a rule, node groups and GPU node groups, BlockStorageVolume, GpuInstance,
// ImageRef and ExternalNetworkRef), on both targets where the targets' rules differ. See harness.ts.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  BlockStorageVolume, BlockStorageVolumeProps, Cluster, ClusterProps, ExternalNetworkRef, GpuInstance, GpuInstanceProps, GpuNodeGroupProps, ImageRef,
  InfraStack, InfraStackProps, KeyPair, KeyPairProps, Network, NetworkProps, NksAddon, NodeGroupProps, OpenStackCloudProfile, Platform, PlatformApp,
} from '../../lib';
import { ConstructCase, runCorpus } from './harness';

// JavaScript callers (and JSON-driven programs) can pass what the types forbid.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const untyped = (v: unknown): any => v;

const PUBLIC_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIK3eYQ0EXAMPLEKEYDATAFORTESTS1234567890ab corpus@nks';
const IMAGE_ID = '4f8b6bb0-3c34-4f5e-9a3c-0d1e2f3a4b5c';
const UUID = '751b8227-7b45-440a-9349-dbf829d0aba5';
const SUBNET_ID = '59ddc195-76b1-431d-9693-f09880747dc6';
// Not real key material: the shape of a PEM block, its label split so that no scanner mistakes this file for a key.
const PRIVATE_KEY = `-----BEGIN ${['OPENSSH', 'PRIVATE', 'KEY'].join(' ')}-----\nb3BlbnNzaC1rZXktdjEAAAAAnotakey\n-----END ${['OPENSSH', 'PRIVATE', 'KEY'].join(' ')}-----`;
// A file that exists and is not a public key.
const NOT_A_KEY_FILE = path.resolve(__dirname, '..', '..', 'package.json');
// A file holding (fake) private key text, written once for the case that reads it.
const PRIVATE_KEY_FILE = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nks-corpus-key-')), 'id_ed25519');
fs.writeFileSync(PRIVATE_KEY_FILE, `${PRIVATE_KEY}\n`);
afterAll(() => fs.rmSync(path.dirname(PRIVATE_KEY_FILE), { recursive: true, force: true }));

type Target = 'openstack' | 'nhncloud';
const TARGETS: readonly Target[] = ['openstack', 'nhncloud'];
/** The target of cases that name none: NHN Cloud, whose tables (zones, flavors, volume types) most cases test. */
const DEFAULT: Target = 'nhncloud';

/** The openstack target's cloud (its zones, flavors and volume types are what the openstack cases use). */
const CLOUD: OpenStackCloudProfile = {
  region: 'RegionOne',
  availabilityZones: ['nova', 'az-2'],
  flavors: [{ name: 'm1.large', vcpus: 4, memoryGiB: 8 }, { name: 'g1.t4', vcpus: 8, memoryGiB: 32, gpu: { model: 'Tesla T4', count: 1 } }],
  volumeTypes: ['__DEFAULT__'],
  externalNetwork: 'public',
  masterFlavor: 'm1.large',
  nodeImageOsDistro: 'fedora-coreos',
};
/** Per target: the guide's NHN names, or CLOUD's. */
const SITE = {
  nhncloud: { zone: 'kr-pub-a', otherZone: 'kr-pub-b', flavor: 'm2.c4m8', gpuFlavor: 'g2.t4.c4m32', instanceFlavor: 'g2.t4.c8m64' },
  openstack: { zone: 'nova', otherZone: 'az-2', flavor: 'm1.large', gpuFlavor: 'g1.t4', instanceFlavor: 'g1.t4' },
} as const;

/** A stack on `target` (explicit, so $NKS_TARGET cannot switch it) in KR1 (or CLOUD) unless `stackProps` say otherwise. */
const stackOf = (app: PlatformApp, target: Target = DEFAULT, stackProps: InfraStackProps = {}) =>
  new InfraStack(app.infra, 'infra', { region: 'KR1', target, ...(target === 'openstack' ? { cloud: CLOUD } : {}), ...stackProps });

/** Stack `infra`, network `infra/vpc`, key pair `infra/key` and cluster `infra/cluster` with the guide's defaults; `props` override the cluster's. */
function base(app: PlatformApp, props: Partial<ClusterProps> = {}, target: Target = DEFAULT, stackProps: InfraStackProps = {}) {
  const stack = stackOf(app, target, stackProps);
  const network = new Network(stack, 'vpc', { cidr: '192.168.0.0/24' });
  const keyPair = new KeyPair(stack, 'key', { publicKey: PUBLIC_KEY });
  const cluster = new Cluster(stack, 'cluster', { name: 'my-cluster', network, image: ImageRef.fromId(IMAGE_ID), availabilityZone: SITE[target].zone, nodeCount: 1, keyPair, ...props });
  return { stack, network, keyPair, cluster };
}

const cluster = (props: Partial<ClusterProps>, target: Target = DEFAULT, stackProps: InfraStackProps = {}) => (app: PlatformApp) => void base(app, props, target, stackProps);
const nhn = (props: Partial<ClusterProps>, stackProps: InfraStackProps = {}) => cluster(props, 'nhncloud', stackProps);
const stack = (props: InfraStackProps) => (app: PlatformApp) => void new InfraStack(app.infra, 'infra', props);
const network = (props: NetworkProps, target: Target = DEFAULT) => (app: PlatformApp) => void new Network(stackOf(app, target), 'vpc', props);
const keyPair = (props: KeyPairProps) => (app: PlatformApp) => void new KeyPair(stackOf(app), 'key', props);
const nodeGroup = (props: Partial<NodeGroupProps>, target: Target = DEFAULT, stackProps: InfraStackProps = {}) => (app: PlatformApp) =>
  void base(app, {}, target, stackProps).cluster.addNodeGroup('ng', { flavor: SITE[target].flavor, ...props });
const gpuGroup = (props: Partial<GpuNodeGroupProps>, target: Target = DEFAULT, stackProps: InfraStackProps = {}) => (app: PlatformApp) =>
  void base(app, {}, target, stackProps).cluster.addGpuNodeGroup('gpu', { flavor: SITE[target].gpuFlavor, ...props });
const volume = (props: Partial<BlockStorageVolumeProps>, target: Target = DEFAULT, stackProps: InfraStackProps = {}) => (app: PlatformApp) =>
  void new BlockStorageVolume(stackOf(app, target, stackProps), 'data', { sizeGb: 100, availabilityZone: SITE[target].zone, ...props });
/** GPU instance `infra/vm`; `volumes` makes the volumes it attaches in the stack. */
const instance = (props: Partial<GpuInstanceProps>, target: Target = DEFAULT, stackProps: InfraStackProps = {}, volumeZones: string[] = []) => (app: PlatformApp) => {
  const { stack: s, network: n, keyPair: k } = base(app, {}, target, stackProps);
  const volumes = volumeZones.map((zone, i) => new BlockStorageVolume(s, `vol${i}`, { sizeGb: 10, availabilityZone: zone }));
  new GpuInstance(s, 'vm', { flavor: SITE[target].instanceFlavor, image: ImageRef.fromId(IMAGE_ID), availabilityZone: SITE[target].zone, network: n, keyPair: k, ...(volumes.length ? { volumes } : {}), ...props });
};
/** A cluster on an existing network `infra/existing`. */
const onExisting = (subnetCidr: string | undefined, props: Partial<ClusterProps> = {}) => (app: PlatformApp) => {
  const s = stackOf(app);
  const existing = Network.fromExisting(s, 'existing', { networkId: UUID, subnetId: SUBNET_ID, subnetCidr });
  new Cluster(s, 'cluster', { name: 'my-cluster', network: existing, image: ImageRef.fromId(IMAGE_ID), availabilityZone: 'kr-pub-a', keyPair: KeyPair.fromName('my-key'), ...props });
};
/** Every case for both targets, named "<name> (<target>)". */
const onBoth = (make: (target: Target) => Omit<ConstructCase, 'name'>, name: string): ConstructCase[] => TARGETS.map((t) => ({ name: `${name} (${t})`, ...make(t) }));
const labels = (n: number): Record<string, string> => Object.fromEntries(Array.from({ length: n }, (_, i) => [`label${i}`, 'x']));

const C = 'infra/cluster';
const NG = 'infra/cluster/ng';
const GPU = 'infra/cluster/gpu';
const NKS_NAME = /an NKS cluster name is at most 32 characters/;
const GROUP_NAME = /an NKS node group name is at most 32 characters/;
const FLAVOR_SHAPE = /a flavor name must look like/;
const CIDR_SHAPE = /an IPv4 CIDR is four dot-separated numbers/;
const UUID_RULE = /ID is a UUID \(8-4-4-4-12 hex digits\)/;
const NOT_LISTED = /is not among the flavors this stack's availableFlavors lists for KR1 \(Pangyo\)/;
const LABEL_KEY = /a label key is/;
const LABEL_VALUE = /a label value is/;
const EXTERNAL_PAIR = /master_lb_floating_ip_enabled to "True" only together with external_network_id and external_subnet_id_list/;
const ONLY_M2 = { availableFlavors: ['m2.c4m8', 'm2.c2m4'] };

const stacks: ConstructCase[] = [
  { name: 'InfraStack region in lowercase', build: stack({ region: 'kr1' }), path: 'infra', field: 'region', rule: /an NKS region is matched exactly, including case; "kr1" only resembles "KR1"/ },
  { name: 'InfraStack region that does not exist', build: stack({ region: 'KR4' }), path: 'infra', field: 'region', rule: /an NKS region must be one of "KR1", "KR2" or "KR3"/ },
  { name: 'InfraStack region by its place name', build: stack({ region: 'Pangyo' }), path: 'infra', field: 'region', rule: /must be one of "KR1", "KR2" or "KR3"/ },
  { name: 'InfraStack region of another cloud on the nhncloud target', build: stack({ region: 'ap-northeast-2', target: 'nhncloud' }), path: 'infra', field: 'region', rule: /must be one of/ },
  { name: 'InfraStack region of another cloud without a cloud profile (openstack)', build: stack({ region: 'ap-northeast-2' }), path: 'infra', field: 'cloud', rule: /from a cloud profile, and this stack has none \(region "ap-northeast-2" is not one of NHN Cloud's KR1, KR2, KR3/ },
  { name: 'openstack target without a cloud profile', build: stack({ target: 'openstack' }), path: 'infra', field: 'cloud', rule: /the openstack target takes the cloud's region, zones, flavors/, also: (e) => expect(e.fix).toMatch(/target: 'nhncloud'/) },
  { name: 'cloud profile in an NHN region (openstack)', build: stack({ target: 'openstack', cloud: { ...CLOUD, region: 'KR2' } }), path: 'infra', field: 'cloud.region', rule: /KR2 is an NHN Cloud region/ },
  { name: 'cloud profile without os_distro (openstack)', build: stack({ target: 'openstack', cloud: { ...CLOUD, nodeImageOsDistro: untyped(undefined) } }), path: 'infra', field: 'cloud.nodeImageOsDistro', rule: /os_distro is a non-empty string/ },
  { name: 'cloud profile master flavor it does not list (openstack)', build: stack({ target: 'openstack', cloud: { ...CLOUD, masterFlavor: 'm1.small' } }), path: 'infra', field: 'cloud.masterFlavor', rule: /lists no flavor "m1.small"/ },
  { name: 'region other than the cloud profile\'s (openstack)', build: stack({ region: 'RegionTwo', cloud: CLOUD }), path: 'infra', field: 'region', rule: /the region is the cloud profile's, "RegionOne"/ },
  { name: 'InfraStack region a number', build: stack({ region: untyped(1) }), path: 'infra', field: 'region', rule: /must be one of/ },
  { name: 'InfraStack target unknown', build: stack({ target: untyped('aws') }), path: 'infra', field: 'target', rule: /the infrastructure target is one of "openstack" or "nhncloud"/ },
  { name: 'InfraStack target with the wrong case', build: stack({ target: untyped('NHNCloud') }), path: 'infra', field: 'target', rule: /one of "openstack" or "nhncloud"/ },
  { name: '$NKS_TARGET unknown', build: stack({}), env: { NKS_TARGET: 'terraform' }, path: 'environment', field: 'NKS_TARGET', rule: /the infrastructure target is one of/ },
  // availableFlavors is the nhncloud target's list; on openstack the cloud profile's flavors are.
  { name: 'availableFlavors empty (nhncloud)', build: cluster({}, 'nhncloud', { availableFlavors: [] }), path: 'infra', field: 'availableFlavors', rule: /a non-empty array of names/ },
  { name: 'cluster flavor missing from availableFlavors (nhncloud)', build: cluster({ flavor: 'm2.c8m16' }, 'nhncloud', ONLY_M2), path: C, field: 'flavor', rule: NOT_LISTED, also: (e) => expect(e.fix).toMatch(/"m2\.c4m8" or "m2\.c2m4"/) },
  { name: 'node group flavor missing from availableFlavors (nhncloud)', build: nodeGroup({ flavor: 'c2.c8m8' }, 'nhncloud', ONLY_M2), path: NG, field: 'flavor', rule: NOT_LISTED },
  { name: 'GPU node group flavor missing from availableFlavors (nhncloud)', build: gpuGroup({}, 'nhncloud', { availableFlavors: ['m2.c4m8'] }), path: GPU, field: 'flavor', rule: NOT_LISTED },
  { name: 'GPU instance flavor missing from availableFlavors (nhncloud)', build: instance({}, 'nhncloud', { availableFlavors: ['m2.c4m8'] }), path: 'infra/vm', field: 'flavor', rule: NOT_LISTED },
  { name: 'cluster flavor missing from the cloud profile (openstack)', build: cluster({ flavor: 'm2.c4m8' }, 'openstack'), path: C, field: 'flavor', rule: /the cloud profile \(RegionOne\) lists no flavor "m2.c4m8".*an NHN Cloud flavor name/, also: (e) => expect(e.fix).toMatch(/"m1.large" or "g1.t4"/) },
  { name: 'node group flavor missing from the cloud profile (openstack)', build: nodeGroup({ flavor: 'm1.xlarge' }, 'openstack'), path: NG, field: 'flavor', rule: /lists no flavor "m1.xlarge"/ },
  { name: 'GPU node group on an NHN g2 flavor (openstack)', build: gpuGroup({ flavor: 'g2.t4.c4m32' }, 'openstack'), path: GPU, field: 'flavor', rule: /a GPU node group needs a flavor with GPUs, and the cloud profile \(RegionOne\) lists no flavor "g2.t4.c4m32"/ },
  { name: 'GPU instance flavor missing from the cloud profile (openstack)', build: instance({ flavor: 'g2.t4.c8m64' }, 'openstack'), path: 'infra/vm', field: 'flavor', rule: /needs a flavor with GPUs/, also: (e) => expect(e.fix).toMatch(/"g1.t4"/) },
  { name: 'nhncloud: cluster flavor of a family NHN does not have', build: nhn({ flavor: 'z9.c4m8' }), path: C, field: 'flavor', rule: /NHN Cloud KR1 \(Pangyo\) has no z9 flavors/ },
  { name: 'nhncloud: node group flavor of a family NHN does not have', build: nodeGroup({ flavor: 'p3.c8m61' }, 'nhncloud'), path: NG, field: 'flavor', rule: /has no p3 flavors/ },
  { name: 'nhncloud KR2: cluster flavor of an AWS family', build: nhn({ flavor: 'm5.c2m8', availabilityZone: 'kr2-pub-a' }, { region: 'KR2' }), path: C, field: 'flavor', rule: /NHN Cloud KR2 \(Pyeongchon\) has no m5 flavors/ },
];

const networks: ConstructCase[] = [
  { name: 'Network name empty', build: network({ name: '' }), path: 'infra/vpc', field: 'name', rule: /a network name is 1 to 255 characters.*is empty/ },
  { name: 'Network name with leading and trailing spaces', build: network({ name: ' vpc ' }), path: 'infra/vpc', field: 'name', rule: /starts or ends with whitespace/ },
  { name: 'Network name with a newline', build: network({ name: 'vpc\nprod' }), path: 'infra/vpc', field: 'name', rule: /control characters/ },
  { name: 'Network name longer than 255', build: network({ name: 'n'.repeat(256) }), path: 'infra/vpc', field: 'name', rule: /has 256 characters/ },
  { name: 'Network cidr with host bits set', build: network({ cidr: '192.168.0.1/24' }), path: 'infra/vpc', field: 'cidr', rule: /has host bits set/, also: (e) => expect(e.fix).toContain('192.168.0.0/24') },
  { name: 'Network cidr smaller than /24', build: network({ cidr: '192.168.0.0/25' }), path: 'infra/vpc', field: 'cidr', rule: /must be \/24 or larger/ },
  { name: 'Network cidr prefix 33', build: network({ cidr: '192.168.0.0/33' }), path: 'infra/vpc', field: 'cidr', rule: /the prefix length is 33/ },
  { name: 'Network cidr with an octet above 255', build: network({ cidr: '256.0.0.0/16' }), path: 'infra/vpc', field: 'cidr', rule: /the first number is 256/ },
  { name: 'Network cidr without a prefix', build: network({ cidr: '192.168.0.0' }), path: 'infra/vpc', field: 'cidr', rule: CIDR_SHAPE, also: (e) => expect(e.fix).toMatch(/add the prefix length/) },
  { name: 'Network cidr IPv6', build: network({ cidr: 'fd00::/64' }), path: 'infra/vpc', field: 'cidr', rule: CIDR_SHAPE },
  { name: 'Network cidr with a leading zero', build: network({ cidr: '010.0.0.0/16' }), path: 'infra/vpc', field: 'cidr', rule: /leading zero/ },
  { name: 'Network DNS server with an octet above 255', build: network({ dnsNameservers: ['8.8.8.256'] }), path: 'infra/vpc', field: 'dnsNameservers[0]', rule: /the fourth number is 256/ },
  {
    name: 'Network DNS server a host name',
    build: network({ dnsNameservers: ['8.8.8.8', 'dns.google'] }),
    path: 'infra/vpc',
    field: 'dnsNameservers[1]',
    rule: /a DNS name server is an IPv4 address/,
    also: (e) => { expect(e.value).toBe('dns.google'); expect(e.message).not.toMatch(/\/32/); },
  },
  { name: 'Network externalNetwork ID not a UUID (openstack)', build: network({ externalNetwork: ExternalNetworkRef.fromId('Public Network') }, 'openstack'), path: 'infra/vpc', field: 'externalNetwork', rule: UUID_RULE },
  { name: 'nhncloud: subnet in the shared address space 100.64.0.0/10', build: network({ cidr: '100.64.0.0/24' }, 'nhncloud'), path: 'infra/vpc', field: 'cidr', rule: /a VPC subnet lies inside a private range .*; 100\.64\.0\.0\/24 lies outside them/, also: (e) => expect(e.fix).toMatch(/192\.168\.0\.0\/24/) },
  { name: 'nhncloud: vpcCidr a public range', build: network({ cidr: '10.0.0.0/24', vpcCidr: '8.8.0.0/16' }, 'nhncloud'), path: 'infra/vpc', field: 'vpcCidr', rule: /lies in a private range/ },
  { name: 'nhncloud: vpcCidr not holding the subnet', build: network({ cidr: '10.1.0.0/24', vpcCidr: '10.2.0.0/16' }, 'nhncloud'), path: 'infra/vpc', field: 'vpcCidr', rule: /the subnet 10\.1\.0\.0\/24 must lie in the VPC range 10\.2\.0\.0\/16/ },
  { name: 'nhncloud: vpcCidr smaller than /24', build: network({ vpcCidr: '192.168.0.0/28' }, 'nhncloud'), path: 'infra/vpc', field: 'vpcCidr', rule: /must be \/24 or larger/ },
  { name: 'nhncloud: vpcCidr malformed', build: network({ vpcCidr: '192.168.0.0/16/8' }, 'nhncloud'), path: 'infra/vpc', field: 'vpcCidr', rule: CIDR_SHAPE },
  { name: 'nhncloud: internetGatewayId not a UUID', build: network({ internetGatewayId: 'igw-default' }, 'nhncloud'), path: 'infra/vpc', field: 'internetGatewayId', rule: /internet gateway ID is a UUID/ },
  { name: 'Network.fromExisting networkId not a UUID', build: (app) => void Network.fromExisting(stackOf(app), 'existing', { networkId: 'vpc-default', subnetId: SUBNET_ID }), path: 'infra/existing', field: 'networkId', rule: /network ID is a UUID/ },
  { name: 'Network.fromExisting subnetId empty', build: (app) => void Network.fromExisting(stackOf(app), 'existing', { networkId: UUID, subnetId: '' }), path: 'infra/existing', field: 'subnetId', rule: /subnet ID is a UUID/ },
  {
    name: 'Network.fromExisting subnetId not a UUID (nhncloud)',
    build: (app) => void Network.fromExisting(stackOf(app, 'nhncloud'), 'existing', { networkId: UUID, subnetId: 'subnet-a' }),
    path: 'infra/existing',
    field: 'subnetId',
    rule: /subnet ID is a UUID/,
  },
  { name: 'Network.fromExisting subnetCidr with host bits', build: (app) => void Network.fromExisting(stackOf(app), 'existing', { networkId: UUID, subnetId: SUBNET_ID, subnetCidr: '10.0.0.5/24' }), path: 'infra/existing', field: 'subnetCidr', rule: /host bits set/ },
  { name: 'Network.fromExisting subnetCidr malformed', build: (app) => void Network.fromExisting(stackOf(app), 'existing', { networkId: UUID, subnetId: SUBNET_ID, subnetCidr: '10.0.0.0/99' }), path: 'infra/existing', field: 'subnetCidr', rule: CIDR_SHAPE },
];

const keyPairs: ConstructCase[] = [
  { name: 'KeyPair name with a space', build: keyPair({ name: 'my key', publicKey: PUBLIC_KEY }), path: 'infra/key', field: 'name', rule: /a key pair name is 1 to 255 letters, digits, '-' and '_'/ },
  { name: 'KeyPair name with a dot', build: keyPair({ name: 'id_ed25519.pub', publicKey: PUBLIC_KEY }), path: 'infra/key', field: 'name', rule: /contains "\."/ },
  { name: 'KeyPair name empty', build: keyPair({ name: '', publicKey: PUBLIC_KEY }), path: 'infra/key', field: 'name', rule: /is empty/ },
  { name: 'KeyPair publicKey not OpenSSH', build: keyPair({ publicKey: 'not a key' }), path: 'infra/key', field: 'publicKey', rule: /not in OpenSSH format/ },
  { name: 'KeyPair publicKey type without its key', build: keyPair({ publicKey: 'ssh-ed25519' }), path: 'infra/key', field: 'publicKey', rule: /not in OpenSSH format/ },
  { name: 'KeyPair publicKey of an unknown type', build: keyPair({ publicKey: 'ssh-foo AAAAC3NzaC1lZDI1NTE5 me@host' }), path: 'infra/key', field: 'publicKey', rule: /not in OpenSSH format/ },
  {
    name: 'KeyPair publicKey a private key',
    build: keyPair({ publicKey: PRIVATE_KEY }),
    path: 'infra/key',
    field: 'publicKey',
    rule: /takes the public half only/,
    also: (e) => {
      expect(e.value).toMatch(/^\(redacted/);
      expect(e.message).not.toContain('notakey');
    },
  },
  { name: 'KeyPair publicKey and publicKeyFile both', build: keyPair({ publicKey: PUBLIC_KEY, publicKeyFile: '~/.ssh/id_ed25519.pub' }), path: 'infra/key', field: 'publicKeyFile', rule: /mutually exclusive/ },
  { name: 'KeyPair publicKeyFile missing', build: keyPair({ publicKeyFile: '/nonexistent/nks-corpus/id_ed25519.pub' }), path: 'infra/key', field: 'publicKeyFile', rule: /cannot be read \(ENOENT\)/ },
  { name: 'KeyPair publicKeyFile a directory', build: keyPair({ publicKeyFile: __dirname }), path: 'infra/key', field: 'publicKeyFile', rule: /cannot be read \(EISDIR\)/ },
  {
    name: 'KeyPair publicKeyFile not holding a public key',
    build: keyPair({ publicKeyFile: NOT_A_KEY_FILE }),
    path: 'infra/key',
    field: 'publicKeyFile',
    rule: /the file is not an OpenSSH public key/,
    also: (e) => expect(e.value).toBe(NOT_A_KEY_FILE),
  },
];

const clusterName: ConstructCase[] = [
  { name: 'Cluster name with uppercase', build: cluster({ name: 'My-Cluster' }), path: C, field: 'name', rule: NKS_NAME, also: (e) => expect(e.fix).toMatch(/older NKS guide/) },
  { name: 'Cluster name longer than 32', build: cluster({ name: 'c'.repeat(33) }), path: C, field: 'name', rule: /has 33 characters/ },
  { name: 'Cluster name a UUID', build: cluster({ name: UUID }), path: C, field: 'name', rule: /is a UUID/ },
  { name: 'Cluster name starting with a digit', build: cluster({ name: '1cluster' }), path: C, field: 'name', rule: /starts with "1"/ },
  { name: 'Cluster name ending with "-"', build: cluster({ name: 'cluster-' }), path: C, field: 'name', rule: /ends with "-"/ },
  { name: 'Cluster name with a dot', build: cluster({ name: 'my.cluster' }), path: C, field: 'name', rule: /contains "\."/ },
  { name: 'Cluster name empty (nhncloud)', build: nhn({ name: '' }), path: C, field: 'name', rule: /is empty/ },
];

const clusterVersion: ConstructCase[] = [
  { name: 'Cluster version past end of service', build: cluster({ kubernetesVersion: 'v1.28.3' }), path: C, field: 'kubernetesVersion', rule: /v1\.28\.3 reached end of service on NKS on 2025-11-30/ },
  { name: 'Cluster version v1.30.3 past end of service (nhncloud)', build: nhn({ kubernetesVersion: 'v1.30.3' }), path: C, field: 'kubernetesVersion', rule: /reached end of service on NKS on 2026-05-31/ },
  { name: 'Cluster version NKS has not released', build: cluster({ kubernetesVersion: 'v1.40.1' }), path: C, field: 'kubernetesVersion', rule: /had not released Kubernetes v1\.40\.1/ },
  { name: 'Cluster version without its patch', build: cluster({ kubernetesVersion: 'v1.32' }), path: C, field: 'kubernetesVersion', rule: /a Kubernetes version is `v\{major\}\.\{minor\}\.\{patch\}`/, also: (e) => expect(e.fix).toMatch(/v1\.32\.3/) },
  { name: 'Cluster version "latest"', build: cluster({ kubernetesVersion: 'latest' }), path: C, field: 'kubernetesVersion', rule: /a Kubernetes version is/ },
  { name: 'Cluster version another patch of a creatable minor (nhncloud)', build: nhn({ kubernetesVersion: 'v1.33.9' }), path: C, field: 'kubernetesVersion', rule: /one patch release per minor version: v1\.33 is v1\.33\.4/ },
];

const clusterNodes: ConstructCase[] = [
  { name: 'Cluster zone of another region', build: cluster({ availabilityZone: 'kr2-pub-a' }), path: C, field: 'availabilityZone', rule: /kr2-pub-a is an availability zone of KR2 \(Pyeongchon\), not of this stack's region KR1/ },
  { name: 'Cluster zone of KR1 in a KR3 stack (nhncloud)', build: nhn({}, { region: 'KR3' }), path: C, field: 'availabilityZone', rule: /kr-pub-a is an availability zone of KR1/ },
  { name: 'Cluster zone in uppercase', build: cluster({ availabilityZone: 'KR-PUB-A' }), path: C, field: 'availabilityZone', rule: /KR1 \(Pangyo\) has the availability zones/, also: (e) => expect(e.fix).toMatch(/"kr-pub-a" \(zone names are lowercase\)/) },
  { name: 'Cluster zone that does not exist', build: cluster({ availabilityZone: 'kr-pub-c' }), path: C, field: 'availabilityZone', rule: /has the availability zones "kr-pub-a" or "kr-pub-b"/ },
  { name: 'Cluster zone empty', build: cluster({ availabilityZone: '' }), path: C, field: 'availabilityZone', rule: /has the availability zones/ },
  { name: 'Cluster flavor in uppercase', build: cluster({ flavor: 'M2.C4M8' }), path: C, field: 'flavor', rule: FLAVOR_SHAPE, also: (e) => expect(e.fix).toMatch(/lowercase: `m2\.c4m8`/) },
  { name: 'Cluster flavor a family only', build: cluster({ flavor: 'm2' }), path: C, field: 'flavor', rule: FLAVOR_SHAPE },
  { name: 'Cluster GPU flavor without its GPU model', build: cluster({ flavor: 'g2.c8m64' }), path: C, field: 'flavor', rule: FLAVOR_SHAPE },
  { name: 'Cluster unlisted GPU flavor without gpuCount', build: cluster({ flavor: 'g2.a100.c8m64' }), path: C, field: 'flavor', rule: /the GPU count of g2\.a100\.c8m64 is unknown/ },
  { name: 'Cluster gpuCount on a flavor without GPUs', build: cluster({ gpuCount: 1 }), path: C, field: 'gpuCount', rule: /gpuCount applies only to g2 \(GPU\) flavors/ },
  { name: 'Cluster gpuCount disagreeing with the flavor table', build: cluster({ flavor: 'g2.t4.c8m64', gpuCount: 4 }), path: C, field: 'gpuCount', rule: /g2\.t4\.c8m64 has 2 Tesla T4 GPUs per instance/ },
  { name: 'Cluster gpuCount 0 for an unlisted GPU flavor (nhncloud)', build: nhn({ flavor: 'g2.a100.c8m64', gpuCount: 0 }), path: C, field: 'gpuCount', rule: /positive whole number/ },
  { name: 'Cluster nodeCount 0', build: cluster({ nodeCount: 0 }), path: C, field: 'nodeCount', rule: /the node count of a node group must be from 1 to 100/ },
  { name: 'Cluster nodeCount 101', build: cluster({ nodeCount: 101 }), path: C, field: 'nodeCount', rule: /from 1 to 100/ },
  { name: 'Cluster nodeCount fractional', build: cluster({ nodeCount: 2.5 }), path: C, field: 'nodeCount', rule: /must be a whole number/, also: (e) => expect(e.fix).toBe('use 2 or 3') },
  { name: 'Cluster nodeCount as a string (nhncloud)', build: nhn({ nodeCount: untyped('3') }), path: C, field: 'nodeCount', rule: /must be a whole number from 1 to 100/ },
  { name: 'Cluster boot volume type unknown', build: cluster({ bootVolume: { type: untyped('SSD') } }), path: C, field: 'bootVolume.type', rule: /a block storage volume type must be one of/ },
  { name: 'Cluster boot volume type lowercase', build: cluster({ bootVolume: { type: untyped('general ssd') } }), path: C, field: 'bootVolume.type', rule: /matched exactly.*"General SSD"/ },
  { name: 'Cluster boot volume below 20 GB', build: cluster({ bootVolume: { sizeGb: 10 } }), path: C, field: 'bootVolume.sizeGb', rule: /a boot volume's size must be from 20 GB to 2000 GB/ },
  { name: 'Cluster boot volume above 2000 GB (nhncloud)', build: nhn({ bootVolume: { sizeGb: 4096 } }), path: C, field: 'bootVolume.sizeGb', rule: /from 20 GB to 2000 GB/ },
  { name: 'Cluster boot volume fractional', build: cluster({ bootVolume: { sizeGb: 50.5 } }), path: C, field: 'bootVolume.sizeGb', rule: /whole number/ },
];

const autoscaler: ConstructCase[] = [
  { name: 'autoscaler maxNodes 11', build: cluster({ autoscaler: { maxNodes: 11 } }), path: C, field: 'autoscaler.maxNodes', rule: /the autoscaler maximum \(NKS\) must be from 1 to 10/ },
  { name: 'autoscaler maxNodes 0', build: cluster({ autoscaler: { maxNodes: 0 } }), path: C, field: 'autoscaler.maxNodes', rule: /from 1 to 10/ },
  { name: 'autoscaler maxNodes as a string', build: cluster({ autoscaler: { maxNodes: untyped('5') } }), path: C, field: 'autoscaler.maxNodes', rule: /whole number/ },
  { name: 'autoscaler minNodes above maxNodes', build: cluster({ autoscaler: { minNodes: 5, maxNodes: 3 } }), path: C, field: 'autoscaler.minNodes', rule: /must not exceed its maximum \(3\)/ },
  { name: 'autoscaler minNodes 0', build: cluster({ autoscaler: { minNodes: 0, maxNodes: 3 } }), path: C, field: 'autoscaler.minNodes', rule: /the autoscaler minimum \(NKS\) must be from 1 to 10/ },
  { name: 'nodeCount outside the autoscaler bounds', build: cluster({ nodeCount: 5, autoscaler: { minNodes: 1, maxNodes: 3 } }), path: C, field: 'nodeCount', rule: /within its bounds 1–3/ },
  { name: 'autoscaler utilisation threshold 0', build: cluster({ autoscaler: { maxNodes: 3, scaleDownUtilizationThreshold: 0 } }), path: C, field: 'autoscaler.scaleDownUtilizationThreshold', rule: /whole percentage from 1% to 100%/ },
  { name: 'autoscaler utilisation threshold 1.5', build: cluster({ autoscaler: { maxNodes: 3, scaleDownUtilizationThreshold: 1.5 } }), path: C, field: 'autoscaler.scaleDownUtilizationThreshold', rule: /whole percentage/ },
  { name: 'autoscaler utilisation threshold 55.5%', build: cluster({ autoscaler: { maxNodes: 3, scaleDownUtilizationThreshold: 0.555 } }), path: C, field: 'autoscaler.scaleDownUtilizationThreshold', rule: /whole percentage/ },
  { name: 'autoscaler utilisation threshold written as a percentage', build: cluster({ autoscaler: { maxNodes: 3, scaleDownUtilizationThreshold: 50 } }), path: C, field: 'autoscaler.scaleDownUtilizationThreshold', rule: /written as a fraction/ },
  { name: 'autoscaler unneeded time 0 minutes', build: cluster({ autoscaler: { maxNodes: 3, scaleDownUnneededMinutes: 0 } }), path: C, field: 'autoscaler.scaleDownUnneededMinutes', rule: /the scale-down unneeded time must be from 1/ },
  { name: 'autoscaler unneeded time above a day (nhncloud)', build: nhn({ autoscaler: { maxNodes: 3, scaleDownUnneededMinutes: 1441 } }), path: C, field: 'autoscaler.scaleDownUnneededMinutes', rule: /to 1440 minutes/ },
  { name: 'autoscaler delay after add 5 minutes', build: cluster({ autoscaler: { maxNodes: 3, scaleDownDelayAfterAddMinutes: 5 } }), path: C, field: 'autoscaler.scaleDownDelayAfterAddMinutes', rule: /the scale-down delay after add must be from 10/ },
];

const nodeLabels: ConstructCase[] = [
  { name: 'Cluster node label key with spaces', build: cluster({ nodeLabels: { 'bad key!': 'x' } }), path: C, field: 'nodeLabels.bad key!', rule: LABEL_KEY },
  { name: 'Cluster node label with the reserved kubernetes.io prefix', build: cluster({ nodeLabels: { 'kubernetes.io/role': 'worker' } }), path: C, field: 'nodeLabels.kubernetes.io/role', rule: /reserved prefix kubernetes\.io/ },
  { name: 'Cluster node label under a kubernetes.io subdomain', build: cluster({ nodeLabels: { 'node-role.kubernetes.io/worker': 'true' } }), path: C, field: 'nodeLabels.node-role.kubernetes.io/worker', rule: /reserved prefix node-role\.kubernetes\.io/ },
  { name: 'Cluster node label with the magnum prefix (nhncloud)', build: nhn({ nodeLabels: { 'magnum.openstack.org/role': 'worker' } }), path: C, field: 'nodeLabels.magnum.openstack.org/role', rule: /reserved prefix/ },
  { name: 'Cluster node label value with a space', build: cluster({ nodeLabels: { tier: 'front end' } }), path: C, field: 'nodeLabels.tier', rule: LABEL_VALUE },
  { name: 'Cluster node label value a number', build: cluster({ nodeLabels: { tier: untyped(1) } }), path: C, field: 'nodeLabels.tier', rule: /label values are strings/ },
  { name: "Cluster 20 node labels plus nks-cdk's group label", build: cluster({ nodeLabels: labels(20) }), path: C, field: 'nodeLabels', rule: /at most 20 Kubernetes labels; 21 are given/ },
];

const cidrs: ConstructCase[] = [
  { name: 'podsCidr malformed', build: cluster({ podsCidr: '10.100.0.0-16' }), path: C, field: 'podsCidr', rule: CIDR_SHAPE },
  { name: 'podsCidr with host bits set', build: cluster({ podsCidr: '10.100.0.1/16' }), path: C, field: 'podsCidr', rule: /host bits set/, also: (e) => expect(e.fix).toBe('write 10.100.0.0/16') },
  { name: 'podsCidr smaller than /24', build: cluster({ podsCidr: '10.100.0.0/25' }), path: C, field: 'podsCidr', rule: /must be \/24 or larger.*is a \/25/ },
  { name: 'servicesCidr smaller than /24 (nhncloud)', build: nhn({ servicesCidr: '10.254.0.0/26' }), path: C, field: 'servicesCidr', rule: /must be \/24 or larger/ },
  { name: 'servicesCidr without a prefix', build: cluster({ servicesCidr: '10.254.0.0' }), path: C, field: 'servicesCidr', rule: CIDR_SHAPE },
  { name: 'podsCidr equal to the service range', build: cluster({ podsCidr: '10.254.0.0/16' }), path: C, field: 'podsCidr', rule: /the pod range 10\.254\.0\.0\/16 .* overlaps the service range 10\.254\.0\.0\/16/ },
  // An overlap is reported at the earlier of the two ranges: pods before services.
  { name: 'servicesCidr inside the pod range', build: cluster({ servicesCidr: '10.100.128.0/17' }), path: C, field: 'podsCidr', rule: /overlaps the service range 10\.100\.128\.0\/17/ },
  { name: 'podsCidr 0.0.0.0/0', build: cluster({ podsCidr: '0.0.0.0/0' }), path: C, field: 'podsCidr', rule: /overlaps the service range/ },
  { name: 'podsCidr overlapping the subnet', build: cluster({ podsCidr: '192.168.0.0/16' }), path: C, field: 'podsCidr', rule: /overlaps the subnet of infra\/vpc 192\.168\.0\.0\/24/ },
  { name: 'servicesCidr overlapping the subnet (nhncloud)', build: nhn({ servicesCidr: '192.168.0.0/23' }), path: C, field: 'servicesCidr', rule: /the service range .* overlaps the subnet of infra\/vpc/ },
  { name: 'podsCidr in the link-local range', build: cluster({ podsCidr: '169.254.0.0/16' }), path: C, field: 'podsCidr', rule: /overlaps the link-local range 169\.254\.0\.0\/16/ },
  { name: 'servicesCidr in the range NKS uses internally', build: cluster({ servicesCidr: '198.18.0.0/20' }), path: C, field: 'servicesCidr', rule: /overlaps the range NKS uses internally 198\.18\.0\.0\/19/ },
  {
    // A new Network there is refused at its cidr (not a private range); an existing subnet reaches the cluster's check.
    name: 'existing subnet in the range NKS uses internally',
    build: onExisting('198.18.4.0/24'),
    path: C,
    field: 'network',
    rule: /the subnet of infra\/existing 198\.18\.4\.0\/24 .* overlaps the range NKS uses internally/,
  },
  { name: 'existing subnet in the link-local range', build: onExisting('169.254.10.0/24'), path: C, field: 'network', rule: /the subnet of infra\/existing .* overlaps the link-local range/ },
  { name: 'podsCidr overlapping an existing subnet', build: onExisting('10.100.5.0/24'), path: C, field: 'podsCidr', rule: /overlaps the subnet of infra\/existing 10\.100\.5\.0\/24/ },
];

const external: ConstructCase[] = [
  { name: 'nhncloud: publicApiEndpoint without externalNetwork', build: nhn({ publicApiEndpoint: true }), path: C, field: 'externalNetwork', rule: EXTERNAL_PAIR },
  { name: 'nhncloud: externalSubnetIds without externalNetwork', build: nhn({ externalSubnetIds: [SUBNET_ID] }), path: C, field: 'externalNetwork', rule: /externalSubnetIds are given without their network/ },
  { name: 'nhncloud: externalSubnetIds empty', build: nhn({ externalNetwork: ExternalNetworkRef.fromId(UUID), externalSubnetIds: [] }), path: C, field: 'externalSubnetIds', rule: /an empty list says nothing/ },
  { name: 'nhncloud: externalSubnetIds entry not a UUID', build: nhn({ externalNetwork: ExternalNetworkRef.fromId(UUID), externalSubnetIds: ['public-subnet'] }), path: C, field: 'externalSubnetIds[0]', rule: /subnet ID is a UUID/ },
  { name: 'nhncloud: second externalSubnetIds entry not a UUID', build: nhn({ publicApiEndpoint: true, externalNetwork: ExternalNetworkRef.fromId(UUID), externalSubnetIds: [SUBNET_ID, 'subnet-b'] }), path: C, field: 'externalSubnetIds[1]', rule: UUID_RULE },
  ...onBoth((t) => ({ build: cluster({ externalNetwork: ExternalNetworkRef.fromId('public'), externalSubnetIds: t === 'nhncloud' ? [SUBNET_ID] : undefined }, t), path: C, field: 'externalNetwork', rule: /external network ID is a UUID/ }), 'ExternalNetworkRef.fromId not a UUID'),
  { name: 'nhncloud: clusterTemplateId other than iaas_console', build: nhn({ clusterTemplateId: 'my-template' }), path: C, field: 'clusterTemplateId', rule: /NKS creates clusters only from the template "iaas_console"/ },
  { name: 'nhncloud: clusterTemplateId a Magnum template UUID', build: nhn({ clusterTemplateId: UUID }), path: C, field: 'clusterTemplateId', rule: /only from the template "iaas_console"/ },
  { name: 'openstack: clusterTemplateId empty', build: cluster({ clusterTemplateId: '' }, 'openstack'), path: C, field: 'clusterTemplateId', rule: /a cluster template ID must not be empty/ },
  { name: 'openstack: clusterTemplateId blank', build: cluster({ clusterTemplateId: '   ' }, 'openstack'), path: C, field: 'clusterTemplateId', rule: /must not be empty/ },
];

const extraLabels: ConstructCase[] = [
  { name: 'extraLabels setting kube_tag', build: cluster({ extraLabels: { kube_tag: 'v1.33.4' } }), path: C, field: 'extraLabels.kube_tag', rule: /label "kube_tag" is set by nks-cdk from a typed prop/ },
  { name: 'extraLabels setting availability_zone (nhncloud)', build: nhn({ extraLabels: { availability_zone: 'kr-pub-b' } }), path: C, field: 'extraLabels.availability_zone', rule: /set by nks-cdk from a typed prop/ },
  { name: 'extraLabels setting node_image', build: cluster({ extraLabels: { node_image: IMAGE_ID } }), path: C, field: 'extraLabels.node_image', rule: /set by nks-cdk/ },
  { name: 'extraLabels setting k8s_node_labels', build: cluster({ extraLabels: { k8s_node_labels: 'tier=web' } }), path: C, field: 'extraLabels.k8s_node_labels', rule: /set by nks-cdk/ },
  { name: 'extraLabels setting external_network_id (nhncloud)', build: nhn({ extraLabels: { external_network_id: UUID } }), path: C, field: 'extraLabels.external_network_id', rule: /set by nks-cdk from a typed prop/ },
  { name: 'extraLabels setting external_subnet_id_list (openstack)', build: cluster({ extraLabels: { external_subnet_id_list: SUBNET_ID } }, 'openstack'), path: C, field: 'extraLabels.external_subnet_id_list', rule: /set by nks-cdk/ },
  { name: 'extraLabels value a boolean', build: nhn({ extraLabels: { strict_sg_rules: untyped(true) } }), path: C, field: 'extraLabels.strict_sg_rules', rule: /NKS label values are strings/, also: (e) => expect(e.fix).toContain('"True"') },
  { name: 'extraLabels value a number', build: cluster({ extraLabels: { etcd_volume_size: untyped(20) } }), path: C, field: 'extraLabels.etcd_volume_size', rule: /NKS label values are strings/ },
];

const addons: ConstructCase[] = [
  { name: 'nhncloud: addons without a CNI', build: nhn({ addons: [NksAddon.coreDns()] }), path: C, field: 'addons', rule: /NKS requires a cni addon at cluster creation/ },
  { name: 'nhncloud: addons without kube-dns', build: nhn({ addons: [NksAddon.calico(), NksAddon.metricsServer()] }), path: C, field: 'addons', rule: /NKS requires a kube-dns addon/ },
  { name: 'nhncloud: addons empty', build: nhn({ addons: [] }), path: C, field: 'addons', rule: /requires a cni addon/ },
  { name: 'nhncloud: two CNI addons', build: nhn({ addons: [NksAddon.calico(), NksAddon.coreDns(), NksAddon.custom({ name: 'cilium', type: 'cni', version: 'v1.16.0' })] }), path: C, field: 'addons[2]', rule: /a cluster has one cni addon; addons\[0\] \(calico\) is one already/ },
  { name: 'nhncloud: CoreDNS twice', build: nhn({ addons: [NksAddon.calico(), NksAddon.coreDns(), NksAddon.coreDns({ version: '1.8.4-nks1' })] }), path: C, field: 'addons[2]', rule: /one kube-dns addon/, also: (e) => expect(e.fix).toMatch(/remove the second coredns \(addons\[2\]\)/) },
  { name: 'nhncloud: Calico mode NKS does not offer', build: nhn({ addons: [NksAddon.calico({ mode: untyped('bgp') }), NksAddon.coreDns()] }), path: C, field: 'addons[0].options.mode', rule: /calico's mode is one of "vxlan" or "ebpf"/ },
  {
    name: 'nhncloud: Calico option NKS does not have',
    build: nhn({ addons: [NksAddon.custom({ name: 'calico', type: 'cni', version: 'v3.28.2-nks2', options: { ipip: 'Always' } }), NksAddon.coreDns()] }),
    path: C,
    field: 'addons[0].options.ipip',
    rule: /calico has no option "ipip"/,
  },
  {
    name: 'nhncloud: option on an addon without options',
    build: nhn({ addons: [NksAddon.calico(), NksAddon.custom({ name: 'coredns', type: 'kube-dns', version: '1.8.4-nks2', options: { replicas: '3' } })] }),
    path: C,
    field: 'addons[1].options.replicas',
    rule: /coredns has no option "replicas"/,
  },
  { name: 'nhncloud: addon version empty', build: nhn({ addons: [NksAddon.calico({ version: '' }), NksAddon.coreDns()] }), path: C, field: 'addons[0].version', rule: /an addon needs a version/, also: (e) => expect(e.fix).toMatch(/v3\.30\.2-nks2/) },
  { name: 'nhncloud: custom addon version blank', build: nhn({ addons: [NksAddon.calico(), NksAddon.coreDns(), NksAddon.custom({ name: 'my-addon', type: 'metrics-server', version: ' ' })] }), path: C, field: 'addons[2].version', rule: /needs a version/ },
  { name: 'nhncloud: addon as a plain object', build: nhn({ addons: [NksAddon.calico(), untyped({ name: 'coredns', type: 'kube-dns', version: '1.8.4-nks2', options: {} })] }), path: C, field: 'addons[1]', rule: /an addon is made with an NksAddon factory/ },
  { name: 'nhncloud: addon null', build: nhn({ addons: [untyped(null), NksAddon.coreDns()] }), path: C, field: 'addons[0]', rule: /NksAddon factory/ },
];

const operations: ConstructCase[] = [
  ...onBoth((t) => ({ build: cluster({ resizeTo: 0 }, t), path: C, field: 'resizeTo', rule: /the node count of a node group must be from 1 to 100/ }), 'Cluster resizeTo 0'),
  { name: 'Cluster resizeTo 101 (nhncloud)', build: nhn({ resizeTo: 101 }), path: C, field: 'resizeTo', rule: /from 1 to 100/ },
  { name: 'Cluster resizeTo fractional', build: cluster({ resizeTo: 1.5 }), path: C, field: 'resizeTo', rule: /whole number/ },
  ...onBoth((t) => ({ build: cluster({ autoscaler: { maxNodes: 5 }, resizeTo: 4 }, t), path: C, field: 'resizeTo', rule: /the autoscaler sizes this group between 1 and 5 nodes/ }), 'Cluster resizeTo with the autoscaler on'),
  { name: 'openstack: an in-place upgrade', build: cluster({ kubernetesVersion: 'v1.32.3', upgrade: { kubernetesVersion: 'v1.33.4' } }, 'openstack'), path: C, field: 'upgrade', rule: /the openstack target has no in-place upgrade/, also: (e) => expect(e.fix).toMatch(/nhncloud/) },
  { name: 'nhncloud: upgrade to the same version', build: nhn({ kubernetesVersion: 'v1.33.4', upgrade: { kubernetesVersion: 'v1.33.4' } }), path: C, field: 'upgrade.kubernetesVersion', rule: /an upgrade goes to a newer version than the cluster's kubernetesVersion v1\.33\.4/ },
  { name: 'nhncloud: upgrade to an older version', build: nhn({ kubernetesVersion: 'v1.33.4', upgrade: { kubernetesVersion: 'v1.32.3' } }), path: C, field: 'upgrade.kubernetesVersion', rule: /newer version/ },
  { name: 'nhncloud: upgrade to a patch NKS does not ship', build: nhn({ kubernetesVersion: 'v1.32.3', upgrade: { kubernetesVersion: 'v1.33.9' } }), path: C, field: 'upgrade.kubernetesVersion', rule: /one patch release per minor/ },
  { name: 'nhncloud: upgrade to a version without its patch', build: nhn({ kubernetesVersion: 'v1.32.3', upgrade: { kubernetesVersion: 'v1.33' } }), path: C, field: 'upgrade.kubernetesVersion', rule: /a Kubernetes version is/ },
  { name: 'nhncloud: upgrade to an unreleased version', build: nhn({ kubernetesVersion: 'v1.32.3', upgrade: { kubernetesVersion: 'v1.36.0' } }), path: C, field: 'upgrade.kubernetesVersion', rule: /had not released/ },
  { name: 'nhncloud: upgrade bufferNodes negative', build: nhn({ kubernetesVersion: 'v1.32.3', upgrade: { kubernetesVersion: 'v1.33.4', bufferNodes: -1 } }), path: C, field: 'upgrade.bufferNodes', rule: /the buffer nodes of an upgrade must be from 1 to 100/ },
  { name: 'nhncloud: upgrade bufferNodes 101', build: nhn({ kubernetesVersion: 'v1.32.3', upgrade: { kubernetesVersion: 'v1.33.4', bufferNodes: 101 } }), path: C, field: 'upgrade.bufferNodes', rule: /from 1 to 100/ },
  { name: 'nhncloud: upgrade maxUnavailableNodes 0', build: nhn({ kubernetesVersion: 'v1.32.3', upgrade: { kubernetesVersion: 'v1.33.4', maxUnavailableNodes: 0 } }), path: C, field: 'upgrade.maxUnavailableNodes', rule: /the nodes out of service at once during an upgrade must be from 1 to 100/ },
  { name: 'nhncloud: upgrade maxUnavailableNodes fractional', build: nhn({ kubernetesVersion: 'v1.32.3', upgrade: { kubernetesVersion: 'v1.33.4', maxUnavailableNodes: 1.5 } }), path: C, field: 'upgrade.maxUnavailableNodes', rule: /whole number/ },
];

const access: ConstructCase[] = [
  {
    name: 'nhncloud: kubeconfigFile that does not exist',
    build: (app) => void base(app, { kubeconfigFile: '/nonexistent/nks-corpus/kubeconfig' }, 'nhncloud').cluster.kubernetesAccess(),
    path: C,
    field: 'kubeconfigFile',
    rule: /the kubeconfig file of cluster "my-cluster" does not exist at \/nonexistent\/nks-corpus\/kubeconfig/,
  },
  {
    name: 'nhncloud: neither kubeconfigFile nor $NKS_KUBECONFIG',
    build: (app) => void base(app, {}, 'nhncloud').cluster.kubernetesAccess(),
    env: { NKS_KUBECONFIG: undefined },
    path: C,
    field: 'kubeconfigFile',
    rule: /neither kubeconfigFile nor \$NKS_KUBECONFIG is set/,
    also: (e) => expect(e.fix).toMatch(/kubeconfig file download/),
  },
  {
    name: 'nhncloud: $NKS_KUBECONFIG naming a missing file',
    build: (app) => void base(app, {}, 'nhncloud').cluster.kubernetesAccess(),
    env: { NKS_KUBECONFIG: '/nonexistent/nks-corpus/env-kubeconfig' },
    path: C,
    field: 'NKS_KUBECONFIG',
    rule: /does not exist at \/nonexistent\/nks-corpus\/env-kubeconfig/,
  },
  {
    name: 'nhncloud: Platform.deployWorkloadsTo a cluster without a kubeconfig',
    build: (app) => {
      const platform = new Platform(app, { target: 'nhncloud' });
      const n = new Network(platform.infra, 'vpc');
      platform.deployWorkloadsTo(new Cluster(platform.infra, 'cluster', { name: 'my-cluster', network: n, image: ImageRef.fromId(IMAGE_ID), availabilityZone: 'kr-pub-a', keyPair: KeyPair.fromName('my-key') }));
    },
    env: { NKS_KUBECONFIG: undefined },
    path: 'nks-infra/cluster',
    field: 'kubeconfigFile',
    rule: /the workloads side needs a kubeconfig file/,
  },
  ...onBoth((t) => ({ build: cluster({ image: ImageRef.fromId('ubuntu-22.04') }, t), path: C, field: 'image', rule: /image ID is a UUID/ }), 'ImageRef.fromId not a UUID'),
  { name: 'ImageRef.fromName empty', build: cluster({ image: ImageRef.fromName('') }), path: C, field: 'image', rule: /an image name or pattern must not be empty/ },
  { name: 'ImageRef.fromNameRegex blank (nhncloud)', build: nhn({ image: ImageRef.fromNameRegex('   ') }), path: C, field: 'image', rule: /must not be empty/ },
];

const nodeGroups: ConstructCase[] = [
  { name: 'node group name with uppercase', build: nodeGroup({ name: 'Workers' }), path: NG, field: 'name', rule: GROUP_NAME },
  { name: 'node group name longer than 32', build: nodeGroup({ name: 'w'.repeat(33) }), path: NG, field: 'name', rule: /has 33 characters/ },
  { name: 'node group name with "_"', build: nodeGroup({ name: 'gpu_pool' }, 'nhncloud'), path: NG, field: 'name', rule: /contains "_"/ },
  { name: 'node group named default-worker', build: nodeGroup({ name: 'default-worker' }), path: NG, field: 'name', rule: /"default-worker" is the name of the cluster's default node group/ },
  {
    name: 'node group name used twice',
    build: (app) => {
      const { cluster: c } = base(app);
      c.addNodeGroup('a', { name: 'workers', flavor: 'm2.c4m8' });
      c.addNodeGroup('b', { name: 'workers', flavor: 'm2.c4m8' });
    },
    path: 'infra/cluster/b',
    field: 'name',
    rule: /node group names are unique in a cluster; infra\/cluster\/a already uses it/,
  },
  { name: 'node group flavor malformed', build: nodeGroup({ flavor: 'm2.c4m8x' }), path: NG, field: 'flavor', rule: FLAVOR_SHAPE },
  { name: 'node group gpuCount on a flavor without GPUs', build: nodeGroup({ ...untyped({ gpuCount: 1 }) }), path: NG, field: 'gpuCount', rule: /applies only to g2/ },
  ...onBoth((t) => ({ build: nodeGroup({ availabilityZone: 'kr3-pub-a' }, t), path: NG, field: 'availabilityZone', rule: t === 'nhncloud' ? /kr3-pub-a is an availability zone of KR3/ : /kr3-pub-a is an NHN Cloud zone \(KR3, Gwangju\); this stack renders for the openstack target/ }), 'node group zone of another region'),
  { name: 'node group nodeCount 0', build: nodeGroup({ nodeCount: 0 }), path: NG, field: 'nodeCount', rule: /from 1 to 100/ },
  { name: 'node group nodeCount 101 (nhncloud)', build: nodeGroup({ nodeCount: 101 }, 'nhncloud'), path: NG, field: 'nodeCount', rule: /from 1 to 100/ },
  { name: 'node group resizeTo 0 (nhncloud)', build: nodeGroup({ resizeTo: 0 }, 'nhncloud'), path: NG, field: 'resizeTo', rule: /from 1 to 100/ },
  { name: 'node group resizeTo with the autoscaler on', build: nodeGroup({ autoscaler: { maxNodes: 4 }, resizeTo: 3 }), path: NG, field: 'resizeTo', rule: /the autoscaler sizes this group/ },
  { name: 'node group boot volume type unknown', build: nodeGroup({ bootVolume: { type: untyped('Encrypted') } }), path: NG, field: 'bootVolume.type', rule: /must be one of/ },
  { name: 'node group boot volume 19 GB', build: nodeGroup({ bootVolume: { sizeGb: 19 } }), path: NG, field: 'bootVolume.sizeGb', rule: /from 20 GB/ },
  { name: 'node group autoscaler maxNodes 20', build: nodeGroup({ autoscaler: { maxNodes: 20 } }), path: NG, field: 'autoscaler.maxNodes', rule: /from 1 to 10/ },
  { name: 'node group autoscaler minNodes above maxNodes (nhncloud)', build: nodeGroup({ autoscaler: { minNodes: 4, maxNodes: 2 } }, 'nhncloud'), path: NG, field: 'autoscaler.minNodes', rule: /must not exceed its maximum/ },
  { name: 'node group autoscaler threshold 0', build: nodeGroup({ autoscaler: { maxNodes: 3, scaleDownUtilizationThreshold: 0 } }), path: NG, field: 'autoscaler.scaleDownUtilizationThreshold', rule: /whole percentage/ },
  { name: 'node group label with the k8s.io prefix', build: nodeGroup({ nodeLabels: { 'k8s.io/pool': 'a' } }), path: NG, field: 'nodeLabels.k8s.io/pool', rule: /reserved prefix k8s\.io/ },
  { name: 'node group label value invalid', build: nodeGroup({ nodeLabels: { pool: 'a/b' } }), path: NG, field: 'nodeLabels.pool', rule: LABEL_VALUE },
  { name: "node group 20 labels plus nks-cdk's group label", build: nodeGroup({ nodeLabels: labels(20) }), path: NG, field: 'nodeLabels', rule: /21 are given/ },
  { name: 'node group image ID not a UUID', build: nodeGroup({ image: ImageRef.fromId('ubuntu') }), path: NG, field: 'image', rule: /image ID is a UUID/ },
];

const gpuGroups: ConstructCase[] = [
  ...onBoth((t) => ({ build: gpuGroup({ flavor: SITE[t].flavor }, t), path: GPU, field: 'flavor', rule: t === 'nhncloud' ? /a GPU node group needs a g2 flavor/ : /a GPU node group needs a flavor with GPUs, and the cloud profile \(RegionOne\) lists m1.large without GPUs/ }), 'GPU node group on a flavor without GPUs'),
  { name: 'GPU node group flavor in uppercase', build: gpuGroup({ flavor: 'G2.T4.C4M32' }), path: GPU, field: 'flavor', rule: /flavor names are lowercase; a GPU node group needs a g2 flavor/, also: (e) => expect(e.fix).toMatch(/g2\.t4\.c4m32/) },
  { name: 'GPU node group unlisted flavor without gpuCount', build: gpuGroup({ flavor: 'g2.a100.c8m64' }), path: GPU, field: 'flavor', rule: /the GPU count of g2\.a100\.c8m64 is unknown/ },
  { name: 'GPU node group gpuCount disagreeing with the table', build: gpuGroup({ gpuCount: 3 }), path: GPU, field: 'gpuCount', rule: /g2\.t4\.c4m32 has 1 Tesla T4 GPU per instance/ },
  { name: 'GPU node group gpuCount 0 for an unlisted flavor (nhncloud)', build: gpuGroup({ flavor: 'g2.h100.c16m128', gpuCount: 0 }, 'nhncloud'), path: GPU, field: 'gpuCount', rule: /positive whole number/ },
  { name: 'GPU node group taint key with a space', build: gpuGroup({ taint: { key: 'nvidia gpu', effect: 'NoSchedule' } }), path: GPU, field: 'taint.key', rule: LABEL_KEY },
  { name: 'GPU node group taint key empty', build: gpuGroup({ taint: { key: '', effect: 'NoSchedule' } }), path: GPU, field: 'taint.key', rule: /is empty/ },
  { name: 'GPU node group taint value invalid', build: gpuGroup({ taint: { key: 'nvidia.com/gpu', value: 'tesla t4', effect: 'NoSchedule' } }), path: GPU, field: 'taint.value', rule: LABEL_VALUE },
  { name: 'GPU node group name invalid', build: gpuGroup({ name: 'GPU-Pool' }), path: GPU, field: 'name', rule: GROUP_NAME },
  { name: 'GPU node group zone unknown (nhncloud)', build: gpuGroup({ availabilityZone: 'kr-pub-z' }, 'nhncloud'), path: GPU, field: 'availabilityZone', rule: /has the availability zones/ },
];

const V = 'infra/data';
const volumes: ConstructCase[] = [
  { name: 'BlockStorageVolume name empty', build: volume({ name: '' }), path: V, field: 'name', rule: /a volume name is 1 to 255 characters.*is empty/ },
  { name: 'BlockStorageVolume name with a tab', build: volume({ name: 'data\tdisk' }), path: V, field: 'name', rule: /control characters/ },
  { name: 'BlockStorageVolume name longer than 255', build: volume({ name: 'v'.repeat(256) }), path: V, field: 'name', rule: /has 256 characters/ },
  { name: 'BlockStorageVolume size 9 GB', build: volume({ sizeGb: 9 }), path: V, field: 'sizeGb', rule: /a block storage volume's size must be from 10 GB to 2000 GB/ },
  { name: 'BlockStorageVolume size 2001 GB (nhncloud)', build: volume({ sizeGb: 2001 }, 'nhncloud'), path: V, field: 'sizeGb', rule: /from 10 GB to 2000 GB/ },
  { name: 'BlockStorageVolume size fractional', build: volume({ sizeGb: 10.5 }), path: V, field: 'sizeGb', rule: /whole number/ },
  { name: 'BlockStorageVolume size as a string', build: volume({ sizeGb: untyped('100') }), path: V, field: 'sizeGb', rule: /whole number/ },
  { name: 'BlockStorageVolume type unknown', build: volume({ volumeType: untyped('SSD') }), path: V, field: 'volumeType', rule: /a block storage volume type must be one of/ },
  { name: 'BlockStorageVolume type with "_"', build: volume({ volumeType: untyped('General_SSD') }), path: V, field: 'volumeType', rule: /only resembles "General SSD"/ },
  ...onBoth((t) => ({ build: volume({ availabilityZone: 'kr-pub-a' }, t, { region: 'KR3' }), path: V, field: 'availabilityZone', rule: t === 'nhncloud' ? /kr-pub-a is an availability zone of KR1.*not of this stack's region KR3/ : /kr-pub-a is an NHN Cloud zone \(KR1, Pangyo\)/ }), 'BlockStorageVolume zone of another region'),
  { name: 'BlockStorageVolume zone unknown', build: volume({ availabilityZone: 'kr-pub-c' }), path: V, field: 'availabilityZone', rule: /has the availability zones/ },
];

const VM = 'infra/vm';
const instances: ConstructCase[] = [
  { name: 'GpuInstance name empty', build: instance({ name: '' }), path: VM, field: 'name', rule: /instance name is 1 to 255 characters/ },
  ...onBoth((t) => ({ build: instance({ flavor: SITE[t].flavor }, t), path: VM, field: 'flavor', rule: t === 'nhncloud' ? /a GPU instance needs a g2 flavor/ : /a GPU instance needs a flavor with GPUs/ }), 'GpuInstance on a flavor without GPUs'),
  { name: 'GpuInstance GPU flavor without its model', build: instance({ flavor: 'g2.c8m64' }), path: VM, field: 'flavor', rule: FLAVOR_SHAPE },
  { name: 'GpuInstance unlisted flavor without gpuCount', build: instance({ flavor: 'g2.a100.c8m64' }), path: VM, field: 'flavor', rule: /GPU count of g2\.a100\.c8m64 is unknown/ },
  { name: 'GpuInstance gpuCount disagreeing with the table', build: instance({ gpuCount: 1 }), path: VM, field: 'gpuCount', rule: /g2\.t4\.c8m64 has 2 Tesla T4 GPUs per instance/ },
  { name: 'GpuInstance zone unknown', build: instance({ availabilityZone: 'kr-pub-c' }), path: VM, field: 'availabilityZone', rule: /has the availability zones/ },
  { name: 'GpuInstance boot volume type unknown', build: instance({ bootVolume: { type: untyped('NVMe') } }), path: VM, field: 'bootVolume.type', rule: /must be one of/ },
  { name: 'GpuInstance boot volume above 2000 GB (nhncloud)', build: instance({ bootVolume: { sizeGb: 5000 } }, 'nhncloud'), path: VM, field: 'bootVolume.sizeGb', rule: /from 20 GB to 2000 GB/ },
  ...onBoth((t) => ({ build: instance({}, t, {}, [SITE[t].otherZone]), path: VM, field: 'volumes[0]', rule: new RegExp(`a volume attaches only to an instance in its own zone; vol0 is in ${SITE[t].otherZone}, the instance in ${SITE[t].zone}`) }), 'GpuInstance volume in another zone'),
  { name: 'GpuInstance second volume in another zone (openstack)', build: instance({}, 'openstack', {}, ['nova', 'az-2']), path: VM, field: 'volumes[1]', rule: /vol1 is in az-2/ },
  { name: 'GpuInstance image ID not a UUID', build: instance({ image: ImageRef.fromId('gpu-image') }), path: VM, field: 'image', rule: /image ID is a UUID/ },
];

// Gaps the corpus found (and their fixes): booleans, reserved labels, GPU flavors on the wrong factory,
// names checked where they are used, list-valued stack props, and messages that pointed at the wrong field.
const KP = 'infra/key';
const twoClusters = (app: PlatformApp) => {
  const { stack: s, network: n, keyPair: k } = base(app);
  new Cluster(s, 'cluster2', { name: 'my-cluster', network: n, image: ImageRef.fromId(IMAGE_ID), availabilityZone: 'kr-pub-a', keyPair: k });
};
const BOOLEAN = /must be the boolean true or false, not a string/;
const gaps: ConstructCase[] = [
  ...onBoth((t) => ({ build: cluster({ publicApiEndpoint: untyped('yes') }, t), path: C, field: 'publicApiEndpoint', rule: BOOLEAN, also: (e) => expect(e.fix).toMatch(/write true/) }), 'publicApiEndpoint a string'),
  { name: 'autoscaler.scaleDown "no" (truthy, read the wrong way round)', build: cluster({ nodeCount: 2, autoscaler: { maxNodes: 3, scaleDown: untyped('no') } }), path: C, field: 'autoscaler.scaleDown', rule: BOOLEAN, also: (e) => expect(e.fix).toMatch(/write false/) },
  { name: 'node group autoscaler.scaleDown a number', build: nodeGroup({ autoscaler: { maxNodes: 3, scaleDown: untyped(0) } }), path: NG, field: 'autoscaler.scaleDown', rule: /must be the boolean true or false, not a number/ },
  ...onBoth((t) => ({ build: nodeGroup({ flavor: SITE[t].gpuFlavor }, t), path: NG, field: 'flavor', rule: /is a flavor with GPUs \(a g2 flavor on NHN Cloud\)/, also: (e) => expect(e.fix).toMatch(/addGpuNodeGroup\("ng"/) }), 'addNodeGroup with a GPU flavor'),
  { name: 'cluster nodeLabels on node.nks-cdk.io/group', build: cluster({ nodeLabels: { 'node.nks-cdk.io/group': 'web' } }), path: C, field: 'nodeLabels.node.nks-cdk.io/group', rule: /reserved by nks-cdk/ },
  { name: 'node group nodeLabels on node.nks-cdk.io/group', build: nodeGroup({ nodeLabels: { tier: 'web', 'node.nks-cdk.io/group': 'other' } }), path: NG, field: 'nodeLabels.node.nks-cdk.io/group', rule: /reserved by nks-cdk/ },
  { name: 'GPU node group nodeLabels on node.nks-cdk.io/group', build: gpuGroup({ nodeLabels: { 'node.nks-cdk.io/group': 'gpu' } }), path: GPU, field: 'nodeLabels.node.nks-cdk.io/group', rule: /reserved by nks-cdk/ },
  { name: 'GPU node group taint effect unknown', build: gpuGroup({ taint: { key: 'nvidia.com/gpu', effect: untyped('NoRun') } }), path: GPU, field: 'taint.effect', rule: /a taint effect must be one of "NoSchedule", "PreferNoSchedule" or "NoExecute"/ },
  { name: 'GPU node group taint effect in lowercase', build: gpuGroup({ taint: { key: 'nvidia.com/gpu', effect: untyped('noschedule') } }), path: GPU, field: 'taint.effect', rule: /only resembles "NoSchedule"/ },
  { name: 'KeyPair.fromName with a space', build: (app) => onExisting('192.168.0.0/24', { keyPair: KeyPair.fromName('my key') })(app), path: 'KeyPair.fromName', field: 'name', rule: /a key pair name is 1 to 255 letters, digits/ },
  { name: 'KeyPair.fromName empty', build: (app) => void base(app, { keyPair: KeyPair.fromName('') }), path: 'KeyPair.fromName', field: 'name', rule: /is empty/ },
  ...onBoth(
    (t) => ({ build: cluster({ externalNetwork: ExternalNetworkRef.fromName(''), externalSubnetIds: t === 'nhncloud' ? [SUBNET_ID] : undefined }, t), path: C, field: 'externalNetwork', rule: /an external network name must not be empty/ }),
    'ExternalNetworkRef.fromName empty',
  ),
  { name: 'two clusters with the same name in one stack', build: twoClusters, path: 'infra/cluster2', field: 'name', rule: /cluster names are unique in a project and region; infra\/cluster already uses "my-cluster" in KR1/ },
  { name: 'availableFlavors a string', build: stack({ region: 'KR1', availableFlavors: untyped('m2.c4m8') }), path: 'infra', field: 'availableFlavors', rule: /a non-empty array of names/ },
  { name: 'availableFlavors entry in uppercase', build: stack({ region: 'KR1', availableFlavors: ['m2.c4m8', 'M2.C2M4'] }), path: 'infra', field: 'availableFlavors[1]', rule: FLAVOR_SHAPE, also: (e) => expect(e.fix).toMatch(/lowercase: `m2\.c2m4`/) },
  { name: 'availableFlavors entry empty', build: stack({ region: 'KR1', availableFlavors: ['m2.c4m8', ''] }), path: 'infra', field: 'availableFlavors[1]', rule: FLAVOR_SHAPE },
  { name: 'nhncloud: custom addon of an unknown type', build: nhn({ addons: [NksAddon.calico(), NksAddon.coreDns(), NksAddon.custom({ name: 'istio', type: untyped('service-mesh'), version: '1.0' })] }), path: C, field: 'addons[2].type', rule: /an NKS addon type must be one of/ },
  { name: 'nhncloud: custom addon without a name', build: nhn({ addons: [NksAddon.calico(), NksAddon.coreDns(), NksAddon.custom({ name: '', type: 'metrics-server', version: 'v0.4.4-nks2' })] }), path: C, field: 'addons[2].name', rule: /an addon needs its name/ },
  { name: 'nhncloud: Calico twice names the duplicate', build: nhn({ addons: [NksAddon.calico(), NksAddon.coreDns(), NksAddon.calico()] }), path: C, field: 'addons[2]', rule: /one cni addon/, also: (e) => expect(e.fix).not.toMatch(/keep one of calico and calico/) },
  { name: 'nhncloud: upgrade.maxUnavailableNodes above the default group\'s nodes', build: nhn({ kubernetesVersion: 'v1.32.3', nodeCount: 2, upgrade: { kubernetesVersion: 'v1.33.4', maxUnavailableNodes: 3 } }), path: C, field: 'upgrade.maxUnavailableNodes', rule: /node group "default-worker" has 2 nodes/ },
  {
    name: 'nhncloud: upgrade.maxUnavailableNodes above a node group\'s nodes',
    build: (app) => void base(app, { kubernetesVersion: 'v1.32.3', nodeCount: 3, upgrade: { kubernetesVersion: 'v1.33.4', maxUnavailableNodes: 2 } }, 'nhncloud').cluster.addNodeGroup('ng', { flavor: 'm2.c4m8', nodeCount: 1 }),
    path: C,
    field: 'upgrade.maxUnavailableNodes',
    rule: /node group "ng" has 1 node\b/,
  },
  { name: 'GpuInstance security group empty', build: instance({ securityGroups: [''] }), path: VM, field: 'securityGroups[0]', rule: /a security group name is 1 to 255 characters.*is empty/ },
  { name: 'GpuInstance second security group empty', build: instance({ securityGroups: ['default', ''] }, 'nhncloud'), path: VM, field: 'securityGroups[1]', rule: /is empty/ },
  { name: 'BlockStorageVolume description of 256 characters', build: volume({ description: 'd'.repeat(256) }), path: V, field: 'description', rule: /a Cinder volume description is at most 255 characters; this one has 256/ },
  { name: 'BlockStorageVolume description a number', build: volume({ description: untyped(7) }), path: V, field: 'description', rule: /a volume description is a string/ },
  { name: 'KeyPair publicKeyFile holding a private key', build: keyPair({ publicKeyFile: PRIVATE_KEY_FILE }), path: KP, field: 'publicKeyFile', rule: /the file holds a private key/, also: (e) => expect(e.message).not.toMatch(/b3BlbnNzaC1rZXktdjEAAAAAnotakey/) },
  { name: 'nhncloud: kubeconfigFile empty', build: (app) => void base(app, { kubeconfigFile: '' }, 'nhncloud').cluster.kubernetesAccess(), path: C, field: 'kubeconfigFile', rule: /the kubeconfig path of cluster "my-cluster" is empty/ },
  { name: 'nhncloud: kubeconfigFile a directory', build: (app) => void base(app, { kubeconfigFile: __dirname }, 'nhncloud').cluster.kubernetesAccess(), path: C, field: 'kubeconfigFile', rule: /is a directory .*, not a kubeconfig file/ },
  { name: 'Network DNS server with a prefix length', build: network({ dnsNameservers: ['8.8.8.8/32'] }), path: 'infra/vpc', field: 'dnsNameservers[0]', rule: /a DNS name server is an IPv4 address/, also: (e) => expect(e.fix).toMatch(/without the prefix length: 8\.8\.8\.8/) },
  { name: 'GpuInstance flavor in uppercase', build: instance({ flavor: 'G2.T4.C8M64' }), path: VM, field: 'flavor', rule: /flavor names are lowercase/, also: (e) => expect(e.fix).toMatch(/g2\.t4\.c8m64/) },
  { name: 'grammar: an image ID', build: instance({ image: ImageRef.fromId('gpu-image') }, 'nhncloud'), path: VM, field: 'image', rule: /^an image ID is a UUID/ },
  { name: 'grammar: an external network ID', build: cluster({ externalNetwork: ExternalNetworkRef.fromId('public') }), path: C, field: 'externalNetwork', rule: /^an external network ID is a UUID/ },
  { name: 'grammar: an internet gateway ID', build: network({ internetGatewayId: 'igw' }, 'nhncloud'), path: 'infra/vpc', field: 'internetGatewayId', rule: /^an internet gateway ID is a UUID/ },
  { name: 'grammar: an instance name', build: instance({ name: '' }, 'nhncloud'), path: VM, field: 'name', rule: /^an instance name is 1 to 255/, also: (e) => expect(e.fix).toMatch(/^give an instance name/) },
];

// What the cloud or its API refuses (or silently changes) that synth used to accept: attachments, DNS
// servers, VPC ranges, reserved names, names across stacks, upgrade steps, a second workloads cluster.
/** A cluster `id` named `name` in `stack` on network `n`; nhncloud clusters get a kubeconfig file (for deployWorkloadsTo). */
const clusterIn = (s: InfraStack, id: string, n: Network, props: Partial<ClusterProps> = {}) =>
  new Cluster(s, id, { name: 'my-cluster', network: n, image: ImageRef.fromId(IMAGE_ID), availabilityZone: 'kr-pub-a', keyPair: KeyPair.fromName('my-key'), kubeconfigFile: NOT_A_KEY_FILE, ...props });
/** Two GPU instances `infra/vm` and `infra/vm2`; `second` lists what the second attaches of the stack's volumes vol0 (kr-pub-a). */
const twoInstances = (target: Target, second: (vol: BlockStorageVolume) => BlockStorageVolume[]) => (app: PlatformApp) => {
  const { stack: s, network: n, keyPair: k } = base(app, {}, target);
  const vol = new BlockStorageVolume(s, 'vol0', { sizeGb: 10, availabilityZone: SITE[target].zone });
  const vm = { flavor: SITE[target].instanceFlavor, image: ImageRef.fromId(IMAGE_ID), availabilityZone: SITE[target].zone, network: n, keyPair: k };
  new GpuInstance(s, 'vm', { ...vm, volumes: [vol] });
  new GpuInstance(s, 'vm2', { ...vm, volumes: second(vol) });
};
const upgrade = (kubernetesVersion: string, u: { kubernetesVersion: string; fromVersion?: string }) => nhn({ kubernetesVersion, upgrade: u });
const PRIVATE_ONLY = /a VPC subnet lies inside a private range \(10\.0\.0\.0\/8, 172\.16\.0\.0\/12 or 192\.168\.0\.0\/16\), as NHN VPC requires/;
const RESERVED_GROUP = /NKS reserves "default-master" and "default-worker" for the cluster's own groups/;
const ONE_MINOR = /NKS upgrades a cluster one minor version at a time/;
const refused: ConstructCase[] = [
  ...onBoth((t) => ({ build: twoInstances(t, (v) => [v]), path: 'infra/vm2', field: 'volumes[0]', rule: /attaches to one instance at a time .*; infra\/vol0 is attached to infra\/vm already \(its volumes\[0\]\)/, also: (e) => expect(e.value).toBe('infra/vol0') }), 'BlockStorageVolume attached to two GPU instances'),
  ...onBoth(
    (t) => ({ build: (app) => { const { stack: s, network: n, keyPair: k } = base(app, {}, t); const v = new BlockStorageVolume(s, 'vol0', { sizeGb: 10, availabilityZone: SITE[t].zone }); new GpuInstance(s, 'vm', { flavor: SITE[t].instanceFlavor, image: ImageRef.fromId(IMAGE_ID), availabilityZone: SITE[t].zone, network: n, keyPair: k, volumes: [v, v] }); }, path: VM, field: 'volumes[1]', rule: /a volume attaches to an instance once; infra\/vol0 is volumes\[0\] already/ }),
    'BlockStorageVolume listed twice on one GPU instance',
  ),
  ...onBoth((t) => ({ build: network({ dnsNameservers: ['8.8.8.8', '1.1.1.1', '8.8.8.8'] }, t), path: 'infra/vpc', field: 'dnsNameservers[2]', rule: /Neutron refuses a subnet whose DNS name servers repeat an address; 8\.8\.8\.8 is dnsNameservers\[0\] already/, also: (e) => expect(e.fix).toBe('remove dnsNameservers[2]') }), 'Network DNS server listed twice'),
  ...onBoth((t) => ({ build: network({ cidr: '0.0.0.0/0' }, t), path: 'infra/vpc', field: 'cidr', rule: new RegExp(`${PRIVATE_ONLY.source}; 0\\.0\\.0\\.0/0 is every IPv4 address`), also: (e) => expect(e.fix).toMatch(/at most 10\.0\.0\.0\/8/) }), 'Network cidr 0.0.0.0/0 without a cluster'),
  ...onBoth((t) => ({ build: network({ cidr: '169.254.0.0/16' }, t), path: 'infra/vpc', field: 'cidr', rule: /takes in the link-local range 169\.254\.0\.0\/16, which NHN VPC refuses/, also: (e) => expect(e.fix).toMatch(/192\.168\.0\.0\/16/) }), 'Network cidr link-local without a cluster'),
  ...onBoth((t) => ({ build: network({ cidr: '8.8.8.0/24' }, t), path: 'infra/vpc', field: 'cidr', rule: /8\.8\.8\.0\/24 lies outside them \(8\.8\.8\.0–8\.8\.8\.255\)/ }), 'Network cidr a public range'),
  ...onBoth((t) => ({ build: network({ cidr: '192.168.0.0/15' }, t), path: 'infra/vpc', field: 'cidr', rule: /192\.168\.0\.0\/15 reaches beyond 192\.168\.0\.0\/16/, also: (e) => expect(e.fix).toMatch(/172\.16\.0\.0\/15/) }), 'Network cidr wider than 192.168.0.0/16'),
  ...onBoth((t) => ({ build: network({ cidr: '198.18.4.0/24' }, t), path: 'infra/vpc', field: 'cidr', rule: PRIVATE_ONLY }), 'Network cidr in the benchmarking range NKS uses internally'),
  ...onBoth((t) => ({ build: nodeGroup({ name: 'default-master' }, t), path: NG, field: 'name', rule: /"default-master" is the name NKS gives the cluster's control plane/ }), 'node group named default-master'),
  { name: 'node group named default-worker (nhncloud)', build: nodeGroup({ name: 'default-worker' }, 'nhncloud'), path: NG, field: 'name', rule: RESERVED_GROUP },
  { name: 'GPU node group named default-master', build: gpuGroup({ name: 'default-master' }, 'nhncloud'), path: GPU, field: 'name', rule: RESERVED_GROUP },
  ...onBoth(
    (t) => ({
      build: (app) => {
        const a = stackOf(app, t);
        const b = new InfraStack(app.infra, 'other', { region: 'KR1', target: t, ...(t === 'openstack' ? { cloud: CLOUD } : {}) });
        clusterIn(a, 'cluster', new Network(a, 'vpc'), { availabilityZone: SITE[t].zone });
        clusterIn(b, 'cluster', new Network(b, 'vpc'), { availabilityZone: SITE[t].zone });
      },
      path: 'other/cluster',
      field: 'name',
      rule: new RegExp(`cluster names are unique in a project and region; infra/cluster already uses "my-cluster" in ${t === 'nhncloud' ? 'KR1' : 'RegionOne'}`),
    }),
    'two clusters with one name in one region, in two stacks',
  ),
  { name: 'nhncloud: upgrade skipping a minor version', build: upgrade('v1.31.4', { kubernetesVersion: 'v1.33.4' }), path: C, field: 'upgrade.kubernetesVersion', rule: new RegExp(`${ONE_MINOR.source}, to the minor after the one it runs \\(v1\\.32 after the cluster's kubernetesVersion v1\\.31\\.4\\); v1\\.33\\.4 skips v1\\.32`), also: (e) => expect(e.fix).toMatch(/upgrade to v1\.32\.3 first and deploy; then set upgrade: \{ fromVersion: 'v1\.32\.3', kubernetesVersion: 'v1\.33\.4' \}/) },
  { name: 'nhncloud: upgrade from fromVersion skipping a minor version', build: upgrade('v1.31.4', { fromVersion: 'v1.31.4', kubernetesVersion: 'v1.33.4' }), path: C, field: 'upgrade.kubernetesVersion', rule: /\(v1\.32 after upgrade\.fromVersion v1\.31\.4\)/ },
  { name: 'nhncloud: upgrade to the version fromVersion runs', build: upgrade('v1.31.4', { fromVersion: 'v1.32.3', kubernetesVersion: 'v1.32.3' }), path: C, field: 'upgrade.kubernetesVersion', rule: /an upgrade goes to a newer version than upgrade\.fromVersion v1\.32\.3 \(NKS does not downgrade\)/ },
  { name: 'nhncloud: upgrade below fromVersion (a downgrade)', build: upgrade('v1.31.4', { fromVersion: 'v1.33.4', kubernetesVersion: 'v1.32.3' }), path: C, field: 'upgrade.kubernetesVersion', rule: /NKS does not downgrade/ },
  { name: 'nhncloud: fromVersion older than the cluster was created with', build: upgrade('v1.32.3', { fromVersion: 'v1.31.4', kubernetesVersion: 'v1.32.3' }), path: C, field: 'upgrade.fromVersion', rule: /the cluster was created with v1\.32\.3 and NKS does not downgrade, so it cannot run v1\.31\.4/ },
  { name: 'nhncloud: fromVersion NKS never shipped', build: upgrade('v1.31.4', { fromVersion: 'v1.32.9', kubernetesVersion: 'v1.33.4' }), path: C, field: 'upgrade.fromVersion', rule: /NKS shipped one patch release of v1\.32: v1\.32\.3/ },
  { name: 'nhncloud: fromVersion malformed', build: upgrade('v1.31.4', { fromVersion: 'v1.32', kubernetesVersion: 'v1.33.4' }), path: C, field: 'upgrade.fromVersion', rule: /a Kubernetes version is/ },
  ...onBoth(
    (t) => ({
      build: (app) => {
        const platform = new Platform(app, { target: t });
        const n = new Network(platform.infra, 'vpc');
        platform.deployWorkloadsTo(clusterIn(platform.infra, 'a', n, { name: 'cluster-a' }));
        platform.deployWorkloadsTo(clusterIn(platform.infra, 'b', n, { name: 'cluster-b' }));
      },
      path: 'nks-workloads',
      field: 'cluster',
      rule: /a platform has one workloads stack, and nks-workloads deploys to nks-infra\/a already/,
      also: (e) => expect(e.value).toBe('nks-infra/b'),
    }),
    'Platform.deployWorkloadsTo a second cluster',
  ),
];

// What NKS and NHN Cloud need at apply that the provider schema does not enforce (issue 13 §2): SKM keys of
// encrypted volumes, service gateway IDs, labels nks-cdk writes from typed props, and a buffer node count the
// provider would drop.
const KEY = { appKey: 'Ab12Cd34Ef56Gh78', keyId: '0123456789abcdef0123456789abcdef' };
const SKM = /volumes are encrypted with a Secure Key Manager \(SKM\) symmetric key given at creation/;
const audit: ConstructCase[] = [
  {
    name: 'nhncloud: upgrade bufferNodes 0 (the provider drops a 0, and NKS adds 1)',
    build: nhn({ kubernetesVersion: 'v1.32.3', upgrade: { kubernetesVersion: 'v1.33.4', bufferNodes: 0 } }),
    path: C,
    field: 'upgrade.bufferNodes',
    rule: /the nhncloud provider drops a buffer node count of 0 .* NKS would add its default of 1 buffer node/,
    also: (e) => expect(e.fix).toMatch(/console or through the NKS API/),
  },
  { name: 'BlockStorageVolume Encrypted HDD without encryptionKey (nhncloud)', build: volume({ volumeType: 'Encrypted HDD' }, 'nhncloud'), path: V, field: 'encryptionKey', rule: SKM, also: (e) => expect(e.fix).toMatch(/Security > Secure Key Manager/) },
  // On an OpenStack cloud the volume types are the profile's: NHN's 'Encrypted HDD' is not one of CLOUD's.
  { name: "BlockStorageVolume NHN's Encrypted HDD on an OpenStack cloud that has no such type (openstack)", build: volume({ volumeType: 'Encrypted HDD' }, 'openstack'), path: V, field: 'volumeType', rule: /a volume type of RegionOne \(OpenStack cloud profile\).* must be one of "__DEFAULT__"/ },
  { name: 'BlockStorageVolume encryptionKey on a General SSD volume', build: volume({ volumeType: 'General SSD', encryptionKey: KEY }, 'nhncloud'), path: V, field: 'encryptionKey', rule: /applies only to 'Encrypted HDD' and 'Encrypted SSD' volumes, and this one is General SSD/ },
  { name: 'BlockStorageVolume encryptionKey with an empty appKey', build: volume({ volumeType: 'Encrypted SSD', encryptionKey: { ...KEY, appKey: '' } }, 'nhncloud'), path: V, field: 'encryptionKey.appKey', rule: /an SKM appkey is a non-empty string/ },
  {
    name: 'BlockStorageVolume encryptionKey keyId with a space (not echoed)',
    build: volume({ volumeType: 'Encrypted SSD', encryptionKey: { ...KEY, keyId: 'key 0123' } }, 'nhncloud'),
    path: V,
    field: 'encryptionKey.keyId',
    rule: /an SKM key ID is a non-empty string without whitespace/,
    also: (e) => expect(e.message).not.toContain('key 0123'),
  },
  { name: 'BlockStorageVolume encryptionKey without keyId', build: volume({ volumeType: 'Encrypted SSD', encryptionKey: untyped({ appKey: KEY.appKey }) }, 'nhncloud'), path: V, field: 'encryptionKey.keyId', rule: /an SKM key ID is a non-empty string/ },
  { name: 'Cluster boot volume Encrypted SSD without encryptionKey (nhncloud)', build: cluster({ bootVolume: { type: 'Encrypted SSD' } }, 'nhncloud'), path: C, field: 'bootVolume.encryptionKey', rule: SKM },
  { name: "Cluster boot volume of NHN's Encrypted SSD type on an OpenStack cloud that has no such type (openstack)", build: cluster({ bootVolume: { type: 'Encrypted SSD' } }, 'openstack'), path: C, field: 'bootVolume.type', rule: /must be one of "__DEFAULT__"/ },
  { name: 'node group boot volume Encrypted HDD without encryptionKey (nhncloud)', build: nodeGroup({ bootVolume: { type: 'Encrypted HDD' } }, 'nhncloud'), path: NG, field: 'bootVolume.encryptionKey', rule: SKM },
  { name: 'GPU node group encryptionKey on a General HDD boot volume', build: gpuGroup({ bootVolume: { encryptionKey: KEY } }, 'nhncloud'), path: GPU, field: 'bootVolume.encryptionKey', rule: /applies only to 'Encrypted HDD' and 'Encrypted SSD'/ },
  { name: 'GpuInstance boot volume Encrypted SSD without encryptionKey (nhncloud)', build: instance({ bootVolume: { type: 'Encrypted SSD' } }, 'nhncloud'), path: VM, field: 'bootVolume.encryptionKey', rule: SKM },
  { name: 'nhncloud: serviceGateways.ncr not a UUID', build: nhn({ serviceGateways: { ncr: 'ncr-gateway', obs: UUID } }), path: C, field: 'serviceGateways.ncr', rule: /^a service gateway ID is a UUID/ },
  { name: 'nhncloud: serviceGateways.obs missing', build: nhn({ serviceGateways: untyped({ ncr: UUID }) }), path: C, field: 'serviceGateways.obs', rule: /service gateway ID is a UUID/ },
  ...onBoth((t) => ({ build: cluster({ extraLabels: { ncr_sgw: UUID } }, t), path: C, field: 'extraLabels.ncr_sgw', rule: /label "ncr_sgw" is set by nks-cdk from a typed prop/, also: (e) => expect(e.fix).toMatch(/serviceGateways/) }), 'extraLabels ncr_sgw'),
  { name: 'nhncloud: extraLabels boot_volume_appkey', build: nhn({ extraLabels: { boot_volume_appkey: KEY.appKey } }), path: C, field: 'extraLabels.boot_volume_appkey', rule: /set by nks-cdk from a typed prop/ },
  { name: 'Network.fromExisting internetGateway a string', build: (app) => void Network.fromExisting(stackOf(app, 'nhncloud'), 'existing', { networkId: UUID, subnetId: SUBNET_ID, internetGateway: untyped('yes') }), path: 'infra/existing', field: 'internetGateway', rule: /must be the boolean true or false, not a string/ },
];

const cases: ConstructCase[] = [
  ...audit,
  ...stacks, ...networks, ...keyPairs, ...clusterName, ...clusterVersion, ...clusterNodes, ...autoscaler, ...nodeLabels, ...cidrs, ...external,
  ...extraLabels, ...addons, ...operations, ...access, ...nodeGroups, ...gpuGroups, ...volumes, ...instances, ...gaps, ...refused,
];

runCorpus('bad input: infrastructure constructs (openstack and nhncloud targets)', cases, 330);

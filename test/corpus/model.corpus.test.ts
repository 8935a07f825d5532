// Bad-input corpus: the lib/model validators (flavors, regions and zones, volumes and storage, Kubernetes
// versions, names, CIDRs, node labels, quantities, IDs, access modes). Each reports at the Where it is given,
// so every case passes one and expects that path and field back. See harness.ts.
import {
  checkAbsolutePath, checkAccessModeList, checkAnnotationKey, checkAccessModes, checkBindingMode, checkBootVolumeSize, checkCinderProvisioner, checkClusterName,
  checkCreatableVersion, checkDns1035Label, checkDnsLabel, checkDnsSubdomain, checkIntegerInRange, checkKnownZone, checkLabelKey, checkLabelValue,
  checkMaxPrefix, checkNodeGroupName, checkNodeLabels, checkNoOverlap, checkPrivateCidr, checkUpgradeStep, checkReclaimPolicy, checkRegion, checkRelativePath, checkResourceName,
  checkStorageClassVolumeType, checkStorageSize, checkUuid, checkVolumeMode, checkVolumeSize, checkVolumeType, checkZone, checkZoneMatchesPlacement,
  cinderSizing, compareVersions, NodePlacement, parseCidr, parseFlavor, parseKubernetesVersion, RESERVED_CIDRS, Where,
} from '../../lib/model';
import { ModelCase, runCorpus } from './harness';

const PATH = 'nks-infra/cluster';
const w = (field: string): Where => ({ path: PATH, field });
// JavaScript callers (and JSON-driven programs) can pass what the types forbid.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const untyped = (v: unknown): any => v;
/** A case whose validator reports at `w(field)`. */
const m = (name: string, field: string, rule: RegExp, run: (where: Where) => unknown): ModelCase => ({ name, path: PATH, field, rule, run: () => void run(w(field)) });

const FLAVOR_SHAPE = /a flavor name must look like/;
const GROUP: NodePlacement = { path: 'nks-infra/cluster/workers', name: 'workers', availabilityZone: 'kr-pub-a', nodeLabels: {}, nodeSelector: {}, maxNodes: 3 };
const v = (tag: string) => parseKubernetesVersion(tag, w('kubernetesVersion'));

const flavors: ModelCase[] = [
  m('flavor in uppercase', 'flavor', FLAVOR_SHAPE, (at) => parseFlavor('M2.C4M8', at)),
  m('flavor with a zero vCPU count', 'flavor', FLAVOR_SHAPE, (at) => parseFlavor('m2.c0m8', at)),
  m('flavor with "-" instead of "."', 'flavor', FLAVOR_SHAPE, (at) => parseFlavor('m2-c4m8', at)),
  m('flavor empty', 'flavor', FLAVOR_SHAPE, (at) => parseFlavor('', at)),
  m('flavor a number', 'flavor', /a flavor is a name string/, (at) => parseFlavor(untyped(48), at)),
  m('GPU flavor without its GPU model', 'flavor', FLAVOR_SHAPE, (at) => parseFlavor('g2.c8m64', at)),
  m('unlisted GPU flavor without gpuCount', 'flavor', /GPU count of g2\.a100\.c8m64 is unknown/, (at) => parseFlavor('g2.a100.c8m64', at)),
  m('unlisted GPU flavor with gpuCount 0', 'gpuCount', /gpuCount must be a positive whole number/, () => parseFlavor('g2.a100.c8m64', w('flavor'), { gpuCount: 0 })),
  m('unlisted GPU flavor with fractional gpuCount', 'gpuCount', /positive whole number/, () => parseFlavor('g2.a100.c8m64', w('flavor'), { gpuCount: 1.5 })),
  m('listed GPU flavor with a gpuCount that disagrees', 'gpuCount', /g2\.t4\.c8m64 has 2 Tesla T4 GPUs per instance/, () => parseFlavor('g2.t4.c8m64', w('flavor'), { gpuCount: 4 })),
  m('gpuCount on a flavor without GPUs', 'gpuCount', /applies only to g2 \(GPU\) flavors/, () => parseFlavor('m2.c4m8', w('flavor'), { gpuCount: 1 })),
  m('gpuCount reported beside a nested flavor field', 'nodeGroups.gpu.gpuCount', /has 1 Tesla V100 GPU per instance/, () => parseFlavor('g2.v100.c8m90', w('nodeGroups.gpu.flavor'), { gpuCount: 2 })),
  m('gpuCount reported at an explicit where', 'gpu.count', /positive whole number/, () => parseFlavor('g2.h100.c8m64', w('flavor'), { gpuCount: -1, gpuCountWhere: w('gpu.count') })),
];

const regions: ModelCase[] = [
  m('region in lowercase', 'region', /matched exactly.*"KR1"/, (at) => checkRegion('kr1', at)),
  m('region that does not exist', 'region', /an NKS region must be one of "KR1", "KR2" or "KR3"/, (at) => checkRegion('KR4', at)),
  m('region of another provider', 'region', /must be one of/, (at) => checkRegion('ap-northeast-2', at)),
  m("zone of another region than the stack's", 'availabilityZone', /kr2-pub-a is an availability zone of KR2/, (at) => checkZone('KR1', 'kr2-pub-a', at)),
  m('zone in uppercase', 'availabilityZone', /KR1 \(Pangyo\) has the availability zones/, (at) => checkZone('KR1', 'KR-PUB-A', at)),
  m('zone that does not exist in the region', 'availabilityZone', /has the availability zones "kr2-pub-a" or "kr2-pub-b"/, (at) => checkZone('KR2', 'kr2-pub-c', at)),
  m('zone unknown anywhere', 'zone', /NHN Cloud has no availability zone "kr-pub-c"/, (at) => checkKnownZone('kr-pub-c', at)),
  m('zone with mixed case', 'zone', /has no availability zone/, (at) => checkKnownZone('Kr3-Pub-A', at)),
  m('known zone outside the given region', 'zone', /availability zone of KR1/, (at) => checkKnownZone('kr-pub-a', at, 'KR3')),
];

const volumes: ModelCase[] = [
  m('volume type in lowercase', 'volumeType', /matched exactly.*"General SSD"/, (at) => checkVolumeType('general ssd', at)),
  m('volume type unknown', 'volumeType', /a block storage volume type must be one of/, (at) => checkVolumeType('NVMe', at)),
  m('volume size below 10 GB', 'size', /from 10 GB to 2000 GB/, (at) => checkVolumeSize(9, at)),
  m('volume size above 2000 GB', 'size', /from 10 GB to 2000 GB/, (at) => checkVolumeSize(2001, at)),
  m('volume size fractional', 'size', /whole number/, (at) => checkVolumeSize(10.5, at)),
  m('volume size as a string', 'size', /whole number/, (at) => checkVolumeSize(untyped('100'), at)),
  m('boot volume below 20 GB', 'bootVolume.size', /boot volume's size must be from 20 GB/, (at) => checkBootVolumeSize(19, at)),
  m('boot volume above 2000 GB', 'bootVolume.size', /to 2000 GB/, (at) => checkBootVolumeSize(2048, at)),
  m('Recycle on a StorageClass', 'reclaimPolicy', /a StorageClass reclaims with "Delete" or "Retain"/, (at) => checkReclaimPolicy('Recycle', at, false)),
  m('reclaim policy lowercase', 'reclaimPolicy', /matched exactly.*"Delete"/, (at) => checkReclaimPolicy('delete', at, true)),
  m('volume binding mode unknown', 'volumeBindingMode', /a volume binding mode must be one of/, (at) => checkBindingMode('Lazy', at)),
  m('volume mode unknown', 'volumeMode', /a volume mode must be one of "Filesystem" or "Block"/, (at) => checkVolumeMode('Raw', at)),
  m('encrypted type on a StorageClass', 'type', /must be one of "General HDD" or "General SSD"/, (at) => checkStorageClassVolumeType('Encrypted SSD', at)),
  m('in-tree Cinder provisioner on v1.32', 'provisioner', /v1\.32\.3 has no in-tree Cinder plugin/, (at) => checkCinderProvisioner('kubernetes.io/cinder', v('v1.32.3'), at)),
  m('CSI Cinder provisioner on v1.19', 'provisioner', /provisions Cinder volumes with the in-tree kubernetes\.io\/cinder/, (at) => checkCinderProvisioner('cinder.csi.openstack.org', v('v1.19.13'), at)),
  m('foreign provisioner', 'provisioner', /provisioned by "kubernetes\.io\/cinder" or "cinder\.csi\.openstack\.org"/, (at) => checkCinderProvisioner('ebs.csi.aws.com', v('v1.33.4'), at)),
  m('claim larger than a Cinder volume', 'resources.requests.storage', /at most 2000 GB; this claim needs a 3072 GiB/, (at) => cinderSizing(checkStorageSize('3Ti', at), at)),
  m('volume zone differs from the node group', 'placement', /puts the volume in kr-pub-b, but node group "workers".*is in kr-pub-a/, (at) => checkZoneMatchesPlacement('kr-pub-b', 'StorageClass "sc-ssd"', GROUP, at)),
  m('absolute path given relative', 'hostPath', /is an absolute path/, (at) => checkAbsolutePath('mnt/data', at, 'a host path')),
  m('absolute path with ".."', 'hostPath', /without "\.\." segments/, (at) => checkAbsolutePath('/mnt/../etc', at, 'a host path')),
  m('relative path with a leading "/"', 'subPath', /a relative path inside the volume/, (at) => checkRelativePath('/conf', at, 'subPath')),
  m('relative path leaving the volume', 'subPath', /no "\.\." segment/, (at) => checkRelativePath('conf/../../etc', at, 'subPath')),
  m('relative path empty', 'subPath', /not empty/, (at) => checkRelativePath('', at, 'subPath')),
  m('ReadWriteMany on Cinder', 'accessModes[0]', /Cinder volumes support only ReadWriteOnce \(RWO\); Cinder has no ReadWriteMany/, () => checkAccessModes('Cinder', ['ReadWriteMany'], w('accessModes'))),
  m('ReadOnlyMany on Cinder, second entry', 'accessModes[1]', /no ReadOnlyMany/, () => checkAccessModes('Cinder', ['ReadWriteOnce', 'ReadOnlyMany'], w('accessModes'))),
  m('ReadWriteOncePod without CSI', 'accessModes[0]', /works only through a CSI driver/, () => checkAccessModes('Cinder', ['ReadWriteOncePod'], w('accessModes'))),
  m('no access modes', 'accessModes', /at least one access mode/, (at) => checkAccessModeList([], at)),
  m('access mode repeated', 'accessModes[1]', /listed once/, () => checkAccessModeList(['ReadWriteOnce', 'ReadWriteOnce'], w('accessModes'))),
  m('access mode abbreviated', 'accessModes[0]', /an access mode must be one of/, () => checkAccessModeList(['RWO'], w('accessModes'))),
];

const versions: ModelCase[] = [
  m('version without a patch number', 'kubernetesVersion', /v\{major\}\.\{minor\}\.\{patch\}/, (at) => parseKubernetesVersion('1.32', at)),
  m('version with a placeholder patch', 'kubernetesVersion', /a Kubernetes version is/, (at) => parseKubernetesVersion('v1.32.x', at)),
  m('version "latest"', 'kubernetesVersion', /a Kubernetes version is/, (at) => parseKubernetesVersion('latest', at)),
  m('version with leading zeros', 'kubernetesVersion', /a Kubernetes version is/, (at) => parseKubernetesVersion('v1.032.3', at)),
  m('version a number', 'kubernetesVersion', /a Kubernetes version is/, (at) => parseKubernetesVersion(untyped(1.32), at)),
  m('creatable minor with another patch', 'kubernetesVersion', /one patch release per minor version: v1\.32 is v1\.32\.3/, (at) => checkCreatableVersion('v1.32.1', at)),
  m('version past end of service', 'kubernetesVersion', /v1\.28\.3 reached end of service on NKS on 2025-11-30/, (at) => checkCreatableVersion('v1.28.3', at)),
  m("the 2020 guide's version", 'kubernetesVersion', /v1\.15\.7 reached end of service/, (at) => checkCreatableVersion('v1.15.7', at)),
  m('version NKS has not released', 'kubernetesVersion', /had not released Kubernetes v1\.34\.0/, (at) => checkCreatableVersion('v1.34.0', at)),
  m('major version 2', 'kubernetesVersion', /had not released Kubernetes v2\.0\.0/, (at) => checkCreatableVersion('2.0.0', at)),
  { name: 'compareVersions with a malformed first version', path: 'compareVersions', field: 'a', rule: /a Kubernetes version is/, run: () => void compareVersions('1.x', 'v1.32.3') },
  { name: 'compareVersions with a malformed second version', path: 'compareVersions', field: 'b', rule: /a Kubernetes version is/, run: () => void compareVersions('v1.32.3', 'v1') },
];

const NKS_NAME = /an NKS cluster name is at most 32 characters/;
const names: ModelCase[] = [
  m('cluster name with uppercase', 'name', /this one contains "M", "C"/, (at) => checkClusterName('My-Cluster', at)),
  m('cluster name with a dot', 'name', /contains "\."/, (at) => checkClusterName('cluster.prod', at)),
  m('cluster name longer than 32', 'name', /has 33 characters/, (at) => checkClusterName('c'.repeat(33), at)),
  m('cluster name starting with a digit', 'name', /starts with "1"/, (at) => checkClusterName('1cluster', at)),
  m('cluster name ending with "-"', 'name', /ends with "-"/, (at) => checkClusterName('cluster-', at)),
  m('cluster name a UUID', 'name', /is a UUID/, (at) => checkClusterName('3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f', at)),
  m('cluster name a bare 32-hex UUID', 'name', /is a UUID/, (at) => checkClusterName('3f1c2d4e5a6b4c7d8e9f0a1b2c3d4e5f', at)),
  m('cluster name empty', 'name', NKS_NAME, (at) => checkClusterName('', at)),
  m('node group name with "_"', 'nodeGroups.default_worker.name', /an NKS node group name is/, (at) => checkNodeGroupName('default_worker', at)),
  m('network name empty', 'name', /a network name is 1 to 255 characters.*is empty/, (at) => checkResourceName('', at, 'network')),
  m('volume name with a leading space', 'name', /starts or ends with whitespace/, (at) => checkResourceName(' data', at, 'volume')),
  m('instance name with a tab', 'name', /control characters/, (at) => checkResourceName('web\t1', at, 'instance')),
  m('network name longer than 255', 'name', /has 256 characters/, (at) => checkResourceName('n'.repeat(256), at, 'network')),
  m('key pair name with a space', 'keyPair', /a key pair name is 1 to 255 letters, digits, '-' and '_'; this one contains " "/, (at) => checkResourceName('my key', at, 'key pair')),
  m('key pair name with "@"', 'keyPair', /contains "@"/, (at) => checkResourceName('me@laptop', at, 'key pair')),
  m('DNS subdomain with uppercase', 'metadata.name', /RFC 1123 subdomain/, (at) => checkDnsSubdomain('My.App', at)),
  m('DNS subdomain with an empty part', 'metadata.name', /RFC 1123 subdomain/, (at) => checkDnsSubdomain('my..app', at)),
  m('DNS label with a dot', 'metadata.namespace', /RFC 1123 label/, (at) => checkDnsLabel('a.b', at)),
  m('DNS label a number', 'metadata.namespace', /RFC 1123 label/, (at) => checkDnsLabel(untyped(7), at)),
  m('RFC 1035 label starting with a digit', 'metadata.name', /starts with a letter/, (at) => checkDns1035Label('1abc', at)),
  m('label key empty', 'labels.', /this one is empty/, (at) => checkLabelKey('', at)),
  m('label key with two slashes', 'labels.a/b/c', /more than one '\/'/, (at) => checkLabelKey('a/b/c', at)),
  m('label key with an empty prefix', 'labels./name', /empty prefix/, (at) => checkLabelKey('/name', at)),
  m('label key name longer than 63', 'labels.key', /a name of 64 characters/, (at) => checkLabelKey(`example.com/${'k'.repeat(64)}`, at)),
  m('label value starting with "-"', 'labels.tier', /a label value is empty or at most 63/, (at) => checkLabelValue('-front', at)),
  m('label value longer than 63', 'labels.tier', /a label value is/, (at) => checkLabelValue('v'.repeat(64), at)),
  m('label value a boolean', 'labels.tier', /a label value is/, (at) => checkLabelValue(untyped(true), at)),
  m('annotation key with a space', 'annotations.my key', /an annotation key is, once lowercased,/, (at) => checkAnnotationKey('my key', at)),
  m('annotation key with an uppercase prefix ending in "-"', 'annotations.TCP-.example/x', /not a lowercase DNS subdomain/, (at) => checkAnnotationKey('TCP-.example/x', at)),
  m('annotation key with a name longer than 63', 'annotations.key', /a name of 64 characters/, (at) => checkAnnotationKey(`example.com/${'k'.repeat(64)}`, at)),
];

const OVERLAP = /overlaps the/;
const cidrs: ModelCase[] = [
  m('CIDR without a prefix length', 'subnetCidr', /an IPv4 CIDR is four dot-separated numbers/, (at) => parseCidr('10.0.0.0', at)),
  m('CIDR with host bits', 'subnetCidr', /10\.0\.0\.1\/16 has host bits set/, (at) => parseCidr('10.0.0.1/16', at)),
  m('CIDR with an octet above 255', 'subnetCidr', /the first number is 256/, (at) => parseCidr('256.0.0.0/8', at)),
  m('CIDR with prefix 33', 'subnetCidr', /the prefix length is 33/, (at) => parseCidr('10.0.0.0/33', at)),
  m('CIDR with a leading zero', 'subnetCidr', /leading zero/, (at) => parseCidr('010.0.0.0/8', at)),
  m('IPv6 CIDR', 'subnetCidr', /an IPv4 CIDR is/, (at) => parseCidr('fd00::/8', at)),
  m('CIDR with spaces', 'subnetCidr', /an IPv4 CIDR is/, (at) => parseCidr(' 10.0.0.0/16', at)),
  m('CIDR smaller than /24 for NKS', 'podCidr', /must be \/24 or larger.*is a \/26/, (at) => checkMaxPrefix(parseCidr('10.100.0.0/26', at), 24, at)),
  m('pod range overlapping the service range', 'podCidr', OVERLAP, (at) =>
    checkNoOverlap([{ name: 'pod range', cidr: parseCidr('10.100.0.0/16', at), where: at }, { name: 'service range', cidr: parseCidr('10.100.128.0/17', at), where: w('serviceCidr') }])),
  m('subnet in the link-local range', 'subnetCidr', /overlaps the link-local range 169\.254\.0\.0\/16/, (at) => checkNoOverlap([{ name: 'subnet', cidr: parseCidr('169.254.10.0/24', at), where: at }, ...RESERVED_CIDRS.map((r) => ({ ...r, where: w('RESERVED') }))])),
  m('service range in the range NKS uses internally', 'serviceCidr', /range NKS uses internally/, (at) => checkNoOverlap([{ name: 'service range', cidr: parseCidr('198.18.0.0/16', at), where: at }, ...RESERVED_CIDRS.map((r) => ({ ...r, where: w('RESERVED') }))])),
];

const nodeLabels: ModelCase[] = [
  m('node label with the reserved kubernetes.io prefix', 'nodeLabels.kubernetes.io/role', /reserved prefix kubernetes\.io/, () => checkNodeLabels({ 'kubernetes.io/role': 'gpu' }, w('nodeLabels'))),
  m('node label with a kubernetes.io subdomain', 'nodeLabels.node-role.kubernetes.io/gpu', /reserved prefix node-role\.kubernetes\.io/, () => checkNodeLabels({ 'node-role.kubernetes.io/gpu': '' }, w('nodeLabels'))),
  m('node label with the k8s.io prefix', 'nodeLabels.k8s.io/zone', /reserved prefix k8s\.io/, () => checkNodeLabels({ 'k8s.io/zone': 'a' }, w('nodeLabels'))),
  m('node label with the magnum prefix', 'nodeLabels.magnum.openstack.org/role', /reserved prefix magnum\.openstack\.org/, () => checkNodeLabels({ 'magnum.openstack.org/role': 'x' }, w('nodeLabels'))),
  m('more than 20 node labels', 'nodeLabels', /at most 20 Kubernetes labels; 21 are given/, (at) => checkNodeLabels(Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`l${i}`, 'x'])), at)),
  m('node label value a number', 'nodeLabels.tier', /label values are strings/, () => checkNodeLabels({ tier: untyped(1) }, w('nodeLabels'))),
  m('node label key invalid', 'nodeLabels.gpu type', /a label key is/, () => checkNodeLabels({ 'gpu type': 't4' }, w('nodeLabels'))),
  m('node label value invalid', 'nodeLabels.gpu', /a label value is/, () => checkNodeLabels({ gpu: 'tesla t4' }, w('nodeLabels'))),
];

const quantities: ModelCase[] = [
  m('storage size a bare number', 'storage', /a bare number would mean bytes/, (at) => checkStorageSize(untyped(10), at)),
  m('storage size "10GB"', 'storage', /must be a number with an optional binary suffix/, (at) => checkStorageSize('10GB', at)),
  m('storage size with a space', 'storage', /must be a number with/, (at) => checkStorageSize('10 Gi', at)),
  m('storage size zero', 'storage', /greater than zero/, (at) => checkStorageSize('0Gi', at)),
  m('storage size negative', 'storage', /greater than zero/, (at) => checkStorageSize('-5Gi', at)),
  m('storage size empty', 'storage', /must be a number with/, (at) => checkStorageSize('', at)),
  m('storage size with a lowercase suffix', 'storage', /must be a number with/, (at) => checkStorageSize('1gi', at)),
  m('storage size with a suffix the API server refuses', 'storage', /must be a number with/, (at) => checkStorageSize('1Y', at)),
];

const idsAndNumbers: ModelCase[] = [
  m('subnet ID a name', 'subnetId', /a subnet ID is a UUID/, (at) => checkUuid('subnet-1', at, 'subnet')),
  m('network ID without dashes', 'networkId', /a VPC ID is a UUID/, (at) => checkUuid('3f1c2d4e5a6b4c7d8e9f0a1b2c3d4e5f', at, 'VPC')),
  m('volume ID in braces', 'volumeId', /a volume ID is a UUID/, (at) => checkUuid('{3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f}', at, 'volume')),
  m('ID a number', 'imageId', /an? image ID is a UUID/, (at) => checkUuid(untyped(42), at, 'image')),
  m('count Infinity', 'nodeCount', /whole number from 1 to 10/, (at) => checkIntegerInRange(Infinity, at, { min: 1, max: 10 }, 'a node count')),
  m('count below the range', 'nodeCount', /a node count must be from 1 to 10/, (at) => checkIntegerInRange(0, at, { min: 1, max: 10 }, 'a node count')),
];

// What NKS, NHN VPC and Neutron refuse: upgrade steps, reserved node group names, ranges outside the private ones.
const PRIVATE = (at: Where, text: string) => checkPrivateCidr(parseCidr(text, at), at, 'a VPC subnet');
const step = (from: string, to: string) => (at: Where) => checkUpgradeStep(v(from), v(to), at, "the cluster's kubernetesVersion");
const refused: ModelCase[] = [
  m('upgrade skipping one minor version', 'upgrade.kubernetesVersion', /one minor version at a time.*v1\.33\.4 skips v1\.32$/, step('v1.31.4', 'v1.33.4')),
  m('upgrade skipping two minor versions', 'upgrade.kubernetesVersion', /v1\.33\.4 skips v1\.31, v1\.32$/, step('v1.30.3', 'v1.33.4')),
  m('upgrade to the same version', 'upgrade.kubernetesVersion', /an upgrade goes to a newer version than the cluster's kubernetesVersion v1\.32\.3 \(NKS does not downgrade\)/, step('v1.32.3', 'v1.32.3')),
  m('downgrade by a minor version', 'upgrade.kubernetesVersion', /NKS does not downgrade/, step('v1.33.4', 'v1.32.3')),
  m('upgrade to another major version', 'upgrade.kubernetesVersion', /one minor version at a time, to the minor after the one it runs \(v1\.34 after/, step('v1.33.4', 'v2.0.0')),
  m('node group named default-master', 'name', /"default-master" is the name NKS gives the cluster's control plane/, (at) => checkNodeGroupName('default-master', at)),
  m('node group named default-worker', 'name', /"default-worker" is the name of the cluster's default node group/, (at) => checkNodeGroupName('default-worker', at)),
  m('VPC subnet 0.0.0.0/0', 'cidr', /0\.0\.0\.0\/0 is every IPv4 address/, (at) => PRIVATE(at, '0.0.0.0/0')),
  m('VPC subnet inside the link-local range', 'cidr', /takes in the link-local range/, (at) => PRIVATE(at, '169.254.10.0/24')),
  m('VPC subnet in loopback', 'cidr', /127\.0\.0\.0\/8 lies outside them/, (at) => PRIVATE(at, '127.0.0.0/8')),
  m('VPC subnet next to 172.16.0.0/12', 'cidr', /172\.32\.0\.0\/24 lies outside them/, (at) => PRIVATE(at, '172.32.0.0/24')),
  m('VPC subnet 8.0.0.0/6 (holding 10.0.0.0/8 and public addresses)', 'cidr', /8\.0\.0\.0\/6 reaches beyond 10\.0\.0\.0\/8 \(8\.0\.0\.0–11\.255\.255\.255\)/, (at) => PRIVATE(at, '8.0.0.0/6')),
  m('VPC subnet 10.0.0.0/7 (wider than 10.0.0.0/8)', 'cidr', /10\.0\.0\.0\/7 reaches beyond 10\.0\.0\.0\/8/, (at) => PRIVATE(at, '10.0.0.0/7')),
];

const cases: ModelCase[] = [...flavors, ...regions, ...volumes, ...versions, ...names, ...cidrs, ...nodeLabels, ...quantities, ...idsAndNumbers, ...refused];

runCorpus('bad input: lib/model validators', cases, 139);

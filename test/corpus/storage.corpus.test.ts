// Bad-input corpus: Kubernetes storage (StorageClass, PersistentVolume and every PersistentVolumeSource,
// PersistentVolumeClaim, claim specs and selectors, EphemeralVolume, StatefulSet with claim templates) and the
// synth-time storage checks (a volume's zone against the node group of the workload that mounts it, a claim
// of another namespace). See harness.ts.
import { Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import {
  BlockStorageVolume, BlockStorageVolumeInfo, Cluster, ClaimSelector, ConfigMap, EphemeralVolume, GenericEphemeralOptions, GitCloneOptions, ImageRef,
  InfraStack, KeyPair, KeyVolumeOptions, Network, NodePlacement, PersistentVolume, PersistentVolumeClaim, PersistentVolumeClaimProps,
  PersistentVolumeProps, PersistentVolumeSource, PlatformApp, StatefulSet, StatefulSetProps, StorageClass, StorageClassProps, VolumeClaimTemplate,
  WebApp,
} from '../../lib';
import { ConstructCase, runCorpus } from './harness';

// JavaScript callers (and JSON-driven programs) can pass what the types forbid.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const untyped = (v: unknown): any => v;

const VOLUME_ID = 'e6f95191-d58b-40c3-a191-9984ce7532e5';
const OTHER_VOLUME_ID = '0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0';
const IMAGE = 'nginx:1.14.2';

const chart = (app: PlatformApp, namespace?: string, id = 'c'): Chart => new Chart(app.k8s, id, { namespace });
/** A node group as the infrastructure layer hands it over, in `zone`. */
const group = (zone: string, name = 'workers'): NodePlacement => ({
  path: `infra/cluster/${name}`,
  name,
  availabilityZone: zone,
  nodeLabels: { 'node.nks-cdk.io/group': name },
  nodeSelector: { 'node.nks-cdk.io/group': name },
  maxNodes: 3,
});
/** The guide's static Cinder volume: 10 GB in kr-pub-a. */
const cinder = (options: { sizeGb?: number; availabilityZone?: string } = { sizeGb: 10, availabilityZone: 'kr-pub-a' }) => PersistentVolumeSource.fromCinderVolumeId(VOLUME_ID, options);
const nfs = () => PersistentVolumeSource.fromNfs({ server: '192.168.110.206', path: '/path/of/workspace' });

const sc = (props: StorageClassProps) => (app: PlatformApp) => void new StorageClass(chart(app), 'sc', { availabilityZone: 'kr-pub-a', ...props });
const pv = (props: Partial<PersistentVolumeProps>) => (app: PlatformApp) => void new PersistentVolume(chart(app), 'pv', { source: cinder(), ...props });
const source = (make: () => PersistentVolumeSource, props: Partial<PersistentVolumeProps> = { capacity: '10Gi' }) => (app: PlatformApp) => void new PersistentVolume(chart(app), 'pv', { source: make(), ...props });
const pvc = (props: PersistentVolumeClaimProps) => (app: PlatformApp) => void new PersistentVolumeClaim(chart(app), 'pvc', props);
/** A claim of a StorageClass object `c/sc` (kr-pub-a unless `classProps` say otherwise). */
const classClaim = (props: PersistentVolumeClaimProps, classProps: StorageClassProps = {}) => (app: PlatformApp) => {
  const c = chart(app);
  new PersistentVolumeClaim(c, 'pvc', { storage: '10Gi', storageClass: new StorageClass(c, 'sc', { name: 'sc-ssd', availabilityZone: 'kr-pub-a', ...classProps }), ...props });
};
/** The claim `c/pv/claim` of static volume `pv-static-001` (`pvProps` change the volume). */
const boundClaim = (props: Omit<PersistentVolumeClaimProps, 'volume'>, pvProps: Partial<PersistentVolumeProps> = {}) => (app: PlatformApp) =>
  void new PersistentVolume(chart(app), 'pv', { name: 'pv-static-001', source: cinder(), ...pvProps }).addClaim('claim', props);
const selector = (s: ClaimSelector) => pvc({ storage: '10Gi', selector: s });
const emptyDir = (options: Parameters<typeof EphemeralVolume.emptyDir>[2]) => (app: PlatformApp) => void EphemeralVolume.emptyDir(chart(app), 'cache', options);
const generic = (options: Partial<GenericEphemeralOptions>, withClass = true) => (app: PlatformApp) => {
  const c = chart(app);
  const storageClass = withClass ? new StorageClass(c, 'sc', { name: 'scratch', availabilityZone: 'kr-pub-a' }) : undefined;
  EphemeralVolume.generic(c, 'scratch', { storage: '1Gi', storageClass, ...options });
};
const configMapVolume = (options: KeyVolumeOptions) => (app: PlatformApp) => {
  const c = chart(app);
  EphemeralVolume.fromConfigMap(c, 'conf', new ConfigMap(c, 'cm', { name: 'nginx-conf', data: { 'nginx.conf': 'events {}' } }), options);
};
const secretVolume = (options: KeyVolumeOptions) => (app: PlatformApp) => {
  const c = chart(app);
  EphemeralVolume.fromSecret(c, 'tls', kplus.Secret.fromSecretName(c, 'secret', 'site-tls'), options);
};
const gitClone = (options: Partial<GitCloneOptions>) => (app: PlatformApp) => {
  const web = new WebApp(chart(app), 'web', { image: IMAGE });
  web.mount('/usr/share/nginx/html', EphemeralVolume.gitClone(web.deployment, 'site', { repository: 'https://github.com/kubernetes/examples.git', ...options }));
};
const statefulSet = (props: Partial<StatefulSetProps>) => (app: PlatformApp) => void new StatefulSet(chart(app), 'db', { image: 'postgres:16.4', ports: [{ name: 'pg', number: 5432 }], ...props });
/** A StatefulSet with one claim template (`template` overrides it) of StorageClass `sc-ssd` in kr-pub-a, or of no class object. */
const withTemplate = (template: Partial<VolumeClaimTemplate>, props: Partial<StatefulSetProps> = {}, withClass = true) => (app: PlatformApp) => {
  const c = chart(app);
  const storageClass = withClass ? new StorageClass(c, 'sc', { name: 'sc-ssd', availabilityZone: 'kr-pub-a' }) : undefined;
  new StatefulSet(c, 'db', {
    image: 'postgres:16.4',
    ports: [{ name: 'pg', number: 5432 }],
    volumeClaimTemplates: [{ name: 'data', mountPath: '/var/lib/postgresql/data', storage: '10Gi', storageClass, ...template }],
    ...props,
  });
};
/** An infrastructure stack in KR1 with a cluster (default group in kr-pub-a) and a node group `zone-b` in kr-pub-b. */
function infra(app: PlatformApp) {
  const stack = new InfraStack(app.infra, 'infra', { region: 'KR1', target: 'nhncloud' });
  const network = new Network(stack, 'vpc');
  const cluster = new Cluster(stack, 'cluster', { name: 'my-cluster', network, image: ImageRef.fromId(VOLUME_ID), availabilityZone: 'kr-pub-a', keyPair: KeyPair.fromName('my-key') });
  const zoneB = cluster.addNodeGroup('zone-b', { flavor: 'm2.c4m8', availabilityZone: 'kr-pub-b' });
  return { stack, cluster, zoneB };
}

const SUBDOMAIN = /RFC 1123 subdomain/;
const LABEL = /RFC 1123 label/;
const LABEL_KEY = /a label key is/;
const LABEL_VALUE = /a label value is/;
const QUANTITY = /must be a number with an optional binary suffix/;
const NO_RWX = /Cinder has no ReadWriteMany \(RWX\)/;
const NEEDS_CSI = /ReadWriteOncePod works only through a CSI driver/;
const ZONE = /puts the volume in kr-pub-a, but node group "workers-b" \(infra\/cluster\/workers-b\) is in kr-pub-b; a Cinder volume attaches only to nodes of its own availability zone/;

const storageClasses: ConstructCase[] = [
  { name: 'StorageClass name with uppercase', build: sc({ name: 'SC-SSD' }), path: 'c/sc', field: 'name', rule: SUBDOMAIN },
  { name: 'StorageClass name with "_"', build: sc({ name: 'sc_ssd' }), path: 'c/sc', field: 'name', rule: SUBDOMAIN },
  { name: 'StorageClass kubernetesVersion without its patch', build: sc({ kubernetesVersion: 'v1.32' }), path: 'c/sc', field: 'kubernetesVersion', rule: /a Kubernetes version is `v\{major\}\.\{minor\}\.\{patch\}`/ },
  { name: 'StorageClass kubernetesVersion "latest"', build: sc({ kubernetesVersion: 'latest' }), path: 'c/sc', field: 'kubernetesVersion', rule: /a Kubernetes version is/ },
  { name: 'StorageClass provisioner of another cloud', build: sc({ provisioner: untyped('ebs.csi.aws.com') }), path: 'c/sc', field: 'provisioner', rule: /an NKS Cinder StorageClass is provisioned by "kubernetes\.io\/cinder" or "cinder\.csi\.openstack\.org"/ },
  { name: 'StorageClass in-tree provisioner on the default version', build: sc({ provisioner: 'kubernetes.io/cinder' }), path: 'c/sc', field: 'provisioner', rule: /v1\.33\.4 has no in-tree Cinder plugin on NKS/ },
  { name: 'StorageClass CSI provisioner on v1.19.13', build: sc({ provisioner: 'cinder.csi.openstack.org', kubernetesVersion: 'v1.19.13' }), path: 'c/sc', field: 'provisioner', rule: /NKS runs the Cinder CSI driver from v1\.20; Kubernetes v1\.19\.13 provisions Cinder volumes with the in-tree/ },
  { name: 'StorageClass encrypted volume type', build: sc({ volumeType: 'Encrypted SSD' }), path: 'c/sc', field: 'volumeType', rule: /an NKS StorageClass's volume type must be one of "General HDD" or "General SSD"/ },
  { name: 'StorageClass volume type lowercase', build: sc({ volumeType: untyped('general ssd') }), path: 'c/sc', field: 'volumeType', rule: /matched exactly.*"General SSD"/ },
  { name: "StorageClass volume type as the guide's table abbreviates it", build: sc({ volumeType: untyped('SSD') }), path: 'c/sc', field: 'volumeType', rule: /must be one of/ },
  { name: 'StorageClass zone that does not exist', build: sc({ availabilityZone: 'kr-pub-c' }), path: 'c/sc', field: 'availabilityZone', rule: /NHN Cloud has no availability zone "kr-pub-c"/ },
  { name: 'StorageClass zone in uppercase', build: sc({ availabilityZone: 'KR-PUB-A' }), path: 'c/sc', field: 'availabilityZone', rule: /has no availability zone/, also: (e) => expect(e.fix).toMatch(/"kr-pub-a" \(zone names are lowercase\)/) },
  { name: 'StorageClass zone outside its region', build: sc({ availabilityZone: 'kr-pub-a', region: 'KR2' }), path: 'c/sc', field: 'availabilityZone', rule: /kr-pub-a is an availability zone of KR1.*not of this stack's region KR2/ },
  { name: 'StorageClass reclaimPolicy Recycle', build: sc({ reclaimPolicy: untyped('Recycle') }), path: 'c/sc', field: 'reclaimPolicy', rule: /a StorageClass reclaims with "Delete" or "Retain"/ },
  { name: 'StorageClass reclaimPolicy lowercase', build: sc({ reclaimPolicy: untyped('retain') }), path: 'c/sc', field: 'reclaimPolicy', rule: /matched exactly.*"Retain"/ },
  { name: 'StorageClass binding mode unknown', build: sc({ volumeBindingMode: untyped('Lazy') }), path: 'c/sc', field: 'volumeBindingMode', rule: /a volume binding mode must be one of "Immediate" or "WaitForFirstConsumer"/ },
  { name: 'StorageClass binding mode lowercase', build: sc({ volumeBindingMode: untyped('waitForFirstConsumer') }), path: 'c/sc', field: 'volumeBindingMode', rule: /matched exactly/ },
  { name: 'StorageClass WaitForFirstConsumer on the in-tree plugin', build: sc({ kubernetesVersion: 'v1.19.13', volumeBindingMode: 'WaitForFirstConsumer' }), path: 'c/sc', field: 'volumeBindingMode', rule: /WaitForFirstConsumer needs the Cinder CSI driver; Kubernetes v1\.19\.13 uses the in-tree/ },
  { name: 'StorageClass label key invalid', build: sc({ labels: { 'tier name': 'ssd' } }), path: 'c/sc', field: 'labels.tier name', rule: LABEL_KEY },
  { name: 'StorageClass label value invalid', build: sc({ labels: { tier: 'fast ssd' } }), path: 'c/sc', field: 'labels.tier', rule: LABEL_VALUE },
  {
    name: "in-tree StorageClass for v1.19 in a program whose cluster runs v1.33 (synth)",
    build: (app) => {
      infra(app);
      new StorageClass(chart(app), 'sc', { availabilityZone: 'kr-pub-a', kubernetesVersion: 'v1.19.13' });
    },
    path: 'c/sc/Resource',
    field: 'provisioner',
    rule: /the in-tree Cinder provisioner is gone in Kubernetes v1\.33\.4 \(cluster my-cluster\)/,
  },
];

const persistentVolumes: ConstructCase[] = [
  { name: 'PersistentVolume name with "_"', build: pv({ name: 'pv_static_001' }), path: 'c/pv', field: 'name', rule: SUBDOMAIN },
  { name: 'PersistentVolume storageClass name with a space', build: pv({ storageClass: 'fast ssd' }), path: 'c/pv', field: 'storageClass', rule: SUBDOMAIN },
  { name: 'PersistentVolume capacity "10GB"', build: pv({ capacity: '10GB' }), path: 'c/pv', field: 'capacity', rule: /a PersistentVolume's capacity must be a number/, also: (e) => expect(e.fix).toMatch(/"10Gi"/) },
  { name: 'PersistentVolume capacity a bare number', build: pv({ capacity: untyped(10) }), path: 'c/pv', field: 'capacity', rule: /a bare number would mean bytes/ },
  { name: 'PersistentVolume capacity zero', build: pv({ capacity: '0Gi' }), path: 'c/pv', field: 'capacity', rule: /greater than zero/ },
  { name: 'PersistentVolume capacity larger than the Cinder volume', build: pv({ capacity: '20Gi' }), path: 'c/pv', field: 'capacity', rule: /the capacity is larger than the Cinder volume \(10Gi\)/ },
  { name: 'PersistentVolume capacity 11G over a 10 GB volume', build: pv({ capacity: '11G' }), path: 'c/pv', field: 'capacity', rule: /larger than the Cinder volume/ },
  { name: 'Cinder PersistentVolume of unknown size without capacity', build: pv({ source: cinder({}) }), path: 'c/pv', field: 'capacity', rule: /a Cinder PersistentVolume needs a capacity/ },
  { name: 'NFS PersistentVolume without capacity', build: source(nfs, {}), path: 'c/pv', field: 'capacity', rule: /an? NFS PersistentVolume needs a capacity/ },
  { name: 'PersistentVolume ReadWriteMany on Cinder', build: pv({ accessModes: ['ReadWriteMany'] }), path: 'c/pv', field: 'accessModes[0]', rule: NO_RWX, also: (e) => expect(e.fix).toMatch(/NFS/) },
  { name: 'PersistentVolume ReadOnlyMany on Cinder, second entry', build: pv({ accessModes: ['ReadWriteOnce', 'ReadOnlyMany'] }), path: 'c/pv', field: 'accessModes[1]', rule: /Cinder has no ReadOnlyMany/ },
  { name: 'PersistentVolume ReadWriteOncePod on in-tree Cinder (v1.19)', build: pv({ kubernetesVersion: 'v1.19.13', accessModes: ['ReadWriteOncePod'] }), path: 'c/pv', field: 'accessModes[0]', rule: NEEDS_CSI },
  { name: 'PersistentVolume ReadWriteOncePod on NFS', build: source(nfs, { capacity: '10Gi', accessModes: ['ReadWriteOncePod'] }), path: 'c/pv', field: 'accessModes[0]', rule: /in-tree NFS plugin/ },
  { name: 'PersistentVolume ReadWriteMany on hostPath', build: source(() => PersistentVolumeSource.fromHostPath({ path: '/tmp/k8s-pv' }), { capacity: '1Gi', accessModes: ['ReadWriteMany'] }), path: 'c/pv', field: 'accessModes[0]', rule: /HostPath has no ReadWriteMany/ },
  { name: 'PersistentVolume ReadOnlyMany on a local disk', build: source(() => PersistentVolumeSource.fromLocal({ path: '/mnt/disks/ssd1', nodeName: 'node-1' }), { capacity: '100Gi', accessModes: ['ReadOnlyMany'] }), path: 'c/pv', field: 'accessModes[0]', rule: /Local has no ReadOnlyMany/ },
  { name: 'PersistentVolume accessModes empty', build: pv({ accessModes: [] }), path: 'c/pv', field: 'accessModes', rule: /a volume needs at least one access mode/ },
  { name: 'PersistentVolume accessMode abbreviated', build: pv({ accessModes: [untyped('RWO')] }), path: 'c/pv', field: 'accessModes[0]', rule: /an access mode must be one of/ },
  { name: 'PersistentVolume accessMode lowercase', build: pv({ accessModes: [untyped('readwriteonce')] }), path: 'c/pv', field: 'accessModes[0]', rule: /matched exactly.*"ReadWriteOnce"/ },
  { name: 'PersistentVolume accessMode repeated', build: pv({ accessModes: ['ReadWriteOnce', 'ReadWriteOnce'] }), path: 'c/pv', field: 'accessModes[1]', rule: /each access mode is listed once/ },
  { name: 'PersistentVolume reclaimPolicy unknown', build: pv({ reclaimPolicy: untyped('Destroy') }), path: 'c/pv', field: 'reclaimPolicy', rule: /a reclaim policy must be one of "Delete", "Retain" or "Recycle"/ },
  { name: 'PersistentVolume reclaimPolicy lowercase', build: pv({ reclaimPolicy: untyped('retain') }), path: 'c/pv', field: 'reclaimPolicy', rule: /matched exactly/ },
  { name: 'PersistentVolume volumeMode unknown', build: pv({ volumeMode: untyped('Raw') }), path: 'c/pv', field: 'volumeMode', rule: /a volume mode must be one of "Filesystem" or "Block"/ },
  { name: 'PersistentVolume volumeMode lowercase', build: pv({ volumeMode: untyped('block') }), path: 'c/pv', field: 'volumeMode', rule: /matched exactly.*"Block"/ },
  { name: 'PersistentVolume label key invalid', build: pv({ labels: { 'stage name': 'dev' } }), path: 'c/pv', field: 'labels.stage name', rule: LABEL_KEY },
  { name: 'PersistentVolume label value invalid', build: pv({ labels: { stage: 'dev/1' } }), path: 'c/pv', field: 'labels.stage', rule: LABEL_VALUE },
  { name: 'PersistentVolume kubernetesVersion malformed', build: pv({ kubernetesVersion: 'v1.19' }), path: 'c/pv', field: 'kubernetesVersion', rule: /a Kubernetes version is/ },
  {
    name: 'PersistentVolume kubernetesVersion disagreeing with its StorageClass',
    build: (app) => {
      const c = chart(app);
      new PersistentVolume(c, 'pv', { source: cinder(), storageClass: new StorageClass(c, 'sc', { name: 'sc-ssd', availabilityZone: 'kr-pub-a' }), kubernetesVersion: 'v1.19.13' });
    },
    path: 'c/pv',
    field: 'kubernetesVersion',
    rule: /StorageClass "sc-ssd" uses cinder\.csi\.openstack\.org \(Kubernetes v1\.33\.4\), but Kubernetes v1\.19\.13 uses kubernetes\.io\/cinder/,
  },
];

const sources: ConstructCase[] = [
  { name: 'fromCinderVolumeId not a UUID', build: source(() => PersistentVolumeSource.fromCinderVolumeId('vol-123')), path: 'c/pv', field: 'source.volumeId', rule: /a Cinder volume ID is a UUID/, also: (e) => expect(e.fix).toMatch(/Block Storage/) },
  { name: 'fromCinderVolumeId empty', build: source(() => PersistentVolumeSource.fromCinderVolumeId('')), path: 'c/pv', field: 'source.volumeId', rule: /Cinder volume ID is a UUID/ },
  { name: 'fromCinderVolumeId zone that does not exist', build: source(() => PersistentVolumeSource.fromCinderVolumeId(VOLUME_ID, { availabilityZone: 'kr-pub-z' })), path: 'c/pv', field: 'source.availabilityZone', rule: /NHN Cloud has no availability zone/ },
  { name: 'fromCinderVolumeId size 5 GB', build: source(() => PersistentVolumeSource.fromCinderVolumeId(VOLUME_ID, { sizeGb: 5 }), {}), path: 'c/pv', field: 'source.sizeGb', rule: /a block storage volume's size must be from 10 GB to 2000 GB/ },
  { name: 'fromCinderVolumeId size 2001 GB', build: source(() => PersistentVolumeSource.fromCinderVolumeId(VOLUME_ID, { sizeGb: 2001 }), {}), path: 'c/pv', field: 'source.sizeGb', rule: /to 2000 GB/ },
  {
    name: "fromCinderVolumeId given a BlockStorageVolume's Terraform reference",
    build: (app) => {
      const volume = new BlockStorageVolume(new InfraStack(app.infra, 'infra', { target: 'nhncloud' }), 'data', { sizeGb: 20, availabilityZone: 'kr-pub-a' });
      new PersistentVolume(chart(app), 'pv', { source: PersistentVolumeSource.fromCinderVolumeId(volume.volumeId), capacity: '20Gi' });
    },
    path: 'c/pv',
    field: 'source.volumeId',
    rule: /the volume ID given is a Terraform reference, known only after `terraform apply`/,
  },
  {
    name: 'fromBlockStorageVolume with volumeId not a UUID',
    build: (app) => {
      const volume = new BlockStorageVolume(new InfraStack(app.infra, 'infra', { target: 'nhncloud' }), 'data', { sizeGb: 20, availabilityZone: 'kr-pub-a' });
      new PersistentVolume(chart(app), 'pv', { source: PersistentVolumeSource.fromBlockStorageVolume(volume, { volumeId: 'data' }) });
    },
    path: 'c/pv',
    field: 'source.volumeId',
    rule: /Cinder volume ID is a UUID/,
  },
  {
    name: 'fromBlockStorageVolume with its own Terraform reference as volumeId',
    build: (app) => {
      const volume = new BlockStorageVolume(new InfraStack(app.infra, 'infra', { target: 'nhncloud' }), 'data', { sizeGb: 20, availabilityZone: 'kr-pub-a' });
      new PersistentVolume(chart(app), 'pv', { source: PersistentVolumeSource.fromBlockStorageVolume(volume, { volumeId: volume.volumeId }) });
    },
    path: 'c/pv',
    field: 'source.volumeId',
    rule: /is a Terraform reference/,
    also: (e) => expect(e.fix).toMatch(/cdktf deploy.*cdktf output/),
  },
  {
    name: 'fromBlockStorageVolume of a description holding only a Terraform reference',
    build: (app) => {
      const info: BlockStorageVolumeInfo = { path: 'infra/data', name: 'data', volumeId: '${TfToken[TOKEN.1]}', availabilityZone: 'kr-pub-a', sizeGb: 10, volumeType: 'General HDD' };
      new PersistentVolume(chart(app), 'pv', { source: PersistentVolumeSource.fromBlockStorageVolume(info) });
    },
    path: 'c/pv',
    field: 'source.volumeId',
    rule: /the ID of Cinder volume "data" \(infra\/data\) is a Terraform reference/,
  },
  {
    name: "fromBlockStorageVolume with a volumeId other than the volume's",
    build: (app) => {
      const info: BlockStorageVolumeInfo = { path: 'infra/data', name: 'data', volumeId: VOLUME_ID, availabilityZone: 'kr-pub-a', sizeGb: 10, volumeType: 'General HDD' };
      new PersistentVolume(chart(app), 'pv', { source: PersistentVolumeSource.fromBlockStorageVolume(info, { volumeId: OTHER_VOLUME_ID }) });
    },
    path: 'c/pv',
    field: 'source.volumeId',
    rule: /volume infra\/data has the ID e6f95191/,
  },
  {
    name: 'fromBlockStorageVolume with a capacity above the volume size',
    build: (app) => {
      const volume = new BlockStorageVolume(new InfraStack(app.infra, 'infra', { target: 'nhncloud' }), 'data', { sizeGb: 20, availabilityZone: 'kr-pub-a' });
      new PersistentVolume(chart(app), 'pv', { source: PersistentVolumeSource.fromBlockStorageVolume(volume, { volumeId: VOLUME_ID }), capacity: '30Gi' });
    },
    path: 'c/pv',
    field: 'capacity',
    rule: /larger than the Cinder volume \(20Gi\)/,
  },
  { name: 'fromNfs server empty', build: source(() => PersistentVolumeSource.fromNfs({ server: '', path: '/export' })), path: 'c/pv', field: 'source.server', rule: /an NFS server is a host name or IP address/ },
  { name: 'fromNfs server with a space', build: source(() => PersistentVolumeSource.fromNfs({ server: 'my nfs', path: '/export' })), path: 'c/pv', field: 'source.server', rule: SUBDOMAIN },
  { name: 'fromNfs server with a port', build: source(() => PersistentVolumeSource.fromNfs({ server: '192.168.110.206:2049', path: '/export' })), path: 'c/pv', field: 'source.server', rule: SUBDOMAIN },
  { name: 'fromNfs server as a URL', build: source(() => PersistentVolumeSource.fromNfs({ server: 'nfs://192.168.110.206', path: '/export' })), path: 'c/pv', field: 'source.server', rule: SUBDOMAIN },
  { name: 'fromNfs path relative', build: source(() => PersistentVolumeSource.fromNfs({ server: '192.168.110.206', path: 'path/of/workspace' })), path: 'c/pv', field: 'source.path', rule: /an NFS export path is an absolute path/ },
  { name: 'fromNfs path with ".."', build: source(() => PersistentVolumeSource.fromNfs({ server: '192.168.110.206', path: '/export/../etc' })), path: 'c/pv', field: 'source.path', rule: /without "\.\." segments/ },
  { name: 'fromHostPath path relative', build: source(() => PersistentVolumeSource.fromHostPath({ path: 'tmp/k8s-pv' })), path: 'c/pv', field: 'source.path', rule: /a hostPath is an absolute path/ },
  { name: 'fromHostPath path empty', build: source(() => PersistentVolumeSource.fromHostPath({ path: '' })), path: 'c/pv', field: 'source.path', rule: /absolute path/ },
  { name: 'fromHostPath type unknown', build: source(() => PersistentVolumeSource.fromHostPath({ path: '/tmp/k8s-pv', type: untyped('Dir') })), path: 'c/pv', field: 'source.type', rule: /a hostPath type must be one of/ },
  { name: 'fromHostPath type lowercase', build: source(() => PersistentVolumeSource.fromHostPath({ path: '/tmp/k8s-pv', type: untyped('directoryOrCreate') })), path: 'c/pv', field: 'source.type', rule: /matched exactly.*"DirectoryOrCreate"/ },
  { name: 'fromLocal path relative', build: source(() => PersistentVolumeSource.fromLocal({ path: 'mnt/disks/ssd1', nodeName: 'node-1' })), path: 'c/pv', field: 'source.path', rule: /a local volume path is an absolute path/ },
  { name: 'fromLocal without node affinity', build: source(() => PersistentVolumeSource.fromLocal({ path: '/mnt/disks/ssd1' })), path: 'c/pv', field: 'source.nodeName', rule: /a local PersistentVolume needs node affinity/ },
  { name: 'fromLocal with empty nodeLabels', build: source(() => PersistentVolumeSource.fromLocal({ path: '/mnt/disks/ssd1', nodeLabels: {} })), path: 'c/pv', field: 'source.nodeName', rule: /needs node affinity/ },
  { name: 'fromLocal nodeName with "_"', build: source(() => PersistentVolumeSource.fromLocal({ path: '/mnt/disks/ssd1', nodeName: 'Node_1' })), path: 'c/pv', field: 'source.nodeName', rule: SUBDOMAIN },
  { name: 'fromLocal node label key invalid', build: source(() => PersistentVolumeSource.fromLocal({ path: '/mnt/disks/ssd1', nodeLabels: { 'disk type': 'ssd' } })), path: 'c/pv', field: 'source.nodeLabels.disk type', rule: LABEL_KEY },
  { name: 'fromLocal node label value invalid', build: source(() => PersistentVolumeSource.fromLocal({ path: '/mnt/disks/ssd1', nodeLabels: { disk: 'fast ssd' } })), path: 'c/pv', field: 'source.nodeLabels.disk', rule: LABEL_VALUE },
];

const claims: ConstructCase[] = [
  { name: 'PersistentVolumeClaim name with "_"', build: pvc({ name: 'pvc_static', storage: '1Gi' }), path: 'c/pvc', field: 'name', rule: SUBDOMAIN },
  { name: 'PersistentVolumeClaim namespace with uppercase', build: pvc({ namespace: 'Prod', storage: '1Gi' }), path: 'c/pvc', field: 'namespace', rule: LABEL },
  { name: 'PersistentVolumeClaim label key invalid', build: pvc({ labels: { 'a b': 'x' }, storage: '1Gi' }), path: 'c/pvc', field: 'labels.a b', rule: LABEL_KEY },
  { name: 'PersistentVolumeClaim without storage or volume', build: pvc({}), path: 'c/pvc', field: 'storage', rule: /a claim must say how much storage it needs/ },
  { name: 'PersistentVolumeClaim storage "10GB"', build: pvc({ storage: '10GB' }), path: 'c/pvc', field: 'storage', rule: QUANTITY, also: (e) => expect(e.fix).toMatch(/"10Gi"/) },
  { name: 'PersistentVolumeClaim storage "1 Gi"', build: pvc({ storage: '1 Gi' }), path: 'c/pvc', field: 'storage', rule: QUANTITY },
  { name: 'PersistentVolumeClaim storage a bare number', build: pvc({ storage: untyped(10) }), path: 'c/pvc', field: 'storage', rule: /a bare number would mean bytes/ },
  { name: 'PersistentVolumeClaim storage negative', build: pvc({ storage: '-1Gi' }), path: 'c/pvc', field: 'storage', rule: /greater than zero/ },
  { name: 'PersistentVolumeClaim storage with a lowercase suffix', build: pvc({ storage: '10gi' }), path: 'c/pvc', field: 'storage', rule: QUANTITY },
  { name: 'PersistentVolumeClaim storageClass name invalid', build: pvc({ storage: '1Gi', storageClass: 'Fast_SSD' }), path: 'c/pvc', field: 'storageClass', rule: SUBDOMAIN },
  { name: 'PersistentVolumeClaim of a Cinder class larger than 2000 GB', build: classClaim({ storage: '3Ti' }), path: 'c/pvc', field: 'storage', rule: /at most 2000 GB; this claim needs a 3072 GiB Cinder volume/ },
  { name: 'PersistentVolumeClaim ReadWriteMany on a Cinder class', build: classClaim({ accessModes: ['ReadWriteMany'] }), path: 'c/pvc', field: 'accessModes[0]', rule: /Cinder volumes of StorageClass "sc-ssd" support only ReadWriteOnce/ },
  { name: 'PersistentVolumeClaim ReadOnlyMany on a Cinder class', build: classClaim({ accessModes: ['ReadOnlyMany'] }), path: 'c/pvc', field: 'accessModes[0]', rule: /Cinder has no ReadOnlyMany/ },
  { name: 'PersistentVolumeClaim ReadWriteOncePod on an in-tree class', build: classClaim({ accessModes: ['ReadWriteOncePod'] }, { kubernetesVersion: 'v1.19.13' }), path: 'c/pvc', field: 'accessModes[0]', rule: NEEDS_CSI },
  { name: 'PersistentVolumeClaim accessModes empty', build: pvc({ storage: '1Gi', accessModes: [] }), path: 'c/pvc', field: 'accessModes', rule: /at least one access mode/ },
  { name: 'PersistentVolumeClaim accessMode abbreviated', build: pvc({ storage: '1Gi', accessModes: [untyped('RWX')] }), path: 'c/pvc', field: 'accessModes[0]', rule: /an access mode must be one of/ },
  { name: 'PersistentVolumeClaim accessMode repeated', build: pvc({ storage: '1Gi', accessModes: ['ReadWriteMany', 'ReadOnlyMany', 'ReadWriteMany'] }), path: 'c/pvc', field: 'accessModes[2]', rule: /listed once/ },
  { name: 'PersistentVolumeClaim volumeMode unknown', build: pvc({ storage: '1Gi', volumeMode: untyped('Raw') }), path: 'c/pvc', field: 'volumeMode', rule: /a volume mode must be one of/ },
  { name: 'PersistentVolumeClaim shrinking', build: pvc({ storage: '10Gi', expandedFrom: '20Gi' }), path: 'c/pvc', field: 'storage', rule: /Kubernetes never shrinks a claim \(it is 20Gi now\)/ },
  { name: 'PersistentVolumeClaim growing on a class without allowVolumeExpansion', build: classClaim({ storage: '20Gi', expandedFrom: '10Gi' }), path: 'c/pvc', field: 'storage', rule: /growing the claim from 10Gi needs allowVolumeExpansion on StorageClass "sc-ssd", which is off/ },
  { name: 'PersistentVolumeClaim growing by 1 byte on an explicit allowVolumeExpansion: false', build: classClaim({ storage: '10737418241', expandedFrom: '10Gi' }, { allowVolumeExpansion: false }), path: 'c/pvc', field: 'storage', rule: /needs allowVolumeExpansion/ },
  { name: 'PersistentVolumeClaim expandedFrom malformed', build: pvc({ storage: '20Gi', expandedFrom: '10 GB' }), path: 'c/pvc', field: 'expandedFrom', rule: /the claim's previous size must be a number/ },
  { name: 'PersistentVolumeClaim toVolume name invalid', build: (app) => void new PersistentVolumeClaim(chart(app), 'pvc', { storage: '1Gi' }).toVolume({ name: 'HTML_Volume' }), path: 'c/pvc', field: 'toVolume.name', rule: LABEL },
];

const selectors: ConstructCase[] = [
  { name: 'claim selector empty', build: selector({}), path: 'c/pvc', field: 'selector', rule: /an empty selector matches every volume/ },
  { name: 'claim selector matchLabels key invalid', build: selector({ matchLabels: { 'stage!': 'dev' } }), path: 'c/pvc', field: 'selector.matchLabels.stage!', rule: LABEL_KEY },
  { name: 'claim selector matchLabels value invalid', build: selector({ matchLabels: { stage: 'dev env' } }), path: 'c/pvc', field: 'selector.matchLabels.stage', rule: LABEL_VALUE },
  { name: 'claim selector operator unknown', build: selector({ matchExpressions: [{ key: 'stage', operator: untyped('Equals'), values: ['dev'] }] }), path: 'c/pvc', field: 'selector.matchExpressions[0].operator', rule: /In, NotIn, Exists or DoesNotExist/ },
  { name: 'claim selector In without values', build: selector({ matchExpressions: [{ key: 'stage', operator: 'In' }] }), path: 'c/pvc', field: 'selector.matchExpressions[0].values', rule: /In needs at least one value/ },
  { name: 'claim selector NotIn with an empty list', build: selector({ matchExpressions: [{ key: 'stage', operator: 'NotIn', values: [] }] }), path: 'c/pvc', field: 'selector.matchExpressions[0].values', rule: /NotIn needs at least one value/ },
  { name: 'claim selector Exists with values', build: selector({ matchExpressions: [{ key: 'stage', operator: 'Exists', values: ['dev'] }] }), path: 'c/pvc', field: 'selector.matchExpressions[0].values', rule: /Exists takes no values/ },
  { name: 'claim selector expression key invalid', build: selector({ matchExpressions: [{ key: 'my stage', operator: 'Exists' }] }), path: 'c/pvc', field: 'selector.matchExpressions[0].key', rule: LABEL_KEY },
  { name: 'claim selector second value invalid', build: selector({ matchExpressions: [{ key: 'stage', operator: 'In', values: ['dev', 'prod env'] }] }), path: 'c/pvc', field: 'selector.matchExpressions[0].values[1]', rule: LABEL_VALUE },
  { name: 'claim with both a volume and a selector', build: boundClaim({ selector: { matchLabels: { stage: 'dev' } } }), path: 'c/pv/claim', field: 'selector', rule: /binds either the volume it names or volumes its selector matches, not both/ },
];

const bound: ConstructCase[] = [
  { name: 'claim bigger than its PersistentVolume', build: boundClaim({ storage: '20Gi' }), path: 'c/pv/claim', field: 'storage', rule: /the claim asks for more than PersistentVolume "pv-static-001" has \(10Gi\), so it can never bind/ },
  { name: 'claim 10.5Gi of a 10Gi PersistentVolume', build: boundClaim({ storage: '10.5Gi' }), path: 'c/pv/claim', field: 'storage', rule: /asks for more than PersistentVolume/ },
  { name: 'claim ReadWriteMany of a Cinder PersistentVolume', build: boundClaim({ accessModes: ['ReadWriteMany'] }), path: 'c/pv/claim', field: 'accessModes[0]', rule: NO_RWX },
  { name: 'claim ReadWriteOnce of a ReadWriteMany-only NFS volume', build: boundClaim({ accessModes: ['ReadWriteOnce'] }, { source: nfs(), capacity: '10Gi' }), path: 'c/pv/claim', field: 'accessModes[0]', rule: /PersistentVolume "pv-static-001" offers only ReadWriteMany, so a claim for ReadWriteOnce never binds it/ },
  { name: 'claim Filesystem of a Block PersistentVolume', build: boundClaim({ volumeMode: 'Filesystem' }, { volumeMode: 'Block' }), path: 'c/pv/claim', field: 'volumeMode', rule: /PersistentVolume "pv-static-001" is a Block volume/ },
  { name: 'claim Block of a Filesystem PersistentVolume', build: boundClaim({ volumeMode: 'Block' }), path: 'c/pv/claim', field: 'volumeMode', rule: /is a Filesystem volume/ },
  { name: 'claim with a class of a class-less PersistentVolume', build: boundClaim({ storageClass: 'sc-ssd' }), path: 'c/pv/claim', field: 'storageClass', rule: /PersistentVolume "pv-static-001" has no class, and a claim binds only volumes of its own class/ },
  { name: "claim with another class than its PersistentVolume's", build: boundClaim({ storageClass: 'fast' }, { storageClass: 'slow' }), path: 'c/pv/claim', field: 'storageClass', rule: /has class "slow"/ },
  { name: 'claim bound by labels to a PersistentVolume without labels', build: boundClaim({ bindBy: 'labels' }), path: 'c/pv/claim', field: 'bindBy', rule: /PersistentVolume "pv-static-001" has no labels to select it by/ },
  { name: 'claim of a PersistentVolume with storage "10GB"', build: boundClaim({ storage: '10GB' }), path: 'c/pv/claim', field: 'storage', rule: QUANTITY },
  {
    name: 'two claims of one static PersistentVolume',
    build: (app) => {
      const volume = new PersistentVolume(chart(app), 'pv', { name: 'pv-static-001', source: cinder() });
      volume.addClaim('a', { name: 'pvc-a' });
      volume.addClaim('b', { name: 'pvc-b' });
    },
    path: 'c/pv/b',
    field: 'volume',
    rule: /PersistentVolume "pv-static-001" is already claimed by claim "pvc-a" in namespace "default" \(c\/pv\/a\); a PersistentVolume binds one claim, so one of the two would stay Pending/,
  },
  {
    name: 'two claims of one static PersistentVolume, in two namespaces, one by labels',
    build: (app) => {
      const c = chart(app);
      const volume = new PersistentVolume(c, 'pv', { name: 'pv-nfs', source: nfs(), capacity: '10Gi', labels: { share: 'team' } });
      new PersistentVolumeClaim(c, 'a', { namespace: 'shop', volume });
      new PersistentVolumeClaim(c, 'b', { namespace: 'ops', volume, bindBy: 'labels' });
    },
    path: 'c/b',
    field: 'volume',
    rule: /PersistentVolume "pv-nfs" is already claimed by claim "c-a-[0-9a-f]+" in namespace "shop" \(c\/a\)/,
  },
];

const ephemeral: ConstructCase[] = [
  { name: 'emptyDir name with "_"', build: emptyDir({ name: 'cache_dir' }), path: 'c/cache', field: 'name', rule: LABEL },
  { name: 'emptyDir name longer than 63', build: emptyDir({ name: 'c'.repeat(64) }), path: 'c/cache', field: 'name', rule: LABEL },
  { name: 'emptyDir medium lowercase', build: emptyDir({ medium: untyped('memory') }), path: 'c/cache', field: 'medium', rule: /an emptyDir medium is "Disk" or "Memory"/ },
  { name: 'emptyDir medium HugePages', build: emptyDir({ medium: untyped('HugePages') }), path: 'c/cache', field: 'medium', rule: /"Disk" or "Memory"/ },
  { name: 'emptyDir sizeLimit "64MB"', build: emptyDir({ sizeLimit: '64MB' }), path: 'c/cache', field: 'sizeLimit', rule: /an emptyDir's size limit must be a number/ },
  { name: 'emptyDir sizeLimit zero', build: emptyDir({ sizeLimit: '0' }), path: 'c/cache', field: 'sizeLimit', rule: /greater than zero/ },
  { name: 'emptyDir in Memory with a bare-number sizeLimit', build: emptyDir({ medium: 'Memory', sizeLimit: untyped(64) }), path: 'c/cache', field: 'sizeLimit', rule: /a bare number would mean bytes/ },
  { name: 'generic ephemeral storage "1GB"', build: generic({ storage: '1GB' }), path: 'c/scratch', field: 'storage', rule: QUANTITY },
  { name: 'generic ephemeral without storage', build: generic({ storage: untyped(undefined) }), path: 'c/scratch', field: 'storage', rule: /a claim must say how much storage it needs/ },
  { name: 'generic ephemeral ReadWriteMany on a Cinder class', build: generic({ accessModes: ['ReadWriteMany'] }), path: 'c/scratch', field: 'accessModes[0]', rule: NO_RWX },
  { name: 'generic ephemeral larger than 2000 GB on a Cinder class', build: generic({ storage: '2001Gi' }), path: 'c/scratch', field: 'storage', rule: /at most 2000 GB; this claim needs a 2001 GiB/ },
  { name: 'generic ephemeral storageClass name invalid', build: generic({ storageClass: 'Scratch Storage' }, false), path: 'c/scratch', field: 'storageClass', rule: SUBDOMAIN },
  { name: 'generic ephemeral volumeMode unknown', build: generic({ volumeMode: untyped('Device') }), path: 'c/scratch', field: 'volumeMode', rule: /a volume mode must be one of/ },
  { name: 'generic ephemeral label value invalid', build: generic({ labels: { type: 'my frontend volume' } }), path: 'c/scratch', field: 'labels.type', rule: LABEL_VALUE },
  { name: 'generic ephemeral name invalid', build: generic({ name: 'Scratch' }), path: 'c/scratch', field: 'name', rule: LABEL },
  { name: 'ConfigMap volume item at an absolute path', build: configMapVolume({ items: { 'nginx.conf': '/etc/nginx/nginx.conf' } }), path: 'c/conf', field: 'items.nginx.conf', rule: /an item path is a relative path inside the volume/ },
  { name: 'ConfigMap volume item leaving the volume', build: configMapVolume({ items: { 'nginx.conf': '../etc/passwd' } }), path: 'c/conf', field: 'items.nginx.conf', rule: /no "\.\." segment/ },
  { name: 'ConfigMap volume item path empty', build: configMapVolume({ items: { 'nginx.conf': '' } }), path: 'c/conf', field: 'items.nginx.conf', rule: /not empty/ },
  { name: 'ConfigMap volume defaultMode 0o1000', build: configMapVolume({ defaultMode: 0o1000 }), path: 'c/conf', field: 'defaultMode', rule: /a file mode \(0 to 0o777\) must be from 0 to 511/ },
  { name: 'ConfigMap volume defaultMode negative', build: configMapVolume({ defaultMode: -1 }), path: 'c/conf', field: 'defaultMode', rule: /from 0 to 511/ },
  { name: 'ConfigMap volume name invalid', build: configMapVolume({ name: 'Nginx.Conf' }), path: 'c/conf', field: 'name', rule: LABEL },
  { name: 'Secret volume defaultMode fractional', build: secretVolume({ defaultMode: 1.5 }), path: 'c/tls', field: 'defaultMode', rule: /whole number/ },
  { name: 'Secret volume defaultMode written in decimal as 777', build: secretVolume({ defaultMode: 777 }), path: 'c/tls', field: 'defaultMode', rule: /from 0 to 511/ },
  { name: 'Secret volume item leaving the volume', build: secretVolume({ items: { 'tls.key': 'certs/../../key' } }), path: 'c/tls', field: 'items.tls.key', rule: /no "\.\." segment/ },
  { name: 'gitClone repository with a shell command', build: gitClone({ repository: "https://x.example/a.git'; rm -rf /" }), path: 'c/web/Resource', field: 'site.repository', rule: /a repository is an https:\/\/, ssh:\/\/, git:\/\/ or user@host:path URL/ },
  { name: 'gitClone repository a local file URL', build: gitClone({ repository: 'file:///etc' }), path: 'c/web/Resource', field: 'site.repository', rule: /URL without spaces or quotes/ },
  { name: 'gitClone repository empty', build: gitClone({ repository: '' }), path: 'c/web/Resource', field: 'site.repository', rule: /a repository is/ },
  { name: 'gitClone revision that is an option', build: gitClone({ revision: '--upload-pack=evil' }), path: 'c/web/Resource', field: 'site.revision', rule: /a revision is a branch, tag or commit name/ },
  { name: 'gitClone revision with a space', build: gitClone({ revision: 'release 1' }), path: 'c/web/Resource', field: 'site.revision', rule: /a revision is/ },
  { name: 'gitClone directory leaving the volume', build: gitClone({ directory: '../up' }), path: 'c/web/Resource', field: 'site.directory', rule: /a clone directory is a relative path inside the volume/ },
  { name: 'gitClone directory absolute', build: gitClone({ directory: '/src' }), path: 'c/web/Resource', field: 'site.directory', rule: /no leading "\/"/ },
  { name: 'gitClone image with uppercase', build: gitClone({ image: 'Alpine/Git:v2.36.1' }), path: 'c/web/Resource', field: 'site.image', rule: /an image reference is/ },
  { name: 'gitClone volume name invalid', build: gitClone({ name: 'Site' }), path: 'c/web/Resource/site', field: 'name', rule: LABEL },
];

const S = 'c/db';
const statefulSets: ConstructCase[] = [
  { name: 'StatefulSet name with uppercase', build: statefulSet({ name: 'DB' }), path: S, field: 'name', rule: LABEL },
  { name: 'StatefulSet name with a dot', build: statefulSet({ name: 'db.primary' }), path: S, field: 'name', rule: LABEL },
  { name: 'StatefulSet name starting with a digit (its Service name)', build: statefulSet({ name: '1db' }), path: S, field: 'name', rule: /a Service name is an RFC 1035 label: it starts with a letter/ },
  { name: 'StatefulSet serviceName starting with a digit', build: statefulSet({ serviceName: '1db' }), path: S, field: 'serviceName', rule: /RFC 1035 label/ },
  { name: 'StatefulSet serviceName with uppercase', build: statefulSet({ serviceName: 'DB-Headless' }), path: S, field: 'serviceName', rule: LABEL },
  { name: 'StatefulSet namespace invalid', build: statefulSet({ namespace: 'Data_Base' }), path: S, field: 'namespace', rule: LABEL },
  { name: 'StatefulSet labels empty', build: statefulSet({ labels: {} }), path: S, field: 'labels', rule: /a StatefulSet needs at least one label to select its pods/ },
  { name: 'StatefulSet label key invalid', build: statefulSet({ labels: { 'app name': 'db' } }), path: S, field: 'labels.app name', rule: LABEL_KEY },
  { name: 'StatefulSet replicas negative', build: statefulSet({ replicas: -1 }), path: S, field: 'replicas', rule: /replicas must be from 0/ },
  { name: 'StatefulSet replicas fractional', build: statefulSet({ replicas: 1.5 }), path: S, field: 'replicas', rule: /whole number/ },
  { name: 'StatefulSet podManagementPolicy unknown', build: statefulSet({ podManagementPolicy: untyped('Ordered') }), path: S, field: 'podManagementPolicy', rule: /a pod management policy must be one of "OrderedReady" or "Parallel"/ },
  { name: 'StatefulSet podManagementPolicy lowercase', build: statefulSet({ podManagementPolicy: untyped('parallel') }), path: S, field: 'podManagementPolicy', rule: /matched exactly.*"Parallel"/ },
  { name: 'StatefulSet updateStrategy unknown', build: statefulSet({ updateStrategy: untyped('Rolling') }), path: S, field: 'updateStrategy', rule: /a StatefulSet update strategy must be one of "RollingUpdate" or "OnDelete"/ },
  { name: 'StatefulSet partition with OnDelete', build: statefulSet({ updateStrategy: 'OnDelete', partition: 1 }), path: S, field: 'partition', rule: /partition applies only to the RollingUpdate strategy/ },
  { name: 'StatefulSet partition negative', build: statefulSet({ partition: -1 }), path: S, field: 'partition', rule: /partition must be from 0/ },
  { name: 'StatefulSet minReadySeconds negative', build: statefulSet({ minReadySeconds: -5 }), path: S, field: 'minReadySeconds', rule: /minReadySeconds must be from 0/ },
  { name: 'StatefulSet claimRetention whenDeleted unknown', build: statefulSet({ claimRetention: { whenDeleted: untyped('Keep') } }), path: S, field: 'claimRetention.whenDeleted', rule: /a claim retention must be one of "Retain" or "Delete"/ },
  { name: 'StatefulSet claimRetention whenScaled lowercase', build: statefulSet({ claimRetention: { whenScaled: untyped('delete') } }), path: S, field: 'claimRetention.whenScaled', rule: /matched exactly.*"Delete"/ },
  { name: 'StatefulSet without ports', build: statefulSet({ ports: undefined }), path: S, field: 'ports', rule: /a StatefulSet gets a headless Service.*only with a port/ },
  { name: 'StatefulSet with two unnamed ports', build: statefulSet({ ports: [5432, 9187] }), path: S, field: 'ports', rule: /a Service with several ports needs a name on each/ },
  { name: 'StatefulSet port 0', build: statefulSet({ ports: [0] }), path: S, field: 'ports[0]', rule: /a port must be/ },
  { name: 'claim template name with uppercase', build: withTemplate({ name: 'Data' }), path: S, field: 'volumeClaimTemplates[0].name', rule: LABEL },
  {
    name: 'claim template names repeated',
    build: statefulSet({ volumeClaimTemplates: [{ name: 'data', mountPath: '/data', storage: '1Gi' }, { name: 'data', mountPath: '/logs', storage: '1Gi' }] }),
    path: S,
    field: 'volumeClaimTemplates[1].name',
    rule: /claim template names are unique in a StatefulSet/,
  },
  { name: 'claim template mountPath relative', build: withTemplate({ mountPath: 'var/lib/postgresql/data' }), path: S, field: 'volumeClaimTemplates[0].mountPath', rule: /a mount path is an absolute path/ },
  { name: 'claim template storage "10GB"', build: withTemplate({ storage: '10GB' }), path: S, field: 'volumeClaimTemplates[0].storage', rule: QUANTITY },
  { name: 'claim template without storage', build: withTemplate({ storage: untyped(undefined) }, {}, false), path: S, field: 'volumeClaimTemplates[0].storage', rule: /a claim must say how much storage it needs/ },
  { name: 'claim template ReadWriteMany on a Cinder class', build: withTemplate({ accessModes: ['ReadWriteMany'] }), path: S, field: 'volumeClaimTemplates[0].accessModes[0]', rule: NO_RWX },
  { name: 'claim template larger than 2000 GB', build: withTemplate({ storage: '2.5Ti' }), path: S, field: 'volumeClaimTemplates[0].storage', rule: /at most 2000 GB/ },
  { name: 'claim template storageClass name invalid', build: withTemplate({ storageClass: 'SC SSD' }, {}, false), path: S, field: 'volumeClaimTemplates[0].storageClass', rule: SUBDOMAIN },
  { name: 'claim template label value invalid', build: withTemplate({ labels: { tier: 'db data' } }), path: S, field: 'volumeClaimTemplates[0].labels.tier', rule: LABEL_VALUE },
  { name: 'claim template volumeMode unknown', build: withTemplate({ volumeMode: untyped('Raw') }), path: S, field: 'volumeClaimTemplates[0].volumeMode', rule: /a volume mode must be one of/ },
  { name: "claim template's class zone differs from the StatefulSet's node group", build: withTemplate({}, { placement: group('kr-pub-b', 'workers-b') }), path: S, field: 'placement', rule: ZONE },
  {
    name: 'pod volume named like a claim template (synth)',
    build: (app) => {
      const set = new StatefulSet(chart(app), 'db', { image: 'postgres:16.4', ports: [{ name: 'pg', number: 5432 }], volumeClaimTemplates: [{ name: 'data', mountPath: '/data', storage: '1Gi' }] });
      set.mount('/scratch', EphemeralVolume.emptyDir(set, 'scratch', { name: 'data' }));
    },
    path: S,
    field: 'volumeClaimTemplates',
    rule: /a pod volume is named like the claim template "data"/,
  },
  {
    name: 'StatefulSet name of 53 characters (controller-revision-hash label over 63)',
    build: statefulSet({ name: `db-${'x'.repeat(50)}` }),
    path: S,
    field: 'name',
    rule: /a StatefulSet name is at most 52 characters: its pods carry the label controller-revision-hash: <name>-<10-character hash>/,
  },
  {
    name: 'StatefulSet without name, generated from a long construct path',
    build: (app) => void new StatefulSet(chart(app), `db-${'p'.repeat(50)}`, { image: 'postgres:16.4', ports: [{ name: 'pg', number: 5432 }] }),
    path: `c/db-${'p'.repeat(50)}`,
    field: 'name',
    rule: /at most 52 characters \(this one is generated from the construct path\)/,
  },
];

const synthChecks: ConstructCase[] = [
  {
    name: "WebApp mounting a claim whose class is in another zone than the WebApp's node group",
    build: (app) => {
      const c = chart(app);
      const claim = new PersistentVolumeClaim(c, 'claim', { storage: '10Gi', storageClass: new StorageClass(c, 'sc', { name: 'sc-ssd', availabilityZone: 'kr-pub-a' }) });
      new WebApp(c, 'web', { image: IMAGE, replicas: 1, placement: group('kr-pub-b', 'workers-b') }).mount('/data', claim);
    },
    path: 'c/web',
    field: 'placement',
    rule: /StorageClass "sc-ssd" puts the volume in kr-pub-a/,
    also: (e) => expect(e.value).toBe('workers-b'),
  },
  {
    name: "WebApp mounting a static Cinder volume of another zone than the WebApp's node group",
    build: (app) => {
      const c = chart(app);
      const claim = new PersistentVolume(c, 'pv', { name: 'pv-static-001', source: cinder() }).addClaim('claim');
      new WebApp(c, 'web', { image: IMAGE, replicas: 1, placement: group('kr-pub-b', 'workers-b') }).mount('/data', claim);
    },
    path: 'c/web',
    field: 'placement',
    rule: /PersistentVolume "pv-static-001" puts the volume in kr-pub-a/,
  },
  {
    name: "WebApp mounting a generic ephemeral volume of another zone than its node group",
    build: (app) => {
      const c = chart(app);
      const scratch = EphemeralVolume.generic(c, 'scratch', { storage: '10Gi', storageClass: new StorageClass(c, 'sc', { name: 'scratch', availabilityZone: 'kr-pub-a' }) });
      new WebApp(c, 'web', { image: IMAGE, replicas: 1, placement: group('kr-pub-b', 'workers-b') }).mount('/scratch', scratch);
    },
    path: 'c/web',
    field: 'placement',
    rule: /StorageClass "scratch" puts the volume in kr-pub-a/,
  },
  {
    name: "WebApp placed later (placeOn) on a node group of another zone than its claim",
    build: (app) => {
      const c = chart(app);
      const claim = new PersistentVolume(c, 'pv', { name: 'pv-static-001', source: cinder() }).addClaim('claim');
      const web = new WebApp(c, 'web', { image: IMAGE, replicas: 1 });
      web.mount('/data', claim);
      web.placeOn(group('kr-pub-b', 'workers-b'));
    },
    path: 'c/web',
    field: 'placement',
    rule: ZONE,
  },
  {
    name: 'StatefulSet mounting a shared claim of another zone than its node group',
    build: (app) => {
      const c = chart(app);
      const claim = new PersistentVolume(c, 'pv', { name: 'pv-static-001', source: cinder() }).addClaim('claim', { accessModes: ['ReadWriteOnce'] });
      new StatefulSet(c, 'db', { image: 'postgres:16.4', ports: [5432], placement: group('kr-pub-b', 'workers-b') }).mount('/shared', claim);
    },
    path: S,
    field: 'placement',
    rule: ZONE,
  },
  {
    name: "infrastructure volume and the cluster's node group in different zones (both layers)",
    build: (app) => {
      const { stack, zoneB } = infra(app);
      const volume = new BlockStorageVolume(stack, 'data', { sizeGb: 20, availabilityZone: 'kr-pub-a' });
      const c = chart(app);
      const claim = new PersistentVolume(c, 'pv', { name: 'data', source: PersistentVolumeSource.fromBlockStorageVolume(volume, { volumeId: VOLUME_ID }) }).addClaim('claim');
      new WebApp(c, 'web', { image: IMAGE, replicas: 1, placement: zoneB }).mount('/data', claim);
    },
    path: 'c/web',
    field: 'placement',
    rule: /PersistentVolume "data" puts the volume in kr-pub-a, but node group "zone-b" \(infra\/cluster\/zone-b\) is in kr-pub-b/,
  },
  {
    name: "StorageClass zone against a real node group of the program's cluster",
    build: (app) => {
      const { cluster } = infra(app);
      const c = chart(app);
      const claim = new PersistentVolumeClaim(c, 'claim', { storage: '10Gi', storageClass: new StorageClass(c, 'sc', { name: 'sc-b', availabilityZone: 'kr-pub-b' }) });
      new WebApp(c, 'web', { image: IMAGE, replicas: 1, placement: cluster.defaultNodeGroup }).mount('/data', claim);
    },
    path: 'c/web',
    field: 'placement',
    rule: /StorageClass "sc-b" puts the volume in kr-pub-b, but node group "default-worker" \(infra\/cluster\) is in kr-pub-a/,
  },
  {
    name: 'WebApp mounting a claim of another namespace',
    build: (app) => {
      const c = chart(app);
      const claim = new PersistentVolumeClaim(c, 'claim', { name: 'data', namespace: 'db', storage: '1Gi' });
      new WebApp(c, 'web', { image: IMAGE, replicas: 1, namespace: 'shop' }).mount('/data', claim);
    },
    path: 'c/web',
    field: 'namespace',
    rule: /the pods mount claim "data", which is in namespace "db"; a pod mounts only claims of its own namespace/,
    also: (e) => expect(e.value).toBe('shop'),
  },
  {
    name: "WebApp in the default namespace mounting a claim of another chart's namespace",
    build: (app) => {
      const claim = new PersistentVolumeClaim(chart(app, 'data', 'storage'), 'claim', { name: 'data', storage: '1Gi' });
      new WebApp(chart(app, undefined, 'apps'), 'web', { image: IMAGE, replicas: 1 }).mount('/data', claim);
    },
    path: 'apps/web',
    field: 'namespace',
    rule: /which is in namespace "data"/,
  },
  {
    name: 'StatefulSet mounting a claim of another namespace',
    build: (app) => {
      const c = chart(app);
      const claim = new PersistentVolumeClaim(c, 'claim', { name: 'shared', storage: '1Gi', accessModes: ['ReadWriteMany'] });
      new StatefulSet(c, 'db', { image: 'postgres:16.4', ports: [5432], namespace: 'db' }).mount('/shared', claim);
    },
    path: S,
    field: 'namespace',
    rule: /claim "shared", which is in namespace "default"/,
  },
  {
    name: 'cdk8s-plus Pod mounting a claim of another namespace',
    build: (app) => {
      const c = chart(app);
      const claim = new PersistentVolumeClaim(c, 'claim', { name: 'data', namespace: 'db', storage: '1Gi' });
      const pod = new kplus.Pod(c, 'pod', { containers: [{ image: IMAGE, name: 'web', resources: {} }] });
      pod.containers[0].mount('/data', claim.toVolume({ name: 'data' }));
    },
    path: 'c/pod',
    field: 'namespace',
    rule: /which is in namespace "db"/,
  },
];

// Gaps the corpus found (and their fixes): raw TypeErrors and cdk8s-plus errors at synth, non-boolean
// booleans, versions NKS never shipped, and storage rules that were not checked.
const BOOLEAN = /must be the boolean true or false, not a string/;
/** Two volumes of one WebApp `c/web`, made by `make`, mounted at `paths`. */
const twoVolumes = (make: (c: Chart, id: string) => kplus.Volume, paths: [string, string] = ['/a', '/b']) => (app: PlatformApp) => {
  const c = chart(app);
  const web = new WebApp(c, 'web', { image: IMAGE, replicas: 1 });
  web.mount(paths[0], make(c, 'cache'));
  web.mount(paths[1], make(c, 'cache2'));
};
const gaps: ConstructCase[] = [
  { name: 'StorageClass region unknown (was a TypeError)', build: sc({ region: untyped('KR9') }), path: 'c/sc', field: 'region', rule: /an NKS region must be one of "KR1", "KR2" or "KR3"/ },
  { name: 'StorageClass region in lowercase', build: sc({ region: untyped('kr1') }), path: 'c/sc', field: 'region', rule: /only resembles "KR1"/ },
  { name: 'StorageClass allowVolumeExpansion "yes"', build: sc({ allowVolumeExpansion: untyped('yes') }), path: 'c/sc', field: 'allowVolumeExpansion', rule: BOOLEAN, also: (e) => expect(e.fix).toMatch(/write true/) },
  { name: 'StorageClass isDefault "yes"', build: sc({ isDefault: untyped('yes') }), path: 'c/sc', field: 'isDefault', rule: BOOLEAN },
  { name: 'StorageClass isDefault "false" (a string)', build: sc({ isDefault: untyped('false') }), path: 'c/sc', field: 'isDefault', rule: BOOLEAN, also: (e) => expect(e.fix).toMatch(/write false/) },
  { name: 'StorageClass kubernetesVersion NKS never shipped', build: sc({ kubernetesVersion: 'v1.16.0' }), path: 'c/sc', field: 'kubernetesVersion', rule: /NKS never shipped Kubernetes v1\.16\.0/ },
  { name: 'StorageClass kubernetesVersion of a known minor, other patch', build: sc({ kubernetesVersion: 'v1.19.1' }), path: 'c/sc', field: 'kubernetesVersion', rule: /NKS shipped one patch release of v1\.19: v1\.19\.13/ },
  { name: 'StorageClass kubernetesVersion from the future', build: sc({ kubernetesVersion: 'v1.40.0' }), path: 'c/sc', field: 'kubernetesVersion', rule: /NKS never shipped/ },
  { name: 'StorageClass mountOptions with an empty string', build: sc({ mountOptions: ['discard', ''] }), path: 'c/sc', field: 'mountOptions[1]', rule: /a mount option is a non-empty string/ },
  { name: 'PersistentVolume kubernetesVersion NKS never shipped', build: pv({ kubernetesVersion: 'v1.99.1' }), path: 'c/pv', field: 'kubernetesVersion', rule: /NKS never shipped Kubernetes v1\.99\.1/ },
  { name: 'PersistentVolume mountOptions blank', build: pv({ mountOptions: [' '] }), path: 'c/pv', field: 'mountOptions[0]', rule: /a mount option is a non-empty string/ },
  {
    name: 'PersistentVolume whose StorageClass zone differs from the Cinder volume zone',
    build: (app) => {
      const c = chart(app);
      new PersistentVolume(c, 'pv', { source: cinder({ sizeGb: 10, availabilityZone: 'kr-pub-b' }), storageClass: new StorageClass(c, 'sc', { name: 'sc-ssd', availabilityZone: 'kr-pub-a' }) });
    },
    path: 'c/pv',
    field: 'storageClass',
    rule: /StorageClass "sc-ssd" is for volumes in kr-pub-a, but this PersistentVolume's Cinder volume is in kr-pub-b/,
  },
  { name: 'NFS server IP-shaped but invalid', build: source(() => PersistentVolumeSource.fromNfs({ server: '999.1.1.1', path: '/export' })), path: 'c/pv', field: 'source.server', rule: /an NFS server given by number is an IPv4 address.*the first number is 999/ },
  { name: 'NFS server with three numbers', build: source(() => PersistentVolumeSource.fromNfs({ server: '192.168.110', path: '/export' })), path: 'c/pv', field: 'source.server', rule: /is an IPv4 address/ },
  { name: 'Cinder fsType unknown', build: pv({ source: PersistentVolumeSource.fromCinderVolumeId(VOLUME_ID, { sizeGb: 10, availabilityZone: 'kr-pub-a', fsType: 'ntfs' }) }), path: 'c/pv', field: 'source.fsType', rule: /a volume file system \(fsType\) must be one of "ext4", "xfs"/ },
  { name: 'Cinder fsType in uppercase', build: pv({ source: PersistentVolumeSource.fromCinderVolumeId(VOLUME_ID, { sizeGb: 10, availabilityZone: 'kr-pub-a', fsType: 'XFS' }) }), path: 'c/pv', field: 'source.fsType', rule: /only resembles "xfs"/ },
  { name: 'claim growing on a class-less static volume', build: boundClaim({ storage: '10Gi', expandedFrom: '5Gi' }), path: 'c/pv/claim', field: 'expandedFrom', rule: /bound to PersistentVolume "pv-static-001", which has no StorageClass/ },
  { name: 'claim bindBy unknown', build: boundClaim({ bindBy: untyped('selector') }), path: 'c/pv/claim', field: 'bindBy', rule: /bindBy must be one of "name" or "labels"/ },
  { name: 'claim bindBy without a volume', build: pvc({ storage: '10Gi', bindBy: 'labels' }), path: 'c/pvc', field: 'bindBy', rule: /the claim has no volume/ },
  { name: 'ConfigMap volume item key invalid', build: configMapVolume({ items: { 'nginx conf': 'nginx.conf' } }), path: 'c/conf', field: 'items.nginx conf', rule: /a ConfigMap key is at most 253 letters/ },
  { name: 'Secret volume item key ".."', build: secretVolume({ items: { '..': 'key' } }), path: 'c/tls', field: 'items...', rule: /not "\." or "\.\."/ },
  {
    name: 'two emptyDir volumes named "data" on one WebApp (was a cdk8s-plus error at synth)',
    build: twoVolumes((c, id) => EphemeralVolume.emptyDir(c, id, { name: 'data' })),
    path: 'c/cache2',
    field: 'name',
    rule: /the pods of c\/web already have a volume named "data" \(c\/cache\); volume names are unique in a pod/,
  },
  {
    name: 'an emptyDir and a ConfigMap volume with one name',
    build: (app) => {
      const c = chart(app);
      const web = new WebApp(c, 'web', { image: IMAGE, replicas: 1 });
      web.mount('/cache', EphemeralVolume.emptyDir(c, 'cache', { name: 'conf' }));
      web.mount('/etc/nginx', EphemeralVolume.fromConfigMap(c, 'conf', new ConfigMap(c, 'cm', { name: 'nginx-conf', data: { 'nginx.conf': 'events {}' } })));
    },
    path: 'c/conf',
    field: 'name',
    rule: /already have a volume named "conf" \(c\/cache\)/,
  },
  {
    name: 'an nks-cdk emptyDir and a cdk8s-plus volume with one name',
    build: (app) => {
      const c = chart(app);
      const web = new WebApp(c, 'web', { image: IMAGE, replicas: 1 });
      web.mount('/a', EphemeralVolume.emptyDir(c, 'cache', { name: 'data' }));
      web.mount('/b', kplus.Volume.fromEmptyDir(c, 'raw', 'data'));
    },
    path: 'c/raw',
    field: 'name',
    rule: /already have a volume named "data" \(c\/cache\)/,
  },
  {
    name: 'two volumes mounted at one path of a WebApp',
    build: twoVolumes((c, id) => EphemeralVolume.emptyDir(c, id), ['/d', '/d']),
    path: 'c/web',
    field: 'mountPath',
    rule: /already mounts volume "cache" at \/d; a mount path is used once per container/,
  },
  {
    name: 'two claim templates at one mount path',
    build: withTemplate({}, { volumeClaimTemplates: [{ name: 'data', mountPath: '/d', storage: '10Gi' }, { name: 'logs', mountPath: '/d', storage: '1Gi' }] }),
    path: 'c/db',
    field: 'volumeClaimTemplates[1].mountPath',
    rule: /claim template "data" \(volumeClaimTemplates\[0\]\) is already mounted at \/d/,
  },
  {
    name: 'a StatefulSet volume mounted at its claim template\'s path',
    build: (app) => {
      const c = chart(app);
      const db = new StatefulSet(c, 'db', { image: 'postgres:16.4', ports: [{ name: 'pg', number: 5432 }], volumeClaimTemplates: [{ name: 'data', mountPath: '/d', storage: '10Gi' }] });
      db.mount('/d', EphemeralVolume.emptyDir(c, 'cache'));
    },
    path: 'c/db',
    field: 'volumeClaimTemplates[0].mountPath',
    rule: /volume "cache" is mounted at \/d too/,
  },
];

const cases: ConstructCase[] = [...storageClasses, ...persistentVolumes, ...sources, ...claims, ...selectors, ...bound, ...ephemeral, ...statefulSets, ...synthChecks, ...gaps];

runCorpus('bad input: Kubernetes storage and the synth-time storage checks', cases, 226);

// What the nhncloud target writes so that NKS and NHN Cloud accept it at apply, finding by finding (issue 13 §2):
// image pulls through an internet gateway or service gateways, the external network labels, creation order
// after the gateway attachment and the subnet, SKM keys of encrypted volumes, what Terraform ignores after an
// upgrade or a newer image, NKS's node image property, and the warnings that name what the user must check.
import {
  BlockStorageVolume, Cluster, ExternalNetworkRef, GpuInstance, ImageRef, InfraStack, KeyPair, Network, PlatformApp, WebApp,
} from '../../lib';
import { Chart } from 'cdk8s';
import { TerraformVariable } from 'cdktf';
import { onlyResource, synth, TfJson } from '../helpers';
import { baseCluster, IMAGE_ID, OPENSTACK, openstackCluster, PUBLIC_KEY } from './fixtures';
import { bodiesByPath, synthNhn } from './nhncloud-helpers';

const NHN = { target: 'nhncloud' } as const;
const GATEWAY = '0f0e0d0c-0b0a-4909-8807-060504030201';
const SGW = { ncr: '48f4ff38-d14b-4f34-a40c-705524e6a755', obs: '23c550cb-6a5b-4eaa-903a-711c13316d91' };
const EXT_NET = '751b8227-7b45-440a-9349-dbf829d0aba5';
const EXT_SUBNETS = ['59ddc195-76b1-431d-9693-f09880747dc6', '69ddc195-76b1-431d-9693-f09880747dc7'];
const EXISTING = { networkId: '11111111-2222-3333-4444-555555555555', subnetId: '11111111-2222-3333-4444-666666666666' };
const KEY = { appKey: 'Ab12Cd34Ef56Gh78', keyId: '0123456789abcdef0123456789abcdef' };
const NO_PULL = /has no internet gateway and the cluster no NCR and OBS service gateways/;
const CANNOT_TELL = /cannot tell whether the subnet of .* routes to an internet gateway/;

/** `type.name` of the resource at construct path `path`, as depends_on writes it. */
function refOf(tf: TfJson, type: string, path: string): string {
  const found = Object.entries(tf.resource?.[type] ?? {}).find(([, body]) => (body as TfJson)['//'].metadata.path === path);
  if (!found) throw new Error(`no ${type} at ${path}`);
  return `${type}.${found[0]}`;
}

/** A cluster on a network with an internet gateway (the routing table attached to it). */
function onGateway(app: PlatformApp, props: Partial<ConstructorParameters<typeof Cluster>[2]> = {}) {
  const stack = new InfraStack(app.infra, 'infra', { region: 'KR1', ...NHN });
  const network = new Network(stack, 'vpc', { cidr: '192.168.0.0/24', internetGatewayId: GATEWAY });
  const keyPair = new KeyPair(stack, 'key', { publicKey: PUBLIC_KEY });
  const cluster = new Cluster(stack, 'cluster', { name: 'my-cluster', network, image: ImageRef.fromId(IMAGE_ID), availabilityZone: 'kr-pub-a', keyPair, ...props });
  return { stack, network, keyPair, cluster };
}

describe('finding 1: image pulls need an internet gateway or NCR and OBS service gateways', () => {
  test('serviceGateways write ncr_sgw and obs_sgw, and the cluster needs no warning', () => {
    const { tf, result } = synthNhn((app) => void baseCluster(app, { serviceGateways: SGW }, NHN));
    expect(onlyResource(tf.infra, 'nhncloud_kubernetes_cluster_v1').labels).toMatchObject({ ncr_sgw: SGW.ncr, obs_sgw: SGW.obs });
    expect(result.warnings).toEqual([]);
  });

  test('a subnet without an internet gateway and a cluster without service gateways is a warning that names both ways out', () => {
    const { tf, result } = synthNhn((app) => void baseCluster(app, {}, NHN));
    const labels = onlyResource(tf.infra, 'nhncloud_kubernetes_cluster_v1').labels;
    expect(labels.ncr_sgw).toBeUndefined();
    expect(labels.external_network_id).toBeUndefined();
    expect(result.warnings).toEqual([expect.objectContaining({ path: 'infra/cluster', message: expect.stringMatching(NO_PULL) })]);
    expect(result.warnings[0].message).toMatch(/internetGatewayId/);
    expect(result.warnings[0].message).toMatch(/serviceGateways: \{ ncr, obs \}/);
  });

  test('a network without its own routing table joins a new VPC\'s default one, which has no gateway either', () => {
    const { result } = synthNhn((app) => {
      const stack = new InfraStack(app.infra, 'infra', NHN);
      const network = new Network(stack, 'vpc', { createRouter: false });
      new Cluster(stack, 'cluster', { name: 'c', network, image: ImageRef.fromId(IMAGE_ID), availabilityZone: 'kr-pub-a', keyPair: KeyPair.fromName('k') });
    });
    expect(result.warnings.map((w) => w.message)).toEqual([expect.stringMatching(NO_PULL)]);
  });

  test.each<[string, boolean | undefined, RegExp | undefined]>([
    ['unknown', undefined, CANNOT_TELL],
    ['without an internet gateway', false, NO_PULL],
    ['with an internet gateway', true, undefined],
  ])('an existing network %s', (_name, internetGateway, warning) => {
    const { tf, result } = synthNhn((app) => {
      const stack = new InfraStack(app.infra, 'infra', NHN);
      const network = Network.fromExisting(stack, 'vpc', { ...EXISTING, internetGateway });
      new Cluster(stack, 'cluster', { name: 'c', network, image: ImageRef.fromId(IMAGE_ID), availabilityZone: 'kr-pub-a', keyPair: KeyPair.fromName('k') });
    });
    expect(result.warnings.map((w) => w.message)).toEqual(warning ? [expect.stringMatching(warning)] : []);
    const cluster = onlyResource(tf.infra, 'nhncloud_kubernetes_cluster_v1');
    expect(cluster.labels.external_network_id === undefined).toBe(internetGateway !== true);
    // Nothing to wait for: the network exists.
    expect(cluster.depends_on).toBeUndefined();
  });

  test('the openstack target ignores serviceGateways, with a warning', () => {
    const { tf, result } = synth((app) => void openstackCluster(app, { serviceGateways: SGW }));
    expect(JSON.stringify(tf.infra)).not.toMatch(/sgw/);
    expect(result.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/^serviceGateways apply to the nhncloud target only/)]);
  });
});

describe('finding 2: with an internet gateway, external_network_id and external_subnet_id_list are written', () => {
  const { tf, result } = synthNhn((app) => void onGateway(app));
  const cluster = onlyResource(tf.infra, 'nhncloud_kubernetes_cluster_v1');

  test('the external network is looked up as NKS documents it (router:external), with its subnets joined by ":"', () => {
    expect(bodiesByPath(tf.infra, 'nhncloud_networking_network_v2', 'data')).toEqual({ 'infra/cluster/external-network': { external: true } });
    expect(cluster.labels.external_network_id).toMatch(/^\$\{data\.nhncloud_networking_network_v2\.cluster_external-network_\w+\.id\}$/);
    expect(cluster.labels.external_subnet_id_list).toMatch(/^\$\{join\(":", data\.nhncloud_networking_network_v2\.cluster_external-network_\w+\.subnets\)\}$/);
    expect(cluster.labels.master_lb_floating_ip_enabled).toBe('False');
    expect(result.warnings).toEqual([]);
  });

  test('looked-up labels are fixed at creation: a new subnet of the external network does not replace the cluster', () => {
    expect(cluster.lifecycle.ignore_changes).toEqual(expect.arrayContaining(['labels["external_network_id"]', 'labels["external_subnet_id_list"]']));
  });

  test('a public API endpoint needs nothing more than the internet gateway', () => {
    const out = synthNhn((app) => void onGateway(app, { publicApiEndpoint: true }));
    expect(onlyResource(out.tf.infra, 'nhncloud_kubernetes_cluster_v1').labels).toMatchObject({ master_lb_floating_ip_enabled: 'True', external_network_id: expect.stringMatching(/external-network/) });
  });

  test('externalNetwork by ID without its subnets: the subnets of that network are looked up', () => {
    const out = synthNhn((app) => void onGateway(app, { externalNetwork: ExternalNetworkRef.fromId(EXT_NET) }));
    const labels = onlyResource(out.tf.infra, 'nhncloud_kubernetes_cluster_v1').labels;
    expect(labels.external_network_id).toBe(EXT_NET);
    expect(bodiesByPath(out.tf.infra, 'nhncloud_networking_network_v2', 'data')).toEqual({ 'infra/cluster/external-network-subnets': { network_id: EXT_NET } });
    expect(labels.external_subnet_id_list).toMatch(/^\$\{join\(":", data\.nhncloud_networking_network_v2\.cluster_external-network-subnets_\w+\.subnets\)\}$/);
  });

  test('literal IDs are written as given, and not ignored (changing them is a change of the program)', () => {
    const out = synthNhn((app) => void onGateway(app, { externalNetwork: ExternalNetworkRef.fromId(EXT_NET), externalSubnetIds: EXT_SUBNETS }));
    const c = onlyResource(out.tf.infra, 'nhncloud_kubernetes_cluster_v1');
    expect(c.labels).toMatchObject({ external_network_id: EXT_NET, external_subnet_id_list: EXT_SUBNETS.join(':') });
    expect(c.lifecycle.ignore_changes).toEqual(['node_count', 'labels["kube_tag"]']);
    expect(out.tf.infra.data?.nhncloud_networking_network_v2).toBeUndefined();
  });
});

describe('finding 3 and 4: creation order after the subnet and the gateway attachment', () => {
  const { tf } = synthNhn((app) => {
    const { stack, network, keyPair, cluster } = onGateway(app);
    cluster.addNodeGroup('workers', { flavor: 'm2.c4m8' });
    new GpuInstance(stack, 'vm', { flavor: 'g2.t4.c4m32', image: ImageRef.fromId(IMAGE_ID), availabilityZone: 'kr-pub-a', network, keyPair });
  });
  const subnet = refOf(tf.infra, 'nhncloud_networking_vpcsubnet_v2', 'infra/vpc/subnet');
  const attachment = refOf(tf.infra, 'nhncloud_networking_routingtable_attach_gateway_v2', 'infra/vpc/internet-gateway');

  test('the cluster is created after the routing table\'s gateway attachment (and the subnet)', () => {
    expect(onlyResource(tf.infra, 'nhncloud_kubernetes_cluster_v1').depends_on).toEqual([subnet, attachment]);
  });

  test('node groups reference the cluster, so they come after it', () => {
    const cluster = refOf(tf.infra, 'nhncloud_kubernetes_cluster_v1', 'infra/cluster/cluster');
    expect(onlyResource(tf.infra, 'nhncloud_kubernetes_nodegroup_v1').cluster_id).toBe(`\${${cluster}.id}`);
  });

  test('a GPU instance waits for the subnet (its network block names only the VPC) and the attachment', () => {
    const vm = onlyResource(tf.infra, 'nhncloud_compute_instance_v2');
    expect(vm.network).toEqual([{ uuid: expect.stringMatching(/nhncloud_networking_vpc_v2/) }]);
    expect(vm.depends_on).toEqual([subnet, attachment]);
  });

  test('openstack target: a GPU instance waits for the subnet too', () => {
    const out = synth((app) => {
      const { stack, network, keyPair } = openstackCluster(app);
      new GpuInstance(stack, 'vm', { flavor: 'g1.t4', image: ImageRef.fromId(IMAGE_ID), availabilityZone: 'nova', network, keyPair });
    });
    expect(onlyResource(out.tf.infra, 'openstack_compute_instance_v2').depends_on).toEqual([refOf(out.tf.infra, 'openstack_networking_subnet_v2', 'infra/vpc/subnet')]);
  });

  test('on an existing network nothing is waited for', () => {
    const out = synthNhn((app) => {
      const stack = new InfraStack(app.infra, 'infra', NHN);
      const network = Network.fromExisting(stack, 'vpc', EXISTING);
      new GpuInstance(stack, 'vm', { flavor: 'g2.t4.c4m32', image: ImageRef.fromId(IMAGE_ID), availabilityZone: 'kr-pub-a', network, keyPair: KeyPair.fromName('k') });
    });
    expect(onlyResource(out.tf.infra, 'nhncloud_compute_instance_v2').depends_on).toBeUndefined();
  });
});

describe('finding 5: encrypted volumes carry their Secure Key Manager key', () => {
  const { tf, result } = synthNhn((app) => {
    const { stack, network, keyPair, cluster } = baseCluster(app, { serviceGateways: SGW, bootVolume: { type: 'Encrypted SSD', sizeGb: 50, encryptionKey: KEY } }, NHN);
    cluster.addNodeGroup('secure', { flavor: 'm2.c4m8', bootVolume: { type: 'Encrypted HDD', encryptionKey: KEY } });
    new BlockStorageVolume(stack, 'data', { sizeGb: 100, volumeType: 'Encrypted HDD', availabilityZone: 'kr-pub-a', encryptionKey: KEY });
    new GpuInstance(stack, 'vm', { flavor: 'g2.t4.c4m32', image: ImageRef.fromId(IMAGE_ID), availabilityZone: 'kr-pub-a', network, keyPair, bootVolume: { type: 'Encrypted SSD', encryptionKey: KEY } });
  });

  test('a volume: nhn_encryption { skm_appkey, skm_key_id }', () => {
    expect(onlyResource(tf.infra, 'nhncloud_blockstorage_volume_v2')).toMatchObject({ volume_type: 'Encrypted HDD', nhn_encryption: [{ skm_appkey: KEY.appKey, skm_key_id: KEY.keyId }] });
  });

  test('cluster and node group boot volumes: the labels boot_volume_key_id and boot_volume_appkey', () => {
    expect(onlyResource(tf.infra, 'nhncloud_kubernetes_cluster_v1').labels).toMatchObject({ boot_volume_type: 'Encrypted SSD', boot_volume_key_id: KEY.keyId, boot_volume_appkey: KEY.appKey });
    expect(onlyResource(tf.infra, 'nhncloud_kubernetes_nodegroup_v1').labels).toMatchObject({ boot_volume_type: 'Encrypted HDD', boot_volume_key_id: KEY.keyId, boot_volume_appkey: KEY.appKey });
  });

  test('a GPU instance\'s encrypted boot volume: the block device\'s nhn_encryption', () => {
    expect(onlyResource(tf.infra, 'nhncloud_compute_instance_v2').block_device).toEqual([
      expect.objectContaining({ volume_type: 'Encrypted SSD', nhn_encryption: [{ skm_appkey: KEY.appKey, skm_key_id: KEY.keyId }] }),
    ]);
    expect(result.warnings).toEqual([]);
  });

  test('a Terraform reference as the key (a variable) is written as the reference', () => {
    const out = synthNhn((app) => {
      const stack = new InfraStack(app.infra, 'infra', NHN);
      const appKey = new TerraformVariable(stack, 'skm_appkey', { type: 'string', sensitive: true });
      new BlockStorageVolume(stack, 'data', { sizeGb: 10, volumeType: 'Encrypted HDD', availabilityZone: 'kr-pub-a', encryptionKey: { appKey: appKey.stringValue, keyId: KEY.keyId } });
    });
    expect(onlyResource(out.tf.infra, 'nhncloud_blockstorage_volume_v2').nhn_encryption).toEqual([{ skm_appkey: '${var.skm_appkey}', skm_key_id: KEY.keyId }]);
  });

  test('a General volume writes no encryption block', () => {
    const out = synthNhn((app) => void new BlockStorageVolume(new InfraStack(app.infra, 'infra', NHN), 'data', { sizeGb: 10, availabilityZone: 'kr-pub-a' }));
    expect(onlyResource(out.tf.infra, 'nhncloud_blockstorage_volume_v2').nhn_encryption).toBeUndefined();
  });

  test('on the openstack target a boot volume key never reaches the Magnum labels, and synth says it is ignored', () => {
    const out = synth((app) => {
      const { cluster } = openstackCluster(app, { bootVolume: { type: 'fast-ssd', encryptionKey: KEY } });
      cluster.addNodeGroup('ng', { flavor: 'm1.large', bootVolume: { encryptionKey: KEY } });
    });
    const text = JSON.stringify(out.tf.infra);
    expect(text).not.toContain(KEY.appKey);
    expect(text).not.toContain('boot_volume_key_id');
    expect(out.result.warnings.map((w) => [w.path, w.message])).toEqual([
      ['infra/cluster', expect.stringMatching(/bootVolume.encryptionKey .* is ignored on the openstack target/)],
      ['infra/cluster/ng', expect.stringMatching(/bootVolume.encryptionKey .* is ignored on the openstack target/)],
    ]);
  });

  test('the openstack provider has no nhn_encryption: the key is ignored there with a warning', () => {
    const out = synth((app) => void new BlockStorageVolume(new InfraStack(app.infra, 'infra', OPENSTACK), 'data', { sizeGb: 10, volumeType: 'fast-ssd', availabilityZone: 'nova', encryptionKey: KEY }));
    expect(onlyResource(out.tf.infra, 'openstack_blockstorage_volume_v3').nhn_encryption).toBeUndefined();
    expect(out.result.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/ignored on the openstack target/)]);
  });
});

describe('finding 6: an in-place upgrade does not make the next plan replace the cluster', () => {
  const { tf } = synthNhn((app) => void baseCluster(app, { kubernetesVersion: 'v1.32.3', serviceGateways: SGW, upgrade: { kubernetesVersion: 'v1.33.4' } }, NHN));
  const cluster = onlyResource(tf.infra, 'nhncloud_kubernetes_cluster_v1');

  test('the cluster keeps the version it was created with, and Terraform ignores the API\'s kube_tag afterwards', () => {
    expect(cluster.labels.kube_tag).toBe('v1.32.3');
    expect(cluster.lifecycle).toEqual({ ignore_changes: ['node_count', 'labels["kube_tag"]'] });
    const versions = Object.values(tf.infra.resource.nhncloud_kubernetes_nodegroup_upgrade_v1).map((u) => (u as TfJson).version);
    expect(versions).toEqual(['v1.33.4', 'v1.33.4']);
  });

  test('the label is ignored without an upgrade too: the console can upgrade any nhncloud cluster', () => {
    const out = synthNhn((app) => void baseCluster(app, {}, NHN));
    expect(onlyResource(out.tf.infra, 'nhncloud_kubernetes_cluster_v1').lifecycle.ignore_changes).toContain('labels["kube_tag"]');
  });

  test('no other label is ignored when every value is a literal: a change of the program still shows as a replacement', () => {
    expect(cluster.lifecycle.ignore_changes.filter((p: string) => p.startsWith('labels['))).toEqual(['labels["kube_tag"]']);
  });
});

describe('finding 7: a buffer node count of 0 would be dropped by the provider', () => {
  test('the default, 1, is written on worker upgrades', () => {
    const { tf } = synthNhn((app) => void baseCluster(app, { kubernetesVersion: 'v1.32.3', upgrade: { kubernetesVersion: 'v1.33.4' } }, NHN));
    expect(bodiesByPath(tf.infra, 'nhncloud_kubernetes_nodegroup_upgrade_v1')['infra/cluster/upgrade-default-worker'].num_buffer_nodes).toBe(1);
  });
  // bufferNodes: 0 itself is refused: test/corpus/infra.corpus.test.ts.
});

describe('finding 8: NKS node images are looked up by the property NKS documents', () => {
  const { tf } = synthNhn((app) => {
    const { stack, network, keyPair, cluster } = baseCluster(app, { serviceGateways: SGW, image: ImageRef.fromName('Ubuntu Server 22.04.3 LTS - Container (2024.04.16)') }, NHN);
    cluster.addNodeGroup('workers', { flavor: 'm2.c4m8', image: ImageRef.fromNameRegex('^Ubuntu Server 22\\.04.* - Container') });
    new GpuInstance(stack, 'vm', { flavor: 'g2.t4.c4m32', image: ImageRef.fromNameRegex('^Ubuntu Server 22\\.04.* LTS \\(GPU\\)'), availabilityZone: 'kr-pub-a', network, keyPair });
  });
  const images = bodiesByPath(tf.infra, 'nhncloud_images_image_v2', 'data');
  const nks = { properties: { nhncloud_allow_nks_cpu_flavor: 'true' }, visibility: 'public', most_recent: true };

  test('a cluster image by exact name: an anchored pattern, so the property filter always applies', () => {
    expect(images['infra/cluster/image']).toEqual({ name_regex: '^Ubuntu Server 22\\.04\\.3 LTS - Container \\(2024\\.04\\.16\\)$', ...nks });
  });

  test('a node group image by pattern', () => {
    expect(images['infra/cluster/workers/image']).toEqual({ name_regex: '^Ubuntu Server 22\\.04.* - Container', ...nks });
  });

  test('a GPU instance image is not an NKS node image: name only', () => {
    expect(images['infra/vm/image']).toEqual({ name_regex: '^Ubuntu Server 22\\.04.* LTS \\(GPU\\)', most_recent: true });
  });

  test('a looked-up node image is fixed at creation: a newer image does not replace the cluster or the node group', () => {
    expect(onlyResource(tf.infra, 'nhncloud_kubernetes_cluster_v1').lifecycle.ignore_changes).toEqual(['node_count', 'labels["kube_tag"]', 'labels["node_image"]']);
    expect(onlyResource(tf.infra, 'nhncloud_kubernetes_nodegroup_v1').lifecycle).toEqual({ ignore_changes: ['node_count', 'image_id'] });
  });

  test('the openstack target writes no NHN image property', () => {
    const out = synth((app) => void openstackCluster(app, { image: ImageRef.fromNameRegex('^Ubuntu') }));
    const body = bodiesByPath(out.tf.infra, 'openstack_images_image_v2', 'data')['infra/cluster/image'];
    expect(body).toMatchObject({ name_regex: '^Ubuntu', most_recent: true });
    // The profile's os_distro, no NHN image property (nhncloud looks up nhncloud_allow_nks_cpu_flavor).
    expect(body.properties).toEqual({ os_distro: 'fedora-coreos' });
    expect(JSON.stringify(body)).not.toMatch(/nhncloud/);
  });
});

describe('finding 10: NKS resizes to 1–10 nodes unless the quota is raised', () => {
  test('a resize above 10 is written, with a warning naming the quota', () => {
    const { tf, result } = synthNhn((app) => {
      const { cluster } = baseCluster(app, { serviceGateways: SGW, resizeTo: 12 }, NHN);
      cluster.addNodeGroup('workers', { flavor: 'm2.c4m8', resizeTo: 10 });
    });
    expect(bodiesByPath(tf.infra, 'nhncloud_kubernetes_cluster_resize_v1')['infra/cluster/resize'].node_count).toBe(12);
    expect(result.warnings).toEqual([expect.objectContaining({ path: 'infra/cluster', message: expect.stringMatching(/1–10 nodes unless the project's quota is raised/) })]);
  });
});

describe('finding 11: placement by node labels depends on the unconfirmed k8s_node_labels form', () => {
  const place = (target: 'nhncloud' | 'openstack', placed: boolean) =>
    synth((app) => {
      const { cluster } = target === 'openstack' ? openstackCluster(app) : baseCluster(app, { serviceGateways: SGW }, { target });
      const gpu = cluster.addGpuNodeGroup('gpu', { flavor: target === 'openstack' ? 'g1.t4' : 'g2.t4.c4m32' });
      if (placed) {
        const chart = new Chart(app.k8s, 'apps');
        new WebApp(chart, 'web', { image: 'nginx:1.27', placement: cluster.defaultNodeGroup });
        new WebApp(chart, 'trainer', { image: 'nginx:1.27', placement: gpu });
      }
    });

  test('workloads placed on node groups: a warning naming the groups and the check to run after the first deploy', () => {
    const { tf, result } = place('nhncloud', true);
    expect(onlyResource(tf.infra, 'nhncloud_kubernetes_cluster_v1').labels.k8s_node_labels).toBe('node.nks-cdk.io/group=default-worker');
    const warnings = result.warnings.filter((w) => w.path === 'infra/cluster');
    expect(warnings).toEqual([expect.objectContaining({ message: expect.stringContaining('kubectl get nodes --show-labels') })]);
    expect(warnings[0].message).toMatch(/node groups default-worker, gpu by the node label node\.nks-cdk\.io\/group/);
  });

  test('no placement, no warning', () => {
    expect(place('nhncloud', false).result.warnings).toEqual([]);
  });

  test('the warning is about NKS: none on the openstack target', () => {
    expect(place('openstack', true).result.warnings.filter((w) => /k8s_node_labels/.test(w.message))).toEqual([]);
  });
});

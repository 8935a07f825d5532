import { BlockStorageVolume, ExternalNetworkRef, GpuInstance, ImageRef, InfraStack, KeyPair, Network, NksAddon } from '../../lib';
import { onlyResource } from '../helpers';
import { baseCluster, IMAGE_ID, PUBLIC_KEY } from './fixtures';
import { bodiesByPath, synthNhn } from './nhncloud-helpers';

const NHN = { target: 'nhncloud' } as const;
const EXT_NET = '751b8227-7b45-440a-9349-dbf829d0aba5';
const EXT_SUBNETS = ['59ddc195-76b1-431d-9693-f09880747dc6', '69ddc195-76b1-431d-9693-f09880747dc7'];
// The VPC's NCR and OBS service gateways: without them (and without an internet gateway) synth warns.
const SGW = { ncr: '48f4ff38-d14b-4f34-a40c-705524e6a755', obs: '23c550cb-6a5b-4eaa-903a-711c13316d91' };

describe('nhncloud target: cluster', () => {
  const { tf } = synthNhn((app) => baseCluster(app, {}, NHN));
  const stack = tf.infra;
  const cluster = onlyResource(stack, 'nhncloud_kubernetes_cluster_v1');

  test('one nhncloud_kubernetes_cluster_v1 from the template iaas_console with every field NKS requires', () => {
    expect(cluster.name).toBe('my-cluster');
    expect(cluster.cluster_template_id).toBe('iaas_console');
    expect(cluster.node_count).toBe(3);
    expect(cluster.flavor_id).toBe('${data.nhncloud_compute_flavor_v2.flavor-m2-c4m8.id}');
    expect(cluster.keypair).toMatch(/^\$\{nhncloud_compute_keypair_v2\.[\w-]+\.name\}$/);
    expect(cluster.fixed_network).toMatch(/^\$\{nhncloud_networking_vpc_v2\.[\w-]+\.id\}$/);
    expect(cluster.fixed_subnet).toMatch(/^\$\{nhncloud_networking_vpcsubnet_v2\.[\w-]+\.id\}$/);
    // The provider cannot update node_count; resizes go through their own resource. An upgrade changes kube_tag.
    expect(cluster.lifecycle).toEqual({ ignore_changes: ['node_count', 'labels["kube_tag"]'] });
    expect(cluster.depends_on).toEqual([expect.stringMatching(/^nhncloud_networking_vpcsubnet_v2\./)]);
    expect(stack.resource.openstack_containerinfra_clustertemplate_v1).toBeUndefined();
  });

  test('every label NKS requires, all strings', () => {
    expect(cluster.labels).toEqual({
      availability_zone: 'kr-pub-a',
      node_image: IMAGE_ID,
      boot_volume_type: 'General HDD',
      boot_volume_size: '50',
      cert_manager_api: 'True',
      ca_enable: 'False',
      kube_tag: 'v1.33.4',
      master_lb_floating_ip_enabled: 'False',
      pods_network_cidr: '10.100.0.0/16',
      service_cluster_ip_range: '10.254.0.0/16',
      k8s_node_labels: 'node.nks-cdk.io/group=default-worker',
    });
  });

  test('the required addons: Calico (VXLAN) and CoreDNS at their newest versions', () => {
    expect(cluster.addons).toEqual([
      { name: 'calico', version: 'v3.30.2-nks2', options: { mode: 'vxlan' } },
      { name: 'coredns', version: '1.8.4-nks2' },
    ]);
  });

  test('the flavor UUID is looked up by name, once per flavor', () => {
    expect(bodiesByPath(stack, 'nhncloud_compute_flavor_v2', 'data')).toEqual({ 'infra/flavor-m2-c4m8': { name: 'm2.c4m8' } });
  });

  test('the provider block carries the region only; the API address is a sensitive output; no kubeconfig output', () => {
    expect(stack.provider.nhncloud).toEqual([{ region: 'KR1' }]);
    expect(stack.output.cluster_api_address).toEqual(expect.objectContaining({ sensitive: true, value: expect.stringMatching(/^\$\{nhncloud_kubernetes_cluster_v1\.[\w-]+\.api_address\}$/) }));
    expect(stack.output.cluster_kubeconfig).toBeUndefined();
  });

  test('addon versions and options are overridable, optional addons added', () => {
    const out = synthNhn((app) =>
      baseCluster(app, { serviceGateways: SGW, addons: [NksAddon.calico({ version: 'v3.28.2-nks2', mode: 'ebpf' }), NksAddon.coreDns({ version: '1.8.4-nks1' }), NksAddon.metricsServer()] }, NHN),
    );
    expect(onlyResource(out.tf.infra, 'nhncloud_kubernetes_cluster_v1').addons).toEqual([
      { name: 'calico', version: 'v3.28.2-nks2', options: { mode: 'ebpf' } },
      { name: 'coredns', version: '1.8.4-nks1' },
      { name: 'metrics-server', version: 'v0.4.4-nks2' },
    ]);
    expect(out.result.warnings).toEqual([]);
  });

  test('a version nks-cdk does not list is written as given, with a warning', () => {
    const out = synthNhn((app) => baseCluster(app, { serviceGateways: SGW, addons: [NksAddon.calico({ version: 'v3.31.0-nks1' }), NksAddon.coreDns()] }, NHN));
    expect(onlyResource(out.tf.infra, 'nhncloud_kubernetes_cluster_v1').addons[0].version).toBe('v3.31.0-nks1');
    expect(out.result.warnings).toEqual([expect.objectContaining({ path: 'infra/cluster', message: expect.stringContaining('v3.31.0-nks1') })]);
  });

  test('a public API endpoint writes the internet gateway network and its subnets', () => {
    const out = synthNhn((app) => baseCluster(app, { publicApiEndpoint: true, externalNetwork: ExternalNetworkRef.fromId(EXT_NET), externalSubnetIds: EXT_SUBNETS }, NHN));
    expect(onlyResource(out.tf.infra, 'nhncloud_kubernetes_cluster_v1').labels).toMatchObject({
      master_lb_floating_ip_enabled: 'True',
      external_network_id: EXT_NET,
      external_subnet_id_list: EXT_SUBNETS.join(':'),
    });
  });

  test('an external network by name is looked up with the nhncloud data source', () => {
    const out = synthNhn((app) => baseCluster(app, { publicApiEndpoint: true, externalNetwork: ExternalNetworkRef.fromName('Public Network'), externalSubnetIds: EXT_SUBNETS }, NHN));
    expect(bodiesByPath(out.tf.infra, 'nhncloud_networking_network_v2', 'data')).toEqual({ 'infra/cluster/external-network': { name: 'Public Network', external: true } });
    expect(onlyResource(out.tf.infra, 'nhncloud_kubernetes_cluster_v1').labels.external_network_id).toMatch(/^\$\{data\.nhncloud_networking_network_v2\.[\w-]+\.id\}$/);
  });
});

describe('nhncloud target: resize and upgrade', () => {
  let exposed: string[] = [];
  const { tf, result } = synthNhn((app) => {
    const { cluster } = baseCluster(app, { kubernetesVersion: 'v1.32.3', resizeTo: 5, serviceGateways: SGW, upgrade: { kubernetesVersion: 'v1.33.4', bufferNodes: 2, maxUnavailableNodes: 1 } }, NHN);
    const group = cluster.addNodeGroup('workers', { flavor: 'c2.c8m8', nodeCount: 2, resizeTo: 4 });
    exposed = [cluster.resizeOperation, ...cluster.upgradeOperations, group.resizeOperation, group.upgradeOperation].map((r) => r?.node.path ?? 'none');
  });
  const stack = tf.infra;
  const resizes = bodiesByPath(stack, 'nhncloud_kubernetes_cluster_resize_v1');
  const upgrades = bodiesByPath(stack, 'nhncloud_kubernetes_nodegroup_upgrade_v1');
  const clusterRef = expect.stringMatching(/^\$\{nhncloud_kubernetes_cluster_v1\.[\w-]+\.id\}$/);
  const ref = (type: string, path: string): string => {
    const [name] = Object.entries(stack.resource[type]).find(([, b]) => (b as { '//': { metadata: { path: string } } })['//'].metadata.path === path)!;
    return `${type}.${name}`;
  };

  test('the cluster keeps its creation count and version; resizes and upgrades are their own resources', () => {
    const cluster = onlyResource(stack, 'nhncloud_kubernetes_cluster_v1');
    expect(cluster.node_count).toBe(3);
    expect(cluster.labels.kube_tag).toBe('v1.32.3');
  });

  test('resizeTo on the cluster resizes the group default-worker; on a node group, that group', () => {
    expect(resizes['infra/cluster/resize']).toEqual({ cluster_id: clusterRef, nodegroup_id: 'default-worker', node_count: 5 });
    expect(resizes['infra/cluster/workers/resize']).toEqual({
      cluster_id: clusterRef,
      nodegroup_id: expect.stringMatching(/^\$\{nhncloud_kubernetes_nodegroup_v1\.[\w-]+\.id\}$/),
      node_count: 4,
      // After the cluster's own operations (and after the group, through its ID).
      depends_on: [ref('nhncloud_kubernetes_nodegroup_upgrade_v1', 'infra/cluster/upgrade-default-worker')],
    });
  });

  test('upgrade: control plane (default-master) first, then default-worker, then each node group, one at a time', () => {
    expect(upgrades['infra/cluster/upgrade-control-plane']).toEqual({
      cluster_id: clusterRef,
      nodegroup_id: 'default-master',
      version: 'v1.33.4',
      depends_on: [ref('nhncloud_kubernetes_cluster_resize_v1', 'infra/cluster/resize')],
    });
    expect(upgrades['infra/cluster/upgrade-default-worker']).toEqual({
      cluster_id: clusterRef,
      nodegroup_id: 'default-worker',
      version: 'v1.33.4',
      num_buffer_nodes: 2,
      num_max_unavailable_nodes: 1,
      depends_on: [ref('nhncloud_kubernetes_nodegroup_upgrade_v1', 'infra/cluster/upgrade-control-plane')],
    });
    expect(upgrades['infra/cluster/workers/upgrade']).toMatchObject({
      nodegroup_id: expect.stringMatching(/nhncloud_kubernetes_nodegroup_v1/),
      version: 'v1.33.4',
      depends_on: [ref('nhncloud_kubernetes_cluster_resize_v1', 'infra/cluster/workers/resize')],
    });
  });

  test('the constructs expose their operation resources', () => {
    expect(exposed).toEqual(['infra/cluster/resize', 'infra/cluster/upgrade-control-plane', 'infra/cluster/upgrade-default-worker', 'infra/cluster/workers/resize', 'infra/cluster/workers/upgrade']);
  });

  test('a node group is created after the operations queued on its cluster', () => {
    const group = bodiesByPath(stack, 'nhncloud_kubernetes_nodegroup_v1')['infra/cluster/workers/nodegroup'];
    expect(group.depends_on).toEqual([ref('nhncloud_kubernetes_nodegroup_upgrade_v1', 'infra/cluster/upgrade-default-worker')]);
    expect(result.warnings).toEqual([]);
  });
});

describe('nhncloud target: node groups', () => {
  const { tf } = synthNhn((app) => {
    const { cluster } = baseCluster(app, {}, NHN);
    cluster.addNodeGroup('workers-b', {
      flavor: 'c2.c8m8',
      nodeCount: 2,
      availabilityZone: 'kr-pub-b',
      autoscaler: { minNodes: 2, maxNodes: 5, scaleDownUtilizationThreshold: 0.6, scaleDownUnneededMinutes: 3 },
      bootVolume: { type: 'General SSD', sizeGb: 100 },
      image: ImageRef.fromNameRegex('^Ubuntu Server 22\\.04.* - Container'),
    });
    cluster.addGpuNodeGroup('gpu', { flavor: 'g2.t4.c4m32' });
  });
  const groups = bodiesByPath(tf.infra, 'nhncloud_kubernetes_nodegroup_v1');

  test('a node group: flavor and image UUIDs, required labels, autoscaler as ca_* labels, no min/max_node_count', () => {
    expect(groups['infra/cluster/workers-b/nodegroup']).toEqual({
      cluster_id: expect.stringMatching(/^\$\{nhncloud_kubernetes_cluster_v1\.[\w-]+\.id\}$/),
      name: 'workers-b',
      flavor_id: '${data.nhncloud_compute_flavor_v2.flavor-c2-c8m8.id}',
      image_id: expect.stringMatching(/^\$\{data\.nhncloud_images_image_v2\.[\w-]+\.id\}$/),
      node_count: 2,
      labels: {
        availability_zone: 'kr-pub-b',
        boot_volume_type: 'General SSD',
        boot_volume_size: '100',
        ca_enable: 'True',
        ca_min_node_count: '2',
        ca_max_node_count: '5',
        ca_scale_down_enable: 'True',
        ca_scale_down_unneeded_time: '3',
        ca_scale_down_util_thresh: '60',
        ca_scale_down_delay_after_add: '10',
        k8s_node_labels: 'node.nks-cdk.io/group=workers-b',
      },
      // A looked-up image is fixed at creation (a newer one would replace the group).
      lifecycle: { ignore_changes: ['node_count', 'image_id'] },
    });
    // Among the images NKS accepts for nodes.
    expect(bodiesByPath(tf.infra, 'nhncloud_images_image_v2', 'data')['infra/cluster/workers-b/image']).toEqual({
      name_regex: '^Ubuntu Server 22\\.04.* - Container',
      properties: { nhncloud_allow_nks_cpu_flavor: 'true' },
      visibility: 'public',
      most_recent: true,
    });
  });

  test('a GPU node group on a g2 flavor, with the cluster image and zone', () => {
    expect(groups['infra/cluster/gpu/nodegroup']).toMatchObject({
      name: 'gpu',
      flavor_id: '${data.nhncloud_compute_flavor_v2.flavor-g2-t4-c4m32.id}',
      image_id: IMAGE_ID,
      labels: { availability_zone: 'kr-pub-a', ca_enable: 'False', k8s_node_labels: expect.stringContaining('node.nks-cdk.io/gpu-model=t4') },
    });
  });
});

describe('nhncloud target: network, key pair, volumes, GPU instance', () => {
  const gateway = '0f0e0d0c-0b0a-4909-8807-060504030201';
  const { tf } = synthNhn((app) => {
    const stack = new InfraStack(app.infra, 'infra', { region: 'KR2', target: 'nhncloud' });
    const network = new Network(stack, 'vpc', { name: 'nks-vpc', cidr: '10.0.1.0/24', internetGatewayId: gateway });
    const keyPair = new KeyPair(stack, 'key', { name: 'nks-key', publicKey: PUBLIC_KEY });
    new GpuInstance(stack, 'trainer', {
      flavor: 'g2.t4.c8m64',
      image: ImageRef.fromId(IMAGE_ID),
      availabilityZone: 'kr2-pub-a',
      network,
      keyPair,
      bootVolume: { type: 'General SSD', sizeGb: 100 },
      volumes: [new BlockStorageVolume(stack, 'scratch', { sizeGb: 200, volumeType: 'General SSD', availabilityZone: 'kr2-pub-a', description: 'scratch space' })],
    });
  });
  const t = tf.infra;

  test('VPC (the /16 around the subnet), routing table attached to the internet gateway, subnet on that table', () => {
    expect(onlyResource(t, 'nhncloud_networking_vpc_v2')).toMatchObject({ name: 'nks-vpc', cidrv4: '10.0.0.0/16' });
    expect(onlyResource(t, 'nhncloud_networking_routingtable_v2')).toMatchObject({ name: 'nks-vpc-rt', vpc_id: expect.stringMatching(/nhncloud_networking_vpc_v2\.[\w-]+\.id/) });
    expect(onlyResource(t, 'nhncloud_networking_vpcsubnet_v2')).toMatchObject({
      name: 'nks-vpc-subnet',
      cidr: '10.0.1.0/24',
      vpc_id: expect.stringMatching(/nhncloud_networking_vpc_v2\.[\w-]+\.id/),
      routingtable_id: expect.stringMatching(/nhncloud_networking_routingtable_v2\.[\w-]+\.id/),
    });
    expect(onlyResource(t, 'nhncloud_networking_routingtable_attach_gateway_v2')).toMatchObject({ gateway_id: gateway, routingtable_id: expect.stringMatching(/nhncloud_networking_routingtable_v2/) });
    expect(t.resource.openstack_networking_network_v2).toBeUndefined();
  });

  test('key pair and block storage volume', () => {
    expect(onlyResource(t, 'nhncloud_compute_keypair_v2')).toMatchObject({ name: 'nks-key', public_key: PUBLIC_KEY });
    expect(onlyResource(t, 'nhncloud_blockstorage_volume_v2')).toMatchObject({ name: 'scratch', size: 200, volume_type: 'General SSD', availability_zone: 'kr2-pub-a', description: 'scratch space' });
  });

  test('GPU instance by flavor UUID, booting from a volume, with the volume attached', () => {
    const vm = onlyResource(t, 'nhncloud_compute_instance_v2');
    expect(vm).toMatchObject({
      name: 'trainer',
      flavor_id: '${data.nhncloud_compute_flavor_v2.flavor-g2-t4-c8m64.id}',
      availability_zone: 'kr2-pub-a',
      key_pair: expect.stringMatching(/nhncloud_compute_keypair_v2/),
      security_groups: ['default'],
      network: [{ uuid: expect.stringMatching(/nhncloud_networking_vpc_v2\.[\w-]+\.id/) }],
      block_device: [{ uuid: IMAGE_ID, source_type: 'image', destination_type: 'volume', volume_size: 100, volume_type: 'General SSD', boot_index: 0, delete_on_termination: true }],
    });
    const attach = onlyResource(t, 'nhncloud_compute_volume_attach_v2');
    expect(attach.instance_id).toMatch(/nhncloud_compute_instance_v2\.[\w-]+\.id/);
    expect(attach.volume_id).toMatch(/nhncloud_blockstorage_volume_v2\.[\w-]+\.id/);
    expect(t.provider.nhncloud).toEqual([{ region: 'KR2' }]);
  });

  test('an existing VPC by ID creates nothing on either target', () => {
    const out = synthNhn((app) => {
      const stack = new InfraStack(app.infra, 'infra', { target: 'nhncloud' });
      const network = Network.fromExisting(stack, 'vpc', { networkId: '11111111-2222-3333-4444-555555555555', subnetId: '11111111-2222-3333-4444-666666666666' });
      new GpuInstance(stack, 'vm', { flavor: 'g2.t4.c4m32', image: ImageRef.fromId(IMAGE_ID), availabilityZone: 'kr-pub-a', network, keyPair: KeyPair.fromName('k') });
    });
    expect(out.tf.infra.resource.nhncloud_networking_vpc_v2).toBeUndefined();
    expect(onlyResource(out.tf.infra, 'nhncloud_compute_instance_v2').network).toEqual([{ uuid: '11111111-2222-3333-4444-555555555555' }]);
  });
});

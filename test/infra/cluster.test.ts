import { Cluster, ImageRef, InfraStack, KeyPair, Network, PlatformApp } from '../../lib';
import { catchValidation, onlyResource, synth } from '../helpers';
import { baseCluster, IMAGE_ID, openstackCluster, PUBLIC_KEY, TEST_CLOUD } from './fixtures';

// The openstack target renders a Magnum cluster from the cloud profile's facts (TEST_CLOUD); NHN's own
// renderer is tested in nhncloud.test.ts.
describe('Cluster on the openstack target', () => {
  const { tf } = synth((app) => openstackCluster(app));
  const stack = tf.infra;
  const cluster = onlyResource(stack, 'openstack_containerinfra_cluster_v1');

  test('carries every field of the guide form, with the profile\'s default flavor and master flavor', () => {
    expect(cluster.name).toBe('my-cluster');
    expect(cluster.flavor).toBe('m1.large');
    expect(cluster.master_flavor).toBe('m1.small');
    expect(cluster.node_count).toBe(3);
    expect(cluster.keypair).toMatch(/^\$\{openstack_compute_keypair_v2\.\w+\.name\}$/);
    expect(cluster.fixed_network).toMatch(/^\$\{openstack_networking_network_v2\.[\w-]+\.id\}$/);
    expect(cluster.fixed_subnet).toMatch(/^\$\{openstack_networking_subnet_v2\.[\w-]+\.id\}$/);
    expect(cluster.cluster_template_id).toMatch(/^\$\{openstack_containerinfra_clustertemplate_v1\.[\w-]+\.id\}$/);
  });

  test('writes Magnum\'s labels, all as strings, and none of NKS\'s own', () => {
    expect(cluster.labels).toEqual({
      availability_zone: 'nova',
      boot_volume_type: '__DEFAULT__',
      boot_volume_size: '50',
      auto_scaling_enabled: 'false',
      kube_tag: 'v1.33.4',
      master_lb_floating_ip_enabled: 'False',
      calico_ipv4pool: '10.100.0.0/16',
      service_cluster_ip_range: '10.254.0.0/16',
      kubelet_options: '--node-labels=node.nks-cdk.io/group=default-worker',
    });
    for (const key of ['node_image', 'cert_manager_api', 'ca_enable', 'pods_network_cidr', 'k8s_node_labels']) expect(cluster.labels).not.toHaveProperty(key);
  });

  test('creates a Kubernetes template on the node image with the profile\'s Magnum settings', () => {
    const template = onlyResource(stack, 'openstack_containerinfra_clustertemplate_v1');
    expect(template).toMatchObject({ coe: 'kubernetes', image: IMAGE_ID, name: 'my-cluster-template', master_lb_enabled: true, master_flavor: 'm1.small', network_driver: 'calico' });
    expect(template.external_network_id).toMatch(/^\$\{data\.openstack_networking_network_v2\.[\w-]+\.id\}$/);
    const lookups = Object.values(stack.data.openstack_networking_network_v2) as { name: string; external: boolean }[];
    expect(lookups.map((l) => [l.name, l.external])).toEqual([['ext-net', true], ['ext-net', true]]);
  });

  test('exposes the API address and kubeconfig as sensitive outputs', () => {
    expect(stack.output.cluster_api_address).toEqual(expect.objectContaining({ sensitive: true, value: expect.stringMatching(/\.api_address\}$/) }));
    expect(stack.output.cluster_kubeconfig).toEqual(expect.objectContaining({ sensitive: true, value: expect.stringContaining('kubeconfig') }));
    expect(stack.output.cluster_kubeconfig.value).toContain('raw_config');
  });

  test('no credentials in the provider block, and the profile\'s region', () => {
    expect(stack.provider.openstack).toEqual([{ region: 'RegionOne' }]);
  });

  test('autoscaler, node labels and public API endpoint become Magnum labels', () => {
    const out = synth((app) =>
      openstackCluster(app, {
        autoscaler: { minNodes: 2, maxNodes: 6, scaleDownUtilizationThreshold: 0.4 },
        nodeLabels: { tier: 'web' },
        publicApiEndpoint: true,
        kubernetesVersion: '1.32.3',
        extraLabels: { cinder_csi_enabled: 'true' },
      }),
    );
    const labels = onlyResource(out.tf.infra, 'openstack_containerinfra_cluster_v1').labels;
    expect(labels).toMatchObject({
      auto_scaling_enabled: 'true',
      min_node_count: '2',
      max_node_count: '6',
      master_lb_floating_ip_enabled: 'True',
      kube_tag: 'v1.32.3',
      cinder_csi_enabled: 'true',
      kubelet_options: '--node-labels=tier=web,node.nks-cdk.io/group=default-worker',
    });
    // NKS's scale-down tuning has no Magnum label.
    expect(Object.keys(labels).filter((k) => k.startsWith('ca_'))).toEqual([]);
  });

  test('the pod range goes to the network driver\'s label; flannel from the profile', () => {
    const out = synth((app) => openstackCluster(app, { podsCidr: '10.200.0.0/16' }, { cloud: { ...TEST_CLOUD, networkDriver: 'flannel' } }));
    const labels = onlyResource(out.tf.infra, 'openstack_containerinfra_cluster_v1').labels;
    expect(labels.flannel_network_cidr).toBe('10.200.0.0/16');
    expect(labels.calico_ipv4pool).toBeUndefined();
    expect(onlyResource(out.tf.infra, 'openstack_containerinfra_clustertemplate_v1').network_driver).toBe('flannel');
  });

  test('an existing template is used as is, and the cluster still names the master flavor', () => {
    const out = synth((app) => openstackCluster(app, { clusterTemplateId: 'tmpl-1234' }));
    expect(out.tf.infra.resource.openstack_containerinfra_clustertemplate_v1).toBeUndefined();
    expect(onlyResource(out.tf.infra, 'openstack_containerinfra_cluster_v1')).toMatchObject({ cluster_template_id: 'tmpl-1234', master_flavor: 'm1.small' });
  });

  test("an NKS-only label in extraLabels is left out, with a warning; one nks-cdk derives is refused", () => {
    const out = synth((app) => openstackCluster(app, { extraLabels: { strict_sg_rules: 'True' } }));
    expect(onlyResource(out.tf.infra, 'openstack_containerinfra_cluster_v1').labels.strict_sg_rules).toBeUndefined();
    expect(out.result.warnings).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'infra/cluster', message: expect.stringContaining('strict_sg_rules') })]));
    const err = catchValidation(() => openstackCluster(new PlatformApp({ outdir: '/nonexistent/never' }), { extraLabels: { calico_ipv4pool: '10.9.0.0/16' } }));
    expect([err.path, err.field]).toEqual(['infra/cluster', 'extraLabels.calico_ipv4pool']);
    expect(err.rule).toMatch(/typed prop/);
  });
});

describe('Cluster bad input', () => {
  const cases: [string, Record<string, unknown>, string, RegExp][] = [
    ['name too long', { name: 'a'.repeat(33) }, 'name', /32/],
    ['name with uppercase', { name: 'My-cluster' }, 'name', /lowercase/],
    ['name with a dot (the guide allowed it)', { name: 'my.cluster' }, 'name', /./],
    ['unknown zone', { availabilityZone: 'kr-pub-c' }, 'availabilityZone', /zone/i],
    ['zone of another region', { availabilityZone: 'kr2-pub-a' }, 'availabilityZone', /zone/i],
    ['zero nodes', { nodeCount: 0 }, 'nodeCount', /1 to 100/],
    ['too many nodes', { nodeCount: 101 }, 'nodeCount', /1 to 100/],
    ['fractional nodes', { nodeCount: 2.5 }, 'nodeCount', /whole number/],
    ['boot volume too small', { bootVolume: { sizeGb: 5 } }, 'bootVolume.sizeGb', /./],
    ['unknown volume type', { bootVolume: { type: 'Fast SSD' } }, 'bootVolume.type', /./],
    ['malformed flavor', { flavor: 'large' }, 'flavor', /./],
    ['version NKS cannot create', { kubernetesVersion: 'v1.28.3' }, 'kubernetesVersion', /./],
    ['pod range overlapping the subnet', { podsCidr: '192.168.0.0/16' }, 'podsCidr', /overlap/i],
    ['service range overlapping the pod range', { servicesCidr: '10.100.128.0/17' }, 'podsCidr', /overlaps the service range/i],
    ['pod range in link-local space', { podsCidr: '169.254.0.0/16' }, 'podsCidr', /overlap/i],
    ['autoscaler max above 10', { autoscaler: { maxNodes: 11 } }, 'autoscaler.maxNodes', /1 to 10/],
    ['autoscaler min above max', { autoscaler: { minNodes: 5, maxNodes: 4 } }, 'autoscaler.minNodes', /exceed/],
    ['node count outside autoscaler bounds', { nodeCount: 3, autoscaler: { minNodes: 1, maxNodes: 2 } }, 'nodeCount', /bounds/],
    ['managed label in extraLabels', { extraLabels: { kube_tag: 'v1.30.0' } }, 'extraLabels.kube_tag', /typed prop/],
    ['non-string label value', { extraLabels: { strict_sg_rules: true } }, 'extraLabels.strict_sg_rules', /strings/],
    ['invalid node label key', { nodeLabels: { 'bad key!': 'x' } }, 'nodeLabels', /./],
  ];
  test.each(cases)('%s', (_name, overrides, field, rule) => {
    const err = catchValidation(() => baseCluster(new PlatformApp({ outdir: '/nonexistent/never' }), overrides as never));
    expect(err.path).toBe('infra/cluster');
    expect(err.field.startsWith(field)).toBe(true);
    expect(err.rule).toMatch(rule);
    expect(err.fix.length).toBeGreaterThan(5);
  });

  test('one cluster name in two regions (two stacks) is two clusters: both synthesize', () => {
    const { tf } = synth((app) => {
      baseCluster(app, {}, { region: 'KR1' });
      baseCluster(app, { availabilityZone: 'kr2-pub-a' }, {}, new InfraStack(app.infra, 'infra-kr2', { region: 'KR2' }));
    });
    expect([tf.infra, tf['infra-kr2']].map((t) => onlyResource(t, 'nhncloud_kubernetes_cluster_v1').name)).toEqual(['my-cluster', 'my-cluster']);
  });

  test('existing network with a CIDR is checked against pod ranges', () => {
    const err = catchValidation(() => {
      const app = new PlatformApp();
      const stack = new InfraStack(app.infra, 'infra');
      const network = Network.fromExisting(stack, 'vpc', {
        networkId: '11111111-2222-3333-4444-555555555555',
        subnetId: '11111111-2222-3333-4444-666666666666',
        subnetCidr: '10.254.0.0/24',
      });
      new Cluster(stack, 'cluster', {
        name: 'c1',
        network,
        image: ImageRef.fromId(IMAGE_ID),
        availabilityZone: 'kr-pub-a',
        keyPair: new KeyPair(stack, 'key', { publicKey: PUBLIC_KEY }),
      });
    });
    expect(err.rule).toMatch(/overlap/i);
    expect(err.path).toBe('infra/cluster');
  });
});

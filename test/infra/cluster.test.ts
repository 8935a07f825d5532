import { Cluster, ImageRef, InfraStack, KeyPair, Network, PlatformApp } from '../../lib';
import { catchValidation, onlyResource, synth } from '../helpers';
import { baseCluster, IMAGE_ID, PUBLIC_KEY } from './fixtures';

describe('Cluster', () => {
  const { tf } = synth((app) => baseCluster(app));
  const stack = tf.infra;
  const cluster = onlyResource(stack, 'openstack_containerinfra_cluster_v1');

  test('carries every field of the guide form', () => {
    expect(cluster.name).toBe('my-cluster');
    expect(cluster.flavor).toBe('m2.c4m8');
    expect(cluster.node_count).toBe(3);
    expect(cluster.keypair).toMatch(/^\$\{openstack_compute_keypair_v2\.\w+\.name\}$/);
    expect(cluster.fixed_network).toMatch(/^\$\{openstack_networking_network_v2\.[\w-]+\.id\}$/);
    expect(cluster.fixed_subnet).toMatch(/^\$\{openstack_networking_subnet_v2\.[\w-]+\.id\}$/);
    expect(cluster.cluster_template_id).toMatch(/^\$\{openstack_containerinfra_clustertemplate_v1\.[\w-]+\.id\}$/);
  });

  test('writes the labels NKS requires, all as strings', () => {
    expect(cluster.labels).toMatchObject({
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
      k8s_node_labels: expect.stringContaining('node.nks-cdk.io/group=default-worker'),
    });
    for (const value of Object.values(cluster.labels)) expect(typeof value).toBe('string');
  });

  test('creates a Kubernetes template on the node image', () => {
    const template = onlyResource(stack, 'openstack_containerinfra_clustertemplate_v1');
    expect(template).toMatchObject({ coe: 'kubernetes', image: IMAGE_ID, name: 'my-cluster-template', master_lb_enabled: true });
    expect(template.external_network_id).toMatch(/^\$\{data\.openstack_networking_network_v2\.[\w-]+\.id\}$/);
  });

  test('exposes the API address and kubeconfig as sensitive outputs', () => {
    expect(stack.output.cluster_api_address).toEqual(expect.objectContaining({ sensitive: true, value: expect.stringMatching(/\.api_address\}$/) }));
    expect(stack.output.cluster_kubeconfig).toEqual(expect.objectContaining({ sensitive: true, value: expect.stringContaining('kubeconfig') }));
    expect(stack.output.cluster_kubeconfig.value).toContain('raw_config');
  });

  test('no credentials in the provider block', () => {
    expect(stack.provider.openstack).toEqual([{ region: 'KR1' }]);
  });

  test('autoscaler, node labels and public API endpoint become labels', () => {
    const out = synth((app) =>
      baseCluster(app, {
        autoscaler: { minNodes: 2, maxNodes: 6, scaleDownUtilizationThreshold: 0.4 },
        nodeLabels: { tier: 'web' },
        publicApiEndpoint: true,
        kubernetesVersion: '1.32.3',
        extraLabels: { strict_sg_rules: 'True' },
      }),
    );
    const labels = onlyResource(out.tf.infra, 'openstack_containerinfra_cluster_v1').labels;
    expect(labels).toMatchObject({
      ca_enable: 'True',
      ca_min_node_count: '2',
      ca_max_node_count: '6',
      ca_scale_down_enable: 'True',
      // NKS writes the threshold as a whole percentage and times as minutes (public-api.md examples: "50", "10").
      ca_scale_down_util_thresh: '40',
      ca_scale_down_unneeded_time: '10',
      ca_scale_down_delay_after_add: '10',
      master_lb_floating_ip_enabled: 'True',
      kube_tag: 'v1.32.3',
      strict_sg_rules: 'True',
    });
    expect(labels.k8s_node_labels).toContain('tier=web');
  });

  test('an existing template is used as is', () => {
    const out = synth((app) => baseCluster(app, { clusterTemplateId: 'tmpl-1234' }));
    expect(out.tf.infra.resource.openstack_containerinfra_clustertemplate_v1).toBeUndefined();
    expect(onlyResource(out.tf.infra, 'openstack_containerinfra_cluster_v1').cluster_template_id).toBe('tmpl-1234');
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
    expect([tf.infra, tf['infra-kr2']].map((t) => onlyResource(t, 'openstack_containerinfra_cluster_v1').name)).toEqual(['my-cluster', 'my-cluster']);
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

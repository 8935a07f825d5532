import { ImageRef, PlatformApp } from '../../lib';
import { catchValidation, resources, synth } from '../helpers';
import { baseCluster, openstackCluster } from './fixtures';

// Node groups on the openstack target (TEST_CLOUD's facts; Magnum's labels); the NHN tables' refusals and
// NKS's labels are checked on the nhncloud target (the default in KR1) below and in nhncloud.test.ts.

describe('node groups', () => {
  let gpuSummary: { gpusPerNode: number; maxGpus: number; model: string; selector: Record<string, string> } | undefined;
  const { tf, result } = synth((app) => {
    const { cluster } = openstackCluster(app);
    cluster.addNodeGroup('workers-b', {
      flavor: 'm1.small',
      nodeCount: 2,
      availabilityZone: 'az-2',
      autoscaler: { minNodes: 2, maxNodes: 5 },
      bootVolume: { type: 'fast-ssd', sizeGb: 100 },
      nodeLabels: { tier: 'batch' },
      image: ImageRef.fromNameRegex('^fedora-coreos-'),
    });
    const gpu = cluster.addGpuNodeGroup('gpu', {
      flavor: 'g1.t4',
      nodeCount: 2,
      taint: { key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' },
    });
    gpuSummary = { gpusPerNode: gpu.gpusPerNode, maxGpus: gpu.maxGpus, model: gpu.gpu.model, selector: gpu.nodeSelector };
  });
  const groups = Object.fromEntries(resources(tf.infra, 'openstack_containerinfra_nodegroup_v1').map(([, b]) => [b.name, b]));

  test('an extra node group lands with its flavor, count, zone, volume and autoscaler', () => {
    const g = groups['workers-b'];
    expect(g).toMatchObject({ flavor_id: 'm1.small', node_count: 2, min_node_count: 2, max_node_count: 5 });
    expect(g.cluster_id).toMatch(/openstack_containerinfra_cluster_v1\.\w+\.id/);
    expect(g.image_id).toMatch(/^\$\{data\.openstack_images_image_v2\.[\w-]+\.id\}$/);
    expect(g.labels).toEqual({
      availability_zone: 'az-2',
      boot_volume_type: 'fast-ssd',
      boot_volume_size: '100',
      auto_scaling_enabled: 'true',
      min_node_count: '2',
      max_node_count: '5',
      kubelet_options: '--node-labels=tier=batch,node.nks-cdk.io/group=workers-b',
    });
  });

  test('a GPU group defaults to the cluster zone and image and labels its GPU model', () => {
    const g = groups.gpu;
    expect(g.flavor_id).toBe('g1.t4');
    expect(g.labels.availability_zone).toBe('nova');
    expect(g.image_id).toBe('4f8b6bb0-3c34-4f5e-9a3c-0d1e2f3a4b5c');
    expect(g.labels.kubelet_options).toBe('--node-labels=node.nks-cdk.io/gpu-model=t4,node.nks-cdk.io/group=gpu');
    expect(g.labels.auto_scaling_enabled).toBe('false');
    expect(g.min_node_count).toBeUndefined();
  });

  test('a GPU group exposes GPUs per node, total GPUs and its selector', () => {
    expect(gpuSummary).toEqual({ gpusPerNode: 1, maxGpus: 2, model: expect.stringMatching(/T4/), selector: { 'node.nks-cdk.io/group': 'gpu' } });
  });

  test('a declared taint warns that NKS sets taints in its console only', () => {
    expect(result.warnings).toEqual([expect.objectContaining({ path: 'infra/cluster/gpu', message: expect.stringContaining('console') })]);
  });

  test.each([
    ['a non-g2 flavor for a GPU group', 'gpu', { flavor: 'm2.c4m8' }, 'flavor', /g2 flavor/],
    ['an unknown g2 flavor without GPU count', 'gpu', { flavor: 'g2.a100.c32m256' }, 'flavor', /./],
    ['a zone of another region', 'plain', { flavor: 'm2.c4m8', availabilityZone: 'kr3-pub-a' }, 'availabilityZone', /./],
    ['too many nodes', 'plain', { flavor: 'm2.c4m8', nodeCount: 500 }, 'nodeCount', /1 to 100/],
    ['the default group name', 'plain', { flavor: 'm2.c4m8', name: 'default-worker' }, 'name', /default node group/],
  ])('rejects %s (NHN Cloud KR1)', (_n, kind, props, field, rule) => {
    const { cluster } = baseCluster(new PlatformApp());
    const err = catchValidation(() => (kind === 'gpu' ? cluster.addGpuNodeGroup('g', props as never) : cluster.addNodeGroup('g', props as never)));
    expect(err.path).toBe('infra/cluster/g');
    expect(err.field).toBe(field);
    expect(err.rule).toMatch(rule);
  });

  test('an unknown g2 flavor works when its GPU count is given', () => {
    const { cluster } = baseCluster(new PlatformApp());
    const g = cluster.addGpuNodeGroup('g', { flavor: 'g2.a100.c32m256', gpuCount: 4, nodeCount: 2 });
    expect(g.maxGpus).toBe(8);
  });

  test('node group names are unique', () => {
    const { cluster } = baseCluster(new PlatformApp());
    cluster.addNodeGroup('a', { name: 'pool', flavor: 'm2.c4m8' });
    const err = catchValidation(() => cluster.addNodeGroup('b', { name: 'pool', flavor: 'm2.c4m8' }));
    expect(err).toMatchObject({ path: 'infra/cluster/b', field: 'name', value: 'pool' });
    expect(err.rule).toContain('infra/cluster/a');
  });

  test('cluster zones list every node zone', () => {
    const { cluster } = baseCluster(new PlatformApp());
    cluster.addNodeGroup('b', { flavor: 'm2.c4m8', availabilityZone: 'kr-pub-b' });
    expect(cluster.zones).toEqual(['kr-pub-a', 'kr-pub-b']);
  });
});

import { ApiObject, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Cluster, ClusterProps, GpuDeployment, ImageRef, InfraStack, KeyPair, Network, OutputCheckError, PlatformApp, ValidationErrors } from '../../lib';
import { synth } from '../helpers';
import { IMAGE_ID, PUBLIC_KEY, SERVICE_GATEWAYS } from '../infra/fixtures';

type Setup = { app: PlatformApp; cluster: Cluster; chart: Chart };

function program(build: (s: Setup) => void, clusterProps: Partial<ClusterProps> = {}, network?: (stack: InfraStack) => Network | ReturnType<typeof Network.fromExisting>) {
  return (app: PlatformApp) => {
    const stack = new InfraStack(app.infra, 'infra');
    const cluster = new Cluster(stack, 'cluster', {
      name: 'c1',
      network: network ? network(stack) : new Network(stack, 'vpc'),
      image: ImageRef.fromId(IMAGE_ID),
      availabilityZone: 'kr-pub-a',
      keyPair: new KeyPair(stack, 'key', { publicKey: PUBLIC_KEY }),
      // NHN Cloud (KR1): the nodes pull their images through NCR and OBS service gateways.
      serviceGateways: SERVICE_GATEWAYS,
      ...clusterProps,
    });
    cluster.addNodeGroup('web', { flavor: 'm2.c4m8', availabilityZone: 'kr-pub-b', nodeCount: 2 });
    build({ app, cluster, chart: new Chart(app.k8s, 'apps') });
  };
}

function pod(chart: Chart, id: string, spec: Record<string, unknown>, kind = 'Pod') {
  return new ApiObject(chart, id, {
    apiVersion: kind === 'Pod' ? 'v1' : 'apps/v1',
    kind,
    metadata: { name: id },
    spec: { containers: [{ name: 'app', image: 'busybox:1.36' }], ...spec },
  });
}

function synthErrors(build: (app: PlatformApp) => void) {
  try {
    synth(build);
  } catch (e) {
    if (e instanceof ValidationErrors) return e.errors;
    throw e;
  }
  throw new Error('synth should have failed');
}

describe('cross-layer checks', () => {
  test('a node selector no node group carries is an error at the object', () => {
    const [err] = synthErrors(program(({ chart }) => pod(chart, 'lost', { nodeSelector: { 'node.nks-cdk.io/group': 'gpu' } })));
    expect(err).toMatchObject({ path: 'apps/lost', field: 'spec.nodeSelector', value: { 'node.nks-cdk.io/group': 'gpu' } });
    expect(err.rule).toContain('no node group');
    expect(err.fix).toContain('default-worker');
    expect(err.fix).toContain('web');
  });

  test.each([
    [{ 'node.nks-cdk.io/group': 'web' }],
    [{ 'node.nks-cdk.io/group': 'default-worker' }],
    [{ 'topology.kubernetes.io/zone': 'kr-pub-b' }],
    [{ 'kubernetes.io/os': 'linux' }],
  ])('a selector some node group matches is fine: %j', (nodeSelector) => {
    const out = synth(program(({ chart }) => pod(chart, 'ok', { nodeSelector })));
    expect(out.manifestFiles['apps.k8s.yaml']).toContain('nodeSelector');
  });

  test('a zone no node group is in is an error', () => {
    const [err] = synthErrors(program(({ chart }) => pod(chart, 'far', { nodeSelector: { 'topology.kubernetes.io/zone': 'kr-pub-c' } })));
    expect(err.field).toBe('spec.nodeSelector');
  });

  test('GPUs asked on a cluster without GPU nodes is an error', () => {
    const [err] = synthErrors(
      program(({ chart }) => pod(chart, 'train', { containers: [{ name: 'app', image: 'busybox:1.36', resources: { limits: { 'nvidia.com/gpu': 1 } } }] })),
    );
    expect(err).toMatchObject({ path: 'apps/train', value: 1 });
    expect(err.rule).toContain('none of the node groups');
  });

  test('GPUs asked across workloads beyond a GPU group capacity is a warning', () => {
    const out = synth(
      program(({ cluster, chart }) => {
        const gpu = cluster.addGpuNodeGroup('gpu', { flavor: 'g2.t4.c4m32', nodeCount: 1 });
        const spec = { nodeSelector: gpu.nodeSelector, containers: [{ name: 'app', image: 'busybox:1.36', resources: { limits: { 'nvidia.com/gpu': 1 } } }] };
        pod(chart, 'a', spec);
        pod(chart, 'b', spec);
      }),
    );
    expect(out.result.warnings).toEqual([
      // NKS's own: placement by node label needs the k8s_node_labels form checked after the first deploy.
      expect.objectContaining({ path: 'infra/cluster', message: expect.stringContaining('k8s_node_labels') }),
      expect.objectContaining({ path: 'apps/a', message: expect.stringContaining('2 GPUs in all') }),
    ]);
  });

  test('a workload in a chart nested in another chart is counted once', () => {
    const out = synth(
      program(({ cluster, chart }) => {
        const gpu = cluster.addGpuNodeGroup('gpu', { flavor: 'g2.t4.c4m32', nodeCount: 1 });
        const spec = { nodeSelector: gpu.nodeSelector, containers: [{ name: 'app', image: 'busybox:1.36', resources: { limits: { 'nvidia.com/gpu': 1 } } }] };
        pod(new Chart(chart, 'nested'), 'only', spec);
      }),
    );
    // One pod asking for the one GPU there is: no warning (counted twice, it would ask for 2).
    expect(out.result.warnings.filter((w) => w.message.includes('GPU'))).toEqual([]);
    expect(Object.values(out.manifestFiles).join('')).toContain('nvidia.com/gpu');
  });

  test('a GpuDeployment beyond its group\'s GPUs warns once: addGpus evaluated the fit, synth does not repeat it', () => {
    const out = synth(
      program(({ cluster, chart }) => {
        const gpu = cluster.addGpuNodeGroup('gpu', { flavor: 'g2.t4.c4m32', nodeCount: 1 });
        new GpuDeployment(chart, 'infer', { image: 'nvcr.io/nvidia/tritonserver:24.08-py3', replicas: 2, gpus: 1, placement: gpu });
      }),
    );
    expect(out.result.warnings.filter((w) => w.message.includes('GPU'))).toEqual([
      { path: 'apps/infer', id: 'nks-cdk:gpuShortfall', message: expect.stringContaining('2 pods × 1 GPU = 2 GPUs, but node group "gpu" has at most 1') },
    ]);
  });

  test('GpuDeployments that fit alone but not together: the group warning names both', () => {
    const out = synth(
      program(({ cluster, chart }) => {
        const gpu = cluster.addGpuNodeGroup('gpu', { flavor: 'g2.t4.c4m32', nodeCount: 2 });
        new GpuDeployment(chart, 'a', { image: 'nvcr.io/nvidia/tritonserver:24.08-py3', replicas: 2, gpus: 1, placement: gpu });
        new GpuDeployment(chart, 'b', { image: 'nvcr.io/nvidia/tritonserver:24.08-py3', replicas: 1, gpus: 1, placement: gpu });
      }),
    );
    expect(out.result.warnings.filter((w) => w.message.includes('GPU'))).toEqual([
      { path: 'apps/a/Resource/Resource', id: 'nks-cdk:gpuShortfall', message: expect.stringContaining('ask for 3 GPUs in all (apps/a/Resource/Resource, apps/b/Resource/Resource), but the group has at most 2') },
    ]);
  });

  test('a pod asking more GPUs than a node of its group has is an error (it could never be scheduled)', () => {
    const [err] = synthErrors(
      program(({ cluster, chart }) => {
        const gpu = cluster.addGpuNodeGroup('gpu', { flavor: 'g2.t4.c4m32', nodeCount: 2 });
        pod(chart, 'big', { nodeSelector: gpu.nodeSelector, containers: [{ name: 'app', image: 'busybox:1.36', resources: { limits: { 'nvidia.com/gpu': 2 } } }] });
      }),
    );
    expect(err).toMatchObject({ path: 'apps/big', field: 'spec.containers.resources.limits.nvidia.com/gpu', value: 2 });
    expect(err.rule).toContain('have at most 1 GPU(s): the pods could never be scheduled');
  });

  test('a DaemonSet takes a GPU on every node of its group', () => {
    const out = synth(
      program(({ cluster, chart }) => {
        const gpu = cluster.addGpuNodeGroup('gpu', { flavor: 'g2.t4.c4m32', nodeCount: 2 });
        const containers = [{ name: 'app', image: 'busybox:1.36', resources: { limits: { 'nvidia.com/gpu': 1 } } }];
        const template = { metadata: { labels: { app: 'exporter' } }, spec: { nodeSelector: gpu.nodeSelector, containers } };
        new ApiObject(chart, 'exporter', { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'exporter' }, spec: { selector: { matchLabels: { app: 'exporter' } }, template } });
        pod(chart, 'train', { nodeSelector: gpu.nodeSelector, containers });
      }),
    );
    expect(out.result.warnings.filter((w) => w.message.includes('GPU'))).toEqual([
      { path: 'apps/exporter', id: 'nks-cdk:gpuShortfall', message: expect.stringContaining('ask for 3 GPUs in all (apps/exporter, apps/train), but the group has at most 2') },
    ]);
  });

  test('a StorageClass zone without nodes warns; the in-tree provisioner on a CSI-era cluster is an error', () => {
    const out = synth(
      program(({ chart }) => {
        new kplus.k8s.KubeStorageClass(chart, 'ssd', { metadata: { name: 'ssd' }, provisioner: 'cinder.csi.openstack.org', parameters: { type: 'General SSD', availability: 'kr-pub-c' } });
      }),
    );
    expect(out.result.warnings).toEqual([expect.objectContaining({ path: 'apps/ssd', message: expect.stringContaining('kr-pub-c') })]);
    const [err] = synthErrors(
      program(({ chart }) => {
        new kplus.k8s.KubeStorageClass(chart, 'old', { metadata: { name: 'old' }, provisioner: 'kubernetes.io/cinder' });
      }),
    );
    expect(err).toMatchObject({ path: 'apps/old', field: 'provisioner', value: 'kubernetes.io/cinder' });
  });

  test('a load balancer subnet that is not the cluster subnet is an error (existing network) or a warning (new network)', () => {
    const service = (chart: Chart) =>
      new ApiObject(chart, 'lb', {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'lb', annotations: { 'loadbalancer.openstack.org/subnet-id': '99999999-2222-3333-4444-666666666666' } },
        spec: { type: 'LoadBalancer', selector: { app: 'x' }, ports: [{ port: 80 }] },
      });
    const existing = (stack: InfraStack) =>
      Network.fromExisting(stack, 'vpc', { networkId: '11111111-2222-3333-4444-555555555555', subnetId: '11111111-2222-3333-4444-666666666666' });
    const [err] = synthErrors(program(({ chart }) => service(chart), {}, existing));
    expect(err).toMatchObject({ path: 'apps/lb', field: 'metadata.annotations.loadbalancer.openstack.org/subnet-id' });
    const out = synth(program(({ chart }) => service(chart)));
    expect(out.result.warnings).toEqual([expect.objectContaining({ path: 'apps/lb', message: expect.stringContaining('cannot tell') })]);
  });

  test('an API the cluster version no longer serves fails the manifest check', () => {
    const flowSchema = (chart: Chart) =>
      new ApiObject(chart, 'fs', {
        apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta3',
        kind: 'FlowSchema',
        metadata: { name: 'fs' },
        spec: { priorityLevelConfiguration: { name: 'global-default' } },
      });
    expect(() => synth(program(({ chart }) => flowSchema(chart), { kubernetesVersion: 'v1.33.4' }))).toThrow(OutputCheckError);
    expect(() => synth(program(({ chart }) => flowSchema(chart), { kubernetesVersion: 'v1.31.4' }))).not.toThrow();
  });

  test('with two clusters and no workloads stack the target is unknown, so nothing is checked against nodes', () => {
    const out = synth((app) => {
      program(({ chart }) => pod(chart, 'lost', { nodeSelector: { 'node.nks-cdk.io/group': 'nowhere' } }))(app);
      const stack = new InfraStack(app.infra, 'infra2');
      new Cluster(stack, 'cluster', {
        name: 'c2',
        network: new Network(stack, 'vpc'),
        image: ImageRef.fromId(IMAGE_ID),
        availabilityZone: 'kr-pub-a',
        keyPair: new KeyPair(stack, 'key', { publicKey: PUBLIC_KEY }),
      });
    });
    expect(out.manifestFiles['apps.k8s.yaml']).toContain('nowhere');
  });
});

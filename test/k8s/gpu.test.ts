import { Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { addGpus, GpuDeployment, GpuPod, NodePlacement, PullSecret } from '../../lib';
import { catchValidation } from '../helpers';
import { podSpecOf, synthChart, synthK8s, testChart } from './util';

const RESNET_ARGS = ['--allow-run-as-root', '--bind-to', 'socket', '-np', '1', 'python', '/opt/tensorflow/nvidia-examples/cnn/resnet.py', '--layers=50', '--precision=fp16', '--batch_size=64', '--num_iter=90'];

/** A GPU node group as the infra layer hands it over: `maxNodes` nodes with `perNode` GPUs. */
function gpuGroup(maxNodes: number, perNode: number, taint = true): NodePlacement {
  return {
    path: 'infra/cluster/gpu',
    name: 'gpu',
    availabilityZone: 'kr-pub-a',
    nodeLabels: { 'node.nks-cdk.io/group': 'gpu' },
    nodeSelector: { 'node.nks-cdk.io/group': 'gpu' },
    maxNodes,
    gpu: { model: 'Tesla T4', count: perNode } as NodePlacement['gpu'],
    taint: taint ? { key: 'nvidia.com/gpu', effect: 'NoSchedule' } : undefined,
  };
}

describe('GpuPod reproduces the guide resnet.yaml', () => {
  const out = synthK8s((app) => {
    new GpuPod(new Chart(app.k8s, 'gpu'), 'resnet', {
      name: 'resnet-gpu-pod',
      containerName: 'resnet',
      image: 'nvcr.io/nvidia/tensorflow:18.07-py3',
      command: ['mpiexec'],
      args: RESNET_ARGS,
      imagePullSecrets: [PullSecret.fromName('nvcr.dgxkey')],
    });
  });
  const pod = out.find('Pod', 'resnet-gpu-pod');
  const c = pod.spec.containers[0];

  test('nvidia.com/gpu: 1 in limits, image, command, args and pull secret as in the guide', () => {
    expect(pod.apiVersion).toBe('v1');
    expect(c.resources).toEqual({ limits: { 'nvidia.com/gpu': 1 } });
    expect(c).toMatchObject({ name: 'resnet', image: 'nvcr.io/nvidia/tensorflow:18.07-py3', command: ['mpiexec'], args: RESNET_ARGS });
    expect(pod.spec.imagePullSecrets).toEqual([{ name: 'nvcr.dgxkey' }]);
    expect(out.manifestFiles['gpu.k8s.yaml']).toMatch(/nvidia\.com\/gpu: 1\n/);
  });

  test('runs as root with a writable root filesystem and no cpu/memory limits (the TensorFlow image needs all three)', () => {
    expect(c.securityContext).toMatchObject({ runAsNonRoot: false, readOnlyRootFilesystem: false });
    expect(pod.spec.securityContext.runAsNonRoot).toBe(false);
    expect(Object.keys(c.resources.limits)).toEqual(['nvidia.com/gpu']);
    expect(c.resources.requests).toBeUndefined();
    expect(pod.spec.restartPolicy).toBe('Always');
  });
});

describe('GpuDeployment on a GPU node group', () => {
  test('GPUs per pod, node selector and taint toleration land; one replica by default', () => {
    const chart = testChart();
    const d = new GpuDeployment(chart, 'infer', { image: 'nvcr.io/nvidia/tritonserver:24.08-py3', gpus: 2, placement: gpuGroup(2, 2) });
    const doc = synthChart(chart)[0];
    const spec = podSpecOf(doc);
    expect(doc.spec.replicas).toBe(1);
    expect(d.gpus).toBe(2);
    expect(spec.containers[0].resources.limits).toEqual({ 'nvidia.com/gpu': 2 });
    expect(spec.nodeSelector).toEqual({ 'node.nks-cdk.io/group': 'gpu' });
    expect(spec.tolerations).toEqual([{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }]);
    expect(spec.containers[0].securityContext).toMatchObject({ runAsNonRoot: false, readOnlyRootFilesystem: false });
  });

  test.each([0, -1, 0.5, 1.5])('gpus = %p is a ValidationError', (gpus) => {
    const e = catchValidation(() => new GpuDeployment(testChart(), 'infer', { image: 'x/y:1', gpus }));
    expect(e).toMatchObject({ path: 'test/infer', field: 'gpus', value: gpus, rule: expect.stringContaining('GPUs per pod') });
    expect(e.fix).toBeTruthy();
  });

  test('more GPUs per pod than a node has cannot be scheduled: ValidationError', () => {
    const e = catchValidation(() => new GpuDeployment(testChart(), 'infer', { image: 'x/y:1', gpus: 2, placement: gpuGroup(4, 1) }));
    expect(e).toMatchObject({ path: 'test/infer', field: 'gpus', value: 2, rule: expect.stringContaining('never be scheduled'), fix: expect.stringContaining('at most 1 GPU') });
  });

  test('a placement without GPUs is a ValidationError', () => {
    const e = catchValidation(() => new GpuDeployment(testChart(), 'infer', { image: 'x/y:1', placement: { ...gpuGroup(2, 1), gpu: undefined } }));
    expect(e).toMatchObject({ path: 'test/infer', field: 'placement', value: 'gpu' });
  });

  test('replicas × gpus above maxNodes × GPUs per node warns at synth; within capacity it does not', () => {
    const out = synthK8s((app) => {
      const chart = new Chart(app.k8s, 'gpu');
      new GpuDeployment(chart, 'too-many', { image: 'x/y:1', replicas: 3, gpus: 1, placement: gpuGroup(2, 1) });
      new GpuDeployment(chart, 'fits', { image: 'x/y:1', replicas: 2, gpus: 2, placement: gpuGroup(2, 2) });
    });
    expect(out.result.warnings).toEqual([{ path: 'gpu/too-many', id: 'nks-cdk:gpuShortfall', message: expect.stringContaining('3 pods × 1 GPU = 3 GPUs, but node group "gpu" has at most 2') }]);
    expect(out.docs.filter((d) => d.kind === 'Deployment').map((d) => d.spec.replicas)).toEqual([3, 2]);
  });
});

describe('addGpus on any cdk8s-plus workload', () => {
  test('a Job and a StatefulSet get GPUs and placement', () => {
    const chart = testChart();
    const job = new kplus.Job(chart, 'train', { containers: [{ image: 'x/train:1', resources: {} }] });
    const sts = new kplus.StatefulSet(chart, 'db', { containers: [{ image: 'x/db:1', resources: {}, ports: [{ number: 5432 }] }], replicas: 2 });
    expect(addGpus(job, { gpus: 1, placement: gpuGroup(1, 1, false) })).toBe(1);
    addGpus(sts, { gpus: 1, replicas: 2, placement: gpuGroup(2, 1, false) });
    const docs = synthChart(chart);
    for (const kind of ['Job', 'StatefulSet']) {
      const spec = podSpecOf(docs.find((d) => d.kind === kind)!);
      expect(spec.containers[0].resources.limits).toEqual({ 'nvidia.com/gpu': 1 });
      expect(spec.nodeSelector).toEqual({ 'node.nks-cdk.io/group': 'gpu' });
    }
  });
});

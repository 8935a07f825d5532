import { ApiObject, Chart, Cron, JsonPatch, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { addExtendedResource, addImagePullSecrets, addNodeSelector, addToleration, NodePlacement, placeOn, PullSecret } from '../../lib';
import { applyPodOptions, imagePullSecretNames, nodeSelectorOf } from '../../lib/k8s/pod-spec';
import { addGpuLimit, setRevisionHistoryLimit } from '../../lib/k8s/pod-spec';
import { catchValidation } from '../helpers';
import { podSpecOf, synthChart, testChart } from './util';

const image = 'nginx:1.14.2';
/** Container props without cdk8s-plus's default cpu/memory. */
const bare = { image, resources: {} };

const gpuGroup: NodePlacement = {
  path: 'infra/cluster/gpu',
  name: 'gpu',
  availabilityZone: 'kr-pub-a',
  nodeLabels: { 'node.nks-cdk.io/group': 'gpu' },
  nodeSelector: { 'node.nks-cdk.io/group': 'gpu' },
  maxNodes: 2,
  gpu: { model: 'Tesla T4', count: 1 } as NodePlacement['gpu'],
  taint: { key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' },
};

describe('extended resources (nvidia.com/gpu)', () => {
  test('the escape-hatch trap: a plain-number JSON patch is dropped; addGpuLimit lands as nvidia.com/gpu: 1', () => {
    const naiveChart = testChart();
    const naive = new kplus.Deployment(naiveChart, 'naive', { containers: [{ image }] });
    ApiObject.of(naive).addJsonPatch(JsonPatch.add('/spec/template/spec/containers/0/resources/limits/nvidia.com~1gpu', 1));
    // The L1 serializer keeps the key with an undefined value, which YAML output then omits.
    const [naiveDoc] = Testing.synth(naiveChart);
    expect(podSpecOf(naiveDoc).containers[0].resources.limits['nvidia.com/gpu']).toBeUndefined();
    expect(naiveChart.toJson()[0].spec.template.spec.containers[0].resources.limits).toEqual({ cpu: '1500m', memory: '2048Mi', 'nvidia.com/gpu': undefined });

    const chart = testChart();
    const helped = new kplus.Deployment(chart, 'helped', { containers: [{ image }] });
    addGpuLimit(helped, 1);
    const [helpedDoc] = synthChart(chart);
    // cdk8s-plus's own cpu/memory limits stay next to the GPU.
    expect(podSpecOf(helpedDoc).containers[0].resources.limits).toEqual({ cpu: '1500m', memory: '2048Mi', 'nvidia.com/gpu': 1 });
    expect(podSpecOf(helpedDoc).containers[0].resources.requests).toEqual({ cpu: '1000m', memory: '512Mi' });
  });

  test('creates resources/limits when cdk8s-plus renders none, and can write requests too', () => {
    const chart = testChart();
    const d = new kplus.Deployment(chart, 'd', { containers: [bare] });
    addExtendedResource(d, 'nvidia.com/gpu', 2, { request: true });
    addExtendedResource(d, 'example.com/fpga', 1);
    const [doc] = synthChart(chart);
    expect(podSpecOf(doc).containers[0].resources).toEqual({
      limits: { 'nvidia.com/gpu': 2, 'example.com/fpga': 1 },
      requests: { 'nvidia.com/gpu': 2 },
    });
  });

  test('adds to a cpu-only limits map and leaves other containers alone', () => {
    const chart = testChart();
    const d = new kplus.Deployment(chart, 'd', {
      containers: [bare, { ...bare, name: 'gpu', resources: { cpu: { limit: kplus.Cpu.millis(500) } } }],
    });
    addGpuLimit(d, 1, { container: d.containers[1] });
    const containers = podSpecOf(synthChart(chart)[0]).containers;
    expect(containers[0].resources).toBeUndefined();
    expect(containers[1].resources).toEqual({ limits: { cpu: '500m', 'nvidia.com/gpu': 1 } });
  });

  test.each([
    ['Pod', (c: Chart) => new kplus.Pod(c, 'w', { containers: [bare] })],
    ['Deployment', (c: Chart) => new kplus.Deployment(c, 'w', { containers: [bare] })],
    ['StatefulSet', (c: Chart) => new kplus.StatefulSet(c, 'w', { containers: [{ ...bare, ports: [{ number: 80 }] }] })],
    ['Job', (c: Chart) => new kplus.Job(c, 'w', { containers: [bare] })],
    ['DaemonSet', (c: Chart) => new kplus.DaemonSet(c, 'w', { containers: [bare] })],
    ['CronJob', (c: Chart) => new kplus.CronJob(c, 'w', { containers: [bare], schedule: Cron.daily() })],
  ])('works on a %s: GPU limit, node selector, pull secrets and toleration land in its pod spec', (kind, make) => {
    const chart = testChart();
    const w = make(chart);
    addGpuLimit(w, 1);
    placeOn(w, gpuGroup);
    addImagePullSecrets(w, [PullSecret.fromName('a'), PullSecret.fromName('b')]);
    const doc = synthChart(chart).find((d) => d.kind === kind)!;
    const spec = podSpecOf(doc);
    expect(spec.containers[0].resources.limits).toEqual({ 'nvidia.com/gpu': 1 });
    expect(spec.nodeSelector).toEqual({ 'node.nks-cdk.io/group': 'gpu' });
    expect(spec.imagePullSecrets).toEqual([{ name: 'a' }, { name: 'b' }]);
    expect(spec.tolerations).toEqual([{ key: 'nvidia.com/gpu', operator: 'Equal', value: 'present', effect: 'NoSchedule' }]);
  });

  test.each([0, -1, 1.5, Number.NaN])('rejects %p GPUs with a ValidationError', (n) => {
    const chart = testChart();
    const d = new kplus.Deployment(chart, 'd', { containers: [bare] });
    const e = catchValidation(() => addGpuLimit(d, n));
    expect(e).toMatchObject({ path: 'test/d', field: 'resources.limits.nvidia.com/gpu', rule: expect.stringContaining('nvidia.com/gpu') });
    expect(e.value).toBe(n);
  });

  test('rejects a container of another workload', () => {
    const chart = testChart();
    const d = new kplus.Deployment(chart, 'd', { containers: [bare] });
    const other = new kplus.Deployment(chart, 'o', { containers: [bare] });
    const e = catchValidation(() => addGpuLimit(d, 1, { container: other.containers[0] }));
    expect(e).toMatchObject({ path: 'test/d', rule: expect.stringContaining('belong') });
  });
});

describe('nodeSelector', () => {
  test('merges several calls into one plain nodeSelector (no affinity)', () => {
    const chart = testChart();
    const d = new kplus.Deployment(chart, 'd', { containers: [bare] });
    addNodeSelector(d, { 'topology.kubernetes.io/zone': 'kr-pub-a' });
    addNodeSelector(d, { disk: 'ssd', 'topology.kubernetes.io/zone': 'kr-pub-a' });
    const spec = podSpecOf(synthChart(chart)[0]);
    expect(spec.nodeSelector).toEqual({ 'topology.kubernetes.io/zone': 'kr-pub-a', disk: 'ssd' });
    expect(spec.affinity).toBeUndefined();
    expect(nodeSelectorOf(d)).toEqual(spec.nodeSelector);
  });

  test('two values for one key cannot both match: ValidationError', () => {
    const chart = testChart();
    const d = new kplus.Deployment(chart, 'd', { containers: [bare] });
    addNodeSelector(d, { disk: 'ssd' });
    const e = catchValidation(() => addNodeSelector(d, { disk: 'hdd' }));
    expect(e).toMatchObject({ path: 'test/d', field: 'nodeSelector.disk', value: 'hdd' });
  });

  test('an invalid label key is a ValidationError naming the key', () => {
    const chart = testChart();
    const d = new kplus.Deployment(chart, 'd', { containers: [bare] });
    const e = catchValidation(() => addNodeSelector(d, { 'bad key!': 'x' }));
    expect(e).toMatchObject({ path: 'test/d', field: 'nodeSelector.bad key!', value: 'bad key!' });
    expect(e.fix).toBeTruthy();
  });
});

describe('image pull secrets', () => {
  test('appends to the one cdk8s-plus renders from dockerRegistryAuth, without duplicates', () => {
    const chart = testChart();
    const auth = kplus.Secret.fromSecretName(chart, 'auth', 'first');
    const pod = new kplus.Pod(chart, 'p', { containers: [bare], dockerRegistryAuth: auth });
    addImagePullSecrets(pod, [PullSecret.fromName('second'), PullSecret.fromName('first')]);
    addImagePullSecrets(pod, [PullSecret.fromName('third'), PullSecret.fromName('second')]);
    expect(podSpecOf(synthChart(chart)[0]).imagePullSecrets).toEqual([{ name: 'first' }, { name: 'second' }, { name: 'third' }]);
    expect(imagePullSecretNames(pod)).toEqual(['first', 'second', 'third']);
  });

  test('a pull secret name that is not a DNS subdomain is a ValidationError', () => {
    const chart = testChart();
    const pod = new kplus.Pod(chart, 'p', { containers: [bare] });
    const e = catchValidation(() => addImagePullSecrets(pod, [{ name: 'Registry_Credential' }]));
    expect(e).toMatchObject({ path: 'test/p', field: 'imagePullSecrets[0]', value: 'Registry_Credential' });
  });
});

describe('tolerations and placement', () => {
  test('a taint without value is tolerated with Exists; placement without taint adds only the selector', () => {
    const chart = testChart();
    const d = new kplus.Deployment(chart, 'd', { containers: [bare] });
    addToleration(d, { key: 'dedicated', effect: 'NoExecute' });
    const plain = new kplus.Deployment(chart, 'plain', { containers: [bare] });
    placeOn(plain, { ...gpuGroup, taint: undefined });
    const [doc, plainDoc] = synthChart(chart);
    expect(podSpecOf(doc).tolerations).toEqual([{ key: 'dedicated', operator: 'Exists', effect: 'NoExecute' }]);
    expect(podSpecOf(plainDoc).tolerations).toBeUndefined();
    expect(podSpecOf(plainDoc).nodeSelector).toEqual({ 'node.nks-cdk.io/group': 'gpu' });
  });

  test('applyPodOptions combines placement, nodeSelector, tolerations and pull secrets under one construct path', () => {
    const chart = testChart();
    const d = new kplus.Deployment(chart, 'd', { containers: [bare] });
    applyPodOptions(d, {
      placement: gpuGroup,
      nodeSelector: { disk: 'ssd' },
      tolerations: [{ key: 'dedicated', value: 'ml', effect: 'NoSchedule' }],
      imagePullSecrets: [PullSecret.fromName('registry-credential')],
    }, { path: 'test/app', field: '' });
    const spec = podSpecOf(synthChart(chart)[0]);
    expect(spec.nodeSelector).toEqual({ 'node.nks-cdk.io/group': 'gpu', disk: 'ssd' });
    expect(spec.tolerations.map((t: { key: string }) => t.key)).toEqual(['nvidia.com/gpu', 'dedicated']);
    expect(spec.imagePullSecrets).toEqual([{ name: 'registry-credential' }]);
    const e = catchValidation(() => applyPodOptions(d, { tolerations: [{ key: 'x', effect: 'Sometimes' as never }] }, { path: 'test/app', field: '' }));
    expect(e).toMatchObject({ path: 'test/app', field: 'tolerations[0].effect', value: 'Sometimes' });
  });
});

describe('revisionHistoryLimit', () => {
  test('lands in the Deployment spec; a negative value is a ValidationError', () => {
    const chart = testChart();
    const d = new kplus.Deployment(chart, 'd', { containers: [bare] });
    setRevisionHistoryLimit(d, 3);
    expect(Testing.synth(chart)[0].spec.revisionHistoryLimit).toBe(3);
    expect(catchValidation(() => setRevisionHistoryLimit(d, -1))).toMatchObject({ path: 'test/d', field: 'revisionHistoryLimit', value: -1 });
  });
});

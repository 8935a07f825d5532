import { Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { PersistentVolume, PersistentVolumeClaim, PersistentVolumeClaimProps, PersistentVolumeSource, StorageClass, WebApp } from '../../lib';
import { expectRejected, nodeGroup, VOLUME_ID } from './storage-fixtures';
import { podSpecOf, synthChart, synthK8s, testChart } from './util';

function cinderPv(scope: Chart, capacity = '10Gi', storageClass?: StorageClass | string) {
  return new PersistentVolume(scope, 'pv', {
    name: 'pv-static-001',
    source: PersistentVolumeSource.fromCinderVolumeId(VOLUME_ID, { availabilityZone: 'kr-pub-a' }),
    capacity,
    storageClass,
    labels: { disk: 'static' },
  });
}

describe('PersistentVolumeClaim bound to a static volume', () => {
  test('the guide pvc-static.yaml: volumeName, the volume\'s class, size and modes by default', () => {
    const chart = testChart();
    const sc = new StorageClass(chart, 'sc', { name: 'sc-default', availabilityZone: 'kr-pub-a' });
    const claim = cinderPv(chart, '10Gi', sc).addClaim('claim', { name: 'pvc-static', namespace: 'default' });
    const doc = synthChart(chart).find((d) => d.kind === 'PersistentVolumeClaim');
    expect(doc).toEqual({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'pvc-static', namespace: 'default' },
      spec: { volumeName: 'pv-static-001', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } }, storageClassName: 'sc-default', volumeMode: 'Filesystem' },
    });
    expect(claim).toMatchObject({ name: 'pvc-static', availabilityZone: 'kr-pub-a', plugin: 'Cinder', storageClassName: 'sc-default' });
  });

  test('a volume without class: the claim says storageClassName "" so the default class is not filled in', () => {
    const chart = testChart();
    cinderPv(chart).addClaim('claim');
    expect(synthChart(chart)[1].spec.storageClassName).toBe('');
  });

  test('bindBy labels: a selector on the volume\'s labels instead of volumeName', () => {
    const chart = testChart();
    cinderPv(chart).addClaim('claim', { storage: '5Gi', bindBy: 'labels' });
    const spec = synthChart(chart)[1].spec;
    expect(spec.selector).toEqual({ matchLabels: { disk: 'static' } });
    expect(spec.volumeName).toBeUndefined();
    expect(spec.resources.requests.storage).toBe('5Gi');
  });

  describe('claims that could never bind are errors', () => {
    test.each([
      ['bigger than the volume', { storage: '11Gi' }, 'storage', '11Gi', /asks for more than PersistentVolume "pv-static-001" has \(10Gi\), so it can never bind/],
      ['ReadWriteMany on the Cinder volume', { accessModes: ['ReadWriteMany'] }, 'accessModes[0]', 'ReadWriteMany', /Cinder volumes support only ReadWriteOnce \(RWO\)/],
      ['another class', { storageClass: 'sc-ssd' }, 'storageClass', 'sc-ssd', /has no class, and a claim binds only volumes of its own class/],
      ['another volume mode', { volumeMode: 'Block' }, 'volumeMode', 'Block', /is a Filesystem volume/],
      ['a selector as well', { selector: { matchLabels: { disk: 'static' } } }, 'selector', { matchLabels: { disk: 'static' } }, /either the volume it names or volumes its selector matches/],
    ])('%s', (_what, props, field, value, rule) => {
      const err = expectRejected((app) => cinderPv(new Chart(app.k8s, 'c')).addClaim('claim', props as PersistentVolumeClaimProps));
      expect(err).toMatchObject({ path: 'c/pv/claim', field, value });
      expect(err.rule).toMatch(rule);
    });

    test('a mode the volume does not offer', () => {
      const err = expectRejected((app) => {
        const nfs = new PersistentVolume(new Chart(app.k8s, 'c'), 'pv', { name: 'nfs', source: PersistentVolumeSource.fromNfs({ server: 'nfs', path: '/x' }), capacity: '1Gi', accessModes: ['ReadWriteMany'] });
        nfs.addClaim('claim', { accessModes: ['ReadOnlyMany'] });
      });
      expect(err).toMatchObject({ field: 'accessModes[0]', value: 'ReadOnlyMany' });
      expect(err.rule).toMatch(/offers only ReadWriteMany/);
    });

    test('binding by labels to a volume without labels', () => {
      const err = expectRejected((app) => {
        const pv = new PersistentVolume(new Chart(app.k8s, 'c'), 'pv', { source: PersistentVolumeSource.fromCinderVolumeId(VOLUME_ID), capacity: '1Gi' });
        pv.addClaim('claim', { bindBy: 'labels' });
      });
      expect(err).toMatchObject({ field: 'bindBy', value: 'labels' });
    });
  });
});

describe('PersistentVolumeClaim of a StorageClass (dynamic provisioning)', () => {
  test('the guide pvc-dynamic.yaml', () => {
    const chart = testChart();
    const sc = new StorageClass(chart, 'sc', { name: 'sc-ssd', volumeType: 'General SSD', availabilityZone: 'kr-pub-a' });
    new PersistentVolumeClaim(chart, 'claim', { name: 'pvc-dynamic', namespace: 'default', accessModes: ['ReadWriteOnce'], storage: '10Gi', storageClass: sc });
    expect(synthChart(chart)[1].spec).toEqual({ accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } }, storageClassName: 'sc-ssd', volumeMode: 'Filesystem' });
  });

  test.each(['1536Mi', '10.5Gi', '20G', '1Ti'])('any quantity lands as written: %s', (storage) => {
    const chart = testChart();
    new PersistentVolumeClaim(chart, 'claim', { storage, storageClass: 'standard' });
    expect(synthChart(chart)[0].spec.resources.requests.storage).toBe(storage);
  });

  test('no class: storageClassName not written (the cluster default applies); ReadWriteOnce by default', () => {
    const chart = testChart();
    const claim = new PersistentVolumeClaim(chart, 'claim', { storage: '1Gi' });
    const spec = synthChart(chart)[0].spec;
    expect(spec.storageClassName).toBeUndefined();
    expect(spec.accessModes).toEqual(['ReadWriteOnce']);
    expect(claim.plugin).toBeUndefined();
  });

  test('a selector with match expressions (seed 002/003)', () => {
    const chart = testChart();
    new PersistentVolumeClaim(chart, 'claim', {
      storage: '8Gi',
      storageClass: 'slow',
      selector: { matchLabels: { release: 'stable' }, matchExpressions: [{ key: 'environment', operator: 'In', values: ['dev'] }] },
    });
    expect(synthChart(chart)[0].spec.selector).toEqual({ matchLabels: { release: 'stable' }, matchExpressions: [{ key: 'environment', operator: 'In', values: ['dev'] }] });
  });

  test('Cinder rounds to whole GiB and starts at 10 GB: a warning', () => {
    const out = synthK8s((app) => {
      const chart = new Chart(app.k8s, 'c');
      new PersistentVolumeClaim(chart, 'claim', { storage: '1.5Gi', storageClass: new StorageClass(chart, 'sc', { availabilityZone: 'kr-pub-a' }) });
    });
    expect(out.warnings).toEqual([expect.stringMatching(/claim of 1\.5Gi gets a 2 GiB volume.*at least "10Gi"/)]);
  });

  test('a selector on a provisioning class: a warning (never provisioned)', () => {
    const out = synthK8s((app) => {
      const chart = new Chart(app.k8s, 'c');
      new PersistentVolumeClaim(chart, 'claim', { storage: '10Gi', storageClass: new StorageClass(chart, 'sc', { name: 'sc', availabilityZone: 'kr-pub-a' }), selector: { matchLabels: { a: 'b' } } });
    });
    expect(out.warnings).toEqual([expect.stringMatching(/StorageClass "sc" never provisions a volume for it/)]);
  });

  test('expansion with allowVolumeExpansion: the larger size lands', () => {
    const chart = testChart();
    const sc = new StorageClass(chart, 'sc', { availabilityZone: 'kr-pub-a', allowVolumeExpansion: true });
    new PersistentVolumeClaim(chart, 'claim', { storage: '20Gi', expandedFrom: '10Gi', storageClass: sc });
    expect(synthChart(chart)[1].spec.resources.requests.storage).toBe('20Gi');
  });

  describe('bad input: a ValidationError at construction, nothing written', () => {
    const withClass = (props: Omit<PersistentVolumeClaimProps, 'storageClass'>, allowVolumeExpansion = false) => (app: Parameters<typeof expectRejected>[0] extends (a: infer A) => void ? A : never) => {
      const chart = new Chart(app.k8s, 'c');
      const sc = new StorageClass(chart, 'sc', { name: 'sc-ssd', availabilityZone: 'kr-pub-a', allowVolumeExpansion });
      new PersistentVolumeClaim(chart, 'claim', { ...props, storageClass: sc });
    };
    test.each([
      ['ReadWriteMany on a Cinder class', withClass({ storage: '10Gi', accessModes: ['ReadWriteMany'] }), 'accessModes[0]', 'ReadWriteMany', /Cinder volumes of StorageClass "sc-ssd" support only ReadWriteOnce \(RWO\)/],
      ['an invalid quantity', withClass({ storage: '10 GB' }), 'storage', '10 GB', /must be a number with an optional binary suffix/],
      ['no storage', withClass({}), 'storage', undefined, /how much storage/],
      ['expansion without allowVolumeExpansion', withClass({ storage: '20Gi', expandedFrom: '10Gi' }), 'storage', '20Gi', /needs allowVolumeExpansion on StorageClass "sc-ssd", which is off/],
      ['shrinking', withClass({ storage: '5Gi', expandedFrom: '10Gi' }, true), 'storage', '5Gi', /never shrinks a claim/],
      ['more than a Cinder volume can be', withClass({ storage: '3Ti' }), 'storage', '3Ti', /at most 2000 GB/],
      ['a selector operator that needs values', withClass({ storage: '10Gi', selector: { matchExpressions: [{ key: 'a', operator: 'In' }] } }), 'selector.matchExpressions[0].values', undefined, /In needs at least one value/],
      ['an empty selector', withClass({ storage: '10Gi', selector: {} }), 'selector', {}, /matches every volume/],
    ])('%s', (_what, build, field, value, rule) => {
      const err = expectRejected(build);
      expect(err).toMatchObject({ path: 'c/claim', field, value });
      expect(err.rule).toMatch(rule);
    });
  });
});

describe('mounting a claim into workloads', () => {
  test('webApp.mount takes the claim itself; the pod volume is named after the claim', () => {
    const chart = testChart();
    const claim = new PersistentVolumeClaim(chart, 'claim', { name: 'data', storage: '1Gi' });
    const web = new WebApp(chart, 'web', { image: 'nginx:1.14.2', replicas: 1 });
    web.mount('/data', claim);
    const spec = podSpecOf(synthChart(chart)[1]);
    expect(spec.volumes).toEqual([{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }]);
    expect(spec.containers[0].volumeMounts).toEqual([{ name: 'data', mountPath: '/data' }]);
  });

  test('toVolume: the guide\'s volume name, read-only claims, and the same volume for the same options', () => {
    const chart = testChart();
    const claim = new PersistentVolumeClaim(chart, 'claim', { name: 'pvc-static', storage: '1Gi' });
    expect(claim.toVolume({ name: 'html-volume' })).toBe(claim.toVolume({ name: 'html-volume' }));
    const pod = new kplus.Pod(chart, 'pod', { containers: [{ image: 'nginx:1.14.2', name: 'web', resources: {} }] });
    pod.containers[0].mount('/usr/share/nginx/html', claim.toVolume({ name: 'html-volume' }));
    pod.containers[0].mount('/ro', claim.toVolume({ name: 'html-ro', readOnly: true }));
    expect(podSpecOf(synthChart(chart)[1]).volumes).toEqual([
      { name: 'html-volume', persistentVolumeClaim: { claimName: 'pvc-static' } },
      { name: 'html-ro', persistentVolumeClaim: { claimName: 'pvc-static', readOnly: true } },
    ]);
  });

  test('a Cinder claim in another zone than the workload\'s node group: a synth error, nothing written', () => {
    const err = expectRejected((app) => {
      const chart = new Chart(app.k8s, 'c');
      const sc = new StorageClass(chart, 'sc', { name: 'sc-ssd', availabilityZone: 'kr-pub-a' });
      const claim = new PersistentVolumeClaim(chart, 'claim', { storage: '10Gi', storageClass: sc });
      new WebApp(chart, 'web', { image: 'nginx:1.14.2', replicas: 1, placement: nodeGroup('kr-pub-b', 'workers-b') }).mount('/data', claim);
    });
    expect(err).toMatchObject({ path: 'c/web', field: 'placement', value: 'workers-b' });
    expect(err.rule).toMatch(/StorageClass "sc-ssd" puts the volume in kr-pub-a, but node group "workers-b" \(infra\/cluster\/workers-b\) is in kr-pub-b/);
    expect(err.fix).toMatch(/kr-pub-b/);
  });

  test('a static volume\'s zone counts too; the same zone passes', () => {
    const err = expectRejected((app) => {
      const chart = new Chart(app.k8s, 'c');
      const claim = cinderPv(chart).addClaim('claim');
      new WebApp(chart, 'web', { image: 'nginx:1.14.2', replicas: 1, placement: nodeGroup('kr-pub-b') }).mount('/data', claim);
    });
    expect(err.rule).toMatch(/PersistentVolume "pv-static-001" puts the volume in kr-pub-a/);
    const out = synthK8s((app) => {
      const chart = new Chart(app.k8s, 'c');
      const claim = cinderPv(chart).addClaim('claim');
      new WebApp(chart, 'web', { image: 'nginx:1.14.2', replicas: 1, placement: nodeGroup('kr-pub-a') }).mount('/data', claim);
    });
    expect(out.find('Deployment').spec.template.spec.nodeSelector).toEqual({ 'node.nks-cdk.io/group': 'workers' });
  });

  test('a claim of another namespace: a synth error', () => {
    const err = expectRejected((app) => {
      const chart = new Chart(app.k8s, 'c');
      const claim = new PersistentVolumeClaim(chart, 'claim', { name: 'data', namespace: 'db', storage: '1Gi' });
      new WebApp(chart, 'web', { image: 'nginx:1.14.2', replicas: 1, namespace: 'shop' }).mount('/data', claim);
    });
    expect(err).toMatchObject({ path: 'c/web', field: 'namespace', value: 'shop' });
    expect(err.rule).toMatch(/claim "data", which is in namespace "db"/);
  });

  test('a ReadWriteOnce claim shared by several replicas: a warning; ReadWriteMany: none', () => {
    const out = synthK8s((app) => {
      const chart = new Chart(app.k8s, 'c');
      const claim = new PersistentVolumeClaim(chart, 'claim', { name: 'data', storage: '1Gi' });
      new WebApp(chart, 'web', { image: 'nginx:1.14.2', replicas: 3 }).mount('/data', claim);
      const shared = new PersistentVolumeClaim(chart, 'shared', { name: 'shared', storage: '1Gi', accessModes: ['ReadWriteMany'] });
      new WebApp(chart, 'many', { image: 'nginx:1.14.2', replicas: 3 }).mount('/data', shared);
    });
    expect(out.result.warnings).toEqual([{ path: 'c/web', id: 'nks-cdk:singleNodeClaimReplicas', message: expect.stringMatching(/3 replicas mount claim "data", which is ReadWriteOnce.*Multi-Attach/) }]);
  });
});

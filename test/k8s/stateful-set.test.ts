import { Chart } from 'cdk8s';
import { checkManifests, EphemeralVolume, StatefulSet, StatefulSetProps, StorageClass } from '../../lib';
import { expectRejected, nodeGroup } from './storage-fixtures';
import { synthChart, synthK8s, testChart } from './util';

const WEB: StatefulSetProps = { name: 'web', image: 'nginx:1.14.2', ports: [{ name: 'web', number: 80 }] };

function render(props: Partial<StatefulSetProps>, withClass = true) {
  const chart = testChart();
  const sc = withClass ? new StorageClass(chart, 'sc', { name: 'sc-ssd', volumeType: 'General SSD', availabilityZone: 'kr-pub-a' }) : undefined;
  const set = new StatefulSet(chart, 'web', { ...WEB, volumeClaimTemplates: [{ name: 'www', mountPath: '/usr/share/nginx/html', storage: '10Gi', storageClass: sc }], ...props });
  const docs = synthChart(chart);
  return { set, docs, sts: docs.find((d) => d.kind === 'StatefulSet')!, svc: docs.find((d) => d.kind === 'Service')! };
}

describe('StatefulSet with claim templates (seed 004)', () => {
  test('volumeClaimTemplates (cdk8s-plus-28 has none) and their mounts without pod volumes', () => {
    const { sts } = render({ replicas: 3 });
    expect(sts.spec.volumeClaimTemplates).toEqual([
      { metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } }, storageClassName: 'sc-ssd', volumeMode: 'Filesystem' } },
    ]);
    expect(sts.spec.template.spec.containers[0].volumeMounts).toEqual([{ name: 'www', mountPath: '/usr/share/nginx/html' }]);
    expect(sts.spec.template.spec.volumes).toBeUndefined();
    expect(sts.spec).toMatchObject({ replicas: 3, serviceName: 'web', selector: { matchLabels: { app: 'web' } }, podManagementPolicy: 'OrderedReady', updateStrategy: { type: 'RollingUpdate' } });
    expect(sts.spec.template.metadata.labels).toMatchObject({ app: 'web' });
  });

  test('the headless Service: clusterIP None, the container ports, selecting the pods', () => {
    const { svc, sts } = render({ publishNotReadyAddresses: true });
    expect(svc.metadata.name).toBe('web');
    expect(svc.spec).toMatchObject({ clusterIP: 'None', type: 'ClusterIP', ports: [{ name: 'web', port: 80, targetPort: 80 }], publishNotReadyAddresses: true });
    expect(svc.spec.selector).toMatchObject({ app: 'web' });
    expect(sts.spec.template.metadata.labels).toMatchObject(svc.spec.selector);
  });

  test('a claim template mount passes the strict check (no volume-ref error for the template name)', () => {
    const { docs } = render({});
    expect(checkManifests(docs)).toEqual([]);
  });

  test('the strict check still reports a mount that names neither a pod volume nor a claim template', () => {
    const { docs } = render({});
    const sts = docs.find((d) => d.kind === 'StatefulSet')!;
    sts.spec.template.spec.containers[0].volumeMounts.push({ name: 'nothing', mountPath: '/x' });
    expect(checkManifests(docs)).toEqual([expect.objectContaining({ rule: 'volume-ref', path: 'spec.template.spec.containers[0].volumeMounts[1].name' })]);
  });

  test('parallel pod management, OnDelete, partition, claim retention, minReadySeconds, serviceName', () => {
    expect(render({ podManagementPolicy: 'Parallel', updateStrategy: 'OnDelete', claimRetention: { whenScaled: 'Delete' }, minReadySeconds: 5, serviceName: 'web-peers' }).sts.spec).toMatchObject({
      podManagementPolicy: 'Parallel',
      updateStrategy: { type: 'OnDelete' },
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Delete' },
      minReadySeconds: 5,
      serviceName: 'web-peers',
    });
    expect(render({ partition: 2 }).sts.spec.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { partition: 2 } });
  });

  test('claims are kept on scale-down by default: no retention policy written', () => {
    expect(render({}).sts.spec.persistentVolumeClaimRetentionPolicy).toBeUndefined();
  });

  test('pod DNS names and claim names', () => {
    const { set } = render({});
    expect(set.podDnsName(0)).toBe('web-0.web');
    expect(set.claimName('www', 2)).toBe('www-web-2');
    expect(set.claimTemplateNames).toEqual(['www']);
  });

  test('shared volumes mount next to the claim templates; placement lands', () => {
    const chart = testChart();
    const set = new StatefulSet(chart, 'web', { ...WEB, placement: nodeGroup('kr-pub-a'), volumeClaimTemplates: [{ name: 'data', mountPath: '/data', storage: '1Gi' }] });
    set.mount('/tmp', EphemeralVolume.emptyDir(chart, 'tmp'));
    const sts = synthChart(chart).find((d) => d.kind === 'StatefulSet')!;
    expect(sts.spec.template.spec.volumes).toEqual([{ name: 'tmp', emptyDir: {} }]);
    expect(sts.spec.template.spec.containers[0].volumeMounts).toEqual([{ name: 'tmp', mountPath: '/tmp' }, { name: 'data', mountPath: '/data' }]);
    expect(sts.spec.template.spec.nodeSelector).toEqual({ 'node.nks-cdk.io/group': 'workers' });
  });

  test('per-node volume limit: replicas × claims beyond Cinder\'s 256 per node warns', () => {
    const out = synthK8s((app) => {
      const chart = new Chart(app.k8s, 'c');
      const sc = new StorageClass(chart, 'sc', { availabilityZone: 'kr-pub-a' });
      new StatefulSet(chart, 'web', { ...WEB, replicas: 130, volumeClaimTemplates: ['a', 'b'].map((name) => ({ name, mountPath: `/${name}`, storage: '10Gi', storageClass: sc })) });
    });
    expect(out.result.warnings).toEqual([{ path: 'c/web', id: 'nks-cdk:volumesPerNodeLimit', message: expect.stringMatching(/^Up to 260 Cinder volumes can land on one node \(0 shared \+ 2 per pod × 130 pods\), but a node takes at most 256/) }]);
  });

  describe('bad input: a ValidationError at construction, nothing written', () => {
    test.each([
      ['ReadWriteMany claim template on Cinder', { volumeClaimTemplates: [{ name: 'www', mountPath: '/w', storage: '10Gi', accessModes: ['ReadWriteMany'] }] }, 'volumeClaimTemplates[0].accessModes[0]', 'ReadWriteMany'],
      ['an invalid quantity', { volumeClaimTemplates: [{ name: 'www', mountPath: '/w', storage: '10gb' }] }, 'volumeClaimTemplates[0].storage', '10gb'],
      ['a template name that is not a DNS label', { volumeClaimTemplates: [{ name: 'WWW', mountPath: '/w', storage: '1Gi' }] }, 'volumeClaimTemplates[0].name', 'WWW'],
      ['a relative mount path', { volumeClaimTemplates: [{ name: 'www', mountPath: 'www', storage: '1Gi' }] }, 'volumeClaimTemplates[0].mountPath', 'www'],
      ['the class zone differs from the node group', { placement: nodeGroup('kr-pub-b', 'workers-b') }, 'placement', 'workers-b'],
      ['no port for the headless Service', { ports: [] }, 'ports', []],
      ['several unnamed ports', { ports: [80, 443] }, 'ports', [80, 443]],
      ['a Service name starting with a digit', { serviceName: '1web' }, 'serviceName', '1web'],
      ['partition with OnDelete', { updateStrategy: 'OnDelete', partition: 1 }, 'partition', 1],
      ['an unknown pod management policy', { podManagementPolicy: 'Random' }, 'podManagementPolicy', 'Random'],
    ])('%s', (_what, props, field, value) => {
      const err = expectRejected((app) => {
        const chart = new Chart(app.k8s, 'c');
        const sc = new StorageClass(chart, 'sc', { availabilityZone: 'kr-pub-a' });
        const templates = [{ name: 'www', mountPath: '/w', storage: '10Gi', storageClass: sc }];
        const given = props as Partial<StatefulSetProps>;
        new StatefulSet(chart, 'web', { ...WEB, ...given, volumeClaimTemplates: (given.volumeClaimTemplates ?? templates).map((t) => ({ storageClass: sc, ...t })) });
      });
      expect(err).toMatchObject({ path: 'c/web', field, value });
    });

    test('a pod volume named like a claim template: a synth error', () => {
      const err = expectRejected((app) => {
        const chart = new Chart(app.k8s, 'c');
        const set = new StatefulSet(chart, 'web', { ...WEB, volumeClaimTemplates: [{ name: 'data', mountPath: '/data', storage: '1Gi' }] });
        set.mount('/other', EphemeralVolume.emptyDir(chart, 'data'));
      });
      expect(err).toMatchObject({ path: 'c/web', field: 'volumeClaimTemplates', value: 'data' });
    });
  });
});

describe('StatefulSet name length (the pods\' controller-revision-hash label)', () => {
  test('52 characters: written, pods named <name>-<ordinal>', () => {
    const name = `web-${'n'.repeat(48)}`;
    const { sts, set } = render({ name });
    expect(sts.metadata.name).toBe(name);
    expect(set.podDnsName(0)).toBe(`${name}-0.${name}`);
  });

  test('53 characters: a ValidationError at name', () => {
    const err = expectRejected((app) => new StatefulSet(new Chart(app.k8s, 'c'), 'web', { ...WEB, name: `web-${'n'.repeat(49)}` }));
    expect(err).toMatchObject({ path: 'c/web', field: 'name' });
    expect(err.fix).toMatch(/at most 52 characters, e\.g\. "web-n{48}"/);
  });
});

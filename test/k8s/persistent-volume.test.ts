import * as fs from 'fs';
import * as path from 'path';
import { Chart } from 'cdk8s';
import { BlockStorageVolume, BlockStorageVolumeInfo, InfraStack, PersistentVolume, PersistentVolumeProps, PersistentVolumeSource, PlatformApp, StorageClass } from '../../lib';
import { synth, tmpdir } from '../helpers';
import { expectRejected, VOLUME_ID } from './storage-fixtures';
import { synthChart, synthK8s, testChart } from './util';

function pvDoc(props: PersistentVolumeProps) {
  const chart = testChart();
  new PersistentVolume(chart, 'pv', props);
  return synthChart(chart)[0];
}

describe('PersistentVolume on a Cinder volume', () => {
  test('the guide pv-static.yaml on v1.19: in-tree cinder.volumeID and fsType, every field of the guide', () => {
    const chart = testChart();
    const sc = new StorageClass(chart, 'sc', { name: 'sc-default', kubernetesVersion: 'v1.19.13', availabilityZone: 'kr-pub-a' });
    new PersistentVolume(chart, 'pv', {
      name: 'pv-static-001',
      source: PersistentVolumeSource.fromCinderVolumeId(VOLUME_ID, { fsType: 'ext3' }),
      capacity: '10Gi',
      accessModes: ['ReadWriteOnce'],
      reclaimPolicy: 'Delete',
      storageClass: sc,
    });
    const pv = synthChart(chart)[1];
    expect(pv).toEqual({
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name: 'pv-static-001' },
      spec: {
        capacity: { storage: '10Gi' },
        volumeMode: 'Filesystem',
        accessModes: ['ReadWriteOnce'],
        persistentVolumeReclaimPolicy: 'Delete',
        storageClassName: 'sc-default',
        cinder: { fsType: 'ext3', volumeID: VOLUME_ID },
      },
    });
  });

  test('today (CSI): csi.driver and volumeHandle, the provisioned-by annotation, Retain by default', () => {
    const pv = pvDoc({ name: 'pv', source: PersistentVolumeSource.fromCinderVolumeId(VOLUME_ID, { sizeGb: 20 }) });
    expect(pv.metadata.annotations).toEqual({ 'pv.kubernetes.io/provisioned-by': 'cinder.csi.openstack.org' });
    expect(pv.spec).toEqual({
      capacity: { storage: '20Gi' },
      volumeMode: 'Filesystem',
      accessModes: ['ReadWriteOnce'],
      persistentVolumeReclaimPolicy: 'Retain',
      csi: { driver: 'cinder.csi.openstack.org', volumeHandle: VOLUME_ID },
    });
  });

  test('the StorageClass decides between CSI and in-tree; a conflicting kubernetesVersion is an error', () => {
    const chart = testChart();
    const old = new StorageClass(chart, 'sc', { kubernetesVersion: 'v1.19.13', availabilityZone: 'kr-pub-a' });
    const pv = new PersistentVolume(chart, 'pv', { source: PersistentVolumeSource.fromCinderVolumeId(VOLUME_ID), capacity: '10Gi', storageClass: old });
    expect(pv.csi).toBe(false);
    const err = expectRejected((app) => {
      const c = new Chart(app.k8s, 'c');
      const sc = new StorageClass(c, 'sc', { kubernetesVersion: 'v1.19.13', availabilityZone: 'kr-pub-a' });
      new PersistentVolume(c, 'pv', { source: PersistentVolumeSource.fromCinderVolumeId(VOLUME_ID), capacity: '10Gi', storageClass: sc, kubernetesVersion: 'v1.31.4' });
    });
    expect(err).toMatchObject({ path: 'c/pv', field: 'kubernetesVersion', value: 'v1.31.4' });
  });

  test('ReadWriteOncePod through CSI', () => {
    expect(pvDoc({ source: PersistentVolumeSource.fromCinderVolumeId(VOLUME_ID), capacity: '10Gi', accessModes: ['ReadWriteOncePod'] }).spec.accessModes).toEqual(['ReadWriteOncePod']);
  });

  test('Recycle is deprecated: a warning', () => {
    const out = synthK8s((app) => {
      new PersistentVolume(new Chart(app.k8s, 'c'), 'pv', { source: PersistentVolumeSource.fromNfs({ server: 'nfs.example.com', path: '/export' }), capacity: '5Gi', reclaimPolicy: 'Recycle' });
    });
    expect(out.find('PersistentVolume').spec.persistentVolumeReclaimPolicy).toBe('Recycle');
    expect(out.warnings).toEqual([expect.stringMatching(/"Recycle" is deprecated/)]);
  });

  describe('bad input: a ValidationError at construction, nothing written', () => {
    const cinder = (volumeId = VOLUME_ID, sizeGb?: number) => PersistentVolumeSource.fromCinderVolumeId(volumeId, { sizeGb });
    test.each([
      ['ReadWriteMany on Cinder', { source: cinder(), capacity: '10Gi', accessModes: ['ReadWriteMany'] }, 'accessModes[0]', 'ReadWriteMany', /Cinder volume of PersistentVolume .* support only ReadWriteOnce \(RWO\)/],
      ['a static PV without a volume ID', { source: PersistentVolumeSource.fromCinderVolumeId(undefined as never), capacity: '10Gi' }, 'source.volumeId', undefined, /a Cinder volume ID is a UUID/],
      ['a volume ID that is not a UUID', { source: cinder('vol-123'), capacity: '10Gi' }, 'source.volumeId', 'vol-123', /UUID/],
      ['no capacity and no size', { source: cinder() }, 'capacity', undefined, /needs a capacity/],
      ['capacity over the volume size', { source: cinder(VOLUME_ID, 10), capacity: '11Gi' }, 'capacity', '11Gi', /larger than the Cinder volume \(10Gi\)/],
      ['an invalid quantity', { source: cinder(), capacity: '10GB' }, 'capacity', '10GB', /Ki, Mi, Gi/],
      ['a zone that does not exist', { source: PersistentVolumeSource.fromCinderVolumeId(VOLUME_ID, { availabilityZone: 'kr-pub-z' }), capacity: '1Gi' }, 'source.availabilityZone', 'kr-pub-z', /no availability zone/],
      ['a size outside block storage limits', { source: cinder(VOLUME_ID, 5) }, 'source.sizeGb', 5, /10 GB to 2000 GB/],
      ['an unknown volume mode', { source: cinder(), capacity: '1Gi', volumeMode: 'Raw' }, 'volumeMode', 'Raw', /"Filesystem" or "Block"/],
      ['a relative NFS path', { source: PersistentVolumeSource.fromNfs({ server: '10.0.0.5', path: 'export' }), capacity: '1Gi' }, 'source.path', 'export', /absolute path/],
      ['an NFS server with a space', { source: PersistentVolumeSource.fromNfs({ server: 'my nfs', path: '/export' }), capacity: '1Gi' }, 'source.server', 'my nfs', /RFC 1123/],
      ['ReadWriteMany on hostPath', { source: PersistentVolumeSource.fromHostPath({ path: '/tmp/pv' }), capacity: '1Gi', accessModes: ['ReadWriteMany'] }, 'accessModes[0]', 'ReadWriteMany', /HostPath/],
      ['a local volume without node affinity', { source: PersistentVolumeSource.fromLocal({ path: '/mnt/disks/ssd1' }), capacity: '100Gi' }, 'source.nodeName', undefined, /needs node affinity/],
      ['an unknown hostPath type', { source: PersistentVolumeSource.fromHostPath({ path: '/tmp/pv', type: 'Dir' as never }), capacity: '1Gi' }, 'source.type', 'Dir', /hostPath type/],
    ])('%s', (_what, props, field, value, rule) => {
      const err = expectRejected((app) => new PersistentVolume(new Chart(app.k8s, 'c'), 'pv', props as PersistentVolumeProps));
      expect(err).toMatchObject({ path: 'c/pv', field, value });
      expect(err.rule).toMatch(rule);
    });
  });
});

describe('PersistentVolume from a BlockStorageVolume of the infrastructure layer', () => {
  function program(app: PlatformApp, volumeId?: string) {
    const infra = new InfraStack(app.infra, 'infra', { region: 'KR1' });
    const volume = new BlockStorageVolume(infra, 'data', { sizeGb: 20, availabilityZone: 'kr-pub-b' });
    const pv = new PersistentVolume(new Chart(app.k8s, 'web'), 'pv', { name: 'data', source: PersistentVolumeSource.fromBlockStorageVolume(volume, { volumeId }) });
    return { volume, pv };
  }

  test('zone and size come from the volume; a literal ID lands as the CSI volumeHandle', () => {
    let built: ReturnType<typeof program> | undefined;
    const out = synthK8s((app) => (built = program(app, VOLUME_ID)));
    expect(built!.pv).toMatchObject({ availabilityZone: 'kr-pub-b', plugin: 'Cinder', csi: true });
    expect(out.find('PersistentVolume', 'data').spec).toMatchObject({ capacity: { storage: '20Gi' }, csi: { volumeHandle: VOLUME_ID }, persistentVolumeReclaimPolicy: 'Retain' });
    expect(out.result.pendingObjects).toEqual([]);
  });

  test('without a literal ID the PV waits for the infrastructure outputs: left out of dist/ and named, never a token', () => {
    const out = synth((app) => program(app));
    expect(out.result.pendingObjects).toEqual([{ file: 'web.k8s.yaml', object: 'PersistentVolume data', waitsFor: ['infra.nks_data_id (id of infra/data)'] }]);
    expect(Object.values(out.manifestFiles).join('')).not.toMatch(/TfToken|undefined/);
    expect(out.tf.infra.output.nks_data_id.value).toMatch(/nhncloud_blockstorage_volume_v2\.[\w-]+\.id/);
  });

  test('with the outputs file (after cdktf deploy) the real ID lands in dist/', () => {
    const file = path.join(tmpdir(), 'outputs.json');
    fs.writeFileSync(file, JSON.stringify({ infra: { nks_data_id: VOLUME_ID } }));
    const out = synth((app) => program(app), { infraOutputs: file });
    expect(out.result.pendingObjects).toEqual([]);
    expect(out.manifestFiles['web.k8s.yaml']).toContain(`volumeHandle: ${VOLUME_ID}`);
  });

  test('reclaimPolicy Delete on a Terraform-managed volume: a warning', () => {
    const out = synth((app) => {
      const infra = new InfraStack(app.infra, 'infra');
      const volume = new BlockStorageVolume(infra, 'data', { sizeGb: 20, availabilityZone: 'kr-pub-a' });
      new PersistentVolume(new Chart(app.k8s, 'web'), 'pv', { source: PersistentVolumeSource.fromBlockStorageVolume(volume, { volumeId: VOLUME_ID }), reclaimPolicy: 'Delete' });
    });
    expect(out.result.warnings.map((w) => w.message)).toContainEqual(expect.stringMatching(/behind Terraform's back/));
  });

  test('a Terraform reference passed as volumeId is refused with the deploy-first fix', () => {
    const err = expectRejected((app) => {
      const infra = new InfraStack(app.infra, 'infra');
      const volume = new BlockStorageVolume(infra, 'data', { sizeGb: 20, availabilityZone: 'kr-pub-a' });
      new PersistentVolume(new Chart(app.k8s, 'web'), 'pv', { source: PersistentVolumeSource.fromBlockStorageVolume(volume, { volumeId: volume.volumeId }) });
    });
    expect(err).toMatchObject({ path: 'web/pv', field: 'source.volumeId', value: undefined });
    expect(err.rule).toMatch(/Terraform reference/);
    expect(err.fix).toMatch(/cdktf deploy.*cdktf output/);
  });

  test('a volume description with only a Terraform reference and no construct behind it is refused', () => {
    const info: BlockStorageVolumeInfo = { path: 'infra/data', name: 'data', volumeId: '${TfToken[TOKEN.1]}', availabilityZone: 'kr-pub-a', sizeGb: 10, volumeType: 'General HDD' };
    const err = expectRejected((app) => new PersistentVolume(new Chart(app.k8s, 'web'), 'pv', { source: PersistentVolumeSource.fromBlockStorageVolume(info) }));
    expect(err).toMatchObject({ path: 'web/pv', field: 'source.volumeId', value: undefined });
    expect(err.rule).toMatch(/ID of Cinder volume "data" \(infra\/data\) is a Terraform reference, known only after `terraform apply`/);
    expect(err.fix).toMatch(/deploy the infrastructure first.*cdktf output.*volumeId: '<uuid>'/);
  });

  test('a literal volume ID that differs from the volume\'s known ID is refused', () => {
    const info: BlockStorageVolumeInfo = { path: 'infra/data', name: 'data', volumeId: VOLUME_ID, availabilityZone: 'kr-pub-a', sizeGb: 10, volumeType: 'General HDD' };
    const other = '0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0';
    const err = expectRejected((app) => new PersistentVolume(new Chart(app.k8s, 'web'), 'pv', { source: PersistentVolumeSource.fromBlockStorageVolume(info, { volumeId: other }) }));
    expect(err).toMatchObject({ field: 'source.volumeId', value: other });
    expect(err.fix).toContain(VOLUME_ID);
  });
});

describe('NFS, hostPath and local PersistentVolumes', () => {
  test('the seed 001 NFS volume: ReadWriteMany by default, server and path', () => {
    const pv = pvDoc({ name: 'workspace-pv-example', source: PersistentVolumeSource.fromNfs({ server: '192.168.110.206', path: '/path/of/workspace' }), capacity: '10Gi' });
    expect(pv.spec).toEqual({
      capacity: { storage: '10Gi' },
      volumeMode: 'Filesystem',
      accessModes: ['ReadWriteMany'],
      persistentVolumeReclaimPolicy: 'Retain',
      nfs: { server: '192.168.110.206', path: '/path/of/workspace' },
    });
  });

  test('the seed 002 hostPath volume, with a single-node warning', () => {
    const out = synthK8s((app) => {
      new PersistentVolume(new Chart(app.k8s, 'c'), 'pv', {
        name: 'pv-hostpath',
        source: PersistentVolumeSource.fromHostPath({ path: '/tmp/k8s-pv', type: 'DirectoryOrCreate' }),
        capacity: '2Gi',
        storageClass: 'manual',
        reclaimPolicy: 'Delete',
        labels: { location: 'local' },
      });
    });
    const pv = out.find('PersistentVolume', 'pv-hostpath');
    expect(pv.metadata.labels).toEqual({ location: 'local' });
    expect(pv.spec).toMatchObject({ accessModes: ['ReadWriteOnce'], storageClassName: 'manual', persistentVolumeReclaimPolicy: 'Delete', hostPath: { path: '/tmp/k8s-pv', type: 'DirectoryOrCreate' } });
    expect(out.warnings).toEqual([expect.stringMatching(/single-node clusters and in tests/)]);
  });

  test('a local volume with its required node affinity (hostname and labels)', () => {
    const pv = pvDoc({ source: PersistentVolumeSource.fromLocal({ path: '/mnt/disks/ssd1', nodeName: 'node-1', nodeLabels: { disk: 'ssd' } }), capacity: '100Gi' });
    expect(pv.spec.local).toEqual({ path: '/mnt/disks/ssd1' });
    expect(pv.spec.nodeAffinity).toEqual({
      required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['node-1'] }, { key: 'disk', operator: 'In', values: ['ssd'] }] }] },
    });
  });
});

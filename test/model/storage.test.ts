import {
  ACCESS_MODES,
  accessModesOf,
  ALL_ZONES,
  ceilGibibytes,
  checkAbsolutePath,
  checkAccessModes,
  checkCinderProvisioner,
  checkKnownZone,
  checkReclaimPolicy,
  checkRelativePath,
  checkStorageClassVolumeType,
  checkStorageSize,
  checkZoneMatchesPlacement,
  cinderSizing,
  NodePlacement,
  parseKubernetesVersion,
  PER_NODE_VOLUME_LIMITS,
  VOLUME_PLUGIN_ACCESS_MODES,
  VolumePlugin,
  volumeLimitWarning,
  worstCaseVolumesPerNode,
} from '../../lib/model';
import { expectValidationError, W } from './expect-error';

const RWO = 'ReadWriteOnce';
const ROX = 'ReadOnlyMany';
const RWX = 'ReadWriteMany';

describe('access modes per volume plugin (seed 002 table, as data)', () => {
  // Seed 002's table row by row: plugin, ReadWriteOnce, ReadOnlyMany, ReadWriteMany.
  const SEED_002: [VolumePlugin, boolean, boolean, boolean][] = [
    ['AWSElasticBlockStore', true, false, false],
    ['AzureFile', true, true, true],
    ['AzureDisk', true, false, false],
    ['CephFS', true, true, true],
    ['Cinder', true, false, false],
    ['FC', true, true, false],
    ['FlexVolume', true, true, false],
    ['Flocker', true, false, false],
    ['GCEPersistentDisk', true, true, false],
    ['Glusterfs', true, true, true],
    ['HostPath', true, false, false],
    ['iSCSI', true, true, false],
    ['Quobyte', true, true, true],
    ['NFS', true, true, true],
    ['RBD', true, true, false],
    ['VsphereVolume', true, false, false],
    ['PortworxVolume', true, false, true],
    ['ScaleIO', true, true, false],
    ['StorageOS', true, false, false],
  ];

  test('every row of the seed table is in the data, plus Local', () => {
    expect(Object.keys(VOLUME_PLUGIN_ACCESS_MODES).sort()).toEqual([...SEED_002.map(([p]) => p), 'Local'].sort());
    expect(VOLUME_PLUGIN_ACCESS_MODES.Local.modes).toEqual([RWO]);
    expect(VOLUME_PLUGIN_ACCESS_MODES.VsphereVolume.note).toMatch(/collocated/);
  });

  test.each(SEED_002)('%s: RWO %s, ROX %s, RWX %s', (plugin, rwo, rox, rwx) => {
    const expected = [rwo && RWO, rox && ROX, rwx && RWX].filter(Boolean);
    expect(VOLUME_PLUGIN_ACCESS_MODES[plugin].modes).toEqual(expected);
    for (const mode of [RWO, ROX, RWX]) {
      if (expected.includes(mode)) expect(checkAccessModes(plugin, [mode], W)).toEqual([mode]);
      else {
        const err = expectValidationError(() => checkAccessModes(plugin, [mode], W), { field: 'prop[0]', value: mode });
        // The error names the plugin and the modes it has.
        expect(err.rule).toContain(plugin);
        for (const has of expected) expect(err.rule).toContain(String(has));
      }
    }
  });

  test('ReadWriteMany on Cinder: names Cinder, its only mode, and NFS as the way to share', () => {
    expectValidationError(() => checkAccessModes('Cinder', [RWO, RWX], W, { subject: 'Cinder volumes of StorageClass "sc-ssd"' }), {
      field: 'prop[1]',
      value: RWX,
      rule: /^Cinder volumes of StorageClass "sc-ssd" support only ReadWriteOnce \(RWO\); Cinder has no ReadWriteMany \(RWX\)/,
      fix: /NFS/,
    });
  });

  test('ReadWriteOncePod only through a CSI driver', () => {
    expect(accessModesOf('Cinder', true)).toEqual([RWO, 'ReadWriteOncePod']);
    expect(checkAccessModes('Cinder', ['ReadWriteOncePod'], W, { csi: true })).toEqual(['ReadWriteOncePod']);
    expectValidationError(() => checkAccessModes('Cinder', ['ReadWriteOncePod'], W), { field: 'prop[0]', rule: /in-tree Cinder plugin/, fix: /v1\.20 or later/ });
    expectValidationError(() => checkAccessModes('NFS', ['ReadWriteOncePod'], W), { field: 'prop[0]', fix: /CSI driver/ });
  });

  test.each([
    [[], 'prop', /at least one access mode/],
    [['ReadWriteOnce', 'ReadWriteOnce'], 'prop[1]', /listed once/],
    [['readwriteonce'], 'prop[0]', /only resembles "ReadWriteOnce"/],
    [['RWO'], 'prop[0]', /must be one of/],
  ])('%j is refused', (modes, field, rule) => {
    expectValidationError(() => checkAccessModes('NFS', modes as string[], W), { field, rule });
  });

  test('the four modes Kubernetes has', () => {
    expect([...ACCESS_MODES]).toEqual([RWO, ROX, RWX, 'ReadWriteOncePod']);
  });
});

describe('per-node volume limits (seed 002 table, as data)', () => {
  test.each([
    ['AWSElasticBlockStore', 39],
    ['GCEPersistentDisk', 16],
    ['AzureDisk', 16],
    ['Cinder', 256],
  ] as const)('%s: %i per node', (plugin, limit) => {
    expect(PER_NODE_VOLUME_LIMITS[plugin]?.maxVolumesPerNode).toBe(limit);
    expect(PER_NODE_VOLUME_LIMITS[plugin]?.source).toBeTruthy();
  });

  test('only those four plugins have a limit', () => {
    expect(Object.keys(PER_NODE_VOLUME_LIMITS).sort()).toEqual(['AWSElasticBlockStore', 'AzureDisk', 'Cinder', 'GCEPersistentDisk']);
    expect(volumeLimitWarning('NFS', { shared: 1000, perPod: 0, pods: 1 })).toBeUndefined();
  });

  test.each([
    [{ shared: 1, perPod: 0, pods: 50 }, 1],
    [{ shared: 0, perPod: 2, pods: 3 }, 6],
    [{ shared: 2, perPod: 1, pods: 4 }, 6],
  ])('worst case of %j on one node: %i', (v, n) => {
    expect(worstCaseVolumesPerNode(v)).toBe(n);
  });

  test.each([
    ['Cinder', { shared: 0, perPod: 2, pods: 128 }, undefined],
    ['Cinder', { shared: 1, perPod: 2, pods: 128 }, /up to 257 Cinder volumes.*at most 256/],
    ['AzureDisk', { shared: 0, perPod: 1, pods: 17 }, /up to 17 AzureDisk volumes.*at most 16/],
    ['AWSElasticBlockStore', { shared: 0, perPod: 1, pods: 39 }, undefined],
  ] as const)('%s with %j', (plugin, v, expected) => {
    const message = volumeLimitWarning(plugin, v);
    if (expected === undefined) expect(message).toBeUndefined();
    else expect(message).toMatch(expected);
  });
});

describe('storage sizes (any Kubernetes quantity)', () => {
  test.each(['10Gi', '1.5Gi', '500M', '2Ti', '1e9', '512Mi', '0.5Ti', '100k'])('%s is accepted as written', (q) => {
    expect(checkStorageSize(q, W).quantity).toBe(q);
  });

  test.each([
    ['10GB', /"10Gi".*"10G"|"10Gi"/],
    ['10 gi', /"10Gi"/],
    ['ten', /"10Gi"/],
    ['10Gib', /"10Gi"/],
    ['', /"10Gi"/],
  ])('%j is not a quantity', (q, fix) => {
    expectValidationError(() => checkStorageSize(q, W), { value: q, rule: /Ki, Mi, Gi/, fix });
  });

  test('a bare number would mean bytes', () => {
    expectValidationError(() => checkStorageSize(10 as unknown as string, W), { value: 10, rule: /bytes/, fix: '"10Gi"' });
  });

  test.each(['0', '0Gi', '-1Gi'])('%s is not a size', (q) => {
    expectValidationError(() => checkStorageSize(q, W), { value: q, rule: /greater than zero/ });
  });

  test.each([
    ['10Gi', 10],
    ['1.5Gi', 2],
    ['1Gi', 1],
    ['1', 1],
    ['10G', 10],
    ['11G', 11],
    ['1025Mi', 2],
  ])('Cinder allocates %s as %i GiB', (q, gib) => {
    expect(ceilGibibytes(checkStorageSize(q, W).value)).toBe(gib);
  });

  test('Cinder sizing: warns on fractional or under 10 GiB, refuses over 2000 GiB', () => {
    expect(cinderSizing(checkStorageSize('10Gi', W), W).warning).toBeUndefined();
    expect(cinderSizing(checkStorageSize('100Gi', W), W).gibibytes).toBe(100);
    expect(cinderSizing(checkStorageSize('1.5Gi', W), W).warning).toMatch(/2 GiB volume.*start at 10 GB/);
    expect(cinderSizing(checkStorageSize('10G', W), W).warning).toMatch(/claim of 10G gets a 10 GiB volume/);
    expectValidationError(() => cinderSizing(checkStorageSize('2001Gi', W), W), { value: '2001Gi', rule: /at most 2000 GB/, fix: /"2000Gi"/ });
  });
});

describe('Cinder provisioner by Kubernetes version', () => {
  const v = (tag: string) => parseKubernetesVersion(tag, W);

  test.each([
    ['v1.15.7', 'kubernetes.io/cinder'],
    ['v1.19.13', 'kubernetes.io/cinder'],
    ['v1.20.12', 'cinder.csi.openstack.org'],
    ['v1.33.4', 'cinder.csi.openstack.org'],
  ])('%s → %s', (tag, provisioner) => {
    expect(checkCinderProvisioner(undefined, v(tag), W)).toBe(provisioner);
    expect(checkCinderProvisioner(provisioner, v(tag), W)).toBe(provisioner);
  });

  test('the in-tree plugin on a CSI-era version is an error naming the version', () => {
    expectValidationError(() => checkCinderProvisioner('kubernetes.io/cinder', v('v1.31.4'), W), { value: 'kubernetes.io/cinder', rule: /v1\.31\.4 has no in-tree Cinder plugin/, fix: /omit provisioner/ });
  });

  test('the CSI driver on v1.19 is an error', () => {
    expectValidationError(() => checkCinderProvisioner('cinder.csi.openstack.org', v('v1.19.13'), W), { rule: /from v1\.20/ });
  });

  test('another provisioner is not an NKS Cinder one', () => {
    expectValidationError(() => checkCinderProvisioner('ebs.csi.aws.com', v('v1.31.4'), W), { rule: /provisioned by "kubernetes.io\/cinder" or "cinder.csi.openstack.org"/ });
  });
});

describe('reclaim policies, StorageClass volume types, zones, paths', () => {
  test('Recycle only on PersistentVolumes', () => {
    expect(checkReclaimPolicy('Recycle', W, true)).toBe('Recycle');
    expectValidationError(() => checkReclaimPolicy('Recycle', W, false), { rule: /StorageClass reclaims with "Delete" or "Retain"/, fix: /Retain/ });
    expectValidationError(() => checkReclaimPolicy('delete', W, true), { rule: /only resembles "Delete"/ });
  });

  test('a StorageClass takes General HDD or General SSD', () => {
    expect(checkStorageClassVolumeType('General SSD', W)).toBe('General SSD');
    expectValidationError(() => checkStorageClassVolumeType('Encrypted SSD', W), { rule: /"General HDD" or "General SSD"/ });
  });

  test('zones: every NHN zone is known, a typo or unknown zone is not', () => {
    expect([...ALL_ZONES]).toEqual(['kr-pub-a', 'kr-pub-b', 'kr2-pub-a', 'kr2-pub-b', 'kr3-pub-a', 'kr3-pub-b']);
    expect(checkKnownZone('kr2-pub-b', W)).toBe('kr2-pub-b');
    expectValidationError(() => checkKnownZone('kr-pub-c', W), { value: 'kr-pub-c', rule: /no availability zone "kr-pub-c"/ });
    expectValidationError(() => checkKnownZone('KR-PUB-A', W), { fix: /"kr-pub-a"/ });
    expectValidationError(() => checkKnownZone('kr2-pub-a', W, 'KR1'), { rule: /of KR2/ });
  });

  test('a volume zone against the node group the workload runs on', () => {
    const group: NodePlacement = { path: 'infra/cluster/workers-b', name: 'workers-b', availabilityZone: 'kr-pub-b', nodeLabels: {}, nodeSelector: {}, maxNodes: 2 };
    expect(() => checkZoneMatchesPlacement('kr-pub-b', 'StorageClass "sc"', group, W)).not.toThrow();
    expectValidationError(() => checkZoneMatchesPlacement('kr-pub-a', 'StorageClass "sc"', group, W), {
      value: 'workers-b',
      rule: /StorageClass "sc" puts the volume in kr-pub-a, but node group "workers-b" \(infra\/cluster\/workers-b\) is in kr-pub-b/,
      fix: /kr-pub-b/,
    });
  });

  test.each(['/mnt/data', '/'])('absolute path %s', (p) => expect(checkAbsolutePath(p, W, 'a path')).toBe(p));
  test.each(['mnt', '/a/../b', ''])('not absolute: %j', (p) => {
    expectValidationError(() => checkAbsolutePath(p, W, 'a path'), { rule: /absolute path/ });
  });
  test.each(['conf/app.yaml', 'a'])('relative path %s', (p) => expect(checkRelativePath(p, W, 'a path')).toBe(p));
  test.each(['/etc', '../x', 'a/../../b', ''])('not inside the volume: %j', (p) => {
    expectValidationError(() => checkRelativePath(p, W, 'a path'), { rule: /relative path/ });
  });
});

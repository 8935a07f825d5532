import { Chart } from 'cdk8s';
import { StorageClass } from '../../lib';
import { expectRejected } from './storage-fixtures';
import { synthChart, synthK8s, testChart } from './util';

describe('StorageClass', () => {
  test('the guide sc-ssd on today\'s NKS: CSI provisioner, type and availability parameters, nothing else', () => {
    const out = synthK8s((app) => {
      new StorageClass(new Chart(app.k8s, 'sc'), 'sc-ssd', { name: 'sc-ssd', volumeType: 'General SSD', availabilityZone: 'kr-pub-a' });
    });
    expect(out.find('StorageClass', 'sc-ssd')).toEqual({
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name: 'sc-ssd' },
      provisioner: 'cinder.csi.openstack.org',
      parameters: { type: 'General SSD', availability: 'kr-pub-a' },
    });
    expect(out.warnings).toEqual([]);
  });

  test.each([
    ['v1.19.13', 'kubernetes.io/cinder', false],
    ['v1.20.12', 'cinder.csi.openstack.org', true],
    ['v1.31.4', 'cinder.csi.openstack.org', true],
  ])('Kubernetes %s → provisioner %s', (version, provisioner, csi) => {
    const chart = testChart();
    const sc = new StorageClass(chart, 'sc', { kubernetesVersion: version, availabilityZone: 'kr-pub-a' });
    expect(sc).toMatchObject({ provisioner, csi });
    expect(synthChart(chart)[0].provisioner).toBe(provisioner);
  });

  test('takes the cluster\'s parsed version as well', () => {
    const sc = new StorageClass(testChart(), 'sc', { kubernetesVersion: { major: 1, minor: 19, patch: 13, tag: 'v1.19.13' }, availabilityZone: 'kr-pub-a' });
    expect(sc.provisioner).toBe('kubernetes.io/cinder');
  });

  test('every option lands: reclaim policy, binding mode, expansion, default-class annotation, mount options, labels', () => {
    const chart = testChart();
    new StorageClass(chart, 'sc', {
      name: 'fast',
      volumeType: 'General HDD',
      availabilityZone: 'kr-pub-b',
      reclaimPolicy: 'Retain',
      volumeBindingMode: 'WaitForFirstConsumer',
      allowVolumeExpansion: true,
      isDefault: true,
      mountOptions: ['discard'],
      labels: { tier: 'fast' },
    });
    const [sc] = synthChart(chart);
    expect(sc).toMatchObject({
      metadata: { name: 'fast', labels: { tier: 'fast' }, annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
      parameters: { type: 'General HDD', availability: 'kr-pub-b' },
      reclaimPolicy: 'Retain',
      volumeBindingMode: 'WaitForFirstConsumer',
      allowVolumeExpansion: true,
      mountOptions: ['discard'],
    });
  });

  test('isDefault: false writes "false" (handing the default to another class)', () => {
    const chart = testChart();
    new StorageClass(chart, 'sc', { availabilityZone: 'kr-pub-a', isDefault: false });
    expect(synthChart(chart)[0].metadata.annotations).toEqual({ 'storageclass.kubernetes.io/is-default-class': 'false' });
  });

  test('effective defaults are exposed: Delete, Immediate, no expansion', () => {
    const sc = new StorageClass(testChart(), 'sc', { availabilityZone: 'kr-pub-a' });
    expect(sc).toMatchObject({ reclaimPolicy: 'Delete', volumeBindingMode: 'Immediate', allowVolumeExpansion: false });
  });

  test('no zone with Immediate binding: a warning (volumes land in a random zone)', () => {
    const out = synthK8s((app) => new StorageClass(new Chart(app.k8s, 'sc'), 'sc', { name: 'sc-default' }));
    expect(out.warnings).toEqual([expect.stringMatching(/no availabilityZone: NKS creates its volumes in a random zone/)]);
  });

  test('no zone with WaitForFirstConsumer: no warning (the volume follows the first pod)', () => {
    const out = synthK8s((app) => new StorageClass(new Chart(app.k8s, 'sc'), 'sc', { volumeBindingMode: 'WaitForFirstConsumer' }));
    expect(out.warnings).toEqual([]);
  });

  describe('several default StorageClasses: a warning (the newest wins since Kubernetes 1.26)', () => {
    const Z = { availabilityZone: 'kr-pub-a' } as const;

    test('two defaults: the later one warns, naming the other; both are written as asked', () => {
      const out = synthK8s((app) => {
        const chart = new Chart(app.k8s, 'sc');
        new StorageClass(chart, 'hdd', { name: 'sc-hdd', isDefault: true, ...Z });
        new StorageClass(chart, 'ssd', { name: 'sc-ssd', isDefault: true, volumeType: 'General SSD', ...Z });
      });
      expect(out.warnings).toEqual([
        expect.stringMatching(/^StorageClass "sc-ssd" and StorageClass "sc-hdd" \(sc\/hdd\) are both marked default; a claim without a storageClass gets the one created last .*apply order\. Mark one StorageClass isDefault: true/),
      ]);
      expect(out.result.warnings.map((w) => w.path)).toEqual(['sc/ssd']);
      for (const name of ['sc-hdd', 'sc-ssd']) expect(out.find('StorageClass', name).metadata.annotations).toEqual({ 'storageclass.kubernetes.io/is-default-class': 'true' });
    });

    test('three defaults in two charts: one warning per later class', () => {
      const out = synthK8s((app) => {
        new StorageClass(new Chart(app.k8s, 'a'), 'sc', { name: 'one', isDefault: true, ...Z });
        const b = new Chart(app.k8s, 'b');
        new StorageClass(b, 'sc2', { name: 'two', isDefault: true, ...Z });
        new StorageClass(b, 'sc3', { name: 'three', isDefault: true, ...Z });
      });
      expect(out.result.warnings.map((w) => w.path)).toEqual(['b/sc2', 'b/sc3']);
      expect(out.warnings.every((w) => w.includes('and StorageClass "one" (a/sc)'))).toBe(true);
    });

    test('on a cluster older than 1.26 the warning says claims without a class are refused', () => {
      const out = synthK8s((app) => {
        const chart = new Chart(app.k8s, 'sc');
        new StorageClass(chart, 'a', { name: 'a', isDefault: true, kubernetesVersion: 'v1.25.4', ...Z });
        new StorageClass(chart, 'b', { name: 'b', isDefault: true, kubernetesVersion: 'v1.25.4', ...Z });
      });
      expect(out.warnings).toEqual([expect.stringContaining('on Kubernetes v1.25.4 (older than 1.26) the API server refuses every claim without a storageClass')]);
    });

    test('one default and one isDefault: false: no warning', () => {
      const out = synthK8s((app) => {
        const chart = new Chart(app.k8s, 'sc');
        new StorageClass(chart, 'a', { name: 'a', isDefault: true, ...Z });
        new StorageClass(chart, 'b', { name: 'b', isDefault: false, ...Z });
        new StorageClass(chart, 'c', { name: 'c', ...Z });
      });
      expect(out.warnings).toEqual([]);
    });
  });

  describe('bad input: a ValidationError at construction, nothing written', () => {
    test.each([
      [{ kubernetesVersion: 'v1.31.4', provisioner: 'kubernetes.io/cinder' }, 'provisioner', 'kubernetes.io/cinder', /no in-tree Cinder plugin/],
      [{ kubernetesVersion: 'v1.19.13', provisioner: 'cinder.csi.openstack.org' }, 'provisioner', 'cinder.csi.openstack.org', /from v1\.20/],
      [{ availabilityZone: 'kr-pub-c' }, 'availabilityZone', 'kr-pub-c', /no availability zone "kr-pub-c"/],
      [{ availabilityZone: 'kr2-pub-a', region: 'KR1' }, 'availabilityZone', 'kr2-pub-a', /of KR2/],
      [{ volumeType: 'Encrypted HDD' }, 'volumeType', 'Encrypted HDD', /"General HDD" or "General SSD"/],
      [{ reclaimPolicy: 'Recycle' }, 'reclaimPolicy', 'Recycle', /"Delete" or "Retain"/],
      [{ kubernetesVersion: 'v1.19.13', volumeBindingMode: 'WaitForFirstConsumer' }, 'volumeBindingMode', 'WaitForFirstConsumer', /needs the Cinder CSI driver/],
      [{ volumeBindingMode: 'Later' }, 'volumeBindingMode', 'Later', /must be one of "Immediate" or "WaitForFirstConsumer"/],
      [{ kubernetesVersion: '1.31' }, 'kubernetesVersion', '1.31', /v\{major\}\.\{minor\}\.\{patch\}/],
      [{ name: 'SC_SSD' }, 'name', 'SC_SSD', /RFC 1123 subdomain/],
    ])('%j', (props, field, value, rule) => {
      const err = expectRejected((app) => new StorageClass(new Chart(app.k8s, 'sc'), 'sc', props as never));
      expect(err).toMatchObject({ path: 'sc/sc', field, value });
      expect(err.rule).toMatch(rule);
      expect(err.fix.length).toBeGreaterThan(3);
    });
  });
});

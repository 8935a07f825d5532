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

import * as fs from 'fs';
import * as path from 'path';
import { build as buildEmptyDir } from '../../examples/emptydir-memory/main';
import { build as buildEphemeral } from '../../examples/ephemeral-volumes/main';
import { build as buildStatefulSet } from '../../examples/statefulset/main';
import { build as buildDynamic } from '../../examples/storage-dynamic/main';
import { build as buildHostPath } from '../../examples/storage-hostpath/main';
import { build as buildNfs } from '../../examples/storage-nfs/main';
import { build as buildStatic, GUIDE_VOLUME_ID } from '../../examples/storage-static/main';
import { build as buildStaticCsi } from '../../examples/storage-static-csi/main';
import { onlyResource, synth, tmpdir } from '../helpers';
import { podSpecOf, synthK8s } from './util';

describe('examples/storage-static (guide 000 정적 프로비저닝, v1.19)', () => {
  const out = synthK8s((app) => buildStatic(app));

  test('storage_class.yaml: sc-default with the in-tree provisioner', () => {
    expect(out.find('StorageClass', 'sc-default')).toEqual({ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'sc-default' }, provisioner: 'kubernetes.io/cinder' });
  });

  test('pv-static.yaml: 10Gi, Filesystem, RWO, Delete, sc-default, cinder fsType ext3 and volumeID', () => {
    expect(out.find('PersistentVolume', 'pv-static-001').spec).toEqual({
      capacity: { storage: '10Gi' },
      volumeMode: 'Filesystem',
      accessModes: ['ReadWriteOnce'],
      persistentVolumeReclaimPolicy: 'Delete',
      storageClassName: 'sc-default',
      cinder: { fsType: 'ext3', volumeID: GUIDE_VOLUME_ID },
    });
  });

  test('pvc-static.yaml: default namespace, volumeName pv-static-001, RWO, 10Gi, sc-default', () => {
    const pvc = out.find('PersistentVolumeClaim', 'pvc-static');
    expect(pvc.metadata).toEqual({ name: 'pvc-static', namespace: 'default' });
    expect(pvc.spec).toMatchObject({ volumeName: 'pv-static-001', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } }, storageClassName: 'sc-default' });
  });

  test('pod-pvc.yaml: container web on port 80 (hostPort 8082) mounting html-volume from pvc-static', () => {
    const pod = out.find('Pod', 'nginx-with-static-pv');
    expect(pod.spec.containers[0]).toMatchObject({
      name: 'web',
      image: 'nginx',
      ports: [{ name: 'web', containerPort: 80, hostPort: 8082, protocol: 'TCP' }],
      volumeMounts: [{ name: 'html-volume', mountPath: '/usr/share/nginx/html' }],
    });
    expect(pod.spec.volumes).toEqual([{ name: 'html-volume', persistentVolumeClaim: { claimName: 'pvc-static' } }]);
  });

  test('the guide\'s zone-less class warns', () => {
    expect(out.warnings).toEqual([expect.stringMatching(/no availabilityZone/)]);
  });
});

describe('examples/storage-static-csi (the same on today\'s NKS, volume from Terraform)', () => {
  test('Terraform creates the 10 GB volume in kr-pub-a and outputs its ID for the manifests', () => {
    const out = synth((app) => buildStaticCsi(app));
    const tf = out.tf['storage-infra'];
    // NHN Cloud (the default target in KR1).
    expect(onlyResource(tf, 'nhncloud_blockstorage_volume_v2')).toMatchObject({ name: 'pv-static-001', size: 10, availability_zone: 'kr-pub-a', volume_type: 'General HDD' });
    expect(tf.output.nks_pv_static_001_id.value).toMatch(/nhncloud_blockstorage_volume_v2\.[\w-]+\.id/);
    // Until the outputs exist, the PV waits; its claim and the Deployment are written.
    expect(out.result.pendingObjects.map((p) => p.object)).toEqual(['PersistentVolume pv-static-001']);
    expect(out.manifestFiles['storage-static-csi.k8s.yaml']).toMatch(/kind: PersistentVolumeClaim[\s\S]*kind: Deployment/);
  });

  test('after deploy: the CSI PersistentVolume with the real volume ID, zone-checked against the nodes', () => {
    const file = path.join(tmpdir(), 'outputs.json');
    const id = '0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0';
    fs.writeFileSync(file, JSON.stringify({ 'storage-infra': { nks_pv_static_001_id: id } }));
    const out = synthK8s((app) => buildStaticCsi(app), { infraOutputs: file });
    const pv = out.find('PersistentVolume', 'pv-static-001');
    expect(pv.metadata.annotations).toEqual({ 'pv.kubernetes.io/provisioned-by': 'cinder.csi.openstack.org' });
    expect(pv.spec).toMatchObject({ capacity: { storage: '10Gi' }, persistentVolumeReclaimPolicy: 'Retain', storageClassName: 'sc-default', csi: { driver: 'cinder.csi.openstack.org', volumeHandle: id, fsType: 'ext4' } });
    const deployment = out.find('Deployment', 'nginx-with-static-pv');
    expect(deployment.spec).toMatchObject({ replicas: 1, strategy: { type: 'Recreate' } });
    expect(podSpecOf(deployment)).toMatchObject({ nodeSelector: { 'node.nks-cdk.io/group': 'default-worker' }, volumes: [{ name: 'pvc-static', persistentVolumeClaim: { claimName: 'pvc-static' } }] });
  });
});

describe('examples/storage-dynamic (guide 000 동적 프로비저닝)', () => {
  const out = synthK8s((app) => buildDynamic(app));

  test('sc-ssd: General SSD in kr-pub-a, CSI on today\'s versions, expandable', () => {
    expect(out.find('StorageClass', 'sc-ssd')).toMatchObject({ provisioner: 'cinder.csi.openstack.org', parameters: { type: 'General SSD', availability: 'kr-pub-a' }, allowVolumeExpansion: true });
  });

  test('pvc-dynamic: 10Gi RWO of sc-ssd, no volumeName; the pod mounts it', () => {
    const pvc = out.find('PersistentVolumeClaim', 'pvc-dynamic');
    expect(pvc.spec).toEqual({ accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } }, storageClassName: 'sc-ssd', volumeMode: 'Filesystem' });
    expect(podSpecOf(out.find('Deployment')).volumes).toEqual([{ name: 'pvc-dynamic', persistentVolumeClaim: { claimName: 'pvc-dynamic' } }]);
    expect(out.warnings).toEqual([]);
  });
});

describe('examples/storage-nfs (guide 001)', () => {
  const out = synthK8s((app) => buildNfs(app));

  test('pv_example.yaml and pvc_example.yaml: NFS, ReadWriteMany, 10Gi, bound by volumeName', () => {
    expect(out.find('PersistentVolume', 'workspace-pv-example').spec).toMatchObject({ capacity: { storage: '10Gi' }, accessModes: ['ReadWriteMany'], nfs: { path: '/path/of/workspace', server: '192.168.110.206' } });
    expect(out.find('PersistentVolumeClaim', 'workspace-pvc-example').spec).toMatchObject({ volumeName: 'workspace-pv-example', accessModes: ['ReadWriteMany'], resources: { requests: { storage: '10Gi' } }, storageClassName: '' });
  });

  test('three replicas share the ReadWriteMany claim without a warning', () => {
    expect(out.find('Deployment', 'workspace-web').spec.replicas).toBe(3);
    expect(out.warnings).toEqual([]);
  });
});

describe('examples/storage-hostpath (guide 002)', () => {
  const out = synthK8s((app) => buildHostPath(app));

  test('pv-hostpath and pvc-hostpath: class manual, 2Gi volume, 1Gi claim bound by class and size', () => {
    expect(out.find('PersistentVolume', 'pv-hostpath').spec).toEqual({
      capacity: { storage: '2Gi' },
      volumeMode: 'Filesystem',
      accessModes: ['ReadWriteOnce'],
      storageClassName: 'manual',
      persistentVolumeReclaimPolicy: 'Delete',
      hostPath: { path: '/tmp/k8s-pv' },
    });
    expect(out.find('PersistentVolumeClaim', 'pvc-hostpath').spec).toEqual({ accessModes: ['ReadWriteOnce'], volumeMode: 'Filesystem', resources: { requests: { storage: '1Gi' } }, storageClassName: 'manual' });
  });

  test('the labelled pair: the claim selects location: local', () => {
    expect(out.find('PersistentVolume', 'pv-hostpath-label').metadata.labels).toEqual({ location: 'local' });
    expect(out.find('PersistentVolumeClaim', 'pvc-hostpath-label').spec).toMatchObject({ storageClassName: 'manual', selector: { matchLabels: { location: 'local' } }, resources: { requests: { storage: '1Gi' } } });
  });

  test('deployment-pvc.yaml: myvolume from pvc-hostpath at /tmp, image pulled Always', () => {
    const spec = podSpecOf(out.find('Deployment', 'kubernetes-simple-app'));
    expect(spec.containers[0]).toMatchObject({ image: 'arisu1000/simple-container-app:latest', imagePullPolicy: 'Always', ports: [{ containerPort: 8080 }], volumeMounts: [{ name: 'myvolume', mountPath: '/tmp' }] });
    expect(spec.volumes).toEqual([{ name: 'myvolume', persistentVolumeClaim: { claimName: 'pvc-hostpath' } }]);
  });

  test('hostPath warns: single node only', () => {
    expect(out.warnings).toHaveLength(2);
    for (const w of out.warnings) expect(w).toMatch(/single-node clusters and in tests/);
  });
});

describe('examples/statefulset (guide 004)', () => {
  const out = synthK8s((app) => buildStatefulSet(app));

  test('three ordered pods with a 10Gi General SSD claim each, and the headless Service web', () => {
    const sts = out.find('StatefulSet', 'web');
    expect(sts.spec).toMatchObject({ replicas: 3, serviceName: 'web', podManagementPolicy: 'OrderedReady', updateStrategy: { type: 'RollingUpdate' } });
    expect(sts.spec.volumeClaimTemplates).toEqual([{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } }, storageClassName: 'sc-ssd', volumeMode: 'Filesystem' } }]);
    expect(sts.spec.template.spec.containers[0].volumeMounts).toEqual([{ name: 'www', mountPath: '/usr/share/nginx/html' }]);
    expect(out.find('Service', 'web').spec).toMatchObject({ clusterIP: 'None', ports: [{ name: 'web', port: 80 }] });
    expect(out.find('StorageClass', 'sc-ssd')).toMatchObject({ reclaimPolicy: 'Retain', volumeBindingMode: 'WaitForFirstConsumer', parameters: { type: 'General SSD' } });
  });
});

describe('examples/emptydir-memory (guides 003/004)', () => {
  test('a 64Mi in-memory emptyDir shared by nginx and its writer', () => {
    const out = synthK8s((app) => buildEmptyDir(app));
    const spec = podSpecOf(out.find('Deployment', 'cache'));
    expect(spec.volumes).toEqual([{ name: 'html', emptyDir: { medium: 'Memory', sizeLimit: '64Mi' } }]);
    expect(spec.containers.map((c: { name: string; volumeMounts: unknown }) => [c.name, c.volumeMounts])).toEqual([
      ['nginx', [{ name: 'html', mountPath: '/usr/share/nginx/html' }]],
      ['writer', [{ name: 'html', mountPath: '/html' }]],
    ]);
    expect(out.warnings).toEqual([]);
  });
});

describe('examples/ephemeral-volumes (guide 003, and gitRepo\'s replacement)', () => {
  const out = synthK8s((app) => buildEphemeral(app));

  test('my-app: the generic ephemeral volume of the guide, mounted at /scratch', () => {
    const pod = out.find('Pod', 'my-app');
    expect(pod.spec.containers[0]).toMatchObject({ name: 'my-frontend', image: 'busybox:1.28', command: ['sleep', '1000000'], volumeMounts: [{ name: 'scratch-volume', mountPath: '/scratch' }] });
    expect(pod.spec.volumes[0].ephemeral.volumeClaimTemplate).toEqual({
      metadata: { labels: { type: 'my-frontend-volume' } },
      spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'scratch-storage-class', resources: { requests: { storage: '10Gi' } }, volumeMode: 'Filesystem' },
    });
  });

  test('site: a git clone init container fills the emptyDir nginx serves; config from a ConfigMap volume', () => {
    const spec = podSpecOf(out.find('Deployment', 'site'));
    expect(spec.initContainers[0].command[2]).toBe("git clone --no-checkout -- 'https://github.com/kubernetes/website.git' '/git' && git -C '/git' checkout 'main'");
    expect(spec.volumes).toEqual([{ name: 'content', emptyDir: {} }, { name: 'config', configMap: { name: 'site-config', defaultMode: 0o444 } }]);
  });
});

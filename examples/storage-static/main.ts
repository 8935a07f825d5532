// Guide 000, "퍼시스턴트 볼륨 > 정적 프로비저닝" and "파드에 PVC 마운트": a PersistentVolume on a Cinder volume
// made in the console, the claim that binds it by name, and a pod that mounts the claim.
//   dist/storage-static.k8s.yaml  the guide's storage_class.yaml, pv-static.yaml, pvc-static.yaml and
//                                 pod-pvc.yaml, as the guide wrote them for Kubernetes v1.19 (in-tree
//                                 `kubernetes.io/cinder`, `cinder.volumeID`)
// Today's NKS (v1.20+, Cinder CSI driver, volume made by Terraform): examples/storage-static-csi.
// Run: npm run build && node build/examples/storage-static/main.js, then kubectl apply -f dist/storage-static.k8s.yaml
import * as kplus from 'cdk8s-plus-28';
import { Chart } from 'cdk8s';
import { PersistentVolume, PersistentVolumeSource, PlatformApp, Policies, StorageClass } from 'nks-cdk';

/** The Kubernetes version the guide was written for (the last one with the in-tree Cinder plugin). */
export const GUIDE_KUBERNETES_VERSION = 'v1.19.13';
/** The guide's block storage ID; use yours (console: Storage > Block Storage > 정보 tab). */
export const GUIDE_VOLUME_ID = 'e6f95191-d58b-40c3-a191-9984ce7532e5';

export function build(app: PlatformApp) {
  // The guide, for its v1.19 cluster: the volume was made in the console (10 GB, same zone as the nodes).
  const guide = new Chart(app.k8s, 'storage-static');
  const scDefault = new StorageClass(guide, 'sc-default', { name: 'sc-default', kubernetesVersion: GUIDE_KUBERNETES_VERSION });
  const pv = new PersistentVolume(guide, 'pv-static', {
    name: 'pv-static-001',
    source: PersistentVolumeSource.fromCinderVolumeId(GUIDE_VOLUME_ID, { fsType: 'ext3', sizeGb: 10, availabilityZone: 'kr-pub-a' }),
    capacity: '10Gi',
    accessModes: ['ReadWriteOnce'],
    reclaimPolicy: 'Delete',
    storageClass: scDefault,
  });
  const claim = pv.addClaim('pvc-static', { name: 'pvc-static', namespace: 'default' });
  // pod-pvc.yaml: a plain cdk8s-plus Pod; the claim mounts as the volume "html-volume".
  const pod = new kplus.Pod(guide, 'nginx-with-static-pv', {
    metadata: { name: 'nginx-with-static-pv' },
    containers: [
      {
        name: 'web',
        image: 'nginx',
        ports: [{ name: 'web', number: 80, hostPort: 8082, protocol: kplus.Protocol.TCP }],
        // nginx starts as root and writes its cache: as in the guide, no cdk8s-plus hardening or default limits.
        securityContext: { ensureNonRoot: false, readOnlyRootFilesystem: false },
        resources: {},
      },
    ],
    securityContext: { ensureNonRoot: false },
  });
  pod.containers[0].mount('/usr/share/nginx/html', claim.toVolume({ name: 'html-volume' }));
  // The guide pulls "nginx" untagged, which policy rule NKS-IMG-1 rejects unless a reason is written down.
  Policies.of(app).suppress(pod, 'NKS-IMG-1', 'seed 000 pod-pvc.yaml as written, to check the mount with df -h; pin a tag (nginx:1.27) for real use');

  return { guide, scDefault, pv, claim, pod };
}

if (require.main === module) {
  const app = new PlatformApp();
  build(app);
  app.synth();
}

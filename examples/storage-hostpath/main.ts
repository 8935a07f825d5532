// Guide 002, "퍼시스턴트볼륨 템플릿" through "포드에서 PVC를 볼륨으로 사용하기": hostPath volumes of class
// "manual", one claim bound by class and size, one by labels, and the Deployment that logs into the volume.
//   dist/storage-hostpath.k8s.yaml  pv-hostpath, pvc-hostpath, pv-hostpath-label, pvc-hostpath-label and
//                                   kubernetes-simple-app (deployment-pvc.yaml)
// hostPath is a directory on whichever node runs the pod: for a one-node cluster (minikube) and tests, not
// for NKS, where a rescheduled pod finds an empty directory on another node (synth warns).
// Run: npm run build && node build/examples/storage-hostpath/main.js, then kubectl apply -f dist/storage-hostpath.k8s.yaml
import * as kplus from 'cdk8s-plus-28';
import { Chart } from 'cdk8s';
import { PersistentVolume, PersistentVolumeClaim, PersistentVolumeSource, PlatformApp, Policies, WebApp } from 'nks-cdk';

export function build(app: PlatformApp) {
  const chart = new Chart(app.k8s, 'storage-hostpath');
  // pv-hostpath.yaml / pvc-hostpath.yaml: the claim names no volume; Kubernetes binds it to a "manual"
  // volume of at least 1Gi.
  const pv = new PersistentVolume(chart, 'pv-hostpath', {
    name: 'pv-hostpath',
    source: PersistentVolumeSource.fromHostPath({ path: '/tmp/k8s-pv' }),
    capacity: '2Gi',
    volumeMode: 'Filesystem',
    accessModes: ['ReadWriteOnce'],
    storageClass: 'manual',
    reclaimPolicy: 'Delete',
  });
  const claim = new PersistentVolumeClaim(chart, 'pvc-hostpath', {
    name: 'pvc-hostpath',
    accessModes: ['ReadWriteOnce'],
    volumeMode: 'Filesystem',
    storage: '1Gi',
    storageClass: 'manual',
  });

  // pv-hostpath-label.yaml / pvc-hostpath-label.yaml: the claim selects the volume by its label.
  const labeled = new PersistentVolume(chart, 'pv-hostpath-label', {
    name: 'pv-hostpath-label',
    labels: { location: 'local' },
    source: PersistentVolumeSource.fromHostPath({ path: '/tmp/k8s-pv' }),
    capacity: '2Gi',
    storageClass: 'manual',
    reclaimPolicy: 'Delete',
  });
  const labeledClaim = labeled.addClaim('pvc-hostpath-label', { name: 'pvc-hostpath-label', storage: '1Gi', bindBy: 'labels' });

  // deployment-pvc.yaml: the app writes its access log to /tmp/app.log, i.e. to /tmp/k8s-pv on the node.
  const simpleApp = new WebApp(chart, 'kubernetes-simple-app', {
    name: 'kubernetes-simple-app',
    image: 'arisu1000/simple-container-app:latest',
    ports: [8080],
    replicas: 1,
    imagePullPolicy: kplus.ImagePullPolicy.ALWAYS,
  });
  simpleApp.mount('/tmp', claim.toVolume({ name: 'myvolume' }));
  // The guide's demo image is published only as "latest", which policy rule NKS-IMG-1 rejects without a reason.
  Policies.of(app).suppress(simpleApp, 'NKS-IMG-1', 'seed 002 deployment-pvc.yaml as written: a single-node hostPath demo whose image has only the latest tag');
  return { chart, pv, claim, labeled, labeledClaim, simpleApp };
}

if (require.main === module) {
  const app = new PlatformApp();
  build(app);
  app.synth();
}

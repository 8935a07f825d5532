// Guide 000, "퍼시스턴트 볼륨 > 동적 프로비저닝": a General SSD StorageClass in kr-pub-a, a claim that gets its
// Cinder volume from it, and a pod that mounts the claim.
//   dist/storage-dynamic.k8s.yaml  sc-ssd (storage_class.yaml), pvc-dynamic (pvc-dynamic.yaml) and an nginx
//                                  pod serving from the volume
// The guide's cluster ran v1.19 with the in-tree `kubernetes.io/cinder`; every version NKS creates today uses
// the Cinder CSI driver, which StorageClass picks from the cluster version (the newest by default).
// Dynamically provisioned volumes are not deleted with the cluster: delete the claims before the cluster.
// Run: npm run build && node build/examples/storage-dynamic/main.js, then kubectl apply -f dist/storage-dynamic.k8s.yaml
import { Chart } from 'cdk8s';
import { PersistentVolumeClaim, PlatformApp, StorageClass, WebApp } from 'nks-cdk';

export function build(app: PlatformApp) {
  const chart = new Chart(app.k8s, 'storage-dynamic');
  // parameters.type and parameters.availability, as in the guide: always set the nodes' zone.
  const scSsd = new StorageClass(chart, 'sc-ssd', {
    name: 'sc-ssd',
    volumeType: 'General SSD',
    availabilityZone: 'kr-pub-a',
    allowVolumeExpansion: true,
  });
  const claim = new PersistentVolumeClaim(chart, 'pvc-dynamic', {
    name: 'pvc-dynamic',
    namespace: 'default',
    accessModes: ['ReadWriteOnce'],
    storage: '10Gi',
    storageClass: scSsd,
  });
  const web = new WebApp(chart, 'web', {
    name: 'nginx-with-dynamic-pv',
    namespace: 'default',
    image: 'nginx:1.14.2',
    ports: [{ name: 'web', number: 80 }],
    replicas: 1,
    strategy: 'Recreate',
  });
  web.mount('/usr/share/nginx/html', claim);
  return { chart, scSsd, claim, web };
}

if (require.main === module) {
  const app = new PlatformApp();
  build(app);
  app.synth();
}

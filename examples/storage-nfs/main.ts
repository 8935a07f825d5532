// Guide 001, "PersistentVolume" and "PersistentVolumeClaim": an NFS export as a ReadWriteMany volume, the
// claim that names it, and web servers on several nodes sharing it.
//   dist/storage-nfs.k8s.yaml  workspace-pv-example (pv_example.yaml), workspace-pvc-example
//                              (pvc_example.yaml) and a 3-replica nginx Deployment that mounts the claim
// The NFS server is set up as in the guide (nfs-kernel-server, `/path/of/workspace` exported to the nodes'
// subnet with no_root_squash). On NHN Cloud, NAS offers NFS exports without a server of your own.
// Run: npm run build && node build/examples/storage-nfs/main.js, then kubectl apply -f dist/storage-nfs.k8s.yaml
import { Chart } from 'cdk8s';
import { PersistentVolume, PersistentVolumeSource, PlatformApp, WebApp } from 'nks-cdk';

export function build(app: PlatformApp) {
  const chart = new Chart(app.k8s, 'storage-nfs');
  const pv = new PersistentVolume(chart, 'workspace-pv', {
    name: 'workspace-pv-example',
    source: PersistentVolumeSource.fromNfs({ server: '192.168.110.206', path: '/path/of/workspace' }),
    capacity: '10Gi',
    accessModes: ['ReadWriteMany'],
  });
  // `volumeName` as in the guide; the claim also says storageClassName: "" so that the cluster's default
  // StorageClass is not filled in (a claim of another class would never bind this class-less volume).
  const claim = pv.addClaim('workspace-pvc', { name: 'workspace-pvc-example', storage: '10Gi', accessModes: ['ReadWriteMany'] });
  // ReadWriteMany: pods on different nodes read and write the same files.
  const web = new WebApp(chart, 'web', {
    name: 'workspace-web',
    image: 'nginx:1.14.2',
    ports: [{ name: 'web', number: 80 }],
    replicas: 3,
  });
  web.mount('/usr/share/nginx/html', claim);
  return { chart, pv, claim, web };
}

if (require.main === module) {
  const app = new PlatformApp();
  build(app);
  app.synth();
}

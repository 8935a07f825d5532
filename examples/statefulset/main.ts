// Guide 004, "스테이트풀셋" and "헤드리스 서비스": three web servers with stable names (web-0, web-1, web-2),
// one General SSD Cinder volume each from a claim template, and the headless Service that gives every pod
// its own DNS name (web-0.web.default.svc).
//   dist/statefulset.k8s.yaml  sc-ssd, the headless Service "web" and the StatefulSet "web" with the claim
//                              template "www" (claims www-web-0, www-web-1, www-web-2)
// Pods start in order (0, 1, 2, each Ready first) and stop in reverse. Scaling down or deleting the
// StatefulSet keeps the claims and their volumes (and their cost): scaling up again reattaches them;
// delete the claims by hand when the data is no longer needed.
// Run: npm run build && node build/examples/statefulset/main.js, then kubectl apply -f dist/statefulset.k8s.yaml
import { Chart } from 'cdk8s';
import { PlatformApp, StatefulSet, StorageClass } from 'nks-cdk';

export function build(app: PlatformApp) {
  const chart = new Chart(app.k8s, 'statefulset');
  // WaitForFirstConsumer: each volume is created in the zone of the node its pod is scheduled to.
  const scSsd = new StorageClass(chart, 'sc-ssd', {
    name: 'sc-ssd',
    volumeType: 'General SSD',
    volumeBindingMode: 'WaitForFirstConsumer',
    reclaimPolicy: 'Retain',
  });
  const web = new StatefulSet(chart, 'web', {
    name: 'web',
    serviceName: 'web',
    labels: { app: 'web' },
    image: 'nginx:1.14.2',
    ports: [{ name: 'web', number: 80 }],
    replicas: 3,
    podManagementPolicy: 'OrderedReady',
    updateStrategy: 'RollingUpdate',
    volumeClaimTemplates: [{ name: 'www', mountPath: '/usr/share/nginx/html', storage: '10Gi', accessModes: ['ReadWriteOnce'], storageClass: scSsd }],
  });
  return { chart, scSsd, web };
}

if (require.main === module) {
  const app = new PlatformApp();
  build(app);
  app.synth();
}

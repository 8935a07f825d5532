// Headlamp, the cluster UI for clusters NKS creates today (v1.31.4 and newer have no pre-installed
// Kubernetes Dashboard, and the Dashboard project was archived in January 2026), with a read-only login token:
//   dist/headlamp.k8s.yaml  Headlamp in kube-system (Deployment, ClusterIP Service `headlamp`), an internal
//                           LoadBalancer Service `headlamp-lb` reachable only inside the VPC, and the
//                           service account `headlamp-viewer` bound to the read-only "view" role with its token Secret
// The token is filled in by the cluster, never written by nks-cdk. Read it after applying:
//   kubectl -n kube-system get secret headlamp-viewer-token -o jsonpath='{.data.token}' | base64 -d
// From outside the VPC: `kubectl -n kube-system port-forward svc/headlamp 8080:80`, then http://localhost:8080.
// Run: npm run build && node build/examples/headlamp/main.js
import { Chart } from 'cdk8s';
import { Headlamp, PlatformApp } from 'nks-cdk';

export function build(app: PlatformApp) {
  const chart = new Chart(app.k8s, 'headlamp');
  const headlamp = new Headlamp(chart, 'headlamp');
  const loadBalancer = headlamp.exposeViaLoadBalancer({ loadBalancer: { internal: true } });
  const token = headlamp.addAccessToken('viewer');
  return { headlamp, loadBalancer, token };
}

if (require.main === module) {
  const app = new PlatformApp();
  build(app);
  app.synth();
}

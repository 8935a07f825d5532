// Guide 000, "Kubernetes 대시보드": opening the dashboard NKS pre-installs in kube-system (clusters created
// at v1.25.4 or earlier), two ways, and a login token. Apply one of the two exposure files, plus the token.
//   dist/dashboard-lb.k8s.yaml       a LoadBalancer Service kubernetes-dashboard-lb (443 → 8443) next to NKS's
//                                    own ClusterIP Service, which stays untouched (the guide patches its type)
//   dist/ingress-nginx.k8s.yaml      the controller, started with --enable-ssl-passthrough
//   dist/dashboard-ingress.k8s.yaml  the Ingress k8s-dashboard-ingress with TLS passthrough to the dashboard
//   dist/dashboard-token.k8s.yaml    a service account bound to the read-only "view" role and its token Secret
// The token is filled in by the cluster, never written by nks-cdk. Read it after applying:
//   kubectl -n kube-system get secret dashboard-viewer-token -o jsonpath='{.data.token}' | base64 -d
// Run: npm run build && node build/examples/dashboard/main.js
import { Chart } from 'cdk8s';
import { KubernetesDashboard, NginxIngressController, PlatformApp, Policies } from 'nks-cdk';

export function build(app: PlatformApp) {
  const lbChart = new Chart(app.k8s, 'dashboard-lb');
  const loadBalancer = new KubernetesDashboard(lbChart, 'dashboard').exposeViaLoadBalancer({
    // The dashboard is an admin console: only the office network may reach it.
    loadBalancerSourceRanges: ['203.0.113.0/24'],
  });

  const controller = new NginxIngressController(new Chart(app.k8s, 'ingress-nginx'), 'ingress-nginx', { sslPassthrough: true });
  const ingressChart = new Chart(app.k8s, 'dashboard-ingress');
  const ingress = new KubernetesDashboard(ingressChart, 'dashboard').exposeViaIngress({ controller });
  // An Ingress makes the dashboard as public as the controller (policy rule NKS-LB-1); the guide does it anyway.
  Policies.of(app).suppress(ingress, 'NKS-LB-1', "the guide's second way in: the dashboard still asks for a token; on a real cluster give the controller loadBalancer: { internal: true }");

  const tokenChart = new Chart(app.k8s, 'dashboard-token');
  const token = new KubernetesDashboard(tokenChart, 'dashboard').addAccessToken('viewer');

  return { loadBalancer, controller, ingress, token };
}

if (require.main === module) {
  const app = new PlatformApp();
  const { token } = build(app);
  app.synth();
  console.log(`read the dashboard token with:\n  ${token.readTokenCommand}`);
}

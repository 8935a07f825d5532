// Guide 000, "인그레스 컨트롤러 > NGINX Ingress Controller 설치" and its LoadBalancer Service: the ingress-nginx
// controller (namespace, service account, RBAC, ConfigMap, IngressClass `nginx`, Deployment on a pinned image)
// behind a LoadBalancer Service on 80 and 443. The guide applies upstream's mandatory.yaml of 2020 (0.30.0)
// plus its own Service; this is today's equivalent in one construct.
// Note: the Kubernetes project retired ingress-nginx in March 2026 (no more fixes); Gateway API is the successor.
//   dist/ingress-nginx.k8s.yaml
// After `kubectl apply -f dist/`: `kubectl -n ingress-nginx get svc ingress-nginx-controller` shows the
// floating IP in EXTERNAL-IP.
// Run: npm run build && node build/examples/ingress-controller/main.js
import { Chart } from 'cdk8s';
import { NginxIngressController, PlatformApp } from 'nks-cdk';

export function build(app: PlatformApp) {
  const chart = new Chart(app.k8s, 'ingress-nginx');
  const controller = new NginxIngressController(chart, 'ingress-nginx', {
    // Keep the floating IP when the Service is re-created, so DNS records pointing at it stay valid.
    loadBalancer: { keepFloatingIp: true },
  });
  return { chart, controller };
}

if (require.main === module) {
  const app = new PlatformApp();
  build(app);
  app.synth();
}

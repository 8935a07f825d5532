// Guide 000, "호스트 기반 서비스 분기": the same cafe as examples/ingress-uri, routed by host name —
// tea.cafe.example.com → tea-svc:80, coffee.cafe.example.com → coffee-svc:80; unknown hosts get a 404.
//   dist/ingress-nginx.k8s.yaml, dist/cafe.k8s.yaml, dist/cafe-ingress-host.k8s.yaml
// Test without DNS: `curl --resolve tea.cafe.example.com:80:<ADDRESS> http://tea.cafe.example.com/`.
// Run: npm run build && node build/examples/ingress-host/main.js
import { Chart } from 'cdk8s';
import { Ingress, IngressBackend, NginxIngressController, PlatformApp } from 'nks-cdk';
import { cafe } from '../ingress-uri/main';

export function build(app: PlatformApp) {
  const controller = new NginxIngressController(new Chart(app.k8s, 'ingress-nginx'), 'ingress-nginx');
  const { coffee, tea } = cafe(app);
  const chart = new Chart(app.k8s, 'cafe-ingress-host');
  const ingress = new Ingress(chart, 'cafe-ingress-host', {
    name: 'cafe-ingress-host',
    ingressClass: controller,
    rules: [
      { host: 'tea.cafe.example.com', paths: [{ path: '/', backend: IngressBackend.fromService(tea, 80) }] },
      { host: 'coffee.cafe.example.com', paths: [{ path: '/', backend: IngressBackend.fromService(coffee, 80) }] },
    ],
  });
  return { controller, coffee, tea, chart, ingress };
}

if (require.main === module) {
  const app = new PlatformApp();
  build(app);
  app.synth();
}

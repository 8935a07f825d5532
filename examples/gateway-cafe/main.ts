// Guide 000's cafe through Gateway API instead of ingress-nginx, on NGINX Gateway Fabric (the implementation
// NHN's NKS "Gateway API guide" installs): the same tea and coffee Deployments and Services as
// examples/ingress-uri, NGF with its GatewayClass `nginx`, one Gateway `cafe-gateway` (HTTP on 80; its data
// plane gets an NHN load balancer with a TCP health monitor every 10 s), and
//   - cafe-route-uri:         the URI fanout, /tea → tea-svc:80, /coffee → coffee-svc:80 on any host;
//   - cafe-route-host-tea/-coffee: host-based, tea.cafe.example.com → tea-svc:80, coffee.cafe.example.com → coffee-svc:80.
//   dist/0000-gateway-api-crds.k8s.yaml  Gateway API v1.4.1 and NGF CRDs: apply first, server-side (they are large)
//   dist/0001-cafe.k8s.yaml, dist/0002-nginx-gateway.k8s.yaml, dist/0003-cafe-gateway.k8s.yaml
// Apply: kubectl apply --server-side -f dist/0000-gateway-api-crds.k8s.yaml
//        kubectl wait --for condition=established crd --all && kubectl apply --server-side -f dist/
// Then `kubectl get gateway cafe-gateway` shows ADDRESS; `curl http://<ADDRESS>/coffee`,
// `curl --resolve tea.cafe.example.com:80:<ADDRESS> http://tea.cafe.example.com/`.
// Run: npm run build && node build/examples/gateway-cafe/main.js
import { Chart } from 'cdk8s';
import { HttpBackend, HttpRoute, NginxGatewayFabric, PlatformApp } from 'nks-cdk';
import { cafe } from '../ingress-uri/main';

export function build(app: PlatformApp) {
  const { coffee, tea } = cafe(app);
  const ngf = new NginxGatewayFabric(new Chart(app.k8s, 'nginx-gateway'), 'nginx-gateway', {
    loadBalancer: { healthMonitor: { type: 'TCP', delaySeconds: 10 } },
  });
  const chart = new Chart(app.k8s, 'cafe-gateway');
  const gateway = ngf.addGateway(chart, 'gateway', { name: 'cafe-gateway', listeners: [{ name: 'http', port: 80, protocol: 'HTTP' }] });
  const uri = new HttpRoute(chart, 'uri', {
    name: 'cafe-route-uri',
    parents: [{ gateway, listener: 'http' }],
    rules: [
      { matches: [{ path: '/tea' }], backends: [HttpBackend.fromService(tea, { port: 80 })] },
      { matches: [{ path: '/coffee' }], backends: [HttpBackend.fromService(coffee, { port: 80 })] },
    ],
  });
  const host = (drink: 'tea' | 'coffee') =>
    new HttpRoute(chart, `host-${drink}`, {
      name: `cafe-route-host-${drink}`,
      parents: [{ gateway, listener: 'http' }],
      hostnames: [`${drink}.cafe.example.com`],
      rules: [{ backends: [HttpBackend.fromService(drink === 'tea' ? tea : coffee, { port: 80 })] }],
    });
  return { chart, ngf, gateway, tea, coffee, uri, hostRoutes: [host('tea'), host('coffee')] };
}

if (require.main === module) {
  const app = new PlatformApp();
  build(app);
  app.synth();
}

// Guide 000's cafe through Gateway API instead of ingress-nginx (NHN's NKS "Gateway API guide" installs
// NGINX Gateway Fabric as the implementation): the same tea and coffee Deployments and Services as
// examples/ingress-uri, a GatewayClass `nginx`, one Gateway `cafe-gateway` with an HTTP listener on 80, and
//   - cafe-route-uri:  the URI fanout, /tea → tea-svc:80, /coffee → coffee-svc:80 on any host;
//   - cafe-route-host: host-based, tea.cafe.example.com → tea-svc:80, coffee.cafe.example.com → coffee-svc:80.
//   dist/gateway-api-crds.k8s.yaml  the Gateway API CRDs (apply first: kubectl apply -f this file)
//   dist/cafe.k8s.yaml              cafe.yaml
//   dist/cafe-gateway.k8s.yaml      the GatewayClass, the Gateway and the HTTPRoutes
// After `kubectl apply -f dist/`: `kubectl get gateway cafe-gateway` shows ADDRESS (NGF's data plane
// LoadBalancer Service); `curl http://<ADDRESS>/coffee`, `curl --resolve tea.cafe.example.com:80:<ADDRESS> http://tea.cafe.example.com/`.
// Run: npm run build && node build/examples/gateway-cafe/main.js
import { Chart } from 'cdk8s';
import { Gateway, GatewayClass, HttpBackend, HttpRoute, PlatformApp } from 'nks-cdk';
import { cafe } from '../ingress-uri/main';

export function build(app: PlatformApp) {
  const { coffee, tea } = cafe(app);
  const chart = new Chart(app.k8s, 'cafe-gateway');
  const gatewayClass = new GatewayClass(chart, 'nginx');
  const gateway = new Gateway(chart, 'gateway', {
    name: 'cafe-gateway',
    gatewayClass,
    listeners: [{ name: 'http', port: 80, protocol: 'HTTP' }],
  });
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
  return { chart, gatewayClass, gateway, tea, coffee, uri, hostRoutes: [host('tea'), host('coffee')] };
}

if (require.main === module) {
  const app = new PlatformApp();
  build(app);
  app.synth();
}

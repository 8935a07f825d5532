// Guide 000, "URI 기반 서비스 분기": the cafe — tea and coffee Deployments with their ClusterIP Services
// (cafe.yaml), and the Ingress `cafe-ingress-uri` that sends /tea to tea-svc:80 and /coffee to coffee-svc:80
// on any host. Other paths get ingress-nginx's 404.
//   dist/ingress-nginx.k8s.yaml  the controller (see examples/ingress-controller)
//   dist/cafe.k8s.yaml           cafe.yaml
//   dist/cafe-ingress-uri.k8s.yaml
// After `kubectl apply -f dist/`: `kubectl get ingress cafe-ingress-uri` shows ADDRESS;
// `curl http://<ADDRESS>/coffee` answers "Server name: coffee-...".
// Run: npm run build && node build/examples/ingress-uri/main.js
import { Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { Ingress, IngressBackend, NginxIngressController, PlatformApp, Service } from 'nks-cdk';

/** One drink of the cafe: a Deployment of nginxdemos/nginx-hello on 8080 and its Service `<drink>-svc` on 80. */
function drink(scope: Construct, drinkName: string, replicas: number): Service {
  const labels = { app: drinkName };
  const deployment = new kplus.Deployment(scope, drinkName, {
    metadata: { name: drinkName },
    podMetadata: { labels },
    replicas,
    select: false,
    containers: [
      {
        name: drinkName,
        image: 'nginxdemos/nginx-hello:plain-text',
        ports: [{ number: 8080 }],
        securityContext: { ensureNonRoot: false, readOnlyRootFilesystem: false },
      },
    ],
  });
  deployment.select(kplus.LabelSelector.of({ labels }));
  return new Service(scope, `${drinkName}-svc`, {
    name: `${drinkName}-svc`,
    selector: labels,
    ports: [{ port: 80, targetPort: 8080, protocol: 'TCP', name: 'http' }],
  });
}

/** cafe.yaml: coffee (3 replicas) and tea (2 replicas), each behind its ClusterIP Service. Used by examples/ingress-host too. */
export function cafe(app: PlatformApp): { chart: Chart; coffee: Service; tea: Service } {
  const chart = new Chart(app.k8s, 'cafe');
  return { chart, coffee: drink(chart, 'coffee', 3), tea: drink(chart, 'tea', 2) };
}

export function build(app: PlatformApp) {
  const controller = new NginxIngressController(new Chart(app.k8s, 'ingress-nginx'), 'ingress-nginx');
  const { coffee, tea } = cafe(app);
  const chart = new Chart(app.k8s, 'cafe-ingress-uri');
  const ingress = new Ingress(chart, 'cafe-ingress-uri', {
    name: 'cafe-ingress-uri',
    ingressClass: controller,
    rules: [
      {
        paths: [
          { path: '/tea', backend: IngressBackend.fromService(tea, 80) },
          { path: '/coffee', backend: IngressBackend.fromService(coffee, 80) },
        ],
      },
    ],
  });
  return { controller, coffee, tea, chart, ingress };
}

if (require.main === module) {
  const app = new PlatformApp();
  build(app);
  app.synth();
}

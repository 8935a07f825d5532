// Seed 001 "Service type" (and seeds 003/004): one app exposed by each kind of Service.
//   ClusterIP     my-clusterip-service      8008 → the pods' http port, reachable inside the cluster only
//   NodePort      example-nodeport-service  10010 → http, and port 30010 on every node (30000–32767, or
//                 nks-cdk stops with the guide's "provided port is not in the valid range" before kubectl does)
//   LoadBalancer  my-loadbalancer-service   80 on an NHN load balancer's floating IP
//   ExternalName  my-external-db            a DNS alias (CNAME) for db.example.com, no pods, no ports
//   headless      myapp-headless            clusterIP: None, DNS returns each pod's address
// Run: npm run build && node build/examples/service-types/main.js
import { Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { PlatformApp, Service } from 'nks-cdk';

export function build(app: PlatformApp) {
  const chart = new Chart(app.k8s, 'service-types');
  const labels = { app: 'myapp' };
  const myapp = new kplus.Deployment(chart, 'myapp', {
    metadata: { name: 'myapp', labels },
    podMetadata: { labels },
    select: false,
    containers: [
      {
        name: 'myapp',
        image: 'nginx:1.14.2',
        // Named, so every Service below targets "http" and the container port can change in one place.
        ports: [{ number: 80, name: 'http' }],
        securityContext: { ensureNonRoot: false, readOnlyRootFilesystem: false },
      },
    ],
  });
  myapp.select(kplus.LabelSelector.of({ labels }));

  const clusterIp = new Service(chart, 'clusterip', {
    name: 'my-clusterip-service',
    selector: labels,
    ports: [{ port: 8008, targetPort: 'http' }],
  });
  const nodePort = new Service(chart, 'nodeport', {
    name: 'example-nodeport-service',
    type: 'NodePort',
    selector: labels,
    ports: [{ port: 10010, targetPort: 'http', nodePort: 30010 }],
  });
  const loadBalancer = new Service(chart, 'loadbalancer', {
    name: 'my-loadbalancer-service',
    type: 'LoadBalancer',
    // The selector may also be the workload itself: its pod labels are used.
    selector: myapp,
    ports: [{ port: 80, targetPort: 'http' }],
  });
  const externalName = new Service(chart, 'externalname', {
    name: 'my-external-db',
    externalName: 'db.example.com',
  });
  const headless = new Service(chart, 'headless', {
    name: 'myapp-headless',
    headless: true,
    selector: labels,
    ports: [{ port: 80, targetPort: 'http', name: 'http' }],
  });

  return { chart, myapp, clusterIp, nodePort, loadBalancer, externalName, headless };
}

if (require.main === module) {
  const app = new PlatformApp();
  build(app);
  app.synth();
}

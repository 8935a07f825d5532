// Guide 000, "LoadBalancer 서비스": the nginx Deployment behind the LoadBalancer Service `nginx-svc`
// (TCP 8080 on the load balancer's floating IP → port 80 of the pods labelled app: nginx), and a variant with
// NHN Cloud load balancer options, which nks-cdk writes as the annotations NKS reads.
//   dist/loadbalancer-service.k8s.yaml      nginx.yaml + service.yaml, as in the guide
//   dist/loadbalancer-service-nhn.k8s.yaml  a second Service with NHN load balancer settings
// After `kubectl apply -f dist/`: `kubectl get service nginx-svc` shows EXTERNAL-IP (first <pending>);
// `curl http://<EXTERNAL-IP>:8080` answers with the nginx welcome page.
// Run: npm run build && node build/examples/loadbalancer-service/main.js
import { Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { PlatformApp, Service } from 'nks-cdk';

/** The guide's nginx.yaml: `nginx-deployment`, 2 replicas of nginx:1.14.2 on port 80, pods labelled app: nginx. */
export function nginxDeployment(scope: Construct): kplus.Deployment {
  const deployment = new kplus.Deployment(scope, 'nginx-deployment', {
    metadata: { name: 'nginx-deployment', labels: { app: 'nginx' } },
    podMetadata: { labels: { app: 'nginx' } },
    replicas: 2,
    // The Service selects the guide's label, not cdk8s-plus's generated one.
    select: false,
    containers: [
      {
        name: 'nginx',
        image: 'nginx:1.14.2',
        ports: [{ number: 80 }],
        // nginx starts as root and writes its cache and pid file.
        securityContext: { ensureNonRoot: false, readOnlyRootFilesystem: false },
      },
    ],
  });
  deployment.select(kplus.LabelSelector.of({ labels: { app: 'nginx' } }));
  return deployment;
}

export function build(app: PlatformApp) {
  const guide = new Chart(app.k8s, 'loadbalancer-service');
  const deployment = nginxDeployment(guide);
  // service.yaml: no NHN option, so no annotation — the same manifest works on any cluster with a load balancer.
  const service = new Service(guide, 'nginx-svc', {
    name: 'nginx-svc',
    labels: { app: 'nginx' },
    type: 'LoadBalancer',
    selector: { app: 'nginx' },
    ports: [{ port: 8080, targetPort: 80, protocol: 'TCP' }],
  });

  // The same pods behind a dedicated NHN load balancer with a fixed name, a kept floating IP, an HTTP health
  // check and a per-listener connection limit on the 8080 listener (annotation `TCP-8080.loadbalancer.nhncloud/...`).
  const nhn = new Chart(app.k8s, 'loadbalancer-service-nhn');
  const nhnService = new Service(nhn, 'nginx-svc-nhn', {
    name: 'nginx-svc-nhn',
    labels: { app: 'nginx' },
    type: 'LoadBalancer',
    selector: { app: 'nginx' },
    ports: [{ port: 8080, targetPort: 80 }],
    loadBalancer: {
      name: 'nginx-lb',
      type: 'dedicated',
      keepFloatingIp: true,
      lbMethod: 'LEAST_CONNECTIONS',
      healthMonitor: { type: 'HTTP', httpUrl: '/', expectedCodes: '200', delaySeconds: 10, timeoutSeconds: 5, maxRetries: 3 },
      keepAliveTimeoutSeconds: 300,
      listeners: [{ port: 8080, connectionLimit: 10000 }],
    },
  });

  return { guide, deployment, service, nhn, nhnService };
}

if (require.main === module) {
  const app = new PlatformApp();
  build(app);
  app.synth();
}

// Seed 003, "Scale Application" and "Rolling Update": the test-app Deployment scaled to 4 replicas behind a
// LoadBalancer Service, updated without downtime and ready for rollback.
//   dist/rolling-update.k8s.yaml
// Run: npm run build && node build/examples/rolling-update/main.js
//
// What happens at run time (kubectl, not nks-cdk):
//   scale:     change `replicas` here and apply (a `kubectl scale --replicas=N` lasts until the next apply)
//   update:    change IMAGE's tag here and apply (or `kubectl set image deployments/test-deployment test-app=...:1.1.0`);
//              watch with `kubectl rollout status deployments/test-deployment`
//   roll back: `kubectl rollout undo deployments/test-deployment` picks the previous ReplicaSet, one of the
//              `revisionHistoryLimit` kept; then set IMAGE back here too, or the next apply re-applies the bad version.
import * as kplus from 'cdk8s-plus-28';
import { Chart } from 'cdk8s';
import { PlatformApp, Service, WebApp } from 'nks-cdk';

/** The seed's image after its update to 1.1.0 (the FastAPI app with /ping and /foo on port 8098). */
export const IMAGE = 'ghcr.io/example/test-app:1.1.0';

export function build(app: PlatformApp) {
  const chart = new Chart(app.k8s, 'rolling-update');
  const testApp = new WebApp(chart, 'test-deployment', {
    name: 'test-deployment',
    containerName: 'test-app',
    labels: { app: 'test-deployment' },
    image: IMAGE,
    ports: [8098],
    // Scaled out from 1 to 4 (the seed's `kubectl scale deployments/test-deployment --replicas=4`).
    replicas: 4,
    // One new pod at a time and never fewer than 4 ready: the Service keeps serving during the update.
    rollingUpdate: { maxSurge: 1, maxUnavailable: 0 },
    // A new pod counts only after 5 s ready, so a crashing version stops the rollout early.
    minReadySeconds: 5,
    // Old ReplicaSets kept for `kubectl rollout undo`.
    revisionHistoryLimit: 5,
    // Traffic and rollout progress wait for the app to answer /ping.
    readiness: kplus.Probe.fromHttpGet('/ping', { port: 8098 }),
  });
  // `kubectl expose deployment/test-deployment --type=LoadBalancer --port 8098`
  const service = new Service(chart, 'test-deployment-svc', {
    name: 'test-deployment',
    type: 'LoadBalancer',
    selector: testApp,
    ports: [{ port: 8098, targetPort: 8098 }],
  });
  return { chart, testApp, service };
}

if (require.main === module) {
  const app = new PlatformApp();
  build(app);
  app.synth();
}

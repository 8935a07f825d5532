// Guide 000, "LoadBalancer 서비스 > 웹 서버 파드 생성": the nginx Deployment (nginx.yaml), and its variant
// that pulls the image from NHN Container Registry with a pull secret created by kubectl.
//   dist/nginx-deployment.k8s.yaml  the guide's nginx.yaml
//   dist/nginx-registry.k8s.yaml    the same app, image from your registry
// Run: npm run build && node build/examples/nginx-deployment/main.js
import { Chart } from 'cdk8s';
import { PlatformApp, PullSecret, WebApp } from 'nks-cdk';

/** Your registry address from the Container Registry console (the guide writes `{사용자 레지스트리 주소}`). */
export const REGISTRY = 'example-kr1-registry.container.nhncloud.com';

export function build(app: PlatformApp) {
  // nginx.yaml: name nginx-deployment, label app: nginx, 2 replicas, containerPort 80. WebApp's defaults let
  // nginx start as root with a writable root filesystem, as the plain manifest does.
  const guide = new Chart(app.k8s, 'nginx-deployment');
  const nginx = new WebApp(guide, 'nginx', {
    name: 'nginx-deployment',
    labels: { app: 'nginx' },
    replicas: 2,
    image: 'nginx:1.14.2',
    ports: [80],
  });

  // The registry variant. Create the secret once, outside nks-cdk, so no password is in the manifests:
  //   kubectl create secret docker-registry registry-credential --docker-server=<registry address> \
  //     --docker-username=<NHN Cloud account email> --docker-password=<service or integrated Appkey>
  // (The guide then references "regcred"; the name must be the one created: registry-credential.)
  const registry = new Chart(app.k8s, 'nginx-registry');
  const fromRegistry = new WebApp(registry, 'nginx', {
    name: 'nginx-registry',
    labels: { app: 'nginx-registry' },
    image: `${REGISTRY}/nginx:1.14.2`,
    ports: [80],
    imagePullSecrets: [PullSecret.fromName('registry-credential')],
  });

  return { guide, nginx, registry, fromRegistry };
}

if (require.main === module) {
  const app = new PlatformApp();
  build(app);
  app.synth();
}

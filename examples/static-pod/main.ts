// Seed 003, "Kubelet을 Standalone mode로 실행하기": the static-web Pod a standalone kubelet runs from its
// static pod directory.
//   dist/static-web.k8s.yaml  copy it to the node: sudo cp dist/static-web.k8s.yaml /etc/kubernetes/manifests/static-web.yaml
// The kubelet (KubeletConfiguration staticPodPath: /etc/kubernetes/manifests) starts the pod within seconds;
// check with `curl http://localhost:10255/pods` and remove the file to stop it.
import * as kplus from 'cdk8s-plus-28';
import { Chart } from 'cdk8s';
import { PlatformApp, Policies, StaticPod } from 'nks-cdk';

export function build(app: PlatformApp) {
  // One chart holding only the Pod: the kubelet reads one Pod per manifest file.
  const chart = new Chart(app.k8s, 'static-web');
  const staticWeb = new StaticPod(chart, 'static-web', {
    name: 'static-web',
    containerName: 'web',
    image: 'nginx',
    ports: [{ name: 'web', number: 80, protocol: kplus.Protocol.TCP }],
  });
  // The seed pulls "nginx" untagged, which policy rule NKS-IMG-1 rejects unless a reason is written down.
  Policies.of(app).suppress(staticWeb, 'NKS-IMG-1', 'seed 003 as written: a kubelet demo on a scratch node; pin a tag (nginx:1.27) for real nodes');
  return { chart, staticWeb };
}

if (require.main === module) {
  const app = new PlatformApp();
  const { staticWeb } = build(app);
  app.synth();
  console.log(`copy dist/static-web.k8s.yaml to ${staticWeb.manifestPath} on the node`);
}

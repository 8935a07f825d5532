// Guides 003 "Ephemeral Volume" and 004 "emptyDir": a scratch volume that lives as long as the pod, here in
// memory (`emptyDir.medium: Memory`, a tmpfs) with a size limit, shared by two containers of one pod.
//   dist/emptydir-memory.k8s.yaml  the Deployment "cache": nginx serves /usr/share/nginx/html from the
//                                  in-memory volume, a busybox sidecar writes the page into it every 10 s
// Files in a Memory emptyDir count against the containers' memory limits and are gone when the pod goes.
// Run: npm run build && node build/examples/emptydir-memory/main.js, then kubectl apply -f dist/emptydir-memory.k8s.yaml
import { Chart } from 'cdk8s';
import { EphemeralVolume, PlatformApp, WebApp } from 'nks-cdk';

export function build(app: PlatformApp) {
  const chart = new Chart(app.k8s, 'emptydir-memory');
  const web = new WebApp(chart, 'cache', {
    name: 'cache',
    image: 'nginx:1.14.2',
    ports: [{ name: 'web', number: 80 }],
    replicas: 1,
    resources: {},
  });
  const html = EphemeralVolume.emptyDir(chart, 'html', { name: 'html', medium: 'Memory', sizeLimit: '64Mi' });
  web.mount('/usr/share/nginx/html', html);
  // The writer: a second container of the same pod sees the same files.
  const writer = web.deployment.addContainer({
    name: 'writer',
    image: 'busybox:1.36',
    command: ['sh', '-c', 'while true; do date > /html/index.html; sleep 10; done'],
    securityContext: { ensureNonRoot: false, readOnlyRootFilesystem: false },
    resources: {},
  });
  writer.mount('/html', html);
  return { chart, web, html, writer };
}

if (require.main === module) {
  const app = new PlatformApp();
  build(app);
  app.synth();
}

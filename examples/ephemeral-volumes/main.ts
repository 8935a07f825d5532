// Guide 003, "Ephemeral Volume", and guide 004's gitRepo volume:
//   dist/ephemeral-volumes.k8s.yaml
//     my-app        the guide's pod with a generic ephemeral volume: a 1Gi claim of
//                   "scratch-storage-class" created with the pod and deleted with it, mounted at /scratch
//     scratch-storage-class  the StorageClass the guide's claim names, on NKS Cinder (CSI)
//     site          nginx serving a git repository: gitRepo volumes are deprecated, so an init container
//                   clones the repository into an emptyDir before nginx starts; its config comes from a
//                   ConfigMap volume
// Run: npm run build && node build/examples/ephemeral-volumes/main.js, then kubectl apply -f dist/ephemeral-volumes.k8s.yaml
import * as kplus from 'cdk8s-plus-28';
import { Chart } from 'cdk8s';
import { ConfigMap, EphemeralVolume, PlatformApp, StorageClass, WebApp } from 'nks-cdk';

export function build(app: PlatformApp) {
  const chart = new Chart(app.k8s, 'ephemeral-volumes');
  const scratchClass = new StorageClass(chart, 'scratch-storage-class', {
    name: 'scratch-storage-class',
    volumeBindingMode: 'WaitForFirstConsumer',
  });
  const myApp = new kplus.Pod(chart, 'my-app', {
    metadata: { name: 'my-app' },
    containers: [
      {
        name: 'my-frontend',
        image: 'busybox:1.28',
        command: ['sleep', '1000000'],
        securityContext: { ensureNonRoot: false, readOnlyRootFilesystem: false },
        resources: {},
      },
    ],
    securityContext: { ensureNonRoot: false },
  });
  const scratch = EphemeralVolume.generic(chart, 'scratch-volume', {
    name: 'scratch-volume',
    labels: { type: 'my-frontend-volume' },
    accessModes: ['ReadWriteOnce'],
    storageClass: scratchClass,
    storage: '10Gi',
  });
  myApp.containers[0].mount('/scratch', scratch);

  const site = new WebApp(chart, 'site', { name: 'site', image: 'nginx:1.14.2', ports: [{ name: 'web', number: 80 }], replicas: 1 });
  const content = EphemeralVolume.gitClone(site.deployment, 'content', {
    name: 'content',
    repository: 'https://github.com/kubernetes/website.git',
    revision: 'main',
  });
  site.mount('/usr/share/nginx/html', content, { readOnly: true });
  const config = new ConfigMap(chart, 'site-config', {
    name: 'site-config',
    data: { 'default.conf': 'server { listen 80; root /usr/share/nginx/html/content/en; }\n' },
  });
  site.mount('/etc/nginx/conf.d', EphemeralVolume.fromConfigMap(chart, 'site-config-volume', config, { name: 'config', defaultMode: 0o444 }), { readOnly: true });
  return { chart, scratchClass, myApp, scratch, site, content, config };
}

if (require.main === module) {
  const app = new PlatformApp();
  build(app);
  app.synth();
}

// One program, both layers: the cluster (Terraform JSON in cdktf.out/) and what runs on it (dist/*.k8s.yaml).
// Build and synthesize: npm run synth (or `npx cdktf synth`, `npx cdk8s synth`). No credentials needed.
import { Chart, Size } from 'cdk8s';
import { Cpu, Probe } from 'cdk8s-plus-28';
import { Cluster, ImageRef, KeyPair, Network, Platform, PlatformApp, Service, WebApp } from 'nks-cdk';

const app = new PlatformApp();
const platform = new Platform(app, { region: 'KR1' });

const network = new Network(platform.infra, 'vpc', { name: 'app-vpc', cidr: '192.168.0.0/24' });
// A public key from the environment keeps the private key out of Terraform state.
const keyPair = new KeyPair(platform.infra, 'keypair', { name: 'app-key', publicKey: process.env.NKS_PUBLIC_KEY });
const cluster = new Cluster(platform.infra, 'cluster', {
  name: 'app-cluster',
  network,
  image: ImageRef.fromNameRegex('^Ubuntu Server 22\\.04.* - Container'),
  availabilityZone: 'kr-pub-a',
  nodeCount: 2,
  keyPair,
});

const web = new Chart(app.k8s, 'web');
const nginx = new WebApp(web, 'nginx', {
  name: 'nginx',
  image: 'nginx:1.27',
  ports: [{ number: 80 }],
  replicas: 2,
  readiness: Probe.fromHttpGet('/', { port: 80 }),
  resources: { cpu: { request: Cpu.millis(100) }, memory: { request: Size.mebibytes(128) } },
});
new Service(web, 'nginx-svc', { name: 'nginx-svc', type: 'LoadBalancer', selector: nginx, ports: [{ port: 80, targetPort: 80 }] });

// Terraform applies the same objects once the cluster exists (the nks-workloads stack). NHN Cloud's provider
// returns no kubeconfig: that stack reads the file downloaded after nks-infra is deployed (NKS_KUBECONFIG).
if (process.env.NKS_KUBECONFIG) platform.deployWorkloadsTo(cluster);
else console.log('no nks-workloads stack yet: deploy nks-infra, download the kubeconfig and set NKS_KUBECONFIG, or kubectl apply -f dist/');

// synth runs every check, prints the warnings and writes both outputs; it throws all errors at once.
const result = app.synth();
console.log(`wrote ${result.outdir} and ${result.k8sOutdir}`);

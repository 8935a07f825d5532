// The main job: the guide's platform on NHN Cloud KR1, from cluster to workloads in one program.
//   cdktf.out/stacks/nks-infra      VPC, key pair, cluster with 3 nodes in kr-pub-a, a node group in kr-pub-b,
//                                   a GPU node group on g2.t4.c4m32, a block storage volume and a GPU instance
//   cdktf.out/stacks/nks-workloads  the manifests below as kubernetes_manifest, applied after nks-infra
//   dist/web.k8s.yaml               the same manifests for kubectl: the guide's nginx Deployment behind the
//                                   LoadBalancer Service nginx-svc (8080 → 80), and a static PersistentVolume
//                                   on the block storage volume with its claim, mounted by a data pod
// Run: npm run synth (no credentials needed). Deploy: see the README (`npx cdktf deploy nks-infra nks-workloads`).
// The static PV needs the volume's ID, which exists after deploy: until NKS_INFRA_OUTPUTS names the outputs
// file, it is left out of dist/ and synth says so (the workloads stack uses a Terraform reference instead).
// For NHN Cloud's own provider: NKS_TARGET=nhncloud npm run synth (see the README's NHN Cloud deploy flow).
import { Chart, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import {
  BlockStorageVolume,
  Cluster,
  GpuInstance,
  ImageRef,
  KeyPair,
  Network,
  PersistentVolume,
  PersistentVolumeSource,
  Platform,
  PlatformApp,
  Service,
  WebApp,
} from 'nks-cdk';

/** The NKS node image: the newest Ubuntu 22.04 container image, looked up at plan time. */
export const NODE_IMAGE = ImageRef.fromNameRegex('^Ubuntu Server 22\\.04.* - Container');

/** Declares the example platform on `app`; returns the pieces tests look at. */
export function build(app: PlatformApp) {
  const platform = new Platform(app, { region: 'KR1' });
  const infra = platform.infra;
  const network = new Network(infra, 'vpc', {
    name: 'nks-vpc',
    cidr: '192.168.0.0/24',
    // nhncloud target: the internet gateway (made in the console) the nodes reach the internet through.
    internetGatewayId: process.env.NKS_INTERNET_GATEWAY_ID,
  });
  // A public key from the environment keeps the private key out of Terraform state; without one the
  // provider generates a key pair (and synth warns).
  const keyPair = new KeyPair(infra, 'keypair', {
    name: 'nks-key',
    publicKey: process.env.NKS_PUBLIC_KEY,
  });

  const cluster = new Cluster(infra, 'cluster', {
    name: 'my-cluster',
    network,
    image: NODE_IMAGE,
    availabilityZone: 'kr-pub-a',
    flavor: 'm2.c4m8',
    nodeCount: 3,
    keyPair,
    bootVolume: { type: 'General HDD', sizeGb: 50 },
  });
  const workers = cluster.addNodeGroup('workers-b', {
    flavor: 'm2.c4m8',
    nodeCount: 2,
    availabilityZone: 'kr-pub-b',
    autoscaler: { minNodes: 2, maxNodes: 5 },
  });
  const gpus = cluster.addGpuNodeGroup('gpu', {
    flavor: 'g2.t4.c4m32',
    nodeCount: 1,
    availabilityZone: 'kr-pub-a',
  });
  const volume = new BlockStorageVolume(infra, 'data', {
    sizeGb: 100,
    volumeType: 'General SSD',
    availabilityZone: 'kr-pub-a',
  });
  const gpuInstance = new GpuInstance(infra, 'gpu-instance', {
    flavor: 'g2.t4.c8m64',
    image: ImageRef.fromNameRegex('^Ubuntu Server 22\\.04.* LTS \\(GPU\\)'),
    availabilityZone: 'kr-pub-a',
    network,
    keyPair,
    bootVolume: { type: 'General SSD', sizeGb: 100 },
    volumes: [new BlockStorageVolume(infra, 'gpu-scratch', { sizeGb: 200, availabilityZone: 'kr-pub-a' })],
  });

  const workloads = new Chart(app.k8s, 'web');
  // nginx.yaml and service.yaml of the guide's "LoadBalancer 서비스" section.
  const nginx = new WebApp(workloads, 'nginx', {
    name: 'nginx-deployment',
    labels: { app: 'nginx' },
    image: 'nginx:1.14.2',
    containerName: 'nginx',
    ports: [{ name: 'http', number: 80 }],
    replicas: 2,
    resources: { cpu: { request: kplus.Cpu.millis(100), limit: kplus.Cpu.millis(500) }, memory: { request: Size.mebibytes(128), limit: Size.mebibytes(256) } },
  });
  new Service(workloads, 'nginx-svc', {
    name: 'nginx-svc',
    labels: { app: 'nginx' },
    type: 'LoadBalancer',
    selector: nginx,
    ports: [{ port: 8080, targetPort: 80, protocol: 'TCP' }],
  });
  // The block storage volume as a static PersistentVolume (its ID becomes known at deploy) and its claim,
  // mounted by a pod on the default node group, in the volume's zone.
  const pv = new PersistentVolume(workloads, 'data-pv', {
    name: 'data-pv',
    source: PersistentVolumeSource.fromBlockStorageVolume(volume, { fsType: 'ext4' }),
    reclaimPolicy: 'Retain',
  });
  const claim = pv.addClaim('data-claim', { name: 'data-claim', namespace: 'default' });
  const reader = new WebApp(workloads, 'data-reader', {
    name: 'data-reader',
    image: 'busybox:1.36',
    command: ['sh', '-c', 'ls -l /data && sleep 3600'],
    replicas: 1,
    strategy: 'Recreate',
    resources: { cpu: { request: kplus.Cpu.millis(10) }, memory: { request: Size.mebibytes(16) } },
    placement: cluster.defaultNodeGroup,
  });
  reader.mount('/data', claim);

  // Terraform applies the same objects after the cluster exists. On NHN Cloud the Kubernetes provider
  // reads a kubeconfig file (NKS_KUBECONFIG) that exists only once the cluster does.
  if (infra.target === 'openstack' || process.env.NKS_KUBECONFIG) platform.deployWorkloadsTo(cluster);

  return { platform, infra, network, keyPair, cluster, workers, gpus, volume, gpuInstance, workloads, nginx, pv, claim };
}

if (require.main === module) {
  const app = new PlatformApp();
  build(app);
  const result = app.synth();
  console.log(`wrote ${result.outdir} and ${result.k8sOutdir}`);
  if (result.pendingObjects.length) console.log(`${result.pendingObjects.length} object(s) wait for infrastructure outputs (see above)`);
  if (!app.infra.node.tryFindChild('nks-workloads')) {
    console.log(
      'no nks-workloads stack: on the nhncloud target Terraform\'s Kubernetes provider reads a kubeconfig file, which exists ' +
        'once the cluster does. Deploy nks-infra, download the kubeconfig (NKS console > cluster > kubeconfig download), then ' +
        'synth again with NKS_KUBECONFIG=<that file> to add the stack (until then, apply dist/ with kubectl).',
    );
  }
}

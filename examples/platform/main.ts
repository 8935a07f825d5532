// The main job: the guide's platform, from cluster to workloads in one program, on NHN Cloud KR1 by default.
//   cdktf.out/stacks/nks-infra      VPC, key pair, cluster with 3 nodes in kr-pub-a, a node group in kr-pub-b,
//                                   a GPU node group on g2.t4.c4m32, a block storage volume and a GPU instance
//   cdktf.out/stacks/nks-workloads  the manifests below as kubernetes_manifest, applied after nks-infra
//                                   (on NHN Cloud once NKS_KUBECONFIG names the cluster's kubeconfig file)
//   dist/web.k8s.yaml               the same manifests for kubectl: the guide's nginx Deployment behind the
//                                   LoadBalancer Service nginx-svc (8080 → 80), and a static PersistentVolume
//                                   on the block storage volume with its claim, mounted by a data pod
// Run: npm run synth (no credentials needed): NHN Cloud's own provider (the nhncloud target, the default in KR1).
// NKS_TARGET=openstack npm run synth: the same platform for an OpenStack cloud with Magnum, described by the
// cloud profile in $NKS_OPENSTACK_CLOUD (a JSON file), else by the made-up example in ../clouds.ts; its zones,
// flavors and volume types are then the profile's. Deploy: see the README ("Deploying for real").
// The static PV needs the volume's ID, which exists after deploy: until NKS_INFRA_OUTPUTS names the outputs
// file, it is left out of dist/ and synth says so (the workloads stack uses a Terraform reference instead).
// The environment the program reads: NKS_PUBLIC_KEY, NKS_INTERNET_GATEWAY_ID, NKS_EXTERNAL_NETWORK_ID,
// NKS_EXTERNAL_SUBNET_IDS, NKS_PUBLIC_API_ENDPOINT, NKS_KUBECONFIG (nhncloud); NKS_OPENSTACK_CLOUD,
// NKS_NODE_IMAGE, NKS_GPU_IMAGE (openstack); NKS_TARGET, NKS_INFRA_OUTPUTS (both).
import { Chart, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import {
  BlockStorageVolume,
  Cluster,
  GpuInstance,
  KeyPair,
  Network,
  PersistentVolume,
  PersistentVolumeSource,
  Platform,
  PlatformApp,
  Service,
  WebApp,
} from 'nks-cdk';
import { apiEndpointOf, NHN_NODE_IMAGE, openStackCloud, siteOf } from '../clouds';

/** The NKS node image on NHN Cloud: the newest Ubuntu 22.04 container image, looked up at plan time. */
export const NODE_IMAGE = NHN_NODE_IMAGE;

/** Declares the example platform on `app`; returns the pieces tests look at. */
export function build(app: PlatformApp) {
  // region KR1 makes NHN Cloud the default; the profile is used when NKS_TARGET=openstack.
  const cloud = openStackCloud();
  const platform = new Platform(app, { region: 'KR1', cloud });
  const infra = platform.infra;
  // The guide's zones, flavors and volume types on NHN Cloud; the profile's on another cloud.
  const site = siteOf(infra, cloud);
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
    image: site.nodeImage,
    availabilityZone: site.zones[0],
    flavor: site.flavor,
    nodeCount: 3,
    keyPair,
    bootVolume: { type: site.volumeType, sizeGb: 50 },
    // Private unless NKS_PUBLIC_API_ENDPOINT=true (on NHN Cloud with NKS_EXTERNAL_NETWORK_ID and NKS_EXTERNAL_SUBNET_IDS).
    ...apiEndpointOf(infra),
  });
  const workers = cluster.addNodeGroup('workers-b', {
    flavor: site.flavor,
    nodeCount: 2,
    availabilityZone: site.zones[1],
    autoscaler: { minNodes: 2, maxNodes: 5 },
  });
  const gpus = site.gpu && cluster.addGpuNodeGroup('gpu', {
    flavor: site.gpu.nodeFlavor,
    nodeCount: 1,
    availabilityZone: site.zones[0],
  });
  const volume = new BlockStorageVolume(infra, 'data', {
    sizeGb: 100,
    volumeType: site.fastVolumeType,
    availabilityZone: site.zones[0],
  });
  const gpuInstance = site.gpu && new GpuInstance(infra, 'gpu-instance', {
    flavor: site.gpu.instanceFlavor,
    image: site.gpu.instanceImage,
    availabilityZone: site.zones[0],
    network,
    keyPair,
    bootVolume: { type: site.fastVolumeType, sizeGb: 100 },
    volumes: [new BlockStorageVolume(infra, 'gpu-scratch', { sizeGb: 200, availabilityZone: site.zones[0] })],
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
  // reads a kubeconfig file (NKS_KUBECONFIG) that exists only once the cluster does. With the default private
  // API endpoint, synth warns that the workloads stack must be applied from inside the cluster's network.
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

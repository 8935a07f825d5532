// The main job: the guide's platform on NHN Cloud KR1.
//   infrastructure (cdktf.out/): VPC, key pair, cluster with 3 nodes in kr-pub-a, a node group in kr-pub-b,
//   a GPU node group on g2.t4.c4m32, a block storage volume and a GPU instance.
//   workloads (dist/): the guide's nginx Deployment behind a LoadBalancer Service on 8080 → 80.
// Run: npm run synth   (no credentials needed; deploy with `npx cdktf deploy` after setting OS_* variables)
// For NHN Cloud's own provider: NKS_TARGET=nhncloud npm run synth (see the README's NHN Cloud deploy flow).
import * as kplus from 'cdk8s-plus-28';
import { Chart } from 'cdk8s';
import {
  BlockStorageVolume,
  Cluster,
  GpuInstance,
  ImageRef,
  InfraStack,
  KeyPair,
  Network,
  PlatformApp,
} from 'nks-cdk';

/** The NKS node image: the newest Ubuntu 22.04 container image, looked up at plan time. */
export const NODE_IMAGE = ImageRef.fromNameRegex('^Ubuntu Server 22\\.04.* - Container');

/** Declares the example platform on `app`; returns the pieces tests look at. */
export function build(app: PlatformApp) {
  const infra = new InfraStack(app.infra, 'nks-infra', { region: 'KR1' });
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
  const deployment = new kplus.Deployment(workloads, 'nginx-deployment', {
    metadata: { name: 'nginx-deployment', labels: { app: 'nginx' } },
    replicas: 2,
    containers: [
      {
        name: 'nginx',
        image: 'nginx:1.14.2',
        ports: [{ number: 80 }],
        // nginx writes its cache and pid file and starts as root.
        securityContext: { ensureNonRoot: false, readOnlyRootFilesystem: false },
      },
    ],
  });
  deployment.exposeViaService({
    name: 'nginx-svc',
    serviceType: kplus.ServiceType.LOAD_BALANCER,
    ports: [{ port: 8080, targetPort: 80, protocol: kplus.Protocol.TCP }],
  });

  return { infra, network, keyPair, cluster, workers, gpus, volume, gpuInstance, workloads };
}

if (require.main === module) {
  const app = new PlatformApp();
  build(app);
  const result = app.synth();
  console.log(`wrote ${result.outdir} and ${result.k8sOutdir}`);
}

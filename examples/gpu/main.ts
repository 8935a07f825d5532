// Guide 000, "GPU 노드 그룹 사용": a GPU node group in the cluster, the guide's resnet test pod, and a GPU
// Deployment placed on that node group, all from one program.
//   cdktf.out/  the cluster with a g2.t4.c4m32 node group (1 node, autoscaled up to 2; one T4 GPU per node)
//   dist/gpu.k8s.yaml  resnet-gpu-pod (resnet.yaml) and the gpu-inference Deployment
// Run: npm run build && node build/examples/gpu/main.js
// NHN Cloud (KR1) by default; NKS_TARGET=openstack uses the cloud profile (../clouds.ts) and its first GPU flavor.
// Deploy the infrastructure first (`npx cdktf deploy`), then `kubectl apply -f dist/gpu.k8s.yaml`.
// The resnet pod pulls from nvcr.io with the secret nvcr.dgxkey, created beforehand with
// `kubectl create secret docker-registry nvcr.dgxkey --docker-server=nvcr.io --docker-username='$oauthtoken' --docker-password=<NGC API key>`.
import * as kplus from 'cdk8s-plus-28';
import { Chart } from 'cdk8s';
import { Cluster, GpuDeployment, GpuPod, InfraStack, KeyPair, Network, PlatformApp, PullSecret } from 'nks-cdk';
import { openStackCloud, siteOf } from '../clouds';

export function build(app: PlatformApp) {
  const cloud = openStackCloud();
  const infra = new InfraStack(app.infra, 'gpu-infra', { region: 'KR1', cloud });
  const site = siteOf(infra, cloud);
  if (!site.gpu) throw new Error('this example needs a GPU flavor, and the cloud profile lists none (flavors[].gpu)');
  const network = new Network(infra, 'vpc', { name: 'gpu-vpc', cidr: '192.168.0.0/24' });
  const keyPair = new KeyPair(infra, 'keypair', { name: 'gpu-key', publicKey: process.env.NKS_PUBLIC_KEY });
  const cluster = new Cluster(infra, 'cluster', {
    name: 'gpu-cluster',
    network,
    image: site.nodeImage,
    availabilityZone: site.zones[0],
    flavor: site.flavor,
    nodeCount: 2,
    keyPair,
  });
  // NKS installs nvidia-device-plugin on g2 node groups, so their nodes offer nvidia.com/gpu.
  const gpuNodes = cluster.addGpuNodeGroup('gpu', {
    flavor: site.gpu.nodeFlavor,
    nodeCount: 1,
    autoscaler: { minNodes: 1, maxNodes: 3 },
  });

  const chart = new Chart(app.k8s, 'gpu');
  // resnet.yaml, as in the guide: any node with a free GPU; runs as root (mpiexec --allow-run-as-root).
  const resnet = new GpuPod(chart, 'resnet', {
    name: 'resnet-gpu-pod',
    containerName: 'resnet',
    image: 'nvcr.io/nvidia/tensorflow:18.07-py3',
    command: ['mpiexec'],
    args: [
      '--allow-run-as-root', '--bind-to', 'socket', '-np', '1', 'python',
      '/opt/tensorflow/nvidia-examples/cnn/resnet.py', '--layers=50', '--precision=fp16', '--batch_size=64', '--num_iter=90',
    ],
    imagePullSecrets: [PullSecret.fromName('nvcr.dgxkey')],
    gpus: 1,
  });
  // A model server with one GPU per replica, pinned to the GPU node group: with the resnet pod, 3 GPUs in
  // all fit the group's 3 nodes × 1 T4 at its autoscaler maximum (more would warn at synth: pods would
  // stay Pending).
  const inference = new GpuDeployment(chart, 'inference', {
    name: 'gpu-inference',
    labels: { app: 'gpu-inference' },
    image: 'nvcr.io/nvidia/tritonserver:24.08-py3',
    command: ['tritonserver'],
    args: ['--model-repository=/models'],
    ports: [{ name: 'http', number: 8000 }, { name: 'grpc', number: 8001 }, { name: 'metrics', number: 8002 }],
    replicas: 2,
    gpus: 1,
    placement: gpuNodes,
    imagePullSecrets: [PullSecret.fromName('nvcr.dgxkey')],
  });
  // Storage hook: the model repository; an emptyDir here, a PersistentVolumeClaim in practice.
  inference.mount('/models', kplus.Volume.fromEmptyDir(chart, 'models', 'models'));
  return { infra, cluster, gpuNodes, chart, resnet, inference };
}

if (require.main === module) {
  const app = new PlatformApp();
  build(app);
  app.synth();
}

// Guide 000, "정적 프로비저닝", on chart's NKS: Terraform creates the Cinder volume next to the nodes, the
// PersistentVolume takes its zone and size from it, and the Cinder CSI driver (Kubernetes v1.20+) attaches it.
//   cdktf.out/stacks/storage-infra   VPC, cluster (2 nodes in kr-pub-a) and the 10 GB volume pv-static-001
//   dist/storage-static-csi.k8s.yaml sc-default, pv-static-001 (csi.volumeHandle), pvc-static and an nginx
//                                    Deployment on the cluster's nodes that mounts the claim
// The volume ID exists only after the volume does:
//   npx cdktf deploy storage-infra
//   npx cdktf output storage-infra --outputs-file outputs.json
//   NKS_INFRA_OUTPUTS=outputs.json node build/examples/storage-static-csi/main.js
// Until outputs.json exists, pv-static-001 is left out of dist/ and synth names it (the rest is written).
// NHN Cloud (KR1) by default; NKS_TARGET=openstack uses the cloud profile (../clouds.ts).
import { Chart } from 'cdk8s';
import {
  BlockStorageVolume, Cluster, InfraStack, KeyPair, Network, PersistentVolume, PersistentVolumeSource, PlatformApp, StorageClass, WebApp,
} from 'nks-cdk';
import { openStackCloud, siteOf } from '../clouds';

export function build(app: PlatformApp) {
  const cloud = openStackCloud();
  const infra = new InfraStack(app.infra, 'storage-infra', { region: 'KR1', cloud });
  const site = siteOf(infra, cloud);
  const cluster = new Cluster(infra, 'cluster', {
    name: 'storage-cluster',
    network: new Network(infra, 'vpc', { name: 'storage-vpc', cidr: '192.168.0.0/24' }),
    image: site.nodeImage,
    availabilityZone: site.zones[0],
    flavor: site.flavor,
    nodeCount: 2,
    keyPair: new KeyPair(infra, 'keypair', { name: 'storage-key', publicKey: process.env.NKS_PUBLIC_KEY }),
  });
  const volume = new BlockStorageVolume(infra, 'pv-static-001', { sizeGb: 10, volumeType: site.volumeType, availabilityZone: site.zones[0] });

  const chart = new Chart(app.k8s, 'storage-static-csi');
  // StorageClass zones are checked against NHN Cloud's, so on another cloud the class waits for the pod's node
  // instead (volumeBindingMode); the static PV carries the volume's zone on either cloud.
  const sc = new StorageClass(chart, 'sc-default', {
    name: 'sc-default',
    kubernetesVersion: cluster.kubernetesVersion,
    ...(infra.target === 'nhncloud' ? { availabilityZone: site.zones[0] } : { volumeBindingMode: 'WaitForFirstConsumer' as const }),
  });
  // Retain: the volume belongs to Terraform, so releasing the claim must not delete it.
  const pv = new PersistentVolume(chart, 'pv-static', {
    name: 'pv-static-001',
    source: PersistentVolumeSource.fromBlockStorageVolume(volume, { fsType: 'ext4' }),
    reclaimPolicy: 'Retain',
    storageClass: sc,
  });
  const claim = pv.addClaim('pvc-static', { name: 'pvc-static', namespace: 'default' });
  // One replica with Recreate: a ReadWriteOnce volume attaches to one node at a time.
  const web = new WebApp(chart, 'web', {
    name: 'nginx-with-static-pv',
    image: 'nginx:1.14.2',
    ports: [{ name: 'web', number: 80 }],
    replicas: 1,
    strategy: 'Recreate',
    placement: cluster.defaultNodeGroup,
  });
  web.mount('/usr/share/nginx/html', claim);

  return { infra, cluster, volume, chart, sc, pv, claim, web };
}

if (require.main === module) {
  const app = new PlatformApp();
  build(app);
  app.synth();
}

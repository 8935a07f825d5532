import { Cluster, ClusterProps, ImageRef, InfraStack, InfraStackProps, KeyPair, Network, PlatformApp } from '../../lib';

export const PUBLIC_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIK3eYQ0EXAMPLEKEYDATAFORTESTS1234567890ab test@nks';
export const IMAGE_ID = '4f8b6bb0-3c34-4f5e-9a3c-0d1e2f3a4b5c';

/** A stack, network, key pair and cluster with the guide's defaults; `overrides` change the cluster props, `stackProps` the stack's (e.g. the target). */
export function baseCluster(app: PlatformApp, overrides: Partial<ClusterProps> = {}, stackProps: InfraStackProps = {}, inStack?: InfraStack) {
  const stack = inStack ?? new InfraStack(app.infra, 'infra', { region: 'KR1', ...stackProps });
  const network = new Network(stack, 'vpc', { cidr: '192.168.0.0/24' });
  const keyPair = new KeyPair(stack, 'key', { publicKey: PUBLIC_KEY });
  const cluster = new Cluster(stack, 'cluster', {
    name: 'my-cluster',
    network,
    image: ImageRef.fromId(IMAGE_ID),
    availabilityZone: 'kr-pub-a',
    nodeCount: 3,
    keyPair,
    ...overrides,
  });
  return { stack, network, keyPair, cluster };
}

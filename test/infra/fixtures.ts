import { Cluster, ClusterProps, ImageRef, InfraStack, InfraStackProps, KeyPair, Network, OpenStackCloudProfile, PlatformApp } from '../../lib';

export const PUBLIC_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIK3eYQ0EXAMPLEKEYDATAFORTESTS1234567890ab test@nks';
export const IMAGE_ID = '4f8b6bb0-3c34-4f5e-9a3c-0d1e2f3a4b5c';
/** NCR and OBS service gateway IDs: an NKS cluster on a subnet without an internet gateway pulls its images through them. */
export const SERVICE_GATEWAYS = Object.freeze({ ncr: '48f4ff38-d14b-4f34-a40c-705524e6a755', obs: '23c550cb-6a5b-4eaa-903a-711c13316d91' });

/**
 * An OpenStack cloud with Magnum for tests: names no NHN table has, so a test sees whether the profile or
 * NHN's facts were used.
 */
export const TEST_CLOUD: OpenStackCloudProfile = Object.freeze({
  name: 'test-cloud',
  region: 'RegionOne',
  availabilityZones: ['nova', 'az-2'],
  flavors: [
    { name: 'm1.small', vcpus: 1, memoryGiB: 2 },
    { name: 'm1.large', vcpus: 4, memoryGiB: 8 },
    { name: 'g1.t4', vcpus: 8, memoryGiB: 32, gpu: { model: 'Tesla T4', count: 1 } },
    { name: 'g1.2t4', vcpus: 16, memoryGiB: 64, gpu: { model: 'Tesla T4', count: 2 } },
  ],
  defaultFlavor: 'm1.large',
  volumeTypes: ['__DEFAULT__', 'fast-ssd'],
  externalNetwork: 'ext-net',
  masterFlavor: 'm1.small',
  nodeImageOsDistro: 'fedora-coreos',
});

/** Stack props for the openstack target on {@link TEST_CLOUD}. */
export const OPENSTACK: InfraStackProps = Object.freeze({ target: 'openstack', cloud: TEST_CLOUD });

/**
 * A stack, network, key pair and cluster with the guide's defaults (NHN Cloud KR1, the nhncloud target);
 * `overrides` change the cluster props, `stackProps` the stack's (e.g. the target).
 */
export function baseCluster(app: PlatformApp, overrides: Partial<ClusterProps> = {}, stackProps: InfraStackProps = {}, inStack?: InfraStack) {
  const stack = inStack ?? new InfraStack(app.infra, 'infra', { region: 'KR1', ...stackProps });
  const network = new Network(stack, 'vpc', { cidr: '192.168.0.0/24' });
  const keyPair = new KeyPair(stack, 'key', { publicKey: PUBLIC_KEY });
  const cluster = new Cluster(stack, 'cluster', {
    name: 'my-cluster',
    network,
    image: ImageRef.fromId(IMAGE_ID),
    availabilityZone: stack.target === 'openstack' ? 'nova' : 'kr-pub-a',
    nodeCount: 3,
    keyPair,
    ...overrides,
  });
  return { stack, network, keyPair, cluster };
}

/** {@link baseCluster} on the openstack target with {@link TEST_CLOUD} (zone `nova`, flavor `m1.large`). */
export function openstackCluster(app: PlatformApp, overrides: Partial<ClusterProps> = {}, stackProps: InfraStackProps = {}) {
  return baseCluster(app, overrides, { ...OPENSTACK, ...stackProps });
}

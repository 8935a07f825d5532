// The clouds the examples deploy to, and what each example uses there. On NHN Cloud (the nhncloud target,
// the default in KR1) the examples use the guide's zones, flavors, volume types and images. On another
// OpenStack cloud with Magnum (NKS_TARGET=openstack) they use a cloud profile: the JSON file
// $NKS_OPENSTACK_CLOUD names, or EXAMPLE_OPENSTACK_CLOUD below, whose values are MADE UP (no real cloud has
// them); write your cloud's profile to deploy (README, "Deploying on OpenStack with Magnum").
import { ExternalNetworkRef, ImageRef, InfraStack, loadOpenStackCloudProfile, OpenStackCloudProfile } from 'nks-cdk';

/**
 * AN EXAMPLE, NOT A REAL CLOUD: the shape of a profile for an OpenStack cloud with Magnum's own driver
 * (Fedora CoreOS node images, os_distro=fedora-coreos). Every value is invented; on your cloud read them with
 * `openstack region list`, `openstack availability zone list --compute`, `openstack flavor list --long`,
 * `openstack volume type list` and `openstack network list --external`.
 */
export const EXAMPLE_OPENSTACK_CLOUD: OpenStackCloudProfile = {
  name: 'example-cloud',
  region: 'RegionOne',
  availabilityZones: ['az-1', 'az-2'],
  flavors: [
    { name: 'm1.medium', vcpus: 2, memoryGiB: 4 },
    { name: 'm1.large', vcpus: 4, memoryGiB: 8 },
    { name: 'm1.xlarge', vcpus: 8, memoryGiB: 16 },
    { name: 'g1.t4.large', vcpus: 8, memoryGiB: 32, gpu: { model: 'Tesla T4', count: 1 } },
    { name: 'g1.t4.xlarge', vcpus: 16, memoryGiB: 64, gpu: { model: 'Tesla T4', count: 2 } },
  ],
  defaultFlavor: 'm1.large',
  volumeTypes: ['standard', 'ssd'],
  externalNetwork: 'public',
  masterFlavor: 'm1.large',
  nodeImageOsDistro: 'fedora-coreos',
  networkDriver: 'calico',
};

/** The profile the openstack target uses: the JSON file `$NKS_OPENSTACK_CLOUD` names, else the made-up example. */
export function openStackCloud(): OpenStackCloudProfile {
  const file = process.env.NKS_OPENSTACK_CLOUD;
  return file ? loadOpenStackCloudProfile(file) : EXAMPLE_OPENSTACK_CLOUD;
}

/** What an example places where, on its stack's cloud. */
export interface Site {
  /** Two availability zones (the same one twice on a cloud with one). */
  readonly zones: readonly [string, string];
  /** The flavor of ordinary nodes. */
  readonly flavor: string;
  /** The node image. */
  readonly nodeImage: ImageRef;
  /** The default volume type and a faster one (the same on a cloud with one). */
  readonly volumeType: string;
  readonly fastVolumeType: string;
  /** GPU flavors and the GPU instance's image, when the cloud has GPU flavors. */
  readonly gpu?: { readonly nodeFlavor: string; readonly instanceFlavor: string; readonly instanceImage: ImageRef };
}

/** The guide's NKS node image: the newest Ubuntu 22.04 container image, looked up at plan time. */
export const NHN_NODE_IMAGE = ImageRef.fromNameRegex('^Ubuntu Server 22\\.04.* - Container');

/**
 * The guide's choices on NHN Cloud; on another cloud, its profile's: the first two zones, the default flavor
 * and volume type, the first GPU flavors. Node images on openstack: `$NKS_NODE_IMAGE` (an image name), else
 * the newest image named `fedora-coreos-*` (the example profile's os_distro); the GPU instance's image:
 * `$NKS_GPU_IMAGE`, else the newest `ubuntu-22.04*`.
 */
export function siteOf(infra: InfraStack, profile: OpenStackCloudProfile): Site {
  if (infra.target === 'nhncloud') {
    const [a, b] = infra.cloud.availabilityZones;
    return {
      zones: [a, b],
      flavor: 'm2.c4m8',
      nodeImage: NHN_NODE_IMAGE,
      volumeType: 'General HDD',
      fastVolumeType: 'General SSD',
      gpu: { nodeFlavor: 'g2.t4.c4m32', instanceFlavor: 'g2.t4.c8m64', instanceImage: ImageRef.fromNameRegex('^Ubuntu Server 22\\.04.* LTS \\(GPU\\)') },
    };
  }
  const zones = infra.cloud.availabilityZones;
  const volumeType = infra.cloud.defaultVolumeType;
  const gpuFlavors = profile.flavors.filter((f) => f.gpu !== undefined).map((f) => f.name);
  const image = (env: string, pattern: string) => (process.env[env] ? ImageRef.fromName(process.env[env]!) : ImageRef.fromNameRegex(pattern));
  return {
    zones: [zones[0], zones[1] ?? zones[0]],
    flavor: infra.cloud.defaultFlavor,
    nodeImage: image('NKS_NODE_IMAGE', '^fedora-coreos-'),
    volumeType,
    fastVolumeType: profile.volumeTypes.find((t) => t !== volumeType) ?? volumeType,
    gpu: gpuFlavors.length ? { nodeFlavor: gpuFlavors[0], instanceFlavor: gpuFlavors[1] ?? gpuFlavors[0], instanceImage: image('NKS_GPU_IMAGE', '^ubuntu-22\\.04') } : undefined,
  };
}

/**
 * The cluster's API endpoint as the environment asks: private unless `NKS_PUBLIC_API_ENDPOINT=true`. On NHN
 * Cloud a public endpoint needs the VPC network attached to the internet gateway and its subnets
 * (`NKS_EXTERNAL_NETWORK_ID`, `NKS_EXTERNAL_SUBNET_IDS`, subnet IDs separated by commas), which NKS also takes
 * whenever the subnet routes to an internet gateway; on openstack the profile's external network gives the
 * floating IP.
 */
export function apiEndpointOf(infra: InfraStack): { publicApiEndpoint?: boolean; externalNetwork?: ExternalNetworkRef; externalSubnetIds?: string[] } {
  const publicApiEndpoint = process.env.NKS_PUBLIC_API_ENDPOINT === 'true' ? true : undefined;
  const network = process.env.NKS_EXTERNAL_NETWORK_ID;
  const subnets = process.env.NKS_EXTERNAL_SUBNET_IDS;
  if (infra.target !== 'nhncloud' || !network || !subnets) return { publicApiEndpoint };
  return { publicApiEndpoint, externalNetwork: ExternalNetworkRef.fromId(network), externalSubnetIds: subnets.split(',').map((s) => s.trim()).filter(Boolean) };
}

// The seam between nks-cdk's constructs and a Terraform provider. Constructs validate their props into the
// specs below (model values, literal IDs or Terraform references) once; a target renderer turns a spec into
// that provider's resources and hands back the few values the construct exposes. Everything a target does
// differently lives behind this interface: openstack.ts and nhncloud.ts.
import type { TerraformProvider, TerraformResource } from 'cdktf';
import type { Construct } from 'constructs';
import type { BlockstorageVolumeV2 } from '../../generated/providers/nhncloud/blockstorage-volume-v2';
import type { ComputeInstanceV2 as NhnComputeInstanceV2 } from '../../generated/providers/nhncloud/compute-instance-v2';
import type { ComputeKeypairV2 as NhnComputeKeypairV2 } from '../../generated/providers/nhncloud/compute-keypair-v2';
import type { KubernetesClusterResizeV1 } from '../../generated/providers/nhncloud/kubernetes-cluster-resize-v1';
import type { KubernetesClusterV1 } from '../../generated/providers/nhncloud/kubernetes-cluster-v1';
import type { KubernetesNodegroupUpgradeV1 } from '../../generated/providers/nhncloud/kubernetes-nodegroup-upgrade-v1';
import type { KubernetesNodegroupV1 } from '../../generated/providers/nhncloud/kubernetes-nodegroup-v1';
import type { NetworkingRoutingtableV2 } from '../../generated/providers/nhncloud/networking-routingtable-v2';
import type { NetworkingVpcV2 } from '../../generated/providers/nhncloud/networking-vpc-v2';
import type { NetworkingVpcsubnetV2 } from '../../generated/providers/nhncloud/networking-vpcsubnet-v2';
import type { BlockstorageVolumeV3 } from '../../generated/providers/openstack/blockstorage-volume-v3';
import type { ComputeInstanceV2 } from '../../generated/providers/openstack/compute-instance-v2';
import type { ComputeKeypairV2 } from '../../generated/providers/openstack/compute-keypair-v2';
import type { ContainerinfraClusterV1 } from '../../generated/providers/openstack/containerinfra-cluster-v1';
import type { ContainerinfraClustertemplateV1 } from '../../generated/providers/openstack/containerinfra-clustertemplate-v1';
import type { ContainerinfraNodegroupV1 } from '../../generated/providers/openstack/containerinfra-nodegroup-v1';
import type { NetworkingNetworkV2 } from '../../generated/providers/openstack/networking-network-v2';
import type { NetworkingRouterV2 } from '../../generated/providers/openstack/networking-router-v2';
import type { NetworkingSubnetV2 } from '../../generated/providers/openstack/networking-subnet-v2';
import type { Cidr } from '../../model/cidr';
import type { OpenStackCloud } from '../../model/cloud-profile';
import type { Where } from '../../model/errors';
import type { Flavor } from '../../model/flavors';
import type { KubernetesVersion } from '../../model/kubernetes-versions';
import type { NodeSpec, VolumeEncryptionKey } from '../../model/node-spec';
import type { Region } from '../../model/regions';
import type { VolumeType } from '../../model/volumes';
import type { ClusterAccess } from '../access';
import type { NksAddon } from '../addons';
import type { ExternalNetworkRef } from '../references';
import type { ReferenceLookups } from '../reference-lookups';

/**
 * The Terraform provider an {@link InfraStack} renders for.
 * - `openstack`: terraform-provider-openstack/openstack 3.4.0 (Magnum `containerinfra` resources), for any
 *   OpenStack cloud with Magnum.
 * - `nhncloud`: nhn-cloud/nhncloud 1.0.7, NHN Cloud's own provider: the only one whose resources NHN Cloud's
 *   Kubernetes service (NKS) and VPC APIs accept in full.
 */
export type InfraTarget = 'openstack' | 'nhncloud';

/** The resources a construct exposes, per target (narrow with `instanceof` to reach provider-specific attributes). */
export type ClusterResource = ContainerinfraClusterV1 | KubernetesClusterV1;
/** The node group: `openstack_containerinfra_nodegroup_v1` or `nhncloud_kubernetes_nodegroup_v1`. */
export type NodeGroupResource = ContainerinfraNodegroupV1 | KubernetesNodegroupV1;
/** The VPC network: `openstack_networking_network_v2` or `nhncloud_networking_vpc_v2`. */
export type NetworkResource = NetworkingNetworkV2 | NetworkingVpcV2;
/** The subnet: `openstack_networking_subnet_v2` or `nhncloud_networking_vpcsubnet_v2`. */
export type SubnetResource = NetworkingSubnetV2 | NetworkingVpcsubnetV2;
/** The subnet's way out: an OpenStack router or an NHN routing table. */
export type RouterResource = NetworkingRouterV2 | NetworkingRoutingtableV2;
/** The key pair: `openstack_compute_keypair_v2` or `nhncloud_compute_keypair_v2`. */
export type KeyPairResource = ComputeKeypairV2 | NhnComputeKeypairV2;
/** The block storage volume: `openstack_blockstorage_volume_v3` or `nhncloud_blockstorage_volume_v2`. */
export type VolumeResource = BlockstorageVolumeV3 | BlockstorageVolumeV2;
/** The compute instance: `openstack_compute_instance_v2` or `nhncloud_compute_instance_v2`. */
export type InstanceResource = ComputeInstanceV2 | NhnComputeInstanceV2;
/** A resize operation, which sets a node group's node count: `nhncloud_kubernetes_cluster_resize_v1` (nhncloud target only). */
export type ResizeResource = KubernetesClusterResizeV1;
/** A node group upgrade operation: `nhncloud_kubernetes_nodegroup_upgrade_v1` (nhncloud target only). */
export type UpgradeResource = KubernetesNodegroupUpgradeV1;

/** Every {@link InfraTarget}. */
export const INFRA_TARGETS: readonly InfraTarget[] = Object.freeze(['openstack', 'nhncloud'] as const);

/** What the nhncloud renderer knows about its stack. */
export interface RenderContext {
  readonly region: Region;
  /** Flavor names the user says the region offers, when given (InfraStackProps.availableFlavors). */
  readonly availableFlavors?: readonly string[];
}

/** What the openstack renderer knows about its stack: the validated cloud profile (InfraStackProps.cloud). */
export interface OpenStackRenderContext {
  readonly cloud: OpenStackCloud;
}

/** Where a construct's fields are, for errors raised while rendering. */
export type WhereOf = (field: string) => Where;

/** A validated `Network` (fields as its props). */
export interface NetworkSpec {
  readonly name: string;
  readonly subnetCidr: Cidr;
  /** The VPC's own range as given (nhncloud only; the subnet lies within it). */
  readonly vpcCidr?: string;
  readonly dnsNameservers?: readonly string[];
  /** Create a router (openstack) or routing table (nhncloud) for the subnet. */
  readonly createRouter: boolean;
  /** The external network the router's gateway uses (openstack). */
  readonly externalNetwork?: ExternalNetworkRef;
  /** An internet gateway to attach the routing table to (nhncloud). */
  readonly internetGatewayId?: string;
}

/** What a `Network` exposes. */
export interface RenderedNetwork {
  readonly networkId: string;
  readonly subnetId: string;
  readonly network: NetworkResource;
  readonly subnet: SubnetResource;
  readonly router?: RouterResource;
  /**
   * nhncloud: whether the subnet's routing table is attached to an internet gateway (undefined on openstack,
   * where the router's gateway is the way out).
   */
  readonly internetGateway?: boolean;
  /** nhncloud: the routing table's internet gateway attachment, when there is one. */
  readonly internetGatewayAttachment?: TerraformResource;
}

/** A validated `KeyPair`. */
export interface KeyPairSpec {
  readonly name: string;
  readonly publicKey?: string;
}

/** A validated `BlockStorageVolume`. */
export interface VolumeSpec {
  readonly name: string;
  readonly sizeGb: number;
  readonly volumeType: VolumeType;
  readonly availabilityZone: string;
  readonly description?: string;
  /** The Secure Key Manager key of an encrypted volume type (nhncloud: `nhn_encryption`). */
  readonly encryptionKey?: VolumeEncryptionKey;
}

/** A validated `GpuInstance`, its references resolved. */
export interface InstanceSpec {
  readonly name: string;
  readonly flavor: Flavor;
  readonly availabilityZone: string;
  readonly keyPairName: string;
  readonly securityGroups: readonly string[];
  readonly networkId: string;
  readonly imageId: string;
  readonly bootVolumeType: VolumeType;
  readonly bootVolumeSizeGb: number;
  /** The Secure Key Manager key of an encrypted boot volume type (nhncloud: the block device's `nhn_encryption`). */
  readonly bootVolumeEncryptionKey?: VolumeEncryptionKey;
  /** IDs of volumes to attach after boot. */
  readonly volumeIds: readonly string[];
  /** What the instance must be created after: its network's subnet (and gateway attachment). */
  readonly dependsOn?: readonly TerraformResource[];
}

/**
 * The block storage volume arguments both providers spell the same way (the nhncloud provider is a fork
 * of the OpenStack one), so the two renderers differ only in the resource class.
 */
export function volumeArguments(spec: VolumeSpec) {
  return { name: spec.name, size: spec.sizeGb, volumeType: spec.volumeType, availabilityZone: spec.availabilityZone, description: spec.description };
}

/**
 * The compute instance arguments both providers spell the same way: everything but the flavor, which the
 * OpenStack provider takes by name and NHN by a looked-up ID. It boots from a volume made from the image.
 */
export function instanceArguments(spec: InstanceSpec) {
  return {
    name: spec.name,
    availabilityZone: spec.availabilityZone,
    keyPair: spec.keyPairName,
    securityGroups: [...spec.securityGroups],
    network: [{ uuid: spec.networkId }],
    // Nova refuses to boot a server on a network without a subnet ("Network %(network_uuid)s requires a subnet
    // in order to boot instances on.", openstack/nova `nova/exception.py`, NetworkRequiresSubnet), and
    // `network.uuid` is the VPC's ID, which exists before its subnet does: the instance waits explicitly.
    dependsOn: spec.dependsOn?.length ? [...spec.dependsOn] : undefined,
    blockDevice: [
      {
        uuid: spec.imageId,
        sourceType: 'image',
        destinationType: 'volume',
        volumeSize: spec.bootVolumeSizeGb,
        volumeType: spec.bootVolumeType,
        bootIndex: 0,
        deleteOnTermination: true,
      },
    ],
  };
}

/** A validated in-place upgrade (nhncloud): `ClusterUpgrade` with its defaults applied. */
export interface UpgradeSpec {
  /** The version to upgrade to. */
  readonly kubernetesVersion: KubernetesVersion;
  /** Extra nodes per group during the upgrade. */
  readonly bufferNodes: number;
  /** Nodes of a group out of service at once. */
  readonly maxUnavailableNodes: number;
}

/** A validated `Cluster` (fields as its props), its references resolved. */
export interface ClusterSpec {
  readonly name: string;
  readonly kubernetesVersion: KubernetesVersion;
  /** The default node group. */
  readonly nodes: NodeSpec;
  /** Node count to resize the default node group to after creation. */
  readonly resizeTo?: number;
  /** The NKS labels every target writes (all strings). */
  readonly labels: Readonly<Record<string, string>>;
  /**
   * Every Kubernetes label the default group's nodes carry, nks-cdk's group label included (a target that
   * cannot take NKS's `k8s_node_labels` hands them to the kubelet).
   * @default - `nodes.nodeLabels`
   */
  readonly nodeLabels?: Readonly<Record<string, string>>;
  readonly imageId: string;
  readonly networkId: string;
  readonly subnetId: string;
  /** The network's construct path, for messages. */
  readonly networkPath: string;
  /** Whether the subnet routes to an internet gateway (nhncloud), when the program knows. */
  readonly internetGateway?: boolean;
  /** What the cluster must be created after: the subnet and the routing table's gateway attachment. */
  readonly dependsOn?: readonly TerraformResource[];
  /** NCR and OBS service gateways (nhncloud labels `ncr_sgw`, `obs_sgw`). */
  readonly serviceGateways?: { readonly ncr: string; readonly obs: string };
  readonly keyPairName: string;
  readonly publicApiEndpoint: boolean;
  /** As the user gave them (undefined: not given); each target applies its own defaults. */
  readonly externalNetwork?: ExternalNetworkRef;
  readonly externalSubnetIds?: readonly string[];
  readonly clusterTemplateId?: string;
  readonly addons?: readonly NksAddon[];
  readonly upgrade?: UpgradeSpec;
  readonly kubeconfigFile?: string;
}

/**
 * Operations on a running cluster (resize, upgrade). NKS refuses a second operation while one runs, and
 * Terraform would start them in parallel, so each waits for the one queued before it.
 * @internal
 */
export class OperationQueue {
  private last?: TerraformResource;
  /** What the next operation must depend on (undefined while the queue is empty, so no empty depends_on is written). */
  public get dependsOn(): TerraformResource[] | undefined {
    return this.last ? [this.last] : undefined;
  }
  /** Queues `operation` (created with `dependsOn`). */
  public push(operation: TerraformResource): void {
    this.last = operation;
  }
}

/** What a `Cluster` exposes. */
export interface RenderedCluster {
  readonly resource: ClusterResource;
  /** The cluster template (openstack, when nks-cdk creates one). */
  readonly template?: ContainerinfraClustertemplateV1;
  readonly clusterId: string;
  readonly apiAddress: string;
  /** The kubeconfig file content as a Terraform reference, where the provider fills it in (openstack). */
  readonly kubeconfig?: string;
  /** The default node group's resize operation, when `resizeTo` asks for one (nhncloud). */
  readonly resize?: ResizeResource;
  /** Control plane and default node group upgrade operations (nhncloud), in order. */
  readonly upgrades: readonly UpgradeResource[];
  /** The queue node groups add their operations to. */
  readonly operations: OperationQueue;
  /** How a workloads stack reaches the cluster's API. */
  kubernetesAccess(): ClusterAccess;
}

/** What a node group's renderer needs of its cluster. */
export interface ClusterContext {
  readonly clusterId: string;
  readonly upgrade?: UpgradeSpec;
  readonly operations: OperationQueue;
}

/** A validated node group. */
export interface NodeGroupSpec {
  readonly name: string;
  readonly nodes: NodeSpec;
  readonly resizeTo?: number;
  readonly imageId: string;
  /** The NKS labels of the group (all strings). */
  readonly labels: Readonly<Record<string, string>>;
  /**
   * Every Kubernetes label the group's nodes carry, nks-cdk's included.
   * @default - `nodes.nodeLabels`
   */
  readonly nodeLabels?: Readonly<Record<string, string>>;
}

/** What a node group exposes. */
export interface RenderedNodeGroup {
  readonly resource: NodeGroupResource;
  readonly resize?: ResizeResource;
  readonly upgrade?: UpgradeResource;
}

/**
 * Renders validated specs into one provider's resources, and looks up the images and external networks that
 * references name (its {@link ReferenceLookups}). One instance per stack.
 * @internal
 */
export interface InfraRenderer extends ReferenceLookups {
  readonly target: InfraTarget;
  /** Configures the provider for the stack's region; credentials come from the environment. */
  provider(stack: Construct): TerraformProvider;
  network(scope: Construct, spec: NetworkSpec, where: WhereOf): RenderedNetwork;
  keyPair(scope: Construct, spec: KeyPairSpec): { resource: KeyPairResource; keyPairName: string };
  cluster(scope: Construct, spec: ClusterSpec, where: WhereOf): RenderedCluster;
  nodeGroup(scope: Construct, spec: NodeGroupSpec, cluster: ClusterContext, where: WhereOf): RenderedNodeGroup;
  volume(scope: Construct, spec: VolumeSpec): { resource: VolumeResource; volumeId: string };
  instance(scope: Construct, spec: InstanceSpec, where: WhereOf): { resource: InstanceResource; instanceId: string };
}

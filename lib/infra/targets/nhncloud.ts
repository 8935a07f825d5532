// The nhncloud target: nhn-cloud/nhncloud 1.0.7, NHN Cloud's own provider. NHN's VPC API is not Neutron's
// network/router API, and NKS takes flavor UUIDs, addons and a fixed template, so these resources differ
// from the openstack target's; the Kubernetes resources are in nhncloud-kubernetes.ts.
import { Fn, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { BlockstorageVolumeV2 } from '../../generated/providers/nhncloud/blockstorage-volume-v2';
import { ComputeInstanceV2 } from '../../generated/providers/nhncloud/compute-instance-v2';
import { ComputeKeypairV2 } from '../../generated/providers/nhncloud/compute-keypair-v2';
import { ComputeVolumeAttachV2 } from '../../generated/providers/nhncloud/compute-volume-attach-v2';
import { DataNhncloudComputeFlavorV2 } from '../../generated/providers/nhncloud/data-nhncloud-compute-flavor-v2';
import { DataNhncloudImagesImageV2 } from '../../generated/providers/nhncloud/data-nhncloud-images-image-v2';
import { DataNhncloudNetworkingNetworkV2 } from '../../generated/providers/nhncloud/data-nhncloud-networking-network-v2';
import { NetworkingRoutingtableAttachGatewayV2 } from '../../generated/providers/nhncloud/networking-routingtable-attach-gateway-v2';
import { NetworkingRoutingtableV2 } from '../../generated/providers/nhncloud/networking-routingtable-v2';
import { NetworkingVpcV2 } from '../../generated/providers/nhncloud/networking-vpc-v2';
import { NetworkingVpcsubnetV2 } from '../../generated/providers/nhncloud/networking-vpcsubnet-v2';
import { NhncloudProvider } from '../../generated/providers/nhncloud/provider';
import { checkMaxPrefix, Cidr, cidrContains, formatAddress, NKS_MAX_CIDR_PREFIX, parseCidr } from '../../model/cidr';
import { fail, Where } from '../../model/errors';
import { Flavor } from '../../model/flavors';
import { checkFlavorInRegion, NHN_FLAVOR_FAMILIES } from '../../model/nks-rules';
import type { VolumeEncryptionKey } from '../../model/node-spec';
import { checkIdLiteral, ImageUse } from '../references';
import type { ImageFilter } from '../reference-lookups';
import { isLiteral, warn } from '../util';
import { NhnNetworkLookups, renderNhnCluster, renderNhnNodeGroup } from './nhncloud-kubernetes';
import {
  ClusterContext,
  ClusterSpec,
  InfraRenderer,
  instanceArguments,
  InstanceSpec,
  KeyPairSpec,
  NetworkSpec,
  NodeGroupSpec,
  RenderContext,
  RenderedCluster,
  RenderedNetwork,
  RenderedNodeGroup,
  volumeArguments,
  VolumeSpec,
  WhereOf,
} from './renderer';

/** Renders for nhn-cloud/nhncloud: NHN VPC, NKS clusters with addons and operations, NHN compute and storage. */
export class NhnCloudRenderer implements InfraRenderer, NhnNetworkLookups {
  public readonly target = 'nhncloud' as const;
  private readonly flavorIds = new Map<string, string>();

  constructor(private readonly ctx: RenderContext) {}

  public provider(stack: Construct): NhncloudProvider {
    return new NhncloudProvider(stack, 'nhncloud', { region: this.ctx.region });
  }

  public network(scope: Construct, spec: NetworkSpec, where: WhereOf): RenderedNetwork {
    if (spec.externalNetwork !== undefined) {
      warn(scope, 'nks-cdk:ignoredProp', 'externalNetwork applies to the openstack target (router gateway); an NHN VPC reaches the internet through an internet gateway, so pass internetGatewayId instead. It is ignored here.');
    }
    if (spec.dnsNameservers !== undefined) {
      warn(scope, 'nks-cdk:ignoredProp', 'dnsNameservers cannot be set on an NHN VPC subnet through the nhncloud provider (nhncloud_networking_vpcsubnet_v2 has no such argument); they are ignored.');
    }
    const vpcCidr = checkVpcCidr(spec.subnetCidr, spec.vpcCidr, where('vpcCidr'));
    const network = new NetworkingVpcV2(scope, 'vpc', { name: spec.name, cidrv4: vpcCidr.text });
    let router: NetworkingRoutingtableV2 | undefined;
    let attachment: NetworkingRoutingtableAttachGatewayV2 | undefined;
    if (spec.createRouter) {
      router = new NetworkingRoutingtableV2(scope, 'routing-table', { name: `${spec.name}-rt`, vpcId: network.id });
      if (spec.internetGatewayId !== undefined) {
        const gatewayId = checkIdLiteral(spec.internetGatewayId, where('internetGatewayId'), 'internet gateway');
        attachment = new NetworkingRoutingtableAttachGatewayV2(scope, 'internet-gateway', { routingtableId: router.id, gatewayId });
      }
    } else if (spec.internetGatewayId !== undefined) {
      warn(scope, 'nks-cdk:ignoredProp', 'internetGatewayId needs the routing table nks-cdk creates, and createRouter is false; it is ignored.');
    }
    const subnet = new NetworkingVpcsubnetV2(scope, 'subnet', {
      name: `${spec.name}-subnet`,
      vpcId: network.id,
      cidr: spec.subnetCidr.text,
      // Without a routing table of its own the subnet joins the VPC's default one.
      routingtableId: router?.id,
    });
    // The subnet routes to an internet gateway only through the attachment made here: a VPC created through
    // the API gets a default routing table without one ("인터넷 게이트웨이 | - | 생성되지 않기 때문에 별도 생성후
    // 연결해야 합니다", TOAST-DOCS/Network-VPC `ko/console-guide.md` line 59).
    return { networkId: network.id, subnetId: subnet.id, network, subnet, router, internetGateway: attachment !== undefined, internetGatewayAttachment: attachment };
  }

  public keyPair(scope: Construct, spec: KeyPairSpec): { resource: ComputeKeypairV2; keyPairName: string } {
    const resource = new ComputeKeypairV2(scope, 'keypair', { name: spec.name, publicKey: spec.publicKey });
    return { resource, keyPairName: resource.name };
  }

  /**
   * The newest image by name or pattern. For NKS nodes, among the public images with the property NKS documents
   * for them, `nhncloud_allow_nks_cpu_flavor=true` ("To filter only the base images used to create NKS nodes,
   * enter the value `nhncloud_allow_nks_cpu_flavor=true&visibility=public`", TOAST-DOCS/Container-Kubernetes
   * `en/public-api.md` line 53; GPU node groups take the same images [I]: the docs name no other property).
   * The provider filters by `properties` only when its query returns more than one image, before `name_regex`
   * (nhn-cloud/terraform-provider-nhncloud v1.0.7 `nhncloud/data_source_openstack_images_image_v2.go` lines
   * 223–263: `name` is sent to Glance, `properties` and `name_regex` filter the result), so an exact name is
   * written as an anchored pattern: the listing is then every public image, and the property always applies.
   */
  public imageLookup(scope: Construct, filter: ImageFilter, use: ImageUse = 'instance'): string {
    if (use !== 'nks-node') return new DataNhncloudImagesImageV2(scope, 'image', { ...filter, mostRecent: true }).id;
    const exact = filter.name !== undefined && isLiteral(filter.name) ? { nameRegex: `^${escapeRegex(filter.name)}$` } : filter;
    return new DataNhncloudImagesImageV2(scope, 'image', { ...exact, visibility: 'public', properties: { ...NKS_NODE_IMAGE_PROPERTIES }, mostRecent: true }).id;
  }

  public externalNetworkLookup(scope: Construct, name: string): string {
    return new DataNhncloudNetworkingNetworkV2(scope, 'external-network', { name, external: true }).id;
  }

  /**
   * The region's external network as NKS documents the lookup (`GET /v2.0/networks?router:external=True`,
   * TOAST-DOCS/Container-Kubernetes `en/public-api.md` lines 19–25; the data source's `external = true` sends
   * that query, v1.0.7 `nhncloud/data_source_openstack_networking_network_v2.go` lines 164–171, and fails
   * unless exactly one network matches, lines 207–246): its ID and its subnets.
   */
  public internetGatewayNetwork(scope: Construct): { id: string; subnets: string } {
    const network = new DataNhncloudNetworkingNetworkV2(scope, 'external-network', { external: true });
    return { id: network.id, subnets: Fn.join(':', network.subnets) };
  }

  /**
   * The subnets of the network `networkId`, joined with `:` as NKS's `external_subnet_id_list` takes them
   * ("List of UUIDs of subnets attached to the internet gateway (separated by colons)";
   * TOAST-DOCS/Container-Kubernetes `en/public-api.md` lines 30–33 and 505), from the networks data source's
   * computed `subnets` (v1.0.7 `nhncloud/data_source_openstack_networking_network_v2.go` lines 126–130, 265).
   */
  public externalSubnets(scope: Construct, networkId: string): string {
    return Fn.join(':', new DataNhncloudNetworkingNetworkV2(scope, 'external-network-subnets', { networkId }).subnets);
  }

  /**
   * NKS and NHN compute take a flavor's UUID (`flavor_id`), which differs per region and project: look it up by
   * name at plan time, once per flavor and stack.
   */
  public flavorId(scope: Construct, flavor: Flavor, where: Where): string {
    checkFlavorInRegion(flavor, this.ctx.region, this.ctx.availableFlavors, NHN_FLAVOR_FAMILIES[this.ctx.region], where);
    let id = this.flavorIds.get(flavor.name);
    if (id === undefined) {
      const stack = TerraformStack.of(scope);
      id = new DataNhncloudComputeFlavorV2(stack, `flavor-${flavor.name.replace(/\./g, '-')}`, { name: flavor.name }).id;
      this.flavorIds.set(flavor.name, id);
    }
    return id;
  }

  public cluster(scope: Construct, spec: ClusterSpec, where: WhereOf): RenderedCluster {
    return renderNhnCluster(scope, spec, where, this.flavorId(scope, spec.nodes.flavor, where('flavor')), this);
  }

  public nodeGroup(scope: Construct, spec: NodeGroupSpec, cluster: ClusterContext, where: WhereOf): RenderedNodeGroup {
    return renderNhnNodeGroup(scope, spec, cluster, where, this.flavorId(scope, spec.nodes.flavor, where('flavor')));
  }

  /**
   * An encrypted volume carries its SKM key as `nhn_encryption { skm_appkey, skm_key_id }`, which Create sends
   * only when the block is set (v1.0.7 `nhncloud/resource_openstack_blockstorage_volume_v2.go` lines 169–185
   * and 212–223).
   */
  public volume(scope: Construct, spec: VolumeSpec): { resource: BlockstorageVolumeV2; volumeId: string } {
    const resource = new BlockstorageVolumeV2(scope, 'volume', { ...volumeArguments(spec), nhnEncryption: encryptionBlock(spec.encryptionKey) });
    return { resource, volumeId: resource.id };
  }

  /**
   * An encrypted boot volume carries its SKM key on the block device (`block_device.nhn_encryption`, ForceNew;
   * v1.0.7 `nhncloud/resource_openstack_compute_instance_v2.go` lines 292–308 and 1383–1393).
   */
  public instance(scope: Construct, spec: InstanceSpec, where: WhereOf): { resource: ComputeInstanceV2; instanceId: string } {
    const args = instanceArguments(spec);
    const blockDevice = args.blockDevice.map((device) => ({ ...device, nhnEncryption: encryptionBlock(spec.bootVolumeEncryptionKey) }));
    const resource = new ComputeInstanceV2(scope, 'instance', { ...args, blockDevice, flavorId: this.flavorId(scope, spec.flavor, where('flavor')) });
    spec.volumeIds.forEach((volumeId, i) => new ComputeVolumeAttachV2(scope, `volume-${i}`, { instanceId: resource.id, volumeId }));
    return { resource, instanceId: resource.id };
  }
}

/** The image property NKS documents for its node images (see {@link NhnCloudRenderer.imageLookup}). */
export const NKS_NODE_IMAGE_PROPERTIES: Readonly<Record<string, string>> = Object.freeze({ nhncloud_allow_nks_cpu_flavor: 'true' });

/** `text` as an RE2 pattern that matches exactly it (the provider evaluates `name_regex` with Go's regexp). */
function escapeRegex(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}

/** The `nhn_encryption` block of an SKM key, or none. */
function encryptionBlock(key: VolumeEncryptionKey | undefined): { skmAppkey: string; skmKeyId: string }[] | undefined {
  return key === undefined ? undefined : [{ skmAppkey: key.appKey, skmKeyId: key.keyId }];
}

/** Ranges an NHN VPC must lie in (TOAST-DOCS/Network-VPC `ko/console-guide.md`, "VPC"; read 2026-11-23). */
const PRIVATE_RANGES: readonly Cidr[] = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'].map((c) => parseCidr(c, { path: 'nks-cdk/infra', field: 'PRIVATE_RANGES' }));

/** The /`prefix` block that holds `cidr` (`cidr` itself when it is that large already). */
function widen(cidr: Cidr, prefix: number): Cidr {
  if (cidr.prefix <= prefix) return cidr;
  const network = prefix === 0 ? 0 : (cidr.network & (0xffffffff << (32 - prefix))) >>> 0;
  return parseCidr(`${formatAddress(network)}/${prefix}`, { path: 'nks-cdk/infra', field: 'vpcCidr' });
}

/** The VPC range: given, or the /16 around the subnet (as NHN's default VPC); private, /24 or larger, holding the subnet. */
function checkVpcCidr(subnet: Cidr, given: string | undefined, where: Where): Cidr {
  const vpc = given === undefined ? widen(subnet, 16) : checkMaxPrefix(parseCidr(given, where), NKS_MAX_CIDR_PREFIX, where);
  if (!PRIVATE_RANGES.some((r) => cidrContains(r, vpc))) {
    fail(where, vpc.text, `an NHN VPC range lies in a private range (${PRIVATE_RANGES.map((r) => r.text).join(', ')})`, given === undefined ? 'give the subnet a private range (cidr), e.g. 192.168.0.0/24' : 'use e.g. 192.168.0.0/16 or 10.0.0.0/16');
  }
  if (!cidrContains(vpc, subnet)) {
    fail(where, vpc.text, `the subnet ${subnet.text} must lie in the VPC range ${vpc.text}`, `use a VPC range that holds ${subnet.text}, e.g. ${widen(subnet, 16).text}`);
  }
  return vpc;
}

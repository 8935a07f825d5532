// The nhncloud target: nhn-cloud/nhncloud 1.0.7, NHN Cloud's own provider. NHN's VPC API is not Neutron's
// network/router API, and NKS takes flavor UUIDs, addons and a fixed template, so these resources differ
// from the openstack target's; the Kubernetes resources are in nhncloud-kubernetes.ts.
import { TerraformStack } from 'cdktf';
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
import { checkIdLiteral } from '../references';
import { warn } from '../util';
import { renderNhnCluster, renderNhnNodeGroup } from './nhncloud-kubernetes';
import { checkFlavorInRegion, NHN_FLAVOR_FAMILIES } from './nks-rules';
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
export class NhnCloudRenderer implements InfraRenderer {
  public readonly target = 'nhncloud' as const;
  private readonly flavorIds = new Map<string, string>();

  constructor(private readonly ctx: RenderContext) {}

  public provider(stack: Construct): NhncloudProvider {
    return new NhncloudProvider(stack, 'nhncloud', { region: this.ctx.region });
  }

  public network(scope: Construct, spec: NetworkSpec, where: WhereOf): RenderedNetwork {
    if (spec.externalNetwork !== undefined) {
      warn(scope, 'externalNetwork applies to the openstack target (router gateway); an NHN VPC reaches the internet through an internet gateway, so pass internetGatewayId instead. It is ignored here.');
    }
    if (spec.dnsNameservers !== undefined) {
      warn(scope, 'dnsNameservers cannot be set on an NHN VPC subnet through the nhncloud provider (nhncloud_networking_vpcsubnet_v2 has no such argument); they are ignored.');
    }
    const vpcCidr = checkVpcCidr(spec.subnetCidr, spec.vpcCidr, where('vpcCidr'));
    const network = new NetworkingVpcV2(scope, 'vpc', { name: spec.name, cidrv4: vpcCidr.text });
    let router: NetworkingRoutingtableV2 | undefined;
    if (spec.createRouter) {
      router = new NetworkingRoutingtableV2(scope, 'routing-table', { name: `${spec.name}-rt`, vpcId: network.id });
      if (spec.internetGatewayId !== undefined) {
        const gatewayId = checkIdLiteral(spec.internetGatewayId, where('internetGatewayId'), 'internet gateway');
        new NetworkingRoutingtableAttachGatewayV2(scope, 'internet-gateway', { routingtableId: router.id, gatewayId });
      }
    } else if (spec.internetGatewayId !== undefined) {
      warn(scope, 'internetGatewayId needs the routing table nks-cdk creates, and createRouter is false; it is ignored.');
    }
    const subnet = new NetworkingVpcsubnetV2(scope, 'subnet', {
      name: `${spec.name}-subnet`,
      vpcId: network.id,
      cidr: spec.subnetCidr.text,
      // Without a routing table of its own the subnet joins the VPC's default one.
      routingtableId: router?.id,
    });
    return { networkId: network.id, subnetId: subnet.id, network, subnet, router };
  }

  public keyPair(scope: Construct, spec: KeyPairSpec): { resource: ComputeKeypairV2; keyPairName: string } {
    const resource = new ComputeKeypairV2(scope, 'keypair', { name: spec.name, publicKey: spec.publicKey });
    return { resource, keyPairName: resource.name };
  }

  public imageLookup(scope: Construct, filter: { readonly name?: string; readonly nameRegex?: string }): string {
    return new DataNhncloudImagesImageV2(scope, 'image', { ...filter, mostRecent: true }).id;
  }

  public externalNetworkLookup(scope: Construct, name: string): string {
    return new DataNhncloudNetworkingNetworkV2(scope, 'external-network', { name, external: true }).id;
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
    return renderNhnCluster(scope, spec, where, this.flavorId(scope, spec.nodes.flavor, where('flavor')));
  }

  public nodeGroup(scope: Construct, spec: NodeGroupSpec, cluster: ClusterContext, where: WhereOf): RenderedNodeGroup {
    return renderNhnNodeGroup(scope, spec, cluster, where, this.flavorId(scope, spec.nodes.flavor, where('flavor')));
  }

  public volume(scope: Construct, spec: VolumeSpec): { resource: BlockstorageVolumeV2; volumeId: string } {
    const resource = new BlockstorageVolumeV2(scope, 'volume', volumeArguments(spec));
    return { resource, volumeId: resource.id };
  }

  public instance(scope: Construct, spec: InstanceSpec, where: WhereOf): { resource: ComputeInstanceV2; instanceId: string } {
    const resource = new ComputeInstanceV2(scope, 'instance', { ...instanceArguments(spec), flavorId: this.flavorId(scope, spec.flavor, where('flavor')), });
    spec.volumeIds.forEach((volumeId, i) => new ComputeVolumeAttachV2(scope, `volume-${i}`, { instanceId: resource.id, volumeId }));
    return { resource, instanceId: resource.id };
  }
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

import { TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { checkBoolean } from '../model/booleans';
import { checkIpv4Address, checkMaxPrefix, checkPrivateCidr, Cidr, NKS_MAX_CIDR_PREFIX, parseCidr } from '../model/cidr';
import { fail, Where } from '../model/errors';
import { checkResourceName } from '../model/names';
import { checkIdLiteral, ExternalNetworkRef } from './references';
import { rendererOf } from './stack';
import { NetworkResource, RouterResource, SubnetResource } from './targets/renderer';
import { defaultName, isLiteral, whereOf } from './util';
import { recordsProblems } from '../problems';

/** What a cluster, node group or instance needs of a network. */
export interface INetwork {
  /** Construct path, for messages. */
  readonly path: string;
  /** The network (VPC) ID: a UUID or a Terraform reference. */
  readonly networkId: string;
  /** The subnet ID the nodes attach to: a UUID or a Terraform reference. */
  readonly subnetId: string;
  /** The subnet's range, when the program knows it (used to check pod and service ranges for overlap). */
  readonly subnetCidr?: Cidr;
  /**
   * nhncloud: whether the subnet's routing table is attached to an internet gateway, when the program knows
   * (undefined: unknown). It decides how NKS nodes pull their images (through the gateway, or through NCR and
   * OBS service gateways) and whether a cluster needs the external network labels.
   */
  readonly internetGateway?: boolean;
  /**
   * Resources a cluster or instance on this network must be created after: the subnet, and on nhncloud the
   * routing table's internet gateway attachment. Empty for a network that already exists.
   */
  readonly prerequisites?: readonly TerraformResource[];
}

/** Properties of a new {@link Network}. */
export interface NetworkProps {
  /**
   * Name of the VPC network; the subnet and router (routing table on nhncloud) get `-subnet` and `-router`
   * (`-rt`) after it.
   * @default the construct id in lowercase
   */
  readonly name?: string;
  /**
   * IPv4 range of the subnet the cluster nodes use: /24 or larger, inside a private range (10.0.0.0/8,
   * 172.16.0.0/12, 192.168.0.0/16; NHN VPC refuses the rest, and nks-cdk does on both targets). Must not
   * overlap the cluster's pod and service ranges.
   * @default '192.168.0.0/24'
   */
  readonly cidr?: string;
  /**
   * nhncloud target: the VPC's own range (`cidrv4`), which the subnet lies in: a private range
   * (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16), /24 or larger. Changing it updates the VPC in place
   * (`cidrv4` is not ForceNew and the provider's update sends it: nhn-cloud/terraform-provider-nhncloud v1.0.7
   * `nhncloud/resource_nhncloud_networking_vpc_v2.go` lines 45–48 and 162; TOAST-DOCS/Network-VPC
   * `ko/public-api.md` lines 255–280, "VPC 수정하기"); the new range must still hold the subnet. Ignored on the
   * openstack target (a Neutron network has no range).
   * @default the /16 that holds `cidr` (e.g. 192.168.0.0/16, like NHN's default VPC), or `cidr` itself when it is larger
   */
  readonly vpcCidr?: string;
  /**
   * openstack target: the external network the router's gateway points at (internet access for the
   * nodes, floating IPs). Set `createRouter: false` to skip the router. Ignored (with a warning) on nhncloud,
   * where `internetGatewayId` gives the way out.
   * @default the cloud profile's `externalNetwork`
   */
  readonly externalNetwork?: ExternalNetworkRef;
  /**
   * Whether to create a router (openstack) or a routing table (nhncloud) for the subnet. Without one, an
   * NHN subnet joins its VPC's default routing table.
   * @default true
   */
  readonly createRouter?: boolean;
  /**
   * nhncloud target: an internet gateway (created in the console: Network > Internet Gateway) to attach the
   * subnet's routing table to. Without one the nodes have no internet access: a cluster then needs NCR and
   * OBS service gateways (the cluster's `serviceGateways`) to pull its images. With one, a cluster on the
   * subnet gets the external network labels NKS requires, and is created after the attachment (NKS picks its
   * image registry by the subnet's gateway at creation). nhncloud 1.0.7 cannot create internet gateways.
   * Ignored (with a warning) on openstack.
   * @default - no internet gateway
   */
  readonly internetGatewayId?: string;
  /**
   * DNS servers handed out by the subnet's DHCP, each address once (openstack target; an NHN VPC subnet
   * takes none, so the nhncloud target warns and ignores them).
   * @default - the cloud's default (none set)
   */
  readonly dnsNameservers?: string[];
}

/** Properties of an existing network passed to {@link Network.fromExisting}. */
export interface ExistingNetworkProps {
  /** The VPC network's UUID. */
  readonly networkId: string;
  /** The subnet's UUID. */
  readonly subnetId: string;
  /**
   * The subnet's range, if you want pod and service ranges checked against it.
   * @default - not checked
   */
  readonly subnetCidr?: string;
  /**
   * nhncloud target: whether the subnet's routing table is attached to an internet gateway (console: Network >
   * Routing Table; NHN's default VPC "Default Network" has one). With `true` a cluster on it gets the external
   * network labels NKS requires; with `false` it needs NCR and OBS service gateways (`serviceGateways`).
   * @default - unknown: a cluster on it without `serviceGateways` or `externalNetwork` gets a warning
   */
  readonly internetGateway?: boolean;
}

/**
 * A VPC: network, one subnet and a router to the external network (openstack target), or NHN VPC, routing
 * table and subnet (nhncloud target). Or, with {@link Network.fromExisting}, a VPC that already exists, by ID
 * (either target).
 */
@recordsProblems
export class Network extends Construct implements INetwork {
  /** Uses a VPC and subnet that already exist; nothing is created. */
  public static fromExisting(scope: Construct, id: string, props: ExistingNetworkProps): INetwork {
    const holder = new Construct(scope, id);
    const path = holder.node.path;
    return {
      path,
      networkId: checkIdLiteral(props.networkId, whereOf(holder, 'networkId'), 'network'),
      subnetId: checkIdLiteral(props.subnetId, whereOf(holder, 'subnetId'), 'subnet'),
      subnetCidr: props.subnetCidr === undefined ? undefined : parseCidr(props.subnetCidr, whereOf(holder, 'subnetCidr')),
      internetGateway: props.internetGateway === undefined ? undefined : checkBoolean(props.internetGateway, whereOf(holder, 'internetGateway')),
      prerequisites: [],
    };
  }

  /** Construct path, for messages. */
  public readonly path: string;
  /** The network (VPC) ID: a Terraform reference to the network resource's `id`. */
  public readonly networkId: string;
  /** The subnet ID: a Terraform reference to the subnet resource's `id`. */
  public readonly subnetId: string;
  /** The subnet's range (`cidr`). */
  public readonly subnetCidr: Cidr;
  /** The network resource (`openstack_networking_network_v2` or `nhncloud_networking_vpc_v2`). */
  public readonly network: NetworkResource;
  /** The subnet resource (`openstack_networking_subnet_v2` or `nhncloud_networking_vpcsubnet_v2`). */
  public readonly subnet: SubnetResource;
  /** The router (`openstack_networking_router_v2`) or routing table (`nhncloud_networking_routingtable_v2`), unless `createRouter: false`. */
  public readonly router?: RouterResource;
  /** nhncloud: whether the subnet's routing table is attached to an internet gateway (undefined on openstack). */
  public readonly internetGateway?: boolean;
  /** nhncloud: the routing table's attachment to the internet gateway (`nhncloud_networking_routingtable_attach_gateway_v2`), when `internetGatewayId` is given. */
  public readonly internetGatewayAttachment?: TerraformResource;
  /** The subnet, and the gateway attachment when there is one: what clusters and instances on this network wait for. */
  public readonly prerequisites: readonly TerraformResource[];

  /** Creates a VPC with one subnet in the stack of `scope`. */
  constructor(scope: Construct, id: string, props: NetworkProps = {}) {
    super(scope, id);
    this.path = this.node.path;
    const name = checkResourceName(props.name ?? defaultName(id), whereOf(this, 'name'), 'network');
    // Private ranges only, whether or not a cluster uses the network: NHN VPC refuses the rest (see
    // PRIVATE_CIDRS). Neutron itself accepts any range; the openstack target applies the same rule, since a
    // subnet on public addresses hides those addresses from its nodes and 0.0.0.0/0 or link-local breaks
    // routing and the metadata service [I].
    this.subnetCidr = checkPrivateCidr(
      checkMaxPrefix(parseCidr(props.cidr ?? '192.168.0.0/24', whereOf(this, 'cidr')), NKS_MAX_CIDR_PREFIX, whereOf(this, 'cidr')),
      whereOf(this, 'cidr'),
      'a VPC subnet',
    );
    checkDnsNameservers(props.dnsNameservers ?? [], (i) => whereOf(this, `dnsNameservers[${i}]`));

    const rendered = rendererOf(this).network(
      this,
      {
        name,
        subnetCidr: this.subnetCidr,
        vpcCidr: props.vpcCidr,
        dnsNameservers: props.dnsNameservers,
        createRouter: props.createRouter ?? true,
        externalNetwork: props.externalNetwork,
        internetGatewayId: props.internetGatewayId,
      },
      (field) => whereOf(this, field),
    );
    this.network = rendered.network;
    this.subnet = rendered.subnet;
    this.router = rendered.router;
    this.internetGateway = rendered.internetGateway;
    this.internetGatewayAttachment = rendered.internetGatewayAttachment;
    this.prerequisites = [rendered.subnet, ...(rendered.internetGatewayAttachment ? [rendered.internetGatewayAttachment] : [])];
    this.networkId = rendered.networkId;
    this.subnetId = rendered.subnetId;
  }
}

/**
 * Each DNS server is an IPv4 address, listed once: Neutron refuses a subnet whose `dns_nameservers` repeat an
 * address ("Duplicate nameserver '%s'", `validate_nameservers` in openstack/neutron-lib
 * `neutron_lib/api/validators/__init__.py`). Checked on both targets, like the address form: the list is
 * wrong whichever cloud it is meant for. Terraform references are left to apply.
 */
function checkDnsNameservers(servers: readonly string[], where: (index: number) => Where): void {
  const seen = new Map<string, number>();
  servers.forEach((server, i) => {
    if (!isLiteral(server)) return;
    checkIpv4Address(server, where(i), 'a DNS name server');
    const first = seen.get(server);
    if (first !== undefined) {
      fail(where(i), server, `Neutron refuses a subnet whose DNS name servers repeat an address; ${server} is dnsNameservers[${first}] already`, `remove dnsNameservers[${i}]`);
    }
    seen.set(server, i);
  });
}

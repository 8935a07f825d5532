import { Construct } from 'constructs';
import { NetworkingNetworkV2 } from '../generated/providers/openstack/networking-network-v2';
import { NetworkingRouterInterfaceV2 } from '../generated/providers/openstack/networking-router-interface-v2';
import { NetworkingRouterV2 } from '../generated/providers/openstack/networking-router-v2';
import { NetworkingSubnetV2 } from '../generated/providers/openstack/networking-subnet-v2';
import { checkMaxPrefix, Cidr, NKS_MAX_CIDR_PREFIX, parseCidr } from '../model/cidr';
import { checkResourceName } from '../model/names';
import { checkIdLiteral, ExternalNetworkRef } from './references';
import { defaultName, isLiteral, whereOf } from './util';

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
}

/** Properties of a new {@link Network}. */
export interface NetworkProps {
  /**
   * Name of the VPC network; the subnet and router get `-subnet` and `-router` after it.
   * @default the construct id in lowercase
   */
  readonly name?: string;
  /**
   * IPv4 range of the subnet the cluster nodes use. Must not overlap the cluster's pod and service ranges.
   * @default '192.168.0.0/24'
   */
  readonly cidr?: string;
  /**
   * The external network the router's gateway points at (internet access for the nodes, floating IPs).
   * Set `createRouter: false` to skip the router.
   * @default ExternalNetworkRef.fromName('Public Network')
   */
  readonly externalNetwork?: ExternalNetworkRef;
  /**
   * Whether to create a router from the subnet to the external network.
   * @default true
   */
  readonly createRouter?: boolean;
  /**
   * DNS servers handed out by the subnet's DHCP.
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
}

/**
 * A VPC: network, one subnet and a router to the external network. Or, with {@link Network.fromExisting},
 * a VPC that already exists, by ID.
 */
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
    };
  }

  public readonly path: string;
  public readonly networkId: string;
  public readonly subnetId: string;
  public readonly subnetCidr: Cidr;
  /** The network resource. */
  public readonly network: NetworkingNetworkV2;
  /** The subnet resource. */
  public readonly subnet: NetworkingSubnetV2;
  /** The router, unless `createRouter: false`. */
  public readonly router?: NetworkingRouterV2;

  constructor(scope: Construct, id: string, props: NetworkProps = {}) {
    super(scope, id);
    this.path = this.node.path;
    const name = checkResourceName(props.name ?? defaultName(id), whereOf(this, 'name'), 'network');
    this.subnetCidr = checkMaxPrefix(parseCidr(props.cidr ?? '192.168.0.0/24', whereOf(this, 'cidr')), NKS_MAX_CIDR_PREFIX, whereOf(this, 'cidr'));
    for (const [i, server] of (props.dnsNameservers ?? []).entries()) {
      if (isLiteral(server)) parseCidr(`${server}/32`, whereOf(this, `dnsNameservers[${i}]`));
    }

    this.network = new NetworkingNetworkV2(this, 'network', { name, adminStateUp: true });
    this.subnet = new NetworkingSubnetV2(this, 'subnet', {
      name: `${name}-subnet`,
      networkId: this.network.id,
      cidr: this.subnetCidr.text,
      ipVersion: 4,
      dnsNameservers: props.dnsNameservers,
    });
    this.networkId = this.network.id;
    this.subnetId = this.subnet.id;

    if (props.createRouter ?? true) {
      const external = props.externalNetwork ?? ExternalNetworkRef.fromName('Public Network');
      this.router = new NetworkingRouterV2(this, 'router', {
        name: `${name}-router`,
        externalNetworkId: external.resolve(this, whereOf(this, 'externalNetwork')),
      });
      new NetworkingRouterInterfaceV2(this, 'router-interface', { routerId: this.router.id, subnetId: this.subnet.id });
    }
  }
}

// The openstack target: terraform-provider-openstack/openstack 3.4.0, Magnum's containerinfra resources, for
// any OpenStack cloud with Magnum. Every cloud fact (region, zones, flavors, volume types, external network,
// Magnum's master flavor, coe, network driver and the node images' os_distro) comes from the stack's cloud
// profile (lib/model/cloud-profile.ts, which cites Magnum's source); NHN's tables are not used here.
// Provider docs: terraform-provider-openstack v3.4.0 docs/resources/containerinfra_clustertemplate_v1.md
// (`coe` and `image` required; `master_flavor`, `network_driver`, `external_network_id`) and
// containerinfra_cluster_v1.md; the image data source filters by `properties` only when more than one image
// matches (openstack/data_source_openstack_images_image_v2.go lines 244-251), hence the postcondition.
import { Construct } from 'constructs';
import { BlockstorageVolumeV3 } from '../../generated/providers/openstack/blockstorage-volume-v3';
import { ComputeInstanceV2 } from '../../generated/providers/openstack/compute-instance-v2';
import { ComputeKeypairV2 } from '../../generated/providers/openstack/compute-keypair-v2';
import { ComputeVolumeAttachV2 } from '../../generated/providers/openstack/compute-volume-attach-v2';
import { ContainerinfraClusterV1 } from '../../generated/providers/openstack/containerinfra-cluster-v1';
import { ContainerinfraClustertemplateV1 } from '../../generated/providers/openstack/containerinfra-clustertemplate-v1';
import { ContainerinfraNodegroupV1 } from '../../generated/providers/openstack/containerinfra-nodegroup-v1';
import { DataOpenstackImagesImageV2 } from '../../generated/providers/openstack/data-openstack-images-image-v2';
import { DataOpenstackNetworkingNetworkV2 } from '../../generated/providers/openstack/data-openstack-networking-network-v2';
import { NetworkingNetworkV2 } from '../../generated/providers/openstack/networking-network-v2';
import { NetworkingRouterInterfaceV2 } from '../../generated/providers/openstack/networking-router-interface-v2';
import { NetworkingRouterV2 } from '../../generated/providers/openstack/networking-router-v2';
import { NetworkingSubnetV2 } from '../../generated/providers/openstack/networking-subnet-v2';
import { OpenstackProvider } from '../../generated/providers/openstack/provider';
import { OpenStackCloud } from '../../model/cloud-profile';
import { fail, Where } from '../../model/errors';
import { UUID_PATTERN } from '../../model/ids';
import { ExternalNetworkRef } from '../references';
import type { ImageFilter } from '../reference-lookups';
import { isLiteral, warn } from '../util';
import { magnumLabels } from './magnum-labels';
import {
  ClusterContext,
  ClusterSpec,
  InfraRenderer,
  instanceArguments,
  InstanceSpec,
  KeyPairSpec,
  NetworkSpec,
  NodeGroupSpec,
  OpenStackRenderContext,
  OperationQueue,
  RenderedCluster,
  RenderedNetwork,
  RenderedNodeGroup,
  volumeArguments,
  VolumeSpec,
  WhereOf,
} from './renderer';

/** Renders for terraform-provider-openstack/openstack (Magnum) on the cloud its profile describes. */
export class OpenStackRenderer implements InfraRenderer {
  public readonly target = 'openstack' as const;
  private readonly cloud: OpenStackCloud;
  /** Image look-ups by the ID token they hand out, so node images can be held to the profile's os_distro. */
  private readonly imageLookups = new Map<string, { readonly lookup: DataOpenstackImagesImageV2; readonly properties?: Readonly<Record<string, string>> }>();

  constructor(ctx: OpenStackRenderContext) {
    this.cloud = ctx.cloud;
  }

  public provider(stack: Construct): OpenstackProvider {
    return new OpenstackProvider(stack, 'openstack', { region: this.cloud.region });
  }

  /** The external network a router and a cluster template use by default: the profile's, by UUID or by name. */
  private defaultExternalNetwork(): ExternalNetworkRef {
    const network = this.cloud.externalNetwork;
    return UUID_PATTERN.test(network) ? ExternalNetworkRef.fromId(network) : ExternalNetworkRef.fromName(network);
  }

  /**
   * Holds a node image to the profile's `os_distro`, which Magnum needs to accept the image and pick its
   * driver: a looked-up image is filtered by the property and checked after the look-up (the plan fails
   * with a message when the image lacks it). An image given by ID is checked by Magnum when the template is
   * created.
   */
  private requireOsDistro(imageId: string, where: Where): void {
    const found = this.imageLookups.get(imageId);
    if (found === undefined || found.lookup.lifecycle?.postcondition?.length) return;
    const { lookup } = found;
    const distro = this.cloud.nodeImageOsDistro;
    lookup.properties = { ...found.properties, os_distro: distro };
    lookup.lifecycle = {
      ...lookup.lifecycle,
      postcondition: [
        {
          condition: `\${lookup(self.properties, "os_distro", "") == ${JSON.stringify(distro)}}`,
          errorMessage: `Magnum needs node images with the property os_distro=${distro} (the cloud profile's nodeImageOsDistro), and the image this look-up found has none or another (${where.path}, ${where.field}). Give the image the property (openstack image set --property os_distro=${distro} <image>) or look up another one.`,
        },
      ],
    };
  }

  public network(scope: Construct, spec: NetworkSpec, where: WhereOf): RenderedNetwork {
    if (spec.internetGatewayId !== undefined) {
      warn(scope, 'nks-cdk:ignoredProp', `internetGatewayId applies to the nhncloud target only (NHN VPC routing tables); on the openstack target the router's gateway is externalNetwork, so it is ignored.`);
    }
    if (spec.vpcCidr !== undefined) {
      warn(scope, 'nks-cdk:ignoredProp', 'vpcCidr applies to the nhncloud target only (an NHN VPC has a range; a Neutron network has none), so it is ignored.');
    }
    const network = new NetworkingNetworkV2(scope, 'network', { name: spec.name, adminStateUp: true });
    const subnet = new NetworkingSubnetV2(scope, 'subnet', {
      name: `${spec.name}-subnet`,
      networkId: network.id,
      cidr: spec.subnetCidr.text,
      ipVersion: 4,
      dnsNameservers: spec.dnsNameservers ? [...spec.dnsNameservers] : undefined,
    });
    let router: NetworkingRouterV2 | undefined;
    if (spec.createRouter) {
      const external = spec.externalNetwork ?? this.defaultExternalNetwork();
      router = new NetworkingRouterV2(scope, 'router', { name: `${spec.name}-router`, externalNetworkId: external.resolve(scope, where('externalNetwork')) });
      new NetworkingRouterInterfaceV2(scope, 'router-interface', { routerId: router.id, subnetId: subnet.id });
    }
    return { networkId: network.id, subnetId: subnet.id, network, subnet, router };
  }

  public keyPair(scope: Construct, spec: KeyPairSpec): { resource: ComputeKeypairV2; keyPairName: string } {
    const resource = new ComputeKeypairV2(scope, 'keypair', { name: spec.name, publicKey: spec.publicKey });
    return { resource, keyPairName: resource.name };
  }

  public imageLookup(scope: Construct, filter: ImageFilter): string {
    const lookup = new DataOpenstackImagesImageV2(scope, 'image', { ...filter, mostRecent: true });
    // Each read of `.id` is a new token: keep the one handed out, which the cluster and node groups pass back.
    const id = lookup.id;
    this.imageLookups.set(id, { lookup, properties: (filter as { readonly properties?: Readonly<Record<string, string>> }).properties });
    return id;
  }

  public externalNetworkLookup(scope: Construct, name: string): string {
    return new DataOpenstackNetworkingNetworkV2(scope, 'external-network', { name, external: true }).id;
  }

  public cluster(scope: Construct, spec: ClusterSpec, where: WhereOf): RenderedCluster {
    if (spec.upgrade) {
      fail(
        where('upgrade'),
        spec.upgrade.kubernetesVersion.tag,
        'the openstack target has no in-place upgrade: Magnum upgrades by switching cluster templates, and changing kubernetesVersion replaces the cluster',
        "on NHN Cloud use the nhncloud target (target: 'nhncloud'); on Magnum upgrade outside Terraform (openstack coe cluster upgrade <cluster> <template>)",
      );
    }
    this.requireOsDistro(spec.imageId, where('image'));
    const labels = magnumLabels(scope, spec.labels, { networkDriver: this.cloud.networkDriver, nodeLabels: spec.nodeLabels ?? spec.nodes.nodeLabels }, where);
    if (spec.addons !== undefined) {
      warn(scope, 'nks-cdk:ignoredProp', 'addons apply to the nhncloud target only: Magnum\'s cluster resource has no addons (NKS installs Calico and CoreDNS itself), so they are ignored here.');
    }
    if (spec.kubeconfigFile !== undefined) {
      warn(scope, 'nks-cdk:ignoredProp', 'kubeconfigFile applies to the nhncloud target only; on the openstack target kubernetesAccess() uses the kubeconfig the provider returns, so it is ignored.');
    }
    if (spec.externalSubnetIds !== undefined) {
      warn(scope, 'nks-cdk:ignoredProp', 'externalSubnetIds apply to the nhncloud target only (label external_subnet_id_list); on the openstack target the template\'s external network is enough, so they are ignored.');
    }
    let templateId = spec.clusterTemplateId;
    let template: ContainerinfraClustertemplateV1 | undefined;
    if (templateId === undefined) {
      const external = spec.externalNetwork ?? this.defaultExternalNetwork();
      template = new ContainerinfraClustertemplateV1(scope, 'template', {
        name: `${spec.name}-template`,
        coe: this.cloud.coe,
        image: spec.imageId,
        externalNetworkId: external.resolve(scope, where('externalNetwork')),
        networkDriver: this.cloud.networkDriver,
        masterFlavor: this.cloud.masterFlavor,
        masterLbEnabled: true,
        floatingIpEnabled: false,
        labels: { kube_tag: spec.kubernetesVersion.tag },
      });
      templateId = template.id;
    } else if (isLiteral(templateId) && templateId.trim() === '') {
      fail(where('clusterTemplateId'), templateId, 'a cluster template ID must not be empty', 'omit clusterTemplateId to create a template');
    }
    const resource = new ContainerinfraClusterV1(scope, 'cluster', {
      name: spec.name,
      clusterTemplateId: templateId,
      keypair: spec.keyPairName,
      flavor: spec.nodes.flavor.name,
      // Also on the cluster, so an existing template without one does not leave the control plane on Magnum's default.
      masterFlavor: this.cloud.masterFlavor,
      // Magnum resizes in place when node_count changes, so "resize to N" is just the count.
      nodeCount: spec.resizeTo ?? spec.nodes.nodeCount,
      fixedNetwork: spec.networkId,
      fixedSubnet: spec.subnetId,
      floatingIpEnabled: false,
      mergeLabels: true,
      labels,
    });
    const kubeconfig = resource.kubeconfig;
    return {
      resource,
      template,
      clusterId: resource.id,
      apiAddress: resource.apiAddress,
      kubeconfig: kubeconfig.lookup('raw_config'),
      upgrades: [],
      operations: new OperationQueue(),
      kubernetesAccess: () => ({
        kind: 'terraform',
        host: kubeconfig.lookup('host'),
        clusterCaCertificate: kubeconfig.lookup('cluster_ca_certificate'),
        clientCertificate: kubeconfig.lookup('client_certificate'),
        clientKey: kubeconfig.lookup('client_key'),
      }),
    };
  }

  public nodeGroup(scope: Construct, spec: NodeGroupSpec, cluster: ClusterContext, where: WhereOf): RenderedNodeGroup {
    this.requireOsDistro(spec.imageId, where('image'));
    const labels = magnumLabels(scope, spec.labels, { networkDriver: this.cloud.networkDriver, nodeLabels: spec.nodeLabels ?? spec.nodes.nodeLabels }, where);
    const resource = new ContainerinfraNodegroupV1(scope, 'nodegroup', {
      clusterId: cluster.clusterId,
      name: spec.name,
      flavorId: spec.nodes.flavor.name,
      imageId: spec.imageId,
      nodeCount: spec.resizeTo ?? spec.nodes.nodeCount,
      minNodeCount: spec.nodes.autoscaler?.minNodes,
      maxNodeCount: spec.nodes.autoscaler?.maxNodes,
      mergeLabels: true,
      labels,
    });
    return { resource };
  }

  public volume(scope: Construct, spec: VolumeSpec): { resource: BlockstorageVolumeV3; volumeId: string } {
    const resource = new BlockstorageVolumeV3(scope, 'volume', volumeArguments(spec));
    return { resource, volumeId: resource.id };
  }

  public instance(scope: Construct, spec: InstanceSpec): { resource: ComputeInstanceV2; instanceId: string } {
    const resource = new ComputeInstanceV2(scope, 'instance', { ...instanceArguments(spec), flavorName: spec.flavor.name, });
    spec.volumeIds.forEach((volumeId, i) => new ComputeVolumeAttachV2(scope, `volume-${i}`, { instanceId: resource.id, volumeId }));
    return { resource, instanceId: resource.id };
  }
}

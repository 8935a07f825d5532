// The openstack target: terraform-provider-openstack/openstack 3.4.0, Magnum's containerinfra resources.
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
import { fail } from '../../model/errors';
import { ExternalNetworkRef } from '../references';
import { isLiteral, warn } from '../util';
import { checkFlavorInRegion } from './nks-rules';
import {
  ClusterContext,
  ClusterSpec,
  InfraRenderer,
  instanceArguments,
  InstanceSpec,
  KeyPairSpec,
  NetworkSpec,
  NodeGroupSpec,
  OperationQueue,
  RenderContext,
  RenderedCluster,
  RenderedNetwork,
  RenderedNodeGroup,
  volumeArguments,
  VolumeSpec,
  WhereOf,
} from './renderer';

/** Renders for terraform-provider-openstack/openstack (Magnum): nks-cdk's behaviour before targets existed. */
export class OpenStackRenderer implements InfraRenderer {
  public readonly target = 'openstack' as const;

  constructor(private readonly ctx: RenderContext) {}

  public provider(stack: Construct): OpenstackProvider {
    return new OpenstackProvider(stack, 'openstack', { region: this.ctx.region });
  }

  public network(scope: Construct, spec: NetworkSpec, where: WhereOf): RenderedNetwork {
    if (spec.internetGatewayId !== undefined) {
      warn(scope, `internetGatewayId applies to the nhncloud target only (NHN VPC routing tables); on the openstack target the router's gateway is externalNetwork, so it is ignored.`);
    }
    if (spec.vpcCidr !== undefined) {
      warn(scope, 'vpcCidr applies to the nhncloud target only (an NHN VPC has a range; a Neutron network has none), so it is ignored.');
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
      const external = spec.externalNetwork ?? ExternalNetworkRef.fromName('Public Network');
      router = new NetworkingRouterV2(scope, 'router', { name: `${spec.name}-router`, externalNetworkId: external.resolve(scope, where('externalNetwork')) });
      new NetworkingRouterInterfaceV2(scope, 'router-interface', { routerId: router.id, subnetId: subnet.id });
    }
    return { networkId: network.id, subnetId: subnet.id, network, subnet, router };
  }

  public keyPair(scope: Construct, spec: KeyPairSpec): { resource: ComputeKeypairV2; keyPairName: string } {
    const resource = new ComputeKeypairV2(scope, 'keypair', { name: spec.name, publicKey: spec.publicKey });
    return { resource, keyPairName: resource.name };
  }

  public imageLookup(scope: Construct, filter: { readonly name?: string; readonly nameRegex?: string }): string {
    return new DataOpenstackImagesImageV2(scope, 'image', { ...filter, mostRecent: true }).id;
  }

  public externalNetworkLookup(scope: Construct, name: string): string {
    return new DataOpenstackNetworkingNetworkV2(scope, 'external-network', { name, external: true }).id;
  }

  public cluster(scope: Construct, spec: ClusterSpec, where: WhereOf): RenderedCluster {
    checkFlavorInRegion(spec.nodes.flavor, this.ctx.region, this.ctx.availableFlavors, undefined, where('flavor'));
    if (spec.upgrade) {
      fail(
        where('upgrade'),
        spec.upgrade.kubernetesVersion.tag,
        'the openstack target has no in-place upgrade: Magnum upgrades by switching cluster templates, and changing kubernetesVersion replaces the cluster',
        "use the nhncloud target (target: 'nhncloud' on the InfraStack), or upgrade in the NHN Cloud console",
      );
    }
    if (spec.addons !== undefined) {
      warn(scope, 'addons apply to the nhncloud target only: Magnum\'s cluster resource has no addons (NKS installs Calico and CoreDNS itself), so they are ignored here.');
    }
    if (spec.kubeconfigFile !== undefined) {
      warn(scope, 'kubeconfigFile applies to the nhncloud target only; on the openstack target kubernetesAccess() uses the kubeconfig the provider returns, so it is ignored.');
    }
    if (spec.externalSubnetIds !== undefined) {
      warn(scope, 'externalSubnetIds apply to the nhncloud target only (label external_subnet_id_list); on the openstack target the template\'s external network is enough, so they are ignored.');
    }
    let templateId = spec.clusterTemplateId;
    let template: ContainerinfraClustertemplateV1 | undefined;
    if (templateId === undefined) {
      const external = spec.externalNetwork ?? ExternalNetworkRef.fromName('Public Network');
      template = new ContainerinfraClustertemplateV1(scope, 'template', {
        name: `${spec.name}-template`,
        coe: 'kubernetes',
        image: spec.imageId,
        externalNetworkId: external.resolve(scope, where('externalNetwork')),
        networkDriver: 'calico',
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
      // Magnum resizes in place when node_count changes, so "resize to N" is just the count.
      nodeCount: spec.resizeTo ?? spec.nodes.nodeCount,
      fixedNetwork: spec.networkId,
      fixedSubnet: spec.subnetId,
      floatingIpEnabled: false,
      mergeLabels: true,
      labels: { ...spec.labels },
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
    checkFlavorInRegion(spec.nodes.flavor, this.ctx.region, this.ctx.availableFlavors, undefined, where('flavor'));
    const resource = new ContainerinfraNodegroupV1(scope, 'nodegroup', {
      clusterId: cluster.clusterId,
      name: spec.name,
      flavorId: spec.nodes.flavor.name,
      imageId: spec.imageId,
      nodeCount: spec.resizeTo ?? spec.nodes.nodeCount,
      minNodeCount: spec.nodes.autoscaler?.minNodes,
      maxNodeCount: spec.nodes.autoscaler?.maxNodes,
      mergeLabels: true,
      labels: { ...spec.labels },
    });
    return { resource };
  }

  public volume(scope: Construct, spec: VolumeSpec): { resource: BlockstorageVolumeV3; volumeId: string } {
    const resource = new BlockstorageVolumeV3(scope, 'volume', volumeArguments(spec));
    return { resource, volumeId: resource.id };
  }

  public instance(scope: Construct, spec: InstanceSpec, where: WhereOf): { resource: ComputeInstanceV2; instanceId: string } {
    checkFlavorInRegion(spec.flavor, this.ctx.region, this.ctx.availableFlavors, undefined, where('flavor'));
    const resource = new ComputeInstanceV2(scope, 'instance', { ...instanceArguments(spec), flavorName: spec.flavor.name, });
    spec.volumeIds.forEach((volumeId, i) => new ComputeVolumeAttachV2(scope, `volume-${i}`, { instanceId: resource.id, volumeId }));
    return { resource, instanceId: resource.id };
  }
}

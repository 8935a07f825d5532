import { TerraformOutput } from 'cdktf';
import { Construct } from 'constructs';
import { ContainerinfraClusterV1 } from '../generated/providers/openstack/containerinfra-cluster-v1';
import { ContainerinfraClustertemplateV1 } from '../generated/providers/openstack/containerinfra-clustertemplate-v1';
import { checkMaxPrefix, checkNoOverlap, Cidr, NKS_MAX_CIDR_PREFIX, parseCidr, RESERVED_CIDRS } from '../model/cidr';
import { fail } from '../model/errors';
import { checkCreatableVersion, DEFAULT_KUBERNETES_VERSION, endOfServiceOf, isPastEndOfService, KubernetesVersion } from '../model/kubernetes-versions';
import { checkNodeLabels } from '../model/node-labels';
import { checkClusterName } from '../model/names';
import { Region } from '../model/regions';
import { VolumeType } from '../model/volumes';
import { IKeyPair } from './key-pair';
import { INetwork } from './network';
import { NodePlacement } from '../model/placement';
import { AutoscalerOptions, BootVolumeOptions, maxNodesOf, NodeSpec, nodeGroupLabels, nodeSpec } from './node-spec';
import { GpuNodeGroup, GpuNodeGroupProps, NodeGroup, NodeGroupProps, NODE_GROUP_LABEL } from './node-group';
import { ExternalNetworkRef, ImageRef } from './references';
import { InfraStack } from './stack';
import { defaultName, isLiteral, nksBool, warn, whereOf } from './util';

/**
 * Properties of a {@link Cluster}: the fields of the NKS "create cluster" form plus autoscaler, node labels
 * and network ranges. Nearly every cluster argument is immutable in NKS and Magnum: changing a prop marked
 * "replaces the cluster" destroys the cluster and creates a new one on the next deploy.
 */
export interface ClusterProps {
  /**
   * Cluster name: at most 32 characters of lowercase letters, digits and `-`, starting with a letter and
   * ending with a letter or digit, not a UUID. Changing it replaces the cluster.
   */
  readonly name: string;
  /**
   * Kubernetes version (NKS label `kube_tag`), one NKS can create today. Changing it replaces the cluster
   * (upgrade in place through the console or API instead).
   * @default the newest creatable version (see CREATABLE_KUBERNETES_VERSIONS)
   */
  readonly kubernetesVersion?: string;
  /** The VPC and subnet the nodes attach to (`fixed_network`, `fixed_subnet`). Changing it replaces the cluster. */
  readonly network: INetwork;
  /** The node image (NKS label `node_image`). Changing it replaces the cluster. */
  readonly image: ImageRef;
  /** Availability zone of the default node group, e.g. `kr-pub-a`. Changing it replaces the cluster. */
  readonly availabilityZone: string;
  /**
   * Instance type (flavor) of the default node group, e.g. `m2.c4m8`. Changing it replaces the cluster.
   * @default 'm2.c4m8'
   */
  readonly flavor?: string;
  /**
   * GPUs per node when `flavor` is a g2 flavor that nks-cdk's table does not list.
   * @default - taken from the flavor table
   */
  readonly gpuCount?: number;
  /**
   * Nodes in the default node group. Changed through a resize, not a replacement.
   * @default 1
   */
  readonly nodeCount?: number;
  /** Key pair for SSH access to the nodes (cluster level; node groups share it). Changing it replaces the cluster. */
  readonly keyPair: IKeyPair;
  /**
   * Boot volume of the default node group's nodes. Changing it replaces the cluster.
   * @default { type: 'General HDD', sizeGb: 50 }
   */
  readonly bootVolume?: BootVolumeOptions;
  /**
   * Cluster autoscaler for the default node group. Changing it replaces the cluster.
   * @default - no autoscaler
   */
  readonly autoscaler?: AutoscalerOptions;
  /**
   * Kubernetes labels for the default node group's nodes (NKS label `k8s_node_labels`). nks-cdk adds
   * `node.nks-cdk.io/group: default-worker`. Changing it replaces the cluster.
   * @default - only the group label
   */
  readonly nodeLabels?: Record<string, string>;
  /**
   * Pod network range (`pods_network_cidr`); must not overlap the subnet, the service range,
   * 169.254.0.0/16 or 198.18.0.0/19. Changing it replaces the cluster.
   * @default '10.100.0.0/16'
   */
  readonly podsCidr?: string;
  /**
   * Service network range (`service_cluster_ip_range`); same overlap rules as `podsCidr`. Changing it replaces the cluster.
   * @default '10.254.0.0/16'
   */
  readonly servicesCidr?: string;
  /**
   * Put a floating IP on the API server's load balancer (`master_lb_floating_ip_enabled`) so the API is
   * reachable from the internet. Changing it replaces the cluster.
   * @default false
   */
  readonly publicApiEndpoint?: boolean;
  /**
   * External network for the cluster template (API load balancer floating IP).
   * @default ExternalNetworkRef.fromName('Public Network')
   */
  readonly externalNetwork?: ExternalNetworkRef;
  /**
   * An existing cluster template to use instead of creating one.
   * @default - a template is created for the cluster
   */
  readonly clusterTemplateId?: string;
  /**
   * More NKS/Magnum labels, e.g. `{ strict_sg_rules: 'True' }`. Values must be strings; labels nks-cdk
   * manages (kube_tag, availability_zone, ...) cannot be set here. Changing them replaces the cluster.
   * @default - none
   */
  readonly extraLabels?: Record<string, string>;
}

const DEFAULT_GROUP_NAME = 'default-worker';

/**
 * An NKS Kubernetes cluster with its default node group. Add more node groups with
 * {@link Cluster.addNodeGroup} and GPU node groups with {@link Cluster.addGpuNodeGroup}.
 * Outputs the API address and kubeconfig as sensitive Terraform outputs.
 */
export class Cluster extends Construct {
  /** The cluster name. */
  public readonly name: string;
  /** The Kubernetes version. */
  public readonly kubernetesVersion: KubernetesVersion;
  /** The region (from the InfraStack). */
  public readonly region: Region;
  /** The default node group, validated. */
  public readonly defaultNodes: NodeSpec;
  /** Node labels the default group's nodes carry (including nks-cdk's group label). */
  public readonly defaultNodeLabels: Readonly<Record<string, string>>;
  /** The node image. */
  public readonly image: ImageRef;
  /** The network the cluster lives on. */
  public readonly network: INetwork;
  /** Pod and service network ranges. */
  public readonly podsCidr: Cidr;
  public readonly servicesCidr: Cidr;
  /** The cluster resource. */
  public readonly resource: ContainerinfraClusterV1;
  /** The template resource, unless an existing template ID was given. */
  public readonly template?: ContainerinfraClustertemplateV1;
  /** The cluster's ID (a Terraform reference). */
  public readonly clusterId: string;
  /** The Kubernetes API address (a Terraform reference). */
  public readonly apiAddress: string;
  /** The kubeconfig file content (a sensitive Terraform reference). */
  public readonly kubeconfig: string;
  /** Sensitive outputs: API address and kubeconfig. */
  public readonly apiAddressOutput: TerraformOutput;
  public readonly kubeconfigOutput: TerraformOutput;
  private readonly groups: NodeGroup[] = [];
  private readonly imageId: string;

  constructor(scope: Construct, id: string, props: ClusterProps) {
    super(scope, id);
    const stack = InfraStack.of(this);
    this.region = stack.region;
    this.name = checkClusterName(props.name, whereOf(this, 'name'));
    this.kubernetesVersion = checkCreatableVersion(props.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION, whereOf(this, 'kubernetesVersion'));
    this.network = props.network;
    this.image = props.image;
    this.defaultNodes = nodeSpec({ ...props, flavor: props.flavor ?? 'm2.c4m8' }, stack.region, whereOf(this, ''), 1);
    // nks-cdk's own label counts against NKS's label limit too.
    this.defaultNodeLabels = checkNodeLabels({ ...this.defaultNodes.nodeLabels, [NODE_GROUP_LABEL]: DEFAULT_GROUP_NAME }, whereOf(this, 'nodeLabels'));
    if (isPastEndOfService(this.kubernetesVersion)) {
      warn(this, `Kubernetes ${this.kubernetesVersion.tag} is past its scheduled end of service (${endOfServiceOf(this.kubernetesVersion)}); NKS may stop creating it at any time. Use ${DEFAULT_KUBERNETES_VERSION}.`);
    }
    this.podsCidr = checkMaxPrefix(parseCidr(props.podsCidr ?? '10.100.0.0/16', whereOf(this, 'podsCidr')), NKS_MAX_CIDR_PREFIX, whereOf(this, 'podsCidr'));
    this.servicesCidr = checkMaxPrefix(parseCidr(props.servicesCidr ?? '10.254.0.0/16', whereOf(this, 'servicesCidr')), NKS_MAX_CIDR_PREFIX, whereOf(this, 'servicesCidr'));
    // The user's ranges come first: an overlap is reported at the earlier entry of a pair.
    checkNoOverlap([
      { name: 'pod range', cidr: this.podsCidr, where: whereOf(this, 'podsCidr') },
      { name: 'service range', cidr: this.servicesCidr, where: whereOf(this, 'servicesCidr') },
      ...(props.network.subnetCidr ? [{ name: `subnet of ${props.network.path}`, cidr: props.network.subnetCidr, where: whereOf(this, 'network') }] : []),
      ...RESERVED_CIDRS.map((r) => ({ name: r.name, cidr: r.cidr, where: whereOf(this, 'podsCidr') })),
    ]);

    const publicApi = props.publicApiEndpoint ?? false;
    const labels: Record<string, string> = {
      ...nodeGroupLabels({ ...this.defaultNodes, nodeLabels: this.defaultNodeLabels }),
      kube_tag: this.kubernetesVersion.tag,
      cert_manager_api: 'True',
      master_lb_floating_ip_enabled: nksBool(publicApi),
      pods_network_cidr: this.podsCidr.text,
      service_cluster_ip_range: this.servicesCidr.text,
    };
    this.imageId = props.image.resolve(this, whereOf(this, 'image'));
    labels.node_image = this.imageId;
    for (const [key, value] of Object.entries(props.extraLabels ?? {})) {
      if (key in labels) {
        fail(whereOf(this, `extraLabels.${key}`), value, `label "${key}" is set by nks-cdk from a typed prop`, 'set it through the matching prop (kubernetesVersion, availabilityZone, bootVolume, autoscaler, nodeLabels, podsCidr, ...)');
      }
      if (typeof value !== 'string') {
        fail(whereOf(this, `extraLabels.${key}`), value, 'NKS label values are strings', `write it as a string, e.g. "${String(value) === 'true' ? 'True' : String(value)}"`);
      }
      labels[key] = value;
    }

    let templateId = props.clusterTemplateId;
    if (templateId === undefined) {
      const external = props.externalNetwork ?? ExternalNetworkRef.fromName('Public Network');
      this.template = new ContainerinfraClustertemplateV1(this, 'template', {
        name: `${this.name}-template`,
        coe: 'kubernetes',
        image: this.imageId,
        externalNetworkId: external.resolve(this, whereOf(this, 'externalNetwork')),
        networkDriver: 'calico',
        masterLbEnabled: true,
        floatingIpEnabled: false,
        labels: { kube_tag: this.kubernetesVersion.tag },
      });
      templateId = this.template.id;
    } else if (isLiteral(templateId) && templateId.trim() === '') {
      fail(whereOf(this, 'clusterTemplateId'), templateId, 'a cluster template ID must not be empty', 'omit clusterTemplateId to create a template');
    }

    this.resource = new ContainerinfraClusterV1(this, 'cluster', {
      name: this.name,
      clusterTemplateId: templateId,
      keypair: props.keyPair.keyPairName,
      flavor: this.defaultNodes.flavor.name,
      nodeCount: this.defaultNodes.nodeCount,
      fixedNetwork: props.network.networkId,
      fixedSubnet: props.network.subnetId,
      floatingIpEnabled: false,
      mergeLabels: true,
      labels,
    });
    this.clusterId = this.resource.id;
    this.apiAddress = this.resource.apiAddress;
    this.kubeconfig = this.resource.kubeconfig.lookup('raw_config');
    const base = defaultName(id).replace(/-/g, '_');
    this.apiAddressOutput = new TerraformOutput(this, 'api-address', {
      value: this.apiAddress,
      sensitive: true,
      description: `Kubernetes API address of cluster ${this.name}`,
    });
    this.apiAddressOutput.overrideLogicalId(`${base}_api_address`);
    this.kubeconfigOutput = new TerraformOutput(this, 'kubeconfig-output', {
      value: this.kubeconfig,
      sensitive: true,
      description: `kubeconfig of cluster ${this.name} (write it to a file with: cdktf output --outputs-file)`,
    });
    this.kubeconfigOutput.overrideLogicalId(`${base}_kubeconfig`);
  }

  /** The node image ID every group defaults to (a literal or a Terraform reference). */
  public get nodeImageId(): string {
    return this.imageId;
  }

  /** The default node group as a placement for workloads (selector, zone, GPUs). */
  public get defaultNodeGroup(): NodePlacement {
    return {
      path: this.node.path,
      name: DEFAULT_GROUP_NAME,
      availabilityZone: this.defaultNodes.availabilityZone,
      nodeLabels: this.defaultNodeLabels,
      nodeSelector: { [NODE_GROUP_LABEL]: DEFAULT_GROUP_NAME },
      maxNodes: maxNodesOf(this.defaultNodes),
      gpu: this.defaultNodes.flavor.gpu,
    };
  }

  /** Every group of nodes, the default group first: where pods of this cluster can land. */
  public get placements(): NodePlacement[] {
    return [this.defaultNodeGroup, ...this.groups];
  }

  /** Node groups added with addNodeGroup / addGpuNodeGroup, in order. */
  public get nodeGroups(): readonly NodeGroup[] {
    return [...this.groups];
  }

  /** Every availability zone a node of this cluster can be in. */
  public get zones(): string[] {
    return [...new Set([this.defaultNodes.availabilityZone, ...this.groups.map((g) => g.spec.availabilityZone)])].sort();
  }

  /** Adds a node group (flavor, count, zone, image, autoscaler, node labels). */
  public addNodeGroup(id: string, props: NodeGroupProps): NodeGroup {
    const group = new NodeGroup(this, id, { ...props, cluster: this });
    this.groups.push(group);
    return group;
  }

  /** Adds a GPU node group on a `g2` flavor; NKS installs nvidia-device-plugin on it. */
  public addGpuNodeGroup(id: string, props: GpuNodeGroupProps): GpuNodeGroup {
    const group = new GpuNodeGroup(this, id, { ...props, cluster: this });
    this.groups.push(group);
    return group;
  }
}

export type { VolumeType };

import { TerraformOutput, TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { checkBoolean } from '../model/booleans';
import { checkMaxPrefix, checkNoOverlap, Cidr, NKS_MAX_CIDR_PREFIX, parseCidr, RESERVED_CIDRS } from '../model/cidr';
import { fail, Where } from '../model/errors';
import { checkCreatableVersion, checkKnownVersion, checkUpgradeStep, compareVersions, DEFAULT_KUBERNETES_VERSION, endOfServiceOf, isPastEndOfService, KubernetesVersion } from '../model/kubernetes-versions';
import { checkNodeLabels, NODE_GROUP_LABEL, unconfirmedNodeLabelsWarning } from '../model/node-labels';
import { checkClusterName, DEFAULT_NODE_GROUP_NAME } from '../model/names';
import { nksBool } from '../model/nks-rules';
import { checkMaxUnavailable, checkResizeTo, maxNodesOf, NodeSpec, nodeGroupLabels, nodeSpec, resizeLimitWarning } from '../model/node-spec';
import { checkIntegerInRange } from '../model/numbers';
import { NodePlacement } from '../model/placement';
import { VolumeType } from '../model/volumes';
import { ClusterAccess } from './access';
import { ClusterProps, ClusterUpgrade } from './cluster-props';
import { INetwork } from './network';
import { GpuNodeGroup, GpuNodeGroupProps, NodeGroup, NodeGroupProps } from './node-group';
import { ImageRef } from './references';
import { InfraStack, rendererOf } from './stack';
import { ClusterResource, OperationQueue, RenderedCluster, ResizeResource, UpgradeResource, UpgradeSpec } from './targets/renderer';
import { BOOT_VOLUME_KEY_IGNORED, defaultName, warn, whereOf } from './util';
import { recordsProblems } from '../problems';
import { applyProtection } from './protect';
import { constructsUnder } from '../synth-cache';

export type { ClusterProps, ClusterUpgrade } from './cluster-props';

/** Labels a target derives from typed props, so extraLabels cannot set them either. */
const TARGET_MANAGED_LABELS = ['external_network_id', 'external_subnet_id_list', 'ncr_sgw', 'obs_sgw', 'boot_volume_key_id', 'boot_volume_appkey'];

/**
 * The Magnum cluster template nks-cdk creates for a cluster on the openstack target
 * (`openstack_containerinfra_clustertemplate_v1`): a Terraform resource, for escape hatches such as
 * `addOverride`, and its ID. For the provider's other attributes narrow it with `instanceof` against
 * `containerinfraClustertemplateV1.ContainerinfraClustertemplateV1` from `nks-cdk/providers/openstack`.
 */
export type ClusterTemplateResource = TerraformResource & { readonly id: string };

/**
 * An NKS Kubernetes cluster with its default node group. Add more node groups with
 * {@link Cluster.addNodeGroup} and GPU node groups with {@link Cluster.addGpuNodeGroup}.
 * Outputs the API address (and, on the openstack target, the kubeconfig) as sensitive Terraform outputs;
 * {@link Cluster.kubernetesAccess} tells a workloads stack how to reach the API on either target.
 */
@recordsProblems
export class Cluster extends Construct {
  /** The cluster name. */
  public readonly name: string;
  /** The Kubernetes version. */
  public readonly kubernetesVersion: KubernetesVersion;
  /** The region (from the InfraStack: an NHN region, or the cloud profile's). */
  public readonly region: string;
  /** Whether the API endpoint is public (`publicApiEndpoint`); a private one is reachable only from inside the network. */
  public readonly publicApiEndpoint: boolean;
  /** The default node group, validated. */
  public readonly defaultNodes: NodeSpec;
  /** Node labels the default group's nodes carry (including nks-cdk's group label). */
  public readonly defaultNodeLabels: Readonly<Record<string, string>>;
  /** The node image. */
  public readonly image: ImageRef;
  /** The network the cluster lives on. */
  public readonly network: INetwork;
  /** The pod network range (`podsCidr`). */
  public readonly podsCidr: Cidr;
  /** The service network range (`servicesCidr`). */
  public readonly servicesCidr: Cidr;
  /** The cluster resource (`openstack_containerinfra_cluster_v1` or `nhncloud_kubernetes_cluster_v1`). */
  public readonly resource: ClusterResource;
  /** The template resource (openstack target), unless an existing template ID was given. */
  public readonly template?: ClusterTemplateResource;
  /** The default node group's resize operation (nhncloud target, when `resizeTo` is set). */
  public readonly resizeOperation?: ResizeResource;
  /** The upgrade operations of the control plane and default node group, in order (nhncloud target, when `upgrade` is set). */
  public readonly upgradeOperations: readonly UpgradeResource[];
  /** The validated upgrade, when `upgrade` is set. */
  public readonly upgrade?: UpgradeSpec;
  /** The cluster's ID (a Terraform reference). */
  public readonly clusterId: string;
  /** The Kubernetes API address (a Terraform reference). */
  public readonly apiAddress: string;
  /**
   * The kubeconfig file content (a sensitive Terraform reference) on the openstack target; undefined on
   * nhncloud, whose provider leaves it empty. Prefer {@link kubernetesAccess}, which works on both.
   */
  public readonly kubeconfig?: string;
  /** Sensitive output of the API address. */
  public readonly apiAddressOutput: TerraformOutput;
  /** Sensitive output of the kubeconfig (openstack target). */
  public readonly kubeconfigOutput?: TerraformOutput;
  /**
   * Operations on the running cluster, in the order NKS must run them (used by node groups).
   * @internal
   */
  public readonly operations: OperationQueue;
  /** Whether the cluster resource is protected (`protect`, or the stack's). */
  public readonly isProtected: boolean;
  private readonly groups: NodeGroup[] = [];
  /** Groups whose node selector was read (workloads placed on them), for the k8s_node_labels warning. */
  private readonly selectedGroups = new Set<string>();
  private readonly imageId: string;
  private readonly rendered: RenderedCluster;

  /** Creates an NKS cluster with its default node group in the stack of `scope`. */
  constructor(scope: Construct, id: string, props: ClusterProps) {
    super(scope, id);
    const stack = InfraStack.of(this);
    this.region = stack.region;
    this.name = checkClusterName(props.name, whereOf(this, 'name'));
    // NKS addresses a cluster by `{CLUSTER_ID_OR_NAME}` on one API endpoint per region
    // (TOAST-DOCS/Container-Kubernetes `ko/public-api.md` lines 8–10 and 197–211), so a name is one cluster
    // in a project and region. Stacks of one program deploy with the same credentials, so into one project [I]:
    // the whole program is searched, not only this stack.
    const same = constructsUnder(this.node.root).find((c): c is Cluster => c !== this && c instanceof Cluster && c.name === this.name && c.region === this.region);
    if (same) {
      fail(whereOf(this, 'name'), this.name, `cluster names are unique in a project and region; ${same.node.path} already uses ${JSON.stringify(this.name)} in ${this.region}`, 'choose another name for one of the two clusters');
    }
    this.kubernetesVersion = checkCreatableVersion(props.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION, whereOf(this, 'kubernetesVersion'));
    this.network = props.network;
    this.image = props.image;
    this.defaultNodes = nodeSpec({ ...props, flavor: props.flavor ?? stack.cloud.defaultFlavor }, stack.cloud, whereOf(this, ''), 1);
    if (props.bootVolume?.encryptionKey !== undefined && !stack.cloud.skmEncryption) {
      warn(this, 'nks-cdk:encryptionKeyIgnored', BOOT_VOLUME_KEY_IGNORED);
    }
    // nks-cdk's own label counts against NKS's label limit too.
    this.defaultNodeLabels = checkNodeLabels({ ...this.defaultNodes.nodeLabels, [NODE_GROUP_LABEL]: DEFAULT_NODE_GROUP_NAME }, whereOf(this, 'nodeLabels'));
    if (isPastEndOfService(this.kubernetesVersion)) {
      warn(this, 'nks-cdk:kubernetesEndOfService', `Kubernetes ${this.kubernetesVersion.tag} is past its scheduled end of service (${endOfServiceOf(this.kubernetesVersion)}); NKS may stop creating it at any time. Use ${DEFAULT_KUBERNETES_VERSION}.`);
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

    const publicApi = props.publicApiEndpoint === undefined ? false : checkBoolean(props.publicApiEndpoint, whereOf(this, 'publicApiEndpoint'));
    this.publicApiEndpoint = publicApi;
    const labels: Record<string, string> = {
      ...nodeGroupLabels({ ...this.defaultNodes, nodeLabels: this.defaultNodeLabels }),
      kube_tag: this.kubernetesVersion.tag,
      cert_manager_api: 'True',
      master_lb_floating_ip_enabled: nksBool(publicApi),
      pods_network_cidr: this.podsCidr.text,
      service_cluster_ip_range: this.servicesCidr.text,
    };
    this.imageId = props.image.resolve(this, whereOf(this, 'image'), 'nks-node');
    labels.node_image = this.imageId;
    for (const [key, value] of Object.entries(props.extraLabels ?? {})) {
      if (key in labels || TARGET_MANAGED_LABELS.includes(key)) {
        fail(whereOf(this, `extraLabels.${key}`), value, `label "${key}" is set by nks-cdk from a typed prop`, 'set it through the matching prop (kubernetesVersion, availabilityZone, bootVolume, autoscaler, nodeLabels, podsCidr, externalNetwork, serviceGateways, ...)');
      }
      if (typeof value !== 'string') {
        fail(whereOf(this, `extraLabels.${key}`), value, 'NKS label values are strings', `write it as a string, e.g. "${String(value) === 'true' ? 'True' : String(value)}"`);
      }
      labels[key] = value;
    }
    const resizeTo = checkResizeTo(props.resizeTo, this.defaultNodes, whereOf(this, 'resizeTo'));
    const overLimit = stack.target === 'nhncloud' ? resizeLimitWarning(resizeTo, DEFAULT_NODE_GROUP_NAME) : undefined;
    if (overLimit) warn(this, 'nks-cdk:resizeOverQuota', overLimit);
    if (stack.target === 'openstack' && props.serviceGateways !== undefined) {
      warn(this, 'nks-cdk:ignoredProp', 'serviceGateways apply to the nhncloud target only (NKS labels ncr_sgw and obs_sgw); on the openstack target the router\'s gateway is the way out, so they are ignored.');
    }
    this.upgrade = props.upgrade === undefined ? undefined : this.checkUpgrade(props.upgrade, whereOf(this, 'upgrade'));
    if (this.upgrade) checkMaxUnavailable(this.upgrade.maxUnavailableNodes, resizeTo ?? this.defaultNodes.nodeCount, DEFAULT_NODE_GROUP_NAME, whereOf(this, 'upgrade.maxUnavailableNodes'));

    this.rendered = rendererOf(stack).cluster(
      this,
      {
        name: this.name,
        kubernetesVersion: this.kubernetesVersion,
        nodes: this.defaultNodes,
        resizeTo,
        labels,
        nodeLabels: this.defaultNodeLabels,
        imageId: this.imageId,
        networkId: props.network.networkId,
        subnetId: props.network.subnetId,
        networkPath: props.network.path,
        internetGateway: props.network.internetGateway,
        dependsOn: props.network.prerequisites,
        serviceGateways: props.serviceGateways,
        keyPairName: props.keyPair.keyPairName,
        publicApiEndpoint: publicApi,
        externalNetwork: props.externalNetwork,
        externalSubnetIds: props.externalSubnetIds,
        clusterTemplateId: props.clusterTemplateId,
        addons: props.addons,
        upgrade: this.upgrade,
        kubeconfigFile: props.kubeconfigFile,
      },
      (field) => whereOf(this, field),
    );
    this.resource = this.rendered.resource;
    this.isProtected = applyProtection(this, this.resource, props.protect);
    this.template = this.rendered.template;
    this.resizeOperation = this.rendered.resize;
    this.upgradeOperations = this.rendered.upgrades;
    this.operations = this.rendered.operations;
    this.clusterId = this.rendered.clusterId;
    this.apiAddress = this.rendered.apiAddress;
    this.kubeconfig = this.rendered.kubeconfig;
    const base = defaultName(id).replace(/-/g, '_');
    this.apiAddressOutput = new TerraformOutput(this, 'api-address', {
      value: this.apiAddress,
      sensitive: true,
      description: `Kubernetes API address of cluster ${this.name}`,
    });
    this.apiAddressOutput.overrideLogicalId(`${base}_api_address`);
    if (this.kubeconfig !== undefined) {
      this.kubeconfigOutput = new TerraformOutput(this, 'kubeconfig-output', {
        value: this.kubeconfig,
        sensitive: true,
        description: `kubeconfig of cluster ${this.name} (write it to a file with: cdktf output --outputs-file)`,
      });
      this.kubeconfigOutput.overrideLogicalId(`${base}_kubeconfig`);
    }
    // Known only once the workloads are declared: which groups they are placed on.
    this.node.addValidation({
      validate: () => {
        if (stack.target === 'nhncloud' && this.selectedGroups.size > 0) warn(this, 'nks-cdk:nodeLabelsUnconfirmed', unconfirmedNodeLabelsWarning(this.name, [...this.selectedGroups]));
        return [];
      },
    });
  }

  /**
   * @internal Records that workloads select the node group `group` by its node labels (its `nodeSelector`
   * was read): on the nhncloud target that placement depends on NKS applying `k8s_node_labels`.
   */
  public recordPlacement(group: string): void {
    this.selectedGroups.add(group);
  }

  /**
   * How a workloads stack (Terraform's Kubernetes provider, or any client) reaches this cluster's API:
   * - openstack target: `{ kind: 'terraform', host, clusterCaCertificate, clientCertificate, clientKey }`,
   *   Terraform references to the cluster's kubeconfig (sensitive outputs across stacks).
   * - nhncloud target: `{ kind: 'kubeconfig-file', configPath, source }`, the file from the `kubeconfigFile`
   *   prop or `$NKS_KUBECONFIG`, read now; throws a {@link ValidationError} (field `kubeconfigFile`) with the
   *   steps to download it when neither is set or the file is missing. Call it when the workloads side is
   *   built, after the cluster exists.
   */
  public kubernetesAccess(): ClusterAccess {
    return this.rendered.kubernetesAccess();
  }

  /** The node image ID every group defaults to (a literal or a Terraform reference). */
  public get nodeImageId(): string {
    return this.imageId;
  }

  /**
   * The default node group as a placement for workloads (selector, zone, GPUs). Reading its `nodeSelector`
   * records that workloads select the group by its node label (see {@link recordPlacement}).
   */
  public get defaultNodeGroup(): NodePlacement {
    const record = () => this.recordPlacement(DEFAULT_NODE_GROUP_NAME);
    return {
      path: this.node.path,
      name: DEFAULT_NODE_GROUP_NAME,
      availabilityZone: this.defaultNodes.availabilityZone,
      nodeLabels: this.defaultNodeLabels,
      get nodeSelector() {
        record();
        return { [NODE_GROUP_LABEL]: DEFAULT_NODE_GROUP_NAME };
      },
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
    // `cloud` is missing only when the stack itself failed (its problem is recorded); the group then fails too.
    if (InfraStack.of(this).cloud?.isGpuFlavorName(props.flavor)) {
      // Before the group exists, so the error names its path and no half-built group is left.
      fail({ path: `${this.node.path}/${id}`, field: 'flavor' }, props.flavor, `${props.flavor} is a flavor with GPUs (a g2 flavor on NHN Cloud), and a GPU node group needs the GPU setup addGpuNodeGroup() makes (GPU labels, count, taint)`, `use cluster.addGpuNodeGroup(${JSON.stringify(id)}, { flavor: ${JSON.stringify(props.flavor)}, ... }), or a flavor without GPUs such as ${InfraStack.of(this).cloud.defaultFlavor}`);
    }
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

  private checkUpgrade(upgrade: ClusterUpgrade, where: Where): UpgradeSpec {
    const field = (f: string): Where => ({ path: where.path, field: `${where.field}.${f}` });
    const version = checkCreatableVersion(upgrade.kubernetesVersion, field('kubernetesVersion'));
    const from = upgrade.fromVersion === undefined ? this.kubernetesVersion : this.checkFromVersion(upgrade.fromVersion, field('fromVersion'));
    checkUpgradeStep(from, version, field('kubernetesVersion'), upgrade.fromVersion === undefined ? "the cluster's kubernetesVersion" : 'upgrade.fromVersion');
    if (upgrade.bufferNodes === 0) {
      // NKS's API takes 0 ("buffer nodes are not added"), but the provider sends num_buffer_nodes only when it is
      // not 0 (`d.GetOk`; v1.0.7 `nhncloud/resource_nhncloud_kubernetes_nodegroup_upgrade_v1.go` lines 102–104,
      // 230–232), so NKS would apply its default of 1 (TOAST-DOCS/Container-Kubernetes `en/public-api.md` line 1920).
      fail(
        field('bufferNodes'),
        0,
        'the nhncloud provider drops a buffer node count of 0 (it sends num_buffer_nodes only when it is not 0), so NKS would add its default of 1 buffer node',
        'use 1 or more; to upgrade without a buffer node, run the upgrade in the NKS console or through the NKS API (num_buffer_nodes: 0)',
      );
    }
    return {
      kubernetesVersion: version,
      bufferNodes: checkIntegerInRange(upgrade.bufferNodes ?? 1, field('bufferNodes'), { min: 1, max: 100 }, 'the buffer nodes of an upgrade'),
      maxUnavailableNodes: checkIntegerInRange(upgrade.maxUnavailableNodes ?? 1, field('maxUnavailableNodes'), { min: 1, max: 100 }, 'the nodes out of service at once during an upgrade'),
    };
  }

  /** The version a running cluster upgrades from: one NKS shipped, not older than the one it was created with. */
  private checkFromVersion(v: string, where: Where): KubernetesVersion {
    const from = checkKnownVersion(v, where);
    if (compareVersions(from, this.kubernetesVersion) < 0) {
      fail(where, v, `the cluster was created with ${this.kubernetesVersion.tag} and NKS does not downgrade, so it cannot run ${from.tag}`, `write the version the cluster runs now (${this.kubernetesVersion.tag} or newer), or leave fromVersion out before the first upgrade`);
    }
    return from;
  }
}

export type { VolumeType };

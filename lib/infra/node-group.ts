import { Construct } from 'constructs';
import { checkChoice } from '../model/choices';
import { fail } from '../model/errors';
import { GPU_FLAVORS, GpuSpec } from '../model/flavors';
import { checkLabelKey, checkLabelValue, checkNodeGroupName } from '../model/names';
import { checkNodeLabels, GPU_MODEL_LABEL, NODE_GROUP_LABEL } from '../model/node-labels';
import { AutoscalerOptions, BootVolumeOptions, checkMaxUnavailable, checkResizeTo, maxNodesOf, NodeSpec, nodeGroupLabels, nodeSpec, resizeLimitWarning } from '../model/node-spec';
import { NodePlacement, Taint } from '../model/placement';
import { GPUS_PER_NODE_COMMENT, TERRAFORM_COMMENT_KEY } from '../model/terraform-comment';
import type { Cluster } from './cluster';
import { ImageRef } from './references';
import { InfraStack, rendererOf } from './stack';
import { NodeGroupResource, ResizeResource, UpgradeResource } from './targets/renderer';
import { BOOT_VOLUME_KEY_IGNORED, defaultName, warn, whereOf } from './util';
import { recordsProblems } from '../problems';
import { applyProtection } from './protect';

/** Properties of a {@link NodeGroup}, added with `cluster.addNodeGroup(id, props)`. */
export interface NodeGroupProps {
  /**
   * Node group name, same rule as the cluster name, and not `default-master` or `default-worker` (the names of
   * the cluster's own groups). Changing it replaces the node group.
   * @default the construct id in lowercase
   */
  readonly name?: string;
  /** Instance type (flavor), e.g. `m2.c4m8`. Changing it replaces the node group. */
  readonly flavor: string;
  /**
   * Nodes the group is created with. On the openstack target a later change resizes in place; on the
   * nhncloud target the provider cannot change it after creation (nks-cdk tells Terraform to ignore later
   * changes): use `resizeTo`.
   * @default 1
   */
  readonly nodeCount?: number;
  /**
   * Resize the running group to this many nodes: its `node_count` on openstack, an
   * `nhncloud_kubernetes_cluster_resize_v1` on nhncloud (changing the number resizes again; removing it
   * does not shrink the group back). NKS resizes to 1–10 nodes unless the project's quota is raised (more is a
   * warning). Not with `autoscaler`.
   * @default - no resize
   */
  readonly resizeTo?: number;
  /**
   * Availability zone of the group's nodes. Changing it replaces the node group.
   * @default the cluster's availability zone
   */
  readonly availabilityZone?: string;
  /**
   * Node image. On nhncloud a lookup by name is narrowed to NKS's node images (see {@link ImageRef}). Changing
   * a literal image ID replaces the node group; a looked-up image is fixed at creation.
   * @default the cluster's image
   */
  readonly image?: ImageRef;
  /**
   * Boot volume of each node. Changing it replaces the node group.
   * @default { type: 'General HDD', sizeGb: 50 } (openstack: the profile's `defaultVolumeType`)
   */
  readonly bootVolume?: BootVolumeOptions;
  /**
   * Cluster autoscaler for this group (openstack: min/max_node_count and the NKS `ca_*` labels; nhncloud:
   * the `ca_*` labels only, since nhncloud 1.0.7's node group has no min/max_node_count).
   * @default - no autoscaler
   */
  readonly autoscaler?: AutoscalerOptions;
  /**
   * Kubernetes labels for the group's nodes (NKS label `k8s_node_labels`, in a form NKS has not confirmed: see
   * `formatNodeLabelsForNks`). nks-cdk adds `node.nks-cdk.io/group: <name>`.
   * @default - only the group label
   */
  readonly nodeLabels?: Record<string, string>;
  /**
   * Refuse at synth any change that would replace or destroy this node group: a ValidationError that names the
   * argument forcing it and what to do instead. Also writes `lifecycle.prevent_destroy` on its resource, so
   * Terraform refuses too. Without it such a change is a warning. Its nodes and pods go with a replaced node group.
   * @default the InfraStack's `protect` (false)
   */
  readonly protect?: boolean;
}

/** The effects a Kubernetes node taint can have. */
const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] as const;

/** A Kubernetes node taint (see {@link Taint}). */
export type NodeTaint = Taint;

/** Properties of a {@link GpuNodeGroup}, added with `cluster.addGpuNodeGroup(id, props)`. */
export interface GpuNodeGroupProps extends NodeGroupProps {
  /**
   * A flavor with GPUs: a `g2` flavor on NHN Cloud, e.g. `g2.t4.c4m32`; on openstack one the cloud profile
   * lists with `gpu`. Changing it replaces the node group.
   */
  readonly flavor: string;
  /**
   * GPUs per node, needed only for g2 flavors nks-cdk's table does not list.
   * @default - from the flavor table
   */
  readonly gpuCount?: number;
  /**
   * A taint that keeps non-GPU pods off these nodes. NKS sets node-group taints in its console only (neither
   * its API nor Terraform can), so nks-cdk cannot apply it: it records it for workloads to tolerate and warns
   * you to set it in the console.
   * @default - no taint
   */
  readonly taint?: NodeTaint;
}

/** What a node group gets from the cluster that adds it ({@link Cluster.addNodeGroup}). */
export interface NodeGroupOwnerProps {
  /** The cluster the group belongs to. */
  readonly cluster: Cluster;
}

/** A node group of a cluster. Create it with {@link Cluster.addNodeGroup}. */
@recordsProblems
export class NodeGroup extends Construct implements NodePlacement {
  /** The cluster this group belongs to. */
  public readonly cluster: Cluster;
  /** The node group name. */
  public readonly name: string;
  /** The validated node settings. */
  public readonly spec: NodeSpec;
  /** Labels every node of the group carries (user labels plus nks-cdk's group label). */
  public readonly nodeLabels: Readonly<Record<string, string>>;
  /** The node group resource (`openstack_containerinfra_nodegroup_v1` or `nhncloud_kubernetes_nodegroup_v1`). */
  public readonly resource: NodeGroupResource;
  /** The resize operation (nhncloud target, when `resizeTo` is set). */
  public readonly resizeOperation?: ResizeResource;
  /** The upgrade operation (nhncloud target, when the cluster has `upgrade`). */
  public readonly upgradeOperation?: UpgradeResource;
  /** Construct path (for messages in the Kubernetes layer). */
  public readonly path: string;
  /** Availability zone of the group's nodes. */
  public readonly availabilityZone: string;
  /** Whether the node group resource is protected (`protect`, or the stack's). */
  public readonly isProtected: boolean;

  /** Creates a node group of `props.cluster`; use {@link Cluster.addNodeGroup} rather than calling it. */
  constructor(scope: Construct, id: string, props: NodeGroupProps & NodeGroupOwnerProps) {
    super(scope, id);
    this.cluster = props.cluster;
    this.path = this.node.path;
    // Also refuses the names of the cluster's own groups (default-master, default-worker).
    this.name = checkNodeGroupName(props.name ?? defaultName(id), whereOf(this, 'name'));
    for (const other of props.cluster.nodeGroups) {
      if (other.name === this.name) {
        fail(whereOf(this, 'name'), this.name, `node group names are unique in a cluster; ${other.node.path} already uses it`, 'choose another name');
      }
    }
    this.spec = nodeSpec(
      { ...props, availabilityZone: props.availabilityZone ?? props.cluster.defaultNodes.availabilityZone },
      InfraStack.of(this).cloud,
      whereOf(this, ''),
      1,
    );
    if (props.bootVolume?.encryptionKey !== undefined && !InfraStack.of(this).cloud.skmEncryption) {
      warn(this, 'nks-cdk:encryptionKeyIgnored', BOOT_VOLUME_KEY_IGNORED);
    }
    this.availabilityZone = this.spec.availabilityZone;
    // nks-cdk's own labels count against NKS's label limit too.
    this.nodeLabels = checkNodeLabels({ ...this.spec.nodeLabels, ...this.extraNodeLabels(), [NODE_GROUP_LABEL]: this.name }, whereOf(this, 'nodeLabels'));
    const resizeTo = checkResizeTo(props.resizeTo, this.spec, whereOf(this, 'resizeTo'));
    const overLimit = InfraStack.of(this).target === 'nhncloud' ? resizeLimitWarning(resizeTo, this.name) : undefined;
    if (overLimit) warn(this, 'nks-cdk:resizeOverQuota', overLimit);
    if (props.cluster.upgrade) checkMaxUnavailable(props.cluster.upgrade.maxUnavailableNodes, resizeTo ?? this.spec.nodeCount, this.name, whereOf(props.cluster, 'upgrade.maxUnavailableNodes'));
    const imageId = props.image ? props.image.resolve(this, whereOf(this, 'image'), 'nks-node') : props.cluster.nodeImageId;
    const cluster = props.cluster;
    const rendered = rendererOf(this).nodeGroup(
      this,
      {
        name: this.name,
        nodes: this.spec,
        resizeTo,
        imageId,
        labels: nodeGroupLabels({ ...this.spec, nodeLabels: this.nodeLabels }),
        nodeLabels: this.nodeLabels,
      },
      { clusterId: cluster.clusterId, upgrade: cluster.upgrade, operations: cluster.operations },
      (field) => whereOf(this, field),
    );
    this.resource = rendered.resource;
    this.isProtected = applyProtection(this, this.resource, props.protect);
    this.resizeOperation = rendered.resize;
    this.upgradeOperation = rendered.upgrade;
  }

  /**
   * The label selector that matches exactly this group's nodes. Reading it records that workloads select the
   * group by its node label, which on the nhncloud target depends on NKS applying `k8s_node_labels` (synth
   * warns with the check to run after the first deploy).
   */
  public get nodeSelector(): Record<string, string> {
    this.cluster.recordPlacement(this.name);
    return { [NODE_GROUP_LABEL]: this.name };
  }

  /** The most nodes this group can have (autoscaler maximum or fixed count). */
  public get maxNodes(): number {
    return maxNodesOf(this.spec);
  }

  /** Labels a subclass adds to every node. */
  protected extraNodeLabels(): Record<string, string> {
    return {};
  }
}

/**
 * A node group on GPU (`g2`) instances. NKS installs nvidia-device-plugin on it, so pods can ask for
 * `nvidia.com/gpu`. Exposes the GPU model and count, the labels to select its nodes, and the taint (if any)
 * workloads must tolerate.
 */
@recordsProblems
export class GpuNodeGroup extends NodeGroup {
  /** GPU model and GPUs per node. */
  public readonly gpu: GpuSpec;
  /** The taint workloads must tolerate, when one is declared. */
  public readonly taint?: NodeTaint;

  /** Creates a GPU node group of `props.cluster`; use {@link Cluster.addGpuNodeGroup} rather than calling it. */
  constructor(scope: Construct, id: string, props: GpuNodeGroupProps & NodeGroupOwnerProps) {
    // Validate before any child is created so the error names this group's path.
    InfraStack.of(scope).cloud.checkGpuFlavorName(props.flavor, { path: `${scope.node.path}/${id}`, field: 'flavor' }, 'a GPU node group', 'use e.g. g2.t4.c4m32, or cluster.addNodeGroup() for a non-GPU group');
    super(scope, id, props);
    if (!this.spec.flavor.gpu) throw new Error(`${this.node.path}: g2 flavor without GPU spec`);
    this.gpu = this.spec.flavor.gpu;
    // The GPU count of a flavor GPU_FLAVORS lacks (given as gpuCount, or by the cloud profile) exists only in the
    // program: it goes into the resource's "//" comment (Terraform ignores it), where the diagram reads it.
    if (GPU_FLAVORS[this.spec.flavor.name]?.count !== this.gpu.count) this.resource.addOverride(`//.${TERRAFORM_COMMENT_KEY}.${GPUS_PER_NODE_COMMENT}`, this.gpu.count);
    if (props.taint) {
      checkLabelKey(props.taint.key, whereOf(this, 'taint.key'));
      checkChoice(props.taint.effect, TAINT_EFFECTS, whereOf(this, 'taint.effect'), 'a taint effect');
      if (props.taint.value !== undefined) checkLabelValue(props.taint.value, whereOf(this, 'taint.value'));
      this.taint = props.taint;
      warn(this, 'nks-cdk:gpuTaintConsoleOnly', `Taint ${props.taint.key}${props.taint.value ? `=${props.taint.value}` : ''}:${props.taint.effect} is declared for GPU node group "${this.name}", but NKS applies node-group taints only from its console. Set it there after deploy (node group > taint), or pods without a toleration can still land on these GPU nodes.`);
    }
  }

  /** GPUs on each node. */
  public get gpusPerNode(): number {
    return this.gpu.count;
  }

  /** GPUs the group can offer at most (max nodes × GPUs per node). */
  public get maxGpus(): number {
    return this.maxNodes * this.gpu.count;
  }

  /** The GPU model label, `node.nks-cdk.io/gpu-model`, spelled as the flavor name spells the model (`t4`). */
  protected override extraNodeLabels(): Record<string, string> {
    const model = this.spec.flavor.gpu?.model ?? 'unknown';
    return { [GPU_MODEL_LABEL]: model.toLowerCase().replace(/^tesla\s+/, '').replace(/[^a-z0-9]+/g, '-') };
  }
}

import { Construct } from 'constructs';
import { ContainerinfraNodegroupV1 } from '../generated/providers/openstack/containerinfra-nodegroup-v1';
import { fail } from '../model/errors';
import { GpuSpec, isGpuFlavorName } from '../model/flavors';
import { checkLabelKey, checkLabelValue, checkNodeGroupName } from '../model/names';
import { checkNodeLabels } from '../model/node-labels';
import { NodePlacement, Taint } from '../model/placement';
import type { Cluster } from './cluster';
import { AutoscalerOptions, BootVolumeOptions, maxNodesOf, NodeSpec, nodeGroupLabels, nodeSpec } from './node-spec';
import { ImageRef } from './references';
import { defaultName, warn, whereOf } from './util';

/** Node label nks-cdk puts on every node: the name of its node group, so workloads can select a group. */
export const NODE_GROUP_LABEL = 'node.nks-cdk.io/group';
/** Node label nks-cdk puts on GPU nodes: the GPU model in lowercase (e.g. `t4`). */
export const GPU_MODEL_LABEL = 'node.nks-cdk.io/gpu-model';

/** Properties of a {@link NodeGroup}, added with `cluster.addNodeGroup(id, props)`. */
export interface NodeGroupProps {
  /**
   * Node group name, same rule as the cluster name. Changing it replaces the node group.
   * @default the construct id in lowercase
   */
  readonly name?: string;
  /** Instance type (flavor), e.g. `m2.c4m8`. Changing it replaces the node group. */
  readonly flavor: string;
  /**
   * Nodes in the group.
   * @default 1
   */
  readonly nodeCount?: number;
  /**
   * Availability zone of the group's nodes. Changing it replaces the node group.
   * @default the cluster's availability zone
   */
  readonly availabilityZone?: string;
  /**
   * Node image. Changing it replaces the node group.
   * @default the cluster's image
   */
  readonly image?: ImageRef;
  /**
   * Boot volume of each node. Changing it replaces the node group.
   * @default { type: 'General HDD', sizeGb: 50 }
   */
  readonly bootVolume?: BootVolumeOptions;
  /**
   * Cluster autoscaler for this group.
   * @default - no autoscaler
   */
  readonly autoscaler?: AutoscalerOptions;
  /**
   * Kubernetes labels for the group's nodes. nks-cdk adds `node.nks-cdk.io/group: <name>`.
   * @default - only the group label
   */
  readonly nodeLabels?: Record<string, string>;
}

/** A Kubernetes node taint (see {@link Taint}). */
export type NodeTaint = Taint;

/** Properties of a {@link GpuNodeGroup}, added with `cluster.addGpuNodeGroup(id, props)`. */
export interface GpuNodeGroupProps extends NodeGroupProps {
  /** A `g2` flavor, e.g. `g2.t4.c4m32`. Changing it replaces the node group. */
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

interface OwnedProps {
  readonly cluster: Cluster;
}

/** A node group of a cluster. Create it with {@link Cluster.addNodeGroup}. */
export class NodeGroup extends Construct implements NodePlacement {
  /** The cluster this group belongs to. */
  public readonly cluster: Cluster;
  /** The node group name. */
  public readonly name: string;
  /** The validated node settings. */
  public readonly spec: NodeSpec;
  /** Labels every node of the group carries (user labels plus nks-cdk's group label). */
  public readonly nodeLabels: Readonly<Record<string, string>>;
  /** The node group resource. */
  public readonly resource: ContainerinfraNodegroupV1;
  /** Construct path (for messages in the Kubernetes layer). */
  public readonly path: string;
  /** Availability zone of the group's nodes. */
  public readonly availabilityZone: string;

  constructor(scope: Construct, id: string, props: NodeGroupProps & OwnedProps) {
    super(scope, id);
    this.cluster = props.cluster;
    this.path = this.node.path;
    this.name = checkNodeGroupName(props.name ?? defaultName(id), whereOf(this, 'name'));
    if (this.name === 'default-worker') {
      fail(whereOf(this, 'name'), this.name, '"default-worker" is the name of the cluster\'s default node group', 'choose another node group name');
    }
    for (const other of props.cluster.nodeGroups) {
      if (other.name === this.name) {
        fail(whereOf(this, 'name'), this.name, `node group names are unique in a cluster; ${other.node.path} already uses it`, 'choose another name');
      }
    }
    this.spec = nodeSpec(
      { ...props, availabilityZone: props.availabilityZone ?? props.cluster.defaultNodes.availabilityZone },
      props.cluster.region,
      whereOf(this, ''),
      1,
    );
    this.availabilityZone = this.spec.availabilityZone;
    // nks-cdk's own labels count against NKS's label limit too.
    this.nodeLabels = checkNodeLabels({ ...this.spec.nodeLabels, ...this.extraNodeLabels(), [NODE_GROUP_LABEL]: this.name }, whereOf(this, 'nodeLabels'));
    const imageId = props.image ? props.image.resolve(this, whereOf(this, 'image')) : props.cluster.nodeImageId;
    this.resource = new ContainerinfraNodegroupV1(this, 'nodegroup', {
      clusterId: props.cluster.clusterId,
      name: this.name,
      flavorId: this.spec.flavor.name,
      imageId,
      nodeCount: this.spec.nodeCount,
      minNodeCount: this.spec.autoscaler?.minNodes,
      maxNodeCount: this.spec.autoscaler?.maxNodes,
      mergeLabels: true,
      labels: nodeGroupLabels({ ...this.spec, nodeLabels: this.nodeLabels }),
    });
  }

  /** The label selector that matches exactly this group's nodes. */
  public get nodeSelector(): Record<string, string> {
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
export class GpuNodeGroup extends NodeGroup {
  /** GPU model and GPUs per node. */
  public readonly gpu: GpuSpec;
  /** The taint workloads must tolerate, when one is declared. */
  public readonly taint?: NodeTaint;

  constructor(scope: Construct, id: string, props: GpuNodeGroupProps & OwnedProps) {
    if (!isGpuFlavorName(props.flavor)) {
      // Validate before any child is created so the error names this group's path.
      const path = `${scope.node.path}/${id}`;
      fail({ path, field: 'flavor' }, props.flavor, 'a GPU node group needs a g2 flavor (g2.<gpu>.c<vCPU>m<GiB>)', 'use e.g. g2.t4.c4m32, or cluster.addNodeGroup() for a non-GPU group');
    }
    super(scope, id, props);
    if (!this.spec.flavor.gpu) throw new Error(`${this.node.path}: g2 flavor without GPU spec`);
    this.gpu = this.spec.flavor.gpu;
    if (props.taint) {
      checkLabelKey(props.taint.key, whereOf(this, 'taint.key'));
      if (props.taint.value !== undefined) checkLabelValue(props.taint.value, whereOf(this, 'taint.value'));
      this.taint = props.taint;
      warn(this, `Taint ${props.taint.key}${props.taint.value ? `=${props.taint.value}` : ''}:${props.taint.effect} is declared for GPU node group "${this.name}", but NKS applies node-group taints only from its console. Set it there after deploy (node group > taint), or pods without a toleration can still land on these GPU nodes.`);
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

  protected override extraNodeLabels(): Record<string, string> {
    const model = this.spec.flavor.gpu?.model ?? 'unknown';
    return { [GPU_MODEL_LABEL]: model.toLowerCase().replace(/^tesla\s+/, '').replace(/[^a-z0-9]+/g, '-') };
  }
}

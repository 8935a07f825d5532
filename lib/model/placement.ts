import { GpuSpec } from './flavors';

/** A node taint as Kubernetes writes it. */
export interface Taint {
  /** Taint key, e.g. `nvidia.com/gpu`. */
  readonly key: string;
  /**
   * Taint value.
   * @default - no value
   */
  readonly value?: string;
  /** What happens to pods that do not tolerate it. */
  readonly effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
}

/**
 * Where pods can land: what the infrastructure layer tells the Kubernetes layer about a group of nodes,
 * without either importing the other. `NodeGroup` and `GpuNodeGroup` implement it; a workload placed on
 * it gets the node selector, tolerations and zone rules from here.
 */
export interface NodePlacement {
  /** Construct path of the node group, for messages. */
  readonly path: string;
  /** Node group name. */
  readonly name: string;
  /** Availability zone of the group's nodes. */
  readonly availabilityZone: string;
  /** Labels every node of the group carries. */
  readonly nodeLabels: Readonly<Record<string, string>>;
  /** The selector that matches exactly this group's nodes. */
  readonly nodeSelector: Readonly<Record<string, string>>;
  /** Most nodes the group can have. */
  readonly maxNodes: number;
  /** GPUs per node, when the group is a GPU group. */
  readonly gpu?: GpuSpec;
  /** The taint pods must tolerate to land here, if any. */
  readonly taint?: Taint;
}

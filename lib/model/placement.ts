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

/** Labels every NKS node carries whatever its group (so a selector on them matches any group). */
export const UNIVERSAL_NODE_LABELS: Readonly<Record<string, string>> = { 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64' };

/**
 * Node labels whose value is the node's availability zone: the well-known ones the OpenStack cloud
 * controller sets, and the Cinder CSI driver's topology key that its volumes' node affinity uses.
 */
export const ZONE_LABELS: readonly string[] = ['topology.kubernetes.io/zone', 'failure-domain.beta.kubernetes.io/zone', 'topology.cinder.csi.openstack.org/zone'];

/**
 * Every label a node of a group carries: the universal ones, the zone labels (when the zone is known) and
 * the group's own. The cross-layer check and the diagram both decide "can land here" with it.
 */
export function allNodeLabels(groupLabels: Readonly<Record<string, string>>, zone: string | undefined): Record<string, string> {
  const zoneLabels = zone === undefined ? {} : Object.fromEntries(ZONE_LABELS.map((k) => [k, zone]));
  return { ...UNIVERSAL_NODE_LABELS, ...zoneLabels, ...groupLabels };
}

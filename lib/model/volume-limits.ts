import { VolumePlugin } from './access-modes';

/** One row of the per-node volume limit table. */
export interface VolumeLimit {
  /** Most volumes of the plugin the scheduler attaches to one node. */
  readonly maxVolumesPerNode: number;
  /** Where the number comes from. */
  readonly source: string;
}

/**
 * How many volumes of a plugin one node takes, as data. The first three rows are seed 002's table
 * ("노드별 볼륨 개수 제한", the Kubernetes scheduler's defaults, changeable with `KUBE_MAX_PD_VOLS`).
 * Cinder is not in that table: 256 is the default of the OpenStack cloud provider's
 * `node-volume-attach-limit` (kubernetes/kubernetes PR #74542, "Default is : 256"); the Cinder CSI
 * driver reports the same default limit through CSINode [inference: NKS may configure another one].
 */
export const PER_NODE_VOLUME_LIMITS: Readonly<Partial<Record<VolumePlugin, VolumeLimit>>> = Object.freeze({
  AWSElasticBlockStore: { maxVolumesPerNode: 39, source: 'seed 002 (Amazon Elastic Block Store)' },
  GCEPersistentDisk: { maxVolumesPerNode: 16, source: 'seed 002 (Google Persistent Disk)' },
  AzureDisk: { maxVolumesPerNode: 16, source: 'seed 002 (Microsoft Azure Disk Storage)' },
  Cinder: { maxVolumesPerNode: 256, source: 'OpenStack cloud provider node-volume-attach-limit default' },
});

/** The volumes a workload can put on one node: the claims all its pods share, plus each pod's own claims. */
export interface VolumesOnNode {
  /** Claims every pod of the workload mounts (one attachment per node, however many pods). */
  readonly shared: number;
  /** Claims each pod gets for itself (StatefulSet claim templates, generic ephemeral volumes). */
  readonly perPod: number;
  /** Pods of the workload that can run at once. */
  readonly pods: number;
}

/**
 * The most volumes of one plugin a workload can attach to a single node: all its pods can be scheduled
 * onto the same node unless something spreads them, so every per-pod claim counts once per pod.
 */
export function worstCaseVolumesPerNode(v: VolumesOnNode): number {
  return v.shared + v.perPod * v.pods;
}

/**
 * A warning sentence when the workload can exceed the plugin's per-node limit (pods then stay Pending or
 * ContainerCreating on a full node), else undefined. Plugins without a known limit never warn.
 */
export function volumeLimitWarning(plugin: VolumePlugin, v: VolumesOnNode): string | undefined {
  const limit = PER_NODE_VOLUME_LIMITS[plugin];
  const worst = worstCaseVolumesPerNode(v);
  if (!limit || worst <= limit.maxVolumesPerNode) return undefined;
  return (
    `up to ${worst} ${plugin} volumes can land on one node (${v.shared} shared + ${v.perPod} per pod × ${v.pods} pods), ` +
    `but a node takes at most ${limit.maxVolumesPerNode} (${limit.source}); pods beyond that wait for a node with room. ` +
    'Spread the pods (pod anti-affinity or topology spread), or use fewer volumes per pod.'
  );
}

// GPUs on NKS: the extended resource pods ask for, how many one pod needs, and the rule "GPUs asked ≤ GPUs that
// exist" that the GPU workloads (lib/k8s/workloads/gpu.ts), the cross-layer checks and the diagram all evaluate
// with gpuFit.
import { isObj, list } from './json';
import type { NodePlacement } from './placement';

/**
 * The extended resource NVIDIA's device plugin offers, which pods ask for in `resources.limits`. NKS installs
 * nvidia-device-plugin on node groups of g2 (GPU) flavors (the NKS guide's GPU section; NKS-FACTS "GPU").
 */
export const NVIDIA_GPU = 'nvidia.com/gpu';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

function gpusOf(container: unknown): number {
  const resources = isObj(container) ? (container as Json).resources : undefined;
  const count = Number(resources?.limits?.[NVIDIA_GPU] ?? resources?.requests?.[NVIDIA_GPU] ?? 0);
  return Number.isFinite(count) && count > 0 ? count : 0;
}

/**
 * The GPUs one pod of `spec` (a pod spec) needs on its node: the scheduler's effective request. Containers run
 * together, init containers one at a time before them, and sidecars (init containers with restartPolicy
 * Always) from their start on: the most of "every container plus every sidecar" and "an init container plus
 * the sidecars started before it" (Kubernetes docs, "Resource sharing within containers" of Init Containers
 * and Sidecar Containers). A container's count is its `nvidia.com/gpu` limit, else its request.
 */
export function gpusPerPod(spec: unknown): number {
  const pod: Json = isObj(spec) ? spec : {};
  let sidecars = 0;
  let initPeak = 0;
  for (const c of list(pod.initContainers)) {
    if ((c as Json | null)?.restartPolicy === 'Always') sidecars += gpusOf(c);
    else initPeak = Math.max(initPeak, sidecars + gpusOf(c));
  }
  const running = list(pod.containers).reduce((sum: number, c) => sum + gpusOf(c), 0) + sidecars;
  return Math.max(initPeak, running);
}

/** What a workload asks of a node group's GPUs. */
export interface GpuAsk {
  /** GPUs one pod needs on its node ({@link gpusPerPod}). */
  readonly perPod: number;
  /** Pods that run at once; `'per-node'` for a DaemonSet, which runs one on every node of the group. */
  readonly pods: number | 'per-node';
}

/** A node group's GPUs, as plain data. */
export interface GpuCapacity {
  /** GPUs per node: 0 for a group without GPUs, `'unknown'` when its flavor's count is not known. */
  readonly perNode: number | 'unknown';
  /**
   * Most nodes the group can have (its node count, or the autoscaler's maximum).
   * @default - unknown
   */
  readonly maxNodes?: number;
}

/** Why GPUs asked do not fit: the group has none, one pod needs more than a node has, or all pods more than the group. */
export type GpuShortfall = 'no-gpus' | 'pod-exceeds-node' | 'pods-exceed-group';

/** Whether GPUs asked fit a node group, with the numbers for messages. */
export interface GpuFit {
  /** `'unknown'` when a number the answer needs is not known (GPUs per node, or the group's size). */
  readonly verdict: 'fits' | 'does-not-fit' | 'unknown';
  /** Why not, when the verdict is `'does-not-fit'`. */
  readonly shortfall?: GpuShortfall;
  /** The most GPUs one pod asks for. */
  readonly perPod: number;
  /** GPUs all the pods ask for at once; undefined when a DaemonSet asks on a group of unknown size. */
  readonly asked?: number;
  /** GPUs per node. */
  readonly perNode: number | 'unknown';
  /** Most nodes of the group, when known. */
  readonly maxNodes?: number;
  /** GPUs of the group at its largest (maxNodes × perNode), when known. */
  readonly available?: number;
}

/**
 * Whether what one or several workloads ask (`asks`) fits a node group's GPUs (`capacity`): GPUs asked ≤ GPUs
 * that exist. A pod's GPUs must all be on one node (the device plugin does not split or share them), and
 * the pods together cannot use more GPUs than the group has at its largest; the pods beyond stay Pending.
 * Asking for none always fits.
 */
export function gpuFit(asks: GpuAsk | readonly GpuAsk[], capacity: GpuCapacity): GpuFit {
  const list: readonly GpuAsk[] = Array.isArray(asks) ? asks : [asks as GpuAsk];
  const { perNode, maxNodes } = capacity;
  const perPod = Math.max(0, ...list.map((a) => a.perPod));
  const podsOf = (a: GpuAsk): number | undefined => (a.pods === 'per-node' ? maxNodes : a.pods);
  const asked = list.every((a) => podsOf(a) !== undefined) ? list.reduce((sum, a) => sum + a.perPod * podsOf(a)!, 0) : undefined;
  const available = perNode !== 'unknown' && maxNodes !== undefined ? maxNodes * perNode : undefined;
  const numbers = { perPod, asked, perNode, maxNodes, available };
  if (perPod === 0) return { verdict: 'fits', ...numbers };
  if (perNode === 0) return { verdict: 'does-not-fit', shortfall: 'no-gpus', ...numbers };
  if (perNode === 'unknown') return { verdict: 'unknown', ...numbers };
  if (perPod > perNode) return { verdict: 'does-not-fit', shortfall: 'pod-exceeds-node', ...numbers };
  if (asked === undefined || available === undefined) return { verdict: 'unknown', ...numbers };
  return asked > available ? { verdict: 'does-not-fit', shortfall: 'pods-exceed-group', ...numbers } : { verdict: 'fits', ...numbers };
}

/** The GPU capacity of a node group as the infrastructure layer hands it over ({@link NodePlacement}). */
export function gpuCapacityOf(placement: Pick<NodePlacement, 'gpu' | 'maxNodes'>): GpuCapacity {
  return { perNode: placement.gpu?.count ?? 0, maxNodes: placement.maxNodes };
}

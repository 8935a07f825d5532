// Where a workload's pods can land: its node selector and required node affinity against each node
// group's labels, the GPUs a pod asks for against the group's flavor, and the zones of the volumes it
// mounts against the group's zone. The same rules the scheduler applies, on what the output declares.
import { gpuFit } from '../model/gpu';
import { allNodeLabels } from '../model/placement';
import { InfraModel, KubernetesModel, NodeGroupInfo, NodeSelectorRequirement, WorkloadInfo } from './model';

/** Whether a workload's pods can land on one node group, and why not. */
export interface Landing {
  readonly group: NodeGroupInfo;
  readonly fits: boolean;
  /** Why the pods cannot land there (the first rule that fails). */
  readonly reason?: string;
}

/** Every label a node of `group` carries: its own, the zone labels and the universal ones. */
export function nodeLabelsOf(group: NodeGroupInfo): Record<string, string> {
  return allNodeLabels(group.labels, group.zone);
}

/** Whether one node affinity requirement holds for a node with `labels`. */
export function requirementHolds(req: NodeSelectorRequirement, labels: Readonly<Record<string, string>>): boolean {
  const value = labels[req.key];
  switch (req.operator) {
    case 'In':
      return value !== undefined && req.values.includes(value);
    case 'NotIn':
      return value === undefined || !req.values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
      return value !== undefined && Number(value) > Number(req.values[0]);
    case 'Lt':
      return value !== undefined && Number(value) < Number(req.values[0]);
    default:
      return false;
  }
}

/** The zones the workload's volumes pin it to, and what pins it; undefined when nothing does. */
export function volumeZones(workload: WorkloadInfo, k8s: KubernetesModel, infra: InfraModel): { zones: ReadonlySet<string>; because: string } | undefined {
  const pins: { zone: string; because: string }[] = [];
  const classZones = (name: string | undefined, because: string): void => {
    for (const zone of k8s.storageClasses.find((s) => s.name === name)?.zones ?? []) pins.push({ zone, because });
  };
  for (const claimName of workload.claims) {
    const claim = k8s.claims.find((c) => c.name === claimName && c.namespace === workload.namespace);
    if (!claim) continue;
    const pv = claim.volumeName === undefined ? undefined : k8s.persistentVolumes.find((p) => p.name === claim.volumeName);
    const zone = pv?.zone ?? infra.volumes.find((v) => v.key === pv?.volumeKey)?.zone;
    if (zone) pins.push({ zone, because: `volume of claim ${claim.name} is in ${zone}` });
    else if (!pv) classZones(claim.storageClass, `claim ${claim.name} is provisioned in the StorageClass's zones`);
  }
  for (const sc of workload.templateStorageClasses) classZones(sc, `StorageClass ${sc} provisions its claims there`);
  if (pins.length === 0) return undefined;
  // Every pinned volume must be reachable: only zones all pins allow remain.
  const byBecause = new Map<string, Set<string>>();
  for (const p of pins) byBecause.set(p.because, (byBecause.get(p.because) ?? new Set()).add(p.zone));
  const sets = [...byBecause.values()];
  const zones = new Set([...sets[0]].filter((z) => sets.every((s) => s.has(z))));
  return { zones, because: [...byBecause.keys()].join('; ') };
}

/** For each node group, whether the workload's pods can land there. */
export function landingsOf(workload: WorkloadInfo, groups: readonly NodeGroupInfo[], zones?: ReturnType<typeof volumeZones>): Landing[] {
  return groups.map((group) => {
    const reason = whyNot(workload, group, zones);
    return reason === undefined ? { group, fits: true } : { group, fits: false, reason };
  });
}

function whyNot(workload: WorkloadInfo, group: NodeGroupInfo, zones: ReturnType<typeof volumeZones>): string | undefined {
  const labels = nodeLabelsOf(group);
  const missing = Object.entries(workload.nodeSelector).filter(([k, v]) => labels[k] !== v);
  if (missing.length) return `nodes lack ${missing.map(([k, v]) => `${k}=${v}`).join(', ')}`;
  if (workload.affinityTerms.length && !workload.affinityTerms.some((term) => term.every((req) => requirementHolds(req, labels)))) {
    return 'no required node affinity term matches';
  }
  // Pods land where one pod's GPUs fit on a node; pods beyond the group's GPUs land there too and stay Pending.
  const gpus = gpuFit({ perPod: workload.gpusPerPod, pods: workload.replicas ?? 'per-node' }, { perNode: group.gpusPerNode ?? 0, maxNodes: group.autoscale?.max ?? group.nodeCount });
  if (gpus.shortfall === 'no-gpus') return `a pod asks for ${gpus.perPod} GPU(s); ${group.flavor ?? 'the flavor'} has none`;
  if (gpus.shortfall === 'pod-exceeds-node') return `a pod asks for ${gpus.perPod} GPUs; a node has ${gpus.perNode}`;
  if (zones && (group.zone === undefined || !zones.zones.has(group.zone))) return `${zones.because}; the group is in ${group.zone ?? 'an unknown zone'}`;
  return undefined;
}

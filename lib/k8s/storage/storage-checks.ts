// Storage rules across objects, run at synth when the whole program is known: a workload's claims against
// the node group it runs on (zone, per-node volume limit) and against its replica count (ReadWriteOnce).
import { Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { IConstruct } from 'constructs';
import { warn } from '../../warnings';
import { AccessMode, VolumePlugin } from '../../model/access-modes';
import { fail } from '../../model/errors';
import { checkZoneMatchesPlacement } from '../../model/storage';
import { volumeLimitWarning } from '../../model/volume-limits';
import { whereOf } from '../../where';
import { placementOf, PodSpecOwner } from '../pod-spec';
import { constructsUnder } from '../../synth-cache';

/** What the storage checks know about a claim a pod mounts. */
export interface ClaimUse {
  /** The claim, for messages: `claim "pvc-static"`. */
  readonly description: string;
  /**
   * Volume plugin behind the claim, when the program knows it.
   * @default - unknown: no per-node limit check
   */
  readonly plugin?: VolumePlugin;
  /** The claim's access modes. */
  readonly accessModes: readonly AccessMode[];
  /**
   * Availability zone of the volume, when the program knows it.
   * @default - unknown: no zone check
   */
  readonly zone?: string;
  /**
   * What put the volume in that zone, for messages: `StorageClass "sc-ssd"`.
   * @default - the description
   */
  readonly zoneSource?: string;
  /** One claim per pod (claim template, generic ephemeral volume) rather than one shared by all pods. */
  readonly perPod: boolean;
  /**
   * Namespace of a standalone claim; per-pod claims live with their pods.
   * @default 'default'
   */
  readonly namespace?: string;
}

const claimVolumes = new WeakMap<kplus.Volume, ClaimUse>();
const perPodClaims = new WeakMap<PodSpecOwner, ClaimUse[]>();

/** Records that `volume` is a claim, and checks every workload that mounts it at synth. */
export function registerClaimVolume(volume: kplus.Volume, use: ClaimUse): void {
  claimVolumes.set(volume, use);
  registerPodVolume(volume);
  volume.node.addValidation({
    validate: () => {
      for (const owner of workloadsMounting(volume)) checkWorkloadStorage(owner);
      return [];
    },
  });
}

/** Records claims a workload gets per pod outside its pod volumes (StatefulSet claim templates). */
export function registerPerPodClaims(owner: PodSpecOwner, uses: readonly ClaimUse[]): void {
  perPodClaims.set(owner, [...(perPodClaims.get(owner) ?? []), ...uses]);
}

/** The claims a workload's pods use: mounted claim volumes and per-pod claims. */
export function claimsOf(owner: PodSpecOwner): ClaimUse[] {
  const volumes = new Set<kplus.Volume>(owner.volumes);
  for (const c of [...owner.containers, ...owner.initContainers]) for (const m of c.mounts) volumes.add(m.volume);
  const mounted = [...volumes].map((v) => claimVolumes.get(v)).filter((u): u is ClaimUse => u !== undefined);
  return [...mounted, ...(perPodClaims.get(owner) ?? [])];
}

/**
 * Checks a workload's claims: the claim's namespace (error), a Cinder volume's zone against its node
 * group's (error: the pod could never start), the plugin's per-node volume limit (warning), and a ReadWriteOnce claim shared by several
 * replicas (warning: the replicas must all run on the node the volume is attached to).
 */
export function checkWorkloadStorage(owner: PodSpecOwner): void {
  const claims = claimsOf(owner);
  if (claims.length === 0) return;
  const placed = placementOf(owner);
  const reportOn = wrapperOf(owner);
  const podNamespace = owner.metadata.namespace ?? Chart.of(owner).namespace ?? 'default';
  for (const claim of claims) {
    if (claim.perPod || (claim.namespace ?? 'default') === podNamespace) continue;
    fail(
      whereOf(reportOn, 'namespace'),
      podNamespace,
      `the pods mount ${claim.description}, which is in namespace "${claim.namespace ?? 'default'}"; a pod mounts only claims of its own namespace`,
      `put the claim and the workload in the same namespace`,
    );
  }
  if (placed) {
    for (const claim of claims) {
      if (claim.zone !== undefined) checkZoneMatchesPlacement(claim.zone, claim.zoneSource ?? claim.description, placed.placement, placed.where);
    }
  }
  const pods = replicasOf(owner);
  const plugins = new Set(claims.map((c) => c.plugin).filter((p): p is VolumePlugin => p !== undefined));
  for (const plugin of plugins) {
    const ofPlugin = claims.filter((c) => c.plugin === plugin);
    const message = volumeLimitWarning(plugin, { shared: ofPlugin.filter((c) => !c.perPod).length, perPod: ofPlugin.filter((c) => c.perPod).length, pods });
    if (message) warn(reportOn, 'nks-cdk:volumesPerNodeLimit', message[0].toUpperCase() + message.slice(1));
  }
  for (const claim of claims) {
    const single = claim.accessModes.includes('ReadWriteOncePod') ? 'ReadWriteOncePod' : claim.accessModes.every((m) => m === 'ReadWriteOnce') ? 'ReadWriteOnce' : undefined;
    if (claim.perPod || pods <= 1 || !single) continue;
    warn(
      reportOn,
      'nks-cdk:singleNodeClaimReplicas',
      single === 'ReadWriteOncePod'
        ? `${pods} replicas mount ${claim.description}, which is ReadWriteOncePod: only one pod can use it, the others stay Pending. Use replicas: 1, or a StatefulSet with a claim per pod.`
        : `${pods} replicas mount ${claim.description}, which is ReadWriteOnce: all of them must run on the one node the volume is attached to (pods elsewhere fail with a Multi-Attach error). ` +
          'Use replicas: 1 with strategy "Recreate", a StatefulSet with a claim per pod, or ReadWriteMany storage (NFS).',
    );
  }
}

/** Pods of a workload that can run at once. */
function replicasOf(owner: PodSpecOwner): number {
  if (owner instanceof kplus.Deployment || owner instanceof kplus.StatefulSet) return owner.replicas ?? 1;
  return 1;
}

/** Every pod or workload in the app whose pods mount `volume`. */
function workloadsMounting(volume: kplus.Volume): PodSpecOwner[] {
  return constructsUnder(volume.node.root).filter((c): c is PodSpecOwner => (c instanceof kplus.Pod || c instanceof kplus.Workload) && claimsVolume(c, volume));
}

function claimsVolume(owner: PodSpecOwner, volume: kplus.Volume): boolean {
  return owner.volumes.includes(volume) || [...owner.containers, ...owner.initContainers].some((c) => c.mounts.some((m) => m.volume === volume));
}

/** The nks-cdk construct around a cdk8s-plus workload (whose id is `Resource`), else the workload: warnings read better there. */
function wrapperOf(owner: PodSpecOwner): IConstruct {
  return owner.node.id === 'Resource' && owner.node.scope ? owner.node.scope : owner;
}

const podVolumes = new WeakSet<kplus.Volume>();

/**
 * Checks at synth, for every pod or workload that mounts `volume` (made by an nks-cdk storage helper): that
 * no other volume of the pod has its name (cdk8s-plus would fail without saying where), and that no mount of
 * it uses a path another mount of the same container already uses (the API server refuses the pod).
 * Each volume reports only its own problem, so one mistake is one error.
 */
export function registerPodVolume(volume: kplus.Volume): void {
  if (podVolumes.has(volume)) return;
  podVolumes.add(volume);
  volume.node.addValidation({
    validate: () => {
      for (const owner of workloadsUsing(volume)) checkPodVolume(owner, volume);
      return [];
    },
  });
}

function checkPodVolume(owner: PodSpecOwner, volume: kplus.Volume): void {
  const containers = [...owner.containers, ...owner.initContainers];
  // The order cdk8s-plus adds them in: container mounts, init container mounts, then pod volumes.
  const volumes = [...new Set<kplus.Volume>([...containers.flatMap((c) => c.mounts.map((m) => m.volume)), ...owner.volumes])];
  const named = volumes.filter((v) => v.name === volume.name);
  // This volume is the second of its name; or it is the first and the second is one no nks-cdk helper made
  // (which has no check of its own).
  const [first, second] = named;
  const duplicate = named.indexOf(volume) > 0 ? volume : second !== undefined && !podVolumes.has(second) ? second : undefined;
  if (duplicate) {
    fail(
      whereOf(duplicate, 'name'),
      duplicate.name,
      `the pods of ${wrapperOf(owner).node.path} already have a volume named "${duplicate.name}" (${first.node.path}); volume names are unique in a pod`,
      'give one of the two volumes another name (the name option)',
    );
  }
  for (const container of containers) {
    container.mounts.forEach((mount, j) => {
      if (mount.volume !== volume) return;
      const earlier = container.mounts.slice(0, j).find((m) => m.path === mount.path);
      if (!earlier) return;
      fail(
        whereOf(wrapperOf(owner), 'mountPath'),
        mount.path,
        `container "${container.name}" already mounts ${earlier.volume === volume ? 'this volume' : `volume "${earlier.volume.name}"`} at ${mount.path}; a mount path is used once per container`,
        `mount "${volume.name}" at another path`,
      );
    });
  }
}

/** Every pod or workload in the app whose pods have `volume` (mounted or added as a pod volume). */
function workloadsUsing(volume: kplus.Volume): PodSpecOwner[] {
  return constructsUnder(volume.node.root).filter((c): c is PodSpecOwner => (c instanceof kplus.Pod || c instanceof kplus.Workload) && claimsVolume(c, volume));
}

import { checkChoice, formatChoices } from './choices';
import { atIndex, fail, Where } from './errors';
import { CinderProvisioner, cinderProvisionerFor, CSI_CINDER_PROVISIONER, IN_TREE_CINDER_PROVISIONER, KubernetesVersion } from './kubernetes-versions';
import { NodePlacement } from './placement';
import { ceilGibibytes, StorageSize } from './quantities';
import { VOLUME_SIZE_GB, VolumeType } from './volumes';

/**
 * What the infrastructure layer tells the Kubernetes layer about a Cinder volume, without either importing
 * the other. `BlockStorageVolume` implements it. `volumeId` is usually a Terraform reference, known only
 * after `terraform apply`; the rest are literals.
 */
export interface BlockStorageVolumeInfo {
  /** Construct path of the volume, for messages. */
  readonly path: string;
  /** Volume name. */
  readonly name: string;
  /** Volume ID: a UUID, or an unresolved Terraform token until the volume exists. */
  readonly volumeId: string;
  /** Availability zone of the volume. */
  readonly availabilityZone: string;
  /** Size in GB as the console shows it (Cinder allocates GiB). */
  readonly sizeGb: number;
  /** Volume type. */
  readonly volumeType: VolumeType;
}

/** What happens to a volume when its claim is deleted. */
export type ReclaimPolicy = 'Delete' | 'Retain' | 'Recycle';
/** When a claim of a StorageClass is bound and provisioned. */
export type VolumeBindingMode = 'Immediate' | 'WaitForFirstConsumer';
/** A volume as a mounted file system, or as a raw block device. */
export type VolumeMode = 'Filesystem' | 'Block';

const RECLAIM_POLICIES: readonly ReclaimPolicy[] = ['Delete', 'Retain', 'Recycle'];
const BINDING_MODES: readonly VolumeBindingMode[] = ['Immediate', 'WaitForFirstConsumer'];
const VOLUME_MODES: readonly VolumeMode[] = ['Filesystem', 'Block'];

/** The warning for `Recycle` (seed 000/002: deprecated; Kubernetes recommends dynamic provisioning instead). */
export const RECYCLE_DEPRECATED =
  'persistentVolumeReclaimPolicy "Recycle" is deprecated (it runs `rm -rf` on the volume and only NFS and hostPath ever supported it); ' +
  'use "Retain" and clean up by hand, or "Delete" with dynamic provisioning.';

/** Returns `policy` when it is Delete, Retain or (PersistentVolumes only, deprecated) Recycle. */
export function checkReclaimPolicy(policy: string, where: Where, allowRecycle: boolean): ReclaimPolicy {
  const checked = checkChoice(policy, RECLAIM_POLICIES, where, 'a reclaim policy');
  if (checked === 'Recycle' && !allowRecycle) {
    fail(where, policy, 'a StorageClass reclaims with "Delete" or "Retain"; "Recycle" exists only on PersistentVolumes, and is deprecated there', 'use "Retain" (keep the data) or "Delete"');
  }
  return checked;
}

/** Returns `mode` when it is Immediate or WaitForFirstConsumer. */
export function checkBindingMode(mode: string, where: Where): VolumeBindingMode {
  return checkChoice(mode, BINDING_MODES, where, 'a volume binding mode');
}

/** Returns `mode` when it is Filesystem or Block. */
export function checkVolumeMode(mode: string, where: Where): VolumeMode {
  return checkChoice(mode, VOLUME_MODES, where, 'a volume mode');
}

/**
 * Volume types an NKS Cinder StorageClass takes as its `type` parameter (the guide's table: HDD →
 * `General HDD`, SSD → `General SSD`; NKS-FACTS "Storage on NKS"). The encrypted types need a Secure Key
 * Manager key that a StorageClass cannot pass.
 */
export const STORAGE_CLASS_VOLUME_TYPES: readonly VolumeType[] = Object.freeze(['General HDD', 'General SSD'] as const);

/** Returns `type` when a Cinder StorageClass can provision it. */
export function checkStorageClassVolumeType(type: string, where: Where): VolumeType {
  return checkChoice(type, STORAGE_CLASS_VOLUME_TYPES, where, "an NKS StorageClass's volume type");
}

/**
 * The Cinder provisioner for a cluster version, or `requested` when it is the one that version has. NKS
 * runs the in-tree plugin up to v1.19 and only the CSI driver from v1.20, so the other one would leave
 * every claim Pending: an error naming the version.
 */
export function checkCinderProvisioner(requested: string | undefined, version: KubernetesVersion, where: Where): CinderProvisioner {
  const expected = cinderProvisionerFor(version);
  if (requested === undefined || requested === expected) return expected;
  const known: readonly string[] = [IN_TREE_CINDER_PROVISIONER, CSI_CINDER_PROVISIONER];
  if (!known.includes(requested)) {
    fail(where, requested, `an NKS Cinder StorageClass is provisioned by ${formatChoices(known)}`, `omit provisioner to get ${JSON.stringify(expected)} for ${version.tag}`);
  }
  const rule =
    expected === CSI_CINDER_PROVISIONER
      ? `Kubernetes ${version.tag} has no in-tree Cinder plugin on NKS (up to v1.19 only); volumes are provisioned by the CSI driver ${CSI_CINDER_PROVISIONER}`
      : `NKS runs the Cinder CSI driver from v1.20; Kubernetes ${version.tag} provisions Cinder volumes with the in-tree ${IN_TREE_CINDER_PROVISIONER}`;
  return fail(where, requested, rule, `omit provisioner (nks-cdk picks ${JSON.stringify(expected)}) or set the cluster's Kubernetes version`);
}

/** Whether Cinder volumes of this provisioner go through a CSI driver. */
export function isCsiProvisioner(provisioner: CinderProvisioner): boolean {
  return provisioner === CSI_CINDER_PROVISIONER;
}

/** What a Cinder volume for a claim of `size` will be: whole GiB, and whether that is within NHN's limits. */
export interface CinderSizing {
  /** GiB Cinder allocates (the claim rounded up). */
  readonly gibibytes: number;
  /** A warning sentence when the claim is not whole GiB or under the minimum size, else undefined. */
  readonly warning?: string;
}

/**
 * Cinder sizing of a dynamically provisioned claim: Cinder allocates whole GiB (a "1.5Gi" claim gets a
 * 2 GiB volume) and NHN block storage volumes are {@link VOLUME_SIZE_GB} GB. Above the maximum is an error
 * (the volume can never be created); under the minimum, or fractional, is a warning.
 */
export function cinderSizing(size: StorageSize, where: Where): CinderSizing {
  const gib = ceilGibibytes(size.value);
  if (gib > VOLUME_SIZE_GB.max) {
    fail(where, size.quantity, `NHN Cloud block storage volumes are at most ${VOLUME_SIZE_GB.max} GB; this claim needs a ${gib} GiB Cinder volume`, `request at most "${VOLUME_SIZE_GB.max}Gi", or split the data over several volumes`);
  }
  const warnings: string[] = [];
  if (`${gib}Gi` !== size.quantity) warnings.push(`Cinder allocates whole GiB, so the claim of ${size.quantity} gets a ${gib} GiB volume`);
  if (gib < VOLUME_SIZE_GB.min) warnings.push(`NHN Cloud block storage volumes start at ${VOLUME_SIZE_GB.min} GB, so provisioning ${gib} GiB may fail; request at least "${VOLUME_SIZE_GB.min}Gi"`);
  return { gibibytes: gib, warning: warnings.length ? `${warnings.join('; ')}.` : undefined };
}

/**
 * Fails when a Cinder volume's zone differs from the zone of the node group its pods run on: a Cinder
 * volume attaches only to a node in its own zone (seed 000 "[주의]"), so the pod could never start.
 *
 * @param source what put the volume in its zone, e.g. `'StorageClass "sc-ssd"'`
 */
export function checkZoneMatchesPlacement(zone: string, source: string, placement: NodePlacement, where: Where): void {
  if (zone === placement.availabilityZone) return;
  fail(
    where,
    placement.name,
    `${source} puts the volume in ${zone}, but node group "${placement.name}" (${placement.path}) is in ${placement.availabilityZone}; a Cinder volume attaches only to nodes of its own availability zone, so the pod could never start`,
    `put the volume in ${placement.availabilityZone}, or run the workload on a node group in ${zone}`,
  );
}

/** Returns `path` when it is an absolute path without `..` segments (host paths, NFS exports, mount paths). */
export function checkAbsolutePath(path: string, where: Where, what: string): string {
  if (typeof path !== 'string' || !path.startsWith('/') || path.split('/').includes('..') || /[\0\n]/.test(path)) {
    fail(where, path, `${what} is an absolute path ("/..."), without ".." segments`, 'write it from the root, e.g. "/mnt/data"');
  }
  return path;
}

/** Returns `path` when it is a relative path that stays inside its volume (no leading "/", no ".." segment). */
export function checkRelativePath(path: string, where: Where, what: string): string {
  if (typeof path !== 'string' || path.length === 0 || path.startsWith('/') || path.split('/').includes('..') || /[\0\n]/.test(path)) {
    fail(where, path, `${what} is a relative path inside the volume: not empty, no leading "/", no ".." segment`, 'write it like "conf/app.yaml"');
  }
  return path;
}

/**
 * File systems Kubernetes can create and mount on a Cinder or local block volume (`fsType`). The in-tree
 * and CSI Cinder drivers format with mkfs.<fsType>; NKS node images carry ext2/3/4 and xfs tools, btrfs is
 * accepted by the drivers where the image has it.
 */
export const FS_TYPES: readonly string[] = Object.freeze(['ext4', 'xfs', 'ext3', 'ext2', 'btrfs']);

/** Returns `fsType` when it is one of {@link FS_TYPES} (exact, lowercase). */
export function checkFsType(fsType: string, where: Where): string {
  return checkChoice(fsType, FS_TYPES, where, 'a volume file system (fsType)');
}

/** Returns a copy of `options` when every mount option is a non-empty string. */
export function checkMountOptions(options: readonly string[], where: Where): string[] {
  if (!Array.isArray(options)) fail(where, options, 'mountOptions is a list of mount option strings', 'write them as an array, e.g. ["nfsvers=4.1", "hard"]');
  options.forEach((option, i) => {
    if (typeof option !== 'string' || option.trim() === '') {
      fail(atIndex(where, i), option, 'a mount option is a non-empty string such as "nfsvers=4.1" or "ro"', 'remove the empty entry');
    }
  });
  return [...options];
}

import { checkChoice } from './choices';
import { Where } from './errors';
import { checkIntegerInRange, IntegerRange } from './numbers';

/**
 * A block storage volume type: on NHN Cloud one of its four types (the same strings are the NKS
 * `boot_volume_type` label value, the Cinder volume type and the `type` parameter of a Cinder
 * StorageClass); on another OpenStack cloud one its cloud profile lists (`volumeTypes`).
 */
export type VolumeType = 'General HDD' | 'General SSD' | 'Encrypted HDD' | 'Encrypted SSD' | (string & {});

/**
 * Every {@link VolumeType}. Source: TOAST-DOCS/Storage-Block-Storage `ko/console-guide.md`
 * (encrypted types need a Secure Key Manager key) and `en/api-guide.md`; as of 2026-11-23.
 */
export const VOLUME_TYPES: readonly VolumeType[] = Object.freeze(['General HDD', 'General SSD', 'Encrypted HDD', 'Encrypted SSD'] as const);

/** NKS's and Cinder's default when no type is given. */
export const DEFAULT_VOLUME_TYPE: VolumeType = 'General HDD';

/**
 * Size limits of a block storage volume (GB), as of 2026-11-23.
 * - min 10: TOAST-DOCS/Storage-Block-Storage `en/api-guide.md` (v1.0 API: "between 10 and 1000").
 * - max 2000: same repo, `en/release-notes.md` 2020-03-24 "Increased the maximum size ... from 1TB to
 *   2TB"; read as 2000 GB like the instance console's "20 ~ 2000 GB" (2048 would be the binary reading).
 */
export const VOLUME_SIZE_GB: IntegerRange = Object.freeze({ min: 10, max: 2000 });

/**
 * Size limits of a node's or instance's boot (root) volume (GB), as of 2026-11-23.
 * Source: TOAST-DOCS/Compute-Instance `en/console-guide.md` lines 45–56, "Block Storage Size": t2, m2, c2,
 * r2 and x1 flavors take 20–2000 GB; u2 flavors use local block storage of a size fixed per flavor (20–100 GB;
 * `en/overview.md` line 38). g2 (GPU) flavors boot from block storage like the others [I: the table names
 * no GPU flavor]. The NKS guide does not state its own limits for `boot_volume_size`; that NKS nodes follow
 * the instance limits is an inference.
 */
export const BOOT_VOLUME_SIZE_GB: IntegerRange = Object.freeze({ min: 20, max: 2000 });

/** Returns `value` when it is exactly one of {@link VOLUME_TYPES}; a case slip gets the right spelling. */
export function checkVolumeType(value: string, where: Where): VolumeType {
  return checkChoice(value, VOLUME_TYPES, where, 'a block storage volume type');
}

/** Returns `sizeGb` when it is a whole number within {@link VOLUME_SIZE_GB}. */
export function checkVolumeSize(sizeGb: number, where: Where): number {
  return checkIntegerInRange(sizeGb, where, VOLUME_SIZE_GB, "a block storage volume's size", 'GB');
}

/** Returns `sizeGb` when it is a whole number within {@link BOOT_VOLUME_SIZE_GB}. */
export function checkBootVolumeSize(sizeGb: number, where: Where): number {
  return checkIntegerInRange(sizeGb, where, BOOT_VOLUME_SIZE_GB, "a boot volume's size", 'GB');
}

// The facts of the cloud a stack deploys to: which availability zones, flavors and volume types exist. The
// nhncloud target takes them from NHN Cloud's tables (regions.ts, flavors.ts, volumes.ts); the openstack
// target from the user's cloud profile (cloud-profile.ts). Constructs check their props against the facts of
// their stack, so NHN's tables never judge another cloud's names.
import { Where } from './errors';
import { checkGpuFlavorName, Flavor, isGpuFlavorName, parseFlavor, ParseFlavorOptions } from './flavors';
import { checkZone, Region, REGIONS } from './regions';
import { checkVolumeType, DEFAULT_VOLUME_TYPE, VolumeType } from './volumes';

/** What a stack's cloud offers; every infrastructure construct checks zones, flavors and volume types against it. */
export interface CloudFacts {
  /** The region as the Terraform provider takes it (`KR1`, or the profile's region such as `RegionOne`). */
  readonly region: string;
  /** The region for messages: `KR1 (Pangyo)`, `RegionOne (OpenStack cloud profile)`. */
  readonly regionLabel: string;
  /** The availability zones of the region. */
  readonly availabilityZones: readonly string[];
  /** The flavor a cluster's default node group gets when it names none. */
  readonly defaultFlavor: string;
  /** The volume type of volumes and boot volumes that name none. */
  readonly defaultVolumeType: VolumeType;
  /**
   * Whether the cloud's `Encrypted HDD`/`Encrypted SSD` volume types take a Secure Key Manager key in the
   * request (NHN Cloud's `nhn_encryption`, NKS's `boot_volume_key_id` labels). An OpenStack cloud encrypts by
   * volume type alone (Cinder's encryption types), with nothing in the request.
   */
  readonly skmEncryption: boolean;
  /** Returns `zone` when the region has it. */
  checkZone(zone: string, where: Where): string;
  /** Returns `type` when the cloud offers that volume type. */
  checkVolumeType(type: string, where: Where): VolumeType;
  /** The flavor of this name, with its vCPUs, memory and GPUs; fails for a flavor the cloud does not have. */
  parseFlavor(name: string, where: Where, options?: ParseFlavorOptions): Flavor;
  /** Whether `name` names a flavor with GPUs (which makes a GPU node group). */
  isGpuFlavorName(name: string): boolean;
  /** Returns `name` when it is a GPU flavor; `what` is the thing that needs one ("a GPU node group"). */
  checkGpuFlavorName(name: string, where: Where, what: string, fix: string): string;
}

/** The flavor the nhncloud target gives a cluster's default node group: the guide's `m2.c4m8`. */
export const NHN_DEFAULT_FLAVOR = 'm2.c4m8';

/** NHN Cloud's facts for one Korea region: its zones, NHN's flavor names and volume types. */
export function nhnCloudFacts(region: Region): CloudFacts {
  return {
    region,
    regionLabel: `${region} (${REGIONS[region].name})`,
    skmEncryption: true,
    availabilityZones: REGIONS[region].zones,
    defaultFlavor: NHN_DEFAULT_FLAVOR,
    defaultVolumeType: DEFAULT_VOLUME_TYPE,
    checkZone: (zone, where) => checkZone(region, zone, where),
    checkVolumeType: (type, where) => checkVolumeType(type, where),
    parseFlavor: (name, where, options) => parseFlavor(name, where, options),
    isGpuFlavorName: (name) => isGpuFlavorName(name),
    checkGpuFlavorName: (name, where, what, fix) => checkGpuFlavorName(name, where, what, fix),
  };
}

import { checkChoice, formatChoices } from './choices';
import { fail, Where } from './errors';

/** An NHN Cloud Korea region that runs NKS. */
export type Region = 'KR1' | 'KR2' | 'KR3';

/** What the model knows about a region. */
export interface RegionInfo {
  /** Place name NHN Cloud uses for the region. */
  readonly name: string;
  /** Availability zones, as the `availability_zone` label and Nova/Cinder spell them. */
  readonly zones: readonly string[];
}

/**
 * NHN Cloud's Korea regions and their availability zones, as of 2026-11-23.
 * Source: the zone names used throughout TOAST-DOCS/Container-Kubernetes (`ko/public-api.md`,
 * `ko/user-guide.md`) and TOAST-DOCS/Compute-Instance; region names from the NKS API endpoint table
 * (kr1/kr2/kr3-api-kubernetes-infrastructure.nhncloudservice.com). KR1's zones carry no region digit.
 */
export const REGIONS: Readonly<Record<Region, RegionInfo>> = Object.freeze({
  KR1: { name: 'Pangyo', zones: ['kr-pub-a', 'kr-pub-b'] },
  KR2: { name: 'Pyeongchon', zones: ['kr2-pub-a', 'kr2-pub-b'] },
  KR3: { name: 'Gwangju', zones: ['kr3-pub-a', 'kr3-pub-b'] },
});

const REGION_CODES = Object.keys(REGIONS) as Region[];

/** Whether `region` is one of NHN Cloud's Korea regions (`KR1`, `KR2`, `KR3`, exact case). */
export function isNhnRegion(region: unknown): region is Region {
  return typeof region === 'string' && (REGION_CODES as string[]).includes(region);
}

/** Returns `region` as a {@link Region} when it is `KR1`, `KR2` or `KR3` (exact case). */
export function checkRegion(region: string, where: Where): Region {
  return checkChoice(region, REGION_CODES, where, 'an NKS region');
}

/** The region an availability zone belongs to, or undefined for a zone the model does not know. */
export function regionOfZone(zone: string): Region | undefined {
  return REGION_CODES.find((r) => REGIONS[r].zones.includes(zone));
}

/**
 * Returns `zone` when it is an availability zone of `region`. A zone of another region fails with a
 * message naming that region: resources in one stack live in the stack's region.
 */
export function checkZone(region: Region, zone: string, where: Where): string {
  const info = REGIONS[region];
  if (info.zones.includes(zone)) return zone;
  const here = `${region} (${info.name})`;
  const elsewhere = typeof zone === 'string' ? regionOfZone(zone) : undefined;
  if (elsewhere) {
    return fail(
      where,
      zone,
      `${zone} is an availability zone of ${elsewhere} (${REGIONS[elsewhere].name}), not of this stack's region ${here}`,
      `use ${formatChoices(info.zones)}, or put this resource in a stack whose region is ${elsewhere}`,
    );
  }
  const lower = typeof zone === 'string' ? zone.toLowerCase().trim() : '';
  const close = info.zones.find((z) => z === lower);
  return fail(
    where,
    zone,
    `${here} has the availability zones ${formatChoices(info.zones)}`,
    close ? `write ${JSON.stringify(close)} (zone names are lowercase)` : `use ${formatChoices(info.zones)}`,
  );
}

/** Every availability zone of every region, in region order. */
export const ALL_ZONES: readonly string[] = Object.freeze((Object.keys(REGIONS) as Region[]).flatMap((r) => REGIONS[r].zones));

/**
 * Returns `zone` when it is an availability zone of some NKS region (of `region`, when given). For
 * Kubernetes objects, which do not live in a stack and so have no region of their own.
 */
export function checkKnownZone(zone: string, where: Where, region?: Region): string {
  if (region !== undefined) return checkZone(region, zone, where);
  if (typeof zone === 'string' && ALL_ZONES.includes(zone)) return zone;
  const lower = typeof zone === 'string' ? zone.toLowerCase().trim() : '';
  const close = ALL_ZONES.find((z) => z === lower);
  return fail(
    where,
    zone,
    `NHN Cloud has no availability zone ${JSON.stringify(zone)}; the zones are ${formatChoices(ALL_ZONES)}`,
    close ? `write ${JSON.stringify(close)} (zone names are lowercase)` : `use one of ${formatChoices(ALL_ZONES)}, the zone of the node group that runs the pods`,
  );
}

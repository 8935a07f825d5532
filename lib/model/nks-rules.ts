// NKS API rules the nhncloud provider's schema does not enforce (its docs call them required; its 1.0.7 schema
// declares them optional, and the required label keys are checked only at plan time). nks-cdk checks them
// at synth on what is actually written (lib/infra/targets/nhncloud-kubernetes.ts reads the synthesized
// labels), so an escape-hatch override cannot slip past either.
import { formatChoices } from './choices';
import { fail, Where } from './errors';
import { Flavor } from './flavors';
import { Region, REGIONS } from './regions';

/**
 * Labels NKS requires on a cluster. Source: the `ValidateFunc` of `labels` in nhn-cloud/terraform-provider-nhncloud
 * v1.0.7 `resource_nhncloud_kubernetes_cluster_v1.go`, and TOAST-DOCS/Container-Kubernetes `ko/public-api.md`
 * (cluster creation: "필수" labels).
 */
export const NKS_REQUIRED_CLUSTER_LABELS: readonly string[] = Object.freeze([
  'availability_zone',
  'node_image',
  'boot_volume_type',
  'boot_volume_size',
  'cert_manager_api',
  'ca_enable',
  'kube_tag',
  'master_lb_floating_ip_enabled',
]);

/** Labels NKS requires on a node group (same sources, node group creation). */
export const NKS_REQUIRED_NODE_GROUP_LABELS: readonly string[] = Object.freeze(['availability_zone', 'boot_volume_type', 'boot_volume_size', 'ca_enable']);

/** Terraform map values must be strings; NKS labels are all strings (booleans as "True"/"False"). */
export function nksBool(value: boolean): string {
  return value ? 'True' : 'False';
}

/**
 * Fails when `labels` lacks a required key or has a value that is not a string. NKS reads every label as a
 * string ("True", "50"); Terraform would turn a number into a string silently, a boolean into "true".
 */
export function checkNksLabels(labels: unknown, required: readonly string[], where: Where): void {
  const field = (key: string): Where => ({ path: where.path, field: `${where.field}.${key}` });
  if (typeof labels !== 'object' || labels === null || Array.isArray(labels)) {
    fail(where, labels, 'NKS needs a labels map', 'let nks-cdk write the labels (do not override them)');
  }
  const map = labels as Record<string, unknown>;
  for (const key of required) {
    if (map[key] === undefined || map[key] === null) {
      fail(field(key), map[key], `NKS requires the label "${key}"; without it NKS refuses the request (the provider checks only at plan)`, `remove the override that drops "${key}"; nks-cdk sets it from the typed props`);
    }
  }
  for (const [key, value] of Object.entries(map)) {
    if (typeof value !== 'string') {
      const text = typeof value === 'boolean' ? (value ? 'True' : 'False') : String(value);
      fail(field(key), value, 'NKS label values are strings', `write it as the string "${text}"`);
    }
  }
}

/**
 * Flavor families NHN Cloud documents for its instances: m2, c2, r2, t2, x1 and u2 (TOAST-DOCS/Compute-Instance
 * `ko/overview.md`, "인스턴스 타입") and g2 (TOAST-DOCS/Compute-GPU `ko/overview.md`), read 2026-11-23. NHN
 * publishes no per-region flavor table, so every Korea region gets the same families; give the stack
 * `availableFlavors` (the region's exact list) for an exact check.
 */
export const NHN_FLAVOR_FAMILIES: Readonly<Record<Region, readonly string[]>> = Object.freeze({
  KR1: ['m2', 'c2', 'r2', 't2', 'x1', 'u2', 'g2'],
  KR2: ['m2', 'c2', 'r2', 't2', 'x1', 'u2', 'g2'],
  KR3: ['m2', 'c2', 'r2', 't2', 'x1', 'u2', 'g2'],
});

/**
 * Fails when the region does not offer `flavor`: it is not in `available` (the user's list for the
 * region), or, without such a list, its family is not one of `families`. An unknown flavor otherwise fails
 * only at plan, when the flavor lookup finds nothing.
 */
export function checkFlavorInRegion(flavor: Flavor, region: Region, available: readonly string[] | undefined, families: readonly string[] | undefined, where: Where): void {
  const regionName = `${region} (${REGIONS[region].name})`;
  if (available !== undefined) {
    if (!available.includes(flavor.name)) {
      const sameFamily = available.filter((f) => f.startsWith(`${flavor.family}.`));
      fail(
        where,
        flavor.name,
        `${flavor.name} is not among the flavors this stack's availableFlavors lists for ${regionName}`,
        sameFamily.length ? `use one the region offers, e.g. ${formatChoices(sameFamily.slice(0, 5))}` : 'pick a flavor from availableFlavors, or add it there if the region offers it',
      );
    }
    return;
  }
  if (families !== undefined && !families.includes(flavor.family)) {
    fail(
      where,
      flavor.name,
      `NHN Cloud ${regionName} has no ${flavor.family} flavors (its families are ${formatChoices(families)})`,
      `use a flavor of ${formatChoices(families)}, e.g. m2.c4m8; if your region offers ${flavor.name}, list the region's flavors in the stack's availableFlavors`,
    );
  }
}

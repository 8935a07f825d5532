import { TerraformResource, Token } from 'cdktf';
export { whereOf } from '../where';

/** True when the value is a literal the program knows now (not a Terraform token resolved at apply). */
export function isLiteral(value: unknown): boolean {
  return value !== undefined && !Token.isUnresolved(value);
}

export { warn } from '../warnings';

/** The body a resource synthesizes (after escape-hatch overrides), tokens unresolved. */
export function synthesizedBody(resource: TerraformResource): Record<string, unknown> {
  const doc = resource.toTerraform() as { resource?: Record<string, Record<string, Record<string, unknown>>> };
  return Object.values(doc.resource?.[resource.terraformResourceType] ?? {})[0] ?? {};
}

/** Lowercase, dash-separated form of a construct id, used where a cloud name is not given. */
export function defaultName(id: string): string {
  return id
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The warning of a cluster or node group given a boot volume key on a cloud without SKM keys (openstack). */
export const BOOT_VOLUME_KEY_IGNORED =
  "bootVolume.encryptionKey is NHN Cloud's Secure Key Manager key (NKS's boot_volume_key_id labels), which Magnum does not take; it is ignored on the openstack target (an OpenStack cloud encrypts by volume type).";

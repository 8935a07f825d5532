// Which vendored provider schema checks which synthesized configuration. A stack is checked against the
// schemas of the providers it requires, so a stack for one target cannot pass by matching the other's schema.
import { loadProviderSchema, NHNCLOUD_SCHEMA_FILE, OPENSTACK_SCHEMA_FILE, ProviderSchemaFile } from '../checks/terraform-schema';

/** Vendored schema files by provider source address (the entries of lib/providers/providers.json). */
export const VENDORED_PROVIDER_SCHEMAS: Readonly<Record<string, string>> = Object.freeze({
  'terraform-provider-openstack/openstack': OPENSTACK_SCHEMA_FILE,
  'nhn-cloud/nhncloud': NHNCLOUD_SCHEMA_FILE,
});

/** `registry.terraform.io/Nhn-Cloud/nhncloud` → `nhn-cloud/nhncloud`. */
function shortSource(source: string): string {
  return source.toLowerCase().replace(/^registry\.terraform\.io\//, '');
}

/**
 * The vendored schemas of the providers a synthesized `cdk.tf.json` requires (`terraform.required_providers`).
 * Providers without a vendored schema are left out; the checker then reports their resources as unknown.
 */
export function providerSchemasFor(tfJson: unknown): ProviderSchemaFile[] {
  const doc = (typeof tfJson === 'object' && tfJson !== null ? tfJson : {}) as { terraform?: { required_providers?: Record<string, unknown> } };
  const files = new Set<string>();
  for (const req of Object.values(doc.terraform?.required_providers ?? {})) {
    const source = typeof req === 'object' && req !== null ? (req as { source?: unknown }).source : undefined;
    const file = typeof source === 'string' ? VENDORED_PROVIDER_SCHEMAS[shortSource(source)] : undefined;
    if (file) files.add(file);
  }
  return [...files].map((f) => loadProviderSchema(f));
}

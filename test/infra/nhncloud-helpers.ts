import { checkTerraformJson, loadProviderSchema, NHNCLOUD_SCHEMA_FILE, PlatformApp } from '../../lib';
import { withoutUnvendoredProviders } from '../../lib/app';
import { synth, Synthesized, TfJson } from '../helpers';

/**
 * Synthesizes like `synth()`, then checks every stack against the nhncloud schema alone: a resource or data
 * source of the openstack provider would fail as an unknown type.
 */
export function synthNhn(build: (app: PlatformApp) => void): Synthesized {
  const out = synth(build);
  for (const tf of Object.values(out.tf)) expectNhnOnly(tf);
  return out;
}

/** Every resource, data source and provider of `tf` is nhncloud's, and the nhncloud 1.0.7 schema accepts it. */
export function expectNhnOnly(tf: TfJson): void {
  const doc = withoutUnvendoredProviders(tf);
  expect(checkTerraformJson(doc, loadProviderSchema(NHNCLOUD_SCHEMA_FILE))).toEqual([]);
  const types = [...Object.keys(doc.resource ?? {}), ...Object.keys(doc.data ?? {})].filter((t) => t !== 'terraform_remote_state' && t !== 'terraform_data');
  for (const type of types) expect(type).toMatch(/^nhncloud_/);
  expect(Object.keys(doc.provider ?? {})).toEqual(['nhncloud']);
  expect(doc.terraform.required_providers.nhncloud).toEqual({ source: 'registry.terraform.io/nhn-cloud/nhncloud', version: '1.0.7' });
}

/** The bodies of one resource type, without cdktf's metadata, by construct path. */
export function bodiesByPath(tf: TfJson, type: string, section: 'resource' | 'data' = 'resource'): Record<string, TfJson> {
  const out: Record<string, TfJson> = {};
  for (const body of Object.values((tf[section]?.[type] ?? {}) as Record<string, TfJson>)) {
    const { ['//']: meta, ...rest } = body;
    out[meta.metadata.path] = rest;
  }
  return out;
}

import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { checkTerraformJson, loadProviderSchema, NHNCLOUD_SCHEMA_FILE, OPENSTACK_SCHEMA_FILE } from '../lib';
import { providerSchemasFor, VENDORED_PROVIDER_SCHEMAS } from '../lib/providers';

const providersDir = path.join(__dirname, '..', 'lib', 'providers');
const providers = JSON.parse(fs.readFileSync(path.join(providersDir, 'providers.json'), 'utf8')) as { name: string; source: string; version: string; schema: string; sha256: string }[];

describe('vendored provider schemas', () => {
  test('providers.json lists both targets\' providers, each schema file with its recorded sha256', () => {
    expect(providers.map((p) => `${p.source}@${p.version}`)).toEqual(['terraform-provider-openstack/openstack@3.4.0', 'nhn-cloud/nhncloud@1.0.7']);
    for (const p of providers) {
      const digest = crypto.createHash('sha256').update(fs.readFileSync(path.join(providersDir, p.schema))).digest('hex');
      expect(digest).toBe(p.sha256);
      expect(path.resolve(VENDORED_PROVIDER_SCHEMAS[p.source])).toBe(path.resolve(providersDir, p.schema));
    }
    expect(Object.keys(VENDORED_PROVIDER_SCHEMAS)).toHaveLength(providers.length);
  });

  test('bindings for both providers are generated', () => {
    for (const p of providers) expect(fs.existsSync(path.join(__dirname, '..', 'lib', 'generated', 'providers', p.name, 'provider', 'index.ts'))).toBe(true);
  });

  test('a configuration is checked against the schemas of the providers it requires', () => {
    const nhn = { terraform: { required_providers: { nhncloud: { source: 'registry.terraform.io/nhn-cloud/nhncloud', version: '1.0.7' } } } };
    expect(providerSchemasFor(nhn)).toEqual([loadProviderSchema(NHNCLOUD_SCHEMA_FILE)]);
    const both = { terraform: { required_providers: { ...nhn.terraform.required_providers, openstack: { source: 'terraform-provider-openstack/openstack' } } } };
    expect(providerSchemasFor(both)).toEqual([loadProviderSchema(NHNCLOUD_SCHEMA_FILE), loadProviderSchema(OPENSTACK_SCHEMA_FILE)]);
    expect(providerSchemasFor({})).toEqual([]);
    // An openstack resource in an nhncloud-only stack is unknown there.
    const issues = checkTerraformJson({ ...nhn, resource: { openstack_compute_keypair_v2: { k: { name: 'k' } } } }, providerSchemasFor(nhn));
    expect(issues.map((i) => i.rule)).toEqual(['unknown-resource-type']);
  });
});

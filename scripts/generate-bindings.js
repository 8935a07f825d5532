#!/usr/bin/env node
// Generates the Terraform provider bindings under lib/generated/providers/<name>/ from the provider
// schemas kept in lib/providers/schemas/ (the JSON `terraform providers schema -json` prints), one entry of
// lib/providers/providers.json each: terraform-provider-openstack/openstack (the openstack target) and
// nhn-cloud/nhncloud (the nhncloud target). Runs offline: no Terraform, no registry. `npm ci` runs it
// through the `prepare` script.
'use strict';
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');

process.env.CHECKPOINT_DISABLE = '1';
// The generator's helper library asks `terraform version` on load, which it does not need here (and which
// prints warnings on machines with Terraform but no ~/.terraformrc). Point it at a binary that answers nothing.
process.env.TERRAFORM_BINARY_NAME = 'true';

const root = path.resolve(__dirname, '..');
const providersDir = path.join(root, 'lib', 'providers');
const outRoot = path.join(root, 'lib', 'generated');

async function main() {
  const { TerraformProviderGenerator, CodeMaker } = require('@cdktf/provider-generator');
  const providers = JSON.parse(fs.readFileSync(path.join(providersDir, 'providers.json'), 'utf8'));
  const started = Date.now();
  fs.rmSync(outRoot, { recursive: true, force: true });
  for (const p of providers) {
    const file = path.join(providersDir, p.schema);
    const raw = fs.readFileSync(file);
    const digest = crypto.createHash('sha256').update(raw).digest('hex');
    if (digest !== p.sha256) {
      throw new Error(`${p.schema}: sha256 ${digest} does not match providers.json (${p.sha256}); the vendored schema was changed`);
    }
    const schema = JSON.parse(raw.toString('utf8'));
    // cdktf pins the exact version in required_providers when it knows it.
    schema.provider_versions = { [`registry.terraform.io/${p.source}`]: p.version };
    if (Object.keys(schema.provider_schemas || {}).length !== 1) {
      throw new Error(`${p.schema}: expected the schema of exactly one provider (${p.source})`);
    }
    const code = new CodeMaker();
    new TerraformProviderGenerator(code, schema).generateAll();
    await code.save(outRoot);
  }
  fs.writeFileSync(
    path.join(outRoot, 'README.md'),
    '# Generated code: do not edit\n\nWritten by `scripts/generate-bindings.js` from `lib/providers/schemas/`.\n' +
      'Run `npm run gen` to regenerate.\n',
  );
  console.log(`generated ${providers.map((p) => `${p.name}@${p.version}`).join(', ')} bindings in ${Date.now() - started} ms`);
}

main().catch((err) => {
  console.error(`generate-bindings: ${err.message}`);
  process.exit(1);
});

#!/usr/bin/env node
// Generates the Terraform provider bindings under lib/generated/providers/<name>/ from the provider
// schemas kept in lib/providers/schemas/ (the JSON `terraform providers schema -json` prints), one entry of
// lib/providers/providers.json each: terraform-provider-openstack/openstack (the openstack target) and
// nhn-cloud/nhncloud (the nhncloud target). Runs offline: no Terraform, no registry. `npm ci` runs it
// through the `prepare` script.
// The bindings are regenerated only when what they are made from changed: lib/generated/.stamp.json records
// each schema's sha256 (checked against providers.json), the generator's version and this script's hash.
// When it matches, nothing is written, so the files keep their times and `tsc -b` sees the build up to date.
// `--force` regenerates anyway.
'use strict';
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');

const root = path.resolve(__dirname, '..');
const providersDir = path.join(root, 'lib', 'providers');
const outRoot = path.join(root, 'lib', 'generated');

const stampFile = path.join(outRoot, '.stamp.json');

function sha256(data) {
  return crypto.createHash('sha256').update(data).digest('hex');
}

/** What the bindings are made from; the schemas are read and checked against providers.json. */
function inputsOf(providers) {
  const schemas = providers.map((p) => {
    const raw = fs.readFileSync(path.join(providersDir, p.schema));
    const digest = sha256(raw);
    if (digest !== p.sha256) {
      throw new Error(`${p.schema}: sha256 ${digest} does not match providers.json (${p.sha256}); the vendored schema was changed`);
    }
    return { raw, stamp: { name: p.name, source: p.source, version: p.version, sha256: digest } };
  });
  const stamp = {
    generator: require('@cdktf/provider-generator/package.json').version,
    script: sha256(fs.readFileSync(__filename)),
    providers: schemas.map((s) => s.stamp),
  };
  return { raw: schemas.map((s) => s.raw), stamp };
}

function upToDate(providers, stamp) {
  try {
    if (fs.readFileSync(stampFile, 'utf8') !== JSON.stringify(stamp, null, 2) + '\n') return false;
  } catch {
    return false;
  }
  return providers.every((p) => fs.existsSync(path.join(outRoot, 'providers', p.name, 'index.ts')));
}

/** Regenerates the bindings when their inputs changed (or `force`); resolves to whether it wrote them. */
async function generateBindings({ force = false } = {}) {
  const providers = JSON.parse(fs.readFileSync(path.join(providersDir, 'providers.json'), 'utf8'));
  const inputs = inputsOf(providers);
  if (!force && upToDate(providers, inputs.stamp)) return false;
  process.env.CHECKPOINT_DISABLE = '1'; // the generator's helper library would otherwise call checkpoint-api.hashicorp.com
  // The generator's helper library asks `terraform version` on load, which it does not need here (and which
  // prints warnings on machines with Terraform but no ~/.terraformrc). Point it at a binary that answers nothing.
  process.env.TERRAFORM_BINARY_NAME = 'true';
  const { TerraformProviderGenerator, CodeMaker } = require('@cdktf/provider-generator');
  const started = Date.now();
  // Only what this script writes: lib/generated/ also holds the Gateway API classes (generate-gateway-api.js).
  fs.rmSync(path.join(outRoot, 'providers'), { recursive: true, force: true });
  fs.rmSync(stampFile, { force: true });
  for (const [i, p] of providers.entries()) {
    const raw = inputs.raw[i];
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
  // Last: an interrupted run leaves no stamp, so the next one starts over.
  fs.writeFileSync(stampFile, JSON.stringify(inputs.stamp, null, 2) + '\n');
  console.log(`generated ${providers.map((p) => `${p.name}@${p.version}`).join(', ')} bindings in ${Date.now() - started} ms`);
  return true;
}

module.exports = { generateBindings };

if (require.main === module) {
  generateBindings({ force: process.argv.includes('--force') }).catch((err) => {
    console.error(`generate-bindings: ${err.message}`);
    process.exit(1);
  });
}

#!/usr/bin/env node
// The public API report: what the package root (lib/index.ts) exports, as @microsoft/api-extractor writes it
// into api/nks-cdk.api.md.
//   node scripts/api-report.js           checks: exits 1 when the report in the repository is not up to date
//   node scripts/api-report.js --update  writes the report (`npm run api`); review the diff with the change
// The declarations are emitted apart (api/tsconfig.json → build/api/dts), so the check does not depend on, or
// race with, the build in build/.
'use strict';
const path = require('path');
const { spawnSync } = require('child_process');

const root = path.resolve(__dirname, '..');
const CONFIG = path.join(root, 'api', 'api-extractor.json');
const REPORT = path.join(root, 'api', 'nks-cdk.api.md');

/** Emits the declarations of lib/ into build/api/dts; throws with tsc's output when it fails. */
function emitDeclarations() {
  const tsc = require.resolve('typescript/bin/tsc', { paths: [root] });
  const r = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'api', 'tsconfig.json')], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`tsc -p api/tsconfig.json failed:\n${r.stdout}${r.stderr}`);
}

/**
 * Runs api-extractor on the emitted declarations. With `update`, writes the report; without, compares.
 * Returns { changed, messages } (messages: api-extractor's warnings and errors as text).
 */
function runExtractor(update) {
  const { Extractor, ExtractorConfig } = require('@microsoft/api-extractor');
  const config = ExtractorConfig.loadFileAndPrepare(CONFIG);
  const messages = [];
  const result = Extractor.invoke(config, {
    localBuild: update,
    showVerboseMessages: false,
    messageCallback: (m) => {
      if (m.logLevel === 'warning' || m.logLevel === 'error') messages.push(m.formatMessageWithLocation(root));
      m.handled = true;
    },
  });
  return { changed: result.apiReportChanged, succeeded: result.succeeded, messages };
}

/** The whole check: emit, extract, compare (or update). */
function apiReport({ update = false } = {}) {
  emitDeclarations();
  return runExtractor(update);
}

module.exports = { apiReport, REPORT };

if (require.main === module) {
  const update = process.argv.includes('--update');
  const result = apiReport({ update });
  for (const m of result.messages) console.error(m);
  if (update) {
    console.log(result.changed ? `updated ${path.relative(root, REPORT)}` : `${path.relative(root, REPORT)} is up to date`);
  } else if (result.changed) {
    console.error(`${path.relative(root, REPORT)} is not up to date with lib/index.ts: run \`npm run api\` and review the diff`);
    process.exit(1);
  } else {
    console.log(`${path.relative(root, REPORT)} is up to date`);
  }
}

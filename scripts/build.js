#!/usr/bin/env node
// The edit-synth loop's build step, then (with arguments) the program: `node scripts/build.js [program.js ...]`.
//  1. Provider bindings and Gateway API classes: regenerated only when a schema or CRD, the generator or its
//     script changed (generate-bindings.js, generate-gateway-api.js).
//  2. Compile: `tsc -b` (tsconfig.json references tsconfig.generated.json, so the 343 generated files are checked
//     once and the rest of the build reads their declarations). Skipped without loading TypeScript when no input
//     is newer than the last build's info file: the inputs are the .ts files and folders tsconfig.json and
//     tsconfig.generated.json include, the tsconfigs, package.json and package-lock.json. A folder's time changes
//     when a file in it is added or removed. `tsc -b` makes the same comparison after loading itself, so
//     skipping it changes no output; after it succeeds the info files get the time it started.
//     After a compile, compiled files whose source is gone (moved or deleted) are removed: tsc leaves them, and
//     `npm pack` would ship them.
//  3. build/lib/index.js made lazy: each module it re-exports loads on first use (scripts/lazy-index.js).
//  4. Runs the program given, with the arguments after it.
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const { generateBindings } = require('./generate-bindings');
const { generateGatewayApi } = require('./generate-gateway-api');
const { lazifyIndexFile } = require('./lazy-index');

const root = path.resolve(__dirname, '..');
const INPUT_DIRS = ['lib', 'examples', 'scripts', 'bench'];
const INPUT_FILES = ['tsconfig.json', 'tsconfig.generated.json', 'package.json', 'package-lock.json'];
const BUILD_INFOS = ['build/.tsbuildinfo', 'build/.tsbuildinfo-generated'];

/** The newest modification time among the compile's inputs, in ms. */
function newestInput() {
  let newest = 0;
  const visit = (dir) => {
    const st = fs.statSync(dir);
    newest = Math.max(newest, st.mtimeMs);
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) visit(p);
      else if (e.name.endsWith('.ts')) newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  };
  for (const d of INPUT_DIRS) if (fs.existsSync(path.join(root, d))) visit(path.join(root, d));
  for (const f of INPUT_FILES) if (fs.existsSync(path.join(root, f))) newest = Math.max(newest, fs.statSync(path.join(root, f)).mtimeMs);
  return newest;
}

function buildUpToDate() {
  const infos = BUILD_INFOS.map((f) => path.join(root, f));
  if (!infos.every((f) => fs.existsSync(f))) return false;
  const oldestInfo = Math.min(...infos.map((f) => fs.statSync(f).mtimeMs));
  return newestInput() <= oldestInfo;
}

/**
 * Removes compiled files whose source is gone (a moved or deleted .ts file): tsc never deletes outputs, and
 * `npm pack` ships everything under build/lib. Only .js, .mjs and .d.ts files under the input folders' build
 * copies are considered; a file stays when lib/, examples/, scripts/ or bench/ still has its .ts (or .mjs) source.
 * Returns the paths removed, relative to `repo` (the repository; tests pass a scratch copy).
 */
function removeStaleOutputs(repo = root) {
  const removed = [];
  const visit = (dir) => {
    if (!fs.existsSync(dir)) return;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        visit(p);
        if (fs.readdirSync(p).length === 0) fs.rmdirSync(p);
        continue;
      }
      const m = /^(.*?)(\.d\.ts|\.js|\.mjs)$/.exec(e.name);
      if (!m) continue;
      const source = path.join(repo, path.relative(path.join(repo, 'build'), dir), m[1]);
      const sources = m[2] === '.mjs' ? [`${source}.mjs`] : [`${source}.ts`, `${source}.js`];
      if (sources.some((f) => fs.existsSync(f))) continue;
      fs.rmSync(p);
      removed.push(path.relative(repo, p));
    }
  };
  for (const d of INPUT_DIRS) visit(path.join(repo, 'build', d));
  return removed;
}

function run(args) {
  const r = spawnSync(process.execPath, args, { cwd: process.cwd(), stdio: 'inherit' });
  if (r.error) throw r.error;
  return r.status ?? 1;
}

async function main(argv) {
  await generateBindings();
  generateGatewayApi();
  if (!buildUpToDate()) {
    const started = new Date();
    const status = run([require.resolve('typescript/bin/tsc'), '-b', path.join(root, 'tsconfig.json')]);
    if (status !== 0) return status;
    // tsc -b leaves its info files alone when inputs were touched but unchanged; mark the build as of when it
    // started, so a file saved while it ran is still newer next time.
    for (const f of BUILD_INFOS) fs.utimesSync(path.join(root, f), started, started);
    removeStaleOutputs();
  }
  // The package's entry point loads what it re-exports on first use (scripts/lazy-index.js); a no-op when it does.
  lazifyIndexFile(path.join(root, 'build', 'lib', 'index.js'));
  if (!argv.length) return 0;
  // The program runs in this process, as `node <program> ...` would run it (Module.runMain, what node itself
  // calls for its entry point: require.main is the program), which saves starting a second node.
  // Outside this promise chain, so what the program throws is an uncaught exception, as under node.
  setImmediate(() => {
    process.argv = [process.argv[0], path.resolve(argv[0]), ...argv.slice(1)];
    require('module').runMain();
  });
  return undefined;
}

module.exports = { removeStaleOutputs };

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (status) => {
      if (status !== undefined) process.exitCode = status;
    },
    (err) => {
      console.error(`build: ${err.message}`);
      process.exitCode = 1;
    },
  );
}

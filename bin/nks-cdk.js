#!/usr/bin/env node
// nks-cdk's command line: `nks-cdk init [directory]` writes a repository that uses nks-cdk (package.json with
// nks-cdk and its peer packages, the CommonJS tsconfig `cdktf init` writes, cdktf.json, cdk8s.yaml, a minimal
// Platform program in main.ts, .gitignore), offline, from the templates shipped in this package
// (templates/app). It never overwrites a file and installs nothing: it prints the next steps.
'use strict';
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');

const pkgRoot = path.resolve(__dirname, '..');
const templateDir = path.join(pkgRoot, 'templates', 'app');
/** Template file -> file written (npm drops files named .gitignore from packages, so it ships without the dot). */
const FILES = {
  'package.json': 'package.json',
  'tsconfig.json': 'tsconfig.json',
  'cdktf.json': 'cdktf.json',
  'cdk8s.yaml': 'cdk8s.yaml',
  'main.ts': 'main.ts',
  gitignore: '.gitignore',
};

const USAGE = `Usage: nks-cdk init [directory]

  init    write a repository that uses nks-cdk into directory (default: the current directory):
          ${Object.values(FILES).join(', ')}. Existing files are never overwritten.`;

function packageName(dir) {
  const base = path.basename(dir).toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[._-]+/, '');
  return base || 'nks-platform';
}

function render(text, vars) {
  return text.replace(/\{\{([a-zA-Z0-9:._-]+)\}\}/g, (whole, key) => {
    if (!(key in vars)) throw new Error(`template placeholder ${whole} has no value`);
    return vars[key];
  });
}

function init(dirArg) {
  const dir = path.resolve(dirArg ?? '.');
  const pkg = JSON.parse(fs.readFileSync(path.join(pkgRoot, 'package.json'), 'utf8'));
  const vars = {
    name: packageName(dir),
    version: pkg.version,
    projectId: crypto.randomUUID(),
  };
  for (const [peer, range] of Object.entries(pkg.peerDependencies ?? {})) vars[`peer:${peer}`] = range;

  const existing = Object.values(FILES).filter((f) => fs.existsSync(path.join(dir, f)));
  if (existing.length) {
    process.stderr.write(
      `nks-cdk init: ${dir} already has ${existing.join(', ')}; nothing was written.\n` +
        '  Fix: run it in an empty directory, or name a new one: npx nks-cdk init my-platform\n',
    );
    return 1;
  }
  fs.mkdirSync(dir, { recursive: true });
  for (const [from, to] of Object.entries(FILES)) {
    const text = render(fs.readFileSync(path.join(templateDir, from), 'utf8'), vars);
    fs.writeFileSync(path.join(dir, to), text, { flag: 'wx' });
  }
  const cd = dirArg !== undefined && path.resolve(dirArg) !== process.cwd() ? dirArg : '';
  process.stdout.write(
    `wrote ${Object.values(FILES).join(', ')} in ${dir}\n\nNext:\n` +
      (cd ? `  cd ${cd}\n` : '') +
      '  npm install\n' +
      '  npm run synth                       # cdktf.out/ (Terraform JSON) and dist/ (manifests)\n' +
      '  CHECKPOINT_DISABLE=1 npx cdktf synth # or through the cdktf CLI; npx cdk8s synth --no-check-upgrade for dist/\n',
  );
  return 0;
}

function main(argv) {
  const [command, ...rest] = argv;
  if (command === 'init' && rest.length <= 1 && !(rest[0] ?? '').startsWith('-')) return init(rest[0]);
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return command === undefined ? 1 : 0;
  }
  process.stderr.write(`nks-cdk: unknown command or arguments: ${argv.join(' ')}\n${USAGE}\n`);
  return 1;
}

process.exitCode = main(process.argv.slice(2));

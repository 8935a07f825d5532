// Writes the vendored ForceNew tables (lib/providers/force-new/<name>-<version>.json and the index
// lib/providers/force-new.json) from the two providers' Go source at their pinned tags. `terraform providers
// schema -json` does not say which arguments force a new resource; the source does (`ForceNew: true`).
// Runs offline on git repositories already on disk (a clone or a bare mirror of each provider):
//
//   npx tsc -p . && node build/scripts/extract-force-new.js \
//     --nhncloud <git dir of github.com/nhn-cloud/terraform-provider-nhncloud> \
//     --openstack <git dir of github.com/terraform-provider-openstack/terraform-provider-openstack> [--check]
//
// Each repository must have the pinned tag (v1.0.7, v3.4.0). `--check` writes nothing and exits 1 when the
// vendored tables differ from what the source gives (2 on bad arguments or a repository without the tag).
// Either provider may be left out; its table is kept as it is.
import { execFileSync } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { ForceNewEntry, ForceNewIndexEntry, ForceNewTable } from '../lib/checks/force-new';
import { GoPackage, SchemaReader } from './go-schema';

/** A provider whose table is vendored. */
export interface ProviderSource {
  /** The name of the table entry (and of the option that gives its repository). */
  readonly name: 'nhncloud' | 'openstack';
  /** The provider's registry source address. */
  readonly source: string;
  readonly version: string;
  readonly repository: string;
  readonly tag: string;
  /** The Go package directory that holds the provider. */
  readonly packageDir: string;
}

/** The providers nks-cdk writes for, at the versions lib/providers/providers.json pins. */
export const PROVIDER_SOURCES: readonly ProviderSource[] = [
  { name: 'openstack', source: 'terraform-provider-openstack/openstack', version: '3.4.0', repository: 'github.com/terraform-provider-openstack/terraform-provider-openstack', tag: 'v3.4.0', packageDir: 'openstack' },
  { name: 'nhncloud', source: 'nhn-cloud/nhncloud', version: '1.0.7', repository: 'github.com/nhn-cloud/terraform-provider-nhncloud', tag: 'v1.0.7', packageDir: 'nhncloud' },
];

/** `<dir>/.git` for a clone, the directory itself for a bare repository. */
function gitDir(dir: string): string {
  const dotGit = path.join(dir, '.git');
  return fs.existsSync(dotGit) ? dotGit : dir;
}

function git(dir: string, args: string[], input?: string): Buffer {
  return execFileSync('git', ['--git-dir', gitDir(dir), ...args], { input, maxBuffer: 1 << 30, stdio: ['pipe', 'pipe', 'pipe'] });
}

/** The files of one tag's package directory (non-test Go files), read in one `git cat-file --batch`. */
export function readPackage(dir: string, tag: string, packageDir: string): Map<string, string> {
  const names = git(dir, ['ls-tree', '--name-only', `${tag}:${packageDir}`])
    .toString('utf8')
    .split('\n')
    .filter((f) => f.endsWith('.go') && !f.endsWith('_test.go'))
    .sort();
  const out = git(dir, ['cat-file', '--batch'], names.map((f) => `${tag}:${packageDir}/${f}\n`).join(''));
  const files = new Map<string, string>();
  let at = 0;
  for (const name of names) {
    const headerEnd = out.indexOf(10, at);
    const header = out.subarray(at, headerEnd).toString('utf8');
    const size = Number(header.split(' ')[2]);
    if (!Number.isFinite(size)) throw new Error(`git cat-file: unexpected header "${header}" for ${name}`);
    files.set(`${packageDir}/${name}`, out.subarray(headerEnd + 1, headerEnd + 1 + size).toString('utf8'));
    at = headerEnd + 1 + size + 1;
  }
  return files;
}

function sorted<T>(record: Readonly<Record<string, T>>): Record<string, T> {
  return Object.fromEntries(Object.keys(record).sort().map((k) => [k, record[k]]));
}

/** Builds the table of one provider from its package's files. */
export function buildTable(files: ReadonlyMap<string, string>, meta: { provider: string; version: string; repository: string; tag: string; commit: string; sdk: string }): ForceNewTable {
  const reader = new SchemaReader(new GoPackage(files));
  const resources: Record<string, ForceNewEntry> = {};
  for (const [type, entry] of reader.resourcesMap('Provider')) {
    const facts = reader.resource(entry);
    resources[type] = {
      file: facts.file,
      updatable: facts.updatable,
      forceNew: sorted(facts.forceNew),
      forceNewIf: sorted(facts.forceNewIf),
      ...(facts.incomplete.length ? { incomplete: [...facts.incomplete].sort() } : {}),
    };
  }
  return { format: 1, ...meta, generatedBy: 'scripts/extract-force-new.ts', resources: sorted(resources) };
}

/** The table of one provider from its repository at the pinned tag. */
export function extract(source: ProviderSource, repo: string): ForceNewTable {
  let commit: string;
  try {
    commit = git(repo, ['rev-parse', '--verify', `${source.tag}^{commit}`]).toString('utf8').trim();
  } catch {
    throw new UsageError(`${repo} has no tag ${source.tag} (fetch the tags of ${source.repository})`);
  }
  const goMod = git(repo, ['show', `${source.tag}:go.mod`]).toString('utf8');
  const sdk = /^\s*(github\.com\/hashicorp\/terraform-plugin-sdk\/v2)\s+(\S+)/m.exec(goMod);
  return buildTable(readPackage(repo, source.tag, source.packageDir), {
    provider: source.source,
    version: source.version,
    repository: source.repository,
    tag: source.tag,
    commit,
    sdk: sdk ? `${sdk[1]} ${sdk[2]}` : '(not in go.mod)',
  });
}

class UsageError extends Error {}

/** The directory of nks-cdk's package.json above this file (scripts/ when run from source, build/scripts/ compiled). */
function projectRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && JSON.parse(fs.readFileSync(pkg, 'utf8')).name === 'nks-cdk') return dir;
    if (path.dirname(dir) === dir) throw new Error('extract-force-new: not inside the nks-cdk project');
  }
}

/** The vendored files' text: the table, and its index entry. */
export function tableText(table: ForceNewTable): string {
  return `${JSON.stringify(table, null, 1)}\n`;
}

/** Runs the extractor; returns the exit code. */
export function main(argv: readonly string[], root = projectRoot(), log: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): number {
  const repos = new Map<string, string>();
  let check = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const name = a.replace(/^--/, '');
    if (a === '--check') check = true;
    else if (PROVIDER_SOURCES.some((p) => p.name === name) && argv[i + 1]) repos.set(name, argv[++i]);
    else {
      log(`extract-force-new: unknown argument ${a}\nUsage: node build/scripts/extract-force-new.js [--nhncloud <git dir>] [--openstack <git dir>] [--check]`);
      return 2;
    }
  }
  if (!repos.size) {
    log('extract-force-new: name at least one provider repository (--nhncloud <git dir>, --openstack <git dir>)');
    return 2;
  }
  const providersDir = path.join(root, 'lib', 'providers');
  const indexFile = path.join(providersDir, 'force-new.json');
  const index: ForceNewIndexEntry[] = fs.existsSync(indexFile) ? JSON.parse(fs.readFileSync(indexFile, 'utf8')) : [];
  let differs = false;
  for (const source of PROVIDER_SOURCES) {
    const repo = repos.get(source.name);
    if (!repo) continue;
    let table: ForceNewTable;
    try {
      table = extract(source, repo);
    } catch (e) {
      log(`extract-force-new: ${(e as Error).message}`);
      return e instanceof UsageError ? 2 : 1;
    }
    const rel = `force-new/${source.name}-${source.version}.json`;
    const text = tableText(table);
    const entry: ForceNewIndexEntry = {
      name: source.name,
      source: source.source,
      version: source.version,
      repository: source.repository,
      tag: source.tag,
      commit: table.commit,
      table: rel,
      sha256: crypto.createHash('sha256').update(text).digest('hex'),
    };
    const file = path.join(providersDir, rel);
    const types = Object.keys(table.resources).length;
    const incomplete = Object.entries(table.resources).filter(([, r]) => r.incomplete).map(([t]) => t);
    if (check) {
      const same = fs.existsSync(file) && fs.readFileSync(file, 'utf8') === text && JSON.stringify(index.find((e) => e.name === source.name)) === JSON.stringify(entry);
      log(`${source.name} ${source.tag} (${table.commit.slice(0, 12)}): ${types} resource types; the vendored table is ${same ? 'up to date' : 'out of date'}`);
      differs ||= !same;
    } else {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
      const at = index.findIndex((e) => e.name === source.name);
      if (at >= 0) index[at] = entry;
      else index.push(entry);
      log(`${source.name} ${source.tag} (${table.commit.slice(0, 12)}): ${types} resource types → lib/providers/${rel}`);
    }
    if (incomplete.length) log(`  not read in full (see "incomplete"): ${incomplete.join(', ')}`);
  }
  if (!check) {
    index.sort((a, b) => a.name.localeCompare(b.name));
    fs.writeFileSync(indexFile, `${JSON.stringify(index, null, 2)}\n`);
  }
  return differs ? 1 : 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));

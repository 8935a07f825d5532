// The vendored ForceNew tables: which arguments of each resource type force Terraform to destroy the resource
// and create a new one, read from the providers' Go source at the pinned tags by scripts/extract-force-new.ts
// (lib/providers/force-new.json names each table with its tag, commit and sha256). `terraform providers schema
// -json` does not carry this; the change report (terraform-diff.ts) needs it.
import * as fs from 'fs';
import * as path from 'path';

/** One resource type's entry (see scripts/extract-force-new.ts, which writes it). */
export interface ForceNewEntry {
  /** The provider source file that declares the schema. */
  readonly file: string;
  /** The provider can update the type in place; without an update function a planned in-place change fails at apply. */
  readonly updatable: boolean;
  /** Argument path (nested block arguments dotted) → `file:line` of its `ForceNew: true`. */
  readonly forceNew: Readonly<Record<string, string>>;
  /** Arguments a CustomizeDiff forces to a new resource under a condition → `file:line`. */
  readonly forceNewIf: Readonly<Record<string, string>>;
  /** What the extractor could not read (a schema built in code). */
  readonly incomplete?: readonly string[];
}

/** A vendored table (lib/providers/force-new/<name>-<version>.json). */
export interface ForceNewTable {
  readonly format: 1;
  /** Provider source address, e.g. `nhn-cloud/nhncloud`. */
  readonly provider: string;
  readonly version: string;
  readonly repository: string;
  readonly tag: string;
  readonly commit: string;
  readonly sdk: string;
  readonly generatedBy: string;
  readonly resources: Readonly<Record<string, ForceNewEntry>>;
}

/** An entry of lib/providers/force-new.json. */
export interface ForceNewIndexEntry {
  readonly name: string;
  readonly source: string;
  readonly version: string;
  readonly repository: string;
  readonly tag: string;
  readonly commit: string;
  /** The table file, relative to lib/providers/. */
  readonly table: string;
  readonly sha256: string;
}

/** lib/providers/ from lib/checks/ (sources, ts-jest) or build/lib/checks/ (compiled output). */
function providersDir(): string {
  const candidates = [path.resolve(__dirname, '..', 'providers'), path.resolve(__dirname, '..', '..', '..', 'lib', 'providers')];
  return candidates.find((c) => fs.existsSync(path.join(c, 'force-new.json'))) ?? candidates[0];
}

/** Absolute path of lib/providers/force-new.json. */
export const FORCE_NEW_INDEX_FILE: string = path.join(providersDir(), 'force-new.json');

let loaded: { index: ForceNewIndexEntry[]; tables: ForceNewTable[]; byType: Map<string, { entry: ForceNewEntry; table: ForceNewTable }> } | undefined;

function load(): NonNullable<typeof loaded> {
  if (!loaded) {
    const index = JSON.parse(fs.readFileSync(FORCE_NEW_INDEX_FILE, 'utf8')) as ForceNewIndexEntry[];
    const tables = index.map((e) => JSON.parse(fs.readFileSync(path.join(path.dirname(FORCE_NEW_INDEX_FILE), e.table), 'utf8')) as ForceNewTable);
    const byType = new Map<string, { entry: ForceNewEntry; table: ForceNewTable }>();
    for (const table of tables) for (const [type, entry] of Object.entries(table.resources)) byType.set(type, { entry, table });
    loaded = { index, tables, byType };
  }
  return loaded;
}

/** The entries of lib/providers/force-new.json. */
export function forceNewIndex(): readonly ForceNewIndexEntry[] {
  return load().index;
}

/** Every vendored table. */
export function forceNewTables(): readonly ForceNewTable[] {
  return load().tables;
}

/** The entry of a resource type and the table it is from (resource type names are unique across the providers). */
export function forceNewEntry(type: string): { readonly entry: ForceNewEntry; readonly table: ForceNewTable } | undefined {
  return load().byType.get(type);
}

/**
 * The ForceNew argument that covers an argument path, if any: the path itself or a block or map it is inside
 * (`labels.kube_tag` is covered by `labels`; `block_device.volume_size` by itself). The SDK marks the diffs of a
 * ForceNew list's, set's or map's elements RequiresNew too (terraform-plugin-sdk v2.32.0
 * `helper/schema/schema.go` lines 1216 and 1228).
 */
export function forcingArgument(entry: ForceNewEntry, argumentPath: string): string | undefined {
  const parts = argumentPath.split('.');
  for (let i = 1; i <= parts.length; i++) {
    const prefix = parts.slice(0, i).join('.');
    if (prefix in entry.forceNew) return prefix;
  }
  return undefined;
}

// What applying a synthesized `cdk.tf.json` would do to what the previous one made: per resource, created,
// updated in place, replaced (destroyed and created again, naming the arguments that force it) or destroyed.
// Offline, from the two configurations alone, with the ForceNew tables read from the providers' source
// (force-new.ts) and the vendored schemas (which arguments are optional and computed, which blocks are sets);
// or from a plan (`terraform show -json`). Replacing or destroying a cluster, node group, volume or instance is a
// warning that says what to do instead; when the resource is protected (`lifecycle.prevent_destroy`, which
// nks-cdk's `protect` writes) it is an error.
//
// How Terraform decides, as this module follows it:
// - A resource in the configuration and not in the state is created; one in the state and not in the
//   configuration is destroyed, whatever its `prevent_destroy` said ("This rule doesn't prevent Terraform from
//   destroying the resource if you remove the resource configuration": hashicorp/web-unified-docs
//   `content/terraform/v1.12.x/docs/language/block/resource.mdx`, lifecycle rules), so the previous output's
//   `prevent_destroy` protects a resource the program no longer has.
// - A changed argument whose path is ForceNew, or lies in a ForceNew block or map, replaces the resource
//   (terraform-plugin-sdk v2 `helper/schema/schema.go` lines 110, 1216, 1228); other changes update in place.
// - `lifecycle.ignore_changes` drops changes to the arguments it names; an optional and computed argument left
//   out of the configuration keeps the value in the state (no change).
// - A reference to an attribute of a resource that is replaced is unknown until apply, so an argument that
//   holds it changes too (and forces a replacement in turn when it is ForceNew) [I: Terraform may keep an
//   attribute the provider does not recompute; nks-cdk counts it as changing unless the referenced argument
//   is a literal in the configuration]. A data source whose arguments changed may return other values.
// - `moved` blocks (cdktf `moveTo`/`moveToId`) carry a resource to its new address.
import * as fs from 'fs';
import * as path from 'path';
import { ValidationError } from '../model/errors';
import type { WarningId } from '../warnings';
import { recoverOutputDir } from '../output/commit';
import { providerSchemasFor } from '../providers';
import { forceNewEntry, forcingArgument, ForceNewEntry } from './force-new';
import { CtyType, isObject, JsonObject, ProviderSchemaBlock } from './terraform-types';

/** What Terraform would do to one resource. */
export type ResourceChangeAction = 'create' | 'update' | 'replace' | 'destroy';

/** The resources whose replacement or destruction loses a running platform's nodes, workloads or data. */
export type GuardedKind = 'cluster' | 'node group' | 'volume' | 'instance';

/** One resource that would change. */
export interface ResourceChange {
  /** The stack (`stacks/<stack>/cdk.tf.json`). */
  readonly stack: string;
  /** The resource address, `type.name`. */
  readonly address: string;
  /** The resource type, e.g. `openstack_containerinfra_cluster_v1`. */
  readonly type: string;
  /** What Terraform would do to it. */
  readonly action: ResourceChangeAction;
  /** The construct path cdktf recorded for the resource (`"//": {"metadata": {"path"}}`), when known. */
  readonly constructPath?: string;
  /** The kind, for clusters, node groups, volumes and instances. */
  readonly kind?: GuardedKind;
  /** Argument paths that change (update and replace), e.g. `labels.kube_tag`, `block_device.volume_size`. */
  readonly changed: readonly string[];
  /** Arguments that force the replacement (replace), from the ForceNew table or the plan's `replace_paths`. */
  readonly forcedBy: readonly string[];
  /** Where each forcing argument is marked ForceNew in the provider's source (`file:line`), when known. */
  readonly forcedBySource: Readonly<Record<string, string>>;
  /** Resources whose replacement (or changed data source) makes an argument of this one change, if any. */
  readonly through: readonly string[];
  /** Arguments that change only because a value they reference does → the resource (or data source) responsible. */
  readonly changedThrough: Readonly<Record<string, string>>;
  /** The resource has `lifecycle.prevent_destroy` in the new or the previous configuration. */
  readonly protected: boolean;
  /**
   * Whether the vendored tables know the type's ForceNew arguments: when false, an `update` may be a
   * replacement (e.g. `kubernetes_manifest`, whose provider is not vendored).
   */
  readonly replacementKnown: boolean;
  /** The provider has no update function for the type: an `update` fails at apply ("doesn't support update"). */
  readonly cannotUpdate: boolean;
  /** The address the resource had, when a `moved` block or the plan's `previous_address` says so. */
  readonly previousAddress?: string;
  /** The plan's `action_reason`, when the report comes from a plan. */
  readonly reason?: string;
}

/** The changes of one stack. */
export interface StackChangeReport {
  /** The stack's name (`stacks/<stack>/cdk.tf.json`). */
  readonly stack: string;
  /** What the report compares against: the previous `cdk.tf.json`, a plan file, or nothing (first synth). */
  readonly against?: string;
  /** The stack is only in the previous output: nothing of it is synthesized now. */
  readonly removed: boolean;
  /** Changed resources (create, update, replace, destroy), by address; unchanged ones are left out. */
  readonly changes: readonly ResourceChange[];
}

/**
 * What synthesizing (or a plan) changes, stack by stack ({@link SynthResult.changes}). Tools read the
 * changes; {@link assessChanges} turns them into warnings and errors.
 */
export interface InfraChangeReport {
  /** One report per stack. */
  readonly stacks: readonly StackChangeReport[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
/** A parsed `cdk.tf.json`. */
export type TfJson = Record<string, any>;

/** Terraform resource types of the guarded kinds (both providers). */
const KINDS: Readonly<Record<string, GuardedKind>> = {
  nhncloud_kubernetes_cluster_v1: 'cluster',
  openstack_containerinfra_cluster_v1: 'cluster',
  nhncloud_kubernetes_nodegroup_v1: 'node group',
  openstack_containerinfra_nodegroup_v1: 'node group',
  nhncloud_blockstorage_volume_v1: 'volume',
  nhncloud_blockstorage_volume_v2: 'volume',
  nhncloud_blockstorage_volume_v3: 'volume',
  openstack_blockstorage_volume_v1: 'volume',
  openstack_blockstorage_volume_v2: 'volume',
  openstack_blockstorage_volume_v3: 'volume',
  nhncloud_compute_instance_v2: 'instance',
  openstack_compute_instance_v2: 'instance',
};

/** The kind of a resource type, when it is one of the guarded ones. */
export function guardedKind(type: string): GuardedKind | undefined {
  return KINDS[type];
}

/** Keys of a resource body that are meta-arguments, not arguments the provider sees. */
const META_ARGUMENTS = new Set(['//', 'lifecycle', 'depends_on', 'provider', 'provisioner', 'connection', 'count', 'for_each']);
/** Reference roots that are not resources. */
const NOT_RESOURCES = new Set(['var', 'local', 'each', 'count', 'module', 'path', 'terraform', 'self']);

interface Item {
  readonly address: string;
  readonly type: string;
  readonly body: JsonObject;
}

/** `resource.<type>.<name>` of a configuration by address `type.name`. */
function managedResources(doc: TfJson | undefined): Map<string, Item> {
  const out = new Map<string, Item>();
  for (const [type, byName] of Object.entries(isObject(doc?.resource) ? doc!.resource : {})) {
    if (!isObject(byName)) continue;
    for (const [name, body] of Object.entries(byName)) if (isObject(body)) out.set(`${type}.${name}`, { address: `${type}.${name}`, type, body });
  }
  return out;
}

/** `data.<type>.<name>` bodies by address `data.type.name`. */
function dataSources(doc: TfJson | undefined): Map<string, JsonObject> {
  const out = new Map<string, JsonObject>();
  for (const [type, byName] of Object.entries(isObject(doc?.data) ? doc!.data : {})) {
    if (!isObject(byName)) continue;
    for (const [name, body] of Object.entries(byName)) if (isObject(body)) out.set(`data.${type}.${name}`, body);
  }
  return out;
}

function metadataPath(body: JsonObject | undefined): string | undefined {
  const meta = body?.['//'];
  const p = isObject(meta) && isObject(meta.metadata) ? meta.metadata.path : undefined;
  return typeof p === 'string' ? p : undefined;
}

function preventsDestroy(body: JsonObject | undefined): boolean {
  const lifecycle = body?.lifecycle;
  return isObject(lifecycle) && lifecycle.prevent_destroy === true;
}

/** The argument paths `lifecycle.ignore_changes` names (`labels["kube_tag"]` → `labels.kube_tag`), or 'all'. */
function ignoredPaths(body: JsonObject): string[] | 'all' {
  const lifecycle = body.lifecycle;
  const list = isObject(lifecycle) ? lifecycle.ignore_changes : undefined;
  if (list === 'all') return 'all';
  if (!Array.isArray(list)) return [];
  if (list.includes('all')) return 'all';
  return list
    .filter((x): x is string => typeof x === 'string')
    .map((x) =>
      x
        .replace(/^\$\{(.*)\}$/, '$1')
        .replace(/\[\s*"([^"]*)"\s*\]/g, '.$1')
        .replace(/\[\s*\d+\s*\]/g, '')
        .replace(/^\./, ''),
    );
}

function underAny(p: string, prefixes: readonly string[]): boolean {
  return prefixes.some((q) => p === q || p.startsWith(`${q}.`));
}

/** Canonical JSON (object keys sorted), for comparing values and set elements. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isObject(value)) return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

/** Resource and data source references inside `${...}` of a string (`type.name.attr`, `data.type.name.attr`). */
export function referencesIn(value: unknown, out: { target: string; attribute?: string }[] = []): { target: string; attribute?: string }[] {
  if (typeof value === 'string') {
    for (const expr of value.matchAll(/\$\{([^}]*)\}/g)) {
      for (const m of expr[1].matchAll(/(?<![\w.-])(data\.)?([a-z][a-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_-]*)(?:\.([A-Za-z_][A-Za-z0-9_]*))?/g)) {
        if (!m[1] && NOT_RESOURCES.has(m[2])) continue;
        out.push({ target: `${m[1] ?? ''}${m[2]}.${m[3]}`, attribute: m[4] });
      }
    }
  } else if (Array.isArray(value)) {
    for (const v of value) referencesIn(v, out);
  } else if (isObject(value)) {
    for (const v of Object.values(value)) referencesIn(v, out);
  }
  return out;
}

/** What is known about references while comparing: which targets change, and why. */
interface Unstable {
  /** Whether a reference's value may differ from the previous run's, and the address responsible. */
  (ref: { target: string; attribute?: string }): string | undefined;
}

interface Comparison {
  readonly changed: Map<string, string | undefined>;
}

function mark(c: Comparison, p: string, through?: string): void {
  if (!c.changed.has(p) || (c.changed.get(p) !== undefined && through === undefined)) c.changed.set(p, through);
}

function elementsOf(value: unknown): JsonObject[] {
  if (Array.isArray(value)) return value.filter(isObject);
  return isObject(value) ? [value] : [];
}

/** Every argument path present in a value of a block (for an element that is added or removed). */
function pathsOf(value: JsonObject, block: ProviderSchemaBlock | undefined, prefix: string, out: (p: string) => void): void {
  for (const [key, v] of Object.entries(value)) {
    const p = `${prefix}${key}`;
    out(p);
    const nested = block?.block_types?.[key];
    if (nested) for (const el of elementsOf(v)) pathsOf(el, nested.block, `${p}.`, out);
  }
}

function isSetType(type: CtyType | undefined): boolean {
  return Array.isArray(type) && type[0] === 'set';
}

function isMapType(type: CtyType | undefined): boolean {
  return Array.isArray(type) && type[0] === 'map';
}

/** Compares two values of one argument; records the argument path (map arguments per key) when they differ. */
function compareValue(p: string, before: unknown, after: unknown, type: CtyType | undefined, c: Comparison, unstable: Unstable): void {
  if (isMapType(type) && isObject(before) && isObject(after)) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) compareValue(`${p}.${key}`, before[key], after[key], undefined, c, unstable);
    return;
  }
  const same = isSetType(type) && Array.isArray(before) && Array.isArray(after) ? canonical([...before].map(canonical).sort()) === canonical([...after].map(canonical).sort()) : canonical(before) === canonical(after);
  if (!same) return mark(c, p);
  for (const ref of referencesIn(after)) {
    const through = unstable(ref);
    if (through) return mark(c, p, through);
  }
}

/** Compares two bodies of one block (a resource's or a nested block's). */
function compareBlock(before: JsonObject, after: JsonObject, block: ProviderSchemaBlock | undefined, prefix: string, c: Comparison, unstable: Unstable): void {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)].filter((k) => !(prefix === '' && META_ARGUMENTS.has(k))));
  for (const key of keys) {
    const p = `${prefix}${key}`;
    const b = before[key];
    const a = after[key];
    const nested = block?.block_types?.[key];
    if (nested) {
      const olds = elementsOf(b);
      const news = elementsOf(a);
      if (nested.nesting_mode === 'set') {
        const remaining = news.map(canonical);
        const gone: JsonObject[] = [];
        for (const el of olds) {
          const at = remaining.indexOf(canonical(el));
          if (at >= 0) remaining[at] = '\u0000';
          else gone.push(el);
        }
        const added = news.filter((_el, i) => remaining[i] !== '\u0000');
        if (gone.length || added.length) {
          mark(c, p);
          for (const el of [...gone, ...added]) pathsOf(el, nested.block, `${p}.`, (q) => mark(c, q));
        }
        for (const el of news) {
          const through = referencesIn(el).map(unstable).find((t) => t !== undefined);
          if (through) pathsOf(el, nested.block, `${p}.`, (q) => mark(c, q, through));
        }
      } else {
        for (let i = 0; i < Math.max(olds.length, news.length); i++) {
          if (olds[i] && news[i]) compareBlock(olds[i], news[i], nested.block, `${p}.`, c, unstable);
          else {
            mark(c, p);
            pathsOf(olds[i] ?? news[i], nested.block, `${p}.`, (q) => mark(c, q));
          }
        }
      }
      continue;
    }
    const attribute = block?.attributes?.[key];
    if (a === undefined && b !== undefined && attribute?.optional && attribute.computed) continue; // the state keeps its value
    if (!block && isObject(a) && isObject(b)) {
      compareBlock(b, a, undefined, `${p}.`, c, unstable); // no schema: compare objects key by key
      continue;
    }
    compareValue(p, b, a, attribute?.type, c, unstable);
  }
}

/** The schema block of a resource type in the vendored schemas the configuration requires. */
function schemaBlocks(docs: readonly (TfJson | undefined)[]): (type: string) => ProviderSchemaBlock | undefined {
  const blocks = new Map<string, ProviderSchemaBlock>();
  for (const doc of docs) {
    if (!doc) continue;
    for (const file of providerSchemasFor(doc)) {
      for (const schema of Object.values(file.provider_schemas)) {
        for (const [type, entry] of Object.entries(schema.resource_schemas ?? {})) if (!blocks.has(type)) blocks.set(type, entry.block);
      }
    }
  }
  return (type) => blocks.get(type);
}

function literalArgument(body: JsonObject | undefined, attribute: string | undefined): string | undefined {
  if (!body || !attribute) return undefined;
  const v = body[attribute];
  if (v === undefined) return undefined;
  const text = canonical(v);
  return text.includes('${') ? undefined : text;
}

function replacementOf(entry: ForceNewEntry | undefined, changed: Iterable<string>): { forcedBy: string[]; source: Record<string, string> } {
  const forcedBy = new Set<string>();
  const source: Record<string, string> = {};
  if (entry) {
    for (const p of changed) {
      const arg = forcingArgument(entry, p);
      if (arg) {
        forcedBy.add(p);
        source[p] = entry.forceNew[arg];
      }
    }
  }
  return { forcedBy: [...forcedBy].sort(), source };
}

/**
 * Compares the configuration of one stack with its previous one (`undefined`: the first synth, everything is
 * created) and returns the changes a plan would show, by address.
 */
export function diffTerraformConfigs(previous: TfJson | undefined, next: TfJson, options: { stack: string; against?: string }): StackChangeReport {
  const olds = managedResources(previous);
  const news = managedResources(next);
  const schemaOf = schemaBlocks([next, previous]);
  // moved { from, to }: the resource at `from` is the one at `to` now.
  const movedFrom = new Map<string, string>();
  for (const m of Array.isArray(next.moved) ? next.moved : []) {
    if (isObject(m) && typeof m.from === 'string' && typeof m.to === 'string' && olds.has(m.from)) movedFrom.set(m.to, m.from);
  }
  const oldData = dataSources(previous);
  const newData = dataSources(next);
  const changedData = new Set([...newData].filter(([a, body]) => oldData.has(a) && canonical(stripMeta(oldData.get(a)!)) !== canonical(stripMeta(body))).map(([a]) => a));

  const replaced = new Set<string>();
  const updatedArgs = new Map<string, Set<string>>();
  const unstable: Unstable = (ref) => {
    if (ref.target.startsWith('data.')) return changedData.has(ref.target) ? ref.target : undefined;
    if (replaced.has(ref.target)) {
      const before = olds.get(movedFrom.get(ref.target) ?? ref.target)?.body;
      const after = news.get(ref.target)?.body;
      const known = literalArgument(after, ref.attribute);
      return known !== undefined && known === literalArgument(before, ref.attribute) ? undefined : ref.target;
    }
    if (ref.attribute && updatedArgs.get(ref.target)?.has(ref.attribute)) return ref.target;
    return undefined;
  };

  let changes: ResourceChange[] = [];
  // Replacements propagate through references: compare again until nothing new is replaced.
  for (let round = 0; round <= news.size; round++) {
    const before = replaced.size;
    changes = [];
    for (const [address, item] of news) {
      const oldAddress = movedFrom.get(address) ?? address;
      const old = olds.get(oldAddress);
      const found = forceNewEntry(item.type);
      const base = {
        stack: options.stack,
        address,
        type: item.type,
        constructPath: metadataPath(item.body) ?? metadataPath(old?.body),
        kind: guardedKind(item.type),
        replacementKnown: found !== undefined,
        cannotUpdate: found !== undefined && !found.entry.updatable,
        ...(oldAddress !== address ? { previousAddress: oldAddress } : {}),
      };
      if (!old || old.type !== item.type) {
        changes.push({ ...base, action: 'create', changed: [], forcedBy: [], forcedBySource: {}, through: [], changedThrough: {}, protected: preventsDestroy(item.body), cannotUpdate: false });
        continue;
      }
      const c: Comparison = { changed: new Map() };
      compareBlock(old.body, item.body, schemaOf(item.type), '', c, unstable);
      const ignored = ignoredPaths(item.body);
      const changed = ignored === 'all' ? [] : [...c.changed.keys()].filter((p) => !underAny(p, ignored)).sort();
      const changedThrough: Record<string, string> = {};
      for (const p of changed) if (c.changed.get(p) !== undefined) changedThrough[p] = c.changed.get(p)!;
      const through = [...new Set(Object.values(changedThrough))].sort();
      let { forcedBy, source } = replacementOf(found?.entry, changed);
      const triggers = triggeredBy(item.body, replaced, updatedArgs);
      if (triggers.length) {
        forcedBy = [...forcedBy, 'lifecycle.replace_triggered_by'];
        through.push(...triggers.filter((t) => !through.includes(t)));
      }
      const isProtected = preventsDestroy(item.body) || preventsDestroy(old.body);
      if (forcedBy.length) {
        replaced.add(address);
        changes.push({ ...base, action: 'replace', changed, forcedBy, forcedBySource: source, through, changedThrough, protected: isProtected });
      } else if (changed.length) {
        updatedArgs.set(address, new Set(changed.map((p) => p.split('.')[0])));
        changes.push({ ...base, action: 'update', changed, forcedBy: [], forcedBySource: {}, through, changedThrough, protected: isProtected });
      }
      // A move alone changes nothing (Terraform plans a no-op at the new address).
    }
    if (replaced.size === before) break;
  }
  const carried = new Set(movedFrom.values());
  for (const [address, old] of olds) {
    if (news.has(address) && news.get(address)!.type === old.type) continue;
    if (carried.has(address)) continue;
    changes.push({
      stack: options.stack,
      address,
      type: old.type,
      action: 'destroy',
      constructPath: metadataPath(old.body),
      kind: guardedKind(old.type),
      changed: [],
      forcedBy: [],
      forcedBySource: {},
      through: [],
      changedThrough: {},
      protected: preventsDestroy(old.body),
      replacementKnown: forceNewEntry(old.type) !== undefined,
      cannotUpdate: false,
    });
  }
  changes.sort((a, b) => a.address.localeCompare(b.address));
  return { stack: options.stack, against: options.against, removed: false, changes };
}

function stripMeta(body: JsonObject): JsonObject {
  const { ['//']: _meta, ...rest } = body;
  return rest;
}

/** Addresses in `lifecycle.replace_triggered_by` that change (replace, or update of the attribute named). */
function triggeredBy(body: JsonObject, replaced: ReadonlySet<string>, updated: ReadonlyMap<string, Set<string>>): string[] {
  const lifecycle = body.lifecycle;
  const list = isObject(lifecycle) && Array.isArray(lifecycle.replace_triggered_by) ? lifecycle.replace_triggered_by : [];
  const out: string[] = [];
  for (const entry of list) {
    const text = typeof entry === 'string' ? (entry.startsWith('${') ? entry : `\${${entry}}`) : '';
    for (const ref of referencesIn(text)) {
      if (replaced.has(ref.target) || (updated.has(ref.target) && (!ref.attribute || updated.get(ref.target)!.has(ref.attribute)))) out.push(ref.target);
    }
  }
  return out;
}

/** The resource changes of a plan (`terraform show -json <planfile>`), with protection read from configurations. */
export function changesFromPlan(plan: unknown, options: { stack: string; against?: string; configs?: readonly TfJson[] }): StackChangeReport {
  if (!isObject(plan) || !Array.isArray(plan.resource_changes)) {
    throw new Error('not a plan in JSON: expected the output of `terraform show -json <planfile>`, with "resource_changes"');
  }
  const major = typeof plan.format_version === 'string' ? Number(plan.format_version.split('.')[0]) : 1;
  if (major !== 1) throw new Error(`plan format_version ${String(plan.format_version)} is not supported (only 1.x; "Reject any input which reports an unsupported major version")`);
  const configured = new Map<string, JsonObject>();
  for (const doc of options.configs ?? []) for (const [address, item] of managedResources(doc)) if (!configured.has(address) || preventsDestroy(item.body)) configured.set(address, item.body);
  const changes: ResourceChange[] = [];
  for (const rc of plan.resource_changes) {
    if (!isObject(rc) || rc.mode === 'data' || typeof rc.address !== 'string' || !isObject(rc.change)) continue;
    const actions = Array.isArray(rc.change.actions) ? rc.change.actions.map(String) : [];
    const action: ResourceChangeAction | undefined =
      actions.includes('delete') && actions.includes('create') ? 'replace' : actions.includes('delete') ? 'destroy' : actions.includes('create') ? 'create' : actions.includes('update') ? 'update' : undefined;
    if (!action) continue; // no-op, read, forget (removed from the state, not destroyed)
    const type = typeof rc.type === 'string' ? rc.type : rc.address.replace(/\[.*$/, '').split('.').slice(-2)[0];
    const found = forceNewEntry(type);
    const beforeValue = isObject(rc.change.before) ? rc.change.before : {};
    const afterValue = isObject(rc.change.after) ? rc.change.after : {};
    const c: Comparison = { changed: new Map() };
    if (action === 'update' || action === 'replace') compareBlock(beforeValue, afterValue, undefined, '', c, () => undefined);
    // Values known only after apply are left out of "after": a computed attribute (id, ...) is not a change,
    // an argument the configuration sets (to a reference to a replaced resource, say) is.
    const config = configured.get(rc.address);
    const afterUnknown = isObject(rc.change.after_unknown) ? rc.change.after_unknown : {};
    const changed = [...c.changed.keys()].filter((p) => afterUnknown[p.split('.')[0]] !== true || config?.[p.split('.')[0]] !== undefined).sort();
    const replacePaths = Array.isArray(rc.change.replace_paths) ? rc.change.replace_paths.filter(Array.isArray).map((steps: unknown[]) => steps.filter((s) => typeof s === 'string').join('.')) : [];
    const fromTable = replacementOf(found?.entry, changed);
    const forcedBy = action === 'replace' ? (replacePaths.length ? [...new Set(replacePaths as string[])].sort() : fromTable.forcedBy) : [];
    const source: Record<string, string> = {};
    if (found) for (const p of forcedBy) {
      const arg = forcingArgument(found.entry, p);
      if (arg) source[p] = found.entry.forceNew[arg];
    }
    changes.push({
      stack: options.stack,
      address: rc.address,
      type,
      action,
      constructPath: metadataPath(config),
      kind: guardedKind(type),
      changed,
      forcedBy,
      forcedBySource: source,
      through: [],
      changedThrough: {},
      protected: preventsDestroy(config),
      replacementKnown: found !== undefined || replacePaths.length > 0,
      cannotUpdate: action === 'update' && found !== undefined && !found.entry.updatable,
      ...(typeof rc.previous_address === 'string' ? { previousAddress: rc.previous_address } : {}),
      ...(typeof rc.action_reason === 'string' ? { reason: rc.action_reason } : {}),
    });
  }
  changes.sort((a, b) => a.address.localeCompare(b.address));
  return { stack: options.stack, against: options.against, removed: false, changes };
}

/** A stack that is in the previous output only: not synthesized, so deploying the others leaves it alone. */
export function removedStack(stack: string, against?: string): StackChangeReport {
  return { stack, against, removed: true, changes: [] };
}

/** The prop of an nks-cdk construct that writes a Terraform argument, for messages and errors. */
const PROP_OF_ARGUMENT: Readonly<Record<GuardedKind, Readonly<Record<string, string>>>> = {
  cluster: {
    name: 'name',
    flavor_id: 'flavor',
    flavor: 'flavor',
    keypair: 'keyPair',
    fixed_network: 'network',
    fixed_subnet: 'network',
    addons: 'addons',
    cluster_template_id: 'clusterTemplateId',
    'labels.kube_tag': 'kubernetesVersion',
    'labels.availability_zone': 'availabilityZone',
    'labels.node_image': 'image',
    'labels.boot_volume_type': 'bootVolume',
    'labels.boot_volume_size': 'bootVolume',
    'labels.pods_network_cidr': 'podsCidr',
    'labels.service_cluster_ip_range': 'servicesCidr',
    'labels.master_lb_floating_ip_enabled': 'publicApiEndpoint',
    'labels.external_network_id': 'externalNetwork',
    'labels.external_subnet_id_list': 'externalSubnetIds',
    'labels.k8s_node_labels': 'nodeLabels',
  },
  'node group': {
    name: 'name',
    flavor_id: 'flavor',
    image_id: 'image',
    'labels.availability_zone': 'availabilityZone',
    'labels.boot_volume_type': 'bootVolume',
    'labels.boot_volume_size': 'bootVolume',
    'labels.k8s_node_labels': 'nodeLabels',
  },
  volume: { name: 'name', size: 'sizeGb', volume_type: 'volumeType', availability_zone: 'availabilityZone', description: 'description' },
  instance: {
    name: 'name',
    flavor_id: 'flavor',
    flavor_name: 'flavor',
    availability_zone: 'availabilityZone',
    key_pair: 'keyPair',
    network: 'network',
    'network.uuid': 'network',
    'block_device.uuid': 'image',
    'block_device.volume_size': 'bootVolume',
    'block_device.volume_type': 'bootVolume',
    security_groups: 'securityGroups',
  },
};

/** The prop behind an argument path (`labels.ca_max_node_count` → `autoscaler`), when nks-cdk writes it from one. */
export function propOf(kind: GuardedKind | undefined, argumentPath: string): string | undefined {
  if (!kind) return undefined;
  if (/^labels\.ca_/.test(argumentPath)) return 'autoscaler';
  // The argument itself, else the block it is in (`addons.version` → addons).
  const parts = argumentPath.split('.');
  for (let i = parts.length; i > 0; i--) {
    const prop = PROP_OF_ARGUMENT[kind][parts.slice(0, i).join('.')];
    if (prop) return prop;
  }
  return undefined;
}

function named(kind: GuardedKind | undefined, args: readonly string[]): string {
  return args.map((a) => (propOf(kind, a) ? `${a} (${propOf(kind, a)})` : a)).join(', ');
}

/** Arguments of a cluster that belong to its default node group's nodes. */
const DEFAULT_GROUP_ARGUMENTS = ['flavor_id', 'flavor', 'labels.availability_zone', 'labels.node_image', 'labels.boot_volume_type', 'labels.boot_volume_size', 'labels.k8s_node_labels'];

/** What to do instead of replacing (or destroying) a resource of a guarded kind. */
export function adviceFor(change: ResourceChange): string {
  const onlyVersion = change.forcedBy.length > 0 && change.forcedBy.every((a) => a === 'labels.kube_tag');
  const nhn = change.type.startsWith('nhncloud_');
  if (change.action === 'destroy') {
    return (
      'if the construct was renamed or moved, its Terraform address changed: keep its old id, or keep the address with ' +
      `\`resource.overrideLogicalId(${JSON.stringify(change.address.split('.').slice(1).join('.'))})\` on the new construct's resource` +
      (change.protected ? '; if it is meant to go, put the construct back with protect: false and synth once (Terraform sees no change), then remove it' : '')
    );
  }
  if (change.action === 'replace' && change.forcedBy.length && change.forcedBy.every((a) => change.changedThrough[a] !== undefined || a === 'lifecycle.replace_triggered_by')) {
    const data = change.through.filter((t) => t.startsWith('data.'));
    if (data.length === change.through.length) {
      return `the replacement comes from ${data.join(', ')}, whose arguments changed: it is read at plan time and may return what it returned before (then nothing is replaced) or something new; keep its arguments, or see what a plan says (npm run diff -- --plan)`;
    }
    return `the replacement comes from ${change.through.join(', ')}: keep what that resource's construct was given (the arguments that force its replacement are reported with it)`;
  }
  switch (change.kind) {
    case 'cluster':
      if (onlyVersion) {
        return nhn
          ? "keep kubernetesVersion at the version the cluster was created with and set `upgrade: { kubernetesVersion }` (NKS upgrades a running cluster in place); after the upgrade, keep both"
          : 'keep kubernetesVersion as it was: the openstack target cannot upgrade in place (Magnum upgrades by switching cluster templates)';
      }
      if (change.forcedBy.every((a) => DEFAULT_GROUP_ARGUMENTS.includes(a))) {
        return "keep the cluster's own node settings as they were and add a node group with the new ones (`cluster.addNodeGroup(...)`), move the workloads there, then shrink the default group with `resizeTo`";
      }
      return 'put these props back: NKS fixes them when it creates a cluster. To change them, create a second Cluster beside this one, move the workloads, then remove the old one';
    case 'node group':
      if (onlyVersion) return nhn ? 'keep the version and set `upgrade` on the cluster (NKS upgrades node groups in place)' : 'keep kubernetesVersion as it was';
      return 'put the props back and add a new node group (another id and name) with the new settings, move the workloads to it, then remove this one; the node count changes in place with `resizeTo`';
    case 'volume':
      return 'a new volume starts empty, so the data on this one is lost: put the props back; for more space or another type, create a second BlockStorageVolume, copy the data over (or snapshot this one first), then remove the old one';
    case 'instance':
      return 'its boot volume is deleted with it (delete_on_termination): put the props back, or create a second GpuInstance beside it, move the work over, then remove this one';
    default:
      return 'put the arguments back as they were';
  }
}

/** A short line per change, as a plan summary prints it. */
export function formatChange(change: ResourceChange): string {
  const sign = { create: '+', update: '~', replace: '-/+', destroy: '-' }[change.action];
  const where = change.constructPath ? ` (${change.constructPath})` : '';
  const moved = change.previousAddress ? ` moved from ${change.previousAddress};` : '';
  let detail = '';
  if (change.action === 'replace') detail = ` ${change.forcedBy.join(', ')} force${change.forcedBy.length === 1 ? 's' : ''} replacement${change.through.length ? ` (through ${change.through.join(', ')})` : ''}`;
  else if (change.action === 'update' && change.changed.length) detail = ` ${change.changed.join(', ')}${change.replacementKnown ? '' : ' (no ForceNew table for this type: may be a replacement)'}${change.cannotUpdate ? ' (the provider cannot update this type in place: apply fails)' : ''}`;
  const reason = change.reason ? ` [${change.reason}]` : '';
  const guard = change.protected && (change.action === 'replace' || change.action === 'destroy') ? ' [protected]' : '';
  const said = `${moved}${detail}`;
  return `  ${sign} ${change.address}${where}${said ? `:${said}` : ''}${reason}${guard}`;
}

/** The report as lines: a summary per stack with changes, then one line per change. */
export function formatChangeReport(report: InfraChangeReport): string[] {
  const lines: string[] = [];
  for (const s of report.stacks) {
    if (s.removed) {
      lines.push(`${s.stack}: no longer synthesized${s.against ? ` (was ${s.against})` : ''}; deploying the other stacks leaves its resources as they are`);
      continue;
    }
    if (!s.changes.length) continue;
    const count = (a: ResourceChangeAction): number => s.changes.filter((c) => c.action === a).length;
    lines.push(`${s.stack}: ${count('create')} to create, ${count('update')} to update in place, ${count('replace')} to replace, ${count('destroy')} to destroy${s.against ? ` (against ${s.against})` : ''}`);
    lines.push(...s.changes.map(formatChange));
  }
  return lines;
}

/** The construct a warning or error is about: the resource's construct path without the resource's own id. */
function ownerPath(change: ResourceChange): string {
  const p = change.constructPath;
  if (!p) return `${change.stack}/${change.address}`;
  const parts = p.split('/');
  return parts.length > 2 ? parts.slice(0, -1).join('/') : p;
}

function values(change: ResourceChange, previous: TfJson | undefined, next: TfJson | undefined, arg: string): { from: unknown; to: unknown } {
  const at = (doc: TfJson | undefined, address: string | undefined): unknown => {
    if (!doc || !address) return undefined;
    const [type, ...rest] = address.split('.');
    let v: unknown = doc.resource?.[type]?.[rest.join('.')];
    for (const step of arg.split('.')) v = Array.isArray(v) ? v.map((x) => (isObject(x) ? x[step] : undefined)) : isObject(v) ? v[step] : undefined;
    return Array.isArray(v) && v.length === 1 ? v[0] : v;
  };
  // Never a credential in an error (an SKM app key in a label, say).
  if (/appkey|app_key|secret|passw|token|credential|private_key/i.test(arg)) return { from: '(redacted)', to: '(redacted)' };
  return { from: at(previous, change.previousAddress ?? change.address), to: at(next, change.address) };
}

/** Warnings (unprotected guarded resources replaced or destroyed, updates that fail) and errors (protected ones). */
export interface ChangeAssessment {
  /** Warnings to show: the construct path that owns the resource (else `<stack>/<address>`), the warning's ID and its message. */
  readonly warnings: { readonly path: string; readonly id: WarningId; readonly message: string }[];
  /** One ValidationError per protected resource that would be replaced or destroyed. */
  readonly errors: ValidationError[];
}

/**
 * Turns a report into warnings and errors: replacing or destroying a cluster, node group, volume or instance is
 * a warning with what to do instead; replacing or destroying any protected resource is a ValidationError
 * (field: the prop behind the first forcing argument, else `protect`); an in-place change of a type the provider
 * cannot update is a warning. `docs` gives the configurations, for the values in errors.
 */
export function assessChanges(report: InfraChangeReport, docs: { previous?: Readonly<Record<string, TfJson>>; next?: Readonly<Record<string, TfJson>> } = {}): ChangeAssessment {
  const warnings: { path: string; id: WarningId; message: string }[] = [];
  const errors: ValidationError[] = [];
  const createdTypes = (s: StackChangeReport): Set<string> => new Set(s.changes.filter((c) => c.action === 'create').map((c) => c.type));
  for (const s of report.stacks) {
    const created = createdTypes(s);
    for (const change of s.changes) {
      const what = change.kind ?? 'resource';
      const at = ownerPath(change);
      if (change.action === 'update' && change.cannotUpdate) {
        warnings.push({ path: at, id: 'nks-cdk:updateUnsupported', message: `${change.address} would be updated in place (${named(change.kind, change.changed)}), but the provider has no update for ${change.type}: apply fails with "doesn't support update". Put the arguments back${change.kind === 'cluster' || change.kind === 'node group' ? ' (the node count changes with resizeTo)' : ''}.` });
        continue;
      }
      if (change.action !== 'replace' && change.action !== 'destroy') continue;
      if (!change.kind && !change.protected) continue;
      const advice = adviceFor(change);
      const otherTarget = change.action === 'destroy' && change.kind && s.changes.some((c) => c.action === 'create' && c.kind === change.kind && c.type.split('_')[0] !== change.type.split('_')[0]);
      const renamed =
        change.action === 'destroy' && created.has(change.type)
          ? ` A ${change.type} is created in the same stack: if it is this ${what} renamed, its address changed.`
          : otherTarget
            ? ` The stack creates a ${change.kind} of the other provider instead: its target changed, and a target's resources are not the other's, so switching destroys what was deployed.`
            : '';
      const cause =
        change.action === 'replace'
          ? `will be replaced (destroyed, then created again): ${named(change.kind, change.forcedBy)} ${change.forcedBy.length === 1 ? 'forces' : 'force'} a new ${what}${sourceNote(change)}${throughNote(change)}`
          : `will be destroyed: it is not in the new configuration`;
      const loss = change.kind === 'cluster' || change.kind === 'node group' ? ' Its nodes, and the pods on them, go with it.' : change.kind === 'volume' ? ' Its data goes with it.' : change.kind === 'instance' ? ' Its boot disk goes with it.' : '';
      if (change.protected) {
        const arg = change.forcedBy.find((a) => propOf(change.kind, a)) ?? change.forcedBy[0];
        const field = change.action === 'replace' && arg ? (propOf(change.kind, arg) ?? arg) : 'protect';
        const through = arg ? change.changedThrough[arg] : undefined;
        const value = change.action !== 'replace' || !arg ? change.address : through ? `(changes with ${through})` : values(change, docs.previous?.[s.stack], docs.next?.[s.stack], arg);
        errors.push(
          new ValidationError({
            path: at,
            field,
            value,
            rule: `${change.address} is protected (protect, written as lifecycle.prevent_destroy) and ${cause}.${loss}${renamed}`,
            fix: `${advice.charAt(0).toUpperCase()}${advice.slice(1)}`,
          }),
        );
      } else {
        warnings.push({ path: at, id: 'nks-cdk:resourceReplaced', message: `${change.address} ${cause}.${loss}${renamed} Instead: ${advice}. protect: true on the construct (or its InfraStack) makes this an error.` });
      }
    }
  }
  return { warnings, errors };
}

function throughNote(change: ResourceChange): string {
  const data = change.through.filter((t) => t.startsWith('data.'));
  const resources = change.through.filter((t) => !t.startsWith('data.'));
  return [
    ...(resources.length ? [`, through ${resources.join(', ')} being replaced`] : []),
    ...(data.length ? [`, through ${data.join(', ')}, whose arguments changed`] : []),
  ].join('');
}

function sourceNote(change: ResourceChange): string {
  const sources = [...new Set(Object.values(change.forcedBySource))];
  return sources.length ? ` (ForceNew in ${sources.slice(0, 3).join(', ')}${sources.length > 3 ? ', ...' : ''})` : '';
}

/** The stacks of an output directory: name → parsed `stacks/<name>/cdk.tf.json` (unreadable ones left out, named). */
export function readStacks(outdir: string): { stacks: Map<string, TfJson>; unreadable: string[] } {
  const stacks = new Map<string, TfJson>();
  const unreadable: string[] = [];
  const dir = path.join(outdir, 'stacks');
  if (!fs.existsSync(dir)) return { stacks, unreadable };
  for (const name of fs.readdirSync(dir).sort()) {
    const file = path.join(dir, name, 'cdk.tf.json');
    if (!fs.existsSync(file)) continue;
    try {
      const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
      if (isObject(doc)) stacks.set(name, doc);
      else unreadable.push(file);
    } catch {
      unreadable.push(file);
    }
  }
  return { stacks, unreadable };
}

/** Compares stacks by name: each next stack with its previous one (or none), and previous stacks that are gone. */
export function diffStacks(previous: ReadonlyMap<string, TfJson>, next: ReadonlyMap<string, TfJson>, againstOf: (stack: string) => string | undefined): InfraChangeReport {
  const stacks: StackChangeReport[] = [];
  for (const [stack, doc] of next) stacks.push(diffTerraformConfigs(previous.get(stack), doc, { stack, against: previous.has(stack) ? againstOf(stack) : undefined }));
  for (const stack of previous.keys()) if (!next.has(stack)) stacks.push(removedStack(stack, againstOf(stack)));
  return { stacks };
}

/** A path relative to the working directory when it is under it, else absolute. */
export function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : path.resolve(file);
}

/** What synth found comparing its new Terraform output with the previous one in the output directory. */
export interface InfraChangeCheck extends ChangeAssessment {
  readonly report: InfraChangeReport;
  /** Lines to print: the stacks that had a previous output and change, each change on its own line. */
  readonly summary: string[];
}

/**
 * Synth's check (PlatformApp.synth, before it switches the output): each `stacks/<stack>/cdk.tf.json` staged under
 * `staged` against the one in `outdir` that it is about to replace (a switch a killed synth left under way is
 * finished first, so the previous output is the one the next plan starts from).
 */
export function checkInfraChanges(outdir: string, staged: string): InfraChangeCheck {
  recoverOutputDir(outdir);
  const previous = readStacks(outdir);
  const next = readStacks(staged);
  const shown = (stack: string): string => displayPath(path.join(outdir, 'stacks', stack, 'cdk.tf.json'));
  const report = diffStacks(previous.stacks, next.stacks, shown);
  const assessment = assessChanges(report, { previous: Object.fromEntries(previous.stacks), next: Object.fromEntries(next.stacks) });
  const warnings = [
    ...previous.unreadable.map((file) => ({ path: 'PlatformApp', id: 'nks-cdk:previousOutputUnreadable' as const, message: `${file} is not valid JSON, so this synth cannot say what it changes against it: compare with a plan (npm run diff -- --plan)` })),
    ...assessment.warnings,
  ];
  const withPrevious: InfraChangeReport = { stacks: report.stacks.filter((s) => s.against !== undefined) };
  return { report, warnings, errors: assessment.errors, summary: formatChangeReport(withPrevious).map((l) => (l.startsWith(' ') ? l : `[changes] ${l}`)) };
}

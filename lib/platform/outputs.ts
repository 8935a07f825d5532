import * as fs from 'fs';
import * as path from 'path';
import { Yaml } from 'cdk8s';
import { fail } from '../model/errors';
import { DeferredValue } from './deferred';

/** `cdktf output --outputs-file` JSON: stack name → output name → value. */
export type InfraOutputs = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

/** A Kubernetes object that was not written because it needs values that exist only after apply. */
export interface PendingObject {
  /** The manifest file it belongs in. */
  readonly file: string;
  /** `Kind namespace/name`. */
  readonly object: string;
  /** The values it waits for. */
  readonly waitsFor: readonly string[];
}

/** Reads an outputs file; a clear error names the file when it is missing or not JSON. */
export function readInfraOutputs(file: string): InfraOutputs {
  const where = { path: 'PlatformApp', field: 'infraOutputs' };
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return fail(where, file, 'the infrastructure outputs file cannot be read', 'write it after deploying the infrastructure: npx cdktf output <stack> --outputs-file <file>');
  }
  try {
    const parsed = JSON.parse(text) as unknown;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as InfraOutputs;
  } catch {
    // fall through to the error below
  }
  return fail(where, file, 'the infrastructure outputs file is not the JSON `cdktf output --outputs-file` writes', 'write it again with npx cdktf output <stack> --outputs-file <file>');
}

function valueOf(d: DeferredValue, outputs: InfraOutputs | undefined): string | undefined {
  const value = outputs?.[d.stack.node.id]?.[d.outputName];
  return value === undefined || value === null ? undefined : String(value);
}

function replaceTokens(node: unknown, values: ReadonlyMap<string, string>): unknown {
  if (typeof node === 'string') {
    let out = node;
    for (const [token, value] of values) out = out.split(token).join(value);
    return out;
  }
  if (Array.isArray(node)) return node.map((n) => replaceTokens(n, values));
  if (node && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, replaceTokens(v, values)]));
  }
  return node;
}

/**
 * Writes the real values of deferred infrastructure values into the manifests of `dir` (the kubectl
 * route). Objects whose values are not in `outputs` are left out of their file and returned, so nothing
 * unresolved ever lands in `dist/`.
 */
export function resolveDeferredValues(dir: string, deferred: readonly DeferredValue[], outputs: InfraOutputs | undefined): PendingObject[] {
  if (deferred.length === 0) return [];
  const known = new Map<string, string>();
  for (const d of deferred) {
    const v = valueOf(d, outputs);
    if (v !== undefined) known.set(d.token, v);
  }
  const pending: PendingObject[] = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
    const full = path.join(dir, file);
    const text = fs.readFileSync(full, 'utf8');
    if (!deferred.some((d) => text.includes(d.token))) continue;
    const kept: unknown[] = [];
    for (const doc of Yaml.load(full) as Record<string, any>[]) {
      const json = JSON.stringify(doc);
      const missing = deferred.filter((d) => json.includes(d.token) && !known.has(d.token));
      if (missing.length > 0) {
        const meta = doc?.metadata ?? {};
        pending.push({ file, object: `${doc?.kind} ${meta.namespace ? `${meta.namespace}/` : ''}${meta.name}`, waitsFor: missing.map((d) => `${d.stack.node.id}.${d.outputName} (${d.description})`) });
      } else {
        kept.push(replaceTokens(doc, known));
      }
    }
    if (kept.length === 0) fs.rmSync(full);
    else fs.writeFileSync(full, Yaml.stringify(...kept));
  }
  return pending;
}

import * as fs from 'fs';
import { fail } from '../model/errors';
import { ChartManifests } from '../output/charts';
import { DeferredValue } from '../infra/deferred';

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
 * Writes the real values of deferred infrastructure values into the manifests (the kubectl route).
 * Objects whose values are not in `outputs` are left out and returned, and a chart left with no objects
 * writes no file, so nothing unresolved ever lands in `dist/`.
 */
export function resolveDeferredValues(
  manifests: readonly ChartManifests[],
  deferred: readonly DeferredValue[],
  outputs: InfraOutputs | undefined,
): { manifests: ChartManifests[]; pending: PendingObject[] } {
  if (deferred.length === 0) return { manifests: [...manifests], pending: [] };
  const known = new Map<string, string>();
  for (const d of deferred) {
    const v = valueOf(d, outputs);
    if (v !== undefined) known.set(d.token, v);
  }
  const pending: PendingObject[] = [];
  const resolved: ChartManifests[] = [];
  for (const m of manifests) {
    const texts = m.objects.map((o) => JSON.stringify(o));
    if (!texts.some((text) => deferred.some((d) => text.includes(d.token)))) {
      resolved.push(m);
      continue;
    }
    const kept: Record<string, unknown>[] = [];
    m.objects.forEach((doc: Record<string, any>, i) => {
      const missing = deferred.filter((d) => texts[i].includes(d.token) && !known.has(d.token));
      if (missing.length > 0) {
        const meta = doc.metadata ?? {};
        pending.push({ file: m.file, object: `${doc.kind} ${meta.namespace ? `${meta.namespace}/` : ''}${meta.name}`, waitsFor: missing.map((d) => `${d.stack.node.id}.${d.outputName} (${d.description})`) });
      } else {
        kept.push(replaceTokens(doc, known) as Record<string, unknown>);
      }
    });
    if (kept.length > 0) resolved.push({ ...m, objects: kept });
  }
  return { manifests: resolved, pending };
}

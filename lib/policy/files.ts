// Policy subjects from output on disk (dist/*.k8s.yaml, cdktf.out/stacks/*/cdk.tf.json), for the cdk8s
// validation plugin and `npm run check`, which see files rather than constructs.
import * as fs from 'fs';
import * as path from 'path';
import { objectId } from '../checks/kubernetes-schema';
import { isObj, metadataOf, str } from './objects';
import { suppressionsInManifest, suppressionsInTerraform } from './suppressions';
import { KubeObject, PolicySubject } from './types';

/** A Kubernetes object and the file it was read from. */
export interface ManifestDocument {
  readonly object: KubeObject;
  /** The file, as it should appear in reports. */
  readonly file: string;
}

/**
 * The construct paths cdk8s records in `construct-metadata.json` when `CDK8S_RECORD_CONSTRUCT_METADATA=true`
 * (the cdk8s CLI sets it when validation plugins are configured), keyed by object name; empty when absent.
 */
export function readConstructPaths(dir: string): Record<string, string> {
  const file = path.join(dir, 'construct-metadata.json');
  if (!fs.existsSync(file)) return {};
  const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  const resources = isObj(parsed) && isObj(parsed.resources) ? parsed.resources : {};
  const out: Record<string, string> = {};
  for (const [name, meta] of Object.entries(resources)) {
    const p = str(meta, 'path');
    if (p) out[name] = p;
  }
  return out;
}

/**
 * Subjects of Kubernetes objects read from files. An object is named by its construct path when
 * `constructPaths` has its name (cdk8s keys them by name only, so two objects of one name share the first
 * path), else as `<file>: <object>`. Its suppressions are the ones its annotations carry.
 */
export function manifestSubjects(docs: readonly ManifestDocument[], constructPaths: Readonly<Record<string, string>> = {}): PolicySubject[] {
  return docs.map(({ object, file }) => {
    const name = str(metadataOf(object), 'name');
    const where = (name !== undefined && constructPaths[name]) || `${file}: ${objectId(object)}`;
    return { kind: 'manifest', object, path: where, suppressions: suppressionsInManifest(object, where) };
  });
}

/** Subjects of the resources in a parsed `cdk.tf.json`, named by the construct path cdktf records in each block. */
export function terraformSubjects(tfJson: unknown, file: string): PolicySubject[] {
  const resources = isObj(tfJson) && isObj(tfJson.resource) ? tfJson.resource : {};
  const subjects: PolicySubject[] = [];
  for (const [type, byName] of Object.entries(resources)) {
    if (!isObj(byName)) continue;
    for (const [name, body] of Object.entries(byName)) {
      if (!isObj(body)) continue;
      const comment = isObj(body['//']) ? body['//'] : {};
      const where = str(comment.metadata, 'path') ?? `${file}: ${type}.${name}`;
      subjects.push({ kind: 'terraform', resource: { type, name, body }, path: where, suppressions: suppressionsInTerraform(body, where) });
    }
  }
  return subjects;
}

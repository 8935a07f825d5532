// The strict schema check validates objects whose shape it has seen clean without its recording run
// (lib/checks/kubernetes-validators.ts). These tests hold that shortcut to the recording run: on every
// object of every example and on thousands of broken variants of them, both give the same answer.
import * as fs from 'fs';
import * as path from 'path';
import { Yaml } from 'cdk8s';
import { PlatformApp } from '../../lib';
import { findValidator, schemaRunCounts, SchemaResult } from '../../lib/checks/kubernetes-validators';
import { synth } from '../helpers';

type Json = Record<string, unknown>;
const examplesDir = path.join(__dirname, '..', '..', 'examples');
const sections = fs.readdirSync(examplesDir).filter((d) => fs.existsSync(path.join(examplesDir, d, 'main.ts'))).sort();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const load = (section: string) => require(path.join(examplesDir, section, 'main.ts')).build as (app: PlatformApp) => unknown;

/**
 * Every Kubernetes object the examples write into dist/ that kubernetes-models has a validator for, but
 * CustomResourceDefinitions: custom resources (Gateway API, NGF) are checked against their CRDs
 * (kubernetes-crds.ts), not through these validators, and a CRD's schema is a JSONSchemaProps tree the
 * validator reads only in part (kubernetes-validators.ts), mostly maps of free property names.
 */
const objects: Json[] = sections
  .flatMap((section) => {
    const out = synth((app) => void load(section)(app));
    return Object.keys(out.manifestFiles).flatMap((file) => (Yaml.load(path.join(out.k8sOutdir, file)) as Json[]).filter(Boolean));
  })
  .filter((o) => o.kind !== 'CustomResourceDefinition' && findValidator(String(o.apiVersion), String(o.kind)) !== undefined);

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/** Paths to every object and array inside `value` (the root included), as key/index lists. */
function places(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [at, ...entries.flatMap(([k, v]) => places(v, [...at, k]))];
}

function get(root: unknown, at: readonly (string | number)[]): any {
  return at.reduce((node: any, k) => node[k], root);
}

/** Broken variants of `obj`: an unknown field at every object inside it, and more. */
function variants(obj: Json): { what: string; object: Json }[] {
  const out: { what: string; object: Json }[] = [];
  for (const at of places(obj)) {
    const where = at.join('.') || '(root)';
    const copy = clone(obj);
    const node = get(copy, at);
    if (Array.isArray(node)) {
      // An item of another shape: an object in a list of strings, or an object with a field of its own.
      const item = node.find((x) => x !== null && typeof x === 'object');
      node.push(item ? { ...clone(item), nksUnknownField: 1 } : { nksUnknownField: 1 });
      out.push({ what: `odd item in ${where}`, object: copy });
    } else {
      node.nksUnknownField = 'x';
      out.push({ what: `unknown field in ${where}`, object: copy });
      // An object nested where the schema may know nothing below.
      const deeper = clone(obj);
      get(deeper, at).nksUnknownObject = { a: { b: 1 } };
      out.push({ what: `unknown object in ${where}`, object: deeper });
      // A scalar field turned into an object, and an object field turned into a list.
      const key = Object.keys(node).find((k) => k !== 'nksUnknownField');
      if (key !== undefined) {
        const retyped = clone(obj);
        const target = get(retyped, at);
        target[key] = target[key] !== null && typeof target[key] === 'object' ? [target[key]] : { value: target[key] };
        out.push({ what: `retyped ${where}.${key}`, object: retyped });
      }
    }
  }
  return out;
}

function validators(obj: Json) {
  const shortcut = findValidator(String(obj.apiVersion), String(obj.kind));
  const recording = findValidator(String(obj.apiVersion), String(obj.kind), { recordAlways: true });
  return shortcut && recording ? { shortcut, recording } : undefined;
}

const answer = (r: SchemaResult) => ({ errors: r.errors.map((e) => `${e.instancePath} ${e.keyword}`).sort(), unknown: r.unknownFields.map((f) => f.segments.join('.')).sort() });

describe('the schema check with and without its shortcut', () => {
  test('the examples have objects of many kinds to learn from', () => {
    expect(objects.length).toBeGreaterThan(100);
    expect(new Set(objects.map((o) => o.kind)).size).toBeGreaterThan(15);
  });

  test('clean objects: once a shape is seen, the next objects of that shape skip the recording run', () => {
    for (const obj of objects) validators(obj)?.shortcut(obj);
    const before = schemaRunCounts();
    for (const obj of objects) expect(answer(validators(obj)!.shortcut(obj))).toEqual({ errors: [], unknown: [] });
    const after = schemaRunCounts();
    expect(after.recorded - before.recorded).toBe(0);
    expect(after.direct - before.direct).toBe(objects.filter((o) => validators(o)).length);
  });

  test('on thousands of broken variants, the shortcut finds exactly what the recording run finds', () => {
    for (const obj of objects) validators(obj)?.shortcut(obj);
    let compared = 0;
    let broken = 0;
    const mismatches: string[] = [];
    for (const obj of objects) {
      const v = validators(obj);
      if (!v) continue;
      for (const { what, object } of variants(obj)) {
        const expected = answer(v.recording(object));
        const got = answer(v.shortcut(object));
        compared++;
        if (expected.errors.length || expected.unknown.length) broken++;
        if (JSON.stringify(got) !== JSON.stringify(expected)) mismatches.push(`${obj.kind} ${what}: ${JSON.stringify(got)} vs ${JSON.stringify(expected)}`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(compared).toBeGreaterThan(3000);
    // Nearly every variant is broken; the few that are not add a field where any key is allowed.
    expect(broken / compared).toBeGreaterThan(0.8);
  });

  test('after the broken variants, clean objects still pass and an unknown field is still found', () => {
    for (const obj of objects) {
      const v = validators(obj);
      if (!v) continue;
      expect(answer(v.shortcut(obj))).toEqual({ errors: [], unknown: [] });
      const bad = { ...clone(obj), spek: 1 };
      expect(answer(v.shortcut(bad)).unknown).toEqual(['spek']);
    }
  });
});

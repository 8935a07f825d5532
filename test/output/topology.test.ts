// dependencyOrder (lib/output/topology.ts) puts constructs in the order cdk8s's DependencyGraph.topology()
// does, which decides chart order, file names and object order in dist/. Compared here on generated trees.
import * as fs from 'fs';
import * as path from 'path';
import { ApiObject, App, Chart, DependencyGraph } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { PlatformApp, ValidationError } from '../../lib';
import { dependencyOrder } from '../../lib/output/topology';
import { tmpdir } from '../helpers';

/** A small deterministic PRNG (mulberry32), so a failure names a seed that reproduces it. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Ids that JavaScript orders differently as object keys: array indexes ("0", "7", "10") and look-alikes that
// are not ("01", "-1", "1.5", "4294967295").
const TOP_IDS = ['0', '7', '10', '2', '01', '-1', '1.5', '4294967295', 'web', 'db', 'z', 'a'];

/** An App with charts (some nested), plain constructs and ApiObjects, and dependencies that form no cycle. */
function generate(seed: number): { app: App; outside: IConstruct } {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const app = new App();
  const created: IConstruct[] = [];
  const charts: Chart[] = [];
  const ids = [...TOP_IDS].sort(() => rnd() - 0.5).slice(0, 1 + Math.floor(rnd() * 5));
  for (const id of ids) charts.push(new Chart(app, id));
  // Something outside the app: cdk8s leaves dependencies on it out of the graph.
  const outside = new Construct(new App(), 'outside');
  const scopes: IConstruct[] = [...charts];
  const count = 5 + Math.floor(rnd() * 40);
  for (let i = 0; i < count; i++) {
    const scope = pick(scopes);
    const roll = rnd();
    const id = rnd() < 0.1 ? String(i) : `c${i}`;
    let c: IConstruct;
    if (roll < 0.15) {
      c = new Chart(scope as Construct, `chart${i}`);
      charts.push(c as Chart);
    } else if (roll < 0.6) {
      c = new ApiObject(scope as Construct, id, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `cm-${i}` } });
    } else {
      c = new Construct(scope as Construct, id);
    }
    scopes.push(c);
    created.push(c);
  }
  // Dependencies only from a later construct to an earlier one: no cycle.
  for (let i = 1; i < created.length; i++) {
    const deps = Math.floor(rnd() * 3);
    for (let d = 0; d < deps; d++) created[i].node.addDependency(created[Math.floor(rnd() * i)]);
    if (rnd() < 0.05) created[i].node.addDependency(outside);
  }
  return { app, outside };
}

describe('dependencyOrder', () => {
  test('orders every generated tree as cdk8s DependencyGraph.topology() does, from the app and from each chart', () => {
    let compared = 0;
    let withIndexIds = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const { app } = generate(seed);
      const roots: IConstruct[] = [app, ...app.node.findAll().filter((c) => c instanceof Chart)];
      for (const root of roots) {
        const expected = new DependencyGraph(root.node).topology().map((c) => c.node.path);
        const actual = dependencyOrder(root).map((c) => c.node.path);
        if (actual.join('\n') !== expected.join('\n')) throw new Error(`seed ${seed}, root "${root.node.path}": order differs\n${actual.join(', ')}\nvs cdk8s\n${expected.join(', ')}`);
        compared++;
      }
      if (app.node.children.some((c) => /^(0|[1-9]\d*)$/.test(c.node.id))) withIndexIds++;
    }
    expect(compared).toBeGreaterThan(600);
    // The generator does reach the case where key order differs from tree order.
    expect(withIndexIds).toBeGreaterThan(50);
  });

  test('a top-level chart whose id is an array index comes first, as cdk8s orders it (not in tree order)', () => {
    const app = new App();
    new Chart(app, 'b');
    new Chart(app, '10');
    new Chart(app, '2');
    expect(dependencyOrder(app).map((c) => c.node.path)).toEqual(['2', '10', '', 'b']);
  });

  test('a dependency cycle is a ValidationError naming the constructs in it', () => {
    const app = new App();
    const chart = new Chart(app, 'c');
    const a = new Construct(chart, 'a');
    const b = new Construct(chart, 'b');
    const x = new Construct(chart, 'x');
    a.node.addDependency(b);
    b.node.addDependency(x);
    x.node.addDependency(a);
    let error: unknown;
    try {
      dependencyOrder(chart);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    const v = error as ValidationError;
    expect(v.field).toBe('dependencies');
    expect(v.value).toBe('c/a => c/b => c/x => c/a');
    expect(v.path).toBe('c/a');
    expect(v.fix).toMatch(/remove one of the dependencies/);
  });

  test('a cycle that nothing outside it leads to is found too', () => {
    const app = new App();
    const chart = new Chart(app, 'c');
    const a = new Construct(chart, 'a');
    const b = new Construct(chart, 'b');
    // Each of a and b is depended on, so neither is a starting point of the walk.
    a.node.addDependency(b);
    b.node.addDependency(a);
    expect(() => dependencyOrder(app)).toThrow(/c\/a => c\/b => c\/a/);
  });

  test('synth refuses a dependency cycle between objects with the ValidationError, and writes nothing', () => {
    const dir = tmpdir();
    const app = new PlatformApp({ outdir: path.join(dir, 'out'), k8sOutdir: path.join(dir, 'dist'), log: () => undefined });
    const chart = new Chart(app.k8s, 'web');
    const first = new ApiObject(chart, 'first', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'first' } });
    const second = new ApiObject(chart, 'second', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'second' } });
    first.node.addDependency(second);
    second.node.addDependency(first);
    expect(() => app.synth()).toThrow(ValidationError);
    expect(() => app.synth()).toThrow(/web\/first => web\/second => web\/first/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

// The order cdk8s's synth puts constructs in: `new DependencyGraph(root.node).topology()`, computed without
// building cdk8s's graph. cdk8s keys a vertex per construct by its path, gives each two Sets, and searches for
// a cycle on every edge it adds; at thousands of objects that was most of the time PlatformApp spent ordering
// charts and objects (`npm run bench`). The order is the same (test/output/topology.test.ts compares the two
// on generated trees with dependencies, nested charts and numeric ids); a cycle is a ValidationError naming
// the constructs in it, where cdk8s throws a bare Error from inside its graph.
import { IConstruct } from 'constructs';
import { ValidationError } from '../model/errors';

/**
 * `root` and every construct under it, dependencies before their dependants, in the order
 * `DependencyGraph(root.node).topology()` of cdk8s returns them. `all` is `root.node.findAll()` when the
 * caller has it already. Only dependencies between constructs under `root` count.
 */
export function dependencyOrder(root: IConstruct, all: readonly IConstruct[] = root.node.findAll()): IConstruct[] {
  const inGraph = new Set(all);
  // Edges in cdk8s's order: constructs in tree order, each one's dependencies in the order they were added.
  const edges = new Map<IConstruct, Set<IConstruct>>();
  const dependedOn = new Set<IConstruct>();
  for (const source of all) {
    for (const target of source.node.dependencies) {
      if (!inGraph.has(target)) continue;
      let targets = edges.get(source);
      if (!targets) edges.set(source, (targets = new Set()));
      targets.add(target);
      dependedOn.add(target);
    }
  }
  const order: IConstruct[] = [];
  const done = new Set<IConstruct>();
  const route: IConstruct[] = [];
  const visit = (c: IConstruct): void => {
    if (done.has(c)) return;
    const at = route.indexOf(c);
    if (at >= 0) throw cycleError([...route.slice(at), c]);
    route.push(c);
    for (const target of edges.get(c) ?? []) visit(target);
    route.pop();
    done.add(c);
    order.push(c);
  };
  // cdk8s starts from the constructs nothing depends on, in the order of its vertex table: a plain object keyed
  // by path, so paths that are array indexes (a top-level construct with an id like "0") come first, by number.
  for (const c of vertexTableOrder(all)) if (!dependedOn.has(c)) visit(c);
  // Constructs only reachable through a cycle (every one depended on) are not reached from any start.
  for (const c of all) visit(c);
  return order;
}

/** `all` in the order of a plain object's keys if each construct were put in under its path. */
function vertexTableOrder(all: readonly IConstruct[]): readonly IConstruct[] {
  // A path without "/" is a top-level construct's id (or "" for the root); only those can be array indexes.
  const indexed = all.filter((c) => c.node.scope !== undefined && c.node.scope.node.scope === undefined && isArrayIndex(c.node.id));
  if (indexed.length === 0) return all;
  const first = new Set(indexed);
  return [...indexed.sort((a, b) => Number(a.node.id) - Number(b.node.id)), ...all.filter((c) => !first.has(c))];
}

/** Whether `key` is an array index, which JavaScript orders before every other key of an object. */
function isArrayIndex(key: string): boolean {
  const n = Number(key);
  return Number.isInteger(n) && n >= 0 && n < 2 ** 32 - 1 && String(n) === key;
}

function cycleError(cycle: readonly IConstruct[]): ValidationError {
  const paths = cycle.map((c) => c.node.path || '(app)');
  return new ValidationError({
    path: paths[0],
    field: 'dependencies',
    value: paths.join(' => '),
    rule: 'construct dependencies (node.addDependency, and those cdk8s infers between charts) form a cycle, so there is no order to apply these objects in',
    fix: `remove one of the dependencies in the cycle ${paths.join(' => ')}`,
  });
}

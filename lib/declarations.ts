// Declarations a construct inherits from itself and the constructs above it, the nearest one per key: policy
// suppressions (lib/policy/suppressions.ts, by rule id) and warning acknowledgements (lib/warnings.ts, by
// warning id) both cover a construct and everything under it, and a declaration lower down wins.
import { IConstruct } from 'constructs';

/** Per construct, the declarations that apply to it by key. */
export type DeclarationMemo<T> = Map<IConstruct, ReadonlyMap<string, T>>;

/**
 * The declarations that apply to `construct`, by key: its own (`declaredOn(construct)`) over its ancestors',
 * the nearest per `keyOf`. Pass one `memo` to many calls over a tree that does not change, and each
 * construct's are worked out once (constructs without declarations share their parent's map).
 */
export function nearestDeclarations<T>(
  construct: IConstruct,
  declaredOn: (construct: IConstruct) => readonly T[],
  keyOf: (declaration: T) => string,
  memo: DeclarationMemo<T>,
): ReadonlyMap<string, T> {
  const known = memo.get(construct);
  if (known) return known;
  const parent = construct.node.scope;
  const above = parent ? nearestDeclarations(parent, declaredOn, keyOf, memo) : new Map<string, T>();
  const own = declaredOn(construct);
  let byKey = above;
  if (own.length) {
    const merged = new Map(above);
    for (const d of own) merged.set(keyOf(d), d);
    byKey = merged;
  }
  memo.set(construct, byKey);
  return byKey;
}

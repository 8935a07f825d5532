// What `PlatformApp.synth()` caches while it runs, in one place and by name, instead of replacing methods of
// cdk8s's objects. From validation on the Kubernetes tree no longer changes (validations only read it;
// policies stamp their suppression annotations on an object before anything renders it), so:
//  - `constructsUnder(scope)` walks a tree once per construct order: validation (every construct's own, which
//    look across the whole tree for claims, controllers, config maps), policies, checks and the writer all
//    ask for the list of constructs, a dozen walks of the same tree;
//  - `renderedJson(apiObject)` renders each object once: the policy rules, the cross-layer checks, the
//    manifest check, the workloads stack and the writer would each call `toJson()` (token resolution and the
//    cdk8s-plus → Kubernetes conversion), about half of synth's time. Every consumer only reads the result;
//    the workloads stack deep-copies it before changing it.
// Outside synth (or for a tree synth does not cache) both do what cdk8s does: walk and render every time.
import { ApiObject } from 'cdk8s';
import { ConstructOrder, IConstruct } from 'constructs';

// Walks of the trees being synthesized, by root and construct order.
const walks = new WeakMap<IConstruct, Map<ConstructOrder | undefined, readonly IConstruct[]>>();
// Renderings of the objects under the trees being synthesized, and how synth renders one; a root is in the map
// while its renders are cached.
const renders = new WeakMap<IConstruct, { readonly render: (apiObject: ApiObject) => unknown; readonly json: Map<ApiObject, unknown> }>();

/**
 * The constructs under `scope` (itself first), as `scope.node.findAll(order)` lists them. While synth caches the
 * walks of the tree `scope` roots, every call for the same order returns the same list.
 */
export function constructsUnder(scope: IConstruct, order?: ConstructOrder): readonly IConstruct[] {
  const cached = walks.get(scope);
  if (!cached) return scope.node.findAll(order);
  let found = cached.get(order);
  if (!found) cached.set(order, (found = scope.node.findAll(order)));
  return found;
}

/**
 * What `apiObject.toJson()` returns. While synth caches the renders of its tree, each object is rendered once,
 * the way synth renders (which turns an error from inside cdk8s into a ValidationError).
 */
export function renderedJson(apiObject: ApiObject): unknown {
  const cached = renders.get(apiObject.node.root);
  if (!cached) return apiObject.toJson();
  if (cached.json.has(apiObject)) return cached.json.get(apiObject);
  const json = cached.render(apiObject);
  cached.json.set(apiObject, json);
  return json;
}

/** Caches the walks of the tree under `root` until the returned function is called. */
export function cacheWalks(root: IConstruct): () => void {
  walks.set(root, new Map());
  return () => {
    walks.delete(root);
  };
}

/**
 * Caches the renders of the objects under `root`, each made by `render` (from the object's `toJson()`), until the
 * returned function is called.
 */
export function cacheRenders(root: IConstruct, render: (apiObject: ApiObject) => unknown): () => void {
  renders.set(root, { render, json: new Map() });
  return () => {
    renders.delete(root);
  };
}

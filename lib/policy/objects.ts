// Reading Kubernetes objects defensively for policy rules: a rule never throws on an odd object (the strict
// schema check reports malformed ones); it only looks at the values that have the expected shape.
import { fieldPath } from '../checks/kubernetes-formats';
import { isObj, list, Obj } from '../checks/kubernetes-rules';
import { CONTAINER_LISTS, ContainerList, podSpecOf } from '../model/pod-templates';
import { KubeObject } from './types';

export { fieldPath, isObj, list, podSpecOf };
export type { Obj };

/** A string field of an object, or undefined. */
export function str(obj: unknown, key: string): string | undefined {
  return isObj(obj) && typeof obj[key] === 'string' ? obj[key] : undefined;
}

/** The object's `metadata`, or an empty object. */
export function metadataOf(obj: KubeObject): Obj {
  return isObj(obj.metadata) ? obj.metadata : {};
}

/** Labels and annotations of `meta` as string maps (other values are skipped). */
export function stringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (isObj(value)) for (const [k, v] of Object.entries(value)) if (typeof v === 'string') out[k] = v;
  return out;
}

/** Where a container sits: its pod spec list and index. */
export interface ContainerAt {
  readonly container: Obj;
  /** `containers`, `initContainers` or `ephemeralContainers`. */
  readonly group: ContainerList;
  /** Field path of the container, e.g. `spec.template.spec.containers[0]`. */
  readonly path: string;
}

// Per object and list: several rules ask for the containers of every object (the rendered objects the rules
// see do not change while they run, and callers get the lists read-only).
const containersByObject = new WeakMap<KubeObject, ReadonlyMap<ContainerList, readonly ContainerAt[]>>();

function containerListsOf(obj: KubeObject): ReadonlyMap<ContainerList, readonly ContainerAt[]> {
  let lists = containersByObject.get(obj);
  if (!lists) {
    const pod = podSpecOf(obj);
    lists = new Map(
      pod ? CONTAINER_LISTS.map((group) => [group, list(pod.spec[group]).flatMap((c, i) => (isObj(c) ? [{ container: c, group, path: fieldPath(fieldPath(pod.path, group), i) }] : []))]) : [],
    );
    containersByObject.set(obj, lists);
  }
  return lists;
}

/** The containers of the object's pod spec, in `groups` order. */
export function containersOf(obj: KubeObject, groups: readonly ContainerList[] = ['initContainers', 'containers']): readonly ContainerAt[] {
  const lists = containerListsOf(obj);
  return groups.flatMap((group) => lists.get(group) ?? []);
}

/** `container "name"` for messages. */
export function containerLabel(c: ContainerAt): string {
  const name = str(c.container, 'name');
  const kind = c.group === 'initContainers' ? 'init container' : c.group === 'ephemeralContainers' ? 'ephemeral container' : 'container';
  return name ? `${kind} ${JSON.stringify(name)}` : kind;
}

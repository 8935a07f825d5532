// Gap-fillers for cdk8s-plus-28: what its Pod and workload classes cannot express (extended resources such
// as nvidia.com/gpu, a plain nodeSelector, several image pull secrets, Deployment revisionHistoryLimit).
// Every JSON patch nks-cdk puts on a cdk8s-plus object is written here and nowhere else.
import { ApiObject, JsonPatch } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { at, atIndex, fail, Where } from '../model/errors';
import { checkDnsSubdomain, checkLabelKey, checkLabelValue } from '../model/names';
import { NVIDIA_GPU } from '../model/gpu';
import { checkIntegerInRange } from '../model/numbers';
import { NodePlacement, Taint } from '../model/placement';
import { podTemplateLocation } from '../model/pod-templates';
import { checkBuilt } from '../problems';
import { checkWholeNumber, INT32_MAX } from './container';
import { whereOf } from '../where';

/** Any cdk8s-plus workload with a pod spec: Pod, Deployment, StatefulSet, Job, DaemonSet, CronJob. */
export type PodSpecOwner = kplus.Pod | kplus.Workload;

/** Anything that names a Secret usable as an image pull secret. */
export interface IPullSecret {
  /** The Secret's name in the pod's namespace. */
  readonly name: string;
}

/** Pod-level options every nks-cdk workload accepts; see {@link applyPodOptions}. */
export interface PodOptions {
  /**
   * Secrets the kubelet uses to pull the images, several allowed (cdk8s-plus takes only one).
   * @default - none (public images)
   */
  readonly imagePullSecrets?: IPullSecret[];
  /**
   * Run the pods on one node group: its node selector, plus a toleration for its taint.
   * @default - any node
   */
  readonly placement?: NodePlacement;
  /**
   * Extra node labels the pods' node must carry (`spec.nodeSelector`), merged with the placement's.
   * @default - none
   */
  readonly nodeSelector?: Record<string, string>;
  /**
   * Taints the pods tolerate, besides the placement's.
   * @default - none
   */
  readonly tolerations?: Taint[];
}

/** Options of {@link addExtendedResource}. */
export interface ExtendedResourceOptions {
  /**
   * The container that asks for the resource.
   * @default the workload's first container
   */
  readonly container?: kplus.Container;
  /**
   * Also write `requests`. Kubernetes copies an extended resource's limit into its request when the
   * request is absent (they must be equal), so the limit alone is the usual form, as in the guide.
   * @default false
   */
  readonly request?: boolean;
  /**
   * Where the count came from, for errors.
   * @default the workload's path, field `resources.limits.<resource>`
   */
  readonly where?: Where;
}

// Patches nks-cdk already added per API object: which containers it created (so a second call adds into
// them instead of replacing what the first call wrote).
const created = new WeakMap<ApiObject, Set<string>>();

/** Escapes one JSON-pointer segment (RFC 6901): `nvidia.com/gpu` → `nvidia.com~1gpu`. */
export function pointerSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** JSON pointer to the pod spec inside the object cdk8s-plus renders for `owner`. */
export function podSpecPointer(owner: PodSpecOwner): string {
  const template = podTemplateLocation(ApiObject.of(owner).kind)?.template ?? ['spec', 'template'];
  return `/${[...template, 'spec'].join('/')}`;
}

/**
 * Makes sure `pointer` exists in the rendered object: adds an empty container there unless cdk8s-plus
 * renders one (`renderedByKplus`) or an earlier call already added it. JSON patch `add` fails on a missing
 * parent and replaces an existing member, so both cases matter.
 */
function ensure(obj: ApiObject, pointer: string, renderedByKplus: boolean, empty: object): void {
  const done = created.get(obj) ?? new Set<string>();
  created.set(obj, done);
  if (renderedByKplus || done.has(pointer)) return;
  obj.addJsonPatch(JsonPatch.add(pointer, empty));
  done.add(pointer);
}

/**
 * Adds an extended resource (e.g. `nvidia.com/gpu`) to a container's `resources.limits` (and optionally
 * `requests`). cdk8s-plus-28's `ContainerResources` knows only cpu, memory and ephemeral-storage.
 *
 * Why a Quantity: the L1 classes serialize `limits`/`requests` after JSON patches are applied and keep only
 * each entry's `.value`, so a plain number (`JsonPatch.add(..., 1)`) silently disappears, while
 * `k8s.Quantity.fromNumber(1)` renders as `nvidia.com/gpu: 1`.
 */
export function addExtendedResource(owner: PodSpecOwner, resource: string, count: number, options: ExtendedResourceOptions = {}): void {
  const where = options.where ?? whereOf(owner, `resources.limits.${resource}`);
  checkLabelKey(resource, where);
  checkIntegerInRange(count, where, { min: 1, max: INT32_MAX }, `${resource} (an extended resource, which cannot be fractional or overcommitted)`);
  const containers = owner.containers;
  const container = options.container ?? containers[0];
  const index = containers.indexOf(container);
  if (index < 0) {
    fail(where, options.container?.name, 'the container must belong to the workload', 'add the container first, or omit `container` for the first one');
  }
  const obj = ApiObject.of(owner);
  const base = `${podSpecPointer(owner)}/containers/${index}/resources`;
  // Mirror of cdk8s-plus's Container._toKube: which of resources/limits/requests it renders.
  const r = container.resources ?? {};
  const hasLimits = Boolean(r.cpu?.limit || r.memory?.limit || r.ephemeralStorage?.limit);
  const hasRequests = Boolean(r.cpu?.request || r.memory?.request || r.ephemeralStorage?.request);
  ensure(obj, base, hasLimits || hasRequests, {});
  const quantity = kplus.k8s.Quantity.fromNumber(count);
  const branches: [string, boolean][] = [['limits', hasLimits]];
  if (options.request) branches.push(['requests', hasRequests]);
  for (const [branch, rendered] of branches) {
    ensure(obj, `${base}/${branch}`, rendered, {});
    obj.addJsonPatch(JsonPatch.add(`${base}/${branch}/${pointerSegment(resource)}`, quantity));
  }
}

/** The GPUs a container asks for: `nvidia.com/gpu: <count>` in its limits. */
export function addGpuLimit(owner: PodSpecOwner, count: number, options: ExtendedResourceOptions = {}): void {
  addExtendedResource(owner, NVIDIA_GPU, count, options);
}

/** Adds labels to the pod spec's `nodeSelector` (cdk8s-plus-28 has node affinity only). Keys and values are validated. */
export function addNodeSelector(owner: PodSpecOwner, labels: Readonly<Record<string, string>>, where: Where = whereOf(owner, 'nodeSelector')): void {
  const obj = ApiObject.of(owner);
  const pointer = `${podSpecPointer(owner)}/nodeSelector`;
  const selected = nodeSelectors.get(obj) ?? {};
  nodeSelectors.set(obj, selected);
  for (const [key, value] of Object.entries(labels)) {
    checkLabelKey(key, at(where, key));
    checkLabelValue(value, at(where, key));
    if (selected[key] === value) continue;
    if (selected[key] !== undefined) {
      fail(at(where, key), value, `the pods already select nodes with ${key}=${selected[key]}; no node has both values`, 'select one value per label key (check placement and nodeSelector together)');
    }
    ensure(obj, pointer, false, {});
    obj.addJsonPatch(JsonPatch.add(`${pointer}/${pointerSegment(key)}`, value));
    selected[key] = value;
  }
}

const nodeSelectors = new WeakMap<ApiObject, Record<string, string>>();

/** The node selector nks-cdk put on a workload's pods. */
export function nodeSelectorOf(owner: PodSpecOwner): Readonly<Record<string, string>> {
  return { ...nodeSelectors.get(ApiObject.of(owner)) };
}

/**
 * Adds image pull secrets to the pod spec, several allowed (cdk8s-plus-28's `dockerRegistryAuth` takes one).
 * Names are validated as DNS subdomains; a name already present is not repeated.
 */
export function addImagePullSecrets(owner: PodSpecOwner, secrets: readonly IPullSecret[], where: Where = whereOf(owner, 'imagePullSecrets')): void {
  const existing = owner.dockerRegistryAuth?.name;
  appendPullSecrets(ApiObject.of(owner), `${podSpecPointer(owner)}/imagePullSecrets`, existing === undefined ? [] : [existing], secrets, where);
}

/** Adds image pull secrets to a ServiceAccount's `imagePullSecrets` (cdk8s-plus-28's ServiceAccount has no such prop). */
export function addServiceAccountPullSecrets(account: kplus.ServiceAccount, secrets: readonly IPullSecret[], where: Where = whereOf(account, 'imagePullSecrets')): void {
  appendPullSecrets(ApiObject.of(account), '/imagePullSecrets', [], secrets, where);
}

const pullSecretNames = new WeakMap<ApiObject, string[]>();

function appendPullSecrets(obj: ApiObject, pointer: string, renderedByKplus: readonly string[], secrets: readonly IPullSecret[], where: Where): void {
  const names = pullSecretNames.get(obj) ?? [...renderedByKplus];
  pullSecretNames.set(obj, names);
  secrets.forEach((secret, i) => {
    const name = checkDnsSubdomain(secret.name, atIndex(where, i));
    if (names.includes(name)) return;
    ensure(obj, pointer, renderedByKplus.length > 0, []);
    obj.addJsonPatch(JsonPatch.add(`${pointer}/-`, { name }));
    names.push(name);
  });
}

/** The image pull secret names nks-cdk and cdk8s-plus put on an object, in order. */
export function imagePullSecretNames(owner: PodSpecOwner | kplus.ServiceAccount): readonly string[] {
  const fromKplus = 'dockerRegistryAuth' in owner && owner.dockerRegistryAuth ? [owner.dockerRegistryAuth.name] : [];
  return pullSecretNames.get(ApiObject.of(owner)) ?? fromKplus;
}

/** Lets the pods tolerate a taint (cdk8s-plus does this well; this adds validation and the model's Taint type). */
export function addToleration(owner: PodSpecOwner, taint: Taint, where: Where = whereOf(owner, 'tolerations')): void {
  checkLabelKey(taint.key, at(where, 'key'));
  if (taint.value !== undefined) checkLabelValue(taint.value, at(where, 'value'));
  const effect = {
    NoSchedule: kplus.TaintEffect.NO_SCHEDULE,
    PreferNoSchedule: kplus.TaintEffect.PREFER_NO_SCHEDULE,
    NoExecute: kplus.TaintEffect.NO_EXECUTE,
  }[taint.effect];
  if (effect === undefined) {
    fail(at(where, 'effect'), taint.effect, 'a taint effect is NoSchedule, PreferNoSchedule or NoExecute', 'use one of those');
  }
  owner.scheduling.tolerate(
    kplus.Node.tainted(taint.value === undefined ? kplus.NodeTaintQuery.exists(taint.key, { effect }) : kplus.NodeTaintQuery.is(taint.key, taint.value, { effect })),
  );
}

/**
 * Places the pods on a node group handed over by the infrastructure layer: its node selector (which pins
 * its zone too) and a toleration for its taint, if it has one.
 */
export function placeOn(owner: PodSpecOwner, placement: NodePlacement, where: Where = whereOf(owner, 'placement')): void {
  checkBuilt(placement, where, 'the node group');
  addNodeSelector(owner, placement.nodeSelector, at(where, 'nodeSelector'));
  if (placement.taint) addToleration(owner, placement.taint, at(where, 'taint'));
  placements.set(owner, { placement, where });
}

const placements = new WeakMap<PodSpecOwner, { readonly placement: NodePlacement; readonly where: Where }>();

/**
 * The node group a workload was placed on with {@link placeOn}, and where the placement was given (for
 * errors): storage checks compare it with the zone of the volumes the pods mount.
 */
export function placementOf(owner: PodSpecOwner): { readonly placement: NodePlacement; readonly where: Where } | undefined {
  return placements.get(owner);
}

/** Applies {@link PodOptions} to a workload; `where` names the construct whose props they are. */
export function applyPodOptions(owner: PodSpecOwner, options: PodOptions, where: Where): void {
  if (options.imagePullSecrets?.length) addImagePullSecrets(owner, options.imagePullSecrets, at(where, 'imagePullSecrets'));
  if (options.placement) placeOn(owner, options.placement, at(where, 'placement'));
  if (options.nodeSelector) addNodeSelector(owner, options.nodeSelector, at(where, 'nodeSelector'));
  (options.tolerations ?? []).forEach((t, i) => addToleration(owner, t, at(where, `tolerations[${i}]`)));
}

/**
 * Sets a Deployment's `revisionHistoryLimit`: how many old ReplicaSets Kubernetes keeps for
 * `kubectl rollout undo`. cdk8s-plus-28 does not expose it.
 */
export function setRevisionHistoryLimit(deployment: kplus.Deployment, limit: number, where: Where = whereOf(deployment, 'revisionHistoryLimit')): void {
  checkWholeNumber(limit, where, 'revisionHistoryLimit');
  ApiObject.of(deployment).addJsonPatch(JsonPatch.add('/spec/revisionHistoryLimit', limit));
}

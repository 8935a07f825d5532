// Where each workload kind keeps its pod template, and how many pods it runs at once: the one table the
// API-server rules, the policy rules, the secret scan, the cross-layer checks and the diagram read.
// Source: the Kubernetes API reference (k8s.io/api): core/v1 Pod (metadata + spec), PodTemplate (template),
// ReplicationController, apps/v1 Deployment, ReplicaSet, StatefulSet, DaemonSet (spec.template), batch/v1 Job
// (spec.template, spec.parallelism) and CronJob (spec.jobTemplate.spec.template). spec.replicas and
// spec.parallelism default to 1. A DaemonSet has no spec.replicas: it runs one pod on every node its node
// selector and affinity allow (apps/v1 DaemonSetSpec).

import { isObj } from './json';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

/**
 * How many pods a kind runs at once: always `fixed` (a Pod runs itself; a PodTemplate is only a template), the
 * whole number `at` a path of the object (default 1), or one per matching node (a DaemonSet).
 */
export type PodCount = { readonly fixed: number } | { readonly at: readonly string[] } | 'per-node';

/** Where a kind keeps its pod template and how many pods it runs. */
export interface PodTemplateLocation {
  /** Keys from the object to its pod template (metadata and spec); none for a Pod, which is itself one. */
  readonly template: readonly string[];
  /** How many pods run at once. */
  readonly pods: PodCount;
}

const TEMPLATE = ['spec', 'template'] as const;
const REPLICAS: PodCount = { at: ['spec', 'replicas'] };

/**
 * Every kind with a pod template. The order is the order {@link POD_SPEC_PATHS} lists the distinct shapes
 * in: Pod, workloads, CronJob, PodTemplate.
 */
export const POD_TEMPLATES: Readonly<Record<string, PodTemplateLocation>> = Object.freeze({
  Pod: { template: [], pods: { fixed: 1 } },
  Deployment: { template: TEMPLATE, pods: REPLICAS },
  ReplicaSet: { template: TEMPLATE, pods: REPLICAS },
  StatefulSet: { template: TEMPLATE, pods: REPLICAS },
  ReplicationController: { template: TEMPLATE, pods: REPLICAS },
  DaemonSet: { template: TEMPLATE, pods: 'per-node' },
  Job: { template: TEMPLATE, pods: { at: ['spec', 'parallelism'] } },
  CronJob: { template: ['spec', 'jobTemplate', 'spec', 'template'], pods: { at: ['spec', 'jobTemplate', 'spec', 'parallelism'] } },
  PodTemplate: { template: ['template'], pods: { fixed: 0 } },
});

/**
 * The keys to every pod spec shape of {@link POD_TEMPLATES} (`spec`, `spec.template.spec`,
 * `spec.jobTemplate.spec.template.spec`, `template.spec`), for readers that look at any kind of these shapes.
 */
export const POD_SPEC_PATHS: readonly (readonly string[])[] = Object.freeze(
  [...new Map(Object.values(POD_TEMPLATES).map((l) => [[...l.template, 'spec'].join('.'), [...l.template, 'spec']])).values()],
);


/** Where `kind` keeps its pod template; undefined for a kind without one. */
export function podTemplateLocation(kind: unknown): PodTemplateLocation | undefined {
  return typeof kind === 'string' && Object.prototype.hasOwnProperty.call(POD_TEMPLATES, kind) ? POD_TEMPLATES[kind] : undefined;
}

/** Whether objects of `kind` run pods (a kind of {@link POD_TEMPLATES} other than PodTemplate). */
export function runsPods(kind: unknown): boolean {
  const pods = podTemplateLocation(kind)?.pods;
  return pods !== undefined && !(typeof pods === 'object' && 'fixed' in pods && pods.fixed === 0);
}

function valueAt(obj: unknown, keys: readonly string[]): unknown {
  let node = obj;
  for (const key of keys) node = isObj(node) ? node[key] : undefined;
  return node;
}

/** The pod template of a Kubernetes object (the object itself for a Pod) and its keys, when it is an object. */
export function podTemplateOf(obj: unknown): { readonly template: Json; readonly keys: readonly string[] } | undefined {
  const location = podTemplateLocation(isObj(obj) ? obj.kind : undefined);
  if (!location) return undefined;
  const template = valueAt(obj, location.template);
  return isObj(template) ? { template, keys: location.template } : undefined;
}

/**
 * The lists of a pod spec that hold containers, in the order the API server checks them (core/v1 PodSpec:
 * initContainers, containers, ephemeralContainers).
 */
export const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'] as const;

/** One of {@link CONTAINER_LISTS}. */
export type ContainerList = (typeof CONTAINER_LISTS)[number];

/** A pod spec found in an object, and its field path. */
export interface PodSpecAt {
  readonly spec: Json;
  /** Field path of the spec, e.g. `spec.template.spec`. */
  readonly path: string;
}

/** The pod spec of a Pod, PodTemplate or workload (Deployment, StatefulSet, Job, CronJob, ...), when it is an object. */
export function podSpecOf(obj: unknown): PodSpecAt | undefined {
  const found = podTemplateOf(obj);
  if (!found || !isObj(found.template.spec)) return undefined;
  return { spec: found.template.spec, path: [...found.keys, 'spec'].join('.') };
}

/**
 * How many pods the object runs at once: a number, `'per-node'` for a DaemonSet (one on each node it may
 * run on), undefined for a kind without a pod template.
 */
export function podsOf(obj: unknown): number | 'per-node' | undefined {
  const pods = podTemplateLocation(isObj(obj) ? obj.kind : undefined)?.pods;
  if (pods === undefined || pods === 'per-node') return pods;
  if ('fixed' in pods) return pods.fixed;
  const value = valueAt(obj, pods.at);
  return typeof value === 'number' ? value : 1;
}

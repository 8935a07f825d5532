// Rules on pod specs: pinned images, resource requests, probes.
import { containerLabel, containersOf, fieldPath, isObj, str } from './objects';
import { CONTAINER_LISTS } from '../model/pod-templates';
import { KubeObject, PolicyProblem, PolicyRule } from './types';

/**
 * Why `image` is not pinned, or undefined when it is: a digest pins it; otherwise it needs a tag that is
 * not `latest`. The tag is what follows the last `:` after the last `/`, so a registry port
 * (`registry:5000/app`) is not mistaken for one.
 */
export function unpinnedImageProblem(image: string): string | undefined {
  if (/@sha256:[0-9a-f]{64}$/.test(image)) return undefined;
  if (image.includes('@')) return `image ${JSON.stringify(image)} has a digest that is not sha256:<64 hex digits>`;
  const name = image.slice(image.lastIndexOf('/') + 1);
  const colon = name.indexOf(':');
  if (colon < 0) return `image ${JSON.stringify(image)} has no tag, so the node pulls "latest": whatever was pushed last`;
  if (name.slice(colon + 1) === 'latest') return `image ${JSON.stringify(image)} uses the tag "latest", which moves with every push`;
  return undefined;
}

/** NKS-IMG-1: every container image pinned by a tag other than `latest`, or by a digest. */
export const IMAGE_PINNED: PolicyRule = {
  id: 'NKS-IMG-1',
  level: 'error',
  explanation:
    'An untagged or "latest" image changes whenever someone pushes: replicas started on different days run different code, ' +
    'a rollback restores nothing, and the manifest no longer says what runs.',
  fix: 'Pin the image by a version tag (nginx:1.27.3) or, better, a digest (nginx@sha256:...).',
  checkManifest: (obj) =>
    containersOf(obj, CONTAINER_LISTS).flatMap((c): PolicyProblem[] => {
      const image = str(c.container, 'image');
      const problem = image === undefined ? undefined : unpinnedImageProblem(image);
      return problem ? [{ message: `${containerLabel(c)}: ${problem}`, field: fieldPath(c.path, 'image') }] : [];
    }),
};

/** Whether the container asks for `resource` (a limit alone counts: Kubernetes then uses it as the request). */
function asksFor(container: Record<string, unknown>, resource: 'cpu' | 'memory'): boolean {
  const resources = isObj(container.resources) ? container.resources : {};
  return ['requests', 'limits'].some((k) => isObj(resources[k]) && resources[k][resource] !== undefined);
}

/** NKS-RES-1: every container states its cpu and memory requests. */
export const RESOURCES_SET: PolicyRule = {
  id: 'NKS-RES-1',
  level: 'warning',
  explanation:
    'Without cpu and memory requests the scheduler places pods as if they needed nothing: nodes get overcommitted, ' +
    'the pods are the first evicted under memory pressure (BestEffort), and the cluster autoscaler never adds a node for them.',
  fix: 'Set resources.requests.cpu and resources.requests.memory (e.g. WebApp resources: { cpu: { request: Cpu.millis(250) }, memory: { request: Size.mebibytes(256) } }).',
  checkManifest: (obj) =>
    containersOf(obj).flatMap((c): PolicyProblem[] => {
      const missing = (['cpu', 'memory'] as const).filter((r) => !asksFor(c.container, r));
      if (!missing.length) return [];
      return [{ message: `${containerLabel(c)} has no ${missing.join(' and ')} request`, field: fieldPath(c.path, 'resources') }];
    }),
};

// Long-running workloads whose rollouts and Service traffic depend on knowing when a pod is ready.
const PROBED_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet']);

/** NKS-PROBE-1: containers of Deployments, StatefulSets and DaemonSets have a readiness or liveness probe. */
export const PROBES_SET: PolicyRule = {
  id: 'NKS-PROBE-1',
  level: 'warning',
  explanation:
    'Without a readiness probe a pod gets Service traffic as soon as its process starts, and a rolling update counts a ' +
    'pod that cannot serve as available; without a liveness probe a hung process is never restarted.',
  fix: 'Add a readiness probe on the serving port (e.g. WebApp readiness: Probe.fromHttpGet("/healthz")), and a liveness probe where a hang is possible.',
  checkManifest: (obj: KubeObject) => {
    if (typeof obj.kind !== 'string' || !PROBED_KINDS.has(obj.kind)) return [];
    return containersOf(obj, ['containers']).flatMap((c): PolicyProblem[] => {
      if (c.container.readinessProbe !== undefined || c.container.livenessProbe !== undefined) return [];
      return [{ message: `${containerLabel(c)} of ${obj.kind} has no readiness or liveness probe`, field: c.path }];
    });
  },
};

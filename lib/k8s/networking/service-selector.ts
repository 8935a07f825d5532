// What a Service selects: its label selector, and, when the selector is a workload of this program (an
// nks-cdk WebApp, GpuDeployment or StatefulSet, or a cdk8s-plus workload), the checks that need the pods
// themselves: same namespace, and named target ports that the containers declare.
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { fail, Where } from '../../model/errors';
import { checkLabels, namespaceOf } from '../metadata';

/** A Service's `selector` prop: labels, or anything that selects pods (a workload). */
export type ServiceSelectorInput = Record<string, string> | kplus.IPodSelector;

/** The label selector a Service renders for `selector`; label expressions are refused (a Service has none). */
export function selectorOf(selector: ServiceSelectorInput | undefined, where: Where): Record<string, string> {
  if (selector === undefined) return {};
  // A workload's own selector (the guide's `app: nginx`) rather than cdk8s-plus's per-object address label,
  // which its toPodSelectorConfig() returns; the pods carry both.
  if (selector instanceof kplus.Workload && Object.keys(selector.matchLabels).length) return checkLabels(selector.matchLabels, where);
  if (isPodSelector(selector)) {
    const config = selector.toPodSelectorConfig().labelSelector._toKube();
    if (config.matchExpressions?.length) {
      fail(where, config.matchExpressions, 'a Service selects pods by labels only, not by label expressions', 'select a workload with plain pod labels, or give the labels');
    }
    return checkLabels(config.matchLabels ?? {}, where);
  }
  return checkLabels(selector, where);
}

function isPodSelector(selector: ServiceSelectorInput): selector is kplus.IPodSelector {
  return typeof (selector as kplus.IPodSelector).toPodSelectorConfig === 'function';
}

/**
 * The cdk8s-plus Pod or workload behind a selector, when it is one of this program: a cdk8s-plus Pod or
 * workload itself, or a construct whose default (`Resource`) child is one, as nks-cdk's WebApp,
 * GpuDeployment and StatefulSet are. Undefined for label maps and anything else.
 */
export function selectedPods(selector: ServiceSelectorInput | undefined): kplus.AbstractPod | undefined {
  if (selector instanceof kplus.AbstractPod) return selector;
  if (selector instanceof Construct && selector.node.defaultChild instanceof kplus.AbstractPod) return selector.node.defaultChild;
  return undefined;
}

/** A Service routes only to pods of its own namespace: fails at `where` (the selector) when the selected workload is in another. */
export function checkSelectedNamespace(pods: kplus.AbstractPod, serviceNamespace: string, where: Where): void {
  const podNamespace = namespaceOf(pods);
  if (podNamespace !== serviceNamespace) {
    fail(
      where,
      ownerPath(pods),
      `a Service selects pods of its own namespace only; the selected workload ${ownerPath(pods)} is in "${podNamespace}", the Service in "${serviceNamespace}"`,
      `create the Service in namespace "${podNamespace}" (an Ingress or client in another namespace reaches it as <service>.${podNamespace}.svc)`,
    );
  }
}

/** One Service port's target, as validated, with where it was given. */
export interface TargetPortRef {
  readonly targetPort: number | string;
  readonly where: Where;
}

/**
 * A named target port must be the name of a container port of the selected pods, or the Service has no
 * endpoints for it. Checked at synth, because containers and ports can be added after the Service is built.
 */
export function checkNamedTargetPorts(pods: kplus.AbstractPod, ports: readonly TargetPortRef[]): void {
  const names = pods.containers.flatMap((c) => c.ports.map((p) => p.name)).filter((n): n is string => n !== undefined);
  for (const { targetPort, where } of ports) {
    if (typeof targetPort !== 'string' || names.includes(targetPort)) continue;
    fail(
      where,
      targetPort,
      `the selected workload ${ownerPath(pods)} has no container port named "${targetPort}" (${names.length ? `its named ports are ${names.map((n) => `"${n}"`).join(', ')}` : 'it names no ports'}), so the Service would have no endpoints for it`,
      `name the container port, e.g. ports: [{ number: 8080, name: "${targetPort}" }], or target the port number`,
    );
  }
}

/** The construct to name in messages: the nks-cdk construct around a cdk8s-plus workload (its `Resource` child), else the workload. */
function ownerPath(pods: kplus.AbstractPod): string {
  const scope = pods.node.scope;
  return pods.node.id === 'Resource' && scope && scope.node.defaultChild === pods ? scope.node.path : pods.node.path;
}


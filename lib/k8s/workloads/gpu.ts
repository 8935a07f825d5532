import * as kplus from 'cdk8s-plus-28';
import { Construct, IConstruct } from 'constructs';
import { warn } from '../../warnings';
import { at, fail, Where } from '../../model/errors';
import { gpuCapacityOf, gpuFit, NVIDIA_GPU } from '../../model/gpu';
import { checkIntegerInRange } from '../../model/numbers';
import { NodePlacement } from '../../model/placement';
import { whereOf } from '../../where';
import { ContainerOptions, containerSpec, INT32_MAX } from '../container';
import { objectMeta } from '../metadata';
import { addGpuLimit, applyPodOptions, placeOn, PodOptions, PodSpecOwner } from '../pod-spec';
import { checkConfigMapReferences } from './references';
import { trackObjects } from '../unique-objects';
import { WebApp, WebAppProps } from './web-app';
import { checkBuilt, recordsProblems } from '../../problems';
import { checkChoice } from '../../model/choices';

/** GPU options of a workload. */
export interface GpuOptions {
  /**
   * GPUs per pod: the container's `nvidia.com/gpu` limit. A whole number ≥ 1; GPUs are not shared or split
   * between pods, and all of a pod's GPUs must be on one node.
   * @default 1
   */
  readonly gpus?: number;
  /**
   * The GPU node group (e.g. a `GpuNodeGroup`) to run on: its node selector and taint toleration. With it,
   * synth checks that a pod's GPUs fit on one node (error) and that all replicas fit in the group (warning).
   * @default - any node with a free GPU (NKS runs nvidia-device-plugin only on g2 node groups)
   */
  readonly placement?: NodePlacement;
}

/** Options of {@link addGpus}. */
export interface AddGpusOptions extends GpuOptions {
  /**
   * Pods that will run at once, for the capacity warning.
   * @default 1
   */
  readonly replicas?: number;
  /**
   * The container that asks for the GPUs.
   * @default the first container
   */
  readonly container?: kplus.Container;
  /**
   * The construct errors and warnings are reported on, with its field names.
   * @default the workload
   */
  readonly reportOn?: IConstruct;
}

/**
 * Gives any cdk8s-plus workload (Pod, Deployment, StatefulSet, Job, ...) GPUs: the `nvidia.com/gpu` limit,
 * and placement on a GPU node group. Errors when a pod asks for more GPUs than a node of the group has (it
 * could never be scheduled); warns when `replicas × gpus` exceeds the group's GPUs at its largest size (the
 * extra pods stay Pending). Returns the GPUs per pod.
 */
export function addGpus(owner: PodSpecOwner, options: AddGpusOptions = {}): number {
  const reportOn = options.reportOn ?? owner;
  const gpus = checkGpuCount(options.gpus ?? 1, whereOf(reportOn, 'gpus'));
  if (options.placement) {
    checkBuilt(options.placement, whereOf(reportOn, 'placement'), 'the node group');
    checkGpuCapacity(reportOn, gpus, options.replicas ?? 1, options.placement);
    placeOn(owner, options.placement, whereOf(reportOn, 'placement'));
  }
  addGpuLimit(owner, gpus, { container: options.container, where: whereOf(reportOn, 'gpus') });
  return gpus;
}

/** Validates a GPU count per pod (integer ≥ 1; GPUs cannot be split or shared between pods); returns it. */
export function checkGpuCount(gpus: number, where: Where): number {
  return checkIntegerInRange(gpus, where, { min: 1, max: INT32_MAX }, `GPUs per pod (${NVIDIA_GPU}, which cannot be fractional, zero or negative)`);
}

/**
 * The cross-layer GPU rules: the group is a GPU group, a pod fits on one node, the replicas fit in the group.
 * The cross-layer check at synth (lib/platform/cross-checks.ts) evaluates the last rule over every workload on
 * a group, and leaves out a workload alone whose construct carries this warning (`nks-cdk:gpuShortfall`).
 */
function checkGpuCapacity(reportOn: IConstruct, gpus: number, replicas: number, placement: NodePlacement): void {
  const fit = gpuFit({ perPod: gpus, pods: replicas }, gpuCapacityOf(placement));
  const perNode = fit.perNode as number;
  const plural = (n: number | undefined, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  switch (fit.shortfall) {
    case 'no-gpus':
      fail(whereOf(reportOn, 'placement'), placement.name, `node group ${placement.path} has no GPUs (NKS installs nvidia-device-plugin on g2 flavors only)`, 'place GPU workloads on a GpuNodeGroup (cluster.addGpuNodeGroup with a g2 flavor)');
    case 'pod-exceeds-node':
      fail(whereOf(reportOn, 'gpus'), gpus, `a pod's GPUs must be on one node, and nodes of ${placement.path} have ${plural(perNode, 'GPU')}: the pod could never be scheduled`, `ask for at most ${plural(perNode, 'GPU')} per pod, or use a flavor with more GPUs per node`);
    case 'pods-exceed-group':
      warn(
        reportOn,
        'nks-cdk:gpuShortfall',
        `${plural(replicas, 'pod')} × ${plural(gpus, 'GPU')} = ${fit.asked} GPUs, but node group "${placement.name}" has at most ${fit.available} ` +
          `(${plural(fit.maxNodes, 'node')} × ${perNode}): the extra pods stay Pending. Lower replicas or gpus, or raise the group's node count or autoscaler maximum.`,
      );
  }
}

/** Properties of a {@link GpuPod}. */
export interface GpuPodProps extends ContainerOptions, PodOptions, GpuOptions {
  /**
   * Pod name (a DNS subdomain), e.g. the guide's `resnet-gpu-pod`.
   * @default - a name cdk8s generates from the construct path
   */
  readonly name?: string;
  /**
   * Namespace.
   * @default - the chart's namespace
   */
  readonly namespace?: string;
  /**
   * Pod labels.
   * @default - none besides cdk8s-plus's address label
   */
  readonly labels?: Record<string, string>;
  /**
   * What happens when the container exits. The guide's pod uses Kubernetes' default (`Always`); a one-off
   * training run usually wants `Never` or `OnFailure`, or a Job.
   * @default kplus.RestartPolicy.ALWAYS
   */
  readonly restartPolicy?: kplus.RestartPolicy;
}

/**
 * A bare Pod with GPUs, like the guide's `resnet-gpu-pod` (NVIDIA's TensorFlow image running ResNet-50 on
 * one GPU). Container defaults as in {@link ContainerOptions}: NVIDIA's images run as root and write to the
 * root filesystem, and a default 2 GiB memory limit would kill training, so neither cdk8s-plus default
 * applies unless you set `hardened` or `resources`.
 */
@recordsProblems
export class GpuPod extends Construct {
  /** The cdk8s-plus Pod. */
  public readonly pod: kplus.Pod;
  /** GPUs the pod asks for. */
  public readonly gpus: number;

  /** Creates a Pod whose container gets `props.gpus` GPUs. */
  constructor(scope: Construct, id: string, props: GpuPodProps) {
    super(scope, id);
    const where = whereOf(this, '');
    const spec = containerSpec(props, where);
    this.pod = new kplus.Pod(this, 'Resource', {
      metadata: objectMeta({ name: props.name, namespace: props.namespace, labels: props.labels }, where),
      containers: [spec.container],
      securityContext: spec.podSecurityContext,
      // The Pod API's restart policies (RestartPolicy in pkg/apis/core/types.go), as cdk8s-plus-28 lists them.
      restartPolicy: props.restartPolicy === undefined ? undefined : checkChoice(props.restartPolicy, Object.values(kplus.RestartPolicy), at(where, 'restartPolicy'), 'a restart policy'),
    });
    applyPodOptions(this.pod, { ...props, placement: undefined }, where);
    this.gpus = addGpus(this.pod, { gpus: props.gpus, placement: props.placement, replicas: 1, reportOn: this });
    this.node.addValidation({
      validate: () => {
        checkConfigMapReferences(this.pod, where);
        return [];
      },
    });
    trackObjects(this);
  }
}

/** Properties of a {@link GpuDeployment}. */
export interface GpuDeploymentProps extends WebAppProps, GpuOptions {
  /**
   * Pods to run; each takes `gpus` GPUs.
   * @default 1
   */
  readonly replicas?: number;
}

/**
 * A Deployment whose pods each get `gpus` GPUs (e.g. a model server), optionally placed on a GPU node group.
 * Everything else is a {@link WebApp}. Defaults to one replica, since every replica holds GPUs.
 */
@recordsProblems
export class GpuDeployment extends WebApp {
  /** GPUs per pod. */
  public readonly gpus: number;

  /** Creates a Deployment whose pods each get `props.gpus` GPUs. */
  constructor(scope: Construct, id: string, props: GpuDeploymentProps) {
    // Placement is applied by addGpus, together with its GPU checks.
    super(scope, id, { ...props, replicas: props.replicas ?? 1, placement: undefined });
    this.gpus = addGpus(this.deployment, { gpus: props.gpus, placement: props.placement, replicas: this.replicas, reportOn: this });
  }
}

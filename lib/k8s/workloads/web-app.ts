import { Duration } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { warn } from '../../warnings';
import { at, fail, Where } from '../../model/errors';
import { NodePlacement } from '../../model/placement';
import { whereOf } from '../../where';
import { checkWholeNumber, ContainerOptions, containerSpec } from '../container';
import { checkLabels, checkSelectorLabels, namespaceOf, objectMeta } from '../metadata';
import { addImagePullSecrets, applyPodOptions, IPullSecret, placeOn, PodOptions, setRevisionHistoryLimit } from '../pod-spec';
import { checkConfigMapReferences, checkServiceAccountNamespace } from './references';
import { trackObjects } from '../unique-objects';
import { recordsProblems } from '../../problems';

/**
 * Seconds a Deployment may take to progress before it counts as failed (`progressDeadlineSeconds`): the
 * default of Kubernetes and cdk8s-plus, which WebApp keeps. `minReadySeconds` must stay below it.
 */
export const PROGRESS_DEADLINE_SECONDS = 600;

/** A count of pods (`1`) or a percentage of the replicas (`"25%"`). */
export type IntOrPercent = number | string;

/** How a rolling update replaces pods (seed 003 "Rolling Update"; `kubectl set image` starts one). */
export interface RollingUpdateOptions {
  /**
   * Pods that may exist above `replicas` during the update (a count, or a percentage rounded up).
   * @default '25%'
   */
  readonly maxSurge?: IntOrPercent;
  /**
   * Pods that may be unavailable during the update (a count, or a percentage rounded down, at most 100%).
   * Not 0 together with `maxSurge`.
   * @default '25%'
   */
  readonly maxUnavailable?: IntOrPercent;
}

/** How a Deployment replaces its pods when the pod template changes. */
export type UpdateStrategyType = 'RollingUpdate' | 'Recreate';

/** Properties of a {@link WebApp}. */
export interface WebAppProps extends ContainerOptions, PodOptions {
  /**
   * Deployment name (a DNS subdomain), e.g. the guide's `nginx-deployment`.
   * @default - a name cdk8s generates from the construct path
   */
  readonly name?: string;
  /**
   * Namespace.
   * @default - the chart's namespace
   */
  readonly namespace?: string;
  /**
   * Labels of the Deployment and its pods, and the pod selector (`spec.selector.matchLabels`). A Service
   * selects the pods with the same labels (`webApp.selector`). The selector cannot change after the first
   * deploy: changing these labels makes `kubectl apply` fail.
   * @default { app: <name> }
   */
  readonly labels?: Record<string, string>;
  /**
   * Pods to run (scaling, seed 003 "Scale Application"). Same default as cdk8s-plus and the guide's nginx:
   * two replicas keep serving while one is replaced or its node drained. `kubectl scale` changes it at run
   * time until the next apply writes this value back.
   * @default 2
   */
  readonly replicas?: number;
  /**
   * `RollingUpdate` replaces pods a few at a time without downtime; `Recreate` stops all old pods first
   * (for apps that cannot run two versions at once, or a ReadWriteOnce volume shared by the pods).
   * @default 'RollingUpdate'
   */
  readonly strategy?: UpdateStrategyType;
  /**
   * Surge and unavailability limits of a rolling update.
   * @default { maxSurge: '25%', maxUnavailable: '25%' }
   */
  readonly rollingUpdate?: RollingUpdateOptions;
  /**
   * Old ReplicaSets kept for rollback. `kubectl rollout undo deployment/<name>` (a run-time command, not
   * something nks-cdk does) returns to the previous one; 0 leaves nothing to roll back to. A rollback is
   * undone by the next `kubectl apply` of these manifests unless the program changes too.
   * @default - not written; Kubernetes keeps 10
   */
  readonly revisionHistoryLimit?: number;
  /**
   * Seconds a new pod must be ready before it counts as available (slows a rolling update down so a
   * crashing version is noticed before all pods are replaced). Less than the progress deadline (600 s),
   * or the rollout would count as failed before any pod became available.
   * @default 0
   */
  readonly minReadySeconds?: number;
  /**
   * Service account of the pods, in their namespace. Its image pull secrets apply too (see `ServiceAccount`).
   * @default - the namespace's `default` service account
   */
  readonly serviceAccount?: kplus.IServiceAccount;
  /**
   * Mount the service account token into the pods. cdk8s-plus turns it off (Kubernetes' own default is on);
   * turn it on only for pods that call the Kubernetes API.
   * @default false
   */
  readonly automountServiceAccountToken?: boolean;
}

/**
 * A stateless web application: one container in a Deployment, with the defaults under which the guide's
 * `nginx:1.14.2` runs as written (see {@link ContainerOptions}: root allowed, writable root filesystem, no
 * default resources, no automatic startup probe). Scaling, rolling update and rollback settings are props;
 * the pods' labels are exposed so a Service can select them. Storage mounts volumes through {@link mount}.
 *
 * The underlying cdk8s-plus Deployment is `deployment`; the pods also carry cdk8s-plus's
 * `cdk8s.io/metadata.addr` label, which the selector does not use.
 */
@recordsProblems
export class WebApp extends Construct implements kplus.IPodSelector {
  /** The cdk8s-plus Deployment. */
  public readonly deployment: kplus.Deployment;
  /** The app's container (mount volumes, add ports through cdk8s-plus). */
  public readonly container: kplus.Container;
  /** The Deployment's name. */
  public readonly name: string;
  /** The Deployment's namespace, when set. */
  public readonly namespace?: string;
  /** Desired pods. */
  public readonly replicas: number;
  /** Labels every pod carries and the Deployment selects on. */
  public readonly podLabels: Readonly<Record<string, string>>;

  /** Creates the Deployment of a web application. */
  constructor(scope: Construct, id: string, props: WebAppProps) {
    super(scope, id);
    const where = whereOf(this, '');
    const spec = containerSpec(props, where);
    const metadata = objectMeta({ name: props.name, namespace: props.namespace }, where);
    this.replicas = checkWholeNumber(props.replicas ?? 2, at(where, 'replicas'), 'replicas');
    if (props.minReadySeconds !== undefined) checkMinReadySeconds(props.minReadySeconds, at(where, 'minReadySeconds'));
    this.deployment = new kplus.Deployment(this, 'Resource', {
      metadata,
      replicas: this.replicas,
      strategy: updateStrategy(props, where),
      minReady: props.minReadySeconds === undefined ? undefined : Duration.seconds(props.minReadySeconds),
      // The selector is the user's labels (the guide's `app: nginx`), not cdk8s-plus's generated address label.
      select: false,
      containers: [spec.container],
      securityContext: spec.podSecurityContext,
      serviceAccount: props.serviceAccount,
      automountServiceAccountToken: props.automountServiceAccountToken,
    });
    this.container = this.deployment.containers[0];
    this.name = this.deployment.name;
    this.namespace = props.namespace;
    this.podLabels = checkLabels(props.labels ?? { app: this.name }, at(where, 'labels'));
    checkSelectorLabels(this.podLabels, props.labels, at(where, 'labels'), 'Deployment', '{ app: "nginx" }');
    for (const [key, value] of Object.entries(this.podLabels)) {
      this.deployment.metadata.addLabel(key, value);
      this.deployment.podMetadata.addLabel(key, value);
    }
    this.deployment.select(kplus.LabelSelector.of({ labels: { ...this.podLabels } }));
    if (props.revisionHistoryLimit !== undefined) {
      setRevisionHistoryLimit(this.deployment, props.revisionHistoryLimit, at(where, 'revisionHistoryLimit'));
      if (props.revisionHistoryLimit === 0) warn(this, 'nks-cdk:noRollbackHistory', 'revisionHistoryLimit is 0: old ReplicaSets are deleted at once, so `kubectl rollout undo` has nothing to roll back to.');
    }
    applyPodOptions(this.deployment, props, where);
    checkServiceAccountNamespace(props.serviceAccount, namespaceOf(this.deployment), at(where, 'serviceAccount'));
    // At synth: ConfigMaps and env entries can be added after the WebApp is built.
    this.node.addValidation({
      validate: () => {
        checkConfigMapReferences(this.deployment, where);
        return [];
      },
    });
    trackObjects(this);
  }

  /** The label selector a Service uses for these pods (same as {@link podLabels}). */
  public get selector(): Readonly<Record<string, string>> {
    return this.podLabels;
  }

  /**
   * Selects these pods by their labels (in the app's namespace, when it has one): lets `kplus.Service.select(webApp)`
   * and NetworkPolicies take the app itself.
   * @see kplus.IPodSelector
   */
  public toPodSelectorConfig(): kplus.PodSelectorConfig {
    return {
      labelSelector: kplus.LabelSelector.of({ labels: { ...this.podLabels } }),
      namespaces: this.namespace ? { names: [this.namespace] } : undefined,
    };
  }

  /**
   * Mounts storage into the container at `path`: a `PersistentVolumeClaim` itself, an `EphemeralVolume`, or
   * any cdk8s-plus volume. Claims are checked at synth against this app's placement and replicas.
   */
  @recordsProblems
  public mount(path: string, storage: kplus.IStorage, options?: kplus.MountOptions): void {
    this.container.mount(path, storage, options);
  }

  /** Adds image pull secrets (several allowed). */
  @recordsProblems
  public addImagePullSecrets(...secrets: IPullSecret[]): void {
    addImagePullSecrets(this.deployment, secrets, whereOf(this, 'imagePullSecrets'));
  }

  /** Runs the pods on a node group (its selector and taint toleration). */
  @recordsProblems
  public placeOn(placement: NodePlacement): void {
    placeOn(this.deployment, placement, whereOf(this, 'placement'));
  }
}

/** A whole number of seconds below the progress deadline (cdk8s-plus throws a raw Error otherwise). */
function checkMinReadySeconds(seconds: number, where: Where): void {
  checkWholeNumber(seconds, where, 'minReadySeconds');
  if (seconds >= PROGRESS_DEADLINE_SECONDS) {
    fail(
      where,
      seconds,
      `minReadySeconds must be less than the Deployment's progress deadline (${PROGRESS_DEADLINE_SECONDS} s): a rollout whose pods need longer to count as available is reported as failed`,
      `use at most ${PROGRESS_DEADLINE_SECONDS - 1} seconds, e.g. 30`,
    );
  }
}

/** Validates the strategy props and builds cdk8s-plus's strategy. */
function updateStrategy(props: WebAppProps, where: Where): kplus.DeploymentStrategy {
  const type = props.strategy ?? 'RollingUpdate';
  if (type === 'Recreate') {
    if (props.rollingUpdate) {
      fail(at(where, 'rollingUpdate'), props.rollingUpdate, 'rollingUpdate settings apply only to the RollingUpdate strategy', 'remove rollingUpdate, or use strategy: "RollingUpdate"');
    }
    return kplus.DeploymentStrategy.recreate();
  }
  if (type !== 'RollingUpdate') {
    fail(at(where, 'strategy'), type, 'the strategy is "RollingUpdate" or "Recreate"', 'use one of those');
  }
  const maxSurge = intOrPercent(props.rollingUpdate?.maxSurge ?? '25%', at(where, 'rollingUpdate.maxSurge'));
  const maxUnavailable = intOrPercent(props.rollingUpdate?.maxUnavailable ?? '25%', at(where, 'rollingUpdate.maxUnavailable'), 100);
  if (maxSurge.isZero() && maxUnavailable.isZero()) {
    fail(at(where, 'rollingUpdate'), props.rollingUpdate, 'maxSurge and maxUnavailable cannot both be 0 (the update could never make progress)', 'allow at least one extra pod (maxSurge: 1) or one unavailable pod (maxUnavailable: 1)');
  }
  return kplus.DeploymentStrategy.rollingUpdate({ maxSurge, maxUnavailable });
}

/** A whole number ≥ 0 or a percentage string like "25%". */
function intOrPercent(value: IntOrPercent, where: Where, maxPercent?: number): kplus.PercentOrAbsolute {
  if (typeof value === 'number') {
    checkWholeNumber(value, where, 'a pod count');
    return kplus.PercentOrAbsolute.absolute(value);
  }
  const match = typeof value === 'string' ? /^(\d+)%$/.exec(value) : null;
  if (!match) fail(where, value, 'a whole number of pods or a percentage like "25%"', 'use e.g. 1 or "25%"');
  const percent = Number(match[1]);
  if (maxPercent !== undefined && percent > maxPercent) fail(where, value, `at most ${maxPercent}%`, `use e.g. "${maxPercent}%"`);
  return kplus.PercentOrAbsolute.percent(percent);
}

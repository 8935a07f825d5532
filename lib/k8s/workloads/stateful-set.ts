import { Duration } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { warn } from '../../warnings';
import { checkChoice } from '../../model/choices';
import { at, fail, Where } from '../../model/errors';
import { checkDns1035Label, checkDnsLabel } from '../../model/names';
import { checkAbsolutePath, checkZoneMatchesPlacement } from '../../model/storage';
import { whereOf } from '../../where';
import { ClaimOptions, renderClaim } from '../storage/claim-spec';
import { checkWholeNumber, ContainerOptions, containerSpec } from '../container';
import { checkLabels, checkSelectorLabels, objectMeta } from '../metadata';
import { applyPodOptions, PodOptions } from '../pod-spec';
import { checkWorkloadStorage, ClaimUse, registerPerPodClaims } from '../storage/storage-checks';
import { StatefulSetWithClaimTemplates } from '../storage/storage-patches';
import { recordsProblems } from '../../problems';

/** One claim per pod: the template of `<name>-<statefulset>-<ordinal>` (seed 004 "스테이트풀셋의 스토리지 볼륨"). */
export interface VolumeClaimTemplate extends ClaimOptions {
  /** Template name (a DNS label): the volume the container mounts, and the first part of each claim's name. */
  readonly name: string;
  /** Where the app's container mounts each pod's claim. */
  readonly mountPath: string;
  /** Storage per pod, any Kubernetes quantity. */
  readonly storage: string;
  /**
   * Labels of each claim.
   * @default - none
   */
  readonly labels?: Record<string, string>;
  /**
   * Mount read-only.
   * @default false
   */
  readonly readOnly?: boolean;
}

/** `OrderedReady` starts pods one by one (0, 1, 2; each Ready first) and stops them in reverse; `Parallel` starts and stops them all at once. */
export type PodManagementPolicy = 'OrderedReady' | 'Parallel';
/** `RollingUpdate` replaces pods from the highest ordinal down; `OnDelete` waits until you delete a pod. */
export type StatefulSetUpdateType = 'RollingUpdate' | 'OnDelete';
/** Keep (`Retain`) or delete (`Delete`) a pod's claims. */
export type ClaimRetention = 'Retain' | 'Delete';

/** What happens to the per-pod claims (`persistentVolumeClaimRetentionPolicy`). */
export interface ClaimRetentionPolicy {
  /**
   * When the StatefulSet is deleted.
   * @default 'Retain'
   */
  readonly whenDeleted?: ClaimRetention;
  /**
   * When it is scaled down (the claims of removed ordinals).
   * @default 'Retain'
   */
  readonly whenScaled?: ClaimRetention;
}

/** Properties of a {@link StatefulSet}. */
export interface StatefulSetProps extends ContainerOptions, PodOptions {
  /**
   * StatefulSet name (a DNS label): pods are `<name>-0`, `<name>-1`, ...
   * @default - a name cdk8s generates from the construct path
   */
  readonly name?: string;
  /**
   * Namespace of the StatefulSet and its headless Service.
   * @default - the chart's namespace
   */
  readonly namespace?: string;
  /**
   * Labels of the StatefulSet and its pods, and the pod selector (fixed after the first deploy).
   * @default { app: <name> }
   */
  readonly labels?: Record<string, string>;
  /**
   * Pods to run. Scaling down removes the highest ordinals first and keeps their claims (and volumes, and
   * their cost) unless `claimRetention.whenScaled` is `Delete`: scaling up again reattaches them.
   * @default 1
   */
  readonly replicas?: number;
  /**
   * Name of the headless Service (an RFC 1035 label) that gives each pod its DNS name
   * `<pod>.<serviceName>.<namespace>.svc`.
   * @default the StatefulSet's name
   */
  readonly serviceName?: string;
  /**
   * Publish pods in DNS before they are Ready (peers of a database cluster find each other while starting).
   * @default false
   */
  readonly publishNotReadyAddresses?: boolean;
  /**
   * Ordered (`OrderedReady`) or parallel pod management.
   * @default 'OrderedReady'
   */
  readonly podManagementPolicy?: PodManagementPolicy;
  /**
   * How pods are replaced when the template changes.
   * @default 'RollingUpdate'
   */
  readonly updateStrategy?: StatefulSetUpdateType;
  /**
   * RollingUpdate only: only ordinals ≥ partition are updated (staged rollouts, canaries).
   * @default 0
   */
  readonly partition?: number;
  /**
   * Claims each pod gets (cdk8s-plus-28 has none). Kubernetes does not allow changing them after the first
   * deploy: grow a pod's claim by editing that PersistentVolumeClaim.
   * @default - none
   */
  readonly volumeClaimTemplates?: VolumeClaimTemplate[];
  /**
   * What happens to the per-pod claims on delete and scale-down.
   * @default - not written; Kubernetes keeps them (Retain, Retain)
   */
  readonly claimRetention?: ClaimRetentionPolicy;
  /**
   * Seconds a new pod must be ready before the next one starts or it counts as available.
   * @default 0
   */
  readonly minReadySeconds?: number;
  /**
   * Service account of the pods.
   * @default - the namespace's `default` service account
   */
  readonly serviceAccount?: kplus.IServiceAccount;
}

/**
 * A StatefulSet (seed 004): pods with stable names, one claim each from `volumeClaimTemplates`, and the
 * headless Service that gives them stable DNS names. Ordered or parallel pod management, rolling or
 * on-delete updates with a partition. Deleting the StatefulSet or scaling it down keeps the claims (and
 * their Cinder volumes) by default, so the data survives; delete them by hand, or set `claimRetention`.
 */
@recordsProblems
export class StatefulSet extends Construct implements kplus.IPodSelector {
  /** The cdk8s-plus StatefulSet (with claim templates). */
  public readonly statefulSet: kplus.StatefulSet;
  // The same object, with the claim-template methods cdk8s-plus-28 lacks (lib/k8s/storage/storage-patches.ts).
  private readonly withClaims: StatefulSetWithClaimTemplates;
  /** The headless Service. */
  public readonly service: kplus.Service;
  /** The app's container. */
  public readonly container: kplus.Container;
  /** The StatefulSet's name. */
  public readonly name: string;
  /** The headless Service's name. */
  public readonly serviceName: string;
  /** Desired pods. */
  public readonly replicas: number;
  /** Labels every pod carries and the StatefulSet selects on. */
  public readonly podLabels: Readonly<Record<string, string>>;
  /** The claim templates' names. */
  public readonly claimTemplateNames: readonly string[];

  /** Creates a StatefulSet and its headless Service. */
  constructor(scope: Construct, id: string, props: StatefulSetProps) {
    super(scope, id);
    const where = whereOf(this, '');
    const spec = containerSpec(props, where);
    const metadata = objectMeta({ name: props.name, namespace: props.namespace }, where, 'label');
    this.replicas = checkWholeNumber(props.replicas ?? 1, at(where, 'replicas'), 'replicas');
    const ports = (spec.container.ports ?? []).map((p) => ({ port: p.number, targetPort: p.number, name: p.name, protocol: p.protocol }));
    if (ports.length === 0) {
      fail(at(where, 'ports'), props.ports, 'a StatefulSet gets a headless Service, and cdk8s-plus-28 renders a Service only with a port', 'declare the port the pods listen on, e.g. ports: [{ name: "web", number: 80 }]');
    }
    if (ports.length > 1 && ports.some((p) => p.name === undefined)) {
      fail(at(where, 'ports'), props.ports, 'the headless Service has several ports, and a Service with several ports needs a name on each', 'name every port, e.g. { name: "web", number: 80 }');
    }
    const serviceName = props.serviceName ?? props.name;
    if (serviceName !== undefined) checkDns1035Label(serviceName, at(where, props.serviceName === undefined ? 'name' : 'serviceName'));
    // A cdk8s-plus Service, because cdk8s-plus's StatefulSet takes no other; it also adds the pods' cdk8s
    // address label to the selector, which the pods carry, so selection is unchanged.
    this.service = new kplus.Service(this, 'Service', {
      metadata: { ...(serviceName === undefined ? {} : { name: serviceName }), ...(props.namespace === undefined ? {} : { namespace: props.namespace }) },
      clusterIP: 'None',
      ports,
      publishNotReadyAddresses: props.publishNotReadyAddresses,
    });
    this.serviceName = this.service.name;
    this.statefulSet = this.withClaims = new StatefulSetWithClaimTemplates(this, 'Resource', {
      metadata,
      replicas: this.replicas,
      service: this.service,
      select: false,
      containers: [spec.container],
      securityContext: spec.podSecurityContext,
      serviceAccount: props.serviceAccount,
      podManagementPolicy: checkChoice(props.podManagementPolicy ?? 'OrderedReady', ['OrderedReady', 'Parallel'] as const, at(where, 'podManagementPolicy'), 'a pod management policy') as kplus.PodManagementPolicy,
      strategy: updateStrategy(props, where),
      minReady: props.minReadySeconds === undefined ? undefined : Duration.seconds(checkWholeNumber(props.minReadySeconds, at(where, 'minReadySeconds'), 'minReadySeconds')),
    });
    this.container = this.statefulSet.containers[0];
    this.name = this.statefulSet.name;
    checkStatefulSetNameLength(this.name, props.name !== undefined, at(where, 'name'));
    this.podLabels = checkLabels(props.labels ?? { app: this.name }, at(where, 'labels'));
    checkSelectorLabels(this.podLabels, props.labels, at(where, 'labels'), 'StatefulSet', '{ app: "web" }');
    for (const [key, value] of Object.entries(this.podLabels)) {
      this.statefulSet.metadata.addLabel(key, value);
      this.statefulSet.podMetadata.addLabel(key, value);
      this.service.selectLabel(key, value);
    }
    this.statefulSet.select(kplus.LabelSelector.of({ labels: { ...this.podLabels } }));
    applyPodOptions(this.statefulSet, props, where);
    if (props.claimRetention) this.withClaims.setClaimRetention(claimRetention(props.claimRetention, at(where, 'claimRetention')));
    this.claimTemplateNames = this.addClaimTemplates(props, where);
    this.node.addValidation({ validate: () => this.checkVolumes() });
  }

  /** The DNS name of one pod: `<name>-<ordinal>.<serviceName>` (add `.<namespace>.svc` from other namespaces). */
  public podDnsName(ordinal: number): string {
    return `${this.name}-${ordinal}.${this.serviceName}`;
  }

  /** The claim a pod gets from a template: `<template>-<name>-<ordinal>`. */
  public claimName(template: string, ordinal: number): string {
    return `${template}-${this.name}-${ordinal}`;
  }

  /** Mounts a volume every pod shares (a ConfigMap, an emptyDir, a ReadWriteMany claim) into the container. */
  @recordsProblems
  public mount(path: string, storage: kplus.IStorage, options?: kplus.MountOptions): void {
    this.container.mount(path, storage, options);
  }

  /**
   * Selects these pods by their labels.
   * @see kplus.IPodSelector
   */
  public toPodSelectorConfig(): kplus.PodSelectorConfig {
    return { labelSelector: kplus.LabelSelector.of({ labels: { ...this.podLabels } }) };
  }

  /** Mount paths of the claim templates, in order. */
  private readonly claimMountPaths: string[] = [];

  private addClaimTemplates(props: StatefulSetProps, where: Where): string[] {
    const names: string[] = [];
    const mountPaths: string[] = [];
    const uses: ClaimUse[] = [];
    (props.volumeClaimTemplates ?? []).forEach((template, i) => {
      const tw = at(where, `volumeClaimTemplates[${i}]`);
      const name = checkDnsLabel(template.name, at(tw, 'name'));
      if (names.includes(name)) fail(at(tw, 'name'), name, 'claim template names are unique in a StatefulSet', 'rename one of them');
      names.push(name);
      const mountPath = checkAbsolutePath(template.mountPath, at(tw, 'mountPath'), 'a mount path');
      const samePath = mountPaths.indexOf(mountPath);
      if (samePath >= 0) {
        fail(at(tw, 'mountPath'), mountPath, `claim template "${names[samePath]}" (volumeClaimTemplates[${samePath}]) is already mounted at ${mountPath}; a mount path is used once per container`, 'mount this claim template at another path');
      }
      mountPaths.push(mountPath);
      this.claimMountPaths.push(mountPath);
      const claim = renderClaim(template, tw);
      const labels = template.labels === undefined ? undefined : checkLabels(template.labels, at(tw, 'labels'));
      if (claim.zone !== undefined && props.placement) checkZoneMatchesPlacement(claim.zone, claim.zoneSource ?? `claim template "${name}"`, props.placement, at(where, 'placement'));
      for (const w of claim.warnings) warn(this, w.id, `Claim template "${name}": ${w.message}`);
      this.withClaims.addClaimTemplate({ metadata: { name, labels }, spec: claim.spec });
      this.withClaims.mountClaimTemplate({ template: name, container: this.container, mountPath, readOnly: template.readOnly });
      uses.push({ description: `claim template "${name}"`, plugin: claim.plugin, accessModes: claim.accessModes, zone: claim.zone, zoneSource: claim.zoneSource, perPod: true });
    });
    registerPerPodClaims(this.statefulSet, uses);
    return names;
  }

  /** Pod volumes must not reuse a claim template's name (the controller would replace them), then the shared storage checks. */
  private checkVolumes(): string[] {
    const volumes = new Set([...this.statefulSet.volumes, ...this.statefulSet.containers.flatMap((c) => c.mounts.map((m) => m.volume))]);
    for (const volume of volumes) {
      if (this.claimTemplateNames.includes(volume.name)) {
        fail(whereOf(this, 'volumeClaimTemplates'), volume.name, `a pod volume is named like the claim template "${volume.name}"; the StatefulSet controller would replace it with the pod's claim`, 'give the volume another name');
      }
    }
    this.claimMountPaths.forEach((mountPath, i) => {
      const mount = this.container.mounts.find((m) => m.path === mountPath);
      if (mount) {
        fail(whereOf(this, `volumeClaimTemplates[${i}].mountPath`), mountPath, `volume "${mount.volume.name}" is mounted at ${mountPath} too; a mount path is used once per container`, 'mount the volume or the claim template at another path');
      }
    });
    checkWorkloadStorage(this.statefulSet);
    return [];
  }
}

/**
 * The longest StatefulSet name whose pods can be created: 52 characters. The StatefulSet controller labels
 * every pod `controller-revision-hash: <revision name>` (setPodRevision in kubernetes/kubernetes
 * pkg/controller/statefulset/stateful_set_utils.go), and the revision name is `<statefulset name>-<hash>`
 * (ControllerRevisionName in pkg/controller/history/controller_history.go, which truncates only past 223
 * characters), the hash being the decimal FNV-32 of the template, re-encoded character by character
 * (HashControllerRevision, rand.SafeEncodeString): up to 10 characters (4294967295). A label value is at most
 * 63 characters (LabelValueMaxLength, apimachinery pkg/api/validate/content/kube.go), so 63 - 1 - 10 = 52;
 * past that the API server refuses the pods ("must be no more than 63 characters",
 * kubernetes/kubernetes#64023), for most templates at once and for the rest at a later update.
 */
export const STATEFUL_SET_NAME_MAX_LENGTH = 52;

function checkStatefulSetNameLength(name: string, given: boolean, where: Where): void {
  if (name.length <= STATEFUL_SET_NAME_MAX_LENGTH) return;
  fail(
    where,
    name,
    `a StatefulSet name is at most ${STATEFUL_SET_NAME_MAX_LENGTH} characters${given ? '' : ' (this one is generated from the construct path)'}: its pods carry the label controller-revision-hash: <name>-<10-character hash>, and a label value is at most 63 characters, so the API server refuses the pods`,
    `give ${given ? 'a shorter name' : 'a name'} of at most ${STATEFUL_SET_NAME_MAX_LENGTH} characters, e.g. "${name.slice(0, STATEFUL_SET_NAME_MAX_LENGTH).replace(/-+$/, '')}"`,
  );
}

function updateStrategy(props: StatefulSetProps, where: Where): kplus.StatefulSetUpdateStrategy {
  const type = checkChoice(props.updateStrategy ?? 'RollingUpdate', ['RollingUpdate', 'OnDelete'] as const, at(where, 'updateStrategy'), 'a StatefulSet update strategy');
  if (type === 'OnDelete') {
    if (props.partition !== undefined) fail(at(where, 'partition'), props.partition, 'partition applies only to the RollingUpdate strategy', 'remove partition, or use updateStrategy "RollingUpdate"');
    return kplus.StatefulSetUpdateStrategy.onDelete();
  }
  const partition = props.partition === undefined ? undefined : checkWholeNumber(props.partition, at(where, 'partition'), 'partition');
  return kplus.StatefulSetUpdateStrategy.rollingUpdate({ partition });
}

function claimRetention(policy: ClaimRetentionPolicy, where: Where): kplus.k8s.StatefulSetPersistentVolumeClaimRetentionPolicy {
  const check = (value: ClaimRetention | undefined, field: string) => checkChoice(value ?? 'Retain', ['Retain', 'Delete'] as const, at(where, field), 'a claim retention');
  return { whenDeleted: check(policy.whenDeleted, 'whenDeleted'), whenScaled: check(policy.whenScaled, 'whenScaled') };
}

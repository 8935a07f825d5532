import { Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { warn } from '../../warnings';
import { AccessMode, VolumePlugin } from '../../model/access-modes';
import { at } from '../../model/errors';
import { checkDnsLabel } from '../../model/names';
import { StorageSize } from '../../model/quantities';
import { whereOf } from '../../where';
import { ClaimBindingOptions, ClaimOptions, renderClaim } from './claim-spec';
import { objectMeta } from '../metadata';
import type { PersistentVolume } from './persistent-volume';
import { registerClaimVolume } from './storage-checks';
import { volumeFromSource } from './storage-patches';
import { trackObjects, trackUses, UniqueKind } from '../unique-objects';

/**
 * A PersistentVolume binds one claim: its spec.claimRef names that claim, and a claim whose volumeName (or
 * selector) asks for a volume already bound to another claim stays Pending ("volume already bound to
 * different claim by user, will retry later", syncUnboundClaim in kubernetes/kubernetes
 * pkg/controller/volume/persistentvolume/pv_controller.go). So of two claims on one static volume, one never
 * binds, and its pods never start: which one depends on the order they are applied in.
 */
const BINDS_VOLUME: UniqueKind<string> = {
  rule: (later, earlier) =>
    `PersistentVolume "${String(later.value)}" is already claimed by ${earlier.detail}; a PersistentVolume binds one claim, so one of the two would stay Pending (and its pods would never start)`,
  fix: () => 'give this claim its own PersistentVolume, or share the one claim (mount it in both workloads; ReadWriteMany storage such as NFS for pods on several nodes)',
};
import { recordsProblems } from '../../problems';

/** Properties of a {@link PersistentVolumeClaim}. */
export interface PersistentVolumeClaimProps extends ClaimOptions, ClaimBindingOptions {
  /**
   * Claim name (a DNS subdomain), e.g. the guide's `pvc-static`. Pods mount it by this name.
   * @default - a name cdk8s generates from the construct path
   */
  readonly name?: string;
  /**
   * Namespace; pods mount only claims of their own namespace.
   * @default - the chart's namespace
   */
  readonly namespace?: string;
  /**
   * Labels.
   * @default - none
   */
  readonly labels?: Record<string, string>;
}

/** Options of {@link PersistentVolumeClaim.toVolume}. */
export interface ClaimVolumeOptions {
  /**
   * Volume name in the pod (a DNS label), e.g. the guide's `html-volume`.
   * @default the claim name (dots replaced by '-')
   */
  readonly name?: string;
  /**
   * Mount the claim read-only in every container.
   * @default false
   */
  readonly readOnly?: boolean;
}

/**
 * A PersistentVolumeClaim: storage a pod asks for (seed 000 `pvc-static.yaml`/`pvc-dynamic.yaml`, seed 002
 * and 003). Any Kubernetes quantity, access modes checked against the plugin behind its class or volume,
 * binding to a static volume by name or labels, volume mode, and expansion checked against the class.
 *
 * Mount it like any cdk8s-plus storage: `webApp.mount('/data', claim)` or
 * `container.mount('/data', claim.toVolume({ name: 'html-volume' }))`. At synth, every workload that mounts
 * it is checked: the volume's zone against the workload's node group (error), the namespace (error), the
 * per-node volume limit and ReadWriteOnce sharing across replicas (warnings).
 */
@recordsProblems
export class PersistentVolumeClaim extends Construct implements kplus.IStorage {
  /** The claim name. */
  public readonly name: string;
  /** Namespace, when set on the claim. */
  public readonly namespace?: string;
  /** Storage requested. */
  public readonly storage: StorageSize;
  /** Access modes. */
  public readonly accessModes: readonly AccessMode[];
  /** Class name written, if any ('' = explicitly none). */
  public readonly storageClassName?: string;
  /** The static volume this claim binds, if any. */
  public readonly boundVolume?: PersistentVolume;
  /** Volume plugin behind the claim, when known. */
  public readonly plugin?: VolumePlugin;
  /** Availability zone of the claim's volume, when known. */
  public readonly availabilityZone?: string;
  /** The L1 PersistentVolumeClaim object. */
  public readonly apiObject: kplus.k8s.KubePersistentVolumeClaim;
  private readonly zoneSource?: string;
  private readonly volumes = new Map<string, kplus.Volume>();

  /** Creates a PersistentVolumeClaim. */
  constructor(scope: Construct, id: string, props: PersistentVolumeClaimProps = {}) {
    super(scope, id);
    const where = whereOf(this, '');
    const claim = renderClaim(props, where);
    this.apiObject = new kplus.k8s.KubePersistentVolumeClaim(this, 'Resource', {
      metadata: objectMeta({ name: props.name, namespace: props.namespace, labels: props.labels }, where),
      spec: claim.spec,
    });
    this.name = this.apiObject.name;
    this.namespace = props.namespace;
    this.storage = claim.storage;
    this.accessModes = claim.accessModes;
    this.storageClassName = claim.storageClassName;
    this.boundVolume = props.volume;
    this.plugin = claim.plugin;
    this.availabilityZone = claim.zone;
    this.zoneSource = claim.zoneSource;
    for (const w of claim.warnings) warn(this, w.id, w.message);
    trackObjects(this);
    const volume = props.volume;
    if (volume) {
      trackUses(this, () => [{ kind: BINDS_VOLUME, key: volume.name, where: at(where, 'volume'), value: volume.name, construct: this, detail: `claim "${this.name}" in namespace "${this.effectiveNamespace ?? 'default'}" (${this.node.path})` }]);
    }
  }

  /** The namespace the claim lands in: its own, else its chart's (undefined means `default`). */
  public get effectiveNamespace(): string | undefined {
    return this.namespace ?? Chart.of(this).namespace;
  }

  /**
   * The claim as a pod volume (`persistentVolumeClaim.claimName`), for `container.mount(path, volume)`.
   * The same options give the same volume, so several containers can mount it.
   */
  public toVolume(options: ClaimVolumeOptions = {}): kplus.Volume {
    const name = options.name ?? this.name.replace(/\./g, '-').slice(0, 63).replace(/-+$/, '');
    const key = `${name}${options.readOnly ? '-ro' : ''}`;
    const existing = this.volumes.get(key);
    if (existing) return existing;
    const volume = volumeFromSource(this, `Volume-${key}`, checkDnsLabel(name, whereOf(this, 'toVolume.name')), {
      persistentVolumeClaim: { claimName: this.name, readOnly: options.readOnly },
    });
    registerClaimVolume(volume, {
      description: `claim "${this.name}"`,
      plugin: this.plugin,
      accessModes: this.accessModes,
      zone: this.availabilityZone,
      zoneSource: this.zoneSource,
      namespace: this.effectiveNamespace,
      perPod: false,
    });
    this.volumes.set(key, volume);
    return volume;
  }

  /**
   * The claim as a pod volume: lets `container.mount(path, claim)` and `webApp.mount(path, claim)` take the claim itself.
   * @see kplus.IStorage
   */
  public asVolume(): kplus.Volume {
    return this.toVolume();
  }
}

import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { warn } from '../../warnings';
import { AccessMode, checkAccessModes, VolumePlugin } from '../../model/access-modes';
import { at, fail } from '../../model/errors';
import { checkKnownVersion, CinderProvisioner, cinderProvisionerFor, DEFAULT_KUBERNETES_VERSION, KubernetesVersionLike, parseKubernetesVersion } from '../../model/kubernetes-versions';
import { checkDnsSubdomain } from '../../model/names';
import { checkStorageSize, compareQuantities, StorageSize } from '../../model/quantities';
import { checkMountOptions, checkReclaimPolicy, checkVolumeMode, RECYCLE_DEPRECATED, ReclaimPolicy, VolumeMode } from '../../model/storage';
import { whereOf } from '../../where';
import { checkLabels, objectMeta } from '../metadata';
import { PersistentVolumeClaim, PersistentVolumeClaimProps } from './persistent-volume-claim';
import { PersistentVolumeSource } from './persistent-volume-source';
import { StorageClass } from './storage-class';
import { trackObjects } from '../unique-objects';
import { checkBuilt, recordsProblems } from '../../problems';

/** Properties of a {@link PersistentVolume}. */
export interface PersistentVolumeProps {
  /**
   * PersistentVolume name (a DNS subdomain), e.g. the guide's `pv-static-001`. PersistentVolumes are
   * cluster-wide: no namespace.
   * @default - a name cdk8s generates from the construct path
   */
  readonly name?: string;
  /** Where the storage is: `PersistentVolumeSource.fromBlockStorageVolume(...)`, `.fromCinderVolumeId(...)`, `.fromNfs(...)`, `.fromHostPath(...)`, `.fromLocal(...)`. */
  readonly source: PersistentVolumeSource;
  /**
   * Capacity, any Kubernetes quantity (`10Gi`). At most the Cinder volume's size when that is known.
   * @default - the Cinder volume's size (from a BlockStorageVolume or `sizeGb`); required for other sources
   */
  readonly capacity?: string;
  /**
   * Access modes; each must be one the plugin has (seed 002's table): Cinder, hostPath and local volumes are
   * ReadWriteOnce only, NFS has all three.
   * @default ['ReadWriteMany'] for NFS, else ['ReadWriteOnce']
   */
  readonly accessModes?: AccessMode[];
  /**
   * What happens to the storage when the claim is released: `Retain` keeps it (reuse it by hand), `Delete`
   * deletes the Cinder volume too. `Recycle` is deprecated (a warning).
   * @default 'Retain' (Kubernetes' default for PersistentVolumes created by hand)
   */
  readonly reclaimPolicy?: ReclaimPolicy;
  /**
   * StorageClass of the volume; a claim binds only to volumes of its own class. With a {@link StorageClass}
   * object, its provisioner decides between the Cinder CSI and in-tree forms.
   * @default - no class: only claims with `storageClass: ''` bind
   */
  readonly storageClass?: StorageClass | string;
  /**
   * Kubernetes version of the cluster (`cluster.kubernetesVersion`): a Cinder volume is written as a CSI
   * volume (`csi.volumeHandle`) from v1.20 and as in-tree `cinder.volumeID` before.
   * @default - the StorageClass's version, else the newest version NKS creates
   */
  readonly kubernetesVersion?: KubernetesVersionLike;
  /**
   * `Filesystem` mounts a file system; `Block` hands the pod the raw device.
   * @default 'Filesystem'
   */
  readonly volumeMode?: VolumeMode;
  /**
   * Labels; a claim can select the volume by them (seed 002 "레이블을 이용해서 pvc, pv 연결하기").
   * @default - none
   */
  readonly labels?: Record<string, string>;
  /**
   * Mount options.
   * @default - none
   */
  readonly mountOptions?: string[];
}

/**
 * A static PersistentVolume: storage that exists before any claim (seed 000 "정적 프로비저닝", seed 001,
 * seed 002). Access modes are checked against the plugin's (ReadWriteMany on Cinder is an error naming the
 * plugin and its modes), capacity against the volume's size, and a Cinder volume is written in the form
 * the cluster's version understands. `addClaim()` makes the claim that binds it.
 */
@recordsProblems
export class PersistentVolume extends Construct {
  /** The PersistentVolume name. */
  public readonly name: string;
  /** Capacity. */
  public readonly capacity: StorageSize;
  /** Access modes. */
  public readonly accessModes: readonly AccessMode[];
  /** Reclaim policy. */
  public readonly reclaimPolicy: ReclaimPolicy;
  /** Volume mode. */
  public readonly volumeMode: VolumeMode;
  /** Class name: '' when the volume has none. */
  public readonly storageClassName: string;
  /** The StorageClass object, when one was given. */
  public readonly storageClass?: StorageClass;
  /** Volume plugin (access-mode table row). */
  public readonly plugin: VolumePlugin;
  /** True when the volume is attached through a CSI driver. */
  public readonly csi: boolean;
  /** Availability zone of the storage, when known (Cinder). */
  public readonly availabilityZone?: string;
  /** Labels. */
  public readonly labels: Readonly<Record<string, string>>;
  /** The L1 PersistentVolume object. */
  public readonly apiObject: kplus.k8s.KubePersistentVolume;

  /** Creates a static PersistentVolume. */
  constructor(scope: Construct, id: string, props: PersistentVolumeProps) {
    super(scope, id);
    const where = whereOf(this, '');
    if (props.name !== undefined) checkDnsSubdomain(props.name, at(where, 'name'));
    this.storageClass = typeof props.storageClass === 'object' ? props.storageClass : undefined;
    checkBuilt(this.storageClass, at(where, 'storageClass'), 'the StorageClass');
    if (typeof props.storageClass === 'string' && props.storageClass !== '') checkDnsSubdomain(props.storageClass, at(where, 'storageClass'));
    this.storageClassName = typeof props.storageClass === 'string' ? props.storageClass : (this.storageClass?.name ?? '');
    const source = props.source._render({ where, provisioner: this.provisionerOf(props) });
    this.plugin = source.plugin;
    this.csi = source.csi;
    this.availabilityZone = source.zone;
    const classZone = this.storageClass?.availabilityZone;
    if (classZone !== undefined && source.zone !== undefined && classZone !== source.zone) {
      fail(
        at(where, 'storageClass'),
        this.storageClass?.name,
        `StorageClass "${this.storageClass?.name}" is for volumes in ${classZone}, but this PersistentVolume's Cinder volume is in ${source.zone}; claims of the class expect volumes of its zone, and pods would be placed by the wrong one`,
        `use a StorageClass whose availabilityZone is ${source.zone}, or a volume in ${classZone}`,
      );
    }

    const subject = `${this.plugin} volume of PersistentVolume ${props.name ? `"${props.name}"` : this.node.path}`;
    this.accessModes = checkAccessModes(this.plugin, props.accessModes ?? source.defaultAccessModes, at(where, 'accessModes'), { csi: this.csi, subject });
    this.capacity = this.capacityOf(props, source.size);
    this.reclaimPolicy = checkReclaimPolicy(props.reclaimPolicy ?? 'Retain', at(where, 'reclaimPolicy'), true);
    this.volumeMode = checkVolumeMode(props.volumeMode ?? 'Filesystem', at(where, 'volumeMode'));
    this.labels = checkLabels(props.labels ?? {}, at(where, 'labels'));
    if (this.reclaimPolicy === 'Recycle') warn(this, 'nks-cdk:recycleReclaimPolicy', RECYCLE_DEPRECATED);
    if (this.reclaimPolicy === 'Delete' && source.terraformManaged) {
      warn(this, 'nks-cdk:deleteReclaimPolicy', 'reclaimPolicy "Delete" makes Kubernetes delete the Cinder volume when the claim is released, behind Terraform\'s back (the next `cdktf deploy` creates a new, empty one). Use "Retain" for volumes the infrastructure layer manages.');
    }
    for (const w of source.warnings) warn(this, w.id, w.message);

    const mountOptions = props.mountOptions === undefined ? undefined : checkMountOptions(props.mountOptions, at(where, 'mountOptions'));
    const annotations = Object.keys(source.annotations).length ? source.annotations : undefined;
    this.apiObject = new kplus.k8s.KubePersistentVolume(this, 'Resource', {
      metadata: objectMeta({ name: props.name, labels: Object.keys(this.labels).length ? this.labels : undefined, annotations }, where),
      spec: {
        capacity: { storage: kplus.k8s.Quantity.fromString(this.capacity.quantity) },
        volumeMode: this.volumeMode,
        accessModes: [...this.accessModes],
        persistentVolumeReclaimPolicy: this.reclaimPolicy,
        storageClassName: this.storageClassName === '' ? undefined : this.storageClassName,
        mountOptions: mountOptions?.length ? mountOptions : undefined,
        ...source.spec,
      },
    });
    this.name = this.apiObject.name;
    trackObjects(this);
  }

  /**
   * Adds the PersistentVolumeClaim that binds this volume (seed 000 `pvc-static.yaml`): by `volumeName`, or
   * with `bindBy: 'labels'` by a selector on this volume's labels. Storage, access modes and class default
   * to the volume's.
   */
  public addClaim(id: string, props: Omit<PersistentVolumeClaimProps, 'volume'> = {}): PersistentVolumeClaim {
    return new PersistentVolumeClaim(this, id, { ...props, volume: this });
  }

  private provisionerOf(props: PersistentVolumeProps): CinderProvisioner {
    const where = at(whereOf(this, ''), 'kubernetesVersion');
    if (props.kubernetesVersion === undefined) return this.storageClass?.provisioner ?? cinderProvisionerFor(parseKubernetesVersion(DEFAULT_KUBERNETES_VERSION, where));
    const version = checkKnownVersion(props.kubernetesVersion, where);
    const provisioner = cinderProvisionerFor(version);
    if (this.storageClass && this.storageClass.provisioner !== provisioner) {
      fail(where, version.tag, `StorageClass "${this.storageClass.name}" uses ${this.storageClass.provisioner} (Kubernetes ${this.storageClass.kubernetesVersion.tag}), but Kubernetes ${version.tag} uses ${provisioner}`, 'give the StorageClass and the PersistentVolume the same cluster version');
    }
    return provisioner;
  }

  private capacityOf(props: PersistentVolumeProps, size: StorageSize | undefined): StorageSize {
    const where = at(whereOf(this, ''), 'capacity');
    if (props.capacity === undefined) {
      if (size) return size;
      return fail(where, undefined, `a ${this.plugin} PersistentVolume needs a capacity (claims are matched against it)`, 'give capacity, e.g. "10Gi"');
    }
    const capacity = checkStorageSize(props.capacity, where, "a PersistentVolume's capacity");
    if (size && compareQuantities(capacity.value, size.value) > 0) {
      fail(where, props.capacity, `the capacity is larger than the Cinder volume (${size.quantity}); claims would be promised space the disk does not have`, `use at most "${size.quantity}", or grow the volume (its sizeGb) first`);
    }
    return capacity;
  }
}

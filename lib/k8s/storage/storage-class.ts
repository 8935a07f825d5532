import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { warn } from '../../warnings';
import { at, fail } from '../../model/errors';
import { checkBoolean } from '../../model/booleans';
import { checkKnownVersion, CinderProvisioner, DEFAULT_KUBERNETES_VERSION, KubernetesVersion, KubernetesVersionLike } from '../../model/kubernetes-versions';
import { checkKnownZone, checkRegion, Region } from '../../model/regions';
import {
  checkBindingMode, checkCinderProvisioner, checkMountOptions, checkReclaimPolicy, checkStorageClassVolumeType, isCsiProvisioner, ReclaimPolicy, VolumeBindingMode,
} from '../../model/storage';
import { VolumeType } from '../../model/volumes';
import { whereOf } from '../../where';
import { objectMeta } from '../metadata';
import { trackObjects, trackUses, UniqueKind } from '../unique-objects';
import { recordsProblems } from '../../problems';

/** The annotation that makes a StorageClass the cluster's default (seed 003 "Default StorageClass"). */
export const DEFAULT_STORAGE_CLASS_ANNOTATION = 'storageclass.kubernetes.io/is-default-class';

/** Properties of a {@link StorageClass}. */
export interface StorageClassProps {
  /**
   * StorageClass name (a DNS subdomain), e.g. the guide's `sc-ssd`. Claims name their class by it.
   * @default - a name cdk8s generates from the construct path
   */
  readonly name?: string;
  /**
   * Kubernetes version of the cluster (`cluster.kubernetesVersion`, or a string like `v1.19.13`): it
   * decides the provisioner.
   * @default the newest version NKS creates (DEFAULT_KUBERNETES_VERSION)
   */
  readonly kubernetesVersion?: KubernetesVersionLike;
  /**
   * Provisioner. Only the one the version has is accepted: `kubernetes.io/cinder` up to v1.19,
   * `cinder.csi.openstack.org` from v1.20.
   * @default - the one for `kubernetesVersion`
   */
  readonly provisioner?: CinderProvisioner;
  /**
   * Block storage type of provisioned volumes (`parameters.type`): `General HDD` or `General SSD`.
   * @default - not written; NKS creates 'General HDD'
   */
  readonly volumeType?: VolumeType;
  /**
   * Availability zone of provisioned volumes (`parameters.availability`). Set it to the zone of the node
   * group that runs the pods: a volume in another zone cannot attach. The guide says always set it.
   * @default - not written: NKS picks a zone at random (a warning), or, with `WaitForFirstConsumer`, the
   *   zone of the node the first pod is scheduled to
   */
  readonly availabilityZone?: string;
  /**
   * Check `availabilityZone` against this region's zones.
   * @default - any NHN Cloud zone is accepted
   */
  readonly region?: Region;
  /**
   * What happens to a provisioned volume when its claim is deleted. `Delete` removes the Cinder volume too
   * (dynamic volumes are not deleted with the cluster: delete claims before the cluster, or pay for them).
   * @default - not written; Kubernetes' default 'Delete'
   */
  readonly reclaimPolicy?: Exclude<ReclaimPolicy, 'Recycle'>;
  /**
   * When volumes are provisioned: `Immediate` (when the claim is created) or `WaitForFirstConsumer` (when
   * the first pod using the claim is scheduled, in that node's zone). The latter needs the CSI driver.
   * @default - not written; Kubernetes' default 'Immediate'
   */
  readonly volumeBindingMode?: VolumeBindingMode;
  /**
   * Let claims of this class grow: raising a claim's storage then extends the Cinder volume. Can be
   * switched on later for an existing class.
   * @default false
   */
  readonly allowVolumeExpansion?: boolean;
  /**
   * Mark this class as the cluster default (annotation `storageclass.kubernetes.io/is-default-class`):
   * claims without a class get it. `false` writes `"false"`, to hand the default to another class.
   * @default - no annotation
   */
  readonly isDefault?: boolean;
  /**
   * Mount options of provisioned volumes.
   * @default - none
   */
  readonly mountOptions?: string[];
  /**
   * Labels.
   * @default - none
   */
  readonly labels?: Record<string, string>;
}

/**
 * An NKS StorageClass for Cinder block storage (seed 000 "동적 프로비저닝", seed 003 "Storage Class"). The
 * provisioner follows the cluster's Kubernetes version, volume type and zone are checked, and a class
 * without a zone warns (its volumes may land where the nodes are not). Claims use it by name or object.
 */
@recordsProblems
export class StorageClass extends Construct {
  /** The StorageClass name. */
  public readonly name: string;
  /** The provisioner written. */
  public readonly provisioner: CinderProvisioner;
  /** True when volumes go through the Cinder CSI driver. */
  public readonly csi: boolean;
  /** The cluster version the provisioner was chosen for. */
  public readonly kubernetesVersion: KubernetesVersion;
  /** Volume type, when set. */
  public readonly volumeType?: VolumeType;
  /** Zone of provisioned volumes, when set. */
  public readonly availabilityZone?: string;
  /** Effective reclaim policy. */
  public readonly reclaimPolicy: Exclude<ReclaimPolicy, 'Recycle'>;
  /** Effective binding mode. */
  public readonly volumeBindingMode: VolumeBindingMode;
  /** Whether claims of this class may grow. */
  public readonly allowVolumeExpansion: boolean;
  /** The L1 StorageClass object. */
  public readonly apiObject: kplus.k8s.KubeStorageClass;

  /** Creates a StorageClass. */
  constructor(scope: Construct, id: string, props: StorageClassProps = {}) {
    super(scope, id);
    const where = whereOf(this, '');
    const version = props.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION;
    this.kubernetesVersion = checkKnownVersion(version, at(where, 'kubernetesVersion'));
    this.provisioner = checkCinderProvisioner(props.provisioner, this.kubernetesVersion, at(where, 'provisioner'));
    this.csi = isCsiProvisioner(this.provisioner);
    if (props.volumeType !== undefined) this.volumeType = checkStorageClassVolumeType(props.volumeType, at(where, 'volumeType'));
    const region = props.region === undefined ? undefined : checkRegion(props.region, at(where, 'region'));
    if (props.availabilityZone !== undefined) this.availabilityZone = checkKnownZone(props.availabilityZone, at(where, 'availabilityZone'), region);
    this.reclaimPolicy = props.reclaimPolicy === undefined ? 'Delete' : (checkReclaimPolicy(props.reclaimPolicy, at(where, 'reclaimPolicy'), false) as 'Delete' | 'Retain');
    this.volumeBindingMode = props.volumeBindingMode === undefined ? 'Immediate' : checkBindingMode(props.volumeBindingMode, at(where, 'volumeBindingMode'));
    if (this.volumeBindingMode === 'WaitForFirstConsumer' && !this.csi) {
      fail(at(where, 'volumeBindingMode'), 'WaitForFirstConsumer', `WaitForFirstConsumer needs the Cinder CSI driver; Kubernetes ${this.kubernetesVersion.tag} uses the in-tree ${this.provisioner}`, 'use "Immediate" and set availabilityZone to the nodes\' zone');
    }
    this.allowVolumeExpansion = props.allowVolumeExpansion === undefined ? false : checkBoolean(props.allowVolumeExpansion, at(where, 'allowVolumeExpansion'));
    if (props.isDefault !== undefined) checkBoolean(props.isDefault, at(where, 'isDefault'));
    if (this.availabilityZone === undefined && this.volumeBindingMode === 'Immediate') {
      warn(this, 'nks-cdk:storageClassNoZone', 'StorageClass has no availabilityZone: NKS creates its volumes in a random zone, and a volume in another zone than the node group cannot attach. Set availabilityZone to the nodes\' zone (or use volumeBindingMode "WaitForFirstConsumer").');
    }

    const mountOptions = props.mountOptions === undefined ? undefined : checkMountOptions(props.mountOptions, at(where, 'mountOptions'));
    const parameters: Record<string, string> = {};
    if (this.volumeType !== undefined) parameters.type = this.volumeType;
    if (this.availabilityZone !== undefined) parameters.availability = this.availabilityZone;
    const annotations = props.isDefault === undefined ? undefined : { [DEFAULT_STORAGE_CLASS_ANNOTATION]: String(props.isDefault) };
    this.apiObject = new kplus.k8s.KubeStorageClass(this, 'Resource', {
      metadata: objectMeta({ name: props.name, labels: props.labels, annotations }, where),
      provisioner: this.provisioner,
      parameters: Object.keys(parameters).length ? parameters : undefined,
      reclaimPolicy: props.reclaimPolicy === undefined ? undefined : this.reclaimPolicy,
      volumeBindingMode: props.volumeBindingMode === undefined ? undefined : this.volumeBindingMode,
      allowVolumeExpansion: props.allowVolumeExpansion,
      mountOptions: mountOptions?.length ? mountOptions : undefined,
    });
    this.name = this.apiObject.name;
    trackObjects(this);
    if (props.isDefault === true) {
      trackUses(this, () => [{ kind: DEFAULT_CLASS, key: 'default', where: at(where, 'isDefault'), value: true, construct: this, detail: this }]);
    }
  }
}

/**
 * One default StorageClass per cluster. With several, the DefaultStorageClass admission plugin gives a claim
 * without a class the newest of them (GetDefaultClass in kubernetes/kubernetes pkg/volume/util/storageclass.go
 * sorts by creation time, newest first, "choosing the newest"), since Kubernetes 1.26 (#110559,
 * CHANGELOG-1.26.md: "choose the newest one instead of throwing an error"); before 1.26 it refused every such
 * claim. Legal, so a warning: which class wins depends on the order the classes are created in.
 */
const DEFAULT_CLASS: UniqueKind<StorageClass> = {
  warning: true,
  rule: (later, earlier) => {
    const old = [later.detail, earlier.detail].filter((c) => c.kubernetesVersion.minor < 26);
    return (
      `StorageClass "${later.detail.name}" and StorageClass "${earlier.detail.name}" (${earlier.detail.node.path}) are both marked default; ` +
      'a claim without a storageClass gets the one created last (Kubernetes 1.26 and later), so which class it gets depends on the apply order' +
      (old.length ? `, and on Kubernetes ${old[0].kubernetesVersion.tag} (older than 1.26) the API server refuses every claim without a storageClass.` : '.')
    );
  },
  fix: () => 'Mark one StorageClass isDefault: true (or name the class in each claim), and the others isDefault: false or unset.',
};

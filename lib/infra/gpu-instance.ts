import { Construct } from 'constructs';
import { fail } from '../model/errors';
import { Flavor } from '../model/flavors';
import { checkResourceName } from '../model/names';
import { checkEncryptionKey, VolumeEncryptionKey } from '../model/node-spec';
import { checkBootVolumeSize, VolumeType } from '../model/volumes';
import { BlockStorageVolume } from './block-storage-volume';
import { IKeyPair } from './key-pair';
import { INetwork } from './network';
import { ImageRef } from './references';
import { InfraStack, rendererOf } from './stack';
import { InstanceResource } from './targets/renderer';
import { defaultName, isLiteral, warn, whereOf } from './util';
import { recordsProblems } from '../problems';
import { applyProtection } from './protect';

/** Properties of a {@link GpuInstance}. */
export interface GpuInstanceProps {
  /**
   * Instance name.
   * @default the construct id in lowercase
   */
  readonly name?: string;
  /** A flavor with GPUs: a `g2` flavor on NHN Cloud, e.g. `g2.t4.c8m64`; on openstack one the cloud profile lists with `gpu`. */
  readonly flavor: string;
  /**
   * GPUs per instance, needed only for g2 flavors nks-cdk's table does not list.
   * @default - from the flavor table
   */
  readonly gpuCount?: number;
  /** Image the boot volume is created from. */
  readonly image: ImageRef;
  /** Availability zone. */
  readonly availabilityZone: string;
  /** Network (its subnet) the instance attaches to. */
  readonly network: INetwork;
  /** Key pair for SSH access. */
  readonly keyPair: IKeyPair;
  /**
   * Boot volume, created from `image` and deleted with the instance. An `Encrypted HDD` or `Encrypted SSD` boot
   * volume needs `encryptionKey` (nhncloud: the block device's `nhn_encryption`; ignored with a warning on
   * openstack).
   * @default { type: 'General HDD', sizeGb: 50 } (openstack: the profile's `defaultVolumeType`)
   */
  readonly bootVolume?: { readonly type?: VolumeType; readonly sizeGb?: number; readonly encryptionKey?: VolumeEncryptionKey };
  /**
   * Security group names.
   * @default ['default']
   */
  readonly securityGroups?: string[];
  /**
   * Volumes attached after boot; each must be in the instance's zone, listed once, and attached to no other
   * instance (NHN's volume types are not multiattach).
   * @default - none
   */
  readonly volumes?: BlockStorageVolume[];
  /**
   * Refuse at synth any change that would replace or destroy this instance: a ValidationError that names the
   * argument forcing it and what to do instead. Also writes `lifecycle.prevent_destroy` on its resource, so
   * Terraform refuses too. Without it such a change is a warning. Its boot volume goes with a replaced instance.
   * @default the InfraStack's `protect` (false)
   */
  readonly protect?: boolean;
}

/**
 * A GPU compute instance on a `g2` flavor, booting from a volume, with extra volumes attached
 * (`openstack_compute_instance_v2` by flavor name, or `nhncloud_compute_instance_v2` by the flavor's looked-up
 * UUID; volume attachments on either).
 */
@recordsProblems
export class GpuInstance extends Construct {
  /** The instance name. */
  public readonly name: string;
  /** The parsed flavor (with its GPU model and count). */
  public readonly flavor: Flavor;
  /** The instance's availability zone. */
  public readonly availabilityZone: string;
  /** The instance resource (`openstack_compute_instance_v2` or `nhncloud_compute_instance_v2`). */
  public readonly resource: InstanceResource;
  /** The instance ID (a Terraform reference). */
  public readonly instanceId: string;
  /** Whether the instance is protected (`protect`, or the stack's). */
  public readonly isProtected: boolean;

  /** Creates a GPU instance booting from a volume, with `props.volumes` attached, in the stack of `scope`. */
  constructor(scope: Construct, id: string, props: GpuInstanceProps) {
    super(scope, id);
    const stack = InfraStack.of(this);
    this.name = checkResourceName(props.name ?? defaultName(id), whereOf(this, 'name'), 'instance');
    stack.cloud.checkGpuFlavorName(props.flavor, whereOf(this, 'flavor'), 'a GPU instance', 'use e.g. g2.t4.c8m64');
    this.flavor = stack.cloud.parseFlavor(props.flavor, whereOf(this, 'flavor'), props.gpuCount === undefined ? undefined : { gpuCount: props.gpuCount });
    this.availabilityZone = stack.cloud.checkZone(props.availabilityZone, whereOf(this, 'availabilityZone'));
    const bootType = stack.cloud.checkVolumeType(props.bootVolume?.type ?? stack.cloud.defaultVolumeType, whereOf(this, 'bootVolume.type'));
    const bootSize = checkBootVolumeSize(props.bootVolume?.sizeGb ?? 50, whereOf(this, 'bootVolume.sizeGb'));
    const bootKey = checkEncryptionKey(bootType, props.bootVolume?.encryptionKey, whereOf(this, 'bootVolume.encryptionKey'), stack.cloud.skmEncryption);
    if (bootKey && stack.target === 'openstack') {
      warn(this, 'nks-cdk:encryptionKeyIgnored', 'bootVolume.encryptionKey is NHN Cloud\'s nhn_encryption block, which the openstack provider\'s block_device does not have; it is ignored on the openstack target.');
    }
    (props.securityGroups ?? []).forEach((group, i) => {
      if (typeof group !== 'string' || isLiteral(group)) checkResourceName(group, whereOf(this, `securityGroups[${i}]`), 'security group');
    });
    const volumes = props.volumes ?? [];
    volumes.forEach((v, i) => {
      if (v.availabilityZone !== this.availabilityZone) {
        fail(whereOf(this, `volumes[${i}]`), v.node.path, `a volume attaches only to an instance in its own zone; ${v.name} is in ${v.availabilityZone}, the instance in ${this.availabilityZone}`, `create the volume in ${this.availabilityZone}`);
      }
    });
    checkSingleAttachment(this, volumes);

    const rendered = rendererOf(stack).instance(
      this,
      {
        name: this.name,
        flavor: this.flavor,
        availabilityZone: this.availabilityZone,
        keyPairName: props.keyPair.keyPairName,
        securityGroups: props.securityGroups ?? ['default'],
        networkId: props.network.networkId,
        imageId: props.image.resolve(this, whereOf(this, 'image')),
        bootVolumeType: bootType,
        bootVolumeSizeGb: bootSize,
        bootVolumeEncryptionKey: bootKey,
        volumeIds: volumes.map((v) => v.volumeId),
        // Nova refuses to boot a server on a network that has no subnet yet (see instanceArguments), and
        // `network.uuid` (the VPC) does not wait for it: the instance waits for the subnet and, on nhncloud,
        // the routing table's gateway attachment (its way out).
        dependsOn: props.network.prerequisites,
      },
      (field) => whereOf(this, field),
    );
    this.resource = rendered.resource;
    this.isProtected = applyProtection(this, this.resource, props.protect);
    this.instanceId = rendered.instanceId;
  }
}

/**
 * Where each volume is attached: the instance and the index in its `volumes`. Kept per volume object, so a
 * volume handed to two instances of one program (in any stack) is found at the second.
 */
const ATTACHMENTS = new WeakMap<BlockStorageVolume, { readonly instance: string; readonly index: number }>();

/**
 * A volume attaches to one instance at a time. Cinder attaches a volume to a second server only when its
 * volume type is multiattach (`multiattach="<is> True"`; terraform-provider-openstack v3.4.0
 * `docs/resources/compute_volume_attach_v2.md` lines 97–100, `docs/guides/upgrade-guide-version-2.md`
 * lines 110–112); NHN's volume types are not: "블록 스토리지는 여러 개의 인스턴스에서 동시에 연결하여 사용할 수
 * 없습니다" (TOAST-DOCS/Storage-Block-Storage `ko/overview.md` line 7). nks-cdk's volumes have no
 * multiattach type, so on either target the second attachment would fail at apply with the volume in use.
 */
function checkSingleAttachment(instance: Construct, volumes: readonly BlockStorageVolume[]): void {
  volumes.forEach((v, i) => {
    const first = volumes.indexOf(v);
    if (first !== i) {
      fail(whereOf(instance, `volumes[${i}]`), v.node.path, `a volume attaches to an instance once; ${v.node.path} is volumes[${first}] already`, `remove volumes[${i}]`);
    }
    const other = ATTACHMENTS.get(v);
    if (other && other.instance !== instance.node.path) {
      fail(
        whereOf(instance, `volumes[${i}]`),
        v.node.path,
        `a block storage volume attaches to one instance at a time (NHN's volume types are not multiattach); ${v.node.path} is attached to ${other.instance} already (its volumes[${other.index}])`,
        'give each instance a volume of its own, or attach this one to one instance only',
      );
    }
  });
  volumes.forEach((v, i) => ATTACHMENTS.set(v, { instance: instance.node.path, index: i }));
}

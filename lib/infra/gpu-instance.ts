import { Construct } from 'constructs';
import { fail } from '../model/errors';
import { checkGpuFlavorName, Flavor, parseFlavor } from '../model/flavors';
import { checkResourceName } from '../model/names';
import { checkZone } from '../model/regions';
import { checkBootVolumeSize, checkVolumeType, DEFAULT_VOLUME_TYPE, VolumeType } from '../model/volumes';
import { BlockStorageVolume } from './block-storage-volume';
import { IKeyPair } from './key-pair';
import { INetwork } from './network';
import { ImageRef } from './references';
import { InfraStack } from './stack';
import { InstanceResource } from './targets/renderer';
import { defaultName, isLiteral, whereOf } from './util';
import { recordsProblems } from '../problems';

/** Properties of a {@link GpuInstance}. */
export interface GpuInstanceProps {
  /**
   * Instance name.
   * @default the construct id in lowercase
   */
  readonly name?: string;
  /** A `g2` flavor, e.g. `g2.t4.c8m64`. */
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
   * Boot volume, created from `image` and deleted with the instance.
   * @default { type: 'General HDD', sizeGb: 50 }
   */
  readonly bootVolume?: { readonly type?: VolumeType; readonly sizeGb?: number };
  /**
   * Security group names.
   * @default ['default']
   */
  readonly securityGroups?: string[];
  /**
   * Volumes attached after boot; each must be in the instance's zone.
   * @default - none
   */
  readonly volumes?: BlockStorageVolume[];
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

  constructor(scope: Construct, id: string, props: GpuInstanceProps) {
    super(scope, id);
    const stack = InfraStack.of(this);
    this.name = checkResourceName(props.name ?? defaultName(id), whereOf(this, 'name'), 'instance');
    checkGpuFlavorName(props.flavor, whereOf(this, 'flavor'), 'a GPU instance', 'use e.g. g2.t4.c8m64');
    this.flavor = parseFlavor(props.flavor, whereOf(this, 'flavor'), props.gpuCount === undefined ? undefined : { gpuCount: props.gpuCount });
    this.availabilityZone = checkZone(stack.region, props.availabilityZone, whereOf(this, 'availabilityZone'));
    const bootType = checkVolumeType(props.bootVolume?.type ?? DEFAULT_VOLUME_TYPE, whereOf(this, 'bootVolume.type'));
    const bootSize = checkBootVolumeSize(props.bootVolume?.sizeGb ?? 50, whereOf(this, 'bootVolume.sizeGb'));
    (props.securityGroups ?? []).forEach((group, i) => {
      if (typeof group !== 'string' || isLiteral(group)) checkResourceName(group, whereOf(this, `securityGroups[${i}]`), 'security group');
    });
    const volumes = props.volumes ?? [];
    volumes.forEach((v, i) => {
      if (v.availabilityZone !== this.availabilityZone) {
        fail(whereOf(this, `volumes[${i}]`), v.node.path, `a volume attaches only to an instance in its own zone; ${v.name} is in ${v.availabilityZone}, the instance in ${this.availabilityZone}`, `create the volume in ${this.availabilityZone}`);
      }
    });

    const rendered = stack.renderer.instance(
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
        volumeIds: volumes.map((v) => v.volumeId),
      },
      (field) => whereOf(this, field),
    );
    this.resource = rendered.resource;
    this.instanceId = rendered.instanceId;
  }
}

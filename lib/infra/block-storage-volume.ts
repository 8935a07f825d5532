import { Construct } from 'constructs';
import { fail, Where } from '../model/errors';
import { checkResourceName } from '../model/names';
import { checkEncryptionKey, VolumeEncryptionKey } from '../model/node-spec';
import { BlockStorageVolumeInfo } from '../model/storage';
import { checkVolumeSize, VolumeType } from '../model/volumes';
import { InfraStack, rendererOf } from './stack';
import { Cluster } from './cluster';
import { VolumeResource } from './targets/renderer';
import { defaultName, warn, whereOf } from './util';
import { recordsProblems } from '../problems';
import { applyProtection } from './protect';

/** Properties of a {@link BlockStorageVolume}. */
export interface BlockStorageVolumeProps {
  /**
   * Volume name.
   * @default the construct id in lowercase
   */
  readonly name?: string;
  /** Size in GB. */
  readonly sizeGb: number;
  /**
   * Volume type: one of NHN's (nhncloud) or of the cloud profile's `volumeTypes` (openstack). NHN's
   * `Encrypted HDD` and `Encrypted SSD` need `encryptionKey`.
   * @default 'General HDD' (nhncloud); the profile's `defaultVolumeType` (openstack)
   */
  readonly volumeType?: VolumeType;
  /**
   * The Secure Key Manager key an `Encrypted HDD` or `Encrypted SSD` volume is encrypted with (nhncloud:
   * `nhn_encryption { skm_appkey, skm_key_id }`). Required for those types, refused for the others; fixed at
   * creation. The openstack provider has no such argument: there it is ignored with a warning.
   * @default - none (required for the encrypted types)
   */
  readonly encryptionKey?: VolumeEncryptionKey;
  /**
   * Availability zone. A Cinder volume attaches only to nodes in the same zone, so put it where the pods
   * that mount it run.
   */
  readonly availabilityZone: string;
  /**
   * Description shown in the console.
   * @default - none
   */
  readonly description?: string;
  /**
   * Refuse at synth any change that would replace or destroy this volume: a ValidationError that names the
   * argument forcing it and what to do instead. Also writes `lifecycle.prevent_destroy` on its resource, so
   * Terraform refuses too. Without it such a change is a warning. A replaced volume is a new, empty one.
   * @default the InfraStack's `protect` (false)
   */
  readonly protect?: boolean;
}

/**
 * A Cinder block storage volume. Hand it to a static PersistentVolume
 * (`PersistentVolumeSource.fromBlockStorageVolume`): it exposes the volume ID, zone and size. The ID is a
 * Terraform reference until the volume exists: the manifest gets it as a literal passed after `cdktf deploy`,
 * or through the staged deploy (infrastructure outputs file, workloads stack).
 * At synth, a warning names volumes whose zone no node group of the stack's clusters uses.
 */
@recordsProblems
export class BlockStorageVolume extends Construct implements BlockStorageVolumeInfo {
  /** Construct path (for messages in the Kubernetes layer). */
  public readonly path: string;
  /** The volume name. */
  public readonly name: string;
  /** The volume's ID (a Terraform reference, known after apply). */
  public readonly volumeId: string;
  /** The volume's availability zone. */
  public readonly availabilityZone: string;
  /** Size in GB. */
  public readonly sizeGb: number;
  /** The volume type. */
  public readonly volumeType: VolumeType;
  /** The volume resource (`openstack_blockstorage_volume_v3` or `nhncloud_blockstorage_volume_v2`). */
  public readonly resource: VolumeResource;
  /** Whether the volume is protected (`protect`, or the stack's). */
  public readonly isProtected: boolean;

  /** Creates a block storage volume in the stack of `scope`. */
  constructor(scope: Construct, id: string, props: BlockStorageVolumeProps) {
    super(scope, id);
    this.path = this.node.path;
    const stack = InfraStack.of(this);
    this.name = checkResourceName(props.name ?? defaultName(id), whereOf(this, 'name'), 'volume');
    this.sizeGb = checkVolumeSize(props.sizeGb, whereOf(this, 'sizeGb'));
    this.volumeType = stack.cloud.checkVolumeType(props.volumeType ?? stack.cloud.defaultVolumeType, whereOf(this, 'volumeType'));
    this.availabilityZone = stack.cloud.checkZone(props.availabilityZone, whereOf(this, 'availabilityZone'));
    if (props.description !== undefined) checkDescription(props.description, whereOf(this, 'description'));
    const encryptionKey = checkEncryptionKey(this.volumeType, props.encryptionKey, whereOf(this, 'encryptionKey'), stack.cloud.skmEncryption);
    if (encryptionKey && stack.target === 'openstack') {
      warn(this, 'nks-cdk:encryptionKeyIgnored', 'encryptionKey is NHN Cloud\'s nhn_encryption block, which the openstack provider\'s volume does not have; it is ignored on the openstack target.');
    }
    const rendered = rendererOf(stack).volume(this, {
      name: this.name,
      sizeGb: this.sizeGb,
      volumeType: this.volumeType,
      availabilityZone: this.availabilityZone,
      description: props.description,
      encryptionKey,
    });
    this.resource = rendered.resource;
    this.isProtected = applyProtection(this, this.resource, props.protect);
    this.volumeId = rendered.volumeId;

    // Zones of node groups are known only once the whole program has run, so look at synth time.
    this.node.addValidation({
      validate: () => {
        const clusters = stack.node.findAll().filter((c): c is Cluster => c instanceof Cluster);
        const zones = new Set(clusters.flatMap((c) => c.zones));
        if (clusters.length > 0 && !zones.has(this.availabilityZone)) {
          warn(this, 'nks-cdk:zoneWithoutNodes', `Volume "${this.name}" is in ${this.availabilityZone}, but no node group of this stack is (node zones: ${[...zones].join(', ')}). A Cinder volume attaches only to a node in its own zone, so a pod that mounts it cannot start. Put the volume in one of the node zones, or add a node group in ${this.availabilityZone}.`);
        }
        return [];
      },
    });
  }
}

/** Longest Cinder volume description (the API's `description` column). */
const DESCRIPTION_MAX_LENGTH = 255;

function checkDescription(description: string, where: Where): string {
  if (typeof description !== 'string') fail(where, description, 'a volume description is a string', 'write the description in quotes, or leave it out');
  if (description.length > DESCRIPTION_MAX_LENGTH) {
    fail(where, description, `a Cinder volume description is at most ${DESCRIPTION_MAX_LENGTH} characters; this one has ${description.length}`, `shorten it to ${DESCRIPTION_MAX_LENGTH} characters or fewer`);
  }
  return description;
}

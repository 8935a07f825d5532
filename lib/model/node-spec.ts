// A group of nodes as NKS takes it (node counts, boot volume, SKM key, autoscaler, labels): validated and
// normalized once, for the cluster's default group and for every extra node group, on either target.
import { at, fail, Where } from './errors';
import { checkBoolean } from './booleans';
import { checkIntegerInRange } from './numbers';
import { CloudFacts } from './cloud';
import { Flavor } from './flavors';
import { nksBool } from './nks-rules';
import { checkNodeLabels, formatNodeLabelsForNks, NODE_GROUP_LABEL } from './node-labels';
import { checkBootVolumeSize, VolumeType } from './volumes';

/**
 * Node count bounds nks-cdk accepts for one node group. NKS itself takes 1–10 unless the project's quota is
 * raised ({@link NKS_DEFAULT_MAX_NODES}); nks-cdk accepts up to 100 for raised quotas and warns above 10.
 */
export const NODE_COUNT = { min: 1, max: 100 } as const;
/**
 * Most nodes an NKS resize takes without a raised quota: "node_count: min 1, max 10 (however, the max value
 * can be adjusted with quota)" (TOAST-DOCS/Container-Kubernetes `en/public-api.md` line 695, "Resize").
 */
export const NKS_DEFAULT_MAX_NODES = 10;
/** Autoscaler bounds the NKS console offers (ca_min_node_count / ca_max_node_count). */
export const AUTOSCALER_NODE_COUNT = { min: 1, max: 10 } as const;
/**
 * Scale-down timings the NKS console accepts, in minutes (TOAST-DOCS/Container-Kubernetes `ko/user-guide.md`,
 * cluster autoscaler settings: unneeded time 1–1440, delay after scale-up 10–1440).
 */
const UNNEEDED_MINUTES = { min: 1, max: 1440 } as const;
const DELAY_AFTER_ADD_MINUTES = { min: 10, max: 1440 } as const;

/**
 * A Secure Key Manager (SKM) symmetric key, which `Encrypted HDD` and `Encrypted SSD` volumes are encrypted
 * with: "to create encrypted block storage, you must create a symmetric key in the Secure Key Manager service
 * in advance", and its key ID cannot be changed afterwards (TOAST-DOCS/Storage-Block-Storage
 * `en/console-guide.md` lines 18–23). Both values are written into the Terraform JSON (the providers take
 * them as plain arguments and labels); neither is a credential: SKM's API also needs its own authentication.
 */
export interface VolumeEncryptionKey {
  /** The appkey of the SKM service that holds the key (console: Security > Secure Key Manager > URL & Appkey). */
  readonly appKey: string;
  /** The symmetric key's ID (console: Secure Key Manager > key store > the symmetric key). */
  readonly keyId: string;
}

/** The boot volume of every node in a node group. */
export interface BootVolumeOptions {
  /**
   * Volume type (NKS label `boot_volume_type`): one of NHN's (nhncloud) or of the cloud profile's
   * `volumeTypes` (openstack).
   * @default 'General HDD' (nhncloud); the profile's `defaultVolumeType` (openstack)
   */
  readonly type?: VolumeType;
  /**
   * Size in GB (NKS label `boot_volume_size`).
   * @default 50
   */
  readonly sizeGb?: number;
  /**
   * The SKM key of an `Encrypted HDD` or `Encrypted SSD` boot volume (NKS labels `boot_volume_key_id` and
   * `boot_volume_appkey`, TOAST-DOCS/Container-Kubernetes `en/public-api.md` lines 502–503 for clusters,
   * `ko/public-api.md` lines 1382–1383 for node groups). Required for those types, refused for the others.
   * @default - none (required for the encrypted types)
   */
  readonly encryptionKey?: VolumeEncryptionKey;
}

/**
 * The SKM key a volume of `type` needs: required (a {@link ValidationError} at `where`) for the encrypted
 * types, refused for the others; each value a non-empty string without whitespace. A Terraform reference
 * (a cdktf token string, e.g. a variable's `stringValue`) is such a string, so it passes. Values are never
 * echoed in errors.
 */
export function checkEncryptionKey(type: VolumeType, key: VolumeEncryptionKey | undefined, where: Where, skmEncryption = true): VolumeEncryptionKey | undefined {
  // On an OpenStack cloud no volume type takes a key: a key given there is ignored (the callers warn).
  const needsKey = skmEncryption && (type === 'Encrypted HDD' || type === 'Encrypted SSD');
  if (key === undefined) {
    if (needsKey) {
      fail(
        where,
        undefined,
        `${type} volumes are encrypted with a Secure Key Manager (SKM) symmetric key given at creation, and NHN Cloud refuses the volume without one`,
        `pass ${where.field}: { appKey, keyId } (console: Security > Secure Key Manager: the appkey under URL & Appkey, the ID of a symmetric key in a key store), or use 'General HDD' or 'General SSD'`,
      );
    }
    return undefined;
  }
  if (skmEncryption && !needsKey) {
    fail(where, '(a key)', `an encryption key applies only to 'Encrypted HDD' and 'Encrypted SSD' volumes, and this one is ${type}`, `remove ${where.field}, or use 'Encrypted HDD' or 'Encrypted SSD'`);
  }
  if (typeof key !== 'object' || key === null) {
    fail(where, typeof key, 'an encryption key is an object { appKey, keyId }', 'pass { appKey: ..., keyId: ... }');
  }
  for (const name of ['appKey', 'keyId'] as const) {
    const value: unknown = key[name];
    if (typeof value !== 'string' || value.trim() === '' || /\s/.test(value)) {
      const shown = value === undefined ? undefined : typeof value !== 'string' ? typeof value : value.trim() === '' ? value : '(a string with whitespace)';
      fail(at(where, name), shown, `an SKM ${name === 'appKey' ? 'appkey' : 'key ID'} is a non-empty string without whitespace`, name === 'appKey' ? 'copy the appkey from Security > Secure Key Manager > URL & Appkey' : "copy the symmetric key's ID from its key store in Secure Key Manager");
    }
  }
  return { appKey: key.appKey, keyId: key.keyId };
}

/** Cluster autoscaler settings of a node group (NKS labels `ca_*`). */
export interface AutoscalerOptions {
  /**
   * Fewest nodes the autoscaler keeps.
   * @default - the node group's node count
   */
  readonly minNodes?: number;
  /** Most nodes the autoscaler adds up to (1–10 in NKS). */
  readonly maxNodes: number;
  /**
   * Whether the autoscaler removes unneeded nodes.
   * @default true
   */
  readonly scaleDown?: boolean;
  /**
   * How long a node must be unneeded before it is removed, in minutes (`ca_scale_down_unneeded_time`).
   * @default 10
   */
  readonly scaleDownUnneededMinutes?: number;
  /**
   * Node utilisation (0–1, whole percent) under which a node counts as unneeded (`ca_scale_down_util_thresh`,
   * written as a percentage: 0.5 → "50").
   * @default 0.5
   */
  readonly scaleDownUtilizationThreshold?: number;
  /**
   * Minutes after a scale-up before scale-down is considered again (`ca_scale_down_delay_after_add`), 10–1440.
   * @default 10
   */
  readonly scaleDownDelayAfterAddMinutes?: number;
}

/** The validated, normalized description of a group of nodes: what both the cluster's default group and extra node groups are. */
export interface NodeSpec {
  /** The nodes' flavor, parsed and checked against the cloud's flavors. */
  readonly flavor: Flavor;
  /** Number of nodes (with the autoscaler on, its starting count, within the autoscaler's bounds). */
  readonly nodeCount: number;
  /** Availability zone of the nodes, one of the cloud's zones. */
  readonly availabilityZone: string;
  /** Volume type of each node's boot volume. */
  readonly bootVolumeType: VolumeType;
  /** Size of each node's boot volume, in GB. */
  readonly bootVolumeSizeGb: number;
  /** The SKM key of an encrypted boot volume type. */
  readonly bootVolumeEncryptionKey?: VolumeEncryptionKey;
  /** The autoscaler settings with every default filled in; undefined when the autoscaler is off. */
  readonly autoscaler?: Required<AutoscalerOptions>;
  /** The user's node labels, checked (without the labels nks-cdk adds). */
  readonly nodeLabels: Readonly<Record<string, string>>;
}

/** What the user may say about a group of nodes. */
export interface NodeSpecInput {
  readonly flavor: string;
  readonly gpuCount?: number;
  readonly nodeCount?: number;
  readonly availabilityZone: string;
  readonly bootVolume?: BootVolumeOptions;
  readonly autoscaler?: AutoscalerOptions;
  readonly nodeLabels?: Record<string, string>;
}

/**
 * Validates and normalizes a group of nodes against the stack's cloud (its zones, flavors and volume types);
 * `where.field` is the prefix for nested fields (may be empty).
 */
export function nodeSpec(input: NodeSpecInput, cloud: CloudFacts, where: Where, defaultNodeCount: number): NodeSpec {
  const field = (f: string): Where => (where.field ? at(where, f) : { path: where.path, field: f });
  const flavor = cloud.parseFlavor(input.flavor, field('flavor'), input.gpuCount === undefined ? undefined : { gpuCount: input.gpuCount });
  const nodeCount = checkIntegerInRange(input.nodeCount ?? defaultNodeCount, field('nodeCount'), NODE_COUNT, 'the node count of a node group');
  const availabilityZone = cloud.checkZone(input.availabilityZone, field('availabilityZone'));
  const bootVolumeType = cloud.checkVolumeType(input.bootVolume?.type ?? cloud.defaultVolumeType, field('bootVolume.type'));
  const bootVolumeSizeGb = checkBootVolumeSize(input.bootVolume?.sizeGb ?? 50, field('bootVolume.sizeGb'));
  // On an OpenStack cloud the key is not sent (the owning construct warns that it is ignored): it never
  // reaches the Magnum labels.
  const bootVolumeEncryptionKey = cloud.skmEncryption ? checkEncryptionKey(bootVolumeType, input.bootVolume?.encryptionKey, field('bootVolume.encryptionKey')) : undefined;
  let autoscaler: Required<AutoscalerOptions> | undefined;
  if (input.autoscaler) {
    const a = input.autoscaler;
    const maxNodes = checkIntegerInRange(a.maxNodes, field('autoscaler.maxNodes'), AUTOSCALER_NODE_COUNT, 'the autoscaler maximum (NKS)');
    const minNodes = checkIntegerInRange(a.minNodes ?? Math.min(nodeCount, maxNodes), field('autoscaler.minNodes'), AUTOSCALER_NODE_COUNT, 'the autoscaler minimum (NKS)');
    if (minNodes > maxNodes) {
      fail(field('autoscaler.minNodes'), minNodes, `the autoscaler minimum must not exceed its maximum (${maxNodes})`, 'lower minNodes or raise maxNodes');
    }
    if (nodeCount < minNodes || nodeCount > maxNodes) {
      fail(field('nodeCount'), nodeCount, `with the autoscaler on, the node count must lie within its bounds ${minNodes}–${maxNodes}`, 'set nodeCount inside the autoscaler bounds, or widen them');
    }
    const threshold = a.scaleDownUtilizationThreshold ?? 0.5;
    // NKS takes a whole percentage from 1 to 100.
    if (!(threshold >= 0.01 && threshold <= 1) || Math.abs(threshold * 100 - Math.round(threshold * 100)) > 1e-9) {
      fail(field('autoscaler.scaleDownUtilizationThreshold'), threshold, 'the scale-down utilisation threshold is a whole percentage from 1% to 100%, written as a fraction (0.01–1)', 'use e.g. 0.5 for 50%');
    }
    autoscaler = {
      minNodes,
      maxNodes,
      scaleDown: a.scaleDown === undefined ? true : checkBoolean(a.scaleDown, field('autoscaler.scaleDown')),
      scaleDownUnneededMinutes: checkIntegerInRange(a.scaleDownUnneededMinutes ?? 10, field('autoscaler.scaleDownUnneededMinutes'), UNNEEDED_MINUTES, 'the scale-down unneeded time', 'minutes'),
      scaleDownUtilizationThreshold: threshold,
      scaleDownDelayAfterAddMinutes: checkIntegerInRange(a.scaleDownDelayAfterAddMinutes ?? 10, field('autoscaler.scaleDownDelayAfterAddMinutes'), DELAY_AFTER_ADD_MINUTES, 'the scale-down delay after add', 'minutes'),
    };
  }
  const nodeLabels = checkNodeLabels(input.nodeLabels ?? {}, field('nodeLabels'));
  if (Object.prototype.hasOwnProperty.call(nodeLabels, NODE_GROUP_LABEL)) {
    fail(
      at(field('nodeLabels'), NODE_GROUP_LABEL),
      nodeLabels[NODE_GROUP_LABEL],
      `the node label ${NODE_GROUP_LABEL} is reserved by nks-cdk: it sets it to the node group's name, and workloads are placed by it`,
      'remove it from nodeLabels; to choose the value, name the node group (its construct id or name prop), or use a label of your own prefix',
    );
  }
  return { flavor, nodeCount, availabilityZone, bootVolumeType, bootVolumeSizeGb, bootVolumeEncryptionKey, autoscaler, nodeLabels };
}

/** The largest number of nodes the group can have (autoscaler maximum, or the fixed count). */
export function maxNodesOf(spec: NodeSpec): number {
  return spec.autoscaler ? Math.max(spec.autoscaler.maxNodes, spec.nodeCount) : spec.nodeCount;
}

/**
 * The NKS labels every node group carries (all values strings, as NKS expects). Autoscaler times are whole
 * minutes and the threshold a percentage, as the NKS API examples write them ("10", "50").
 */
export function nodeGroupLabels(spec: NodeSpec): Record<string, string> {
  const labels: Record<string, string> = {
    availability_zone: spec.availabilityZone,
    boot_volume_type: spec.bootVolumeType,
    boot_volume_size: String(spec.bootVolumeSizeGb),
    ca_enable: nksBool(spec.autoscaler !== undefined),
  };
  if (spec.bootVolumeEncryptionKey) {
    labels.boot_volume_key_id = spec.bootVolumeEncryptionKey.keyId;
    labels.boot_volume_appkey = spec.bootVolumeEncryptionKey.appKey;
  }
  if (spec.autoscaler) {
    const a = spec.autoscaler;
    labels.ca_min_node_count = String(a.minNodes);
    labels.ca_max_node_count = String(a.maxNodes);
    labels.ca_scale_down_enable = nksBool(a.scaleDown);
    labels.ca_scale_down_unneeded_time = String(a.scaleDownUnneededMinutes);
    labels.ca_scale_down_util_thresh = String(Math.round(a.scaleDownUtilizationThreshold * 100));
    labels.ca_scale_down_delay_after_add = String(a.scaleDownDelayAfterAddMinutes);
  }
  if (Object.keys(spec.nodeLabels).length > 0) labels.k8s_node_labels = formatNodeLabelsForNks(spec.nodeLabels);
  return labels;
}

/**
 * Validates "resize to N" for a group: a node count within {@link NODE_COUNT}, and no autoscaler on the
 * group (the autoscaler owns the count between its bounds; a resize would fight it).
 */
export function checkResizeTo(resizeTo: number | undefined, spec: NodeSpec, where: Where): number | undefined {
  if (resizeTo === undefined) return undefined;
  const count = checkIntegerInRange(resizeTo, where, NODE_COUNT, 'the node count of a node group');
  if (spec.autoscaler) {
    fail(where, resizeTo, `the autoscaler sizes this group between ${spec.autoscaler.minNodes} and ${spec.autoscaler.maxNodes} nodes, so a resize would be undone`, 'change the autoscaler bounds instead, or remove the autoscaler to resize by hand');
  }
  return count;
}

/**
 * The warning for a resize above NKS's default limit ({@link NKS_DEFAULT_MAX_NODES}), or undefined. A warning,
 * not an error: a project whose quota was raised may resize further.
 */
export function resizeLimitWarning(resizeTo: number | undefined, group: string): string | undefined {
  if (resizeTo === undefined || resizeTo <= NKS_DEFAULT_MAX_NODES) return undefined;
  return `resizeTo ${resizeTo} for node group "${group}": NKS resizes a node group to 1–${NKS_DEFAULT_MAX_NODES} nodes unless the project's quota is raised, and refuses more otherwise. Ask NHN Cloud to raise the quota before deploying, or resize to ${NKS_DEFAULT_MAX_NODES} or fewer.`;
}

/**
 * Fails when an upgrade may take more nodes out of service at once than the group has (`nodes`: its node
 * count after any resize). `where` is the cluster's `upgrade.maxUnavailableNodes`; `group` names the group.
 */
export function checkMaxUnavailable(maxUnavailableNodes: number, nodes: number, group: string, where: Where): void {
  if (maxUnavailableNodes > nodes) {
    fail(
      where,
      maxUnavailableNodes,
      `an upgrade takes at most all of a node group's nodes out of service at once, and node group "${group}" has ${nodes} node${nodes === 1 ? '' : 's'}`,
      `use at most ${nodes}, or give "${group}" more nodes`,
    );
  }
}

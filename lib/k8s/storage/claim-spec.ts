// The one place a claim is checked and rendered, for every kind of claim: PersistentVolumeClaim, StatefulSet
// claim templates and generic ephemeral volumes ask for storage the same way, with the same rules.
import * as kplus from 'cdk8s-plus-28';
import { AccessMode, checkAccessModeList, checkAccessModes, VolumePlugin } from '../../model/access-modes';
import { checkChoice } from '../../model/choices';
import { at, fail, Where } from '../../model/errors';
import { checkDnsSubdomain, checkLabelKey, checkLabelValue } from '../../model/names';
import { checkStorageSize, compareQuantities, StorageSize } from '../../model/quantities';
import { checkVolumeMode, cinderSizing, VolumeMode } from '../../model/storage';
import { checkBuilt } from '../../problems';
import { checkLabels } from '../metadata';
import type { PersistentVolume } from './persistent-volume';
import type { StorageClass } from './storage-class';
import type { WarningMessage } from '../../warnings';

/** A label selector requirement (seed 002: `{key: stage, operator: In, values: [development]}`). */
export interface LabelExpression {
  /** Label key. */
  readonly key: string;
  /** How the label's value is compared. */
  readonly operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  /**
   * Values for `In` and `NotIn` (at least one); none for `Exists` and `DoesNotExist`.
   * @default - none
   */
  readonly values?: string[];
}

/** Which PersistentVolumes a claim may bind: by labels and label expressions (both must match). */
export interface ClaimSelector {
  /**
   * Labels the volume must have.
   * @default - none
   */
  readonly matchLabels?: Record<string, string>;
  /**
   * Label requirements the volume must meet.
   * @default - none
   */
  readonly matchExpressions?: LabelExpression[];
}

/** What any claim asks for: size, access modes, class and volume mode. */
export interface ClaimOptions {
  /**
   * Storage to request: any Kubernetes quantity (`10Gi`, `500Mi`, `1.5Ti`), not only whole GiB. A claim of
   * a Cinder StorageClass gets a volume of whole GiB, 10–2000.
   * @default - the bound volume's capacity; required when no `volume` is given
   */
  readonly storage?: string;
  /**
   * Access modes; checked against the plugin behind the class or volume when the program knows it.
   * @default - the bound volume's modes, else ['ReadWriteOnce']
   */
  readonly accessModes?: AccessMode[];
  /**
   * StorageClass: a {@link StorageClass} (its plugin, zone and expansion rule are then checked) or a class
   * name; `''` asks for a volume without class (static binding only).
   * @default - the bound volume's class, else not written: the cluster's default StorageClass
   */
  readonly storageClass?: StorageClass | string;
  /**
   * `Filesystem` or `Block` (a raw device).
   * @default - the bound volume's mode, else 'Filesystem'
   */
  readonly volumeMode?: VolumeMode;
}

/** Binding options only a standalone PersistentVolumeClaim has. */
export interface ClaimBindingOptions {
  /**
   * The static PersistentVolume to bind. The claim must fit it: not larger, same class, modes it has.
   * @default - none: a volume of the class is provisioned, or any matching volume binds
   */
  readonly volume?: PersistentVolume;
  /**
   * How the claim names its `volume`: `name` writes `volumeName` (the guide's form); `labels` writes a
   * selector on the volume's labels.
   * @default 'name'
   */
  readonly bindBy?: 'name' | 'labels';
  /**
   * Bind to volumes with these labels (not together with `volume`). A claim with a selector is never
   * dynamically provisioned.
   * @default - none
   */
  readonly selector?: ClaimSelector;
  /**
   * The size the claim has in the cluster now, when `storage` grows it: Kubernetes extends the volume only
   * when its StorageClass allows volume expansion, and never shrinks a claim.
   * @default - the claim is new, or keeps its size
   */
  readonly expandedFrom?: string;
}

/** A checked claim: the L1 spec and what the storage checks need. */
export interface RenderedClaim {
  /** The claim spec, quantities as L1 Quantity values. */
  readonly spec: kplus.k8s.PersistentVolumeClaimSpec;
  /** Storage requested. */
  readonly storage: StorageSize;
  /** Access modes. */
  readonly accessModes: AccessMode[];
  /** Class name written, if any ('' = no class). */
  readonly storageClassName?: string;
  /** Volume plugin, when known. */
  readonly plugin?: VolumePlugin;
  /** Availability zone of the volume, when known. */
  readonly zone?: string;
  /** What decides the zone, for messages. */
  readonly zoneSource?: string;
  /** Warnings for the owning construct. */
  readonly warnings: WarningMessage[];
}

/** Checks a claim's options and renders its spec. `where` is the claim's location; fields are its props. */
export function renderClaim(options: ClaimOptions & ClaimBindingOptions, where: Where): RenderedClaim {
  const volume = options.volume;
  checkBuilt(volume, at(where, 'volume'), 'the PersistentVolume');
  const cls = typeof options.storageClass === 'object' ? options.storageClass : volume?.storageClass;
  checkBuilt(cls, at(where, 'storageClass'), 'the StorageClass');
  const warnings: WarningMessage[] = [];
  if (volume && options.selector) {
    fail(at(where, 'selector'), options.selector, 'a claim binds either the volume it names or volumes its selector matches, not both', 'remove selector, or use bindBy: "labels"');
  }
  const className = classNameOf(options, where);
  const storage = storageOf(options, where);
  const volumeMode = checkVolumeMode(options.volumeMode ?? volume?.volumeMode ?? 'Filesystem', at(where, 'volumeMode'));
  const plugin = volume?.plugin ?? (cls ? 'Cinder' : undefined);
  const csi = volume?.csi ?? cls?.csi ?? false;
  const modesWhere = at(where, 'accessModes');
  const requested = options.accessModes ?? volume?.accessModes ?? ['ReadWriteOnce'];
  const accessModes = plugin ? checkAccessModes(plugin, requested, modesWhere, { csi, subject: `${plugin} volumes${cls ? ` of StorageClass "${cls.name}"` : ''}` }) : checkAccessModeList(requested, modesWhere);

  if (options.bindBy !== undefined) {
    checkChoice(options.bindBy, ['name', 'labels'] as const, at(where, 'bindBy'), 'bindBy');
    if (!volume) fail(at(where, 'bindBy'), options.bindBy, 'bindBy says how the claim names its volume, and the claim has no volume', 'give volume (a PersistentVolume), use selector to bind by labels, or remove bindBy');
  }
  let selector = options.selector ? checkSelector(options.selector, at(where, 'selector')) : undefined;
  let volumeName: string | undefined;
  let zone = cls?.availabilityZone;
  let zoneSource = cls ? `StorageClass "${cls.name}"` : undefined;
  if (volume) {
    checkFitsVolume(volume, { storage, accessModes, volumeMode, className }, where);
    zone = volume.availabilityZone;
    zoneSource = `PersistentVolume "${volume.name}"`;
    if ((options.bindBy ?? 'name') === 'name') volumeName = volume.name;
    else {
      if (Object.keys(volume.labels).length === 0) fail(at(where, 'bindBy'), 'labels', `PersistentVolume "${volume.name}" has no labels to select it by`, 'give the volume labels, or bind by name');
      selector = { matchLabels: { ...volume.labels } };
    }
  } else if (cls) {
    const sizing = cinderSizing(storage, at(where, 'storage'));
    if (sizing.warning) warnings.push({ id: 'nks-cdk:claimSizeRounded', message: sizing.warning });
    if (selector) warnings.push({ id: 'nks-cdk:claimSelectorNoProvisioning', message: `The claim has a selector, so StorageClass "${cls.name}" never provisions a volume for it: it binds only an existing PersistentVolume of that class with matching labels.` });
  }
  // With a class given by name only, the program cannot know whether it allows expansion; the API server decides.
  if (options.expandedFrom !== undefined) checkExpansion(options.expandedFrom, storage, cls, where, volume);

  return {
    spec: {
      accessModes: [...accessModes],
      resources: { requests: { storage: kplus.k8s.Quantity.fromString(storage.quantity) } },
      storageClassName: className,
      volumeMode,
      volumeName,
      selector,
    },
    storage,
    accessModes,
    storageClassName: className,
    plugin,
    zone,
    zoneSource,
    warnings,
  };
}

function classNameOf(options: ClaimOptions & ClaimBindingOptions, where: Where): string | undefined {
  const given = options.storageClass;
  if (typeof given === 'string' && given !== '') checkDnsSubdomain(given, at(where, 'storageClass'));
  const name = typeof given === 'object' ? given.name : given;
  const volume = options.volume;
  if (!volume) return name;
  if (name !== undefined && name !== volume.storageClassName) {
    fail(at(where, 'storageClass'), name, `PersistentVolume "${volume.name}" has ${volume.storageClassName ? `class "${volume.storageClassName}"` : 'no class'}, and a claim binds only volumes of its own class`, 'omit storageClass (the volume\'s is used)');
  }
  // '' (not omitted) for a class-less volume: otherwise the cluster's default class is filled in and the claim never binds.
  return volume.storageClassName;
}

function storageOf(options: ClaimOptions & ClaimBindingOptions, where: Where): StorageSize {
  if (options.storage !== undefined) return checkStorageSize(options.storage, at(where, 'storage'), "a claim's storage request");
  if (options.volume) return options.volume.capacity;
  return fail(at(where, 'storage'), undefined, 'a claim must say how much storage it needs', 'give storage, e.g. "10Gi"');
}

interface ClaimShape {
  readonly storage: StorageSize;
  readonly accessModes: readonly AccessMode[];
  readonly volumeMode: VolumeMode;
  readonly className?: string;
}

/** The rules under which a claim can bind the static volume it names; each break leaves it Pending forever. */
function checkFitsVolume(volume: PersistentVolume, claim: ClaimShape, where: Where): void {
  if (compareQuantities(claim.storage.value, volume.capacity.value) > 0) {
    fail(at(where, 'storage'), claim.storage.quantity, `the claim asks for more than PersistentVolume "${volume.name}" has (${volume.capacity.quantity}), so it can never bind`, `request at most "${volume.capacity.quantity}", or give the volume more capacity`);
  }
  claim.accessModes.forEach((mode, i) => {
    if (!volume.accessModes.includes(mode)) {
      fail(at(where, `accessModes[${i}]`), mode, `PersistentVolume "${volume.name}" offers only ${volume.accessModes.join(', ')}, so a claim for ${mode} never binds it`, `use ${volume.accessModes.join(' or ')}`);
    }
  });
  if (claim.volumeMode !== volume.volumeMode) {
    fail(at(where, 'volumeMode'), claim.volumeMode, `PersistentVolume "${volume.name}" is a ${volume.volumeMode} volume`, `use volumeMode "${volume.volumeMode}"`);
  }
}

function checkExpansion(from: string, storage: StorageSize, cls: StorageClass | undefined, where: Where, volume?: PersistentVolume): void {
  const previous = checkStorageSize(from, at(where, 'expandedFrom'), "the claim's previous size");
  const order = compareQuantities(storage.value, previous.value);
  if (order < 0) {
    fail(at(where, 'storage'), storage.quantity, `Kubernetes never shrinks a claim (it is ${previous.quantity} now)`, `keep at least "${previous.quantity}"; to get a smaller volume, create a new claim and copy the data`);
  }
  if (order > 0 && volume && volume.storageClassName === '') {
    fail(at(where, 'expandedFrom'), from, `the claim is bound to PersistentVolume "${volume.name}", which has no StorageClass; only a class with allowVolumeExpansion can grow a claim, so the API server refuses the change`, `keep storage at "${previous.quantity}" and remove expandedFrom; to grow, give the volume a StorageClass with allowVolumeExpansion: true, or grow the disk and the volume's capacity by hand`);
  }
  if (order > 0 && cls && !cls.allowVolumeExpansion) {
    fail(at(where, 'storage'), storage.quantity, `growing the claim from ${previous.quantity} needs allowVolumeExpansion on StorageClass "${cls.name}", which is off; the API server refuses the change`, `set allowVolumeExpansion: true on StorageClass "${cls.name}" (it can be switched on for an existing class), or keep "${previous.quantity}"`);
  }
}

function checkSelector(selector: ClaimSelector, where: Where): kplus.k8s.LabelSelector {
  const matchLabels = selector.matchLabels === undefined ? undefined : checkLabels(selector.matchLabels, at(where, 'matchLabels'));
  const matchExpressions = selector.matchExpressions?.map((e, i) => {
    const ew = at(where, `matchExpressions[${i}]`);
    checkLabelKey(e.key, at(ew, 'key'));
    const needsValues = e.operator === 'In' || e.operator === 'NotIn';
    if (!['In', 'NotIn', 'Exists', 'DoesNotExist'].includes(e.operator)) fail(at(ew, 'operator'), e.operator, 'a label selector operator is In, NotIn, Exists or DoesNotExist', 'use one of those');
    if (needsValues && !(e.values?.length)) fail(at(ew, 'values'), e.values, `${e.operator} needs at least one value`, 'give values, e.g. ["development"]');
    if (!needsValues && e.values?.length) fail(at(ew, 'values'), e.values, `${e.operator} takes no values`, 'remove values');
    e.values?.forEach((v, j) => checkLabelValue(v, at(ew, `values[${j}]`)));
    return { key: e.key, operator: e.operator, values: e.values ? [...e.values] : undefined };
  });
  if (!matchLabels && !matchExpressions?.length) fail(where, selector, 'an empty selector matches every volume', 'give matchLabels or matchExpressions, or remove selector');
  return { matchLabels, matchExpressions: matchExpressions?.length ? matchExpressions : undefined };
}

import { checkChoice, formatChoices } from './choices';
import { atIndex, fail, Where } from './errors';

/** How a volume may be mounted (seed 001/003: RWO, ROX, RWX, RWOP). */
export type AccessMode = 'ReadWriteOnce' | 'ReadOnlyMany' | 'ReadWriteMany' | 'ReadWriteOncePod';

/** Every {@link AccessMode}, in the order Kubernetes documents them. */
export const ACCESS_MODES: readonly AccessMode[] = Object.freeze(['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'] as const);

/** The short forms `kubectl get pv` prints. */
export const ACCESS_MODE_SHORT: Readonly<Record<AccessMode, string>> = Object.freeze({
  ReadWriteOnce: 'RWO',
  ReadOnlyMany: 'ROX',
  ReadWriteMany: 'RWX',
  ReadWriteOncePod: 'RWOP',
});

/** A volume plugin of seed 002's access-mode table, plus `Local` (see {@link VOLUME_PLUGIN_ACCESS_MODES}). */
export type VolumePlugin =
  | 'AWSElasticBlockStore'
  | 'AzureFile'
  | 'AzureDisk'
  | 'CephFS'
  | 'Cinder'
  | 'FC'
  | 'FlexVolume'
  | 'Flocker'
  | 'GCEPersistentDisk'
  | 'Glusterfs'
  | 'HostPath'
  | 'iSCSI'
  | 'Quobyte'
  | 'NFS'
  | 'RBD'
  | 'VsphereVolume'
  | 'PortworxVolume'
  | 'ScaleIO'
  | 'StorageOS'
  | 'Local';

/** One row of the access-mode table. */
export interface VolumePluginAccess {
  /** The modes of seed 002's table (ReadWriteOnce, ReadOnlyMany, ReadWriteMany) the plugin supports. */
  readonly modes: readonly AccessMode[];
  /**
   * The table's footnote for the row, or where a row not in the table comes from.
   * @default - none
   */
  readonly note?: string;
}

const RWO: AccessMode = 'ReadWriteOnce';
const ROX: AccessMode = 'ReadOnlyMany';
const RWX: AccessMode = 'ReadWriteMany';

/**
 * Access modes per volume plugin: seed 002's table ("볼륨 플러그인 별로 지원가능한 옵션"), which is the
 * Kubernetes documentation's table of its time. Data, not code: constructs look a plugin up here.
 *
 * Not in the table:
 * - `ReadWriteOncePod` postdates it. Kubernetes supports it for CSI volumes only (v1.22+, GA in v1.29), so
 *   {@link checkAccessModes} allows it exactly when the volume goes through a CSI driver.
 * - `Local`: a local volume lives on one node (its required node affinity names that node), so only
 *   ReadWriteOnce means what it says; an inference from the local volume's definition.
 */
export const VOLUME_PLUGIN_ACCESS_MODES: Readonly<Record<VolumePlugin, VolumePluginAccess>> = Object.freeze({
  AWSElasticBlockStore: { modes: [RWO] },
  AzureFile: { modes: [RWO, ROX, RWX] },
  AzureDisk: { modes: [RWO] },
  CephFS: { modes: [RWO, ROX, RWX] },
  Cinder: { modes: [RWO] },
  FC: { modes: [RWO, ROX] },
  FlexVolume: { modes: [RWO, ROX] },
  Flocker: { modes: [RWO] },
  GCEPersistentDisk: { modes: [RWO, ROX] },
  Glusterfs: { modes: [RWO, ROX, RWX] },
  HostPath: { modes: [RWO] },
  iSCSI: { modes: [RWO, ROX] },
  Quobyte: { modes: [RWO, ROX, RWX] },
  NFS: { modes: [RWO, ROX, RWX] },
  RBD: { modes: [RWO, ROX] },
  VsphereVolume: { modes: [RWO], note: 'ReadWriteMany works only when the pods are collocated' },
  PortworxVolume: { modes: [RWO, RWX] },
  ScaleIO: { modes: [RWO, ROX] },
  StorageOS: { modes: [RWO] },
  Local: { modes: [RWO], note: 'not in seed 002; a local volume is on one node' },
});

/** Options of {@link checkAccessModes}. */
export interface AccessModeContext {
  /**
   * The volume is attached through a CSI driver (e.g. `cinder.csi.openstack.org`), which is what
   * `ReadWriteOncePod` needs.
   * @default false
   */
  readonly csi?: boolean;
  /**
   * What the volume is, for messages: `'Cinder volume "pv-static-001"'`.
   * @default `<plugin> volumes`
   */
  readonly subject?: string;
}

/** The modes a plugin supports, `ReadWriteOncePod` included when the volume goes through CSI. */
export function accessModesOf(plugin: VolumePlugin, csi = false): readonly AccessMode[] {
  const modes = VOLUME_PLUGIN_ACCESS_MODES[plugin].modes;
  return csi ? [...modes, 'ReadWriteOncePod'] : modes;
}

/**
 * Returns `modes` when each is an access mode, none repeats, and `plugin` supports every one; otherwise
 * fails naming the plugin and the modes it has (ReadWriteMany on Cinder is the classic: the API server
 * accepts it, the claim then never binds or the pod never attaches).
 */
export function checkAccessModes(plugin: VolumePlugin, modes: readonly string[], where: Where, context: AccessModeContext = {}): AccessMode[] {
  const checked = checkAccessModeList(modes, where);
  const supported = accessModesOf(plugin, context.csi ?? false);
  checked.forEach((mode, i) => {
    if (supported.includes(mode)) return;
    const subject = context.subject ?? `${plugin} volumes`;
    const has = supported.map((m) => `${m} (${ACCESS_MODE_SHORT[m]})`).join(', ');
    const note = VOLUME_PLUGIN_ACCESS_MODES[plugin].note;
    const csiOnly = mode === 'ReadWriteOncePod';
    const rule = csiOnly
      ? `${subject}: ReadWriteOncePod works only through a CSI driver, and this volume uses the in-tree ${plugin} plugin, which has ${has}`
      : `${subject} support only ${has}; ${plugin} has no ${mode} (${ACCESS_MODE_SHORT[mode]})${note ? ` (${note})` : ''}`;
    const fix = csiOnly
      ? plugin === 'Cinder'
        ? 'use ReadWriteOnce, or a cluster on Kubernetes v1.20 or later, where NKS attaches Cinder volumes through the CSI driver'
        : 'use ReadWriteOnce, or attach the storage through its CSI driver'
      : mode === RWX || mode === ROX
        ? `use ${formatChoices(supported)}; for storage that pods on several nodes share, use NFS (NHN Cloud NAS), which has ReadWriteMany`
        : `use ${formatChoices(supported)}`;
    fail(atIndex(where, i), mode, rule, fix);
  });
  return checked;
}

/** Returns `modes` as {@link AccessMode}s when the list is non-empty, each entry is a mode and none repeats. */
export function checkAccessModeList(modes: readonly string[], where: Where): AccessMode[] {
  if (!Array.isArray(modes) || modes.length === 0) {
    fail(where, modes, 'a volume needs at least one access mode', 'use e.g. ["ReadWriteOnce"]');
  }
  const checked = modes.map((m, i) => checkChoice(m, ACCESS_MODES, atIndex(where, i), 'an access mode'));
  checked.forEach((m, i) => {
    if (checked.indexOf(m) !== i) fail(atIndex(where, i), m, 'each access mode is listed once', 'remove the duplicate');
  });
  return checked;
}

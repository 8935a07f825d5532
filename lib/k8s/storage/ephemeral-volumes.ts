import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { warn } from '../../warnings';
import { at, fail, Where } from '../../model/errors';
import { checkDnsLabel } from '../../model/names';
import { checkIntegerInRange } from '../../model/numbers';
import { checkStorageSize } from '../../model/quantities';
import { checkRelativePath } from '../../model/storage';
import { checkConfigMapKey } from '../basics';
import { ClaimOptions, renderClaim } from './claim-spec';
import { containerSpec } from '../container';
import { checkLabels } from '../metadata';
import { PodSpecOwner } from '../pod-spec';
import { registerClaimVolume, registerPodVolume } from './storage-checks';
import { volumeFromSource } from './storage-patches';

/** Where an emptyDir keeps its files: the node's disk, or RAM (tmpfs). */
export type EmptyDirMedium = 'Disk' | 'Memory';

/** Options of {@link EphemeralVolume.emptyDir}. */
export interface EmptyDirOptions {
  /**
   * Volume name in the pod (a DNS label).
   * @default the construct id in lowercase
   */
  readonly name?: string;
  /**
   * `Memory` keeps the files in RAM (tmpfs, seed 004): fast, gone on reboot, and counted against the
   * containers' memory limit.
   * @default 'Disk'
   */
  readonly medium?: EmptyDirMedium;
  /**
   * Most the volume may hold, any Kubernetes quantity (`64Mi`, `1Gi`); the pod is evicted beyond it.
   * @default - no limit (a warning for Memory)
   */
  readonly sizeLimit?: string;
}

/** Options of {@link EphemeralVolume.generic}: a claim created with each pod and deleted with it. */
export interface GenericEphemeralOptions extends ClaimOptions {
  /**
   * Volume name in the pod (a DNS label); the claim is named `<pod>-<volume>`.
   * @default the construct id in lowercase
   */
  readonly name?: string;
  /** Storage per pod, any Kubernetes quantity. */
  readonly storage: string;
  /**
   * Labels of each claim (seed 003: `type: my-frontend-volume`).
   * @default - none
   */
  readonly labels?: Record<string, string>;
}

/** Options of {@link EphemeralVolume.fromConfigMap} and {@link EphemeralVolume.fromSecret}. */
export interface KeyVolumeOptions {
  /**
   * Volume name in the pod (a DNS label).
   * @default the construct id in lowercase
   */
  readonly name?: string;
  /**
   * Only these keys, each at a relative path (`{ 'nginx.conf': 'conf.d/default.conf' }`).
   * @default - every key, as a file named after it
   */
  readonly items?: Record<string, string>;
  /**
   * File mode of the files, 0–0o777 (write it in octal: `0o440`).
   * @default - 0o644
   */
  readonly defaultMode?: number;
  /**
   * Start the pod even when the ConfigMap or Secret does not exist.
   * @default false
   */
  readonly optional?: boolean;
}

/** Options of {@link EphemeralVolume.gitClone}. */
export interface GitCloneOptions {
  /**
   * Volume name in the pod (a DNS label).
   * @default the construct id in lowercase
   */
  readonly name?: string;
  /** Repository URL: `https://...`, `ssh://...`, `git://...` or `git@host:path`. */
  readonly repository: string;
  /**
   * Branch, tag or commit to check out.
   * @default - the repository's default branch, shallow clone
   */
  readonly revision?: string;
  /**
   * Sub-directory of the volume to clone into; `.` puts the repository at the volume's root. (gitRepo
   * cloned into a directory named after the repository when this was unset.)
   * @default '.'
   */
  readonly directory?: string;
  /**
   * Image with `git` and `sh`, pinned by tag or digest (policy NKS-IMG-1). The default is a tag Docker Hub
   * publishes; prefer a current one.
   * @default 'alpine/git:v2.36.1'
   */
  readonly image?: string;
}

/** The git image of {@link EphemeralVolume.gitClone} when none is given. */
export const DEFAULT_GIT_IMAGE = 'alpine/git:v2.36.1';
/** Where an init container mounts the volume it clones into. */
const GIT_MOUNT = '/git';
const GIT_URL = /^(?:(?:https?|ssh|git):\/\/[^\s'"`$\\]+|[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:[^\s'"`$\\]+)$/;
const GIT_REF = /^[A-Za-z0-9._/+-]+$/;

/**
 * Volumes that live and die with their pod (seed 003 "Ephemeral Volume", seed 004 emptyDir): emptyDir on disk
 * or in memory with an exact size limit, generic ephemeral volumes (a claim per pod), ConfigMap and Secret
 * files, and the init-container replacement for the deprecated gitRepo volume. Each returns a cdk8s-plus
 * Volume: mount it with `container.mount(path, volume)` or `webApp.mount(path, volume)`.
 */
export class EphemeralVolume {
  /** An emptyDir: empty when the pod starts, kept across container restarts, deleted with the pod. */
  public static emptyDir(scope: Construct, id: string, options: EmptyDirOptions = {}): kplus.Volume {
    const where = whereNew(scope, id);
    const name = volumeName(options.name, id, where);
    const medium = options.medium ?? 'Disk';
    if (medium !== 'Disk' && medium !== 'Memory') fail(at(where, 'medium'), medium, 'an emptyDir medium is "Disk" or "Memory"', 'use one of those');
    const sizeLimit = options.sizeLimit === undefined ? undefined : checkStorageSize(options.sizeLimit, at(where, 'sizeLimit'), "an emptyDir's size limit");
    const volume = volumeFromSource(scope, id, name, {
      emptyDir: {
        medium: medium === 'Memory' ? 'Memory' : undefined,
        sizeLimit: sizeLimit ? kplus.k8s.Quantity.fromString(sizeLimit.quantity) : undefined,
      },
    });
    if (medium === 'Memory' && !sizeLimit) {
      warn(volume, 'nks-cdk:emptyDirMemoryUnbounded', `emptyDir "${name}" is in memory without a sizeLimit: it can grow until the container hits its memory limit (or the node runs out). Set sizeLimit, e.g. "64Mi".`);
    }
    registerPodVolume(volume);
    return volume;
  }

  /**
   * A generic ephemeral volume (seed 003): each pod gets its own PersistentVolumeClaim from `storageClass`,
   * created with the pod and deleted with it; the claim is checked like any other (plugin modes, size).
   */
  public static generic(scope: Construct, id: string, options: GenericEphemeralOptions): kplus.Volume {
    const where = whereNew(scope, id);
    const name = volumeName(options.name, id, where);
    const claim = renderClaim(options, where);
    const labels = options.labels === undefined ? undefined : checkLabels(options.labels, at(where, 'labels'));
    const volume = volumeFromSource(scope, id, name, { ephemeral: { volumeClaimTemplate: { metadata: labels ? { labels } : undefined, spec: claim.spec } } });
    registerClaimVolume(volume, { description: `ephemeral volume "${name}"`, plugin: claim.plugin, accessModes: claim.accessModes, zone: claim.zone, zoneSource: claim.zoneSource, perPod: true });
    for (const w of claim.warnings) warn(volume, w.id, w.message);
    return volume;
  }

  /** A ConfigMap's entries as files. */
  public static fromConfigMap(scope: Construct, id: string, configMap: kplus.IConfigMap, options: KeyVolumeOptions = {}): kplus.Volume {
    const where = whereNew(scope, id);
    const volume = kplus.Volume.fromConfigMap(scope, id, configMap, { name: volumeName(options.name, id, where), ...keyOptions(options, where) });
    registerPodVolume(volume);
    return volume;
  }

  /** A Secret's entries as files (in memory on the node, never on its disk). */
  public static fromSecret(scope: Construct, id: string, secret: kplus.ISecret, options: KeyVolumeOptions = {}): kplus.Volume {
    const where = whereNew(scope, id);
    const volume = kplus.Volume.fromSecret(scope, id, secret, { name: volumeName(options.name, id, where), ...keyOptions(options, where) });
    registerPodVolume(volume);
    return volume;
  }

  /**
   * The replacement for the deprecated `gitRepo` volume (seed 004), as Kubernetes recommends: an emptyDir
   * that an init container fills with `git clone` before the app's containers start. Adds the init container
   * to `owner` (a cdk8s-plus Pod or workload, e.g. `webApp.deployment`) and returns the volume to mount.
   */
  public static gitClone(owner: PodSpecOwner, id: string, options: GitCloneOptions): kplus.Volume {
    const where: Where = { path: owner.node.path, field: id };
    if (typeof options.repository !== 'string' || !GIT_URL.test(options.repository)) {
      fail(at(where, 'repository'), options.repository, 'a repository is an https://, ssh://, git:// or user@host:path URL without spaces or quotes', 'use e.g. "https://github.com/kubernetes/examples.git"');
    }
    if (options.revision !== undefined && (!GIT_REF.test(options.revision) || options.revision.startsWith('-'))) {
      fail(at(where, 'revision'), options.revision, 'a revision is a branch, tag or commit name (letters, digits, ".", "_", "/", "+", "-"; not starting with "-")', 'use e.g. "main", "v1.2.0" or a commit hash');
    }
    const directory = options.directory ?? '.';
    if (directory !== '.') checkRelativePath(directory, at(where, 'directory'), 'a clone directory');
    const volume = EphemeralVolume.emptyDir(owner, id, { name: options.name });
    const target = directory === '.' ? GIT_MOUNT : `${GIT_MOUNT}/${directory}`;
    // Values are validated above to contain no quote, space or `$`, so single quotes keep the shell out of them.
    const script = options.revision === undefined
      ? `git clone --depth 1 -- '${options.repository}' '${target}'`
      : `git clone --no-checkout -- '${options.repository}' '${target}' && git -C '${target}' checkout '${options.revision}'`;
    const spec = containerSpec({ image: options.image ?? DEFAULT_GIT_IMAGE, containerName: `${volume.name}-clone`.slice(0, 63), command: ['sh', '-c', script] }, where);
    const init = owner.addInitContainer(spec.container);
    init.mount(GIT_MOUNT, volume);
    return volume;
  }

  private constructor() {}
}

function keyOptions(options: KeyVolumeOptions, where: Where): { items?: Record<string, kplus.PathMapping>; defaultMode?: number; optional?: boolean } {
  const items: Record<string, kplus.PathMapping> = {};
  for (const [key, path] of Object.entries(options.items ?? {})) {
    // ConfigMap and Secret keys follow the same rule.
    checkConfigMapKey(key, at(where, `items.${key}`));
    items[key] = { path: checkRelativePath(path, at(where, `items.${key}`), 'an item path') };
  }
  if (options.defaultMode !== undefined) checkIntegerInRange(options.defaultMode, at(where, 'defaultMode'), { min: 0, max: 0o777 }, 'a file mode (0 to 0o777)');
  return { items: options.items ? items : undefined, defaultMode: options.defaultMode, optional: options.optional };
}

function volumeName(name: string | undefined, id: string, where: Where): string {
  const fallback = id.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');
  return checkDnsLabel(name ?? fallback, at(where, 'name'));
}

function whereNew(scope: Construct, id: string): Where {
  return { path: scope.node.path ? `${scope.node.path}/${id}` : id, field: '' };
}

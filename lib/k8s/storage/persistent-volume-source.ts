import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { AccessMode, VolumePlugin } from '../../model/access-modes';
import { checkChoice } from '../../model/choices';
import { checkIpv4Address } from '../../model/cidr';
import { at, fail, Where } from '../../model/errors';
import { checkUuid } from '../../model/ids';
import { CinderProvisioner, CSI_CINDER_PROVISIONER } from '../../model/kubernetes-versions';
import { checkDnsSubdomain, checkLabelKey, checkLabelValue } from '../../model/names';
import { gibibytes, StorageSize } from '../../model/quantities';
import { checkKnownZone } from '../../model/regions';
import { BlockStorageVolumeInfo, checkAbsolutePath, checkFsType, isCsiProvisioner } from '../../model/storage';
import { checkVolumeSize } from '../../model/volumes';
import { deferInfraValue } from '../../infra/deferred';
import type { WarningMessage } from '../../warnings';
import { cdktfIfLoaded } from '../../cdktf-runtime';

/** What a hostPath must be on the node (`hostPath.type`); '' checks nothing. */
export type HostPathType = '' | 'DirectoryOrCreate' | 'Directory' | 'FileOrCreate' | 'File' | 'Socket' | 'CharDevice' | 'BlockDevice';
const HOST_PATH_TYPES: readonly HostPathType[] = ['', 'DirectoryOrCreate', 'Directory', 'FileOrCreate', 'File', 'Socket', 'CharDevice', 'BlockDevice'];

/** The annotation CSI volumes carry, naming the driver (NKS-FACTS "Static PV with CSI"). */
export const PROVISIONED_BY_ANNOTATION = 'pv.kubernetes.io/provisioned-by';

/** Options of {@link PersistentVolumeSource.fromBlockStorageVolume}. */
export interface BlockStorageSourceOptions {
  /**
   * The volume's ID as a literal UUID, read after deploy (`cdktf output`, or the console's Block Storage >
   * Information tab): `dist/` then has it without an outputs file.
   * @default - the volume's own ID: a literal when known, else resolved by the staged deploy (see
   *   {@link PersistentVolumeSource.fromBlockStorageVolume})
   */
  readonly volumeId?: string;
  /**
   * File system Kubernetes creates on a blank volume and mounts.
   * @default - not written; ext4
   */
  readonly fsType?: string;
}

/** Options of {@link PersistentVolumeSource.fromCinderVolumeId}. */
export interface CinderVolumeOptions {
  /**
   * The volume's availability zone (the console shows it). With it, synth checks the zone against the node
   * group of the pods that mount the volume.
   * @default - unknown; no zone check
   */
  readonly availabilityZone?: string;
  /**
   * The volume's size in GB as the console shows it: the PersistentVolume's default capacity, and the
   * upper bound for it.
   * @default - unknown; give the PersistentVolume a capacity
   */
  readonly sizeGb?: number;
  /**
   * File system Kubernetes creates on a blank volume and mounts (the guide: `ext3`).
   * @default - not written; ext4
   */
  readonly fsType?: string;
}

/** Options of {@link PersistentVolumeSource.fromNfs}. */
export interface NfsSourceOptions {
  /** NFS server: a host name or IP address, e.g. the guide's `192.168.110.206`. */
  readonly server: string;
  /** The exported path, e.g. `/path/of/workspace`. */
  readonly path: string;
  /**
   * Mount the export read-only.
   * @default false
   */
  readonly readOnly?: boolean;
}

/** Options of {@link PersistentVolumeSource.fromHostPath}. */
export interface HostPathSourceOptions {
  /** Directory (or file) on the node, e.g. the guide's `/tmp/k8s-pv`. */
  readonly path: string;
  /**
   * What must be there: `DirectoryOrCreate` creates the directory when missing.
   * @default - not written; no check
   */
  readonly type?: HostPathType;
}

/** Options of {@link PersistentVolumeSource.fromLocal}. */
export interface LocalSourceOptions {
  /** Mounted disk or directory on the node, e.g. `/mnt/disks/ssd1`. */
  readonly path: string;
  /**
   * The node that has the disk (`kubernetes.io/hostname`). A local volume needs node affinity: give this or
   * `nodeLabels`.
   * @default - none
   */
  readonly nodeName?: string;
  /**
   * Labels that select the node that has the disk. They should match one node only.
   * @default - none
   */
  readonly nodeLabels?: Record<string, string>;
  /**
   * File system on the disk.
   * @default - not written; detected
   */
  readonly fsType?: string;
}

/**
 * What the PersistentVolume knows when it renders its source.
 * @internal
 */
export interface SourceContext {
  /** Where the PersistentVolume's props are, for errors. */
  readonly where: Where;
  /** The Cinder provisioner of the cluster's version: decides CSI or in-tree. */
  readonly provisioner: CinderProvisioner;
}

/**
 * A rendered source: the spec fields, and what the checks need to know.
 * @internal
 */
export interface RenderedSource {
  /** Volume plugin (access-mode table row). */
  readonly plugin: VolumePlugin;
  /** Attached through a CSI driver. */
  readonly csi: boolean;
  /** The source fields of the PersistentVolume spec (cinder, csi, nfs, hostPath, local, nodeAffinity). */
  readonly spec: Partial<kplus.k8s.PersistentVolumeSpec>;
  /** Annotations the source adds. */
  readonly annotations: Record<string, string>;
  /** Access modes when the PersistentVolume gives none. */
  readonly defaultAccessModes: AccessMode[];
  /** The storage's own size: default and upper bound of the capacity. */
  readonly size?: StorageSize;
  /** Availability zone, for Cinder volumes whose zone is known. */
  readonly zone?: string;
  /** A Terraform-managed volume (the Delete reclaim policy would delete it behind Terraform's back). */
  readonly terraformManaged: boolean;
  /** Warnings to add on the PersistentVolume. */
  readonly warnings: WarningMessage[];
}

type Renderer = (ctx: SourceContext) => RenderedSource;

/**
 * Where a static PersistentVolume's storage is: a Cinder volume (from the infrastructure layer or by ID),
 * an NFS export, a directory on a node (hostPath), or a local disk. Choose with the static factories;
 * the PersistentVolume checks and renders it, in-tree or CSI by the cluster's Kubernetes version.
 */
export class PersistentVolumeSource {
  /**
   * A Cinder volume created by the infrastructure layer (`BlockStorageVolume`); zone and size come from it.
   * Its ID exists only after `terraform apply`, so the manifest gets it in one of two ways, and never as a
   * Terraform reference, `undefined` or a made-up ID:
   * - `options.volumeId`: the literal ID, read after deploy (`cdktf output`, or the console);
   * - otherwise the staged deploy resolves it: the workloads stack applies the PersistentVolume with a
   *   Terraform reference, and `dist/` gets the real ID from the infrastructure outputs file
   *   (`NKS_INFRA_OUTPUTS`); until that file exists the PersistentVolume is left out of `dist/` and synth
   *   names it.
   * A volume description that is not an infrastructure construct and has no literal ID is an error.
   */
  public static fromBlockStorageVolume(volume: BlockStorageVolumeInfo, options: BlockStorageSourceOptions = {}): PersistentVolumeSource {
    return new PersistentVolumeSource('Cinder', (ctx) => {
      const idWhere = at(ctx.where, 'source.volumeId');
      const known = isLiteralId(volume.volumeId) ? volume.volumeId : undefined;
      let id: string;
      if (options.volumeId !== undefined) {
        id = checkVolumeId(options.volumeId, idWhere);
        if (known !== undefined && id !== known) fail(idWhere, id, `volume ${volume.path} has the ID ${known}`, `pass ${known}, or omit volumeId`);
      } else if (known !== undefined) {
        id = known;
      } else if (Construct.isConstruct(volume)) {
        id = deferInfraValue(volume, volume.volumeId, 'id');
      } else {
        return fail(
          idWhere,
          undefined,
          `the ID of Cinder volume "${volume.name}" (${volume.path}) is a Terraform reference, known only after \`terraform apply\`; a Kubernetes manifest cannot contain it`,
          'deploy the infrastructure first (`cdktf deploy`), then pass the ID from `cdktf output` (or the console: Block Storage > Information): ' +
            "PersistentVolumeSource.fromBlockStorageVolume(volume, { volumeId: '<uuid>' })",
        );
      }
      return cinder(ctx, id, { zone: volume.availabilityZone, sizeGb: volume.sizeGb, fsType: options.fsType, terraformManaged: true });
    });
  }

  /** An existing Cinder volume by its ID (the guide's console-created volume). */
  public static fromCinderVolumeId(volumeId: string, options: CinderVolumeOptions = {}): PersistentVolumeSource {
    return new PersistentVolumeSource('Cinder', (ctx) => {
      const id = checkVolumeId(volumeId, at(ctx.where, 'source.volumeId'));
      const zone = options.availabilityZone === undefined ? undefined : checkKnownZone(options.availabilityZone, at(ctx.where, 'source.availabilityZone'));
      const sizeGb = options.sizeGb === undefined ? undefined : checkVolumeSize(options.sizeGb, at(ctx.where, 'source.sizeGb'));
      return cinder(ctx, id, { zone, sizeGb, fsType: options.fsType, terraformManaged: false });
    });
  }

  /** An NFS export (seed 001): ReadWriteMany, so pods on several nodes share it. */
  public static fromNfs(options: NfsSourceOptions): PersistentVolumeSource {
    return new PersistentVolumeSource('NFS', (ctx) => {
      const server = checkNfsServer(options.server, at(ctx.where, 'source.server'));
      const path = checkAbsolutePath(options.path, at(ctx.where, 'source.path'), 'an NFS export path');
      return plain('NFS', { nfs: { server, path, readOnly: options.readOnly } }, ['ReadWriteMany']);
    });
  }

  /**
   * A directory on whichever node runs the pod (seed 002 `pv-hostpath`). For single-node clusters and
   * tests only: a pod on another node sees another directory. Synth warns.
   */
  public static fromHostPath(options: HostPathSourceOptions): PersistentVolumeSource {
    return new PersistentVolumeSource('HostPath', (ctx) => {
      const path = checkAbsolutePath(options.path, at(ctx.where, 'source.path'), 'a hostPath');
      const type = options.type === undefined ? undefined : checkChoice(options.type, HOST_PATH_TYPES, at(ctx.where, 'source.type'), 'a hostPath type');
      const rendered = plain('HostPath', { hostPath: { path, type } }, ['ReadWriteOnce']);
      rendered.warnings.push({
        id: 'nks-cdk:hostPathVolume',
        message: `hostPath ${path} is a directory on whichever node runs the pod: on a cluster with several nodes a rescheduled pod finds another, empty directory. Use it on single-node clusters and in tests; use a Cinder volume (or NFS) on NKS.`,
      });
      return rendered;
    });
  }

  /** A disk mounted on one node; the volume's required node affinity pins its pods to that node. */
  public static fromLocal(options: LocalSourceOptions): PersistentVolumeSource {
    return new PersistentVolumeSource('Local', (ctx) => {
      const path = checkAbsolutePath(options.path, at(ctx.where, 'source.path'), 'a local volume path');
      const expressions: kplus.k8s.NodeSelectorRequirement[] = [];
      if (options.nodeName !== undefined) {
        checkDnsSubdomain(options.nodeName, at(ctx.where, 'source.nodeName'));
        expressions.push({ key: 'kubernetes.io/hostname', operator: 'In', values: [options.nodeName] });
      }
      for (const [key, value] of Object.entries(options.nodeLabels ?? {})) {
        checkLabelKey(key, at(ctx.where, `source.nodeLabels.${key}`));
        checkLabelValue(value, at(ctx.where, `source.nodeLabels.${key}`));
        expressions.push({ key, operator: 'In', values: [value] });
      }
      if (expressions.length === 0) {
        fail(
          at(ctx.where, 'source.nodeName'),
          undefined,
          'a local PersistentVolume needs node affinity: the disk is on one node, and the API server refuses a local volume without it',
          'give nodeName (the node with the disk) or nodeLabels that select it',
        );
      }
      if (options.fsType !== undefined) checkFsType(options.fsType, at(ctx.where, 'source.fsType'));
      return plain('Local', { local: { path, fsType: options.fsType }, nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: expressions }] } } }, ['ReadWriteOnce']);
    });
  }

  private constructor(
    /** The volume plugin of this source. */
    public readonly plugin: VolumePlugin,
    private readonly renderer: Renderer,
  ) {}

  /** @internal Validates the source for a PersistentVolume and renders it. */
  public _render(ctx: SourceContext): RenderedSource {
    return this.renderer(ctx);
  }
}

interface CinderInput {
  readonly zone?: string;
  readonly sizeGb?: number;
  readonly fsType?: string;
  readonly terraformManaged: boolean;
}

/** A Cinder source: CSI `volumeHandle` from v1.20, the in-tree `cinder.volumeID` before (seed 000's form). */
function cinder(ctx: SourceContext, volumeId: string, input: CinderInput): RenderedSource {
  if (input.fsType !== undefined) checkFsType(input.fsType, at(ctx.where, 'source.fsType'));
  const csi = isCsiProvisioner(ctx.provisioner);
  const spec: Partial<kplus.k8s.PersistentVolumeSpec> = csi
    ? { csi: { driver: CSI_CINDER_PROVISIONER, volumeHandle: volumeId, fsType: input.fsType } }
    : { cinder: { volumeId, fsType: input.fsType } };
  return {
    plugin: 'Cinder',
    csi,
    spec,
    annotations: csi ? { [PROVISIONED_BY_ANNOTATION]: CSI_CINDER_PROVISIONER } : {},
    defaultAccessModes: ['ReadWriteOnce'],
    size: input.sizeGb === undefined ? undefined : gibibytes(input.sizeGb),
    zone: input.zone,
    terraformManaged: input.terraformManaged,
    warnings: [],
  };
}

function plain(plugin: VolumePlugin, spec: Partial<kplus.k8s.PersistentVolumeSpec>, defaultAccessModes: AccessMode[]): RenderedSource & { warnings: WarningMessage[] } {
  return { plugin, csi: false, spec, annotations: {}, defaultAccessModes, terraformManaged: false, warnings: [] };
}

/** True for a literal volume ID; false for a Terraform token (or nothing). */
function isLiteralId(id: string | undefined): id is string {
  return typeof id === 'string' && !isTerraformToken(id);
}

/** Whether `id` is a cdktf token; without cdktf loaded nothing can be one, and cdktf stays unloaded. */
function isTerraformToken(id: string): boolean {
  return cdktfIfLoaded()?.Token.isUnresolved(id) ?? false;
}

function checkVolumeId(id: string, where: Where): string {
  if (typeof id === 'string' && isTerraformToken(id)) {
    fail(
      where,
      undefined,
      'the volume ID given is a Terraform reference, known only after `terraform apply`; a Kubernetes manifest cannot contain it',
      'deploy the infrastructure first (`cdktf deploy`), then pass the literal ID from `cdktf output`',
    );
  }
  return checkUuid(id, where, 'Cinder volume', 'copy the volume ID (a UUID) from `cdktf output` or the console: Block Storage > volume > Information');
}

function checkNfsServer(server: string, where: Where): string {
  if (typeof server !== 'string' || server.length === 0) {
    fail(where, server, 'an NFS server is a host name or IP address', 'give the NFS server, e.g. "192.168.110.206"');
  }
  // An all-numeric dotted name is meant as an IPv4 address (999.1.1.1 is a valid DNS subdomain, but no host).
  if (/^[\d.]+$/.test(server)) return checkIpv4Address(server, where, 'an NFS server given by number');
  return checkDnsSubdomain(server, where);
}

// Storage pieces: StorageClass, PersistentVolume from every source (block storage volume of the program,
// Cinder ID, NFS, hostPath, local), claims (bound, dynamic, by labels), ephemeral volumes, and mounts of
// claims into the program's workloads.
import * as kplus from 'cdk8s-plus-28';
import fc from 'fast-check';
import { EphemeralVolume, PersistentVolume, PersistentVolumeClaim, PersistentVolumeSource, StorageClass, WebApp } from '../../lib';
import { Ctx, Piece } from './program';
import { labels, mostly, name, namespace, optional, quantity } from './values';

const accessModes = optional(fc.array(mostly(fc.constantFrom('ReadWriteOnce', 'ReadWriteOnce', 'ReadOnlyMany'), fc.constantFrom('RWO', '', 'ReadWriteMany', 'ReadWriteOncePod')), { minLength: 1, maxLength: 2 }), 3);
const k8sVersion = optional(mostly(fc.constantFrom('v1.31.4', 'v1.33.4', 'v1.25.4'), fc.constantFrom('1.x', '', 'v1.19.13', 'v1.19.8')), 3);

export const storageClassPiece: fc.Arbitrary<Piece> = fc
  .record(
    {
      name: optional(mostly(fc.constantFrom('csi-storageclass', 'ssd', 'hdd'), fc.constantFrom('', 'SSD'))),
      kubernetesVersion: k8sVersion,
      provisioner: optional(mostly(fc.constantFrom('cinder.csi.openstack.org', 'kubernetes.io/cinder'), fc.constant('ebs.csi.aws.com')), 3),
      volumeType: optional(mostly(fc.constantFrom('General HDD', 'General SSD'), fc.constantFrom('Encrypted SSD', 'fast', ''))),
      availabilityZone: optional(mostly(fc.constantFrom('kr-pub-a', 'kr-pub-b', 'nova'), fc.constantFrom('', 'zone-x'))),
      reclaimPolicy: optional(mostly(fc.constantFrom('Delete', 'Retain'), fc.constant('Recycle'))),
      volumeBindingMode: optional(mostly(fc.constantFrom('Immediate', 'WaitForFirstConsumer'), fc.constant('Later'))),
      allowVolumeExpansion: optional(fc.boolean()),
      isDefault: optional(fc.boolean()),
      mountOptions: optional(fc.array(fc.constantFrom('noatime', 'discard', ''), { maxLength: 2 }), 4),
      labels: optional(labels, 4),
    },
    { requiredKeys: [] },
  )
  .map((p) => ({
    label: 'StorageClass',
    props: p,
    add: (ctx: Ctx) => ctx.remember('storage-class', new StorageClass(ctx.chart(), ctx.id('sc'), p as never)),
  }));

const source = fc.oneof(
  fc.record({ kind: fc.constant('block' as const), volume: fc.nat(5), fsType: optional(mostly(fc.constantFrom('ext4', 'xfs'), fc.constantFrom('ntfs', ''))) }),
  fc.record({ kind: fc.constant('cinder' as const), volumeId: mostly(fc.constant('5a7a3f62-1c2b-4d3e-9f4a-5b6c7d8e9f0a'), fc.constantFrom('', 'vol-1')), availabilityZone: optional(fc.constantFrom('kr-pub-a', 'nova', '')), sizeGb: optional(mostly(fc.integer({ min: 1, max: 500 }), fc.constantFrom(0, -1, 1.5))) }),
  fc.record({ kind: fc.constant('nfs' as const), server: mostly(fc.constantFrom('10.0.0.5', 'nfs.example.com'), fc.constantFrom('', 'nfs://x')), path: mostly(fc.constantFrom('/exports', '/srv/nfs'), fc.constantFrom('', 'exports')), readOnly: optional(fc.boolean()) }),
  fc.record({ kind: fc.constant('hostPath' as const), path: mostly(fc.constantFrom('/mnt/data', '/var/lib/app'), fc.constantFrom('', 'relative', '/')), type: optional(mostly(fc.constantFrom('DirectoryOrCreate', 'Directory', ''), fc.constant('Folder'))) }),
  fc.record({ kind: fc.constant('local' as const), path: mostly(fc.constantFrom('/mnt/disks/ssd1'), fc.constantFrom('', 'x')), nodeName: optional(fc.constantFrom('node-1', 'Node_1')), nodeLabels: optional(labels, 3) }),
);
type SourceSpec = typeof source extends fc.Arbitrary<infer T> ? T : never;

function toSource(s: SourceSpec, ctx: Ctx): PersistentVolumeSource | undefined {
  switch (s.kind) {
    case 'block': {
      if (!ctx.volumes.length) return undefined;
      return PersistentVolumeSource.fromBlockStorageVolume(ctx.volumes[s.volume % ctx.volumes.length], { fsType: s.fsType });
    }
    case 'cinder':
      return PersistentVolumeSource.fromCinderVolumeId(s.volumeId, { availabilityZone: s.availabilityZone, sizeGb: s.sizeGb as number });
    case 'nfs':
      return PersistentVolumeSource.fromNfs({ server: s.server, path: s.path, readOnly: s.readOnly });
    case 'hostPath':
      return PersistentVolumeSource.fromHostPath({ path: s.path, type: s.type as never });
    case 'local':
      return PersistentVolumeSource.fromLocal({ path: s.path, nodeName: s.nodeName, nodeLabels: s.nodeLabels });
  }
}

const claimProps = fc.record(
  { name: optional(name), namespace, storage: optional(quantity, 1), accessModes, storageClass: optional(fc.oneof(fc.nat(3), fc.constantFrom('csi-storageclass', '', 'missing-class')), 3), volumeMode: optional(mostly(fc.constantFrom('Filesystem', 'Block'), fc.constant('Raw')), 4), bindBy: optional(mostly(fc.constant(undefined), fc.constantFrom('name', 'labels')), 4), labels: optional(labels, 4) },
  { requiredKeys: [] },
);
type ClaimSpec = typeof claimProps extends fc.Arbitrary<infer T> ? T : never;

function claimOptions(c: ClaimSpec, ctx: Ctx): Record<string, unknown> {
  const { storageClass, ...rest } = c;
  return { ...rest, storageClass: typeof storageClass === 'number' ? ctx.pick<StorageClass>('storage-class', storageClass) : storageClass };
}

export const persistentVolumePiece: fc.Arbitrary<Piece> = fc
  .record({
    name: optional(name),
    source,
    capacity: optional(quantity, 3),
    accessModes,
    reclaimPolicy: optional(mostly(fc.constantFrom('Retain', 'Delete'), fc.constant('Recycle'))),
    storageClass: optional(fc.oneof(fc.nat(3), fc.constantFrom('', 'manual')), 3),
    kubernetesVersion: k8sVersion,
    volumeMode: optional(fc.constantFrom('Filesystem', 'Block'), 4),
    labels: optional(labels, 4),
    mountOptions: optional(fc.array(fc.constantFrom('nfsvers=4.1', 'hard', ''), { maxLength: 2 }), 4),
    claims: fc.array(claimProps, { maxLength: 2 }),
  })
  .map((p) => ({
    label: 'PersistentVolume',
    props: p,
    add(ctx: Ctx) {
      const src = toSource(p.source, ctx);
      if (!src) return;
      const { claims, source: _s, storageClass, ...props } = p;
      const pv = new PersistentVolume(ctx.chart(), ctx.id('pv'), { ...props, source: src, storageClass: typeof storageClass === 'number' ? ctx.pick<StorageClass>('storage-class', storageClass) : storageClass } as never);
      ctx.remember('pv', pv);
      claims.forEach((c, i) => {
        const { bindBy: _b, ...opts } = claimOptions(c, ctx);
        ctx.remember('claim', pv.addClaim(`claim${i}`, opts as never));
      });
    },
  }));

export const claimPiece: fc.Arbitrary<Piece> = fc.record({ claim: claimProps, pv: optional(fc.nat(3), 3) }).map((p) => ({
  label: 'PersistentVolumeClaim',
  props: p,
  add(ctx: Ctx) {
    const volume = p.pv === undefined ? undefined : ctx.pvs()[p.pv % Math.max(1, ctx.pvs().length)];
    ctx.remember('claim', new PersistentVolumeClaim(ctx.chart(), ctx.id('pvc'), { ...claimOptions(p.claim, ctx), volume } as never));
  },
}));

/** Mounts a claim or an ephemeral volume into a workload of the program. */
export const mountPiece: fc.Arbitrary<Piece> = fc
  .record({
    workload: fc.nat(5),
    what: fc.constantFrom('claim', 'emptyDir', 'generic'),
    claim: fc.nat(5),
    path: mostly(fc.constantFrom('/data', '/cache', '/var/lib/app'), fc.constantFrom('', 'data', '/')),
    readOnly: optional(fc.boolean()),
    sizeLimit: optional(quantity, 3),
    medium: optional(mostly(fc.constantFrom('Memory'), fc.constant('Disk')), 3),
    storage: mostly(quantity, fc.constant(undefined)),
  })
  .map((p) => ({
    label: 'mount',
    props: p,
    add(ctx: Ctx) {
      const w = ctx.pick<WebApp>('workload', p.workload);
      if (!w) return;
      let storage: kplus.IStorage | undefined;
      if (p.what === 'claim') storage = ctx.claims()[p.claim % Math.max(1, ctx.claims().length)];
      else if (p.what === 'emptyDir') storage = EphemeralVolume.emptyDir(w, ctx.id('empty'), { sizeLimit: p.sizeLimit, medium: p.medium as never });
      else storage = EphemeralVolume.generic(w, ctx.id('eph'), { storage: p.storage } as never);
      if (storage) w.mount(p.path, storage, { readOnly: p.readOnly });
    },
  }));

export const STORAGE_PIECES: fc.Arbitrary<Piece>[] = [storageClassPiece, persistentVolumePiece, claimPiece, mountPiece];

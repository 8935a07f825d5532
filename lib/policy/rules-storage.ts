// NKS-VOL-1: data the user marked as kept must not sit on a volume that is deleted with its claim.
import { KEEP_DATA_LABEL } from './markers';
import { fieldPath, isObj, list, metadataOf, Obj, str, stringMap } from './objects';
import { KubeObject, ManifestRuleContext, PolicyProblem, PolicyRule } from './types';

const DEFAULT_CLASS_ANNOTATION = 'storageclass.kubernetes.io/is-default-class';

/** Whether object metadata carries the keep-data marker, as a label or an annotation. */
function marked(meta: unknown): boolean {
  return [stringMap(isObj(meta) ? meta.labels : undefined), stringMap(isObj(meta) ? meta.annotations : undefined)].some((m) => m[KEEP_DATA_LABEL] === 'true');
}

function named(objects: readonly KubeObject[], kind: string, name: string): KubeObject | undefined {
  return objects.find((o) => o.kind === kind && str(metadataOf(o), 'name') === name);
}

/** A StorageClass's reclaim policy: `Delete` unless set (the API default). */
function classReclaim(sc: KubeObject): string {
  return str(sc, 'reclaimPolicy') ?? 'Delete';
}

/**
 * Why a claim's volume would be deleted with it, or undefined: its bound PV or its StorageClass (named, or the
 * default one) reclaims with Delete. Classes and volumes outside `objects` are not known, so not judged.
 */
function claimDeletesData(claimSpec: Obj, objects: readonly KubeObject[]): { why: string; field: string } | undefined {
  const volumeName = str(claimSpec, 'volumeName');
  if (volumeName !== undefined) {
    const pv = named(objects, 'PersistentVolume', volumeName);
    const policy = pv && isObj(pv.spec) ? str(pv.spec, 'persistentVolumeReclaimPolicy') : undefined;
    return policy === 'Delete' ? { why: `it is bound to PersistentVolume ${JSON.stringify(volumeName)}, which reclaims with Delete`, field: 'volumeName' } : undefined;
  }
  const className = claimSpec.storageClassName;
  // "" asks for no class (static binding); a missing name asks for the default class.
  if (className === '') return undefined;
  const sc = typeof className === 'string'
    ? named(objects, 'StorageClass', className)
    : objects.find((o) => o.kind === 'StorageClass' && stringMap(metadataOf(o).annotations)[DEFAULT_CLASS_ANNOTATION] === 'true');
  if (!sc || classReclaim(sc) !== 'Delete') return undefined;
  const which = typeof className === 'string' ? `StorageClass ${JSON.stringify(className)}` : `the default StorageClass ${JSON.stringify(str(metadataOf(sc), 'name'))}`;
  return { why: `its volume comes from ${which}, which reclaims with Delete`, field: 'storageClassName' };
}

function check(obj: KubeObject, { objects }: ManifestRuleContext): PolicyProblem[] {
  const spec = isObj(obj.spec) ? obj.spec : {};
  switch (obj.kind) {
    case 'PersistentVolume':
      return marked(obj.metadata) && spec.persistentVolumeReclaimPolicy === 'Delete'
        ? [{ message: 'PersistentVolume is marked keep-data but reclaims with Delete: deleting its claim deletes the volume', field: 'spec.persistentVolumeReclaimPolicy' }]
        : [];
    case 'StorageClass':
      return marked(obj.metadata) && classReclaim(obj) === 'Delete'
        ? [{ message: `StorageClass is marked keep-data but reclaims with Delete${obj.reclaimPolicy === undefined ? ' (the default)' : ''}: every volume it provisions is deleted with its claim`, field: 'reclaimPolicy' }]
        : [];
    case 'PersistentVolumeClaim': {
      const deletes = marked(obj.metadata) ? claimDeletesData(spec, objects) : undefined;
      return deletes ? [{ message: `PersistentVolumeClaim is marked keep-data, but ${deletes.why}`, field: fieldPath('spec', deletes.field) }] : [];
    }
    case 'StatefulSet':
      return list(spec.volumeClaimTemplates).flatMap((t, i): PolicyProblem[] => {
        const deletes = isObj(t) && marked(t.metadata) && isObj(t.spec) ? claimDeletesData(t.spec, objects) : undefined;
        const name = isObj(t) ? str(metadataOf(t), 'name') : undefined;
        return deletes ? [{ message: `volume claim template ${JSON.stringify(name)} is marked keep-data, but ${deletes.why}`, field: fieldPath(fieldPath(`spec.volumeClaimTemplates[${i}]`, 'spec'), deletes.field) }] : [];
      });
    default:
      return [];
  }
}

/** NKS-VOL-1: volumes marked keep-data (label `nks-cdk.io/keep-data: "true"`) that reclaim with Delete. */
export const KEPT_DATA_ON_DELETE_RECLAIM: PolicyRule = {
  id: 'NKS-VOL-1',
  level: 'error',
  explanation:
    `Objects labelled ${KEEP_DATA_LABEL}: "true" hold data meant to outlive their claim. With reclaim policy Delete, ` +
    'deleting the claim (kubectl delete -f dist/, a namespace cleanup, a StatefulSet scale-down followed by PVC cleanup) ' +
    'deletes the Cinder volume and the data with it.',
  fix: 'Use reclaim policy Retain (StorageClass reclaimPolicy, or the PersistentVolume\'s persistentVolumeReclaimPolicy), or remove the keep-data label if the data may go.',
  checkManifest: check,
};

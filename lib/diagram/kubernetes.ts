// Reads the Kubernetes layer from synthesized objects: workloads and their pod placement constraints,
// Services, Ingresses (and Gateway API Gateways and HTTPRoutes, drawn like them), claims, volumes and storage classes.
import { ClaimInfo, IngressInfo, IngressRoute, KubernetesModel, NodeSelectorRequirement, PersistentVolumeInfo, ServiceInfo, StorageClassInfo, WorkloadInfo } from './model';
import { gpusPerPod } from '../model/gpu';
import { INTERNAL_LB_ANNOTATION } from '../model/load-balancer-annotations';
import { ZONE_LABELS } from '../model/placement';
import { podsOf, podSpecOf, podTemplateOf, runsPods } from '../model/pod-templates';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

/** The key the diagram uses for a Kubernetes object. */
export function objectKey(kind: string, namespace: string | undefined, name: string): string {
  return `k8s/${kind}/${namespace ?? ''}/${name}`;
}

/**
 * The Kubernetes model of `objects`. `volumeKeyOf` maps a PV's Cinder volume ID (a literal or a Terraform
 * reference) to the program's block storage volume, when it is one.
 */
export function readKubernetes(objects: readonly unknown[], volumeKeyOf: (volumeId: unknown) => string | undefined = () => undefined): KubernetesModel {
  const model = { workloads: [] as WorkloadInfo[], services: [] as ServiceInfo[], ingresses: [] as IngressInfo[], claims: [] as ClaimInfo[], persistentVolumes: [] as PersistentVolumeInfo[], storageClasses: [] as StorageClassInfo[], ingressClasses: {} as Record<string, string>, gatewayClasses: {} as Record<string, string> };
  const gatewayApi = (o: Json) => String(o.apiVersion).startsWith('gateway.networking.k8s.io/');
  for (const obj of dedupe(objects)) {
    const kind = String(obj.kind);
    const name = String(obj.metadata?.name ?? '(unnamed)');
    const namespace = String(obj.metadata?.namespace ?? 'default');
    const key = objectKey(kind, namespace, name);
    if (runsPods(kind)) model.workloads.push(workload(obj, kind, name, namespace, key));
    else if (kind === 'Service') model.services.push(service(obj, name, namespace, key));
    else if (kind === 'Ingress') model.ingresses.push(ingress(obj, name, namespace, key));
    else if (kind === 'PersistentVolumeClaim') {
      model.claims.push({ key, name, namespace, storageClass: obj.spec?.storageClassName, volumeName: obj.spec?.volumeName, size: obj.spec?.resources?.requests?.storage });
    } else if (kind === 'PersistentVolume') model.persistentVolumes.push(persistentVolume(obj, name, volumeKeyOf));
    else if (kind === 'StorageClass') model.storageClasses.push(storageClass(obj, name));
    else if (kind === 'IngressClass' && typeof obj.spec?.controller === 'string') model.ingressClasses[name] = obj.spec.controller;
    else if (kind === 'GatewayClass' && gatewayApi(obj) && typeof obj.spec?.controllerName === 'string') model.gatewayClasses[name] = obj.spec.controllerName;
    else if (kind === 'Gateway' && gatewayApi(obj)) model.ingresses.push({ key, name, namespace, kind: 'Gateway', className: obj.spec?.gatewayClassName, routes: [] });
    else if (kind === 'HTTPRoute' && gatewayApi(obj)) model.ingresses.push(httpRoute(obj, name, namespace, key));
  }
  return model;
}

/** Objects that are Kubernetes objects, once each (the same object can come from dist/ and a workloads stack). */
function dedupe(objects: readonly unknown[]): Json[] {
  const seen = new Set<string>();
  const out: Json[] = [];
  for (const obj of objects) {
    if (typeof obj !== 'object' || obj === null || typeof (obj as Json).kind !== 'string') continue;
    const o = obj as Json;
    const id = `${String(o.apiVersion).replace(/\/?[^/]*$/, '')}/${objectKey(o.kind, o.metadata?.namespace ?? 'default', String(o.metadata?.name))}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(o);
  }
  return out;
}

function workload(obj: Json, kind: string, name: string, namespace: string, key: string): WorkloadInfo {
  const spec: Json = podSpecOf(obj)?.spec ?? {};
  const pods = podsOf(obj);
  const containers: Json[] = [...(spec.containers ?? []), ...(spec.initContainers ?? [])];
  const terms: Json[] = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  return {
    key,
    kind,
    name,
    namespace,
    replicas: pods === 'per-node' ? undefined : pods,
    images: (spec.containers ?? []).map((c: Json) => String(c.image)),
    podLabels: { ...(podTemplateOf(obj)?.template.metadata?.labels ?? {}) },
    nodeSelector: { ...(spec.nodeSelector ?? {}) },
    affinityTerms: terms.map((t) => (t.matchExpressions ?? []).map((e: Json): NodeSelectorRequirement => ({ key: String(e.key), operator: String(e.operator), values: (e.values ?? []).map(String) }))),
    gpusPerPod: gpusPerPod(spec),
    claims: (spec.volumes ?? []).map((v: Json) => v.persistentVolumeClaim?.claimName).filter((c: unknown): c is string => typeof c === 'string'),
    templateStorageClasses: (obj.spec?.volumeClaimTemplates ?? []).map((t: Json) => t.spec?.storageClassName).filter((c: unknown): c is string => typeof c === 'string'),
    args: containers.flatMap((c) => [...(c.command ?? []), ...(c.args ?? [])]).map(String),
  };
}

function service(obj: Json, name: string, namespace: string, key: string): ServiceInfo {
  const spec = obj.spec ?? {};
  return {
    key,
    name,
    namespace,
    type: spec.type ?? 'ClusterIP',
    ports: (spec.ports ?? []).map((p: Json) => `${p.port}${p.targetPort !== undefined && p.targetPort !== p.port ? `→${p.targetPort}` : ''}${p.protocol && p.protocol !== 'TCP' ? `/${p.protocol}` : ''}`),
    selector: { ...(spec.selector ?? {}) },
    internal: obj.metadata?.annotations?.[INTERNAL_LB_ANNOTATION] === 'true',
  };
}

function ingress(obj: Json, name: string, namespace: string, key: string): IngressInfo {
  const spec = obj.spec ?? {};
  const backend = (b: Json | undefined): { service: string; port?: string } | undefined =>
    b?.service?.name ? { service: String(b.service.name), port: b.service.port?.name ?? (b.service.port?.number === undefined ? undefined : String(b.service.port.number)) } : undefined;
  const routes: IngressRoute[] = [];
  for (const rule of spec.rules ?? []) {
    for (const p of rule.http?.paths ?? []) {
      const to = backend(p.backend);
      if (to) routes.push({ host: rule.host, path: p.path ?? '/', ...to });
    }
  }
  const fallback = backend(spec.defaultBackend);
  if (fallback) routes.push({ path: '(default)', ...fallback });
  return { key, name, namespace, className: spec.ingressClassName ?? obj.metadata?.annotations?.['kubernetes.io/ingress.class'], routes };
}

/** An HTTPRoute, drawn as an Ingress: each host × match path × backend, and the Gateways it attaches to. */
function httpRoute(obj: Json, name: string, namespace: string, key: string): IngressInfo {
  const spec = obj.spec ?? {};
  const hosts: (string | undefined)[] = spec.hostnames?.length ? spec.hostnames : [undefined];
  const routes: IngressRoute[] = [];
  for (const rule of spec.rules ?? []) {
    const paths: string[] = (rule.matches ?? [{}]).map((m: Json) => String(m.path?.value ?? '/'));
    for (const ref of rule.backendRefs ?? []) {
      if ((ref.kind ?? 'Service') !== 'Service' || !ref.name) continue;
      for (const host of hosts) for (const path of paths) routes.push({ host, path, service: String(ref.name), port: ref.port === undefined ? undefined : String(ref.port), namespace: ref.namespace });
    }
  }
  const parents = (spec.parentRefs ?? []).filter((p: Json) => (p.kind ?? 'Gateway') === 'Gateway').map((p: Json) => objectKey('Gateway', p.namespace ?? namespace, String(p.name)));
  return { key, name, namespace, kind: 'HTTPRoute', routes, parents };
}

function persistentVolume(obj: Json, name: string, volumeKeyOf: (id: unknown) => string | undefined): PersistentVolumeInfo {
  const spec = obj.spec ?? {};
  const terms: Json[] = spec.nodeAffinity?.required?.nodeSelectorTerms ?? [];
  const zones = terms.flatMap((t) => (t.matchExpressions ?? []).filter((e: Json) => ZONE_LABELS.includes(e.key) && e.operator === 'In').flatMap((e: Json) => e.values ?? []));
  return {
    key: objectKey('PersistentVolume', undefined, name),
    name,
    size: spec.capacity?.storage,
    storageClass: spec.storageClassName,
    zone: zones.length === 1 ? String(zones[0]) : undefined,
    volumeKey: volumeKeyOf(spec.csi?.volumeHandle ?? spec.cinder?.volumeID),
  };
}

function storageClass(obj: Json, name: string): StorageClassInfo {
  const topologies: Json[] = obj.allowedTopologies ?? [];
  const zones = topologies.flatMap((t) => (t.matchLabelExpressions ?? []).filter((e: Json) => ZONE_LABELS.includes(e.key)).flatMap((e: Json) => e.values ?? []));
  // The Cinder provisioners also take the zone as a parameter.
  const availability = obj.parameters?.availability;
  return { name, provisioner: obj.provisioner, zones: [...new Set([...zones, ...(typeof availability === 'string' ? [availability] : [])].map(String))].sort() };
}

// Checks that need both layers at once: what the manifests ask of the nodes, volumes and networks the
// infrastructure declares. They run in PlatformApp.synth after every construct's own validation, on the
// objects as they will be written.
import { ApiObject, Chart } from 'cdk8s';
import { Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { warn, warnedOnOrAbove } from '../warnings';
import { Cluster } from '../infra/cluster';
import { ValidationError } from '../model/errors';
import { GpuAsk, gpuCapacityOf, gpuFit, gpusPerPod, NVIDIA_GPU } from '../model/gpu';
import { LB_SUBNET_ANNOTATIONS } from '../model/load-balancer-annotations';
import { allNodeLabels, NodePlacement } from '../model/placement';
import { compareVersions, IN_TREE_CINDER_PROVISIONER } from '../model/kubernetes-versions';
import { podsOf, podSpecOf } from '../model/pod-templates';
import { KubernetesDashboard, NKS_DASHBOARD_MAX_VERSION } from '../k8s/cluster-ui/dashboard';
import { WorkloadsStack } from './workloads-stack';
import { constructsUnder, renderedJson } from '../synth-cache';


type Json = Record<string, any>;

function labelsMatch(selector: Readonly<Record<string, string>>, group: NodePlacement): boolean {
  const labels = allNodeLabels(group.nodeLabels, group.availabilityZone);
  return Object.entries(selector).every(([key, value]) => labels[key] === value);
}

function describeGroups(groups: readonly NodePlacement[]): string {
  return groups.map((g) => `${g.name} (${Object.entries(g.nodeLabels).map(([k, v]) => `${k}=${v}`).join(', ')}; zone ${g.availabilityZone})`).join('; ');
}

/**
 * Runs the cross-layer checks for the objects that run on `cluster` (every ApiObject of the charts, each
 * once: `ChartManifests.apiObjects`). Returns errors (what cannot work); adds warnings (what is legal but
 * risky) to the objects.
 */
export function checkAgainstCluster(cluster: Cluster, apiObjects: readonly ApiObject[]): ValidationError[] {
  const errors: ValidationError[] = [];
  const groups = cluster.placements;
  const zones = new Set(groups.map((g) => g.availabilityZone));
  const error = (object: IConstruct, field: string, value: unknown, rule: string, fix: string) =>
    errors.push(new ValidationError({ path: object.node.path, field, value, rule, fix }));
  const gpuDemand = new Map<NodePlacement, { asks: GpuAsk[]; objects: ApiObject[] }>();

  for (const object of apiObjects) {
    const json = renderedJson(object) as Json;
    const pod = podSpecOf(json);
    if (pod) {
      const selector: Record<string, string> = pod.spec.nodeSelector ?? {};
      const candidates = groups.filter((g) => labelsMatch(selector, g));
      if (Object.keys(selector).length > 0 && candidates.length === 0) {
        error(object, `${pod.path}.nodeSelector`, selector, `no node group of cluster ${cluster.name} carries these labels, so the pods stay Pending`, `select one of the node groups: ${describeGroups(groups)} (e.g. nodeGroup.nodeSelector)`);
      }
      const ask: GpuAsk = { perPod: gpusPerPod(pod.spec), pods: podsOf(json) ?? 1 };
      if (ask.perPod > 0) {
        const field = `${pod.path}.containers.resources.limits.${NVIDIA_GPU}`;
        const fits = candidates.map((g) => ({ group: g, fit: gpuFit(ask, gpuCapacityOf(g)) })).filter((f) => f.fit.shortfall !== 'no-gpus');
        const landing = fits.filter((f) => f.fit.shortfall !== 'pod-exceeds-node');
        if (fits.length === 0) {
          error(object, field, ask.perPod, `the pods ask for ${ask.perPod} GPU(s), but none of the node groups they can land on has GPUs`, 'add a GPU node group (cluster.addGpuNodeGroup) and place the workload on it');
        } else if (landing.length === 0) {
          const most = Math.max(...fits.map((f) => f.fit.perNode as number));
          error(object, field, ask.perPod, `a pod's GPUs must be on one node, and nodes of the GPU node groups the pods can land on (${fits.map((f) => f.group.name).join(', ')}) have at most ${most} GPU(s): the pods could never be scheduled`, `ask for at most ${most} GPU(s) per pod, or place the workload on a node group with more GPUs per node`);
        } else if (landing.length === 1) {
          const demand = gpuDemand.get(landing[0].group) ?? { asks: [], objects: [] };
          demand.asks.push(ask);
          demand.objects.push(object);
          gpuDemand.set(landing[0].group, demand);
        }
      }
    }
    if (json.kind === 'StorageClass') {
      const zone = json.parameters?.availability;
      if (zone !== undefined && !zones.has(zone)) {
        warn(object, 'nks-cdk:zoneWithoutNodes', `StorageClass provisions volumes in ${zone}, but cluster ${cluster.name} has no nodes there (node zones: ${[...zones].sort().join(', ')}); a Cinder volume attaches only to a node in its own zone, so pods using it cannot start.`);
      }
      if (json.provisioner === IN_TREE_CINDER_PROVISIONER && compareVersions(cluster.kubernetesVersion, 'v1.20.0') >= 0) {
        error(object, 'provisioner', json.provisioner, `the in-tree Cinder provisioner is gone in Kubernetes ${cluster.kubernetesVersion.tag} (cluster ${cluster.name}); NKS uses the Cinder CSI driver from v1.20`, 'use provisioner cinder.csi.openstack.org (StorageClass picks it from the cluster version)');
      }
    }
    if (json.kind === 'Service') {
      for (const key of LB_SUBNET_ANNOTATIONS) {
        const value = json.metadata?.annotations?.[key];
        const subnet = cluster.network.subnetId;
        if (typeof value !== 'string' || value === subnet) continue;
        if (Token.isUnresolved(subnet)) {
          // The cluster's subnet is created by this program: its ID is unknown until apply.
          warn(object, 'nks-cdk:loadBalancerSubnetUnverified', `${key} names subnet ${value}, but cluster ${cluster.name}'s subnet is created by this program (${cluster.network.path}), so nks-cdk cannot tell whether they are the same. Omit the annotation to use the cluster subnet.`);
        } else {
          error(object, `metadata.annotations.${key}`, value, `the load balancer would use a subnet that is not cluster ${cluster.name}'s (${subnet})`, 'omit the annotation to use the cluster subnet, or give the cluster\'s subnet ID');
        }
      }
    }
  }

  // NKS pre-installs the Kubernetes Dashboard only on clusters created at v1.25.4 or earlier (NKS-FACTS,
  // "Added 2026-12-04"); a cluster of this program is created at its kubernetesVersion, which is always a
  // version NKS creates today (v1.31.4 or newer), so it has no dashboard: the dashboard's Service, Ingress
  // and token would reach no pods.
  if (compareVersions(cluster.kubernetesVersion, NKS_DASHBOARD_MAX_VERSION) > 0) {
    const roots = new Set(apiObjects.map((o) => o.node.root));
    for (const root of roots) {
      for (const dashboard of constructsUnder(root).filter((c): c is KubernetesDashboard => c instanceof KubernetesDashboard)) {
        error(
          dashboard,
          'kubernetesVersion',
          cluster.kubernetesVersion.tag,
          `NKS pre-installs the Kubernetes Dashboard only on clusters created at ${NKS_DASHBOARD_MAX_VERSION} or earlier; cluster ${cluster.name} is created at ${cluster.kubernetesVersion.tag}, so kube-system has no dashboard pods and what this construct exposes reaches nothing (the Dashboard project itself was archived in January 2026)`,
          'use Headlamp instead (new Headlamp(chart, "headlamp"), kubernetes-sigs/headlamp, the maintained cluster UI the Dashboard project points to), and remove the KubernetesDashboard',
        );
      }
    }
  }

  errors.push(...checkCrdStages(cluster, apiObjects));

  for (const [group, demand] of gpuDemand) {
    const fit = gpuFit(demand.asks, gpuCapacityOf(group));
    if (fit.shortfall !== 'pods-exceed-group') continue;
    // One workload placed by addGpus, which evaluated the same fit and warned already (on it or its construct).
    if (demand.objects.length === 1 && warnedOnOrAbove(demand.objects[0], 'nks-cdk:gpuShortfall')) continue;
    warn(demand.objects[0], 'nks-cdk:gpuShortfall', `workloads placed on GPU node group ${group.name} ask for ${fit.asked} GPUs in all (${demand.objects.map((o) => o.node.path).join(', ')}), but the group has at most ${fit.available} (${group.maxNodes} node(s) × ${fit.perNode} GPU); the rest stay Pending.`);
  }
  return errors;
}

/**
 * The cluster a program's charts run on: the one a workloads stack applies them to, else the program's
 * only cluster; undefined when that is not clear (no cluster, or several and no workloads stack).
 */
export function targetCluster(infraRoot: IConstruct): Cluster | undefined {
  const clusters = constructsUnder(infraRoot).filter((c): c is Cluster => c instanceof Cluster);
  const targets = new Set(
    constructsUnder(infraRoot)
      .filter(WorkloadsStack.isWorkloadsStack)
      .flatMap((w) => clusters.filter((c) => c.node.path === w.cluster.node.path)),
  );
  if (targets.size === 1) return [...targets][0];
  return targets.size === 0 && clusters.length === 1 ? clusters[0] : undefined;
}

/**
 * The Terraform route cannot create a CRD and a custom resource of it in one run: `kubernetes_manifest`
 * looks each object's kind up at plan time, and `depends_on` does not help (hashicorp/terraform-provider-kubernetes
 * issues #1367, #1917, #2597; NKS-FACTS, "Added 2026-12-04"). A workloads stack that would apply both is an
 * error; the CRDs go to a workloads stack of their own, deployed first.
 */
function checkCrdStages(cluster: Cluster, apiObjects: readonly ApiObject[]): ValidationError[] {
  const stacks = constructsUnder(cluster.node.root).filter(WorkloadsStack.isWorkloadsStack).filter((w) => w.cluster.node.path === cluster.node.path);
  if (stacks.length === 0) return [];
  const errors: ValidationError[] = [];
  for (const stack of stacks) {
    // WorkloadsStack keeps its charts private; undefined means every chart of the program.
    const charts = (stack as unknown as { readonly charts?: readonly Chart[] }).charts;
    const objects = charts ? apiObjects.filter((o) => charts.includes(Chart.of(o))) : apiObjects;
    const defined = new Map<string, ApiObject>();
    for (const o of objects) {
      if (o.kind !== 'CustomResourceDefinition') continue;
      const spec = (renderedJson(o) as Json).spec ?? {};
      defined.set(`${spec.group}\u0000${spec.names?.kind}`, o);
    }
    if (defined.size === 0) continue;
    for (const o of objects) {
      const slash = o.apiVersion.lastIndexOf('/');
      const crd = defined.get(`${slash < 0 ? '' : o.apiVersion.slice(0, slash)}\u0000${o.kind}`);
      if (!crd) continue;
      errors.push(
        new ValidationError({
          path: o.node.path,
          field: 'kind',
          value: `${o.apiVersion}/${o.kind}`,
          rule: `workloads stack ${stack.node.path} would create the CRD ${crd.name} and this ${o.kind} in one Terraform run, but kubernetes_manifest looks up the kind at plan time, before the CRD exists, so the plan fails ("API did not recognize GroupVersionKind"; depends_on does not help)`,
          fix: `apply the CRDs from a workloads stack of their own, deployed first: new WorkloadsStack(app.infra, 'crds', { cluster, charts: [${Chart.of(crd).node.id === 'gateway-api-crds' ? 'ngf.crdChart' : 'theCrdChart'}] }), and list the other charts in the main one (charts: [...]); or apply dist/ with kubectl`,
        }),
      );
      break; // one error per stack is enough to say what to do
    }
  }
  return errors;
}

// NKS through the nhncloud provider: the cluster (template "iaas_console", required labels, addons), node
// groups, and the operations NKS performs on a running cluster (resize, upgrade) as their own resources,
// since the provider cannot update node_count or the version on the cluster and node group resources.
import { Construct } from 'constructs';
import { KubernetesClusterResizeV1 } from '../../generated/providers/nhncloud/kubernetes-cluster-resize-v1';
import { KubernetesClusterV1 } from '../../generated/providers/nhncloud/kubernetes-cluster-v1';
import { KubernetesNodegroupUpgradeV1 } from '../../generated/providers/nhncloud/kubernetes-nodegroup-upgrade-v1';
import { KubernetesNodegroupV1 } from '../../generated/providers/nhncloud/kubernetes-nodegroup-v1';
import { fail } from '../../model/errors';
import { kubeconfigFileAccess } from '../access';
import { checkAddons, defaultNksAddons, NKS_ADDONS, NksAddon, REQUIRED_ADDON_TYPES } from '../addons';
import { checkIdLiteral } from '../references';
import { isLiteral, warn } from '../util';
import { checkNksLabels, NKS_REQUIRED_CLUSTER_LABELS, NKS_REQUIRED_NODE_GROUP_LABELS, synthesizedBody } from './nks-rules';
import { ClusterContext, ClusterSpec, NodeGroupSpec, OperationQueue, RenderedCluster, RenderedNodeGroup, UpgradeSpec, WhereOf } from './renderer';

/** The only cluster template NKS creates clusters from (TOAST-DOCS/Container-Kubernetes `ko/public-api.md`). */
export const NKS_CLUSTER_TEMPLATE_ID = 'iaas_console';
/** NKS's names for a cluster's own node groups, which the operation APIs take in place of an ID. */
export const DEFAULT_WORKER_GROUP = 'default-worker';
export const CONTROL_PLANE_GROUP = 'default-master';

// The provider cannot update node_count (the cluster resource has no update at all): after creation the
// count is the resize resource's, or the autoscaler's; without this every plan would try to set it back.
const IGNORE_NODE_COUNT = { ignoreChanges: ['node_count'] };

/** The labels NKS reads the internet gateway network from; NKS allows a public API endpoint only with both. */
function externalNetworkLabels(scope: Construct, spec: ClusterSpec, where: WhereOf): Record<string, string> {
  const rule = 'NKS sets master_lb_floating_ip_enabled to "True" only together with external_network_id and external_subnet_id_list (the VPC network attached to the internet gateway and its subnets)';
  const network = spec.externalNetwork?.resolve(scope, where('externalNetwork'));
  const subnets = spec.externalSubnetIds?.map((id, i) => checkIdLiteral(id, where(`externalSubnetIds[${i}]`), 'subnet'));
  if (subnets !== undefined && subnets.length === 0) {
    fail(where('externalSubnetIds'), [], 'externalSubnetIds lists the subnets of the external network; an empty list says nothing', 'list at least one subnet ID, or omit externalSubnetIds together with externalNetwork');
  }
  if (spec.publicApiEndpoint && network === undefined) {
    fail(where('externalNetwork'), undefined, rule, 'pass externalNetwork (e.g. ExternalNetworkRef.fromId(...), from GET /v2.0/networks?router:external=True) and externalSubnetIds, or set publicApiEndpoint: false');
  }
  if (network !== undefined && subnets === undefined) {
    fail(where('externalSubnetIds'), undefined, `${rule}; externalNetwork is given without its subnets`, 'pass externalSubnetIds: the subnet IDs of that network (GET /v2.0/subnets?network_id=<id>)');
  }
  if (network === undefined && subnets !== undefined) {
    fail(where('externalNetwork'), undefined, `${rule}; externalSubnetIds are given without their network`, 'pass externalNetwork too');
  }
  return network === undefined || subnets === undefined ? {} : { external_network_id: network, external_subnet_id_list: subnets.join(':') };
}

/** Re-checks what the resource will actually write (escape-hatch overrides included) when the app validates. */
function checkAtSynth(scope: Construct, resource: KubernetesClusterV1 | KubernetesNodegroupV1, required: readonly string[], addons: readonly NksAddon[] | undefined, where: WhereOf): void {
  scope.node.addValidation({
    validate: () => {
      const body = synthesizedBody(resource);
      checkNksLabels(body.labels, required, where('labels'));
      if (addons) checkAddonBlocks(body.addons, addons, where);
      return [];
    },
  });
}

/** The written addon blocks still include a CNI and a kube-dns addon. */
function checkAddonBlocks(blocks: unknown, declared: readonly NksAddon[], where: WhereOf): void {
  const types = new Map<string, string>(Object.entries(NKS_ADDONS).map(([name, info]) => [name, info.type]));
  for (const addon of declared) types.set(addon.name, addon.type);
  const names = Array.isArray(blocks) ? blocks.map((b) => (typeof b === 'object' && b !== null ? String((b as Record<string, unknown>).name) : String(b))) : [];
  for (const type of REQUIRED_ADDON_TYPES) {
    if (!names.some((n) => types.get(n) === type)) {
      fail(where('addons'), names, `NKS requires a ${type} addon at cluster creation, and the cluster resource has none`, 'remove the override that drops it; declare addons through the addons prop');
    }
  }
}

/** An operation resource that upgrades one node group (or the control plane) to `upgrade`'s version. */
function upgradeOperation(scope: Construct, id: string, clusterId: string, nodegroupId: string, upgrade: UpgradeSpec, queue: OperationQueue, workers: boolean): KubernetesNodegroupUpgradeV1 {
  const operation = new KubernetesNodegroupUpgradeV1(scope, id, {
    clusterId,
    nodegroupId,
    version: upgrade.kubernetesVersion.tag,
    // Buffer and unavailable counts are about worker nodes; the control plane upgrade has neither.
    numBufferNodes: workers ? upgrade.bufferNodes : undefined,
    numMaxUnavailableNodes: workers ? upgrade.maxUnavailableNodes : undefined,
    dependsOn: queue.dependsOn,
  });
  queue.push(operation);
  return operation;
}

function resizeOperation(scope: Construct, clusterId: string, nodegroupId: string, nodeCount: number, queue: OperationQueue): KubernetesClusterResizeV1 {
  const operation = new KubernetesClusterResizeV1(scope, 'resize', { clusterId, nodegroupId, nodeCount, dependsOn: queue.dependsOn });
  queue.push(operation);
  return operation;
}

/** `nhncloud_kubernetes_cluster_v1` with its default node group's resize and the cluster upgrade, if asked for. */
export function renderNhnCluster(scope: Construct, spec: ClusterSpec, where: WhereOf, flavorId: string): RenderedCluster {
  if (spec.clusterTemplateId !== undefined && (!isLiteral(spec.clusterTemplateId) || spec.clusterTemplateId !== NKS_CLUSTER_TEMPLATE_ID)) {
    fail(where('clusterTemplateId'), spec.clusterTemplateId, `NKS creates clusters only from the template "${NKS_CLUSTER_TEMPLATE_ID}"`, 'omit clusterTemplateId on the nhncloud target');
  }
  const addons = spec.addons ?? defaultNksAddons();
  for (const warning of checkAddons(addons, where('addons'))) warn(scope, warning);
  const labels = { ...spec.labels, ...externalNetworkLabels(scope, spec, where) };
  const resource = new KubernetesClusterV1(scope, 'cluster', {
    name: spec.name,
    clusterTemplateId: NKS_CLUSTER_TEMPLATE_ID,
    fixedNetwork: spec.networkId,
    fixedSubnet: spec.subnetId,
    flavorId,
    keypair: spec.keyPairName,
    nodeCount: spec.nodes.nodeCount,
    labels,
    addons: addons.map((a) => ({ name: a.name, version: a.version, options: Object.keys(a.options).length ? { ...a.options } : undefined })),
    lifecycle: IGNORE_NODE_COUNT,
  });
  checkAtSynth(scope, resource, NKS_REQUIRED_CLUSTER_LABELS, addons, where);

  const operations = new OperationQueue();
  const resize = spec.resizeTo === undefined ? undefined : resizeOperation(scope, resource.id, DEFAULT_WORKER_GROUP, spec.resizeTo, operations);
  const upgrades = spec.upgrade
    ? [
        // NKS upgrades the control plane first, then each worker node group.
        upgradeOperation(scope, 'upgrade-control-plane', resource.id, CONTROL_PLANE_GROUP, spec.upgrade, operations, false),
        upgradeOperation(scope, 'upgrade-default-worker', resource.id, DEFAULT_WORKER_GROUP, spec.upgrade, operations, true),
      ]
    : [];
  return {
    resource,
    clusterId: resource.id,
    apiAddress: resource.apiAddress,
    resize,
    upgrades,
    operations,
    kubernetesAccess: () => kubeconfigFileAccess(spec.name, spec.kubeconfigFile, where('kubeconfigFile')),
  };
}

/** `nhncloud_kubernetes_nodegroup_v1` (no min/max_node_count: 1.0.7's schema lacks them; the ca_* labels carry the autoscaler). */
export function renderNhnNodeGroup(scope: Construct, spec: NodeGroupSpec, cluster: ClusterContext, where: WhereOf, flavorId: string): RenderedNodeGroup {
  const resource = new KubernetesNodegroupV1(scope, 'nodegroup', {
    clusterId: cluster.clusterId,
    name: spec.name,
    flavorId,
    imageId: spec.imageId,
    nodeCount: spec.nodes.nodeCount,
    labels: { ...spec.labels },
    lifecycle: IGNORE_NODE_COUNT,
    // Creating a node group changes the cluster too; wait for operations already queued on it.
    dependsOn: cluster.operations.dependsOn,
  });
  checkAtSynth(scope, resource, NKS_REQUIRED_NODE_GROUP_LABELS, undefined, where);
  const resize = spec.resizeTo === undefined ? undefined : resizeOperation(scope, cluster.clusterId, resource.id, spec.resizeTo, cluster.operations);
  const upgrade = cluster.upgrade ? upgradeOperation(scope, 'upgrade', cluster.clusterId, resource.id, cluster.upgrade, cluster.operations, true) : undefined;
  return { resource, resize, upgrade };
}

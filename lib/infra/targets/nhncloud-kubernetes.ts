// NKS through the nhncloud provider: the cluster (template "iaas_console", required labels, addons), node
// groups, and the operations NKS performs on a running cluster (resize, upgrade) as their own resources,
// since the provider cannot update node_count or the version on the cluster and node group resources.
import { Construct } from 'constructs';
import { KubernetesClusterResizeV1 } from '../../generated/providers/nhncloud/kubernetes-cluster-resize-v1';
import { KubernetesClusterV1 } from '../../generated/providers/nhncloud/kubernetes-cluster-v1';
import { KubernetesNodegroupUpgradeV1 } from '../../generated/providers/nhncloud/kubernetes-nodegroup-upgrade-v1';
import { KubernetesNodegroupV1 } from '../../generated/providers/nhncloud/kubernetes-nodegroup-v1';
import { fail } from '../../model/errors';
import { checkUuid } from '../../model/ids';
import { CONTROL_PLANE_GROUP_NAME, DEFAULT_NODE_GROUP_NAME } from '../../model/names';
import { checkNksLabels, NKS_REQUIRED_CLUSTER_LABELS, NKS_REQUIRED_NODE_GROUP_LABELS } from '../../model/nks-rules';
import { kubeconfigFileAccess } from '../access';
import { checkAddons, defaultNksAddons, NKS_ADDONS, NksAddon, REQUIRED_ADDON_TYPES } from '../addons';
import { checkIdLiteral } from '../references';
import { isLiteral, synthesizedBody, warn } from '../util';
import { ClusterContext, ClusterSpec, NodeGroupSpec, OperationQueue, RenderedCluster, RenderedNodeGroup, UpgradeSpec, WhereOf } from './renderer';

/** The only cluster template NKS creates clusters from (TOAST-DOCS/Container-Kubernetes `ko/public-api.md`). */
export const NKS_CLUSTER_TEMPLATE_ID = 'iaas_console';

// The provider cannot update node_count (the cluster resource has no update at all): after creation the
// count is the resize resource's, or the autoscaler's; without this every plan would try to set it back.
const IGNORE_NODE_COUNT = { ignoreChanges: ['node_count'] };

/**
 * A label of the cluster whose changes Terraform ignores after creation, in the form `ignore_changes` takes
 * a map element (`labels["kube_tag"]`: Terraform reads each entry as a relative traversal, and a JSON string
 * as the same traversal written in HCL; hashicorp/terraform `internal/configs/resource.go`, the
 * `ignore_changes` case of `decodeResourceBlock`: `shimTraversalInString`, then `hcl.RelTraversalForExpr`).
 * On a map of strings, as `labels` is, Terraform then ignores that key alone: a drifted `kube_tag` plans no
 * change, a drifted other label still plans the replacement (test/infra/nhncloud-plan.test.ts runs it with
 * Terraform 1.11 on a ForceNew map).
 */
export function ignoredLabel(key: string): string {
  return `labels[${JSON.stringify(key)}]`;
}

/**
 * What the cluster resource ignores after creation, besides `node_count`. `labels` is ForceNew, and Read copies
 * the API's value of every configured label into state (v1.0.7 `nhncloud/resource_nhncloud_kubernetes_cluster_v1.go`
 * lines 127–131 and 423–442), so a label that changes outside the program replaces the cluster on the next plan:
 * - `kube_tag`: an upgrade (nks-cdk's `upgrade`, or the console's, which the nhncloud target always allows)
 *   leaves the API reporting the new version;
 * - labels written from a plan-time lookup (the node image, the external network and its subnets): a newer
 *   image or another subnet later would change the value without the program changing. Neither can change
 *   on a running cluster anyway (the provider has no update; the registry follows the subnet's gateway at
 *   creation and must not change: TOAST-DOCS/Container-Kubernetes `en/user-guide.md` lines 50–57).
 */
function clusterIgnoreChanges(labels: Readonly<Record<string, string>>): string[] {
  const lookedUp = ['node_image', 'external_network_id', 'external_subnet_id_list'].filter((key) => labels[key] !== undefined && !isLiteral(labels[key]));
  return ['node_count', ...['kube_tag', ...lookedUp].map(ignoredLabel)];
}

/** Plan-time lookups the cluster's network labels come from (the nhncloud renderer). */
export interface NhnNetworkLookups {
  /** The external network (`router:external`) of the region: its ID and its subnets joined with `:`. */
  internetGatewayNetwork(scope: Construct): { readonly id: string; readonly subnets: string };
  /** The subnets of the network `networkId`, joined with `:`. */
  externalSubnets(scope: Construct, networkId: string): string;
}

/**
 * The labels NKS reads the way out of the cluster's subnet from, and the warnings when it has none:
 * - with an internet gateway on the subnet's routing table, `external_network_id` and `external_subnet_id_list`
 *   "must be set" (TOAST-DOCS/Container-Kubernetes `en/public-api.md` lines 504–505): the given
 *   `externalNetwork` (and `externalSubnetIds`, else that network's subnets), or the region's external network
 *   looked up as NKS documents (`GET /v2.0/networks?router:external=True`, same file lines 19–25; NHN's is
 *   `public_network` in TOAST-DOCS/Network-VPC `ko/public-api-compat.md` lines 88–101);
 * - without one, NCR and OBS service gateways (labels `ncr_sgw`, `obs_sgw`: "Service gateway UUID of NCR / OBS
 *   type", only of the cluster's VPC; `en/public-api.md` lines 527–528), which NKS pulls its images and
 *   binaries through (`en/user-guide.md` lines 24–25 and 50–53).
 * NKS allows a public API endpoint (`master_lb_floating_ip_enabled`) only with the external network labels.
 */
function networkLabels(scope: Construct, spec: ClusterSpec, where: WhereOf, lookups: NhnNetworkLookups): Record<string, string> {
  const rule = 'NKS sets master_lb_floating_ip_enabled to "True" only together with external_network_id and external_subnet_id_list (the VPC network attached to the internet gateway and its subnets)';
  const given = spec.externalNetwork?.resolve(scope, where('externalNetwork'));
  const subnets = spec.externalSubnetIds?.map((id, i) => checkIdLiteral(id, where(`externalSubnetIds[${i}]`), 'subnet'));
  if (subnets !== undefined && subnets.length === 0) {
    fail(where('externalSubnetIds'), [], 'externalSubnetIds lists the subnets of the external network; an empty list says nothing', 'list at least one subnet ID, or omit externalSubnetIds (nks-cdk then looks up the subnets of externalNetwork)');
  }
  if (given === undefined && subnets !== undefined) {
    fail(where('externalNetwork'), undefined, `${rule}; externalSubnetIds are given without their network`, 'pass externalNetwork too');
  }
  const labels: Record<string, string> = {};
  let network: { id: string; subnets: string } | undefined;
  if (given !== undefined) network = { id: given, subnets: subnets?.join(':') ?? lookups.externalSubnets(scope, given) };
  else if (spec.internetGateway === true) network = lookups.internetGatewayNetwork(scope);
  if (spec.publicApiEndpoint && network === undefined) {
    fail(
      where('externalNetwork'),
      undefined,
      `${rule}, and ${spec.networkPath}'s subnet has no internet gateway nks-cdk knows of`,
      'give the network an internet gateway (internetGatewayId, or internetGateway: true on Network.fromExisting), or pass externalNetwork (e.g. ExternalNetworkRef.fromId(...), from GET /v2.0/networks?router:external=True), or set publicApiEndpoint: false',
    );
  }
  if (network !== undefined) {
    labels.external_network_id = network.id;
    labels.external_subnet_id_list = network.subnets;
  }
  const gateways = spec.serviceGateways;
  if (gateways !== undefined) {
    for (const kind of ['ncr', 'obs'] as const) {
      const id: unknown = gateways[kind];
      const at = where(`serviceGateways.${kind}`);
      // checkIdLiteral passes anything that is not a literal, undefined included.
      labels[`${kind}_sgw`] = typeof id === 'string' ? checkIdLiteral(id, at, 'service gateway') : checkUuid(id as string, at, 'service gateway', `pass the ${kind.toUpperCase()}-type service gateway's UUID (console: Network > Service Gateway)`);
    }
  } else if (spec.internetGateway === false) {
    warn(
      scope,
      'nks-cdk:noInternetRoute',
      `Cluster ${spec.name}: the subnet of ${spec.networkPath} has no internet gateway and the cluster no NCR and OBS service gateways, so its nodes cannot pull the images and binaries NKS installs, and the cluster does not come up. Give the network an internet gateway (internetGatewayId, made in the console: Network > Internet Gateway), or make NCR and OBS service gateways in the VPC (Network > Service Gateway) and pass them as serviceGateways: { ncr, obs }.`,
    );
  } else if (spec.internetGateway === undefined && network === undefined) {
    warn(
      scope,
      'nks-cdk:internetRouteUnknown',
      `Cluster ${spec.name}: nks-cdk cannot tell whether the subnet of ${spec.networkPath} routes to an internet gateway. With one, NKS needs the external network labels; without one, NCR and OBS service gateways. Say which: internetGateway: true or false on Network.fromExisting, or serviceGateways: { ncr, obs } on the cluster.`,
    );
  }
  return labels;
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

/**
 * `nhncloud_kubernetes_cluster_v1` with its default node group's resize and the cluster upgrade, if asked for.
 * It is created after its network's prerequisites (the subnet and the routing table's gateway attachment):
 * NKS picks its image registry by the subnet's gateway at creation (`en/user-guide.md` lines 55–57), and the
 * cluster's only references to the network, `fixed_network` and `fixed_subnet`, do not wait for the attachment.
 * Node groups reference the cluster's ID, so they come after it.
 */
export function renderNhnCluster(scope: Construct, spec: ClusterSpec, where: WhereOf, flavorId: string, lookups: NhnNetworkLookups): RenderedCluster {
  if (spec.clusterTemplateId !== undefined && (!isLiteral(spec.clusterTemplateId) || spec.clusterTemplateId !== NKS_CLUSTER_TEMPLATE_ID)) {
    fail(where('clusterTemplateId'), spec.clusterTemplateId, `NKS creates clusters only from the template "${NKS_CLUSTER_TEMPLATE_ID}"`, 'omit clusterTemplateId on the nhncloud target');
  }
  const addons = spec.addons ?? defaultNksAddons();
  for (const warning of checkAddons(addons, where('addons'))) warn(scope, 'nks-cdk:addonVersionUnlisted', warning);
  const labels = { ...spec.labels, ...networkLabels(scope, spec, where, lookups) };
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
    lifecycle: { ignoreChanges: clusterIgnoreChanges(labels) },
    dependsOn: spec.dependsOn?.length ? [...spec.dependsOn] : undefined,
  });
  checkAtSynth(scope, resource, NKS_REQUIRED_CLUSTER_LABELS, addons, where);

  const operations = new OperationQueue();
  const resize = spec.resizeTo === undefined ? undefined : resizeOperation(scope, resource.id, DEFAULT_NODE_GROUP_NAME, spec.resizeTo, operations);
  const upgrades = spec.upgrade
    ? [
        // NKS upgrades the control plane first, then each worker node group.
        upgradeOperation(scope, 'upgrade-control-plane', resource.id, CONTROL_PLANE_GROUP_NAME, spec.upgrade, operations, false),
        upgradeOperation(scope, `upgrade-${DEFAULT_NODE_GROUP_NAME}`, resource.id, DEFAULT_NODE_GROUP_NAME, spec.upgrade, operations, true),
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

/**
 * `nhncloud_kubernetes_nodegroup_v1` (no min/max_node_count: 1.0.7's schema lacks them; the ca_* labels carry the
 * autoscaler). A looked-up image is ignored after creation like the cluster's (`image_id` is ForceNew; v1.0.7
 * `nhncloud/resource_nhncloud_kubernetes_nodegroup_v1.go` lines 99–104).
 */
export function renderNhnNodeGroup(scope: Construct, spec: NodeGroupSpec, cluster: ClusterContext, where: WhereOf, flavorId: string): RenderedNodeGroup {
  const resource = new KubernetesNodegroupV1(scope, 'nodegroup', {
    clusterId: cluster.clusterId,
    name: spec.name,
    flavorId,
    imageId: spec.imageId,
    nodeCount: spec.nodes.nodeCount,
    labels: { ...spec.labels },
    lifecycle: isLiteral(spec.imageId) ? IGNORE_NODE_COUNT : { ignoreChanges: ['node_count', 'image_id'] },
    // Creating a node group changes the cluster too; wait for operations already queued on it.
    dependsOn: cluster.operations.dependsOn,
  });
  checkAtSynth(scope, resource, NKS_REQUIRED_NODE_GROUP_LABELS, undefined, where);
  const resize = spec.resizeTo === undefined ? undefined : resizeOperation(scope, cluster.clusterId, resource.id, spec.resizeTo, cluster.operations);
  const upgrade = cluster.upgrade ? upgradeOperation(scope, 'upgrade', cluster.clusterId, resource.id, cluster.upgrade, cluster.operations, true) : undefined;
  return { resource, resize, upgrade };
}

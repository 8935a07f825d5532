// Reads the infrastructure layer from Terraform JSON: the OpenStack provider's resources and the nhncloud
// provider's (NKS's own API), whichever target the program synthesized for.
import { GPU_FLAVORS, isGpuFlavorName } from '../model/flavors';
import { DEFAULT_NODE_GROUP_NAME } from '../model/names';
import { NODE_GROUP_LABEL } from '../model/node-labels';
import { GPUS_PER_NODE_COMMENT, TERRAFORM_COMMENT_KEY } from '../model/terraform-comment';
import { ClusterInfo, InfraModel, InstanceInfo, NetworkInfo, NodeGroupInfo, TerraformJson, VolumeInfo } from './model';

// Resource types by role, without the provider prefix (`openstack_`, `nhncloud_`): the two providers share
// most names, and NKS's API has its own for the cluster, node groups and VPC.
const ROLES: Readonly<Record<string, Role>> = {
  networking_network_v2: 'network',
  networking_vpc_v2: 'network',
  networking_subnet_v2: 'subnet',
  networking_vpcsubnet_v2: 'subnet',
  networking_router_v2: 'router',
  networking_router_interface_v2: 'router-interface',
  containerinfra_cluster_v1: 'cluster',
  kubernetes_cluster_v1: 'cluster',
  containerinfra_clustertemplate_v1: 'template',
  kubernetes_clustertemplate_v1: 'template',
  containerinfra_nodegroup_v1: 'nodegroup',
  kubernetes_nodegroup_v1: 'nodegroup',
  blockstorage_volume_v1: 'volume',
  blockstorage_volume_v2: 'volume',
  blockstorage_volume_v3: 'volume',
  compute_instance_v2: 'instance',
  compute_volume_attach_v2: 'attach',
};
type Role = 'network' | 'subnet' | 'router' | 'router-interface' | 'cluster' | 'template' | 'nodegroup' | 'volume' | 'instance' | 'attach';
const PROVIDER_PREFIX = /^(openstack|nhncloud)_/;

/** One resource of a stack, with its address. */
interface Resource {
  /** `<stack>/<type>.<name>` */
  readonly key: string;
  readonly stack: string;
  readonly role: Role;
  readonly body: TerraformJson;
}

/** Every Terraform reference in a string: `${type.name.attr}` and `${data.type.name.attr}` as [type, name]. */
export function referencesIn(value: unknown): [string, string][] {
  if (typeof value !== 'string') return [];
  return [...value.matchAll(/\$\{(?:data\.)?([A-Za-z0-9_]+)\.([A-Za-z0-9_-]+)/g)].map((m) => [m[1], m[2]]);
}

/**
 * Resolves a value to the key of the resource it refers to: directly (`${openstack_x.name.id}` in the same
 * stack) or through another stack's output (cdktf's cross-stack `terraform_remote_state` references).
 */
export function resolveResourceKey(value: unknown, stack: string, terraform: Readonly<Record<string, TerraformJson>>): string | undefined {
  if (typeof value !== 'string') return undefined;
  const output = /\$\{data\.terraform_remote_state\.[A-Za-z0-9_-]+\.outputs\.([A-Za-z0-9_-]+)/.exec(value);
  if (output) {
    for (const [other, json] of Object.entries(terraform)) {
      const target = json.output?.[output[1]]?.value;
      if (target !== undefined) return resolveResourceKey(target, other, terraform);
    }
    return undefined;
  }
  const [ref] = referencesIn(value);
  return ref ? `${stack}/${ref[0]}.${ref[1]}` : undefined;
}

/**
 * A value as a person reads it: a literal as it is; a reference to a data source (the nhncloud target looks up
 * flavors by name, `${data.nhncloud_compute_flavor_v2.x.id}`) as the name the data source looks up.
 */
export function displayValue(value: unknown, stack: string, terraform: Readonly<Record<string, TerraformJson>>): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const data = /^\$\{data\.([A-Za-z0-9_]+)\.([A-Za-z0-9_-]+)\.[a-z_]+\}$/.exec(value);
  if (data) return str(terraform[stack]?.data?.[data[1]]?.[data[2]]?.name);
  return value.includes('${') ? undefined : value;
}

/** The infrastructure model of all stacks. */
export function readInfrastructure(terraform: Readonly<Record<string, TerraformJson>>): InfraModel {
  const resources = collect(terraform);
  const byRole = (role: Role): Resource[] => resources.filter((r) => r.role === role);
  const ref = (r: Resource, value: unknown): string | undefined => resolveResourceKey(value, r.stack, terraform);
  const shown = (r: Resource, value: unknown): string | undefined => displayValue(value, r.stack, terraform);

  const networks = new Map<string, { name: string; cidrs: string[]; routers: string[] }>();
  for (const r of byRole('network')) networks.set(r.key, { name: str(r.body.name) ?? r.key, cidrs: cidrList(r.body.cidrv4), routers: [] });
  // A network given by ID (Network.fromExisting) still gets a box, so the cluster has somewhere to sit.
  const networkFor = (r: Resource, value: unknown): string | undefined => {
    const key = ref(r, value);
    if (key) return networks.has(key) ? key : undefined;
    if (typeof value !== 'string' || !value) return undefined;
    const id = `id:${value}`;
    if (!networks.has(id)) networks.set(id, { name: `network ${value}`, cidrs: [], routers: [] });
    return id;
  };
  const subnetNetwork = new Map<string, string>();
  for (const r of byRole('subnet')) {
    const network = networkFor(r, r.body.network_id ?? r.body.vpc_id);
    if (!network) continue;
    subnetNetwork.set(r.key, network);
    if (typeof r.body.cidr === 'string') networks.get(network)!.cidrs.push(r.body.cidr);
  }
  const routers = new Map(byRole('router').map((r) => [r.key, str(r.body.name) ?? r.key]));
  for (const r of byRole('router-interface')) {
    const [router, subnet] = [ref(r, r.body.router_id), ref(r, r.body.subnet_id)];
    const network = subnet ? subnetNetwork.get(subnet) : undefined;
    if (router && network && routers.has(router)) networks.get(network)!.routers.push(routers.get(router)!);
  }

  const templates = new Map(byRole('template').map((r) => [r.key, r.body]));
  const addedGroups = byRole('nodegroup').map((r) => ({ r, clusterKey: ref(r, r.body.cluster_id) }));
  const clusters: ClusterInfo[] = byRole('cluster').map((r) => {
    const labels = r.body.labels ?? {};
    const template = templates.get(ref(r, r.body.cluster_template_id) ?? '');
    // The cluster resource describes its default node group; the provider names its flavor differently.
    const defaultGroup = nodeGroup(`${r.key}#default`, r.key, r.body, shown(r, r.body.flavor_id ?? r.body.flavor));
    return {
      key: r.key,
      name: str(r.body.name) ?? r.key,
      kubernetesVersion: str(labels.kube_tag) ?? str(template?.labels?.kube_tag),
      networkKey: networkFor(r, r.body.fixed_network),
      nodeGroups: [
        { ...defaultGroup, name: defaultGroup.labels[NODE_GROUP_LABEL] ?? DEFAULT_NODE_GROUP_NAME },
        ...addedGroups.filter((g) => g.clusterKey === r.key).map((g) => nodeGroup(g.r.key, r.key, g.r.body, shown(g.r, g.r.body.flavor_id))),
      ],
    };
  });

  const volumes: VolumeInfo[] = byRole('volume').map((r) => ({
    key: r.key,
    name: str(r.body.name) ?? r.key,
    sizeGb: typeof r.body.size === 'number' ? r.body.size : undefined,
    type: str(r.body.volume_type),
    zone: str(r.body.availability_zone),
  }));
  const attachments = byRole('attach').map((r) => [ref(r, r.body.instance_id), ref(r, r.body.volume_id)] as const);
  const instances: InstanceInfo[] = byRole('instance').map((r) => ({
    key: r.key,
    name: str(r.body.name) ?? r.key,
    flavor: shown(r, r.body.flavor_name ?? r.body.flavor_id),
    zone: str(r.body.availability_zone),
    networkKeys: asArray(r.body.network).map((n) => networkFor(r, n?.uuid)).filter(isString),
    volumeKeys: attachments.filter(([instance]) => instance === r.key).map(([, volume]) => volume).filter(isString),
  }));

  return {
    networks: [...networks.entries()].map(([key, n]): NetworkInfo => ({ key, name: n.name, cidrs: n.cidrs.sort(), routers: n.routers.sort() })),
    clusters,
    volumes,
    instances,
  };
}

function collect(terraform: Readonly<Record<string, TerraformJson>>): Resource[] {
  const out: Resource[] = [];
  for (const stack of Object.keys(terraform).sort()) {
    for (const [type, byName] of Object.entries(terraform[stack].resource ?? {})) {
      const role = ROLES[type.replace(PROVIDER_PREFIX, '')];
      if (!role || !PROVIDER_PREFIX.test(type)) continue;
      for (const name of Object.keys(byName as object).sort()) out.push({ key: `${stack}/${type}.${name}`, stack, role, body: (byName as TerraformJson)[name] });
    }
  }
  return out;
}

/** A node group from a cluster (its default group) or node group resource, with its flavor's name. */
function nodeGroup(key: string, clusterKey: string, body: TerraformJson, flavor: string | undefined): NodeGroupInfo {
  const labels = body.labels ?? {};
  const autoscale = labels.ca_enable === 'True' || body.max_node_count !== undefined
    ? { min: num(body.min_node_count ?? labels.ca_min_node_count), max: num(body.max_node_count ?? labels.ca_max_node_count) }
    : undefined;
  return {
    key,
    name: str(body.name) ?? key,
    clusterKey,
    flavor,
    nodeCount: typeof body.node_count === 'number' ? body.node_count : undefined,
    autoscale: autoscale && Number.isFinite(autoscale.min) && Number.isFinite(autoscale.max) ? autoscale : undefined,
    zone: str(labels.availability_zone) ?? str(body.availability_zone),
    labels: parseNodeLabels(labels.k8s_node_labels),
    gpusPerNode: gpusInComment(body) ?? (flavor && isGpuFlavorName(flavor) ? (GPU_FLAVORS[flavor]?.count ?? 'unknown') : undefined),
  };
}

/** GPUs per node that nks-cdk wrote into the block's "//" comment (lib/model/terraform-comment.ts), if any. */
function gpusInComment(body: TerraformJson): number | undefined {
  const comment = body['//']?.[TERRAFORM_COMMENT_KEY]?.[GPUS_PER_NODE_COMMENT];
  return typeof comment === 'number' && Number.isInteger(comment) && comment > 0 ? comment : undefined;
}

/** `k8s_node_labels` as nks-cdk writes it (`key=value,key=value`; see formatNodeLabelsForNks). */
export function parseNodeLabels(text: unknown): Record<string, string> {
  const labels: Record<string, string> = {};
  if (typeof text !== 'string') return labels;
  for (const pair of text.split(',')) {
    const eq = pair.indexOf('=');
    if (eq > 0) labels[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
  }
  return labels;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function num(value: unknown): number {
  return typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
}

function cidrList(value: unknown): string[] {
  return typeof value === 'string' ? [value] : [];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function asArray(value: unknown): any[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

import { NksAddon } from './addons';
import { IKeyPair } from './key-pair';
import { INetwork } from './network';
import { AutoscalerOptions, BootVolumeOptions } from '../model/node-spec';
import { ExternalNetworkRef, ImageRef } from './references';

/**
 * An in-place Kubernetes upgrade of a running cluster (nhncloud target): the control plane first, then the
 * default node group and every node group, one after another, through
 * `nhncloud_kubernetes_nodegroup_upgrade_v1`. NKS upgrades one minor version at a time and needs the control
 * plane and all node groups on the same version before the next step.
 */
export interface ClusterUpgrade {
  /**
   * The version to upgrade to: one NKS offers, the minor version after `fromVersion` (NKS upgrades one
   * minor version at a time and never downgrades; a version that skips a minor is a synth error).
   */
  readonly kubernetesVersion: string;
  /**
   * The version the cluster runs before this upgrade. The first upgrade after creation starts from the
   * cluster's `kubernetesVersion`; to step further, deploy that upgrade, then set `fromVersion` to the version
   * it reached and `kubernetesVersion` to the next minor, and deploy again (the upgrade operations update in
   * place). Not older than the cluster's `kubernetesVersion`.
   * @default the cluster's `kubernetesVersion`
   */
  readonly fromVersion?: string;
  /**
   * Extra nodes NKS adds to a node group while it upgrades it, so workloads keep their capacity (1 or more; at
   * most the node quota minus the group's nodes). 0, which NKS's API takes for "no buffer node", is refused:
   * the nhncloud provider sends `num_buffer_nodes` only when it is not 0 (`d.GetOk`; v1.0.7
   * `nhncloud/resource_nhncloud_kubernetes_nodegroup_upgrade_v1.go` lines 102–104 and 230–232), so NKS would
   * add its default of 1 (TOAST-DOCS/Container-Kubernetes `en/public-api.md` line 1920). Upgrade without a
   * buffer node in the console or through the API.
   * @default 1
   */
  readonly bufferNodes?: number;
  /**
   * Nodes of a group that may be out of service at once during the upgrade (1 or more; at most the group's nodes).
   * @default 1
   */
  readonly maxUnavailableNodes?: number;
}

/**
 * NCR and OBS service gateways of the cluster's VPC (nhncloud target): how nodes on a subnet without an
 * internet gateway pull the images and binaries NKS installs. Make them in the console (Network > Service
 * Gateway, types NCR and OBS) in the cluster's VPC; NKS refuses gateways of another VPC, and the cluster stops
 * working if they are deleted (TOAST-DOCS/Container-Kubernetes `en/user-guide.md` lines 24–25 and 50–53,
 * `en/public-api.md` lines 527–528). The nhncloud provider cannot create service gateways.
 */
export interface NksServiceGateways {
  /** UUID of the NCR-type service gateway (label `ncr_sgw`). */
  readonly ncr: string;
  /** UUID of the OBS-type service gateway (label `obs_sgw`). */
  readonly obs: string;
}

/**
 * Properties of a {@link Cluster}: the fields of the NKS "create cluster" form plus autoscaler, node labels
 * and network ranges. Nearly every cluster argument is immutable in NKS and Magnum: changing a prop marked
 * "replaces the cluster" destroys the cluster and creates a new one on the next deploy.
 *
 * Changing a running cluster: `resizeTo` changes the default node group's node count (both targets);
 * `upgrade` upgrades Kubernetes in place (nhncloud target). Keep them set once used: removing them does not
 * undo the resize or upgrade, it only stops asking for it.
 */
export interface ClusterProps {
  /**
   * Cluster name: at most 32 characters of lowercase letters, digits and `-`, starting with a letter and
   * ending with a letter or digit, not a UUID; unique in its region across every stack of the program.
   * Changing it replaces the cluster.
   */
  readonly name: string;
  /**
   * Kubernetes version the cluster is created with (NKS label `kube_tag`), one NKS can create today. To move a
   * running cluster to a newer version, use `upgrade`. openstack: changing it replaces the cluster. nhncloud:
   * after creation Terraform ignores changes of `kube_tag` (an upgrade, here or in the console, changes it in
   * NKS, and the label is ForceNew), so changing it does nothing to a running cluster.
   * @default the newest creatable version (see CREATABLE_KUBERNETES_VERSIONS)
   */
  readonly kubernetesVersion?: string;
  /** The VPC and subnet the nodes attach to (`fixed_network`, `fixed_subnet`). Changing it replaces the cluster. */
  readonly network: INetwork;
  /**
   * The node image: NKS label `node_image` (nhncloud); the cluster template's `image` (openstack), which must
   * carry the cloud profile's `nodeImageOsDistro` (a looked-up image is filtered by it and the plan fails
   * without it). On nhncloud a lookup by name is narrowed to the images NKS accepts (see {@link ImageRef}).
   * Changing a literal image ID replaces the cluster; on nhncloud a looked-up image is fixed at creation
   * (Terraform ignores later changes of `node_image`, e.g. a newer image NHN publishes).
   */
  readonly image: ImageRef;
  /**
   * Availability zone of the default node group: one of the NHN region's (e.g. `kr-pub-a`) or of the cloud
   * profile's `availabilityZones` (openstack). Changing it replaces the cluster.
   */
  readonly availabilityZone: string;
  /**
   * Instance type (flavor) of the default node group, e.g. `m2.c4m8`. On the nhncloud target the flavor's
   * UUID is looked up by this name at plan time; on openstack it is one of the cloud profile's flavors.
   * Changing it replaces the cluster.
   * @default 'm2.c4m8' (nhncloud); the profile's `defaultFlavor` (openstack)
   */
  readonly flavor?: string;
  /**
   * GPUs per node when `flavor` is a g2 flavor that nks-cdk's table does not list.
   * @default - taken from the flavor table
   */
  readonly gpuCount?: number;
  /**
   * Nodes the default node group is created with. On the openstack target a later change resizes in
   * place; on the nhncloud target the provider cannot change it after creation, so nks-cdk tells Terraform to
   * ignore later changes: use `resizeTo`.
   * @default 1
   */
  readonly nodeCount?: number;
  /**
   * Resize the running default node group to this many nodes. openstack: written as its `node_count`
   * (Magnum resizes in place). nhncloud: an `nhncloud_kubernetes_cluster_resize_v1` for the group
   * `default-worker`; changing the number resizes again. NKS resizes to 1–10 nodes unless the project's
   * quota is raised (more is a warning). Not with `autoscaler` (it owns the count).
   * @default - no resize: the group keeps `nodeCount` (or what the autoscaler chose)
   */
  readonly resizeTo?: number;
  /**
   * Upgrade the running cluster's Kubernetes in place (nhncloud target only; the openstack target refuses
   * it). Node groups created in the same deploy as an upgrade already get the new version: add them before
   * or after, not with, an upgrade.
   * @default - no upgrade: the cluster stays on `kubernetesVersion`
   */
  readonly upgrade?: ClusterUpgrade;
  /** Key pair for SSH access to the nodes (cluster level; node groups share it). Changing it replaces the cluster. */
  readonly keyPair: IKeyPair;
  /**
   * Boot volume of the default node group's nodes. Changing it replaces the cluster.
   * @default { type: 'General HDD', sizeGb: 50 } (openstack: the profile's `defaultVolumeType`)
   */
  readonly bootVolume?: BootVolumeOptions;
  /**
   * Cluster autoscaler for the default node group. Changing it replaces the cluster.
   * @default - no autoscaler
   */
  readonly autoscaler?: AutoscalerOptions;
  /**
   * Kubernetes labels for the default node group's nodes (NKS label `k8s_node_labels`, in the form
   * `key=value,...`, which NKS has not confirmed: see `formatNodeLabelsForNks`). nks-cdk adds
   * `node.nks-cdk.io/group: default-worker`. Changing it replaces the cluster.
   * @default - only the group label
   */
  readonly nodeLabels?: Record<string, string>;
  /**
   * Pod network range (`pods_network_cidr`); must not overlap the subnet, the service range,
   * 169.254.0.0/16 or 198.18.0.0/19. Changing it replaces the cluster.
   * @default '10.100.0.0/16'
   */
  readonly podsCidr?: string;
  /**
   * Service network range (`service_cluster_ip_range`); same overlap rules as `podsCidr`. Changing it replaces the cluster.
   * @default '10.254.0.0/16'
   */
  readonly servicesCidr?: string;
  /**
   * Put a floating IP on the API server's load balancer (`master_lb_floating_ip_enabled`) so the API is
   * reachable from the internet. On the nhncloud target NKS allows it only with the external network labels:
   * the cluster's network needs an internet gateway, or `externalNetwork`. Changing it replaces the cluster.
   * @default false
   */
  readonly publicApiEndpoint?: boolean;
  /**
   * openstack: the cluster template's external network (API load balancer floating IP). nhncloud: the VPC
   * network attached to the internet gateway (label `external_network_id`), which NKS needs for
   * `publicApiEndpoint` and whenever the cluster's subnet routes to an internet gateway.
   * @default openstack: the cloud profile's `externalNetwork`; nhncloud: with an internet gateway on the network, the region's external network, looked up at plan time (`router:external`); without one, none (labels not written)
   */
  readonly externalNetwork?: ExternalNetworkRef;
  /**
   * nhncloud target: the subnets of `externalNetwork` (label `external_subnet_id_list`, joined with `:`).
   * Ignored (with a warning) on openstack.
   * @default - the subnets of the external network, looked up at plan time
   */
  readonly externalSubnetIds?: string[];
  /**
   * nhncloud target: NCR and OBS service gateways of the cluster's VPC (labels `ncr_sgw`, `obs_sgw`), which a
   * cluster on a subnet without an internet gateway needs to pull its images: without either, synth warns.
   * Fixed at creation (changing them replaces the cluster). Ignored (with a warning) on openstack.
   * @default - none
   */
  readonly serviceGateways?: NksServiceGateways;
  /**
   * openstack: an existing cluster template to use instead of creating one. nhncloud: NKS takes only
   * `iaas_console`, which is written anyway; any other value fails.
   * @default openstack: a template is created for the cluster; nhncloud: 'iaas_console'
   */
  readonly clusterTemplateId?: string;
  /**
   * Addons NKS installs at creation (nhncloud target; the `addons` blocks): one CNI and one kube-dns addon
   * are required. Override versions with e.g. `NksAddon.calico({ version: 'v3.28.2-nks2' })`. Fixed at
   * creation: changing the list replaces the cluster. Ignored (with a warning) on openstack.
   * @default [NksAddon.calico(), NksAddon.coreDns()] (Calico VXLAN and CoreDNS, newest versions)
   */
  readonly addons?: NksAddon[];
  /**
   * nhncloud target: path of the cluster's kubeconfig file, for {@link Cluster.kubernetesAccess} (the
   * provider leaves the cluster's kubeconfig empty). Read when the workloads side asks for access, after
   * the cluster exists. Not used on openstack, where the kubeconfig is a Terraform output.
   * @default $NKS_KUBECONFIG
   */
  readonly kubeconfigFile?: string;
  /**
   * Refuse at synth any change that would replace or destroy this cluster: a ValidationError that names the
   * argument forcing it and what to do instead. Also writes `lifecycle.prevent_destroy` on its resource, so
   * Terraform refuses too. Without it such a change is a warning. Its nodes and pods go with a replaced cluster.
   * @default the InfraStack's `protect` (false)
   */
  readonly protect?: boolean;
  /**
   * More NKS/Magnum labels, e.g. `{ strict_sg_rules: 'True' }`. Values must be strings; labels nks-cdk
   * manages (kube_tag, availability_zone, ncr_sgw, boot_volume_key_id, ...) cannot be set here. Changing them
   * replaces the cluster.
   * @default - none
   */
  readonly extraLabels?: Record<string, string>;
}

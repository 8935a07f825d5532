// Constructs write NKS's labels (NKS is Magnum-based, and most of its labels are Magnum's); the openstack
// target turns them into the labels a stock Magnum cluster reads, so nothing only NKS knows reaches a
// generic OpenStack cloud.
//
// Sources:
// - Magnum's labels: openstack/magnum doc/source/user/index.rst at 5a492d64 (the label table, lines 255-470;
//   `availability_zone` line 2374, `boot_volume_size`/`boot_volume_type` lines 1115-1124, `kube_tag` line 1208,
//   `master_lb_floating_ip_enabled` line 1419, `auto_scaling_enabled`/`min_node_count`/`max_node_count` lines
//   1453-1480, `calico_ipv4pool` line 2303, `service_cluster_ip_range` line 399, `kubelet_options` line 380).
// - Magnum's Heat driver (removed from magnum master by 31b84327, read at its parent): the pod range comes
//   from `flannel_network_cidr` or `calico_ipv4pool` by network driver
//   (magnum/drivers/heat/k8s_fedora_template_def.py lines 52-57); `kubelet_options` is appended to the
//   kubelet's arguments (drivers/common/templates/kubernetes/fragments/configure-kubernetes-minion.sh line
//   256), read from the node group's own labels when a node group is created
//   (magnum/drivers/heat/template_def.py lines 455-460, k8s_template_def.py lines 240-268).
// - Cilium's pool: `cilium_ipv4pool` (vexxhost/magnum-cluster-api src/magnum.rs, ClusterLabels).
// - NKS's labels: TOAST-DOCS/Container-Kubernetes `en/public-api.md` (cluster creation, lines 497-545).
// Whether a Magnum driver outside Magnum's tree reads `kubelet_options` and the autoscaler labels is that
// driver's choice [I].
import { Construct } from 'constructs';
import { fail } from '../../model/errors';
import { MagnumNetworkDriver } from '../../model/cloud-profile';
import { warn } from '../util';
import { WhereOf } from './renderer';

/** Labels NKS and Magnum both read with the same meaning: written as they are. */
const SHARED_LABELS = new Set(['availability_zone', 'boot_volume_type', 'boot_volume_size', 'kube_tag', 'master_lb_floating_ip_enabled', 'service_cluster_ip_range']);

/**
 * Labels nks-cdk writes for NKS that a stock Magnum cluster does not need: `cert_manager_api` (NKS requires
 * "True"; on Magnum an opt-in, default false), `node_image` (Magnum boots the template's or node group's
 * image), and the autoscaler's scale-down tuning (Magnum's autoscaler labels are only on/off, min and max).
 */
const NKS_MANAGED_ONLY = new Set(['cert_manager_api', 'node_image', 'ca_scale_down_enable', 'ca_scale_down_unneeded_time', 'ca_scale_down_util_thresh', 'ca_scale_down_delay_after_add']);

/** NKS's other labels (en/public-api.md lines 497-545): NHN features a generic Magnum does not have. */
const NKS_ONLY = new Set([
  'boot_volume_key_id', 'boot_volume_appkey', 'external_network_id', 'external_subnet_id_list', 'ca_pod_replicas', 'mba_scale_out',
  'mba_scale_in', 'user_script', 'user_script_v2', 'strict_sg_rules', 'additional_network_id_list', 'additional_subnet_id_list',
  'pods_network_subnet', 'ncr_sgw', 'obs_sgw', 'extra_security_groups', 'extra_volumes', 'control_plane_log', 'fip_auto_bind_enable',
  'fip_bind_subnet', 'fip_selector', 'cni_driver',
]);

/** The label each network driver takes the pod range from. */
const POD_RANGE_LABEL: Readonly<Record<MagnumNetworkDriver, string>> = { calico: 'calico_ipv4pool', flannel: 'flannel_network_cidr', cilium: 'cilium_ipv4pool' };

/** What {@link magnumLabels} needs besides the NKS labels. */
export interface MagnumLabelContext {
  readonly networkDriver: MagnumNetworkDriver;
  /** Every Kubernetes label the group's nodes carry (nks-cdk's own included): given to the kubelet. */
  readonly nodeLabels: Readonly<Record<string, string>>;
}

/**
 * The Magnum labels for a cluster or node group whose NKS labels are `labels`: shared labels as they are,
 * NKS's pod range, autoscaler and node labels under Magnum's names, NKS-only labels left out (with a
 * warning for the ones nks-cdk did not write itself, i.e. the user's `extraLabels`).
 */
export function magnumLabels(scope: Construct, labels: Readonly<Record<string, string>>, ctx: MagnumLabelContext, where: WhereOf): Record<string, string> {
  const out: Record<string, string> = {};
  const derived: Record<string, string> = {};
  const dropped: string[] = [];
  for (const [key, value] of Object.entries(labels)) {
    if (SHARED_LABELS.has(key)) out[key] = value;
    else if (key === 'pods_network_cidr') derived[POD_RANGE_LABEL[ctx.networkDriver]] = value;
    else if (key === 'ca_enable') derived.auto_scaling_enabled = value === 'True' ? 'true' : 'false';
    else if (key === 'ca_min_node_count') derived.min_node_count = value;
    else if (key === 'ca_max_node_count') derived.max_node_count = value;
    else if (key === 'k8s_node_labels' || NKS_MANAGED_ONLY.has(key)) continue;
    else if (NKS_ONLY.has(key)) dropped.push(key);
    else out[key] = value;
  }
  const nodeLabels = Object.entries(ctx.nodeLabels).map(([k, v]) => `${k}=${v}`).join(',');
  if (nodeLabels) derived.kubelet_options = out.kubelet_options === undefined ? `--node-labels=${nodeLabels}` : `${out.kubelet_options} --node-labels=${nodeLabels}`;
  for (const [key, value] of Object.entries(derived)) {
    if (key !== 'kubelet_options' && out[key] !== undefined) {
      fail(where(`extraLabels.${key}`), out[key], `on the openstack target nks-cdk sets the Magnum label "${key}" from a typed prop`, 'remove it from extraLabels; set it through the matching prop (autoscaler, podsCidr)');
    }
    out[key] = value;
  }
  if (dropped.length) {
    warn(scope, 'nks-cdk:ignoredProp', `label${dropped.length === 1 ? '' : 's'} ${dropped.join(', ')} ${dropped.length === 1 ? 'is' : 'are'} NKS's (NHN Cloud), which Magnum does not read; on the openstack target ${dropped.length === 1 ? 'it is' : 'they are'} left out.`);
  }
  return out;
}

import { at, fail, Where } from './errors';
import { checkLabelKey, checkLabelValue } from './names';

/**
 * Most Kubernetes labels one NKS node group can set. Source: TOAST-DOCS/Container-Kubernetes
 * `ko/user-guide.md` "Kubernetes 레이블 설정 기능" and `ko/public-api.md` (as of 2026-11-23).
 */
export const MAX_NKS_NODE_LABELS = 20;

/**
 * Label key prefixes NKS refuses for node group labels (same source as {@link MAX_NKS_NODE_LABELS}).
 * Their subdomains are refused too, except the two the kubelet lets nodes set for themselves
 * (`node.kubernetes.io`, `kubelet.kubernetes.io`): that extension is an inference from the kubelet's
 * `--node-labels` rules, not from the NKS guide.
 */
export const NKS_RESERVED_LABEL_PREFIXES: readonly string[] = Object.freeze(['kubernetes.io', 'k8s.io', 'magnum.openstack.org']);

const KUBELET_ALLOWED_PREFIXES = ['node.kubernetes.io', 'kubelet.kubernetes.io'];

/**
 * Node label nks-cdk puts on every node: the name of its node group, so workloads can select a group. Users
 * may not set it themselves. It reaches the nodes through NKS's `k8s_node_labels` (see
 * {@link unconfirmedNodeLabelsWarning}).
 */
export const NODE_GROUP_LABEL = 'node.nks-cdk.io/group';

/**
 * Node label nks-cdk puts on GPU nodes: the flavor's GPU model in lowercase without the `Tesla` prefix, as the
 * flavor name spells it (`t4` for `g2.t4.*`, `v100` for `g2.v100.*`), not the model name `Tesla T4`, which is
 * no valid label value.
 */
export const GPU_MODEL_LABEL = 'node.nks-cdk.io/gpu-model';

/**
 * Returns a copy of `labels` when every key and value is a valid Kubernetes label, no key uses a
 * reserved prefix and there are at most {@link MAX_NKS_NODE_LABELS}. Each problem is reported at the
 * label's own field (`nodeLabels.<key>`).
 */
export function checkNodeLabels(labels: Record<string, string>, where: Where): Record<string, string> {
  const entries = Object.entries(labels ?? {});
  if (entries.length > MAX_NKS_NODE_LABELS) {
    fail(
      where,
      labels,
      `an NKS node group takes at most ${MAX_NKS_NODE_LABELS} Kubernetes labels; ${entries.length} are given`,
      `keep ${MAX_NKS_NODE_LABELS} or fewer; select nodes by one or two labels and drop the rest`,
    );
  }
  const checked: Record<string, string> = {};
  for (const [key, value] of entries) {
    const labelWhere = at(where, key);
    checkLabelKey(key, labelWhere);
    const prefix = reservedPrefixOf(key);
    if (prefix) {
      fail(
        labelWhere,
        key,
        `node labels may not use the reserved prefix ${prefix}: NKS refuses ${NKS_RESERVED_LABEL_PREFIXES.join(', ')}, and the kubelet refuses their subdomains other than ${KUBELET_ALLOWED_PREFIXES.join(' and ')}`,
        `use your own prefix, e.g. ${JSON.stringify(`example.com/${key.split('/')[1]}`)}, or none`,
      );
    }
    if (typeof value !== 'string') {
      fail(labelWhere, value, 'label values are strings', typeof value === 'number' || typeof value === 'boolean' ? `write ${JSON.stringify(String(value))} in quotes` : 'give the value as a string, e.g. "true"');
    }
    checked[key] = checkLabelValue(value, labelWhere);
  }
  return checked;
}

/**
 * The `k8s_node_labels` label value for NKS: `key1=value1,key2=value2`, sorted by key so the same labels
 * always give the same string (no spurious Terraform diff, which on a cluster would mean replacement).
 * The only place nks-cdk writes this format.
 *
 * UNCONFIRMED: the NKS API guide documents this create-time label only as "String"
 * (TOAST-DOCS/Container-Kubernetes `en/public-api.md` lines 545 and 1400); the format here is the kubelet
 * `--node-labels` form. The node group PATCH API takes the same labels as a JSON object (same file, lines
 * 2164–2174), and other structured NKS labels are JSON text, so JSON is the other candidate. Unambiguous
 * either way: label keys and values cannot contain `,` or `=`. One real cluster settles it
 * ({@link NODE_LABELS_CHECK}); until then {@link unconfirmedNodeLabelsWarning} says so wherever placement
 * depends on it.
 */
export function formatNodeLabelsForNks(labels: Readonly<Record<string, string>>): string {
  return Object.keys(labels)
    .sort()
    .map((key) => `${key}=${labels[key]}`)
    .join(',');
}

/** The command that shows whether NKS applied a node group's `k8s_node_labels` (run after the first deploy). */
export const NODE_LABELS_CHECK = 'kubectl get nodes --show-labels';

/**
 * The synth warning for a cluster whose workloads are placed on node groups by their node labels
 * (`groups`: the groups placed on), while the `k8s_node_labels` form is unconfirmed.
 */
export function unconfirmedNodeLabelsWarning(cluster: string, groups: readonly string[]): string {
  return (
    `Cluster ${cluster}: workloads are placed on node group${groups.length === 1 ? '' : 's'} ${groups.join(', ')} by the node label ${NODE_GROUP_LABEL}, which reaches the nodes only through NKS's k8s_node_labels label. ` +
    "NKS documents that label only as a String; nks-cdk writes it as key=value pairs joined with commas, a form no NKS cluster has confirmed yet. " +
    `After the first deploy, run \`${NODE_LABELS_CHECK}\` and check that each node carries ${NODE_GROUP_LABEL}=<its group>; if not, the placed pods stay Pending: set the labels on the node group in the console (node group > Kubernetes labels), or with kubectl label nodes.`
  );
}

function reservedPrefixOf(key: string): string | undefined {
  const slash = key.indexOf('/');
  if (slash < 0) return undefined;
  const prefix = key.slice(0, slash);
  if (KUBELET_ALLOWED_PREFIXES.includes(prefix)) return undefined;
  return NKS_RESERVED_LABEL_PREFIXES.some((r) => prefix === r || prefix.endsWith(`.${r}`)) ? prefix : undefined;
}

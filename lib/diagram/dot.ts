// The platform model as a Graphviz graph (DOT). Graphviz's `dot` layout places everything; this file only
// says what is inside what (VPC ⊃ cluster ⊃ zones and namespaces) and what connects to what.
import { Landing, landingsOf, volumeZones } from './placement';
import { ClusterInfo, IngressInfo, InstanceInfo, NodeGroupInfo, PlatformModel, ServiceInfo, WorkloadInfo } from './model';

/** Options of {@link platformDot}. */
export interface DotOptions {
  /**
   * Title above the drawing.
   * @default 'NKS platform'
   */
  readonly title?: string;
}

/** A line of an HTML-like node label. */
interface Line {
  readonly text: string;
  readonly bold?: boolean;
  readonly small?: boolean;
  readonly color?: string;
}

const COLORS = {
  network: { fill: '#eef4fd', line: '#5b8def' },
  cluster: { fill: '#f8fbff', line: '#326ce5' },
  zone: { fill: '#ffffff', line: '#9aa5b1' },
  namespace: { fill: '#fcfcf8', line: '#8d8d7a' },
  storage: { fill: '#f4f5f6', line: '#80868b' },
  nodeGroup: '#dbe8ff',
  gpuGroup: '#ffe3b8',
  workload: '#e3f3e7',
  blocked: '#fde7e9',
  service: '#ffffff',
  loadBalancer: '#fff1d6',
  ingress: '#f1e6fd',
  claim: '#f1f3f4',
  volume: '#e8eaed',
  land: '#34a853',
  error: '#d93025',
  route: '#9334e6',
  traffic: '#e37400',
  muted: '#5f6368',
} as const;

/** The platform as DOT text. Deterministic: the same model gives the same text. */
export function platformDot(model: PlatformModel, options: DotOptions = {}): string {
  return new DotWriter(model).write(options.title ?? 'NKS platform');
}

class DotWriter {
  private readonly out: string[] = [];
  private readonly ids = new Map<string, string>();
  private readonly edges: string[] = [];
  private depth = 1;
  /** Per workload, each node group and whether its pods can land there. */
  private readonly landings: ReadonlyMap<string, readonly Landing[]>;

  constructor(private readonly model: PlatformModel) {
    // Node groups pods can be placed on: the one cluster's, or every cluster's when there are several.
    const groups = model.infra.clusters.flatMap((c) => c.nodeGroups);
    this.landings = new Map(model.kubernetes.workloads.map((w) => [w.key, landingsOf(w, groups, volumeZones(w, model.kubernetes, model.infra))]));
  }

  write(title: string): string {
    const { infra, kubernetes } = this.model;
    this.line('graph [rankdir=LR, newrank=true, compound=true, fontname="Helvetica", fontsize=12, nodesep=0.25, ranksep=0.7, pad=0.3, labelloc=t, labeljust=l];');
    this.line(`graph [label=${html([{ text: title, bold: true }, { text: legend(), small: true, color: COLORS.muted }])}];`);
    this.line('node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=10, penwidth=1.2, margin="0.2,0.07"];');
    this.line('edge [fontname="Helvetica", fontsize=9, color="#5f6368", arrowsize=0.7];');
    if (kubernetes.services.some((s) => s.type === 'LoadBalancer' && !s.internal)) {
      this.node('internet', [{ text: 'Internet', bold: true }], { shape: 'ellipse', style: 'dashed', color: COLORS.traffic });
    }
    // With one cluster the Kubernetes objects are drawn inside it; otherwise it is unknown which runs where.
    const home = infra.clusters.length === 1 ? infra.clusters[0] : undefined;
    for (const network of infra.networks) {
      this.subgraph(network.key, [{ text: `VPC ${network.name}`, bold: true }, ...network.cidrs.map((c) => ({ text: c, small: true })), ...network.routers.map((r) => ({ text: `router ${r} → external network`, small: true }))], COLORS.network, () => {
        for (const cluster of infra.clusters.filter((c) => c.networkKey === network.key)) this.cluster(cluster, cluster === home);
        for (const instance of infra.instances.filter((i) => i.networkKeys.includes(network.key))) this.instance(instance);
      });
    }
    for (const cluster of infra.clusters.filter((c) => !infra.networks.some((n) => n.key === c.networkKey))) this.cluster(cluster, cluster === home);
    for (const instance of infra.instances.filter((i) => !i.networkKeys.some((k) => infra.networks.some((n) => n.key === k)))) this.instance(instance);
    if (!home) this.kubernetesObjects();
    if (infra.volumes.length) {
      this.subgraph('block-storage', [{ text: 'Block storage', bold: true }], COLORS.storage, () => {
        for (const v of infra.volumes) {
          this.node(v.key, [{ text: v.name, bold: true }, { text: [v.sizeGb === undefined ? '' : `${v.sizeGb} GB`, v.type].filter(Boolean).join(' · '), small: true }, { text: `zone ${v.zone ?? '?'}`, small: true }], { shape: 'cylinder', fillcolor: COLORS.volume });
        }
      });
    }
    this.connections();
    return `digraph platform {\n${this.out.join('\n')}\n${this.edges.map((e) => `  ${e}`).join('\n')}\n}\n`;
  }

  private cluster(cluster: ClusterInfo, withObjects: boolean): void {
    const version = cluster.kubernetesVersion ? ` · Kubernetes ${cluster.kubernetesVersion}` : '';
    this.subgraph(cluster.key, [{ text: `NKS cluster ${cluster.name}${version}`, bold: true }], COLORS.cluster, () => {
      const zones = [...new Set(cluster.nodeGroups.map((g) => g.zone ?? '?'))].sort();
      for (const zone of zones) {
        this.subgraph(`${cluster.key}#zone-${zone}`, [{ text: `zone ${zone}`, small: true }], COLORS.zone, () => {
          for (const group of cluster.nodeGroups.filter((g) => (g.zone ?? '?') === zone)) this.nodeGroup(group);
        }, 'dashed');
      }
      if (withObjects) this.kubernetesObjects();
    });
  }

  private nodeGroup(group: NodeGroupInfo): void {
    const count = group.autoscale ? `${group.nodeCount ?? group.autoscale.min} nodes, autoscale ${group.autoscale.min}–${group.autoscale.max}` : `${group.nodeCount ?? '?'} node${group.nodeCount === 1 ? '' : 's'}`;
    const lines: Line[] = [{ text: `node group ${group.name}`, bold: true }, { text: `${group.flavor ?? '?'} · ${count}` }];
    if (group.gpusPerNode !== undefined) lines.push({ text: `GPUs per node: ${group.gpusPerNode}` });
    for (const [k, v] of Object.entries(group.labels).sort()) lines.push({ text: `${k}=${v}`, small: true, color: COLORS.muted });
    this.node(group.key, lines, { fillcolor: group.gpusPerNode === undefined ? COLORS.nodeGroup : COLORS.gpuGroup });
  }

  private instance(instance: InstanceInfo): void {
    this.node(instance.key, [{ text: `instance ${instance.name}`, bold: true }, { text: `${instance.flavor ?? '?'} · zone ${instance.zone ?? '?'}`, small: true }], { shape: 'box3d', style: 'filled', fillcolor: COLORS.nodeGroup });
  }

  /** Namespaces with their objects, and the cluster-scoped volumes. */
  private kubernetesObjects(): void {
    const k8s = this.model.kubernetes;
    const namespaces = [...new Set([...k8s.workloads, ...k8s.services, ...k8s.ingresses, ...k8s.claims].map((o) => o.namespace))].sort();
    for (const ns of namespaces) {
      this.subgraph(`namespace/${ns}`, [{ text: `namespace ${ns}`, bold: true }], COLORS.namespace, () => {
        for (const i of k8s.ingresses.filter((o) => o.namespace === ns)) this.node(i.key, [{ text: i.name, bold: true }, { text: `${i.kind ?? 'Ingress'}${i.className ? ` · class ${i.className}` : ''}`, small: true }], { fillcolor: COLORS.ingress, shape: 'box' });
        for (const s of k8s.services.filter((o) => o.namespace === ns)) this.service(s);
        for (const w of k8s.workloads.filter((o) => o.namespace === ns)) this.workload(w);
        for (const c of k8s.claims.filter((o) => o.namespace === ns)) this.node(c.key, [{ text: c.name, bold: true }, { text: ['PersistentVolumeClaim', c.size, c.storageClass].filter(Boolean).join(' · '), small: true }], { shape: 'note', fillcolor: COLORS.claim });
      }, 'dashed');
    }
    for (const pv of k8s.persistentVolumes) {
      this.node(pv.key, [{ text: pv.name, bold: true }, { text: ['PersistentVolume', pv.size, pv.zone && `zone ${pv.zone}`].filter(Boolean).join(' · '), small: true }], { shape: 'note', fillcolor: COLORS.claim });
    }
  }

  private service(s: ServiceInfo): void {
    const lb = s.type === 'LoadBalancer';
    const kind = lb ? `${s.internal ? 'internal ' : ''}load balancer (Service LoadBalancer)` : `Service ${s.type}`;
    this.node(s.key, [{ text: s.name, bold: true }, { text: kind, small: true }, { text: s.ports.join(', ') || 'no ports', small: true }], { fillcolor: lb ? COLORS.loadBalancer : COLORS.service, color: lb ? COLORS.traffic : undefined });
  }

  private workload(w: WorkloadInfo): void {
    const landings = this.landings.get(w.key)!;
    const blocked = landings.length > 0 && !landings.some((l) => l.fits);
    const lines: Line[] = [{ text: w.name, bold: true }, { text: `${w.kind}${w.replicas === undefined ? '' : ` ×${w.replicas}`}`, small: true }, ...w.images.map((i) => ({ text: shortImage(i), small: true, color: COLORS.muted }))];
    const wants = [...Object.entries(w.nodeSelector).map(([k, v]) => `${k}=${v}`), ...(w.affinityTerms.length ? ['node affinity'] : []), ...(w.gpusPerPod ? [`${w.gpusPerPod} GPU per pod`] : [])];
    if (wants.length) lines.push({ text: `needs ${wants.join(', ')}`, small: true });
    if (blocked) {
      // One line per distinct reason, naming the groups it rules out: the reason that rules out the group
      // the workload aimed at is the one to read.
      const groupsBy = new Map<string, string[]>();
      for (const l of landings) groupsBy.set(l.reason!, [...(groupsBy.get(l.reason!) ?? []), l.group.name]);
      for (const [reason, names] of [...groupsBy].slice(0, 3)) lines.push({ text: `cannot land on ${names.join(', ')}: ${reason}`, small: true, color: COLORS.error });
    }
    this.node(w.key, lines, { fillcolor: blocked ? COLORS.blocked : COLORS.workload, color: blocked ? COLORS.error : undefined });
  }

  private connections(): void {
    const { infra, kubernetes: k8s } = this.model;
    for (const s of k8s.services) {
      if (s.type === 'LoadBalancer' && !s.internal) this.edge('internet', s.key, { color: COLORS.traffic, penwidth: 1.5 });
      for (const w of selected(s, k8s.workloads)) this.edge(s.key, w.key, { label: 'selects' });
    }
    for (const i of k8s.ingresses) {
      const classes = i.kind === 'Gateway' ? k8s.gatewayClasses ?? {} : k8s.ingressClasses;
      for (const w of controllersOf(i, k8s.workloads, classes)) this.edge(w.key, i.key, { style: 'dotted', color: COLORS.route, label: `serves class ${i.className}` });
      for (const parent of i.parents ?? []) if (k8s.ingresses.some((g) => g.key === parent)) this.edge(parent, i.key, { style: 'dotted', color: COLORS.route, label: 'route' });
      const byService = new Map<string, string[]>();
      for (const r of i.routes) {
        const id = `${r.namespace ?? i.namespace}/${r.service}`;
        byService.set(id, [...(byService.get(id) ?? []), `${r.host ?? '*'}${r.path}${r.port ? ` → :${r.port}` : ''}`]);
      }
      for (const [id, routes] of byService) {
        const target = k8s.services.find((s) => `${s.namespace}/${s.name}` === id);
        if (target) this.edge(i.key, target.key, { color: COLORS.route, label: routes.join('\n') });
      }
    }
    for (const w of k8s.workloads) {
      for (const l of this.landings.get(w.key)!.filter((x) => x.fits)) {
        // No label: the legend explains the style, and a label per edge crowds the node groups.
        this.edge(w.key, l.group.key, { style: 'dashed', color: COLORS.land, penwidth: 1.3 });
      }
      for (const claim of w.claims) {
        const c = k8s.claims.find((x) => x.name === claim && x.namespace === w.namespace);
        if (c) this.edge(w.key, c.key, { label: 'mounts' });
      }
    }
    for (const c of k8s.claims) {
      const pv = k8s.persistentVolumes.find((p) => p.name === c.volumeName);
      if (pv) this.edge(c.key, pv.key, { label: 'bound' });
    }
    for (const pv of k8s.persistentVolumes) if (pv.volumeKey && this.ids.has(pv.volumeKey)) this.edge(pv.key, pv.volumeKey, { label: 'Cinder volume' });
    for (const i of infra.instances) for (const v of i.volumeKeys) if (this.ids.has(v)) this.edge(i.key, v, { label: 'attached' });
  }

  private node(key: string, lines: readonly Line[], attrs: Record<string, string | number | undefined>): void {
    this.line(`${this.id(key)} [${attributes({ label: html(lines), tooltip: key, ...attrs })}];`);
  }

  private edge(from: string, to: string, attrs: Record<string, string | number | undefined>): void {
    if (!this.ids.has(from) || !this.ids.has(to)) return;
    this.edges.push(`${this.id(from)} -> ${this.id(to)} [${attributes(attrs)}];`);
  }

  private subgraph(key: string, label: readonly Line[], colors: { readonly fill: string; readonly line: string }, body: () => void, style = 'rounded,filled'): void {
    this.line(`subgraph cluster_${this.id(key)} {`);
    this.depth++;
    this.line(`graph [${attributes({ label: html(label), style: style === 'dashed' ? 'rounded,dashed,filled' : style, fillcolor: colors.fill, color: colors.line, fontsize: 11 })}];`);
    body();
    this.depth--;
    this.line('}');
  }

  private id(key: string): string {
    let id = this.ids.get(key);
    if (!id) this.ids.set(key, (id = `n${this.ids.size + 1}`));
    return id;
  }

  private line(text: string): void {
    this.out.push(`${'  '.repeat(this.depth)}${text}`);
  }
}

/** Workloads whose pods a Service selects (same namespace, every selector label on the pods). */
export function selected(service: ServiceInfo, workloads: readonly WorkloadInfo[]): WorkloadInfo[] {
  const entries = Object.entries(service.selector);
  if (entries.length === 0) return [];
  return workloads.filter((w) => w.namespace === service.namespace && entries.every(([k, v]) => w.podLabels[k] === v));
}

/** The ingress controller workloads that serve an Ingress's class (`--controller-class`, else `--ingress-class`). */
export function controllersOf(ingress: IngressInfo, workloads: readonly WorkloadInfo[], classes: Readonly<Record<string, string>>): WorkloadInfo[] {
  if (!ingress.className) return [];
  const controller = classes[ingress.className];
  // NGINX Gateway Fabric's control plane names the GatewayClass controller it serves with --gateway-ctlr-name.
  if (ingress.kind === 'Gateway') return controller ? workloads.filter((w) => w.args.includes(`--gateway-ctlr-name=${controller}`)) : [];
  const wanted = controller ? `--controller-class=${controller}` : `--ingress-class=${ingress.className}`;
  return workloads.filter((w) => w.args.includes(wanted));
}

/** An image reference with its digest shortened (`@sha256:594ceea76b01…`): the full digest would set the node's width. */
function shortImage(image: string): string {
  return image.replace(/@(sha256:[0-9a-f]{12})[0-9a-f]+/, '@$1…');
}

function legend(): string {
  return 'solid: traffic and selection · dotted: ingress class · dashed green: where pods can land · red: pods that cannot land anywhere';
}

function html(lines: readonly Line[]): string {
  const parts = lines.filter((l) => l.text !== '').map((l) => {
    let text = escapeHtml(l.text);
    if (l.bold) text = `<b>${text}</b>`;
    if (l.small || l.color) text = `<font${l.small ? ' point-size="8"' : ''}${l.color ? ` color="${l.color}"` : ''}>${text}</font>`;
    return text;
  });
  return `<${parts.join('<br/>')}>`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function attributes(attrs: Record<string, string | number | undefined>): string {
  return Object.entries(attrs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${k === 'label' && String(v).startsWith('<') ? v : typeof v === 'number' ? v : quote(String(v))}`)
    .join(', ');
}

/** A DOT quoted string; a newline in an edge label becomes a left-justified line break. */
function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\l')}${text.includes('\n') ? '\\l' : ''}"`;
}

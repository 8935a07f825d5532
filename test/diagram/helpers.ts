import { platformDot, PlatformModel } from '../../lib/diagram';

/** One edge of the diagram's DOT, with the keys (tooltips) of its ends. */
export interface DotEdge {
  readonly from: string;
  readonly to: string;
  readonly style?: string;
  readonly label?: string;
}

/** The edges of `platformDot(model)`, by node key (DOT ids are opaque; each node's tooltip is its key). */
export function edgesOf(model: PlatformModel): DotEdge[] {
  const dot = platformDot(model);
  const keys = new Map([...dot.matchAll(/^\s*(n\d+) \[label=.*?, tooltip="([^"]*)"/gm)].map((m) => [m[1], m[2]]));
  return [...dot.matchAll(/^\s*(n\d+) -> (n\d+) \[(.*)\];$/gm)].map((m) => ({
    from: keys.get(m[1]) ?? m[1],
    to: keys.get(m[2]) ?? m[2],
    style: /style="([^"]*)"/.exec(m[3])?.[1],
    label: /label="([^"]*)"/.exec(m[3])?.[1],
  }));
}

/** The node group names each workload (by name) has a dashed "can land" edge to. */
export function landingMap(model: PlatformModel): Record<string, string[]> {
  const groups = new Map(model.infra.clusters.flatMap((c) => c.nodeGroups).map((g) => [g.key, g.name]));
  const out: Record<string, string[]> = {};
  for (const w of model.kubernetes.workloads) out[w.name] = [];
  for (const e of edgesOf(model)) {
    const workload = model.kubernetes.workloads.find((w) => w.key === e.from);
    if (workload && e.style === 'dashed' && groups.has(e.to)) out[workload.name].push(groups.get(e.to)!);
  }
  for (const names of Object.values(out)) names.sort();
  return out;
}

/** The text a person sees in an SVG: every `<text>` element's content, entities decoded. */
export function svgTexts(svg: string): string[] {
  return [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) =>
    m[1].replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n))).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#45;/g, '-').replace(/&amp;/g, '&'),
  );
}

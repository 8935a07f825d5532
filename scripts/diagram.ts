// `npm run diagram`: draws the synthesized platform (cdktf.out/ and dist/ of the last synth) as an SVG.
//   node build/scripts/diagram.js [--outdir cdktf.out] [--k8s-outdir dist] [--out diagram/platform.svg] [--title text] [--dot]
// --dot also writes the Graphviz source next to the SVG (platform.dot), for tweaking or other renderers.
import * as fs from 'fs';
import * as path from 'path';
import { platformDot, platformModel, readSynthesizedOutput, renderSvg } from '../lib/diagram';

function option(argv: readonly string[], flag: string, fallback: string): string {
  const i = argv.indexOf(flag);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
}

async function main(argv: readonly string[]): Promise<void> {
  const outdir = option(argv, '--outdir', process.env.CDKTF_OUTDIR ?? 'cdktf.out');
  const k8sOutdir = option(argv, '--k8s-outdir', process.env.CDK8S_OUTDIR ?? 'dist');
  const out = option(argv, '--out', path.join('diagram', 'platform.svg'));
  const model = platformModel(readSynthesizedOutput({ outdir, k8sOutdir }));
  const dot = platformDot(model, { title: option(argv, '--title', 'NKS platform') });
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, await renderSvg(dot));
  if (argv.includes('--dot')) fs.writeFileSync(out.replace(/\.svg$/, '') + '.dot', dot);
  const { infra, kubernetes: k8s } = model;
  const groups = infra.clusters.reduce((n, c) => n + c.nodeGroups.length, 0);
  console.log(`wrote ${out}: ${infra.clusters.length} cluster(s), ${groups} node group(s), ${infra.volumes.length} volume(s), ${k8s.workloads.length} workload(s), ${k8s.services.length} service(s), ${k8s.ingresses.length} ingress(es)`);
}

main(process.argv.slice(2)).catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});

import * as fs from 'fs';
import * as path from 'path';
import { Yaml } from 'cdk8s';
import { DotOptions, platformDot } from './dot';
import { readKubernetes } from './kubernetes';
import { DiagramInput, PlatformModel, TerraformJson } from './model';
import { readInfrastructure, resolveResourceKey } from './terraform';

/** Where {@link readSynthesizedOutput} looks. */
export interface OutputDirs {
  /**
   * The Terraform output directory (with `stacks/<name>/cdk.tf.json`).
   * @default 'cdktf.out'
   */
  readonly outdir?: string;
  /**
   * The manifests directory (`*.yaml`).
   * @default 'dist'
   */
  readonly k8sOutdir?: string;
}

/**
 * Reads what a program synthesized: every stack's `cdk.tf.json` and every YAML document of the manifests
 * directory. A directory that does not exist contributes nothing (a program may have only one layer).
 */
export function readSynthesizedOutput(dirs: OutputDirs = {}): DiagramInput {
  const stacksDir = path.join(dirs.outdir ?? 'cdktf.out', 'stacks');
  const k8sDir = dirs.k8sOutdir ?? 'dist';
  const terraform: Record<string, TerraformJson> = {};
  if (fs.existsSync(stacksDir)) {
    for (const stack of fs.readdirSync(stacksDir).sort()) {
      const file = path.join(stacksDir, stack, 'cdk.tf.json');
      if (fs.existsSync(file)) terraform[stack] = JSON.parse(fs.readFileSync(file, 'utf8')) as TerraformJson;
    }
  }
  const manifests: unknown[] = [];
  if (fs.existsSync(k8sDir)) {
    for (const file of fs.readdirSync(k8sDir).filter((f) => /\.ya?ml$/.test(f)).sort()) manifests.push(...Yaml.load(path.join(k8sDir, file)));
  }
  if (Object.keys(terraform).length === 0 && manifests.length === 0) {
    throw new Error(`nothing synthesized in ${stacksDir} or ${k8sDir}: run the program (npm run synth) first, or point at its output directories`);
  }
  return { terraform, manifests };
}

/**
 * The platform model of synthesized output: infrastructure from the Terraform JSON, Kubernetes objects from
 * the manifests and from the `kubernetes_manifest` resources of a workloads stack (which also holds the
 * objects that wait for infrastructure outputs and are therefore missing from the manifests directory).
 */
export function platformModel(input: DiagramInput): PlatformModel {
  const infra = readInfrastructure(input.terraform);
  const manifests: unknown[] = [...input.manifests];
  for (const json of Object.values(input.terraform)) {
    for (const body of Object.values((json.resource?.kubernetes_manifest ?? {}) as Record<string, TerraformJson>)) manifests.push(body.manifest);
  }
  const volumeKeyOf = (id: unknown): string | undefined => {
    for (const stack of Object.keys(input.terraform)) {
      const key = resolveResourceKey(id, stack, input.terraform);
      if (key && infra.volumes.some((v) => v.key === key)) return key;
    }
    return undefined;
  };
  return { infra, kubernetes: readKubernetes(manifests, volumeKeyOf) };
}

// Graphviz compiled to WebAssembly takes a moment to instantiate; one instance serves every render.
let viz: Promise<{ renderString(dot: string, options: { format: string; engine: string }): string }> | undefined;

/** DOT → SVG with Graphviz's `dot` layout (@viz-js/viz). */
export async function renderSvg(dot: string): Promise<string> {
  viz ??= import('@viz-js/viz').then((m) => m.instance());
  const svg = (await viz).renderString(dot, { format: 'svg', engine: 'dot' });
  // Graphviz sizes text with Helvetica's metrics; name metric-compatible fonts before the generic fallback
  // (often the wider DejaVu Sans on Linux), so labels stay inside their boxes.
  return svg.replace(/font-family="Helvetica,sans-Serif"/g, `font-family="Helvetica,Arial,'Liberation Sans','Nimbus Sans',sans-serif"`);
}

/**
 * Draws a synthesized platform as SVG: the VPC, the cluster with its node groups (flavor, count, zone,
 * labels, GPUs), block storage volumes, instances, and per namespace the workloads, Services (load
 * balancers), Ingress routes and claims, with dashed edges to every node group a workload's pods can land on.
 *
 * @param input what to draw: {@link readSynthesizedOutput}'s result, or a model from {@link platformModel}
 */
export async function renderPlatformDiagram(input: DiagramInput | PlatformModel, options: DotOptions = {}): Promise<string> {
  const model = 'infra' in input ? input : platformModel(input);
  return renderSvg(platformDot(model, options));
}

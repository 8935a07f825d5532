import * as path from 'path';
import { Chart, Testing, Yaml } from 'cdk8s';
import { checkManifests } from '../../lib/checks/kubernetes-schema';
import { PlatformApp } from '../../lib';
import { synth, Synthesized } from '../helpers';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Manifest = Record<string, any>;

export interface K8sOut extends Synthesized {
  /** Every document of every file in dist/, parsed back from YAML. */
  readonly docs: Manifest[];
  /** Parsed documents per file name (e.g. `nginx-deployment.k8s.yaml`). */
  readonly files: Record<string, Manifest[]>;
  /** Warning messages synth printed. */
  readonly warnings: string[];
  /** The one document of `kind` named `name` (fails when there is none). */
  find(kind: string, name?: string): Manifest;
}

/** Runs a program through PlatformApp.synth (validation + strict schema check), then reads dist/ back from YAML. */
export function synthK8s(build: (app: PlatformApp) => void, options: Parameters<typeof synth>[1] = {}): K8sOut {
  const out = synth(build, options);
  const files: Record<string, Manifest[]> = {};
  for (const file of Object.keys(out.manifestFiles)) files[file] = Yaml.load(path.join(out.k8sOutdir, file)).filter(Boolean);
  const docs = Object.values(files).flat();
  const find = (kind: string, name?: string): Manifest => {
    const hit = docs.find((d) => d.kind === kind && (name === undefined || d.metadata?.name === name));
    if (!hit) throw new Error(`no ${kind} ${name ?? ''} in ${docs.map((d) => `${d.kind}/${d.metadata?.name}`).join(', ')}`);
    return hit;
  };
  return { ...out, files, docs, warnings: out.result.warnings.map((w) => w.message), find };
}

/** A fresh chart for unit-level tests with cdk8s's Testing app. */
export function testChart(id = 'test'): Chart {
  return new Chart(Testing.app(), id);
}

/** Synthesizes a chart with cdk8s's Testing.synth and asserts the strict Kubernetes schema check passes. */
export function synthChart(chart: Chart): Manifest[] {
  const docs = Testing.synth(chart) as Manifest[];
  expect(checkManifests(docs)).toEqual([]);
  return docs;
}

/** The pod spec of a rendered workload, wherever its kind keeps it. */
export function podSpecOf(doc: Manifest): Manifest {
  if (doc.kind === 'Pod') return doc.spec;
  if (doc.kind === 'CronJob') return doc.spec.jobTemplate.spec.template.spec;
  return doc.spec.template.spec;
}

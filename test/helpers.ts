import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { providerSchemasFor } from '../lib/providers';
import { checkTerraformJson, PlatformApp, SynthResult, ValidationError, ValidationErrors, withoutUnvendoredProviders } from '../lib';

// Tests choose the infrastructure target explicitly; a developer's $NKS_TARGET must not switch them.
delete process.env.NKS_TARGET;

/** A fresh temporary directory, removed by the OS later. */
export function tmpdir(prefix = 'nks-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface Synthesized {
  /** cdk.tf.json per stack name. */
  readonly tf: Record<string, TfJson>;
  /** Parsed YAML documents per file name in the manifests directory. */
  readonly manifestFiles: Record<string, string>;
  readonly result: SynthResult;
  readonly outdir: string;
  readonly k8sOutdir: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type TfJson = Record<string, any>;

/** Builds a program on a fresh PlatformApp, synthesizes it into temporary directories and reads what landed. */
export function synth(build: (app: PlatformApp) => void, options: { infraOutputs?: string } = {}): Synthesized {
  const dir = tmpdir();
  const outdir = path.join(dir, 'cdktf.out');
  const k8sOutdir = path.join(dir, 'dist');
  const warnings: string[] = [];
  const app = new PlatformApp({ outdir, k8sOutdir, log: (l) => warnings.push(l), infraOutputs: options.infraOutputs });
  build(app);
  const result = app.synth();
  const tf: Record<string, TfJson> = {};
  const stacksDir = path.join(outdir, 'stacks');
  if (fs.existsSync(stacksDir)) {
    for (const stack of fs.readdirSync(stacksDir)) {
      tf[stack] = JSON.parse(fs.readFileSync(path.join(stacksDir, stack, 'cdk.tf.json'), 'utf8'));
      // Every infrastructure test checks what it synthesized against the schemas of the providers the stack
      // requires (openstack or nhncloud), so a resource of the other provider fails as unknown.
      const doc = withoutUnvendoredProviders(tf[stack]);
      expect(checkTerraformJson(doc, providerSchemasFor(doc))).toEqual([]);
    }
  }
  const manifestFiles: Record<string, string> = {};
  if (fs.existsSync(k8sOutdir)) {
    for (const f of fs.readdirSync(k8sOutdir)) manifestFiles[f] = fs.readFileSync(path.join(k8sOutdir, f), 'utf8');
  }
  return { tf, manifestFiles, result, outdir, k8sOutdir };
}

/** The resources of one type in a stack's JSON, as [logical name, body] pairs. */
export function resources(tf: TfJson, type: string): [string, TfJson][] {
  return Object.entries(tf.resource?.[type] ?? {}) as [string, TfJson][];
}

/** The single resource of a type (fails the test when there are none or several). */
export function onlyResource(tf: TfJson, type: string): TfJson {
  const all = resources(tf, type);
  expect(all.map(([n]) => n)).toHaveLength(1);
  return all[0][1];
}

/** Runs `fn`, expects a ValidationError (alone or first of ValidationErrors) and returns it for field assertions. */
export function catchValidation(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ValidationError) return e;
    if (e instanceof ValidationErrors) return e.errors[0];
    throw e;
  }
  throw new Error('expected a ValidationError, but nothing was thrown');
}

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { providerSchemasFor } from '../lib/providers';
import { problemSequence, problemsUnder, recordedAfter, rootsWithProblemsSince } from '../lib/problems';
import { checkTerraformJson, PlatformApp, SynthResult, ValidationError, ValidationErrors } from '../lib';
import { withoutUnvendoredProviders } from '../lib/app';

// Tests choose the infrastructure target explicitly; a developer's $NKS_TARGET must not switch them.
delete process.env.NKS_TARGET;

/**
 * The entries of an output directory that synth wrote: files (or directories), without synth's own record
 * folder `.nks-cdk/`.
 */
export function outputFiles(dir: string, kind: 'files' | 'directories' = 'files'): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.name !== '.nks-cdk' && (kind === 'files' ? d.isFile() : d.isDirectory()))
    .map((d) => d.name)
    .sort();
}

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
    for (const stack of outputFiles(stacksDir, 'directories')) {
      tf[stack] = JSON.parse(fs.readFileSync(path.join(stacksDir, stack, 'cdk.tf.json'), 'utf8'));
      // Every infrastructure test checks what it synthesized against the schemas of the providers the stack
      // requires (openstack or nhncloud), so a resource of the other provider fails as unknown.
      const doc = withoutUnvendoredProviders(tf[stack]);
      expect(checkTerraformJson(doc, providerSchemasFor(doc))).toEqual([]);
    }
  }
  const manifestFiles: Record<string, string> = {};
  if (fs.existsSync(k8sOutdir)) {
    for (const f of outputFiles(k8sOutdir)) manifestFiles[f] = fs.readFileSync(path.join(k8sOutdir, f), 'utf8');
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

/** Runs `fn` with the environment variables set (`undefined`: removed), restoring them afterwards. */
export function withEnv<T>(vars: Readonly<Record<string, string | undefined>>, fn: () => T): T {
  const saved = Object.keys(vars).map((k) => [k, process.env[k]] as const);
  const set = (entries: Iterable<readonly [string, string | undefined]>) => {
    for (const [k, v] of entries) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
  set(Object.entries(vars));
  try {
    return fn();
  } finally {
    set(saved);
  }
}

/**
 * Runs `fn` (which builds part of a program) and expects a ValidationError (alone or first of ValidationErrors)
 * from it or, for problems recorded on the constructs it built, from synthesizing their PlatformApp; returns it
 * for field assertions.
 */
export function catchValidation(fn: () => unknown): ValidationError {
  const before = problemSequence();
  try {
    fn();
    for (const root of rootsWithProblemsSince(before)) {
      const app = PlatformApp.of(root);
      if (app) app.synth();
      else return problemsUnder(root).find((e) => recordedAfter(e, before))!;
    }
  } catch (e) {
    if (e instanceof ValidationError) return e;
    // Synth reports every problem of the app; the one `fn` caused is the first recorded after it started.
    if (e instanceof ValidationErrors) return e.errors.find((x) => recordedAfter(x, before)) ?? e.errors[0];
    throw e;
  }
  throw new Error('expected a ValidationError, but nothing was thrown or recorded');
}

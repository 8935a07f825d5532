// nks-cdk/testing: assertions on what a program synthesizes, both layers, for tests in the user's repository
// (the way aws-cdk's `Template` assertions are used). `PlatformTemplate.synth` builds the program on a fresh
// PlatformApp, synthesizes it into a temporary directory, reads everything into memory and removes the
// directory before it returns; the assertions then work on memory only.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { PlatformApp, PlatformAppProps } from '../app';
import { ValidationError, ValidationErrors } from '../model/errors';

/** A Terraform JSON document (`cdk.tf.json`) or a Kubernetes object. */
export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Options of {@link PlatformTemplate.synth}: the PlatformApp props a test may set. */
export interface PlatformTemplateOptions {
  /**
   * Policy rules, as for `PlatformApp`.
   * @default true
   */
  readonly policies?: PlatformAppProps['policies'];
  /**
   * Infrastructure outputs file, as for `PlatformApp`.
   * @default none (objects that wait for outputs are left out and listed in `pendingObjects`)
   */
  readonly infraOutputs?: string;
}

/** `expected` is contained in `actual`: objects by the keys `expected` names, arrays and scalars whole. */
function contains(actual: unknown, expected: unknown): boolean {
  if (expected !== null && typeof expected === 'object' && !Array.isArray(expected)) {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return false;
    return Object.entries(expected).every(([k, v]) => contains((actual as Json)[k], v));
  }
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && actual.length === expected.length && expected.every((v, i) => contains(actual[i], v));
  }
  return actual === expected;
}

const show = (v: unknown) => JSON.stringify(v, null, 2);

/** What a program synthesized, in memory, with assertions on both layers. */
export class PlatformTemplate {
  /**
   * Synthesizes the program `build` declares on a fresh PlatformApp. Throws the program's `ValidationErrors`
   * as synth does; use {@link PlatformTemplate.errorsOf} to assert on them.
   */
  public static synth(build: (app: PlatformApp) => void, options: PlatformTemplateOptions = {}): PlatformTemplate {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nks-cdk-template-'));
    try {
      const lines: string[] = [];
      const app = new PlatformApp({
        outdir: path.join(dir, 'cdktf.out'),
        k8sOutdir: path.join(dir, 'dist'),
        policies: options.policies,
        infraOutputs: options.infraOutputs,
        log: (line) => lines.push(line),
      });
      build(app);
      const result = app.synth();
      const stacks: Record<string, Json> = {};
      const stacksDir = path.join(dir, 'cdktf.out', 'stacks');
      if (fs.existsSync(stacksDir)) {
        for (const s of fs.readdirSync(stacksDir).sort()) {
          stacks[s] = JSON.parse(fs.readFileSync(path.join(stacksDir, s, 'cdk.tf.json'), 'utf8'));
        }
      }
      const manifests: Record<string, Json[]> = {};
      const k8sDir = path.join(dir, 'dist');
      if (fs.existsSync(k8sDir)) {
        for (const f of fs.readdirSync(k8sDir).filter((n) => n.endsWith('.k8s.yaml')).sort()) {
          manifests[f] = parseAllDocuments(fs.readFileSync(path.join(k8sDir, f), 'utf8'))
            .map((d) => d.toJSON() as Json)
            .filter((d) => d !== null);
        }
      }
      return new PlatformTemplate(stacks, manifests, lines, result.pendingObjects.map((p) => p.object));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  /** The ValidationErrors synth throws for the program `build` declares; an empty list when it synthesizes. */
  public static errorsOf(build: (app: PlatformApp) => void, options: PlatformTemplateOptions = {}): readonly ValidationError[] {
    try {
      PlatformTemplate.synth(build, options);
      return [];
    } catch (e) {
      if (e instanceof ValidationErrors) return e.errors;
      throw e;
    }
  }

  private constructor(
    /** `cdk.tf.json` per stack name. */
    public readonly stacks: Readonly<Record<string, Json>>,
    /** The Kubernetes objects per file of the manifests directory (`web.k8s.yaml`). */
    public readonly manifests: Readonly<Record<string, readonly Json[]>>,
    /** The lines synth printed: warnings (`[warning] ...`) and notes. */
    public readonly log: readonly string[],
    /** Objects left out of the manifests because they wait for infrastructure outputs. */
    public readonly pendingObjects: readonly string[],
  ) {}

  /** The resources of one type in one stack, by their Terraform name. */
  public resources(stack: string, type: string): Record<string, Json> {
    const doc = this.stacks[stack];
    if (!doc) throw new Error(`no stack ${stack}; the stacks are: ${Object.keys(this.stacks).join(', ') || 'none'}`);
    return (doc.resource?.[type] ?? {}) as Record<string, Json>;
  }

  /** Asserts that `stack` has exactly `count` resources of `type`. */
  public resourceCountIs(stack: string, type: string, count: number): void {
    const n = Object.keys(this.resources(stack, type)).length;
    if (n !== count) throw new Error(`${stack}: expected ${count} ${type} resource(s), found ${n}`);
  }

  /** Asserts that `stack` has a resource of `type` whose properties contain `props`; returns it. */
  public hasResourceProperties(stack: string, type: string, props: Json): Json {
    const all = Object.values(this.resources(stack, type));
    const found = all.find((r) => contains(r, props));
    if (!found) throw new Error(`${stack}: no ${type} has ${show(props)}; the ${all.length} there: ${show(all)}`);
    return found;
  }

  /** Every Kubernetes object of the manifests, optionally of one kind. */
  public objects(kind?: string): Json[] {
    return Object.values(this.manifests)
      .flat()
      .filter((o) => kind === undefined || o.kind === kind);
  }

  /** Asserts that the manifests have exactly `count` objects of `kind`. */
  public objectCountIs(kind: string, count: number): void {
    const n = this.objects(kind).length;
    if (n !== count) throw new Error(`expected ${count} ${kind} object(s) in the manifests, found ${n}`);
  }

  /** Asserts that the manifests have an object of `kind` whose fields contain `fields`; returns it. */
  public hasObject(kind: string, fields: Json = {}): Json {
    const all = this.objects(kind);
    const found = all.find((o) => contains(o, fields));
    if (!found) {
      throw new Error(`no ${kind} has ${show(fields)}; the ${kind} objects: ${all.map((o) => o.metadata?.name ?? '(no name)').join(', ') || 'none'}`);
    }
    return found;
  }

  /**
   * The ids of the warnings synth printed, once each, in order: policy rule ids (`NKS-PROBE-1`) and
   * construct warning ids (`nks-cdk:gpuShortfall`). Acknowledged warnings are not among them.
   */
  public warningIds(): string[] {
    const ids = this.log.flatMap((l) => WARNING_LINE.exec(l)?.[1] ?? []);
    return [...new Set(ids)];
  }

  /** The ids of the warnings synth printed as acknowledged (`[acknowledged] <id> <path>: <reason>`), once each. */
  public acknowledgedIds(): string[] {
    const ids = this.log.flatMap((l) => /^\[acknowledged\] (\S+) /.exec(l)?.[1] ?? []);
    return [...new Set(ids)];
  }

  /**
   * Asserts that synth warned with id `idOrText` (a rule id or a warning id), or with a warning line
   * containing `idOrText`; returns the matching warning lines.
   */
  public hasWarning(idOrText: string): string[] {
    const warnings = this.log.filter((l) => l.startsWith('[warning] '));
    const found = warnings.filter((l) => WARNING_LINE.exec(l)?.[1] === idOrText || l.includes(idOrText));
    if (!found.length) throw new Error(`no warning ${idOrText}; the warnings: ${warnings.join('\n') || 'none'}`);
    return found;
  }

  /** Asserts that synth printed no warning with id `id` (a rule id or a warning id). */
  public hasNoWarning(id: string): void {
    const found = this.log.filter((l) => WARNING_LINE.exec(l)?.[1] === id);
    if (found.length) throw new Error(`expected no warning ${id}; found: ${found.join('\n')}`);
  }
}

/** A printed warning with its id: `[warning] NKS-PROBE-1 <path> ...` or `[warning] nks-cdk:<problem> <path>: ...`. */
const WARNING_LINE = /^\[warning\] ([A-Z][A-Z0-9]*-[A-Z0-9]+-\d+|nks-cdk:[A-Za-z0-9]+) /;

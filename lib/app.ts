import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as cdk8s from 'cdk8s';
import type * as cdktf from 'cdktf';
import { IConstruct } from 'constructs';
import { checkManifests, formatManifestIssues, ManifestIssue } from './checks/kubernetes-schema';
import { checkTerraformJson, formatTerraformIssues, TerraformIssue } from './checks/terraform-schema';
import type { InfraChangeReport } from './checks/terraform-diff';
import { AcknowledgedWarning, ConstructWarning, defaultWarningLog, sortWarnings, stampCdktfWarnings } from './warnings';
import { chartManifests, writeChartManifests } from './output/charts';
import { ValidationError, ValidationErrors } from './model/errors';
import { commitOutputDir, outputConflicts } from './output/commit';
import { outputDirProblems } from './output/outdirs';
import { asValidationErrors, debugging, explainIfUncaught, failedConstructPaths, followOnsUnder, linkRoots, markReported, namesFailed, problemsUnder, unexpectedError } from './problems';
import { addDeferredOutputs, deferredValues } from './infra/deferred';
import { PendingObject, readInfraOutputs, resolveDeferredValues } from './platform/outputs';
import { Policies, PolicyOptions, runPolicies } from './policy';
import { cacheRenders, cacheWalks, constructsUnder } from './synth-cache';
import { cdktfRuntime } from './cdktf-runtime';

/** Properties of a {@link PlatformApp}. */
export interface PlatformAppProps {
  /**
   * Where the Terraform output goes.
   * @default $CDKTF_OUTDIR when the cdktf CLI runs the program, else 'cdktf.out'
   */
  readonly outdir?: string;
  /**
   * Where the Kubernetes manifests go.
   * @default $CDK8S_OUTDIR when the cdk8s CLI runs the program, else 'dist'
   */
  readonly k8sOutdir?: string;
  /**
   * Check the synthesized output (Terraform JSON against the provider schema, manifests against the
   * Kubernetes schema) before anything is written.
   * @default true
   */
  readonly checks?: boolean;
  /**
   * The infrastructure outputs (`cdktf output <stack> --outputs-file <file>`), read to write values that
   * exist only after apply (e.g. a volume ID in a static PersistentVolume) into `dist/`.
   * @default $NKS_INFRA_OUTPUTS, else none (objects that need such values are left out of dist/ and named)
   */
  readonly infraOutputs?: string;
  /**
   * Policy rules (lib/policy) run at synth: `false` turns them off, options choose rules and levels. Errors
   * stop synth before anything is written; warnings are printed. Suppress one rule on one construct with
   * `Policies.of(app).suppress(construct, ruleId, reason)`.
   * @default true (NKS_RULES at their own levels)
   */
  readonly policies?: boolean | PolicyOptions;
  /**
   * Where warnings are printed at synth.
   * @default process.stderr; process.stdout under the cdktf CLI (which shows a program's stderr as errors)
   */
  readonly log?: (line: string) => void;
}

/** What {@link PlatformApp.synth} wrote and found. */
export interface SynthResult {
  /** The Terraform output directory, when the program has infrastructure stacks. */
  readonly outdir?: string;
  /** The manifests directory, when the program has charts. */
  readonly k8sOutdir?: string;
  /** Warnings printed: construct path, id and message (once per id and construct). */
  readonly warnings: readonly ConstructWarning[];
  /** Warnings acknowledged (`Warnings.of(construct).acknowledge(id, reason)`), printed as `[acknowledged]` notes. */
  readonly acknowledged: readonly AcknowledgedWarning[];
  /** Kubernetes objects left out of the manifests because they wait for infrastructure outputs. */
  readonly pendingObjects: readonly PendingObject[];
  /**
   * What the new Terraform output changes against the previous one in the outdir, per stack and resource
   * (created, updated in place, replaced with the arguments that force it, destroyed); every resource is
   * created when there was none. Undefined when the program has no infrastructure stacks.
   */
  readonly changes?: InfraChangeReport;
}

/** Raised when synthesized output fails the offline checks; nothing was written. */
export class OutputCheckError extends Error {
  /** An error carrying the issues of both checks; its message lists them. */
  constructor(
    /** Problems of the synthesized `cdk.tf.json` files against the provider schemas; empty when there are none. */
    public readonly terraformIssues: readonly TerraformIssue[],
    /** Problems of the Kubernetes manifests in the strict Kubernetes check; empty when there are none. */
    public readonly manifestIssues: readonly ManifestIssue[],
  ) {
    const parts: string[] = [];
    if (terraformIssues.length) parts.push(`Terraform output fails the provider schema:\n${formatTerraformIssues(terraformIssues)}`);
    if (manifestIssues.length) parts.push(`Kubernetes manifests fail the schema check:\n${formatManifestIssues(manifestIssues)}`);
    super(`${parts.join('\n')}\nNothing was written.`);
    this.name = 'OutputCheckError';
  }
}

/**
 * The root of an nks-cdk program: one cdktf App for the infrastructure stacks and one cdk8s App for the
 * Kubernetes charts. {@link PlatformApp.synth} validates every construct of both, synthesizes into a
 * staging directory, checks the output offline, and only then replaces the output directories, so a
 * failed synth never leaves a half-written `cdktf.out/` or `dist/`.
 */
export class PlatformApp {
  /** The PlatformApp whose tree holds `construct` (either layer), if any. */
  public static of(construct: IConstruct): PlatformApp | undefined {
    return appsByRoot.get(construct.node.root);
  }

  /** Scope for Kubernetes charts. */
  public readonly k8s: cdk8s.App;
  private infraApp?: cdktf.App;
  private readonly outdir: string;
  private readonly k8sOutdir: string;
  private readonly staging: string;
  private readonly checks: boolean;
  private readonly infraOutputs?: string;
  private readonly log: (line: string) => void;

  /** Creates the app: its cdktf App (`infra`) and its cdk8s App (`k8s`). */
  constructor(props: PlatformAppProps = {}) {
    this.outdir = path.resolve(props.outdir ?? process.env.CDKTF_OUTDIR ?? 'cdktf.out');
    this.k8sOutdir = path.resolve(props.k8sOutdir ?? process.env.CDK8S_OUTDIR ?? 'dist');
    this.checks = props.checks ?? true;
    this.infraOutputs = props.infraOutputs ?? process.env.NKS_INFRA_OUTPUTS;
    this.log = props.log ?? defaultWarningLog();
    this.staging = fs.mkdtempSync(path.join(os.tmpdir(), 'nks-cdk-'));
    stagingDirs.add(this.staging);
    removeStagingOnExit();
    this.k8s = new cdk8s.App({ outdir: path.join(this.staging, 'k8s'), yamlOutputType: cdk8s.YamlOutputType.FILE_PER_CHART });
    appsByRoot.set(this.k8s, this);
    linkRoots(this.k8s);
    Policies.of(this).configure(props.policies ?? true);
  }

  /**
   * Scope for infrastructure stacks (InfraStack). The cdktf App is made (and cdktf loaded) on first use, so a
   * program with charts only never loads cdktf.
   */
  public get infra(): cdktf.App {
    if (!this.infraApp) {
      // cdktf's App creates its outdir at once; point it at the staging area, never at the real output.
      this.infraApp = new (cdktfRuntime().App)({ outdir: path.join(this.staging, 'cdktf'), stackTraces: false });
      appsByRoot.set(this.infraApp, this);
      linkRoots(this.infraApp, this.k8s);
      // The app's policies cover the new tree too.
      Policies.of(this);
    }
    return this.infraApp;
  }

  /** The trees the program has made: the cdktf one only once `infra` was used. */
  private get roots(): IConstruct[] {
    return this.infraApp ? [this.infraApp, this.k8s] : [this.k8s];
  }

  /**
   * Validates, synthesizes, checks and writes both outputs. Throws {@link ValidationErrors},
   * {@link OutputCheckError} or PolicyViolationError (lib/policy) and writes nothing then. May be called again;
   * each call writes the output of the program as it is then.
   */
  public synth(): SynthResult {
    let stopCachingRenders = (): void => undefined;
    let stopCachingWalks = (): void => undefined;
    try {
      // A fresh staging area each time: cdktf writes into the outdir it was given at construction.
      fs.rmSync(this.staging, { recursive: true, force: true });
      if (this.infraApp) fs.mkdirSync(path.join(this.infraApp.outdir, 'stacks'), { recursive: true });
      fs.mkdirSync(this.k8s.outdir, { recursive: true });
      stagingDirs.add(this.staging);
      // From here the Kubernetes tree no longer changes, so its walks are cached, and after validation its
      // renders (lib/synth-cache.ts).
      stopCachingWalks = cacheWalks(this.k8s);
      const infra = this.infraApp;
      const hasStacks = infra !== undefined && constructsUnder(infra).some((c) => cdktfRuntime().TerraformStack.isStack(c));
      const hasCharts = constructsUnder(this.k8s).some((c) => cdk8s.Chart.isChart(c));
      this.validate({ writes: { infra: hasStacks, k8s: hasCharts } });
      stopCachingRenders = cacheRenders(this.k8s, renderChecked);
      // Policy rules: errors throw PolicyViolationError here, before anything is written.
      const policyReport = runPolicies(this, this.log);
      // Every chart's objects, rendered once, in the order and files cdk8s's own synth would write them.
      const manifests = chartManifests(this.k8s);
      const charts = manifests.map((m) => m.chart);
      const cluster = infra ? lazyCrossChecks().targetCluster(infra) : undefined;
      if (cluster) {
        const crossLayer = lazyCrossChecks().checkAgainstCluster(cluster, manifests.flatMap((m) => m.apiObjects));
        if (crossLayer.length) throw new ValidationErrors(crossLayer);
      }
      // Values that exist only after apply get Terraform outputs (kubectl route) and become references in
      // the workloads stack (Terraform route).
      if (infra) {
        addDeferredOutputs(infra);
        const { WorkloadsStack } = lazyWorkloadsStack();
        for (const stack of constructsUnder(infra).filter(WorkloadsStack.isWorkloadsStack)) stack.addManifests(manifests);
      }
      let tfIssues: TerraformIssue[] = [];
      let k8sIssues: ManifestIssue[] = [];
      if (charts.length && this.checks) {
        // Against the target cluster's version where known (removed APIs), else the oldest NKS creates.
        k8sIssues = checkManifests(manifests.flatMap((m) => m.objects), cluster ? { kubernetesVersion: cluster.kubernetesVersion.tag } : {});
      }
      if (infra && hasStacks) {
        addPortableBackends(infra);
        stampCdktfWarnings(infra);
        synthInfra(infra);
        if (this.checks) tfIssues = this.checkTerraform();
      }
      if (tfIssues.length || k8sIssues.length) throw new OutputCheckError(tfIssues, k8sIssues);
      let pendingObjects: PendingObject[] = [];
      if (hasCharts) {
        const deferred = infra ? deferredValues(infra) : [];
        const resolved = resolveDeferredValues(manifests, deferred, deferred.length && this.infraOutputs ? readInfraOutputs(this.infraOutputs) : undefined);
        pendingObjects = resolved.pending;
        writeChartManifests(this.k8s.outdir, resolved.manifests);
      }
      const conflicts = [
        ...(infra && hasStacks ? outputConflicts(this.outdir, infra.outdir, 'outdir') : []),
        ...(hasCharts ? outputConflicts(this.k8sOutdir, this.k8s.outdir, 'k8sOutdir') : []),
      ];
      if (conflicts.length) throw new ValidationErrors(conflicts);
      // Against the previous output (lib/checks/terraform-diff.ts): protected resources replaced or destroyed stop here.
      const changes = infra && hasStacks ? lazyTerraformDiff().checkInfraChanges(this.outdir, infra.outdir) : undefined;
      if (changes?.errors.length) throw new ValidationErrors(changes.errors);
      const found: ConstructWarning[] = [...(changes?.warnings ?? [])];
      if (infra && hasStacks) commitOutputDir(this.outdir, infra.outdir);
      if (hasCharts) {
        const { written } = commitOutputDir(this.k8sOutdir, this.k8s.outdir);
        found.push(...strayManifests(this.k8sOutdir, written));
      }
      for (const line of changes?.summary ?? []) this.log(line);
      const { warnings, acknowledged, lines } = sortWarnings(this.roots, found, policyReport?.findings);
      for (const line of lines) this.log(line);
      if (pendingObjects.length) {
        this.log(
          `[pending] ${pendingObjects.length} Kubernetes object(s) need values that exist only after the infrastructure is deployed, so they are not in ${path.relative(process.cwd(), this.k8sOutdir) || '.'}/:\n` +
            pendingObjects.map((p) => `  ${p.file}: ${p.object} waits for ${p.waitsFor.join(', ')}`).join('\n') +
            '\n  Deploy the infrastructure, then: npx cdktf output <stack> --outputs-file outputs.json, and synth again with NKS_INFRA_OUTPUTS=outputs.json ' +
            '(or deploy the workloads stack, where these values are Terraform references).',
        );
      }
      return { outdir: hasStacks ? this.outdir : undefined, k8sOutdir: hasCharts ? this.k8sOutdir : undefined, warnings, acknowledged, pendingObjects, changes: changes?.report };
    } catch (e) {
      if (asValidationErrors(e)) for (const root of this.roots) markReported(root);
      explainIfUncaught();
      throw e;
    } finally {
      stopCachingRenders();
      stopCachingWalks();
      fs.rmSync(this.staging, { recursive: true, force: true });
      stagingDirs.delete(this.staging);
    }
  }

  /**
   * Runs every construct's validations in both trees, with the problems recorded while the program built
   * them, and throws all errors found at once.
   * @param options.writes which outputs synth is about to write, whose directories are checked too
   */
  public validate(options: { writes?: { infra: boolean; k8s: boolean } } = {}): void {
    const errors: ValidationError[] = [];
    const writes = options.writes;
    if (writes) {
      const dirs = [
        ...(writes.infra ? [{ prop: 'outdir', dir: this.outdir }] : []),
        ...(writes.k8s ? [{ prop: 'k8sOutdir', dir: this.k8sOutdir }] : []),
      ];
      errors.push(...outputDirProblems(dirs, programDirectories()));
    }
    // Checks that run on what is left of a construct that failed to build report nothing new about it.
    const failed = failedConstructPaths(this.k8s);
    const validated: ValidationError[] = [];
    for (const root of this.roots) {
      errors.push(...problemsUnder(root));
      for (const c of constructsUnder(root)) {
        try {
          for (const message of c.node.validate()) {
            validated.push(new ValidationError({ path: c.node.path, field: '(construct)', value: undefined, rule: message, fix: 'see the rule' }));
          }
        } catch (e) {
          // Cross-construct checks throw a ValidationError (or several) with the exact field; collect them all.
          const found = asValidationErrors(e);
          if (found) validated.push(...found);
          // A validation of a construct that failed while it was built may trip over its missing parts.
          else if (!failed.length) validated.push(unexpectedError(c.node.path, e));
        }
      }
    }
    errors.push(...validated.filter((e) => !namesFailed(e, failed, true)));
    if (errors.length) {
      for (const root of this.roots) markReported(root);
      if (debugging()) {
        for (const e of this.roots.flatMap((r) => followOnsUnder(r))) {
          this.log(`[debug] an error that followed from a problem above: ${e instanceof Error ? e.stack : String(e)}`);
        }
      }
      explainIfUncaught();
      throw new ValidationErrors(errors);
    }
  }

  /** Checks each stack against the schemas of the providers it requires (openstack, nhncloud or both). */
  private checkTerraform(): TerraformIssue[] {
    const { providerSchemasFor } = lazyProviders();
    const stacksDir = path.join(this.infra.outdir, 'stacks');
    const issues: TerraformIssue[] = [];
    for (const stack of fs.readdirSync(stacksDir).sort()) {
      const file = path.join(stacksDir, stack, 'cdk.tf.json');
      if (!fs.existsSync(file)) continue;
      const doc = withoutUnvendoredProviders(JSON.parse(fs.readFileSync(file, 'utf8')));
      issues.push(...checkTerraformJson(doc, providerSchemasFor(doc)));
    }
    return issues;
  }
}

/**
 * The Kubernetes provider's schema is not vendored: its `kubernetes_manifest` resources carry manifests
 * that the strict Kubernetes check has already checked, so the Terraform check looks at the rest.
 */
export function withoutUnvendoredProviders(tf: Record<string, any>): Record<string, any> {
  const copy = JSON.parse(JSON.stringify(tf)) as Record<string, any>;
  for (const section of ['resource', 'data']) {
    for (const type of Object.keys(copy[section] ?? {})) if (type.startsWith('kubernetes_')) delete copy[section][type];
  }
  if (copy.provider) delete copy.provider.kubernetes;
  if (copy.terraform?.required_providers) delete copy.terraform.required_providers.kubernetes;
  return copy;
}

const appsByRoot = new WeakMap<IConstruct, PlatformApp>();

// A program that throws before synth() leaves its staging directory behind; remove those on exit.
const stagingDirs = new Set<string>();
let stagingCleanup = false;
function removeStagingOnExit(): void {
  if (stagingCleanup) return;
  stagingCleanup = true;
  process.once('exit', () => {
    for (const dir of stagingDirs) fs.rmSync(dir, { recursive: true, force: true });
  });
}

/** The directories the program runs from: no output directory may be one of them or hold one. */
function programDirectories(): string[] {
  const main = require.main?.filename;
  return [process.cwd(), ...(main ? [path.dirname(main)] : [])];
}

/** cdktf's synth, with its raw errors (a failed stack validation, say) as ValidationErrors on the app. */
function synthInfra(app: cdktf.App): void {
  try {
    app.synth();
  } catch (e) {
    if (asValidationErrors(e)) throw e;
    throw new ValidationErrors([unexpectedError(app.node.path || 'PlatformApp', e)]);
  }
}

/**
 * `*.k8s.yaml` files in the manifests directory that this synth did not write and no earlier synth recorded:
 * left in place (they may be the user's), but `kubectl apply -f` would apply them with the rest.
 */
function strayManifests(dir: string, written: readonly string[]): ConstructWarning[] {
  const ours = new Set(written);
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.k8s.yaml') && !ours.has(f))
    .sort()
    .map((f) => ({
      path: 'PlatformApp',
      id: 'nks-cdk:strayManifest',
      message: `${path.join(path.relative(process.cwd(), dir) || '.', f)} was not written by this synth and is not recorded as an earlier synth's: it is left in place, and \`kubectl apply -f\` on the directory applies it too; delete it if it is stale`,
    }));
}

/**
 * How synth renders an object for its cache (lib/synth-cache.ts): `toJson()`, with an error from inside cdk8s
 * or cdk8s-plus as a ValidationError on the construct the user made.
 */
function renderChecked(apiObject: cdk8s.ApiObject): unknown {
  try {
    return apiObject.toJson();
  } catch (e) {
    if (asValidationErrors(e)) throw e;
    // cdk8s-plus keeps its ApiObject as `Resource` under the construct the user made.
    const owner = apiObject.node.id === 'Resource' && apiObject.node.scope ? apiObject.node.scope : apiObject;
    throw new ValidationErrors([unexpectedError(owner.node.path, e)]);
  }
}

/**
 * Stacks without a backend get a local one whose state file sits beside the output directory, named as
 * cdktf names it (`terraform.<stack>.tfstate`), by a path relative to the stack's working directory
 * (`<outdir>/stacks/<stack>`). cdktf's own default writes the absolute working directory into
 * cdk.tf.json, so the same program would synthesize different files in different checkouts.
 */
function addPortableBackends(root: IConstruct): void {
  const { LocalBackend, TerraformBackend, TerraformStack } = cdktfRuntime();
  for (const stack of root.node.findAll().filter((c): c is cdktf.TerraformStack => TerraformStack.isStack(c))) {
    if (stack.node.findAll().some((c) => TerraformBackend.isBackend(c))) continue;
    new LocalBackend(stack, { path: `../../../terraform.${stack.node.id}.tfstate` });
  }
}

// The infrastructure side of synth, loaded when the program has infrastructure (they load cdktf, the
// Kubernetes provider bindings and the provider schemas): a program with charts only never loads them.
/* eslint-disable @typescript-eslint/no-require-imports */
const lazyCrossChecks = (): typeof import('./platform/cross-checks') => require('./platform/cross-checks');
const lazyWorkloadsStack = (): typeof import('./platform/workloads-stack') => require('./platform/workloads-stack');
const lazyTerraformDiff = (): typeof import('./checks/terraform-diff') => require('./checks/terraform-diff');
const lazyProviders = (): typeof import('./providers') => require('./providers');
/* eslint-enable @typescript-eslint/no-require-imports */

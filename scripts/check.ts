// `npm run check`: every offline check on output that already exists, without running the program again.
//   dist/        the strict Kubernetes check and the policy rules, on every *.yaml (suppressions come from the
//                objects' nks-cdk.io/suppress.<rule> annotations, construct paths from construct-metadata.json)
//   cdktf.out/   each stacks/*/cdk.tf.json against the vendored schema of every provider its
//                terraform.required_providers names (OpenStack, NHN Cloud), and the policy rules on its resources
// Prints a report and exits 1 when anything fails (2 on bad arguments or when there is nothing to check).
// Usage: npm run check -- [--dist DIR] [--cdktf-out DIR] [--kubernetes-version 1.31] [--json]
import * as fs from 'fs';
import * as path from 'path';
import { Yaml } from 'cdk8s';
import { withoutUnvendoredProviders } from '../lib/app';
import { formatManifestIssues, ManifestIssue } from '../lib/checks/kubernetes-schema';
import { checkManifestDocuments } from '../lib/policy/plugin-manifests';
import { checkTerraformJson, formatTerraformIssues, TerraformIssue } from '../lib/checks/terraform-schema';
import { PolicyEngine } from '../lib/policy/engine';
import { ManifestDocument, readConstructPaths, terraformSubjects } from '../lib/policy/files';
import { PolicyReport, PolicyReportJson } from '../lib/policy/report';
import { providerSchemasFor, VENDORED_PROVIDER_SCHEMAS } from '../lib/providers';

/** Where the output is and how to check it. */
export interface CheckOptions {
  /** The manifests directory (cdk8s output). @default 'dist' */
  readonly dist?: string;
  /** The Terraform output directory (cdktf output, with stacks/<name>/cdk.tf.json). @default 'cdktf.out' */
  readonly cdktfOut?: string;
  /** Kubernetes version for removed APIs. @default - the strict check's default */
  readonly kubernetesVersion?: string;
}

/** One checked Terraform stack. */
export interface StackCheck {
  readonly file: string;
  /** Providers checked against a vendored schema, as `source (schema file)`. */
  readonly checkedAgainst: readonly string[];
  /** Providers with no vendored schema: their resources are not checked. */
  readonly unchecked: readonly string[];
  readonly issues: readonly TerraformIssue[];
}

/** Everything `npm run check` found. */
export interface CheckResult {
  /** Manifest files read, and the issues of the strict Kubernetes check with the file of their object. */
  readonly manifests: { readonly files: readonly string[]; readonly issues: readonly (ManifestIssue & { readonly file: string })[] };
  readonly stacks: readonly StackCheck[];
  /** Policy findings on manifests and Terraform resources. */
  readonly policy: PolicyReport;
  /** Directories that were not there (skipped). */
  readonly missing: readonly string[];
  /** No schema issue and no policy error. */
  readonly ok: boolean;
}

function filesUnder(dir: string, pattern: RegExp): string[] {
  return (fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((f) => pattern.test(f) && fs.statSync(path.join(dir, f)).isFile())
    .sort()
    .map((f) => path.join(dir, f));
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

/**
 * Checks one `cdk.tf.json` as `PlatformApp.synth()` does: against the vendored schemas of the providers its
 * `terraform.required_providers` names (lib/providers), leaving out the Kubernetes provider's resources,
 * whose manifests the strict Kubernetes check covers. Also names what was and was not checked.
 */
export function checkStack(tf: Json, file: string): StackCheck {
  const checkedAgainst: string[] = [];
  const unchecked: string[] = [];
  for (const [localName, req] of Object.entries((tf.terraform?.required_providers ?? {}) as Json)) {
    const source = String(req?.source ?? localName).toLowerCase().replace(/^registry\.terraform\.io\//, '');
    const schema = VENDORED_PROVIDER_SCHEMAS[source];
    if (schema) checkedAgainst.push(`${source} (${path.basename(schema)})`);
    else unchecked.push(localName);
  }
  return { file, checkedAgainst, unchecked, issues: checkTerraformJson(withoutUnvendoredProviders(tf), providerSchemasFor(tf)) };
}

/** Runs every check on the output directories. */
export function checkOutput(options: CheckOptions = {}): CheckResult {
  const dist = path.resolve(options.dist ?? 'dist');
  const cdktfOut = path.resolve(options.cdktfOut ?? 'cdktf.out');
  const missing = [dist, cdktfOut].filter((d) => !fs.existsSync(d));
  const files = fs.existsSync(dist) ? filesUnder(dist, /\.ya?ml$/) : [];
  const documents: ManifestDocument[] = files.flatMap((file) => (Yaml.load(file) as unknown[]).map((object) => ({ object: object as Json, file: path.relative(process.cwd(), file) })));
  const k8s = checkManifestDocuments(documents, {
    kubernetesVersion: options.kubernetesVersion,
    constructPaths: fs.existsSync(dist) ? readConstructPaths(dist) : {},
  });
  const manifestIssues = k8s.documents.flatMap((d) => d.issues.map((issue) => ({ ...issue, file: d.document.file })));
  const stacksDir = path.join(cdktfOut, 'stacks');
  const stackFiles = fs.existsSync(stacksDir)
    ? fs.readdirSync(stacksDir).sort().map((stack) => path.join(stacksDir, stack, 'cdk.tf.json')).filter((f) => fs.existsSync(f))
    : [];
  const stacks: StackCheck[] = [];
  const tfSubjects = stackFiles.flatMap((file) => {
    const rel = path.relative(process.cwd(), file);
    const tf = JSON.parse(fs.readFileSync(file, 'utf8')) as Json;
    stacks.push(checkStack(tf, rel));
    return terraformSubjects(tf, rel);
  });
  const policy = new PolicyReport([...k8s.report.findings, ...new PolicyEngine().evaluate(tfSubjects).findings]);
  const ok = manifestIssues.length === 0 && stacks.every((s) => s.issues.length === 0) && policy.ok;
  return { manifests: { files: files.map((f) => path.relative(process.cwd(), f)), issues: manifestIssues }, stacks, policy, missing, ok };
}

/** The report for people. */
export function formatCheckResult(result: CheckResult): string {
  const lines: string[] = [];
  for (const dir of result.missing) lines.push(`(skipped ${path.relative(process.cwd(), dir) || dir}: not there; run npm run synth first)`);
  lines.push(`Kubernetes manifests: ${result.manifests.files.length} file(s), ${result.manifests.issues.length} issue(s) of the strict check`);
  const byFile = new Map<string, ManifestIssue[]>();
  for (const issue of result.manifests.issues) byFile.set(issue.file, [...(byFile.get(issue.file) ?? []), issue]);
  for (const [file, issues] of byFile) lines.push(`  ${file}:`, formatManifestIssues(issues).replace(/^/gm, '  '));
  for (const stack of result.stacks) {
    lines.push(`Terraform ${stack.file}: ${stack.issues.length} issue(s) against ${stack.checkedAgainst.join(', ') || 'no schema'}`);
    if (stack.unchecked.length) lines.push(`  not checked (no vendored schema): ${stack.unchecked.join(', ')}`);
    if (stack.issues.length) lines.push(formatTerraformIssues(stack.issues).replace(/^/gm, '    '));
  }
  lines.push(result.policy.toText().replace(/^(?!Policy report)/gm, '  '));
  lines.push(result.ok ? 'Check passed.' : 'Check FAILED.');
  return lines.join('\n');
}

/** The report for tools. */
export function checkResultJson(result: CheckResult): { ok: boolean; manifests: CheckResult['manifests']; stacks: readonly StackCheck[]; policy: PolicyReportJson; missing: readonly string[] } {
  return { ok: result.ok, manifests: result.manifests, stacks: result.stacks, policy: result.policy.toJson(), missing: result.missing };
}

const FLAGS: Readonly<Record<string, keyof CheckOptions>> = { '--dist': 'dist', '--cdktf-out': 'cdktfOut', '--kubernetes-version': 'kubernetesVersion' };

/** Runs the command line; returns the exit status. */
export function main(argv: readonly string[], print: (text: string) => void = (t) => process.stdout.write(`${t}\n`)): number {
  const options: Record<string, string> = {};
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') json = true;
    else if (FLAGS[arg] && argv[i + 1] !== undefined) options[FLAGS[arg]] = argv[++i];
    else {
      print(`unknown argument ${JSON.stringify(arg)}\nusage: npm run check -- [--dist DIR] [--cdktf-out DIR] [--kubernetes-version 1.31] [--json]`);
      return 2;
    }
  }
  const result = checkOutput(options);
  if (result.missing.length === 2) {
    print(`nothing to check: neither ${options.dist ?? 'dist'} nor ${options.cdktfOut ?? 'cdktf.out'} exists; run npm run synth first`);
    return 2;
  }
  print(json ? JSON.stringify(checkResultJson(result), null, 2) : formatCheckResult(result));
  return result.ok ? 0 : 1;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));

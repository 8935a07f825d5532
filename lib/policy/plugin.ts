// The cdk8s validation plugin: `cdk8s synth` runs it on the manifests it just synthesized when cdk8s.yaml
// declares it (cdk8s-cli 2.x, lib/plugins/validation.js):
//
//   validations:
//     - package: ./build/lib/policy/plugin.js   # a local path (starting with ./ or absolute) is loaded as is
//       version: 0.1.0                          # any exact version; cdk8s-cli rejects ranges
//       class: NksValidation
//       properties: { kubernetesVersion: "1.31", policies: { levels: { NKS-PROBE-1: error } } }
//
// cdk8s-cli constructs the class with `properties`, calls `validate(context)`, prints the report and exits
// with status 2 when it failed. The shapes below mirror the cdk8s-cli types the plugin uses, so that the
// package does not need cdk8s-cli at run time (test/policy/plugin.test.ts holds them against the real ones).
import * as path from 'path';
import { readConstructPaths } from './files';
import { PolicyLevelSetting } from './types';
import { checkManifestDocuments, ManifestCheckResult } from './plugin-manifests';

/** A violation as cdk8s-cli's `ValidationReport.addViolation` takes it. */
export interface Cdk8sValidationViolation {
  /** The rule: `kubernetes-schema/<rule>` for a strict-check issue, `<rule id> (<level>)` for a policy finding. */
  readonly ruleName: string;
  /** What the rule is about (the policy rule's explanation). */
  readonly recommendation: string;
  /** How to fix a violation. */
  readonly fix: string;
  /** The objects that violate the rule: name, manifest file, and one `<field>: <message>` location per violation. */
  readonly violatingResources: readonly { readonly resourceName: string; readonly locations: readonly string[]; readonly manifestPath: string }[];
}

/** The parts of cdk8s-cli's `ValidationContext` the plugin uses. */
export interface Cdk8sValidationContext {
  /** Paths of the synthesized manifest files. */
  readonly manifests: readonly string[];
  /** Construct paths by object name, when the app recorded them. @default - none: objects are named by file */
  readonly metadata?: { readonly [name: string]: { readonly path: string } };
  /** The report cdk8s-cli prints: the plugin adds its violations, then submits `success` or `failure` with counts. */
  readonly report: {
    addViolation(violation: Cdk8sValidationViolation): void;
    submit(status: 'success' | 'failure', metadata?: { readonly [key: string]: string }): void;
  };
  /** cdk8s-cli's logger. */
  readonly logger: { log(message: string): void };
  /** Every YAML document of a manifest file, parsed. */
  parseManifest(manifestPath: string): unknown[];
}

/** `properties` of the plugin in cdk8s.yaml. */
export interface NksValidationProps {
  /**
   * Kubernetes version the manifests are for (removed APIs), e.g. "1.31".
   * @default - the oldest version NKS creates clusters with
   */
  readonly kubernetesVersion?: string;
  /**
   * Run the strict Kubernetes check (what `kubectl apply --validate=strict` and the API server reject).
   * @default true
   */
  readonly kubernetesSchema?: boolean;
  /**
   * Run the policy rules (NKS_RULES); `false` skips them, `levels` changes a rule's level or turns it off.
   * @default true
   */
  readonly policies?: boolean | { readonly levels?: Readonly<Record<string, PolicyLevelSetting>> };
}

const PROPS = ['kubernetesVersion', 'kubernetesSchema', 'policies'];

/**
 * nks-cdk's checks as a cdk8s validation plugin: the strict Kubernetes check and the policy rules (with the
 * suppressions the objects carry as `nks-cdk.io/suppress.<rule>` annotations). Fails on schema issues and
 * on policy errors; policy warnings are listed but do not fail.
 */
export class NksValidation {
  private readonly props: NksValidationProps;

  /** Creates the plugin from its `properties` in cdk8s.yaml; throws on an unknown property. */
  constructor(props: NksValidationProps = {}) {
    const unknown = Object.keys(props ?? {}).filter((k) => !PROPS.includes(k));
    if (unknown.length) throw new Error(`NksValidation: unknown properties ${unknown.join(', ')} in cdk8s.yaml (known: ${PROPS.join(', ')})`);
    this.props = props ?? {};
  }

  /** Checks the manifests of `context`, adds a violation per rule, and submits `failure` on strict-check issues or policy errors. */
  public async validate(context: Cdk8sValidationContext): Promise<void> {
    const documents = context.manifests.flatMap((file) => context.parseManifest(file).map((object) => ({ object: object as Record<string, unknown>, file })));
    const constructPaths: Record<string, string> = {};
    for (const [name, meta] of Object.entries(context.metadata ?? {})) constructPaths[name] = meta.path;
    // A PlatformApp run outside the cdk8s CLI records no metadata; the file next to the manifests may have it.
    if (!Object.keys(constructPaths).length && context.manifests.length) Object.assign(constructPaths, readConstructPaths(path.dirname(context.manifests[0])));
    const policies = this.props.policies;
    const result = checkManifestDocuments(documents, {
      kubernetesVersion: this.props.kubernetesVersion,
      kubernetesSchema: this.props.kubernetesSchema,
      policies: policies === false ? false : { levels: typeof policies === 'object' ? policies.levels : undefined },
      constructPaths,
    });
    for (const violation of violationsOf(result)) context.report.addViolation(violation);
    const { report } = result;
    const failed = result.issues.length > 0 || !report.ok;
    context.report.submit(failed ? 'failure' : 'success', {
      'Kubernetes schema issues': String(result.issues.length),
      'Policy errors': String(report.errors.length),
      'Policy warnings': String(report.warnings.length),
      'Policy findings suppressed': String(report.suppressed.length),
    });
  }
}

/**
 * The results as cdk8s violations, one per rule: strict-check issues as `kubernetes-schema/<rule>`, policy
 * findings as `<rule id> (<level>)`; each location is `<field>: <message>`. Suppressed findings are left out.
 */
export function violationsOf(result: ManifestCheckResult): Cdk8sValidationViolation[] {
  const byRule = new Map<string, { recommendation: string; fix: string; resources: Map<string, { resourceName: string; manifestPath: string; locations: string[] }> }>();
  const add = (ruleName: string, recommendation: string, fix: string, resourceName: string, manifestPath: string, location: string) => {
    let rule = byRule.get(ruleName);
    if (!rule) byRule.set(ruleName, (rule = { recommendation, fix, resources: new Map() }));
    const key = `${manifestPath}\u0000${resourceName}`;
    let resource = rule.resources.get(key);
    if (!resource) rule.resources.set(key, (resource = { resourceName, manifestPath, locations: [] }));
    resource.locations.push(location);
  };
  for (const doc of result.documents) {
    const resourceName = doc.name ?? '(unnamed)';
    for (const issue of doc.issues) {
      add(`kubernetes-schema/${issue.rule}`, 'kubectl apply --validate=strict, or the API server, rejects this object.', 'Change the field named in each location as its message says.', resourceName, doc.document.file, `${issue.path || '(object)'}: ${issue.message}`);
    }
    for (const f of doc.findings) {
      if (f.suppressed) continue;
      const rule = result.engine?.ruleById(f.ruleId);
      add(`${f.ruleId} (${f.level})`, rule?.explanation ?? f.message, f.fix, resourceName, doc.document.file, `${f.field ?? '(object)'}: ${f.message}`);
    }
  }
  return [...byRule].map(([ruleName, r]) => ({ ruleName, recommendation: r.recommendation, fix: r.fix, violatingResources: [...r.resources.values()] }));
}

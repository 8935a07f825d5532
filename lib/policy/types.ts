// The shapes policy rules, findings and their subjects share. A rule reads what will be synthesized (a
// Kubernetes object as `ApiObject.toJson()` renders it, or a Terraform resource block as it lands in
// cdk.tf.json), never the props that produced it, so the same rule runs at synth, in the cdk8s validation
// plugin and in `npm run check` on existing output, and finds the same things in all three.

/** How serious a finding is: errors stop `PlatformApp.synth()` (and fail `npm run check`); warnings are printed. */
export type PolicyLevel = 'error' | 'warning';

/** A level, or `'off'` to not run the rule at all. */
export type PolicyLevelSetting = PolicyLevel | 'off';

/** A Kubernetes object: one entry of `Chart.toJson()`, or one parsed YAML document. */
export type KubeObject = Readonly<Record<string, unknown>>;

/** One Terraform resource block as in `cdk.tf.json`: `resource.<type>.<name> = body`. */
export interface TerraformResourceBlock {
  /** Resource type, e.g. `openstack_compute_keypair_v2`. */
  readonly type: string;
  /** Logical name in the configuration. */
  readonly name: string;
  /** The block's arguments as synthesized (literals, or `${...}` references). */
  readonly body: Readonly<Record<string, unknown>>;
}

/** What a rule found in one object: one sentence, and where in the object. */
export interface PolicyProblem {
  /** What is wrong, naming the value found (never a secret's value). */
  readonly message: string;
  /** Field path in the object, e.g. `spec.template.spec.containers[0].image`. @default - the whole object */
  readonly field?: string;
}

/** What rules that look across objects get: every Kubernetes object of the same program or output. */
export interface ManifestRuleContext {
  /** All objects being checked, in order (a PersistentVolumeClaim's StorageClass is found here). */
  readonly objects: readonly KubeObject[];
}

/**
 * A policy rule, cdk-nag style: an id, a default level, why it matters and how to fix it, and a check of
 * Kubernetes objects, Terraform resources, or both. Rules are plain objects: add your own to
 * `PolicyOptions.rules`.
 */
export interface PolicyRule {
  /** Stable id that suppressions name, e.g. `NKS-IMG-1`: letters, digits and `-`. */
  readonly id: string;
  /** Level unless `PolicyOptions.levels` says otherwise. */
  readonly level: PolicyLevel;
  /** Why the rule exists, in one or two sentences. */
  readonly explanation: string;
  /** What to do instead. */
  readonly fix: string;
  /** Checks one Kubernetes object. @default - the rule does not look at Kubernetes objects */
  readonly checkManifest?: (obj: KubeObject, context: ManifestRuleContext) => readonly PolicyProblem[];
  /** Checks one Terraform resource block. @default - the rule does not look at Terraform resources */
  readonly checkTerraform?: (resource: TerraformResourceBlock) => readonly PolicyProblem[];
}

/** A suppression of one rule, declared on a construct (and its children) or carried by one synthesized object. */
export interface PolicySuppression {
  /** The rule suppressed. */
  readonly ruleId: string;
  /** Why breaking the rule is acceptable here; at least {@link MIN_REASON_LENGTH} characters. */
  readonly reason: string;
  /** Where it was declared: a construct path, or the object that carries it. */
  readonly declaredAt: string;
}

/** The shortest reason a suppression may give ("ok", "legacy" or "todo" explain nothing). */
export const MIN_REASON_LENGTH = 10;

/** One result of a rule on one object. */
export interface PolicyFinding {
  /** The rule's id. */
  readonly ruleId: string;
  /** The level it was reported at (the rule's, or the one configured). */
  readonly level: PolicyLevel;
  /**
   * Construct path of the object (`web/nginx-deployment/Resource`); for output read from files without
   * construct metadata, `<file>: <object>`.
   */
  readonly path: string;
  /** The object: `apps/v1/Deployment default/nginx` or a Terraform address `openstack_compute_keypair_v2.keypair`. */
  readonly resource: string;
  /** Field in the object. @default - the whole object */
  readonly field?: string;
  /** What is wrong here. */
  readonly message: string;
  /** How to fix it (the rule's fix). */
  readonly fix: string;
  /** Set when a suppression with a valid reason covers this finding. @default - not suppressed */
  readonly suppressed?: { readonly reason: string; readonly declaredAt: string };
}

/** Something policy rules look at: a Kubernetes object or a Terraform resource, with its suppressions. */
export type PolicySubject =
  | {
    readonly kind: 'manifest';
    readonly object: KubeObject;
    /** Construct path, or `<file>: <object>`. */
    readonly path: string;
    readonly suppressions: readonly PolicySuppression[];
  }
  | {
    readonly kind: 'terraform';
    readonly resource: TerraformResourceBlock;
    readonly path: string;
    readonly suppressions: readonly PolicySuppression[];
  };

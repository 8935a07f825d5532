// The checks of Kubernetes manifests read from files: the strict Kubernetes check and the policy rules,
// with every result tied to the document it is about. Shared by the cdk8s validation plugin (plugin.ts) and
// `npm run check` (scripts/check.ts), so that both report the same things.
import { checkManifests, ManifestIssue, objectId } from '../checks/kubernetes-schema';
import { manifestSubjects, ManifestDocument } from './files';
import { PolicyEngine, PolicyOptions } from './engine';
import { isObj, metadataOf, str } from './objects';
import { PolicyReport } from './report';
import { PolicyFinding } from './types';

/** What to check. */
export interface ManifestCheckSetup {
  /**
   * Kubernetes version the objects are for (removed APIs).
   * @default - the strict check's default, the oldest version NKS creates clusters with
   */
  readonly kubernetesVersion?: string;
  /**
   * Run the strict Kubernetes check.
   * @default true
   */
  readonly kubernetesSchema?: boolean;
  /**
   * Run the policy rules: `false` skips them, options choose rules and levels.
   * @default true
   */
  readonly policies?: boolean | PolicyOptions;
  /**
   * Construct paths by object name (cdk8s's construct-metadata.json), to name objects by construct.
   * @default - objects are named `<file>: <object>`
   */
  readonly constructPaths?: Readonly<Record<string, string>>;
}

/** The results for one document. */
export interface DocumentResult {
  readonly document: ManifestDocument;
  /** `metadata.name`. @default - none, for objects without a name */
  readonly name?: string;
  /** Strict Kubernetes check issues. */
  readonly issues: readonly ManifestIssue[];
  /** Policy findings, suppressed ones included. */
  readonly findings: readonly PolicyFinding[];
}

/** What {@link checkManifestDocuments} found. */
export interface ManifestCheckResult {
  readonly documents: readonly DocumentResult[];
  /** Every strict-check issue. */
  readonly issues: readonly ManifestIssue[];
  /** Every policy finding, as a report. */
  readonly report: PolicyReport;
  /** The engine that ran (for rule explanations). @default - none when policies are off */
  readonly engine?: PolicyEngine;
}

/** Runs the strict Kubernetes check over all documents at once (duplicates across files count) and the policy rules. */
export function checkManifestDocuments(documents: readonly ManifestDocument[], setup: ManifestCheckSetup = {}): ManifestCheckResult {
  const docs = documents.filter((d) => d.object !== null && d.object !== undefined);
  const issues = setup.kubernetesSchema === false ? [] : checkManifests(docs.map((d) => d.object), setup.kubernetesVersion ? { kubernetesVersion: setup.kubernetesVersion } : {});
  // Issues name their object by id: give each to the document with that id (a duplicate to the later copy).
  const ids = docs.map((d) => objectId(d.object));
  const owner = (issue: ManifestIssue): number => (issue.rule === 'duplicate-object' ? ids.lastIndexOf(issue.object) : ids.indexOf(issue.object));
  const engine = setup.policies === false ? undefined : new PolicyEngine(typeof setup.policies === 'object' ? setup.policies : {});
  // Policy rules read objects only; anything else is the strict check's to report.
  const objectDocs = docs.filter((d) => isObj(d.object));
  const findings = new Map<ManifestDocument, readonly PolicyFinding[]>();
  if (engine) engine.evaluateEach(manifestSubjects(objectDocs, setup.constructPaths)).forEach((r, i) => findings.set(objectDocs[i], r.findings));
  const results = docs.map((document, i): DocumentResult => ({
    document,
    name: isObj(document.object) ? str(metadataOf(document.object), 'name') : undefined,
    issues: issues.filter((issue) => owner(issue) === i),
    findings: findings.get(document) ?? [],
  }));
  return { documents: results, issues, report: new PolicyReport(results.flatMap((r) => r.findings)), ...(engine ? { engine } : {}) };
}

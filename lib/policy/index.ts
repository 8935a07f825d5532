// Policy rules (cdk-nag style) over both layers: see policies.ts for the entry point.
export * from './types';
export * from './markers';
export * from './rules';
export { PolicyEngine } from './engine';
export type { ActiveRule, PolicyOptions } from './engine';
export { PolicyReport, formatFinding } from './report';
export type { PolicyReportJson, PolicyFindingJson } from './report';
export { PolicyAspect } from './aspect';
export { Policies, PolicyViolationError, runPolicies, warningLines, WARNINGS_SHOWN_PER_RULE } from './policies';
export type { PolicyScope } from './policies';
export { manifestSubjects, readConstructPaths, terraformSubjects } from './files';
export type { ManifestDocument } from './files';
export * from './plugin';

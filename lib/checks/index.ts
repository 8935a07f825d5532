export * from './terraform-schema';
export * from './kubernetes-schema';
export * from './secrets';
export { assessChanges, changesFromPlan, diffTerraformConfigs, formatChangeReport, guardedKind } from './terraform-diff';
export type { ChangeAssessment, GuardedKind, InfraChangeReport, ResourceChange, ResourceChangeAction, StackChangeReport, TfJson } from './terraform-diff';
export { FORCE_NEW_INDEX_FILE, forceNewEntry, forceNewIndex, forceNewTables } from './force-new';
export type { ForceNewEntry, ForceNewIndexEntry, ForceNewTable } from './force-new';

import { IConstruct } from 'constructs';

/** Metadata type of a warning; the same one cdktf's `Annotations.addWarning` writes, so its CLI shows ours too. */
export const WARNING = '@cdktf/warn';

/**
 * Adds a synth-time warning (legal but risky input) to a construct of either layer. `PlatformApp.synth()`
 * prints them; adding the same warning twice (validations can run more than once) keeps one.
 */
export function warn(construct: IConstruct, message: string): void {
  if (construct.node.metadata.some((m) => m.type === WARNING && m.data === message)) return;
  construct.node.addMetadata(WARNING, message);
}

/** Every warning in the tree under `root`, in construct order. */
export function warningsUnder(root: IConstruct): { path: string; message: string }[] {
  return root.node
    .findAll()
    .flatMap((c) => c.node.metadata.filter((m) => m.type === WARNING).map((m) => ({ path: c.node.path, message: String(m.data) })));
}

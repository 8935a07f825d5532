import { IConstruct } from 'constructs';
import { constructsUnder } from './synth-cache';

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
  return constructsUnder(root).flatMap((c) => c.node.metadata.filter((m) => m.type === WARNING).map((m) => ({ path: c.node.path, message: String(m.data) })));
}

/**
 * Where `PlatformApp` prints warnings by default: stderr, except under the cdktf CLI, which logs every chunk
 * a program writes to stderr as a red `[ERROR]` (cdktf-cli 0.21.0: @cdktf/commons/src/util.js, `exec`, the
 * stderr handler calls processLoggerError) and prints stdout as it is (console.log). The CLI sets
 * CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS for the program it runs (@cdktf/cli-core/src/lib/synth-stack.js,
 * the `shell` call's env). The `@cdktf/warn` metadata above is shown by the CLI itself as `WARN [path]`.
 */
export function defaultWarningLog(env: NodeJS.ProcessEnv = process.env): (line: string) => void {
  if (env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS !== undefined) return (line) => process.stdout.write(`${line}\n`);
  return (line) => process.stderr.write(`${line}\n`);
}

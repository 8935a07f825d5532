// Where synth may write. An output directory holds synth's files beside the user's own, but some places are
// refused outright: the program's own directory (or one holding it), the filesystem root or the home directory,
// a file, a path under a file, and one output directory equal to or inside the other.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ValidationError } from '../model/errors';

/** One output directory as the program asked for it. */
export interface OutputDirRequest {
  /** The PlatformApp prop it came from (`outdir`, `k8sOutdir`). */
  readonly prop: string;
  /** Absolute path. */
  readonly dir: string;
}

/**
 * The problems with writing to `dirs`; `programDirs` are the directories the program runs from (its working
 * directory and its main script's directory).
 */
export function outputDirProblems(dirs: readonly OutputDirRequest[], programDirs: readonly string[]): ValidationError[] {
  const problems: ValidationError[] = [];
  const programs = [...new Set(programDirs.map(real))];
  const home = real(os.homedir());
  const error = (d: OutputDirRequest, rule: string, fix: string): ValidationError =>
    new ValidationError({ path: 'PlatformApp', field: d.prop, value: d.dir, rule, fix });
  const resolved = dirs.map((d) => ({ ...d, real: real(d.dir) }));
  for (const d of resolved) {
    const fix = `give ${d.prop} a directory of its own, e.g. "${d.prop === 'k8sOutdir' ? 'dist' : 'cdktf.out'}" beside the program`;
    const blocker = fileOnPath(d.dir);
    if (blocker === d.dir) {
      problems.push(error(d, 'an output directory cannot be a file', `${fix}, or move the file away`));
    } else if (blocker) {
      problems.push(error(d, `the path runs through ${JSON.stringify(blocker)}, which is a file, so the directory cannot be made`, fix));
    } else if (d.real === path.parse(d.real).root) {
      problems.push(error(d, 'the filesystem root is never an output directory', fix));
    } else if (d.real === home) {
      problems.push(error(d, 'the home directory is never an output directory', fix));
    } else {
      const program = programs.find((p) => p === d.real || isInside(d.real, p));
      if (program) {
        problems.push(
          error(d, `${program === d.real ? 'is the program\'s own directory' : `contains the program's directory ${JSON.stringify(program)}`}: synth writes manifest and stack files there`, fix),
        );
      }
    }
  }
  for (let i = 0; i < resolved.length; i++) {
    for (let j = i + 1; j < resolved.length; j++) {
      const [a, b] = [resolved[i], resolved[j]];
      const fix = 'give the Terraform output and the Kubernetes manifests directories apart, e.g. "cdktf.out" and "dist"';
      if (a.real === b.real) problems.push(error(b, `is the same directory as ${a.prop}: one output would overwrite the other's records`, fix));
      else if (isInside(a.real, b.real)) problems.push(error(b, `is inside ${a.prop} (${JSON.stringify(a.dir)}): one output would be written into the other`, fix));
      else if (isInside(b.real, a.real)) problems.push(error(a, `is inside ${b.prop} (${JSON.stringify(b.dir)}): one output would be written into the other`, fix));
    }
  }
  return problems;
}

/** Whether `inner` lies below `outer` (not equal). */
function isInside(outer: string, inner: string): boolean {
  const rel = path.relative(outer, inner);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** The first existing non-directory on the way to `dir` (itself included), if any. */
function fileOnPath(dir: string): string | undefined {
  const parts: string[] = [];
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    parts.unshift(d);
    if (path.dirname(d) === d) break;
  }
  for (const p of parts) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      return undefined; // does not exist: nothing below it exists either
    }
    if (!stat.isDirectory()) return p;
  }
  return undefined;
}

/** `p` with symbolic links resolved as far as it exists. */
function real(p: string): string {
  const abs = path.resolve(p);
  const rest: string[] = [];
  for (let d = abs; ; d = path.dirname(d)) {
    try {
      return path.join(fs.realpathSync(d), ...rest);
    } catch {
      if (path.dirname(d) === d) return abs;
      rest.unshift(path.basename(d));
    }
  }
}

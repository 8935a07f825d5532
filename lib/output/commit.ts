// Output directories stay the user's. Synth writes its files into a directory that may hold anything else
// (hand-written manifests, Terraform's working files, a project): it replaces only the files it writes, deletes
// only files an earlier synth recorded as its own, and switches from the old files to the new ones through a
// journal, so that a synth killed at any moment, or two synths writing into one directory at once, leave either
// the previous output or the new complete one.
//
// In each output directory, `.nks-cdk/` holds:
//   files      the files the last synth wrote (relative paths, JSON); only these are ever deleted
//   journal    while a switch is under way: the new files (staged below) and the old ones to delete
//   staged-*/  a synth's new files, named by number (no .yaml/.json endings, so `kubectl apply -R -f dist/`
//              never reads them)
//   lock/      held while a synth switches files (proper-lockfile), so two synths never switch at once
// The journal is written whole and renamed into place: that rename is the moment the new output counts. A synth
// killed before it leaves the previous output untouched; killed after it, the next synth (or
// `recoverOutputDir`) finishes the switch before it does anything else.
import * as fs from 'fs';
import * as path from 'path';
import * as lockfile from 'proper-lockfile';
import { ValidationError } from '../model/errors';

/** The folder inside an output directory where synth keeps its records. */
export const RECORD_DIR = '.nks-cdk';

/**
 * How long a lock may go without a sign of life before another synth takes it over (proper-lockfile `stale`):
 * a synth killed while switching holds it until then. A switch touches the lock at least every half second.
 */
const LOCK_STALE_MS = 3_000;
/** How long a synth waits for another one to finish switching files. */
const LOCK_WAIT_MS = 60_000;

interface Journal {
  /** The staging folder under `.nks-cdk/` holding the new files. */
  readonly staged: string;
  /** New files: relative path in the output directory, and the staged name. */
  readonly write: readonly { readonly file: string; readonly staged: string }[];
  /** Files the previous synth wrote that this one does not: deleted. */
  readonly remove: readonly string[];
}

/** What a switch did, for synth's report. */
export interface CommitResult {
  /** Files written (relative to the output directory). */
  readonly written: readonly string[];
  /** Files of an earlier synth that this one no longer writes, deleted. */
  readonly removed: readonly string[];
}

/**
 * Puts the files under `from` (a finished output in a staging directory) into `dir`: replaces files of the same
 * names, deletes the files the previous synth recorded and this one no longer writes, leaves everything else.
 */
export function commitOutputDir(dir: string, from: string): CommitResult {
  const files = listFiles(from);
  fs.mkdirSync(path.join(dir, RECORD_DIR), { recursive: true });
  return withLock(dir, (touch) => {
    recover(dir, touch);
    const previous = readOwned(dir);
    const staged = fs.mkdtempSync(path.join(dir, RECORD_DIR, 'staged-'));
    const write = files.map((file, i) => ({ file, staged: String(i) }));
    for (const w of write) {
      fs.copyFileSync(path.join(from, w.file), path.join(staged, w.staged));
      touch();
    }
    reached('staged');
    const next = new Set(files);
    const journal: Journal = { staged: path.basename(staged), write, remove: previous.filter((f) => !next.has(f)) };
    writeAtomically(path.join(dir, RECORD_DIR, 'journal'), JSON.stringify(journal));
    reached('journal');
    apply(dir, journal, touch);
    return { written: files, removed: journal.remove };
  });
}

/**
 * What stands in the way of putting the files under `from` into `dir`: a directory, or a file on the way, where
 * a file goes (`prop` names the output directory's PlatformApp prop). Checked for both outputs before either is
 * switched, so that a switch never starts that cannot finish.
 */
export function outputConflicts(dir: string, from: string, prop: string): ValidationError[] {
  const problems: ValidationError[] = [];
  for (const file of listFiles(from)) {
    const parts = file.split('/');
    for (let i = 1; i <= parts.length; i++) {
      const rel = parts.slice(0, i).join('/');
      let stat: fs.Stats;
      try {
        stat = fs.statSync(path.join(dir, rel));
      } catch {
        break; // nothing there, nor below it
      }
      const isTarget = i === parts.length;
      if (isTarget ? stat.isDirectory() : !stat.isDirectory()) {
        problems.push(
          new ValidationError({
            path: 'PlatformApp',
            field: prop,
            value: dir,
            rule: `synth writes ${file} there, but ${rel} is ${isTarget ? 'a directory' : 'a file'}`,
            fix: `move ${path.join(dir, rel)} away, or give ${prop} another directory`,
          }),
        );
        break;
      }
    }
  }
  return problems;
}

/**
 * Finishes a switch that a killed synth left under way in `dir`, if any, and removes what a synth killed
 * before its switch left in `.nks-cdk/`. Waits for a synth that is writing there.
 */
export function recoverOutputDir(dir: string): void {
  if (!fs.existsSync(path.join(dir, RECORD_DIR))) return;
  withLock(dir, (touch) => recover(dir, touch));
}

/** The files synth recorded as its own in `dir` (relative paths), none when it never wrote there. */
export function ownedFiles(dir: string): string[] {
  return readOwned(dir);
}

function recover(dir: string, touch: () => void): void {
  const records = path.join(dir, RECORD_DIR);
  const journalFile = path.join(records, 'journal');
  if (fs.existsSync(journalFile)) apply(dir, JSON.parse(fs.readFileSync(journalFile, 'utf8')) as Journal, touch);
  // Staging folders of synths killed before their journal: never part of any output.
  for (const name of fs.readdirSync(records)) {
    if (name.startsWith('staged-') || name.endsWith('.tmp')) fs.rmSync(path.join(records, name), { recursive: true, force: true });
  }
}

/** Carries a journal out; running it again (after a kill) finishes what is left. */
function apply(dir: string, journal: Journal, touch: () => void): void {
  const records = path.join(dir, RECORD_DIR);
  const staged = path.join(records, journal.staged);
  let done = 0;
  for (const w of journal.write) {
    const source = path.join(staged, w.staged);
    if (!fs.existsSync(source)) continue; // moved before a kill
    const target = path.join(dir, w.file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.renameSync(source, target);
    touch();
    if (++done === 1) reached('first-file');
  }
  for (const file of journal.remove) {
    fs.rmSync(path.join(dir, file), { force: true });
    removeEmptyParents(dir, path.dirname(path.join(dir, file)));
  }
  writeAtomically(path.join(records, 'files'), JSON.stringify(journal.write.map((w) => w.file)));
  fs.rmSync(staged, { recursive: true, force: true });
  fs.rmSync(path.join(records, 'journal'), { force: true });
}

function readOwned(dir: string): string[] {
  const file = path.join(dir, RECORD_DIR, 'files');
  if (!fs.existsSync(file)) return [];
  try {
    const list = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
    // Only plain relative paths inside the directory: a damaged record must never point elsewhere.
    return Array.isArray(list) ? list.filter((f): f is string => typeof f === 'string' && isInside(dir, f)) : [];
  } catch {
    return [];
  }
}

function isInside(dir: string, rel: string): boolean {
  if (rel === '' || path.isAbsolute(rel)) return false;
  const full = path.resolve(dir, rel);
  return full.startsWith(path.resolve(dir) + path.sep) && !rel.split(/[\\/]/).includes(RECORD_DIR);
}

function removeEmptyParents(root: string, from: string): void {
  for (let d = from; d !== root && d.startsWith(root + path.sep); d = path.dirname(d)) {
    try {
      fs.rmdirSync(d);
    } catch {
      return; // not empty, or gone
    }
  }
}

function writeAtomically(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}

/** Relative paths of every file under `root`, sorted. */
function listFiles(root: string): string[] {
  return (fs.readdirSync(root, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((d) => d.isFile())
    .map((d) => path.relative(root, path.join(d.parentPath ?? (d as { path?: string }).path ?? root, d.name)).split(path.sep).join('/'))
    .sort();
}

/**
 * Runs `work` while holding `dir`'s lock; `touch` keeps the lock fresh while the work runs (synth is
 * synchronous, so proper-lockfile's own timer cannot). Waits for another synth that holds it.
 */
function withLock<T>(dir: string, work: (touch: () => void) => T): T {
  const lockPath = path.join(dir, RECORD_DIR, 'lock');
  const options = { lockfilePath: lockPath, realpath: false, stale: LOCK_STALE_MS };
  const deadline = Date.now() + LOCK_WAIT_MS;
  let release: (() => void) | undefined;
  while (!release) {
    try {
      release = lockfile.lockSync(dir, options);
    } catch (e) {
      if ((e as { code?: string }).code !== 'ELOCKED') throw e;
      if (Date.now() > deadline) {
        throw new ValidationError({
          path: dir,
          field: 'outdir',
          value: dir,
          rule: `another synth is writing here: ${path.join(RECORD_DIR, 'lock')} has been held for over ${LOCK_WAIT_MS / 1000} s`,
          fix: `wait for the other synth to finish; if none is running, remove ${lockPath} and synth again`,
        });
      }
      sleep(50);
    }
  }
  let last = Date.now();
  const touch = (): void => {
    if (Date.now() - last < 500) return;
    last = Date.now();
    const now = new Date();
    fs.utimesSync(lockPath, now, now);
  };
  try {
    return work(touch);
  } finally {
    release();
  }
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
function sleep(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

/**
 * Test hook: `NKS_KILL_AT=<point>` kills the process with SIGKILL when a switch reaches `point` (`staged`,
 * `journal`, `first-file`), so tests can prove what a synth killed there leaves behind.
 */
function reached(point: string): void {
  if (process.env.NKS_KILL_AT === point) process.kill(process.pid, 'SIGKILL');
}

// Problems found while a program builds its constructs. A construct whose props are wrong does not throw
// out of the user's program: its ValidationErrors are recorded on it, the program goes on, and
// `PlatformApp.synth()` reports every recorded problem at once, grouped by construct path, before it writes
// anything. An error of another kind thrown inside a construct (from cdk8s, cdk8s-plus, cdktf or nks-cdk
// itself) becomes a ValidationError marked `unexpected`, so the user still sees a construct path, a rule and a
// fix instead of a stack trace; `NKS_DEBUG=1` keeps the stack traces.
import { Construct, IConstruct } from 'constructs';
import { ValidationError, ValidationErrors } from './model/errors';
import { constructsUnder } from './synth-cache';

/** Problems recorded on each construct, in the order they were found. */
const recorded = new WeakMap<IConstruct, ValidationError[]>();
/** Errors that followed from a recorded problem (a construct used after it failed), kept for NKS_DEBUG. */
const followOns = new WeakMap<IConstruct, unknown[]>();
/**
 * Roots with problems not yet reported (thrown by synth or validate), with the number of the last problem
 * recorded under each: for the exit check of programs that never reach synth. Reported roots leave it.
 */
const unreportedRoots = new Map<IConstruct, number>();
/** Roots that had problems at some time: errors thrown in their constructs afterwards may be follow-ons. */
const rootsWithProblems = new WeakSet<IConstruct>();
let problemCount = 0;

/** Whether stack traces are wanted (`NKS_DEBUG=1`). */
export function debugging(): boolean {
  const v = process.env.NKS_DEBUG;
  return v !== undefined && v !== '' && v !== '0' && v !== 'false';
}

/**
 * Records `error` as a problem of `construct`: ValidationErrors as they are, anything else as an unexpected
 * ValidationError on the construct (or as a follow-on when a problem was already recorded in its tree, since a
 * construct that failed leaves its users with missing parts).
 */
export function recordProblem(construct: IConstruct, error: unknown): void {
  const errors = asValidationErrors(error);
  const root = construct.node.root;
  if (errors) {
    const failed = failedPaths(root, construct);
    for (const e of errors) {
      if (namesFailed(e, failed)) addFollowOn(construct, e);
      else addProblem(construct, e);
    }
  } else if (hasProblems(root)) {
    addFollowOn(construct, error);
  } else {
    addProblem(construct, unexpectedError(construct.node.path, error));
  }
  rootsWithProblems.add(root);
  unreportedRoots.set(root, ++problemCount);
  installExitCheck();
}

function addFollowOn(construct: IConstruct, error: unknown): void {
  followOns.set(construct, [...(followOns.get(construct) ?? []), error]);
}

/** A number that grows with every problem recorded; see {@link rootsWithProblemsSince}. */
export function problemSequence(): number {
  return problemCount;
}

/** The roots (cdktf or cdk8s apps) with problems recorded after `sequence` and not reported yet. */
export function rootsWithProblemsSince(sequence: number): IConstruct[] {
  return [...unreportedRoots].filter(([, last]) => last > sequence).map(([root]) => root);
}

/** The problems recorded on constructs under `root` (itself included), in tree order. */
export function problemsUnder(root: IConstruct): ValidationError[] {
  const found: ValidationError[] = [];
  for (const c of constructsUnder(root)) found.push(...(recorded.get(c) ?? []));
  return found;
}

/** Errors swallowed as follow-ons of a recorded problem under `root`, for NKS_DEBUG. */
export function followOnsUnder(root: IConstruct): unknown[] {
  return constructsUnder(root).flatMap((c) => followOns.get(c) ?? []);
}

/** Marks `root`'s problems as reported: the process exit check does not print them again. */
export function markReported(root: IConstruct): void {
  unreportedRoots.delete(root.node.root);
}

/** Paths of the constructs with recorded problems in `root`'s program, `except` one. */
function failedPaths(root: IConstruct, except?: IConstruct): string[] {
  if (!hasProblems(root)) return [];
  return (linkedRoots.get(root) ?? [root])
    .flatMap((r) => constructsUnder(r))
    // A construct that failed only on a follow-on (it used a failed one) counts too: what uses it follows on.
    .filter((c) => c !== except && (recorded.has(c) || followOns.has(c)))
    .map((c) => c.node.path);
}

/**
 * Whether `error` follows from a construct that failed to build: it names that construct's path (a workload
 * placed on a node group that failed "has no GPUs") or, with `orUnder`, is a problem of that construct or of
 * one inside it, found by a check that ran on what was left of it.
 */
export function namesFailed(error: ValidationError, failed: readonly string[], orUnder = false): boolean {
  const text = `${error.rule} ${typeof error.value === 'string' ? error.value : ''}`;
  return failed.some(
    (p) =>
      (orUnder && (error.path === p || error.path.startsWith(`${p}/`))) ||
      new RegExp(`(^|[^\\w/.-])${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\w/.-])`).test(text),
  );
}

/** Paths of the constructs with recorded problems in `root`'s program. */
export function failedConstructPaths(root: IConstruct): string[] {
  return failedPaths(root);
}

/** Roots of one program (a PlatformApp's cdktf and cdk8s apps): a problem in one explains errors in the other. */
const linkedRoots = new WeakMap<IConstruct, readonly IConstruct[]>();

/** Declares `roots` one program, so a construct of one that trips over a failed construct of another is a follow-on. */
export function linkRoots(...roots: IConstruct[]): void {
  for (const r of roots) linkedRoots.set(r, roots);
}

/** The roots linked with `root` by {@link linkRoots} (itself included), or undefined when it was never linked. */
export function linkedRootsOf(root: IConstruct): readonly IConstruct[] | undefined {
  return linkedRoots.get(root);
}

function hasProblems(root: IConstruct): boolean {
  return (linkedRoots.get(root) ?? [root]).some((r) => rootsWithProblems.has(r));
}

/** The number each recorded problem got (see {@link problemSequence}). */
const sequenceOf = new WeakMap<ValidationError, number>();

function addProblem(construct: IConstruct, error: ValidationError): void {
  const list = recorded.get(construct) ?? [];
  if (!list.some((e) => e.message === error.message)) list.push(error);
  recorded.set(construct, list);
  sequenceOf.set(error, problemCount + 1);
}

/** Whether `error` was recorded on a construct after `sequence` (see {@link problemSequence}). */
export function recordedAfter(error: ValidationError, sequence: number): boolean {
  return (sequenceOf.get(error) ?? 0) > sequence;
}

/** The ValidationErrors in `error`, or undefined when it is an error of another kind. */
export function asValidationErrors(error: unknown): readonly ValidationError[] | undefined {
  if (error instanceof ValidationErrors) return error.errors;
  if (error instanceof ValidationError) return [error];
  return undefined;
}

/** An error nks-cdk did not expect, as a ValidationError on the construct it happened in. */
export function unexpectedError(path: string, error: unknown): ValidationError {
  const message = error instanceof Error ? error.message : String(error);
  const from = error instanceof Error && error.stack ? dependencyOf(error.stack) : undefined;
  return new ValidationError({
    path,
    field: '(construct)',
    value: undefined,
    rule: `${from ? `${from} refused this construct` : 'this construct could not be built'}: ${firstLine(message)}`,
    fix: 'check the props of this construct against their documentation; if they are valid, this is an nks-cdk bug: run again with NKS_DEBUG=1 and report the stack trace',
    unexpected: true,
    cause: error,
  });
}

function firstLine(text: string): string {
  const line = text.split('\n').find((l) => l.trim() !== '') ?? text;
  return line.trim();
}

/** The package an error was thrown from, read from its first stack frame (e.g. `cdk8s-plus-28`). */
function dependencyOf(stack: string): string | undefined {
  const frame = stack.split('\n').find((l) => /^\s+at /.test(l));
  const m = frame && /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(frame);
  return m ? m[1].replace(/\\/g, '/') : undefined;
}

type AnyConstructor = abstract new (...args: any[]) => IConstruct;

/**
 * Class decorator for a construct whose constructor takes `(scope, id, ...)`: what its constructor throws is
 * recorded on the construct (see {@link recordProblem}) and the partly built construct is returned, so the
 * program goes on and synth reports every problem at once. An id that its scope already holds, or a stack id
 * that Terraform cannot use, is recorded as a problem of the construct too, and the construct is built under a
 * stand-in id.
 *
 * Method decorator for a method without a result (`void`): what it throws is recorded on its construct.
 */
export function recordsProblems<T extends AnyConstructor>(target: T, context: ClassDecoratorContext<T>): T;
export function recordsProblems<This extends IConstruct, A extends unknown[]>(
  target: (this: This, ...args: A) => void,
  context: ClassMethodDecoratorContext<This, (this: This, ...args: A) => void>,
): (this: This, ...args: A) => void;
export function recordsProblems(target: any, context: ClassDecoratorContext | ClassMethodDecoratorContext): any {
  if (context.kind === 'method') {
    return function (this: IConstruct, ...args: unknown[]): void {
      try {
        target.apply(this, args);
      } catch (e) {
        recordProblem(this, e);
      }
    };
  }
  const base = target as new (...args: any[]) => IConstruct;
  const recording = class extends base {
    constructor(...args: any[]) {
      const [scope, id] = args as [IConstruct | undefined, unknown];
      const problem = scope && idProblem(scope, id, base);
      if (problem) args = [scope, standInId(scope, id), ...args.slice(2)];
      try {
        super(...args);
      } catch (e) {
        if (!scope) throw e;
        // Props checked before `super()` (a name a base class needs) fail before the construct exists: a bare
        // stand-in of the same class takes its place in the tree, to carry the problem.
        const built = scope.node.tryFindChild(String(args[1])) ?? Reflect.construct(Construct, [scope, standInId(scope, id)], new.target);
        if (problem) recordProblem(built, problem);
        recordProblem(built, e);
        return guardFailed(built) as any;
      }
      if (problem) recordProblem(this, problem);
    }
  };
  Object.defineProperty(recording, 'name', { value: base.name });
  return recording;
}

/**
 * The construct a failed constructor leaves, as the program sees it: its members read as before, but a member
 * that throws because a part is missing (a getter, or a method called on it) throws the program's
 * ValidationErrors so far instead (the construct's own problem first among them), not a TypeError from the
 * missing part. Errors of nks-cdk's own kinds pass unchanged. Inside another construct's constructor this is
 * recorded like any problem; out of the user's program it reads like the report synth would have printed.
 */
function guardFailed(built: IConstruct): IConstruct {
  const wrapped = new WeakMap<Function, Function>();
  const guarded = new Proxy(built, {
    get(target, key, receiver) {
      let value: unknown;
      try {
        value = Reflect.get(target, key, receiver);
      } catch (e) {
        throw failedUse(target, String(key), e);
      }
      if (typeof value !== 'function' || key === 'constructor') return value;
      const fn = value;
      let w = wrapped.get(fn);
      if (!w) {
        w = function (this: unknown, ...args: unknown[]) {
          try {
            return fn.apply(this === receiver ? target : this, args);
          } catch (e) {
            throw failedUse(target, String(key), e);
          }
        };
        wrapped.set(fn, w);
      }
      return w;
    },
  });
  failedConstructs.add(built);
  failedConstructs.add(guarded);
  return guarded;
}

/** Constructs whose constructor failed, and the guards the program holds instead (see {@link guardFailed}). */
const failedConstructs = new WeakSet<object>();

/**
 * Throws a follow-on problem when `used` (a construct another one refers to, e.g. the volume a claim binds)
 * failed to build: its parts are missing, so checks against it would report nonsense; its own errors are
 * reported already. Synth counts the thrown problem as a follow-on of `used` (it names its path) and does not
 * print it.
 */
export function checkBuilt(used: object | undefined, where: { readonly path: string; readonly field: string }, what: string): void {
  if (!used || !failedConstructs.has(used)) return;
  const path = (used as IConstruct).node.path;
  throw new ValidationError({ path: where.path, field: where.field, value: path, rule: `${what} ${path} could not be built`, fix: `fix the errors of ${path}` });
}

/** The error a member of the failed construct `c` throws when it trips over a missing part (see {@link guardFailed}). */
function failedUse(c: IConstruct, member: string, error: unknown): unknown {
  if (asValidationErrors(error) || (error instanceof Error && REPORTED_ERRORS.has(error.name))) return error;
  addFollowOn(c, error);
  const roots = linkedRoots.get(c.node.root) ?? [c.node.root];
  const errors = roots.flatMap((r) => problemsUnder(r));
  const own = recorded.get(c) ?? [];
  const use = new ValidationError({
    path: c.node.path,
    field: member,
    value: undefined,
    rule: `${c.constructor.name} ${c.node.path} could not be built (its errors are listed here), so its ${member} is not available`,
    fix: 'fix the errors of this construct; the program then gets past this line',
  });
  // Reported here, as synth would: the exit check does not print them again if the program stops on this.
  for (const r of roots) unreportedRoots.delete(r);
  return new ValidationErrors([...own, ...errors.filter((e) => !own.includes(e)), use]);
}

/** What is wrong with `id` in `scope` (a sibling holds it, or a Terraform stack cannot have it). */
function idProblem(scope: IConstruct, id: unknown, type: Function): ValidationError | undefined {
  const path = scope.node.path ? `${scope.node.path}/${String(id)}` : String(id);
  if (typeof id !== 'string' || id === '') {
    return new ValidationError({ path, field: 'id', value: id, rule: 'a construct id is a non-empty string', fix: 'give the construct a short id such as "web"' });
  }
  const sibling = scope.node.tryFindChild(id);
  if (sibling) {
    return new ValidationError({
      path,
      field: 'id',
      value: id,
      rule: `ids are unique within their scope, and ${scope.node.path || 'the app'} already has a ${sibling.constructor.name} with id "${id}"`,
      fix: 'give one of the two constructs another id',
    });
  }
  if (isTerraformStackType(type) && /[\s*?[\]{}!]/.test(id)) {
    return new ValidationError({
      path,
      field: 'id',
      value: id,
      rule: 'a Terraform stack id names a directory and a `cdktf deploy` argument: no whitespace or glob characters (* ? [ ] { } !)',
      fix: `use letters, digits, "-" and "_", e.g. "${id.replace(/[\s*?[\]{}!]+/g, '-')}"`,
    });
  }
  return undefined;
}

function isTerraformStackType(type: Function): boolean {
  for (let t: any = type; t && t !== Function.prototype; t = Object.getPrototypeOf(t)) if (t.name === 'TerraformStack') return true;
  return false;
}

/** An id no sibling in `scope` has, for a construct whose own id was refused. */
function standInId(scope: IConstruct, id: unknown): string {
  const base = `invalid-id-${String(id).replace(/[^A-Za-z0-9_-]+/g, '-')}`.slice(0, 60);
  let candidate = base;
  for (let i = 2; scope.node.tryFindChild(candidate); i++) candidate = `${base}-${i}`;
  return candidate;
}

let exitCheckInstalled = false;

/**
 * A program that records problems but never reaches `synth()` (or stops with another error first) must not
 * end as if all went well: on exit, problems not yet reported are printed and the exit code is 1.
 */
function installExitCheck(): void {
  if (exitCheckInstalled) return;
  exitCheckInstalled = true;
  process.once('exit', (code) => {
    const errors = [...unreportedRoots.keys()].flatMap((r) => problemsUnder(r));
    if (!errors.length) return;
    process.stderr.write(`${new ValidationErrors(errors).message}\n(the program ended before PlatformApp.synth() reported these)\n`);
    if (code === 0) process.exitCode = 1;
  });
}

/** nks-cdk's own errors, which carry everything the user needs in their message. */
const REPORTED_ERRORS = new Set(['ValidationError', 'ValidationErrors', 'OutputCheckError', 'PolicyViolationError']);
let uncaughtReporter = false;

/**
 * Called before nks-cdk throws one of its own errors out of synth: if the program does not catch it, it is
 * printed as its message alone (the stack says nothing about the user's program; NKS_DEBUG=1 prints it) and the
 * process exits with 1. Errors of other kinds, and programs with their own `uncaughtException` listener, are
 * left to Node as before.
 */
export function explainIfUncaught(): void {
  if (uncaughtReporter) return;
  uncaughtReporter = true;
  const listener = (error: unknown): void => {
    if (process.listenerCount('uncaughtException') > 1) return; // the program handles uncaught errors itself
    if (error instanceof Error && REPORTED_ERRORS.has(error.name)) {
      process.stderr.write(`${debugging() ? error.stack : `${error.name}: ${error.message}`}\n`);
      process.exit(1);
    }
    process.removeListener('uncaughtException', listener);
    process.nextTick(() => {
      throw error;
    });
  };
  process.on('uncaughtException', listener);
}

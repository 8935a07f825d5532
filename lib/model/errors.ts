/**
 * Where a value came from: the construct path and the property (dotted for nested props).
 */
export interface Where {
  /** Construct path, e.g. `nks-infra/cluster`. */
  readonly path: string;
  /** Property name as the user wrote it, e.g. `nodeCount` or `autoscaler.maxNodes`. */
  readonly field: string;
}

/** The fields every synth-time problem carries. */
export interface Problem extends Where {
  /** The offending value, as given. */
  readonly value: unknown;
  /** The rule that the value breaks, in one sentence. */
  readonly rule: string;
  /** What to do instead. */
  readonly fix: string;
}

/** Renders a value for a message: strings quoted, objects as compact JSON, secrets never (callers pass a redacted value). */
export function describeValue(value: unknown): string {
  if (value === undefined) return '(not set)';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  try {
    const json = JSON.stringify(value);
    return json.length > 200 ? `${json.slice(0, 197)}...` : json;
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/** What a {@link ValidationError} is made from. */
export interface ValidationErrorProps extends Problem {
  /**
   * The error was not a check of nks-cdk's but an error of another kind thrown while a construct was built
   * (from a dependency or from nks-cdk itself): the props may be fine and the library at fault.
   * @default false
   */
  readonly unexpected?: boolean;
  /**
   * The error this one stands for (an unexpected error's original).
   * @default - none
   */
  readonly cause?: unknown;
}

/**
 * A synth-time error in the user's input. Thrown before anything is written.
 * Tests and tools read its fields; the message is for people.
 */
export class ValidationError extends Error implements Problem {
  /** Construct path, e.g. `nks-infra/cluster`. */
  public readonly path: string;
  /** Property name as the user wrote it, e.g. `nodeCount` or `autoscaler.maxNodes`. */
  public readonly field: string;
  /** The offending value, as given. */
  public readonly value: unknown;
  /** The rule that the value breaks, in one sentence. */
  public readonly rule: string;
  /** What to do instead. */
  public readonly fix: string;
  /** Whether this stands for an error nks-cdk did not expect (see {@link ValidationErrorProps.unexpected}). */
  public readonly unexpected: boolean;

  /** An error from its problem; the message names the path, field, value, rule and fix. */
  constructor(problem: ValidationErrorProps) {
    super(`${problem.field} = ${describeValue(problem.value)}: ${problem.rule}\n  Fix: ${problem.fix}`, problem.cause === undefined ? undefined : { cause: problem.cause });
    // The message names the path first; `detail` (without it) is what a grouped report prints under the path.
    hide(this, 'detail', this.message);
    this.message = `[${problem.path}] ${this.message}`;
    this.name = 'ValidationError';
    this.path = problem.path;
    this.field = problem.field;
    this.value = problem.value;
    this.rule = problem.rule;
    this.fix = problem.fix;
    this.unexpected = problem.unexpected ?? false;
    this.stack = userStack(this, problem.cause);
  }
}

/** Several validation errors found in one pass (synth reports all of them, not only the first). */
export class ValidationErrors extends Error {
  /** The errors, each problem once (the same message found twice is one error), in the order found. */
  public readonly errors: readonly ValidationError[];

  /** An error of several; each problem is kept once. */
  constructor(errors: readonly ValidationError[]) {
    const unique = dedupe(errors);
    super(`${unique.length} validation error${unique.length === 1 ? '' : 's'}; nothing was written:\n${groupByPath(unique)}`);
    this.name = 'ValidationErrors';
    this.errors = unique;
    this.stack = userStack(this, undefined, unique);
  }
}

/** Each problem once (the same path, field and rule found twice is one problem). */
function dedupe(errors: readonly ValidationError[]): ValidationError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = e.message;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The errors under their construct paths, paths in the order first met. */
function groupByPath(errors: readonly ValidationError[]): string {
  const groups = new Map<string, ValidationError[]>();
  for (const e of errors) groups.set(e.path, [...(groups.get(e.path) ?? []), e]);
  return [...groups]
    .map(([path, list]) => `[${path}]\n${list.map((e) => `  ${detailOf(e).replace(/\n/g, '\n  ')}`).join('\n')}`)
    .join('\n');
}

function detailOf(e: ValidationError): string {
  return ((e as unknown as { detail?: string }).detail ?? e.message);
}

function hide(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: false, writable: false, configurable: true });
}

/**
 * The stack Node prints for an uncaught error: the message alone, since the place in nks-cdk that found the
 * problem tells the user nothing; with NKS_DEBUG=1 the full stack (and the original of an unexpected error).
 */
function userStack(error: Error, cause: unknown, errors: readonly ValidationError[] = []): string {
  const head = `${error.name}: ${error.message}`;
  const debug = process.env.NKS_DEBUG;
  if (!debug || debug === '0' || debug === 'false') return head;
  const causes = [cause, ...errors.map((e) => (e as { cause?: unknown }).cause)].filter((c): c is Error => c instanceof Error);
  return [error.stack ?? head, ...causes.map((c) => `Caused by: ${c.stack ?? c.message}`)].join('\n');
}

/** Throws a {@link ValidationError} for `where`. */
export function fail(where: Where, value: unknown, rule: string, fix: string): never {
  throw new ValidationError({ ...where, value, rule, fix });
}

/** Same location, nested field: `at(where, 'size')` → `field: "bootVolume.size"`. */
export function at(where: Where, subField: string): Where {
  return { path: where.path, field: where.field ? `${where.field}.${subField}` : subField };
}

/** Same location, an element of a list field: `atIndex(where, 0)` → `field: "accessModes[0]"`. */
export function atIndex(where: Where, index: number): Where {
  return { path: where.path, field: `${where.field}[${index}]` };
}

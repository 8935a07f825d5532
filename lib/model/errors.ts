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

/**
 * A synth-time error in the user's input. Thrown before anything is written.
 * Tests and tools read its fields; the message is for people.
 */
export class ValidationError extends Error implements Problem {
  public readonly path: string;
  public readonly field: string;
  public readonly value: unknown;
  public readonly rule: string;
  public readonly fix: string;

  constructor(problem: Problem) {
    super(
      `[${problem.path}] ${problem.field} = ${describeValue(problem.value)}: ${problem.rule}\n  Fix: ${problem.fix}`,
    );
    this.name = 'ValidationError';
    this.path = problem.path;
    this.field = problem.field;
    this.value = problem.value;
    this.rule = problem.rule;
    this.fix = problem.fix;
  }
}

/** Several validation errors found in one pass (synth reports all of them, not only the first). */
export class ValidationErrors extends Error {
  public readonly errors: readonly ValidationError[];

  constructor(errors: readonly ValidationError[]) {
    super(
      `${errors.length} validation error${errors.length === 1 ? '' : 's'}; nothing was written:\n` +
        errors.map((e) => e.message).join('\n'),
    );
    this.name = 'ValidationErrors';
    this.errors = errors;
  }
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

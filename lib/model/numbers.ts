import { fail, Where } from './errors';

/** An inclusive range of whole numbers, e.g. block storage sizes in GB. */
export interface IntegerRange {
  /** Smallest allowed value. */
  readonly min: number;
  /** Largest allowed value. */
  readonly max: number;
}

/**
 * Checks that `value` is a whole number inside `range` (bounds included) and returns it.
 * Every numeric limit of the model goes through here, so all of them fail with the same wording.
 *
 * @param what what the number is, for the message: `"a block storage volume's size"`
 * @param unit unit appended to numbers in the message: `"GB"`
 */
export function checkIntegerInRange(value: number, where: Where, range: IntegerRange, what: string, unit = ''): number {
  const withUnit = (n: number): string => (unit ? `${n} ${unit}` : String(n));
  const span = `${withUnit(range.min)} to ${withUnit(range.max)}`;
  // Props come from JavaScript and JSON too, where a string or NaN can slip through the types.
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    fail(where, value, `${what} must be a whole number from ${span}`, `give a number such as ${withUnit(range.min)}`);
  }
  if (!Number.isInteger(value)) {
    const down = clamp(Math.floor(value), range);
    const up = clamp(Math.ceil(value), range);
    const options = down === up ? withUnit(down) : `${withUnit(down)} or ${withUnit(up)}`;
    fail(where, value, `${what} must be a whole number (from ${span})`, `use ${options}`);
  }
  if (value < range.min || value > range.max) {
    fail(where, value, `${what} must be from ${span}`, `use a value from ${range.min} to ${range.max}, e.g. ${withUnit(clamp(value, range))}`);
  }
  return value;
}

function clamp(value: number, range: IntegerRange): number {
  return Math.min(range.max, Math.max(range.min, value));
}

import { ValidationError, Where } from '../../lib/model';

/** What a test expects of a ValidationError: exact path/field/value, substrings (or patterns) of rule and fix. */
export interface ExpectedError {
  readonly path?: string;
  readonly field?: string;
  readonly value?: unknown;
  readonly rule?: string | RegExp;
  readonly fix?: string | RegExp;
}

/** A location for calls under test. */
export const W: Where = { path: 'test/scope', field: 'prop' };

/** Runs `fn`, asserts it throws a ValidationError matching `expected`, and returns the error. */
export function expectValidationError(fn: () => unknown, expected: ExpectedError): ValidationError {
  let thrown: unknown;
  try {
    fn();
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(ValidationError);
  const error = thrown as ValidationError;
  expect(error.path).toBe(expected.path ?? W.path);
  expect(error.field).toBe(expected.field ?? W.field);
  if ('value' in expected) expect(error.value).toEqual(expected.value);
  if (expected.rule !== undefined) expect(error.rule).toMatch(expected.rule);
  if (expected.fix !== undefined) expect(error.fix).toMatch(expected.fix);
  // The rule and fix are what people read: never empty.
  expect(error.rule.length).toBeGreaterThan(10);
  expect(error.fix.length).toBeGreaterThan(3);
  return error;
}

import { fail, Where } from './errors';

/**
 * Returns `value` when it is `true` or `false`. JavaScript and JSON-driven callers can pass `'yes'`,
 * `'false'` or `0`, which a truthiness test would read the wrong way round (`'no'` is truthy).
 */
export function checkBoolean(value: unknown, where: Where): boolean {
  if (value === true || value === false) return value;
  const text = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
  const meant = text === undefined ? undefined : ['true', 'yes', 'on', '1'].includes(text) ? true : ['false', 'no', 'off', '0'].includes(text) ? false : undefined;
  return fail(
    where,
    value,
    `${where.field} must be the boolean true or false, not ${value === null ? 'null' : /^[aeiou]/.test(typeof value) ? `an ${typeof value}` : `a ${typeof value}`}`,
    meant === undefined ? 'write true or false, without quotes' : `write ${meant}, without quotes`,
  );
}

import { fail, Where } from './errors';

/** Renders allowed values for a message: `"KR1", "KR2" or "KR3"`. */
export function formatChoices(values: readonly string[]): string {
  const quoted = values.map((v) => JSON.stringify(v));
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}

/**
 * The allowed value that `value` most likely meant, when it differs only in case, spaces, `-` or `_`
 * (`"general ssd"`, `"General_SSD"` → `"General SSD"`); undefined when nothing is that close.
 */
export function closeChoice<T extends string>(value: string, choices: readonly T[]): T | undefined {
  const key = loose(value);
  return choices.find((c) => loose(c) === key);
}

/**
 * Returns `value` when it is exactly one of `choices` (case-sensitive: NKS label values and OpenStack
 * names are compared byte for byte), otherwise fails with the list and, if one is close, that one.
 *
 * @param what what the value is, for the rule sentence: `"a volume type"`
 */
export function checkChoice<T extends string>(value: string, choices: readonly T[], where: Where, what: string): T {
  if (typeof value === 'string' && (choices as readonly string[]).includes(value)) return value as T;
  const close = typeof value === 'string' ? closeChoice(value, choices) : undefined;
  const rule = close
    ? `${what} is matched exactly, including case; ${JSON.stringify(value)} only resembles ${JSON.stringify(close)}`
    : `${what} must be one of ${formatChoices(choices)}`;
  const fix = close ? `write ${JSON.stringify(close)}` : `use one of ${formatChoices(choices)}`;
  return fail(where, value, rule, fix);
}

function loose(text: string): string {
  return text.toLowerCase().replace(/[\s_-]+/g, ' ').trim();
}

/** `noun` with its indefinite article for a message: `an image`, `an external network`, `a key pair`. */
export function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}

/**
 * Returns `value` when it is a list (an array), `[]` when it is not set; otherwise fails (an untyped program
 * passed one item, a string or an object where a list belongs).
 *
 * @param example a list to show in the fix: `"[{ name: 'http' }]"`
 */
export function checkList<T>(value: readonly T[] | undefined, where: Where, example: string): readonly T[] {
  if (value === undefined) return [];
  if (Array.isArray(value)) return value;
  return fail(where, value, 'this prop is a list (an array)', `give an array, e.g. ${example}`);
}

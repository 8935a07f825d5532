import * as fs from 'fs';
import * as path from 'path';
import { at, checkChoice, checkIntegerInRange, closeChoice, formatChoices, ValidationError } from '../../lib/model';
import { expectValidationError, W } from './expect-error';

describe('checkIntegerInRange', () => {
  const range = { min: 1, max: 10 };

  test.each([1, 5, 10])('accepts %i', (n) => {
    expect(checkIntegerInRange(n, W, range, 'the count')).toBe(n);
  });

  test('a unitless range renders plain numbers', () => {
    expectValidationError(() => checkIntegerInRange(11, W, range, 'the count'), { value: 11, rule: 'the count must be from 1 to 10', fix: 'e.g. 10' });
  });

  test('a fraction below the minimum is offered the minimum only', () => {
    expectValidationError(() => checkIntegerInRange(0.5, W, range, 'the count'), { fix: 'use 1' });
  });
});

describe('choices', () => {
  test('formatChoices', () => {
    expect(formatChoices([])).toBe('');
    expect(formatChoices(['a'])).toBe('"a"');
    expect(formatChoices(['a', 'b'])).toBe('"a" or "b"');
    expect(formatChoices(['a', 'b', 'c'])).toBe('"a", "b" or "c"');
  });

  test('closeChoice ignores case and separators only', () => {
    expect(closeChoice('general-ssd', ['General HDD', 'General SSD'])).toBe('General SSD');
    expect(closeChoice('ssd', ['General HDD', 'General SSD'])).toBeUndefined();
  });

  test('checkChoice reports a non-string value without a suggestion', () => {
    expectValidationError(() => checkChoice(7 as unknown as string, ['a', 'b'], W, 'a letter'), { value: 7, rule: 'a letter must be one of "a" or "b"' });
  });
});

describe('errors', () => {
  test('at() nests fields and handles an empty field', () => {
    expect(at(W, 'size')).toEqual({ path: 'test/scope', field: 'prop.size' });
    expect(at({ path: 'p', field: '' }, 'size')).toEqual({ path: 'p', field: 'size' });
  });

  test('the message carries path, field, value, rule and fix', () => {
    const error = expectValidationError(() => checkChoice('x', ['a'], W, 'a letter'), {});
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toBe('[test/scope] prop = "x": a letter must be one of "a"\n  Fix: use one of "a"');
  });
});

describe('layer boundary', () => {
  const modelDir = path.join(__dirname, '..', '..', 'lib', 'model');
  const files = fs.readdirSync(modelDir).filter((f) => f.endsWith('.ts'));
  const allowedBuiltins = new Set(['fs', 'path', 'os', 'util', 'crypto', 'url']);

  test.each(files)('%s imports only node built-ins and other model files', (file) => {
    const source = fs.readFileSync(path.join(modelDir, file), 'utf8');
    const specifiers = [...source.matchAll(/(?:from|import|require\()\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
    for (const specifier of specifiers) {
      const builtin = allowedBuiltins.has(specifier.replace(/^node:/, ''));
      const sibling = /^\.\/[a-z0-9-]+$/.test(specifier) && fs.existsSync(path.join(modelDir, `${specifier.slice(2)}.ts`));
      expect({ file, specifier, allowed: builtin || sibling }).toEqual({ file, specifier, allowed: true });
    }
  });

  test.each(files)('%s stays under 400 lines', (file) => {
    const lines = fs.readFileSync(path.join(modelDir, file), 'utf8').split('\n').length;
    expect(lines).toBeLessThan(400);
  });
});

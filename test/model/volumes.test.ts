import {
  BOOT_VOLUME_SIZE_GB,
  checkBootVolumeSize,
  checkVolumeSize,
  checkVolumeType,
  DEFAULT_VOLUME_TYPE,
  VOLUME_SIZE_GB,
  VOLUME_TYPES,
} from '../../lib/model';
import { expectValidationError, W } from './expect-error';

describe('volume types', () => {
  test('the four NHN Cloud types, General HDD by default', () => {
    expect([...VOLUME_TYPES]).toEqual(['General HDD', 'General SSD', 'Encrypted HDD', 'Encrypted SSD']);
    expect(DEFAULT_VOLUME_TYPE).toBe('General HDD');
  });

  test.each(['General HDD', 'General SSD', 'Encrypted HDD', 'Encrypted SSD'])('%s is accepted', (t) => {
    expect(checkVolumeType(t, W)).toBe(t);
  });

  test.each([
    ['general ssd', 'General SSD'],
    ['GENERAL HDD', 'General HDD'],
    ['General_SSD', 'General SSD'],
    ['encrypted-hdd', 'Encrypted HDD'],
  ])('%j differs only in case or separators: the fix gives %j', (value, close) => {
    expectValidationError(() => checkVolumeType(value, W), {
      value,
      rule: `only resembles "${close}"`,
      fix: `write "${close}"`,
    });
  });

  test('an unknown type lists all four', () => {
    expectValidationError(() => checkVolumeType('SSD', W), {
      value: 'SSD',
      rule: 'must be one of "General HDD", "General SSD", "Encrypted HDD" or "Encrypted SSD"',
      fix: 'use one of',
    });
  });
});

describe('volume sizes', () => {
  test('limits: data volumes 10–2000 GB, boot volumes 20–2000 GB', () => {
    expect(VOLUME_SIZE_GB).toEqual({ min: 10, max: 2000 });
    expect(BOOT_VOLUME_SIZE_GB).toEqual({ min: 20, max: 2000 });
  });

  const cases = [
    ['checkVolumeSize', checkVolumeSize, 10, 2000, "a block storage volume's size"],
    ['checkBootVolumeSize', checkBootVolumeSize, 20, 2000, "a boot volume's size"],
  ] as const;

  describe.each(cases)('%s', (_name, check, min, max, what) => {
    test.each([min, min + 1, 100, max])('accepts %i', (size) => {
      expect(check(size, W)).toBe(size);
    });

    test.each([
      [min - 1, min],
      [max + 1, max],
      [0, min],
      [-5, min],
    ])('refuses %i, suggesting %i', (size, nearest) => {
      expectValidationError(() => check(size, W), {
        value: size,
        rule: `${what} must be from ${min} GB to ${max} GB`,
        fix: `e.g. ${nearest} GB`,
      });
    });

    test('refuses a fraction, offering the whole numbers around it', () => {
      expectValidationError(() => check(50.5, W), { value: 50.5, rule: 'whole number', fix: 'use 50 GB or 51 GB' });
    });

    test('a fraction beyond the maximum is offered the maximum', () => {
      expectValidationError(() => check(max + 0.5, W), { fix: `use ${max} GB` });
    });

    test.each([Number.NaN, Number.POSITIVE_INFINITY, '50' as unknown as number])('refuses the non-number %p', (size) => {
      expectValidationError(() => check(size, W), { rule: 'whole number', fix: 'give a number' });
    });
  });
});

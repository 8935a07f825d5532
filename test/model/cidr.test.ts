import {
  checkMaxPrefix,
  checkNoOverlap,
  Cidr,
  cidrContains,
  cidrsOverlap,
  formatAddress,
  LEGACY_DOCKER_BRIDGE_CIDR,
  NKS_MAX_CIDR_PREFIX,
  parseCidr,
  RESERVED_CIDRS,
} from '../../lib/model';
import { expectValidationError, W } from './expect-error';

const c = (text: string): Cidr => parseCidr(text, W);

describe('parseCidr', () => {
  test.each([
    ['10.0.0.0/16', 0x0a000000, 16, 0x0a000000, 0x0a00ffff],
    ['192.168.0.0/24', 0xc0a80000, 24, 0xc0a80000, 0xc0a800ff],
    ['0.0.0.0/0', 0, 0, 0, 0xffffffff],
    ['255.255.255.255/32', 0xffffffff, 32, 0xffffffff, 0xffffffff],
    ['172.16.0.0/12', 0xac100000, 12, 0xac100000, 0xac1fffff],
  ])('%s', (text, network, prefix, first, last) => {
    expect(c(text)).toEqual({ text, network, prefix, first, last });
  });

  test('addresses are unsigned', () => {
    const high = c('200.0.0.0/8');
    expect(high.first).toBeGreaterThan(0);
    expect(high.last).toBe(0xc8ffffff);
  });

  test.each([
    ['10.0.0/16', 'write it like 10.0.0.0/16'],
    ['10.0.0.0', 'add the prefix length: 10.0.0.0/32'],
    ['10.0.0.0/', 'write it like'],
    ['fd00::/8', 'IPv6 is not supported'],
    ['10.0.0.0/16 ', 'write it like'],
    ['', 'write it like'],
  ])('refuses the malformed %j', (text, fix) => {
    expectValidationError(() => c(text), { value: text, rule: 'an IPv4 CIDR is four dot-separated numbers', fix });
  });

  test('an octet above 255 is named', () => {
    expectValidationError(() => c('10.256.0.0/16'), { value: '10.256.0.0/16', rule: 'the second number is 256', fix: 'from 0 to 255' });
  });

  test('a leading zero is refused with the plain form', () => {
    expectValidationError(() => c('10.01.0.0/16'), { rule: 'leading zero', fix: 'write 10.1.0.0/16' });
  });

  test('a prefix above 32 is refused', () => {
    expectValidationError(() => c('10.0.0.0/33'), { value: '10.0.0.0/33', rule: 'the prefix length is 33', fix: 'from 0 to 32' });
  });

  test.each([
    ['10.0.0.1/16', '10.0.0.0/16'],
    ['192.168.1.77/24', '192.168.1.0/24'],
    ['10.100.200.0/12', '10.96.0.0/12'],
    ['1.2.3.4/0', '0.0.0.0/0'],
  ])('host bits set in %s → fix suggests %s', (text, normalized) => {
    expectValidationError(() => c(text), { value: text, rule: 'has host bits set', fix: `write ${normalized}` });
  });
});

describe('overlap and containment', () => {
  test.each([
    ['10.0.0.0/24', '10.0.1.0/24', false], // adjacent
    ['10.0.0.0/25', '10.0.0.128/25', false], // adjacent halves
    ['10.0.0.0/16', '10.0.255.0/24', true], // last block inside
    ['10.0.0.0/16', '10.1.0.0/16', false],
    ['10.0.0.0/8', '10.200.0.0/16', true],
    ['10.0.0.0/24', '10.0.0.0/24', true], // equal
    ['0.0.0.0/0', '198.18.0.0/19', true],
    ['255.255.255.255/32', '255.255.255.254/32', false],
  ])('%s vs %s overlap: %s (symmetric)', (a, b, expected) => {
    expect(cidrsOverlap(c(a), c(b))).toBe(expected);
    expect(cidrsOverlap(c(b), c(a))).toBe(expected);
  });

  test.each([
    ['10.0.0.0/16', '10.0.255.0/24', true],
    ['10.0.255.0/24', '10.0.0.0/16', false],
    ['10.0.0.0/24', '10.0.0.0/24', true],
    ['10.0.0.0/24', '10.0.1.0/24', false],
    ['10.0.0.0/24', '10.0.0.255/32', true],
  ])('%s contains %s: %s', (outer, inner, expected) => {
    expect(cidrContains(c(outer), c(inner))).toBe(expected);
  });

  test('formatAddress round-trips', () => {
    expect(formatAddress(c('172.31.255.0/24').last)).toBe('172.31.255.255');
  });
});

describe('checkNoOverlap', () => {
  const pods = { path: 'stack/cluster', field: 'podsCidr' };
  const services = { path: 'stack/cluster', field: 'servicesCidr' };

  test('disjoint and adjacent ranges pass', () => {
    expect(() =>
      checkNoOverlap([
        { name: 'pod range', cidr: c('10.100.0.0/16'), where: pods },
        { name: 'service range', cidr: c('10.101.0.0/16'), where: services },
        ...RESERVED_CIDRS.map((r) => ({ ...r, where: pods })),
      ]),
    ).not.toThrow();
  });

  test('an overlap names both ranges and is reported at the earlier entry', () => {
    expectValidationError(
      () =>
        checkNoOverlap([
          { name: 'pod range', cidr: c('10.0.0.0/16'), where: pods },
          { name: 'service range', cidr: c('10.0.128.0/17'), where: services },
        ]),
      {
        path: 'stack/cluster',
        field: 'podsCidr',
        value: '10.0.0.0/16',
        rule: 'the pod range 10.0.0.0/16 (10.0.0.0–10.0.255.255) overlaps the service range 10.0.128.0/17 (10.0.128.0–10.0.255.255)',
        fix: 'choose a pod range outside 10.0.128.0/17, e.g. 10.1.0.0/16',
      },
    );
  });

  test('a user range inside a reserved range is reported at the user field', () => {
    expectValidationError(
      () => checkNoOverlap([{ name: 'service range', cidr: c('198.18.16.0/24'), where: services }, ...RESERVED_CIDRS.map((r) => ({ ...r, where: pods }))]),
      { field: 'servicesCidr', path: 'stack/cluster', rule: 'overlaps the range NKS uses internally 198.18.0.0/19', fix: 'e.g. 10.0.0.0/24' },
    );
  });

  test('an empty list passes', () => {
    expect(() => checkNoOverlap([])).not.toThrow();
  });
});

describe('NKS ranges', () => {
  test('reserved ranges: link-local and NKS internal', () => {
    expect(RESERVED_CIDRS.map((r) => r.cidr.text)).toEqual(['169.254.0.0/16', '198.18.0.0/19']);
    expect(LEGACY_DOCKER_BRIDGE_CIDR.cidr.text).toBe('172.17.0.0/16');
  });

  test('blocks must be /24 or larger', () => {
    expect(NKS_MAX_CIDR_PREFIX).toBe(24);
    expect(checkMaxPrefix(c('10.0.0.0/24'), NKS_MAX_CIDR_PREFIX, W).text).toBe('10.0.0.0/24');
    expectValidationError(() => checkMaxPrefix(c('10.0.0.64/26'), NKS_MAX_CIDR_PREFIX, W), {
      value: '10.0.0.64/26',
      rule: '/24 or larger',
      fix: 'use 10.0.0.0/24',
    });
  });
});

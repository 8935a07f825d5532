import { checkRegion, checkZone, Region, regionOfZone, REGIONS } from '../../lib/model';
import { expectValidationError, W } from './expect-error';

const zonesByRegion: [Region, string, string[]][] = [
  ['KR1', 'Pangyo', ['kr-pub-a', 'kr-pub-b']],
  ['KR2', 'Pyeongchon', ['kr2-pub-a', 'kr2-pub-b']],
  ['KR3', 'Gwangju', ['kr3-pub-a', 'kr3-pub-b']],
];

describe('regions', () => {
  test('exactly KR1, KR2 and KR3 are known', () => {
    expect(Object.keys(REGIONS).sort()).toEqual(['KR1', 'KR2', 'KR3']);
  });

  test.each(zonesByRegion)('%s (%s) has zones %j', (region, name, zones) => {
    expect(checkRegion(region, W)).toBe(region);
    expect(REGIONS[region]).toEqual({ name, zones });
    for (const zone of zones) {
      expect(checkZone(region, zone, W)).toBe(zone);
      expect(regionOfZone(zone)).toBe(region);
    }
  });

  test('a lowercase region is refused with the exact spelling as fix', () => {
    expectValidationError(() => checkRegion('kr2', W), { value: 'kr2', rule: 'matched exactly', fix: 'write "KR2"' });
  });

  test('an unknown region lists the regions', () => {
    expectValidationError(() => checkRegion('JP1', W), { value: 'JP1', rule: 'one of "KR1", "KR2" or "KR3"', fix: '"KR1", "KR2" or "KR3"' });
  });

  test('a zone of another region names that region', () => {
    expectValidationError(() => checkZone('KR1', 'kr2-pub-a', W), {
      value: 'kr2-pub-a',
      rule: 'kr2-pub-a is an availability zone of KR2 (Pyeongchon), not of this stack\'s region KR1 (Pangyo)',
      fix: 'use "kr-pub-a" or "kr-pub-b", or put this resource in a stack whose region is KR2',
    });
    expectValidationError(() => checkZone('KR3', 'kr-pub-b', W), { rule: 'availability zone of KR1 (Pangyo)', fix: '"kr3-pub-a" or "kr3-pub-b"' });
  });

  test('an unknown zone lists the region\'s zones', () => {
    expectValidationError(() => checkZone('KR2', 'kr2-pub-c', W), {
      value: 'kr2-pub-c',
      rule: 'KR2 (Pyeongchon) has the availability zones "kr2-pub-a" or "kr2-pub-b"',
      fix: 'use "kr2-pub-a" or "kr2-pub-b"',
    });
  });

  test('a zone in the wrong case gets the lowercase spelling', () => {
    expectValidationError(() => checkZone('KR1', 'KR-PUB-A', W), { fix: 'write "kr-pub-a"' });
  });

  test('regionOfZone is undefined for unknown zones', () => {
    expect(regionOfZone('us-east-1a')).toBeUndefined();
    expect(regionOfZone('KR-PUB-A')).toBeUndefined();
  });
});

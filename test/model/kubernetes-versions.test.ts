import {
  checkCreatableVersion,
  cinderProvisionerFor,
  compareVersions,
  CREATABLE_KUBERNETES_VERSIONS,
  DEFAULT_KUBERNETES_VERSION,
  endOfServiceOf,
  isPastEndOfService,
  KNOWN_KUBERNETES_VERSIONS,
  parseKubernetesVersion,
} from '../../lib/model';
import { expectValidationError, W } from './expect-error';

const v = (text: string) => parseKubernetesVersion(text, W);

describe('version lists', () => {
  test('creatable versions as of 2026-11-23, newest is the default', () => {
    expect([...CREATABLE_KUBERNETES_VERSIONS]).toEqual(['v1.31.4', 'v1.32.3', 'v1.33.4']);
    expect(DEFAULT_KUBERNETES_VERSION).toBe('v1.33.4');
  });

  test('known versions are sorted, unique, parseable and include the guide versions', () => {
    const parsed = KNOWN_KUBERNETES_VERSIONS.map(v);
    expect(new Set(KNOWN_KUBERNETES_VERSIONS).size).toBe(KNOWN_KUBERNETES_VERSIONS.length);
    for (let i = 1; i < parsed.length; i++) expect(compareVersions(parsed[i - 1], parsed[i])).toBeLessThan(0);
    for (const guide of ['v1.15.7', 'v1.17.6', 'v1.19.13', 'v1.20.12', 'v1.28.3', ...CREATABLE_KUBERNETES_VERSIONS]) {
      expect(KNOWN_KUBERNETES_VERSIONS).toContain(guide);
    }
  });
});

describe('parseKubernetesVersion', () => {
  test.each([
    ['v1.32.3', 1, 32, 3, 'v1.32.3'],
    ['1.32.3', 1, 32, 3, 'v1.32.3'],
    ['v1.19.13', 1, 19, 13, 'v1.19.13'],
    ['v1.0.0', 1, 0, 0, 'v1.0.0'],
  ])('%s → %i.%i.%i, tag %s', (text, major, minor, patch, tag) => {
    expect(v(text)).toEqual({ major, minor, patch, tag });
  });

  test.each(['1.32', 'v1.32.3.1', 'latest', '', 'v1.32.x', 'V1.32.3', 'v01.32.3'])('refuses %j', (text) => {
    expectValidationError(() => v(text), { value: text, rule: '`v{major}.{minor}.{patch}`' });
  });

  test('a minor-only version of a creatable line is told the full version', () => {
    expectValidationError(() => v('v1.32'), { fix: 'write the full version: v1.32.3' });
  });

  test('other malformed versions are told the creatable versions', () => {
    expectValidationError(() => v('latest'), { fix: '"v1.31.4", "v1.32.3" or "v1.33.4"' });
  });
});

describe('compareVersions', () => {
  test.each([
    ['v1.9.0', 'v1.10.0', -1],
    ['v1.19.13', 'v1.20.12', -1],
    ['v1.32.3', '1.32.3', 0],
    ['v1.33.4', 'v1.33.3', 1],
    ['v2.0.0', 'v1.99.99', 1],
  ])('%s vs %s → %i', (a, b, sign) => {
    expect(Math.sign(compareVersions(a, b))).toBe(sign);
    expect(Math.sign(compareVersions(v(a), v(b)))).toBe(sign);
    expect(Math.sign(compareVersions(b, a))).toBe(-sign || 0);
  });

  test('a malformed string argument fails naming which argument', () => {
    expectValidationError(() => compareVersions('v1.32.3', 'nope'), { path: 'compareVersions', field: 'b', value: 'nope' });
  });
});

describe('checkCreatableVersion', () => {
  test.each([...CREATABLE_KUBERNETES_VERSIONS, '1.33.4'])('%s is creatable', (text) => {
    const version = checkCreatableVersion(text, W);
    expect(CREATABLE_KUBERNETES_VERSIONS).toContain(version.tag);
  });

  test.each([
    ['v1.28.3', 'reached end of service on NKS on 2025-11-30'],
    ['v1.29.3', 'reached end of service on NKS on 2026-02-28'],
    ['v1.30.3', 'reached end of service on NKS on 2026-05-31'],
    ['v1.27.3', 'reached end of service on NKS before 2025-11-30'],
    ['v1.19.13', 'reached end of service'],
    ['v1.15.7', 'reached end of service'],
  ])('%s is past end of service', (text, rule) => {
    expectValidationError(() => checkCreatableVersion(text, W), {
      value: text,
      rule,
      fix: 'use one of "v1.31.4", "v1.32.3" or "v1.33.4"',
    });
  });

  test('another patch of a creatable minor is pointed at the NKS patch', () => {
    expectValidationError(() => checkCreatableVersion('v1.32.5', W), { value: 'v1.32.5', rule: 'one patch release per minor', fix: 'use v1.32.3' });
  });

  test('a version newer than NKS has released says so', () => {
    expectValidationError(() => checkCreatableVersion('v1.34.0', W), { rule: 'had not released Kubernetes v1.34.0 as of 2026-11-23', fix: '"v1.33.4"' });
  });

  test('a malformed version fails as a parse error', () => {
    expectValidationError(() => checkCreatableVersion('1.33', W), { rule: '`v{major}.{minor}.{patch}`', fix: 'v1.33.4' });
  });
});

describe('end of service', () => {
  test('dates per minor from the version guide', () => {
    expect(endOfServiceOf(v('v1.28.3'))).toBe('2025-11-30');
    expect(endOfServiceOf(v('v1.33.4'))).toBe('2027-11-30');
    expect(endOfServiceOf(v('v1.20.12'))).toBeUndefined();
  });

  test.each([
    ['v1.32.3', '2027-02-28', false],
    ['v1.32.3', '2027-03-01', true],
    ['v1.33.4', '2026-11-23', false],
    ['v1.31.4', '2026-11-23', true],
    ['v1.17.6', '2020-01-01', true],
    ['v1.99.0', '2030-01-01', false],
  ])('%s on %s → past: %s', (text, date, past) => {
    expect(isPastEndOfService(v(text), date)).toBe(past);
  });
});

describe('cinderProvisionerFor', () => {
  test.each([
    ['v1.15.7', 'kubernetes.io/cinder'],
    ['v1.19.13', 'kubernetes.io/cinder'],
    ['v1.20.12', 'cinder.csi.openstack.org'],
    ['v1.33.4', 'cinder.csi.openstack.org'],
  ])('%s → %s', (text, provisioner) => {
    expect(cinderProvisionerFor(v(text))).toBe(provisioner);
  });
});

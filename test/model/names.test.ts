import {
  checkClusterName,
  checkDnsLabel,
  checkDnsSubdomain,
  checkLabelKey,
  checkLabelValue,
  checkNodeGroupName,
  checkResourceName,
} from '../../lib/model';
import { expectValidationError, W } from './expect-error';

describe.each([
  ['checkClusterName', checkClusterName, 'cluster'],
  ['checkNodeGroupName', checkNodeGroupName, 'node group'],
] as const)('%s', (_name, check, what) => {
  test.each(['a', 'my-cluster', 'k8s-test', 'gpu2', 'z'.repeat(32), 'a-1-b'])('accepts %j', (name) => {
    expect(check(name, W)).toBe(name);
  });

  test.each([
    ['z'.repeat(33), 'has 33 characters', 'z'.repeat(32)],
    ['My-Cluster', 'contains "M", "C"', 'my-cluster'],
    ['1cluster', 'starts with "1"', 'cluster'],
    ['cluster-', 'ends with "-"', 'cluster'],
    ['my.cluster', 'contains "."', 'my-cluster'],
    ['my_cluster', 'contains "_"', 'my-cluster'],
    ['-cluster', 'starts with "-"', 'cluster'],
  ])('refuses %j (%s), suggesting %j', (name, problem, suggestion) => {
    expectValidationError(() => check(name, W), {
      value: name,
      rule: `an NKS ${what} name is at most 32 characters of lowercase letters, digits and '-', starting with a letter, ending with a letter or digit, and not a UUID; this one ${problem}`,
      fix: `use a name like "${suggestion}"`,
    });
  });

  test.each(['0b8a34c5-7c1e-4a43-9d33-8d7a1e8f2b6c', 'b8a34c57c1e4a439d338d7a1e8f2b6c0', 'B8A34C57-C1E4-4A43-9D33-8D7A1E8F2B6C'])(
    'refuses the UUID-like %j',
    (name) => {
      expectValidationError(() => check(name, W), { value: name, rule: 'is a UUID', fix: `use a name like "my-${what.replace(' ', '-')}"` });
    },
  );

  test('uppercase and dots mention the older guide rule', () => {
    expectValidationError(() => check('Web.Cluster', W), { fix: "the older NKS guide allowed uppercase letters and '.'" });
    const plain = expectValidationError(() => check('1abc', W), {});
    expect(plain.fix).not.toContain('older NKS guide');
  });

  test('an empty name', () => {
    expectValidationError(() => check('', W), { value: '', rule: 'is empty', fix: `use a name like "my-${what.replace(' ', '-')}"` });
  });
});

describe('checkResourceName', () => {
  test.each([
    ['network', 'my network (prod)'],
    ['volume', 'data.vol_1'],
    ['instance', 'x'.repeat(255)],
    ['key pair', 'my_key-1'],
  ])('accepts a %s name %j', (what, name) => {
    expect(checkResourceName(name, W, what)).toBe(name);
  });

  test.each([
    ['network', '', 'is empty'],
    ['volume', 'x'.repeat(256), 'has 256 characters'],
    ['instance', 'bad\nname', 'contains control characters "\\n"'],
    ['network', ' padded', 'starts or ends with whitespace'],
  ])('refuses a %s name %j (%s)', (what, name, problem) => {
    expectValidationError(() => checkResourceName(name, W, what), { value: name, rule: `${/^[aeiou]/.test(what) ? 'an' : 'a'} ${what} name is 1 to 255 characters`, fix: 'of 1 to 255' });
    expectValidationError(() => checkResourceName(name, W, what), { rule: problem });
  });

  test.each([
    ['my key', 'contains " "', 'my-key'],
    ['me@host', 'contains "@"', 'me-host'],
    ['id.rsa', 'contains "."', 'id-rsa'],
  ])('refuses the key pair name %j (%s)', (name, problem, suggestion) => {
    expectValidationError(() => checkResourceName(name, W, 'key pair'), {
      value: name,
      rule: `a key pair name is 1 to 255 letters, digits, '-' and '_'; this one ${problem}`,
      fix: `use a name like "${suggestion}"`,
    });
  });
});

describe('checkDnsSubdomain / checkDnsLabel', () => {
  test.each(['a', 'my-app', 'web.example.com', '0abc', 'a'.repeat(253)])('subdomain accepts %j', (name) => {
    expect(checkDnsSubdomain(name, W)).toBe(name);
  });

  test.each([
    ['My_App', 'my-app'],
    ['-app', 'app'],
    ['app.', 'app'],
    ['a..b', 'my-app'],
    ['a'.repeat(254), 'a'.repeat(253)],
    ['', 'my-app'],
  ])('subdomain refuses %j, suggesting %j', (name, suggestion) => {
    expectValidationError(() => checkDnsSubdomain(name, W), { value: name, rule: 'RFC 1123 subdomain', fix: `use a name like "${suggestion}"` });
  });

  test.each(['a', 'my-app', '1app', 'a'.repeat(63)])('label accepts %j', (name) => {
    expect(checkDnsLabel(name, W)).toBe(name);
  });

  test.each([
    ['web.app', 'web-app'],
    ['App', 'app'],
    ['app-', 'app'],
    ['a'.repeat(64), 'a'.repeat(63)],
  ])('label refuses %j, suggesting %j', (name, suggestion) => {
    expectValidationError(() => checkDnsLabel(name, W), { value: name, rule: 'RFC 1123 label', fix: `use a name like "${suggestion}"` });
  });
});

describe('checkLabelKey', () => {
  test.each([
    'app',
    'App_Name.v1',
    'example.com/gpu-type',
    'nvidia.com/gpu',
    'node.kubernetes.io/instance-type',
    `${'a'.repeat(253)}/${'b'.repeat(63)}`,
    'x',
  ])('accepts %j', (key) => {
    expect(checkLabelKey(key, W)).toBe(key);
  });

  test.each([
    ['', 'is empty'],
    ['a/b/c', "more than one '/'"],
    ['/name', "empty prefix before '/'"],
    ['example.com/', "no name after '/'"],
    ['Example.com/app', 'which is not a lowercase DNS subdomain'],
    [`${'a'.repeat(254)}/x`, 'not a lowercase DNS subdomain'],
    ['b'.repeat(64), 'a name of 64 characters'],
    ['-app', 'has the name "-app"'],
    ['app_', 'has the name "app_"'],
    ['my app', 'has the name "my app"'],
  ])('refuses %j (%s)', (key, problem) => {
    expectValidationError(() => checkLabelKey(key, W), { value: key, rule: `optional DNS-subdomain prefix`, fix: 'example.com/gpu-type' });
    expectValidationError(() => checkLabelKey(key, W), { rule: problem });
  });
});

describe('checkLabelValue', () => {
  test.each(['', 'v1', 'Production', 'a.b_c-d', 'x'.repeat(63)])('accepts %j', (value) => {
    expect(checkLabelValue(value, W)).toBe(value);
  });

  test.each([
    ['x'.repeat(64), 'x'.repeat(63)],
    ['-v', 'v'],
    ['a b', 'a-b'],
    ['v1/', 'v1'],
  ])('refuses %j, suggesting %j', (value, suggestion) => {
    expectValidationError(() => checkLabelValue(value, W), { value, rule: 'a label value is empty or at most 63', fix: `use a value like "${suggestion}"` });
  });

  test('a non-string value is told to quote it', () => {
    expectValidationError(() => checkLabelValue(true as unknown as string, W), { value: true, fix: 'quote numbers and booleans' });
  });
});

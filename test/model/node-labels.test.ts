import { checkNodeLabels, formatNodeLabelsForNks, MAX_NKS_NODE_LABELS } from '../../lib/model';
import { expectValidationError } from './expect-error';

const where = { path: 'stack/cluster/gpu', field: 'nodeLabels' };

describe('checkNodeLabels', () => {
  test('valid labels come back as a copy', () => {
    const labels = { 'example.com/gpu': 't4', tier: 'batch', empty: '', 'node.kubernetes.io/pool': 'gpu' };
    const checked = checkNodeLabels(labels, where);
    expect(checked).toEqual(labels);
    expect(checked).not.toBe(labels);
  });

  test('a bad key is reported at nodeLabels.<key>', () => {
    expectValidationError(() => checkNodeLabels({ 'bad key': 'x' }, where), {
      path: 'stack/cluster/gpu',
      field: 'nodeLabels.bad key',
      value: 'bad key',
      rule: 'label key',
    });
  });

  test('a bad value is reported at nodeLabels.<key>', () => {
    expectValidationError(() => checkNodeLabels({ tier: 'a b' }, where), {
      field: 'nodeLabels.tier',
      path: 'stack/cluster/gpu',
      value: 'a b',
      rule: 'label value',
      fix: 'a-b',
    });
  });

  test('a non-string value is told to quote it', () => {
    expectValidationError(() => checkNodeLabels({ gpus: 2 as unknown as string }, where), {
      field: 'nodeLabels.gpus',
      path: 'stack/cluster/gpu',
      value: 2,
      rule: 'strings',
      fix: 'write "2" in quotes',
    });
  });

  test.each(['kubernetes.io/role', 'k8s.io/x', 'magnum.openstack.org/nodegroup', 'topology.kubernetes.io/zone', 'sub.k8s.io/y'])(
    'the reserved prefix of %j is refused',
    (key) => {
      expectValidationError(() => checkNodeLabels({ [key]: 'v' }, where), {
        field: `nodeLabels.${key}`,
        path: 'stack/cluster/gpu',
        value: key,
        rule: 'reserved prefix',
        fix: `example.com/${key.split('/')[1]}`,
      });
    },
  );

  test(`at most ${MAX_NKS_NODE_LABELS} labels`, () => {
    const labels = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`l${i}`, 'v']));
    expect(Object.keys(checkNodeLabels(labels(20), where))).toHaveLength(20);
    expectValidationError(() => checkNodeLabels(labels(21), where), {
      path: 'stack/cluster/gpu',
      field: 'nodeLabels',
      rule: 'at most 20 Kubernetes labels; 21 are given',
      fix: '20 or fewer',
    });
  });
});

describe('formatNodeLabelsForNks', () => {
  test('key=value pairs sorted by key, comma-separated', () => {
    expect(formatNodeLabelsForNks({ tier: 'batch', 'example.com/gpu': 't4', app: '' })).toBe('app=,example.com/gpu=t4,tier=batch');
  });

  test('insertion order does not change the string', () => {
    expect(formatNodeLabelsForNks({ b: '2', a: '1' })).toBe(formatNodeLabelsForNks({ a: '1', b: '2' }));
  });

  test('no labels → empty string', () => {
    expect(formatNodeLabelsForNks({})).toBe('');
  });
});

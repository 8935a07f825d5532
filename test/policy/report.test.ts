import { PolicyFinding, PolicyReport } from '../../lib';
import { warningLines, WARNINGS_SHOWN_PER_RULE } from '../../lib/policy/policies';

const error: PolicyFinding = { ruleId: 'NKS-IMG-1', level: 'error', path: 'c/x', resource: 'v1/Pod p', field: 'spec.containers[0].image', message: 'image "nginx" has no tag', fix: 'Pin it.' };
const warning: PolicyFinding = { ruleId: 'NKS-KEY-1', level: 'warning', path: 'infra/kp/keypair', resource: 'openstack_compute_keypair_v2.kp', message: 'no public_key', fix: 'Give one.' };
const suppressed: PolicyFinding = { ...error, path: 'c/y', resource: 'v1/Pod q', suppressed: { reason: 'the guide as written', declaredAt: 'c' } };
const report = new PolicyReport([suppressed, warning, error]);

test('counts: suppressed findings count as neither errors nor warnings', () => {
  expect(report.errors).toEqual([error]);
  expect(report.warnings).toEqual([warning]);
  expect(report.suppressed).toEqual([suppressed]);
  expect(report.ok).toBe(false);
  expect(report.summary()).toBe('1 error, 1 warning, 1 suppressed');
  expect(new PolicyReport([warning, suppressed]).ok).toBe(true);
});

test('text: errors, warnings, then suppressed with their reasons; a fix under each; a summary last', () => {
  expect(report.toText().split('\n')).toEqual([
    '[error] NKS-IMG-1 c/x (v1/Pod p) spec.containers[0].image: image "nginx" has no tag',
    '  Fix: Pin it.',
    '[warning] NKS-KEY-1 infra/kp/keypair (openstack_compute_keypair_v2.kp): no public_key',
    '  Fix: Give one.',
    '[suppressed error] NKS-IMG-1 c/y (v1/Pod q) spec.containers[0].image: image "nginx" has no tag',
    '  Fix: Pin it.',
    '  Suppressed at c: the guide as written',
    'Policy report: 1 error, 1 warning, 1 suppressed',
  ]);
  expect(report.toText({ includeSuppressed: false })).not.toContain('Suppressed at');
});

test('JSON: every field of every finding, null where absent, and the summary', () => {
  const json = report.toJson();
  expect(json.summary).toEqual({ errors: 1, warnings: 1, suppressed: 1 });
  expect(json.findings).toEqual([
    { ruleId: 'NKS-IMG-1', level: 'error', path: 'c/y', resource: 'v1/Pod q', field: 'spec.containers[0].image', message: 'image "nginx" has no tag', fix: 'Pin it.', suppressed: { reason: 'the guide as written', declaredAt: 'c' } },
    { ruleId: 'NKS-KEY-1', level: 'warning', path: 'infra/kp/keypair', resource: 'openstack_compute_keypair_v2.kp', field: null, message: 'no public_key', fix: 'Give one.', suppressed: null },
    { ruleId: 'NKS-IMG-1', level: 'error', path: 'c/x', resource: 'v1/Pod p', field: 'spec.containers[0].image', message: 'image "nginx" has no tag', fix: 'Pin it.', suppressed: null },
  ]);
  expect(JSON.parse(JSON.stringify(json))).toEqual(json);
});

test('synth prints at most 10 warnings per rule, then how many more', () => {
  const many = Array.from({ length: 12 }, (_, i) => ({ ...warning, path: `infra/kp${i}/keypair` }));
  const lines = warningLines([...many, { ...warning, ruleId: 'NKS-RES-1' }]);
  expect(lines).toHaveLength(WARNINGS_SHOWN_PER_RULE + 2);
  expect(lines[WARNINGS_SHOWN_PER_RULE]).toContain('NKS-RES-1');
  expect(lines[WARNINGS_SHOWN_PER_RULE + 1]).toBe('[warning] NKS-KEY-1: 2 more like these (Policies.of(app).lastReport lists all)');
});

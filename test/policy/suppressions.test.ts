// Suppressions: with a reason they cover a construct and its children and travel into the output; without
// one (or with a too short one) they are errors themselves; unknown rule ids are warned about.
import * as fs from 'fs';
import * as path from 'path';
import { Chart, Yaml } from 'cdk8s';
import { InfraStack, KeyPair, Policies, PolicyViolationError } from '../../lib';
import { findingsOf, GOOD_CONTAINER, pod, raw, testApp } from './util';

const REASON = 'the seed manifest, reproduced as written';
const untagged = (chart: Chart, id = 'x') => raw(chart, pod([{ ...GOOD_CONTAINER, image: 'nginx' }]), id);

describe('a suppression with a reason', () => {
  test('covers the finding (reported as suppressed, with reason and where it was declared); synth passes', () => {
    const { app } = testApp();
    const chart = new Chart(app.k8s, 'c');
    Policies.of(app).suppress(untagged(chart), 'NKS-IMG-1', REASON);
    app.synth();
    const report = Policies.of(app).lastReport!;
    expect(report.errors).toEqual([]);
    expect(report.suppressed).toEqual([expect.objectContaining({ ruleId: 'NKS-IMG-1', level: 'error', path: 'c/x', suppressed: { reason: REASON, declaredAt: 'c/x' } })]);
  });

  test('on a scope covers everything under it; the nearest declaration of a rule wins', () => {
    const findings = findingsOf((chart) => {
      Policies.suppress(chart, 'NKS-IMG-1', 'all of this chart is a demo of the guide');
      untagged(chart, 'a');
      Policies.suppress(untagged(chart, 'b'), 'NKS-IMG-1', REASON);
    });
    expect(findings.map((f) => [f.path, f.suppressed])).toEqual([
      ['c/a', { reason: 'all of this chart is a demo of the guide', declaredAt: 'c' }],
      ['c/b', { reason: REASON, declaredAt: 'c/b' }],
    ]);
  });

  test('only covers its own rule', () => {
    const findings = findingsOf((chart) => Policies.suppress(raw(chart, pod([{ ...GOOD_CONTAINER, image: 'nginx', resources: undefined }])), 'NKS-RES-1', REASON));
    expect(findings.map((f) => [f.ruleId, f.suppressed !== undefined])).toEqual([['NKS-IMG-1', false], ['NKS-RES-1', true]]);
  });

  test('is written into the output: an annotation on each Kubernetes object, a "//" comment in Terraform blocks', () => {
    const { app, dir } = testApp();
    const chart = new Chart(app.k8s, 'c');
    Policies.suppress(untagged(chart), 'NKS-IMG-1', REASON);
    const stack = new InfraStack(app.infra, 'infra', { region: 'KR1' });
    Policies.suppress(new KeyPair(stack, 'kp'), 'NKS-KEY-1', 'a throwaway test cluster, state kept on this laptop');
    app.synth();
    const [doc] = Yaml.load(path.join(dir, 'dist', 'c.k8s.yaml'));
    expect(doc.metadata.annotations).toEqual({ 'nks-cdk.io/suppress.NKS-IMG-1': REASON });
    const tf = JSON.parse(fs.readFileSync(path.join(dir, 'cdktf.out', 'stacks', 'infra', 'cdk.tf.json'), 'utf8'));
    const [keypair] = Object.values(tf.resource.openstack_compute_keypair_v2) as Record<string, Record<string, unknown>>[];
    expect(keypair['//']).toMatchObject({ 'nks-cdk': { suppressions: { 'NKS-KEY-1': 'a throwaway test cluster, state kept on this laptop' } } });
    // Infrastructure first, then Kubernetes, as PlatformApp holds them.
    expect(Policies.of(app).lastReport!.suppressed.map((f) => f.ruleId)).toEqual(['NKS-KEY-1', 'NKS-IMG-1']);
  });

  test('an annotation written by hand in the program counts too', () => {
    const findings = findingsOf((chart) => untagged(chart).metadata.addAnnotation('nks-cdk.io/suppress.NKS-IMG-1', REASON));
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'NKS-IMG-1', suppressed: { reason: REASON, declaredAt: 'c/x' } })]);
  });
});

describe('a suppression without a reason is itself an error', () => {
  test.each([
    ['no reason', ''],
    ['only spaces', '          '],
    ['a reason under 10 characters', 'legacy'],
    ['not a string', undefined as unknown as string],
  ])('%s → NKS-POLICY-1 error at the construct, and the finding stays', (_name, reason) => {
    const findings = findingsOf((chart) => Policies.suppress(untagged(chart), 'NKS-IMG-1', reason));
    expect(findings).toEqual([
      expect.objectContaining({ ruleId: 'NKS-POLICY-1', level: 'error', path: 'c/x', message: expect.stringContaining('NKS-IMG-1') }),
      expect.objectContaining({ ruleId: 'NKS-IMG-1', level: 'error', path: 'c/x' }),
    ]);
    expect(findings[1].suppressed).toBeUndefined();
  });

  test('one report entry per declaration, however many objects it covers; synth fails', () => {
    const { app, dir } = testApp();
    const chart = new Chart(app.k8s, 'c');
    raw(chart, pod([GOOD_CONTAINER]), 'a');
    raw(chart, pod([GOOD_CONTAINER]), 'b');
    Policies.suppress(chart, 'NKS-PROBE-1', 'todo');
    expect(() => app.synth()).toThrow(PolicyViolationError);
    expect(Policies.of(app).lastReport!.errors).toEqual([expect.objectContaining({ ruleId: 'NKS-POLICY-1', path: 'c', message: expect.stringContaining('"todo" is shorter than 10 characters') })]);
    expect(fs.existsSync(path.join(dir, 'dist'))).toBe(false);
  });

  test('a suppression of a rule that does not exist → NKS-POLICY-2 warning (a typo suppresses nothing)', () => {
    const findings = findingsOf((chart) => Policies.suppress(untagged(chart), 'NKS-IMG1', REASON));
    expect(findings.map((f) => [f.ruleId, f.level, f.suppressed !== undefined])).toEqual([
      ['NKS-POLICY-2', 'warning', false],
      ['NKS-IMG-1', 'error', false],
    ]);
  });

  test('a rule switched off by levels can still be suppressed without a typo warning', () => {
    const findings = findingsOf((chart) => Policies.suppress(untagged(chart), 'NKS-RES-1', REASON), { policies: { levels: { 'NKS-IMG-1': 'off', 'NKS-RES-1': 'off' } } });
    expect(findings).toEqual([]);
  });
});

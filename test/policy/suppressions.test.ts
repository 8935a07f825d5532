// Suppressions: with a reason they cover a construct and its children and travel into the output; without
// one (or with a too short one) they are errors themselves; unknown rule ids fail synth of a program (and
// are warned about where only files are checked).
import * as fs from 'fs';
import * as path from 'path';
import { Chart, Yaml } from 'cdk8s';
import { InfraStack, KeyPair, NKS_RULES, Policies, PolicyViolationError, ValidationErrors } from '../../lib';
import { runCase } from '../corpus/harness';
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
    const [keypair] = Object.values(tf.resource.nhncloud_compute_keypair_v2) as Record<string, Record<string, unknown>>[];
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

  test('in a program, synth refuses it: a ValidationError naming the construct, the id, the nearest known id and every known id; nothing is written', () => {
    // runCase also checks that the output directories stay empty.
    const error = runCase({
      name: 'a suppression of NKS-IMG1',
      build: (app) => Policies.of(app).suppress(untagged(new Chart(app.k8s, 'c')), 'NKS-IMG1', REASON),
      path: 'c/x',
      field: 'ruleId',
      rule: /a suppression names a policy rule of the program; "NKS-IMG1" is none, so it would suppress nothing/,
    });
    expect(error.value).toBe('NKS-IMG1');
    expect(error.fix).toMatch(/^use "NKS-IMG-1"; the known rule ids are NKS-IMG-1, NKS-RES-1, NKS-PROBE-1, /);
    for (const id of ['NKS-RBAC-2', 'NKS-SEC-1', 'NKS-VOL-1', 'NKS-KEY-1']) expect(error.fix).toContain(id);
  });

  test('every unknown id is reported, each at its construct; a typo far from every id gets no suggestion', () => {
    const { app } = testApp();
    const chart = new Chart(app.k8s, 'c');
    Policies.of(app).suppress(chart, 'nks-probe-1', REASON).suppress(untagged(chart), 'NO-SUCH-RULE', REASON);
    const err = (() => { try { app.synth(); } catch (e) { return e; } return undefined; })();
    expect(err).toBeInstanceOf(ValidationErrors);
    const errors = (err as ValidationErrors).errors;
    expect(errors.map((e) => [e.path, e.field, e.value])).toEqual([['c', 'ruleId', 'nks-probe-1'], ['c/x', 'ruleId', 'NO-SUCH-RULE']]);
    expect(errors[0].fix).toMatch(/^use "NKS-PROBE-1"/);
    expect(errors[1].fix).toMatch(/^use the id the report prints; the known rule ids are NKS-IMG-1/);
  });

  test("a program's own rule may be suppressed; with the rules turned off nothing is checked", () => {
    const custom = { id: 'ACME-1', level: 'warning' as const, explanation: 'team rule', fix: 'do it', checkManifest: () => [] };
    const { app } = testApp({ policies: { rules: [...NKS_RULES, custom] } });
    Policies.of(app).suppress(untagged(new Chart(app.k8s, 'c')), 'ACME-1', REASON);
    expect(() => app.synth()).toThrow(PolicyViolationError); // NKS-IMG-1 still fires: the suppression names ACME-1 only
    const off = testApp({ policies: false }).app;
    Policies.of(off).suppress(untagged(new Chart(off.k8s, 'c')), 'ACME-1', REASON);
    expect(() => off.synth()).not.toThrow();
  });

  test('a rule switched off by levels can still be suppressed without a typo warning', () => {
    const findings = findingsOf((chart) => Policies.suppress(untagged(chart), 'NKS-RES-1', REASON), { policies: { levels: { 'NKS-IMG-1': 'off', 'NKS-RES-1': 'off' } } });
    expect(findings).toEqual([]);
  });
});

// Policies at synth: opt-ins are warnings, errors stop synth before anything is written, configuration,
// and the Aspect on a plain cdktf stack.
import * as fs from 'fs';
import * as path from 'path';
import { Chart } from 'cdk8s';
import * as cdktf from 'cdktf';
import {
  InfraStack, KeyPair, KubernetesDashboard, LoadBalancerCertificate, NKS_RULES, PolicyAspect, PolicyEngine, Policies, PolicyRule,
  PolicyViolationError, RegistryCredentials, Service, StaticPod, ValidationError,
} from '../../lib';
import { outputFiles } from '../helpers';
import { PUBLIC_KEY } from '../infra/fixtures';
import { findingsOf, GOOD_CONTAINER, pod, raw, testApp } from './util';

const PEM_CERT = '-----BEGIN CERTIFICATE-----\nMIIDZTCCAk0CCQDVfXIZ2uxcCTANBgkq\n-----END CERTIFICATE-----';
const PEM_KEY = '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAz+U5VNZ8jTPs2Y4N\n-----END RSA PRIVATE KEY-----';

beforeAll(() => {
  process.env.POLICY_TEST_PASSWORD = 'registry-password';
  process.env.POLICY_TEST_CERT = PEM_CERT;
  process.env.POLICY_TEST_KEY = PEM_KEY;
});
afterAll(() => {
  for (const v of ['POLICY_TEST_PASSWORD', 'POLICY_TEST_CERT', 'POLICY_TEST_KEY']) delete process.env[v];
});

describe('explicit opt-ins are warnings, and synth goes on', () => {
  test.each([
    ['RegistryCredentials', 'NKS-SEC-2', 'c/creds/Resource', (chart: Chart) => new RegistryCredentials(chart, 'creds', { server: 'example-kr1-registry.container.nhncloud.com', username: 'me@example.com', passwordEnv: 'POLICY_TEST_PASSWORD' })],
    ['LoadBalancerCertificate.fromEnvironment', 'NKS-SEC-2', 'c/svc/Resource', (chart: Chart) => new Service(chart, 'svc', {
      type: 'LoadBalancer',
      ports: [443],
      loadBalancer: { listeners: [{ port: 443, listenerProtocol: 'TERMINATED_HTTPS', terminatedHttps: { certificate: LoadBalancerCertificate.fromEnvironment({ certificateEnv: 'POLICY_TEST_CERT', privateKeyEnv: 'POLICY_TEST_KEY' }) } }] },
    })],
    ['DashboardAccessToken clusterAdmin', 'NKS-RBAC-1', 'c/dashboard/token/Binding', (chart: Chart) => new KubernetesDashboard(chart, 'dashboard').addAccessToken('token', { clusterAdmin: true })],
  ])('%s → %s warning at its object', (_name, ruleId, objectPath, build) => {
    const { app, log, dir } = testApp();
    build(new Chart(app.k8s, 'c'));
    app.synth();
    const report = Policies.of(app).lastReport!;
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([expect.objectContaining({ ruleId, level: 'warning', path: objectPath })]);
    expect(log.join('\n')).toContain(`[warning] ${ruleId} ${objectPath}`);
    expect(fs.readdirSync(path.join(dir, 'dist')).length).toBeGreaterThan(0);
  });

  test('a generated key pair (no public key) → NKS-KEY-1 warning on its Terraform resource; with a key, none', () => {
    const { app } = testApp();
    const stack = new InfraStack(app.infra, 'infra', { region: 'KR1' });
    new KeyPair(stack, 'generated');
    new KeyPair(stack, 'given', { publicKey: PUBLIC_KEY });
    app.synth();
    expect(Policies.of(app).lastReport!.findings).toEqual([
      expect.objectContaining({ ruleId: 'NKS-KEY-1', level: 'warning', path: 'infra/generated/keypair', field: 'public_key', resource: expect.stringMatching(/^nhncloud_compute_keypair_v2\./) }),
    ]);
  });
});

describe('errors stop synth before anything is written', () => {
  test('the dashboard on a public load balancer → PolicyViolationError with the report; no output directory', () => {
    const { app, dir } = testApp();
    new KubernetesDashboard(new Chart(app.k8s, 'c'), 'dashboard').exposeViaLoadBalancer();
    let error: unknown;
    try {
      app.synth();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PolicyViolationError);
    const violation = error as PolicyViolationError;
    expect(violation.report.errors).toEqual([expect.objectContaining({ ruleId: 'NKS-LB-1', level: 'error', path: 'c/dashboard/LoadBalancer/Resource', field: 'spec.type' })]);
    expect(violation.message).toContain('1 policy error; nothing was written');
    expect(violation.message).toContain('Policies.of(app).suppress');
    expect(fs.existsSync(path.join(dir, 'dist'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'cdktf.out'))).toBe(false);
  });
});

describe('configuration', () => {
  const untagged = (chart: Chart) => raw(chart, pod([{ ...GOOD_CONTAINER, image: 'nginx' }]));

  test('policies: false turns the rules off', () => {
    const { app, dir } = testApp({ policies: false });
    untagged(new Chart(app.k8s, 'c'));
    app.synth();
    expect(Policies.of(app).lastReport).toBeUndefined();
    expect(outputFiles(path.join(dir, 'dist'))).toEqual(['c.k8s.yaml']);
  });

  test('levels raise, lower or switch off one rule', () => {
    const probeless = (chart: Chart) => raw(chart, { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: { selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ ...GOOD_CONTAINER, readinessProbe: undefined }] } } } });
    expect(findingsOf(probeless, { policies: { levels: { 'NKS-PROBE-1': 'error' } } })).toEqual([expect.objectContaining({ ruleId: 'NKS-PROBE-1', level: 'error' })]);
    expect(findingsOf(untagged, { policies: { levels: { 'NKS-IMG-1': 'warning' } } })).toEqual([expect.objectContaining({ ruleId: 'NKS-IMG-1', level: 'warning' })]);
    expect(findingsOf(untagged, { policies: { levels: { 'NKS-IMG-1': 'off' } } })).toEqual([]);
  });

  test('a rule of your own runs next to the default ones', () => {
    const noTeamLabel: PolicyRule = {
      id: 'ACME-LABEL-1',
      level: 'error',
      explanation: 'Every object names its owning team.',
      fix: 'Add the label team.',
      checkManifest: (obj) => ((obj.metadata as { labels?: Record<string, string> })?.labels?.team ? [] : [{ message: 'no team label', field: 'metadata.labels' }]),
    };
    const findings = findingsOf((chart) => raw(chart, pod([GOOD_CONTAINER])), { policies: { rules: [...NKS_RULES, noTeamLabel] } });
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'ACME-LABEL-1', level: 'error', path: 'c/x', field: 'metadata.labels' })]);
  });

  test.each([
    ['a level for a rule that does not run', { levels: { 'NKS-NOPE-1': 'error' as const } }, 'levels.NKS-NOPE-1'],
    ['a level for the suppression rule', { levels: { 'NKS-POLICY-1': 'off' as const } }, 'levels.NKS-POLICY-1'],
    ['a level that is none', { levels: { 'NKS-IMG-1': 'fatal' as 'error' } }, 'levels.NKS-IMG-1'],
    ['a rule id that cannot be an annotation key', { rules: [{ ...NKS_RULES[0], id: 'my rule' }] }, 'rules[0].id'],
    ['two rules with one id', { rules: [NKS_RULES[0], NKS_RULES[0]] }, 'rules[1].id'],
  ])('%s → ValidationError when the app is created', (_name, policies, field) => {
    let error: unknown;
    try {
      testApp({ policies });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ path: 'policies', field });
  });

  test('Policies.of(any construct of the program) is the app\'s', () => {
    const { app } = testApp({ policies: false });
    const chart = new Chart(app.k8s, 'c');
    const stack = new InfraStack(app.infra, 'infra', { region: 'KR1' });
    expect(Policies.of(chart)).toBe(Policies.of(app));
    expect(Policies.of(stack)).toBe(Policies.of(app));
    expect(Policies.of(app).enabled).toBe(false);
  });
});

describe('as an Aspect', () => {
  test('on a plain cdktf stack, cdktf runs it during synth', () => {
    const app = cdktf.Testing.app();
    const stack = new InfraStack(app, 'infra', { region: 'KR1' });
    new KeyPair(stack, 'kp');
    const aspect = new PolicyAspect(new PolicyEngine());
    cdktf.Aspects.of(stack).add(aspect);
    expect(aspect.report().findings).toEqual([]);
    cdktf.Testing.synth(stack);
    expect(aspect.report().findings).toEqual([expect.objectContaining({ ruleId: 'NKS-KEY-1', path: 'infra/kp/keypair' })]);
  });

  test('over nks-cdk constructs: the guide\'s static pod breaks NKS-IMG-1 and NKS-RES-1 on its Pod object', () => {
    const props = { name: 'static-web', containerName: 'web', image: 'nginx' };
    expect(findingsOf((chart) => new StaticPod(chart, 'pod', props)).map((f) => `${f.ruleId} ${f.level} ${f.path}`)).toEqual([
      'NKS-IMG-1 error c/pod/Resource/Resource',
      'NKS-RES-1 warning c/pod/Resource/Resource',
    ]);
  });
});

// `npm run check` (scripts/check.ts) on output directories that already exist.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { checkOutput, checkStack, formatCheckResult, main } from '../../scripts/check';
import { synth, tmpdir } from '../helpers';

const root = path.resolve(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const example = (name: string) => require(path.join(root, 'examples', name, 'main.ts')).build;

/** Runs main() and returns its status and printed text. */
function run(argv: string[]): { status: number; text: string } {
  const printed: string[] = [];
  const status = main(argv, (t) => printed.push(t));
  return { status, text: printed.join('\n') };
}

describe('on a synthesized platform', () => {
  const out = synth(example('platform'));
  const args = ['--dist', out.k8sOutdir, '--cdktf-out', out.outdir];

  test('passes: manifests, every stack against the schema its required_providers names, policy warnings only', () => {
    const { status, text } = run(args);
    expect(text).toMatch(/Kubernetes manifests: \d+ file\(s\), 0 issue\(s\) of the strict check/);
    expect(text).toContain('cdk.tf.json: 0 issue(s) against nhn-cloud/nhncloud (nhncloud-1.0.7.json)');
    expect(text).toContain('[warning] NKS-KEY-1');
    expect(text).toContain('[warning] NKS-PROBE-1');
    expect(text).toMatch(/Policy report: 0 errors, \d+ warnings, 0 suppressed/);
    expect(text.split('\n').pop()).toBe('Check passed.');
    expect(status).toBe(0);
  });

  test('fails on corrupted output (exit 1), naming file, object and field of each problem', () => {
    const dist = tmpdir('nks-check-dist-');
    const cdktfOut = tmpdir('nks-check-tf-');
    fs.cpSync(out.k8sOutdir, dist, { recursive: true });
    fs.cpSync(out.outdir, cdktfOut, { recursive: true });
    const yamlFile = path.join(dist, 'web.k8s.yaml');
    fs.writeFileSync(yamlFile, fs.readFileSync(yamlFile, 'utf8').replace('image: nginx:1.14.2', 'image: nginx:latest\n          imagePullPolcy: Always'));
    const tfFile = path.join(cdktfOut, 'stacks', 'nks-infra', 'cdk.tf.json');
    const tf = JSON.parse(fs.readFileSync(tfFile, 'utf8'));
    Object.values(tf.resource.nhncloud_kubernetes_cluster_v1 as Record<string, Record<string, unknown>>)[0].node_cuont = 3;
    fs.writeFileSync(tfFile, JSON.stringify(tf));

    const { status, text } = run(['--dist', dist, '--cdktf-out', cdktfOut]);
    expect(text).toContain('imagePullPolcy: unknown field "imagePullPolcy"');
    expect(text).toContain(path.relative(process.cwd(), yamlFile));
    expect(text).toMatch(/resource\.nhncloud_kubernetes_cluster_v1\.\S+ node_cuont: .*\[unknown-attribute\]/);
    expect(text).toMatch(/\[error\] NKS-IMG-1 .*web\.k8s\.yaml: apps\/v1\/Deployment nginx-deployment.* uses the tag "latest"/);
    expect(text.split('\n').pop()).toBe('Check FAILED.');
    expect(status).toBe(1);

    const json = JSON.parse(run(['--dist', dist, '--cdktf-out', cdktfOut, '--json']).text);
    expect(json.ok).toBe(false);
    expect(json.manifests.issues).toEqual([expect.objectContaining({ rule: 'unknown-field', file: path.relative(process.cwd(), yamlFile), object: 'apps/v1/Deployment nginx-deployment' })]);
    expect(json.stacks[0].issues).toEqual([expect.objectContaining({ rule: 'unknown-attribute', path: 'node_cuont' })]);
    expect(json.policy.findings).toEqual(expect.arrayContaining([expect.objectContaining({ ruleId: 'NKS-IMG-1', level: 'error', suppressed: null })]));
  });

  test('as a process: the exit status is the command\'s', () => {
    const check = (argv: string[]) => spawnSync(process.execPath, ['-r', path.join(root, 'test', 'policy', 'ts-register.js'), path.join(root, 'scripts', 'check.ts'), ...argv], { encoding: 'utf8', timeout: 60_000 });
    const pass = check(args);
    expect(pass.stdout).toContain('Check passed.');
    expect(pass.status).toBe(0);
    const empty = tmpdir('nks-check-empty-');
    const nothing = check(['--dist', path.join(empty, 'dist'), '--cdktf-out', path.join(empty, 'cdktf.out')]);
    expect(nothing.stdout).toContain('nothing to check');
    expect(nothing.status).toBe(2);
  });
});

test('suppressions written into manifests are honoured, with their reasons', () => {
  const out = synth(example('static-pod'));
  const result = checkOutput({ dist: out.k8sOutdir, cdktfOut: path.join(out.k8sOutdir, 'none') });
  expect(result.ok).toBe(true);
  expect(result.policy.suppressed).toEqual([expect.objectContaining({ ruleId: 'NKS-IMG-1', suppressed: expect.objectContaining({ reason: expect.stringContaining('seed 003') }) })]);
  expect(formatCheckResult(result)).toContain('Suppressed at');
});

describe('the Terraform schema follows the stack\'s required_providers', () => {
  const nhn = {
    terraform: { required_providers: { nhncloud: { source: 'nhn-cloud/nhncloud', version: '1.0.7' }, kubernetes: { source: 'hashicorp/kubernetes', version: '2.38.0' } } },
    provider: { nhncloud: [{ region: 'KR1' }], kubernetes: [{ host: 'https://example' }] },
    resource: {
      nhncloud_compute_keypair_v2: { kp: { name: 'key', public_key: 'ssh-ed25519 AAAA test' } },
      kubernetes_manifest: { m: { manifest: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'x' } } } },
    },
  };

  test('nhncloud resources against the NHN Cloud schema; providers without a vendored schema are named, not checked', () => {
    const result = checkStack(nhn, 'cdk.tf.json');
    expect(result).toEqual({ file: 'cdk.tf.json', checkedAgainst: ['nhn-cloud/nhncloud (nhncloud-1.0.7.json)'], unchecked: ['kubernetes'], issues: [] });
  });

  test('an OpenStack resource in an NHN stack is unknown there', () => {
    const mixed = { ...nhn, resource: { ...nhn.resource, openstack_compute_keypair_v2: { kp: { name: 'key' } } } };
    expect(checkStack(mixed, 'cdk.tf.json').issues).toEqual([expect.objectContaining({ rule: 'unknown-resource-type', address: 'resource.openstack_compute_keypair_v2.kp' })]);
  });
});

test('bad arguments → usage, status 2', () => {
  const { status, text } = run(['--dits', 'x']);
  expect(status).toBe(2);
  expect(text).toContain('usage: npm run check');
});

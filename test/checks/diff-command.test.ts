// `npm run diff` (scripts/diff.ts): the change report against a saved cdk.tf.json, or from a plan in the shape
// `terraform show -json` prints (test/checks/fixtures/plan.json), with exit code 1 when a protected resource would
// be replaced or destroyed.
import * as fs from 'fs';
import * as path from 'path';
import { Cluster, ImageRef, InfraStack, KeyPair, Network, PlatformApp } from '../../lib';
import { main } from '../../scripts/diff';
import { tmpdir } from '../helpers';

const PLAN = path.join(__dirname, 'fixtures', 'plan.json');
const PUBLIC_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIK3eYQ0EXAMPLEKEYDATAFORTESTS1234567890ab diff@nks';

/** Synthesizes a one-cluster nhncloud program into `outdir`. */
function synthInto(outdir: string, flavor: string, protect = false): void {
  const app = new PlatformApp({ outdir, k8sOutdir: path.join(path.dirname(outdir), 'dist'), log: () => undefined });
  const stack = new InfraStack(app.infra, 'nks-infra', { target: 'nhncloud' });
  const network = new Network(stack, 'vpc', { cidr: '192.168.0.0/24' });
  const keyPair = new KeyPair(stack, 'key', { publicKey: PUBLIC_KEY });
  new Cluster(stack, 'cluster', { name: 'my-cluster', network, image: ImageRef.fromId('4f8b6bb0-3c34-4f5e-9a3c-0d1e2f3a4b5c'), availabilityZone: 'kr-pub-a', flavor, keyPair, protect });
  app.synth();
}

function run(args: string[]): { code: number; out: string } {
  const lines: string[] = [];
  const code = main(args, (l) => lines.push(l));
  return { code, out: lines.join('\n') };
}

describe('npm run diff against a saved cdk.tf.json', () => {
  const dir = tmpdir('nks-diff-cmd-');
  const saved = path.join(dir, 'main-branch.cdk.tf.json');
  const outdir = path.join(dir, 'pr', 'cdktf.out');
  beforeAll(() => {
    synthInto(path.join(dir, 'main', 'cdktf.out'), 'm2.c4m8');
    fs.copyFileSync(path.join(dir, 'main', 'cdktf.out', 'stacks', 'nks-infra', 'cdk.tf.json'), saved);
    synthInto(outdir, 'm2.c8m16');
  });

  test('prints the cluster replacement and its warning, and exits 0 when nothing protected is hit', () => {
    const { code, out } = run([saved, outdir]);
    expect(code).toBe(0);
    expect(out).toMatch(/^nks-infra: 0 to create, 0 to update in place, 1 to replace, 0 to destroy \(against .*main-branch\.cdk\.tf\.json\)$/m);
    expect(out).toMatch(/^ {2}-\/\+ nhncloud_kubernetes_cluster_v1\.cluster_\w+ \(nks-infra\/cluster\/cluster\): flavor_id forces replacement$/m);
    expect(out).toMatch(/^warning nks-infra\/cluster: nhncloud_kubernetes_cluster_v1\.\S+ will be replaced .*flavor_id \(flavor\)/m);
  });

  test('a loose file on either side takes the name of the stack on the other', () => {
    const loose = path.join(dir, 'pr.cdk.tf.json');
    fs.copyFileSync(path.join(outdir, 'stacks', 'nks-infra', 'cdk.tf.json'), loose);
    expect(run([path.join(dir, 'main', 'cdktf.out'), loose]).out).toMatch(/^nks-infra: 0 to create, 0 to update in place, 1 to replace/);
    expect(run([saved, loose]).out).toMatch(/^pr: 0 to create/);
  });

  test('--strict exits 1 on that warning; the same output compared with itself is "no changes"', () => {
    expect(run([saved, outdir, '--strict']).code).toBe(1);
    expect(run([outdir, outdir])).toEqual({ code: 0, out: 'no changes' });
  });

  test('exits 1 when the saved configuration protected the cluster, with the error in the output and in --json', () => {
    const protectedDir = path.join(dir, 'protected', 'cdktf.out');
    synthInto(protectedDir, 'm2.c4m8', true);
    const { code, out } = run([path.join(protectedDir, 'stacks', 'nks-infra'), outdir]);
    expect(code).toBe(1);
    expect(out).toMatch(/^error \[nks-infra\/cluster\] flavor = .* is protected/m);
    const json = JSON.parse(run([path.join(protectedDir, 'stacks', 'nks-infra', 'cdk.tf.json'), outdir, '--json']).out);
    expect(json.ok).toBe(false);
    expect(json.errors).toEqual([expect.objectContaining({ path: 'nks-infra/cluster', field: 'flavor' })]);
    expect(json.report.stacks[0].changes[0]).toMatchObject({ action: 'replace', forcedBy: ['flavor_id'], protected: true });
  });

  test('exits 2 on bad arguments and unreadable input', () => {
    expect(run([]).code).toBe(2);
    expect(run([path.join(dir, 'missing.json'), outdir])).toEqual({ code: 2, out: expect.stringMatching(/does not exist/) });
    fs.writeFileSync(path.join(dir, 'broken.json'), '{');
    expect(run([path.join(dir, 'broken.json'), outdir]).out).toMatch(/is not a JSON object/);
    expect(run(['--plan']).code).toBe(2);
    expect(run(['--nope', saved]).code).toBe(2);
  });
});

describe('npm run diff on a plan (terraform show -json)', () => {
  test("reads resource_changes[].change.actions: replace with replace_paths, update, destroy and create; no-op and data reads are left out", () => {
    const { code, out } = run(['--plan', PLAN]);
    expect(code).toBe(0);
    expect(out.split('\n').slice(0, 5)).toEqual([
      expect.stringMatching(/^plan: 1 to create, 1 to update in place, 1 to replace, 1 to destroy \(against .*plan\.json\)$/),
      '  ~ nhncloud_blockstorage_volume_v2.data_volume_0717055C: description',
      '  - nhncloud_blockstorage_volume_v2.scratch_volume_1A2B3C4D [delete_because_no_resource_config]',
      '  + nhncloud_compute_keypair_v2.keypair_6D1E7392',
      '  -/+ nhncloud_kubernetes_cluster_v1.cluster_A4C38409: flavor_id forces replacement [replace_because_cannot_update]',
    ]);
    // Without the configuration, a warning is about the address (under the stack's name).
    expect(out).toMatch(/^warning plan\/nhncloud_kubernetes_cluster_v1\.cluster_A4C38409: nhncloud_kubernetes_cluster_v1\.cluster_A4C38409 will be replaced .*flavor_id \(flavor\) forces a new cluster/m);
    expect(out).toMatch(/^warning plan\/nhncloud_blockstorage_volume_v2\.scratch_volume_1A2B3C4D: .* will be destroyed/m);
    expect(out).not.toMatch(/vpc_6776A399|flavor-m2-c8m16/);
    expect(run(['--plan', PLAN, '--strict']).code).toBe(1);
  });

  test('with the configuration it was made from: construct paths, and exit 1 for a protected resource', () => {
    const dir = tmpdir('nks-diff-plan-');
    const config = {
      resource: {
        nhncloud_kubernetes_cluster_v1: { cluster_A4C38409: { '//': { metadata: { path: 'nks-infra/cluster/cluster' } }, name: 'my-cluster', lifecycle: { prevent_destroy: true } } },
        nhncloud_blockstorage_volume_v2: { data_volume_0717055C: { '//': { metadata: { path: 'nks-infra/data/volume' } }, name: 'data' } },
      },
    };
    const file = path.join(dir, 'stacks', 'nks-infra', 'cdk.tf.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(config));
    const { code, out } = run(['--plan', PLAN, '--config', path.join(dir)]);
    expect(code).toBe(1);
    expect(out).toMatch(/^nks-infra: /m);
    expect(out).toMatch(/^ {2}-\/\+ nhncloud_kubernetes_cluster_v1\.cluster_A4C38409 \(nks-infra\/cluster\/cluster\): flavor_id forces replacement \[replace_because_cannot_update\] \[protected\]$/m);
    expect(out).toMatch(/^error \[nks-infra\/cluster\] flavor = .*is protected/m);
  });

  test('refuses what is not a plan, and a plan format it does not know', () => {
    const dir = tmpdir('nks-diff-plan-');
    fs.writeFileSync(path.join(dir, 'state.json'), JSON.stringify({ format_version: '1.0', values: {} }));
    expect(run(['--plan', path.join(dir, 'state.json')])).toEqual({ code: 2, out: expect.stringMatching(/not a plan in JSON/) });
    fs.writeFileSync(path.join(dir, 'v2.json'), JSON.stringify({ format_version: '2.0', resource_changes: [] }));
    expect(run(['--plan', path.join(dir, 'v2.json')]).out).toMatch(/format_version 2\.0 is not supported/);
  });
});

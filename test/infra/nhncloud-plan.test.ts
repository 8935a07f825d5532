// The plan-level consequence of what the nhncloud cluster's lifecycle writes (issue 13 §2, finding 6), with a
// real Terraform: after an in-place upgrade the provider's Read puts the API's kube_tag into state, and `labels`
// is ForceNew, so without `ignore_changes = [labels["kube_tag"]]` the next plan replaces the cluster. The NHN
// provider cannot run offline, so its ForceNew map is played by Terraform's built-in `terraform_data`, whose
// `triggers_replace` replaces the resource on any change: the cluster's synthesized labels and ignore_changes
// entries go onto it unchanged (`labels[...]` becomes `triggers_replace[...]`), the state is drifted as the
// provider would drift it, and `terraform plan` says what it would do. Needs `terraform` on PATH (the built-in
// provider needs no download); without it these tests are skipped.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ImageRef } from '../../lib';
import { onlyResource, tmpdir, TfJson } from '../helpers';
import { baseCluster } from './fixtures';
import { synthNhn } from './nhncloud-helpers';

const SGW = { ncr: '48f4ff38-d14b-4f34-a40c-705524e6a755', obs: '23c550cb-6a5b-4eaa-903a-711c13316d91' };
const hasTerraform = spawnSync('terraform', ['version'], { encoding: 'utf8' }).status === 0;

function terraform(dir: string, ...args: string[]) {
  const run = spawnSync('terraform', [...args, '-input=false', '-no-color'], { cwd: dir, encoding: 'utf8', env: { ...process.env, TF_IN_AUTOMATION: '1' } });
  return { status: run.status, out: `${run.stdout}${run.stderr}` };
}

/**
 * Applies a stand-in for `cluster` (its labels, plan-time references replaced by fixed values, as the first
 * apply resolves them), sets `drift` in state as the provider's Read would, and plans: `keepIgnores` false drops
 * the cluster's ignore_changes entries (the control).
 */
function planAfterDrift(cluster: TfJson, drift: Record<string, string>, keepIgnores = true): { changes: boolean; out: string } {
  const dir = tmpdir('nks-plan-');
  const labels = Object.entries(cluster.labels as Record<string, string>).map(([k, v]) => [k, v.includes('${') ? `looked-up-${k}` : v]);
  // A map of strings, as the provider's `labels` is (`["map","string"]` in the nhncloud 1.0.7 schema): on an
  // object value Terraform would ignore the whole attribute for one ignored key.
  const map = `\${tomap({ ${labels.map(([k, v]) => `${JSON.stringify(k)} = ${JSON.stringify(v)}`).join(', ')} })}`;
  const ignores = (cluster.lifecycle.ignore_changes as string[]).filter((p) => p.startsWith('labels[')).map((p) => p.replace(/^labels\[/, 'triggers_replace['));
  const write = (withIgnores: boolean) =>
    fs.writeFileSync(
      path.join(dir, 'main.tf.json'),
      JSON.stringify({ resource: { terraform_data: { cluster: { triggers_replace: map, ...(withIgnores ? { lifecycle: { ignore_changes: ignores } } : {}) } } } }),
    );
  write(true);
  for (const step of [['init'], ['apply', '-auto-approve']]) {
    const r = terraform(dir, ...step);
    if (r.status !== 0) throw new Error(`terraform ${step[0]} failed:\n${r.out}`);
  }
  const statePath = path.join(dir, 'terraform.tfstate');
  const state = JSON.parse(fs.readFileSync(statePath, 'utf8'));
  Object.assign(state.resources[0].instances[0].attributes.triggers_replace.value, drift);
  state.serial += 1;
  fs.writeFileSync(statePath, JSON.stringify(state));
  write(keepIgnores);
  const plan = terraform(dir, 'plan', '-refresh=false', '-detailed-exitcode');
  if (plan.status !== 0 && plan.status !== 2) throw new Error(`terraform plan failed:\n${plan.out}`);
  return { changes: plan.status === 2, out: plan.out };
}

(hasTerraform ? describe : describe.skip)('nhncloud cluster lifecycle at plan (terraform on PATH)', () => {
  jest.setTimeout(60_000);

  test('after an upgrade the API reports the new kube_tag: no replacement; without the ignore, a replacement', () => {
    const { tf } = synthNhn((app) => void baseCluster(app, { kubernetesVersion: 'v1.32.3', serviceGateways: SGW, upgrade: { kubernetesVersion: 'v1.33.4' } }, { target: 'nhncloud' }));
    const cluster = onlyResource(tf.infra, 'nhncloud_kubernetes_cluster_v1');
    expect(planAfterDrift(cluster, { kube_tag: 'v1.33.4' }).changes).toBe(false);
    const control = planAfterDrift(cluster, { kube_tag: 'v1.33.4' }, false);
    expect(control.changes).toBe(true);
    expect(control.out).toMatch(/must be replaced/);
  });

  test('a newer node image matching the lookup: no replacement', () => {
    const { tf } = synthNhn((app) => void baseCluster(app, { serviceGateways: SGW, image: ImageRef.fromNameRegex('^Ubuntu Server 22\\.04.* - Container') }, { target: 'nhncloud' }));
    const cluster = onlyResource(tf.infra, 'nhncloud_kubernetes_cluster_v1');
    expect(planAfterDrift(cluster, { node_image: 'a-newer-image-id' }).changes).toBe(false);
    expect(planAfterDrift(cluster, { node_image: 'a-newer-image-id' }, false).changes).toBe(true);
  });

  test('a change the program did not ask for elsewhere in the labels still shows as a replacement', () => {
    const { tf } = synthNhn((app) => void baseCluster(app, { serviceGateways: SGW }, { target: 'nhncloud' }));
    const drifted = planAfterDrift(onlyResource(tf.infra, 'nhncloud_kubernetes_cluster_v1'), { boot_volume_size: '100' });
    expect(drifted.changes).toBe(true);
    expect(drifted.out).toMatch(/must be replaced/);
  });
});

// Destructive changes reported at synth: each synth compares its Terraform output with the previous one in the
// outdir and reports per resource what applying it does (create, update in place, replace naming the arguments
// that force it, destroy); replacing or destroying a cluster, node group, volume or instance is a warning,
// and an error when the resource is protected (`protect`, which also writes lifecycle.prevent_destroy).
import * as fs from 'fs';
import * as path from 'path';
import {
  BlockStorageVolume,
  BlockStorageVolumeProps,
  Cluster,
  ClusterProps,
  GpuInstance,
  ImageRef,
  InfraStack,
  InfraStackProps,
  KeyPair,
  Network,
  PlatformApp,
  ResourceChange,
  SynthResult,
  ValidationError,
  ValidationErrors,
} from '../../lib';
import { assessChanges, diffTerraformConfigs } from '../../lib/checks/terraform-diff';
import { runCase } from '../corpus/harness';
import { tmpdir } from '../helpers';
import { OPENSTACK, SERVICE_GATEWAYS } from '../infra/fixtures';

const PUBLIC_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIK3eYQ0EXAMPLEKEYDATAFORTESTS1234567890ab diff@nks';
const IMAGE_ID = '4f8b6bb0-3c34-4f5e-9a3c-0d1e2f3a4b5c';
type Target = 'openstack' | 'nhncloud';

/** What a test program varies. */
interface Program {
  readonly target?: Target;
  readonly stack?: InfraStackProps;
  readonly cluster?: Partial<ClusterProps>;
  readonly subnetCidr?: string;
  /** Volumes by construct id (none: no volume). */
  readonly volumes?: Record<string, Partial<BlockStorageVolumeProps>>;
  /** A node group `workers` with this flavor. */
  readonly workers?: string;
  /** A GPU instance `vm`. */
  readonly instance?: boolean;
}

/** Declares stack `infra` with network `vpc`, key pair `key`, cluster `cluster` and what `p` adds. */
function declare(app: PlatformApp, p: Program): void {
  // NHN Cloud KR1 by default; the openstack target on the test cloud profile (its zone and flavors).
  const nhn = (p.target ?? 'nhncloud') === 'nhncloud';
  const zone = nhn ? 'kr-pub-a' : 'nova';
  const stack = new InfraStack(app.infra, 'infra', { region: 'KR1', ...(nhn ? { target: 'nhncloud' } : OPENSTACK), ...p.stack });
  const network = new Network(stack, 'vpc', { cidr: p.subnetCidr ?? '192.168.0.0/24' });
  const keyPair = new KeyPair(stack, 'key', { publicKey: PUBLIC_KEY });
  const cluster = new Cluster(stack, 'cluster', {
    name: 'my-cluster',
    network,
    image: ImageRef.fromId(IMAGE_ID),
    availabilityZone: zone,
    flavor: nhn ? 'm2.c4m8' : 'm1.large',
    nodeCount: 2,
    keyPair,
    ...(nhn ? { serviceGateways: SERVICE_GATEWAYS } : {}),
    ...p.cluster,
  });
  if (p.workers) cluster.addNodeGroup('workers', { flavor: p.workers });
  for (const [id, props] of Object.entries(p.volumes ?? {})) new BlockStorageVolume(stack, id, { sizeGb: 100, availabilityZone: zone, ...props });
  if (p.instance) new GpuInstance(stack, 'vm', { flavor: nhn ? 'g2.t4.c8m64' : 'g1.t4', image: ImageRef.fromId(IMAGE_ID), availabilityZone: zone, network, keyPair });
}

/** One output directory synthesized again and again, as a developer does. */
class Workdir {
  public readonly dir = tmpdir('nks-diff-');
  public readonly outdir = path.join(this.dir, 'cdktf.out');
  public log: string[] = [];

  public synth(p: Program): SynthResult {
    this.log = [];
    const app = new PlatformApp({ outdir: this.outdir, k8sOutdir: path.join(this.dir, 'dist'), log: (l) => this.log.push(l) });
    declare(app, p);
    return app.synth();
  }

  /** The ValidationErrors a synth of `p` throws. */
  public refused(p: Program): readonly ValidationError[] {
    try {
      this.synth(p);
    } catch (e) {
      if (e instanceof ValidationErrors) return e.errors;
      throw e;
    }
    throw new Error('expected the synth to be refused');
  }

  public get tf(): Record<string, any> {
    return JSON.parse(fs.readFileSync(path.join(this.outdir, 'stacks', 'infra', 'cdk.tf.json'), 'utf8'));
  }
}

function changesOf(result: SynthResult): ResourceChange[] {
  return result.changes!.stacks.flatMap((s) => s.changes);
}

function only(result: SynthResult, type: string): ResourceChange {
  const found = changesOf(result).filter((c) => c.type === type);
  expect(found.map((c) => `${c.action} ${c.address}`)).toHaveLength(1);
  return found[0];
}

function resourceOf(tf: Record<string, any>, type: string): Record<string, any> {
  const all = Object.values(tf.resource?.[type] ?? {}) as Record<string, any>[];
  expect(all).toHaveLength(1);
  return all[0];
}

describe('the change report of synth', () => {
  test('the first synth into an outdir creates every resource and prints nothing about changes', () => {
    const w = new Workdir();
    const result = w.synth({ volumes: { data: {} } });
    const stack = result.changes!.stacks.find((s) => s.stack === 'infra')!;
    expect(stack.against).toBeUndefined();
    expect(stack.changes.length).toBeGreaterThanOrEqual(6);
    expect(new Set(stack.changes.map((c) => c.action))).toEqual(new Set(['create']));
    expect(stack.changes.find((c) => c.type === 'nhncloud_kubernetes_cluster_v1')).toMatchObject({ kind: 'cluster', constructPath: 'infra/cluster/cluster', protected: false });
    expect(w.log.filter((l) => l.startsWith('[changes]'))).toEqual([]);
    expect(result.warnings.filter((x) => /will be (replaced|destroyed)/.test(x.message))).toEqual([]);
  });

  test('the same program again changes nothing', () => {
    const w = new Workdir();
    w.synth({ volumes: { data: {} } });
    const again = w.synth({ volumes: { data: {} } });
    expect(changesOf(again)).toEqual([]);
    expect(again.changes!.stacks[0].against).toMatch(/cdktf\.out[\\/]stacks[\\/]infra[\\/]cdk\.tf\.json$/);
    expect(w.log.filter((l) => l.startsWith('[changes]'))).toEqual([]);
  });

  test('create: a volume added is created, and nothing else changes', () => {
    const w = new Workdir();
    w.synth({});
    const result = w.synth({ volumes: { data: {} } });
    expect(changesOf(result).map((c) => [c.action, c.type])).toEqual([['create', 'nhncloud_blockstorage_volume_v2']]);
    expect(w.log).toContain('[changes] infra: 1 to create, 0 to update in place, 0 to replace, 0 to destroy (against ' + result.changes!.stacks[0].against + ')');
    expect(w.log.some((l) => /^ {2}\+ nhncloud_blockstorage_volume_v2\.data_volume_\w+ \(infra\/data\/volume\)$/.test(l))).toBe(true);
  });

  test('update in place: a new volume description is an update, with no warning', () => {
    const w = new Workdir();
    w.synth({ volumes: { data: { description: 'logs' } } });
    const result = w.synth({ volumes: { data: { description: 'logs and metrics' } } });
    expect(only(result, 'nhncloud_blockstorage_volume_v2')).toMatchObject({ action: 'update', changed: ['description'], forcedBy: [] });
    expect(changesOf(result)).toHaveLength(1);
    expect(result.warnings.filter((x) => x.path === 'infra/data')).toEqual([]);
    expect(w.log.some((l) => /~ nhncloud_blockstorage_volume_v2\.\S+ \(infra\/data\/volume\): description$/.test(l))).toBe(true);
  });

  test("replace: changing the cluster's flavor replaces the cluster, and synth prints it with what to do instead", () => {
    const w = new Workdir();
    w.synth({});
    const result = w.synth({ cluster: { flavor: 'm2.c8m16' } });
    const cluster = only(result, 'nhncloud_kubernetes_cluster_v1');
    expect(cluster).toMatchObject({ action: 'replace', forcedBy: ['flavor_id'], kind: 'cluster', protected: false });
    // nhn-cloud/terraform-provider-nhncloud v1.0.7, where flavor_id is ForceNew.
    expect(cluster.forcedBySource).toEqual({ flavor_id: 'nhncloud/resource_nhncloud_kubernetes_cluster_v1.go:210' });
    expect(w.log.some((l) => /^ {2}-\/\+ nhncloud_kubernetes_cluster_v1\.cluster_\w+ \(infra\/cluster\/cluster\): flavor_id forces replacement$/.test(l))).toBe(true);
    const warning = result.warnings.find((x) => x.path === 'infra/cluster' && /will be replaced/.test(x.message))!;
    expect(warning.message).toMatch(/flavor_id \(flavor\) forces a new cluster/);
    expect(warning.message).toMatch(/addNodeGroup/);
    expect(warning.message).toMatch(/resizeTo/);
    expect(warning.message).toMatch(/protect: true/);
    expect(w.log.some((l) => l.startsWith('[warning] nks-cdk:resourceReplaced infra/cluster: ') && /will be replaced/.test(l))).toBe(true);
    // The new output is written: a warning does not stop synth.
    expect(resourceOf(w.tf, 'nhncloud_kubernetes_cluster_v1').flavor_id).toMatch(/m2-c8m16/);
  });

  test('replace on the openstack target: Magnum clusters are replaced by a new flavor too', () => {
    const w = new Workdir();
    w.synth({ target: 'openstack' });
    const result = w.synth({ target: 'openstack', cluster: { flavor: 'm1.small' } });
    expect(only(result, 'openstack_containerinfra_cluster_v1')).toMatchObject({ action: 'replace', forcedBy: ['flavor'] });
    expect(result.warnings.some((x) => x.path === 'infra/cluster' && /flavor \(flavor\) forces a new cluster/.test(x.message))).toBe(true);
  });

  test('a volume size: replaced on nhncloud (size is ForceNew there), extended in place on openstack', () => {
    const nhn = new Workdir();
    nhn.synth({ volumes: { data: { sizeGb: 100 } } });
    const grown = nhn.synth({ volumes: { data: { sizeGb: 200 } } });
    expect(only(grown, 'nhncloud_blockstorage_volume_v2')).toMatchObject({ action: 'replace', forcedBy: ['size'], kind: 'volume' });
    const warning = grown.warnings.find((x) => x.path === 'infra/data')!;
    expect(warning.message).toMatch(/size \(sizeGb\) forces a new volume/);
    expect(warning.message).toMatch(/data/);
    const os = new Workdir();
    os.synth({ target: 'openstack', volumes: { data: { sizeGb: 100 } } });
    const extended = os.synth({ target: 'openstack', volumes: { data: { sizeGb: 200 } } });
    expect(only(extended, 'openstack_blockstorage_volume_v3')).toMatchObject({ action: 'update', changed: ['size'] });
    expect(extended.warnings.filter((x) => x.path === 'infra/data')).toEqual([]);
  });

  test('destroy: a volume removed from the program is destroyed, with a warning', () => {
    const w = new Workdir();
    w.synth({ volumes: { data: {} } });
    const result = w.synth({});
    expect(only(result, 'nhncloud_blockstorage_volume_v2')).toMatchObject({ action: 'destroy', constructPath: 'infra/data/volume', kind: 'volume' });
    expect(w.log.some((l) => /^ {2}- nhncloud_blockstorage_volume_v2\.data_volume_\w+ \(infra\/data\/volume\)$/.test(l))).toBe(true);
    expect(result.warnings.find((x) => x.path === 'infra/data')!.message).toMatch(/will be destroyed: it is not in the new configuration\. Its data goes with it\..*overrideLogicalId/);
  });

  test('a construct renamed: destroyed at its old address and created at the new one, and the warning says so', () => {
    const w = new Workdir();
    w.synth({ volumes: { data: {} } });
    const result = w.synth({ volumes: { storage: {} } });
    expect(changesOf(result).map((c) => c.action).sort()).toEqual(['create', 'destroy']);
    expect(result.warnings.find((x) => x.path === 'infra/data')!.message).toMatch(/is created in the same stack: if it is this volume renamed/);
  });

  test('a replacement propagates: a new subnet range replaces the subnet, and with it the cluster and its node groups', () => {
    const w = new Workdir();
    w.synth({ workers: 'm2.c4m8' });
    const result = w.synth({ workers: 'm2.c4m8', subnetCidr: '192.168.1.0/24' });
    expect(only(result, 'nhncloud_networking_vpcsubnet_v2')).toMatchObject({ action: 'replace', forcedBy: ['cidr'] });
    const subnet = only(result, 'nhncloud_networking_vpcsubnet_v2').address;
    const cluster = only(result, 'nhncloud_kubernetes_cluster_v1');
    expect(cluster).toMatchObject({ action: 'replace', forcedBy: ['fixed_subnet'], through: [subnet] });
    expect(only(result, 'nhncloud_kubernetes_nodegroup_v1')).toMatchObject({ action: 'replace', forcedBy: ['cluster_id'], through: [cluster.address] });
    expect(result.warnings.find((x) => x.path === 'infra/cluster')!.message).toMatch(new RegExp(`through ${subnet.replace(/\./g, '\\.')} being replaced`));
  });

  test('what lifecycle.ignore_changes names is no change: a new nodeCount on nhncloud (resized with resizeTo) changes nothing', () => {
    const w = new Workdir();
    w.synth({ cluster: { nodeCount: 2 } });
    expect(changesOf(w.synth({ cluster: { nodeCount: 3 } }))).toEqual([]);
  });
});

describe('protect', () => {
  test('writes lifecycle.prevent_destroy on the resource, keeping the lifecycle the renderer wrote', () => {
    const w = new Workdir();
    w.synth({ cluster: { protect: true }, volumes: { data: { protect: true }, scratch: {} } });
    const cluster = resourceOf(w.tf, 'nhncloud_kubernetes_cluster_v1');
    // The renderer's own: node_count (resized with resizeTo) and the kube_tag label (moved by an upgrade).
    expect(cluster.lifecycle).toEqual({ ignore_changes: ['node_count', 'labels["kube_tag"]'], prevent_destroy: true });
    const volumes = Object.values(w.tf.resource.nhncloud_blockstorage_volume_v2) as Record<string, any>[];
    expect(volumes.map((v) => [v.name, v.lifecycle?.prevent_destroy])).toEqual([
      ['data', true],
      ['scratch', undefined],
    ]);
    // Nothing else is protected.
    expect(resourceOf(w.tf, 'nhncloud_networking_vpc_v2').lifecycle).toBeUndefined();
  });

  test("the stack's protect covers its clusters, node groups, volumes and instances; a construct's own protect: false wins", () => {
    const w = new Workdir();
    w.synth({ stack: { protect: true }, workers: 'm2.c4m8', instance: true, volumes: { data: {}, scratch: { protect: false } } });
    expect(resourceOf(w.tf, 'nhncloud_kubernetes_cluster_v1').lifecycle.prevent_destroy).toBe(true);
    expect(resourceOf(w.tf, 'nhncloud_compute_instance_v2').lifecycle).toEqual({ prevent_destroy: true });
    expect(resourceOf(w.tf, 'nhncloud_networking_vpcsubnet_v2').lifecycle).toBeUndefined();
    expect(resourceOf(w.tf, 'nhncloud_kubernetes_nodegroup_v1').lifecycle.prevent_destroy).toBe(true);
    const volumes = Object.values(w.tf.resource.nhncloud_blockstorage_volume_v2) as Record<string, any>[];
    expect(volumes.map((v) => [v.name, v.lifecycle?.prevent_destroy])).toEqual([
      ['data', true],
      ['scratch', undefined],
    ]);
  });

  test("changing a protected cluster's flavor is an error naming the prop, the rule and the fix, and nothing is written", () => {
    const w = new Workdir();
    w.synth({ cluster: { protect: true } });
    const before = fs.readFileSync(path.join(w.outdir, 'stacks', 'infra', 'cdk.tf.json'), 'utf8');
    const errors = w.refused({ cluster: { protect: true, flavor: 'm2.c8m16' } });
    expect(errors).toHaveLength(1);
    const e = errors[0];
    expect(e.path).toBe('infra/cluster');
    expect(e.field).toBe('flavor');
    expect(e.value).toEqual({ from: expect.stringMatching(/flavor-m2-c4m8/), to: expect.stringMatching(/flavor-m2-c8m16/) });
    expect(e.rule).toMatch(/^nhncloud_kubernetes_cluster_v1\.cluster_\w+ is protected \(protect, written as lifecycle\.prevent_destroy\) and will be replaced .*flavor_id \(flavor\) forces a new cluster/);
    expect(e.fix).toMatch(/addNodeGroup/);
    expect(e.message).not.toMatch(/undefined/);
    expect(fs.readFileSync(path.join(w.outdir, 'stacks', 'infra', 'cdk.tf.json'), 'utf8')).toBe(before);
  });

  test('a protected resource removed from the program is an error: the previous output protects it', () => {
    const w = new Workdir();
    w.synth({ volumes: { data: { protect: true } } });
    const [e] = w.refused({});
    expect(e).toMatchObject({ path: 'infra/data', field: 'protect' });
    expect(e.value).toMatch(/^nhncloud_blockstorage_volume_v2\.data_volume_\w+$/);
    expect(e.rule).toMatch(/is protected .* will be destroyed: it is not in the new configuration/);
    expect(e.fix).toMatch(/protect: false/);
  });

  test('turning protect off for a deploy is no change to the resource, and then the removal is only a warning', () => {
    const w = new Workdir();
    w.synth({ volumes: { data: { protect: true } } });
    expect(changesOf(w.synth({ volumes: { data: { protect: false } } }))).toEqual([]);
    const removed = w.synth({});
    expect(only(removed, 'nhncloud_blockstorage_volume_v2')).toMatchObject({ action: 'destroy', protected: false });
  });

  test('a replacement through a protected resource names what causes it', () => {
    const w = new Workdir();
    w.synth({ stack: { protect: true } });
    const errors = w.refused({ stack: { protect: true }, subnetCidr: '192.168.1.0/24' });
    const e = errors.find((x) => x.path === 'infra/cluster')!;
    expect(e.field).toBe('network');
    expect(e.value).toMatch(/^\(changes with nhncloud_networking_vpcsubnet_v2\.\S+\)$/);
    expect(e.fix).toMatch(/^The replacement comes from nhncloud_networking_vpcsubnet_v2/);
  });

  test('protect must be a boolean', () => {
    runCase({
      name: 'protect given as a string',
      path: 'infra/data',
      field: 'protect',
      rule: /protect must be the boolean true or false/,
      build: (app) => declare(app, { volumes: { data: { protect: 'yes' as unknown as boolean } } }),
    });
    runCase({
      name: 'stack protect given as a number',
      path: 'infra',
      field: 'protect',
      rule: /protect must be the boolean true or false/,
      build: (app) => declare(app, { stack: { protect: 1 as unknown as boolean } }),
    });
  });
});

/** A minimal nhncloud configuration holding `resources` (type → name → body). */
function config(resources: Record<string, Record<string, Record<string, unknown>>>, extra: Record<string, unknown> = {}): Record<string, any> {
  return { terraform: { required_providers: { nhncloud: { source: 'nhn-cloud/nhncloud', version: '1.0.7' } } }, resource: resources, ...extra };
}

const meta = (p: string) => ({ '//': { metadata: { path: p, uniqueId: p.split('/').pop() } } });
const LABELS = { availability_zone: 'kr-pub-a', kube_tag: 'v1.32.3', node_image: IMAGE_ID, boot_volume_type: 'General HDD', boot_volume_size: '50', cert_manager_api: 'True', ca_enable: 'False', master_lb_floating_ip_enabled: 'False' };
const CLUSTER = { ...meta('infra/cluster/cluster'), name: 'c', cluster_template_id: 'iaas_console', flavor_id: 'f1', keypair: 'k', labels: LABELS, addons: [{ name: 'calico', version: 'v3' }], node_count: 2 };

describe('the comparison (lib/checks/terraform-diff.ts)', () => {
  const diff = (before: Record<string, any>, after: Record<string, any>) => diffTerraformConfigs(before, after, { stack: 'infra' }).changes;

  test('a new kube_tag replaces the cluster (labels is ForceNew), and the advice is upgrade; ignore_changes on the label keeps it', () => {
    const before = config({ nhncloud_kubernetes_cluster_v1: { c: CLUSTER } });
    const after = config({ nhncloud_kubernetes_cluster_v1: { c: { ...CLUSTER, labels: { ...LABELS, kube_tag: 'v1.33.4' } } } });
    const [change] = diff(before, after);
    expect(change).toMatchObject({ action: 'replace', changed: ['labels.kube_tag'], forcedBy: ['labels.kube_tag'], forcedBySource: { 'labels.kube_tag': 'nhncloud/resource_nhncloud_kubernetes_cluster_v1.go:130' } });
    const { warnings } = assessChanges({ stacks: [{ stack: 'infra', removed: false, changes: [change] }] });
    expect(warnings[0]).toMatchObject({ path: 'infra/cluster' });
    expect(warnings[0].message).toMatch(/labels\.kube_tag \(kubernetesVersion\) forces a new cluster.*upgrade: \{ kubernetesVersion \}/);
    // Terraform's index syntax and the dotted one both name the label.
    for (const ignore of ['labels["kube_tag"]', 'labels.kube_tag']) {
      const ignoring = config({ nhncloud_kubernetes_cluster_v1: { c: { ...CLUSTER, labels: { ...LABELS, kube_tag: 'v1.33.4' }, lifecycle: { ignore_changes: [ignore] } } } });
      expect(diff(before, ignoring)).toEqual([]);
    }
  });

  test('an argument of a nested block under a ForceNew block replaces, named with the prop that writes the block', () => {
    const before = config({ nhncloud_kubernetes_cluster_v1: { c: CLUSTER } });
    const after = config({ nhncloud_kubernetes_cluster_v1: { c: { ...CLUSTER, addons: [{ name: 'calico', version: 'v4' }] } } });
    const [change] = diff(before, after);
    expect(change).toMatchObject({ action: 'replace', changed: ['addons.version'], forcedBy: ['addons.version'], forcedBySource: { 'addons.version': 'nhncloud/resource_nhncloud_kubernetes_cluster_v1.go:217' } });
    expect(assessChanges({ stacks: [{ stack: 'infra', removed: false, changes: [change] }] }).warnings[0].message).toMatch(/addons\.version \(addons\) forces a new cluster.*put these props back/);
  });

  test('an argument the provider cannot update (a cluster without an update function) is a warning that apply would fail', () => {
    const before = config({ nhncloud_kubernetes_cluster_v1: { c: CLUSTER } });
    const after = config({ nhncloud_kubernetes_cluster_v1: { c: { ...CLUSTER, node_count: 3 } } });
    const [change] = diff(before, after);
    expect(change).toMatchObject({ action: 'update', changed: ['node_count'], cannotUpdate: true });
    const { warnings, errors } = assessChanges({ stacks: [{ stack: 'infra', removed: false, changes: [change] }] });
    expect(errors).toEqual([]);
    expect(warnings[0].message).toMatch(/no update for nhncloud_kubernetes_cluster_v1: apply fails with "doesn't support update".*resizeTo/);
  });

  test('an optional and computed argument left out keeps its state value; a nested ForceNew argument in a list block replaces', () => {
    const instance = { ...meta('infra/vm/instance'), name: 'vm', flavor_id: 'f', availability_zone: 'kr-pub-a', block_device: [{ uuid: 'i', source_type: 'image', destination_type: 'volume', volume_size: 50, boot_index: 0 }], network: [{ uuid: 'n' }] };
    const before = config({ nhncloud_compute_instance_v2: { vm: instance } });
    const { availability_zone: _zone, ...withoutZone } = instance;
    expect(diff(before, config({ nhncloud_compute_instance_v2: { vm: withoutZone } }))).toEqual([]);
    const bigger = { ...instance, block_device: [{ ...instance.block_device[0], volume_size: 100 }] };
    expect(diff(before, config({ nhncloud_compute_instance_v2: { vm: bigger } }))[0]).toMatchObject({ action: 'replace', forcedBy: ['block_device.volume_size'], kind: 'instance' });
    // A resize is in place (flavor_id is ForceNew only when the old flavor is gone).
    expect(diff(before, config({ nhncloud_compute_instance_v2: { vm: { ...instance, flavor_id: 'g' } } }))[0]).toMatchObject({ action: 'update', changed: ['flavor_id'] });
    // Set attributes compare without order.
    const grouped = { ...instance, security_groups: ['a', 'b'] };
    expect(diff(config({ nhncloud_compute_instance_v2: { vm: grouped } }), config({ nhncloud_compute_instance_v2: { vm: { ...grouped, security_groups: ['b', 'a'] } } }))).toEqual([]);
  });

  test('a moved block carries a resource to its new address; a changed data source unsettles what references it', () => {
    const volume = { ...meta('infra/data/volume'), name: 'data', size: 10, availability_zone: 'kr-pub-a', volume_type: 'General HDD' };
    const before = config({ nhncloud_blockstorage_volume_v2: { old: volume } });
    const moved = config({ nhncloud_blockstorage_volume_v2: { renamed: volume } }, { moved: [{ from: 'nhncloud_blockstorage_volume_v2.old', to: 'nhncloud_blockstorage_volume_v2.renamed' }] });
    expect(diff(before, moved)).toEqual([]);
    const movedAndGrown = config({ nhncloud_blockstorage_volume_v2: { renamed: { ...volume, size: 20 } } }, { moved: [{ from: 'nhncloud_blockstorage_volume_v2.old', to: 'nhncloud_blockstorage_volume_v2.renamed' }] });
    expect(diff(before, movedAndGrown)).toEqual([expect.objectContaining({ action: 'replace', address: 'nhncloud_blockstorage_volume_v2.renamed', previousAddress: 'nhncloud_blockstorage_volume_v2.old', forcedBy: ['size'] })]);
    const group = { ...meta('infra/cluster/ng/nodegroup'), cluster_id: 'c', name: 'ng', flavor_id: 'f', node_count: 1, labels: LABELS, image_id: '${data.nhncloud_images_image_v2.image.id}' };
    const withImage = (nameRegex: string) => config({ nhncloud_kubernetes_nodegroup_v1: { ng: group } }, { data: { nhncloud_images_image_v2: { image: { name_regex: nameRegex, most_recent: true } } } });
    expect(diff(withImage('^Ubuntu 22'), withImage('^Ubuntu 22'))).toEqual([]);
    const [change] = diff(withImage('^Ubuntu 22'), withImage('^Ubuntu 24'));
    expect(change).toMatchObject({ action: 'replace', forcedBy: ['image_id'], through: ['data.nhncloud_images_image_v2.image'] });
    expect(assessChanges({ stacks: [{ stack: 'infra', removed: false, changes: [change] }] }).warnings[0].message).toMatch(
      /image_id \(image\) forces a new node group .*through data\.nhncloud_images_image_v2\.image, whose arguments changed.*read at plan time/,
    );
  });
});

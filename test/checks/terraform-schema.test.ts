import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, DataTerraformRemoteState, Fn, LocalBackend, TerraformIterator, TerraformLocal, TerraformOutput, TerraformStack, TerraformVariable } from 'cdktf';
import {
  checkTerraformJson,
  formatTerraformIssues,
  loadProviderSchema,
  NHNCLOUD_SCHEMA_FILE,
  OPENSTACK_SCHEMA_FILE,
  ProviderSchemaFile,
  ProviderSchemaBlock,
  TerraformIssue,
} from '../../lib/checks/terraform-schema';
import { ComputeInstanceV2 } from '../../lib/generated/providers/openstack/compute-instance-v2';
import { ComputeKeypairV2 } from '../../lib/generated/providers/openstack/compute-keypair-v2';
import { ContainerinfraClusterV1 } from '../../lib/generated/providers/openstack/containerinfra-cluster-v1';
import { DataOpenstackNetworkingNetworkV2 } from '../../lib/generated/providers/openstack/data-openstack-networking-network-v2';
import { NetworkingNetworkV2 } from '../../lib/generated/providers/openstack/networking-network-v2';
import { NetworkingRouterInterfaceV2 } from '../../lib/generated/providers/openstack/networking-router-interface-v2';
import { NetworkingRouterV2 } from '../../lib/generated/providers/openstack/networking-router-v2';
import { NetworkingSubnetV2 } from '../../lib/generated/providers/openstack/networking-subnet-v2';
import { OpenstackProvider } from '../../lib/generated/providers/openstack/provider';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Tf = Record<string, any>;
const openstack = loadProviderSchema(OPENSTACK_SCHEMA_FILE);
const nhncloud = loadProviderSchema(NHNCLOUD_SCHEMA_FILE);
const check = (tf: unknown, schemas: ProviderSchemaFile | ProviderSchemaFile[] = openstack) => checkTerraformJson(tf, schemas);
/** rule, address and path of each issue, for compact assertions. */
const brief = (issues: TerraformIssue[]) => issues.map((i) => [i.rule, i.address, i.path]);
const NET = 'resource.openstack_networking_network_v2.net';
const VM = 'resource.openstack_compute_instance_v2.vm';
const KP = 'resource.openstack_compute_keypair_v2.kp';
const CL = 'resource.openstack_containerinfra_cluster_v1.cl';

/** A small valid configuration in cdktf's shape, built fresh for each test to mutate. */
function fixture(): Tf {
  const meta = (p: string) => ({ metadata: { path: `s/${p}`, uniqueId: p } });
  return {
    '//': { metadata: { backend: 'local', stackName: 's', version: '0.21.0' } },
    terraform: { required_providers: { openstack: { source: 'terraform-provider-openstack/openstack', version: '3.4.0' } }, backend: { local: { path: 'x' } } },
    provider: { openstack: [{ region: 'KR1' }] },
    variable: { key_name: { type: 'string' } },
    locals: { tags: ['a'] },
    data: { openstack_networking_network_v2: { ext: { '//': meta('ext'), name: 'Public Network', external: true } } },
    resource: {
      openstack_networking_network_v2: { net: { '//': meta('net'), name: 'n', admin_state_up: 'true', mtu: '1450', tags: '${local.tags}' } },
      openstack_compute_keypair_v2: { kp: { '//': meta('kp'), name: '${var.key_name}' } },
      openstack_compute_instance_v2: {
        vm: {
          '//': meta('vm'),
          name: 'vm',
          count: 2,
          depends_on: ['openstack_networking_network_v2.net'],
          lifecycle: { ignore_changes: ['metadata'] },
          key_pair: '${openstack_compute_keypair_v2.kp.name}',
          block_device: [{ source_type: 'image', uuid: 'u', volume_size: 20, boot_index: 0, delete_on_termination: true }],
          network: [{ uuid: '${openstack_networking_network_v2.net.id}' }],
          metadata: { n: 1, b: true },
          timeouts: { create: '10m' },
        },
      },
      openstack_containerinfra_cluster_v1: {
        cl: {
          '//': meta('cl'),
          cluster_template_id: 't',
          node_count: 3,
          keypair: '${openstack_compute_keypair_v2.kp.name}',
          fixed_network: '${openstack_networking_network_v2.net.id}',
          labels: { kube_tag: 'v1.28.3', external: '${data.openstack_networking_network_v2.ext.id}' },
        },
      },
    },
    output: {
      kubeconfig: { value: '${openstack_containerinfra_cluster_v1.cl.kubeconfig["raw_config"]}', sensitive: true },
      host: { value: '${openstack_containerinfra_cluster_v1.cl.kubeconfig.host}' },
      ip: { value: '${element(openstack_containerinfra_cluster_v1.cl.master_addresses, 0)}' },
    },
  };
}

describe('valid input', () => {
  test('the fixture has no issues', () => {
    expect(check(fixture())).toEqual([]);
  });

  test('expressions cdktf commonly writes are not reported', () => {
    const tf = fixture();
    tf.data.terraform_remote_state = { rs: { backend: 'remote', config: { organization: 'o', workspaces: { name: 'w' } } } };
    tf.resource.terraform_data = { td: { input: { any: ['thing'] } } };
    const values = [
      '${lookup(openstack_containerinfra_cluster_v1.cl.kubeconfig, "host", null)}',
      '${tolist(openstack_compute_instance_v2.vm.network)[0].fixed_ip_v4}',
      '${openstack_compute_instance_v2.vm[0].access_ip_v4}',
      '${openstack_compute_instance_v2.vm.*.id}',
      '${openstack_compute_instance_v2.vm[*].network[0].uuid}',
      '${[ for key, val in openstack_compute_instance_v2.vm: val.id]}',
      '${{for k, v in var.key_name : k => v.whatever}}',
      '${true ? openstack_networking_network_v2.net.id : "x"}',
      '${join(",", tolist([openstack_networking_network_v2.net.id, "a$${b}"]))}',
      'prefix-${openstack_networking_network_v2.net.name}-${var.key_name}-x',
      '${data.terraform_remote_state.rs.outputs.foo}',
      '${terraform_data.td.output}',
      '${"literal openstack_networking_network_v2.nothere.id"}',
      '${provider::openstack::fn(count.index, each.value, path.module, terraform.workspace)}',
      '%{ for n in local.tags }${n.x}%{ endfor }',
      'literal $${not.a.reference}',
    ];
    values.forEach((value, i) => (tf.output[`o${i}`] = { value }));
    tf.locals.deps = { depends_on: ['openstack_networking_network_v2.gone'] }; // bare references only in meta-arguments
    expect(check(tf)).toEqual([]);
  });

  test('meta-arguments, dynamic blocks and both schemas at once', () => {
    const tf = fixture();
    const vm = tf.resource.openstack_compute_instance_v2.vm;
    delete vm.network;
    Object.assign(vm, { provider: 'openstack.kr2', for_each: '${toset(["a"])}', provisioner: [{ 'local-exec': { command: 'x' } }], connection: { host: 'h' } });
    vm.dynamic = { network: { for_each: '${toset(["u1"])}', iterator: 'each', content: { uuid: '${each.value}' } } };
    tf.provider.openstack.push({ alias: 'kr2', region: 'KR2' });
    tf.provider.nhncloud = [{ region: 'KR1' }];
    tf.terraform.required_providers.nhncloud = { source: 'nhn-cloud/nhncloud', version: '1.0.7' };
    tf.resource.nhncloud_networking_vpc_v2 = { v: { name: 'v', cidrv4: '10.0.0.0/16' } };
    expect(check(tf, [openstack, nhncloud])).toEqual([]);
  });
});

describe('rule 1: unknown types and providers', () => {
  test('resource and data source types', () => {
    const tf = fixture();
    tf.resource.openstack_networking_netwrk_v2 = { x: { name: 'n' } };
    tf.data.openstack_nope_v2 = { y: {} };
    const issues = check(tf);
    expect(brief(issues)).toEqual([
      ['unknown-resource-type', 'resource.openstack_networking_netwrk_v2.x', ''],
      ['unknown-data-source', 'data.openstack_nope_v2.y', ''],
    ]);
    expect(issues[0].message).toContain('did you mean "openstack_networking_network_v2"');
    expect(check(tf, [openstack, nhncloud]).map((i) => i.rule)).toEqual(['unknown-resource-type', 'unknown-data-source']);
  });

  test('provider configurations', () => {
    const tf = fixture();
    tf.provider.aws = [{ region: 'us-east-1' }];
    expect(brief(check(tf))).toEqual([['unknown-provider', 'provider.aws[0]', '']]);
    // nhncloud is known only when its schema is given; required_providers decides the source.
    tf.provider = { nhncloud: [{ region: 'KR1' }] };
    tf.terraform.required_providers.nhncloud = { source: 'nhn-cloud/nhncloud' };
    expect(brief(check(tf))).toEqual([['unknown-provider', 'provider.nhncloud[0]', '']]);
    expect(check(tf, [openstack, nhncloud])).toEqual([]);
    tf.terraform.required_providers.nhncloud = { source: 'someone/nhncloud' };
    expect(brief(check(tf, [openstack, nhncloud]))).toEqual([['unknown-provider', 'provider.nhncloud[0]', '']]);
  });
});

describe('rule 2: unknown arguments and blocks', () => {
  test('top level, nested blocks, map blocks of dynamic, provider bodies', () => {
    const tf = fixture();
    tf.resource.openstack_networking_network_v2.net.nme = 'x';
    tf.resource.openstack_compute_instance_v2.vm.block_device[0].volume_sise = 5;
    tf.resource.openstack_compute_instance_v2.vm.timeouts.craete = '1m';
    tf.resource.openstack_compute_instance_v2.vm.dynamic = { netwrk: { for_each: '${var.x}', content: {} } };
    tf.provider.openstack[0].regoin = 'KR1';
    const issues = check(tf);
    expect(brief(issues)).toEqual([
      ['unknown-attribute', 'provider.openstack[0]', 'regoin'],
      ['unknown-attribute', NET, 'nme'],
      ['unknown-attribute', VM, 'dynamic.netwrk'],
      ['unknown-attribute', VM, 'block_device[0].volume_sise'],
      ['unknown-attribute', VM, 'timeouts.craete'],
      ['bad-reference', VM, 'dynamic.netwrk.for_each'],
    ]);
    expect(issues[1]).toMatchObject({ constructPath: 's/net', message: expect.stringContaining('did you mean "name"') });
  });

  test('a meta-argument name is an ordinary (unknown) key inside a nested block', () => {
    const tf = fixture();
    tf.resource.openstack_compute_instance_v2.vm.block_device[0].count = 1;
    expect(brief(check(tf))).toEqual([['unknown-attribute', VM, 'block_device[0].count']]);
  });
});

describe('rule 3: required arguments and block counts', () => {
  test('missing or null required arguments, also in nested blocks', () => {
    const tf = fixture();
    delete tf.resource.openstack_containerinfra_cluster_v1.cl.cluster_template_id;
    tf.resource.openstack_compute_keypair_v2.kp.name = null;
    delete tf.resource.openstack_compute_instance_v2.vm.block_device[0].source_type;
    expect(brief(check(tf))).toEqual([
      ['missing-required', KP, 'name'],
      ['missing-required', VM, 'block_device[0].source_type'],
      ['missing-required', CL, 'cluster_template_id'],
    ]);
  });

  test('min_items and max_items', () => {
    const tf = fixture();
    tf.resource.openstack_db_instance_v1 = { db: { name: 'db', flavor_id: 'f', size: 10 } };
    tf.resource.openstack_lb_pool_v2 = { p: { protocol: 'HTTP', lb_method: 'ROUND_ROBIN', persistence: [{ type: 'a' }, { type: 'b' }] } };
    tf.resource.openstack_compute_instance_v2.vm.timeouts = [{}, {}];
    const issues = check(tf);
    expect(brief(issues)).toEqual([
      ['block-count', VM, 'timeouts'],
      ['block-count', 'resource.openstack_db_instance_v1.db', 'datastore'],
      ['block-count', 'resource.openstack_lb_pool_v2.p', 'persistence'],
    ]);
    expect(issues[1].message).toContain('exactly 1 "datastore" block, found 0');
    tf.resource.openstack_db_instance_v1.db.datastore = { type: 'mysql', version: '8' };
    tf.resource.openstack_lb_pool_v2.p.persistence.pop();
    tf.resource.openstack_compute_instance_v2.vm.timeouts = [{}];
    expect(check(tf)).toEqual([]);
  });
});

describe('rule 4: computed-only attributes', () => {
  test('setting private_key or fingerprint of a keypair, or mac of a network block', () => {
    const tf = fixture();
    Object.assign(tf.resource.openstack_compute_keypair_v2.kp, { private_key: 'k', fingerprint: null });
    tf.resource.openstack_compute_instance_v2.vm.network[0].mac = 'fa:16:3e:00:00:01';
    const issues = check(tf);
    expect(brief(issues)).toEqual([
      ['computed-only-set', KP, 'private_key'],
      ['computed-only-set', VM, 'network[0].mac'],
    ]);
    expect(issues[0].message).toContain('"k" (string)');
  });
});

describe('rule 5: literal types', () => {
  test('values Terraform cannot convert', () => {
    const tf = fixture();
    Object.assign(tf.resource.openstack_networking_network_v2.net, { mtu: 'big', admin_state_up: 'yes', tags: 'a', name: ['n'] });
    Object.assign(tf.resource.openstack_containerinfra_cluster_v1.cl, { node_count: true, labels: { kube_tag: { v: 1 }, ok: 2 } });
    tf.resource.openstack_compute_instance_v2.vm.metadata = ['x'];
    tf.resource.openstack_compute_instance_v2.vm.block_device[0].volume_size = '20GB';
    tf.resource.openstack_compute_instance_v2.vm.network = '${var.networks}';
    expect(brief(check(tf))).toEqual([
      ['wrong-type', NET, 'name'],
      ['wrong-type', NET, 'admin_state_up'],
      ['wrong-type', NET, 'mtu'],
      ['wrong-type', NET, 'tags'],
      ['wrong-type', VM, 'metadata'],
      ['wrong-type', VM, 'block_device[0].volume_size'],
      ['wrong-type', VM, 'network'],
      ['bad-reference', VM, 'network'],
      ['wrong-type', CL, 'node_count'],
      ['wrong-type', CL, 'labels.kube_tag'],
    ]);
  });

  test('conversions Terraform makes are accepted', () => {
    const tf = fixture();
    Object.assign(tf.resource.openstack_networking_network_v2.net, { mtu: '-1.5e3', admin_state_up: '0', name: 12, tags: [1, true, 'x'] });
    tf.resource.openstack_containerinfra_cluster_v1.cl.labels = { a: 1, b: false, c: null, d: '${var.key_name}' };
    tf.resource.openstack_compute_instance_v2.vm.block_device[0].volume_size = '${var.key_name}';
    expect(check(tf)).toEqual([]);
  });

  test('object and tuple types, nested attribute types (synthetic schema)', () => {
    const block: ProviderSchemaBlock = {
      attributes: {
        obj: { type: ['object', { a: 'string', b: 'number', c: 'bool' }, ['c']], optional: true },
        tup: { type: ['tuple', ['string', 'number']], optional: true },
        nested: { nested_type: { nesting_mode: 'list', attributes: { x: { type: 'number', required: true } } }, optional: true },
      },
    };
    const schema: ProviderSchemaFile = { format_version: '1.0', provider_schemas: { 'example.com/x/demo': { resource_schemas: { demo_thing: { block } } } } };
    const tf = { resource: { demo_thing: { t: { obj: { a: 1, b: '2' }, tup: ['a', 1], nested: [{ x: 1 }] } } } };
    expect(check(tf, schema)).toEqual([]);
    Object.assign(tf.resource.demo_thing.t, { obj: { a: 'x', z: 1 }, tup: ['a'], nested: [{ x: 'n' }, {}] });
    expect(brief(check(tf, schema))).toEqual([
      ['unknown-attribute', 'resource.demo_thing.t', 'obj.z'],
      ['missing-required', 'resource.demo_thing.t', 'obj.b'],
      ['wrong-type', 'resource.demo_thing.t', 'tup'],
      ['wrong-type', 'resource.demo_thing.t', 'nested[0].x'],
      ['missing-required', 'resource.demo_thing.t', 'nested[1].x'],
    ]);
  });
});

describe('rules 6 and 7: references', () => {
  test('undeclared things and attributes the schema lacks, in resources and outputs', () => {
    const tf = fixture();
    const cl = tf.resource.openstack_containerinfra_cluster_v1.cl;
    cl.keypair = '${openstack_compute_keypair_v2.kp.name}-${openstack_compute_keypair_v2.other.name}';
    cl.fixed_network = '${lookup(openstack_networking_network_v2.net.nope, "k", null)}';
    cl.labels.external = '${data.openstack_networking_network_v2.missing.id}';
    cl.labels.v = '${var.undeclared}';
    cl.labels.l = '${local.missing}';
    cl.depends_on = ['openstack_networking_subnet_v2.sub'];
    tf.output.bad = { value: { a: ['${openstack_networking_network_v2.nett.id}'] } };
    tf.output.m = { value: '${module.vpc.id}' };
    const issues = check(tf);
    expect(brief(issues)).toEqual([
      ['bad-reference', CL, 'keypair'],
      ['bad-reference', CL, 'fixed_network'],
      ['bad-reference', CL, 'labels.external'],
      ['bad-reference', CL, 'labels.v'],
      ['bad-reference', CL, 'labels.l'],
      ['bad-reference', CL, 'depends_on[0]'],
      ['bad-reference', 'output.bad', 'value.a[0]'],
      ['bad-reference', 'output.m', 'value'],
    ]);
    expect(issues[0].message).toContain('openstack_compute_keypair_v2.other');
    expect(issues[1].message).toContain('has no attribute or block "nope"');
    expect(issues[6].message).toContain('did you mean "net"');
  });

  test('unresolved cdktf tokens', () => {
    const tf = fixture();
    tf.resource.openstack_compute_keypair_v2.kp.name = '${TfToken[TOKEN.12]}';
    tf.resource.openstack_networking_network_v2.net.tags = ['#{TfToken[TOKEN.3]}'];
    expect(brief(check(tf))).toEqual([
      ['bad-reference', NET, 'tags[0]'],
      ['bad-reference', KP, 'name'],
    ]);
  });
});

describe('schema files and report', () => {
  test('the vendored schemas load (cached) and accept a minimal body of every type', () => {
    expect(path.isAbsolute(OPENSTACK_SCHEMA_FILE) && fs.existsSync(OPENSTACK_SCHEMA_FILE) && fs.existsSync(NHNCLOUD_SCHEMA_FILE)).toBe(true);
    expect(loadProviderSchema(OPENSTACK_SCHEMA_FILE)).toBe(openstack);
    expect(check({}, [openstack, nhncloud])).toEqual([]);
    for (const file of [openstack, nhncloud]) {
      const [provider] = Object.values(file.provider_schemas);
      const tf: Tf = { resource: {}, data: {} };
      for (const [type, entry] of Object.entries(provider.resource_schemas ?? {})) tf.resource[type] = { x: minimalBody(entry.block) };
      for (const [type, entry] of Object.entries(provider.data_source_schemas ?? {})) tf.data[type] = { x: minimalBody(entry.block) };
      expect(Object.keys(tf.resource).length).toBeGreaterThan(100);
      expect(check(tf, file)).toEqual([]);
      const empty = JSON.parse(JSON.stringify(tf).replace(/"x":\{[^{}]*\}/g, '"x":{}'));
      expect(check(empty, file).every((i) => i.rule === 'missing-required' || i.rule === 'block-count')).toBe(true);
    }
  });

  test('loadProviderSchema rejects other JSON', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tfschema-')), 'x.json');
    fs.writeFileSync(file, '{"a": 1}');
    expect(() => loadProviderSchema(file)).toThrow(/not a provider schema/);
    expect(() => checkTerraformJson([], openstack)).toThrow(TypeError);
  });

  test('formatTerraformIssues prints one line per issue', () => {
    const tf = fixture();
    tf.resource.openstack_networking_network_v2.net.mtu = 'big';
    delete tf.resource.openstack_compute_keypair_v2.kp.name;
    expect(formatTerraformIssues(check(tf))).toBe(
      `${NET} mtu: "big" (string) cannot be converted to number [wrong-type] (construct s/net)\n` +
        `${KP} name: resource type openstack_compute_keypair_v2 requires the argument "name" (string) [missing-required] (construct s/kp)`,
    );
    expect(formatTerraformIssues([])).toBe('');
  });
});

/** A body with every required argument and the minimum of each block, with literal sample values. */
function minimalBody(block: ProviderSchemaBlock): Tf {
  const sample = (t: unknown): unknown => (t === 'number' ? 1 : t === 'bool' ? true : Array.isArray(t) ? (t[0] === 'map' || t[0] === 'object' ? {} : []) : 's');
  const body: Tf = {};
  for (const [name, a] of Object.entries(block.attributes ?? {})) if (a.required) body[name] = sample(a.type);
  for (const [name, b] of Object.entries(block.block_types ?? {})) {
    if (b.min_items) body[name] = Array.from({ length: b.min_items }, () => minimalBody(b.block));
  }
  return body;
}

test('a real cdktf stack (network, subnet, router, keypair, cluster, outputs) checks clean', () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'tfschema-synth-'));
  const app = new App({ outdir });
  const s = new TerraformStack(app, 'platform');
  new OpenstackProvider(s, 'openstack', { region: 'KR1' });
  new LocalBackend(s, { path: 'terraform.tfstate' });
  const keyName = new TerraformVariable(s, 'key_name', { type: 'string', default: 'nks' });
  const tags = new TerraformLocal(s, 'tags', ['nks']);
  const ext = new DataOpenstackNetworkingNetworkV2(s, 'ext', { name: 'Public Network', external: true });
  const net = new NetworkingNetworkV2(s, 'net', { name: 'vpc', tags: tags.asList, lifecycle: { ignoreChanges: ['tags'] } });
  const subnet = new NetworkingSubnetV2(s, 'subnet', { networkId: net.id, cidr: '10.0.0.0/24', allocationPool: [{ start: '10.0.0.10', end: '10.0.0.200' }], dependsOn: [net] });
  const router = new NetworkingRouterV2(s, 'router', { name: 'r', externalNetworkId: ext.id });
  new NetworkingRouterInterfaceV2(s, 'iface', { routerId: router.id, subnetId: subnet.id });
  const kp = new ComputeKeypairV2(s, 'kp', { name: keyName.stringValue });
  const cluster = new ContainerinfraClusterV1(s, 'cluster', {
    name: 'nks',
    clusterTemplateId: 'tmpl',
    keypair: kp.name,
    fixedNetwork: net.id,
    fixedSubnet: subnet.id,
    nodeCount: 3,
    labels: { kube_tag: 'v1.28.3', availability_zone: 'kr-pub-a', external_network_id: ext.id },
    timeouts: { create: '60m' },
  });
  const it = TerraformIterator.fromList(['a', 'b']);
  const vm = new ComputeInstanceV2(s, 'vm', {
    forEach: it,
    name: it.value,
    keyPair: kp.name,
    blockDevice: [{ uuid: 'img', sourceType: 'image', destinationType: 'volume', volumeSize: 20, bootIndex: 0 }],
    network: [{ uuid: net.id }],
  });
  const rs = new DataTerraformRemoteState(s, 'shared', { organization: 'o', workspaces: { name: 'w' } });
  new TerraformOutput(s, 'kubeconfig', { value: cluster.kubeconfig.lookup('raw_config'), sensitive: true });
  new TerraformOutput(s, 'host', { value: Fn.lookup(cluster.kubeconfig, 'host', null) });
  new TerraformOutput(s, 'master', { value: Fn.element(cluster.masterAddresses, 0) });
  new TerraformOutput(s, 'key', { value: kp.privateKey, sensitive: true });
  new TerraformOutput(s, 'vms', { value: TerraformIterator.fromResources(vm).forExpressionForList('val.id') });
  new TerraformOutput(s, 'shared_id', { value: rs.getString('id') });
  app.synth();
  const tf = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'platform', 'cdk.tf.json'), 'utf8'));
  expect(Object.keys(tf.resource)).toHaveLength(7);
  expect(tf.output.vms.value).toMatch(/^\$\{\[ ?for key, val in openstack_compute_instance_v2\.vm: val\.id\]\}$/);
  expect(formatTerraformIssues(check(tf))).toBe('');
  // And the same synthesized file, broken in one place, is caught.
  tf.resource.openstack_containerinfra_cluster_v1.cluster.node_count = 'three';
  expect(brief(check(tf))).toEqual([['wrong-type', 'resource.openstack_containerinfra_cluster_v1.cluster', 'node_count']]);
});

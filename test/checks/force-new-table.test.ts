// The vendored ForceNew tables (lib/providers/force-new/): recorded like the schemas (tag, commit, sha256),
// covering every resource type the vendored schemas have and nks-cdk writes, and saying what the providers'
// source says about the arguments nks-cdk depends on. The extractor itself runs on Go source written here, and
// on the real repositories when NKS_FORCE_NEW_SOURCES names them.
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { FORCE_NEW_INDEX_FILE, forceNewEntry, forceNewIndex, forceNewTables } from '../../lib/checks/force-new';
import { buildTable, main as extractMain } from '../../scripts/extract-force-new';
import { tokenizeGo } from '../../scripts/go-schema';

const providersDir = path.dirname(FORCE_NEW_INDEX_FILE);
const providers = JSON.parse(fs.readFileSync(path.join(providersDir, 'providers.json'), 'utf8')) as { name: string; source: string; version: string; schema: string }[];

describe('vendored ForceNew tables', () => {
  test('each table is recorded with its provider, tag, commit and sha256, one per vendored schema', () => {
    const index = forceNewIndex();
    expect(index.map((e) => e.name).sort()).toEqual(providers.map((p) => p.name).sort());
    for (const entry of index) {
      const provider = providers.find((p) => p.name === entry.name)!;
      expect(entry.source).toBe(provider.source);
      expect(entry.version).toBe(provider.version);
      expect(entry.tag).toBe(`v${provider.version}`);
      expect(entry.commit).toMatch(/^[0-9a-f]{40}$/);
      const raw = fs.readFileSync(path.join(providersDir, entry.table));
      expect(crypto.createHash('sha256').update(raw).digest('hex')).toBe(entry.sha256);
      const table = JSON.parse(raw.toString('utf8'));
      expect({ provider: table.provider, version: table.version, tag: table.tag, commit: table.commit }).toEqual({ provider: entry.source, version: entry.version, tag: entry.tag, commit: entry.commit });
      expect(table.sdk).toMatch(/^github\.com\/hashicorp\/terraform-plugin-sdk\/v2 v2\.\d+\.\d+$/);
    }
    // The pinned commits of the tags (git rev-parse v1.0.7^{commit}, v3.4.0^{commit}).
    expect(Object.fromEntries(index.map((e) => [e.name, e.commit]))).toEqual({
      nhncloud: 'ef196baaf41f2d7d94fe6a65c7a5d7b4bb472e6b',
      openstack: '4fd8eba1f85edfdc7aed2d17bae3f3c814abad41',
    });
  });

  test('every resource type of the vendored schemas has an entry, and every ForceNew path is an argument or block of its schema', () => {
    for (const provider of providers) {
      const schemaFile = JSON.parse(fs.readFileSync(path.join(providersDir, provider.schema), 'utf8'));
      const resources = Object.values(schemaFile.provider_schemas as Record<string, { resource_schemas: Record<string, { block: Block }> }>)[0].resource_schemas;
      const table = forceNewTables().find((t) => t.provider === provider.source)!;
      expect(Object.keys(table.resources).sort()).toEqual(Object.keys(resources).sort());
      for (const [type, entry] of Object.entries(table.resources)) {
        for (const p of [...Object.keys(entry.forceNew), ...Object.keys(entry.forceNewIf)]) expect(`${type}: ${schemaPathExists(resources[type].block, p)}`).toBe(`${type}: true`);
        for (const where of Object.values(entry.forceNew)) expect(where).toMatch(new RegExp(`^${provider.name === 'nhncloud' ? 'nhncloud' : 'openstack'}/[a-z0-9_]+\\.go:\\d+$`));
      }
    }
  });

  test('every resource type nks-cdk writes (the generated classes lib/infra/targets imports) has an entry', () => {
    const targets = path.resolve(__dirname, '..', '..', 'lib', 'infra', 'targets');
    const types = new Set<string>();
    for (const file of fs.readdirSync(targets)) {
      const source = fs.readFileSync(path.join(targets, file), 'utf8');
      for (const m of source.matchAll(/generated\/providers\/(openstack|nhncloud)\/([a-z0-9-]+)'/g)) {
        if (m[2] === 'provider' || m[2].startsWith('data-')) continue;
        types.add(`${m[1]}_${m[2].replace(/-/g, '_')}`);
      }
    }
    expect(types.size).toBeGreaterThanOrEqual(20);
    for (const type of types) expect(`${type}: ${forceNewEntry(type) !== undefined}`).toBe(`${type}: true`);
  });

  test('what the source says about the arguments nks-cdk depends on', () => {
    const nksCluster = forceNewEntry('nhncloud_kubernetes_cluster_v1')!.entry;
    // nhn-cloud/terraform-provider-nhncloud v1.0.7 nhncloud/resource_nhncloud_kubernetes_cluster_v1.go
    expect(nksCluster.forceNew.labels).toBe('nhncloud/resource_nhncloud_kubernetes_cluster_v1.go:130');
    expect(nksCluster.forceNew.flavor_id).toBe('nhncloud/resource_nhncloud_kubernetes_cluster_v1.go:210');
    expect(Object.keys(nksCluster.forceNew)).toEqual(expect.arrayContaining(['addons', 'name', 'keypair', 'fixed_network', 'fixed_subnet', 'cluster_template_id']));
    expect(nksCluster.forceNew.node_count).toBeUndefined();
    expect(nksCluster.updatable).toBe(false); // no UpdateContext: resize and upgrade are their own resources
    const nksGroup = forceNewEntry('nhncloud_kubernetes_nodegroup_v1')!.entry;
    expect(Object.keys(nksGroup.forceNew)).toEqual(expect.arrayContaining(['labels', 'flavor_id', 'image_id', 'cluster_id', 'name']));
    expect(nksGroup.forceNew.node_count).toBeUndefined();
    expect(nksGroup.updatable).toBe(true);
    expect(forceNewEntry('nhncloud_kubernetes_cluster_resize_v1')!.entry.forceNew.node_count).toBeUndefined();
    // The NHN volume cannot grow in place; OpenStack's v3 volume can (extend) and can change type (retype).
    expect(forceNewEntry('nhncloud_blockstorage_volume_v2')!.entry.forceNew.size).toBeDefined();
    expect(forceNewEntry('openstack_blockstorage_volume_v3')!.entry.forceNew.size).toBeUndefined();
    expect(forceNewEntry('openstack_blockstorage_volume_v3')!.entry.forceNew.volume_type).toBeUndefined();
    // Magnum: a new template upgrades in place, a new flavor or labels replace the cluster; node_count resizes.
    const magnum = forceNewEntry('openstack_containerinfra_cluster_v1')!.entry;
    expect(magnum.forceNew.cluster_template_id).toBeUndefined();
    expect(magnum.forceNew.node_count).toBeUndefined();
    expect(Object.keys(magnum.forceNew)).toEqual(expect.arrayContaining(['flavor', 'master_flavor', 'labels', 'keypair']));
    // Nested block arguments by path; a resize of an instance is in place unless its old flavor is gone.
    for (const type of ['openstack_compute_instance_v2', 'nhncloud_compute_instance_v2']) {
      const instance = forceNewEntry(type)!.entry;
      expect(Object.keys(instance.forceNew)).toEqual(expect.arrayContaining(['block_device.uuid', 'block_device.volume_size', 'network.uuid', 'key_pair', 'availability_zone']));
      expect(instance.forceNew.flavor_name).toBeUndefined();
      expect(Object.keys(instance.forceNewIf).sort()).toEqual(['flavor_id', 'flavor_name']);
    }
    expect(forceNewEntry('nhncloud_compute_instance_v2')!.entry.forceNew['block_device.nhn_encryption']).toBeDefined();
    expect(forceNewEntry('nhncloud_networking_vpcsubnet_v2')!.entry.forceNew.cidr).toBeDefined();
    expect(forceNewEntry('nhncloud_networking_vpc_v2')!.entry.forceNew.cidrv4).toBeUndefined();
  });
});

interface Block {
  attributes?: Record<string, unknown>;
  block_types?: Record<string, { block: Block }>;
}

function schemaPathExists(block: Block, dotted: string): boolean {
  const [first, ...rest] = dotted.split('.');
  if (!rest.length) return first in (block.attributes ?? {}) || first in (block.block_types ?? {});
  const nested = block.block_types?.[first];
  return nested !== undefined && schemaPathExists(nested.block, rest.join('.'));
}

const GO_PACKAGE = new Map([
  [
    'p/provider.go',
    `package p
// a comment with ForceNew: true that is not code
func Provider() *schema.Provider {
	provider := &schema.Provider{
		ResourcesMap: map[string]*schema.Resource{
			"p_thing_v1":  resourceThingV1(),
			"p_frozen_v1": resourceFrozenV1(),
			"p_built_v1":  resourceBuiltV1(),
		},
	}
	return provider
}`,
  ],
  [
    'p/resource_thing.go',
    `package p
func resourceThingV1() *schema.Resource {
	return &schema.Resource{
		CreateContext: create,
		UpdateContext: update,
		Timeouts: &schema.ResourceTimeout{ Create: schema.DefaultTimeout(60 * time.Minute) },
		Schema: map[string]*schema.Schema{
			"name": { Type: schema.TypeString, Required: true, ForceNew: true },
			"size": { Type: schema.TypeInt, Optional: true, ForceNew: false },
			"labels": {
				Type: schema.TypeMap, Optional: true, ForceNew: true,
				ValidateFunc: func(v interface{}, k string) (ws []string, errors []error) { if x := map[string]int{"a": 1}; x != nil { return } ; return },
			},
			"addons": {
				Type: schema.TypeList,
				Elem: &schema.Resource{ Schema: map[string]*schema.Schema{
					"name": { Type: schema.TypeString, Required: true, ForceNew: true },
					"options": { Type: schema.TypeMap, Elem: &schema.Schema{Type: schema.TypeString} },
				}},
			},
			"network": networkSchema(),
			"tags": { Type: schema.TypeSet, Elem: &schema.Schema{Type: schema.TypeString}, Set: schema.HashString },
		},
		CustomizeDiff: customdiff.All(
			customdiff.ForceNewIfChange("size", func(ctx context.Context, old, new, meta interface{}) bool { return new.(int) < old.(int) }),
			checkDiff,
		),
	}
}
func networkSchema() *schema.Schema {
	return &schema.Schema{
		Type: schema.TypeList, Optional: true,
		Elem: &schema.Resource{ Schema: map[string]*schema.Schema{ "uuid": { Type: schema.TypeString, ForceNew: true, Description: \`raw
string\` } } },
	}
}
func checkDiff(ctx context.Context, d *schema.ResourceDiff, meta interface{}) error {
	if d.HasChange("tags") { return d.ForceNew("tags") }
	return nil
}`,
  ],
  [
    'p/resource_frozen.go',
    `package p
func resourceFrozenV1() *schema.Resource {
	return &schema.Resource{
		CreateContext: create,
		DeleteContext: remove,
		Schema: map[string]*schema.Schema{
			"count": { Type: schema.TypeInt, Optional: true, Computed: true },
			"region": { Type: schema.TypeString, Optional: true, ForceNew: true },
		},
	}
}`,
  ],
  [
    'p/resource_built.go',
    `package p
func resourceBuiltV1() *schema.Resource {
	ret := &schema.Resource{
		Update: update,
		Schema: map[string]*schema.Schema{ "kind": { Type: schema.TypeString, ForceNew: true } },
	}
	for _, op := range ops() { ret.Schema[op] = opSchema() }
	return ret
}`,
  ],
]);

describe('the extractor (scripts/extract-force-new.ts)', () => {
  test('reads ForceNew arguments, nested paths through helper functions, CustomizeDiff conditions and update functions', () => {
    const table = buildTable(GO_PACKAGE, { provider: 'x/p', version: '1.0.0', repository: 'example', tag: 'v1.0.0', commit: '0'.repeat(40), sdk: 'sdk' });
    expect(Object.keys(table.resources)).toEqual(['p_built_v1', 'p_frozen_v1', 'p_thing_v1']);
    const thing = table.resources.p_thing_v1;
    expect(thing.forceNew).toEqual({ 'addons.name': 'p/resource_thing.go:17', labels: 'p/resource_thing.go:11', name: 'p/resource_thing.go:8', 'network.uuid': 'p/resource_thing.go:33' });
    expect(thing.forceNewIf).toEqual({ size: 'p/resource_thing.go:25', tags: 'p/resource_thing.go:38' });
    expect(thing.updatable).toBe(true);
    expect(thing.incomplete).toBeUndefined();
    expect(table.resources.p_frozen_v1).toEqual({ file: 'p/resource_frozen.go', updatable: false, forceNew: { region: 'p/resource_frozen.go:8' }, forceNewIf: {} });
    // A schema changed in code is read as far as its literal goes, and says so.
    expect(table.resources.p_built_v1.forceNew).toEqual({ kind: 'p/resource_built.go:5' });
    expect(table.resources.p_built_v1.incomplete).toEqual([expect.stringMatching(/changes its schema after building it/)]);
  });

  test('tokenizes strings, raw strings and comments without counting what they hold', () => {
    const tokens = tokenizeGo('a := "x{" // }\n/* { */ b := `y\n}` + \'{\'');
    expect(tokens.map((t) => t.text)).toEqual(['a', ':=', 'x{', 'b', ':=', 'y\n}', '+', "'{'"]);
    expect(tokens.find((t) => t.text === 'b')!.line).toBe(2);
  });

  test('refuses to run without a repository and names the options', () => {
    const log: string[] = [];
    expect(extractMain([], undefined, (l) => log.push(l))).toBe(2);
    expect(log.join('\n')).toMatch(/--nhncloud <git dir>/);
    expect(extractMain(['--nonsense'], undefined, (l) => log.push(l))).toBe(2);
  });

  // NKS_FORCE_NEW_SOURCES="nhncloud=<git dir>,openstack=<git dir>": the vendored tables are what the source gives.
  const sources = process.env.NKS_FORCE_NEW_SOURCES;
  (sources ? test : test.skip)('re-running on the providers at the pinned tags gives the vendored tables (NKS_FORCE_NEW_SOURCES)', () => {
    const args = (sources ?? '').split(',').flatMap((pair) => {
      const [name, dir] = pair.split('=');
      return [`--${name}`, dir];
    });
    const log: string[] = [];
    expect(extractMain([...args, '--check'], path.resolve(__dirname, '..', '..'), (l) => log.push(l))).toBe(0);
    expect(log.join('\n')).toMatch(/up to date/);
  });
});

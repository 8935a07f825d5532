// An offline stand-in for `terraform validate`: checks a synthesized `cdk.tf.json` against provider schemas in
// the format `terraform providers schema -json` prints (vendored under lib/providers/schemas/), since no machine
// here can download provider binaries. Rules: unknown resource / data source / provider types, unknown
// arguments and blocks, missing required arguments, nested block counts, computed-only arguments set, literal
// types (cty conversion rules), and references to undeclared things or to attributes a type lacks.
import * as fs from 'fs';
import * as path from 'path';
import { checkReferences, Declarations, ReferenceScope } from './terraform-references';
import { isObject, JsonObject, ProviderSchemaBlock, ProviderSchemaFile, Report, suggestion, TerraformIssue } from './terraform-types';
import { checkBody } from './terraform-values';

export type {
  CtyType,
  ProviderSchema,
  ProviderSchemaFile,
  ProviderSchemaAttribute,
  ProviderSchemaBlock,
  ProviderSchemaBlockType,
  ProviderSchemaEntry,
  ProviderSchemaNestedType,
  TerraformIssue,
  TerraformIssueRule,
} from './terraform-types';

/** A vendored schema file, from lib/checks/ (sources, ts-jest) or build/lib/checks/ (compiled output). */
function vendoredSchema(file: string): string {
  const candidates = [
    path.resolve(__dirname, '..', 'providers', 'schemas', file),
    path.resolve(__dirname, '..', '..', '..', 'lib', 'providers', 'schemas', file),
  ];
  return candidates.find((c) => fs.existsSync(c)) ?? candidates[0];
}

/** Absolute path of the vendored schema of terraform-provider-openstack/openstack 3.4.0. */
export const OPENSTACK_SCHEMA_FILE: string = vendoredSchema('openstack-3.4.0.json');
/** Absolute path of the vendored schema of nhn-cloud/nhncloud 1.0.7. */
export const NHNCLOUD_SCHEMA_FILE: string = vendoredSchema('nhncloud-1.0.7.json');

const loaded = new Map<string, ProviderSchemaFile>();

/** Reads and parses a provider schema file (`terraform providers schema -json` output); cached per path. */
export function loadProviderSchema(file: string): ProviderSchemaFile {
  const key = path.resolve(file);
  let schema = loaded.get(key);
  if (!schema) {
    const parsed: unknown = JSON.parse(fs.readFileSync(key, 'utf8'));
    if (!isObject(parsed) || !isObject(parsed.provider_schemas)) {
      throw new Error(`${file}: not a provider schema file (expected the JSON of \`terraform providers schema -json\`, with "provider_schemas")`);
    }
    schema = parsed as unknown as ProviderSchemaFile;
    loaded.set(key, schema);
  }
  return schema;
}

const DYNAMIC = { type: 'dynamic', optional: true } as const;
/** Terraform's built-in provider (`terraform.io/builtin/terraform`): terraform_data and terraform_remote_state. */
const BUILTIN: ProviderSchemaFile = {
  format_version: '1.0',
  provider_schemas: {
    'terraform.io/builtin/terraform': {
      provider: { block: {} },
      resource_schemas: {
        terraform_data: {
          block: {
            attributes: {
              id: { type: 'string', computed: true },
              input: DYNAMIC,
              output: { type: 'dynamic', computed: true },
              triggers_replace: DYNAMIC,
            },
          },
        },
      },
      data_source_schemas: {
        terraform_remote_state: {
          block: {
            attributes: {
              backend: { type: 'string', required: true },
              config: DYNAMIC,
              defaults: DYNAMIC,
              outputs: { type: 'dynamic', computed: true },
              workspace: { type: 'string', optional: true },
            },
          },
        },
      },
    },
  },
};

/** Meta-arguments Terraform itself handles in resource and data source bodies. */
const RESOURCE_META = new Set(['depends_on', 'count', 'for_each', 'provider', 'lifecycle', 'provisioner', 'connection']);
/** Meta-arguments of provider configurations. */
const PROVIDER_META = new Set(['alias', 'version']);

interface SchemaIndex {
  /** Provider configuration blocks by lower-case source address. */
  readonly providers: ReadonlyMap<string, ProviderSchemaBlock>;
  readonly resources: ReadonlyMap<string, ProviderSchemaBlock>;
  readonly dataSources: ReadonlyMap<string, ProviderSchemaBlock>;
  /** Provider local names: the last segment of each source address. */
  readonly providerNames: ReadonlySet<string>;
}

function buildIndex(files: readonly ProviderSchemaFile[]): SchemaIndex {
  const providers = new Map<string, ProviderSchemaBlock>();
  const resources = new Map<string, ProviderSchemaBlock>();
  const dataSources = new Map<string, ProviderSchemaBlock>();
  const providerNames = new Set<string>();
  for (const file of [BUILTIN, ...files]) {
    for (const [source, schema] of Object.entries(file.provider_schemas)) {
      providers.set(source.toLowerCase(), schema.provider?.block ?? {});
      providerNames.add(source.toLowerCase().split('/').pop() ?? source);
      for (const [type, entry] of Object.entries(schema.resource_schemas ?? {})) resources.set(type, entry.block);
      for (const [type, entry] of Object.entries(schema.data_source_schemas ?? {})) dataSources.set(type, entry.block);
    }
  }
  return { providers, resources, dataSources, providerNames };
}

/** A source address in its full form: `hashicorp/x` → `registry.terraform.io/hashicorp/x`, lower case. */
function fullSource(source: string): string {
  const parts = source.toLowerCase().split('/');
  if (parts.length === 1) return `registry.terraform.io/hashicorp/${parts[0]}`;
  return parts.length === 2 ? `registry.terraform.io/${parts.join('/')}` : parts.join('/');
}

/** The schema of a provider configuration by local name (through terraform.required_providers when it maps it). */
function providerBlock(name: string, doc: JsonObject, index: SchemaIndex): ProviderSchemaBlock | undefined {
  const terraform = isObject(doc.terraform) ? doc.terraform : {};
  const required = isObject(terraform.required_providers) ? terraform.required_providers[name] : undefined;
  if (isObject(required) && typeof required.source === 'string') return index.providers.get(fullSource(required.source));
  for (const [source, block] of index.providers) if (source.split('/').pop() === name) return block;
  return undefined;
}

/** One configuration item: a provider configuration, resource, data source, output, local, variable or module. */
interface Item {
  readonly section: string;
  /** The resource or data source type, or the provider's local name. */
  readonly type: string;
  readonly address: string;
  readonly body: unknown;
  readonly constructPath?: string;
}

/** The items of a configuration, in the order of its sections. */
function* items(doc: JsonObject): Generator<Item> {
  const entries = (section: string): [string, unknown][] => (isObject(doc[section]) ? Object.entries(doc[section] as JsonObject) : []);
  const item = (section: string, type: string, address: string, body: unknown): Item => {
    const meta = isObject(body) && isObject(body['//']) ? body['//'].metadata : undefined;
    const constructPath = isObject(meta) && typeof meta.path === 'string' ? meta.path : undefined;
    return { section, type, address, body, ...(constructPath ? { constructPath } : {}) };
  };
  for (const [name, configs] of entries('provider')) {
    if (Array.isArray(configs)) {
      for (const [i, body] of configs.entries()) yield item('provider', name, `provider.${name}[${i}]`, body);
    } else {
      yield item('provider', name, `provider.${name}`, configs);
    }
  }
  for (const section of ['resource', 'data']) {
    for (const [type, named] of entries(section)) {
      if (!isObject(named)) continue;
      const prefix = section === 'resource' ? 'resource' : 'data';
      for (const [name, body] of Object.entries(named)) {
        for (const b of Array.isArray(body) ? body : [body]) yield item(section, type, `${prefix}.${type}.${name}`, b);
      }
    }
  }
  const singular: Record<string, string> = { output: 'output', locals: 'local', variable: 'variable', module: 'module' };
  for (const [section, prefix] of Object.entries(singular)) {
    for (const [name, body] of entries(section)) yield item(section, '', `${prefix}.${name}`, body);
  }
}

function declarations(doc: JsonObject): Declarations {
  const names = (section: string): Set<string> => new Set(isObject(doc[section]) ? Object.keys(doc[section] as JsonObject) : []);
  const typed = (section: string): Map<string, Set<string>> => {
    const result = new Map<string, Set<string>>();
    for (const type of names(section)) {
      const named = (doc[section] as JsonObject)[type];
      result.set(type, new Set(isObject(named) ? Object.keys(named) : []));
    }
    return result;
  };
  return { resource: typed('resource'), data: typed('data'), variable: names('variable'), local: names('locals'), module: names('module') };
}

/** Rules 1-5 for provider configurations, resources and data sources. */
function checkItemBody(item: Item, doc: JsonObject, index: SchemaIndex, report: Report): void {
  if (item.section === 'provider') {
    const block = providerBlock(item.type, doc, index);
    if (!block) {
      report('unknown-provider', '', `no provider schema for provider "${item.type}" (known: ${[...index.providerNames].join(', ')})`);
    } else {
      checkBody(block, item.body, '', report, `provider "${item.type}"`, PROVIDER_META);
    }
    return;
  }
  const resource = item.section === 'resource';
  const schemas = resource ? index.resources : index.dataSources;
  if (!resource && item.section !== 'data') return;
  const block = schemas.get(item.type);
  const kind = resource ? 'resource type' : 'data source type';
  if (!block) {
    report(resource ? 'unknown-resource-type' : 'unknown-data-source', '', `no provider schema has the ${kind} "${item.type}"${suggestion(item.type, schemas.keys())}`);
  } else {
    checkBody(block, item.body, '', report, `${kind} ${item.type}`, RESOURCE_META);
  }
}

/**
 * Checks a parsed `cdk.tf.json` against provider schemas, as far as `terraform validate` would without the
 * providers: see {@link TerraformIssue} for the rules. Terraform's built-in `terraform_data` resource and
 * `terraform_remote_state` data source are always known. Returns the issues found, in document order.
 */
export function checkTerraformJson(tfJson: unknown, schemas: ProviderSchemaFile | ProviderSchemaFile[]): TerraformIssue[] {
  if (!isObject(tfJson)) throw new TypeError('checkTerraformJson: expected the parsed JSON object of a cdk.tf.json');
  const index = buildIndex(Array.isArray(schemas) ? schemas : [schemas]);
  const scope: ReferenceScope = {
    declared: declarations(tfJson),
    resourceSchema: (type) => index.resources.get(type),
    dataSchema: (type) => index.dataSources.get(type),
    providerNames: index.providerNames,
  };
  const issues: TerraformIssue[] = [];
  for (const item of items(tfJson)) {
    const report: Report = (rule, p, message) => {
      issues.push({ rule, address: item.address, path: p, message, ...(item.constructPath ? { constructPath: item.constructPath } : {}) });
    };
    checkItemBody(item, tfJson, index, report);
    checkReferences(item.body, scope, report, item.section !== 'locals' && item.section !== 'variable');
  }
  return issues;
}

/** A human-readable report, one issue per line: `address path: message [rule] (construct path)`; "" when none. */
export function formatTerraformIssues(issues: readonly TerraformIssue[]): string {
  return issues
    .map((i) => `${i.address}${i.path ? ` ${i.path}` : ''}: ${i.message} [${i.rule}]${i.constructPath ? ` (construct ${i.constructPath})` : ''}`)
    .join('\n');
}

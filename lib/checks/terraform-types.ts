// Shared types and small helpers of the offline Terraform schema check (see terraform-schema.ts).

/** The kinds of problem `checkTerraformJson` reports. */
export type TerraformIssueRule =
  | 'unknown-resource-type'
  | 'unknown-data-source'
  | 'unknown-provider'
  | 'unknown-attribute'
  | 'missing-required'
  | 'computed-only-set'
  | 'block-count'
  | 'wrong-type'
  | 'bad-reference';

/** One problem found in a synthesized `cdk.tf.json`, which `terraform validate` would also reject. */
export interface TerraformIssue {
  /** What kind of problem it is. */
  readonly rule: TerraformIssueRule;
  /** The configuration item, e.g. `resource.openstack_containerinfra_cluster_v1.cluster_ABC` or `provider.openstack[0]`. */
  readonly address: string;
  /** The attribute path inside the item, e.g. `labels.kube_tag` or `block_device[0].volume_size`; "" for the whole item. */
  readonly path: string;
  /** One line that names the value and what the schema expects. */
  readonly message: string;
  /** The construct path cdktf recorded in the item's `"//": {"metadata": {"path"}}`, when present. */
  readonly constructPath?: string;
}

/**
 * A cty type as `terraform providers schema -json` writes it: `"string"`, `"number"`, `"bool"`, `"dynamic"`,
 * `["list", T]`, `["set", T]`, `["map", T]`, `["object", {name: T}, optionalNames?]` or `["tuple", [T...]]`.
 */
export type CtyType = string | readonly unknown[];

/** One attribute of a schema block. */
export interface ProviderSchemaAttribute {
  /** The attribute's cty type; absent when it has `nested_type`. */
  readonly type?: CtyType;
  /** Nested attribute types (protocol 6 providers), instead of `type`. */
  readonly nested_type?: ProviderSchemaNestedType;
  /** The configuration must set it. */
  readonly required?: boolean;
  /** The configuration may set it. */
  readonly optional?: boolean;
  /** The provider sets its value; a configuration may set it only when it is also `optional`. */
  readonly computed?: boolean;
  /** Terraform hides its value in output. */
  readonly sensitive?: boolean;
  /** The provider marks it deprecated. */
  readonly deprecated?: boolean;
  /** The provider's description of it. */
  readonly description?: string;
}

/** A nested attribute type (protocol 6 providers). */
export interface ProviderSchemaNestedType {
  /** The nested attributes by name. */
  readonly attributes: Readonly<Record<string, ProviderSchemaAttribute>>;
  /** How the nested object repeats: one object, or a list, set or map of them. */
  readonly nesting_mode: 'single' | 'list' | 'set' | 'map';
}

/** A nested block type of a schema block. */
export interface ProviderSchemaBlockType {
  /** How the block repeats: one block (`single`, `group`), or a list, set or map of blocks. */
  readonly nesting_mode: 'single' | 'list' | 'set' | 'map' | 'group';
  /** The nested block's schema. */
  readonly block: ProviderSchemaBlock;
  /** The fewest blocks the configuration may have; absent: 0. */
  readonly min_items?: number;
  /** The most blocks the configuration may have; absent: 1 for `single` and `group`, else no limit. */
  readonly max_items?: number;
}

/** A block: the body of a provider, resource, data source or nested block. */
export interface ProviderSchemaBlock {
  /** The block's attributes by name. */
  readonly attributes?: Readonly<Record<string, ProviderSchemaAttribute>>;
  /** The block's nested block types by name. */
  readonly block_types?: Readonly<Record<string, ProviderSchemaBlockType>>;
  /** The provider's description of the block. */
  readonly description?: string;
  /** The provider marks the block deprecated. */
  readonly deprecated?: boolean;
}

/** A versioned block: the provider configuration, a resource type or a data source type. */
export interface ProviderSchemaEntry {
  /** The schema version of the block, e.g. `0`. */
  readonly version?: number;
  /** The schema of its body. */
  readonly block: ProviderSchemaBlock;
}

/** The schema of one provider. */
export interface ProviderSchema {
  /** The provider configuration block (`provider "<name>" {}`). */
  readonly provider?: ProviderSchemaEntry;
  /** Resource types by name, e.g. `openstack_containerinfra_cluster_v1`. */
  readonly resource_schemas?: Readonly<Record<string, ProviderSchemaEntry>>;
  /** Data source types by name. */
  readonly data_source_schemas?: Readonly<Record<string, ProviderSchemaEntry>>;
}

/** The parsed output of `terraform providers schema -json`. */
export interface ProviderSchemaFile {
  /** The version of the JSON format, e.g. `1.0`. */
  readonly format_version: string;
  /** Keyed by provider source address, e.g. `registry.terraform.io/terraform-provider-openstack/openstack`. */
  readonly provider_schemas: Readonly<Record<string, ProviderSchema>>;
}

/** Records one issue of the item being checked. */
export type Report = (rule: TerraformIssueRule, path: string, message: string) => void;

/** A JSON object (not null, not an array). */
export type JsonObject = Record<string, unknown>;

/** Whether a JSON value is an object (not null, not an array). */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** `base.key`, or `base["key"]` when the key is not an identifier. */
export function keyPath(base: string, key: string): string {
  if (!IDENTIFIER.test(key)) return `${base}[${JSON.stringify(key)}]`;
  return base ? `${base}.${key}` : key;
}

/** `base[i]`. */
export function indexPath(base: string, i: number): string {
  return `${base}[${i}]`;
}

/** A short description of a JSON value for messages, e.g. `"abc" (string)`, `5 (number)`, `a list of 2`. */
export function describeValue(value: unknown): string {
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (isObject(value)) return `an object {${Object.keys(value).slice(0, 5).join(', ')}${Object.keys(value).length > 5 ? ', …' : ''}}`;
  if (typeof value === 'string') return `${JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value)} (string)`;
  if (typeof value === 'boolean') return `${value} (bool)`;
  return `${String(value)} (${typeof value})`;
}

/** The closest candidate to a misspelled name, as ` (did you mean "x"?)`, or "" when nothing is close. */
export function suggestion(name: string, candidates: Iterable<string>): string {
  let best = '';
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const c of candidates) {
    const d = editDistance(name, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best ? ` (did you mean "${best}"?)` : '';
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

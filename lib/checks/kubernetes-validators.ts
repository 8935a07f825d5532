// Schema validation of one Kubernetes object with the validators kubernetes-models 4.x ships, made strict.
//
// kubernetes-models does not ship its JSON schemas: each model module (`kubernetes-models/apps/v1/Deployment`)
// carries a validator that ajv compiled ahead of time, and the package's "exports" map hides the compiled
// `_schemas/*` modules. The public way to reach a validator is the model class: `Model.prototype.validate`
// runs it on `this` and throws ajv's ValidationError with `.errors`. So the model's validate is called with
// the object as `this`, without building a model (whose constructor copies the data).
//
// Those validators accept unknown fields. To be as strict as `kubectl apply --validate=strict` without
// hand-written schemas, the object is handed over behind recording proxies: ajv's generated code reads
// `data.<field>` once for every field the schema declares (`void 0 === data.x || validate(data.x)`) and
// enumerates the keys (`for (k in data)`) only where the schema allows any key (labels, annotations,
// resources.limits, ...). A key of the data that the validator neither read nor enumerated past is not in the
// schema: an unknown field. An object the validator never looked into is free-form in the schema (FieldsV1,
// RawExtension, x-kubernetes-preserve-unknown-fields), so nothing under it is reported.
//
// The recording run costs most of the check at scale (a proxy per object read), and programs repeat shapes:
// ten thousand Deployments differ in names, not in fields. So each kind's validator remembers, from its clean
// recording runs, which fields each place of the schema has (Shape below). An object the validator accepts
// when run directly, all of whose fields the remembered shape vouches for, has no unknown field; every other
// object takes the recording run (test/checks/schema-shapes.test.ts checks both ways agree).

/** One ajv error as kubernetes-models' validators report it (ajv-i18n has filled in `message`). */
export interface SchemaError {
  readonly instancePath: string;
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly message?: string;
}

/** A field of the data that the object's schema does not have. */
export interface UnknownField {
  /** Keys and indexes from the object's root to the field. */
  readonly segments: readonly (string | number)[];
  /** The fields the schema declares at that place, for "did you mean" hints. */
  readonly known: readonly string[];
}

/** What validating one object found. */
export interface SchemaResult {
  readonly errors: readonly SchemaError[];
  readonly unknownFields: readonly UnknownField[];
}

/** Validates an object of one apiVersion/kind. */
export type SchemaValidator = (data: object) => SchemaResult;

interface ModelClass {
  readonly apiVersion?: unknown;
  readonly kind?: unknown;
  readonly prototype: { validate(this: unknown): void };
}

// Shapes of what may be looked up; anything else cannot name a kubernetes-models module and must not reach
// require() (a kind like "../x" would otherwise resolve to another file).
const API_VERSION = /^(?:[a-z0-9]([-a-z0-9.]*[a-z0-9])?\/)?v[0-9]+(?:(?:alpha|beta)[0-9]+)?$/;
const KIND = /^[A-Z][A-Za-z0-9]*$/;

// One entry per apiVersion/kind looked up: the validator, or null for "kubernetes-models has no such kind".
const validators = new Map<string, SchemaValidator | null>();

/** How many objects were validated directly (their shape known) and with the recording run. */
const runs = { direct: 0, recorded: 0 };

/** Counts of the two ways objects were validated so far in this process (for tests and the bench). */
export function schemaRunCounts(): { readonly direct: number; readonly recorded: number } {
  return { ...runs };
}

/**
 * The validator kubernetes-models has for `apiVersion`/`kind`, loaded on first use and cached; undefined when
 * the package has no such top-level kind (a custom resource, a typo, a kind of another version). With
 * `recordAlways` (for tests), a fresh validator that takes the recording run on every object.
 */
export function findValidator(apiVersion: string, kind: string, options: { recordAlways?: boolean } = {}): SchemaValidator | undefined {
  if (options.recordAlways) {
    const model = API_VERSION.test(apiVersion) && KIND.test(kind) ? loadModel(apiVersion, kind) : undefined;
    return model ? strictValidator(model, false) : undefined;
  }
  const key = `${apiVersion}\u0000${kind}`;
  let found = validators.get(key);
  if (found === undefined) {
    const model = API_VERSION.test(apiVersion) && KIND.test(kind) ? loadModel(apiVersion, kind) : undefined;
    found = model ? strictValidator(model, true) : null;
    validators.set(key, found);
  }
  return found ?? undefined;
}

function loadModel(apiVersion: string, kind: string): ModelClass | undefined {
  let exports: Record<string, unknown>;
  try {
    // Core kinds live under "v1/", the others under "<group>/<version>/": exactly the apiVersion.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    exports = require(`kubernetes-models/${apiVersion}/${kind}`) as Record<string, unknown>;
  } catch (e) {
    if (isModuleNotFound(e)) return undefined;
    throw e;
  }
  const exported = exports[kind];
  if (typeof exported !== 'function') return undefined;
  const model = exported as unknown as ModelClass;
  // Modules of nested types (DeploymentSpec) have no apiVersion/kind: they are not objects one can apply.
  return model.apiVersion === apiVersion && model.kind === kind ? model : undefined;
}

function isModuleNotFound(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === 'MODULE_NOT_FOUND' || code === 'ERR_PACKAGE_PATH_NOT_EXPORTED' || /^Cannot find module/.test(String((e as Error)?.message));
}

const NO_ERRORS: readonly SchemaError[] = Object.freeze([]);

function strictValidator(model: ModelClass, useShape: boolean): SchemaValidator {
  const validate = model.prototype.validate;
  // What earlier clean objects of this kind showed of the schema (see Shape): an object that passes the
  // schema and whose every field and nested object the shape already covers has no unknown field, so it
  // needs only the validator's own run; any other object takes the recording run, which is always exact.
  const shape = newShape();
  return (data) => {
    if (useShape && runsClean(validate, data) && covers(shape, data)) {
      runs.direct++;
      return { errors: NO_ERRORS, unknownFields: NO_UNKNOWN_FIELDS };
    }
    runs.recorded++;
    const root = new Recorder(data);
    let errors = NO_ERRORS;
    try {
      validate.call(root.proxy);
    } catch (e) {
      const list = (e as { errors?: unknown } | null)?.errors;
      if (!Array.isArray(list)) throw e;
      errors = list as SchemaError[];
    }
    let unknownFields: UnknownField[] = [];
    collectUnknown(root, [], unknownFields);
    if (model.kind === 'CustomResourceDefinition') unknownFields = unknownFields.filter((f) => !isJsonSchemaPropsField(f));
    // Only a clean run read every field the schema declares wherever the data has an object.
    if (useShape && errors.length === 0) learn(shape, root);
    return { errors, unknownFields };
  };
}

const NO_UNKNOWN_FIELDS: readonly UnknownField[] = Object.freeze([]);

/** Whether the validator accepts `data` (run directly on the data: kubernetes-models' validators only read). */
function runsClean(validate: (this: unknown) => void, data: object): boolean {
  try {
    validate.call(data);
    return true;
  } catch (e) {
    if (!Array.isArray((e as { errors?: unknown } | null)?.errors)) throw e;
    return false;
  }
}

/**
 * The schema of one kind as the recording runs of clean objects saw it, place by place: what the
 * validator did with the object or array it found there. On an object it reads every field the schema
 * declares (ajv's code reads each), lists the keys where any key is allowed, or reads nothing where the
 * schema says nothing (free-form). Array items share one place, as they share one item schema; under an
 * object that takes any key, places stay by key. A place seen two different ways is never vouched for.
 */
interface Shape {
  kind?: 'array' | 'fields' | 'any-key' | 'free-form' | 'mixed';
  readonly fields: Set<string>;
  readonly children: Map<string, Shape>;
}

const ITEMS = '[]';

function newShape(): Shape {
  return { fields: new Set(), children: new Map() };
}

function learn(shape: Shape, node: Recorder): void {
  const read = node.read;
  const kind = read === undefined ? 'array' : node.enumerated ? 'any-key' : read.size === 0 ? 'free-form' : 'fields';
  shape.kind = shape.kind === undefined || shape.kind === kind ? kind : 'mixed';
  for (const key of read ?? []) shape.fields.add(key);
  if (!node.children) return;
  for (const [key, child] of node.children) {
    const place = read === undefined ? ITEMS : key;
    let next = shape.children.get(place);
    if (!next) shape.children.set(place, (next = newShape()));
    learn(next, child);
  }
}

/**
 * Whether `shape` vouches for every field of `value`: each key is one the schema has there (or any key is
 * allowed there), and each nested object or array lies at a place clean runs have seen the same way. False
 * means "not known", not "wrong": the caller then takes the recording run.
 */
function covers(shape: Shape, value: object): boolean {
  switch (shape.kind) {
    case 'array':
      if (!Array.isArray(value)) return false;
      for (const item of value as unknown[]) {
        if (item === null || typeof item !== 'object') continue;
        const items = shape.children.get(ITEMS);
        if (!items || !covers(items, item)) return false;
      }
      return true;
    case 'free-form':
      return !Array.isArray(value);
    case 'fields':
    case 'any-key':
      if (Array.isArray(value)) return false;
      for (const key of Object.keys(value)) {
        if (shape.kind === 'fields' && !shape.fields.has(key) && !key.startsWith(SCHEMA_EXTENSION_PREFIX)) return false;
        const child = (value as Record<string, unknown>)[key];
        if (child === null || typeof child !== 'object') continue;
        const place = shape.children.get(key);
        if (!place || !covers(place, child)) return false;
      }
      return true;
    default:
      return false;
  }
}

/**
 * Stands between the validator and one object or array of the data, and records what the validator reads.
 * It is its own proxy handler. The proxy's target is an empty stand-in, not the data: the data may be frozen,
 * and a proxy of a frozen object must return the original (unrecorded) children.
 */
class Recorder implements ProxyHandler<object> {
  readonly proxy: object;
  /** Keys read on an object; undefined for arrays, whose indexes are not fields. */
  readonly read: Set<string> | undefined;
  /** Whether the validator listed the keys: the schema takes any key here. */
  enumerated = false;
  /** Recorders of the objects and arrays read under this one, by key or index. */
  children: Map<string, Recorder> | undefined;

  constructor(readonly target: object) {
    const isArray = Array.isArray(target);
    this.read = isArray ? undefined : new Set();
    this.proxy = new Proxy(isArray ? [] : {}, this);
  }

  get(_: object, key: string | symbol): unknown {
    const value = Reflect.get(this.target, key);
    if (typeof key === 'symbol') return value;
    this.read?.add(key);
    if (value === null || typeof value !== 'object') return value;
    // One recorder per key, so that the validator's repeated reads of a field land in one place.
    this.children ??= new Map();
    let child = this.children.get(key);
    if (!child) this.children.set(key, (child = new Recorder(value)));
    return child.proxy;
  }

  has(_: object, key: string | symbol): boolean {
    if (typeof key === 'string') this.read?.add(key);
    return Reflect.has(this.target, key);
  }

  ownKeys(): ArrayLike<string | symbol> {
    this.enumerated = true;
    return Reflect.ownKeys(this.target);
  }

  getOwnPropertyDescriptor(stand: object, key: string | symbol): PropertyDescriptor | undefined {
    // Validators compiled with ajv's ownProperties option test fields with hasOwnProperty, which lands here.
    if (typeof key === 'string') this.read?.add(key);
    const own = Reflect.getOwnPropertyDescriptor(this.target, key);
    // An array's "length" exists, non-configurable, on the stand-in: the proxy must report it as such.
    if (!own || Reflect.getOwnPropertyDescriptor(stand, key)) return own;
    return { ...own, configurable: true };
  }

  getPrototypeOf(): object | null {
    return Reflect.getPrototypeOf(this.target);
  }
}

// kubernetes-models' generator drops the x-kubernetes-* properties of CRD schemas (JSONSchemaProps: its
// .d.ts declares x-kubernetes-preserve-unknown-fields and six more, its validator reads none), so such keys
// cannot be judged: they are let through everywhere rather than reported falsely.
const SCHEMA_EXTENSION_PREFIX = 'x-kubernetes-';

function collectUnknown(node: Recorder, segments: (string | number)[], out: UnknownField[]): void {
  const read = node.read;
  if (read !== undefined && !node.enumerated) {
    // Nothing read: the schema does not describe this object's fields (free-form), so neither its keys nor
    // anything below it can be judged.
    if (read.size === 0) return;
    for (const key of Object.keys(node.target)) {
      if (!read.has(key) && !key.startsWith(SCHEMA_EXTENSION_PREFIX)) out.push({ segments: [...segments, key], known: [...read] });
    }
  }
  if (!node.children) return;
  for (const [key, child] of node.children) {
    segments.push(read === undefined ? Number(key) : key);
    collectUnknown(child, segments, out);
    segments.pop();
  }
}

// The fields of apiextensions.k8s.io/v1 JSONSchemaProps (k8s.io/apiextensions-apiserver
// pkg/apis/apiextensions/v1/types_jsonschema.go). kubernetes-models' validator does not read every one of
// them in a CRD's nested schemas (its recursive JSONSchemaProps leaves `description` and others unread), so
// in a CRD's openAPIV3Schema a key of this list is a field, not an unknown one.
const JSON_SCHEMA_PROPS_FIELDS = new Set([
  'id', '$schema', '$ref', 'description', 'type', 'format', 'title', 'default', 'maximum', 'exclusiveMaximum', 'minimum',
  'exclusiveMinimum', 'maxLength', 'minLength', 'pattern', 'maxItems', 'minItems', 'uniqueItems', 'multipleOf', 'enum',
  'maxProperties', 'minProperties', 'required', 'items', 'allOf', 'oneOf', 'anyOf', 'not', 'properties', 'additionalProperties',
  'patternProperties', 'dependencies', 'additionalItems', 'definitions', 'externalDocs', 'example', 'nullable',
]);

function isJsonSchemaPropsField(field: UnknownField): boolean {
  const i = field.segments.indexOf('openAPIV3Schema');
  const last = String(field.segments[field.segments.length - 1]);
  return i >= 0 && i < field.segments.length - 1 && (JSON_SCHEMA_PROPS_FIELDS.has(last) || last.startsWith('x-kubernetes-'));
}

// Rules 2-5 of the Terraform schema check: the arguments and nested blocks of one body against its schema block
// (unknown names, missing required arguments, block counts, computed-only arguments, literal types by cty's
// conversion rules). Template strings (`${...}`) are not literals: their type is left to Terraform.
import { isTemplate, isUnresolvedToken, literalText } from './terraform-references';
import {
  CtyType,
  describeValue,
  indexPath,
  isObject,
  JsonObject,
  keyPath,
  ProviderSchemaAttribute,
  ProviderSchemaBlock,
  ProviderSchemaBlockType,
  Report,
  suggestion,
} from './terraform-types';

/** What cty accepts as a number in a string (math/big's base-10 float syntax). */
const NUMERIC = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
/** The keys of a `dynamic` block specification in Terraform's JSON syntax. */
const DYNAMIC_KEYS = new Set(['for_each', 'iterator', 'labels', 'content']);

/**
 * Checks a body (resource, data source, provider or nested block) against its schema block.
 * `ignore` names the meta-arguments allowed at this level (they are not checked); `what` names the body in messages.
 */
export function checkBody(block: ProviderSchemaBlock, body: unknown, path: string, report: Report, what: string, ignore: ReadonlySet<string> = new Set()): void {
  if (!isObject(body)) {
    report('wrong-type', path, `${describeValue(body)} where ${what} expects a block body (an object)`);
    return;
  }
  const attributes = block.attributes ?? {};
  const blockTypes = block.block_types ?? {};
  // `dynamic` is Terraform's own keyword unless the schema declares something by that name.
  const dynamicKeyword = !('dynamic' in attributes || 'dynamic' in blockTypes);
  const dynamic = dynamicKeyword ? checkDynamic(blockTypes, body.dynamic, path, report, what) : new Set<string>();
  for (const [key, value] of Object.entries(body)) {
    if (key === '//' || ignore.has(key) || (key === 'dynamic' && dynamicKeyword)) continue;
    const p = keyPath(path, key);
    if (attributes[key]) {
      checkAttribute(attributes[key], value, p, report);
    } else if (!blockTypes[key]) {
      const known = [...Object.keys(attributes), ...Object.keys(blockTypes)];
      report('unknown-attribute', p, `${what} has no argument or block "${key}"${suggestion(key, known)}`);
    }
  }
  for (const [name, attribute] of Object.entries(attributes)) {
    if (attribute.required && (body[name] === undefined || body[name] === null)) {
      report('missing-required', keyPath(path, name), `${what} requires the argument "${name}"${typeName(attribute.type, ' (', ')')}`);
    }
  }
  for (const [name, blockType] of Object.entries(blockTypes)) {
    const count = checkBlocks(name, blockType, body[name], keyPath(path, name), report, what);
    if (dynamic.has(name)) continue; // generated at plan time: any count may be right
    const min = blockType.min_items ?? 0;
    const max = blockType.max_items ?? (blockType.nesting_mode === 'single' || blockType.nesting_mode === 'group' ? 1 : Infinity);
    if (count < min || count > max) {
      const range = max === Infinity ? `at least ${min}` : min === max ? `exactly ${min}` : min > 0 ? `${min} to ${max}` : `at most ${max}`;
      report('block-count', keyPath(path, name), `${what} takes ${range} "${name}" block${max === 1 ? '' : 's'}, found ${count}`);
    }
  }
}

/** Checks the nested blocks of one block type (an object or an array of objects); returns how many there are. */
function checkBlocks(name: string, blockType: ProviderSchemaBlockType, value: unknown, path: string, report: Report, what: string): number {
  if (value === undefined || value === null) return 0;
  const inner = `the "${name}" block`;
  if (blockType.nesting_mode === 'map') {
    if (!isObject(value)) return notABlock(value, path, report, what, name, 'an object of labelled blocks');
    for (const [label, body] of Object.entries(value)) checkBody(blockType.block, body, keyPath(path, label), report, inner);
    return Object.keys(value).length;
  }
  if (isObject(value)) {
    checkBody(blockType.block, value, path, report, inner);
    return 1;
  }
  if (!Array.isArray(value)) return notABlock(value, path, report, what, name, 'an object or an array of objects');
  value.forEach((body, i) => checkBody(blockType.block, body, indexPath(path, i), report, inner));
  return value.length;
}

function notABlock(value: unknown, path: string, report: Report, what: string, name: string, expected: string): number {
  const hint = typeof value === 'string' && isTemplate(value) ? ' (blocks cannot be computed; use a dynamic block)' : '';
  report('wrong-type', path, `${describeValue(value)} where ${what} expects "${name}" blocks as ${expected}${hint}`);
  return NaN; // unknown count: no block-count report
}

/**
 * Checks `"dynamic": {"<block>": {"for_each", "iterator", "labels", "content"}}` (an object, or an array of
 * them) and returns the block types it generates.
 */
function checkDynamic(blockTypes: Readonly<Record<string, ProviderSchemaBlockType>>, value: unknown, path: string, report: Report, what: string): Set<string> {
  const generated = new Set<string>();
  if (value === undefined) return generated;
  const base = keyPath(path, 'dynamic');
  if (!isObject(value)) {
    report('wrong-type', base, `${describeValue(value)} where ${what} expects dynamic blocks as an object keyed by block type`);
    return generated;
  }
  for (const [name, specs] of Object.entries(value)) {
    const p = keyPath(base, name);
    const blockType = blockTypes[name];
    if (!blockType) {
      report('unknown-attribute', p, `${what} has no block type "${name}" to generate dynamically${suggestion(name, Object.keys(blockTypes))}`);
      continue;
    }
    generated.add(name);
    const list = Array.isArray(specs) ? specs : [specs];
    list.forEach((spec, i) => {
      const sp = Array.isArray(specs) ? indexPath(p, i) : p;
      if (!isObject(spec)) {
        report('wrong-type', sp, `${describeValue(spec)} where a dynamic "${name}" block expects an object with for_each and content`);
        return;
      }
      for (const key of Object.keys(spec)) {
        if (!DYNAMIC_KEYS.has(key)) report('unknown-attribute', keyPath(sp, key), `a dynamic block has no argument "${key}" (it takes for_each, iterator, labels, content)`);
      }
      if (spec.for_each === undefined || spec.for_each === null) report('missing-required', keyPath(sp, 'for_each'), `a dynamic "${name}" block requires "for_each"`);
      if (spec.content !== undefined) checkBody(blockType.block, spec.content, keyPath(sp, 'content'), report, `the "${name}" block`);
    });
  }
  return generated;
}

/** Checks the value set for one attribute. */
function checkAttribute(attribute: ProviderSchemaAttribute, value: unknown, path: string, report: Report): void {
  if (value === null || value === undefined) return;
  if (attribute.computed && !attribute.optional && !attribute.required) {
    report('computed-only-set', path, `${describeValue(value)} is set, but the provider computes this attribute: it cannot be set in configuration`);
    return;
  }
  const nested = attribute.nested_type;
  if (!nested) {
    checkType(attribute.type ?? 'dynamic', value, path, report);
    return;
  }
  const block: ProviderSchemaBlock = { attributes: nested.attributes };
  if (typeof value === 'string' && isExpression(value)) return;
  if (nested.nesting_mode === 'single') {
    checkBody(block, value, path, report, 'the object');
  } else if (nested.nesting_mode === 'map' && isObject(value)) {
    for (const [k, v] of Object.entries(value)) checkBody(block, v, keyPath(path, k), report, 'the object');
  } else if (nested.nesting_mode !== 'map' && Array.isArray(value)) {
    value.forEach((v, i) => checkBody(block, v, indexPath(path, i), report, 'the object'));
  } else {
    report('wrong-type', path, `${describeValue(value)} where a ${nested.nesting_mode} of objects is expected`);
  }
}

/** Whether a string is computed (a template) or an unresolved token (reported by the reference check). */
function isExpression(value: string): boolean {
  return isTemplate(value) || isUnresolvedToken(value);
}

/**
 * Checks that a JSON literal converts to a cty type as Terraform converts it: numbers and bools to strings,
 * numeric strings to numbers, "true"/"false"/"1"/"0" to bools, arrays to lists/sets/tuples, objects to maps/objects.
 */
export function checkType(type: CtyType, value: unknown, path: string, report: Report): void {
  if (value === null || value === undefined || type === 'dynamic') return;
  if (typeof value === 'string' && isExpression(value)) return;
  const wrong = (): void => report('wrong-type', path, `${describeValue(value)} cannot be converted to ${typeName(type)}`);
  if (typeof type === 'string') {
    const text = typeof value === 'string' ? literalText(value) : undefined;
    const ok =
      type === 'string' ? ['string', 'number', 'boolean'].includes(typeof value)
      : type === 'number' ? typeof value === 'number' || (text !== undefined && NUMERIC.test(text))
      : type === 'bool' ? typeof value === 'boolean' || (text !== undefined && ['true', 'false', '1', '0'].includes(text))
      : true; // a type this check does not know: leave it to Terraform
    if (!ok) wrong();
    return;
  }
  const [kind, element, optional] = type;
  if ((kind === 'list' || kind === 'set') && Array.isArray(value)) {
    value.forEach((v, i) => checkType(element as CtyType, v, indexPath(path, i), report));
  } else if (kind === 'tuple' && Array.isArray(value) && Array.isArray(element) && element.length === value.length) {
    value.forEach((v, i) => checkType(element[i] as CtyType, v, indexPath(path, i), report));
  } else if (kind === 'map' && isObject(value)) {
    for (const [k, v] of Object.entries(value)) checkType(element as CtyType, v, keyPath(path, k), report);
  } else if (kind === 'object' && isObject(value) && isObject(element)) {
    checkObject(element as Record<string, CtyType>, new Set(Array.isArray(optional) ? (optional as string[]) : []), value, path, report);
  } else {
    wrong();
  }
}

function checkObject(attributes: Record<string, CtyType>, optional: ReadonlySet<string>, value: JsonObject, path: string, report: Report): void {
  for (const [k, v] of Object.entries(value)) {
    if (k in attributes) checkType(attributes[k], v, keyPath(path, k), report);
    else report('unknown-attribute', keyPath(path, k), `the object type ${typeName(['object', attributes])} has no attribute "${k}"${suggestion(k, Object.keys(attributes))}`);
  }
  for (const k of Object.keys(attributes)) {
    if (!(k in value) && !optional.has(k)) report('missing-required', keyPath(path, k), `the object requires the attribute "${k}" (${typeName(attributes[k])})`);
  }
}

/** A cty type in Terraform's notation, e.g. `list(string)`, `object({id=string})`; `before`/`after` wrap it. */
export function typeName(type: CtyType | undefined, before = '', after = ''): string {
  if (type === undefined) return '';
  const name = (t: unknown): string => {
    if (!Array.isArray(t)) return String(t);
    const [kind, inner] = t;
    if (kind === 'object' && isObject(inner)) return `object({${Object.entries(inner).map(([k, v]) => `${k}=${name(v)}`).join(', ')}})`;
    if (kind === 'tuple' && Array.isArray(inner)) return `tuple([${inner.map(name).join(', ')}])`;
    return `${kind}(${name(inner)})`;
  };
  return `${before}${name(type)}${after}`;
}

// Rule 6 of the Terraform schema check: the references inside `${...}` templates (and the bare references of
// depends_on / replace_triggered_by) must name things declared in the same configuration, and the first attribute
// after a resource or data source must exist in its schema. Best effort: an expression it cannot follow is skipped,
// never reported.
import { indexPath, isObject, keyPath, ProviderSchemaBlock, Report, suggestion } from './terraform-types';

/** The names a configuration declares. */
export interface Declarations {
  /** Resource names per resource type. */
  readonly resource: ReadonlyMap<string, ReadonlySet<string>>;
  /** Data source names per data source type. */
  readonly data: ReadonlyMap<string, ReadonlySet<string>>;
  readonly variable: ReadonlySet<string>;
  readonly local: ReadonlySet<string>;
  readonly module: ReadonlySet<string>;
}

/** What reference checking needs to know about the configuration and the schemas. */
export interface ReferenceScope {
  readonly declared: Declarations;
  /** The schema of a resource type, undefined when no schema has it. */
  resourceSchema(type: string): ProviderSchemaBlock | undefined;
  /** The schema of a data source type, undefined when no schema has it. */
  dataSchema(type: string): ProviderSchemaBlock | undefined;
  /** Provider local names (`openstack`, `terraform`, ...): `<name>_...` roots are resource types. */
  readonly providerNames: ReadonlySet<string>;
}

/** Roots Terraform defines itself, whose attributes are not checked here. */
const BUILTIN_ROOTS = new Set(['count', 'each', 'self', 'path', 'terraform']);
/** Marks an index (`[0]`, `["k"]`) or splat (`[*]`, `.*`) step in a traversal. */
const INDEX = '[]';
const ID_START = /[A-Za-z_]/;
const ID_CHAR = /[A-Za-z0-9_-]/;
const FOR_SYMBOLS = /\bfor\s+([A-Za-z_][A-Za-z0-9_-]*)(?:\s*,\s*([A-Za-z_][A-Za-z0-9_-]*))?\s+in\b/g;

/** The texts of the `${...}` interpolations and `%{...}` directives in a template string (nested ones included). */
export function templateExpressions(template: string): string[] {
  const found: string[] = [];
  scanTemplate(template, 0, false, found);
  return found;
}

/** Whether a JSON string is a Terraform template with interpolations or directives (its value is not literal). */
export function isTemplate(value: string): boolean {
  return templateExpressions(value).length > 0;
}

/** The literal value of a string without interpolations: the `$${` and `%%{` escapes undone. */
export function literalText(value: string): string {
  return value.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
}

/** Whether a string holds a cdktf token that was never resolved (`${TfToken[TOKEN.1]}`, `#{TfToken[...]}`). */
export function isUnresolvedToken(value: string): boolean {
  return value.includes('TfToken[');
}

/** Scans template text from `i` to the end, or to the closing quote when `quoted`; returns the index after it. */
function scanTemplate(s: string, i: number, quoted: boolean, found: string[]): number {
  while (i < s.length) {
    const c = s[i];
    if (quoted && c === '\\') {
      i += 2;
    } else if (quoted && c === '"') {
      return i + 1;
    } else if ((c === '$' || c === '%') && s[i + 1] === c && s[i + 2] === '{') {
      i += 3; // $${ and %%{ are escapes for a literal ${ and %{
    } else if ((c === '$' || c === '%') && s[i + 1] === '{') {
      i = scanExpression(s, i + 2, found);
    } else {
      i++;
    }
  }
  return i;
}

/** Scans an expression up to its closing brace; pushes its text with quoted strings blanked to `""`. */
function scanExpression(s: string, i: number, found: string[]): number {
  let depth = 0;
  let text = '';
  while (i < s.length) {
    const c = s[i];
    if (c === '"') {
      i = scanTemplate(s, i + 1, true, found);
      text += '""';
      continue;
    }
    if (c === '{') depth++;
    if (c === '}' && depth-- === 0) break;
    text += c;
    i++;
  }
  found.push(text);
  return i + 1;
}

/**
 * The traversals in expression texts, as [root, step...] where a step is an attribute name or `[]` for an index
 * or splat; function names, for-expression symbols and traversals without a step are left out.
 */
export function traversals(expressions: readonly string[]): string[][] {
  const symbols = new Set<string>();
  for (const e of expressions) {
    for (const m of e.matchAll(FOR_SYMBOLS)) {
      symbols.add(m[1]);
      if (m[2]) symbols.add(m[2]);
    }
  }
  const result: string[][] = [];
  for (const e of expressions) {
    let i = 0;
    while (i < e.length) {
      const before = i > 0 ? e[i - 1] : ' ';
      if (!ID_START.test(e[i]) || ID_CHAR.test(before) || before === '.' || e.startsWith('::', i - 2)) {
        i++;
        continue;
      }
      let j = i;
      while (j < e.length && ID_CHAR.test(e[j])) j++;
      const root = e.slice(i, j);
      const steps = readSteps(e, j);
      const isCall = /^\s*(\(|::)/.test(e.slice(j, j + 64));
      if (!isCall && steps.length > 0 && !symbols.has(root)) result.push([root, ...steps]);
      i = j; // index expressions such as x[var.i] are scanned too
    }
  }
  return result;
}

/** The `.attr`, `.0`, `.*`, `[...]` steps after position `k`. */
function readSteps(e: string, k: number): string[] {
  const steps: string[] = [];
  while (k < e.length) {
    if (e[k] === '.' && e[k + 1] === '*') {
      steps.push(INDEX);
      k += 2;
    } else if (e[k] === '.') {
      let end = k + 1;
      while (end < e.length && ID_CHAR.test(e[end])) end++;
      if (end === k + 1) break;
      steps.push(/^\d+$/.test(e.slice(k + 1, end)) ? INDEX : e.slice(k + 1, end));
      k = end;
    } else if (e[k] === '[') {
      let depth = 0;
      do {
        if (e[k] === '[') depth++;
        if (e[k] === ']') depth--;
        k++;
      } while (k < e.length && depth > 0);
      steps.push(INDEX);
    } else {
      break;
    }
  }
  return steps;
}

/** Checks one traversal; reports what it names that is not declared, or an attribute the schema lacks. */
function checkTraversal(t: readonly string[], scope: ReferenceScope, report: Report, path: string): void {
  const [root, first, second] = t;
  const text = t.filter((s) => s !== INDEX).join('.');
  const declaredIn = (names: ReadonlySet<string>, kind: string, name: string): void => {
    if (name !== INDEX && !names.has(name)) {
      report('bad-reference', path, `"${text}" refers to ${kind} "${name}", which this configuration does not declare${suggestion(name, names)}`);
    }
  };
  if (root === 'var') return declaredIn(scope.declared.variable, 'variable', first);
  if (root === 'local') return declaredIn(scope.declared.local, 'local value', first);
  if (root === 'module') return declaredIn(scope.declared.module, 'module', first);
  if (BUILTIN_ROOTS.has(root)) return;
  if (root === 'data') {
    if (first === INDEX || second === undefined || second === INDEX) return;
    return checkObjectReference(t.slice(1), scope.declared.data, scope.dataSchema(first), 'data source', text, report, path);
  }
  const prefix = root.split('_')[0];
  if (root.includes('_') && (scope.declared.resource.has(root) || scope.resourceSchema(root) || scope.providerNames.has(prefix))) {
    if (first === INDEX) return;
    checkObjectReference(t, scope.declared.resource, scope.resourceSchema(root), 'resource', text, report, path);
  }
}

/** `type.name.attr...`: the name must be declared for the type, and the first attribute exist in the schema. */
function checkObjectReference(
  t: readonly string[],
  declared: ReadonlyMap<string, ReadonlySet<string>>,
  schema: ProviderSchemaBlock | undefined,
  kind: string,
  text: string,
  report: Report,
  path: string,
): void {
  const [type, name, ...rest] = t;
  const names = declared.get(type) ?? new Set<string>();
  if (!names.has(name)) {
    const known = schema ? '' : ` (and no provider schema has the ${kind} type "${type}")`;
    report('bad-reference', path, `"${text}" refers to ${kind} ${type}.${name}, which this configuration does not declare${known}${suggestion(name, names)}`);
    return;
  }
  const attr = rest.find((s) => s !== INDEX);
  if (!schema || attr === undefined) return;
  const known = new Set(['id', ...Object.keys(schema.attributes ?? {}), ...Object.keys(schema.block_types ?? {})]);
  if (!known.has(attr)) {
    report('bad-reference', path, `"${text}": ${kind} type ${type} has no attribute or block "${attr}"${suggestion(attr, known)}`);
  }
}

/** Checks every reference of one template string (and reports unresolved cdktf tokens). */
function checkString(value: string, bare: boolean, scope: ReferenceScope, report: Report, path: string): void {
  if (isUnresolvedToken(value)) {
    report('bad-reference', path, `${JSON.stringify(value)} holds a cdktf token that was never resolved (a token used outside its stack or app, or a list token used as a string)`);
    return;
  }
  for (const t of traversals(bare ? [value] : templateExpressions(value))) checkTraversal(t, scope, report, path);
}

/**
 * Checks the references in every string (keys included) of a configuration item; cdktf's `"//"` metadata is
 * skipped. With `metaArguments` (resources, data sources, outputs, modules), the top-level `depends_on` and
 * `lifecycle.replace_triggered_by` are read as bare references (no `${}`).
 */
export function checkReferences(body: unknown, scope: ReferenceScope, report: Report, metaArguments: boolean): void {
  const walk = (value: unknown, path: string, bare: boolean): void => {
    if (typeof value === 'string') {
      checkString(value, bare, scope, report, path);
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, indexPath(path, i), bare));
    } else if (isObject(value)) {
      for (const [k, v] of Object.entries(value)) {
        if (k === '//') continue;
        const p = keyPath(path, k);
        checkString(k, false, scope, report, p);
        walk(v, p, bare || (metaArguments && (p === 'depends_on' || p === 'lifecycle.replace_triggered_by')));
      }
    }
  };
  walk(body, '', false);
}

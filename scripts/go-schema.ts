// Reads terraform-plugin-sdk v2 resource schemas out of a provider's Go source, without Go: a tokenizer, a parser
// for the expressions schemas are written in (composite literals, calls, selectors, unary and binary operators,
// function literals skipped whole), and an evaluator that follows a schema through the package's own functions
// and local variables. What it finds per resource type: the arguments marked `ForceNew: true` (nested block
// arguments by their dotted path), the arguments a CustomizeDiff may force to a new resource
// (`customdiff.ForceNewIf*("arg", ...)`, `d.ForceNew("arg")`), and whether the resource has an update function.
// What it cannot follow (a schema built in a loop, say) is named in `incomplete`, never guessed.
//
// The SDK semantics it relies on (hashicorp/terraform-plugin-sdk v2.32.0, the version nhn-cloud/nhncloud v1.0.7
// builds with; openstack v3.4.0 uses v2.38.1): `helper/schema/schema.go` line 110 (`ForceNew bool`: "a change in
// this value requires the resource to be destroyed and recreated"), lines 1216 and 1228 (a list's or set's own
// ForceNew marks the diffs of its elements RequiresNew), `helper/schema/resource.go` lines 912-916 (a change
// applied to a resource without an update function fails with "doesn't support update").

/** One token of Go source. */
export interface GoToken {
  readonly kind: 'ident' | 'string' | 'number' | 'char' | 'op';
  /** The token's text; for strings, the unquoted value. */
  readonly text: string;
  readonly line: number;
}

/** Splits Go source into tokens (comments dropped; automatic semicolons are not inserted). */
export function tokenizeGo(source: string): GoToken[] {
  const tokens: GoToken[] = [];
  let i = 0;
  let line = 1;
  const n = source.length;
  const ops = ['<<=', '>>=', '&^=', '...', '&&', '||', '<-', '++', '--', '==', '!=', '<=', '>=', ':=', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '<<', '>>', '&^'];
  while (i < n) {
    const c = source[i];
    if (c === '\n') {
      line++;
      i++;
    } else if (c === ' ' || c === '\t' || c === '\r') {
      i++;
    } else if (c === '/' && source[i + 1] === '/') {
      while (i < n && source[i] !== '\n') i++;
    } else if (c === '/' && source[i + 1] === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end < 0 ? n : end + 2;
      for (let j = i; j < stop; j++) if (source[j] === '\n') line++;
      i = stop;
    } else if (c === '"') {
      const start = line;
      let j = i + 1;
      let value = '';
      while (j < n && source[j] !== '"') {
        if (source[j] === '\\') {
          value += source.slice(j, j + 2);
          j += 2;
        } else {
          value += source[j++];
        }
      }
      tokens.push({ kind: 'string', text: unescapeGo(value), line: start });
      i = j + 1;
    } else if (c === '`') {
      const start = line;
      const end = source.indexOf('`', i + 1);
      const stop = end < 0 ? n : end;
      const value = source.slice(i + 1, stop);
      for (const ch of value) if (ch === '\n') line++;
      tokens.push({ kind: 'string', text: value, line: start });
      i = stop + 1;
    } else if (c === "'") {
      let j = i + 1;
      while (j < n && source[j] !== "'") j += source[j] === '\\' ? 2 : 1;
      tokens.push({ kind: 'char', text: source.slice(i, j + 1), line });
      i = j + 1;
    } else if (/[A-Za-z_]/.test(c) || c.charCodeAt(0) > 127) {
      let j = i + 1;
      while (j < n && (/[A-Za-z0-9_]/.test(source[j]) || source.charCodeAt(j) > 127)) j++;
      tokens.push({ kind: 'ident', text: source.slice(i, j), line });
      i = j;
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(source[i + 1] ?? ''))) {
      let j = i + 1;
      while (j < n && /[0-9A-Za-z_.]/.test(source[j])) j++;
      tokens.push({ kind: 'number', text: source.slice(i, j), line });
      i = j;
    } else {
      const op = ops.find((o) => source.startsWith(o, i)) ?? c;
      tokens.push({ kind: 'op', text: op, line });
      i += op.length;
    }
  }
  return tokens;
}

function unescapeGo(s: string): string {
  return s.replace(/\\(.)/g, (_m, ch: string) => ({ n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\' })[ch] ?? ch);
}

/** A parsed Go expression (only what schema code needs). */
export type GoExpr =
  | { readonly kind: 'ident'; readonly name: string; readonly line: number }
  | { readonly kind: 'string'; readonly value: string; readonly line: number }
  | { readonly kind: 'literal'; readonly text: string; readonly line: number }
  | { readonly kind: 'selector'; readonly base: GoExpr; readonly name: string; readonly line: number }
  | { readonly kind: 'call'; readonly fn: GoExpr; readonly args: readonly GoExpr[]; readonly line: number }
  | { readonly kind: 'index'; readonly base: GoExpr; readonly index: GoExpr; readonly line: number }
  | { readonly kind: 'unary'; readonly op: string; readonly operand: GoExpr; readonly line: number }
  | { readonly kind: 'binary'; readonly op: string; readonly left: GoExpr; readonly right: GoExpr; readonly line: number }
  | { readonly kind: 'composite'; readonly type: string; readonly elements: readonly GoElement[]; readonly line: number }
  | { readonly kind: 'func'; readonly start: number; readonly end: number; readonly line: number }
  | { readonly kind: 'typeassert'; readonly base: GoExpr; readonly line: number };

/** One element of a composite literal: `key: value` or a bare value. */
export interface GoElement {
  readonly key?: GoExpr;
  readonly value: GoExpr;
}

const BINARY_PRECEDENCE: Readonly<Record<string, number>> = {
  '||': 1,
  '&&': 2,
  '==': 3,
  '!=': 3,
  '<': 3,
  '<=': 3,
  '>': 3,
  '>=': 3,
  '+': 4,
  '-': 4,
  '|': 4,
  '^': 4,
  '*': 5,
  '/': 5,
  '%': 5,
  '<<': 5,
  '>>': 5,
  '&': 5,
  '&^': 5,
};

/** A recursive-descent parser over a token array (positions are token indices). */
export class GoParser {
  public pos: number;
  constructor(
    public readonly tokens: readonly GoToken[],
    start = 0,
  ) {
    this.pos = start;
  }

  public peek(offset = 0): GoToken | undefined {
    return this.tokens[this.pos + offset];
  }

  private is(text: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t !== undefined && (t.kind === 'op' || t.kind === 'ident') && t.text === text;
  }

  private expect(text: string): GoToken {
    const t = this.peek();
    if (!t || t.text !== text) throw new Error(`expected "${text}" at line ${t?.line ?? 'end'}, found ${t ? `"${t.text}"` : 'the end'}`);
    this.pos++;
    return t;
  }

  /** Skips a balanced (), [] or {} group starting at the current token. */
  public skipGroup(): void {
    const open = this.peek()?.text;
    const close = open === '(' ? ')' : open === '[' ? ']' : '}';
    let depth = 0;
    for (; this.pos < this.tokens.length; this.pos++) {
      const t = this.tokens[this.pos];
      if (t.kind !== 'op') continue;
      if (t.text === open) depth++;
      else if (t.text === close && --depth === 0) {
        this.pos++;
        return;
      }
    }
  }

  /** A type, as text: `*schema.Schema`, `map[string]*schema.Schema`, `[]interface{}`, `func(...) error`. */
  public parseType(): string {
    const t = this.peek();
    if (!t) throw new Error('expected a type at the end');
    if (this.is('*')) {
      this.pos++;
      return `*${this.parseType()}`;
    }
    if (this.is('[')) {
      this.pos++;
      let len = '';
      while (!this.is(']')) len += this.tokens[this.pos++].text;
      this.pos++;
      return `[${len}]${this.parseType()}`;
    }
    if (this.is('map')) {
      this.pos++;
      this.expect('[');
      const key = this.parseType();
      this.expect(']');
      return `map[${key}]${this.parseType()}`;
    }
    if (this.is('interface') || this.is('struct')) {
      this.pos++;
      this.skipGroup();
      return `${t.text}{}`;
    }
    if (this.is('func')) {
      this.pos++;
      this.skipGroup();
      // A result: a parenthesized list, or a single type unless what follows cannot start one.
      if (this.is('(')) this.skipGroup();
      else if (this.startsType()) this.parseType();
      return 'func';
    }
    if (this.is('chan')) {
      this.pos++;
      return `chan ${this.parseType()}`;
    }
    if (t.kind !== 'ident') throw new Error(`expected a type at line ${t.line}, found "${t.text}"`);
    this.pos++;
    let name = t.text;
    if (this.is('.') && this.peek(1)?.kind === 'ident') {
      name += `.${this.tokens[this.pos + 1].text}`;
      this.pos += 2;
    }
    return name;
  }

  private startsType(): boolean {
    const t = this.peek();
    if (!t) return false;
    if (t.kind === 'ident') return !['if', 'for', 'return', 'switch', 'var'].includes(t.text);
    return t.kind === 'op' && ['*', '[', '('].includes(t.text);
  }

  public parseExpr(minPrecedence = 1): GoExpr {
    let left = this.parseUnary();
    for (;;) {
      const t = this.peek();
      const prec = t && t.kind === 'op' ? BINARY_PRECEDENCE[t.text] : undefined;
      if (prec === undefined || prec < minPrecedence) return left;
      this.pos++;
      const right = this.parseExpr(prec + 1);
      left = { kind: 'binary', op: t!.text, left, right, line: t!.line };
    }
  }

  private parseUnary(): GoExpr {
    const t = this.peek();
    if (t && t.kind === 'op' && ['&', '*', '-', '+', '!', '^', '<-'].includes(t.text)) {
      this.pos++;
      return { kind: 'unary', op: t.text, operand: this.parseUnary(), line: t.line };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): GoExpr {
    const t = this.peek();
    if (!t) throw new Error('expected an expression at the end');
    let expr: GoExpr;
    if (t.kind === 'string') {
      this.pos++;
      expr = { kind: 'string', value: t.text, line: t.line };
    } else if (t.kind === 'number' || t.kind === 'char') {
      this.pos++;
      expr = { kind: 'literal', text: t.text, line: t.line };
    } else if (this.is('func')) {
      const start = this.pos;
      this.parseType();
      if (this.is('{')) this.skipGroup();
      return { kind: 'func', start, end: this.pos, line: t.line };
    } else if (this.is('{')) {
      // A composite literal whose type is elided (inside another composite).
      return this.parseComposite('', t.line);
    } else if (this.is('[') || this.is('map') || this.is('struct') || this.is('interface')) {
      const type = this.parseType();
      if (!this.is('{')) return { kind: 'ident', name: type, line: t.line }; // a conversion like []byte(x) follows
      expr = this.parseComposite(type, t.line);
    } else if (this.is('(')) {
      this.pos++;
      expr = this.parseExpr();
      this.expect(')');
    } else if (t.kind === 'ident') {
      this.pos++;
      expr = { kind: 'ident', name: t.text, line: t.line };
    } else {
      throw new Error(`unexpected "${t.text}" at line ${t.line}`);
    }
    for (;;) {
      if (this.is('.') && this.peek(1)?.kind === 'ident') {
        const name = this.tokens[this.pos + 1].text;
        this.pos += 2;
        expr = { kind: 'selector', base: expr, name, line: t.line };
      } else if (this.is('.') && this.is('(', 1)) {
        this.pos += 1;
        this.skipGroup();
        expr = { kind: 'typeassert', base: expr, line: t.line };
      } else if (this.is('(')) {
        this.pos++;
        const args: GoExpr[] = [];
        while (!this.is(')')) {
          args.push(this.parseExpr());
          if (this.is('...')) this.pos++;
          if (this.is(',')) this.pos++;
        }
        this.pos++;
        expr = { kind: 'call', fn: expr, args, line: t.line };
      } else if (this.is('[')) {
        this.pos++;
        const index = this.is(':') ? ({ kind: 'literal', text: '', line: t.line } as GoExpr) : this.parseExpr();
        while (!this.is(']')) this.pos++; // slices: a[i:j]
        this.pos++;
        expr = { kind: 'index', base: expr, index, line: t.line };
      } else if (this.is('{') && isTypeName(expr)) {
        expr = this.parseComposite(typeText(expr), t.line);
      } else {
        return expr;
      }
    }
  }

  private parseComposite(type: string, line: number): GoExpr {
    this.expect('{');
    const elements: GoElement[] = [];
    while (!this.is('}')) {
      const first = this.parseExpr();
      if (this.is(':')) {
        this.pos++;
        elements.push({ key: first, value: this.parseExpr() });
      } else {
        elements.push({ value: first });
      }
      if (this.is(',')) this.pos++;
    }
    this.pos++;
    return { kind: 'composite', type, elements, line };
  }
}

function isTypeName(e: GoExpr): boolean {
  return e.kind === 'ident' || (e.kind === 'selector' && e.base.kind === 'ident');
}

function typeText(e: GoExpr): string {
  if (e.kind === 'ident') return e.name;
  if (e.kind === 'selector') return `${typeText(e.base)}.${e.name}`;
  return '';
}

/** A top-level function of a package: its body's token range in its file. */
interface GoFunction {
  readonly name: string;
  readonly file: string;
  readonly tokens: readonly GoToken[];
  /** Index of the body's `{` and one past its `}`. */
  readonly bodyStart: number;
  readonly bodyEnd: number;
}

/** A Go package's files, indexed by top-level function name (methods are left out). */
export class GoPackage {
  public readonly functions = new Map<string, GoFunction>();

  /** @param files file path (as cited) → source text */
  constructor(files: ReadonlyMap<string, string>) {
    for (const [file, source] of files) this.index(file, tokenizeGo(source));
  }

  private index(file: string, tokens: GoToken[]): void {
    let depth = 0;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (t.kind === 'op' && (t.text === '{' || t.text === '(' || t.text === '[')) depth++;
      else if (t.kind === 'op' && (t.text === '}' || t.text === ')' || t.text === ']')) depth--;
      else if (depth === 0 && t.kind === 'ident' && t.text === 'func' && tokens[i + 1]?.kind === 'ident') {
        const name = tokens[i + 1].text;
        const p = new GoParser(tokens, i + 2);
        try {
          if (p.peek()?.text === '[') p.skipGroup(); // type parameters
          p.skipGroup(); // parameters
          if (p.peek()?.text === '(') p.skipGroup();
          else if (p.peek()?.text !== '{') p.parseType();
          if (p.peek()?.text !== '{') continue;
          const bodyStart = p.pos;
          p.skipGroup();
          this.functions.set(name, { name, file, tokens, bodyStart, bodyEnd: p.pos });
          i = p.pos - 1;
        } catch {
          // not a function declaration this parser understands; its schema (if any) is reported incomplete
        }
      }
    }
  }

  /** The expression of the function's first top-level `return`, if it returns one value. */
  public returnOf(name: string): { expr: GoExpr; fn: GoFunction } | undefined {
    const fn = this.functions.get(name);
    if (!fn) return undefined;
    let depth = 0;
    for (let i = fn.bodyStart; i < fn.bodyEnd; i++) {
      const t = fn.tokens[i];
      if (t.kind === 'op' && (t.text === '{' || t.text === '(' || t.text === '[')) depth++;
      else if (t.kind === 'op' && (t.text === '}' || t.text === ')' || t.text === ']')) depth--;
      else if (depth === 1 && t.kind === 'ident' && t.text === 'return') {
        try {
          return { expr: new GoParser(fn.tokens, i + 1).parseExpr(), fn };
        } catch {
          return undefined;
        }
      }
    }
    return undefined;
  }

  /** The value a local variable of `fn` is first given (`name := expr`, `var name = expr`), if any. */
  public localOf(fn: GoFunction, name: string): GoExpr | undefined {
    for (let i = fn.bodyStart; i < fn.bodyEnd; i++) {
      const t = fn.tokens[i];
      if (t.kind !== 'ident' || t.text !== name) continue;
      const next = fn.tokens[i + 1];
      const declared = next?.text === ':=' || (next?.text === '=' && fn.tokens[i - 1]?.text === 'var');
      if (!declared) continue;
      try {
        return new GoParser(fn.tokens, i + 2).parseExpr();
      } catch {
        return undefined;
      }
    }
    return undefined;
  }

  /** Whether `fn`'s body changes a local variable's schema after creating it (`v.Schema[...] = ...`). */
  public mutatesSchema(fn: GoFunction, name: string): boolean {
    for (let i = fn.bodyStart; i < fn.bodyEnd - 2; i++) {
      if (fn.tokens[i].text === name && fn.tokens[i + 1].text === '.' && fn.tokens[i + 2].text === 'Schema' && fn.tokens[i + 3]?.text === '[') return true;
    }
    return false;
  }
}

/** Where an expression came from: the function whose locals it may name. */
interface Scope {
  readonly fn?: GoFunction;
}

/** What the evaluator knows of one resource type. */
export interface ResourceFacts {
  /** The file the resource's schema is declared in (the package-relative path given). */
  readonly file: string;
  /** ForceNew argument path → `file:line` of its `ForceNew: true`. */
  readonly forceNew: Record<string, string>;
  /** Arguments a CustomizeDiff may force to a new resource → `file:line` of the call. */
  readonly forceNewIf: Record<string, string>;
  /** The resource has an update function (Update, UpdateContext or UpdateWithoutTimeout). */
  readonly updatable: boolean;
  /** What the evaluator could not follow. */
  readonly incomplete: string[];
}

/** Reads resource schemas out of a parsed package. */
export class SchemaReader {
  constructor(private readonly pkg: GoPackage) {}

  /**
   * The resource types of the provider: `ResourcesMap: map[string]*schema.Resource{ "type": fn(), ... }` in the
   * function that builds the provider (its name, e.g. `Provider`).
   */
  public resourcesMap(providerFunction: string): Map<string, GoExpr> {
    const ret = this.pkg.returnOf(providerFunction);
    if (!ret) throw new Error(`no function ${providerFunction} returning the provider`);
    const provider = this.resolve(ret.expr, { fn: ret.fn });
    const map = provider && this.field(provider.expr, 'ResourcesMap');
    const resolved = map && this.resolve(map, provider.scope);
    if (!resolved || resolved.expr.kind !== 'composite') throw new Error(`${providerFunction}: no ResourcesMap composite literal`);
    const out = new Map<string, GoExpr>();
    for (const el of resolved.expr.elements) if (el.key?.kind === 'string') out.set(el.key.value, el.value);
    return out;
  }

  /** Follows calls to package functions, local variables and `&x` to the composite literal they stand for. */
  public resolve(expr: GoExpr, scope: Scope, seen = new Set<string>()): { expr: GoExpr; scope: Scope } | undefined {
    if (expr.kind === 'unary' && expr.op === '&') return this.resolve(expr.operand, scope, seen);
    if (expr.kind === 'composite') return { expr, scope };
    if (expr.kind === 'call' && expr.fn.kind === 'ident' && this.pkg.functions.has(expr.fn.name) && !seen.has(expr.fn.name)) {
      const ret = this.pkg.returnOf(expr.fn.name);
      if (!ret) return undefined;
      return this.resolve(ret.expr, { fn: ret.fn }, new Set([...seen, expr.fn.name]));
    }
    if (expr.kind === 'ident' && scope.fn) {
      const init = this.pkg.localOf(scope.fn, expr.name);
      if (init) return this.resolve(init, scope, seen);
    }
    return undefined;
  }

  private field(composite: GoExpr, name: string): GoExpr | undefined {
    if (composite.kind !== 'composite') return undefined;
    return composite.elements.find((e) => e.key?.kind === 'ident' && e.key.name === name)?.value;
  }

  /** The facts of one resource type, from the expression its ResourcesMap entry holds. */
  public resource(entry: GoExpr): ResourceFacts {
    const incomplete: string[] = [];
    const resolved = this.resolve(entry, {});
    if (!resolved) return { file: '', forceNew: {}, forceNewIf: {}, updatable: false, incomplete: [`cannot follow ${describe(entry)} to a schema.Resource literal`] };
    const fn = resolved.scope.fn;
    const file = fn?.file ?? '';
    if (fn && entry.kind === 'call' && entry.fn.kind === 'ident') {
      const ret = this.pkg.returnOf(entry.fn.name);
      if (ret?.expr.kind === 'ident' && this.pkg.mutatesSchema(ret.fn, ret.expr.name)) {
        incomplete.push(`${entry.fn.name} changes its schema after building it (in code, not a literal); those changes are not read`);
      }
    }
    const forceNew: Record<string, string> = {};
    const forceNewIf: Record<string, string> = {};
    this.collect(resolved.expr, resolved.scope, '', forceNew, incomplete);
    const updatable = ['Update', 'UpdateContext', 'UpdateWithoutTimeout'].some((f) => this.field(resolved.expr, f) !== undefined);
    const customize = this.field(resolved.expr, 'CustomizeDiff');
    if (customize) this.customizeDiff(customize, resolved.scope, forceNewIf, new Set());
    return { file, forceNew, forceNewIf, updatable, incomplete };
  }

  /** Collects ForceNew paths of a schema.Resource literal's Schema map under `prefix`. */
  private collect(resource: GoExpr, scope: Scope, prefix: string, out: Record<string, string>, incomplete: string[]): void {
    const schemaExpr = this.field(resource, 'Schema');
    if (!schemaExpr) return;
    const map = this.resolve(schemaExpr, scope);
    if (!map || map.expr.kind !== 'composite') {
      incomplete.push(`${prefix || '(resource)'}: Schema is ${describe(schemaExpr)}, not a map literal`);
      return;
    }
    for (const el of map.expr.elements) {
      if (el.key?.kind !== 'string') {
        incomplete.push(`${prefix || '(resource)'}: a schema key that is not a string literal`);
        continue;
      }
      const name = `${prefix}${el.key.value}`;
      const attr = this.resolve(el.value, map.scope);
      if (!attr || attr.expr.kind !== 'composite') {
        incomplete.push(`${name}: its schema is ${describe(el.value)}`);
        continue;
      }
      const force = this.field(attr.expr, 'ForceNew');
      if (force?.kind === 'ident' && force.name === 'true') out[name] = `${attr.scope.fn?.file ?? ''}:${force.line}`;
      else if (force && !(force.kind === 'ident' && force.name === 'false')) incomplete.push(`${name}: ForceNew is ${describe(force)}`);
      const elem = this.field(attr.expr, 'Elem');
      if (!elem) continue;
      const nested = this.resolve(elem, attr.scope);
      if (nested && nested.expr.kind === 'composite' && nested.expr.type.endsWith('Resource')) this.collect(nested.expr, nested.scope, `${name}.`, out, incomplete);
      else if (!nested) incomplete.push(`${name}: Elem is ${describe(elem)}`);
    }
  }

  /** `customdiff.ForceNewIfChange("x", ...)`, `customdiff.ForceNewIf("x", ...)`, `d.ForceNew("x")` in a CustomizeDiff. */
  private customizeDiff(expr: GoExpr, scope: Scope, out: Record<string, string>, seen: Set<string>): void {
    const file = scope.fn?.file ?? '';
    const visit = (e: GoExpr): void => {
      switch (e.kind) {
        case 'call': {
          const callee = e.fn.kind === 'selector' ? e.fn.name : e.fn.kind === 'ident' ? e.fn.name : '';
          if (/^ForceNew(If|IfChange)?$/.test(callee) && e.args[0]?.kind === 'string') out[e.args[0].value] = `${file}:${e.line}`;
          visit(e.fn);
          e.args.forEach(visit);
          return;
        }
        case 'ident':
          // A named CustomizeDiff function of the package: read its body.
          if (this.pkg.functions.has(e.name) && !seen.has(e.name)) {
            seen.add(e.name);
            this.scanBody(e.name, out, seen);
          }
          return;
        case 'func':
          this.scanTokens(scope.fn?.tokens ?? [], e.start, e.end, file, out, seen);
          return;
        case 'selector':
          return visit(e.base);
        case 'unary':
          return visit(e.operand);
        case 'binary':
          visit(e.left);
          return visit(e.right);
        case 'composite':
          return e.elements.forEach((el) => visit(el.value));
        default:
          return;
      }
    };
    visit(expr);
  }

  private scanBody(name: string, out: Record<string, string>, seen: Set<string>): void {
    const fn = this.pkg.functions.get(name);
    if (fn) this.scanTokens(fn.tokens, fn.bodyStart, fn.bodyEnd, fn.file, out, seen);
  }

  /** Finds ForceNew calls with a literal argument (and package functions called) in a token range. */
  private scanTokens(tokens: readonly GoToken[], start: number, end: number, file: string, out: Record<string, string>, seen: Set<string>): void {
    for (let i = start; i < end; i++) {
      const t = tokens[i];
      if (t.kind !== 'ident') continue;
      if (/^ForceNew(If|IfChange)?$/.test(t.text) && tokens[i + 1]?.text === '(' && tokens[i + 2]?.kind === 'string') {
        out[tokens[i + 2].text] = `${file}:${t.line}`;
      } else if (tokens[i + 1]?.text === '(' && tokens[i - 1]?.text !== '.' && this.pkg.functions.has(t.text) && !seen.has(t.text)) {
        seen.add(t.text);
        this.scanBody(t.text, out, seen);
      }
    }
  }
}

function describe(e: GoExpr): string {
  switch (e.kind) {
    case 'ident':
      return e.name;
    case 'string':
      return JSON.stringify(e.value);
    case 'call':
      return `${describe(e.fn)}(...)`;
    case 'selector':
      return `${describe(e.base)}.${e.name}`;
    case 'unary':
      return `${e.op}${describe(e.operand)}`;
    case 'composite':
      return `${e.type || '(elided)'}{...}`;
    default:
      return e.kind;
  }
}

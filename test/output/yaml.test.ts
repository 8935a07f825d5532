// The YAML writer of dist/ (lib/output/yaml.ts): whatever string it writes, a YAML 1.1 reader (kubectl,
// cdk8s's Yaml.load) and a YAML 1.2 reader get the same string back; other values keep their type.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Yaml } from 'cdk8s';
import * as jsyaml from 'js-yaml';
import * as YAML from 'yaml';
import { toYamlDocument, toYamlDocuments, writeYamlDocuments } from '../../lib/output/yaml';

type Reader = (text: string) => unknown;
const READERS: Record<string, Reader> = {
  'YAML 1.1 (yaml, as cdk8s and kubectl read)': (text) => YAML.parse(text, { version: '1.1' }),
  'YAML 1.2 (yaml)': (text) => YAML.parse(text, { version: '1.2' }),
  'js-yaml': (text) => jsyaml.load(text),
};

/**
 * Each string that does not come back as itself from `read` after `write`, as `input → what came back`.
 * In mappings of 500 (the `yaml` reader's duplicate-key check grows with the square of a mapping's size).
 */
function misread(strings: readonly string[], write: (value: unknown) => string, read: Reader): string[] {
  const wrong: string[] = [];
  for (let i = 0; i < strings.length; i += 500) wrong.push(...misreadChunk(strings.slice(i, i + 500), write, read));
  return wrong;
}

function misreadChunk(strings: readonly string[], write: (value: unknown) => string, read: Reader): string[] {
  const asValues = Object.fromEntries(strings.map((s, i) => [`k${i}`, s]));
  const asKeys = Object.fromEntries(strings.map((s, i) => [s, i]));
  const values = read(write(asValues)) as Record<string, unknown>;
  const keys = read(write(asKeys)) as Record<string, unknown>;
  const wrong: string[] = [];
  strings.forEach((s, i) => {
    if (values[`k${i}`] !== s) wrong.push(`${JSON.stringify(s)} → ${JSON.stringify(values[`k${i}`])}`);
  });
  const keysBack = new Set(Object.keys(keys));
  const lostKeys = strings.filter((s) => !keysBack.has(s));
  if (keysBack.size !== strings.length || lostKeys.length) wrong.push(`keys: ${JSON.stringify(lostKeys)}`);
  return wrong;
}

// Strings YAML readers are known to take for something else, and strings that need quoting for syntax.
const TRICKY = [
  'yes', 'no', 'on', 'off', 'y', 'n', 'Y', 'N', 'Yes', 'NO', 'On', 'OFF', 'true', 'False', 'TRUE', 'null', 'Null', 'NULL', '~', '',
  '1', '-1', '+1', '1.0', '1.', '.5', '+.5', '-.5', '1e3', '1E+3', '6.02e23', '0x1F', '0o17', '017', '08', '0b101', '1_000', '1:20', '190:20:30', '12:30:45.5',
  '.inf', '-.Inf', '+.INF', '.nan', '.NaN', '2001-12-14', '2001-12-14t21:59:43.10-05:00', '2001-12-14 21:59:43.10 -5', '<<', '=',
  '  lead', 'trail ', 'a: b', 'a:b', 'end:', '- x', '-x', '--flag=1', '-c', '#x', 'x #y', 'x#y', '@x', '`x', '*x', '&x', '!x', '%x', '|x', '>x',
  '{x', '}x', '[x', ']x', ',x', "'x", '"x', '?x', '? x', '---', '--- x', '...', '-', '*', '*.example.com', '0.0.0.0/0', '$(POD_NAMESPACE)/x',
  'multi\nline', 'multi\nline\n', 'trailing\n\n', '\n', '\nleading newline', '  indented\nline', 'tab\tx', '\ttab', 'a\u2028b', 'a\u0085b', '\ufeffbom',
  'bell\u0007', '한글 설명', 'emoji 😀', 'x'.repeat(200), 'word '.repeat(40), 'a\\b', 'C:\\path', 'key=value', '100m', '1Gi', 'NaN', 'Infinity', '-0',
];

/** Deterministic strings over the characters that matter to YAML's scalar resolution and syntax. */
function generated(count: number): string[] {
  const alphabet = '0123456789._:+-eExobOYyNnTtFf~<= #\'"\n\t,[]{}!&*|>%@`?'.split('');
  // mulberry32: a small, well-spread 32-bit generator.
  let seed = 20261123;
  const next = (): number => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = new Set<string>();
  while (out.size < count) {
    const length = 1 + Math.floor(next() * 7);
    let s = '';
    for (let i = 0; i < length; i++) s += alphabet[Math.floor(next() * alphabet.length)];
    out.add(s);
  }
  return [...out];
}

describe('strings come back as the same strings', () => {
  test.each(Object.keys(READERS))('tricky strings, as values and as keys, read by %s', (reader) => {
    expect(misread(TRICKY, toYamlDocument, READERS[reader])).toEqual([]);
  });

  const many = generated(20000);
  test.each(Object.keys(READERS))('20,000 generated strings, as values and as keys, read by %s', (reader) => {
    expect(many.length).toBe(20000);
    expect(misread(many, toYamlDocument, READERS[reader])).toEqual([]);
  });

  test('the check catches a writer that quotes by YAML 1.2 rules only', () => {
    // js-yaml with its core schema writes 1_000 and 1:20 plain; YAML 1.1 reads them as numbers.
    const core = (value: unknown) => jsyaml.dump(value, { schema: jsyaml.CORE_SCHEMA });
    const wrong = misread(['1_000', '1:20', 'yes'], core, READERS['YAML 1.1 (yaml, as cdk8s and kubectl read)']);
    expect(wrong).toEqual(expect.arrayContaining(['"1_000" → 1000', '"1:20" → 80']));
  });
});

describe('other values', () => {
  const value = {
    int: 42, negative: -7, float: 0.25, big: 123456789012, yes: true, no: false, nothing: null,
    empty: {}, none: [], nested: [[1, [2]], [{ a: 1, b: [] }], {}], objects: [{ name: 'a', port: 80 }, { name: 'b' }],
    script: 'set -e\necho "hi"\n', korean: '한글 설명',
  };

  test('numbers, booleans, null, empty and nested collections, multi-line strings keep type and value', () => {
    for (const read of Object.values(READERS)) expect(read(toYamlDocument(value))).toEqual(value);
  });

  test('as cdk8s writes them: block style, no line folding, multi-line strings as literal blocks, text readable', () => {
    const text = toYamlDocument(value);
    expect(text).toBe(Yaml.stringify(value));
    expect(text).toContain('script: |\n  set -e\n  echo "hi"\n');
    expect(text).toContain('korean: 한글 설명');
    expect(text).toContain('empty: {}\nnone: []');
    expect(toYamlDocument({ long: 'word '.repeat(40).trim() }).split('\n')).toHaveLength(2);
  });

  test('key order is kept (cdk8s sorts keys when it renders; the writer does not reorder)', () => {
    expect(toYamlDocument({ b: 1, a: 2 })).toBe('b: 1\na: 2\n');
  });
});

describe('several documents', () => {
  const docs = [{ kind: 'A', n: 1 }, { kind: 'B', s: 'yes' }, { kind: 'C', list: ['-c', 'x'] }];

  test('are separated by --- as cdk8s separates them, and read back in order', () => {
    const text = toYamlDocuments(docs);
    expect(text).toBe(Yaml.stringify(...docs));
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nks-yaml-')), 'x.k8s.yaml');
    fs.writeFileSync(file, text);
    expect(Yaml.load(file)).toEqual(docs);
  });

  test('no documents make an empty file', () => {
    expect(toYamlDocuments([])).toBe('');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nks-yaml-')), 'empty.k8s.yaml');
    fs.writeFileSync(file, 'old');
    writeYamlDocuments(file, []);
    expect(fs.readFileSync(file, 'utf8')).toBe('');
  });

  test('written to a file a chunk at a time, the file holds exactly the text, across chunk boundaries', () => {
    // About 370 KB: several 64 KB chunks, with documents of varying length (and multi-byte characters) so that
    // chunk boundaries fall at different places in the text.
    const many = Array.from({ length: 3000 }, (_, i) => ({ kind: 'ConfigMap', metadata: { name: `cm-${i}` }, data: { note: `한글 ${'x'.repeat(i % 97)}`, n: String(i) } }));
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nks-yaml-')), 'many.k8s.yaml');
    fs.writeFileSync(file, 'a longer old content that must not survive '.repeat(100_000));
    writeYamlDocuments(file, many);
    const text = fs.readFileSync(file, 'utf8');
    expect(text.length).toBeGreaterThan(5 * (1 << 16));
    expect(text).toBe(toYamlDocuments(many));
    expect(Yaml.load(file)).toEqual(many);
  });
});

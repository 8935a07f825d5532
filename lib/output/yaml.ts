// The YAML writer of dist/. cdk8s writes manifests with the `yaml` package (`Yaml.stringify`), which builds
// a document tree per object and dominates synth time at scale (`npm run bench`); js-yaml writes the same
// text several times faster. Same text: the writer tests compare the two byte for byte on every example.
// Where they can differ is the quoting style of rare strings (tabs, line separators, a lone `=`), never
// what a reader gets back: js-yaml's dump schema quotes every string that a YAML 1.1 reader (kubectl's,
// cdk8s's `Yaml.load`) or a YAML 1.2 reader would take for a number, boolean, null, timestamp or merge key
// (test/output/yaml.test.ts reads generated strings back with both).
import * as fs from 'fs';
import * as jsyaml from 'js-yaml';
import * as YAML from 'yaml';

// Read once: through `import * as`, every `jsyaml.X` is a getter call, and the style rules below run for every
// scalar of every document (`npm run bench` profiles showed the getter).
const { SCALAR_STYLE, jsToAst, present } = jsyaml;

/**
 * js-yaml writes a top-level key `---` or `...` plain, at the start of a line, where a reader takes it for a
 * document marker; quoted, it is a key (found by test/output/yaml.test.ts).
 */
const quoteDocumentMarkerKeys: jsyaml.ScalarStyleRule = (layout) => {
  if (layout.style === SCALAR_STYLE.PLAIN && layout.isKey && layout.level === 1 && /^(?:---|\.\.\.)(?:[ \t]|$)/.test(layout.node.value)) {
    layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
  }
};

/**
 * What the `yaml` package, cdk8s's reader (`Yaml.load`, YAML 1.1) and the one `npm run check` reads dist/
 * with, resolves to something other than a string: its implicit tags' own patterns, YAML 1.1 and core.
 * They are broader than the YAML 1.1 spec (`e9` and `.` read as NaN), so js-yaml's spec-exact schema would
 * leave such strings plain. One pattern: the rule below tests every plain string.
 */
const YAML_PACKAGE_NON_STRINGS = new RegExp(
  (['yaml-1.1', 'core'] as const)
    .flatMap((schema) => new YAML.Schema({ schema }).tags.flatMap((tag) => (tag.default && 'test' in tag && tag.test instanceof RegExp ? [tag.test.source] : [])))
    .map((source) => `(?:${source})`)
    .join('|'),
);

const quoteWhatTheYamlPackageResolves: jsyaml.ScalarStyleRule = (layout) => {
  if (layout.style !== SCALAR_STYLE.PLAIN || layout.node.tag !== layout.presenterOptions.schema.defaultScalarTag.tagName) return;
  if (YAML_PACKAGE_NON_STRINGS.test(layout.node.value)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
};

// What `jsyaml.dump(value, options)` does for JSON data, in its two steps: the value to a YAML tree
// (`jsToAst`), the tree to text (`present`). Called directly, the options are built once, not copied twice
// per document as `dump` copies them.
const PRESENTER_OPTIONS: jsyaml.PresenterOptions = {
  // YAML 1.1 types plus the 1.2 core numbers: what either reader resolves is quoted.
  schema: jsyaml.DUMP_SCHEMA,
  // As cdk8s writes: no line folding, double quotes where quotes are needed.
  lineWidth: -1,
  quoteStyle: 'double',
  scalarStyleRules: [quoteDocumentMarkerKeys, quoteWhatTheYamlPackageResolves, ...Object.values(jsyaml.DEFAULT_SCALAR_STYLE_RULES)],
};
// No anchors and aliases: an object used twice is written twice.
const FROM_JS_OPTIONS: jsyaml.FromJsOptions = { noRefs: true };

/**
 * One YAML document. `value` is JSON data, as `ApiObject.toJson()` returns it (no undefined, no functions);
 * keys keep their order.
 */
export function toYamlDocument(value: unknown): string {
  return present(jsToAst(value, PRESENTER_OPTIONS.schema, FROM_JS_OPTIONS), PRESENTER_OPTIONS);
}

/** A multi-document YAML file, documents separated by `---` as cdk8s separates them. */
export function toYamlDocuments(values: readonly unknown[]): string {
  return values.map(toYamlDocument).join('---\n');
}

/** Characters of YAML gathered before each write of {@link writeYamlDocuments}. */
const WRITE_CHUNK = 1 << 16;

/**
 * Writes what {@link toYamlDocuments} returns to `file` (created or replaced), a chunk at a time: a chart of
 * ten thousand objects never holds its whole text, or every document's text, in memory at once, which spares
 * the garbage collector copying it all (`npm run bench`).
 */
export function writeYamlDocuments(file: string, values: readonly unknown[]): void {
  const fd = fs.openSync(file, 'w');
  try {
    let chunk = '';
    values.forEach((value, i) => {
      chunk += (i > 0 ? '---\n' : '') + toYamlDocument(value);
      if (chunk.length >= WRITE_CHUNK) {
        writeAll(fd, chunk);
        chunk = '';
      }
    });
    if (chunk) writeAll(fd, chunk);
  } finally {
    fs.closeSync(fd);
  }
}

/** `fs.writeSync` may write less than it was given; this writes all of `text`. */
function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  for (let written = 0; written < bytes.length; ) written += fs.writeSync(fd, bytes, written);
}

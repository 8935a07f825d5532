// Every ```ts block in README.md compiles as written, imports included: each block is type-checked as its own
// module, with the repository's compiler options (strict, no unused locals), `nks-cdk` resolving to lib/.
// The README's minimal Platform program is the one `nks-cdk init` writes (templates/app/main.ts).
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const root = path.resolve(__dirname, '..', '..');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');

/** The ```ts blocks of a Markdown text, with the line each starts on. */
export function tsBlocks(markdown: string): { line: number; code: string }[] {
  const blocks: { line: number; code: string }[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!/^```(ts|typescript)\s*$/.test(lines[i])) continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && !/^```\s*$/.test(lines[end])) end++;
    blocks.push({ line: start + 1, code: lines.slice(start, end).join('\n') + '\n' });
    i = end;
  }
  return blocks;
}

/** Type-checks each block as a module file beside the repository root; returns the diagnostics as text. */
function typeCheck(blocks: { line: number; code: string }[]): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(root, 'tsconfig.test.json'), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  })!;
  const options: ts.CompilerOptions = {
    ...config.options,
    noEmit: true,
    isolatedModules: false,
    types: ['node', 'jest'],
    baseUrl: root,
    paths: {
      'nks-cdk': ['./lib/index.ts'],
      'nks-cdk/providers/*': ['./lib/generated/providers/*/index.ts'],
      'nks-cdk/testing': ['./lib/testing/index.ts'],
    },
  };
  const files = new Map(blocks.map((b) => [path.join(root, `README.md-line-${b.line}.ts`), b.code]));
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, lang, onError, create) =>
    files.has(name) ? ts.createSourceFile(name, files.get(name)!, lang, true) : getSourceFile(name, lang, onError, create);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => files.has(name) || fileExists(name);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => files.get(name) ?? readFile(name);
  const program = ts.createProgram([...files.keys()], options, host);
  return [...files.keys()].flatMap((name) => {
    const sf = program.getSourceFile(name)!;
    return [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)].map((d) => {
      const { line } = d.file!.getLineAndCharacterOfPosition(d.start ?? 0);
      const blockLine = Number(/line-(\d+)/.exec(name)![1]);
      return `README.md:${blockLine + line}: TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
  });
}

test('the ts blocks are found, each with its own imports', () => {
  const blocks = tsBlocks(readme);
  expect(blocks.length).toBeGreaterThanOrEqual(5);
  for (const b of blocks) expect({ line: b.line, imports: /^import /m.test(b.code) }).toEqual({ line: b.line, imports: true });
});

test('every ts block in README.md type-checks as written', () => {
  expect(typeCheck(tsBlocks(readme))).toEqual([]);
}, 120_000);

test('a block that uses a name it never defines fails the check', () => {
  const diagnostics = typeCheck([{ line: 1, code: "import { PlatformApp } from 'nks-cdk';\nnew PlatformApp();\nconsole.log(notDefinedAnywhere);\n" }]);
  expect(diagnostics).toEqual([expect.stringMatching(/^README\.md:3: TS2304 Cannot find name 'notDefinedAnywhere'/)]);
}, 120_000);

test("the README's repository program is the one nks-cdk init writes", () => {
  const template = fs.readFileSync(path.join(root, 'templates/app/main.ts'), 'utf8');
  expect(tsBlocks(readme).map((b) => b.code)).toContain(template);
});

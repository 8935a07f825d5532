// Lets `node -r` and cdk8s-cli load this repository's TypeScript sources without a build (transpile only;
// tsc checks the types): .ts files are compiled on require, and `nks-cdk` resolves to lib/index.ts, as
// tsconfig's `paths` does for the examples. Used by test/checks/plugin-cdk8s-cli.test.ts.
'use strict';
const fs = require('fs');
const path = require('path');
const Module = require('module');
const ts = require('typescript');

const root = path.resolve(__dirname, '..', '..');
const options = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true };

if (!require.extensions['.ts']) {
  require.extensions['.ts'] = (module, filename) => {
    module._compile(ts.transpileModule(fs.readFileSync(filename, 'utf8'), { compilerOptions: options, fileName: filename }).outputText, filename);
  };
  const resolve = Module._resolveFilename;
  Module._resolveFilename = function (request, ...rest) {
    return resolve.call(this, request === 'nks-cdk' ? path.join(root, 'lib', 'index.ts') : request, ...rest);
  };
}

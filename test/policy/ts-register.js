// Lets `node -r` and cdk8s-cli load this repository's TypeScript sources without a build (transpile only;
// tsc checks the types): .ts files are compiled on require, and `nks-cdk` resolves to lib/index.ts, as
// tsconfig's `paths` does for the examples. Used by test/policy/plugin-cdk8s-cli.test.ts.
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const Module = require('module');
const ts = require('typescript');

const root = path.resolve(__dirname, '..', '..');
const options = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true };
// Transpiled files are kept by content hash, so the many child programs the tests start do not transpile the
// library again each time.
const cacheDir = path.join(root, 'node_modules', '.cache', 'nks-cdk-ts-register');

function transpile(source, filename) {
  const key = crypto.createHash('sha256').update(`${ts.version}\0${JSON.stringify(options)}\0${filename}\0${source}`).digest('hex');
  const cached = path.join(cacheDir, `${key}.js`);
  try {
    return fs.readFileSync(cached, 'utf8');
  } catch {
    const output = ts.transpileModule(source, { compilerOptions: options, fileName: filename }).outputText;
    try {
      fs.mkdirSync(cacheDir, { recursive: true });
      const tmp = `${cached}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, output);
      fs.renameSync(tmp, cached);
    } catch {
      // a cache that cannot be written only costs time
    }
    return output;
  }
}

if (!require.extensions['.ts']) {
  require.extensions['.ts'] = (module, filename) => {
    module._compile(transpile(fs.readFileSync(filename, 'utf8'), filename), filename);
  };
  const resolve = Module._resolveFilename;
  Module._resolveFilename = function (request, ...rest) {
    return resolve.call(this, request === 'nks-cdk' ? path.join(root, 'lib', 'index.ts') : request, ...rest);
  };
}

#!/usr/bin/env node
// Makes the compiled entry point (build/lib/index.js) load each module it re-exports on first use of one of
// its exports, instead of all of them when the package is imported: a program that uses the Kubernetes
// constructs only never loads the infrastructure side (cdktf, the provider bindings, the diagram). aws-cdk-lib
// does the same to its compiled index (aws/aws-cdk#27217, "reduce load time of JavaScript library").
//
// tsc writes every re-export of lib/index.ts as
//   var infra_1 = require("./infra");
//   Object.defineProperty(exports, "InfraStack", { enumerable: true, get: function () { return infra_1.InfraStack; } });
// and this rewrites them to a loader that requires the module once, on the first get:
//   var infra_1; function infra_1$() { return infra_1 || (infra_1 = require("./infra")); }
//   Object.defineProperty(exports, _noFold = "InfraStack", { enumerable: true, get: function () { return infra_1$().InfraStack; } });
// Node's ES module loader finds a CommonJS module's names with cjs-module-lexer, which reads the
// `exports.X = void 0` lines tsc writes first, but drops a name whose getter it does not recognize as a plain
// re-export (it will not run code to learn a name). Through `_noFold = "X"` it does not see the getter as one of
// a name, so `import { InfraStack } from 'nks-cdk'` keeps working (aws-cdk-lib writes its getters this way).
// Any other statement in the file stops the build: this rewrite knows exactly tsc's shape of re-exports
// and nothing else (test/architecture/lazy-index.test.ts). Running it again on its own output changes nothing.
'use strict';
const fs = require('fs');
const path = require('path');

const REQUIRE = /^var ([A-Za-z_$][\w$]*) = require\("(\.[^"]+)"\);$/;
const LOADER = /^var ([A-Za-z_$][\w$]*); function \1\$\(\) \{ return \1 \|\| \(\1 = require\("(\.[^"]+)"\)\); \}$/;
const GETTER = /^Object\.defineProperty\(exports, (?:_noFold = )?"([\w$]+)", \{ enumerable: true, get: function \(\) \{ return ([A-Za-z_$][\w$]*)(\$\(\))?\.([\w$]+); \} \}\);$/;
const NO_FOLD = 'var _noFold;';
const ALLOWED = [/^var _noFold;$/, /^"use strict";$/, /^\/\/.*$/, /^$/, /^Object\.defineProperty\(exports, "__esModule", \{ value: true \}\);$/, /^(exports\.[\w$]+ = )+void 0;$/];

/**
 * The lazy form of a tsc-compiled index of re-exports. Throws on any line it does not know, naming it.
 * @param {string} source the compiled file
 * @param {string} file its name, for the error
 * @returns {string}
 */
function lazifyIndex(source, file = 'index.js') {
  const modules = new Set();
  const out = source.split('\n').map((line, i) => {
    const req = REQUIRE.exec(line);
    if (req) {
      modules.add(req[1]);
      return `var ${req[1]}; function ${req[1]}$() { return ${req[1]} || (${req[1]} = require("${req[2]}")); }`;
    }
    const loader = LOADER.exec(line);
    if (loader) {
      modules.add(loader[1]);
      return line;
    }
    const get = GETTER.exec(line);
    if (get) {
      if (!modules.has(get[2])) throw new Error(`${file}:${i + 1}: export ${get[1]} reads ${get[2]}, which no earlier require defines`);
      return `Object.defineProperty(exports, _noFold = "${get[1]}", { enumerable: true, get: function () { return ${get[2]}$().${get[4]}; } });`;
    }
    if (ALLOWED.some((re) => re.test(line))) return line;
    throw new Error(`${file}:${i + 1}: not a re-export as tsc writes one, so it cannot be made lazy: ${line.slice(0, 120)}`);
  });
  // The variable the getters assign their names to, once, after "use strict".
  if (!out.includes(NO_FOLD)) out.splice(out[0] === '"use strict";' ? 1 : 0, 0, NO_FOLD);
  return out.join('\n');
}

/** Rewrites `file` in place when its lazy form differs; returns whether it did. */
function lazifyIndexFile(file) {
  const source = fs.readFileSync(file, 'utf8');
  const lazy = lazifyIndex(source, path.relative(process.cwd(), file));
  if (lazy === source) return false;
  fs.writeFileSync(file, lazy);
  return true;
}

module.exports = { lazifyIndex, lazifyIndexFile };

if (require.main === module) {
  lazifyIndexFile(process.argv[2] ?? path.resolve(__dirname, '..', 'build', 'lib', 'index.js'));
}

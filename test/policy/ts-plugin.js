// The cdk8s validation plugin from sources, for cdk8s.yaml files in tests: `package: <this file>`.
'use strict';
require('./ts-register');
module.exports = require('../../lib/policy/plugin.ts');

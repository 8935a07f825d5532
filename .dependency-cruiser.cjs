/**
 * Import rules for lib/: the layers of the design (issue 16). Checked in `npm test` by
 * test/architecture/imports.test.ts; run by hand with
 *   npx depcruise lib --config .dependency-cruiser.cjs --ignore-known
 * Known violations (to-dos) are in .dependency-cruiser-known-violations.json; regenerate it with
 *   npx depcruise-baseline lib --config .dependency-cruiser.cjs --output-to .dependency-cruiser-known-violations.json
 * Type-only imports (`import type`) are not counted: they vanish from the compiled JavaScript.
 */

// The layers above lib/model (and above the model-level helpers at the lib root).
const ABOVE_MODEL = '^lib/(k8s|infra|platform|checks|policy|diagram|output|testing)/|^lib/app\\.ts$';
const ABOVE_CONSTRUCTS = '^lib/(platform|checks|policy|diagram|output|testing)/|^lib/app\\.ts$';
const MODEL_HELPERS = '^lib/(problems|where|annotations)\\.ts$';
const notTypeOnly = { dependencyTypesNot: ['type-only'] };

module.exports = {
  forbidden: [
    {
      name: 'model-imports-upper-layer',
      comment: 'lib/model is the bottom layer: it may not import constructs, checks, policy, diagram, output, app or testing.',
      severity: 'error',
      from: { path: '^lib/model/' },
      to: { path: ABOVE_MODEL, ...notTypeOnly },
    },
    {
      name: 'model-imports-lib-root-helper',
      comment: 'lib/problems.ts, lib/where.ts and lib/annotations.ts are model-level helpers above lib/model: model may not import them.',
      severity: 'error',
      from: { path: '^lib/model/' },
      to: { path: MODEL_HELPERS, ...notTypeOnly },
    },
    {
      name: 'model-helper-imports-upper-layer',
      comment: 'the model-level helpers at the lib root may import lib/model only, not the layers above.',
      severity: 'error',
      from: { path: MODEL_HELPERS },
      to: { path: ABOVE_MODEL, ...notTypeOnly },
    },
    {
      name: 'constructs-import-upper-layer',
      comment: 'lib/k8s and lib/infra (the constructs) may not import platform, checks, policy, diagram, output, app or testing.',
      severity: 'error',
      from: { path: '^lib/(k8s|infra)/' },
      to: { path: ABOVE_CONSTRUCTS, ...notTypeOnly },
    },
    {
      name: 'checks-import-upper-layer',
      comment: 'lib/checks may not import policy, platform, app or diagram.',
      severity: 'error',
      from: { path: '^lib/checks/' },
      to: { path: '^lib/(policy|platform|diagram)/|^lib/app\\.ts$', ...notTypeOnly },
    },
    {
      name: 'diagram-imports-constructs',
      comment: 'lib/diagram draws from synthesized output, not from the constructs in lib/k8s or lib/infra.',
      severity: 'error',
      from: { path: '^lib/diagram/' },
      to: { path: '^lib/(k8s|infra)/', ...notTypeOnly },
    },
    {
      name: 'no-circular',
      comment: 'no import cycles, except through type-only imports.',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: notTypeOnly },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^lib/generated/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};

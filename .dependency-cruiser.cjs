/**
 * Import rules for lib/: the layers of the design (issue 16). Checked in `npm test` by
 * test/architecture/imports.test.ts; run by hand with
 *   npx depcruise lib --config .dependency-cruiser.cjs --ignore-known
 * Known violations (to-dos) would be recorded in .dependency-cruiser-known-violations.json, written with
 *   npx depcruise-baseline lib --config .dependency-cruiser.cjs --output-to .dependency-cruiser-known-violations.json
 * It is empty (`[]`), and the test requires it to stay so: fix a violation, or change a rule here on purpose.
 * Layers, bottom up: lib/model (facts and rules; no cdktf, cdk8s or constructs) → the helpers at the lib root
 * (problems, where, warnings) → the constructs (lib/k8s, lib/infra; only lib/infra/targets names the
 * generated provider classes) → lib/checks (reads synthesized output) → lib/policy (the rules, and the cdk8s
 * validation plugin that runs checks and rules) → the program (lib/app.ts, lib/platform). lib/diagram draws
 * from synthesized output only.
 * Type-only imports (`import type`) are not counted by the layer rules: they vanish from the compiled
 * JavaScript. The provider-class rule counts them too, since they name the class on the public surface.
 */

// The layers above lib/model (and above the model-level helpers at the lib root).
const ABOVE_MODEL = '^lib/(k8s|infra|platform|checks|policy|diagram|output|testing)/|^lib/app\\.ts$';
const ABOVE_CONSTRUCTS = '^lib/(platform|checks|policy|diagram|output|testing)/|^lib/app\\.ts$';
const MODEL_HELPERS = '^lib/(problems|where|warnings|synth-cache|declarations)\\.ts$';
const notTypeOnly = { dependencyTypesNot: ['type-only'] };

/** A layer rule: modules matching `from` may not import modules matching `to` (type-only imports excepted). */
const layer = (name, comment, from, to) => ({ name, comment, severity: 'error', from: { path: from }, to: { path: to, ...notTypeOnly } });

module.exports = {
  forbidden: [
    layer('model-imports-upper-layer', 'lib/model is the bottom layer: it may not import constructs, checks, policy, diagram, output, app or testing.', '^lib/model/', ABOVE_MODEL),
    layer('model-imports-cdk', 'lib/model is plain values and rules: it may not import cdktf, cdk8s, cdk8s-plus or constructs (the constructs layers wrap them).', '^lib/model/', '^node_modules/(cdktf|cdk8s|cdk8s-plus-[0-9]+|constructs|@cdktf/[^/]+)/'),
    layer('model-imports-lib-root-helper', 'the helpers at the root of lib/ (problems, where, warnings, synth-cache, declarations) are above lib/model: model may not import them.', '^lib/model/', MODEL_HELPERS),
    layer('model-helper-imports-upper-layer', 'the model-level helpers at the lib root may import lib/model only, not the layers above.', MODEL_HELPERS, ABOVE_MODEL),
    layer('constructs-import-upper-layer', 'lib/k8s and lib/infra (the constructs) may not import platform, checks, policy, diagram, output, app or testing.', '^lib/(k8s|infra)/', ABOVE_CONSTRUCTS),
    {
      name: 'neutral-infra-imports-provider-class',
      comment: 'the target-neutral constructs of lib/infra name no generated provider class, not even as a type: the renderers in lib/infra/targets own them.',
      severity: 'error',
      from: { path: '^lib/infra/[^/]+\\.ts$' },
      to: { path: '^lib/generated/' },
    },
    layer('checks-import-upper-layer', 'lib/checks may not import policy, platform, app or diagram.', '^lib/checks/', '^lib/(policy|platform|diagram)/|^lib/app\\.ts$'),
    layer('policy-imports-upper-layer', 'lib/policy (the rules and the cdk8s validation plugin that runs checks and rules) may not import platform, app or diagram.', '^lib/policy/', '^lib/(platform|diagram)/|^lib/app\\.ts$'),
    layer('diagram-imports-constructs', 'lib/diagram draws from synthesized output, not from the constructs in lib/k8s or lib/infra.', '^lib/diagram/', '^lib/(k8s|infra)/'),
    {
      name: 'no-circular',
      comment: 'no import cycles, except through type-only imports.',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: notTypeOnly },
    },
  ],
  options: {
    // lib/generated (the provider bindings) is cruised as a leaf: imports of it are seen, its own are not.
    doNotFollow: { path: ['node_modules', '^lib/generated/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};

// End to end: `cdk8s synth` with the plugin declared in cdk8s.yaml, as users run it. The app and the plugin
// load this repository's sources through test/policy/ts-register.js, so the test needs no `npm run build`
// (the repository's own cdk8s.yaml points at the compiled build/ instead).
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { tmpdir } from '../helpers';

const root = path.resolve(__dirname, '..', '..');
const register = path.join(root, 'test', 'policy', 'ts-register.js');
const plugin = path.join(root, 'test', 'policy', 'ts-plugin.js');
const cli = path.join(root, 'node_modules', 'cdk8s-cli', 'bin', 'cdk8s');

/** Runs `cdk8s synth` in a fresh directory whose cdk8s.yaml runs `app` and declares the plugin. */
function cdk8sSynth(app: string): { status: number | null; output: string; dir: string } {
  const dir = tmpdir('nks-cdk8s-cli-');
  fs.writeFileSync(
    path.join(dir, 'cdk8s.yaml'),
    [
      'language: typescript',
      `app: ${app}`,
      'output: dist',
      'validations:',
      `  - package: ${plugin}`,
      '    version: 0.1.0',
      '    class: NksValidation',
      '',
    ].join('\n'),
  );
  const env: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' };
  for (const v of ['CDK8S_OUTDIR', 'CDKTF_OUTDIR', 'NKS_INFRA_OUTPUTS']) delete env[v];
  const run = spawnSync(process.execPath, [cli, 'synth', '--no-check-upgrade'], { cwd: dir, env, encoding: 'utf8', timeout: 120_000 });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}`, dir };
}

test('the example platform: synth writes dist/ and the report shows the policy warning with its construct path', () => {
  const { status, output, dir } = cdk8sSynth(`node -r ${register} ${path.join(root, 'examples', 'platform', 'main.ts')}`);
  expect(output).toContain('Validation Report');
  expect(output).toMatch(/Status\s+│ success/);
  // The example's two Deployments (nginx and the data reader) have no probes.
  expect(output).toContain('NKS-PROBE-1 (warning) (2 occurrences)');
  expect(output).toContain('Construct Path: web/nginx/Resource/Resource');
  expect(output).toContain('Construct Path: web/data-reader/Resource/Resource');
  expect(output).toContain('Validations ended succesfully');
  expect(status).toBe(0);
  expect(fs.readdirSync(path.join(dir, 'dist'))).toContain('web.k8s.yaml');
});

test('a bad manifest: synth fails (exit 2) with a readable report of each problem', () => {
  const app = path.join(tmpdir('nks-bad-app-'), 'app.js');
  fs.writeFileSync(
    app,
    // A plain program writing a manifest by hand: nothing checks it before the plugin does.
    `const fs = require('fs');\nfs.mkdirSync(process.env.CDK8S_OUTDIR, { recursive: true });\nfs.writeFileSync(require('path').join(process.env.CDK8S_OUTDIR, 'bad.k8s.yaml'), ${JSON.stringify(
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:latest\n      imagePullPolcy: Always\n',
    )});\n`,
  );
  const { status, output } = cdk8sSynth(`node ${app}`);
  expect(output).toMatch(/Status\s+│ failure/);
  expect(output).toContain('kubernetes-schema/unknown-field (1 occurrences)');
  expect(output).toContain('> spec.containers[0].imagePullPolcy: unknown field "imagePullPolcy"');
  expect(output).toContain('NKS-IMG-1 (error) (1 occurrences)');
  expect(output).toContain('> spec.containers[0].image: container "web": image "nginx:latest" uses the tag "latest"');
  expect(output).toContain('How to fix: Pin the image');
  expect(output).toContain('Validation failed');
  expect(status).toBe(2);
});

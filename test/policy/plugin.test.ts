// The cdk8s validation plugin, driven through cdk8s-cli's own ValidationContext and report.
import * as fs from 'fs';
import * as path from 'path';
import type { Validation, ValidationContext as ValidationContextType } from 'cdk8s-cli/lib/plugins';
import { Cdk8sValidationContext, NksValidation } from '../../lib';
import { synth, tmpdir } from '../helpers';

// cdk8s-cli exports its plugin API as `cdk8s-cli/plugins` only (package "exports"); the types come by path.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ValidationContext } = require('cdk8s-cli/plugins') as typeof import('cdk8s-cli/lib/plugins');

// The plugin is what cdk8s-cli expects, and cdk8s-cli's context is what the plugin reads: checked by tsc.
const asPlugin: Validation = new NksValidation();
const asContext = (c: ValidationContextType): Cdk8sValidationContext => c;

function context(manifests: string[], metadata: Record<string, { path: string }> = {}) {
  return new ValidationContext(manifests, 'nks-cdk', '0.1.0', metadata, false);
}

function writeManifest(yaml: string): string {
  const file = path.join(tmpdir('nks-plugin-'), 'bad.k8s.yaml');
  fs.writeFileSync(file, yaml);
  return file;
}

const BAD = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  annotations:
    nks-cdk.io/suppress.NKS-PROBE-1: todo
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
        - name: web
          image: nginx
          imagePullPolcy: Always
          resources: { requests: { cpu: 100m, memory: 64Mi } }
---
apiVersion: v1
kind: Pod
metadata:
  name: suppressed
  annotations:
    nks-cdk.io/suppress.NKS-IMG-1: the seed manifest, reproduced as written
spec:
  containers:
    - { name: web, image: nginx, resources: { requests: { cpu: 100m, memory: 64Mi } } }
`;

describe('NksValidation.validate', () => {
  test('the example platform passes: success, its warnings listed with construct paths', async () => {
    const out = synth((app) => require('../../examples/platform/main').build(app));
    const manifests = fs.readdirSync(out.k8sOutdir).filter((f) => f.endsWith('.yaml')).map((f) => path.join(out.k8sOutdir, f));
    const ctx = context(manifests, { 'nginx-deployment': { path: 'web/nginx-deployment/Resource' }, 'data-reader': { path: 'web/data-reader/Resource' } });
    await asPlugin.validate(ctx);
    const json = ctx.report.toJson();
    // The example's two Deployments have no probes: warnings, listed with their construct paths.
    expect(json.summary).toMatchObject({ status: 'success', metadata: { 'Kubernetes schema issues': '0', 'Policy errors': '0', 'Policy warnings': '2' } });
    expect(json.violations).toEqual([
      expect.objectContaining({
        ruleName: 'NKS-PROBE-1 (warning)',
        violatingConstructs: expect.arrayContaining([
          expect.objectContaining({ resourceName: 'nginx-deployment', constructPath: 'web/nginx-deployment/Resource', locations: [expect.stringContaining('no readiness or liveness probe')] }),
          expect.objectContaining({ resourceName: 'data-reader', constructPath: 'web/data-reader/Resource' }),
        ]),
      }),
    ]);
  });

  test('a bad manifest fails: schema issues, policy errors and reason-less suppressions, each with resource and location', async () => {
    const file = writeManifest(BAD);
    const ctx = context([file], { web: { path: 'app/web/Resource' } });
    await new NksValidation().validate(asContext(ctx));
    expect(ctx.report.success).toBe(false);
    const byRule = Object.fromEntries(ctx.report.toJson().violations.map((v) => [v.ruleName, v]));
    expect(Object.keys(byRule).sort()).toEqual(['NKS-IMG-1 (error)', 'NKS-POLICY-1 (error)', 'NKS-PROBE-1 (warning)', 'kubernetes-schema/unknown-field']);
    expect(byRule['kubernetes-schema/unknown-field'].violatingConstructs).toEqual([
      { resourceName: 'web', constructPath: 'app/web/Resource', manifestPath: file, locations: [expect.stringMatching(/^spec\.template\.spec\.containers\[0\]\.imagePullPolcy: .*did you mean "imagePullPolicy"/)] },
    ]);
    // The Pod's suppression has a reason: its untagged image is not reported.
    expect(byRule['NKS-IMG-1 (error)'].violatingConstructs.map((c) => c.resourceName)).toEqual(['web']);
    expect(byRule['NKS-IMG-1 (error)']).toMatchObject({ recommendation: expect.stringContaining('latest'), fix: expect.stringContaining('digest') });
    expect(byRule['NKS-POLICY-1 (error)'].violatingConstructs[0].locations).toEqual([expect.stringContaining('"todo" is shorter than 10 characters')]);
    const text = ctx.report.toString();
    expect(text).toContain('failure');
    expect(text).toContain('Construct Path: app/web/Resource');
  });

  test('properties: policy levels, policies off, schema off', async () => {
    const file = writeManifest(BAD);
    const levels = context([file]);
    await new NksValidation({ policies: { levels: { 'NKS-IMG-1': 'warning' } }, kubernetesSchema: false }).validate(levels);
    expect(levels.report.toJson().violations.map((v) => v.ruleName).sort()).toEqual(['NKS-IMG-1 (warning)', 'NKS-POLICY-1 (error)', 'NKS-PROBE-1 (warning)']);
    const schemaOnly = context([file]);
    await new NksValidation({ policies: false }).validate(schemaOnly);
    expect(schemaOnly.report.toJson().violations.map((v) => v.ruleName)).toEqual(['kubernetes-schema/unknown-field']);
  });

  test('an unknown property in cdk8s.yaml is an error at load', () => {
    expect(() => new NksValidation({ polices: false } as never)).toThrow(/unknown properties polices/);
  });
});

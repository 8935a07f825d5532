import * as fs from 'fs';
import * as path from 'path';
import { NodePlacement, PlatformApp, ValidationError, ValidationErrors } from '../../lib';
import { tmpdir } from '../helpers';

/** A node group as the infrastructure layer hands it over, in `zone`. */
export function nodeGroup(zone: string, name = 'workers', maxNodes = 3): NodePlacement {
  return {
    path: `infra/cluster/${name}`,
    name,
    availabilityZone: zone,
    nodeLabels: { 'node.nks-cdk.io/group': name },
    nodeSelector: { 'node.nks-cdk.io/group': name },
    maxNodes,
  };
}

/** A Cinder volume UUID for tests. */
export const VOLUME_ID = 'e6f95191-d58b-40c3-a191-9984ce7532e5';

/**
 * Builds a program on a PlatformApp writing into a fresh directory and synthesizes it; expects a
 * ValidationError, from the constructors or from synth, and that nothing at all was written. Returns the
 * (first) error for field assertions.
 */
export function expectRejected(build: (app: PlatformApp) => void): ValidationError {
  const dir = tmpdir();
  const app = new PlatformApp({ outdir: path.join(dir, 'cdktf.out'), k8sOutdir: path.join(dir, 'dist'), log: () => undefined });
  let error: unknown;
  try {
    build(app);
    app.synth();
  } catch (e) {
    error = e;
  }
  expect(fs.readdirSync(dir)).toEqual([]);
  if (error instanceof ValidationErrors) return error.errors[0];
  if (error instanceof ValidationError) return error;
  throw error ?? new Error('expected a ValidationError, but the program synthesized');
}

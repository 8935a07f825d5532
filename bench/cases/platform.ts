// The full example platform (examples/platform): infrastructure stack and workload charts, both outputs,
// with PlatformApp's validation and both offline checks (Terraform schema, strict manifests) on.
import * as path from 'path';
import { PlatformApp } from '../../lib';
import { build } from '../../examples/platform/main';
import { CaseRun } from './case';

export const run: CaseRun = (_n, outdir) => {
  const app = new PlatformApp({ outdir: path.join(outdir, 'cdktf.out'), k8sOutdir: path.join(outdir, 'dist'), log: () => undefined });
  build(app);
  app.synth();
};

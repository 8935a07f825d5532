// nks-cdk: WebApp + Service per app, synthesized by PlatformApp with construct validation and the strict
// manifest check on (the defaults), exactly as a user's program runs.
import * as path from 'path';
import { Chart, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { PlatformApp, Service, WebApp } from '../../lib';
import { appName, CHART_ID, CPU_REQUEST_MILLIS, IMAGE, MEMORY_REQUEST_MIB, PORT, READY_PATH } from '../web-apps';
import { CaseRun } from './case';

/** Declares `n` web apps (Deployment + LoadBalancer Service) on `app`. */
export function declareNksWebApps(app: PlatformApp, n: number): void {
  const chart = new Chart(app.k8s, CHART_ID);
  for (let i = 0; i < n; i++) {
    const name = appName(i);
    const web = new WebApp(chart, name, {
      name,
      image: IMAGE,
      ports: [PORT],
      resources: { cpu: { request: kplus.Cpu.millis(CPU_REQUEST_MILLIS) }, memory: { request: Size.mebibytes(MEMORY_REQUEST_MIB) } },
      readiness: kplus.Probe.fromHttpGet(READY_PATH, { port: PORT }),
    });
    new Service(chart, `${name}-svc`, { name, type: 'LoadBalancer', selector: web, ports: [{ port: PORT, targetPort: PORT }] });
  }
}

export const run: CaseRun = (n, outdir) => {
  const warnings: string[] = [];
  const app = new PlatformApp({ outdir: path.join(outdir, 'cdktf.out'), k8sOutdir: path.join(outdir, 'dist'), log: (line) => warnings.push(line) });
  declareNksWebApps(app, n);
  app.synth();
  // A warning per app would be work the other cases do not do; the bench apps must be clean.
  if (warnings.length) throw new Error(`the bench apps raised ${warnings.length} warnings, e.g. ${warnings[0]}`);
};

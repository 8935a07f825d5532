// cdk8s-plus-28 directly: kplus.Deployment + exposeViaService per app, cdk8s App.synth. The props ask for
// the objects nks-cdk writes (labels, container name, pull policy, no default resources, root allowed).
import * as cdk8s from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { appName, CHART_ID, CONTAINER, CPU_REQUEST_MILLIS, IMAGE, MEMORY_REQUEST_MIB, PORT, READY_PATH } from '../web-apps';
import { CaseRun } from './case';

/** Declares `n` web apps (Deployment + LoadBalancer Service) on a cdk8s app. */
export function declarePlusWebApps(app: cdk8s.App, n: number): void {
  const chart = new cdk8s.Chart(app, CHART_ID);
  for (let i = 0; i < n; i++) {
    const name = appName(i);
    const deployment = new kplus.Deployment(chart, name, {
      metadata: { name, labels: { app: name } },
      select: false,
      containers: [
        {
          name: CONTAINER,
          image: IMAGE,
          ports: [{ number: PORT }],
          imagePullPolicy: kplus.ImagePullPolicy.IF_NOT_PRESENT,
          resources: { cpu: { request: kplus.Cpu.millis(CPU_REQUEST_MILLIS) }, memory: { request: cdk8s.Size.mebibytes(MEMORY_REQUEST_MIB) } },
          readiness: kplus.Probe.fromHttpGet(READY_PATH, { port: PORT }),
          securityContext: { ensureNonRoot: false, readOnlyRootFilesystem: false },
        },
      ],
      securityContext: { ensureNonRoot: false },
    });
    deployment.podMetadata.addLabel('app', name);
    deployment.select(kplus.LabelSelector.of({ labels: { app: name } }));
    deployment.exposeViaService({ name, serviceType: kplus.ServiceType.LOAD_BALANCER, ports: [{ port: PORT, targetPort: PORT, protocol: kplus.Protocol.TCP }] });
  }
}

export const run: CaseRun = (n, outdir) => {
  const app = new cdk8s.App({ outdir, yamlOutputType: cdk8s.YamlOutputType.FILE_PER_CHART });
  declarePlusWebApps(app, n);
  app.synth();
};

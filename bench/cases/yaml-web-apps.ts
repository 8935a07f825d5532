// The floor: the same objects as plain JSON, serialized with the YAML writer cdk8s itself uses
// (`Yaml.save`, one multi-document file per chart). No constructs, no token resolution, no checks.
import * as path from 'path';
import { Yaml } from 'cdk8s';
import { appName, CHART_ID, CONTAINER, CPU_REQUEST_MILLIS, IMAGE, MEMORY_REQUEST_MIB, PORT, READY_PATH } from '../web-apps';
import { CaseRun } from './case';

/** The Deployment and Service of app `i`, as nks-cdk renders them (cdk8s-plus's pod address label included). */
export function rawWebAppObjects(i: number, addressLabel: string): [Record<string, unknown>, Record<string, unknown>] {
  const name = appName(i);
  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { labels: { app: name }, name },
    spec: {
      minReadySeconds: 0,
      progressDeadlineSeconds: 600,
      replicas: 2,
      selector: { matchLabels: { app: name } },
      strategy: { rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' }, type: 'RollingUpdate' },
      template: {
        metadata: { labels: { app: name, 'cdk8s.io/metadata.addr': addressLabel } },
        spec: {
          automountServiceAccountToken: false,
          containers: [
            {
              image: IMAGE,
              imagePullPolicy: 'IfNotPresent',
              name: CONTAINER,
              ports: [{ containerPort: PORT }],
              readinessProbe: { failureThreshold: 3, httpGet: { path: READY_PATH, port: PORT, scheme: 'HTTP' } },
              resources: { requests: { cpu: `${CPU_REQUEST_MILLIS}m`, memory: `${MEMORY_REQUEST_MIB}Mi` } },
              securityContext: { allowPrivilegeEscalation: false, privileged: false, readOnlyRootFilesystem: false, runAsNonRoot: false },
            },
          ],
          dnsPolicy: 'ClusterFirst',
          hostNetwork: false,
          restartPolicy: 'Always',
          securityContext: { fsGroupChangePolicy: 'Always', runAsNonRoot: false },
          setHostnameAsFQDN: false,
          terminationGracePeriodSeconds: 30,
        },
      },
    },
  };
  const service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name },
    spec: { ports: [{ port: PORT, protocol: 'TCP', targetPort: PORT }], selector: { app: name }, type: 'LoadBalancer' },
  };
  return [deployment, service];
}

export const run: CaseRun = (n, outdir) => {
  const docs: Record<string, unknown>[] = [];
  // A stand-in for cdk8s-plus's per-object address label, same length as the real one.
  for (let i = 0; i < n; i++) docs.push(...rawWebAppObjects(i, `${CHART_ID}-${appName(i)}-c8${String(i).padStart(6, '0')}`));
  Yaml.save(path.join(outdir, `${CHART_ID}.k8s.yaml`), docs);
};

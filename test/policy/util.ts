import * as path from 'path';
import { ApiObject, Chart } from 'cdk8s';
import { PlatformApp, PlatformAppProps, PolicyFinding, Policies } from '../../lib';
import { tmpdir } from '../helpers';

/** A PlatformApp writing into a temporary directory, its log lines collected. */
export function testApp(props: PlatformAppProps = {}): { app: PlatformApp; log: string[]; dir: string } {
  const dir = tmpdir('nks-policy-');
  const log: string[] = [];
  const app = new PlatformApp({ outdir: path.join(dir, 'cdktf.out'), k8sOutdir: path.join(dir, 'dist'), log: (l) => log.push(l), ...props });
  return { app, log, dir };
}

/** Runs the policies over a program built in chart `c` of a fresh app; returns every finding. */
export function findingsOf(build: (chart: Chart, app: PlatformApp) => void, props: PlatformAppProps = {}): PolicyFinding[] {
  const { app } = testApp(props);
  build(new Chart(app.k8s, 'c'), app);
  return [...Policies.of(app).check().findings];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = Record<string, any>;

/** A raw object in the chart, construct id `x` (path `c/x`). */
export function raw(chart: Chart, obj: Json, id = 'x'): ApiObject {
  const { apiVersion, kind, ...rest } = obj;
  return new ApiObject(chart, id, { apiVersion, kind, ...rest });
}

/** A container list under a Pod. */
export function pod(containers: Json[], extra: Json = {}): Json {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers, ...extra } };
}

/** A Deployment (or another apps/v1 workload) with these containers. */
export function workload(kind: string, containers: Json[]): Json {
  return {
    apiVersion: 'apps/v1',
    kind,
    metadata: { name: 'w' },
    spec: { selector: { matchLabels: { app: 'w' } }, template: { metadata: { labels: { app: 'w' } }, spec: { containers } } },
  };
}

/** A container that passes every workload rule; spread and override one field to break one rule. */
export const GOOD_CONTAINER: Json = {
  name: 'web',
  image: 'nginx:1.27.3',
  resources: { requests: { cpu: '100m', memory: '128Mi' } },
  readinessProbe: { httpGet: { path: '/', port: 80 } },
};

// The web app every bench case builds N times: an nginx Deployment behind a LoadBalancer Service. One
// definition, so nks-cdk, cdk8s-plus-28 and the raw YAML case produce the same objects (see
// test/bench/web-apps.test.ts for what "the same" allows).

/** Image of every bench app (pinned, so nks-cdk's pull policy rule gives IfNotPresent). */
export const IMAGE = 'nginx:1.27.0';
/** Container port and Service port. */
export const PORT = 80;
/** Container name nks-cdk derives from the image. */
export const CONTAINER = 'nginx';
/** CPU and memory each container requests (a policy rule asks every container to state them). */
export const CPU_REQUEST_MILLIS = 250;
export const MEMORY_REQUEST_MIB = 256;
/** Path of the readiness probe (a policy rule asks Deployments for a probe). */
export const READY_PATH = '/';
/** Construct id of the chart that holds the apps. */
export const CHART_ID = 'apps';

/** Name of app `i`: Deployment, Service and pod label `app`. Zero-padded so files sort the same in every case. */
export function appName(i: number): string {
  return `web-${String(i).padStart(5, '0')}`;
}

// Bad-input corpus: Kubernetes workloads (WebApp and its container/pod options, GPU workloads, pull secrets,
// registry credentials, Namespace, ConfigMap, ServiceAccount, StaticPod). See harness.ts.
import { Chart, Duration, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import {
  addGpus, ConfigMap, GpuDeployment, GpuDeploymentProps, GpuPod, GpuPodProps, Namespace, NodePlacement, PlatformApp, PullSecret,
  RegistryCredentials, RegistryCredentialsProps, ServiceAccount, StaticPod, StaticPodProps, WebApp, WebAppProps,
} from '../../lib';
import { ConstructCase, runCorpus } from './harness';

const IMAGE = 'nginx:1.14.2';
const chart = (app: PlatformApp): Chart => new Chart(app.k8s, 'c');
// JavaScript callers (and JSON-driven programs) can pass what the types forbid.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const untyped = (v: unknown): any => v;

/** A node group as the infra layer hands it over; `gpus` per node, or none. */
function group(gpus?: number, selector: Record<string, string> = { 'node.nks-cdk.io/group': 'g' }): NodePlacement {
  return {
    path: 'infra/cluster/g',
    name: 'g',
    availabilityZone: 'kr-pub-a',
    nodeLabels: selector,
    nodeSelector: selector,
    maxNodes: 2,
    gpu: gpus === undefined ? undefined : { model: 'Tesla T4', count: gpus },
    taint: gpus === undefined ? undefined : { key: 'nvidia.com/gpu', effect: 'NoSchedule' },
  };
}

const web = (props: Partial<WebAppProps>) => (app: PlatformApp) => void new WebApp(chart(app), 'web', { image: IMAGE, ...props });
const gpuPod = (props: Partial<GpuPodProps>) => (app: PlatformApp) => void new GpuPod(chart(app), 'gpu', { image: 'nvcr.io/nvidia/tensorflow:18.07-py3', ...props });
const gpuDeployment = (props: Partial<GpuDeploymentProps>) => (app: PlatformApp) => void new GpuDeployment(chart(app), 'gpud', { image: 'nvcr.io/nvidia/tritonserver:24.08-py3', ...props });
const kplusDeployment = (scope: Construct) => new kplus.Deployment(scope, 'd', { containers: [{ image: IMAGE }] });
const registry = (props: Partial<RegistryCredentialsProps>) => (app: PlatformApp) =>
  void new RegistryCredentials(chart(app), 'reg', { server: 'abcd1234-kr1-registry.container.nhncloud.com', username: 'user@example.com', passwordEnv: 'NKS_CORPUS_PW', ...props });
const staticPod = (props: Partial<StaticPodProps> | ((scope: Chart) => Partial<StaticPodProps>)) => (app: PlatformApp) => {
  const c = chart(app);
  new StaticPod(c, 'static', { name: 'static-web', image: IMAGE, ...(typeof props === 'function' ? props(c) : props) });
};
const PW = { NKS_CORPUS_PW: 'corpus-password' };
/** A ConfigMap `cfg` (namespace `cmNamespace`, data { mode }) and a WebApp in namespace `shop` with the env `use` makes from it. */
const readingConfig = (cmNamespace: string, use: (cm: ConfigMap) => Partial<WebAppProps>) => (app: PlatformApp) => {
  const c = chart(app);
  const cm = new ConfigMap(c, 'cm', { name: 'cfg', namespace: cmNamespace, data: { mode: 'fast' } });
  new WebApp(c, 'web', { image: IMAGE, namespace: 'shop', ...use(cm) });
};
/** Two objects built by `make` with ids `a` and `b` in one chart. */
const twice = (make: (c: Chart, id: 'a' | 'b') => void) => (app: PlatformApp) => {
  const c = chart(app);
  make(c, 'a');
  make(c, 'b');
};
const httpGet = (options: kplus.HttpGetProbeOptions) => kplus.Probe.fromHttpGet('/healthz', options);

const W = 'c/web';
const SUBDOMAIN = /RFC 1123 subdomain/;
const LABEL = /RFC 1123 label/;
const LABEL_KEY = /a label key is/;
const LABEL_VALUE = /a label value is/;
const IMAGE_REF = /an image reference is/;
const PORT = /a port must be/;
const PORT_NAME = /a port name is at most 15/;
const ENV_NAME = /an environment variable name is/;
const GPUS = /GPUs per pod/;

const webApp: ConstructCase[] = [
  { name: 'WebApp name with uppercase and "_"', build: web({ name: 'Nginx_Deployment' }), path: W, field: 'name', rule: SUBDOMAIN },
  { name: 'WebApp name longer than 253', build: web({ name: 'a'.repeat(254) }), path: W, field: 'name', rule: SUBDOMAIN },
  { name: 'WebApp name starting with "-"', build: web({ name: '-web' }), path: W, field: 'name', rule: SUBDOMAIN },
  { name: 'WebApp name empty', build: web({ name: '' }), path: W, field: 'name', rule: SUBDOMAIN },
  { name: 'WebApp namespace with uppercase', build: web({ namespace: 'Prod' }), path: W, field: 'namespace', rule: LABEL },
  { name: 'WebApp namespace with a dot', build: web({ namespace: 'team.prod' }), path: W, field: 'namespace', rule: LABEL },
  { name: 'WebApp namespace longer than 63', build: web({ namespace: 'n'.repeat(64) }), path: W, field: 'namespace', rule: LABEL },
  { name: 'WebApp label key with spaces', build: web({ labels: { 'bad key!': 'x' } }), path: W, field: 'labels.bad key!', rule: LABEL_KEY },
  { name: 'WebApp label key with empty name after prefix', build: web({ labels: { 'example.com/': 'x' } }), path: W, field: 'labels.example.com/', rule: /no name after/ },
  { name: 'WebApp label key with two slashes', build: web({ labels: { 'a/b/c': 'x' } }), path: W, field: 'labels.a/b/c', rule: /more than one/ },
  { name: 'WebApp label key with uppercase prefix', build: web({ labels: { 'Example.com/app': 'x' } }), path: W, field: 'labels.Example.com/app', rule: /not a lowercase DNS subdomain/ },
  { name: 'WebApp label value with a space', build: web({ labels: { app: 'my app' } }), path: W, field: 'labels.app', rule: LABEL_VALUE },
  { name: 'WebApp label value longer than 63', build: web({ labels: { app: 'x'.repeat(64) } }), path: W, field: 'labels.app', rule: LABEL_VALUE },
  { name: 'WebApp label value ending with "-"', build: web({ labels: { app: 'web-' } }), path: W, field: 'labels.app', rule: LABEL_VALUE },
  { name: 'WebApp label value a number', build: web({ labels: { app: untyped(1) } }), path: W, field: 'labels.app', rule: LABEL_VALUE },
  { name: 'WebApp with no labels to select', build: web({ labels: {} }), path: W, field: 'labels', rule: /at least one label/ },
  { name: 'WebApp replicas negative', build: web({ replicas: -1 }), path: W, field: 'replicas', rule: /replicas must be from 0/ },
  { name: 'WebApp replicas fractional', build: web({ replicas: 1.5 }), path: W, field: 'replicas', rule: /whole number/ },
  { name: 'WebApp replicas above int32', build: web({ replicas: 2 ** 31 }), path: W, field: 'replicas', rule: /2147483647/ },
  { name: 'WebApp replicas as a string', build: web({ replicas: untyped('3') }), path: W, field: 'replicas', rule: /whole number/ },
  { name: 'WebApp replicas NaN', build: web({ replicas: NaN }), path: W, field: 'replicas', rule: /whole number/ },
  { name: 'WebApp strategy unknown', build: web({ strategy: untyped('BlueGreen') }), path: W, field: 'strategy', rule: /"RollingUpdate" or "Recreate"/ },
  { name: 'WebApp strategy lowercase', build: web({ strategy: untyped('recreate') }), path: W, field: 'strategy', rule: /"RollingUpdate" or "Recreate"/ },
  { name: 'WebApp Recreate with rollingUpdate settings', build: web({ strategy: 'Recreate', rollingUpdate: { maxSurge: 1 } }), path: W, field: 'rollingUpdate', rule: /only to the RollingUpdate/ },
  { name: 'WebApp maxSurge percentage without "%"', build: web({ rollingUpdate: { maxSurge: '25' } }), path: W, field: 'rollingUpdate.maxSurge', rule: /percentage like "25%"/ },
  { name: 'WebApp maxSurge fractional percentage', build: web({ rollingUpdate: { maxSurge: '2.5%' } }), path: W, field: 'rollingUpdate.maxSurge', rule: /percentage/ },
  { name: 'WebApp maxSurge negative', build: web({ rollingUpdate: { maxSurge: -1 } }), path: W, field: 'rollingUpdate.maxSurge', rule: /a pod count must be from 0/ },
  { name: 'WebApp maxSurge fractional', build: web({ rollingUpdate: { maxSurge: 1.5 } }), path: W, field: 'rollingUpdate.maxSurge', rule: /whole number/ },
  { name: 'WebApp maxSurge negative percentage', build: web({ rollingUpdate: { maxSurge: '-10%' } }), path: W, field: 'rollingUpdate.maxSurge', rule: /percentage/ },
  { name: 'WebApp maxUnavailable above 100%', build: web({ rollingUpdate: { maxUnavailable: '101%' } }), path: W, field: 'rollingUpdate.maxUnavailable', rule: /at most 100%/ },
  { name: 'WebApp maxUnavailable a word', build: web({ rollingUpdate: { maxUnavailable: 'all' } }), path: W, field: 'rollingUpdate.maxUnavailable', rule: /percentage/ },
  { name: 'WebApp maxUnavailable negative', build: web({ rollingUpdate: { maxUnavailable: -2 } }), path: W, field: 'rollingUpdate.maxUnavailable', rule: /from 0/ },
  { name: 'WebApp maxSurge and maxUnavailable both 0', build: web({ rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } }), path: W, field: 'rollingUpdate', rule: /cannot both be 0/ },
  { name: 'WebApp maxSurge and maxUnavailable both 0%', build: web({ rollingUpdate: { maxSurge: '0%', maxUnavailable: '0%' } }), path: W, field: 'rollingUpdate', rule: /cannot both be 0/ },
  { name: 'WebApp revisionHistoryLimit negative', build: web({ revisionHistoryLimit: -1 }), path: W, field: 'revisionHistoryLimit', rule: /revisionHistoryLimit must be from 0/ },
  { name: 'WebApp revisionHistoryLimit fractional', build: web({ revisionHistoryLimit: 0.5 }), path: W, field: 'revisionHistoryLimit', rule: /whole number/ },
  { name: 'WebApp minReadySeconds negative', build: web({ minReadySeconds: -5 }), path: W, field: 'minReadySeconds', rule: /minReadySeconds must be from 0/ },
  { name: 'WebApp minReadySeconds fractional', build: web({ minReadySeconds: 2.5 }), path: W, field: 'minReadySeconds', rule: /whole number/ },
  { name: 'image with a space', build: web({ image: 'nginx 1.14.2' }), path: W, field: 'image', rule: IMAGE_REF },
  { name: 'image with uppercase repository', build: web({ image: 'NGINX:1.14.2' }), path: W, field: 'image', rule: IMAGE_REF },
  { name: 'image empty', build: web({ image: '' }), path: W, field: 'image', rule: IMAGE_REF },
  { name: "image with the guide's {placeholder}", build: web({ image: '{registry}/nginx:1.14.2' }), path: W, field: 'image', rule: IMAGE_REF },
  { name: 'image with an empty tag', build: web({ image: 'nginx:' }), path: W, field: 'image', rule: IMAGE_REF },
  { name: 'image with a URL scheme', build: web({ image: 'https://registry.example.com/nginx:1.14.2' }), path: W, field: 'image', rule: IMAGE_REF },
  { name: 'image with a short digest', build: web({ image: 'nginx@sha256:abc' }), path: W, field: 'image', rule: IMAGE_REF },
  { name: 'containerName with "_"', build: web({ containerName: 'web_app' }), path: W, field: 'containerName', rule: LABEL },
  { name: 'containerName longer than 63', build: web({ containerName: 'c'.repeat(64) }), path: W, field: 'containerName', rule: LABEL },
  { name: 'container port 0', build: web({ ports: [0] }), path: W, field: 'ports[0]', rule: PORT },
  { name: 'container port 65536', build: web({ ports: [80, 65536] }), path: W, field: 'ports[1]', rule: PORT },
  { name: 'container port number fractional', build: web({ ports: [{ number: 80.5 }] }), path: W, field: 'ports[0].number', rule: /whole number/ },
  { name: 'container port name uppercase', build: web({ ports: [{ number: 80, name: 'HTTP' }] }), path: W, field: 'ports[0].name', rule: PORT_NAME },
  { name: 'container port name longer than 15', build: web({ ports: [{ number: 80, name: 'a-very-long-port-name' }] }), path: W, field: 'ports[0].name', rule: PORT_NAME },
  { name: 'container port name without a letter', build: web({ ports: [{ number: 80, name: '8080' }] }), path: W, field: 'ports[0].name', rule: PORT_NAME },
  { name: 'container port name with "--"', build: web({ ports: [{ number: 80, name: 'web--api' }] }), path: W, field: 'ports[0].name', rule: PORT_NAME },
  { name: 'container port repeated', build: web({ ports: [80, 80] }), path: W, field: 'ports[1]', rule: /appears once per container/ },
  { name: 'container port names repeated', build: web({ ports: [{ number: 80, name: 'web' }, { number: 81, name: 'web' }] }), path: W, field: 'ports', rule: /port names are unique/ },
  { name: 'env name starting with a digit', build: web({ env: { '1BAD': 'x' } }), path: W, field: 'env.1BAD', rule: ENV_NAME },
  { name: 'env name with a space', build: web({ env: { 'MY VAR': 'x' } }), path: W, field: 'env.MY VAR', rule: ENV_NAME },
  { name: 'env name with "="', build: web({ env: { 'A=B': 'x' } }), path: W, field: 'env.A=B', rule: ENV_NAME },
  { name: 'env name empty', build: web({ env: { '': 'x' } }), path: W, field: 'env.', rule: ENV_NAME },
  { name: 'imagePullSecrets name with "_"', build: web({ imagePullSecrets: [{ name: 'Registry_Credential' }] }), path: W, field: 'imagePullSecrets[0]', rule: SUBDOMAIN },
  { name: 'imagePullSecrets second name empty', build: web({ imagePullSecrets: [{ name: 'ok' }, { name: '' }] }), path: W, field: 'imagePullSecrets[1]', rule: SUBDOMAIN },
  { name: 'WebApp.addImagePullSecrets with a bad name', build: (app) => new WebApp(chart(app), 'web', { image: IMAGE }).addImagePullSecrets({ name: 'Bad Name' }), path: W, field: 'imagePullSecrets[0]', rule: SUBDOMAIN },
  { name: 'nodeSelector key with spaces', build: web({ nodeSelector: { 'bad key!': 'x' } }), path: W, field: 'nodeSelector.bad key!', rule: LABEL_KEY },
  { name: 'nodeSelector value with a space', build: web({ nodeSelector: { disk: 'fast ssd' } }), path: W, field: 'nodeSelector.disk', rule: LABEL_VALUE },
  { name: 'toleration key with a space', build: web({ tolerations: [{ key: 'bad key', effect: 'NoSchedule' }] }), path: W, field: 'tolerations[0].key', rule: LABEL_KEY },
  { name: 'toleration value with a space', build: web({ tolerations: [{ key: 'k', value: 'a b', effect: 'NoSchedule' }] }), path: W, field: 'tolerations[0].value', rule: LABEL_VALUE },
  { name: 'toleration key empty', build: web({ tolerations: [{ key: '', effect: 'NoSchedule' }] }), path: W, field: 'tolerations[0].key', rule: /is empty/ },
  { name: 'toleration effect unknown', build: web({ tolerations: [{ key: 'k', effect: untyped('Never') }] }), path: W, field: 'tolerations[0].effect', rule: /NoSchedule, PreferNoSchedule or NoExecute/ },
  { name: 'placement with a bad node selector key', build: web({ placement: group(undefined, { 'bad key!': 'x' }) }), path: W, field: 'placement.nodeSelector.bad key!', rule: LABEL_KEY },
  { name: 'placement and nodeSelector disagreeing on a key', build: web({ placement: group(undefined, { pool: 'a' }), nodeSelector: { pool: 'b' } }), path: W, field: 'nodeSelector.pool', rule: /already select nodes with pool=a/ },
  { name: 'placement taint with a bad key', build: web({ placement: { ...group(), taint: { key: 'bad key', effect: 'NoSchedule' } } }), path: W, field: 'placement.taint.key', rule: LABEL_KEY },
  { name: 'placement taint effect unknown', build: web({ placement: { ...group(), taint: { key: 'k', effect: untyped('Sometimes') } } }), path: W, field: 'placement.taint.effect', rule: /NoSchedule/ },
  { name: 'WebApp.placeOn a group with a bad selector value', build: (app) => new WebApp(chart(app), 'web', { image: IMAGE }).placeOn(group(undefined, { pool: 'a b' })), path: W, field: 'placement.nodeSelector.pool', rule: LABEL_VALUE },
  { name: 'WebApp minReadySeconds at the progress deadline', build: web({ minReadySeconds: 600 }), path: W, field: 'minReadySeconds', rule: /less than the Deployment's progress deadline \(600 s\)/ },
  { name: 'WebApp minReadySeconds above the progress deadline', build: web({ minReadySeconds: 3600 }), path: W, field: 'minReadySeconds', rule: /progress deadline/ },
  { name: 'CPU request above its limit', build: web({ resources: { cpu: { request: kplus.Cpu.millis(500), limit: kplus.Cpu.millis(250) } } }), path: W, field: 'resources.cpu', rule: /a CPU request must not exceed its limit/ },
  { name: 'CPU request in cores above a limit in millicores', build: web({ resources: { cpu: { request: kplus.Cpu.units(1), limit: kplus.Cpu.millis(999) } } }), path: W, field: 'resources.cpu', rule: /must not exceed its limit/ },
  { name: 'CPU request negative', build: web({ resources: { cpu: { request: kplus.Cpu.millis(-100) } } }), path: W, field: 'resources.cpu', rule: /a CPU amount is a number of cores or millicores, not negative/ },
  { name: 'CPU limit negative', build: web({ resources: { cpu: { limit: kplus.Cpu.units(-1) } } }), path: W, field: 'resources.cpu', rule: /not negative/ },
  { name: 'memory request above its limit', build: web({ resources: { memory: { request: Size.gibibytes(2), limit: Size.mebibytes(1024) } } }), path: W, field: 'resources.memory', rule: /a memory request must not exceed its limit/ },
  { name: 'memory in a fraction of a MiB', build: web({ resources: { memory: { limit: Size.kibibytes(1536) } } }), path: W, field: 'resources.memory', rule: /writes memory in whole MiB/ },
  { name: 'ephemeral storage request above its limit', build: web({ resources: { ephemeralStorage: { request: Size.gibibytes(4), limit: Size.gibibytes(1) } } }), path: W, field: 'resources.ephemeralStorage', rule: /ephemeral storage request must not exceed/ },
  { name: 'liveness probe successThreshold 2', build: web({ liveness: httpGet({ successThreshold: 2 }) }), path: W, field: 'liveness.successThreshold', rule: /a liveness probe's successThreshold must be 1/ },
  { name: 'startup probe successThreshold 3', build: web({ startup: kplus.Probe.fromTcpSocket({ port: 8080, successThreshold: 3 }) }), path: W, field: 'startup.successThreshold', rule: /a startup probe's successThreshold must be 1/ },
  { name: 'readiness probe successThreshold 0', build: web({ readiness: httpGet({ successThreshold: 0 }) }), path: W, field: 'readiness.successThreshold', rule: /successThreshold must be from 1/ },
  { name: 'readiness probe port 70000', build: web({ readiness: httpGet({ port: 70000 }) }), path: W, field: 'readiness.port', rule: /a probe's port must be from 1 to 65535/ },
  { name: 'liveness TCP probe port 0', build: web({ liveness: kplus.Probe.fromTcpSocket({ port: 0 }) }), path: W, field: 'liveness.port', rule: /a probe's port/ },
  { name: 'startup probe port fractional', build: web({ startup: httpGet({ port: 80.5 }) }), path: W, field: 'startup.port', rule: /whole number/ },
  { name: 'probe not a cdk8s-plus Probe', build: web({ readiness: untyped({ path: '/healthz' }) }), path: W, field: 'readiness', rule: /a probe is a cdk8s-plus Probe/ },
  { name: 'readiness probe periodSeconds 0 (the API server would make it 10)', build: web({ readiness: httpGet({ periodSeconds: Duration.seconds(0) }) }), path: W, field: 'readiness.periodSeconds', rule: /periodSeconds must be at least 1 s: .*replaces it with its default 10 s/ },
  { name: 'liveness probe timeoutSeconds 0 (the API server would make it 1)', build: web({ liveness: httpGet({ timeoutSeconds: Duration.seconds(0) }) }), path: W, field: 'liveness.timeoutSeconds', rule: /timeoutSeconds must be at least 1 s: .*default 1 s/ },
  { name: 'startup probe failureThreshold 0 (the API server would make it 3)', build: web({ startup: kplus.Probe.fromTcpSocket({ port: 80, failureThreshold: 0 }) }), path: W, field: 'startup.failureThreshold', rule: /failureThreshold must be from 1: .*default 3/ },
  { name: 'liveness probe successThreshold 0', build: web({ liveness: httpGet({ successThreshold: 0 }) }), path: W, field: 'liveness.successThreshold', rule: /must be 1 .*0 counts as unset/ },
  { name: 'readiness probe failureThreshold negative', build: web({ readiness: httpGet({ failureThreshold: -1 }) }), path: W, field: 'readiness.failureThreshold', rule: /failureThreshold must be from 1/ },
  { name: 'readiness probe failureThreshold fractional', build: web({ readiness: httpGet({ failureThreshold: 2.5 }) }), path: W, field: 'readiness.failureThreshold', rule: /whole number/ },
  { name: 'readiness probe periodSeconds Duration.millis(500)', build: web({ readiness: httpGet({ periodSeconds: Duration.millis(500) }) }), path: W, field: 'readiness.periodSeconds', rule: /periodSeconds is a whole number of seconds/, also: (e) => expect(e.fix).toMatch(/Duration\.seconds\(1\)/) },
  { name: 'liveness probe timeoutSeconds Duration.millis(1500)', build: web({ liveness: httpGet({ timeoutSeconds: Duration.millis(1500) }) }), path: W, field: 'liveness.timeoutSeconds', rule: /timeoutSeconds is a whole number of seconds.*1\.5 s/ },
  { name: 'startup probe initialDelaySeconds Duration.millis(250)', build: web({ startup: httpGet({ initialDelaySeconds: Duration.millis(250) }) }), path: W, field: 'startup.initialDelaySeconds', rule: /initialDelaySeconds is a whole number of seconds/ },
  { name: 'readiness probe initialDelaySeconds Duration.seconds(1.5)', build: web({ readiness: httpGet({ initialDelaySeconds: Duration.seconds(1.5) }) }), path: W, field: 'readiness.initialDelaySeconds', rule: /whole number of seconds/ },
  { name: 'readiness probe periodSeconds above int32 seconds', build: web({ readiness: httpGet({ periodSeconds: Duration.days(30000) }) }), path: W, field: 'readiness.periodSeconds', rule: /at most 2147483647 s/ },
  { name: 'readiness probe periodSeconds a number (JavaScript)', build: web({ readiness: httpGet({ periodSeconds: untyped(10) }) }), path: W, field: 'readiness.periodSeconds', rule: /is a cdk8s Duration/ },
  { name: 'env value a number (JavaScript)', build: web({ env: { PIN: untyped(31337) } }), path: W, field: 'env.PIN', rule: /an environment variable's value is a string .*a number/, also: (e) => expect(e.message).not.toContain('31337') },
  { name: 'env value a boolean (JavaScript)', build: web({ env: { DEBUG: untyped(true) } }), path: W, field: 'env.DEBUG', rule: /a boolean, which cdk8s-plus drops/ },
  { name: 'env value null (JavaScript)', build: web({ env: { MODE: untyped(null) } }), path: W, field: 'env.MODE', rule: /this one is null/ },
  { name: 'env value a plain object (JavaScript)', build: web({ env: { MODE: untyped({ value: 'fast' }) } }), path: W, field: 'env.MODE', rule: /this one is an object/ },
  {
    name: 'annotations over 256 KiB added through cdk8s metadata after construction',
    build: (app) => {
      const webApp = new WebApp(chart(app), 'web', { image: IMAGE });
      webApp.deployment.metadata.addAnnotation('example.com/a', 'a'.repeat(200 * 1024));
      webApp.deployment.metadata.addAnnotation('example.com/b', 'b'.repeat(100 * 1024));
    },
    path: W,
    field: 'annotations',
    rule: /these total 307226; the API server refuses the object/,
  },
  { name: 'securityContext user negative', build: web({ securityContext: { user: -1 } }), path: W, field: 'securityContext.user', rule: /a user ID \(runAsUser\) must be from 0 to 2147483647/ },
  { name: 'securityContext user above int32', build: web({ securityContext: { user: 2 ** 31 } }), path: W, field: 'securityContext.user', rule: /2147483647/ },
  { name: 'securityContext group above int32', build: web({ securityContext: { group: 4294967295 } }), path: W, field: 'securityContext.group', rule: /a group ID \(runAsGroup\)/ },
  {
    name: 'WebApp with a ServiceAccount of another namespace',
    build: (app) => {
      const c = chart(app);
      new WebApp(c, 'web', { image: IMAGE, namespace: 'shop', serviceAccount: new ServiceAccount(c, 'sa', { name: 'deployer', namespace: 'ops' }) });
    },
    path: W,
    field: 'serviceAccount',
    rule: /ServiceAccount "deployer" is in "ops", the pods in "shop"/,
  },
  { name: 'WebApp env from a ConfigMap of another namespace', build: readingConfig('ops', (cm) => ({ env: { MODE: kplus.EnvValue.fromConfigMap(cm, 'mode') } })), path: W, field: 'env.MODE', rule: /reads ConfigMaps of its own namespace only; ConfigMap "cfg" is defined in "ops"/ },
  { name: 'WebApp envFrom a ConfigMap of another namespace', build: readingConfig('ops', (cm) => ({ envFrom: [kplus.Env.fromConfigMap(cm)] })), path: W, field: 'envFrom[0]', rule: /own namespace only/ },
  { name: 'WebApp env from a ConfigMap key it lacks', build: readingConfig('shop', (cm) => ({ env: { LEVEL: kplus.EnvValue.fromConfigMap(cm, 'level') } })), path: W, field: 'env.LEVEL', rule: /ConfigMap "cfg" \(c\/cm\) has no key "level" \(its keys are "mode"\)/ },
  {
    name: 'WebApp env from a ConfigMap key, env added after construction',
    build: (app) => {
      const c = chart(app);
      const cm = new ConfigMap(c, 'cm', { name: 'cfg' });
      new WebApp(c, 'web', { image: IMAGE }).container.env.addVariable('MODE', kplus.EnvValue.fromConfigMap(cm, 'mode'));
    },
    path: W,
    field: 'env.MODE',
    rule: /has no key "mode" \(it has no data\)/,
  },
  { name: 'two WebApps named web in one namespace', build: twice((c, id) => new WebApp(c, id, { image: IMAGE, name: 'web' })), path: 'c/b', field: 'name', rule: /the Deployment "web" in namespace "default" is already defined by c\/a/ },
  {
    name: 'WebApp named like a cdk8s-plus Deployment built before it',
    build: (app) => {
      const c = chart(app);
      new kplus.Deployment(c, 'd', { metadata: { name: 'web' }, containers: [{ image: IMAGE }] });
      new WebApp(c, 'web', { image: IMAGE, name: 'web' });
    },
    path: W,
    field: 'name',
    rule: /already defined by c\/d/,
  },
  {
    name: 'cdk8s-plus Deployment named like a WebApp built before it',
    build: (app) => {
      const c = chart(app);
      new WebApp(c, 'web', { image: IMAGE, name: 'web' });
      new kplus.Deployment(c, 'd', { metadata: { name: 'web' }, containers: [{ image: IMAGE }] });
    },
    path: 'c/d',
    field: 'name',
    rule: /already defined by c\/web/,
  },
];

const gpu: ConstructCase[] = [
  { name: 'GpuPod gpus 0', build: gpuPod({ gpus: 0 }), path: 'c/gpu', field: 'gpus', rule: GPUS },
  { name: 'GpuPod gpus negative', build: gpuPod({ gpus: -1 }), path: 'c/gpu', field: 'gpus', rule: GPUS },
  { name: 'GpuPod gpus fractional', build: gpuPod({ gpus: 0.5 }), path: 'c/gpu', field: 'gpus', rule: /whole number/ },
  { name: 'GpuPod gpus NaN', build: gpuPod({ gpus: NaN }), path: 'c/gpu', field: 'gpus', rule: /whole number/ },
  { name: 'GpuPod gpus Infinity', build: gpuPod({ gpus: Infinity }), path: 'c/gpu', field: 'gpus', rule: /whole number/ },
  { name: 'GpuPod gpus as a string', build: gpuPod({ gpus: untyped('1') }), path: 'c/gpu', field: 'gpus', rule: /whole number/ },
  { name: 'GpuPod gpus more than a node has', build: gpuPod({ gpus: 4, placement: group(2) }), path: 'c/gpu', field: 'gpus', rule: /must be on one node.*have 2 GPUs/ },
  { name: 'GpuPod placed on a group without GPUs', build: gpuPod({ placement: group() }), path: 'c/gpu', field: 'placement', rule: /has no GPUs/ },
  { name: 'GpuPod nodeSelector disagreeing with its GPU group', build: gpuPod({ nodeSelector: { pool: 'cpu' }, placement: group(1, { pool: 'gpu' }) }), path: 'c/gpu', field: 'placement.nodeSelector.pool', rule: /already select nodes with pool=cpu/ },
  { name: 'GpuPod name invalid', build: gpuPod({ name: 'ResNet_GPU_Pod' }), path: 'c/gpu', field: 'name', rule: SUBDOMAIN },
  { name: 'GpuPod label value invalid', build: gpuPod({ labels: { app: 'res net' } }), path: 'c/gpu', field: 'labels.app', rule: LABEL_VALUE },
  { name: 'GpuPod image with a placeholder', build: gpuPod({ image: 'nvcr.io/nvidia/tensorflow:{tag}' }), path: 'c/gpu', field: 'image', rule: IMAGE_REF },
  { name: 'GpuPod pull secret name invalid', build: gpuPod({ imagePullSecrets: [PullSecret.fromName('nvcr.dgxkey'), { name: 'NGC Key' }] }), path: 'c/gpu', field: 'imagePullSecrets[1]', rule: SUBDOMAIN },
  { name: 'GpuPod toleration effect unknown', build: gpuPod({ tolerations: [{ key: 'nvidia.com/gpu', effect: untyped('noschedule') }] }), path: 'c/gpu', field: 'tolerations[0].effect', rule: /NoSchedule/ },
  { name: 'GpuDeployment gpus 0', build: gpuDeployment({ gpus: 0 }), path: 'c/gpud', field: 'gpus', rule: GPUS },
  { name: 'GpuDeployment gpus fractional', build: gpuDeployment({ gpus: 1.5 }), path: 'c/gpud', field: 'gpus', rule: /whole number/ },
  { name: 'GpuDeployment gpus more than a node has', build: gpuDeployment({ gpus: 3, placement: group(2) }), path: 'c/gpud', field: 'gpus', rule: /must be on one node/ },
  { name: 'GpuDeployment placed on a group without GPUs', build: gpuDeployment({ placement: group() }), path: 'c/gpud', field: 'placement', rule: /has no GPUs/ },
  { name: 'GpuDeployment replicas negative', build: gpuDeployment({ replicas: -1 }), path: 'c/gpud', field: 'replicas', rule: /replicas must be from 0/ },
  { name: 'GpuPod liveness probe periodSeconds Duration.millis(100)', build: gpuPod({ liveness: kplus.Probe.fromCommand(['nvidia-smi'], { periodSeconds: Duration.millis(100) }) }), path: 'c/gpu', field: 'liveness.periodSeconds', rule: /whole number of seconds/ },
  { name: 'GpuPod env value a number (JavaScript)', build: gpuPod({ env: { EPOCHS: untyped(90) } }), path: 'c/gpu', field: 'env.EPOCHS', rule: /an environment variable's value is a string/ },
  { name: 'GpuPod liveness probe successThreshold 2', build: gpuPod({ liveness: kplus.Probe.fromCommand(['nvidia-smi'], { successThreshold: 2 }) }), path: 'c/gpu', field: 'liveness.successThreshold', rule: /must be 1/ },
  {
    name: 'GpuPod env from a ConfigMap key it lacks',
    build: (app) => {
      const c = chart(app);
      const cm = new ConfigMap(c, 'cm', { name: 'train', data: { epochs: '90' } });
      new GpuPod(c, 'gpu', { image: 'nvcr.io/nvidia/tensorflow:18.07-py3', env: { BATCH: kplus.EnvValue.fromConfigMap(cm, 'batch') } });
    },
    path: 'c/gpu',
    field: 'env.BATCH',
    rule: /has no key "batch"/,
  },
  { name: 'two GpuDeployments with one name', build: twice((c, id) => new GpuDeployment(c, id, { image: 'nvcr.io/nvidia/tritonserver:24.08-py3', name: 'triton' })), path: 'c/b', field: 'name', rule: /the Deployment "triton"/ },
  { name: 'GpuDeployment strategy unknown', build: gpuDeployment({ strategy: untyped('Canary') }), path: 'c/gpud', field: 'strategy', rule: /RollingUpdate/ },
  { name: 'addGpus gpus 0 on a kplus Deployment', build: (app) => void addGpus(kplusDeployment(chart(app)), { gpus: 0 }), path: 'c/d', field: 'gpus', rule: GPUS },
  { name: 'addGpus gpus fractional', build: (app) => void addGpus(kplusDeployment(chart(app)), { gpus: 2.5 }), path: 'c/d', field: 'gpus', rule: /whole number/ },
  { name: 'addGpus gpus negative', build: (app) => void addGpus(kplusDeployment(chart(app)), { gpus: -2 }), path: 'c/d', field: 'gpus', rule: GPUS },
  { name: 'addGpus more than a node has', build: (app) => void addGpus(kplusDeployment(chart(app)), { gpus: 2, placement: group(1) }), path: 'c/d', field: 'gpus', rule: /have 1 GPU:/ },
  { name: 'addGpus on a group without GPUs', build: (app) => void addGpus(kplusDeployment(chart(app)), { placement: group() }), path: 'c/d', field: 'placement', rule: /has no GPUs/ },
  {
    name: 'addGpus for a container of another workload',
    build: (app) => {
      const c = chart(app);
      const other = new kplus.Pod(c, 'other', { containers: [{ image: IMAGE }] });
      addGpus(kplusDeployment(c), { container: other.containers[0] });
    },
    path: 'c/d',
    field: 'gpus',
    rule: /container must belong to the workload/,
  },
  {
    name: 'addGpus reports on reportOn',
    build: (app) => {
      const c = chart(app);
      addGpus(kplusDeployment(c), { gpus: 0, reportOn: new Construct(c, 'owner') });
    },
    path: 'c/owner',
    field: 'gpus',
    rule: GPUS,
  },
];

const PS = 'PullSecret.fromName';
const secrets: ConstructCase[] = [
  { name: 'PullSecret.fromName with "_"', build: () => void PullSecret.fromName('registry_credential'), path: PS, field: 'name', rule: SUBDOMAIN },
  { name: 'PullSecret.fromName empty', build: () => void PullSecret.fromName(''), path: PS, field: 'name', rule: SUBDOMAIN },
  { name: 'PullSecret.fromName longer than 253', build: () => void PullSecret.fromName('s'.repeat(254)), path: PS, field: 'name', rule: SUBDOMAIN },
  { name: 'PullSecret.fromName uppercase', build: () => void PullSecret.fromName('RegistryCredential'), path: PS, field: 'name', rule: SUBDOMAIN },
  { name: 'PullSecret.fromName with a space', build: () => void PullSecret.fromName('registry credential'), path: PS, field: 'name', rule: SUBDOMAIN },
  { name: 'RegistryCredentials server with https://', build: registry({ server: 'https://abcd1234-kr1-registry.container.nhncloud.com' }), env: PW, path: 'c/reg', field: 'server', rule: /has no scheme/ },
  { name: 'RegistryCredentials server with a space', build: registry({ server: 'my registry.example.com' }), env: PW, path: 'c/reg', field: 'server', rule: /host name with an optional port/ },
  { name: 'RegistryCredentials server with a path', build: registry({ server: 'registry.example.com/team' }), env: PW, path: 'c/reg', field: 'server', rule: /host name/ },
  { name: 'RegistryCredentials server empty', build: registry({ server: '' }), env: PW, path: 'c/reg', field: 'server', rule: /host name/ },
  { name: 'RegistryCredentials server port too long', build: registry({ server: 'registry.example.com:123456' }), env: PW, path: 'c/reg', field: 'server', rule: /host name/ },
  { name: 'RegistryCredentials username empty', build: registry({ username: '' }), env: PW, path: 'c/reg', field: 'username', rule: /user is required/ },
  {
    name: 'RegistryCredentials passwordEnv holding the password itself',
    build: registry({ passwordEnv: 'hunter2!Secret' }),
    env: PW,
    path: 'c/reg',
    field: 'passwordEnv',
    rule: /NAME of an environment variable/,
    also: (e) => {
      expect(e.value).toBe('(redacted)');
      expect(e.message).not.toContain('hunter2');
    },
  },
  { name: 'RegistryCredentials passwordEnv starting with a digit', build: registry({ passwordEnv: '1PASSWORD' }), env: PW, path: 'c/reg', field: 'passwordEnv', rule: /NAME of an environment variable/ },
  { name: 'RegistryCredentials passwordEnv unset', build: registry({ passwordEnv: 'NKS_CORPUS_UNSET' }), env: { NKS_CORPUS_UNSET: undefined }, path: 'c/reg', field: 'passwordEnv', rule: /NKS_CORPUS_UNSET is not set/ },
  { name: 'RegistryCredentials passwordEnv empty', build: registry({}), env: { NKS_CORPUS_PW: '' }, path: 'c/reg', field: 'passwordEnv', rule: /not set \(or empty\)/ },
  { name: 'RegistryCredentials name invalid', build: registry({ name: 'Registry_Credential' }), env: PW, path: 'c/reg', field: 'name', rule: SUBDOMAIN },
  { name: 'RegistryCredentials namespace invalid', build: registry({ namespace: 'My-Team' }), env: PW, path: 'c/reg', field: 'namespace', rule: LABEL },
  { name: 'RegistryCredentials username with ":"', build: registry({ username: 'team:user@example.com' }), env: PW, path: 'c/reg', field: 'username', rule: /a string without ":"/ },
  { name: 'RegistryCredentials username a number', build: registry({ username: untyped(12345) }), env: PW, path: 'c/reg', field: 'username', rule: /a string without ":"/ },
  { name: 'two RegistryCredentials with one name', build: twice((c, id) => new RegistryCredentials(c, id, { name: 'ncr', server: 'abcd1234-kr1-registry.container.nhncloud.com', username: 'user@example.com', passwordEnv: 'NKS_CORPUS_PW' })), env: PW, path: 'c/b', field: 'name', rule: /the Secret "ncr"/ },
];

const basics: ConstructCase[] = [
  { name: 'Namespace name uppercase', build: (app) => void new Namespace(chart(app), 'ns', { name: 'Production' }), path: 'c/ns', field: 'name', rule: LABEL },
  { name: 'Namespace name with a dot', build: (app) => void new Namespace(chart(app), 'ns', { name: 'team.prod' }), path: 'c/ns', field: 'name', rule: LABEL },
  { name: 'Namespace name longer than 63', build: (app) => void new Namespace(chart(app), 'ns', { name: 'n'.repeat(64) }), path: 'c/ns', field: 'name', rule: LABEL },
  { name: 'Namespace label key invalid', build: (app) => void new Namespace(chart(app), 'ns', { labels: { 'team name': 'a' } }), path: 'c/ns', field: 'labels.team name', rule: LABEL_KEY },
  { name: 'Namespace label value invalid', build: (app) => void new Namespace(chart(app), 'ns', { labels: { team: 'a/b' } }), path: 'c/ns', field: 'labels.team', rule: LABEL_VALUE },
  { name: 'ConfigMap name invalid', build: (app) => void new ConfigMap(chart(app), 'cm', { name: 'Nginx_Conf' }), path: 'c/cm', field: 'name', rule: SUBDOMAIN },
  { name: 'ConfigMap namespace invalid', build: (app) => void new ConfigMap(chart(app), 'cm', { namespace: 'Web' }), path: 'c/cm', field: 'namespace', rule: LABEL },
  { name: 'ConfigMap key with a space', build: (app) => void new ConfigMap(chart(app), 'cm', { data: { 'nginx conf': 'x' } }), path: 'c/cm', field: 'data.nginx conf', rule: /a ConfigMap key is/ },
  { name: 'ConfigMap key ".."', build: (app) => void new ConfigMap(chart(app), 'cm', { data: { '..': 'x' } }), path: 'c/cm', field: 'data...', rule: /not "\." or "\.\."/ },
  { name: 'ConfigMap key with "/"', build: (app) => void new ConfigMap(chart(app), 'cm', { data: { 'conf/nginx.conf': 'x' } }), path: 'c/cm', field: 'data.conf/nginx.conf', rule: /a ConfigMap key is/ },
  { name: 'ConfigMap key longer than 253', build: (app) => void new ConfigMap(chart(app), 'cm', { data: { ['k'.repeat(254)]: 'x' } }), path: 'c/cm', field: `data.${'k'.repeat(254)}`, rule: /at most 253/ },
  { name: 'ConfigMap key starting with ".."', build: (app) => void new ConfigMap(chart(app), 'cm', { data: { '..data': 'x' } }), path: 'c/cm', field: 'data...data', rule: /not starting with "\.\."/ },
  { name: 'ConfigMap data over 1 MiB', build: (app) => void new ConfigMap(chart(app), 'cm', { data: { 'a.txt': 'a'.repeat(600 * 1024), 'b.txt': 'b'.repeat(600 * 1024) } }), path: 'c/cm', field: 'data', rule: /at most 1048576 bytes \(1 MiB\) of data and binaryData together, and this one holds 1228800/ },
  {
    name: 'ConfigMap data and binaryData together over 1 MiB',
    build: (app) => {
      const cm = new ConfigMap(chart(app), 'cm', { data: { 'small.txt': 'x'.repeat(100 * 1024) } });
      cm.addBinaryData('model.bin', Buffer.alloc(1000 * 1024).toString('base64'));
    },
    path: 'c/cm',
    field: 'binaryData',
    rule: /this one holds 1126400 \(the largest entry is binaryData\."model\.bin", 1024000 bytes\)/,
  },
  { name: 'ConfigMap data value a number (JavaScript)', build: (app) => void new ConfigMap(chart(app), 'cm', { data: { workers: untyped(4) } }), path: 'c/cm', field: 'data.workers', rule: /a ConfigMap data value is a string/ },
  { name: 'ConfigMap binaryData not base64', build: (app) => new ConfigMap(chart(app), 'cm').addBinaryData('logo.png', 'not base64!'), path: 'c/cm', field: 'binaryData.logo.png', rule: /standard base64/ },
  {
    name: 'ConfigMap key in data and binaryData',
    build: (app) => new ConfigMap(chart(app), 'cm', { data: { 'app.conf': 'x' } }).addBinaryData('app.conf', 'eA=='),
    path: 'c/cm',
    field: 'binaryData.app.conf',
    rule: /already has an entry "app\.conf" in data/,
  },
  { name: 'ConfigMap.addData with a bad key', build: (app) => new ConfigMap(chart(app), 'cm').addData('a:b', 'x'), path: 'c/cm', field: 'data.a:b', rule: /a ConfigMap key is/ },
  { name: 'ConfigMap.addBinaryData with a bad key', build: (app) => new ConfigMap(chart(app), 'cm').addBinaryData('.', 'eA=='), path: 'c/cm', field: 'binaryData..', rule: /a ConfigMap key is/ },
  { name: 'ServiceAccount name invalid', build: (app) => void new ServiceAccount(chart(app), 'sa', { name: 'Deployer_SA' }), path: 'c/sa', field: 'name', rule: SUBDOMAIN },
  { name: 'ServiceAccount namespace invalid', build: (app) => void new ServiceAccount(chart(app), 'sa', { namespace: 'ci_cd' }), path: 'c/sa', field: 'namespace', rule: LABEL },
  { name: 'ServiceAccount pull secret invalid', build: (app) => void new ServiceAccount(chart(app), 'sa', { imagePullSecrets: [{ name: 'NCR' }] }), path: 'c/sa', field: 'imagePullSecrets[0]', rule: SUBDOMAIN },
  { name: 'ServiceAccount.addImagePullSecrets invalid', build: (app) => new ServiceAccount(chart(app), 'sa').addImagePullSecrets({ name: 'ok' }, { name: '-bad' }), path: 'c/sa', field: 'imagePullSecrets[1]', rule: SUBDOMAIN },
  { name: 'StaticPod name invalid', build: staticPod({ name: 'Static_Web' }), path: 'c/static', field: 'name', rule: SUBDOMAIN },
  { name: 'StaticPod namespace invalid', build: staticPod({ namespace: 'Kube-System' }), path: 'c/static', field: 'namespace', rule: LABEL },
  { name: 'StaticPod label invalid', build: staticPod({ labels: { role: 'my role' } }), path: 'c/static', field: 'labels.role', rule: LABEL_VALUE },
  { name: 'StaticPod image invalid', build: staticPod({ image: 'Nginx' }), path: 'c/static', field: 'image', rule: IMAGE_REF },
  { name: 'StaticPod port out of range', build: staticPod({ ports: [{ number: 70000, name: 'web' }] }), path: 'c/static', field: 'ports[0].number', rule: PORT },
  { name: 'StaticPod envFrom a ConfigMap', build: staticPod((c) => ({ envFrom: [kplus.Env.fromConfigMap(kplus.ConfigMap.fromConfigMapName(c, 'cfg', 'cfg'))] })), path: 'c/static', field: 'envFrom', rule: /cannot read ConfigMaps or Secrets/ },
  {
    name: 'StaticPod env from a ConfigMap key',
    build: staticPod((c) => ({ env: { MODE: kplus.EnvValue.fromConfigMap(kplus.ConfigMap.fromConfigMapName(c, 'cfg', 'cfg'), 'mode') } })),
    path: 'c/static',
    field: 'env.MODE',
    rule: /cannot read ConfigMaps or Secrets/,
  },
  {
    name: 'StaticPod env from a Secret key',
    build: staticPod((c) => ({ env: { PW: kplus.EnvValue.fromSecretValue({ secret: kplus.Secret.fromSecretName(c, 's', 's'), key: 'pw' }) } })),
    path: 'c/static',
    field: 'env.PW',
    rule: /cannot read ConfigMaps or Secrets/,
  },
  { name: 'StaticPod env value a number (JavaScript)', build: staticPod({ env: { PORT: untyped(80) } }), path: 'c/static', field: 'env.PORT', rule: /an environment variable's value is a string/ },
  { name: 'StaticPod env name invalid', build: staticPod({ env: { 'BAD NAME': 'x' } }), path: 'c/static', field: 'env.BAD NAME', rule: ENV_NAME },
  { name: 'StaticPod without a name (JavaScript)', build: staticPod({ name: untyped(undefined) }), path: 'c/static', field: 'name', rule: /a static pod needs a name/ },
  { name: 'two Namespaces with one name', build: twice((c, id) => new Namespace(c, id, { name: 'team' })), path: 'c/b', field: 'name', rule: /the Namespace "team" is already defined by c\/a/ },
  { name: 'two ConfigMaps with one name', build: twice((c, id) => new ConfigMap(c, id, { name: 'cfg', namespace: 'shop' })), path: 'c/b', field: 'name', rule: /the ConfigMap "cfg" in namespace "shop"/ },
  { name: 'two ServiceAccounts with one name', build: twice((c, id) => new ServiceAccount(c, id, { name: 'deployer' })), path: 'c/b', field: 'name', rule: /the ServiceAccount "deployer"/ },
];

const cases: ConstructCase[] = [...webApp, ...gpu, ...secrets, ...basics];

runCorpus('bad input: Kubernetes workloads', cases, 207);

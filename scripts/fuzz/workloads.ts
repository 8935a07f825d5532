// Workload pieces: WebApp, StatefulSet, StaticPod, GpuDeployment, GpuPod,
// ConfigMap, Namespace, ServiceAccount and registry credentials, with containers, probes, env and resources.
import { Duration, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import fc from 'fast-check';
import { ConfigMap, GpuDeployment, GpuPod, Namespace, NodePlacement, RegistryCredentials, ServiceAccount, StatefulSet, StaticPod, WebApp } from '../../lib';
import { Ctx, Piece } from './program';
import { dnsLabel, env, image, int, labels, mostly, name, namespace, optional, quantity, wrongType } from './values';

const seconds = mostly(fc.integer({ min: 1, max: 60 }).map((n) => ({ s: n })), fc.constantFrom({ s: 0 }, { ms: 500 }, { ms: 1500 }, { s: 100000 }));
type Dur = { s?: number; ms?: number };
const dur = (d: Dur | undefined) => (d === undefined ? undefined : d.ms !== undefined ? Duration.millis(d.ms) : Duration.seconds(d.s!));

const probeSpec = fc.record(
  {
    kind: fc.constantFrom('http', 'tcp', 'command'),
    path: optional(mostly(fc.constantFrom('/', '/healthz', '/ready'), fc.constantFrom('', 'healthz', '/a b'))),
    port: optional(int(1, 65535), 3),
    periodSeconds: optional(seconds),
    timeoutSeconds: optional(seconds),
    initialDelaySeconds: optional(seconds, 3),
    failureThreshold: optional(int(1, 10), 3),
    successThreshold: optional(mostly(fc.constant(1), fc.constantFrom(2, 3, 0)), 3),
  },
  { requiredKeys: ['kind'] },
);
type ProbeSpec = typeof probeSpec extends fc.Arbitrary<infer T> ? T : never;

function probe(p: ProbeSpec | undefined): kplus.Probe | undefined {
  if (!p) return undefined;
  const o = { periodSeconds: dur(p.periodSeconds), timeoutSeconds: dur(p.timeoutSeconds), initialDelaySeconds: dur(p.initialDelaySeconds), failureThreshold: p.failureThreshold as number, successThreshold: p.successThreshold as number };
  if (p.kind === 'http') return kplus.Probe.fromHttpGet(p.path ?? '/', { ...o, port: p.port as number });
  if (p.kind === 'tcp') return kplus.Probe.fromTcpSocket({ ...o, port: p.port as number });
  return kplus.Probe.fromCommand(['cat', '/tmp/healthy'], o);
}

const resources = optional(
  fc.record(
    {
      cpuRequest: optional(mostly(fc.integer({ min: 10, max: 2000 }), fc.constantFrom(0, -5, 100000))),
      cpuLimit: optional(mostly(fc.integer({ min: 100, max: 4000 }), fc.constantFrom(1, 0))),
      memRequest: optional(mostly(fc.integer({ min: 16, max: 4096 }), fc.constantFrom(0, 1))),
      memLimit: optional(mostly(fc.integer({ min: 64, max: 8192 }), fc.constantFrom(1, 0))),
    },
    { requiredKeys: [] },
  ),
  3,
);
type Res = typeof resources extends fc.Arbitrary<infer T> ? T : never;

function toResources(r: Res): kplus.ContainerResources | undefined {
  if (!r) return undefined;
  const cpu = r.cpuRequest !== undefined || r.cpuLimit !== undefined ? { request: r.cpuRequest === undefined ? undefined : kplus.Cpu.millis(r.cpuRequest), limit: r.cpuLimit === undefined ? undefined : kplus.Cpu.millis(r.cpuLimit) } : undefined;
  const memory = r.memRequest !== undefined || r.memLimit !== undefined ? { request: r.memRequest === undefined ? undefined : Size.mebibytes(r.memRequest), limit: r.memLimit === undefined ? undefined : Size.mebibytes(r.memLimit) } : undefined;
  return { cpu, memory };
}

const port = mostly(
  fc.oneof(fc.constantFrom(80, 8080, 443, 6379, 5432), fc.record({ number: int(1, 65535), name: optional(mostly(fc.constantFrom('http', 'https', 'metrics'), fc.constantFrom('', 'HTTP', 'a-very-long-port-name', '1'))), protocol: optional(mostly(fc.constantFrom('TCP', 'UDP'), fc.constantFrom('SCTP', 'tcp'))) }, { requiredKeys: ['number'] })),
  fc.constantFrom(0, -1, 70000, 1.5),
);

/** Props every container-bearing workload takes, as generated data. */
export const containerProps = fc.record(
  {
    image,
    containerName: optional(name, 3),
    command: optional(fc.array(mostly(fc.constantFrom('sh', '-c', 'sleep 3600', 'nginx'), fc.constantFrom('--password=hunter2hunter2', '--requirepass', 's3cretpw')), { maxLength: 3 }), 3),
    args: optional(fc.array(mostly(fc.constantFrom('-v', '--port=8080', 'serve'), fc.constantFrom('--password=hunter2hunter2', '')), { maxLength: 3 }), 3),
    ports: optional(fc.array(port, { maxLength: 3 })),
    env: optional(env),
    resources,
    readiness: optional(probeSpec, 3),
    liveness: optional(probeSpec, 3),
    startup: optional(probeSpec, 4),
    imagePullPolicy: optional(mostly(fc.constantFrom('Always', 'IfNotPresent', 'Never'), fc.constantFrom('sometimes'))),
    hardened: optional(fc.boolean(), 3),
    workingDir: optional(mostly(fc.constant('/app'), fc.constantFrom('', 'relative'))),
    nodeSelector: optional(labels, 5),
    placement: optional(fc.nat(5), 3),
    pullSecret: optional(fc.constantFrom('regcred', ''), 5),
  },
  { requiredKeys: ['image'] },
);
type ContainerSpec = typeof containerProps extends fc.Arbitrary<infer T> ? T : never;

/** The generated container data as construct props, with the placement resolved to a node group of the program. */
function toContainer(c: ContainerSpec, ctx: Ctx): Record<string, unknown> {
  const { readiness, liveness, startup, resources: r, placement, pullSecret, ...rest } = c;
  const groups: NodePlacement[] = [...(ctx.cluster ? [ctx.cluster.defaultNodeGroup] : []), ...ctx.nodeGroups];
  return {
    ...rest,
    readiness: probe(readiness),
    liveness: probe(liveness),
    startup: probe(startup),
    resources: toResources(r),
    placement: placement === undefined || !groups.length ? undefined : groups[placement % groups.length],
    imagePullSecrets: pullSecret === undefined ? undefined : [{ name: pullSecret }],
  };
}

const meta = { name: optional(name, 4), namespace, labels: optional(labels, 3) };

const webAppProps = fc.record(
  {
    ...meta,
    container: containerProps,
    replicas: optional(int(0, 10)),
    strategy: optional(mostly(fc.constantFrom('RollingUpdate', 'Recreate'), fc.constant('BlueGreen'))),
    rollingUpdate: optional(fc.record({ maxSurge: optional(mostly(fc.constantFrom(1, '25%', 0), fc.constantFrom('150%', '-1', 'x', -1))), maxUnavailable: optional(mostly(fc.constantFrom(0, 1, '25%'), fc.constantFrom('101%', -2))) }, { requiredKeys: [] }), 4),
    revisionHistoryLimit: optional(int(0, 20), 4),
    minReadySeconds: optional(int(0, 60), 4),
    automountServiceAccountToken: optional(fc.boolean(), 4),
    chart: fc.nat(3),
    gpus: optional(int(1, 4), 6),
  },
  { requiredKeys: ['container', 'chart'] },
);

export const webAppPiece: fc.Arbitrary<Piece> = webAppProps.map((p) => ({
  label: p.gpus === undefined ? 'WebApp' : 'GpuDeployment',
  props: p,
  add(ctx: Ctx) {
    const { container, chart, gpus, ...props } = p;
    const all = { ...props, ...toContainer(container, ctx) } as never;
    const app = gpus === undefined ? new WebApp(ctx.chart(chart), ctx.id('web'), all) : new GpuDeployment(ctx.chart(chart), ctx.id('gpu'), { ...(all as object), gpus } as never);
    ctx.remember('workload', app);
  },
}));

const claimTemplate = fc.record(
  { name: mostly(fc.constantFrom('data', 'logs'), fc.constantFrom('', 'Data')), mountPath: mostly(fc.constantFrom('/data', '/var/log'), fc.constantFrom('', 'data')), storage: quantity, storageClass: optional(mostly(fc.constantFrom('csi-storageclass', 'ssd'), fc.constant('missing'))), accessModes: optional(fc.array(mostly(fc.constantFrom('ReadWriteOnce'), fc.constantFrom('ReadWriteMany', 'RWO', 'ReadOnlyMany')), { minLength: 1, maxLength: 1 }), 3) },
  { requiredKeys: ['name', 'mountPath', 'storage'] },
);

const statefulSetProps = fc.record(
  {
    ...meta,
    container: containerProps,
    replicas: optional(int(0, 5)),
    serviceName: optional(name, 3),
    podManagementPolicy: optional(fc.constantFrom('OrderedReady', 'Parallel')),
    updateStrategy: optional(fc.constantFrom('RollingUpdate', 'OnDelete')),
    partition: optional(int(0, 5), 4),
    volumeClaimTemplates: optional(fc.array(claimTemplate, { maxLength: 2 })),
    claimRetention: optional(fc.record({ whenDeleted: optional(fc.constantFrom('Retain', 'Delete')), whenScaled: optional(fc.constantFrom('Retain', 'Delete')) }, { requiredKeys: [] }), 4),
    minReadySeconds: optional(int(0, 60), 4),
    chart: fc.nat(3),
    withoutPort: mostly(fc.constant(false), fc.constant(true)),
  },
  { requiredKeys: ['container', 'chart', 'withoutPort'] },
);

export const statefulSetPiece: fc.Arbitrary<Piece> = statefulSetProps.map((p) => ({
  label: 'StatefulSet',
  props: p,
  add(ctx: Ctx) {
    const { container: c, chart, withoutPort, ...props } = p;
    // A StatefulSet gets a headless Service, which needs a port: most programs give one.
    const container = c.ports?.length || withoutPort ? c : { ...c, ports: [80 as const] };
    ctx.remember('workload', new StatefulSet(ctx.chart(chart), ctx.id('sts'), { ...props, ...toContainer(container, ctx) } as never));
  },
}));

export const staticPodPiece: fc.Arbitrary<Piece> = fc.record({ name, namespace, labels: optional(labels, 3), container: containerProps, hostNetwork: optional(fc.boolean()) }).map((p) => ({
  label: 'StaticPod',
  props: p,
  add(ctx: Ctx) {
    const { container, ...props } = p;
    const { placement: _p, imagePullSecrets: _s, nodeSelector: _n, ...c } = toContainer(container, ctx);
    new StaticPod(ctx.chart(), ctx.id('static'), { ...props, ...c } as never);
  },
}));

export const gpuPodPiece: fc.Arbitrary<Piece> = fc.record({ ...meta, container: containerProps, gpus: optional(int(1, 8)), restartPolicy: optional(mostly(fc.constantFrom('Never', 'OnFailure', 'Always'), fc.constant('Sometimes'))) }, { requiredKeys: ['container'] }).map((p) => ({
  label: 'GpuPod',
  props: p,
  add(ctx: Ctx) {
    const { container, ...props } = p;
    new GpuPod(ctx.chart(), ctx.id('gpupod'), { ...props, ...toContainer(container, ctx) } as never);
  },
}));

const configData = fc.dictionary(
  mostly(fc.constantFrom('app.conf', 'nginx.conf', 'MODE', 'settings.json'), fc.constantFrom('..data', '', 'a/b', 'bad key', '.hidden')),
  mostly(fc.constantFrom('key=value', 'server { listen 80; }', '{"a":1}', ''), fc.constantFrom('password=hunter2hunter2', 'x'.repeat(1024 * 1024 + 1)), wrongType as fc.Arbitrary<string>),
  { maxKeys: 3 },
);

export const basicsPiece: fc.Arbitrary<Piece> = fc.oneof(
  fc.record({ name: optional(name), namespace, data: optional(configData), immutable: optional(fc.boolean()) }).map((p) => ({
    label: 'ConfigMap',
    props: p,
    add: (ctx: Ctx) => void new ConfigMap(ctx.chart(), ctx.id('cm'), p as never),
  })),
  fc.record({ name: optional(mostly(fc.constantFrom('apps', 'team-a', 'default'), fc.constantFrom('kube-system', 'Apps', ''))), labels: optional(labels) }).map((p) => ({
    label: 'Namespace',
    props: p,
    add: (ctx: Ctx) => void new Namespace(ctx.chart(), ctx.id('ns'), p as never),
  })),
  fc.record({ name: optional(name), namespace, automountToken: optional(fc.boolean()), pullSecret: optional(fc.constantFrom('regcred', '')) }).map((p) => ({
    label: 'ServiceAccount',
    props: p,
    add: (ctx: Ctx) => void new ServiceAccount(ctx.chart(), ctx.id('sa'), { name: p.name, namespace: p.namespace, automountToken: p.automountToken, imagePullSecrets: p.pullSecret === undefined ? undefined : [{ name: p.pullSecret }] } as never),
  })),
  fc.record({ name: optional(name), namespace, server: mostly(fc.constantFrom('registry.example.com', 'harbor.local:5000'), fc.constantFrom('', 'https://x y')), username: mostly(dnsLabel(8), fc.constant('')), passwordEnv: mostly(fc.constant('FUZZ_REGISTRY_PASSWORD'), fc.constantFrom('', 'MISSING_ENV_FOR_FUZZ', 'bad env')), email: optional(fc.constantFrom('dev@example.com', 'not-an-email')) }).map((p) => ({
    label: 'RegistryCredentials',
    props: p,
    add: (ctx: Ctx) => void new RegistryCredentials(ctx.chart(), ctx.id('reg'), p as never),
  })),
);

export const WORKLOAD_PIECES: fc.Arbitrary<Piece>[] = [webAppPiece, statefulSetPiece, staticPodPiece, gpuPodPiece, basicsPiece];

import { Chart, Duration, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { ConfigMap, PullSecret, WebApp, WebAppProps } from '../../lib';
import { catchValidation } from '../helpers';
import { podSpecOf, synthChart, synthK8s, testChart } from './util';

const nginx: WebAppProps = { name: 'nginx-deployment', labels: { app: 'nginx' }, replicas: 2, image: 'nginx:1.14.2', ports: [80] };

describe('WebApp reproduces the guide nginx.yaml', () => {
  const out = synthK8s((app) => {
    new WebApp(new Chart(app.k8s, 'web'), 'nginx', nginx);
  });
  const d = out.find('Deployment', 'nginx-deployment');
  const container = d.spec.template.spec.containers[0];

  test('name, label, replicas, selector and containerPort as in the guide', () => {
    expect(d.apiVersion).toBe('apps/v1');
    expect(d.metadata).toEqual({ name: 'nginx-deployment', labels: { app: 'nginx' } });
    expect(d.spec.replicas).toBe(2);
    expect(d.spec.selector).toEqual({ matchLabels: { app: 'nginx' } });
    expect(d.spec.template.metadata.labels).toMatchObject({ app: 'nginx' });
    expect(container).toMatchObject({ name: 'nginx', image: 'nginx:1.14.2', ports: [{ containerPort: 80 }] });
  });

  test('nginx may run as root with a writable root filesystem (pod and container), privilege escalation still off', () => {
    expect(container.securityContext).toEqual({ allowPrivilegeEscalation: false, privileged: false, readOnlyRootFilesystem: false, runAsNonRoot: false });
    expect(d.spec.template.spec.securityContext.runAsNonRoot).toBe(false);
  });

  test('no default cpu/memory, no automatic startup probe, IfNotPresent for a tagged image, no revisionHistoryLimit written', () => {
    expect(container.resources).toBeUndefined();
    expect(container.startupProbe).toBeUndefined();
    expect(container.imagePullPolicy).toBe('IfNotPresent');
    expect(d.spec.revisionHistoryLimit).toBeUndefined();
    expect(d.spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } });
  });

  test('lands in dist/web.k8s.yaml with no warnings', () => {
    expect(Object.keys(out.files)).toEqual(['web.k8s.yaml']);
    expect(out.warnings).toEqual([]);
  });
});

describe('WebApp options', () => {
  test('hardened: true restores cdk8s-plus non-root and read-only root filesystem; securityContext fine-tunes', () => {
    const chart = testChart();
    new WebApp(chart, 'hard', { image: 'nginxinc/nginx-unprivileged:1.25', hardened: true, ports: [8080] });
    new WebApp(chart, 'tuned', { image: 'nginx:1.14.2', securityContext: { user: 101 } });
    const [hard, tuned] = synthChart(chart).map(podSpecOf);
    expect(hard.containers[0].securityContext).toMatchObject({ runAsNonRoot: true, readOnlyRootFilesystem: true });
    expect(hard.securityContext.runAsNonRoot).toBe(true);
    expect(tuned.containers[0].securityContext).toMatchObject({ runAsNonRoot: false, readOnlyRootFilesystem: false, runAsUser: 101 });
  });

  test('defaults: 2 replicas, app label from the generated name, Always for :latest', () => {
    const chart = testChart();
    const app = new WebApp(chart, 'site', { image: 'nginx:latest' });
    const [d] = synthChart(chart);
    expect(d.spec.replicas).toBe(2);
    expect(app.podLabels).toEqual({ app: app.name });
    expect(d.spec.selector.matchLabels).toEqual({ app: d.metadata.name });
    expect(podSpecOf(d).containers[0].imagePullPolicy).toBe('Always');
  });

  test('scaling, rolling update and rollback settings land in the Deployment spec', () => {
    const chart = testChart();
    new WebApp(chart, 'app', {
      image: 'ghcr.io/example/test-app:1.1.0',
      replicas: 4,
      rollingUpdate: { maxSurge: 1, maxUnavailable: '0%' },
      revisionHistoryLimit: 5,
      minReadySeconds: 5,
    });
    new WebApp(chart, 'recreate', { image: 'nginx:1.14.2', strategy: 'Recreate', replicas: 0 });
    const [d, r] = synthChart(chart);
    expect(d.spec).toMatchObject({
      replicas: 4,
      minReadySeconds: 5,
      revisionHistoryLimit: 5,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: '0%' } },
    });
    expect(r.spec).toMatchObject({ replicas: 0, strategy: { type: 'Recreate' } });
    expect(r.spec.strategy.rollingUpdate).toBeUndefined();
  });

  test('env literals, ConfigMap and Secret key references, envFrom; probes and resources pass through', () => {
    const chart = testChart();
    const cm = new ConfigMap(chart, 'cm', { name: 'app-config', data: { mode: 'prod' } });
    const secret = kplus.Secret.fromSecretName(chart, 'db', 'db-credentials');
    new WebApp(chart, 'app', {
      image: 'nginx:1.14.2',
      ports: [{ number: 8080, name: 'http' }],
      env: {
        LOG_LEVEL: 'info',
        MODE: kplus.EnvValue.fromConfigMap(cm, 'mode'),
        DB_PASSWORD: kplus.EnvValue.fromSecretValue({ secret, key: 'password' }),
      },
      envFrom: [kplus.Env.fromConfigMap(cm, 'CFG_')],
      readiness: kplus.Probe.fromHttpGet('/healthz', { port: 8080 }),
      resources: { cpu: { request: kplus.Cpu.millis(100) }, memory: { limit: Size.mebibytes(256) } },
    });
    const c = podSpecOf(synthChart(chart).find((d) => d.kind === 'Deployment')!).containers[0];
    expect(c.env).toEqual([
      { name: 'LOG_LEVEL', value: 'info' },
      { name: 'MODE', valueFrom: { configMapKeyRef: { key: 'mode', name: 'app-config' } } },
      { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { key: 'password', name: 'db-credentials' } } },
    ]);
    expect(c.envFrom).toEqual([{ configMapRef: { name: 'app-config' }, prefix: 'CFG_' }]);
    expect(c.ports).toEqual([{ containerPort: 8080, name: 'http' }]);
    expect(c.readinessProbe.httpGet).toMatchObject({ path: '/healthz', port: 8080 });
    expect(c.resources).toEqual({ requests: { cpu: '100m' }, limits: { memory: '256Mi' } });
  });

  test('several pull secrets, placement and the storage hook', () => {
    const chart = testChart();
    const app = new WebApp(chart, 'app', {
      image: 'example-kr1-registry.container.nhncloud.com/nginx:1.14.2',
      imagePullSecrets: [PullSecret.fromName('registry-credential'), PullSecret.fromName('mirror-credential')],
    });
    app.addImagePullSecrets(PullSecret.fromName('third'));
    app.placeOn({ path: 'infra/cluster/workers', name: 'workers', availabilityZone: 'kr-pub-b', nodeLabels: {}, nodeSelector: { 'node.nks-cdk.io/group': 'workers' }, maxNodes: 5 });
    app.mount('/usr/share/nginx/html', kplus.Volume.fromEmptyDir(chart, 'html', 'html'), { readOnly: true });
    const spec = podSpecOf(synthChart(chart)[0]);
    expect(spec.imagePullSecrets).toEqual([{ name: 'registry-credential' }, { name: 'mirror-credential' }, { name: 'third' }]);
    expect(spec.nodeSelector).toEqual({ 'node.nks-cdk.io/group': 'workers' });
    expect(spec.volumes).toEqual([{ name: 'html', emptyDir: {} }]);
    expect(spec.containers[0].volumeMounts).toEqual([{ name: 'html', mountPath: '/usr/share/nginx/html', readOnly: true }]);
  });

  test('a Service selects the pods by the WebApp labels (selector / IPodSelector)', () => {
    const chart = testChart();
    const app = new WebApp(chart, 'nginx', nginx);
    new kplus.Service(chart, 'svc', { selector: app, ports: [{ port: 8080, targetPort: 80 }], type: kplus.ServiceType.LOAD_BALANCER });
    const svc = synthChart(chart).find((d) => d.kind === 'Service')!;
    expect(app.selector).toEqual({ app: 'nginx' });
    expect(svc.spec.selector).toEqual({ app: 'nginx' });
  });
});

describe('WebApp rejects bad input with a ValidationError (path, field, value, rule, fix)', () => {
  const cases: [string, Partial<WebAppProps>, string, unknown][] = [
    ['port 0', { ports: [0] }, 'ports[0]', 0],
    ['port 70000', { ports: [70000] }, 'ports[0]', 70000],
    ['fractional port', { ports: [{ number: 80.5 }] }, 'ports[0].number', 80.5],
    ['duplicate port', { ports: [80, 80] }, 'ports[1]', 80],
    ['port name too long', { ports: [{ number: 80, name: 'a-very-long-port-name' }] }, 'ports[0].name', 'a-very-long-port-name'],
    ['negative replicas', { replicas: -1 }, 'replicas', -1],
    ['fractional replicas', { replicas: 1.5 }, 'replicas', 1.5],
    ['env var name with a space', { env: { 'MY VAR': 'x' } }, 'env.MY VAR', 'MY VAR'],
    ['env var name starting with a digit', { env: { '1ST': 'x' } }, 'env.1ST', '1ST'],
    ['maxSurge "25"', { rollingUpdate: { maxSurge: '25' } }, 'rollingUpdate.maxSurge', '25'],
    ['maxSurge -1', { rollingUpdate: { maxSurge: -1 } }, 'rollingUpdate.maxSurge', -1],
    ['maxUnavailable "150%"', { rollingUpdate: { maxUnavailable: '150%' } }, 'rollingUpdate.maxUnavailable', '150%'],
    ['both zero', { rollingUpdate: { maxSurge: 0, maxUnavailable: '0%' } }, 'rollingUpdate', { maxSurge: 0, maxUnavailable: '0%' }],
    ['Recreate with rollingUpdate', { strategy: 'Recreate', rollingUpdate: { maxSurge: 1 } }, 'rollingUpdate', { maxSurge: 1 }],
    ['uppercase name', { name: 'Nginx' }, 'name', 'Nginx'],
    ['invalid label key', { labels: { 'app name': 'nginx' } }, 'labels.app name', 'app name'],
    ['invalid namespace', { namespace: 'My_NS' }, 'namespace', 'My_NS'],
    ['guide placeholder image', { image: '{사용자 레지스트리 주소}/nginx:1.14.2' }, 'image', '{사용자 레지스트리 주소}/nginx:1.14.2'],
    ['negative revisionHistoryLimit', { revisionHistoryLimit: -2 }, 'revisionHistoryLimit', -2],
  ];
  test.each(cases)('%s', (_label, override, field, value) => {
    const e = catchValidation(() => new WebApp(testChart(), 'app', { image: 'nginx:1.14.2', ...override } as WebAppProps));
    expect(e.path).toBe('test/app');
    expect(e.field).toBe(field);
    expect(e.value).toEqual(value);
    expect(e.rule.length).toBeGreaterThan(0);
    expect(e.fix.length).toBeGreaterThan(0);
  });

  test('revisionHistoryLimit 0 is legal but warns that rollback has nothing to return to', () => {
    const out = synthK8s((app) => {
      new WebApp(new Chart(app.k8s, 'web'), 'app', { image: 'nginx:1.14.2', revisionHistoryLimit: 0 });
    });
    expect(out.find('Deployment').spec.revisionHistoryLimit).toBe(0);
    expect(out.result.warnings).toEqual([{ path: 'web/app', id: 'nks-cdk:noRollbackHistory', message: expect.stringContaining('rollout undo') }]);
  });
});

describe('probe timings and env values as the API server stores them', () => {
  test('whole-second Durations land as seconds; initialDelaySeconds 0 stays 0', () => {
    const chart = testChart();
    new WebApp(chart, 'web', {
      image: 'nginx:1.14.2',
      ports: [80],
      readiness: kplus.Probe.fromHttpGet('/ready', { port: 80, initialDelaySeconds: Duration.seconds(0), periodSeconds: Duration.minutes(1), timeoutSeconds: Duration.millis(2000), failureThreshold: 1 }),
      liveness: kplus.Probe.fromTcpSocket({ port: 80, periodSeconds: Duration.seconds(1), timeoutSeconds: Duration.seconds(1) }),
    });
    const container = podSpecOf(synthChart(chart)[0]).containers[0];
    expect(container.readinessProbe).toEqual({ httpGet: { path: '/ready', port: 80, scheme: 'HTTP' }, initialDelaySeconds: 0, periodSeconds: 60, timeoutSeconds: 2, failureThreshold: 1 });
    expect(container.livenessProbe).toEqual({ tcpSocket: { port: 80 }, periodSeconds: 1, timeoutSeconds: 1, failureThreshold: 3 });
  });

  test('a sub-second period is a ValidationError on the probe field, not cdk8s\'s raw Error', () => {
    const e = catchValidation(() => new WebApp(testChart(), 'web', { image: 'nginx:1.14.2', readiness: kplus.Probe.fromHttpGet('/', { periodSeconds: Duration.millis(500) }) }));
    expect(e).toMatchObject({ path: 'test/web', field: 'readiness.periodSeconds', value: '500 millis' });
    expect(e.message).not.toMatch(/cannot be converted/);
  });

  test('string and EnvValue env values land as given', () => {
    const chart = testChart();
    new WebApp(chart, 'web', { image: 'nginx:1.14.2', env: { PORT: '8080', EMPTY: '', REF: kplus.EnvValue.fromValue('x') } });
    expect(podSpecOf(synthChart(chart)[0]).containers[0].env).toEqual([
      { name: 'PORT', value: '8080' },
      { name: 'EMPTY', value: '' },
      { name: 'REF', value: 'x' },
    ]);
  });
});

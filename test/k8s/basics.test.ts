import { Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { ConfigMap, Namespace, Policies, ServiceAccount, StaticPod, StaticPodProps } from '../../lib';
import { catchValidation } from '../helpers';
import { synthChart, synthK8s, testChart } from './util';

describe('Namespace, ConfigMap, ServiceAccount', () => {
  test('render as cdk8s-plus renders them, with the given names', () => {
    const chart = testChart();
    new Namespace(chart, 'ns', { name: 'team-a', labels: { team: 'a' } });
    new ConfigMap(chart, 'cm', { name: 'nginx-config', namespace: 'team-a', data: { 'nginx.conf': 'events {}' } });
    new ServiceAccount(chart, 'sa', { name: 'app', namespace: 'team-a' });
    const [ns, cm, sa] = synthChart(chart);
    expect(ns).toMatchObject({ kind: 'Namespace', metadata: { name: 'team-a', labels: { team: 'a' } } });
    expect(cm).toMatchObject({ kind: 'ConfigMap', metadata: { name: 'nginx-config', namespace: 'team-a' }, data: { 'nginx.conf': 'events {}' } });
    expect(sa).toMatchObject({ kind: 'ServiceAccount', metadata: { name: 'app', namespace: 'team-a' }, automountServiceAccountToken: false });
    expect(sa.imagePullSecrets).toBeUndefined();
  });

  test('a Namespace name must be a DNS label (no dots)', () => {
    expect(catchValidation(() => new Namespace(testChart(), 'ns', { name: 'team.a' }))).toMatchObject({ path: 'test/ns', field: 'name', value: 'team.a' });
  });

  test('ConfigMap keys are checked, in props and when added later', () => {
    expect(catchValidation(() => new ConfigMap(testChart(), 'cm', { data: { 'nginx conf': 'x' } }))).toMatchObject({ path: 'test/cm', field: 'data.nginx conf', value: 'nginx conf' });
    const cm = new ConfigMap(testChart(), 'cm2');
    expect(catchValidation(() => cm.addData('a/b', 'x'))).toMatchObject({ path: 'test/cm2', field: 'data.a/b', value: 'a/b' });
  });

  test('a ConfigMap of exactly 1 MiB (data and decoded binaryData) is written; one byte more is refused at data', () => {
    const build = (extra: number) => {
      const chart = testChart();
      const cm = new ConfigMap(chart, 'cm', { name: 'big', data: { 'a.txt': 'a'.repeat(512 * 1024 + extra) } });
      cm.addBinaryData('b.bin', Buffer.alloc(512 * 1024).toString('base64'));
      return chart;
    };
    const [cm] = synthChart(build(0));
    expect(cm.data['a.txt']).toHaveLength(512 * 1024);
    expect(Buffer.from(cm.binaryData['b.bin'], 'base64')).toHaveLength(512 * 1024);
    const e = catchValidation(() => build(1).node.root.node.findAll().forEach((c) => c.node.validate()));
    expect(e).toMatchObject({ path: 'test/cm', field: 'data', value: '1048577 bytes' });
  });

  test('a ServiceAccount name must be a DNS subdomain', () => {
    expect(catchValidation(() => new ServiceAccount(testChart(), 'sa', { name: 'App_SA' }))).toMatchObject({ path: 'test/sa', field: 'name', value: 'App_SA' });
  });
});

describe('StaticPod (seed 003, kubelet standalone mode)', () => {
  const staticWeb: StaticPodProps = {
    name: 'static-web',
    containerName: 'web',
    image: 'nginx',
    ports: [{ name: 'web', number: 80, protocol: kplus.Protocol.TCP }],
  };

  test('the seed\'s static-web Pod, alone in its file, for /etc/kubernetes/manifests', () => {
    let manifestPath = '';
    const out = synthK8s((app) => {
      const pod = new StaticPod(new Chart(app.k8s, 'static-web'), 'pod', staticWeb);
      // The seed's untagged "nginx" fails policy rule NKS-IMG-1 (test/policy covers it).
      Policies.suppress(pod, 'NKS-IMG-1', 'the seed manifest, reproduced as written');
      manifestPath = pod.manifestPath;
    });
    expect(Object.keys(out.files)).toEqual(['static-web.k8s.yaml']);
    expect(out.files['static-web.k8s.yaml']).toHaveLength(1);
    const pod = out.find('Pod', 'static-web');
    expect(pod.metadata.namespace).toBeUndefined();
    expect(pod.spec.containers).toEqual([
      expect.objectContaining({ name: 'web', image: 'nginx', ports: [{ name: 'web', containerPort: 80, protocol: 'TCP' }] }),
    ]);
    // No API objects: no service account token, no pull secrets.
    expect(pod.spec.automountServiceAccountToken).toBe(false);
    expect(pod.spec.imagePullSecrets).toBeUndefined();
    expect(pod.spec.serviceAccountName).toBeUndefined();
    expect(manifestPath).toBe('/etc/kubernetes/manifests/static-web.yaml');
    expect(out.warnings).toEqual([]);
  });

  test('warns when its chart holds other objects (the kubelet reads one Pod per file)', () => {
    const out = synthK8s((app) => {
      const chart = new Chart(app.k8s, 'node');
      Policies.suppress(new StaticPod(chart, 'pod', staticWeb), 'NKS-IMG-1', 'the seed manifest, reproduced as written');
      new ConfigMap(chart, 'cm', { data: { a: 'b' } });
    });
    expect(out.result.warnings).toEqual([{ path: 'node/pod', id: 'nks-cdk:staticPodChartShared', message: expect.stringContaining('one Pod per manifest file') }]);
  });

  test('name and namespace rules are checked', () => {
    expect(catchValidation(() => new StaticPod(testChart(), 'pod', { ...staticWeb, name: 'Static_Web' }))).toMatchObject({ path: 'test/pod', field: 'name', value: 'Static_Web' });
    expect(catchValidation(() => new StaticPod(testChart(), 'pod', { ...staticWeb, namespace: 'kube.system' }))).toMatchObject({ path: 'test/pod', field: 'namespace', value: 'kube.system' });
  });

  test('reading a ConfigMap or Secret is a ValidationError (no API server for the kubelet to read it from)', () => {
    const chart = testChart();
    const cm = new ConfigMap(chart, 'cm', { data: { a: 'b' } });
    const e = catchValidation(() => new StaticPod(chart, 'pod', { ...staticWeb, env: { A: kplus.EnvValue.fromConfigMap(cm, 'a') } }));
    expect(e).toMatchObject({ path: 'test/pod', field: 'env.A', value: 'A', rule: expect.stringContaining('static pod') });
    const e2 = catchValidation(() => new StaticPod(chart, 'pod2', { ...staticWeb, envFrom: [kplus.Env.fromConfigMap(cm)] }));
    expect(e2).toMatchObject({ path: 'test/pod2', field: 'envFrom' });
    // Literal values and the downward API are fine.
    new StaticPod(chart, 'ok', { ...staticWeb, name: 'ok', env: { A: 'x', NODE: kplus.EnvValue.fromFieldRef(kplus.EnvFieldPaths.NODE_NAME) } });
  });
});

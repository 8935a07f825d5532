import { Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Service, ServiceProps, WebApp } from '../../lib';
import { catchValidation } from '../helpers';
import { synthChart, synthK8s, testChart } from './util';

const one = (props: ServiceProps) => {
  const chart = testChart();
  new Service(chart, 'svc', props);
  return synthChart(chart)[0];
};

describe('the guide nginx-svc (LoadBalancer 8080 → 80)', () => {
  const out = synthK8s((app) => {
    new Service(new Chart(app.k8s, 'web'), 'nginx-svc', {
      name: 'nginx-svc',
      labels: { app: 'nginx' },
      type: 'LoadBalancer',
      selector: { app: 'nginx' },
      ports: [{ port: 8080, targetPort: 80, protocol: 'TCP' }],
    });
  });

  test('matches service.yaml field for field, with no annotation', () => {
    expect(out.find('Service', 'nginx-svc')).toEqual({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'nginx-svc', labels: { app: 'nginx' } },
      spec: { type: 'LoadBalancer', selector: { app: 'nginx' }, ports: [{ port: 8080, targetPort: 80, protocol: 'TCP' }] },
    });
    expect(out.warnings).toEqual([]);
  });
});

describe('every Service type', () => {
  test('ClusterIP is the default; a bare number is port = targetPort', () => {
    const svc = one({ name: 'api', selector: { app: 'api' }, ports: [8008] });
    expect(svc.spec).toEqual({ type: 'ClusterIP', selector: { app: 'api' }, ports: [{ port: 8008, targetPort: 8008, protocol: 'TCP' }] });
  });

  test('NodePort with a fixed node port (seed 001 example-nodeport-service)', () => {
    const svc = one({ name: 'example-nodeport-service', type: 'NodePort', selector: { app: 'myapp' }, ports: [{ port: 10010, targetPort: 10010, nodePort: 30010 }] });
    expect(svc.spec).toMatchObject({ type: 'NodePort', ports: [{ port: 10010, targetPort: 10010, nodePort: 30010, protocol: 'TCP' }] });
  });

  test('ExternalName: externalName, no selector, no ports needed', () => {
    const svc = one({ name: 'db', externalName: 'db.example.com' });
    expect(svc.spec).toEqual({ type: 'ExternalName', externalName: 'db.example.com' });
  });

  test('headless: clusterIP None, ports optional', () => {
    expect(one({ name: 'peers', headless: true, selector: { app: 'db' }, ports: [{ port: 5432, name: 'pg' }] }).spec).toMatchObject({ clusterIP: 'None', type: 'ClusterIP' });
    expect(one({ name: 'peers', headless: true, selector: { app: 'db' } }).spec).toEqual({ type: 'ClusterIP', clusterIP: 'None', selector: { app: 'db' } });
  });

  test('what cdk8s-plus-28 lacks: externalTrafficPolicy, sessionAffinity with timeout, loadBalancerIP, source ranges, named targetPort', () => {
    const svc = one({
      type: 'LoadBalancer',
      ports: [{ port: 443, targetPort: 'https', name: 'https', appProtocol: 'https' }],
      externalTrafficPolicy: 'Local',
      sessionAffinity: 'ClientIP',
      sessionAffinityTimeoutSeconds: 600,
      loadBalancerIP: '123.123.123.30',
      loadBalancerSourceRanges: ['203.0.113.0/24'],
    });
    expect(svc.spec).toMatchObject({
      externalTrafficPolicy: 'Local',
      sessionAffinity: 'ClientIP',
      sessionAffinityConfig: { clientIP: { timeoutSeconds: 600 } },
      loadBalancerIP: '123.123.123.30',
      loadBalancerSourceRanges: ['203.0.113.0/24'],
      ports: [{ port: 443, targetPort: 'https', name: 'https', appProtocol: 'https', protocol: 'TCP' }],
    });
  });
});

describe('selectors', () => {
  test('from a WebApp: its pod labels', () => {
    const chart = testChart();
    const web = new WebApp(chart, 'web', { name: 'web', labels: { app: 'web', tier: 'front' }, image: 'nginx:1.14.2', ports: [80] });
    const svc = new Service(chart, 'svc', { selector: web, ports: [80] });
    expect(svc.selector).toEqual({ app: 'web', tier: 'front' });
    const docs = synthChart(chart);
    expect(docs.find((d) => d.kind === 'Service')!.spec.selector).toEqual({ app: 'web', tier: 'front' });
  });

  test("from a kplus.Deployment: its own selector (cdk8s-plus's address label unless select: false)", () => {
    const chart = testChart();
    const d = new kplus.Deployment(chart, 'd', { containers: [{ image: 'nginx:1.14.2' }] });
    const svc = new Service(chart, 'svc', { selector: d, ports: [80] });
    expect(svc.selector).toEqual(d.matchLabels);
    expect(Object.keys(svc.selector)).toEqual(['cdk8s.io/metadata.addr']);
    const labelled = new kplus.Deployment(chart, 'labelled', { select: false, podMetadata: { labels: { app: 'nginx' } }, containers: [{ image: 'nginx:1.14.2' }] });
    labelled.select(kplus.LabelSelector.of({ labels: { app: 'nginx' } }));
    expect(new Service(chart, 'svc2', { selector: labelled, ports: [80] }).selector).toEqual({ app: 'nginx' });
  });

  test('invalid label keys and values are errors', () => {
    expect(catchValidation(() => new Service(testChart(), 'svc', { selector: { 'bad key!': 'x' }, ports: [80] }))).toMatchObject({ path: 'test/svc', field: 'selector.bad key!' });
    expect(catchValidation(() => new Service(testChart(), 'svc', { labels: { app: 'a b' }, ports: [80] })).field).toBe('labels.app');
  });
});

describe('errors at construction (path, field, value, rule, fix)', () => {
  const err = (props: ServiceProps) => catchValidation(() => new Service(testChart(), 'svc', props));

  test('nodePort out of 30000–32767: the guide error case', () => {
    const e = err({ name: 'yolo-api-service', type: 'NodePort', ports: [{ port: 10010, nodePort: 10010 }] });
    expect(e).toMatchObject({ path: 'test/svc', field: 'ports[0].nodePort', value: 10010 });
    expect(e.rule).toContain('30000 to 32767');
    expect(e.fix).toContain('30000');
  });

  test('nodePort on a ClusterIP Service', () => {
    const e = err({ ports: [{ port: 80, nodePort: 30080 }] });
    expect(e).toMatchObject({ field: 'ports[0].nodePort', value: 30080, fix: 'set type: "NodePort", or remove nodePort' });
    expect(e.rule).toContain('ClusterIP Service has no node ports');
  });

  test('ports out of range, duplicated, unnamed when several', () => {
    expect(err({ ports: [0] })).toMatchObject({ field: 'ports[0].port', value: 0 });
    expect(err({ ports: [{ port: 80, targetPort: 70000 }] })).toMatchObject({ field: 'ports[0].targetPort', value: 70000 });
    expect(err({ ports: [{ port: 80, name: 'a' }, { port: 80, name: 'b' }] })).toMatchObject({ field: 'ports[1]', value: '80/TCP' });
    expect(err({ ports: [{ port: 80, name: 'web' }, { port: 81, name: 'web' }] })).toMatchObject({ field: 'ports[1]', value: 'web' });
    expect(err({ ports: [{ port: 80, name: 'http' }, { port: 443 }] })).toMatchObject({ field: 'ports[1].name', fix: 'name it, e.g. "https"' });
    expect(err({ type: 'NodePort', ports: [{ port: 80, name: 'a', nodePort: 30000 }, { port: 81, name: 'b', nodePort: 30000 }] }).value).toBe(30000);
    expect(err({ ports: [{ port: 80, targetPort: 'Not_A_Port_Name' }] }).field).toBe('ports[0].targetPort');
    expect(err({ ports: [{ port: 80, name: 'HTTP' }] }).field).toBe('ports[0].name');
  });

  test('no ports on ClusterIP/NodePort/LoadBalancer', () => {
    expect(err({ type: 'LoadBalancer', selector: { app: 'x' } })).toMatchObject({ field: 'ports', rule: 'a LoadBalancer Service needs at least one port' });
  });

  test('ExternalName without externalName, or with a selector', () => {
    expect(err({ type: 'ExternalName' })).toMatchObject({ field: 'externalName', value: undefined });
    expect(err({ externalName: 'db.example.com', selector: { app: 'db' } }).field).toBe('selector');
    expect(err({ externalName: 'Not A Host' }).field).toBe('externalName');
  });

  test('options on the wrong type', () => {
    expect(err({ ports: [80], externalTrafficPolicy: 'Local' })).toMatchObject({ field: 'externalTrafficPolicy', value: 'Local' });
    expect(err({ ports: [80], loadBalancerIP: '1.2.3.4' }).field).toBe('loadBalancerIP');
    expect(err({ type: 'NodePort', headless: true, ports: [80] }).field).toBe('headless');
    expect(err({ type: 'LoadBalancer', ports: [80], loadBalancerIP: '1.2.3' }).field).toBe('loadBalancerIP');
    expect(err({ ports: [80], sessionAffinityTimeoutSeconds: 60 }).field).toBe('sessionAffinityTimeoutSeconds');
    expect(err({ ports: [80], sessionAffinity: 'ClientIP', sessionAffinityTimeoutSeconds: 86401 }).value).toBe(86401);
  });

  test('invalid names: DNS label, and a Service name starts with a letter', () => {
    expect(err({ name: 'Nginx_Svc', ports: [80] })).toMatchObject({ field: 'name', value: 'Nginx_Svc', fix: 'use a name like "nginx-svc"' });
    expect(err({ name: '8080-svc', ports: [80] })).toMatchObject({ field: 'name', fix: 'use e.g. "svc-8080-svc"' });
  });
});

describe('ports for Ingress', () => {
  const svc = () => new Service(testChart(), 'svc', { name: 'web', ports: [{ port: 80, name: 'http', targetPort: 8080 }, { port: 443, name: 'https', targetPort: 8443 }] });

  test('findPort by number or name', () => {
    const s = svc();
    expect(s.findPort(443)?.name).toBe('https');
    expect(s.findPort('http')?.port).toBe(80);
    expect(s.findPort(8080)).toBeUndefined();
  });

  test('portFor names the ports that exist', () => {
    const e = catchValidation(() => svc().portFor(8080, { path: 'x', field: 'backend.port' }));
    expect(e).toMatchObject({ field: 'backend.port', value: 8080, rule: 'Service "web" has no port 8080; its ports are 80 (http), 443 (https)' });
    expect(catchValidation(() => svc().portFor(undefined, { path: 'x', field: 'port' })).rule).toContain('several ports');
  });
});

describe('node ports and annotation size across the program', () => {
  test('different nodePorts on several Services, and Services without nodePort: written as given', () => {
    const out = synthK8s((app) => {
      const chart = new Chart(app.k8s, 'svc');
      new Service(chart, 'a', { name: 'a', type: 'NodePort', selector: { app: 'a' }, ports: [{ port: 80, nodePort: 30080 }] });
      new Service(chart, 'b', { name: 'b', type: 'NodePort', selector: { app: 'b' }, ports: [{ port: 80, nodePort: 30081 }] });
      new Service(chart, 'c', { name: 'c', type: 'NodePort', selector: { app: 'c' }, ports: [80] });
    });
    expect(['a', 'b', 'c'].map((n) => out.find('Service', n).spec.ports[0].nodePort)).toEqual([30080, 30081, undefined]);
  });

  test('annotations of exactly 256 KiB are written; one byte more is refused at annotations', () => {
    const key = 'example.com/blob';
    const annotations = (extra: number) => ({ [key]: 'x'.repeat(256 * 1024 - key.length + extra) });
    expect(Object.values(one({ ports: [80], annotations: annotations(0) }).metadata.annotations)[0]).toHaveLength(256 * 1024 - key.length);
    const e = catchValidation(() => one({ ports: [80], annotations: annotations(1) }));
    expect(e).toMatchObject({ path: 'test/svc', field: 'annotations', value: '262145 bytes' });
  });
});

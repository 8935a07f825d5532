import { LoadBalancerCertificate, LoadBalancerOptions, Service } from '../../lib';
import { loadBalancerAnnotations } from '../../lib/k8s/networking/load-balancer';
import { catchValidation } from '../helpers';
import { synthChart, testChart } from './util';

const where = { path: 'test/svc', field: 'loadBalancer' };
const render = (options: LoadBalancerOptions) => loadBalancerAnnotations(options, where);

describe('loadBalancerAnnotations: NHN options become string annotations', () => {
  test('no options, no annotations (plain Kubernetes)', () => {
    expect(render({})).toEqual({ annotations: {}, warnings: [], listenerKeys: [], listenerProtocols: [] });
  });

  test('every load balancer-wide option lands under its documented key, as a string', () => {
    const { annotations } = render({
      name: 'web_lb-1',
      type: 'dedicated',
      // internal: true would leave no floating IP to keep (a ValidationError); false still lands as a string.
      internal: false,
      keepFloatingIp: true,
      networkId: '49a5820b-d941-41e5-bfc3-0fd31f2f6773',
      subnetId: '38794fd7-fd2e-4f34-9c89-6dd3fd12f548',
      memberSubnetIds: ['c3548a5e-b73c-48ce-9dc4-4d4c484108bf', 'd3548a5e-b73c-48ce-9dc4-4d4c484108bf'],
      applySubnetHostRoutes: false,
      connectionLimit: 60000,
      listenerProtocol: 'HTTP',
      lbMethod: 'SOURCE_IP',
      sessionPersistence: 'NONE',
      keepAliveTimeoutSeconds: 0,
      healthMonitor: { type: 'HTTPS', delaySeconds: 5000, timeoutSeconds: 4999, maxRetries: 10, httpUrl: '/healthz', expectedCodes: '200-204', httpHostHeader: 'example.com', port: 8080 },
    });
    expect(annotations).toEqual({
      'loadbalancer.nhncloud/loadbalancer-name': 'web_lb-1',
      'loadbalancer.nhncloud/loadbalancer-type': 'dedicated',
      'service.beta.kubernetes.io/openstack-internal-load-balancer': 'false',
      'loadbalancer.openstack.org/keep-floatingip': 'true',
      'loadbalancer.openstack.org/network-id': '49a5820b-d941-41e5-bfc3-0fd31f2f6773',
      'loadbalancer.openstack.org/subnet-id': '38794fd7-fd2e-4f34-9c89-6dd3fd12f548',
      'loadbalancer.nhncloud/member-subnet-id': 'c3548a5e-b73c-48ce-9dc4-4d4c484108bf,d3548a5e-b73c-48ce-9dc4-4d4c484108bf',
      'loadbalancer.nhncloud/apply-subnet-host-routes': 'false',
      'loadbalancer.nhncloud/connection-limit': '60000',
      'loadbalancer.nhncloud/listener-protocol': 'HTTP',
      'loadbalancer.nhncloud/pool-lb-method': 'SOURCE_IP',
      'loadbalancer.nhncloud/pool-session-persistence': '',
      'loadbalancer.nhncloud/keepalive-timeout': '0',
      'loadbalancer.nhncloud/healthmonitor-type': 'HTTPS',
      'loadbalancer.nhncloud/healthmonitor-delay': '5000',
      'loadbalancer.nhncloud/healthmonitor-timeout': '4999',
      'loadbalancer.nhncloud/healthmonitor-max-retries': '10',
      'loadbalancer.nhncloud/healthmonitor-http-url': '/healthz',
      'loadbalancer.nhncloud/healthmonitor-http-expected-code': '200-204',
      'loadbalancer.nhncloud/healthmonitor-http-host-header': 'example.com',
      'loadbalancer.nhncloud/healthmonitor-health-check-port': '8080',
    });
    for (const value of Object.values(annotations)) expect(typeof value).toBe('string');
  });

  test('per-listener settings get the {PROTOCOL}-{port}. prefix (the guide echosvr example)', () => {
    const out = render({
      lbMethod: 'SOURCE_IP',
      listeners: [
        { port: 80, sessionPersistence: 'SOURCE_IP', listenerProtocol: 'HTTP' },
        { port: 443, lbMethod: 'LEAST_CONNECTIONS', listenerProtocol: 'TCP', proxyProtocol: true },
        { port: 53, protocol: 'UDP', connectionLimit: 100 },
      ],
    });
    expect(out.annotations).toEqual({
      'loadbalancer.nhncloud/pool-lb-method': 'SOURCE_IP',
      'TCP-80.loadbalancer.nhncloud/pool-session-persistence': 'SOURCE_IP',
      'TCP-80.loadbalancer.nhncloud/listener-protocol': 'HTTP',
      'TCP-443.loadbalancer.nhncloud/pool-lb-method': 'LEAST_CONNECTIONS',
      'TCP-443.loadbalancer.nhncloud/listener-protocol': 'TCP',
      'TCP-443.loadbalancer.nhncloud/proxy-protocol': 'true',
      'UDP-53.loadbalancer.nhncloud/connection-limit': '100',
    });
    expect(out.listenerKeys).toEqual(['TCP-80', 'TCP-443', 'UDP-53']);
  });

  test('TERMINATED_HTTPS with a Certificate Manager certificate: a name, nothing secret', () => {
    const out = render({ listenerProtocol: 'TERMINATED_HTTPS', terminatedHttps: { tlsVersion: 'TLSv1.2', certificate: LoadBalancerCertificate.fromCertificateManager('web-cert') } });
    expect(out.annotations).toEqual({
      'loadbalancer.nhncloud/listener-protocol': 'TERMINATED_HTTPS',
      'loadbalancer.nhncloud/listener-terminated-https-tls-version': 'TLSv1.2',
      'loadbalancer.nhncloud/listener-terminated-https-cert-manager-name': 'web-cert',
    });
    expect(out.warnings).toEqual([]);
  });

  describe('TERMINATED_HTTPS with PEM text from the environment (opt-in)', () => {
    const cert = '-----BEGIN CERTIFICATE-----\nMIIDZTCCAk0CCQDVfXIZ2uxcCTANBgkq\n-----END CERTIFICATE-----';
    const key = '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAz+U5VNZ8jTPs2Y4N\n-----END RSA PRIVATE KEY-----';
    beforeEach(() => {
      process.env.TEST_LB_CERT = cert;
      process.env.TEST_LB_KEY = key;
    });
    afterEach(() => {
      delete process.env.TEST_LB_CERT;
      delete process.env.TEST_LB_KEY;
    });
    const options = (): LoadBalancerOptions => ({
      listeners: [{ port: 443, listenerProtocol: 'TERMINATED_HTTPS', terminatedHttps: { certificate: LoadBalancerCertificate.fromEnvironment({ certificateEnv: 'TEST_LB_CERT', privateKeyEnv: 'TEST_LB_KEY' }) } }],
    });

    test('writes cert and key per listener and warns about the key', () => {
      const out = render(options());
      expect(out.annotations['TCP-443.loadbalancer.nhncloud/listener-terminated-https-cert']).toBe(cert);
      expect(out.annotations['TCP-443.loadbalancer.nhncloud/listener-terminated-https-key']).toBe(key);
      expect(out.warnings).toEqual([{ id: 'nks-cdk:plaintextTlsKey', message: expect.stringContaining('$TEST_LB_KEY is written in plain text') }]);
    });

    test('the warning reaches synth through the Service', () => {
      const chart = testChart();
      const svc = new Service(chart, 'svc', { type: 'LoadBalancer', ports: [443], loadBalancer: options() });
      expect(svc.node.metadata.map((m) => m.data)).toEqual([{ id: 'nks-cdk:plaintextTlsKey', message: expect.stringContaining('plain text') }]);
    });

    test('an unset variable or a value that is not PEM fails without echoing the value', () => {
      delete process.env.TEST_LB_KEY;
      const unset = catchValidation(() => render(options()));
      expect(unset).toMatchObject({ field: 'loadBalancer.listeners[0].terminatedHttps.certificate.privateKeyEnv', value: 'TEST_LB_KEY' });
      process.env.TEST_LB_KEY = 'not a key';
      const notPem = catchValidation(() => render(options()));
      expect(notPem.rule).toContain('PEM private key');
      expect(notPem.message).not.toContain('not a key');
      const literal = catchValidation(() => render({ listenerProtocol: 'TERMINATED_HTTPS', terminatedHttps: { certificate: LoadBalancerCertificate.fromEnvironment({ certificateEnv: 'TEST_LB_CERT', privateKeyEnv: key }) } }));
      expect(literal.value).toBe('(redacted)');
      expect(literal.message).not.toContain('MIIEow');
    });
  });
});

describe('loadBalancerAnnotations: ranges and combinations', () => {
  test.each([
    ['connectionLimit', { connectionLimit: 0 }, 'loadBalancer.connectionLimit', 0],
    ['connectionLimit', { connectionLimit: 60001 }, 'loadBalancer.connectionLimit', 60001],
    ['health check delay', { healthMonitor: { delaySeconds: 5001 } }, 'loadBalancer.healthMonitor.delaySeconds', 5001],
    ['health check retries', { healthMonitor: { maxRetries: 11 } }, 'loadBalancer.healthMonitor.maxRetries', 11],
    ['keep-alive', { keepAliveTimeoutSeconds: 3601 }, 'loadBalancer.keepAliveTimeoutSeconds', 3601],
    ['keep-alive', { keepAliveTimeoutSeconds: 1.5 }, 'loadBalancer.keepAliveTimeoutSeconds', 1.5],
    ['per-listener connectionLimit', { listeners: [{ port: 80, connectionLimit: 70000 }] }, 'loadBalancer.listeners[0].connectionLimit', 70000],
  ] as [string, LoadBalancerOptions, string, number][])('%s out of range → ValidationError', (_label, options, field, value) => {
    const e = catchValidation(() => render(options));
    expect(e).toMatchObject({ path: 'test/svc', field, value });
    expect(e.rule).toMatch(/from \d+/);
    expect(e.fix).toMatch(/use/);
  });

  test('timeout must be less than the delay (given or NHN default 60)', () => {
    expect(catchValidation(() => render({ healthMonitor: { delaySeconds: 10, timeoutSeconds: 10 } }))).toMatchObject({ field: 'loadBalancer.healthMonitor.timeoutSeconds', value: 10 });
    const e = catchValidation(() => render({ healthMonitor: { timeoutSeconds: 60 } }));
    expect(e.rule).toContain("60, NHN's default");
    expect(render({ healthMonitor: { timeoutSeconds: 59 } }).annotations).toEqual({ 'loadbalancer.nhncloud/healthmonitor-timeout': '59' });
  });

  test('choices are checked exactly, with the close match as fix', () => {
    const e = catchValidation(() => render({ type: 'Dedicated' as never }));
    expect(e).toMatchObject({ field: 'loadBalancer.type', value: 'Dedicated', fix: 'write "dedicated"' });
    expect(catchValidation(() => render({ lbMethod: 'RANDOM' as never })).field).toBe('loadBalancer.lbMethod');
  });

  test('TERMINATED_HTTPS needs a certificate, and a certificate needs TERMINATED_HTTPS', () => {
    expect(catchValidation(() => render({ listenerProtocol: 'TERMINATED_HTTPS' }))).toMatchObject({ field: 'loadBalancer.terminatedHttps', rule: expect.stringContaining('needs a certificate') });
    const e = catchValidation(() => render({ listeners: [{ port: 80, terminatedHttps: { certificate: LoadBalancerCertificate.fromCertificateManager('c') } }] }));
    expect(e).toMatchObject({ field: 'loadBalancer.listeners[0].terminatedHttps', value: 'TCP' });
  });

  test('proxy protocol only on TCP and HTTPS listeners (inherited protocol counts)', () => {
    const e = catchValidation(() => render({ listenerProtocol: 'HTTP', listeners: [{ port: 80, proxyProtocol: true }] }));
    expect(e).toMatchObject({ field: 'loadBalancer.listeners[0].proxyProtocol', rule: expect.stringContaining('this one is HTTP') });
  });

  test('HTTP health check fields need an HTTP(S) check; URL and codes have a form', () => {
    expect(catchValidation(() => render({ healthMonitor: { httpUrl: '/x' } })).field).toBe('loadBalancer.healthMonitor.httpUrl');
    expect(catchValidation(() => render({ healthMonitor: { type: 'HTTP', httpUrl: 'healthz' } })).value).toBe('healthz');
    expect(catchValidation(() => render({ healthMonitor: { type: 'HTTP', expectedCodes: '2xx' } })).field).toBe('loadBalancer.healthMonitor.expectedCodes');
    expect(render({ healthMonitor: { type: 'HTTP', expectedCodes: '200,202' } }).annotations['loadbalancer.nhncloud/healthmonitor-http-expected-code']).toBe('200,202');
  });

  test('name, IDs and duplicate listeners', () => {
    expect(catchValidation(() => render({ name: 'my lb' }))).toMatchObject({ field: 'loadBalancer.name', fix: 'use e.g. "my-lb"' });
    expect(catchValidation(() => render({ subnetId: 'subnet-a' }))).toMatchObject({ field: 'loadBalancer.subnetId', value: 'subnet-a' });
    expect(catchValidation(() => render({ memberSubnetIds: ['x'] })).field).toBe('loadBalancer.memberSubnetIds[0]');
    expect(catchValidation(() => render({ listeners: [{ port: 80 }, { port: 80, protocol: 'TCP' }] }))).toMatchObject({ field: 'loadBalancer.listeners[1].port', value: 'TCP-80' });
    expect(catchValidation(() => render({ type: 'physical_basic', keepFloatingIp: true })).field).toBe('loadBalancer.keepFloatingIp');
  });
});

describe('on a Service', () => {
  test('annotations land in metadata and pass the schema check', () => {
    const chart = testChart();
    new Service(chart, 'svc', { name: 'web', type: 'LoadBalancer', ports: [80], loadBalancer: { type: 'shared', connectionLimit: 2000, healthMonitor: { type: 'HTTP', httpUrl: '/' } } });
    const [svc] = synthChart(chart);
    expect(svc.metadata.annotations).toEqual({
      'loadbalancer.nhncloud/loadbalancer-type': 'shared',
      'loadbalancer.nhncloud/connection-limit': '2000',
      'loadbalancer.nhncloud/healthmonitor-type': 'HTTP',
      'loadbalancer.nhncloud/healthmonitor-http-url': '/',
    });
  });

  test('a per-listener setting must name a port of the Service', () => {
    const e = catchValidation(() => new Service(testChart(), 'svc', { type: 'LoadBalancer', ports: [{ port: 8080, targetPort: 80 }], loadBalancer: { listeners: [{ port: 80, connectionLimit: 10 }] } }));
    expect(e).toMatchObject({ path: 'test/svc', field: 'loadBalancer.listeners[0]', value: 'TCP-80' });
    expect(e.rule).toContain('TCP-8080');
  });

  test('LB options on a ClusterIP Service are an error', () => {
    const e = catchValidation(() => new Service(testChart(), 'svc', { ports: [80], loadBalancer: { type: 'dedicated' } }));
    expect(e).toMatchObject({ field: 'loadBalancer', fix: 'set type: "LoadBalancer", or remove loadBalancer' });
  });
});

import { Chart } from 'cdk8s';
import { DashboardAccessToken, KubernetesDashboard, NginxIngressController, Policies } from '../../lib';
import { catchValidation } from '../helpers';
import { synthChart, synthK8s, testChart } from './util';

describe('KubernetesDashboard.exposeViaLoadBalancer', () => {
  test('a separate LoadBalancer Service in kube-system selecting k8s-app: kubernetes-dashboard, 443 → 8443', () => {
    const chart = testChart();
    new KubernetesDashboard(chart, 'dashboard').exposeViaLoadBalancer({ loadBalancerSourceRanges: ['203.0.113.0/24'] });
    const [svc] = synthChart(chart);
    expect(svc.metadata).toEqual({ name: 'kubernetes-dashboard-lb', namespace: 'kube-system', labels: { 'k8s-app': 'kubernetes-dashboard' } });
    expect(svc.spec).toEqual({
      type: 'LoadBalancer',
      selector: { 'k8s-app': 'kubernetes-dashboard' },
      ports: [{ port: 443, targetPort: 8443, protocol: 'TCP' }],
      loadBalancerSourceRanges: ['203.0.113.0/24'],
    });
  });

  test('NKS\'s own kubernetes-dashboard Service is never in the output', () => {
    const chart = testChart();
    new KubernetesDashboard(chart, 'dashboard').exposeViaLoadBalancer({ loadBalancer: { internal: true } });
    expect(synthChart(chart).map((d) => d.metadata.name)).not.toContain('kubernetes-dashboard');
  });

  test('open to everyone → warning; internal or source ranges → none', () => {
    const open = synthK8s((app) => {
      const service = new KubernetesDashboard(new Chart(app.k8s, 'd'), 'dashboard').exposeViaLoadBalancer();
      // Policy rule NKS-LB-1 makes this an error (test/policy covers it); here only the construct's warning counts.
      Policies.suppress(service, 'NKS-LB-1', 'the construct warning is under test here');
    });
    expect(open.warnings).toEqual([expect.stringContaining('open to everyone')]);
    const internal = synthK8s((app) => {
      new KubernetesDashboard(new Chart(app.k8s, 'd'), 'dashboard').exposeViaLoadBalancer({ loadBalancer: { internal: true } });
    });
    expect(internal.warnings).toEqual([]);
    expect(internal.find('Service').metadata.annotations).toEqual({ 'service.beta.kubernetes.io/openstack-internal-load-balancer': 'true' });
  });
});

describe('KubernetesDashboard.exposeViaIngress (TLS passthrough)', () => {
  test('Ingress in kube-system to kubernetes-dashboard:443 with ssl-passthrough and backend-protocol HTTPS', () => {
    const chart = testChart();
    const controller = new NginxIngressController(chart, 'ingress', { sslPassthrough: true });
    new KubernetesDashboard(chart, 'dashboard').exposeViaIngress({ controller, host: 'dashboard.example.com' });
    const ingress = synthChart(chart).find((d) => d.kind === 'Ingress')!;
    expect(ingress.metadata).toEqual({
      name: 'k8s-dashboard-ingress',
      namespace: 'kube-system',
      annotations: { 'nginx.ingress.kubernetes.io/ssl-passthrough': 'true', 'nginx.ingress.kubernetes.io/backend-protocol': 'HTTPS' },
    });
    expect(ingress.spec).toEqual({
      ingressClassName: 'nginx',
      rules: [{ host: 'dashboard.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'kubernetes-dashboard', port: { number: 443 } } } }] } }],
    });
  });

  test('a controller without passthrough → ValidationError with path and fix', () => {
    const e = catchValidation(() => {
      const chart = testChart();
      const controller = new NginxIngressController(chart, 'ingress');
      new KubernetesDashboard(chart, 'dashboard').exposeViaIngress({ controller });
    });
    expect(e).toMatchObject({ path: 'test/dashboard/Ingress', field: 'ingressClass', value: 'test/ingress' });
    expect(e.rule).toContain('--enable-ssl-passthrough');
    expect(e.fix).toContain('sslPassthrough: true');
    expect(e.fix).toContain('exposeViaLoadBalancer');
  });

  test('without a host: works (as in the guide) but warns that passthrough routes by SNI', () => {
    const out = synthK8s((app) => {
      const controller = new NginxIngressController(new Chart(app.k8s, 'ingress-nginx'), 'ingress', { sslPassthrough: true });
      const ingress = new KubernetesDashboard(new Chart(app.k8s, 'dashboard'), 'dashboard').exposeViaIngress({ controller });
      Policies.suppress(ingress, 'NKS-LB-1', 'the construct warning is under test here');
    });
    expect(out.find('Ingress').spec.rules[0].host).toBeUndefined();
    expect(out.warnings).toEqual([expect.stringContaining('SNI')]);
  });
});

describe('DashboardAccessToken', () => {
  const tokenOut = (clusterAdmin?: boolean) =>
    synthK8s((app) => {
      new KubernetesDashboard(new Chart(app.k8s, 'token'), 'dashboard').addAccessToken('token', { clusterAdmin });
    });

  test('read-only by default: ServiceAccount, binding to view, token Secret the cluster fills', () => {
    const out = tokenOut();
    expect(out.find('ServiceAccount').metadata).toEqual({ name: 'dashboard-viewer', namespace: 'kube-system' });
    expect(out.find('ClusterRoleBinding')).toMatchObject({
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' },
      subjects: [{ kind: 'ServiceAccount', name: 'dashboard-viewer', namespace: 'kube-system' }],
    });
    const secret = out.find('Secret');
    expect(secret).toEqual({
      apiVersion: 'v1',
      kind: 'Secret',
      type: 'kubernetes.io/service-account-token',
      metadata: { name: 'dashboard-viewer-token', namespace: 'kube-system', annotations: { 'kubernetes.io/service-account.name': 'dashboard-viewer' } },
    });
    expect(out.warnings).toEqual([]);
  });

  test('no token in the output: no data, no stringData, nothing token-like anywhere', () => {
    const out = tokenOut(true);
    const secret = out.find('Secret');
    expect(secret.data).toBeUndefined();
    expect(secret.stringData).toBeUndefined();
    const text = Object.values(out.manifestFiles).join('\n');
    expect(text).not.toMatch(/\btoken:/);
    expect(text).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}/);
  });

  test('clusterAdmin binds cluster-admin and warns', () => {
    const out = tokenOut(true);
    expect(out.find('ClusterRoleBinding').roleRef.name).toBe('cluster-admin');
    expect(out.find('ServiceAccount').metadata.name).toBe('dashboard-admin');
    expect(out.warnings).toEqual([expect.stringContaining('cluster-admin')]);
  });

  test('the command that reads the token', () => {
    const token = new DashboardAccessToken(testChart(), 'token', { serviceAccountName: 'alice' });
    expect(token.readTokenCommand).toBe("kubectl -n kube-system get secret alice-token -o jsonpath='{.data.token}' | base64 -d");
    expect(catchValidation(() => new DashboardAccessToken(testChart(), 'bad', { serviceAccountName: 'Alice' }))).toMatchObject({ path: 'test/bad', field: 'serviceAccountName' });
  });
});

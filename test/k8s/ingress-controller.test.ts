import { Chart } from 'cdk8s';
import { NginxIngressController, NginxIngressControllerProps } from '../../lib';
import { INGRESS_NGINX_IMAGE } from '../../lib/k8s/networking/ingress-controller';
import { catchValidation } from '../helpers';
import { Manifest, synthChart, synthK8s, testChart } from './util';

const render = (props: NginxIngressControllerProps = {}) => {
  const chart = testChart();
  const controller = new NginxIngressController(chart, 'ingress', props);
  const docs = synthChart(chart);
  const of = (kind: string): Manifest[] => docs.filter((d) => d.kind === kind);
  return { controller, docs, of, deployment: of('Deployment')[0], container: of('Deployment')[0].spec.template.spec.containers[0] };
};

describe('NginxIngressController defaults (upstream cloud manifest, v1.15.1)', () => {
  const out = synthK8s((app) => {
    new NginxIngressController(new Chart(app.k8s, 'ingress-nginx'), 'ingress-nginx');
  });
  const kinds = out.docs.map((d) => `${d.kind}/${d.metadata.name}`);

  test('one construct, every object upstream needs except the admission webhook', () => {
    expect(kinds).toEqual([
      'Namespace/ingress-nginx',
      'ServiceAccount/ingress-nginx',
      'Role/ingress-nginx',
      'RoleBinding/ingress-nginx',
      'ClusterRole/ingress-nginx',
      'ClusterRoleBinding/ingress-nginx',
      'ConfigMap/ingress-nginx-controller',
      'IngressClass/nginx',
      'Service/ingress-nginx-controller',
      'Deployment/ingress-nginx-controller',
    ]);
    expect(out.docs.some((d) => /Webhook|Job/.test(d.kind))).toBe(false);
    expect(out.warnings).toEqual([]);
  });

  test('namespaced objects in ingress-nginx, cluster-scoped ones without a namespace', () => {
    for (const d of out.docs) {
      const clusterScoped = ['Namespace', 'ClusterRole', 'ClusterRoleBinding', 'IngressClass'].includes(d.kind);
      expect([d.kind, d.metadata.namespace]).toEqual([d.kind, clusterScoped ? undefined : 'ingress-nginx']);
    }
  });

  test('IngressClass nginx → k8s.io/ingress-nginx, not default', () => {
    const cls = out.find('IngressClass', 'nginx');
    expect(cls.spec).toEqual({ controller: 'k8s.io/ingress-nginx' });
    expect(cls.metadata.annotations).toBeUndefined();
  });

  test('RBAC: bindings to the service account; leader lease by name; Ingress status writable', () => {
    const subject = { kind: 'ServiceAccount', name: 'ingress-nginx', namespace: 'ingress-nginx' };
    expect(out.find('RoleBinding').subjects).toEqual([subject]);
    expect(out.find('ClusterRoleBinding').subjects).toEqual([subject]);
    expect(out.find('ClusterRoleBinding').roleRef).toEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'ingress-nginx' });
    expect(out.find('Role').rules).toContainEqual({ apiGroups: ['coordination.k8s.io'], resources: ['leases'], resourceNames: ['ingress-nginx-leader'], verbs: ['get', 'update'] });
    expect(out.find('ClusterRole').rules).toContainEqual({ apiGroups: ['networking.k8s.io'], resources: ['ingresses/status'], verbs: ['update'] });
    expect(out.find('ClusterRole').rules).toContainEqual({ apiGroups: ['discovery.k8s.io'], resources: ['endpointslices'], verbs: ['get', 'list', 'watch'] });
  });

  test('Deployment: pinned image by tag and digest, upstream args, probes, non-root with NET_BIND_SERVICE', () => {
    const d = out.find('Deployment');
    const pod = d.spec.template.spec;
    const c = pod.containers[0];
    expect(c.image).toBe(INGRESS_NGINX_IMAGE);
    expect(c.image).toMatch(/^registry\.k8s\.io\/ingress-nginx\/controller:v1\.\d+\.\d+@sha256:[0-9a-f]{64}$/);
    expect(c.args).toEqual([
      '/nginx-ingress-controller',
      '--publish-service=$(POD_NAMESPACE)/ingress-nginx-controller',
      '--election-id=ingress-nginx-leader',
      '--controller-class=k8s.io/ingress-nginx',
      '--ingress-class=nginx',
      '--configmap=$(POD_NAMESPACE)/ingress-nginx-controller',
    ]);
    expect(c.env.map((e: Manifest) => e.name)).toEqual(['POD_NAME', 'POD_NAMESPACE', 'LD_PRELOAD']);
    expect(c.ports).toEqual([
      { containerPort: 80, name: 'http', protocol: 'TCP' },
      { containerPort: 443, name: 'https', protocol: 'TCP' },
    ]);
    expect(c.livenessProbe.httpGet).toEqual({ path: '/healthz', port: 10254, scheme: 'HTTP' });
    expect(c.readinessProbe.failureThreshold).toBe(3);
    expect(c.startupProbe).toBeUndefined();
    expect(c.securityContext).toMatchObject({ runAsUser: 101, runAsNonRoot: true, allowPrivilegeEscalation: false, capabilities: { add: ['NET_BIND_SERVICE'], drop: ['ALL'] } });
    expect(c.resources).toEqual({ requests: { cpu: '100m', memory: '90Mi' } });
    expect(c.lifecycle.preStop.exec.command).toEqual(['/wait-shutdown']);
    expect(pod).toMatchObject({ serviceAccountName: 'ingress-nginx', automountServiceAccountToken: true, terminationGracePeriodSeconds: 300, nodeSelector: { 'kubernetes.io/os': 'linux' } });
    expect(d.spec.selector.matchLabels).toEqual({ 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/component': 'controller' });
    expect(d.spec.template.metadata.labels).toMatchObject(d.spec.selector.matchLabels);
  });

  test('LoadBalancer Service on 80/443 selecting the controller pods, no NHN annotation by default', () => {
    const svc = out.find('Service');
    expect(svc.spec).toMatchObject({
      type: 'LoadBalancer',
      externalTrafficPolicy: 'Cluster',
      selector: out.find('Deployment').spec.selector.matchLabels,
      ports: [
        { name: 'http', port: 80, targetPort: 'http', protocol: 'TCP', appProtocol: 'http' },
        { name: 'https', port: 443, targetPort: 'https', protocol: 'TCP', appProtocol: 'https' },
      ],
    });
    expect(svc.metadata.annotations).toBeUndefined();
  });
});

describe('NginxIngressController options', () => {
  test('sslPassthrough adds --enable-ssl-passthrough and is exposed', () => {
    const { controller, container } = render({ sslPassthrough: true });
    expect(controller.sslPassthrough).toBe(true);
    expect(container.args).toContain('--enable-ssl-passthrough');
    expect(render().container.args).not.toContain('--enable-ssl-passthrough');
  });

  test('isDefaultClass annotates the IngressClass; className and controllerValue follow', () => {
    const { controller, of, container } = render({ className: 'internal', isDefaultClass: true });
    expect(controller.ingressClassName).toBe('internal');
    const [cls] = of('IngressClass');
    expect(cls.metadata).toMatchObject({ name: 'internal', annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } });
    expect(cls.spec.controller).toBe('k8s.io/ingress-nginx-internal');
    expect(container.args).toEqual(expect.arrayContaining(['--ingress-class=internal', '--controller-class=k8s.io/ingress-nginx-internal']));
  });

  test('NHN load balancer options go onto the controller Service; proxy protocol also configures the controller', () => {
    const { of } = render({ loadBalancer: { keepFloatingIp: true, proxyProtocol: true }, loadBalancerIP: '123.123.123.41', config: { 'proxy-body-size': '100m' } });
    const [svc] = of('Service');
    expect(svc.metadata.annotations).toEqual({ 'loadbalancer.openstack.org/keep-floatingip': 'true', 'loadbalancer.nhncloud/proxy-protocol': 'true' });
    expect(svc.spec.loadBalancerIP).toBe('123.123.123.41');
    expect(of('ConfigMap')[0].data).toEqual({ 'proxy-body-size': '100m', 'use-proxy-protocol': 'true' });
  });

  test('another namespace; createNamespace false; replicas', () => {
    const { of, deployment } = render({ namespace: 'edge', createNamespace: false, replicas: 2 });
    expect(of('Namespace')).toEqual([]);
    expect(of('ClusterRole')[0].metadata.name).toBe('edge');
    expect(of('ClusterRoleBinding')[0].subjects).toEqual([{ kind: 'ServiceAccount', name: 'ingress-nginx', namespace: 'edge' }]);
    expect(deployment.metadata.namespace).toBe('edge');
    expect(deployment.spec.replicas).toBe(2);
  });

  test('invalid input → ValidationError', () => {
    const err = (props: NginxIngressControllerProps) => catchValidation(() => new NginxIngressController(testChart(), 'ingress', props));
    expect(err({ namespace: 'Ingress_Nginx' })).toMatchObject({ path: 'test/ingress', field: 'namespace', value: 'Ingress_Nginx' });
    expect(err({ className: 'NGINX' }).field).toBe('className');
    expect(err({ replicas: -1 }).field).toBe('replicas');
    expect(err({ image: 'registry.k8s.io/Ingress Nginx' }).field).toBe('image');
    expect(err({ controllerValue: 'ingress-nginx' }).field).toBe('controllerValue');
    expect(err({ loadBalancer: { connectionLimit: 0 } })).toMatchObject({ path: 'test/ingress/Service', field: 'loadBalancer.connectionLimit' });
  });
});

describe('PROXY protocol between the load balancer and the controller', () => {
  test('per-listener on both ports configures the controller; on one port only is an error', () => {
    const both = render({ loadBalancer: { listeners: [{ port: 80, proxyProtocol: true }, { port: 443, proxyProtocol: true }] } });
    expect(both.of('ConfigMap')[0].data).toEqual({ 'use-proxy-protocol': 'true' });
    const e = catchValidation(() => new NginxIngressController(testChart(), 'ingress', { loadBalancer: { listeners: [{ port: 443, proxyProtocol: true }] } }));
    expect(e).toMatchObject({ path: 'test/ingress', field: 'loadBalancer.listeners[0].proxyProtocol', value: true });
    expect(render().of('ConfigMap')[0].data).toBeUndefined();
  });
});

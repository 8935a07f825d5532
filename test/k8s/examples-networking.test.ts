import { build as buildDashboard } from '../../examples/dashboard/main';
import { build as buildIngressController } from '../../examples/ingress-controller/main';
import { build as buildIngressHost } from '../../examples/ingress-host/main';
import { build as buildIngressUri } from '../../examples/ingress-uri/main';
import { build as buildLoadBalancer } from '../../examples/loadbalancer-service/main';
import { build as buildServiceTypes } from '../../examples/service-types/main';
import { INGRESS_NGINX_IMAGE } from '../../lib/k8s/networking/ingress-controller';
import { Manifest, synthK8s } from './util';

const backend = (name: string, port: number) => ({ service: { name, port: { number: port } } });

describe('examples/loadbalancer-service', () => {
  const out = synthK8s((app) => buildLoadBalancer(app));

  test('the guide nginx-svc: LoadBalancer 8080 → 80, selector app: nginx, label app: nginx, no annotation', () => {
    const [deployment, svc] = out.files['loadbalancer-service.k8s.yaml'];
    expect(svc).toEqual({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'nginx-svc', labels: { app: 'nginx' } },
      spec: { type: 'LoadBalancer', selector: { app: 'nginx' }, ports: [{ port: 8080, targetPort: 80, protocol: 'TCP' }] },
    });
    expect(deployment.metadata.name).toBe('nginx-deployment');
    expect(deployment.spec.template.metadata.labels).toMatchObject({ app: 'nginx' });
    expect(deployment.spec.template.spec.containers[0]).toMatchObject({ image: 'nginx:1.14.2', ports: [{ containerPort: 80 }] });
  });

  test('the NHN variant carries the load balancer annotations, all strings, one per listener', () => {
    const [svc] = out.files['loadbalancer-service-nhn.k8s.yaml'];
    expect(svc.metadata.annotations).toMatchObject({
      'loadbalancer.nhncloud/loadbalancer-name': 'nginx-lb',
      'loadbalancer.nhncloud/loadbalancer-type': 'dedicated',
      'loadbalancer.openstack.org/keep-floatingip': 'true',
      'loadbalancer.nhncloud/healthmonitor-delay': '10',
      'TCP-8080.loadbalancer.nhncloud/connection-limit': '10000',
    });
    for (const value of Object.values(svc.metadata.annotations)) expect(typeof value).toBe('string');
    expect(svc.spec.selector).toEqual({ app: 'nginx' });
  });
});

describe('examples/service-types', () => {
  const out = synthK8s((app) => buildServiceTypes(app));
  const svc = (name: string): Manifest => out.find('Service', name);

  test('one Service of each kind', () => {
    expect(svc('my-clusterip-service').spec).toMatchObject({ type: 'ClusterIP', ports: [{ port: 8008, targetPort: 'http' }] });
    expect(svc('example-nodeport-service').spec).toMatchObject({ type: 'NodePort', ports: [{ port: 10010, nodePort: 30010 }] });
    expect(svc('my-loadbalancer-service').spec).toMatchObject({ type: 'LoadBalancer', selector: { app: 'myapp' } });
    expect(svc('my-external-db').spec).toEqual({ type: 'ExternalName', externalName: 'db.example.com' });
    expect(svc('myapp-headless').spec).toMatchObject({ clusterIP: 'None', selector: { app: 'myapp' } });
  });

  test('the named target port exists on the pods', () => {
    expect(out.find('Deployment', 'myapp').spec.template.spec.containers[0].ports).toEqual([{ containerPort: 80, name: 'http' }]);
  });
});

describe('examples/ingress-controller', () => {
  const out = synthK8s((app) => buildIngressController(app));

  test('controller, IngressClass nginx and its LoadBalancer Service on 80/443 with a kept floating IP', () => {
    expect(out.find('Deployment', 'ingress-nginx-controller').spec.template.spec.containers[0].image).toBe(INGRESS_NGINX_IMAGE);
    expect(out.find('IngressClass', 'nginx').spec.controller).toBe('k8s.io/ingress-nginx');
    const svc = out.find('Service', 'ingress-nginx-controller');
    expect(svc.spec.ports.map((p: Manifest) => p.port)).toEqual([80, 443]);
    expect(svc.metadata.annotations).toEqual({ 'loadbalancer.openstack.org/keep-floatingip': 'true' });
  });
});

describe('examples/ingress-uri and ingress-host (the cafe)', () => {
  const uri = synthK8s((app) => buildIngressUri(app));
  const host = synthK8s((app) => buildIngressHost(app));

  test('cafe.yaml: coffee ×3 and tea ×2 on nginx-hello:8080, Services on 80 → 8080', () => {
    for (const out of [uri, host]) {
      expect(out.find('Deployment', 'coffee').spec.replicas).toBe(3);
      expect(out.find('Deployment', 'tea').spec.replicas).toBe(2);
      expect(out.find('Deployment', 'tea').spec.template.spec.containers[0].image).toBe('nginxdemos/nginx-hello:plain-text');
      expect(out.find('Service', 'tea-svc').spec).toMatchObject({ selector: { app: 'tea' }, ports: [{ port: 80, targetPort: 8080, name: 'http' }] });
    }
  });

  test('URI fanout: /tea → tea-svc:80, /coffee → coffee-svc:80, no host', () => {
    const ingress = uri.find('Ingress', 'cafe-ingress-uri');
    expect(ingress.spec.ingressClassName).toBe('nginx');
    expect(ingress.spec.rules).toEqual([
      {
        http: {
          paths: [
            { path: '/tea', pathType: 'Prefix', backend: backend('tea-svc', 80) },
            { path: '/coffee', pathType: 'Prefix', backend: backend('coffee-svc', 80) },
          ],
        },
      },
    ]);
  });

  test('host-based: tea.cafe.example.com and coffee.cafe.example.com', () => {
    expect(host.find('Ingress', 'cafe-ingress-host').spec.rules).toEqual([
      { host: 'tea.cafe.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: backend('tea-svc', 80) }] } },
      { host: 'coffee.cafe.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: backend('coffee-svc', 80) }] } },
    ]);
  });

  test('no warnings: the class is served by the controller of the same program', () => {
    expect(uri.warnings).toEqual([]);
    expect(host.warnings).toEqual([]);
  });
});

describe('examples/dashboard', () => {
  const out = synthK8s((app) => buildDashboard(app));

  test('LoadBalancer variant: kubernetes-dashboard-lb in kube-system, 443 → 8443, restricted sources', () => {
    const [svc] = out.files['dashboard-lb.k8s.yaml'];
    expect(svc.metadata).toMatchObject({ name: 'kubernetes-dashboard-lb', namespace: 'kube-system' });
    expect(svc.spec).toMatchObject({ type: 'LoadBalancer', selector: { 'k8s-app': 'kubernetes-dashboard' }, ports: [{ port: 443, targetPort: 8443 }], loadBalancerSourceRanges: ['203.0.113.0/24'] });
  });

  test('Ingress variant: passthrough to kubernetes-dashboard:443 through a controller started with --enable-ssl-passthrough', () => {
    const [ingress] = out.files['dashboard-ingress.k8s.yaml'];
    expect(ingress.metadata.annotations['nginx.ingress.kubernetes.io/ssl-passthrough']).toBe('true');
    expect(ingress.spec.rules[0].http.paths[0].backend).toEqual(backend('kubernetes-dashboard', 443));
    expect(out.find('Deployment', 'ingress-nginx-controller').spec.template.spec.containers[0].args).toContain('--enable-ssl-passthrough');
  });

  test('token: a read-only service account and a token Secret with no data', () => {
    const docs = out.files['dashboard-token.k8s.yaml'];
    expect(docs.map((d) => d.kind)).toEqual(['ServiceAccount', 'ClusterRoleBinding', 'Secret']);
    const secret = docs[2];
    expect(secret.type).toBe('kubernetes.io/service-account-token');
    expect(secret.data).toBeUndefined();
    expect(secret.stringData).toBeUndefined();
    expect(docs[1].roleRef.name).toBe('view');
  });

  test('the only warning is the SNI note of the host-less passthrough Ingress (the guide form)', () => {
    expect(out.warnings).toEqual([expect.stringContaining('SNI')]);
  });
});

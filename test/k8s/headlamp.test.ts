import { Chart } from 'cdk8s';
import { build } from '../../examples/headlamp/main';
import { Gateway, Headlamp, Service } from '../../lib';
import { catchValidation } from '../helpers';
import { podSpecOf, synthK8s } from './util';

describe('Headlamp', () => {
  test('examples/headlamp: pinned image, no role for the pod, internal load balancer, read-only token', () => {
    const out = synthK8s((app) => build(app));
    const deployment = out.find('Deployment', 'headlamp');
    expect(deployment.metadata.namespace).toBe('kube-system');
    const pod = podSpecOf(deployment);
    expect(pod.containers[0].image).toBe('ghcr.io/headlamp-k8s/headlamp:v0.44.0@sha256:b491653c1a0d380b70b67a4024f1204591f9c84a68ee567778d53d28b1856168');
    expect(pod.containers[0].args).toEqual(['-in-cluster', '-plugins-dir=/headlamp/plugins']);
    expect(pod.containers[0].securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 100, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false });
    expect(pod.serviceAccountName).toBe('headlamp');
    expect(out.find('Service', 'headlamp').spec.ports).toEqual([{ name: 'http', port: 80, targetPort: 4466, protocol: 'TCP' }]);
    const lb = out.find('Service', 'headlamp-lb');
    expect(lb.spec.type).toBe('LoadBalancer');
    expect(lb.metadata.annotations['service.beta.kubernetes.io/openstack-internal-load-balancer']).toBe('true');
    // The only ClusterRoleBinding is the viewer token's, to the read-only "view" role: the pod's account has none.
    const bindings = out.docs.filter((d) => d.kind === 'ClusterRoleBinding' || d.kind === 'RoleBinding');
    expect(bindings.map((b) => [b.roleRef.name, b.subjects[0].name])).toEqual([['view', 'headlamp-viewer']]);
    expect(out.find('Secret', 'headlamp-viewer-token').type).toBe('kubernetes.io/service-account-token');
    expect(out.docs.flatMap((d) => JSON.stringify(d).match(/:latest\b/g) ?? [])).toEqual([]);
    expect(out.warnings).toEqual([]);
  });

  test('a public load balancer open to everyone is refused', () => {
    const e = catchValidation(() => synthK8s((app) => void new Headlamp(new Chart(app.k8s, 'h'), 'headlamp').exposeViaLoadBalancer()));
    expect(e).toMatchObject({ path: 'h/headlamp', field: 'exposeViaLoadBalancer.loadBalancerSourceRanges' });
  });

  test('policy NKS-LB-1 applies to Headlamp as to the dashboard: a raw public Service to it stops synth', () => {
    const e = (() => {
      try {
        synthK8s((app) => {
          const chart = new Chart(app.k8s, 'h');
          new Headlamp(chart, 'headlamp');
          new Service(chart, 'open', { name: 'headlamp-open', type: 'LoadBalancer', selector: { 'k8s-app': 'headlamp' }, ports: [{ port: 80, targetPort: 4466 }] });
        });
      } catch (err) {
        return err as Error;
      }
      return undefined;
    })();
    expect(String(e?.message)).toContain('NKS-LB-1');
    expect(String(e?.message)).toContain('Headlamp');
  });

  test('an admin token warns; a route through a Gateway warns that it is as reachable as the Gateway', () => {
    const out = synthK8s((app) => {
      const chart = new Chart(app.k8s, 'h', { namespace: 'kube-system' });
      const headlamp = new Headlamp(chart, 'headlamp');
      headlamp.addAccessToken('admin', { clusterAdmin: true });
      const gateway = new Gateway(chart, 'gw', { name: 'gw', gatewayClass: 'nginx', listeners: [{ name: 'http' }] });
      headlamp.exposeViaRoute({ gateway, hostname: 'headlamp.example.com' });
    });
    expect(out.find('HTTPRoute', 'headlamp').spec).toEqual({
      parentRefs: [{ name: 'gw' }],
      hostnames: ['headlamp.example.com'],
      rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/' } }], backendRefs: [{ name: 'headlamp', port: 80 }] }],
    });
    expect(out.find('ClusterRoleBinding', 'headlamp-admin-cluster-admin').roleRef.name).toBe('cluster-admin');
    expect(out.warnings.join('\n')).toContain('bound to cluster-admin');
    expect(out.warnings.join('\n')).toContain("as reachable as the Gateway's load balancer");
  });
});

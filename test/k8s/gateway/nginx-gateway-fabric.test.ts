import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Chart } from 'cdk8s';
import { build as buildCafe } from '../../../examples/gateway-cafe/main';
import { build as buildHeadlamp } from '../../../examples/headlamp/main';
import { Cluster, ImageRef, InfraStack, KeyPair, Network, NginxGatewayFabric, PlatformApp, ValidationErrors, WorkloadsStack } from '../../../lib';
import { resources, synth, Synthesized } from '../../helpers';
import { IMAGE_ID, OPENSTACK, PUBLIC_KEY } from '../../infra/fixtures';
import { podSpecOf, synthK8s } from '../util';

describe('NginxGatewayFabric', () => {
  test('namespace, RBAC, control plane, certificate Job, NginxGateway and NginxProxy as upstream v2.3.0; the CRDs in the first file', () => {
    const out = synthK8s((app) => void new NginxGatewayFabric(new Chart(app.k8s, 'ngf'), 'ngf', { loadBalancer: { internal: true }, loadBalancerSourceRanges: ['10.0.0.0/8'] }));
    expect(out.find('Namespace', 'nginx-gateway')).toBeDefined();
    const pod = podSpecOf(out.find('Deployment', 'nginx-gateway'));
    expect(pod.containers[0].image).toBe('ghcr.io/nginx/nginx-gateway-fabric:2.3.0');
    expect(pod.containers[0].args).toContain('--gateway-ctlr-name=gateway.nginx.org/nginx-gateway-controller');
    expect(pod.containers[0].securityContext).toMatchObject({ runAsNonRoot: true, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false });
    expect(out.find('ClusterRoleBinding', 'nginx-gateway').subjects).toEqual([{ kind: 'ServiceAccount', name: 'nginx-gateway', namespace: 'nginx-gateway' }]);
    expect(out.find('NginxProxy', 'nginx-gateway-proxy-config').spec.kubernetes).toEqual({
      deployment: { replicas: 1, container: { image: { pullPolicy: 'IfNotPresent', repository: 'ghcr.io/nginx/nginx-gateway-fabric/nginx', tag: '2.3.0' } } },
      service: { type: 'LoadBalancer', externalTrafficPolicy: 'Cluster', loadBalancerSourceRanges: ['10.0.0.0/8'] },
    });
    const crds = out.files['0000-gateway-api-crds.k8s.yaml'].map((d) => d.metadata.name).sort();
    expect(crds).toEqual([
      'backendtlspolicies.gateway.networking.k8s.io', 'clientsettingspolicies.gateway.nginx.org', 'gatewayclasses.gateway.networking.k8s.io',
      'gateways.gateway.networking.k8s.io', 'grpcroutes.gateway.networking.k8s.io', 'httproutes.gateway.networking.k8s.io',
      'nginxgateways.gateway.nginx.org', 'nginxproxies.gateway.nginx.org', 'observabilitypolicies.gateway.nginx.org',
      'referencegrants.gateway.networking.k8s.io', 'snippetsfilters.gateway.nginx.org', 'upstreamsettingspolicies.gateway.nginx.org',
    ]);
    // No image of the output is "latest" (the CRDs' descriptions mention the word; they run nothing).
    expect(out.docs.filter((d) => d.kind !== 'CustomResourceDefinition').flatMap((d) => JSON.stringify(d).match(/latest/g) ?? [])).toEqual([]);
  });

  test('images given with digests are used and synth does not warn', () => {
    const digest = `sha256:${'a'.repeat(64)}`;
    const out = synthK8s((app) => void new NginxGatewayFabric(new Chart(app.k8s, 'ngf'), 'ngf', { controlPlaneImage: `ghcr.io/nginx/nginx-gateway-fabric:2.3.0@${digest}`, dataPlaneImage: { digest } }));
    expect(podSpecOf(out.find('Deployment', 'nginx-gateway')).containers[0].image).toBe(`ghcr.io/nginx/nginx-gateway-fabric:2.3.0@${digest}`);
    expect(out.find('NginxProxy').spec.kubernetes.deployment.container.image).toEqual({ pullPolicy: 'IfNotPresent', repository: 'ghcr.io/nginx/nginx-gateway-fabric/nginx', tag: `2.3.0@${digest}` });
    expect(out.warnings).toEqual([]);
  });

  test("a Gateway's own loadBalancer replaces the class default", () => {
    const out = synthK8s((app) => {
      const ngf = new NginxGatewayFabric(new Chart(app.k8s, 'ngf'), 'ngf', { loadBalancer: { internal: true } });
      ngf.addGateway(new Chart(app.k8s, 'gw'), 'gw', { name: 'public', listeners: [{ name: 'http' }], loadBalancer: { type: 'dedicated' } });
    });
    expect(out.find('Gateway', 'public').spec.infrastructure).toEqual({ annotations: { 'loadbalancer.nhncloud/loadbalancer-type': 'dedicated' } });
  });
});

/** A kubeconfig file as NKS hands it out (only its existence matters here). */
function kubeconfig(): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nks-kube-')), 'config');
  fs.writeFileSync(file, 'apiVersion: v1\nkind: Config\nclusters: []\n');
  return file;
}

/** The cafe and Headlamp on a cluster of the `target`, applied by Terraform in two stages: the CRDs first, then the rest. */
function cafeOnCluster(target: 'openstack' | 'nhncloud', stages: boolean): (app: PlatformApp) => void {
  return (app) => {
    const stack = new InfraStack(app.infra, 'infra', target === 'openstack' ? OPENSTACK : { target });
    const cluster = new Cluster(stack, 'cluster', {
      name: 'c1',
      network: new Network(stack, 'vpc'),
      image: ImageRef.fromId(IMAGE_ID),
      availabilityZone: target === 'openstack' ? 'nova' : 'kr-pub-a',
      keyPair: new KeyPair(stack, 'key', { publicKey: PUBLIC_KEY }),
      // The nhncloud provider leaves the kubeconfig empty: the workloads side reads a file.
      kubeconfigFile: target === 'nhncloud' ? kubeconfig() : undefined,
    });
    const { ngf } = buildCafe(app);
    buildHeadlamp(app);
    if (!stages) {
      new WorkloadsStack(app.infra, 'workloads', { cluster });
      return;
    }
    const crds = new WorkloadsStack(app.infra, 'gateway-crds', { cluster, charts: [ngf.crdChart!] });
    const rest = new WorkloadsStack(app.infra, 'workloads', { cluster, charts: app.k8s.charts.filter((c) => c !== ngf.crdChart) });
    rest.addDependency(crds);
  };
}

describe('the Terraform route', () => {
  test('one workloads stack with the CRDs and the Gateway API objects is refused: kubernetes_manifest cannot plan them in one run', () => {
    let error: unknown;
    try {
      synth(cafeOnCluster('openstack', false));
    } catch (e) {
      error = e;
    }
    if (!(error instanceof ValidationErrors)) throw error;
    expect(error.errors).toHaveLength(1);
    expect(error.errors[0].rule).toContain('kubernetes_manifest looks up the kind at plan time');
    expect(error.errors[0].fix).toContain('ngf.crdChart');
  });

  test.each(['openstack', 'nhncloud'] as const)('on the %s target: the CRDs in a first stage, the cafe, NGF and Headlamp in the second', (target) => {
    const out: Synthesized = synth(cafeOnCluster(target, true));
    const kinds = (stack: string) => resources(out.tf[stack], 'kubernetes_manifest').map(([, r]) => r.manifest.kind as string);
    expect(new Set(kinds('gateway-crds'))).toEqual(new Set(['CustomResourceDefinition']));
    expect(kinds('workloads')).toEqual(expect.arrayContaining(['GatewayClass', 'Gateway', 'HTTPRoute', 'NginxProxy', 'Deployment']));
    expect(kinds('workloads')).not.toContain('CustomResourceDefinition');
    // Cluster-scoped kinds carry no namespace in kubernetes_manifest; namespaced ones get one.
    const manifest = (kind: string) => resources(out.tf.workloads, 'kubernetes_manifest').map(([, r]) => r.manifest).find((m) => m.kind === kind);
    expect(manifest('GatewayClass').metadata.namespace).toBeUndefined();
    expect(manifest('HTTPRoute').metadata.namespace).toBe('default');
    const names = resources(out.tf.workloads, 'kubernetes_manifest').map(([, r]) => `${r.manifest.kind}/${r.manifest.metadata.name}`);
    expect(names).toEqual(expect.arrayContaining(['HTTPRoute/cafe-route-uri', 'Deployment/headlamp', 'Service/headlamp-lb']));
  });
});

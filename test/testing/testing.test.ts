// nks-cdk/testing: a program synthesized once, assertions on both layers, errors and warnings by id.
import * as fs from 'fs';
import * as os from 'os';
import { Chart } from 'cdk8s';
import { Cluster, ImageRef, KeyPair, Network, Platform, PlatformApp, Service, WebApp } from 'nks-cdk';
import { PlatformTemplate } from 'nks-cdk/testing';

// NHN Cloud (KR1): the workloads stack reads the kubeconfig file the cluster gives after its first deploy.
const KUBECONFIG = `${fs.mkdtempSync(`${os.tmpdir()}/nks-testing-`)}/kubeconfig.yaml`;
fs.writeFileSync(KUBECONFIG, 'apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\nusers: []\n');
afterAll(() => fs.rmSync(KUBECONFIG.replace(/\/kubeconfig\.yaml$/, ''), { recursive: true, force: true }));

function program(app: PlatformApp, replicas = 2) {
  const platform = new Platform(app, { region: 'KR1' });
  const cluster = new Cluster(platform.infra, 'cluster', {
    name: 'app-cluster',
    network: new Network(platform.infra, 'vpc', { cidr: '192.168.0.0/24' }),
    image: ImageRef.fromNameRegex('^Ubuntu Server 22\\.04.* - Container'),
    availabilityZone: 'kr-pub-a',
    nodeCount: 2,
    keyPair: new KeyPair(platform.infra, 'key', { publicKey: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBx0example user@host' }),
    kubeconfigFile: KUBECONFIG,
  });
  const web = new Chart(app.k8s, 'web');
  const nginx = new WebApp(web, 'nginx', { name: 'nginx', image: 'nginx:1.27', ports: [{ number: 80 }], replicas });
  new Service(web, 'svc', { name: 'nginx-svc', type: 'LoadBalancer', selector: nginx, ports: [{ port: 80, targetPort: 80 }] });
  platform.deployWorkloadsTo(cluster);
}

const tmpBefore = new Set(fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith('nks-cdk-template-')));
const template = PlatformTemplate.synth((app) => program(app));

test('the Terraform layer: counts and properties', () => {
  expect(Object.keys(template.stacks)).toEqual(['nks-infra', 'nks-workloads']);
  template.resourceCountIs('nks-infra', 'nhncloud_kubernetes_cluster_v1', 1);
  template.hasResourceProperties('nks-infra', 'nhncloud_kubernetes_cluster_v1', { name: 'app-cluster', node_count: 2 });
  expect(() => template.resourceCountIs('nks-infra', 'nhncloud_kubernetes_cluster_v1', 2)).toThrow(
    'nks-infra: expected 2 nhncloud_kubernetes_cluster_v1 resource(s), found 1',
  );
  expect(() => template.hasResourceProperties('nks-infra', 'nhncloud_kubernetes_cluster_v1', { name: 'other' })).toThrow(/no nhncloud_kubernetes_cluster_v1 has/);
  expect(() => template.resources('nope', 'x')).toThrow('no stack nope; the stacks are: nks-infra, nks-workloads');
});

test('the Kubernetes layer: objects and fields', () => {
  template.objectCountIs('Deployment', 1);
  template.hasObject('Deployment', { metadata: { name: 'nginx' }, spec: { replicas: 2 } });
  template.hasObject('Service', { spec: { type: 'LoadBalancer', ports: [{ port: 80, targetPort: 80 }] } });
  expect(() => template.hasObject('Deployment', { spec: { replicas: 3 } })).toThrow(/no Deployment has .*the Deployment objects: nginx/s);
  expect(() => template.objectCountIs('Service', 2)).toThrow('expected 2 Service object(s) in the manifests, found 1');
});

test('warnings by id', () => {
  expect(template.warningIds()).toEqual(expect.arrayContaining(['NKS-RES-1', 'NKS-PROBE-1']));
  template.hasWarning('NKS-PROBE-1');
  expect(() => template.hasWarning('NKS-LB-1')).toThrow(/^no warning NKS-LB-1; the warnings: \[warning\] /);
});

test('errors: the ValidationErrors synth throws, with their fields', () => {
  const errors = PlatformTemplate.errorsOf((app) => program(app, -1));
  expect(errors.map((e) => ({ path: e.path, field: e.field }))).toEqual([{ path: 'web/nginx', field: 'replicas' }]);
  expect(PlatformTemplate.errorsOf((app) => program(app))).toEqual([]);
});

test('synth leaves no files behind', () => {
  const after = fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith('nks-cdk-template-') && !tmpBefore.has(n));
  expect(after).toEqual([]);
});

import { Chart } from 'cdk8s';
import { Cluster, ImageRef, InfraStack, KeyPair, KubernetesDashboard, Network, PlatformApp, ValidationErrors } from '../../lib';
import { synth } from '../helpers';
import { IMAGE_ID, PUBLIC_KEY } from '../infra/fixtures';

function withCluster(kubernetesVersion: string, build: (chart: Chart) => void) {
  return (app: PlatformApp) => {
    const stack = new InfraStack(app.infra, 'infra');
    new Cluster(stack, 'cluster', {
      name: 'c1',
      network: new Network(stack, 'vpc'),
      image: ImageRef.fromId(IMAGE_ID),
      availabilityZone: 'kr-pub-a',
      keyPair: new KeyPair(stack, 'key', { publicKey: PUBLIC_KEY }),
      kubernetesVersion,
    });
    build(new Chart(app.k8s, 'dash'));
  };
}

function errorsOf(build: (app: PlatformApp) => void) {
  try {
    synth(build);
  } catch (e) {
    if (e instanceof ValidationErrors) return e.errors;
    throw e;
  }
  return [];
}

describe('KubernetesDashboard on clusters NKS creates today', () => {
  test('on a v1.33.4 cluster synth refuses it and names Headlamp', () => {
    const errors = errorsOf(withCluster('v1.33.4', (chart) => void new KubernetesDashboard(chart, 'dashboard').exposeViaLoadBalancer({ loadBalancer: { internal: true } })));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ path: 'dash/dashboard', field: 'kubernetesVersion', value: 'v1.33.4' });
    expect(errors[0].rule).toContain('only on clusters created at v1.25.4 or earlier');
    expect(errors[0].fix).toContain('Headlamp');
  });

  test('also for a token alone, on the oldest version NKS creates (v1.31.4)', () => {
    const errors = errorsOf(withCluster('v1.31.4', (chart) => void new KubernetesDashboard(chart, 'dashboard').addAccessToken('viewer')));
    expect(errors.map((e) => [e.path, e.field])).toEqual([['dash/dashboard', 'kubernetesVersion']]);
  });

  test('without a cluster in the program (manifests for a cluster made elsewhere) the dashboard is built', () => {
    const out = synth((app) => void new KubernetesDashboard(new Chart(app.k8s, 'dash'), 'dashboard').addAccessToken('viewer'));
    expect(out.manifestFiles['dash.k8s.yaml']).toContain('dashboard-viewer-token');
  });
});

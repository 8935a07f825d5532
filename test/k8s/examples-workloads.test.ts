import { build as buildGpu } from '../../examples/gpu/main';
import { build as buildNginx, REGISTRY } from '../../examples/nginx-deployment/main';
import { build as buildRollingUpdate, IMAGE } from '../../examples/rolling-update/main';
import { build as buildStaticPod } from '../../examples/static-pod/main';
import { onlyResource, resources } from '../helpers';
import { synthK8s } from './util';

describe('examples/nginx-deployment', () => {
  const out = synthK8s((app) => buildNginx(app));

  test('one file per variant', () => {
    expect(Object.keys(out.files).sort()).toEqual(['nginx-deployment.k8s.yaml', 'nginx-registry.k8s.yaml']);
  });

  test('the guide nginx.yaml: nginx-deployment, app: nginx, 2 replicas, nginx:1.14.2 on port 80, allowed to run as root', () => {
    const [d] = out.files['nginx-deployment.k8s.yaml'];
    expect(d.metadata).toEqual({ name: 'nginx-deployment', labels: { app: 'nginx' } });
    expect(d.spec.replicas).toBe(2);
    expect(d.spec.selector.matchLabels).toEqual({ app: 'nginx' });
    const c = d.spec.template.spec.containers[0];
    expect(c).toMatchObject({ name: 'nginx', image: 'nginx:1.14.2', ports: [{ containerPort: 80 }] });
    expect(c.securityContext).toMatchObject({ runAsNonRoot: false, readOnlyRootFilesystem: false });
  });

  test('the registry variant pulls from the registry with the kubectl-created secret; no Secret is synthesized', () => {
    const [d] = out.files['nginx-registry.k8s.yaml'];
    expect(d.spec.template.spec.containers[0].image).toBe(`${REGISTRY}/nginx:1.14.2`);
    expect(d.spec.template.spec.imagePullSecrets).toEqual([{ name: 'registry-credential' }]);
    expect(out.docs.some((doc) => doc.kind === 'Secret')).toBe(false);
  });
});

describe('examples/gpu', () => {
  const out = synthK8s((app) => buildGpu(app));

  test('the infrastructure has a g2 GPU node group', () => {
    // NHN Cloud (the default target in KR1): the flavor's UUID is looked up by name.
    const groups = resources(out.tf['gpu-infra'], 'nhncloud_kubernetes_nodegroup_v1').map(([, g]) => g);
    expect(groups.map((g) => g.flavor_id)).toEqual(['${data.nhncloud_compute_flavor_v2.flavor-g2-t4-c4m32.id}']);
    expect(onlyResource(out.tf['gpu-infra'], 'nhncloud_kubernetes_cluster_v1').name).toBe('gpu-cluster');
  });

  test('the resnet pod asks for nvidia.com/gpu: 1 with the nvcr.dgxkey pull secret', () => {
    const pod = out.find('Pod', 'resnet-gpu-pod');
    expect(pod.spec.containers[0]).toMatchObject({ name: 'resnet', image: 'nvcr.io/nvidia/tensorflow:18.07-py3', command: ['mpiexec'], resources: { limits: { 'nvidia.com/gpu': 1 } } });
    expect(pod.spec.imagePullSecrets).toEqual([{ name: 'nvcr.dgxkey' }]);
  });

  test('the GPU Deployment is pinned to the GPU node group (selector from the infra layer) with one GPU per replica', () => {
    const d = out.find('Deployment', 'gpu-inference');
    expect(d.spec.replicas).toBe(2);
    expect(d.spec.template.spec.nodeSelector).toEqual({ 'node.nks-cdk.io/group': 'gpu' });
    expect(d.spec.template.spec.containers[0].resources.limits).toEqual({ 'nvidia.com/gpu': 1 });
    expect(d.spec.template.spec.containers[0].volumeMounts).toEqual([{ name: 'models', mountPath: '/models' }]);
    // 2 replicas × 1 GPU fit 2 nodes × 1 T4: no capacity warning.
    expect(out.warnings.filter((w) => w.includes('GPUs in all'))).toEqual([]);
  });
});

describe('examples/rolling-update', () => {
  const out = synthK8s((app) => buildRollingUpdate(app));
  const d = out.find('Deployment', 'test-deployment');

  test('scaled to 4, one surge pod and none unavailable, 5 revisions kept for rollout undo', () => {
    expect(d.spec).toMatchObject({
      replicas: 4,
      minReadySeconds: 5,
      revisionHistoryLimit: 5,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    });
    const c = d.spec.template.spec.containers[0];
    expect(c).toMatchObject({ name: 'test-app', image: IMAGE, ports: [{ containerPort: 8098 }] });
    expect(c.readinessProbe.httpGet).toMatchObject({ path: '/ping', port: 8098 });
  });

  test('the LoadBalancer Service selects the pods by their app label', () => {
    const svc = out.find('Service', 'test-deployment');
    expect(svc.spec).toMatchObject({ type: 'LoadBalancer', selector: { app: 'test-deployment' }, ports: [{ port: 8098, targetPort: 8098 }] });
    expect(d.spec.template.metadata.labels).toMatchObject(svc.spec.selector);
  });
});

describe('examples/static-pod', () => {
  const out = synthK8s((app) => buildStaticPod(app));

  test('dist/static-web.k8s.yaml holds only the static-web Pod', () => {
    expect(Object.keys(out.files)).toEqual(['static-web.k8s.yaml']);
    expect(out.files['static-web.k8s.yaml'].map((d) => `${d.kind}/${d.metadata.name}`)).toEqual(['Pod/static-web']);
    expect(out.find('Pod').spec.containers[0]).toMatchObject({ name: 'web', image: 'nginx', ports: [{ name: 'web', containerPort: 80, protocol: 'TCP' }] });
  });
});

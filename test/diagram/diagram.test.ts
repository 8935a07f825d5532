import * as path from 'path';
import { ApiObject, Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { BlockStorageVolume, Cluster, GpuDeployment, GpuInstance, ImageRef, InfraStack, KeyPair, Network, NodeGroup, PlatformApp, WebApp } from '../../lib';
import { DiagramInput, platformDot, platformModel, readSynthesizedOutput, renderPlatformDiagram } from '../../lib/diagram';
import { synth, tmpdir } from '../helpers';
import { baseCluster } from '../infra/fixtures';
import { edgesOf, landingMap, svgTexts } from './helpers';

const examples = path.join(__dirname, '..', '..', 'examples');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const example = (name: string): ((app: PlatformApp) => unknown) => require(path.join(examples, name, 'main.ts')).build;

/**
 * Synthesizes `build`, reads the output back as the diagram does, and keeps the app for the construct tree and
 * the names of the objects that wait for infrastructure outputs (not written, so not drawn).
 */
function synthesized(build: (app: PlatformApp) => unknown, target?: string): { app: PlatformApp; input: DiagramInput; pending: string[] } {
  const saved = process.env.NKS_TARGET;
  if (target) process.env.NKS_TARGET = target;
  try {
    let app!: PlatformApp;
    const out = synth((a) => {
      app = a;
      build(a);
    });
    const pending = out.result.pendingObjects.map((p) => p.object.split('/').pop()!.split(' ').pop()!);
    return { app, input: readSynthesizedOutput({ outdir: out.outdir, k8sOutdir: out.k8sOutdir }), pending };
  } finally {
    if (saved === undefined) delete process.env.NKS_TARGET;
    else process.env.NKS_TARGET = saved;
  }
}

/** The names a person looks for, taken from the constructs (not from the output the diagram reads). */
function namesIn(app: PlatformApp): string[] {
  const infra = app.infra.node.findAll();
  const of = <T>(type: abstract new (...args: never[]) => T): T[] => infra.filter((c: IConstruct): c is IConstruct & T => c instanceof type) as T[];
  const names = [
    ...of(Network).map((n) => (n.network as { nameInput?: string }).nameInput!),
    ...of(Cluster).flatMap((c) => [c.name, c.defaultNodeGroup.name]),
    ...of(NodeGroup).map((g) => g.name),
    ...of(BlockStorageVolume).map((v) => v.name),
    ...of(GpuInstance).map((i) => i.name),
  ];
  const shown = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Pod', 'Service', 'Ingress', 'PersistentVolumeClaim', 'PersistentVolume']);
  for (const o of app.k8s.node.findAll().filter((c): c is ApiObject => c instanceof ApiObject)) if (shown.has(o.kind)) names.push(o.name);
  return names;
}

describe.each([['openstack'], ['nhncloud']])('the example platform on the %s target', (target) => {
  const { app, input, pending } = synthesized(example('platform'), target);
  let texts: string[];
  beforeAll(async () => {
    texts = svgTexts(await renderPlatformDiagram(input));
  });

  test('every network, cluster, node group, volume, instance, workload, Service and claim is drawn by name', () => {
    const names = namesIn(app).filter((n) => !pending.includes(n));
    expect(names.length).toBeGreaterThanOrEqual(8);
    for (const name of names) expect(texts.filter((t) => t.includes(name))).not.toEqual([]);
  });

  test('node groups show flavor and zone; the cluster its Kubernetes version', () => {
    const model = platformModel(input);
    const cluster = app.infra.node.findAll().find((c): c is Cluster => c instanceof Cluster)!;
    const drawn = model.infra.clusters[0];
    expect(drawn.kubernetesVersion).toBe(cluster.kubernetesVersion.tag);
    const byName = (rows: string[][]): string[][] => rows.sort((a, b) => a[0].localeCompare(b[0]));
    expect(byName(drawn.nodeGroups.map((g) => [g.name, g.zone!]))).toEqual(byName(cluster.placements.map((p) => [p.name, p.availabilityZone])));
    // Flavors by name, also where the nhncloud target looks them up through a data source.
    const flavors = [cluster.defaultNodes.flavor.name, ...cluster.nodeGroups.map((g) => g.spec.flavor.name)];
    expect(drawn.nodeGroups.map((g) => g.flavor).sort()).toEqual(flavors.sort());
    for (const g of drawn.nodeGroups) expect(texts.some((t) => t.startsWith(`${g.flavor} · `))).toBe(true);
    expect(texts.some((t) => t.includes(`Kubernetes ${cluster.kubernetesVersion.tag}`))).toBe(true);
  });
});

describe('where pods can land, from a synthesized program', () => {
  const { input } = synthesized((app) => {
    const infra = new InfraStack(app.infra, 'infra', { region: 'KR1' });
    const network = new Network(infra, 'vpc', { cidr: '192.168.0.0/24' });
    const cluster = new Cluster(infra, 'cluster', {
      name: 'land',
      network,
      image: ImageRef.fromId('11111111-2222-3333-4444-555555555555'),
      availabilityZone: 'kr-pub-a',
      keyPair: new KeyPair(infra, 'key', { publicKey: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBvS5i2jXwOCuUJbo6LH0IPv1yW1xE8c0yA4t5wZ1Hh3 test' }),
    });
    const workers = cluster.addNodeGroup('workers-b', { flavor: 'm2.c4m8', availabilityZone: 'kr-pub-b' });
    const gpus = cluster.addGpuNodeGroup('gpu', { flavor: 'g2.t4.c4m32', nodeCount: 2 });
    const chart = new Chart(app.k8s, 'apps');
    const image = 'nginx:1.27.0';
    new WebApp(chart, 'anywhere', { name: 'anywhere', image });
    new WebApp(chart, 'on-b', { name: 'on-b', image, placement: workers });
    new WebApp(chart, 'zone-a', { name: 'zone-a', image, nodeSelector: { 'topology.kubernetes.io/zone': 'kr-pub-a' } });
    new GpuDeployment(chart, 'trainer', { name: 'trainer', image: 'nvcr.io/nvidia/cuda:12.4.1-base-ubuntu22.04', gpus: 1, replicas: 1, placement: gpus });
    new GpuDeployment(chart, 'any-gpu', { name: 'any-gpu', image: 'nvcr.io/nvidia/cuda:12.4.1-base-ubuntu22.04', gpus: 1, replicas: 1 });
  });

  test('each workload has a dashed edge to exactly the node groups its selector, zone and GPUs allow', () => {
    expect(landingMap(platformModel(input))).toEqual({
      anywhere: ['default-worker', 'gpu', 'workers-b'],
      'on-b': ['workers-b'],
      'zone-a': ['default-worker', 'gpu'],
      trainer: ['gpu'],
      'any-gpu': ['gpu'],
    });
  });
});

/** Terraform JSON with one cluster: default group in kr-pub-a, `workers-b` in kr-pub-b, and a volume. */
function infraJson(): DiagramInput['terraform'] {
  const meta = { availability_zone: 'kr-pub-a', k8s_node_labels: 'node.nks-cdk.io/group=default-worker' };
  return {
    infra: {
      resource: {
        openstack_networking_network_v2: { net: { name: 'vpc' } },
        openstack_containerinfra_cluster_v1: { c: { name: 'hand', flavor: 'm2.c4m8', node_count: 1, labels: { ...meta, kube_tag: 'v1.33.4' }, fixed_network: '${openstack_networking_network_v2.net.id}' } },
        openstack_containerinfra_nodegroup_v1: {
          b: { name: 'workers-b', flavor_id: 'm2.c2m4', node_count: 2, cluster_id: '${openstack_containerinfra_cluster_v1.c.id}', labels: { availability_zone: 'kr-pub-b', k8s_node_labels: 'disk=ssd,node.nks-cdk.io/group=workers-b' } },
        },
        openstack_blockstorage_volume_v3: { vol: { name: 'pg-volume', size: 20, availability_zone: 'kr-pub-a' } },
      },
      output: { 'cross-stack-output-vol': { value: '${openstack_blockstorage_volume_v3.vol.id}' } },
    },
  };
}

function deployment(name: string, podSpec: Record<string, unknown>): Record<string, unknown> {
  return { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name }, spec: { replicas: 1, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image: 'nginx:1.27.0' }], ...podSpec } } } };
}

describe('where pods can land, from hand-written output', () => {
  test('node affinity (NotIn, Exists) and a selector no group matches', () => {
    const model = platformModel({
      terraform: infraJson(),
      manifests: [
        deployment('not-a', { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'topology.kubernetes.io/zone', operator: 'NotIn', values: ['kr-pub-a'] }] }] } } } }),
        deployment('ssd', { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'disk', operator: 'Exists' }] }] } } } }),
        deployment('nowhere', { nodeSelector: { disk: 'nvme' } }),
      ],
    });
    expect(landingMap(model)).toEqual({ 'not-a': ['workers-b'], ssd: ['workers-b'], nowhere: [] });
    expect(platformDot(model)).toContain('cannot land on default-worker, workers-b: nodes lack disk=nvme');
  });

  test('a claim bound to a volume in kr-pub-a keeps the pods off kr-pub-b, even where the selector points', () => {
    const pv = { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'pg' }, spec: { capacity: { storage: '20Gi' }, csi: { driver: 'cinder.csi.openstack.org', volumeHandle: '0f8e8f6a-1d3c-4b7e-9c1a-2b3c4d5e6f70' }, nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'topology.cinder.csi.openstack.org/zone', operator: 'In', values: ['kr-pub-a'] }] }] } } } };
    const pvc = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'pg' }, spec: { volumeName: 'pg', resources: { requests: { storage: '20Gi' } } } };
    const volumes = { volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'pg' } }] };
    const model = platformModel({ terraform: infraJson(), manifests: [pv, pvc, deployment('db', volumes), deployment('db-on-b', { ...volumes, nodeSelector: { disk: 'ssd' } })] });
    expect(landingMap(model)).toEqual({ db: ['default-worker'], 'db-on-b': [] });
    expect(platformDot(model)).toContain('volume of claim pg is in kr-pub-a; the group is in kr-pub-b');
    const edges = edgesOf(model);
    expect(edges).toContainEqual(expect.objectContaining({ from: 'k8s/Deployment/default/db', to: 'k8s/PersistentVolumeClaim/default/pg', label: 'mounts' }));
    expect(edges).toContainEqual(expect.objectContaining({ from: 'k8s/PersistentVolumeClaim/default/pg', to: 'k8s/PersistentVolume//pg', label: 'bound' }));
  });

  test('a workloads stack: its kubernetes_manifest objects are drawn, and a PV on a volume of the infrastructure stack is linked to it', () => {
    const pv = { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'pg' }, spec: { csi: { driver: 'cinder.csi.openstack.org', volumeHandle: '${data.terraform_remote_state.cross-stack-reference-input-infra.outputs.cross-stack-output-vol}' } } };
    const model = platformModel({
      terraform: { ...infraJson(), workloads: { resource: { kubernetes_manifest: { pv: { manifest: pv }, web: { manifest: deployment('web', {}) } } } } },
      manifests: [],
    });
    expect(model.kubernetes.workloads.map((w) => w.name)).toEqual(['web']);
    expect(model.kubernetes.persistentVolumes[0].volumeKey).toBe('infra/openstack_blockstorage_volume_v3.vol');
    // The volume's zone pins a claim bound to it, as the PV's own node affinity would.
    expect(edgesOf(model)).toContainEqual(expect.objectContaining({ from: 'k8s/PersistentVolume//pg', to: 'infra/openstack_blockstorage_volume_v3.vol' }));
  });
});

describe('traffic: load balancers, ingress routes and Services', () => {
  const { input } = synthesized(example('ingress-host'));
  const model = platformModel(input);
  const edges = edgesOf(model);
  const key = (kind: string, ns: string, name: string): string => `k8s/${kind}/${ns}/${name}`;
  const ingress = model.kubernetes.ingresses[0];

  test('the Internet reaches the controller through its load balancer, which selects the controller', () => {
    const lb = model.kubernetes.services.find((s) => s.type === 'LoadBalancer')!;
    expect(edges).toContainEqual(expect.objectContaining({ from: 'internet', to: lb.key }));
    expect(edges.filter((e) => e.from === lb.key).map((e) => e.to)).toEqual([key('Deployment', lb.namespace, 'ingress-nginx-controller')]);
  });

  test('the controller serves the Ingress class; each host route goes to its Service, which selects its pods', () => {
    expect(edges).toContainEqual(expect.objectContaining({ to: ingress.key, style: 'dotted', label: `serves class ${ingress.className}` }));
    for (const [host, svc, app] of [['tea.cafe.example.com', 'tea-svc', 'tea'], ['coffee.cafe.example.com', 'coffee-svc', 'coffee']]) {
      expect(edges).toContainEqual(expect.objectContaining({ from: ingress.key, to: key('Service', ingress.namespace, svc), label: expect.stringContaining(`${host}/`) }));
      expect(edges).toContainEqual(expect.objectContaining({ from: key('Service', ingress.namespace, svc), to: key('Deployment', ingress.namespace, app), label: 'selects' }));
    }
  });
});

describe('input and output', () => {
  test('the same output gives the same SVG', async () => {
    const { input } = synthesized(example('platform'));
    expect(await renderPlatformDiagram(input)).toBe(await renderPlatformDiagram(platformModel(input)));
  });

  test('an empty output directory is an error that says to synthesize first', () => {
    const dir = tmpdir();
    expect(() => readSynthesizedOutput({ outdir: path.join(dir, 'cdktf.out'), k8sOutdir: path.join(dir, 'dist') })).toThrow(/nothing synthesized .* run the program/);
  });

  test('names are escaped, not read as markup', () => {
    const dot = platformDot(platformModel({ terraform: {}, manifests: [deployment('a', {}), { apiVersion: 'v1', kind: 'Service', metadata: { name: 'x' }, spec: { type: 'ClusterIP', ports: [{ port: 80 }], selector: { app: 'a' } } }] }), { title: 'R&D <platform>' });
    expect(dot).toContain('R&amp;D &lt;platform&gt;');
  });
});

describe('GPUs per node of a flavor the GPU table does not list', () => {
  // The count exists only in the program (gpuCount, or the cloud profile on openstack): the node group resource
  // carries it in its "//" comment, and the diagram reads it from there instead of showing 'unknown' (or none).
  const drawnGroups = (build: (app: PlatformApp) => void, target?: string) => {
    const { input } = synthesized(build, target);
    const bodies = Object.values(input.terraform).flatMap((tf) => Object.values(tf.resource ?? {}).flatMap((byName) => Object.values(byName as Record<string, any>)));
    const model = platformModel(input);
    return { groups: model.infra.clusters.flatMap((c) => c.nodeGroups), bodies };
  };

  test('nhncloud: an unlisted g2 flavor with gpuCount 2 is drawn with 2 GPUs per node; a listed one writes no comment', () => {
    const { groups, bodies } = drawnGroups((app) => {
      const { cluster } = baseCluster(app);
      cluster.addGpuNodeGroup('big', { flavor: 'g2.a100.c8m64', gpuCount: 2, nodeCount: 1 });
      cluster.addGpuNodeGroup('small', { flavor: 'g2.t4.c4m32', nodeCount: 1 });
    });
    expect(groups.find((g) => g.name === 'big')?.gpusPerNode).toBe(2);
    expect(groups.find((g) => g.name === 'small')?.gpusPerNode).toBe(1);
    const comments = bodies.filter((b) => b['//']?.['nks-cdk']?.gpusPerNode !== undefined).map((b) => [b.name, b['//']['nks-cdk'].gpusPerNode]);
    expect(comments).toEqual([['big', 2]]);
  });

  test('openstack: a GPU flavor of the cloud profile is drawn with the GPUs the profile gives it', () => {
    const { groups } = drawnGroups(example('gpu'), 'openstack');
    const gpu = groups.filter((g) => g.gpusPerNode !== undefined);
    expect(gpu.map((g) => g.gpusPerNode)).toEqual([1]);
    expect(gpu[0].flavor).toBe('g1.t4.large');
  });
});

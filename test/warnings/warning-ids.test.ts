// Every warning id of lib/warnings.ts (WARNINGS) is given by some program, and printed with it: one row
// per id, each a small program whose synth prints `[warning] <id> <path>: ...`.
import * as fs from 'fs';
import * as path from 'path';
import { ApiObject, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import {
  BlockStorageVolume,
  Cluster,
  ClusterProps,
  EphemeralVolume,
  Gateway,
  GpuDeployment,
  Headlamp,
  ImageRef,
  Ingress,
  IngressBackend,
  InfraStack,
  KeyPair,
  KubernetesDashboard,
  LoadBalancerCertificate,
  Network,
  NginxGatewayFabric,
  NginxIngressController,
  NksAddon,
  PersistentVolume,
  PersistentVolumeClaim,
  PersistentVolumeSource,
  Platform,
  PlatformApp,
  RegistryCredentials,
  Service,
  StateBackend,
  StatefulSet,
  StaticPod,
  StorageClass,
  WARNINGS,
  WarningId,
  WebApp,
} from '../../lib';
import { assessChanges, diffTerraformConfigs } from '../../lib/checks/terraform-diff';
import { PlatformTemplate } from '../../lib/testing';
import { warningLine } from '../../lib/warnings';
import { tmpdir, withEnv } from '../helpers';
import { IMAGE_ID, OPENSTACK, PUBLIC_KEY, SERVICE_GATEWAYS } from '../infra/fixtures';

const VOLUME_ID = '0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b';
const KEY = { appKey: 'Ab12Cd34Ef56Gh78', keyId: '0123456789abcdef0123456789abcdef' };
const CERT = '-----BEGIN CERTIFICATE-----\nMIIDZTCCAk0CCQDVfXIZ2uxcCTANBgkq\n-----END CERTIFICATE-----';
const PEM_KEY = '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAz+U5VNZ8jTPs2Y4N\n-----END RSA PRIVATE KEY-----';

/** A stack with a cluster (nhncloud KR1 unless `stackProps` say otherwise); `build` adds what the row tests. */
function withCluster(build: (s: { app: PlatformApp; stack: InfraStack; cluster: Cluster; chart: Chart }) => void, clusterProps: Partial<ClusterProps> = {}, openstack = false) {
  return (app: PlatformApp) => {
    const stack = new InfraStack(app.infra, 'infra', openstack ? OPENSTACK : {});
    const cluster = new Cluster(stack, 'cluster', {
      name: 'c1',
      network: new Network(stack, 'vpc'),
      image: ImageRef.fromId(IMAGE_ID),
      availabilityZone: openstack ? 'nova' : 'kr-pub-a',
      keyPair: new KeyPair(stack, 'key', { publicKey: PUBLIC_KEY }),
      ...(openstack ? {} : { serviceGateways: SERVICE_GATEWAYS }),
      ...clusterProps,
    });
    build({ app, stack, cluster, chart: new Chart(app.k8s, 'apps') });
  };
}

const k8s = (build: (chart: Chart, app: PlatformApp) => void) => (app: PlatformApp) => build(new Chart(app.k8s, 'c'), app);

/** A program per id; `env` is set while it runs. */
const PROGRAMS: Partial<Record<WarningId, { build: (app: PlatformApp) => void; env?: Record<string, string> }>> = {
  'nks-cdk:claimSizeRounded': { build: k8s((c) => new PersistentVolumeClaim(c, 'claim', { storage: '1.5Gi', storageClass: new StorageClass(c, 'sc', { availabilityZone: 'kr-pub-a' }) })) },
  'nks-cdk:claimSelectorNoProvisioning': {
    build: k8s((c) => {
      const sc = new StorageClass(c, 'sc', { availabilityZone: 'kr-pub-a' });
      const pv = new PersistentVolume(c, 'pv', { source: PersistentVolumeSource.fromCinderVolumeId(VOLUME_ID), capacity: '10Gi', storageClass: sc, labels: { disk: 'a' } });
      pv.addClaim('claim', { storage: '10Gi', bindBy: 'labels' });
      new PersistentVolumeClaim(c, 'other', { storage: '10Gi', storageClass: sc, selector: { matchLabels: { disk: 'a' } } } as never);
    }),
  },
  'nks-cdk:volumesPerNodeLimit': {
    build: k8s((c) => {
      const sc = new StorageClass(c, 'sc', { availabilityZone: 'kr-pub-a' });
      new StatefulSet(c, 'web', { image: 'nginx:1.27', ports: [{ name: 'web', number: 80 }], replicas: 130, volumeClaimTemplates: ['a', 'b'].map((name) => ({ name, mountPath: `/${name}`, storage: '10Gi', storageClass: sc })) });
    }),
  },
  'nks-cdk:singleNodeClaimReplicas': { build: k8s((c) => new WebApp(c, 'web', { image: 'nginx:1.27', replicas: 3 }).mount('/data', new PersistentVolumeClaim(c, 'claim', { storage: '1Gi' }))) },
  'nks-cdk:gpuShortfall': {
    build: withCluster(({ cluster, chart }) => {
      const gpu = cluster.addGpuNodeGroup('gpu', { flavor: 'g2.t4.c4m32', nodeCount: 1 });
      new GpuDeployment(chart, 'infer', { image: 'nvcr.io/nvidia/tritonserver:24.08-py3', replicas: 2, gpus: 1, placement: gpu });
    }),
  },
  'nks-cdk:plaintextTlsKey': {
    env: { TEST_LB_CERT: CERT, TEST_LB_KEY: PEM_KEY },
    build: k8s((c) => {
      const certificate = LoadBalancerCertificate.fromEnvironment({ certificateEnv: 'TEST_LB_CERT', privateKeyEnv: 'TEST_LB_KEY' });
      new Service(c, 'svc', { type: 'LoadBalancer', ports: [443], loadBalancer: { listeners: [{ port: 443, listenerProtocol: 'TERMINATED_HTTPS', terminatedHttps: { certificate } }] } });
    }),
  },
  'nks-cdk:ngfImagesUnpinned': { build: k8s((c) => new NginxGatewayFabric(c, 'ngf', { loadBalancer: { internal: true } })) },
  'nks-cdk:storageClassNoZone': { build: k8s((c) => new StorageClass(c, 'sc', { name: 'sc-default' })) },
  'nks-cdk:multipleDefaultStorageClasses': {
    build: k8s((c) => {
      new StorageClass(c, 'hdd', { name: 'sc-hdd', isDefault: true, availabilityZone: 'kr-pub-a' });
      new StorageClass(c, 'ssd', { name: 'sc-ssd', isDefault: true, volumeType: 'General SSD', availabilityZone: 'kr-pub-a' });
    }),
  },
  'nks-cdk:emptyDirMemoryUnbounded': { build: k8s((c) => new WebApp(c, 'web', { image: 'nginx:1.27' }).mount('/cache', EphemeralVolume.emptyDir(c, 'cache', { medium: 'Memory' }))) },
  'nks-cdk:staticPodChartShared': {
    build: k8s((c) => {
      new StaticPod(c, 'pod', { name: 'static-web', containerName: 'web', image: 'nginx:1.27' });
      new kplus.ConfigMap(c, 'cm', { data: { a: 'b' } });
    }),
  },
  'nks-cdk:registryPasswordInManifests': {
    env: { NKS_TEST_REGISTRY_PASSWORD: 's3cret-password' },
    build: k8s((c) => new RegistryCredentials(c, 'creds', { server: 'example-kr1-registry.container.nhncloud.com', username: 'user@example.com', passwordEnv: 'NKS_TEST_REGISTRY_PASSWORD' })),
  },
  'nks-cdk:noRollbackHistory': { build: k8s((c) => new WebApp(c, 'web', { image: 'nginx:1.27', revisionHistoryLimit: 0 })) },
  'nks-cdk:dashboardPublic': { build: k8s((c) => new KubernetesDashboard(c, 'dashboard').exposeViaLoadBalancer()) },
  'nks-cdk:clusterAdminToken': { build: (app) => new Headlamp(new Chart(app.k8s, 'h', { namespace: 'kube-system' }), 'headlamp').addAccessToken('admin', { clusterAdmin: true }) },
  'nks-cdk:httpRouteAnnotationsDropped': { build: k8s((c) => ingressToRoutes(c, { annotations: { 'nginx.ingress.kubernetes.io/rewrite-target': '/' } })) },
  'nks-cdk:httpRouteTlsDropped': { build: k8s((c) => ingressToRoutes(c, { tls: [{ secretName: 'cafe-tls' }] })) },
  'nks-cdk:httpRoutePathsLoosened': { build: k8s((c) => ingressToRoutes(c, { pathType: 'ImplementationSpecific' })) },
  'nks-cdk:ingressClassUnserved': { build: k8s((c) => new Ingress(c, 'ing', { ingressClass: 'traefik', rules: [{ paths: [{ backend: IngressBackend.fromServiceName('web', 80) }] }] })) },
  'nks-cdk:sslPassthroughUnchecked': { build: k8s((c) => new Ingress(c, 'ing', { ingressClass: 'nginx', annotations: { 'nginx.ingress.kubernetes.io/ssl-passthrough': 'true' }, rules: [{ host: 'a.example.com', paths: [{ backend: IngressBackend.fromServiceName('x', 443) }] }] })) },
  'nks-cdk:sslPassthroughWithoutHost': {
    build: k8s((c) => {
      const controller = new NginxIngressController(c, 'ingress', { sslPassthrough: true });
      new Ingress(c, 'ing', { ingressClass: controller, annotations: { 'nginx.ingress.kubernetes.io/ssl-passthrough': 'true' }, rules: [{ paths: [{ backend: IngressBackend.fromServiceName('x', 443) }] }] });
    }),
  },
  'nks-cdk:recycleReclaimPolicy': { build: k8s((c) => new PersistentVolume(c, 'pv', { source: PersistentVolumeSource.fromNfs({ server: 'nfs.example.com', path: '/export' }), capacity: '5Gi', reclaimPolicy: 'Recycle' })) },
  'nks-cdk:deleteReclaimPolicy': {
    build: (app) => {
      const volume = new BlockStorageVolume(new InfraStack(app.infra, 'infra'), 'data', { sizeGb: 20, availabilityZone: 'kr-pub-a' });
      new PersistentVolume(new Chart(app.k8s, 'web'), 'pv', { source: PersistentVolumeSource.fromBlockStorageVolume(volume, { volumeId: VOLUME_ID }), reclaimPolicy: 'Delete' });
    },
  },
  'nks-cdk:hostPathVolume': { build: k8s((c) => new PersistentVolume(c, 'pv', { source: PersistentVolumeSource.fromHostPath({ path: '/tmp/k8s-pv' }), capacity: '2Gi', storageClass: 'manual' })) },
  'nks-cdk:headlampRouted': {
    build: (app) => ((c: Chart) => new Headlamp(c, 'headlamp').exposeViaRoute({ gateway: new Gateway(c, 'gw', { name: 'gw', gatewayClass: 'nginx', listeners: [{ name: 'http' }] }), hostname: 'headlamp.example.com' }))(new Chart(app.k8s, 'h', { namespace: 'kube-system' })),
  },
  'nks-cdk:zoneWithoutNodes': { build: withCluster(({ stack }) => new BlockStorageVolume(stack, 'data', { sizeGb: 20, availabilityZone: 'kr-pub-b' })) },
  'nks-cdk:loadBalancerSubnetUnverified': {
    build: withCluster(({ chart }) =>
      new ApiObject(chart, 'lb', {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'lb', annotations: { 'loadbalancer.openstack.org/subnet-id': '99999999-2222-3333-4444-666666666666' } },
        spec: { type: 'LoadBalancer', selector: { app: 'x' }, ports: [{ port: 80 }] },
      }),
    ),
  },
  'nks-cdk:privateEndpointDeploy': {
    build: (app) => {
      const platform = new Platform(app, OPENSTACK);
      const cluster = new Cluster(platform.infra, 'cluster', { name: 'c1', network: new Network(platform.infra, 'vpc'), image: ImageRef.fromId(IMAGE_ID), availabilityZone: 'nova', keyPair: new KeyPair(platform.infra, 'key', { publicKey: PUBLIC_KEY }) });
      new kplus.ConfigMap(new Chart(app.k8s, 'web'), 'cm', { data: { a: 'b' } });
      platform.deployWorkloadsTo(cluster);
    },
  },
  'nks-cdk:generatedKeyPair': { build: (app) => new KeyPair(new InfraStack(app.infra, 'infra', OPENSTACK), 'key') },
  'nks-cdk:encryptionKeyIgnored': { build: withCluster(() => undefined, { bootVolume: { type: 'fast-ssd', encryptionKey: KEY } }, true) },
  'nks-cdk:ignoredProp': { build: (app) => new Network(new InfraStack(app.infra, 'infra', OPENSTACK), 'vpc', { vpcCidr: '192.168.0.0/16' }) },
  'nks-cdk:kubernetesEndOfService': { build: withCluster(() => undefined, { kubernetesVersion: 'v1.31.4' }) },
  'nks-cdk:resizeOverQuota': { build: withCluster(() => undefined, { resizeTo: 12 }) },
  'nks-cdk:gpuTaintConsoleOnly': { build: withCluster(({ cluster }) => void cluster.addGpuNodeGroup('gpu', { flavor: 'g2.t4.c4m32', nodeCount: 1, taint: { key: 'nvidia.com/gpu', effect: 'NoSchedule' } })) },
  'nks-cdk:addonVersionUnlisted': { build: withCluster(() => undefined, { addons: [NksAddon.calico({ version: 'v9.9.9-nks1' }), NksAddon.coreDns()] }) },
  'nks-cdk:noInternetRoute': {
    build: (app) => {
      const stack = new InfraStack(app.infra, 'infra');
      new Cluster(stack, 'cluster', { name: 'c1', network: new Network(stack, 'vpc'), image: ImageRef.fromId(IMAGE_ID), availabilityZone: 'kr-pub-a', keyPair: new KeyPair(stack, 'key', { publicKey: PUBLIC_KEY }) });
    },
  },
  'nks-cdk:internetRouteUnknown': {
    build: (app) => {
      const stack = new InfraStack(app.infra, 'infra');
      const network = Network.fromExisting(stack, 'vpc', { networkId: '11111111-2222-3333-4444-555555555555', subnetId: '11111111-2222-3333-4444-666666666666' });
      new Cluster(stack, 'cluster', { name: 'c1', network, image: ImageRef.fromId(IMAGE_ID), availabilityZone: 'kr-pub-a', keyPair: new KeyPair(stack, 'key', { publicKey: PUBLIC_KEY }) });
    },
  },
  'nks-cdk:nodeLabelsUnconfirmed': {
    build: withCluster(({ cluster, chart }) => {
      const group = cluster.addNodeGroup('web', { flavor: 'm2.c4m8', nodeCount: 2 });
      new WebApp(chart, 'web', { image: 'nginx:1.27', placement: group });
    }),
  },
  'nks-cdk:stateLockUnconfirmed': {
    build: (app) => {
      const p = new Platform(app, { region: 'KR1', backend: StateBackend.objectStorage({ bucket: 'nks-terraform-state', endpoint: 'https://object-storage.example.nhncloud.test' }) });
      new KeyPair(p.infra, 'key', { publicKey: PUBLIC_KEY });
    },
  },
};

function ingressToRoutes(chart: Chart, opts: { annotations?: Record<string, string>; tls?: { secretName: string }[]; pathType?: 'ImplementationSpecific' }) {
  const tea = new Service(chart, 'tea', { name: 'tea-svc', ports: [80] });
  const ingress = new Ingress(chart, 'ing', {
    name: 'cafe',
    ingressClass: 'nginx',
    annotations: opts.annotations,
    tls: opts.tls,
    rules: [{ paths: [{ path: '/tea', pathType: opts.pathType ?? 'Prefix', backend: IngressBackend.fromService(tea) }] }],
  });
  ingress.toHttpRoutes(chart, { gateway: new Gateway(chart, 'gw', { name: 'cafe-gateway', gatewayClass: 'nginx', listeners: [{ name: 'http' }] }) });
}


/** What synth prints, across two synths into the same directories (`between` runs before the second). */
function synthTwice(first: (app: PlatformApp) => void, second: (app: PlatformApp) => void, between: (dirs: { outdir: string; k8sOutdir: string }) => void = () => undefined): string[] {
  const dir = tmpdir();
  const dirs = { outdir: path.join(dir, 'cdktf.out'), k8sOutdir: path.join(dir, 'dist') };
  const one = new PlatformApp({ ...dirs, log: () => undefined });
  first(one);
  one.synth();
  between(dirs);
  const log: string[] = [];
  const two = new PlatformApp({ ...dirs, log: (l) => log.push(l) });
  second(two);
  two.synth();
  return log;
}

// The ids synth gives about the output directories, found by synthesizing twice.
const SYNTH_PROGRAMS: Partial<Record<WarningId, () => string[]>> = {
  'nks-cdk:resourceReplaced': () =>
    synthTwice(
      withCluster(() => undefined),
      withCluster(() => undefined, { flavor: 'm2.c8m16' }),
    ),
  // nks-cdk's own output never updates an nhncloud cluster in place (it ignores node_count), so this row
  // compares two outputs by hand: the node count of a cluster written without ignore_changes.
  'nks-cdk:updateUnsupported': () => {
    const tf = (nodeCount: number) => ({
      terraform: { required_providers: { nhncloud: { source: 'nhn-cloud/nhncloud', version: '1.0.7' } } },
      resource: { nhncloud_kubernetes_cluster_v1: { c: { '//': { metadata: { path: 'infra/cluster/cluster', uniqueId: 'cluster' } }, name: 'c', cluster_template_id: 'iaas_console', flavor_id: 'f1', keypair: 'k', node_count: nodeCount } } },
    });
    const { changes } = diffTerraformConfigs(tf(2), tf(3), { stack: 'infra' });
    const { warnings } = assessChanges({ stacks: [{ stack: 'infra', removed: false, changes }] });
    return warnings.map((w) => warningLine(w));
  },
  'nks-cdk:previousOutputUnreadable': () =>
    synthTwice(
      withCluster(() => undefined),
      withCluster(() => undefined),
      ({ outdir }) => fs.writeFileSync(path.join(outdir, 'stacks', 'infra', 'cdk.tf.json'), '{ not json'),
    ),
  'nks-cdk:strayManifest': () =>
    synthTwice(
      k8s((c) => void new kplus.ConfigMap(c, 'cm', { data: { a: 'b' } })),
      k8s((c) => void new kplus.ConfigMap(c, 'cm', { data: { a: 'b' } })),
      ({ k8sOutdir }) => fs.writeFileSync(path.join(k8sOutdir, 'old.k8s.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: old\n'),
    ),
};

const printedIds = (log: readonly string[]) => log.flatMap((l) => /^\[warning\] (nks-cdk:[A-Za-z]+) /.exec(l)?.[1] ?? []);

describe('every warning id is given by some program', () => {
  test('every id of WARNINGS has a row, and no row names an id WARNINGS lacks', () => {
    const rows = [...Object.keys(PROGRAMS), ...Object.keys(SYNTH_PROGRAMS)].sort();
    expect(rows).toEqual(Object.keys(WARNINGS).sort());
  });

  test.each(Object.entries(PROGRAMS))('%s', (id, row) => {
    // Policies off: a construct warning that a policy rule reports instead (nks-cdk:generatedKeyPair) prints itself.
    const template = withEnv(row!.env ?? {}, () => PlatformTemplate.synth(row!.build, { policies: false }));
    expect(template.warningIds()).toContain(id);
    template.hasWarning(id);
  });

  test.each(Object.entries(SYNTH_PROGRAMS))('%s (synth against the previous output)', (id, run) => {
    expect(printedIds(run!())).toContain(id);
  });
});

test('README ("Errors and warnings") lists every warning id with its description', () => {
  const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
  const listed = [...readme.matchAll(/^\| `(nks-cdk:[A-Za-z]+)` \| (.+?) \|$/gm)].map((m) => m[1]);
  expect(listed).toEqual(Object.keys(WARNINGS));
  for (const [id, info] of Object.entries(WARNINGS)) expect(readme).toContain(`| \`${id}\` | ${info.description}`);
});

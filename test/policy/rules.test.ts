// Every rule fires on bad input (rule id, level, construct path, field) and stays quiet on good input.
import { NKS_RULES } from '../../lib';
import { PLAINTEXT_SECRET_ANNOTATION } from '../../lib/model/secret-annotations';
import { unpinnedImageProblem } from '../../lib/policy/rules-workloads';
import { findingsOf, GOOD_CONTAINER, Json, pod, raw, workload } from './util';

const SHA = `sha256:${'a'.repeat(64)}`;
const DASHBOARD = { 'k8s-app': 'kubernetes-dashboard' };

function lbService(spec: Json, annotations?: Record<string, string>, name = 'dash'): Json {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'kube-system', ...(annotations ? { annotations } : {}) }, spec: { type: 'LoadBalancer', ports: [{ port: 443 }], ...spec } };
}

function ingressTo(service: string, annotations: Record<string, string> = {}): Json {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'i', namespace: 'kube-system', annotations },
    spec: { rules: [{ http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: service, port: { number: 443 } } } }] } }] },
  };
}

function binding(kind: string, roleName: string, subjects: Json[], roleKind = 'ClusterRole'): Json {
  return { apiVersion: 'rbac.authorization.k8s.io/v1', kind, metadata: { name: 'b', namespace: 'ns' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: roleKind, name: roleName }, subjects };
}

const SA = { kind: 'ServiceAccount', name: 'app', namespace: 'ns' };
const KEEP = { labels: { 'nks-cdk.io/keep-data': 'true' } };

function storageClass(name: string, extra: Json = {}, meta: Json = {}): Json {
  return { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name, ...meta }, provisioner: 'cinder.csi.openstack.org', ...extra };
}

function claim(spec: Json, meta: Json = KEEP): Json {
  return { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data', ...meta }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, ...spec } };
}

function pv(policy: string | undefined, meta: Json = KEEP): Json {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name: 'pv', ...meta },
    spec: { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: '/data' }, ...(policy ? { persistentVolumeReclaimPolicy: policy } : {}) },
  };
}

/** [case, rule, objects (the last one is `c/x`, others `c/o0`, ...), expected field of the finding on c/x, or undefined when quiet]. */
type Case = [string, string, Json[], string | undefined];

const CASES: Case[] = [
  // NKS-IMG-1
  ['untagged image', 'NKS-IMG-1', [pod([{ ...GOOD_CONTAINER, image: 'nginx' }])], 'spec.containers[0].image'],
  ['latest tag', 'NKS-IMG-1', [pod([{ ...GOOD_CONTAINER, image: 'nginx:latest' }])], 'spec.containers[0].image'],
  ['registry port is not a tag', 'NKS-IMG-1', [pod([{ ...GOOD_CONTAINER, image: 'registry.local:5000/team/app' }])], 'spec.containers[0].image'],
  ['untagged init container of a Deployment', 'NKS-IMG-1', [{ ...workload('Deployment', [GOOD_CONTAINER]), spec: { ...workload('Deployment', []).spec, template: { metadata: { labels: { app: 'w' } }, spec: { initContainers: [{ name: 'init', image: 'busybox' }], containers: [GOOD_CONTAINER] } } } }], 'spec.template.spec.initContainers[0].image'],
  ['CronJob image', 'NKS-IMG-1', [{ apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'cj' }, spec: { schedule: '* * * * *', jobTemplate: { spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox:latest' }] } } } } } }], 'spec.jobTemplate.spec.template.spec.containers[0].image'],
  ['version tag', 'NKS-IMG-1', [pod([GOOD_CONTAINER])], undefined],
  ['tag after a registry port', 'NKS-IMG-1', [pod([{ ...GOOD_CONTAINER, image: 'registry.local:5000/team/app:2.1' }])], undefined],
  ['digest', 'NKS-IMG-1', [pod([{ ...GOOD_CONTAINER, image: `nginx@${SHA}` }])], undefined],
  ['latest pinned by digest', 'NKS-IMG-1', [pod([{ ...GOOD_CONTAINER, image: `nginx:latest@${SHA}` }])], undefined],
  // NKS-RES-1
  ['no resources', 'NKS-RES-1', [pod([{ ...GOOD_CONTAINER, resources: undefined }])], 'spec.containers[0].resources'],
  ['cpu only', 'NKS-RES-1', [workload('StatefulSet', [{ ...GOOD_CONTAINER, resources: { requests: { cpu: '1' } } }])], 'spec.template.spec.containers[0].resources'],
  ['requests set', 'NKS-RES-1', [pod([GOOD_CONTAINER])], undefined],
  ['limits only (they become the requests)', 'NKS-RES-1', [pod([{ ...GOOD_CONTAINER, resources: { limits: { cpu: '1', memory: '1Gi' } } }])], undefined],
  // NKS-PROBE-1
  ['Deployment without probes', 'NKS-PROBE-1', [workload('Deployment', [{ ...GOOD_CONTAINER, readinessProbe: undefined }])], 'spec.template.spec.containers[0]'],
  ['StatefulSet without probes', 'NKS-PROBE-1', [workload('StatefulSet', [{ ...GOOD_CONTAINER, readinessProbe: undefined }])], 'spec.template.spec.containers[0]'],
  ['DaemonSet without probes', 'NKS-PROBE-1', [workload('DaemonSet', [{ ...GOOD_CONTAINER, readinessProbe: undefined }])], 'spec.template.spec.containers[0]'],
  ['readiness probe', 'NKS-PROBE-1', [workload('Deployment', [GOOD_CONTAINER])], undefined],
  ['liveness probe', 'NKS-PROBE-1', [workload('Deployment', [{ ...GOOD_CONTAINER, readinessProbe: undefined, livenessProbe: { tcpSocket: { port: 80 } } }])], undefined],
  ['a bare Pod needs none', 'NKS-PROBE-1', [pod([{ ...GOOD_CONTAINER, readinessProbe: undefined }])], undefined],
  // NKS-RBAC-1
  ['ClusterRoleBinding to cluster-admin', 'NKS-RBAC-1', [binding('ClusterRoleBinding', 'cluster-admin', [SA])], 'roleRef.name'],
  ['RoleBinding to ClusterRole cluster-admin', 'NKS-RBAC-1', [binding('RoleBinding', 'cluster-admin', [SA])], 'roleRef.name'],
  ['binding to view', 'NKS-RBAC-1', [binding('ClusterRoleBinding', 'view', [SA])], undefined],
  ['a namespaced Role that happens to be called cluster-admin', 'NKS-RBAC-1', [binding('RoleBinding', 'cluster-admin', [SA], 'Role')], undefined],
  // NKS-RBAC-2
  ['binding to all authenticated', 'NKS-RBAC-2', [binding('ClusterRoleBinding', 'view', [SA, { kind: 'Group', name: 'system:authenticated', apiGroup: 'rbac.authorization.k8s.io' }])], 'subjects[1].name'],
  ['binding to anonymous', 'NKS-RBAC-2', [binding('RoleBinding', 'edit', [{ kind: 'User', name: 'system:anonymous', apiGroup: 'rbac.authorization.k8s.io' }])], 'subjects[0].name'],
  ['binding to a service account', 'NKS-RBAC-2', [binding('ClusterRoleBinding', 'view', [SA])], undefined],
  // NKS-LB-1
  ['dashboard on an open LoadBalancer', 'NKS-LB-1', [lbService({ selector: DASHBOARD })], 'spec.type'],
  ['dashboard open to 0.0.0.0/0', 'NKS-LB-1', [lbService({ selector: DASHBOARD, loadBalancerSourceRanges: ['10.0.0.0/8', '0.0.0.0/0'] })], 'spec.type'],
  ['NKS\'s own dashboard Service patched to LoadBalancer', 'NKS-LB-1', [lbService({ selector: { app: 'x' } }, undefined, 'kubernetes-dashboard')], 'spec.type'],
  ['dashboard 7.x by its part-of label', 'NKS-LB-1', [lbService({ selector: { 'app.kubernetes.io/part-of': 'kubernetes-dashboard', 'app.kubernetes.io/name': 'kong' } })], 'spec.type'],
  ['Ingress to the dashboard', 'NKS-LB-1', [ingressTo('kubernetes-dashboard')], 'spec.rules[0].http.paths[0].backend.service.name'],
  ['passthrough Ingress: the allowlist does not apply', 'NKS-LB-1', [ingressTo('kubernetes-dashboard', { 'nginx.ingress.kubernetes.io/ssl-passthrough': 'true', 'nginx.ingress.kubernetes.io/whitelist-source-range': '10.0.0.0/8' })], 'spec.rules[0].http.paths[0].backend.service.name'],
  ['dashboard on an internal load balancer', 'NKS-LB-1', [lbService({ selector: DASHBOARD }, { 'service.beta.kubernetes.io/openstack-internal-load-balancer': 'true' })], undefined],
  ['dashboard restricted by source ranges', 'NKS-LB-1', [lbService({ selector: DASHBOARD, loadBalancerSourceRanges: ['203.0.113.0/24'] })], undefined],
  ['dashboard restricted by the source-ranges annotation', 'NKS-LB-1', [lbService({ selector: DASHBOARD }, { 'service.beta.kubernetes.io/load-balancer-source-ranges': '203.0.113.0/24' })], undefined],
  ['dashboard on a ClusterIP Service', 'NKS-LB-1', [lbService({ selector: DASHBOARD, type: 'ClusterIP' })], undefined],
  ['another app on a public LoadBalancer', 'NKS-LB-1', [lbService({ selector: { app: 'web' } }, undefined, 'web')], undefined],
  ['Ingress to the dashboard behind an allowlist', 'NKS-LB-1', [ingressTo('kubernetes-dashboard', { 'nginx.ingress.kubernetes.io/whitelist-source-range': '10.0.0.0/8' })], undefined],
  // NKS-SEC-1 / NKS-SEC-2
  ['Secret data', 'NKS-SEC-1', [{ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { password: 'aHVudGVyMg==' } }], 'data'],
  ['Secret stringData', 'NKS-SEC-1', [{ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, stringData: { token: 'x' } }], 'stringData'],
  ['password as a literal env value', 'NKS-SEC-1', [pod([{ ...GOOD_CONTAINER, env: [{ name: 'DB_PASSWORD', value: 'hunter2' }] }])], 'spec.containers[0].env[0].value'],
  ['private key in an annotation', 'NKS-SEC-1', [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm', annotations: { note: '-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----' } } }], 'metadata.annotations.note'],
  ['token Secret the cluster fills', 'NKS-SEC-1', [{ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', annotations: { 'kubernetes.io/service-account.name': 'a' } }, type: 'kubernetes.io/service-account-token' }], undefined],
  ['env from a Secret', 'NKS-SEC-1', [pod([{ ...GOOD_CONTAINER, env: [{ name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } }] }])], undefined],
  ['opted-in Secret is no error', 'NKS-SEC-1', [{ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', annotations: { [PLAINTEXT_SECRET_ANNOTATION]: 'RegistryCredentials' } }, data: { '.dockerconfigjson': 'e30=' }, type: 'kubernetes.io/dockerconfigjson' }], undefined],
  ['opted-in Secret is a warning', 'NKS-SEC-2', [{ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', annotations: { [PLAINTEXT_SECRET_ANNOTATION]: 'RegistryCredentials' } }, data: { '.dockerconfigjson': 'e30=' }, type: 'kubernetes.io/dockerconfigjson' }], 'data'],
  ['no secret, no opt-in warning', 'NKS-SEC-2', [pod([GOOD_CONTAINER])], undefined],
  ['password flag in args, by content', 'NKS-SEC-1', [pod([{ ...GOOD_CONTAINER, args: ['--password', 's3cr3t-pw'] }])], 'spec.containers[0].args[1]'],
  ['AWS secret key in ConfigMap data, by content', 'NKS-SEC-1', [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' }, data: { AWS_SECRET_ACCESS_KEY: 'k9Vq2mJrT8wXbN4cLs7pYe1uHd6fGa3ZoRiQ5tWv' } }], 'data.AWS_SECRET_ACCESS_KEY'],
  ['args like --port=80 and a password from the environment', 'NKS-SEC-1', [pod([{ ...GOOD_CONTAINER, args: ['--port=80', '--password=$(DB_PASSWORD)'] }])], undefined],
  // NKS-VOL-1
  ['kept PV reclaimed with Delete', 'NKS-VOL-1', [pv('Delete')], 'spec.persistentVolumeReclaimPolicy'],
  ['kept StorageClass with the default reclaim (Delete)', 'NKS-VOL-1', [storageClass('keep', {}, KEEP)], 'reclaimPolicy'],
  ['kept claim of a Delete class', 'NKS-VOL-1', [storageClass('fast', { reclaimPolicy: 'Delete' }), claim({ storageClassName: 'fast' })], 'spec.storageClassName'],
  ['kept claim of the default class', 'NKS-VOL-1', [storageClass('std', {}, { annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } }), claim({})], 'spec.storageClassName'],
  ['kept claim bound to a Delete PV', 'NKS-VOL-1', [pv('Delete', {}), claim({ volumeName: 'pv', storageClassName: '' })], 'spec.volumeName'],
  ['kept claim template of a StatefulSet', 'NKS-VOL-1', [storageClass('fast'), { ...workload('StatefulSet', [GOOD_CONTAINER]), spec: { ...workload('StatefulSet', [GOOD_CONTAINER]).spec, serviceName: 'w', volumeClaimTemplates: [{ metadata: { name: 'data', ...KEEP }, spec: { storageClassName: 'fast', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }] } }], 'spec.volumeClaimTemplates[0].spec.storageClassName'],
  ['kept PV reclaimed with Retain', 'NKS-VOL-1', [pv('Retain')], undefined],
  ['kept static PV with the default (Retain)', 'NKS-VOL-1', [pv(undefined)], undefined],
  ['unmarked PV reclaimed with Delete', 'NKS-VOL-1', [pv('Delete', {})], undefined],
  ['kept claim of a Retain class', 'NKS-VOL-1', [storageClass('keep', { reclaimPolicy: 'Retain' }), claim({ storageClassName: 'keep' })], undefined],
  ['kept claim of a class not in the program', 'NKS-VOL-1', [claim({ storageClassName: 'elsewhere' })], undefined],
];

describe.each(CASES)('%s', (_name, ruleId, objects, field) => {
  const findings = findingsOf((chart) => objects.forEach((o, i) => raw(chart, o, i === objects.length - 1 ? 'x' : `o${i}`)));
  const ofRule = findings.filter((f) => f.ruleId === ruleId);
  const level = NKS_RULES.find((r) => r.id === ruleId)!.level;
  if (field === undefined) {
    test(`${ruleId} stays quiet`, () => expect(ofRule).toEqual([]));
  } else {
    test(`${ruleId} fires (${level}) at c/x ${field}`, () => {
      expect(ofRule).toEqual([expect.objectContaining({ ruleId, level, path: 'c/x', field, message: expect.any(String), fix: expect.any(String) })]);
      expect(ofRule[0].suppressed).toBeUndefined();
    });
  }
});

test('the env finding names the variable and container, never the value', () => {
  const [f] = findingsOf((chart) => raw(chart, pod([{ ...GOOD_CONTAINER, env: [{ name: 'API_TOKEN', value: 'sekr1t-value' }] }]))).filter((x) => x.ruleId === 'NKS-SEC-1');
  expect(f.message).toContain('API_TOKEN');
  expect(f.message).toContain('web');
  expect(JSON.stringify(f)).not.toContain('sekr1t-value');
});

test('messages say what was found', () => {
  expect(unpinnedImageProblem('nginx')).toContain('no tag');
  expect(unpinnedImageProblem('nginx:latest')).toContain('"latest"');
  expect(unpinnedImageProblem('nginx@sha1:abc')).toContain('digest');
  expect(unpinnedImageProblem('nginx:1.27')).toBeUndefined();
});

test('every default rule has an id, a level, an explanation and a fix, and checks something', () => {
  expect(new Set(NKS_RULES.map((r) => r.id)).size).toBe(NKS_RULES.length);
  for (const rule of NKS_RULES) {
    expect(rule).toMatchObject({ id: expect.stringMatching(/^NKS-[A-Z]+-\d+$/), level: expect.stringMatching(/^(error|warning)$/), explanation: expect.any(String), fix: expect.any(String) });
    expect(rule.checkManifest ?? rule.checkTerraform).toBeInstanceOf(Function);
  }
});

import { ApiObject, Cron, JsonPatch, Size, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { checkManifest, checkManifests, formatManifestIssues, ManifestIssue } from '../../lib/checks/kubernetes-schema';
import { compareQuantities, parseQuantity } from '../../lib/checks/kubernetes-formats';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = Record<string, any>;

/** `rule@path` of each issue: compact to assert on. */
function found(issues: readonly ManifestIssue[]): string[] {
  return issues.map((i) => `${i.rule}@${i.path}`);
}

function check(doc: unknown): string[] {
  return found(checkManifest(doc));
}

function deployment(): Doc {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          containers: [
            {
              name: 'nginx',
              image: 'nginx:1.27',
              ports: [{ containerPort: 80, name: 'http' }],
              resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '1', memory: '256Mi' } },
            },
          ],
        },
      },
    },
  };
}

function container(doc: Doc): Doc {
  return doc.spec.template.spec.containers[0];
}

function service(): Doc {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web', namespace: 'default' },
    spec: { type: 'ClusterIP', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'http' }] },
  };
}

function job(): Doc {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'migrate' },
    spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'm', image: 'busybox' }] } } },
  };
}

describe('real cdk8s-plus-28 output', () => {
  test('a Deployment with an nginx container and exposeViaService() has no issues', () => {
    const chart = Testing.chart();
    const deploy = new kplus.Deployment(chart, 'web', { containers: [{ image: 'nginx', portNumber: 80 }] });
    deploy.exposeViaService();
    const docs = Testing.synth(chart);
    expect(docs.map((d) => d.kind)).toEqual(['Deployment', 'Service']);
    // cdk8s-plus adds securityContext, resources, a startup probe and a cdk8s.io/metadata.addr label.
    expect(docs[0].spec.template.spec.containers[0].startupProbe).toBeDefined();
    expect(checkManifests(docs)).toEqual([]);
  });

  test('many cdk8s-plus and L1 constructs synthesize without issues', () => {
    const chart = Testing.chart();
    const cm = new kplus.ConfigMap(chart, 'cm', { data: { 'app.conf': 'x=1' } });
    const secret = new kplus.Secret(chart, 'secret', { stringData: { password: 'p' } });
    const sa = new kplus.ServiceAccount(chart, 'sa');
    const pvc = new kplus.PersistentVolumeClaim(chart, 'pvc', { storage: Size.gibibytes(10), accessModes: [kplus.PersistentVolumeAccessMode.READ_WRITE_ONCE] });
    const sts = new kplus.StatefulSet(chart, 'db', {
      containers: [{ image: 'postgres', portNumber: 5432, envFrom: [kplus.Env.fromConfigMap(cm)], volumeMounts: [{ path: '/data', volume: kplus.Volume.fromPersistentVolumeClaim(chart, 'v', pvc) }] }],
      serviceAccount: sa,
    });
    sts.containers[0].env.addVariable('PASSWORD', kplus.EnvValue.fromSecretValue({ secret, key: 'password' }));
    const web = new kplus.Deployment(chart, 'web', { containers: [{ image: 'nginx', portNumber: 8080, resources: { cpu: { request: kplus.Cpu.millis(100), limit: kplus.Cpu.units(1) } } }] });
    const svc = web.exposeViaService({ serviceType: kplus.ServiceType.NODE_PORT, ports: [{ port: 80, targetPort: 8080, nodePort: 30080 }] });
    new kplus.Ingress(chart, 'ing', { className: 'nginx' }).addHostRule('example.com', '/', kplus.IngressBackend.fromService(svc));
    new kplus.Job(chart, 'job', { containers: [{ image: 'busybox', command: ['true'] }] });
    new kplus.CronJob(chart, 'cron', { schedule: Cron.daily(), containers: [{ image: 'busybox' }] });
    const role = new kplus.Role(chart, 'role');
    role.allowRead(cm);
    role.bind(sa);
    new kplus.ClusterRole(chart, 'cr').allowRead(kplus.ApiResource.PODS);
    new kplus.NetworkPolicy(chart, 'np', { selector: web });
    new kplus.HorizontalPodAutoscaler(chart, 'hpa', { target: web, maxReplicas: 5, metrics: [kplus.Metric.resourceCpu(kplus.MetricTarget.averageUtilization(70))] });
    new kplus.Namespace(chart, 'ns');
    new kplus.k8s.KubeStorageClass(chart, 'sc', { provisioner: 'cinder.csi.openstack.org', parameters: { type: 'General SSD', availability: 'kr-pub-a' }, volumeBindingMode: 'WaitForFirstConsumer' });
    new kplus.k8s.KubePodDisruptionBudget(chart, 'pdb', { spec: { minAvailable: kplus.k8s.IntOrString.fromNumber(1), selector: { matchLabels: { app: 'web' } } } });
    const gpu = new kplus.Deployment(chart, 'gpu', { containers: [{ image: 'cuda' }] });
    // Extended resources need an escape hatch in cdk8s-plus; a Quantity-shaped value survives it.
    ApiObject.of(gpu).addJsonPatch(JsonPatch.add('/spec/template/spec/containers/0/resources/limits/nvidia.com~1gpu', kplus.k8s.Quantity.fromNumber(1)));
    const docs = Testing.synth(chart);
    const gpuDoc = docs.find((d) => d.kind === 'Deployment' && d.metadata.name.includes('gpu'));
    expect(new Set(docs.map((d) => `${d.apiVersion}/${d.kind}`)).size).toBe(18);
    expect(gpuDoc?.spec.template.spec.containers[0].resources.limits['nvidia.com/gpu']).toBe(1);
    expect(formatManifestIssues(checkManifests(docs))).toBe('');
  });
});


describe('schema (kubernetes-models validators)', () => {
  // A minimal valid object of every kind this project emits: each must find its validator and pass.
  const minimal: Doc[] = [
    { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
    service(),
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' }, data: { 'app.conf': 'x' } },
    { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, type: 'Opaque', data: { key: 'dmFsdWU=' } },
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'sa' } },
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'apps' } },
    {
      apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'pv', annotations: { 'pv.kubernetes.io/provisioned-by': 'cinder.csi.openstack.org' } },
      spec: { capacity: { storage: '10Gi' }, accessModes: ['ReadWriteOnce'], csi: { driver: 'cinder.csi.openstack.org', volumeHandle: '6f1c3a52-7d43-4c59-9f0e-2b4f3c1d8e77' } },
    },
    { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'pvc' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } } } },
    { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'ext' }, subsets: [{ addresses: [{ ip: '10.0.0.5' }], ports: [{ port: 5432 }] }] },
    deployment(),
    { ...deployment(), kind: 'StatefulSet', spec: { ...deployment().spec, serviceName: 'web', replicas: 1 } },
    { ...deployment(), kind: 'DaemonSet', spec: { selector: deployment().spec.selector, template: deployment().spec.template } },
    {
      apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'ing' },
      spec: { ingressClassName: 'nginx', rules: [{ host: 'example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } }] },
    },
    { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'nginx' }, spec: { controller: 'k8s.io/ingress-nginx' } },
    { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'np' }, spec: { podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Ingress'] } },
    { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: 'r' }, rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }] },
    { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'system:nks:reader' }, rules: [] },
    { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: 'rb' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'r' }, subjects: [{ kind: 'ServiceAccount', name: 'sa', namespace: 'default' }] },
    { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', metadata: { name: 'crb' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' } },
    { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'ssd' }, provisioner: 'cinder.csi.openstack.org', parameters: { type: 'General SSD', availability: 'kr-pub-a' }, allowVolumeExpansion: true },
    job(),
    { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'nightly' }, spec: { schedule: '0 3 * * *', jobTemplate: { spec: job().spec } } },
    { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'pdb' }, spec: { maxUnavailable: '25%', selector: { matchLabels: { app: 'web' } } } },
    {
      apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'hpa' },
      spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, maxReplicas: 5, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }] },
    },
    {
      apiVersion: 'admissionregistration.k8s.io/v1', kind: 'ValidatingWebhookConfiguration', metadata: { name: 'vwc' },
      webhooks: [{ name: 'check.example.com', admissionReviewVersions: ['v1'], sideEffects: 'None', clientConfig: { service: { name: 'hook', namespace: 'default' } } }],
    },
  ];

  test.each(minimal.map((d) => [`${d.apiVersion}/${d.kind}`, d]))('%s: a minimal valid object passes', (_, doc) => {
    expect(checkManifest(doc)).toEqual([]);
  });

  test('wrong types, enums and formats are reported with readable paths', () => {
    const d = deployment();
    d.spec.replicas = 'two';
    container(d).ports[0].containerPort = '80';
    container(d).ports[0].protocol = 'HTTP';
    d.spec.template.spec.terminationGracePeriodSeconds = 2 ** 40;
    const issues = checkManifest(d);
    expect(found(issues)).toEqual([
      'schema@spec.replicas',
      'schema@spec.template.spec.containers[0].ports[0].containerPort',
      'schema@spec.template.spec.containers[0].ports[0].protocol',
    ]);
    expect(issues[0]).toEqual({ rule: 'schema', object: 'apps/v1/Deployment default/web', path: 'spec.replicas', message: '"two" is not an integer' });
    expect(issues[2].message).toBe('"HTTP" is not one of "SCTP", "TCP", "UDP"');
    expect(found(checkManifest(deployment()))).toEqual([]);
  });

  test('int64 fields take large integers; int32 fields do not', () => {
    const d = deployment();
    d.spec.template.spec.activeDeadlineSeconds = 2 ** 40; // int64
    expect(check(d)).toEqual([]);
    d.spec.minReadySeconds = 2 ** 40; // int32
    expect(check(d)).toEqual(['schema@spec.minReadySeconds']);
  });

  test('a missing required field is a missing-field issue at the field', () => {
    const d = deployment();
    delete d.spec.selector;
    delete container(d).name;
    const issues = checkManifest(d);
    expect(found(issues)).toEqual(['missing-field@spec.selector', 'missing-field@spec.template.spec.containers[0].name']);
    expect(issues[0].message).toBe('required field "selector" is missing');
  });

  test('IntOrString and Quantity failures are one issue naming both accepted forms', () => {
    const s = service();
    s.spec.ports[0].targetPort = true;
    const d = deployment();
    container(d).resources.limits.cpu = 'lots';
    expect(checkManifest(s).map((i) => i.message)).toEqual(['true is not a string or an integer']);
    expect(checkManifest(d).map((i) => `${i.path}: ${i.message}`)).toEqual([
      'spec.template.spec.containers[0].resources.limits.cpu: "lots" is not a number or a quantity (like "500m", "1.5Gi", "2")',
    ]);
  });

  test('an unknown apiVersion/kind is an unknown-kind issue; known kinds of other versions resolve', () => {
    expect(check({ apiVersion: 'apps/v1', kind: 'Deploymnet', metadata: { name: 'x' } })).toEqual(['unknown-kind@kind']);
    expect(check({ apiVersion: 'cert-manager.io/v1', kind: 'Certificate', metadata: { name: 'x' } })).toEqual(['unknown-kind@kind']);
    // Nested types have modules too, but are not objects one applies.
    expect(check({ apiVersion: 'apps/v1', kind: 'DeploymentSpec', metadata: { name: 'x' } })).toEqual(['unknown-kind@kind']);
    expect(check({ apiVersion: 'apps/v1', kind: '../../v1/Pod', metadata: { name: 'x' } })).toEqual(['unknown-kind@kind']);
    expect(check({ apiVersion: 'v1', kind: 'Deployment', metadata: { name: 'x' } })).toEqual(['unknown-kind@kind']);
    expect(check({ apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: 'x' } })).toEqual([]);
  });

  test('objects without apiVersion or kind, and non-objects, are reported', () => {
    expect(check({ kind: 'Pod', metadata: { name: 'x' } })).toEqual(['missing-field@apiVersion']);
    expect(check('kind: Pod')).toEqual(['schema@']);
    expect(check([deployment()])).toEqual(['schema@']);
  });

  test('removed beta APIs are reported against the target Kubernetes version', () => {
    const ing = { apiVersion: 'extensions/v1beta1', kind: 'Ingress', metadata: { name: 'old' }, spec: {} };
    const issues = checkManifest(ing);
    expect(found(issues)).toEqual(['removed-api@apiVersion']);
    expect(issues[0].message).toBe('extensions/v1beta1 Ingress is no longer served (removed in Kubernetes 1.22); use networking.k8s.io/v1');
    expect(checkManifest({ apiVersion: 'batch/v1beta1', kind: 'CronJob', metadata: { name: 'c' } }, { kubernetesVersion: 'v1.24.3' })).toEqual([]);
    const fs = { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta3', kind: 'FlowSchema', metadata: { name: 'f' }, spec: { priorityLevelConfiguration: { name: 'x' } } };
    expect(check(fs)).toEqual([]);
    expect(found(checkManifest(fs, { kubernetesVersion: 'v1.32.3' }))).toEqual(['removed-api@apiVersion']);
    expect(() => checkManifest(fs, { kubernetesVersion: 'latest' })).toThrow(/not a Kubernetes version/);
  });
});

describe('strict: unknown fields', () => {
  test('a misspelled field fails, with a hint', () => {
    const d = deployment();
    d.spec.template.spec.containerz = [];
    const issues = checkManifest(d);
    expect(found(issues)).toEqual(['unknown-field@spec.template.spec.containerz']);
    expect(issues[0].message).toMatch(/unknown field "containerz".*did you mean "containers"\?/);
  });

  test('unknown fields are found at the top level, in metadata and in array items', () => {
    const d = deployment();
    d.status2 = {};
    d.metadata.label = { a: 'b' };
    container(d).ports[0].hostport = 8080;
    expect(check(d)).toEqual(['unknown-field@status2', 'unknown-field@metadata.label', 'unknown-field@spec.template.spec.containers[0].ports[0].hostport']);
  });

  test('maps take any key: resources.limits["nvidia.com/gpu"], labels, annotations, ConfigMap data', () => {
    const d = deployment();
    container(d).resources.limits['nvidia.com/gpu'] = 1;
    d.metadata.annotations = { 'loadbalancer.nhncloud/loadbalancer-type': 'shared' };
    d.spec.template.spec.nodeSelector = { 'nks.example.com/gpu': 'true' };
    expect(check(d)).toEqual([]);
  });

  test('free-form schema parts (managedFields, CRD schemas) are not judged', () => {
    const d = deployment();
    d.metadata.managedFields = [{ manager: 'kubectl', operation: 'Apply', fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:replicas': {} } } }];
    expect(check(d)).toEqual([]);
    const crd = {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'widgets.example.com' },
      spec: {
        group: 'example.com',
        names: { kind: 'Widget', plural: 'widgets' },
        scope: 'Namespaced',
        versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true, properties: { spec: { type: 'object' } } } } }],
      },
    };
    // kubernetes-models' validator lacks JSONSchemaProps' x-kubernetes-* fields: they are let through.
    expect(check(crd)).toEqual([]);
  });

  test('frozen input works', () => {
    const deepFreeze = (o: unknown): void => {
      if (typeof o === 'object' && o !== null) {
        Object.freeze(o);
        Object.values(o).forEach(deepFreeze);
      }
    };
    const d = deployment();
    d.spec.template.spec.containerz = [];
    deepFreeze(d);
    expect(check(d)).toEqual(['unknown-field@spec.template.spec.containerz']);
  });
});

describe('API-server rules', () => {
  test('name-format: DNS subdomain for most kinds', () => {
    const d = deployment();
    d.metadata.name = 'My_App';
    expect(check(d)).toEqual(['name-format@metadata.name']);
    d.metadata.name = 'my.app-1';
    expect(check(d)).toEqual([]);
  });

  test('name-format: Services are RFC 1035 labels, Namespaces RFC 1123 labels, RBAC names path segments', () => {
    const s = service();
    for (const bad of ['web.internal', '1web', 'a'.repeat(64)]) {
      s.metadata.name = bad;
      expect(check(s)).toEqual(['name-format@metadata.name']);
    }
    s.metadata.name = 'web-1';
    expect(check(s)).toEqual([]);
    expect(check({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team.a' } })).toEqual(['name-format@metadata.name']);
    expect(check({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: '1team' } })).toEqual([]);
    const cr = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'system:aggregate-to-edit' } };
    expect(check(cr)).toEqual([]);
    expect(check({ ...cr, metadata: { name: 'a/b' } })).toEqual(['name-format@metadata.name']);
  });

  test('name-format: CronJob names have at most 52 characters', () => {
    const c = { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'c'.repeat(53) }, spec: { schedule: '@daily', jobTemplate: { spec: job().spec } } };
    expect(check(c)).toEqual(['name-format@metadata.name']);
    c.metadata.name = 'c'.repeat(52);
    expect(check(c)).toEqual([]);
  });

  test('missing-field: an object needs a name or generateName', () => {
    const d = deployment();
    delete d.metadata.name;
    expect(check(d)).toEqual(['missing-field@metadata.name']);
    d.metadata.generateName = 'web-';
    expect(check(d)).toEqual([]);
  });

  test('name-format: the namespace is an RFC 1123 label', () => {
    const d = deployment();
    d.metadata.namespace = 'Team_A';
    expect(check(d)).toEqual(['name-format@metadata.namespace']);
  });

  test('label-key and label-value: metadata, template, selectors, nodeSelector', () => {
    const d = deployment();
    d.metadata.labels = { 'Example.com/tier': 'web', '-bad': 'x', ok: 'has space', 'app.kubernetes.io/name': 'web' };
    d.spec.template.spec.nodeSelector = { 'a/b/c': 'v' };
    expect(check(d)).toEqual([
      'label-key@metadata.labels["Example.com/tier"]',
      'label-key@metadata.labels["-bad"]',
      'label-value@metadata.labels.ok',
      'label-key@spec.template.spec.nodeSelector["a/b/c"]',
    ]);
    const long = deployment();
    long.spec.template.metadata.labels.version = 'v'.repeat(64);
    expect(check(long)).toEqual(['label-value@spec.template.metadata.labels.version']);
  });

  test('label-selector: operators and their values', () => {
    const d = deployment();
    d.spec.selector.matchExpressions = [
      { key: 'tier', operator: 'In', values: [] },
      { key: 'tier', operator: 'Exists', values: ['x'] },
      { key: 'bad key', operator: 'DoesNotExist' },
    ];
    expect(check(d)).toEqual([
      'label-selector@spec.selector.matchExpressions[0].values',
      'label-selector@spec.selector.matchExpressions[1].values',
      'label-key@spec.selector.matchExpressions[2].key',
      // "In" with no values selects nothing, so not the template either.
      'selector-mismatch@spec.selector',
    ]);
  });

  test('annotation-key and annotation-size', () => {
    const d = deployment();
    d.metadata.annotations = { 'loadbalancer.nhncloud/loadbalancer-type': 'dedicated', 'TCP-80.loadbalancer.nhncloud/listener-protocol': 'HTTP' };
    expect(check(d)).toEqual([]);
    d.metadata.annotations = { 'bad key': 'x' };
    expect(check(d)).toEqual(['annotation-key@metadata.annotations["bad key"]']);
    d.metadata.annotations = { big: 'x'.repeat(256 * 1024) };
    expect(check(d)).toEqual(['annotation-size@metadata.annotations']);
  });

  test('port-range: container, host, Service, target and probe ports are 1-65535', () => {
    const d = deployment();
    container(d).ports = [{ containerPort: 0 }, { containerPort: 70000 }, { containerPort: 8080, hostPort: 0 }, { containerPort: 9090, hostPort: 65536 }];
    container(d).livenessProbe = { httpGet: { port: 0 } };
    expect(check(d)).toEqual([
      'port-range@spec.template.spec.containers[0].ports[0].containerPort',
      'port-range@spec.template.spec.containers[0].ports[1].containerPort',
      'port-range@spec.template.spec.containers[0].ports[3].hostPort',
      'port-range@spec.template.spec.containers[0].livenessProbe.httpGet.port',
    ]);
    const s = service();
    s.spec.ports = [{ port: 65536, targetPort: 0 }];
    expect(check(s)).toEqual(['port-range@spec.ports[0].port', 'port-range@spec.ports[0].targetPort']);
  });

  test('node-port-range: 30000-32767', () => {
    const s = service();
    s.spec.type = 'NodePort';
    s.spec.ports[0].nodePort = 99999;
    const issues = checkManifest(s);
    expect(found(issues)).toEqual(['node-port-range@spec.ports[0].nodePort']);
    expect(issues[0].message).toBe('nodePort 99999 is outside 30000-32767 (the default service node port range)');
    s.spec.ports[0].nodePort = 30080;
    expect(check(s)).toEqual([]);
  });

  test('node-port-type: nodePort only on NodePort and LoadBalancer Services', () => {
    const s = service();
    s.spec.ports[0].nodePort = 30080;
    expect(check(s)).toEqual(['node-port-type@spec.ports[0].nodePort']);
    delete s.spec.type; // ClusterIP by default
    expect(check(s)).toEqual(['node-port-type@spec.ports[0].nodePort']);
    s.spec.type = 'LoadBalancer';
    expect(check(s)).toEqual([]);
  });

  test('ExternalName Services need externalName and no selector or ports', () => {
    const s = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'db' }, spec: { type: 'ExternalName' } as Doc };
    expect(check(s)).toEqual(['missing-field@spec.externalName']);
    s.spec.externalName = 'db.example.com.';
    expect(check(s)).toEqual([]);
    s.spec.externalName = 'not a host';
    expect(check(s)).toEqual(['name-format@spec.externalName']);
  });

  test('missing-field: non-headless Services need ports', () => {
    const s = service();
    s.spec.ports = [];
    expect(check(s)).toEqual(['missing-field@spec.ports']);
    s.spec.clusterIP = 'None';
    expect(check(s)).toEqual([]);
  });

  test('port-name: Service ports need unique names when there are several', () => {
    const s = service();
    s.spec.ports = [{ port: 80 }, { port: 443, name: 'https' }, { port: 8443, name: 'https' }, { port: 9000, name: 'Metrics' }];
    expect(check(s)).toEqual(['port-name@spec.ports[0].name', 'port-name@spec.ports[2].name', 'port-name@spec.ports[3].name']);
    s.spec.ports = [{ port: 80, name: 'http' }, { port: 443, name: 'https', targetPort: 'https-port' }];
    expect(check(s)).toEqual([]);
  });

  test('port-name: container port names are IANA service names, unique in the pod; named target ports too', () => {
    const d = deployment();
    container(d).ports = [{ containerPort: 80, name: 'http' }, { containerPort: 8080, name: 'http-alternative-port' }];
    d.spec.template.spec.containers.push({ name: 'sidecar', image: 'envoy', ports: [{ containerPort: 9000, name: 'http' }] });
    expect(check(d)).toEqual(['port-name@spec.template.spec.containers[0].ports[1].name', 'port-name@spec.template.spec.containers[1].ports[0].name']);
    const s = service();
    s.spec.ports[0].targetPort = '8080'; // a string is a name, even all digits
    expect(check(s)).toEqual(['port-name@spec.ports[0].targetPort']);
  });

  test('duplicate-port: the same port and protocol twice in a Service', () => {
    const s = service();
    s.spec.ports = [{ port: 53, name: 'dns' }, { port: 53, name: 'dns-udp', protocol: 'UDP' }, { port: 53, name: 'dns-again' }];
    expect(check(s)).toEqual(['duplicate-port@spec.ports[2].port']);
  });

  test('selector-mismatch: the selector must select the template labels', () => {
    const d = deployment();
    d.spec.selector.matchLabels = { app: 'api' };
    const issues = checkManifest(d);
    expect(found(issues)).toEqual(['selector-mismatch@spec.selector']);
    expect(issues[0].message).toContain('matchLabels app="api" but the template has app="web"');
    const e = deployment();
    e.spec.selector = { matchExpressions: [{ key: 'app', operator: 'In', values: ['web', 'www'] }] };
    expect(check(e)).toEqual([]);
    e.spec.selector.matchExpressions.push({ key: 'canary', operator: 'Exists' });
    expect(check(e)).toEqual(['selector-mismatch@spec.selector']);
    const empty = deployment();
    empty.spec.selector = {};
    expect(check(empty)).toEqual(['selector-mismatch@spec.selector']);
    for (const kind of ['StatefulSet', 'DaemonSet', 'ReplicaSet']) {
      const other = { ...deployment(), kind, spec: { selector: { matchLabels: { app: 'x' } }, template: deployment().spec.template, serviceName: kind === 'StatefulSet' ? 'web' : undefined } };
      expect(check(JSON.parse(JSON.stringify(other)))).toEqual(['selector-mismatch@spec.selector']);
    }
  });

  test('container-name: RFC 1123 labels, unique across init and app containers', () => {
    const d = deployment();
    d.spec.template.spec.initContainers = [{ name: 'nginx', image: 'busybox' }];
    d.spec.template.spec.containers.push({ name: 'Side_car', image: 'envoy' });
    expect(check(d)).toEqual(['container-name@spec.template.spec.containers[0].name', 'container-name@spec.template.spec.containers[1].name']);
  });

  test('missing-field: containers need an image', () => {
    const d = deployment();
    delete container(d).image;
    expect(check(d)).toEqual(['missing-field@spec.template.spec.containers[0].image']);
  });

  test('resource-requests: a request may not exceed its limit (quantities compared exactly)', () => {
    const d = deployment();
    container(d).resources = { requests: { cpu: '1500m', memory: '1Gi' }, limits: { cpu: '1', memory: '1G' } };
    const issues = checkManifest(d);
    expect(found(issues)).toEqual(['resource-requests@spec.template.spec.containers[0].resources.requests.cpu', 'resource-requests@spec.template.spec.containers[0].resources.requests.memory']);
    expect(issues[0].message).toBe('request "1500m" and limit "1": the request is more than the limit; a request must be less than or equal to its limit');
    container(d).resources = { requests: { cpu: '1000m', memory: '1e9' }, limits: { cpu: 1, memory: '1G' } };
    expect(check(d)).toEqual([]);
  });

  test('extended-resource: nvidia.com/gpu needs a whole limit, and request = limit', () => {
    const d = deployment();
    container(d).resources = { requests: { 'nvidia.com/gpu': 1 } };
    expect(check(d)).toEqual(['extended-resource@spec.template.spec.containers[0].resources.requests["nvidia.com/gpu"]']);
    container(d).resources = { requests: { 'nvidia.com/gpu': 1 }, limits: { 'nvidia.com/gpu': 2 } };
    expect(check(d)).toEqual(['extended-resource@spec.template.spec.containers[0].resources.requests["nvidia.com/gpu"]']);
    container(d).resources = { limits: { 'nvidia.com/gpu': '500m' } };
    expect(check(d)).toEqual(['extended-resource@spec.template.spec.containers[0].resources.limits["nvidia.com/gpu"]']);
    container(d).resources = { requests: { 'nvidia.com/gpu': '1' }, limits: { 'nvidia.com/gpu': 1 } };
    expect(check(d)).toEqual([]);
  });

  test('resource-name and quantity: unknown bare names and quantities the API server cannot parse', () => {
    const d = deployment();
    container(d).resources = { limits: { gpu: 1, cpu: '2Y' } };
    // "2Y" passes kubernetes-models' looser quantity format but not the API server's parser.
    expect(check(d)).toEqual(['resource-name@spec.template.spec.containers[0].resources.limits.gpu', 'quantity@spec.template.spec.containers[0].resources.limits.cpu']);
    container(d).resources = { limits: { cpu: 'abc' } };
    expect(check(d)).toEqual(['schema@spec.template.spec.containers[0].resources.limits.cpu']);
  });

  test('restart-policy: Jobs need OnFailure or Never; Deployments only Always', () => {
    const j = job();
    delete j.spec.template.spec.restartPolicy;
    expect(check(j)).toEqual(['restart-policy@spec.template.spec.restartPolicy']);
    j.spec.template.spec.restartPolicy = 'Never';
    expect(check(j)).toEqual([]);
    const d = deployment();
    d.spec.template.spec.restartPolicy = 'OnFailure';
    expect(check(d)).toEqual(['restart-policy@spec.template.spec.restartPolicy']);
  });

  test('volume-ref and volume-name: mounts name a volume of the pod; volume names are unique labels', () => {
    const d = deployment();
    d.spec.template.spec.volumes = [{ name: 'data', emptyDir: {} }, { name: 'data', emptyDir: {} }, { name: 'Cache', emptyDir: {} }];
    container(d).volumeMounts = [{ name: 'data', mountPath: '/data' }, { name: 'logs', mountPath: '/logs' }];
    expect(check(d)).toEqual([
      'volume-name@spec.template.spec.volumes[1].name',
      'volume-name@spec.template.spec.volumes[2].name',
      'volume-ref@spec.template.spec.containers[0].volumeMounts[1].name',
    ]);
  });

  test('data-key: ConfigMap and Secret keys', () => {
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' }, data: { 'nginx.conf': 'x', 'conf.d/site': 'y' }, binaryData: { 'nginx.conf': 'eA==' } };
    expect(check(cm)).toEqual(['data-key@data["conf.d/site"]', 'data-key@binaryData["nginx.conf"]']);
    const secret = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { 'tls.crt': 'eA==' }, stringData: { 'tls.crt': 'x', '..': 'y' } };
    expect(check(secret)).toEqual(['data-key@stringData[".."]']);
  });

  test('pod specs are found in Pods, Jobs and CronJobs too', () => {
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'x', ports: [{ containerPort: 0 }] }] } };
    expect(check(pod)).toEqual(['port-range@spec.containers[0].ports[0].containerPort']);
    const cron = { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'c' }, spec: { schedule: '@daily', jobTemplate: { spec: job().spec } } };
    cron.spec.jobTemplate.spec.template.spec.containers[0].name = 'C';
    expect(check(cron)).toEqual(['container-name@spec.jobTemplate.spec.template.spec.containers[0].name']);
  });
});

describe('checkManifests', () => {
  test('duplicate-object: same group, kind, namespace and name', () => {
    const issues = checkManifests([deployment(), service(), deployment()]);
    expect(found(issues)).toEqual(['duplicate-object@metadata.name']);
    expect(issues[0].message).toContain('objects #0 and #2');
    const other = deployment();
    other.metadata.namespace = 'staging';
    expect(checkManifests([deployment(), other, service()])).toEqual([]);
  });

  test('empty YAML documents are skipped', () => {
    expect(checkManifests([null, deployment(), undefined])).toEqual([]);
  });

  test('10,000 distinct objects raise no duplicate (speed is measured by npm run bench)', () => {
    const docs: Doc[] = [];
    for (let i = 0; i < 5000; i++) {
      const d = deployment();
      d.metadata.name = `web-${i}`;
      const s = service();
      s.metadata.name = `web-${i}`;
      docs.push(d, s);
    }
    expect(checkManifests(docs)).toEqual([]);
    docs.push(deployment());
    docs[docs.length - 1].metadata.name = 'web-42';
    expect(checkManifests(docs).map((i) => i.rule)).toEqual(['duplicate-object']);
  });
});

describe('formatManifestIssues', () => {
  test('one line per issue with object, path, message and rule', () => {
    const d = deployment();
    d.spec.replicas = '2';
    d.metadata.name = 'Web';
    const text = formatManifestIssues(checkManifests([d, { apiVersion: 'v1', kind: 'Namespace', metadata: {} }]));
    expect(text).toBe(
      [
        '  apps/v1/Deployment default/Web: spec.replicas: "2" is not an integer [schema]',
        "  apps/v1/Deployment default/Web: metadata.name: \"Web\" has characters or edges the format does not allow; it must be an RFC 1123 subdomain (at most 253 lowercase letters, digits, '-' and '.', starting and ending with a letter or digit) [name-format]",
        '  v1/Namespace (unnamed): metadata.name: the object has no metadata.name (nor generateName) [missing-field]',
      ].join('\n'),
    );
  });
});

describe('quantities', () => {
  test.each([
    ['100m', '0.1', 0],
    ['1Gi', '1G', 1],
    ['1e3', '1k', 0],
    ['1.5', '1500m', 0],
    ['512Mi', '0.5Gi', 0],
    ['2', 1, 1],
  ])('%s vs %s', (a, b, expected) => {
    expect(compareQuantities(parseQuantity(a)!, parseQuantity(b)!)).toBe(expected);
  });

  test('invalid quantities', () => {
    for (const bad of ['', 'abc', '1Y', '1 Gi', '1KiB', '--1']) expect(parseQuantity(bad)).toBeUndefined();
  });
});

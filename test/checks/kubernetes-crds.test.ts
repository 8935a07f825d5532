import { checkManifest, ManifestIssue } from '../../lib/checks/kubernetes-schema';
import { gatewayApiCrdRecord, gatewayApiCrds, nginxGatewayFabricCrds } from '../../lib/k8s/gateway/crds';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = Record<string, any>;

function found(issues: readonly ManifestIssue[]): string[] {
  return issues.map((i) => `${i.rule}@${i.path}`);
}

function route(): Doc {
  return {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: { name: 'cafe', namespace: 'default', labels: { app: 'cafe' } },
    spec: {
      parentRefs: [{ name: 'gw', namespace: 'nginx-gateway', sectionName: 'http' }],
      hostnames: ['cafe.example.com'],
      rules: [
        { matches: [{ path: { type: 'PathPrefix', value: '/tea' }, headers: [{ name: 'x-version', value: '2' }] }], backendRefs: [{ name: 'tea-svc', port: 80, weight: 90 }, { name: 'tea-v2', port: 80, weight: 10 }] },
        { filters: [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 301 } }] },
      ],
    },
  };
}

describe('Gateway API kinds against the vendored CRDs', () => {
  test('the CRDs are Gateway API v1.4.1, standard channel, at the recorded commit', () => {
    const record = gatewayApiCrdRecord();
    expect(record).toMatchObject({ version: 'v1.4.1', commit: '477d172e6ac5eccb82b65781ddb8f924afec4170', channel: 'standard' });
    const crds = gatewayApiCrds();
    expect(crds.map((c) => c.spec.names.kind).sort()).toEqual(['BackendTLSPolicy', 'GRPCRoute', 'Gateway', 'GatewayClass', 'HTTPRoute', 'ReferenceGrant']);
    for (const crd of crds) expect(crd.metadata.annotations?.['gateway.networking.k8s.io/bundle-version']).toBe('v1.4.1');
  });

  test('a valid HTTPRoute passes', () => {
    expect(checkManifest(route())).toEqual([]);
  });

  test('unknown fields are errors, with a hint, in spec and in metadata', () => {
    const doc = route();
    doc.spec.rules[0].backendRefs[0].weigth = 1;
    doc.metadata.labls = {};
    const issues = checkManifest(doc);
    expect(found(issues)).toEqual(['unknown-field@spec.rules[0].backendRefs[0].weigth', 'unknown-field@metadata.labls']);
    expect(issues[0].message).toContain('did you mean "weight"?');
  });

  test('enums, patterns, bounds and required fields come from the CRD', () => {
    const doc = route();
    doc.spec.hostnames = ['Bad_Host'];
    doc.spec.rules[0].matches[0].path.type = 'Prefix';
    doc.spec.rules[0].backendRefs[0].weight = 2000000;
    delete doc.spec.rules[0].matches[0].headers[0].name;
    expect(found(checkManifest(doc)).sort()).toEqual([
      'missing-field@spec.rules[0].matches[0].headers[0].name',
      'schema@spec.hostnames[0]',
      'schema@spec.rules[0].backendRefs[0].weight',
      'schema@spec.rules[0].matches[0].path.type',
    ]);
  });

  test('a Gateway address of type IPAddress must be an IP (oneOf/anyOf of the CRD)', () => {
    const gw = { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway', metadata: { name: 'gw' }, spec: { gatewayClassName: 'nginx', listeners: [{ name: 'http', port: 80, protocol: 'HTTP' }], addresses: [{ type: 'IPAddress', value: 'x' }] } };
    expect(found(checkManifest(gw))).toContain('schema@spec.addresses[0].value');
    gw.spec.addresses[0].value = '10.0.0.10';
    expect(checkManifest(gw)).toEqual([]);
  });

  test('ReferenceGrant is served as v1beta1 only; v1 is an unknown kind', () => {
    const grant = { apiVersion: 'gateway.networking.k8s.io/v1beta1', kind: 'ReferenceGrant', metadata: { name: 'g', namespace: 'tea' }, spec: { from: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'default' }], to: [{ group: '', kind: 'Service' }] } };
    expect(checkManifest(grant)).toEqual([]);
    expect(found(checkManifest({ ...grant, apiVersion: 'gateway.networking.k8s.io/v1' }))).toEqual(['unknown-kind@kind']);
  });

  test('the vendored CRDs themselves pass the strict check; a key JSONSchemaProps lacks is still reported', () => {
    for (const crd of [...gatewayApiCrds(), ...nginxGatewayFabricCrds()]) {
      const { status: _status, ...object } = crd as unknown as Doc;
      expect(checkManifest(object)).toEqual([]);
    }
    const crd = gatewayApiCrds()[0] as unknown as Doc;
    delete crd.status;
    crd.spec.versions[0].schema.openAPIV3Schema.properties.spec.descripton = 'typo';
    expect(found(checkManifest(crd))).toEqual(['unknown-field@spec.versions[0].schema.openAPIV3Schema.properties.spec.descripton']);
  });

  test('NGINX Gateway Fabric kinds are checked against its vendored CRDs', () => {
    const proxy = { apiVersion: 'gateway.nginx.org/v1alpha2', kind: 'NginxProxy', metadata: { name: 'p', namespace: 'nginx-gateway' }, spec: { kubernetes: { service: { type: 'LoadBalancer', loadBalancerSourceRange: [] } } } };
    expect(found(checkManifest(proxy))).toEqual(['unknown-field@spec.kubernetes.service.loadBalancerSourceRange']);
  });
});


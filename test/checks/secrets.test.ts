import * as fs from 'fs';
import * as path from 'path';
import { Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { RegistryCredentials, scanDirForSecrets, scanFileForSecrets, scanManifest } from '../../lib';
import { PLAINTEXT_SECRET_ANNOTATION } from '../../lib/model/secret-annotations';
import { synth, tmpdir } from '../helpers';

const PEM = ['-----BEGIN OPENSSH PRIVATE KEY-----', 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ', '-----END OPENSSH PRIVATE KEY-----'].join('\n');
const JWT = 'eyJhbGciOiJSUzI1NiIsImtpZCI6IjEifQ.eyJpc3MiOiJrdWJlcm5ldGVzL3NlcnZpY2VhY2NvdW50In0.c2lnbmF0dXJlLXNpZ25hdHVyZQ';

function write(name: string, text: string): string {
  const file = path.join(tmpdir(), name);
  fs.writeFileSync(file, text);
  return file;
}

describe('secret scan', () => {
  test.each([
    ['a private key in a manifest', 'a.k8s.yaml', `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  key: |\n    ${PEM.split('\n').join('\n    ')}\n`, 'private-key', 'ConfigMap c'],
    ['a service account token', 'b.k8s.yaml', `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: t\ndata:\n  token: ${JWT}\n`, 'jwt', 'ConfigMap t'],
    ['Secret data', 'c.k8s.yaml', 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n  namespace: shop\ndata:\n  password: aHVudGVyMg==\n', 'secret-data', 'Secret shop/s data'],
    ['a password in container env', 'd.k8s.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: db\n      image: mysql:8\n      env:\n        - name: MYSQL_ROOT_PASSWORD\n          value: hunter2\n', 'env-secret', 'Pod p container db env MYSQL_ROOT_PASSWORD'],
    ['a provider password in Terraform JSON', 'cdk.tf.json', JSON.stringify({ provider: { openstack: [{ region: 'KR1', password: 'hunter2' }] } }), 'terraform-secret', 'provider.openstack[0].password'],
    ['a password flag in a Terraform literal, by content', 'cdk.tf.json', JSON.stringify({ resource: { openstack_compute_instance_v2: { vm: { name: 'vm', user_data: '#cloud-config\nruncmd:\n  - redis-server --requirepass hunter2' } } } }), 'content-secret', 'resource.openstack_compute_instance_v2.vm.user_data'],
    ['an AWS key ID in a ConfigMap, by content', 'f.k8s.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: aws\ndata:\n  AWS_ACCESS_KEY_ID: AKIAZ7VRSQ5XQXJ3KD4N\n', 'content-secret', 'ConfigMap aws data AWS_ACCESS_KEY_ID'],
  ])('finds %s, without repeating it', (_name, file, text, kind, location) => {
    const findings = scanFileForSecrets(write(file, text));
    expect(findings).toEqual([expect.objectContaining({ kind, location, optedIn: false })]);
    expect(JSON.stringify(findings)).not.toMatch(/hunter2|aHVudGVyMg|BEGIN OPENSSH|eyJhbGci|AKIAZ7/);
  });

  test('references and secret-free objects are not findings', () => {
    expect(scanFileForSecrets(write('cdk.tf.json', JSON.stringify({ resource: { x: { y: { admin_pass: '${var.admin_pass}', name: 'vm', user_data: 'redis-server --requirepass ${var.redis_password}' } } } })))).toEqual([]);
    const sa = 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: token\n  annotations:\n    kubernetes.io/service-account.name: admin\ntype: kubernetes.io/service-account-token\n';
    expect(scanFileForSecrets(write('e.k8s.yaml', sa))).toEqual([]);
  });

  test('RegistryCredentials is an explicit opt-in: its Secret is reported as opted in', () => {
    process.env.NKS_TEST_REGISTRY_PASSWORD = 'hunter2-registry';
    try {
      const out = synth((app) => {
        const chart = new Chart(app.k8s, 'registry');
        new RegistryCredentials(chart, 'ncr', { server: 'example-kr1-registry.container.nhncloud.com', username: 'user@example.com', passwordEnv: 'NKS_TEST_REGISTRY_PASSWORD' });
        new kplus.ConfigMap(chart, 'plain', { data: { a: 'b' } });
      });
      const findings = scanDirForSecrets(out.k8sOutdir);
      expect(findings).toEqual([expect.objectContaining({ kind: 'secret-data', optedIn: true })]);
      expect(out.manifestFiles['registry.k8s.yaml']).toContain(PLAINTEXT_SECRET_ANNOTATION);
    } finally {
      delete process.env.NKS_TEST_REGISTRY_PASSWORD;
    }
  });
});

describe('private keys and tokens are found in any string of an object, as in its JSON text', () => {
  // The scan walks an object's strings instead of testing its JSON text (lib/checks/secrets.ts,
  // keyOrTokenIn); for any JSON value the two must find the same.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fc = require('fast-check') as typeof import('fast-check');
  const PEM_HEADER = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/;
  const TOKEN = /eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/;
  // Strings that hold the patterns, parts of them, or near misses, among ordinary ones.
  const piece = fc.oneof(
    fc.string(),
    fc.constantFrom(PEM, JWT, '-----BEGIN RSA PRIVATE KEY-----', '-----BEGIN PRIVATE KEY', 'PRIVATE KEY-----', 'eyJ', 'eyJabcdefgh.eyJabcdefgh.', `"${JWT}"`, `x\n${PEM}\ty`),
  );
  const text = fc.array(piece, { maxLength: 3 }).map((parts) => parts.join(''));
  const json = fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: 'small' }, text, fc.integer(), fc.boolean(), fc.constant(null), fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(text, tie('value'), { maxKeys: 3 })),
  })).value;

  test('for any JSON value, the scan reports a PEM key and a token exactly when the JSON text has one', () => {
    fc.assert(
      fc.property(json, (value) => {
        const doc = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, data: { value } };
        const kinds = scanManifest(doc, 'x.yaml').map((f) => f.kind).filter((k) => k === 'private-key' || k === 'jwt');
        const textOf = JSON.stringify(doc);
        const expected = [...(PEM_HEADER.test(textOf) ? ['private-key'] : []), ...(TOKEN.test(textOf) ? ['jwt'] : [])];
        expect(kinds).toEqual(expected);
      }),
      { numRuns: 500, seed: 20261208 },
    );
  });
});

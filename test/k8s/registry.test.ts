import { Chart } from 'cdk8s';
import { PullSecret, RegistryCredentials, ServiceAccount, WebApp } from '../../lib';
import { catchValidation } from '../helpers';
import { synthK8s, testChart } from './util';

const SERVER = 'example-kr1-registry.container.nhncloud.com';
const PASSWORD = 'appkey-Secret-123!';
const ENV = 'NKS_TEST_REGISTRY_PASSWORD';
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

/** Every form in which the password could leak into the output. */
function leaks(text: string): boolean {
  return [PASSWORD, b64(PASSWORD), b64(`user@example.com:${PASSWORD}`)].some((form) => text.includes(form));
}

// Set before the describe blocks synthesize (they run at collection time); every test sees it.
process.env[ENV] = PASSWORD;
afterAll(() => {
  delete process.env[ENV];
});

describe('PullSecret.fromName (the default flow: kubectl create secret docker-registry)', () => {
  test('references the secret by name; no Secret object and no password in the output even with the variable set', () => {
    const out = synthK8s((app) => {
      const chart = new Chart(app.k8s, 'web');
      new WebApp(chart, 'nginx', { image: `${SERVER}/nginx:1.14.2`, imagePullSecrets: [PullSecret.fromName('registry-credential')] });
      new ServiceAccount(chart, 'sa', { name: 'puller', imagePullSecrets: [PullSecret.fromName('registry-credential')] });
    });
    expect(out.find('Deployment').spec.template.spec.imagePullSecrets).toEqual([{ name: 'registry-credential' }]);
    expect(out.docs.filter((d) => d.kind === 'Secret')).toEqual([]);
    expect(leaks(Object.values(out.manifestFiles).join('\n'))).toBe(false);
    expect(out.warnings).toEqual([]);
  });

  test('an invalid name is a ValidationError', () => {
    expect(catchValidation(() => PullSecret.fromName('regcred_01'))).toMatchObject({ path: 'PullSecret.fromName', field: 'name', value: 'regcred_01' });
  });
});

describe('RegistryCredentials (explicit opt-in)', () => {
  const out = synthK8s((app) => {
    const chart = new Chart(app.k8s, 'registry');
    const creds = new RegistryCredentials(chart, 'creds', { name: 'registry-credential', server: SERVER, username: 'user@example.com', passwordEnv: ENV });
    new WebApp(chart, 'nginx', { image: `${SERVER}/nginx:1.14.2`, imagePullSecrets: [creds] });
  });
  const secret = out.find('Secret', 'registry-credential');

  test('a kubernetes.io/dockerconfigjson Secret whose .dockerconfigjson carries the variable\'s value, base64-encoded', () => {
    expect(secret.type).toBe('kubernetes.io/dockerconfigjson');
    expect(secret.stringData).toBeUndefined();
    const config = JSON.parse(Buffer.from(secret.data['.dockerconfigjson'], 'base64').toString('utf8'));
    expect(config).toEqual({ auths: { [SERVER]: { username: 'user@example.com', password: PASSWORD, auth: b64(`user@example.com:${PASSWORD}`) } } });
  });

  test('the variable\'s value never appears in clear text, and its name is not what lands', () => {
    const text = Object.values(out.manifestFiles).join('\n');
    expect(text).not.toContain(PASSWORD);
    expect(Buffer.from(secret.data['.dockerconfigjson'], 'base64').toString('utf8')).not.toContain(ENV);
  });

  test('workloads reference it by name, and synth warns that the password lands base64 in dist/', () => {
    expect(out.find('Deployment').spec.template.spec.imagePullSecrets).toEqual([{ name: 'registry-credential' }]);
    expect(out.result.warnings).toEqual([{ path: 'registry/creds', id: 'nks-cdk:registryPasswordInManifests', message: expect.stringMatching(/NKS_TEST_REGISTRY_PASSWORD.*base64/) }]);
  });

  test('a missing environment variable is a ValidationError naming the variable', () => {
    delete process.env[ENV];
    let e;
    try {
      e = catchValidation(() => new RegistryCredentials(testChart(), 'creds', { server: SERVER, username: 'u@example.com', passwordEnv: ENV }));
    } finally {
      process.env[ENV] = PASSWORD;
    }
    expect(e).toMatchObject({ path: 'test/creds', field: 'passwordEnv', value: ENV, rule: expect.stringContaining(ENV), fix: expect.stringContaining(`export ${ENV}=`) });
  });

  test('a password given instead of a variable name is rejected without echoing it', () => {
    const e = catchValidation(() => new RegistryCredentials(testChart(), 'creds', { server: SERVER, username: 'u@example.com', passwordEnv: PASSWORD }));
    expect(e).toMatchObject({ path: 'test/creds', field: 'passwordEnv', value: '(redacted)' });
    expect(e.message).not.toContain(PASSWORD);
  });

  test('a registry address with a scheme, or an invalid secret name, is a ValidationError', () => {
    expect(catchValidation(() => new RegistryCredentials(testChart(), 'c', { server: `https://${SERVER}`, username: 'u', passwordEnv: ENV }))).toMatchObject({
      field: 'server',
      fix: expect.stringContaining(`"${SERVER}"`),
    });
    expect(catchValidation(() => new RegistryCredentials(testChart(), 'c', { name: 'Reg Cred', server: SERVER, username: 'u', passwordEnv: ENV }))).toMatchObject({
      field: 'name',
      value: 'Reg Cred',
    });
  });
});

describe('ServiceAccount imagePullSecrets', () => {
  test('several pull secrets, added in props and later, without duplicates', () => {
    let names: readonly string[] = [];
    const out = synthK8s((app) => {
      const sa = new ServiceAccount(new Chart(app.k8s, 'sa'), 'puller', {
        name: 'puller',
        imagePullSecrets: [PullSecret.fromName('registry-credential'), PullSecret.fromName('nvcr.dgxkey')],
      });
      sa.addImagePullSecrets(PullSecret.fromName('nvcr.dgxkey'), PullSecret.fromName('mirror'));
      names = sa.imagePullSecretNames;
    });
    const sa = out.find('ServiceAccount', 'puller');
    expect(sa.imagePullSecrets).toEqual([{ name: 'registry-credential' }, { name: 'nvcr.dgxkey' }, { name: 'mirror' }]);
    expect(sa.automountServiceAccountToken).toBe(false);
    expect(names).toEqual(['registry-credential', 'nvcr.dgxkey', 'mirror']);
  });
});

// Secret material found by content (secretlint's recommended preset plus nks-cdk's own patterns) in every
// place the scan reads: env values, container args and command, ConfigMap data; in the synthesized output,
// by the scan of dist/ and by NKS-SEC-1 at synth. Ordinary values are not findings, opt-ins stay opt-ins.
import * as fs from 'fs';
import * as path from 'path';
import { ApiObject, Chart, Yaml } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { LoadBalancerCertificate, Policies, PolicyViolationError, RegistryCredentials, scanDirForSecrets, SecretFinding, Service, WebApp } from '../../lib';
import { PLAINTEXT_SECRET_ANNOTATION } from '../../lib/model/secret-annotations';
import { findSecretsInStrings, secretlintWorkerStats } from '../../lib/checks/secret-content';
import { GOOD_CONTAINER, pod, raw, testApp } from '../policy/util';

// Made-up values of the real shapes. (secretlint allows the AWS documentation's own example key.)
const AWS_SECRET = 'k9Vq2mJrT8wXbN4cLs7pYe1uHd6fGa3ZoRiQ5tWv';
const AWS_KEY_ID = 'AKIAZ7VRSQ5XQXJ3KD4N';
const PASSWORD = 'Hunter2-qx7';
const SECRETS = [AWS_SECRET, AWS_KEY_ID, PASSWORD];

/** One pattern as it appears in each place: an env var, args, a command, a ConfigMap entry. */
interface PatternCase {
  readonly env: readonly [string, string];
  readonly args: readonly string[];
  readonly command: readonly string[];
  readonly data: readonly [string, string];
  /** The secret itself: the item of args/command and the value holding it is where the finding must point. */
  readonly secret: string;
  /** What the finding says it found. */
  readonly found: RegExp;
}

const PATTERNS: Readonly<Record<string, PatternCase>> = {
  'AWS secret access key': {
    env: ['AWS_SECRET_ACCESS_KEY', AWS_SECRET],
    args: ['--env', `AWS_SECRET_ACCESS_KEY=${AWS_SECRET}`],
    command: ['sh', '-c', `export AWS_SECRET_ACCESS_KEY=${AWS_SECRET} && exec aws s3 sync /data s3://backups`],
    data: ['credentials', `[default]\naws_access_key_id = AKIA\naws_secret_access_key = ${AWS_SECRET}\n`],
    secret: AWS_SECRET,
    found: /AWS secret access key \(secretlint aws\/AWSSecretAccessKey\)/,
  },
  'AWS access key ID': {
    env: ['AWS_ACCESS_KEY_ID', AWS_KEY_ID],
    args: ['--access-key-id', AWS_KEY_ID],
    command: ['uploader', `--key=${AWS_KEY_ID}`],
    data: ['AWS_ACCESS_KEY_ID', AWS_KEY_ID],
    secret: AWS_KEY_ID,
    found: /AWS access key ID \(secretlint aws\/AWSAccessKeyID\)/,
  },
  'user:password@ in a URL': {
    env: ['CACHE_URL', `redis://:${PASSWORD}@redis:6379/0`],
    args: ['--broker', `amqp://app:${PASSWORD}@rabbitmq:5672/`],
    command: ['curl', '-fsS', `http://elastic:${PASSWORD}@elasticsearch:9200/_cluster/health`],
    data: ['application.properties', `spring.datasource.url=jdbc:postgresql://db:5432/app\nspring.rabbitmq.addresses=amqp://app:${PASSWORD}@rabbitmq:5672\n`],
    secret: PASSWORD,
    found: /a password in a URL/,
  },
  '--password=x': {
    env: ['EXTRA_ARGS', `--verbose --password=${PASSWORD}`],
    args: ['--user=app', `--password=${PASSWORD}`],
    command: ['mysqldump', '-h', 'db', `--password=${PASSWORD}`, 'app'],
    data: ['backup.sh', `#!/bin/sh\nexec mysqldump -h db --password=${PASSWORD} app\n`],
    secret: PASSWORD,
    found: /a password flag/,
  },
  '--password x': {
    env: ['CLI_FLAGS', `--user app --password ${PASSWORD}`],
    args: ['--user', 'app', '--password', PASSWORD],
    command: ['psql-wrapper', '--db-password', PASSWORD],
    data: ['run.sh', `exec app --admin-password ${PASSWORD}\n`],
    secret: PASSWORD,
    found: /a password flag/,
  },
  '--requirepass x': {
    env: ['REDIS_EXTRA_FLAGS', `--requirepass ${PASSWORD}`],
    args: ['--appendonly', 'yes', '--requirepass', PASSWORD],
    command: ['redis-server', '--masterauth', PASSWORD],
    data: ['redis.conf', `bind 0.0.0.0\nrequirepass ${PASSWORD}\n`],
    secret: PASSWORD,
    found: /a password flag|a Redis password directive/,
  },
  'password= line': {
    env: ['PG_DSN', `host=db user=app password=${PASSWORD} dbname=app`],
    args: ['--set', `auth.password=${PASSWORD}`],
    command: ['sh', '-c', `echo password=${PASSWORD} >> /etc/app.conf && exec app`],
    data: ['db.properties', `db.url=jdbc:postgresql://db:5432/app\ndb.user=app\ndb.password=${PASSWORD}\n`],
    secret: PASSWORD,
    found: /a password setting/,
  },
};
const NAMES = Object.keys(PATTERNS);

/** Declares one WebApp and one ConfigMap per pattern, named p0, p1, ... */
function declarePatterns(chart: Chart): void {
  NAMES.forEach((name, i) => {
    const p = PATTERNS[name];
    new WebApp(chart, `p${i}`, { name: `p${i}`, image: 'app:1.0.0', env: { LOG_LEVEL: 'info', [p.env[0]]: p.env[1] }, args: [...p.args], command: [...p.command] });
    new kplus.ConfigMap(chart, `cm${i}`, { metadata: { name: `p${i}` }, data: { MODE: 'production', [p.data[0]]: p.data[1] } });
  });
}

/** The value at a field path (`spec.containers[0].env[1].value`, `data["app.properties"]`) of an object. */
function valueAt(obj: unknown, field: string): unknown {
  let node: unknown = obj;
  for (const [, key, index, quoted] of field.matchAll(/\.?([^.[\]]+)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g)) {
    const k = key ?? (index !== undefined ? Number(index) : JSON.parse(quoted));
    node = node && typeof node === 'object' ? (node as Record<string | number, unknown>)[k] : undefined;
  }
  return node;
}

const PLACES = ['env', 'args', 'command', 'data'] as const;

describe('each pattern in each place of the synthesized output', () => {
  // Policies off, so that the output is written and the scan of dist/ has something to read.
  const { app, dir } = testApp({ policies: false });
  declarePatterns(new Chart(app.k8s, 'c'));
  app.synth();
  const dist = path.join(dir, 'dist');
  const docs = Yaml.load(path.join(dist, 'c.k8s.yaml')) as Record<string, unknown>[];
  const findings = scanDirForSecrets(dist);

  const cases = NAMES.flatMap((name, i) => PLACES.map((place) => [name, place, i] as const));
  test.each(cases)('%s in %s', (name, place, i) => {
    const p = PATTERNS[name];
    const object = place === 'data' ? `ConfigMap p${i}` : `Deployment p${i}`;
    const where = place === 'env' ? `container app env ${p.env[0]}` : place === 'data' ? `data ${p.data[0]}` : `container app ${place}[`;
    const found = findings.filter((f) => f.location.startsWith(`${object} ${where}`));
    expect(found).toEqual([expect.objectContaining({ file: 'c.k8s.yaml', kind: 'content-secret', optedIn: false, found: expect.stringMatching(p.found), field: expect.any(String) })]);
    // The field is the value, or the item of the list, that holds the secret.
    const doc = docs.find((d) => `${d.kind} ${(d.metadata as { name: string }).name}` === object);
    expect(valueAt(doc, found[0].field!)).toEqual(expect.stringContaining(p.secret));
  });

  test('nothing else is a finding: not the ordinary env vars and ConfigMap keys beside them', () => {
    expect(findings).toHaveLength(cases.length);
    expect(findings.filter((f) => /LOG_LEVEL|MODE/.test(f.location))).toEqual([]);
  });

  test('no finding repeats a secret', () => {
    const text = JSON.stringify(findings);
    for (const s of SECRETS) expect(text).not.toContain(s);
  });
});

describe('NKS-SEC-1 at synth', () => {
  test('each pattern in each place stops synth with an error at its field; nothing is written; no message repeats a secret', () => {
    const { app, dir } = testApp();
    declarePatterns(new Chart(app.k8s, 'c'));
    let error: unknown;
    try {
      app.synth();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PolicyViolationError);
    const errors = (error as PolicyViolationError).report.errors.filter((e) => e.ruleId === 'NKS-SEC-1');
    expect(errors).toHaveLength(NAMES.length * PLACES.length);
    NAMES.forEach((name, i) => {
      const p = PATTERNS[name];
      const ofApp = errors.filter((e) => e.path === `c/p${i}/Resource/Resource`);
      expect(ofApp.map((e) => e.field)).toEqual([
        expect.stringMatching(/^spec\.template\.spec\.containers\[0\]\.env\[\d\]\.value$/),
        expect.stringMatching(/^spec\.template\.spec\.containers\[0\]\.command\[\d\]$/),
        expect.stringMatching(/^spec\.template\.spec\.containers\[0\]\.args\[\d\]$/),
      ]);
      expect(ofApp[0].message).toMatch(new RegExp(`^env "${p.env[0]}" of container "app" holds `));
      expect(ofApp[2].message).toMatch(/^args\[\d\] of container "app" holds /);
      const ofConfigMap = errors.filter((e) => e.path === `c/cm${i}/Resource`);
      expect(ofConfigMap).toEqual([expect.objectContaining({ field: expect.stringMatching(/^data/), message: expect.stringMatching(new RegExp(`^data key "${p.data[0]}" holds `)) })]);
      for (const e of [...ofApp, ...ofConfigMap]) expect(e.message).toMatch(p.found);
    });
    const text = JSON.stringify((error as PolicyViolationError).report.findings) + (error as Error).message;
    for (const s of SECRETS) expect(text).not.toContain(s);
    expect(fs.existsSync(path.join(dir, 'dist'))).toBe(false);
  });

  test('a suppression with a reason lets the object through, as for any rule', () => {
    const { app } = testApp();
    const chart = new Chart(app.k8s, 'c');
    const web = new WebApp(chart, 'web', { image: 'app:1.0.0', args: ['--password', PASSWORD] });
    Policies.suppress(web, 'NKS-SEC-1', 'a throwaway password of the demo database, rotated on deploy');
    app.synth();
    expect(Policies.of(app).lastReport!.findings.filter((f) => f.ruleId.startsWith('NKS-SEC'))).toEqual([
      expect.objectContaining({ ruleId: 'NKS-SEC-1', field: 'spec.template.spec.containers[0].args[1]', suppressed: expect.objectContaining({ reason: expect.any(String) }) }),
    ]);
  });
});

// Values as real programs set them: none of these is secret material.
const ORDINARY_ENV: Readonly<Record<string, string>> = {
  PORT: '8080', LOG_LEVEL: 'info', NODE_ENV: 'production', TZ: 'Asia/Seoul', LANG: 'C.UTF-8', JAVA_OPTS: '-Xms256m -Xmx512m -XX:+UseG1GC',
  GOMAXPROCS: '2', SPRING_PROFILES_ACTIVE: 'prod,kr1', DB_HOST: 'postgres.db.svc.cluster.local', DB_PORT: '5432', DB_USER: 'app', DB_NAME: 'shop',
  REDIS_URL: 'redis://redis-master:6379/0', DATABASE_URL: 'postgres://db:5432/shop?sslmode=require', API_BASE_URL: 'https://api.example.com/v1/',
  AMQP_URL: 'amqp://rabbitmq:5672/%2F', S3_ENDPOINT: 'https://kr1-api-object-storage.nhncloudservice.com', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel-collector:4317',
  // Switches and file paths next to password-like names, and references filled from Secrets at run time.
  ALLOW_EMPTY_PASSWORD: 'no', MYSQL_RANDOM_ROOT_PASSWORD: 'yes', POSTGRES_PASSWORD_FILE: '/run/secrets/postgres-password', PASSWORD_MIN_LENGTH: '12',
  DB_PASSWORD: '$(POSTGRES_PASSWORD)', PGPASSFILE: '/etc/pgpass', CONNECTION: 'host=db user=app password=$(DB_PASSWORD) dbname=app',
  BUILD_SHA: '3f2a9c1e8b7d6a5f4e3d2c1b0a9f8e7d6c5b4a39', IMAGE_DIGEST: 'sha256:4bcff63911fcb4448bd4fdacec207030997caf25e9bea4045fa6c8c44de311d1',
  REQUEST_ID_HEADER: 'X-Request-Id', CORS_ORIGINS: 'https://shop.example.com,https://admin.example.com', TOKEN_TTL: '15m', PWD: '/app',
};
const ORDINARY_ARGS: readonly string[][] = [
  ['--port=80'], ['--port', '8080'], ['-p', '5432'], ['--config=/etc/app/config.yaml'], ['--log-level', 'debug'], ['--metrics-bind-address=:8443'],
  ['--password-file=/run/secrets/db'], ['--password', '$(DB_PASSWORD)'], ['--password=$(DB_PASSWORD)'], ['--requirepass', '$(REDIS_PASSWORD)'], ['--no-password'],
  ['--upstream', 'http://backend:8080/api'], ['--url=https://example.com/path?query=1'], ['nginx', '-g', 'daemon off;'],
  ['sh', '-c', 'until pg_isready -h db -p 5432; do sleep 1; done'], ['sh', '-c', 'mysql -h db -u app --password="$MYSQL_PASSWORD" -e "select 1"'],
  ['--default-ssl-certificate=ingress-nginx/wildcard-tls'], ['--token-ttl=1h'], ['--secret-name=app-tls'],
];
const ORDINARY_DATA: Readonly<Record<string, string>> = {
  'nginx.conf': 'server {\n  listen 80;\n  location / { proxy_pass http://backend:8080; }\n}\n',
  'application.properties': 'spring.datasource.url=jdbc:postgresql://db:5432/app\nspring.datasource.username=app\nspring.datasource.password=${DB_PASSWORD}\n',
  'redis.conf': 'bind 0.0.0.0\nport 6379\n# requirepass is set from the Secret at start\nappendonly yes\n',
  'config.yaml': 'server:\n  port: 8080\ndatabase:\n  host: db\n  password:\n    secretKeyRef: db-password\nfeatures:\n  passwordless: true\n',
  'settings.json': '{"url": "https://api.example.com", "password": "{{ .Values.password }}", "retries": 3}',
  MODE: 'production', 'index.html': '<html><body><p>Forgot your password? Ask the admin.</p></body></html>',
};

describe('ordinary values are not findings', () => {
  test('env values, URLs without credentials, args like --port=80 and config files, one by one', () => {
    const strings = [
      ...Object.entries(ORDINARY_ENV).map(([k, v]) => `${k}=${v}`),
      ...ORDINARY_ARGS.map((a) => a.join(' ')),
      ...Object.entries(ORDINARY_DATA).map(([k, v]) => `${k}=${v}`),
    ];
    const found = findSecretsInStrings(strings).flatMap((matches, i) => matches.map((m) => `${strings[i]} → ${m.what}`));
    expect(found).toEqual([]);
  });

  test('the same values in a program: synth passes NKS-SEC-1, and the scan of dist/ finds nothing', () => {
    const { app, dir } = testApp();
    const chart = new Chart(app.k8s, 'c');
    ORDINARY_ARGS.forEach((args, i) => new WebApp(chart, `app${i}`, { image: 'app:1.0.0', env: ORDINARY_ENV, args }));
    new kplus.ConfigMap(chart, 'config', { data: ORDINARY_DATA });
    app.synth();
    expect(Policies.of(app).lastReport!.findings.filter((f) => f.ruleId.startsWith('NKS-SEC'))).toEqual([]);
    expect(scanDirForSecrets(path.join(dir, 'dist'))).toEqual([]);
  });
});

describe('explicit opt-ins stay as they are', () => {
  const ENV = { SECRETS_TEST_REGISTRY_PASSWORD: 'registry-pw-9', SECRETS_TEST_CERT: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----', SECRETS_TEST_KEY: '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----' };
  beforeAll(() => Object.assign(process.env, ENV));
  afterAll(() => Object.keys(ENV).forEach((k) => delete process.env[k]));

  test('RegistryCredentials and LoadBalancerCertificate.fromEnvironment: NKS-SEC-2 warnings only, every scan finding opted in, none by content', () => {
    const { app, dir } = testApp();
    const chart = new Chart(app.k8s, 'c');
    new RegistryCredentials(chart, 'creds', { server: 'example-kr1-registry.container.nhncloud.com', username: 'me@example.com', passwordEnv: 'SECRETS_TEST_REGISTRY_PASSWORD' });
    new Service(chart, 'svc', {
      type: 'LoadBalancer',
      ports: [443],
      loadBalancer: { listeners: [{ port: 443, listenerProtocol: 'TERMINATED_HTTPS', terminatedHttps: { certificate: LoadBalancerCertificate.fromEnvironment({ certificateEnv: 'SECRETS_TEST_CERT', privateKeyEnv: 'SECRETS_TEST_KEY' }) } }] },
    });
    app.synth();
    const report = Policies.of(app).lastReport!;
    expect(report.errors).toEqual([]);
    expect(report.warnings.map((w) => [w.ruleId, w.path])).toEqual([['NKS-SEC-2', 'c/creds/Resource'], ['NKS-SEC-2', 'c/svc/Resource']]);
    const findings = scanDirForSecrets(path.join(dir, 'dist'));
    expect(findings.map((f: SecretFinding) => [f.kind, f.optedIn])).toEqual([['secret-data', true], ['private-key', true]]);
  });

  test('content found in an object marked opted in is reported as opted in (NKS-SEC-2), not as an error', () => {
    const { app } = testApp();
    new ApiObject(new Chart(app.k8s, 'c'), 'x', {
      apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', annotations: { [PLAINTEXT_SECRET_ANNOTATION]: 'written on purpose' } }, data: { AWS_ACCESS_KEY_ID: AWS_KEY_ID },
    });
    app.synth();
    const report = Policies.of(app).lastReport!;
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([expect.objectContaining({ ruleId: 'NKS-SEC-2', field: 'data.AWS_ACCESS_KEY_ID', message: expect.stringMatching(/AWS access key ID.*\(opted in: written on purpose\)$/) })]);
  });
});

describe('the secretlint worker', () => {
  test('a synth with nothing to scan does not start it; a synth with something makes one call with every string', () => {
    const before = secretlintWorkerStats();
    const quiet = testApp();
    // The bench's app: a Deployment and a Service, no env, args, command, annotations or ConfigMaps.
    new WebApp(new Chart(quiet.app.k8s, 'c'), 'web', { image: 'nginx:1.27.0', ports: [80] });
    quiet.app.synth();
    expect(secretlintWorkerStats()).toEqual(expect.objectContaining({ starts: before.starts, scans: before.scans }));

    const busy = testApp();
    const chart = new Chart(busy.app.k8s, 'c');
    for (let i = 0; i < 50; i++) new WebApp(chart, `web${i}`, { image: 'nginx:1.27.0', env: { PORT: '8080', APP_INDEX: String(i) }, args: ['--port=8080'] });
    busy.app.synth();
    const after = secretlintWorkerStats();
    expect(after.scans).toBe(before.scans + 1);
    // Each distinct string once: PORT=8080, --port=8080 and the 50 APP_INDEX lines.
    expect(after.strings).toBe(before.strings + 52);
    expect(after.running).toBe(true);
  });

  test('it stops when idle, and starts again when needed', async () => {
    findSecretsInStrings(['PORT=80']);
    expect(secretlintWorkerStats().running).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(secretlintWorkerStats().running).toBe(false);
    const { starts } = secretlintWorkerStats();
    expect(findSecretsInStrings([`--password ${PASSWORD}`, `AWS_ACCESS_KEY_ID=${AWS_KEY_ID}`]).map((m) => m.length)).toEqual([1, 1]);
    expect(secretlintWorkerStats()).toEqual(expect.objectContaining({ starts: starts + 1, running: true }));
  });

  test('a batch larger than one lint chunk (1,000 strings) maps every match back to its string', () => {
    const strings = Array.from({ length: 2_500 }, (_, i) => (i % 500 === 7 ? `AWS_ACCESS_KEY_ID=AKIAZ7VRSQ5XQX${String(i).padStart(6, '0')}` : `APP_INDEX=${i}`));
    const found = findSecretsInStrings(strings).flatMap((m, i) => (m.length ? [i] : []));
    expect(found).toEqual([7, 507, 1007, 1507, 2007]);
  });
});

describe('NKS-SEC-1 on objects as written', () => {
  test.each([
    ['a password flag split over two args', pod([{ ...GOOD_CONTAINER, args: ['--requirepass', PASSWORD] }]), 'spec.containers[0].args[1]'],
    ['an AWS key in an init container\'s env', pod([GOOD_CONTAINER], { initContainers: [{ ...GOOD_CONTAINER, name: 'init', env: [{ name: 'AWS_SECRET_ACCESS_KEY', value: AWS_SECRET }] }] }), 'spec.initContainers[0].env[0].value'],
    ['credentials in an annotation', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', annotations: { 'example.com/callback': `https://hook:${PASSWORD}@hooks.example.com/x` } } }, 'metadata.annotations["example.com/callback"]'],
    ['a password line in a ConfigMap key with a dot', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, data: { 'app.ini': `[db]\npassword = ${PASSWORD}\n` } }, 'data["app.ini"]'],
  ])('%s', (_name, obj, field) => {
    const { app } = testApp();
    raw(new Chart(app.k8s, 'c'), obj);
    let error: unknown;
    try {
      app.synth();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PolicyViolationError);
    expect((error as PolicyViolationError).report.errors).toEqual([expect.objectContaining({ ruleId: 'NKS-SEC-1', path: 'c/x', field })]);
  });
});

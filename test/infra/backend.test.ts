// Teams share state: the s3 backend on NHN Cloud Object Storage, as it lands in cdk.tf.json of both stacks.
import { Cluster, ImageRef, KeyPair, Network, Platform, PlatformApp, StateBackend, ObjectStorageBackendProps } from '../../lib';
import { catchValidation, synth } from '../helpers';
import { IMAGE_ID, OPENSTACK, PUBLIC_KEY, SERVICE_GATEWAYS } from './fixtures';

const STORE: ObjectStorageBackendProps = { bucket: 'nks-terraform-state', endpoint: 'https://object-storage.example.nhncloud.test' };

function platform(app: PlatformApp, backend?: StateBackend, openstack = false) {
  const p = new Platform(app, { region: 'KR1', ...(openstack ? OPENSTACK : {}), backend });
  const cluster = new Cluster(p.infra, 'cluster', {
    name: 'c1',
    network: new Network(p.infra, 'vpc', { cidr: '192.168.0.0/24' }),
    image: ImageRef.fromId(IMAGE_ID),
    availabilityZone: openstack ? 'nova' : 'kr-pub-a',
    keyPair: new KeyPair(p.infra, 'key', { publicKey: PUBLIC_KEY }),
    ...(openstack ? {} : { serviceGateways: SERVICE_GATEWAYS }),
  });
  if (openstack) p.deployWorkloadsTo(cluster);
  return p;
}

describe('StateBackend', () => {
  test('local by default: a state file beside the output, by a relative path', () => {
    const { tf } = synth((app) => void platform(app));
    expect(tf['nks-infra'].terraform.backend).toEqual({ local: { path: '../../../terraform.nks-infra.tfstate' } });
  });

  test('Object Storage: the s3 backend for an S3-compatible store, one key per stack, no credentials', () => {
    const { tf, result } = synth((app) => void platform(app, StateBackend.objectStorage({ ...STORE, keyPrefix: 'teams/platform' })));
    expect(tf['nks-infra'].terraform.backend).toEqual({
      s3: {
        bucket: 'nks-terraform-state',
        key: 'teams/platform/nks-infra.tfstate',
        region: 'KR1',
        endpoints: { s3: 'https://object-storage.example.nhncloud.test' },
        use_path_style: true,
        skip_credentials_validation: true,
        skip_region_validation: true,
        skip_requesting_account_id: true,
        skip_metadata_api_check: true,
        skip_s3_checksum: true,
        use_lockfile: true,
      },
    });
    expect(JSON.stringify(tf['nks-infra'])).not.toMatch(/access_key|secret_key|AWS_/);
    // The lock file is written, and synth says what it does not guarantee on NHN Cloud.
    expect(result.warnings).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'nks-infra', message: expect.stringMatching(/conditional writes \(If-None-Match\).*one apply per stack at a time/) })]),
    );
  });

  test('lockfile: false writes no lock file and no warning about it', () => {
    const { tf, result } = synth((app) => void platform(app, StateBackend.objectStorage({ ...STORE, lockfile: false, region: 'kr1' })));
    expect(tf['nks-infra'].terraform.backend.s3.use_lockfile).toBeUndefined();
    expect(tf['nks-infra'].terraform.backend.s3.region).toBe('kr1');
    expect(result.warnings.filter((w) => /use_lockfile/.test(w.message))).toEqual([]);
  });

  test('the workloads stack keeps its state in the same store and reads the infrastructure outputs from it', () => {
    const { tf } = synth((app) => void platform(app, StateBackend.objectStorage(STORE), true));
    const workloads = tf['nks-workloads'];
    expect(workloads.terraform.backend.s3).toMatchObject({ bucket: 'nks-terraform-state', key: 'nks-cdk/nks-workloads.tfstate', region: 'RegionOne' });
    const remote = Object.values(workloads.data.terraform_remote_state) as { backend: string; config: Record<string, unknown> }[];
    expect(remote).toHaveLength(1);
    expect(remote[0].backend).toBe('s3');
    expect(remote[0].config).toMatchObject({ bucket: 'nks-terraform-state', key: 'nks-cdk/nks-infra.tfstate', endpoints: { s3: STORE.endpoint }, use_path_style: true });
  });

  test.each([
    ['an http endpoint', { ...STORE, endpoint: 'http://object-storage.example' }, 'backend.endpoint', /https:\/\/ URL without credentials/],
    ['an endpoint that is no URL', { ...STORE, endpoint: 'object-storage' }, 'backend.endpoint', /https:\/\/ URL/],
    ['an uppercase bucket', { ...STORE, bucket: 'State' }, 'backend.bucket', /3 to 63 lowercase letters/],
    ['a key prefix with a leading slash', { ...STORE, keyPrefix: '/state' }, 'backend.keyPrefix', /without a leading or trailing "\/"/],
    ['lockfile as a string', { ...STORE, lockfile: 'yes' }, 'backend.lockfile', /boolean/],
  ])('refused: %s', (_, props, field, rule) => {
    const e = catchValidation(() => synth((app) => void platform(app, StateBackend.objectStorage(props as ObjectStorageBackendProps))));
    expect(e).toMatchObject({ path: 'nks-infra', field });
    expect(e.rule).toMatch(rule);
    expect(e.fix).not.toBe('');
  });

  test('credentials are refused without being echoed: Terraform reads them from the environment', () => {
    const e = catchValidation(() => synth((app) => void platform(app, StateBackend.objectStorage({ ...STORE, secretKey: 'wJalrXUtnFEMI/K7MDENG' } as ObjectStorageBackendProps))));
    expect(e).toMatchObject({ path: 'nks-infra', field: 'backend.secretKey' });
    expect(e.fix).toMatch(/AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY/);
    expect(e.message).not.toContain('wJalrXUtnFEMI');
  });

  test('an endpoint with user:password is refused without being echoed', () => {
    const e = catchValidation(() => synth((app) => void platform(app, StateBackend.objectStorage({ ...STORE, endpoint: 'https://key:hunter2@object-storage.example' }))));
    expect(e.field).toBe('backend.endpoint');
    expect(e.message).not.toContain('hunter2');
  });

  test('a backend that is not a StateBackend', () => {
    const e = catchValidation(() => synth((app) => void platform(app, { kind: 's3' } as unknown as StateBackend)));
    expect(e).toMatchObject({ path: 'nks-infra', field: 'backend' });
    expect(e.fix).toMatch(/StateBackend\.objectStorage/);
  });
});

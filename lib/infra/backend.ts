// Where Terraform keeps each stack's state: a local file beside the output (the default), or NHN Cloud Object
// Storage through Terraform's `s3` backend, so that a team shares one state and applies from any machine.
//
// Sources:
// - NHN Cloud Object Storage offers an Amazon S3 compatible API with EC2-style credentials (NHN Cloud docs,
//   Storage > Object Storage > "Amazon S3 Compatible API Guide"; ../shared/NKS-FACTS.md, "Team state").
// - Terraform's s3 backend (developer.hashicorp.com/terraform/language/backend/s3): `endpoints.s3` for an
//   S3-compatible store, `skip_credentials_validation`/`skip_requesting_account_id` (no AWS STS/IAM there),
//   `skip_region_validation` (the region is not an AWS one), `skip_metadata_api_check` (no EC2 metadata),
//   `skip_s3_checksum` ("useful for some S3-compatible APIs"), `use_lockfile` (S3 native locking, Terraform
//   1.10+, which writes the lock object with a conditional `If-None-Match` PutObject). Credentials come from
//   the standard variables AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.
import { S3Backend, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { fail, Where } from '../model/errors';
import type { WarningId } from '../warnings';

/**
 * Whether NHN Cloud Object Storage honours `If-None-Match` on PutObject, which Terraform's lock file needs to
 * exclude a second apply. NHN's S3 API guide lists its methods and documents no conditional writes, so this
 * is unconfirmed [guess: kept here only]; synth says so whenever the lock file is on.
 */
export const OBJECT_STORAGE_CONDITIONAL_WRITES_CONFIRMED = false;

/**
 * Addressing of the bucket: path style (`https://<endpoint>/<bucket>/<key>`) [guess: S3-compatible stores take
 * it, and NHN's guide documents its requests with the bucket in the path; no NHN page settles virtual-host style].
 */
const USE_PATH_STYLE = true;

/** Properties of {@link StateBackend.objectStorage}. */
export interface ObjectStorageBackendProps {
  /**
   * The Object Storage container (the S3 bucket) that holds the state, made beforehand (NHN Cloud console:
   * Storage > Object Storage > Create Container, access policy PRIVATE).
   */
  readonly bucket: string;
  /**
   * The S3 API endpoint of the container's region, an `https://` URL, as NHN Cloud's "Amazon S3 Compatible
   * API Guide" gives it for that region.
   */
  readonly endpoint: string;
  /**
   * Key prefix: each stack's state is the object `<keyPrefix>/<stack id>.tfstate` in the bucket.
   * @default 'nks-cdk'
   */
  readonly keyPrefix?: string;
  /**
   * The region name signed into the S3 requests.
   * @default the stack's region (`KR1`, or the cloud profile's region on the openstack target)
   */
  readonly region?: string;
  /**
   * Write Terraform's S3 lock file (`use_lockfile`, Terraform 1.10 or newer) beside each state. Whether NHN
   * Cloud Object Storage makes it exclusive is unconfirmed (synth warns): run one apply at a time per stack,
   * e.g. one CI job with a concurrency group.
   * @default true
   */
  readonly lockfile?: boolean;
}

/** The checked settings of an Object Storage backend. */
interface ObjectStorageSettings {
  readonly bucket: string;
  readonly endpoint: string;
  readonly keyPrefix: string;
  readonly region?: string;
  readonly lockfile: boolean;
}

/** Props that would put credentials into cdk.tf.json; Terraform reads them from the environment instead. */
const CREDENTIAL_PROPS = ['accessKey', 'secretKey', 'token', 'access_key', 'secret_key'] as const;

/**
 * Where Terraform keeps a stack's state: {@link StateBackend.local} (the default) or
 * {@link StateBackend.objectStorage}. A workloads stack keeps its state where its cluster's stack does, and
 * reads the infrastructure's outputs from there.
 */
export class StateBackend {
  /** A local state file beside the output directory (`terraform.<stack>.tfstate`): one machine, no team. */
  public static local(): StateBackend {
    return new StateBackend('local', undefined);
  }

  /**
   * NHN Cloud Object Storage through Terraform's `s3` backend. The credentials are the Object Storage S3 API
   * credentials (console: Storage > Object Storage > S3 API Credentials), read by Terraform from
   * `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY`: they never appear in the program or in cdk.tf.json.
   */
  public static objectStorage(props: ObjectStorageBackendProps): StateBackend {
    return new StateBackend('objectStorage', props);
  }

  private constructor(
    /** `local` or `objectStorage`. */
    public readonly kind: 'local' | 'objectStorage',
    private readonly props: ObjectStorageBackendProps | undefined,
  ) {}

  /** Writes the backend of `stack` (nothing for a local one: synth adds a portable local backend). */
  public applyTo(stack: TerraformStack, where: Where, defaultRegion: string, warn: (scope: IConstruct, id: WarningId, message: string) => void): void {
    if (this.kind === 'local') return;
    const s = checkObjectStorage(this.props, where);
    const backend = new S3Backend(stack, {
      bucket: s.bucket,
      key: `${s.keyPrefix}/${stack.node.id}.tfstate`,
      region: s.region ?? defaultRegion,
      endpoints: { s3: s.endpoint },
      usePathStyle: USE_PATH_STYLE,
      skipCredentialsValidation: true,
      skipRegionValidation: true,
      skipRequestingAccountId: true,
      skipMetadataApiCheck: true,
    });
    // Neither has a typed field in cdktf 0.21's S3BackendConfig.
    backend.addOverride('skip_s3_checksum', true);
    if (s.lockfile) {
      backend.addOverride('use_lockfile', true);
      if (!OBJECT_STORAGE_CONDITIONAL_WRITES_CONFIRMED) {
        warn(
          stack,
          'nks-cdk:stateLockUnconfirmed',
          `${stack.node.id} keeps its state in Object Storage with Terraform's lock file (use_lockfile), which needs conditional writes (If-None-Match) that NHN Cloud's S3 API guide does not document: two applies at once may not exclude each other. Run one apply per stack at a time (one CI job with a concurrency group), or pass lockfile: false to say so.`,
        );
      }
    }
  }
}

function checkObjectStorage(props: ObjectStorageBackendProps | undefined, where: Where): ObjectStorageSettings {
  const at = (f: string): Where => ({ path: where.path, field: `${where.field}.${f}` });
  if (typeof props !== 'object' || props === null) {
    fail(where, props, 'StateBackend.objectStorage takes { bucket, endpoint }', 'pass StateBackend.objectStorage({ bucket: "<container>", endpoint: "https://<the S3 API endpoint of its region>" })');
  }
  for (const name of CREDENTIAL_PROPS) {
    if ((props as unknown as Record<string, unknown>)[name] !== undefined) {
      fail(at(name), '(a credential)', 'backend credentials would be written into cdk.tf.json in plaintext; Terraform reads them from the environment', 'remove it and export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (the Object Storage S3 API credentials) where cdktf deploy runs');
    }
  }
  const bucket: unknown = props.bucket;
  if (typeof bucket !== 'string' || !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket) || bucket.includes('..')) {
    // The S3 API's bucket naming rules (3–63 lowercase letters, digits, dots and hyphens), which S3 clients
    // such as Terraform's backend apply to the bucket they address.
    fail(at('bucket'), bucket, 'a bucket name for the S3 API is 3 to 63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit', 'use the name of an Object Storage container that follows those rules, e.g. "nks-terraform-state"');
  }
  const endpoint: unknown = props.endpoint;
  let url: URL | undefined;
  try {
    url = typeof endpoint === 'string' ? new URL(endpoint) : undefined;
  } catch {
    url = undefined;
  }
  if (!url || url.protocol !== 'https:' || url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    fail(at('endpoint'), url && (url.username || url.password) ? '(a URL with credentials)' : endpoint, 'the S3 endpoint is an https:// URL without credentials, query or fragment (the state holds secrets, and the requests carry the access key signature)', "pass the https:// S3 API endpoint of the container's region from NHN Cloud's Amazon S3 Compatible API Guide");
  }
  const keyPrefix: unknown = props.keyPrefix ?? 'nks-cdk';
  if (typeof keyPrefix !== 'string' || keyPrefix === '' || /^\/|\/$|\s|\/\//.test(keyPrefix)) {
    fail(at('keyPrefix'), keyPrefix, 'a key prefix is a non-empty path without spaces, without a leading or trailing "/" and without "//"', 'use e.g. "teams/platform"');
  }
  const region: unknown = props.region;
  if (region !== undefined && (typeof region !== 'string' || !/^[A-Za-z0-9-]+$/.test(region))) {
    fail(at('region'), region, 'a region name is letters, digits and hyphens', "omit it (the stack's region is used) or pass e.g. 'KR1'");
  }
  const lockfile: unknown = props.lockfile ?? true;
  if (typeof lockfile !== 'boolean') {
    fail(at('lockfile'), lockfile, 'lockfile is the boolean true or false', 'pass true or false');
  }
  return { bucket, endpoint: endpoint as string, keyPrefix, region: region as string | undefined, lockfile };
}

/** Whether `x` is a StateBackend (made by StateBackend.local or StateBackend.objectStorage). */
export function isStateBackend(x: unknown): x is StateBackend {
  return x instanceof StateBackend;
}

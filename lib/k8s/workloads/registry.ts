import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { warn } from '../../warnings';
import { PLAINTEXT_SECRET_ANNOTATION } from '../../model/secret-annotations';
import { at, fail, Where } from '../../model/errors';
import { checkDnsSubdomain } from '../../model/names';
import { whereOf } from '../../where';
import { objectMeta } from '../metadata';
import { IPullSecret } from '../pod-spec';
import { trackObjects } from '../unique-objects';
import { recordsProblems } from '../../problems';

/**
 * An image pull secret that already exists in the cluster, referenced by name. This is the default flow
 * and keeps credentials out of nks-cdk's output; create the secret once with
 * `kubectl create secret docker-registry registry-credential --docker-server=<registry address>
 * --docker-username=<NHN Cloud account email> --docker-password=<appkey>` (the guide's command).
 */
export class PullSecret implements IPullSecret {
  /** References a docker-registry Secret by name (validated as a DNS subdomain). */
  public static fromName(name: string): PullSecret {
    return new PullSecret(checkDnsSubdomain(name, { path: 'PullSecret.fromName', field: 'name' }));
  }

  private constructor(
    /** The Secret's name. */
    public readonly name: string,
  ) {}
}

/** Properties of {@link RegistryCredentials}. */
export interface RegistryCredentialsProps {
  /**
   * The Secret's name (a DNS subdomain); workloads reference it in `imagePullSecrets`.
   * @default - a name cdk8s generates from the construct path
   */
  readonly name?: string;
  /**
   * Namespace of the Secret; pods can only use pull secrets of their own namespace.
   * @default - the chart's namespace
   */
  readonly namespace?: string;
  /** Registry address without scheme, e.g. `xxxxxxxx-kr1-registry.container.nhncloud.com` (NHN Container Registry console). */
  readonly server: string;
  /** Registry user: the NHN Cloud account email in the guide (or an access key for IAM-key logins); no ":". */
  readonly username: string;
  /**
   * NAME of the environment variable that holds the password (the service or integrated Appkey),
   * read when the program runs. Never the password itself.
   */
  readonly passwordEnv: string;
  /**
   * Email recorded in the docker config.
   * @default - none
   */
  readonly email?: string;
}

const ENV_VAR_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const REGISTRY_SERVER = /^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*(:[0-9]{1,5})?$/;

/**
 * Opt-in: a `kubernetes.io/dockerconfigjson` Secret synthesized by nks-cdk, with the password read from an
 * environment variable when the program runs. The password then lands in `dist/` base64-encoded (which is
 * not encryption): anyone who can read the manifests, their git history or CI artifacts can read it. synth
 * warns about it. Prefer {@link PullSecret.fromName} with a secret created by `kubectl`.
 */
@recordsProblems
export class RegistryCredentials extends Construct implements IPullSecret {
  /** The Secret's name. */
  public readonly name: string;
  /** The registry address the credentials are for. */
  public readonly server: string;
  /** The environment variable the password was read from. */
  public readonly passwordEnv: string;
  /** The Secret object. */
  public readonly secret: kplus.k8s.KubeSecret;

  /** Creates the `kubernetes.io/dockerconfigjson` Secret, reading the password from the environment variable `props.passwordEnv`. */
  constructor(scope: Construct, id: string, props: RegistryCredentialsProps) {
    super(scope, id);
    const where = whereOf(this, '');
    const metadata = objectMeta({ name: props.name, namespace: props.namespace }, where);
    this.server = checkServer(props.server, at(where, 'server'));
    if (!props.username) fail(at(where, 'username'), props.username, 'the registry user is required', 'give the NHN Cloud account email (or access key) used to log in to the registry');
    // Docker's `auth` field is base64("user:password") and is split at the first ':', so a ':' in the user name corrupts the login.
    if (typeof props.username !== 'string' || props.username.includes(':')) {
      fail(at(where, 'username'), props.username, 'the registry user is a string without ":" (the docker config joins user and password with ":")', 'give the account email or access key as shown in the NHN Cloud console');
    }
    this.passwordEnv = props.passwordEnv;
    const password = readPassword(props.passwordEnv, at(where, 'passwordEnv'));
    const auth = { username: props.username, password, email: props.email, auth: base64(`${props.username}:${password}`) };
    const dockerConfig = JSON.stringify({ auths: { [this.server]: auth } });
    this.secret = new kplus.k8s.KubeSecret(this, 'Resource', {
      // Marks the plaintext as asked for, so secret scans report it as opted in rather than leaked.
      metadata: { ...metadata, annotations: { ...metadata.annotations, [PLAINTEXT_SECRET_ANNOTATION]: `RegistryCredentials (password from $${props.passwordEnv})` } },
      type: 'kubernetes.io/dockerconfigjson',
      data: { '.dockerconfigjson': base64(dockerConfig) },
    });
    this.name = this.secret.name;
    trackObjects(this);
    warn(
      this,
      'nks-cdk:registryPasswordInManifests',
      `RegistryCredentials writes the password from $${props.passwordEnv} into the Secret "${this.name}" in the manifests, ` +
        'base64-encoded (not encrypted): anyone who can read dist/ (or its git history, or CI artifacts) can read it. ' +
        'Keep dist/ out of version control, or use PullSecret.fromName with `kubectl create secret docker-registry` instead.',
    );
  }
}

function checkServer(server: string, where: Where): string {
  if (typeof server === 'string' && /^[a-z]+:\/\//i.test(server)) {
    fail(where, server, 'the registry address has no scheme', `use "${server.replace(/^[a-z]+:\/\//i, '').replace(/\/.*$/, '')}"`);
  }
  if (typeof server !== 'string' || !REGISTRY_SERVER.test(server)) {
    fail(where, server, 'the registry address is a host name with an optional port', 'copy the address from the Container Registry console, e.g. "xxxxxxxx-kr1-registry.container.nhncloud.com"');
  }
  return server;
}

function readPassword(envName: string, where: Where): string {
  if (typeof envName !== 'string' || !ENV_VAR_NAME.test(envName)) {
    // The value may well be the password itself: never echo it.
    fail(where, '(redacted)', 'passwordEnv is the NAME of an environment variable (letters, digits, "_"), not the password', 'set e.g. `export NCR_PASSWORD=...` and pass passwordEnv: "NCR_PASSWORD"');
  }
  const password = process.env[envName];
  if (!password) {
    fail(where, envName, `environment variable ${envName} is not set (or empty) where the program runs`, `export ${envName}=<registry password> before synth, or use PullSecret.fromName with a secret created by kubectl`);
  }
  return password;
}

function base64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

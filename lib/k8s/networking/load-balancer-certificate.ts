// The certificate of an NHN `TERMINATED_HTTPS` listener, and how nks-cdk keeps its private key out of the
// output unless asked: NHN reads certificate and key from Service annotations, in plain text.
import { at, fail, Where } from '../../model/errors';

const PEM_BLOCK = (label: string): RegExp => new RegExp(`-----BEGIN [A-Z ]*${label}-----[\\s\\S]+-----END [A-Z ]*${label}-----`);
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Where {@link LoadBalancerCertificate.fromEnvironment} reads the PEM text. */
export interface PemFromEnvironmentProps {
  /** NAME of the environment variable holding the PEM certificate (with its BEGIN/END lines, intermediates may follow). */
  readonly certificateEnv: string;
  /** NAME of the environment variable holding the PEM private key. Never the key itself. */
  readonly privateKeyEnv: string;
}

/**
 * The certificate of a `TERMINATED_HTTPS` listener. NHN reads it from the Service's annotations, so the
 * private key would sit in plain text (not even base64) on the Service object, readable by anyone who may
 * read Services. Prefer {@link LoadBalancerCertificate.fromCertificateManager}.
 */
export abstract class LoadBalancerCertificate {
  /**
   * A certificate registered in NHN Cloud Certificate Manager, by name
   * (`listener-terminated-https-cert-manager-name`). Nothing secret lands in the manifests. Needs a cluster
   * created (or upgraded) on or after 2024-05-28.
   */
  public static fromCertificateManager(name: string): LoadBalancerCertificate {
    return new CertificateManagerRef(name);
  }

  /**
   * Opt-in: PEM certificate and private key read from environment variables when the program runs, written
   * into the Service annotations in plain text. Synth warns. Keep `dist/` out of version control then.
   */
  public static fromEnvironment(props: PemFromEnvironmentProps): LoadBalancerCertificate {
    return new EnvironmentPem(props.certificateEnv, props.privateKeyEnv);
  }

  /** @internal Annotation suffixes and values; `where` is the `certificate` field. */
  public abstract _render(where: Where): { annotations: Record<string, string>; warning?: string };
}

class CertificateManagerRef extends LoadBalancerCertificate {
  constructor(private readonly name: string) {
    super();
  }
  public _render(where: Where) {
    if (typeof this.name !== 'string' || this.name.trim() === '' || this.name.length > 255) {
      fail(where, this.name, 'a Certificate Manager certificate name is 1 to 255 characters', 'copy the name from the NHN Cloud Certificate Manager console');
    }
    return { annotations: { 'listener-terminated-https-cert-manager-name': this.name } };
  }
}

class EnvironmentPem extends LoadBalancerCertificate {
  constructor(
    private readonly certificateEnv: string,
    private readonly privateKeyEnv: string,
  ) {
    super();
  }
  public _render(where: Where) {
    const cert = readPem(this.certificateEnv, 'CERTIFICATE', at(where, 'certificateEnv'));
    const key = readPem(this.privateKeyEnv, 'PRIVATE KEY', at(where, 'privateKeyEnv'));
    return {
      annotations: { 'listener-terminated-https-cert': cert, 'listener-terminated-https-key': key },
      warning:
        `the TLS private key from $${this.privateKeyEnv} is written in plain text into the Service's annotations (NHN reads it there): ` +
        'anyone who can read Services, dist/ or its history can read it. Prefer LoadBalancerCertificate.fromCertificateManager.',
    };
  }
}

function readPem(envName: string, label: string, where: Where): string {
  if (typeof envName !== 'string' || !ENV_NAME.test(envName)) {
    // The value may be the PEM text itself: never echo it.
    fail(where, '(redacted)', 'this is the NAME of an environment variable (letters, digits, "_"), not the PEM text', 'export e.g. LB_TLS_KEY="$(cat tls.key)" and pass "LB_TLS_KEY"');
  }
  const text = process.env[envName];
  if (!text) fail(where, envName, `environment variable ${envName} is not set (or empty) where the program runs`, `export ${envName} with the PEM text before synth`);
  if (!PEM_BLOCK(label).test(text)) {
    fail(where, envName, `$${envName} must hold a PEM ${label.toLowerCase()} including its BEGIN and END lines`, `export the whole PEM file, e.g. ${envName}="$(cat file.pem)"`);
  }
  return text.trim();
}

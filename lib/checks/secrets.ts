// Finds secret material in synthesized files: private keys, tokens, Secret data, passwords in Terraform
// JSON or container env. Reports where, never what: a finding carries no part of the secret.
import * as fs from 'fs';
import * as path from 'path';
import { Yaml } from 'cdk8s';

/**
 * Annotation an object carries when the user explicitly asked nks-cdk to write secret material into it
 * (RegistryCredentials, LoadBalancerCertificate.fromEnvironment). Findings in it are reported as opted in.
 */
export const PLAINTEXT_SECRET_ANNOTATION = 'nks-cdk.io/plaintext-secret';

/** One piece of secret material in a file. */
export interface SecretFinding {
  /** The file, relative to the scanned directory. */
  readonly file: string;
  /** What was found. */
  readonly kind: 'private-key' | 'jwt' | 'secret-data' | 'env-secret' | 'terraform-secret';
  /** Where in the file: `Secret default/regcred data` or `resource.openstack_compute_instance_v2.vm.admin_pass`. */
  readonly location: string;
  /** Whether the object carries the opt-in annotation. */
  readonly optedIn: boolean;
}

const PRIVATE_KEY = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/;
const JWT = /eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/;
const SECRET_NAME = /(pass(word|wd)?|secret|token|api[_-]?key|private[_-]?key|client[_-]?key|credential)s?$/i;

type Json = Record<string, any>;

function textFindings(text: string, file: string, location: string, optedIn: boolean): SecretFinding[] {
  const out: SecretFinding[] = [];
  if (PRIVATE_KEY.test(text)) out.push({ file, kind: 'private-key', location, optedIn });
  if (JWT.test(text)) out.push({ file, kind: 'jwt', location, optedIn });
  return out;
}

function podSpecs(doc: Json): Json[] {
  const specs = [doc.spec, doc.spec?.template?.spec, doc.spec?.jobTemplate?.spec?.template?.spec];
  return specs.filter((s): s is Json => !!s && Array.isArray(s.containers));
}

/** Findings in one Kubernetes object. */
export function scanManifest(doc: Json, file: string): SecretFinding[] {
  if (!doc || typeof doc !== 'object') return [];
  const meta = doc.metadata ?? {};
  const object = `${doc.kind} ${meta.namespace ? `${meta.namespace}/` : ''}${meta.name}`;
  const optedIn = typeof meta.annotations?.[PLAINTEXT_SECRET_ANNOTATION] === 'string';
  const out = textFindings(JSON.stringify(doc), file, object, optedIn);
  if (doc.kind === 'Secret') {
    for (const field of ['data', 'stringData']) {
      if (doc[field] && Object.keys(doc[field]).length > 0) out.push({ file, kind: 'secret-data', location: `${object} ${field}`, optedIn });
    }
  }
  for (const spec of podSpecs(doc)) {
    for (const c of [...spec.containers, ...(spec.initContainers ?? [])]) {
      for (const env of c.env ?? []) {
        if (SECRET_NAME.test(env.name ?? '') && typeof env.value === 'string' && env.value !== '') {
          out.push({ file, kind: 'env-secret', location: `${object} container ${c.name} env ${env.name}`, optedIn });
        }
      }
    }
  }
  return out;
}

function walkTerraform(node: unknown, at: string, file: string, out: SecretFinding[]): void {
  if (Array.isArray(node)) node.forEach((n, i) => walkTerraform(n, `${at}[${i}]`, file, out));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      const here = at ? `${at}.${key}` : key;
      // A reference (`${...}`) is not secret material: Terraform fills it from state at apply.
      if (typeof value === 'string' && SECRET_NAME.test(key) && value !== '' && !value.includes('${')) {
        out.push({ file, kind: 'terraform-secret', location: here, optedIn: false });
      } else walkTerraform(value, here, file, out);
    }
  }
}

/** Findings in one synthesized file (`*.k8s.yaml`, `cdk.tf.json` or anything else, by its text). */
export function scanFileForSecrets(fullPath: string, file = path.basename(fullPath)): SecretFinding[] {
  const text = fs.readFileSync(fullPath, 'utf8');
  if (/\.ya?ml$/.test(fullPath)) {
    return (Yaml.load(fullPath) as Json[]).flatMap((doc) => scanManifest(doc, file));
  }
  if (/\.json$/.test(fullPath)) {
    const out: SecretFinding[] = textFindings(text, file, 'file', false);
    try {
      const json = JSON.parse(text) as Json;
      // The `//` metadata and outputs hold no literal values worth scanning by name.
      for (const section of ['provider', 'resource', 'data', 'variable', 'locals']) walkTerraform(json[section], section, file, out);
    } catch {
      // not JSON after all: the text scan above is all there is
    }
    return out;
  }
  return textFindings(text, file, 'file', false);
}

/** Findings in every file under `dir`, in path order. */
export function scanDirForSecrets(dir: string): SecretFinding[] {
  const files = (fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((f) => fs.statSync(path.join(dir, f)).isFile())
    .sort();
  return files.flatMap((f) => scanFileForSecrets(path.join(dir, f), f));
}

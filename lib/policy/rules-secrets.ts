// Rules on secret material written into the output in plain text (base64 is an encoding, not encryption).
// What counts as secret material is the secret scan's call (lib/checks/secrets.ts), so that the scan of
// dist/ and these rules never disagree; the rules add levels, fixes and suppressions. Messages name keys
// and fields, never values.
import { PLAINTEXT_SECRET_ANNOTATION, scanManifest, SecretFinding } from '../checks/secrets';
import { containersOf, fieldPath, isObj, list, metadataOf, str, stringMap } from './objects';
import { KubeObject, PolicyProblem, PolicyRule } from './types';

/** A scan finding as a problem of the object: what was found and, where it can be told, in which field. */
function problemOf(obj: KubeObject, finding: SecretFinding): PolicyProblem {
  switch (finding.kind) {
    case 'secret-data': {
      const field = finding.location.endsWith(' stringData') ? 'stringData' : 'data';
      const keys = Object.keys(stringMap(obj[field])).join(', ');
      return { message: `Secret holds the values of ${keys || 'its keys'} in ${field}`, field };
    }
    case 'env-secret': {
      const [, container, env] = / container (\S+) env (\S+)$/.exec(finding.location) ?? [];
      const at = containersOf(obj, ['initContainers', 'containers']).find((c) => str(c.container, 'name') === container);
      const index = at ? list(at.container.env).findIndex((e) => isObj(e) && e.name === env) : -1;
      return {
        message: `env ${JSON.stringify(env)} of container ${JSON.stringify(container)} has a literal value and is named like a secret`,
        ...(at && index >= 0 ? { field: fieldPath(fieldPath(fieldPath(at.path, 'env'), index), 'value') } : {}),
      };
    }
    default: {
      // A private key or token in the object's text: an annotation is where nks-cdk puts one (the LB TLS key).
      const what = finding.kind === 'private-key' ? 'a PEM private key' : 'a JSON Web Token';
      const annotation = Object.entries(stringMap(metadataOf(obj).annotations)).find(([, v]) => v.includes(finding.kind === 'private-key' ? 'PRIVATE KEY-----' : 'eyJ'));
      return annotation
        ? { message: `annotation ${JSON.stringify(annotation[0])} holds ${what} in plain text`, field: fieldPath('metadata.annotations', annotation[0]) }
        : { message: `the object holds ${what} in plain text` };
    }
  }
}

/** The object's secret material, when its opt-in marker is (`optedIn`) or is not present. */
function secretMaterial(obj: KubeObject, optedIn: boolean): PolicyProblem[] {
  const marker = stringMap(metadataOf(obj).annotations)[PLAINTEXT_SECRET_ANNOTATION];
  if ((marker !== undefined) !== optedIn) return [];
  const problems = scanManifest(obj as Record<string, unknown>, '').map((f) => problemOf(obj, f));
  return optedIn ? problems.map((p) => ({ ...p, message: `${p.message} (opted in: ${marker})` })) : problems;
}

/** NKS-SEC-1: secret material in the manifests that nobody opted in to. */
export const PLAINTEXT_SECRET: PolicyRule = {
  id: 'NKS-SEC-1',
  level: 'error',
  explanation:
    'A password, token or private key in a manifest is readable by anyone who can read dist/, its git history, CI ' +
    'artifacts or the object in the cluster, and it sits in the program\'s source too. base64 hides nothing.',
  fix: 'Create the Secret outside the program (kubectl create secret, an external secrets operator, Sealed Secrets) and reference it: PullSecret.fromName, env valueFrom.secretKeyRef, LoadBalancerCertificate.fromCertificateManager.',
  checkManifest: (obj) => secretMaterial(obj, false),
};

/**
 * NKS-SEC-2: secret material the user asked for (objects marked `nks-cdk.io/plaintext-secret` by
 * RegistryCredentials or LoadBalancerCertificate.fromEnvironment): legal, but to be known.
 */
export const OPTED_IN_PLAINTEXT_SECRET: PolicyRule = {
  id: 'NKS-SEC-2',
  level: 'warning',
  explanation:
    'RegistryCredentials and LoadBalancerCertificate.fromEnvironment write a password or TLS key into the manifests on ' +
    'purpose (read from the environment at synth, never from source). The output is then as secret as the value: keep ' +
    'dist/ out of version control and CI artifacts.',
  fix: 'Prefer PullSecret.fromName (a Secret made with kubectl) and LoadBalancerCertificate.fromCertificateManager; or suppress NKS-SEC-2 on the construct, saying where dist/ is kept.',
  checkManifest: (obj) => secretMaterial(obj, true),
};

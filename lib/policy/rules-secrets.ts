// Rules on secret material written into the output in plain text (base64 is an encoding, not encryption).
// What counts as secret material is the secret scan's call (lib/checks/secrets.ts), so that the scan of
// dist/ and these rules never disagree; the rules add levels, fixes and suppressions. Messages name keys
// and fields, never values.
import { PLAINTEXT_SECRET_ANNOTATION } from '../model/secret-annotations';
import { scanManifest, SecretFinding } from '../checks/secrets';
import { fieldPath, metadataOf, stringMap } from './objects';
import { KubeObject, ManifestRuleContext, PolicyProblem, PolicyRule } from './types';

/** The place a content finding names at the end of its location (lib/checks/secrets.ts), in words. */
function placeOf(location: string): string {
  const env = / container (\S+) env (\S+)$/.exec(location);
  if (env) return `env ${JSON.stringify(env[2])} of container ${JSON.stringify(env[1])}`;
  const list = / container (\S+) (command|args)\[(\d+)\]$/.exec(location);
  if (list) return `${list[2]}[${list[3]}] of container ${JSON.stringify(list[1])}`;
  const annotation = / (pod template annotation|annotation) (\S+)$/.exec(location);
  if (annotation) return `${annotation[1]} ${JSON.stringify(annotation[2])}`;
  const data = / data (\S+)$/.exec(location);
  return data ? `data key ${JSON.stringify(data[1])}` : 'a value';
}

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
      return {
        message: `env ${JSON.stringify(env)} of container ${JSON.stringify(container)} has a literal value and is named like a secret`,
        ...(finding.field ? { field: finding.field } : {}),
      };
    }
    case 'content-secret':
      return { message: `${placeOf(finding.location)} holds ${finding.found ?? 'secret material'}`, ...(finding.field ? { field: finding.field } : {}) };
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
function secretMaterial(obj: KubeObject, context: ManifestRuleContext, optedIn: boolean): PolicyProblem[] {
  const marker = stringMap(metadataOf(obj).annotations)[PLAINTEXT_SECRET_ANNOTATION];
  if ((marker !== undefined) !== optedIn) return [];
  // All objects of the program are scanned by content in one call, on the first object checked.
  const problems = scanManifest(obj as Record<string, unknown>, '', { batch: context.objects }).map((f) => problemOf(obj, f));
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
  checkManifest: (obj, context) => secretMaterial(obj, context, false),
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
  checkManifest: (obj, context) => secretMaterial(obj, context, true),
};

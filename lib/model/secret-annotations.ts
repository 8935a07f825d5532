/**
 * Annotation an object carries when the user explicitly asked nks-cdk to write secret material into it
 * (RegistryCredentials, LoadBalancerCertificate.fromEnvironment). Findings in it are reported as opted in.
 */
export const PLAINTEXT_SECRET_ANNOTATION = 'nks-cdk.io/plaintext-secret';

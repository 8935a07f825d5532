import * as fs from 'fs';
import * as path from 'path';
import { fail, Where } from '../model/errors';

/** Environment variable naming the kubeconfig file of an NHN Cloud cluster (see {@link KubeconfigFileAccess}). */
export const KUBECONFIG_ENV = 'NKS_KUBECONFIG';

/**
 * Cluster credentials as Terraform references to the cluster resource's `kubeconfig` map (openstack target).
 * In a workloads stack they become references to sensitive outputs of the infrastructure stack.
 */
export interface TerraformClusterAccess {
  /** Discriminant: the credentials are Terraform references. */
  readonly kind: 'terraform';
  /** API server URL. */
  readonly host: string;
  /** The cluster CA certificate (PEM). */
  readonly clusterCaCertificate: string;
  /** Client certificate (PEM). */
  readonly clientCertificate: string;
  /** Client key (PEM). */
  readonly clientKey: string;
}

/**
 * A kubeconfig file the user provides after the cluster exists (nhncloud target: the provider leaves the
 * cluster's `kubeconfig` attribute empty; NKS serves the file at `GET /v1/clusters/{name}/config` and in the
 * console).
 */
export interface KubeconfigFileAccess {
  /** Discriminant: the credentials are in a kubeconfig file. */
  readonly kind: 'kubeconfig-file';
  /** Absolute path of the kubeconfig file. */
  readonly configPath: string;
  /** Where the path came from: the `kubeconfigFile` prop or the `NKS_KUBECONFIG` environment variable. */
  readonly source: 'kubeconfigFile' | typeof KUBECONFIG_ENV;
}

/**
 * How Terraform's Kubernetes provider (or any client) reaches a cluster's API. The field names are the
 * Kubernetes provider's configuration names, so either form can configure it as is.
 */
export type ClusterAccess = TerraformClusterAccess | KubeconfigFileAccess;

/**
 * The kubeconfig file for a cluster whose provider does not return one: the `kubeconfigFile` prop, else
 * `$NKS_KUBECONFIG`, read when the workloads side asks (after the cluster exists), not when the cluster is
 * declared. Fails with the steps to get the file when neither is set or the file is missing.
 */
export function kubeconfigFileAccess(clusterName: string, kubeconfigFile: string | undefined, where: Where): KubeconfigFileAccess {
  const fromEnv = process.env[KUBECONFIG_ENV];
  const given = kubeconfigFile ?? (fromEnv && fromEnv.trim() !== '' ? fromEnv : undefined);
  const source = kubeconfigFile !== undefined ? 'kubeconfigFile' : KUBECONFIG_ENV;
  const download =
    `deploy the infrastructure first, then save the cluster's kubeconfig (NHN Cloud console: Container > NHN Kubernetes Service > ${clusterName} > kubeconfig file download; ` +
    `or the "config" field of GET /v1/clusters/${clusterName}/config on the NKS API)`;
  if (given === undefined) {
    fail(
      where,
      undefined,
      `the nhncloud provider leaves the kubeconfig of cluster "${clusterName}" empty, so the workloads side needs a kubeconfig file, and neither kubeconfigFile nor $${KUBECONFIG_ENV} is set`,
      `${download}, and pass its path as kubeconfigFile or set ${KUBECONFIG_ENV}=<path>`,
    );
  }
  const fieldWhere = { ...where, field: source === 'kubeconfigFile' ? where.field : KUBECONFIG_ENV };
  if (typeof given !== 'string' || given.trim() === '') {
    fail(fieldWhere, given, `the kubeconfig path of cluster "${clusterName}" is empty; it must name a kubeconfig file`, `${download}, and pass its path as kubeconfigFile or set ${KUBECONFIG_ENV}=<path>`);
  }
  const configPath = path.resolve(given.replace(/^~(?=$|\/)/, process.env.HOME ?? '~'));
  if (fs.existsSync(configPath) && fs.statSync(configPath).isDirectory()) {
    fail(fieldWhere, given, `the kubeconfig path of cluster "${clusterName}" is a directory (${configPath}), not a kubeconfig file`, `${download}, and pass the path of the file itself, e.g. ${path.join(configPath, `${clusterName}-kubeconfig.yaml`)}`);
  }
  if (!fs.existsSync(configPath) || !fs.statSync(configPath).isFile()) {
    fail(
      fieldWhere,
      given,
      `the kubeconfig file of cluster "${clusterName}" does not exist at ${configPath}`,
      `${download}, and write it to ${configPath}`,
    );
  }
  return { kind: 'kubeconfig-file', configPath, source };
}

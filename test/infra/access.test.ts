import * as fs from 'fs';
import * as path from 'path';
import { IKubernetesEndpoint, KUBECONFIG_ENV, Platform, PlatformApp } from '../../lib';
import { catchValidation, synth, tmpdir } from '../helpers';
import { baseCluster, openstackCluster } from './fixtures';
import { expectNhnOnly } from './nhncloud-helpers';

/** Runs `fn` with $NKS_KUBECONFIG set to `value` (or unset), restoring it afterwards. */
function withKubeconfigEnv<T>(value: string | undefined, fn: () => T): T {
  const saved = process.env[KUBECONFIG_ENV];
  if (value === undefined) delete process.env[KUBECONFIG_ENV];
  else process.env[KUBECONFIG_ENV] = value;
  try {
    return fn();
  } finally {
    if (saved === undefined) delete process.env[KUBECONFIG_ENV];
    else process.env[KUBECONFIG_ENV] = saved;
  }
}

function kubeconfigFile(): string {
  const file = path.join(tmpdir(), 'kubeconfig.yaml');
  fs.writeFileSync(file, 'apiVersion: v1\nkind: Config\n');
  return file;
}

describe('Cluster.kubernetesAccess', () => {
  test('openstack: Terraform references to the cluster kubeconfig', () => {
    const { cluster } = openstackCluster(new PlatformApp());
    const access = cluster.kubernetesAccess();
    expect(access.kind).toBe('terraform');
    if (access.kind !== 'terraform') throw new Error('unreachable');
    for (const value of [access.host, access.clusterCaCertificate, access.clientCertificate, access.clientKey]) expect(value).toMatch(/^\$\{TfToken\[/);
    // A Cluster is what the staged deploy takes as the workloads' endpoint.
    const endpoint: IKubernetesEndpoint = cluster;
    expect(endpoint.node.path).toBe('infra/cluster');
  });

  test('nhncloud: the kubeconfigFile prop, read when asked, as an absolute path', () => {
    const file = kubeconfigFile();
    const { cluster } = baseCluster(new PlatformApp(), { kubeconfigFile: path.relative(process.cwd(), file) }, { target: 'nhncloud' });
    expect(withKubeconfigEnv('/elsewhere', () => cluster.kubernetesAccess())).toEqual({ kind: 'kubeconfig-file', configPath: file, source: 'kubeconfigFile' });
  });

  test('nhncloud: $NKS_KUBECONFIG when the prop is not set', () => {
    const file = kubeconfigFile();
    const { cluster } = baseCluster(new PlatformApp(), {}, { target: 'nhncloud' });
    expect(withKubeconfigEnv(file, () => cluster.kubernetesAccess())).toEqual({ kind: 'kubeconfig-file', configPath: file, source: KUBECONFIG_ENV });
  });

  test('nhncloud: neither set is an error that says how to get the file', () => {
    const { cluster } = baseCluster(new PlatformApp(), {}, { target: 'nhncloud' });
    const err = withKubeconfigEnv(undefined, () => catchValidation(() => cluster.kubernetesAccess()));
    expect(err).toMatchObject({ path: 'infra/cluster', field: 'kubeconfigFile', value: undefined });
    expect(err.rule).toMatch(/leaves the kubeconfig of cluster "my-cluster" empty/);
    expect(err.fix).toMatch(/GET \/v1\/clusters\/my-cluster\/config/);
    expect(err.fix).toMatch(/NKS_KUBECONFIG/);
  });

  test('nhncloud: a path to a file that does not exist yet is an error naming the path', () => {
    const missing = path.join(tmpdir(), 'not-yet.yaml');
    const { cluster } = baseCluster(new PlatformApp(), {}, { target: 'nhncloud' });
    const err = withKubeconfigEnv(missing, () => catchValidation(() => cluster.kubernetesAccess()));
    expect(err).toMatchObject({ path: 'infra/cluster', field: KUBECONFIG_ENV, value: missing });
    expect(err.rule).toContain(missing);
  });

  test('nhncloud: a staged deploy configures the Kubernetes provider with the kubeconfig file', () => {
    const file = kubeconfigFile();
    const out = withKubeconfigEnv(file, () =>
      synth((app) => {
        const platform = new Platform(app, { region: 'KR1', target: 'nhncloud', infraStackName: 'infra' });
        const { cluster } = baseClusterIn(app, platform);
        platform.deployWorkloadsTo(cluster);
      }),
    );
    expectNhnOnly(out.tf.infra);
    expect(out.tf['nks-workloads'].provider.kubernetes).toEqual([{ config_path: file }]);
  });
});

/** baseCluster's cluster inside a Platform's infrastructure stack. */
function baseClusterIn(app: PlatformApp, platform: Platform) {
  return baseCluster(app, {}, {}, platform.infra);
}

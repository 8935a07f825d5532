// nks-cdk as a user gets it: the packed tarball installed into a fresh repository (written by `nks-cdk init`)
// beside constructs@10.4.2 (what cdktf-cli 0.21.0 pins) and the other peer packages at the lowest versions
// package.json's peerDependencies allow, from the npm registry. The program is compiled under the CommonJS
// tsconfig `cdktf init` writes and under node16, run both ways, and both outputs are checked; each peer
// package must exist once in the repository (a second copy of constructs breaks types and construct trees).
// Skips, saying why, only when the npm registry cannot be reached.
import { spawnSync, SpawnSyncReturns } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  peerDependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const PEERS = ['constructs', 'cdk8s', 'cdk8s-plus-28', 'cdktf'];

/** The lowest version a caret range allows (`^10.4.2` -> `10.4.2`); the ranges are all carets. */
function lowest(range: string): string {
  const m = /^\^(\d+\.\d+\.\d+)$/.exec(range);
  if (!m) throw new Error(`peer range ${range} is not a caret range`);
  return m[1];
}

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> {
  const r = spawnSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CHECKPOINT_DISABLE: '1', npm_config_audit: 'false', npm_config_fund: 'false', ...env },
    timeout: 240_000,
  });
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} (in ${cwd}) exited ${r.status ?? r.signal}:\n${r.stdout}\n${r.stderr}`);
  }
  return r;
}

function registryProblem(): string | undefined {
  const r = spawnSync('npm', ['view', 'constructs@10.4.2', 'version'], { encoding: 'utf8', timeout: 30_000 });
  if (r.status === 0 && r.stdout.trim() === '10.4.2') return undefined;
  const why = (r.error?.message ?? r.stderr ?? '').split('\n').find((l) => l.trim()) ?? `exit ${r.status}`;
  return why.trim();
}

const problem = registryProblem();
if (problem) {
  console.warn(`test/consumer/consumer.test.ts skipped: the npm registry cannot be reached (${problem})`);
}
const maybe = problem ? test.skip : test;

maybe(
  `packed nks-cdk in a fresh repository beside ${PEERS.map((p) => `${p}@${lowest(pkg.peerDependencies[p])}`).join(', ')}`,
  () => {
    expect(Object.keys(pkg.peerDependencies).sort()).toEqual([...PEERS].sort());
    for (const p of PEERS) expect(pkg.devDependencies[p]).toMatch(/^\d+\.\d+\.\d+$/); // pinned for nks-cdk's own build

    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'nks-cdk-consumer-'));
    try {
      // The tarball `npm publish` would upload (prepare builds it first).
      const packed = run('npm', ['pack', '--silent', '--pack-destination', work], root).stdout.trim().split('\n').pop()!;
      const tarball = path.join(work, packed);

      const repo = path.join(work, 'my-platform');
      run(process.execPath, [path.join(root, 'bin', 'nks-cdk.js'), 'init', repo], work);
      const repoPkg = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8'));
      expect(repoPkg.dependencies['nks-cdk']).toBeDefined();
      // The CLIs stay out of this test (they bring their own pinned copies, in their own folders).
      repoPkg.dependencies = {
        'nks-cdk': `file:${tarball}`,
        ...Object.fromEntries(PEERS.map((p) => [p, lowest(pkg.peerDependencies[p])])),
      };
      repoPkg.devDependencies = { typescript: pkg.devDependencies.typescript, '@types/node': pkg.devDependencies['@types/node'] };
      fs.writeFileSync(path.join(repo, 'package.json'), JSON.stringify(repoPkg, null, 2));
      // The provider bindings through their subpaths, in type and value positions.
      fs.writeFileSync(
        path.join(repo, 'providers.ts'),
        [
          "import { computeInstanceV2 } from 'nks-cdk/providers/openstack';",
          "import { kubernetesClusterV1 } from 'nks-cdk/providers/nhncloud';",
          'export type Instance = computeInstanceV2.ComputeInstanceV2;',
          'export const clusterType: string = kubernetesClusterV1.KubernetesClusterV1.tfResourceType;',
          "import { PlatformTemplate } from 'nks-cdk/testing';",
          'export const synthesize: typeof PlatformTemplate.synth = PlatformTemplate.synth;',
          '',
        ].join('\n'),
      );
      run('npm', ['install', '--no-audit', '--no-fund'], repo);

      // What the package ships: the init templates and the command.
      expect(fs.readFileSync(path.join(repo, 'node_modules/nks-cdk/templates/app/main.ts'), 'utf8')).toBe(
        fs.readFileSync(path.join(root, 'templates/app/main.ts'), 'utf8'),
      );
      expect(fs.existsSync(path.join(repo, 'node_modules/.bin/nks-cdk'))).toBe(true);
      expect(fs.readFileSync(path.join(repo, 'node_modules/nks-cdk/LICENSE'), 'utf8')).toContain('Apache License');

      // One copy of each peer: `npm ls` lists every path a package is installed at.
      for (const p of PEERS) {
        const paths = run('npm', ['ls', p, '--all', '--parseable'], repo).stdout.split('\n').filter(Boolean);
        expect({ peer: p, paths: [...new Set(paths)] }).toEqual({ peer: p, paths: [path.join(repo, 'node_modules', p)] });
        const installed = JSON.parse(fs.readFileSync(path.join(repo, 'node_modules', p, 'package.json'), 'utf8'));
        expect(installed.version).toBe(lowest(pkg.peerDependencies[p]));
      }

      const checkOutputs = (tfOut: string, k8sOut: string, workloads: boolean) => {
        const infra = JSON.parse(fs.readFileSync(path.join(tfOut, 'stacks/nks-infra/cdk.tf.json'), 'utf8'));
        // KR1 renders for NHN Cloud's own provider.
        const clusters = Object.values(infra.resource.nhncloud_kubernetes_cluster_v1 ?? {}) as { name: string }[];
        expect(clusters.map((c) => c.name)).toEqual(['app-cluster']);
        expect(fs.existsSync(path.join(tfOut, 'stacks/nks-workloads/cdk.tf.json'))).toBe(workloads);
        expect(fs.existsSync(path.join(tfOut, 'manifest.json'))).toBe(true);
        const yaml = fs.readFileSync(path.join(k8sOut, 'web.k8s.yaml'), 'utf8');
        expect(yaml).toMatch(/^kind: Deployment$/m);
        expect(yaml).toMatch(/^ {2}name: nginx$/m);
        expect(yaml).toMatch(/^kind: Service$/m);
      };

      // 1. The tsconfig `cdktf init` writes (module CommonJS, so node10 resolution: typesVersions at work).
      const cdktfTsconfig = JSON.parse(fs.readFileSync(path.join(repo, 'tsconfig.json'), 'utf8'));
      expect(cdktfTsconfig.compilerOptions.module).toBe('CommonJS');
      expect(cdktfTsconfig.compilerOptions.moduleResolution).toBeUndefined();
      run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', '.'], repo);
      const first = run(process.execPath, ['main.js'], repo, { NKS_KUBECONFIG: '' });
      expect(first.stdout).toContain('no nks-workloads stack yet: deploy nks-infra, download the kubeconfig and set NKS_KUBECONFIG');
      checkOutputs(path.join(repo, 'cdktf.out'), path.join(repo, 'dist'), false);

      // 2. node16 (package.json `exports`).
      fs.writeFileSync(
        path.join(repo, 'tsconfig.node16.json'),
        JSON.stringify({
          extends: './tsconfig.json',
          compilerOptions: { module: 'node16', moduleResolution: 'node16', outDir: 'build16', incremental: false },
          exclude: ['node_modules', 'cdktf.out', 'dist', 'build16'],
        }),
      );
      run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.node16.json'], repo);
      // With the kubeconfig the cluster gives after its first deploy, the workloads stack is written too.
      const kubeconfig = path.join(work, 'kubeconfig.yaml');
      fs.writeFileSync(kubeconfig, 'apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\nusers: []\n');
      run(process.execPath, ['build16/main.js'], repo, { CDKTF_OUTDIR: 'out16/cdktf.out', CDK8S_OUTDIR: 'out16/dist', NKS_KUBECONFIG: kubeconfig });
      checkOutputs(path.join(repo, 'out16/cdktf.out'), path.join(repo, 'out16/dist'), true);
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  },
  300_000,
);

// The property-based programs of scripts/fuzz (`npm run fuzz` runs 20,000), a fixed sample of them on every
// test run: generated programs over every public construct, with careful and with wrong props, must end in
// output or in nks-cdk's own errors, never in a raw error, a half-written directory or a lost value.
import { programs } from '../../scripts/fuzz/generate';
import { describeProgram } from '../../scripts/fuzz/program';
import { Outcome, runCase } from '../../scripts/fuzz/run-case';

const SEED = 20261207;
const COUNT = 1200;

describe('property-based programs', () => {
  const tally: Record<Outcome, number> = { output: 0, invalid: 0, policy: 0, raw: 0 };
  const raws: string[] = [];
  const labels = new Set<string>();
  const rules = new Set<string>();

  beforeAll(() => {
    process.env.FUZZ_REGISTRY_PASSWORD = 'fuzz-registry-password';
    for (const [n, program] of programs(SEED, COUNT)) {
      for (const p of program.pieces) labels.add(p.label);
      const r = runCase(program);
      tally[r.outcome]++;
      for (const rule of r.rules ?? []) rules.add(rule);
      if (r.outcome === 'raw' && raws.length < 5) raws.push(`program ${n} (npm run fuzz -- --seed ${SEED} --only ${n}):\n${describeProgram(program)}\n${r.detail}`);
    }
  });

  test(`${COUNT} programs: none ends in a raw error`, () => {
    expect(raws).toEqual([]);
    expect(tally.raw).toBe(0);
    expect(tally.output + tally.invalid + tally.policy).toBe(COUNT);
  });

  test('the sample reaches output, ValidationErrors and many distinct rules', () => {
    // A generator that produced only refusals (or only output) would test nothing of the other side.
    expect(tally.output).toBeGreaterThan(COUNT * 0.05);
    expect(tally.invalid).toBeGreaterThan(COUNT * 0.3);
    expect(rules.size).toBeGreaterThan(200);
  });

  test('the programs use every kind of piece', () => {
    for (const label of ['Platform', 'NodeGroup', 'GpuNodeGroup', 'BlockStorageVolume', 'GpuInstance', 'deployWorkloadsTo', 'WebApp', 'GpuDeployment', 'StatefulSet', 'StaticPod', 'GpuPod', 'ConfigMap', 'Namespace', 'ServiceAccount', 'RegistryCredentials', 'Service', 'Ingress', 'NginxIngressController', 'KubernetesDashboard', 'Headlamp', 'GatewayClass+Gateway', 'NginxGatewayFabric+Gateway', 'HttpRoute', 'StorageClass', 'PersistentVolume', 'PersistentVolumeClaim', 'mount']) {
      expect([...labels]).toContain(label);
    }
  });
});

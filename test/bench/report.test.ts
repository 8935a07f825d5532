// The targets `npm run bench` judges: run CPU (issue 6) and the whole process, node start to exit (issue 14).
import { CaseSummary, targets } from '../../bench/report';

function summary(key: string, runCpuMs: number, processCpuMs: number): CaseSummary {
  const [id, n] = key.split('@');
  return {
    key,
    case: id as CaseSummary['case'],
    n: Number(n),
    label: id,
    repeats: 1,
    runMs: runCpuMs,
    runCpuMs,
    runCpuSpread: 0,
    loadMs: 0,
    processCpuMs,
    wallMs: processCpuMs,
    maxRssMb: 100,
    objects: 2,
    bytes: 1,
    samples: [],
  };
}

const OTHERS = [summary('platform@1', 100, 300), summary('cdktf@1', 100, 250)];

describe('bench targets', () => {
  test('whole-process ratios of nks-cdk to cdk8s-plus-28 are judged at 1.0x for 1k apps and 0.9x for 10k', () => {
    const cases = [summary('nks@1000', 900, 1100), summary('plus@1000', 1000, 1000), summary('nks@10000', 5000, 5500), summary('plus@10000', 5000, 6000), ...OTHERS];
    const whole = targets(cases, [1000, 10000]).filter((t) => t.target.includes('whole process') && t.target.includes('cdk8s-plus'));
    expect(whole.map((t) => [t.target, Number(t.value.toFixed(3)), t.limit, t.pass])).toEqual([
      ['nks-cdk ≤ 1.0x cdk8s-plus-28, validation included (1k apps; whole process)', 1.1, 1.0, false],
      ['nks-cdk ≤ 0.9x cdk8s-plus-28, validation included (10k apps; whole process)', 0.917, 0.9, false],
    ]);
    // The run-CPU target of the same 1k figures passes: the two are judged apart.
    expect(targets(cases, [1000, 10000]).find((t) => t.target.includes('(1k apps; build + synth)'))?.pass).toBe(true);
  });

  test('sizes other than 1k and 10k get no whole-process target', () => {
    const cases = [summary('nks@250', 90, 100), summary('plus@250', 100, 100), ...OTHERS];
    expect(targets(cases, [250]).filter((t) => t.target.includes('whole process') && t.target.includes('cdk8s-plus'))).toEqual([]);
  });
});

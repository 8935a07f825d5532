// What `npm run bench` measures: the cases, the sizes, and the targets of issue 6 over them.

/** Bench cases; each runs in a child process of its own (see child.ts). */
export type CaseId = 'nks' | 'plus' | 'yaml' | 'platform' | 'cdktf';

/** Table labels of the cases. */
export const CASE_LABELS: Readonly<Record<CaseId, string>> = {
  nks: 'nks-cdk WebApp+Service, PlatformApp.synth, checks on',
  plus: 'cdk8s-plus-28 Deployment+exposeViaService, App.synth',
  yaml: 'raw objects, cdk8s Yaml.save',
  platform: 'examples/platform, both outputs, checks on',
  cdktf: 'trivial cdktf: provider + 1 resource, App.synth',
};

/** One measurement: a case at a size. */
export interface Run {
  readonly case: CaseId;
  /** Web apps to build; 1 for the cases without a size. */
  readonly n: number;
}

/** The web-app sizes of the issue. */
export const SIZES = [1000, 10000] as const;

/** Every run of one round, in the order they are interleaved (so drift on the machine hits all cases alike). */
export function runsOf(sizes: readonly number[]): Run[] {
  return [
    ...sizes.flatMap((n) => (['nks', 'plus', 'yaml'] as const).map((c) => ({ case: c, n }))),
    { case: 'platform', n: 1 },
    { case: 'cdktf', n: 1 },
  ];
}

/** The key of a run in results: `nks@1000`. */
export function runKey(run: Run): string {
  return `${run.case}@${run.n}`;
}

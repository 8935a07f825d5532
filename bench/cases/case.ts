/**
 * A bench case: builds and synthesizes `n` units of work into `outdir`, an empty temporary directory (the
 * child process that runs it measures the time and counts what landed in `outdir` afterwards).
 */
export type CaseRun = (n: number, outdir: string) => void;

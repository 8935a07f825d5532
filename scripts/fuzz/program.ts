// A generated program: an optional platform (infrastructure) and a list of Kubernetes pieces, each a
// construct with generated props. `build(app)` declares it on a PlatformApp; `label`/`props` describe it
// in a report, so a failure can be read and reproduced (`npm run fuzz -- --seed S --only N`).
import { Chart } from 'cdk8s';
import { Cluster, GpuNodeGroup, NodeGroup, PersistentVolume, PersistentVolumeClaim, Platform, PlatformApp, BlockStorageVolume } from '../../lib';

/** What pieces of one program share while it is declared: what earlier pieces made, for later ones to use. */
export class Ctx {
  private readonly charts: Chart[] = [];
  private count = 0;
  public platform?: Platform;
  public cluster?: Cluster;
  public readonly nodeGroups: (NodeGroup | GpuNodeGroup)[] = [];
  public readonly volumes: BlockStorageVolume[] = [];
  /** Constructs made by the pieces, by kind, for pieces that refer to earlier ones. */
  private readonly made = new Map<string, unknown[]>();

  constructor(public readonly app: PlatformApp) {}

  /** A chart: the first, or (picked by `n`) a second one, so that objects meet across charts too. */
  public chart(n = 0): Chart {
    const i = n % 2;
    while (this.charts.length <= i) this.charts.push(new Chart(this.app.k8s, `c${this.charts.length}`));
    return this.charts[i];
  }

  /** A fresh construct id. */
  public id(prefix: string): string {
    return `${prefix}${this.count++}`;
  }

  public remember(kind: string, c: unknown): void {
    const list = this.made.get(kind) ?? [];
    list.push(c);
    this.made.set(kind, list);
  }

  /** The `n`-th (modulo) construct of `kind` made so far, or undefined. */
  public pick<T>(kind: string, n: number): T | undefined {
    const list = this.made.get(kind);
    return list && list.length ? (list[n % list.length] as T) : undefined;
  }

  public claims(): PersistentVolumeClaim[] {
    return (this.made.get('claim') ?? []) as PersistentVolumeClaim[];
  }

  public pvs(): PersistentVolume[] {
    return (this.made.get('pv') ?? []) as PersistentVolume[];
  }
}

/** One construct (or a few that belong together) of a generated program. */
export interface Piece {
  /** What it makes, e.g. `WebApp`. */
  readonly label: string;
  /** The generated props, for the report. */
  readonly props: unknown;
  add(ctx: Ctx): void;
}

/** A generated program. */
export interface Program {
  readonly pieces: readonly Piece[];
}

/** Declares `program` on `app`. */
export function build(app: PlatformApp, program: Program): void {
  const ctx = new Ctx(app);
  for (const p of program.pieces) p.add(ctx);
}

/** The program as text, for a report: one line per piece. NaN, Infinity and functions are spelled out. */
export function describeProgram(program: Program): string {
  return program.pieces.map((p) => `${p.label} ${show(p.props)}`).join('\n');
}

function show(v: unknown): string {
  return JSON.stringify(v, (_k, x) => {
    if (typeof x === 'number' && !Number.isFinite(x)) return `<${x}>`;
    if (typeof x === 'function') return '<function>';
    if (x && typeof x === 'object' && !Array.isArray(x) && ![Object.prototype, null].includes(Object.getPrototypeOf(x))) return `<${x.constructor?.name ?? 'object'}>`;
    return x;
  });
}

// Summarizes a V8 CPU profile (`node --cpu-prof`): where the time went, by function, self and inclusive.
import * as fs from 'fs';

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
}
interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
  readonly children?: readonly number[];
}
interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** Time per function in ms: its own (`self`) and with everything it called (`inclusive`). */
export interface FunctionTime {
  readonly name: string;
  readonly selfMs: number;
  readonly inclusiveMs: number;
}

/** Function times of a `.cpuprofile` file, slowest inclusive first. Recursion is counted once per sample. */
export function functionTimes(file: string): FunctionTime[] {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const sampleUs = new Map<number, number>();
  profile.samples.forEach((id, i) => sampleUs.set(id, (sampleUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (const [id, us] of sampleUs) {
    const leaf = byId.get(id);
    if (!leaf) continue;
    self.set(nameOf(leaf.callFrame), (self.get(nameOf(leaf.callFrame)) ?? 0) + us);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const name = nameOf(byId.get(cur)!.callFrame);
      if (seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + us);
    }
  }
  return [...inclusive.entries()]
    .map(([name, us]) => ({ name, selfMs: (self.get(name) ?? 0) / 1000, inclusiveMs: us / 1000 }))
    .sort((a, b) => b.inclusiveMs - a.inclusiveMs);
}

/** `function file:line`, with paths shortened to the package or the repo. */
function nameOf(frame: CallFrame): string {
  const file = frame.url.replace(/^file:\/\//, '').replace(/.*\/node_modules\//, '').replace(/.*\/build\//, '');
  return `${frame.functionName || '(anonymous)'} ${file}${file ? `:${frame.lineNumber + 1}` : ''}`;
}

/** The `top` functions by self time and by inclusive time, as text. */
export function formatProfile(times: readonly FunctionTime[], top: number): string {
  const row = (ms: number, name: string): string => `    ${ms.toFixed(0).padStart(6)} ms  ${name}`;
  const bySelf = [...times].sort((a, b) => b.selfMs - a.selfMs).slice(0, top);
  // Skip the module loader and entry frames every profile starts with; they say nothing.
  const byInclusive = times.filter((t) => !/^\(root\)|node:internal|^\(anonymous\) (bench\/)?child\.js/.test(t.name)).slice(0, top);
  return ['  self:', ...bySelf.map((t) => row(t.selfMs, t.name)), '  inclusive:', ...byInclusive.map((t) => row(t.inclusiveMs, t.name))].join('\n');
}

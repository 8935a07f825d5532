import { formatChoices } from './choices';
import { fail, Where } from './errors';

/** The GPUs one instance of a flavor carries. */
export interface GpuSpec {
  /** GPU model as `nvidia-smi` names it, e.g. `Tesla T4`. */
  readonly model: string;
  /** GPUs per instance (per node): what `nvidia.com/gpu` can add up to on one node. */
  readonly count: number;
}

/** An NHN Cloud instance flavor, parsed from its name. */
export interface Flavor {
  /** Flavor name as NHN Cloud spells it, e.g. `m2.c4m8` or `g2.t4.c8m64`. */
  readonly name: string;
  /** Flavor family (the part before the first dot), e.g. `m2`, `c2`, `g2`. */
  readonly family: string;
  /** Virtual CPUs. */
  readonly vcpus: number;
  /** Memory in GiB. */
  readonly memoryGiB: number;
  /**
   * GPUs per instance; set only for `g2` flavors.
   * @default - no GPU
   */
  readonly gpu?: GpuSpec;
}

/**
 * NHN Cloud's g2 (GPU) flavors and the GPUs each carries.
 *
 * Source: TOAST-DOCS/Compute-GPU, `ko/console-guide.md` (and `en/console-guide.md`), table
 * "GPU 인스턴스 타입별 사양" (commit d96a259c, 2022-05-24), read 2026-11-23. The table lists the GPU
 * model as `V100` / `T4`; the names below are what `nvidia-smi` prints on those nodes (the NKS guide's
 * GPU section shows `Tesla T4`). NHN may have added or retired g2 flavors since; a g2 flavor missing
 * here is accepted when the caller states its GPU count (see {@link parseFlavor}).
 */
export const GPU_FLAVORS: Readonly<Record<string, GpuSpec>> = Object.freeze({
  'g2.v100.c8m90': { model: 'Tesla V100', count: 1 },
  'g2.v100.c16m180': { model: 'Tesla V100', count: 2 },
  'g2.v100.c32m360': { model: 'Tesla V100', count: 4 },
  'g2.v100.c64m720': { model: 'Tesla V100', count: 8 },
  'g2.t4.c4m32': { model: 'Tesla T4', count: 1 },
  'g2.t4.c8m64': { model: 'Tesla T4', count: 2 },
  'g2.t4.c16m128': { model: 'Tesla T4', count: 4 },
  'g2.t4.c32m256': { model: 'Tesla T4', count: 8 },
  'g2.t4.c64m384': { model: 'Tesla T4', count: 12 },
});

/** Full model names for the model part of g2 flavor names; unknown parts are shown upper-cased. */
const GPU_MODEL_NAMES: Readonly<Record<string, string>> = { v100: 'Tesla V100', t4: 'Tesla T4' };

/** The GPU flavor family. Only g2 exists on NHN Cloud as of 2026-11-23. */
const GPU_FAMILY = 'g2';

// `{family}.c{vCPU}m{GiB}`: family is letters then digits (m2, c2, r2, t2, u2, x1). Numbers start 1-9
// so that `c08m8` (which the cloud does not have) is not silently read as 8 vCPUs.
const PLAIN_FLAVOR = /^([a-z]+[0-9]+)\.c([1-9][0-9]*)m([1-9][0-9]*)$/;
// `g2.{gpuModel}.c{vCPU}m{GiB}`: the model part is lowercase letters and digits (t4, v100).
const GPU_FLAVOR = /^(g2)\.([a-z][a-z0-9]*)\.c([1-9][0-9]*)m([1-9][0-9]*)$/;

const EXAMPLES = '`m2.c4m8`, `c2.c8m8`, `x1.c32m256`, `g2.t4.c8m64`';

/** True when `name` is in the GPU (g2) family, well-formed or not: such a name makes a GPU node group. */
export function isGpuFlavorName(name: string): boolean {
  return typeof name === 'string' && name.startsWith(`${GPU_FAMILY}.`);
}

/** Options of {@link parseFlavor}. */
export interface ParseFlavorOptions {
  /**
   * GPUs per instance. Needed for a g2 flavor missing from {@link GPU_FLAVORS}; for a listed one it
   * must agree with the table; not allowed for other flavors.
   * @default - from {@link GPU_FLAVORS}
   */
  readonly gpuCount?: number;
  /**
   * Where `gpuCount` came from, for its errors.
   * @default - the sibling field `gpuCount` of `where`
   */
  readonly gpuCountWhere?: Where;
}

/**
 * Parses an NHN Cloud flavor name: `{family}.c{vCPU}m{GiB}` (`m2.c4m8`) or
 * `g2.{gpuModel}.c{vCPU}m{GiB}` (`g2.t4.c8m64`). The GPU count of g2 flavors comes from
 * {@link GPU_FLAVORS}, or from `options.gpuCount` for g2 flavors the table does not list.
 */
export function parseFlavor(name: string, where: Where, options: ParseFlavorOptions = {}): Flavor {
  const gpuCountWhere = options.gpuCountWhere ?? siblingField(where, 'gpuCount');
  if (typeof name !== 'string') {
    fail(where, name, 'a flavor is a name string like `{family}.c{vCPU}m{GiB}`', `use a flavor name such as ${EXAMPLES}`);
  }
  if (isGpuFlavorName(name)) return parseGpuFlavor(name, where, options.gpuCount, gpuCountWhere);

  const match = PLAIN_FLAVOR.exec(name);
  if (!match) failMalformed(name, where);
  if (options.gpuCount !== undefined) {
    fail(
      gpuCountWhere,
      options.gpuCount,
      `gpuCount applies only to g2 (GPU) flavors, and ${name} is a ${match[1]} flavor without GPUs`,
      'remove gpuCount, or choose a g2 flavor such as `g2.t4.c8m64`',
    );
  }
  return { name, family: match[1], vcpus: Number(match[2]), memoryGiB: Number(match[3]) };
}

function parseGpuFlavor(name: string, where: Where, gpuCount: number | undefined, gpuCountWhere: Where): Flavor {
  const match = GPU_FLAVOR.exec(name);
  if (!match) failMalformed(name, where);
  const [, family, modelPart, vcpus, memory] = match;
  const known = GPU_FLAVORS[name];
  let gpu: GpuSpec;
  if (known) {
    if (gpuCount !== undefined && gpuCount !== known.count) {
      fail(
        gpuCountWhere,
        gpuCount,
        `${name} has ${known.count} ${known.model} GPU${known.count === 1 ? '' : 's'} per instance (NHN Cloud's GPU flavor table), not ${describeCount(gpuCount)}`,
        `remove gpuCount (it is known for ${name}) or set it to ${known.count}`,
      );
    }
    gpu = known;
  } else {
    if (gpuCount === undefined) {
      fail(
        where,
        name,
        `the GPU count of ${name} is unknown: it is not in the built-in g2 flavor table (${Object.keys(GPU_FLAVORS).join(', ')})`,
        `pass gpuCount (GPUs per instance, a positive whole number, as NHN Cloud lists for ${name}), or pick a listed flavor`,
      );
    }
    if (!Number.isInteger(gpuCount) || gpuCount < 1) {
      fail(gpuCountWhere, gpuCount, 'gpuCount must be a positive whole number (GPUs per instance)', `give the number of GPUs NHN Cloud lists for ${name}, e.g. 1`);
    }
    gpu = { model: GPU_MODEL_NAMES[modelPart] ?? modelPart.toUpperCase(), count: gpuCount };
  }
  return { name, family, vcpus: Number(vcpus), memoryGiB: Number(memory), gpu };
}

function failMalformed(name: string, where: Where): never {
  const lower = name.toLowerCase();
  const hint =
    lower !== name && (PLAIN_FLAVOR.test(lower) || GPU_FLAVOR.test(lower))
      ? `write it in lowercase: \`${lower}\``
      : isGpuFlavorName(name)
        ? `name the GPU model too, e.g. ${formatChoices(Object.keys(GPU_FLAVORS).slice(0, 3))}`
        : `use a flavor name such as ${EXAMPLES}`;
  return fail(
    where,
    name,
    'a flavor name must look like `{family}.c{vCPU}m{GiB}` (e.g. `m2.c4m8`) or, for GPU flavors, `g2.{gpuModel}.c{vCPU}m{GiB}` (e.g. `g2.t4.c8m64`)',
    hint,
  );
}

function describeCount(value: unknown): string {
  return typeof value === 'number' ? String(value) : JSON.stringify(value);
}

/** `{field: 'nodeGroups.gpu.flavor'}` → `{field: 'nodeGroups.gpu.gpuCount'}`. */
function siblingField(where: Where, name: string): Where {
  const dot = where.field.lastIndexOf('.');
  return { path: where.path, field: dot < 0 ? name : `${where.field.slice(0, dot)}.${name}` };
}

/**
 * Returns `name` when it has the shape of an NHN Cloud flavor name (`m2.c4m8`, `g2.t4.c8m64`), without
 * looking it up: for lists of what a region offers, which may hold GPU flavors the table does not know.
 */
export function checkFlavorName(name: string, where: Where): string {
  if (typeof name !== 'string') fail(where, name, 'a flavor is a name string like `{family}.c{vCPU}m{GiB}`', `use a flavor name such as ${EXAMPLES}`);
  if (PLAIN_FLAVOR.test(name) || GPU_FLAVOR.test(name)) return name;
  return failMalformed(name, where);
}

/**
 * Fails unless `name` is in the GPU (g2) family; `what` is the thing that needs it ("a GPU node group").
 * An uppercase GPU name (`G2.T4.C4M32`) is told to be written in lowercase.
 */
export function checkGpuFlavorName(name: string, where: Where, what: string, fix: string): string {
  if (isGpuFlavorName(name)) return name;
  const lower = typeof name === 'string' ? name.trim().toLowerCase() : '';
  if (isGpuFlavorName(lower)) {
    return fail(where, name, `flavor names are lowercase; ${what} needs a g2 flavor (g2.<gpu>.c<vCPU>m<GiB>)`, `write it in lowercase: \`${lower}\``);
  }
  return fail(where, name, `${what} needs a g2 flavor (g2.<gpu>.c<vCPU>m<GiB>)`, fix);
}

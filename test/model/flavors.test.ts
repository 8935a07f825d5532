import { GPU_FLAVORS, isGpuFlavorName, parseFlavor } from '../../lib/model';
import { expectValidationError, W } from './expect-error';

describe('parseFlavor: plain flavors', () => {
  test.each([
    ['m2.c4m8', 'm2', 4, 8],
    ['m2.c2m4', 'm2', 2, 4],
    ['c2.c8m8', 'c2', 8, 8],
    ['r2.c2m16', 'r2', 2, 16],
    ['t2.c1m1', 't2', 1, 1],
    ['u2.c2m4', 'u2', 2, 4],
    ['x1.c32m256', 'x1', 32, 256],
  ])('%s → family %s, %i vCPU, %i GiB, no GPU', (name, family, vcpus, memoryGiB) => {
    expect(parseFlavor(name, W)).toEqual({ name, family, vcpus, memoryGiB });
  });

  test.each([
    ['m2.c4', 'use a flavor name such as'],
    ['m2c4m8', 'use a flavor name such as'],
    ['m2.c0m8', 'use a flavor name such as'],
    ['m2.c08m8', 'use a flavor name such as'],
    ['m2.4m8', 'use a flavor name such as'],
    ['m.c4m8', 'use a flavor name such as'],
    [' m2.c4m8', 'use a flavor name such as'],
    ['', 'use a flavor name such as'],
    ['M2.C4M8', 'write it in lowercase: `m2.c4m8`'],
  ])('refuses %j', (name, fix) => {
    expectValidationError(() => parseFlavor(name, W), {
      value: name,
      rule: '`{family}.c{vCPU}m{GiB}`',
      fix,
    });
  });

  test('the malformed-name fix shows both plain and GPU examples', () => {
    const error = expectValidationError(() => parseFlavor('large', W), { rule: 'g2.{gpuModel}.c{vCPU}m{GiB}' });
    expect(error.fix).toContain('m2.c4m8');
    expect(error.fix).toContain('g2.t4.c8m64');
  });

  test('gpuCount on a non-GPU flavor is refused at the sibling gpuCount field', () => {
    expectValidationError(() => parseFlavor('m2.c4m8', { path: 'p', field: 'nodeGroups.a.flavor' }, { gpuCount: 1 }), {
      path: 'p',
      field: 'nodeGroups.a.gpuCount',
      value: 1,
      rule: 'only to g2 (GPU) flavors',
      fix: 'remove gpuCount',
    });
  });

  test('gpuCountWhere overrides where gpuCount errors are reported', () => {
    expectValidationError(() => parseFlavor('m2.c4m8', W, { gpuCount: 2, gpuCountWhere: { path: 'x', field: 'gpus' } }), {
      path: 'x',
      field: 'gpus',
      value: 2,
    });
  });
});

describe('parseFlavor: g2 (GPU) flavors', () => {
  // Expected values restated from NHN Cloud's table (TOAST-DOCS/Compute-GPU ko/console-guide.md), not read from GPU_FLAVORS.
  const table: [string, string, number, number, number][] = [
    ['g2.v100.c8m90', 'Tesla V100', 1, 8, 90],
    ['g2.v100.c16m180', 'Tesla V100', 2, 16, 180],
    ['g2.v100.c32m360', 'Tesla V100', 4, 32, 360],
    ['g2.v100.c64m720', 'Tesla V100', 8, 64, 720],
    ['g2.t4.c4m32', 'Tesla T4', 1, 4, 32],
    ['g2.t4.c8m64', 'Tesla T4', 2, 8, 64],
    ['g2.t4.c16m128', 'Tesla T4', 4, 16, 128],
    ['g2.t4.c32m256', 'Tesla T4', 8, 32, 256],
    ['g2.t4.c64m384', 'Tesla T4', 12, 64, 384],
  ];

  test('the built-in table has exactly the nine published g2 flavors', () => {
    expect(Object.keys(GPU_FLAVORS).sort()).toEqual(table.map(([name]) => name).sort());
  });

  test.each(table)('%s → %s × %i, %i vCPU, %i GiB', (name, model, count, vcpus, memoryGiB) => {
    expect(isGpuFlavorName(name)).toBe(true);
    expect(parseFlavor(name, W)).toEqual({ name, family: 'g2', vcpus, memoryGiB, gpu: { model, count } });
    // Restating the table's own count is allowed.
    expect(parseFlavor(name, W, { gpuCount: count }).gpu).toEqual({ model, count });
  });

  test('a gpuCount that disagrees with the table is refused', () => {
    expectValidationError(() => parseFlavor('g2.t4.c8m64', { path: 'p', field: 'flavor' }, { gpuCount: 1 }), {
      path: 'p',
      field: 'gpuCount',
      value: 1,
      rule: 'g2.t4.c8m64 has 2 Tesla T4 GPUs per instance',
      fix: 'set it to 2',
    });
  });

  test('an unlisted g2 flavor needs gpuCount', () => {
    expectValidationError(() => parseFlavor('g2.a100.c16m240', W), {
      value: 'g2.a100.c16m240',
      rule: 'not in the built-in g2 flavor table',
      fix: 'pass gpuCount',
    });
  });

  test('an unlisted g2 flavor with gpuCount is accepted; the model is named from the flavor', () => {
    expect(parseFlavor('g2.a100.c16m240', W, { gpuCount: 2 })).toEqual({
      name: 'g2.a100.c16m240',
      family: 'g2',
      vcpus: 16,
      memoryGiB: 240,
      gpu: { model: 'A100', count: 2 },
    });
    // A known model part keeps its full name even for an unlisted size.
    expect(parseFlavor('g2.t4.c2m16', W, { gpuCount: 1 }).gpu).toEqual({ model: 'Tesla T4', count: 1 });
  });

  test.each([0, -1, 1.5, Number.NaN])('gpuCount %p for an unlisted g2 flavor is refused', (gpuCount) => {
    expectValidationError(() => parseFlavor('g2.a100.c16m240', W, { gpuCount }), {
      field: 'gpuCount',
      rule: 'positive whole number',
      fix: 'e.g. 1',
    });
  });

  test.each(['g2.c8m64', 'g2.t4', 'g2.T4.c8m64', 'g2..c8m64'])('refuses the malformed GPU name %j', (name) => {
    expect(isGpuFlavorName(name)).toBe(true);
    expectValidationError(() => parseFlavor(name, W), { value: name, rule: 'g2.{gpuModel}.c{vCPU}m{GiB}' });
  });

  test('a g2 name without a model is told to name the GPU model', () => {
    expectValidationError(() => parseFlavor('g2.c8m64', W), { fix: 'name the GPU model too' });
  });
});

describe('isGpuFlavorName', () => {
  test.each([
    ['g2.t4.c8m64', true],
    ['g2.anything', true],
    ['m2.c4m8', false],
    ['g2', false],
    ['xg2.t4.c8m64', false],
  ])('%s → %s', (name, expected) => {
    expect(isGpuFlavorName(name)).toBe(expected);
  });
});

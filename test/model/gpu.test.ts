import { gpuCapacityOf, gpuFit, gpusPerPod, NVIDIA_GPU } from '../../lib/model/gpu';

const gpu = (n: number | string, where: 'limits' | 'requests' = 'limits') => ({ name: 'c', image: 'x/y:1', resources: { [where]: { [NVIDIA_GPU]: n } } });

describe('gpusPerPod', () => {
  test('containers add up; a limit counts, else a request; strings from YAML are numbers', () => {
    expect(gpusPerPod({ containers: [gpu(1), gpu(2, 'requests'), gpu('1')] })).toBe(4);
    expect(gpusPerPod({ containers: [{ name: 'c', image: 'x/y:1' }] })).toBe(0);
  });

  test('init containers run one at a time before the others: a pod needs the most either asks for', () => {
    expect(gpusPerPod({ initContainers: [gpu(1), gpu(3)], containers: [gpu(2)] })).toBe(3);
    expect(gpusPerPod({ initContainers: [gpu(1)], containers: [gpu(1)] })).toBe(1);
  });

  test('a sidecar (init container with restartPolicy Always) keeps its GPUs while the later ones run', () => {
    const sidecar = { ...gpu(1), restartPolicy: 'Always' };
    expect(gpusPerPod({ initContainers: [sidecar, gpu(2)], containers: [gpu(1)] })).toBe(3);
    expect(gpusPerPod({ initContainers: [gpu(2), sidecar], containers: [gpu(1)] })).toBe(2);
  });

  test('odd values count as none', () => {
    expect(gpusPerPod(undefined)).toBe(0);
    expect(gpusPerPod({ containers: 'x', initContainers: [null] })).toBe(0);
    expect(gpusPerPod({ containers: [gpu('many'), gpu(-1)] })).toBe(0);
  });
});

describe('gpuFit: GPUs asked ≤ GPUs that exist', () => {
  const t4x2 = { perNode: 1, maxNodes: 2 };

  test('fits, with the numbers', () => {
    expect(gpuFit({ perPod: 1, pods: 2 }, t4x2)).toEqual({ verdict: 'fits', perPod: 1, asked: 2, perNode: 1, maxNodes: 2, available: 2 });
  });

  test('a group without GPUs, a pod bigger than a node, more pods than the group holds', () => {
    expect(gpuFit({ perPod: 1, pods: 1 }, { perNode: 0, maxNodes: 3 })).toMatchObject({ verdict: 'does-not-fit', shortfall: 'no-gpus' });
    expect(gpuFit({ perPod: 2, pods: 1 }, t4x2)).toMatchObject({ verdict: 'does-not-fit', shortfall: 'pod-exceeds-node', perPod: 2, perNode: 1 });
    expect(gpuFit({ perPod: 1, pods: 3 }, t4x2)).toMatchObject({ verdict: 'does-not-fit', shortfall: 'pods-exceed-group', asked: 3, available: 2 });
  });

  test('several workloads add up; the largest pod decides whether a pod fits on a node', () => {
    expect(gpuFit([{ perPod: 1, pods: 1 }, { perPod: 1, pods: 1 }], { perNode: 1, maxNodes: 1 })).toMatchObject({ shortfall: 'pods-exceed-group', asked: 2, available: 1 });
    expect(gpuFit([{ perPod: 1, pods: 1 }, { perPod: 2, pods: 1 }], { perNode: 2, maxNodes: 2 })).toMatchObject({ verdict: 'fits', perPod: 2, asked: 3, available: 4 });
  });

  test('a DaemonSet takes its GPUs on every node of the group', () => {
    expect(gpuFit({ perPod: 1, pods: 'per-node' }, { perNode: 1, maxNodes: 3 })).toMatchObject({ verdict: 'fits', asked: 3, available: 3 });
    expect(gpuFit([{ perPod: 1, pods: 'per-node' }, { perPod: 1, pods: 1 }], { perNode: 1, maxNodes: 3 })).toMatchObject({ shortfall: 'pods-exceed-group', asked: 4 });
  });

  test('unknown GPUs per node or group size: unknown, except what is already certain', () => {
    expect(gpuFit({ perPod: 4, pods: 1 }, { perNode: 'unknown', maxNodes: 2 })).toEqual({ verdict: 'unknown', perPod: 4, asked: 4, perNode: 'unknown', maxNodes: 2, available: undefined });
    expect(gpuFit({ perPod: 1, pods: 'per-node' }, { perNode: 2 })).toMatchObject({ verdict: 'unknown', asked: undefined, available: undefined });
    expect(gpuFit({ perPod: 3, pods: 1 }, { perNode: 2 })).toMatchObject({ verdict: 'does-not-fit', shortfall: 'pod-exceeds-node' });
  });

  test('asking for no GPUs always fits', () => {
    expect(gpuFit({ perPod: 0, pods: 5 }, { perNode: 0, maxNodes: 1 }).verdict).toBe('fits');
    expect(gpuFit([], { perNode: 'unknown' }).verdict).toBe('fits');
  });

  test('a NodePlacement as capacity: GPUs per node from its flavor, 0 without', () => {
    expect(gpuCapacityOf({ maxNodes: 3, gpu: { model: 'Tesla T4', count: 2 } })).toEqual({ perNode: 2, maxNodes: 3 });
    expect(gpuCapacityOf({ maxNodes: 3 })).toEqual({ perNode: 0, maxNodes: 3 });
  });
});

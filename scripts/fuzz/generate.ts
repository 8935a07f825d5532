// The program generator: sometimes a platform with infrastructure pieces, always a few Kubernetes pieces,
// declared in an order where what a piece refers to (a node group, a workload, a Service, a Gateway, a
// claim) is made before it.
import fc from 'fast-check';
import { INFRA_PIECES, platformPiece } from './infra';
import { NETWORKING_PIECES } from './networking';
import { Piece, Program } from './program';
import { STORAGE_PIECES } from './storage';
import { mode } from './values';
import { WORKLOAD_PIECES } from './workloads';

/** Declaration order by what a piece makes; unknown labels go in the middle. */
const STAGE: Record<string, number> = {
  Platform: 0,
  NodeGroup: 1,
  GpuNodeGroup: 1,
  BlockStorageVolume: 1,
  BrokenInfra: 2,
  GpuInstance: 2,
  StorageClass: 3,
  NginxIngressController: 3,
  'GatewayClass+Gateway': 3,
  'NginxGatewayFabric+Gateway': 3,
  PersistentVolume: 4,
  PersistentVolumeClaim: 5,
  WebApp: 6,
  GpuDeployment: 6,
  StatefulSet: 6,
  mount: 7,
  Service: 8,
  Ingress: 9,
  HttpRoute: 9,
  KubernetesDashboard: 10,
  Headlamp: 10,
  deployWorkloadsTo: 11,
};
const stage = (p: Piece) => STAGE[p.label] ?? 6;

const k8sPiece = fc.oneof(...[...WORKLOAD_PIECES, ...NETWORKING_PIECES, ...STORAGE_PIECES]);

/** A whole program. */
export const program: fc.Arbitrary<Program> = fc
  .tuple(fc.option(platformPiece, { nil: undefined, freq: 2 }), fc.array(fc.oneof(...INFRA_PIECES), { maxLength: 4 }), fc.array(k8sPiece, { minLength: 1, maxLength: 7 }))
  .map(([platform, infra, k8s]) => {
    const pieces = [...(platform ? [platform, ...infra] : []), ...k8s];
    // A stable sort: pieces of one stage keep their generated order.
    return { pieces: pieces.map((p, i) => [p, i] as const).sort((a, b) => stage(a[0]) - stage(b[0]) || a[1] - b[1]).map(([p]) => p) };
  });

/** `count` programs from `seed`, in batches, so that a run does not hold them all at once. */
export function* programs(seed: number, count: number, from = 0): Generator<[number, Program]> {
  const BATCH = 200;
  for (let start = Math.floor(from / BATCH) * BATCH; start < count; start += BATCH) {
    // Even batches without edges (see mode in values.ts): careful programs; odd batches with them.
    mode.edges = (start / BATCH) % 2 === 1;
    const batch = fc.sample(program, { seed: seed + start / BATCH, numRuns: BATCH });
    for (let i = 0; i < batch.length; i++) {
      const n = start + i;
      if (n >= from && n < count) yield [n, batch[i]];
    }
  }
}

// Generators of k8s programs for the fuzz runner (filled in by the k8s generators' commits).
import type * as fc from 'fast-check';
import type { FuzzCase } from './case';

/** Every k8s generator: each arbitrary yields generated programs, valid and invalid. */
export const k8sCases: ReadonlyArray<fc.Arbitrary<FuzzCase>> = [];

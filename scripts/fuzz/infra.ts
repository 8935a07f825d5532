// Generators of infra programs for the fuzz runner (filled in by the infra generators' commits).
import type * as fc from 'fast-check';
import type { FuzzCase } from './case';

/** Every infra generator: each arbitrary yields generated programs, valid and invalid. */
export const infraCases: ReadonlyArray<fc.Arbitrary<FuzzCase>> = [];

// How an image or external network reference given by name becomes an ID: the stack's renderer looks it up
// with its target's data source. References (references.ts) are data plus this one question; the InfraStack
// answers it by registering its renderer here, so references need not import the stack (stack → targets →
// references would otherwise be a cycle). Not exported from the package: constructs and renderers use it.
import { Construct, IConstruct } from 'constructs';
import type { ImageUse } from './references';

/** A name lookup of an image: an exact name or an RE2 pattern. */
export interface ImageFilter {
  readonly name?: string;
  readonly nameRegex?: string;
}

/** The lookups a reference by name needs; every {@link InfraRenderer} provides them. */
export interface ReferenceLookups {
  /**
   * The newest image matching a name or RE2 pattern, looked up at plan time; `use` says what boots from it
   * (nhncloud narrows an NKS node image to the images NKS accepts).
   */
  imageLookup(scope: Construct, filter: ImageFilter, use?: ImageUse): string;
  /** An external network's ID, looked up by name at plan time. */
  externalNetworkLookup(scope: Construct, name: string): string;
}

const LOOKUPS = Symbol.for('nks-cdk/ReferenceLookups');

/** Makes `lookups` answer for references resolved under `owner` (an InfraStack, with its renderer). */
export function provideReferenceLookups(owner: IConstruct, lookups: ReferenceLookups): void {
  Object.defineProperty(owner, LOOKUPS, { value: lookups });
}

/** The lookups of the InfraStack that contains `scope`; throws when it is not inside one. */
export function referenceLookupsOf(scope: IConstruct): ReferenceLookups {
  for (let c: IConstruct | undefined = scope; c; c = c.node.scope) {
    const lookups = (c as unknown as Record<symbol, ReferenceLookups | undefined>)[LOOKUPS];
    if (lookups) return lookups;
  }
  throw new Error(`${scope.node.path} is not inside an InfraStack: create it with an InfraStack (or a construct inside one) as its scope`);
}

// cdktf, loaded when a program first needs it rather than when nks-cdk is imported. Loading cdktf costs about
// 100 ms of CPU per process (`npm run bench`, load column); a program with charts only never needs it, and a
// program with infrastructure loads it as soon as it creates `app.infra` or an InfraStack. The modules that
// work on both layers (PlatformApp, the policy aspect, PersistentVolume sources, deferred values) call these instead of
// importing cdktf at the top, so a cdktf construct can only reach them after cdktf was loaded.
import type * as Cdktf from 'cdktf';

let loaded: typeof Cdktf | undefined;
let resolved: string | undefined;

/** The cdktf module (the one copy the program's `cdktf` peer dependency resolves to). */
export function cdktfRuntime(): typeof Cdktf {
  // Kept once loaded: the policy aspect and synth ask once per construct.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (loaded ??= require('cdktf') as typeof Cdktf);
}

/**
 * The cdktf module when the program has loaded it, else undefined without loading it: for checks that ask
 * whether a construct is a cdktf one (no cdktf construct exists before cdktf is loaded).
 */
export function cdktfIfLoaded(): typeof Cdktf | undefined {
  if (loaded) return loaded;
  resolved ??= require.resolve('cdktf');
  return require.cache[resolved] ? cdktfRuntime() : undefined;
}

// Platform diagram: synthesized output → model → Graphviz DOT → SVG. Only the entry points and the model
// types are public; the readers' helpers stay internal.
export * from './model';
export { platformDot } from './dot';
export type { DotOptions } from './dot';
export { landingsOf, nodeLabelsOf, volumeZones } from './placement';
export type { Landing } from './placement';
export { platformModel, readSynthesizedOutput, renderPlatformDiagram, renderSvg } from './render';
export type { OutputDirs } from './render';

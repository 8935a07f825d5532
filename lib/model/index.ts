// The model layer: plain typed values and the platform's rules. Imports neither cdktf nor cdk8s.
export * from './errors';
export * from './choices';
export * from './numbers';
export * from './flavors';
export * from './regions';
export * from './volumes';
export * from './kubernetes-versions';
export * from './names';
export * from './cidr';
export * from './node-labels';
export * from './placement';
export * from './ids';
export * from './quantities';
export * from './access-modes';
export * from './volume-limits';
export * from './storage';
export * from './booleans';

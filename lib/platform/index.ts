export * from './outputs';
export * from './workloads-stack';
export * from './platform';
export * from './cross-checks';

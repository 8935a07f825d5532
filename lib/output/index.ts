export * from './charts';
export * from './yaml';

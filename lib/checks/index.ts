export * from './terraform-schema';
export * from './kubernetes-schema';
export * from './secrets';
export * from './plugin';

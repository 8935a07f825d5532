export * from './terraform-schema';
export * from './kubernetes-schema';

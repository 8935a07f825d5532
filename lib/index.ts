// nks-cdk public API.
export * from './model';
export * from './annotations';
export * from './where';
export * from './k8s';
export * from './app';
export * from './infra';
export * from './platform';
export * from './checks';
export * from './policy';
export * as openstack from './generated/providers/openstack';

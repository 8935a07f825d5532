export * from './stack';
export { StateBackend } from './backend';
export type { ObjectStorageBackendProps } from './backend';
export * from './cloud-profile';
export * from './references';
export * from './network';
export * from './key-pair';
export * from '../model/node-spec';
export * from './addons';
export * from './access';
export * from './cluster-props';
export * from './cluster';
export * from './node-group';
export * from './block-storage-volume';
export * from './gpu-instance';
export {
  INFRA_TARGETS,
  infraTargetFromEnv,
  NHN_FLAVOR_FAMILIES,
  NKS_CLUSTER_TEMPLATE_ID,
  NKS_REQUIRED_CLUSTER_LABELS,
  NKS_REQUIRED_NODE_GROUP_LABELS,
} from './targets';
export type {
  ClusterResource,
  InfraRenderer,
  InfraTarget,
  InstanceResource,
  KeyPairResource,
  NetworkResource,
  NodeGroupResource,
  ResizeResource,
  RouterResource,
  SubnetResource,
  UpgradeResource,
  UpgradeSpec,
  VolumeResource,
} from './targets';
export * from './deferred';
export type { OperationQueue } from './targets/renderer';

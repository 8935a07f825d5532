// Kubernetes layer (cdk8s constructs), one concept a file, grouped in folders by concept: workloads/ (WebApp,
// GpuDeployment, StatefulSet, pull secrets), networking/ (Service, load balancer, Ingress and its controller),
// storage/ (StorageClass, PersistentVolume and claims, ephemeral volumes), cluster-ui/ (Dashboard, Headlamp) and
// gateway/ (Gateway API). What every group uses stays here at the top: object metadata, unique-objects,
// container and pod-spec, and basics (Namespace, ConfigMap, ServiceAccount, StaticPod).
export * from './metadata';
export * from './container';
export * from './pod-spec';
export * from './workloads/registry';
export * from './workloads/web-app';
export * from './workloads/gpu';
export * from './basics';
export * from './networking/load-balancer';
export * from './networking/load-balancer-certificate';
export * from './networking/service';
export * from './networking/ingress-controller';
export * from './networking/ingress';
export * from './networking/hosts';
export * from './cluster-ui/dashboard';
export * from './cluster-ui/headlamp';
export * from './workloads/references';
export * from './unique-objects';
export * from './storage/storage-class';
export * from './storage/persistent-volume-source';
export * from './storage/persistent-volume';
export * from './storage/claim-spec';
export * from './storage/persistent-volume-claim';
export * from './storage/ephemeral-volumes';
export * from './workloads/stateful-set';
export * from './storage/storage-patches';
export * from './storage/storage-checks';
export * from './gateway';

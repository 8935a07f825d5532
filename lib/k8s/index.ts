// Kubernetes layer (cdk8s constructs); files are added per concept.
export * from './metadata';
export * from './container';
export * from './pod-spec';
export * from './registry';
export * from './web-app';
export * from './gpu';
export * from './basics';
export * from './load-balancer';
export * from './load-balancer-certificate';
export * from './service';
export * from './ingress-controller';
export * from './ingress';
export * from './dashboard';

// Gateway API (gateway.networking.k8s.io, standard channel v1.4.1): one concept a file.
export * from './crds';
export * from './gateway-class';
export * from './gateway';
export * from './http-route';
export * from './reference-grant';
export * from './nginx-gateway-fabric';

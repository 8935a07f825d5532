// Facts of Kubernetes Services that the constructs (lib/k8s) and the API-server rules (lib/checks) both use.

/** A Service port's protocol, the first half of a per-listener key (`TCP-80.`). */
export type ServicePortProtocol = 'TCP' | 'UDP' | 'SCTP';

/**
 * The protocols a Service port (and a container port) takes: "Supports \"TCP\", \"UDP\", and \"SCTP\". Default
 * is TCP." (Kubernetes API reference, core/v1 ServicePort.protocol).
 */
export const PORT_PROTOCOLS: readonly ServicePortProtocol[] = Object.freeze(['TCP', 'UDP', 'SCTP']);

/**
 * Kubernetes' default `--service-node-port-range` (kube-apiserver flag reference: "Default: 30000-32767");
 * NKS does not change it. A cluster started with another range accepts other ports.
 */
export const NODE_PORT_RANGE = Object.freeze({ min: 30000, max: 32767 } as const);

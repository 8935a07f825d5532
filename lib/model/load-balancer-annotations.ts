// The annotation keys of LoadBalancer Services that more than one layer reads: the Service construct writes
// them (lib/k8s/networking/load-balancer.ts), the cross-layer checks and the diagram read them back from the output.
// Source: TOAST-DOCS/Container-Kubernetes, `en/user-guide.md` and `ko/user-guide.md`, "LoadBalancer service"
// settings (as of 2026-03).

/** Prefix of the annotations NHN Cloud's load balancer adds to OpenStack's (`loadbalancer.nhncloud/...`). */
export const NHN_LB_ANNOTATION_PREFIX = 'loadbalancer.nhncloud/';
/** Prefix of the OpenStack cloud controller's load balancer annotations (`loadbalancer.openstack.org/...`). */
export const OPENSTACK_LB_ANNOTATION_PREFIX = 'loadbalancer.openstack.org/';

/** The subnet the load balancer's VIP is created in (a subnet UUID). */
export const LB_SUBNET_ANNOTATION = `${OPENSTACK_LB_ANNOTATION_PREFIX}subnet-id`;
/** The subnets of the load balancer's members, the nodes (subnet UUIDs joined with commas). */
export const LB_MEMBER_SUBNET_ANNOTATION = `${NHN_LB_ANNOTATION_PREFIX}member-subnet-id`;
/** The annotations that name a subnet of the load balancer. */
export const LB_SUBNET_ANNOTATIONS: readonly string[] = Object.freeze([LB_SUBNET_ANNOTATION, LB_MEMBER_SUBNET_ANNOTATION]);

/** Annotation that asks for a load balancer without a floating IP (a VIP in the subnet only). */
export const INTERNAL_LB_ANNOTATION = 'service.beta.kubernetes.io/openstack-internal-load-balancer';

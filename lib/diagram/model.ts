// What the platform diagram shows, read from synthesized output (never from constructs), so it draws any
// program that `PlatformApp.synth()` — or plain cdktf and cdk8s — has written.

/** A parsed `cdk.tf.json` (or any Terraform JSON). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type TerraformJson = Record<string, any>;

/** What the diagram is drawn from: the Terraform JSON of each stack and the Kubernetes objects. */
export interface DiagramInput {
  /** `cdk.tf.json` per stack name. */
  readonly terraform: Readonly<Record<string, TerraformJson>>;
  /** Kubernetes objects (parsed YAML documents); `kubernetes_manifest` resources of the stacks are added to them. */
  readonly manifests: readonly unknown[];
}

/** A VPC: network with its subnets. */
export interface NetworkInfo {
  /** Unique key: `<stack>/<resource type>.<name>`, or `id:<uuid>` for a network the program only refers to. */
  readonly key: string;
  /** The network's `name`, else its key; `network <id>` for a network the program only refers to by ID. */
  readonly name: string;
  /** Subnet ranges. */
  readonly cidrs: readonly string[];
  /** Router names (to the external network). */
  readonly routers: readonly string[];
}

/** A group of nodes of one flavor in one zone: a cluster's default group or an added node group. */
export interface NodeGroupInfo {
  /** Unique key: the node group resource's `<stack>/<resource type>.<name>`, or `<cluster key>#default` for a cluster's default group. */
  readonly key: string;
  /** The resource's `name`; for the default group, its `node.nks-cdk.io/group` label, else `default`. */
  readonly name: string;
  /** The key of the cluster it belongs to. */
  readonly clusterKey: string;
  /** The flavor's name (a flavor looked up by a data source shows the name it looks up); undefined when it is not a literal. */
  readonly flavor?: string;
  /** `node_count`, when it is a number. */
  readonly nodeCount?: number;
  /** Autoscaler bounds, when the autoscaler is on. */
  readonly autoscale?: { readonly min: number; readonly max: number };
  /** Availability zone (the `availability_zone` label, else the attribute), when set. */
  readonly zone?: string;
  /** Kubernetes labels of the nodes (`k8s_node_labels`), without the labels every node carries. */
  readonly labels: Readonly<Record<string, string>>;
  /**
   * GPUs per node: the count nks-cdk wrote beside the node group for a flavor the GPU table lacks (lib/model/
   * terraform-comment.ts), else the table's count; 'unknown' for a g2 flavor with neither; undefined without GPUs.
   */
  readonly gpusPerNode?: number | 'unknown';
}

/** An NKS cluster with its node groups, the default group first. */
export interface ClusterInfo {
  /** Unique key: `<stack>/<resource type>.<name>`. */
  readonly key: string;
  /** The cluster's `name`, else its key. */
  readonly name: string;
  /** The `kube_tag` label of the cluster, else of its cluster template (e.g. `v1.32.3`); undefined when neither has one. */
  readonly kubernetesVersion?: string;
  /** The network its nodes attach to. */
  readonly networkKey?: string;
  /** Its node groups, the default group first. */
  readonly nodeGroups: readonly NodeGroupInfo[];
}

/** A block storage (Cinder) volume. */
export interface VolumeInfo {
  /** Unique key: `<stack>/<resource type>.<name>`. */
  readonly key: string;
  /** The volume's `name`, else its key. */
  readonly name: string;
  /** Size in GB (`size`), when it is a number. */
  readonly sizeGb?: number;
  /** Volume type (`volume_type`), when set. */
  readonly type?: string;
  /** Availability zone (`availability_zone`), when set. */
  readonly zone?: string;
}

/** A compute instance outside the cluster (e.g. a GPU instance). */
export interface InstanceInfo {
  /** Unique key: `<stack>/<resource type>.<name>`. */
  readonly key: string;
  /** The instance's `name`, else its key. */
  readonly name: string;
  /** The flavor's name (`flavor_name`, else `flavor_id` as a person reads it); undefined when it is not a literal. */
  readonly flavor?: string;
  /** Availability zone (`availability_zone`), when set. */
  readonly zone?: string;
  /** Keys of the networks it attaches to. */
  readonly networkKeys: readonly string[];
  /** Keys of the volumes attached to it (`compute_volume_attach_v2`). */
  readonly volumeKeys: readonly string[];
}

/** The infrastructure layer. */
export interface InfraModel {
  /** Networks (VPCs), including those the program only refers to by ID. */
  readonly networks: readonly NetworkInfo[];
  /** NKS clusters with their node groups. */
  readonly clusters: readonly ClusterInfo[];
  /** Block storage volumes. */
  readonly volumes: readonly VolumeInfo[];
  /** Compute instances. */
  readonly instances: readonly InstanceInfo[];
}

/** A required node affinity term: all expressions must hold (terms are ORed). */
export interface NodeSelectorRequirement {
  /** The node label's key. */
  readonly key: string;
  /** `In`, `NotIn`, `Exists`, `DoesNotExist`, `Gt` or `Lt`, as written. */
  readonly operator: string;
  /** The values (empty for `Exists` and `DoesNotExist`). */
  readonly values: readonly string[];
}

/** A workload: an object of a kind that runs pods (lib/model/pod-templates.ts: Pod, Deployment, StatefulSet, DaemonSet, Job, CronJob, ReplicaSet, ReplicationController). */
export interface WorkloadInfo {
  /** Unique key: `k8s/<kind>/<namespace>/<name>`. */
  readonly key: string;
  /** The object's kind (e.g. `Deployment`). */
  readonly kind: string;
  /** `metadata.name`, or `(unnamed)`. */
  readonly name: string;
  /** `metadata.namespace`, or `default`. */
  readonly namespace: string;
  /** Pods it wants (replicas or parallelism); undefined for a DaemonSet. */
  readonly replicas?: number;
  /** The images of its containers (not init containers). */
  readonly images: readonly string[];
  /** Labels of its pod template (of the pod itself for a Pod). */
  readonly podLabels: Readonly<Record<string, string>>;
  /** The pods' `nodeSelector`; empty when there is none. */
  readonly nodeSelector: Readonly<Record<string, string>>;
  /** Required node affinity terms (ORed); empty when there is none. */
  readonly affinityTerms: readonly (readonly NodeSelectorRequirement[])[];
  /** `nvidia.com/gpu` one pod needs on its node (lib/model/gpu.ts gpusPerPod: containers, init containers and sidecars). */
  readonly gpusPerPod: number;
  /** PersistentVolumeClaims its pods mount (by name, in its namespace). */
  readonly claims: readonly string[];
  /** StorageClasses of a StatefulSet's volumeClaimTemplates. */
  readonly templateStorageClasses: readonly string[];
  /** Container args (the ingress controller is found by its `--controller-class` / `--ingress-class`). */
  readonly args: readonly string[];
}

/** A Service. */
export interface ServiceInfo {
  /** Unique key: `k8s/Service/<namespace>/<name>`. */
  readonly key: string;
  /** `metadata.name`, or `(unnamed)`. */
  readonly name: string;
  /** `metadata.namespace`, or `default`. */
  readonly namespace: string;
  /** `spec.type`: `ClusterIP` when unset. */
  readonly type: string;
  /** `port→targetPort/protocol` per port. */
  readonly ports: readonly string[];
  /** `spec.selector`; empty when there is none. */
  readonly selector: Readonly<Record<string, string>>;
  /** A LoadBalancer Service on an internal (VPC-only) load balancer. */
  readonly internal: boolean;
}

/** One path of an Ingress. */
export interface IngressRoute {
  /** The host it matches; undefined for any host. */
  readonly host?: string;
  /** The path it matches (`/` when unset); `(default)` for an Ingress's default backend. */
  readonly path: string;
  /** The backend Service's name. */
  readonly service: string;
  /** The backend port, by name or number; undefined when not given. */
  readonly port?: string;
  /** The Service's namespace, when not the route's (HTTPRoute backendRefs may cross namespaces). */
  readonly namespace?: string;
}

/** An Ingress. */
export interface IngressInfo {
  /** Unique key: `k8s/<kind>/<namespace>/<name>`. */
  readonly key: string;
  /** `metadata.name`, or `(unnamed)`. */
  readonly name: string;
  /** `metadata.namespace`, or `default`. */
  readonly namespace: string;
  /** Ingress: `spec.ingressClassName` (else the `kubernetes.io/ingress.class` annotation); Gateway: `spec.gatewayClassName`; undefined for an HTTPRoute. */
  readonly className?: string;
  /** Its routes (none for a Gateway). */
  readonly routes: readonly IngressRoute[];
  /** What it is; drawn alike. Default 'Ingress'. */
  readonly kind?: 'Ingress' | 'Gateway' | 'HTTPRoute';
  /** For an HTTPRoute: the keys of the Gateways it attaches to. */
  readonly parents?: readonly string[];
}

/** A PersistentVolumeClaim. */
export interface ClaimInfo {
  /** Unique key: `k8s/PersistentVolumeClaim/<namespace>/<name>`. */
  readonly key: string;
  /** `metadata.name`, or `(unnamed)`. */
  readonly name: string;
  /** `metadata.namespace`, or `default`. */
  readonly namespace: string;
  /** `spec.storageClassName`, when set. */
  readonly storageClass?: string;
  /** `spec.volumeName`: the PersistentVolume it binds to, when set. */
  readonly volumeName?: string;
  /** The storage it requests (`spec.resources.requests.storage`, e.g. `10Gi`), when set. */
  readonly size?: string;
}

/** A PersistentVolume. */
export interface PersistentVolumeInfo {
  /** Unique key: `k8s/PersistentVolume//<name>`. */
  readonly key: string;
  /** `metadata.name`, or `(unnamed)`. */
  readonly name: string;
  /** `spec.capacity.storage` (e.g. `10Gi`), when set. */
  readonly size?: string;
  /** `spec.storageClassName`, when set. */
  readonly storageClass?: string;
  /** Zone from the PV's node affinity (or its block storage volume). */
  readonly zone?: string;
  /** The block storage volume behind it, when its ID refers to one of the program's volumes. */
  readonly volumeKey?: string;
}

/** A StorageClass and the zones it provisions in (empty: any). */
export interface StorageClassInfo {
  /** `metadata.name`, or `(unnamed)`. */
  readonly name: string;
  /** `provisioner` (e.g. `cinder.csi.openstack.org`), when set. */
  readonly provisioner?: string;
  /** Zones of its `allowedTopologies` and `availability` parameter, sorted; empty: any zone. */
  readonly zones: readonly string[];
}

/** The Kubernetes layer. */
export interface KubernetesModel {
  /** Objects that run pods. */
  readonly workloads: readonly WorkloadInfo[];
  /** Services. */
  readonly services: readonly ServiceInfo[];
  /** Ingresses, and Gateway API Gateways and HTTPRoutes (drawn like them). */
  readonly ingresses: readonly IngressInfo[];
  /** PersistentVolumeClaims. */
  readonly claims: readonly ClaimInfo[];
  /** PersistentVolumes. */
  readonly persistentVolumes: readonly PersistentVolumeInfo[];
  /** StorageClasses. */
  readonly storageClasses: readonly StorageClassInfo[];
  /** IngressClass name → its controller string (`k8s.io/ingress-nginx`). */
  readonly ingressClasses: Readonly<Record<string, string>>;
  /** GatewayClass name → its controllerName (`gateway.nginx.org/nginx-gateway-controller`). */
  readonly gatewayClasses?: Readonly<Record<string, string>>;
}

/** Everything the diagram draws. */
export interface PlatformModel {
  /** The infrastructure layer, from the Terraform JSON. */
  readonly infra: InfraModel;
  /** The Kubernetes layer, from the Kubernetes objects. */
  readonly kubernetes: KubernetesModel;
}

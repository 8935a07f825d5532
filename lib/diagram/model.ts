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
  readonly name: string;
  /** Subnet ranges. */
  readonly cidrs: readonly string[];
  /** Router names (to the external network). */
  readonly routers: readonly string[];
}

/** A group of nodes of one flavor in one zone: a cluster's default group or an added node group. */
export interface NodeGroupInfo {
  readonly key: string;
  readonly name: string;
  readonly clusterKey: string;
  readonly flavor?: string;
  readonly nodeCount?: number;
  /** Autoscaler bounds, when the autoscaler is on. */
  readonly autoscale?: { readonly min: number; readonly max: number };
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
  readonly key: string;
  readonly name: string;
  readonly kubernetesVersion?: string;
  /** The network its nodes attach to. */
  readonly networkKey?: string;
  readonly nodeGroups: readonly NodeGroupInfo[];
}

/** A block storage (Cinder) volume. */
export interface VolumeInfo {
  readonly key: string;
  readonly name: string;
  readonly sizeGb?: number;
  readonly type?: string;
  readonly zone?: string;
}

/** A compute instance outside the cluster (e.g. a GPU instance). */
export interface InstanceInfo {
  readonly key: string;
  readonly name: string;
  readonly flavor?: string;
  readonly zone?: string;
  readonly networkKeys: readonly string[];
  readonly volumeKeys: readonly string[];
}

/** The infrastructure layer. */
export interface InfraModel {
  readonly networks: readonly NetworkInfo[];
  readonly clusters: readonly ClusterInfo[];
  readonly volumes: readonly VolumeInfo[];
  readonly instances: readonly InstanceInfo[];
}

/** A required node affinity term: all expressions must hold (terms are ORed). */
export interface NodeSelectorRequirement {
  readonly key: string;
  readonly operator: string;
  readonly values: readonly string[];
}

/** A workload: an object of a kind that runs pods (lib/model/pod-templates.ts: Pod, Deployment, StatefulSet, DaemonSet, Job, CronJob, ReplicaSet, ReplicationController). */
export interface WorkloadInfo {
  readonly key: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace: string;
  /** Pods it wants (replicas or parallelism); undefined for a DaemonSet. */
  readonly replicas?: number;
  readonly images: readonly string[];
  readonly podLabels: Readonly<Record<string, string>>;
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
  readonly key: string;
  readonly name: string;
  readonly namespace: string;
  readonly type: string;
  /** `port→targetPort/protocol` per port. */
  readonly ports: readonly string[];
  readonly selector: Readonly<Record<string, string>>;
  /** A LoadBalancer Service on an internal (VPC-only) load balancer. */
  readonly internal: boolean;
}

/** One path of an Ingress. */
export interface IngressRoute {
  readonly host?: string;
  readonly path: string;
  readonly service: string;
  readonly port?: string;
  /** The Service's namespace, when not the route's (HTTPRoute backendRefs may cross namespaces). */
  readonly namespace?: string;
}

/** An Ingress. */
export interface IngressInfo {
  readonly key: string;
  readonly name: string;
  readonly namespace: string;
  readonly className?: string;
  readonly routes: readonly IngressRoute[];
  /** What it is; drawn alike. Default 'Ingress'. */
  readonly kind?: 'Ingress' | 'Gateway' | 'HTTPRoute';
  /** For an HTTPRoute: the keys of the Gateways it attaches to. */
  readonly parents?: readonly string[];
}

/** A PersistentVolumeClaim. */
export interface ClaimInfo {
  readonly key: string;
  readonly name: string;
  readonly namespace: string;
  readonly storageClass?: string;
  readonly volumeName?: string;
  readonly size?: string;
}

/** A PersistentVolume. */
export interface PersistentVolumeInfo {
  readonly key: string;
  readonly name: string;
  readonly size?: string;
  readonly storageClass?: string;
  /** Zone from the PV's node affinity (or its block storage volume). */
  readonly zone?: string;
  /** The block storage volume behind it, when its ID refers to one of the program's volumes. */
  readonly volumeKey?: string;
}

/** A StorageClass and the zones it provisions in (empty: any). */
export interface StorageClassInfo {
  readonly name: string;
  readonly provisioner?: string;
  readonly zones: readonly string[];
}

/** The Kubernetes layer. */
export interface KubernetesModel {
  readonly workloads: readonly WorkloadInfo[];
  readonly services: readonly ServiceInfo[];
  readonly ingresses: readonly IngressInfo[];
  readonly claims: readonly ClaimInfo[];
  readonly persistentVolumes: readonly PersistentVolumeInfo[];
  readonly storageClasses: readonly StorageClassInfo[];
  /** IngressClass name → its controller string (`k8s.io/ingress-nginx`). */
  readonly ingressClasses: Readonly<Record<string, string>>;
  /** GatewayClass name → its controllerName (`gateway.nginx.org/nginx-gateway-controller`). */
  readonly gatewayClasses?: Readonly<Record<string, string>>;
}

/** Everything the diagram draws. */
export interface PlatformModel {
  readonly infra: InfraModel;
  readonly kubernetes: KubernetesModel;
}

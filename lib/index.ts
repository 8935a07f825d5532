// nks-cdk public API: the constructs, the value types and factories their props take, and the entry points of
// the checks. Everything else in lib/ is internal: importable by path inside this repository, not from the
// package. The API report (api/nks-cdk.api.md, `npm run api`) lists what this file exports; a change to the
// public surface shows there and is reviewed with the change.

// The program: one app, both layers.
export { PlatformApp, OutputCheckError } from './app';
export type { PlatformAppProps, SynthResult } from './app';
export { Platform, WorkloadsStack } from './platform';
export type { PlatformProps, WorkloadsStackProps, IKubernetesEndpoint, KubernetesAccess, PendingObject, InfraOutputs } from './platform';
export { ValidationError, ValidationErrors } from './model';
export type { ValidationErrorProps, Where, Problem } from './model';
// Warnings: the ids they carry, and acknowledging one on a construct and everything under it.
export { Warnings, acknowledgeWarning, WARNINGS } from './warnings';
export type { WarningId, WarningInfo, WarningMessage, ConstructWarning, AcknowledgedWarning } from './warnings';

// Infrastructure constructs (CDK for Terraform) and the values their props take.
export {
  InfraStack,
  StateBackend,
  Network,
  KeyPair,
  Cluster,
  NodeGroup,
  GpuNodeGroup,
  BlockStorageVolume,
  GpuInstance,
  ImageRef,
  ExternalNetworkRef,
  NksAddon,
  defaultNksAddons,
  NKS_ADDONS,
  loadOpenStackCloudProfile,
  INFRA_TARGETS,
  infraTargetFromEnv,
  KUBECONFIG_ENV,
} from './infra';
export type {
  InfraStackProps,
  InfraTarget,
  ObjectStorageBackendProps,
  NetworkProps,
  ExistingNetworkProps,
  INetwork,
  KeyPairProps,
  IKeyPair,
  ClusterProps,
  ClusterUpgrade,
  NksServiceGateways,
  ClusterAccess,
  KubeconfigFileAccess,
  TerraformClusterAccess,
  NodeGroupProps,
  GpuNodeGroupProps,
  NodeTaint,
  AutoscalerOptions,
  BootVolumeOptions,
  VolumeEncryptionKey,
  BlockStorageVolumeProps,
  GpuInstanceProps,
  ImageUse,
  NksAddonType,
  NksAddonOptions,
  NksAddonInfo,
  CalicoAddonOptions,
  CustomAddonProps,
  DeferredValue,
  NodeSpec,
  UpgradeSpec,
  // The Terraform resources a construct renders (escape hatches): the classes of nks-cdk/providers/<target>.
  ClusterResource,
  NodeGroupResource,
  KeyPairResource,
  NetworkResource,
  SubnetResource,
  RouterResource,
  VolumeResource,
  InstanceResource,
  ResizeResource,
  UpgradeResource,
  NodeGroupOwnerProps,
  ClusterTemplateResource,
  // Internal: the type of a member marked @internal.
  OperationQueue,
} from './infra';

// Platform facts users choose from (dated snapshots; see README "Platform data").
export {
  OpenStackCloud,
  REGIONS,
  GPU_FLAVORS,
  VOLUME_TYPES,
  DEFAULT_VOLUME_TYPE,
  DEFAULT_KUBERNETES_VERSION,
  CREATABLE_KUBERNETES_VERSIONS,
  KNOWN_KUBERNETES_VERSIONS,
  KUBERNETES_VERSIONS_AS_OF,
  DEFAULT_NODE_GROUP_NAME,
  NODE_GROUP_LABEL,
  GPU_MODEL_LABEL,
  NVIDIA_GPU,
  IN_TREE_CINDER_PROVISIONER,
  CSI_CINDER_PROVISIONER,
} from './model';
export type {
  OpenStackCloudProfile,
  OpenStackFlavorInfo,
  MagnumNetworkDriver,
  CloudFacts,
  Region,
  RegionInfo,
  Flavor,
  GpuSpec,
  VolumeType,
  KubernetesVersion,
  KubernetesVersionLike,
  CinderProvisioner,
  NodePlacement,
  Taint,
  AccessMode,
  VolumePlugin,
  QuantityValue,
  StorageSize,
  ReclaimPolicy,
  VolumeBindingMode,
  VolumeMode,
  BlockStorageVolumeInfo,
  ServicePortProtocol,
  ParseFlavorOptions,
  Cidr,
} from './model';

// Kubernetes constructs (cdk8s, cdk8s-plus-28) and the values their props take. Named from the file that
// defines each, not from lib/k8s's index: the package's entry point loads a module on first use of one of its
// exports (scripts/lazy-index.js), so a program loads the constructs it uses and what they import.
export { WebApp } from './k8s/workloads/web-app';
export { GpuDeployment, GpuPod } from './k8s/workloads/gpu';
export { StaticPod, Namespace, ConfigMap, ServiceAccount } from './k8s/basics';
export { StatefulSet } from './k8s/workloads/stateful-set';
export { Service } from './k8s/networking/service';
export { Ingress, IngressBackend } from './k8s/networking/ingress';
export { NginxIngressController } from './k8s/networking/ingress-controller';
export { KubernetesDashboard, DashboardAccessToken } from './k8s/cluster-ui/dashboard';
export { Headlamp } from './k8s/cluster-ui/headlamp';
export { GatewayClass } from './k8s/gateway/gateway-class';
export { Gateway } from './k8s/gateway/gateway';
export { HttpRoute, HttpBackend } from './k8s/gateway/http-route';
export { ReferenceGrant } from './k8s/gateway/reference-grant';
export { NginxGatewayFabric } from './k8s/gateway/nginx-gateway-fabric';
export { RegistryCredentials, PullSecret } from './k8s/workloads/registry';
export { LoadBalancerCertificate } from './k8s/networking/load-balancer-certificate';
export { StorageClass } from './k8s/storage/storage-class';
export { PersistentVolume } from './k8s/storage/persistent-volume';
export { PersistentVolumeSource } from './k8s/storage/persistent-volume-source';
export { PersistentVolumeClaim } from './k8s/storage/persistent-volume-claim';
export { EphemeralVolume } from './k8s/storage/ephemeral-volumes';
// Gap-fillers for a user's own cdk8s-plus workloads (what cdk8s-plus-28 cannot say).
export { addGpus } from './k8s/workloads/gpu';
export { addExtendedResource, addNodeSelector, addToleration, addImagePullSecrets, placeOn } from './k8s/pod-spec';
export type {
  WebAppProps,
  RollingUpdateOptions,
  IntOrPercent,
  UpdateStrategyType,
  ContainerOptions,
  ContainerPortInput,
  ContainerPortSpec,
  EnvInput,
  PodOptions,
  PodSpecOwner,
  IPullSecret,
  ExtendedResourceOptions,
  GpuOptions,
  GpuPodProps,
  GpuDeploymentProps,
  AddGpusOptions,
  StaticPodProps,
  StatefulSetProps,
  VolumeClaimTemplate,
  ClaimRetention,
  ClaimRetentionPolicy,
  PodManagementPolicy,
  StatefulSetUpdateType,
  NamespaceProps,
  ConfigMapProps,
  ServiceAccountProps,
  ObjectMetaInput,
  ServiceProps,
  ServicePortSpec,
  ServicePortInfo,
  ServiceType,
  ExternalTrafficPolicy,
  SessionAffinity,
  LoadBalancerOptions,
  ListenerOptions,
  ListenerSettings,
  ListenerProtocol,
  ListenerProtocolSetting,
  HealthMonitorOptions,
  HealthMonitorType,
  TerminatedHttpsOptions,
  LoadBalancerTlsVersion,
  LoadBalancerType,
  LoadBalancingMethod,
  SessionPersistence,
  PemFromEnvironmentProps,
  IngressProps,
  IngressRule,
  IngressPath,
  IngressTls,
  PathType,
  IngressToHttpRoutesOptions,
  NginxIngressControllerProps,
  DashboardAccessTokenOptions,
  DashboardIngressOptions,
  DashboardLoadBalancerOptions,
  HeadlampProps,
  HeadlampAccessTokenOptions,
  HeadlampLoadBalancerOptions,
  HeadlampRouteOptions,
  GatewayClassProps,
  GatewayProps,
  GatewayListener,
  GatewayListenerInfo,
  GatewayProtocol,
  AllowedRoutes,
  HttpRouteProps,
  HttpRouteRule,
  HttpRouteMatch,
  HttpRouteParent,
  HttpRouteBackendInfo,
  HttpHeaderMatch,
  HttpPathType,
  HttpPathModifier,
  HttpRedirect,
  HttpRewrite,
  HttpMethod,
  ReferenceGrantProps,
  ReferenceGrantFrom,
  ReferenceGrantTo,
  NginxGatewayFabricProps,
  RegistryCredentialsProps,
  StorageClassProps,
  PersistentVolumeProps,
  BlockStorageSourceOptions,
  CinderVolumeOptions,
  NfsSourceOptions,
  HostPathSourceOptions,
  HostPathType,
  LocalSourceOptions,
  SourceContext,
  RenderedSource,
  PersistentVolumeClaimProps,
  ClaimVolumeOptions,
  ClaimOptions,
  ClaimBindingOptions,
  ClaimSelector,
  LabelExpression,
  EmptyDirOptions,
  EmptyDirMedium,
  GenericEphemeralOptions,
  GitCloneOptions,
  KeyVolumeOptions,
} from './k8s';

// Policy rules.
export { Policies, PolicyAspect, PolicyEngine, PolicyReport, PolicyViolationError, runPolicies, formatFinding, NKS_RULES, META_RULES, KEEP_DATA_LABEL } from './policy';
// The cdk8s validation plugin (`validations:` in cdk8s.yaml): the strict Kubernetes check and the policy rules.
export { NksValidation } from './policy';
export type { NksValidationProps, Cdk8sValidationContext, Cdk8sValidationViolation } from './policy';
export type {
  PolicyOptions,
  PolicyScope,
  PolicyRule,
  PolicyFinding,
  PolicyProblem,
  PolicySuppression,
  PolicyLevel,
  PolicyLevelSetting,
  PolicySubject,
  ManifestRuleContext,
  KubeObject,
  TerraformResourceBlock,
  PolicyReportJson,
  PolicyFindingJson,
  ActiveRule,
} from './policy';

// Checks of synthesized output, where you run them (scripts, CI, the cdk8s validation plugin).
export {
  checkManifests,
  checkManifest,
  formatManifestIssues,
  checkTerraformJson,
  formatTerraformIssues,
  loadProviderSchema,
  NHNCLOUD_SCHEMA_FILE,
  OPENSTACK_SCHEMA_FILE,
  scanManifest,
  scanFileForSecrets,
  scanDirForSecrets,
  diffTerraformConfigs,
  changesFromPlan,
  assessChanges,
  formatChangeReport,
} from './checks';
export type {
  ManifestCheckOptions,
  ManifestIssue,
  TerraformIssue,
  TerraformIssueRule,
  ProviderSchemaFile,
  ProviderSchema,
  ProviderSchemaEntry,
  ProviderSchemaBlock,
  ProviderSchemaBlockType,
  ProviderSchemaAttribute,
  ProviderSchemaNestedType,
  CtyType,
  TfJson,
  Json,
  ScanManifestOptions,
  SecretFinding,
  ChangeAssessment,
  GuardedKind,
  InfraChangeReport,
  StackChangeReport,
  ResourceChange,
  ResourceChangeAction,
} from './checks';

// The platform diagram.
export { renderPlatformDiagram, renderSvg, platformDot, platformModel, readSynthesizedOutput } from './diagram';
export type {
  OutputDirs,
  DotOptions,
  PlatformModel,
  DiagramInput,
  TerraformJson,
  InfraModel,
  KubernetesModel,
  ClusterInfo,
  NodeGroupInfo,
  NetworkInfo,
  InstanceInfo,
  VolumeInfo,
  WorkloadInfo,
  ServiceInfo,
  IngressInfo,
  IngressRoute,
  ClaimInfo,
  PersistentVolumeInfo,
  StorageClassInfo,
  NodeSelectorRequirement,
} from './diagram';

// Internal: the types of members marked @internal.
export type { ChartManifests } from './output';
export type { RenderedHttpBackend } from './k8s';

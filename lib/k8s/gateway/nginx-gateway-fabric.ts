// NGINX Gateway Fabric (nginx/nginx-gateway-fabric), the Gateway API implementation NHN's NKS "Gateway API
// guide" installs (NKS does not install one). Mirrors upstream's `deploy/default/deploy.yaml` at tag v2.3.0
// (commit bd209359a3910ffe9b19ccc12f849a294f07e427): namespace `nginx-gateway`, service accounts, RBAC, the
// control plane Deployment, its certificate Job, the agent Service, the GatewayClass `nginx`, the NginxGateway
// and NginxProxy objects; plus the CRDs it needs (Gateway API v1.4.1 standard and NGF's own) in a chart of
// their own, ordered before every other chart, so it is written first (`0000-gateway-api-crds.k8s.yaml`).
// The control plane creates, for each Gateway, an NGINX data plane Deployment and a LoadBalancer Service
// (NginxProxy spec.kubernetes.service: type, externalTrafficPolicy, loadBalancerSourceRanges); the NHN load
// balancer options reach that Service through the Gateway's spec.infrastructure.annotations
// (internal/controller/provisioner/objects.go:107-114).
import { ApiObject, App, Chart, Duration, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct, IConstruct } from 'constructs';
import { warn } from '../../warnings';
import { at, fail } from '../../model/errors';
import { checkDnsLabel, checkDnsSubdomain } from '../../model/names';
import { recordsProblems } from '../../problems';
import { whereOf } from '../../where';
import { checkImageRef, checkWholeNumber } from '../container';
import { LoadBalancerOptions } from '../networking/load-balancer';
import { ExternalTrafficPolicy } from '../networking/service';
import { trackObjects } from '../unique-objects';
import { gatewayApiCrds, nginxGatewayFabricCrds } from './crds';
import { Gateway, GatewayProps } from './gateway';
import { GatewayClass, NGF_CONTROLLER_NAME } from './gateway-class';
import { constructsUnder } from '../../synth-cache';

/** The NGF release nks-cdk installs. */
export const NGF_VERSION = '2.3.0';
/**
 * The control plane image, pinned by tag only: upstream's manifests name `ghcr.io/nginx/nginx-gateway-fabric:2.3.0`
 * without a digest (deploy/default/deploy.yaml:310 at v2.3.0), and no digest of it is recorded anywhere in
 * the repository, so nks-cdk cannot cite one. Pass `controlPlaneImage` with `@sha256:` to pin it by digest;
 * until then synth warns.
 */
export const NGF_IMAGE = `ghcr.io/nginx/nginx-gateway-fabric:${NGF_VERSION}`;
/** The NGINX data plane image (repository and tag, as NginxProxy takes it: deploy/default/deploy.yaml:438-442). Tag only, as above. */
export const NGF_NGINX_IMAGE = { repository: 'ghcr.io/nginx/nginx-gateway-fabric/nginx', tag: NGF_VERSION } as const;

/** Properties of an {@link NginxGatewayFabric}. */
export interface NginxGatewayFabricProps {
  /**
   * Namespace of the control plane (created).
   * @default 'nginx-gateway'
   */
  readonly namespace?: string;
  /**
   * The GatewayClass name Gateways use.
   * @default 'nginx'
   */
  readonly gatewayClassName?: string;
  /**
   * NHN load balancer options of every Gateway's data plane LoadBalancer Service (a Gateway's own
   * `loadBalancer` replaces them).
   * @default - none (NHN's defaults: a public floating IP)
   */
  readonly loadBalancer?: LoadBalancerOptions;
  /**
   * Client CIDRs the data plane load balancers let in.
   * @default - everyone
   */
  readonly loadBalancerSourceRanges?: string[];
  /**
   * External traffic policy of the data plane Services. Upstream uses `Local`; nks-cdk uses `Cluster`, for
   * the reason NginxIngressController gives (NHN's health checks are slow to notice a pod moving, and its
   * load balancer proxies connections, so `Local` does not keep the client address).
   * @default 'Cluster'
   */
  readonly externalTrafficPolicy?: ExternalTrafficPolicy;
  /**
   * Data plane (NGINX) pods per Gateway.
   * @default 1
   */
  readonly dataPlaneReplicas?: number;
  /**
   * Control plane image; give it with a digest (`...:2.3.0@sha256:...`) to pin it fully.
   * @default NGF_IMAGE (tag 2.3.0, no digest: synth warns)
   */
  readonly controlPlaneImage?: string;
  /**
   * Data plane (NGINX) image: repository, tag and a digest (`sha256:...`) to pin it fully.
   * @default - NGF_NGINX_IMAGE (tag 2.3.0, no digest: synth warns)
   */
  readonly dataPlaneImage?: { readonly repository?: string; readonly tag?: string; readonly digest?: string };
  /**
   * Install the CRDs (Gateway API v1.4.1 standard and NGF's) in a chart of their own, `gateway-api-crds`.
   * Turn it off when the cluster has them already.
   * @default true
   */
  readonly installCrds?: boolean;
}

type Rule = { apiGroups: string[]; resources: string[]; verbs: string[] };
const WRITE = ['create', 'update', 'delete', 'list', 'get', 'watch'];
// The ClusterRole of deploy/default/deploy.yaml (lines 48-200 at v2.3.0), rule for rule.
const CLUSTER_RULES: Rule[] = [
  { apiGroups: [''], resources: ['secrets', 'configmaps', 'serviceaccounts', 'services'], verbs: WRITE },
  { apiGroups: ['apps'], resources: ['deployments', 'daemonsets'], verbs: WRITE },
  { apiGroups: ['autoscaling'], resources: ['horizontalpodautoscalers'], verbs: WRITE },
  { apiGroups: [''], resources: ['namespaces', 'pods'], verbs: ['get', 'list', 'watch'] },
  { apiGroups: ['apps'], resources: ['replicasets'], verbs: ['get', 'list'] },
  { apiGroups: [''], resources: ['nodes'], verbs: ['list'] },
  { apiGroups: [''], resources: ['events'], verbs: ['create', 'patch'] },
  { apiGroups: ['discovery.k8s.io'], resources: ['endpointslices'], verbs: ['list', 'watch'] },
  { apiGroups: ['authentication.k8s.io'], resources: ['tokenreviews'], verbs: ['create'] },
  { apiGroups: ['gateway.networking.k8s.io'], resources: ['gatewayclasses', 'gateways', 'httproutes', 'referencegrants', 'grpcroutes', 'backendtlspolicies'], verbs: ['list', 'watch'] },
  { apiGroups: ['gateway.networking.k8s.io'], resources: ['httproutes/status', 'gateways/status', 'gatewayclasses/status', 'grpcroutes/status', 'backendtlspolicies/status'], verbs: ['update'] },
  { apiGroups: ['gateway.nginx.org'], resources: ['nginxgateways'], verbs: ['get', 'list', 'watch'] },
  { apiGroups: ['gateway.nginx.org'], resources: ['nginxproxies', 'clientsettingspolicies', 'observabilitypolicies', 'upstreamsettingspolicies'], verbs: ['list', 'watch'] },
  { apiGroups: ['gateway.nginx.org'], resources: ['nginxgateways/status', 'clientsettingspolicies/status', 'observabilitypolicies/status', 'upstreamsettingspolicies/status'], verbs: ['update'] },
  { apiGroups: ['coordination.k8s.io'], resources: ['leases'], verbs: ['create', 'get', 'update'] },
  { apiGroups: ['apiextensions.k8s.io'], resources: ['customresourcedefinitions'], verbs: ['list', 'watch'] },
];

/** The chart the CRDs go to: its file is written first (`0000-gateway-api-crds.k8s.yaml`). */
export const CRD_CHART = 'gateway-api-crds';

/**
 * NGINX Gateway Fabric as one construct, with its GatewayClass ({@link gatewayClass}); add Gateways with
 * {@link addGateway}. After `kubectl apply --server-side -f dist/0000-gateway-api-crds.k8s.yaml` and then the
 * rest of `dist/`, each Gateway's address: `kubectl get gateway <name>`.
 */
@recordsProblems
export class NginxGatewayFabric extends Construct {
  /** The control plane namespace. */
  public readonly namespace: string;
  /** The GatewayClass Gateways of this controller use. */
  public readonly gatewayClass: GatewayClass;
  /** The chart holding the CRDs (written first), when installCrds is on. */
  public readonly crdChart?: Chart;
  /** The control plane Deployment. */
  public readonly deployment: kplus.k8s.KubeDeployment;

  /** Creates NGINX Gateway Fabric's objects and its GatewayClass. */
  constructor(scope: Construct, id: string, props: NginxGatewayFabricProps = {}) {
    super(scope, id);
    const where = whereOf(this, '');
    const ns = (this.namespace = checkDnsLabel(props.namespace ?? 'nginx-gateway', at(where, 'namespace')));
    const className = checkDnsSubdomain(props.gatewayClassName ?? 'nginx', at(where, 'gatewayClassName'));
    const image = checkImageRef(props.controlPlaneImage ?? NGF_IMAGE, at(where, 'controlPlaneImage'));
    const dataPlaneReplicas = checkWholeNumber(props.dataPlaneReplicas ?? 1, at(where, 'dataPlaneReplicas'), 'replicas');
    const digest = props.dataPlaneImage?.digest;
    if (digest !== undefined && !/^sha256:[0-9a-f]{64}$/.test(digest)) fail(at(where, 'dataPlaneImage.digest'), digest, 'an image digest is "sha256:" and 64 hexadecimal digits', 'copy the digest from the registry');
    const tag = props.dataPlaneImage?.tag ?? NGF_NGINX_IMAGE.tag;
    if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/.test(tag) || tag === 'latest') fail(at(where, 'dataPlaneImage.tag'), tag, 'the data plane image tag is a fixed version tag (not "latest")', `use "${NGF_VERSION}"`);
    // NginxProxy's image has repository and tag only (no digest field); NGF joins them as repository:tag, so a
    // digest rides in the tag as "2.3.0@sha256:..." [I].
    const dataPlane = { repository: props.dataPlaneImage?.repository ?? NGF_NGINX_IMAGE.repository, tag: digest ? `${tag}@${digest}` : tag };
    const unpinned = [!image.includes('@sha256:') ? `control plane ${image}` : undefined, digest === undefined ? `data plane ${dataPlane.repository}:${dataPlane.tag}` : undefined].filter(Boolean);
    if (unpinned.length) {
      warn(this, 'nks-cdk:ngfImagesUnpinned', `NGINX Gateway Fabric images are pinned by tag only (${unpinned.join(', ')}): upstream publishes no digest nks-cdk can cite offline; pass controlPlaneImage and dataPlaneImage.digest with their sha256 digests to pin them.`);
    }
    const labels = { 'app.kubernetes.io/instance': 'nginx-gateway', 'app.kubernetes.io/name': 'nginx-gateway', 'app.kubernetes.io/version': NGF_VERSION };
    const selector = { 'app.kubernetes.io/instance': 'nginx-gateway', 'app.kubernetes.io/name': 'nginx-gateway' };
    const name = 'nginx-gateway';
    const certGenerator = 'nginx-gateway-cert-generator';
    // Cluster-scoped RBAC is named after the namespace, so a second install in another namespace does not collide.
    const clusterName = ns;

    if (props.installCrds ?? true) {
      const app = App.of(this);
      if (app.node.tryFindChild(CRD_CHART)) fail(at(where, 'installCrds'), true, `the program already has a chart "${CRD_CHART}" (another NginxGatewayFabric installs the CRDs)`, 'set installCrds: false on all but one NginxGatewayFabric');
      this.crdChart = new Chart(app, CRD_CHART, { disableResourceNameHashes: true });
      for (const crd of [...gatewayApiCrds(), ...nginxGatewayFabricCrds()]) {
        // The upstream files carry an empty `status` (controller-gen's); the API server ignores it, the object does not need it.
        const { status: _status, ...object } = crd as unknown as Record<string, unknown>;
        new ApiObject(this.crdChart, crd.metadata.name, { ...object, apiVersion: crd.apiVersion, kind: crd.kind });
      }
      // Every chart made so far depends on the CRD chart, so that it is written first: cdk8s numbers the files
      // in dependency order (`0000-gateway-api-crds.k8s.yaml`), and `kubectl apply -f dist/` reads files in
      // name order. Charts made later come after it in the app's order anyway.
      for (const chart of app.charts) if (chart !== this.crdChart) chart.addDependency(this.crdChart);
    }

    new kplus.k8s.KubeNamespace(this, 'Namespace', { metadata: { name: ns } });
    const sa = new kplus.k8s.KubeServiceAccount(this, 'ServiceAccount', { metadata: { name, namespace: ns, labels } });
    new kplus.k8s.KubeServiceAccount(this, 'CertGeneratorAccount', { metadata: { name: certGenerator, namespace: ns, labels } });
    new kplus.k8s.KubeRole(this, 'CertGeneratorRole', { metadata: { name: certGenerator, namespace: ns, labels }, rules: [{ apiGroups: [''], resources: ['secrets'], verbs: ['create', 'update', 'get'] }] });
    new kplus.k8s.KubeRoleBinding(this, 'CertGeneratorBinding', {
      metadata: { name: certGenerator, namespace: ns, labels },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: certGenerator },
      subjects: [{ kind: 'ServiceAccount', name: certGenerator, namespace: ns }],
    });
    new kplus.k8s.KubeClusterRole(this, 'ClusterRole', { metadata: { name: clusterName, labels }, rules: CLUSTER_RULES });
    new kplus.k8s.KubeClusterRoleBinding(this, 'ClusterRoleBinding', {
      metadata: { name: clusterName, labels },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: clusterName },
      subjects: [{ kind: 'ServiceAccount', name: sa.name, namespace: ns }],
    });
    // The data planes' agents connect to the control plane here (gRPC over TLS).
    new kplus.k8s.KubeService(this, 'AgentService', {
      metadata: { name, namespace: ns, labels },
      spec: { type: 'ClusterIP', selector, ports: [{ name: 'agent-grpc', port: 443, protocol: 'TCP', targetPort: kplus.k8s.IntOrString.fromNumber(8443) }] },
    });
    const securityContext: kplus.k8s.SecurityContext = {
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
      runAsUser: 101,
      runAsGroup: 1001,
      seccompProfile: { type: 'RuntimeDefault' },
    };
    const fieldEnv = (envName: string, fieldPath: string) => ({ name: envName, valueFrom: { fieldRef: { fieldPath } } });
    const resources = { requests: { cpu: kplus.k8s.Quantity.fromString('100m'), memory: kplus.k8s.Quantity.fromString(`${Size.mebibytes(128).toMebibytes()}Mi`) }, limits: { memory: kplus.k8s.Quantity.fromString('512Mi') } };
    this.deployment = new kplus.k8s.KubeDeployment(this, 'Deployment', {
      metadata: { name, namespace: ns, labels },
      spec: {
        replicas: 1,
        selector: { matchLabels: selector },
        template: {
          metadata: { labels: selector },
          spec: {
            automountServiceAccountToken: true,
            serviceAccountName: name,
            terminationGracePeriodSeconds: Duration.seconds(30).toSeconds(),
            securityContext: { fsGroup: 1001, runAsNonRoot: true },
            nodeSelector: { 'kubernetes.io/os': 'linux' },
            containers: [
              {
                name,
                image,
                imagePullPolicy: 'IfNotPresent',
                args: [
                  'controller',
                  `--gateway-ctlr-name=${NGF_CONTROLLER_NAME}`,
                  `--gatewayclass=${className}`,
                  '--config=nginx-gateway-config',
                  `--service=${name}`,
                  '--agent-tls-secret=agent-tls',
                  '--metrics-port=9113',
                  '--health-port=8081',
                  '--leader-election-lock-name=nginx-gateway-leader-election',
                ],
                env: [
                  fieldEnv('POD_NAMESPACE', 'metadata.namespace'),
                  fieldEnv('POD_NAME', 'metadata.name'),
                  fieldEnv('POD_UID', 'metadata.uid'),
                  fieldEnv('INSTANCE_NAME', "metadata.labels['app.kubernetes.io/instance']"),
                  { name: 'IMAGE_NAME', value: image },
                ],
                ports: [
                  { name: 'agent-grpc', containerPort: 8443 },
                  { name: 'metrics', containerPort: 9113 },
                  { name: 'health', containerPort: 8081 },
                ],
                readinessProbe: { httpGet: { path: '/readyz', port: kplus.k8s.IntOrString.fromString('health') }, initialDelaySeconds: 3, periodSeconds: 1 },
                livenessProbe: { httpGet: { path: '/readyz', port: kplus.k8s.IntOrString.fromString('health') }, initialDelaySeconds: 10, periodSeconds: 10 },
                resources,
                securityContext,
                volumeMounts: [{ name: 'nginx-agent-tls', mountPath: '/var/run/secrets/ngf' }],
              },
            ],
            volumes: [{ name: 'nginx-agent-tls', secret: { secretName: 'server-tls' } }],
          },
        },
      },
    });
    // Makes the TLS Secrets the control plane and the data planes' agents use (upstream's Job, run once).
    new kplus.k8s.KubeJob(this, 'CertGenerator', {
      metadata: { name: certGenerator, namespace: ns, labels },
      spec: {
        ttlSecondsAfterFinished: 30,
        template: {
          spec: {
            automountServiceAccountToken: true,
            serviceAccountName: certGenerator,
            restartPolicy: 'Never',
            securityContext: { fsGroup: 1001, runAsNonRoot: true },
            containers: [
              {
                name: 'cert-generator',
                image,
                imagePullPolicy: 'IfNotPresent',
                args: ['generate-certs', `--service=${name}`, '--cluster-domain=cluster.local', '--server-tls-secret=server-tls', '--agent-tls-secret=agent-tls'],
                env: [fieldEnv('POD_NAMESPACE', 'metadata.namespace')],
                resources: { requests: { cpu: kplus.k8s.Quantity.fromString('50m'), memory: kplus.k8s.Quantity.fromString('64Mi') }, limits: { memory: kplus.k8s.Quantity.fromString('128Mi') } },
                securityContext,
              },
            ],
          },
        },
      },
    });
    new ApiObject(this, 'NginxGateway', {
      apiVersion: 'gateway.nginx.org/v1alpha1',
      kind: 'NginxGateway',
      metadata: { name: 'nginx-gateway-config', namespace: ns, labels },
      spec: { logging: { level: 'info' } },
    });
    const proxyName = 'nginx-gateway-proxy-config';
    new ApiObject(this, 'NginxProxy', {
      apiVersion: 'gateway.nginx.org/v1alpha2',
      kind: 'NginxProxy',
      metadata: { name: proxyName, namespace: ns, labels },
      spec: {
        kubernetes: {
          deployment: { replicas: dataPlaneReplicas, container: { image: { pullPolicy: 'IfNotPresent', ...dataPlane } } },
          service: {
            type: 'LoadBalancer',
            externalTrafficPolicy: props.externalTrafficPolicy ?? 'Cluster',
            loadBalancerSourceRanges: props.loadBalancerSourceRanges?.length ? [...props.loadBalancerSourceRanges] : undefined,
          },
        },
      },
    });
    this.gatewayClass = new GatewayClass(this, 'GatewayClass', {
      name: className,
      labels,
      parametersRef: { group: 'gateway.nginx.org', kind: 'NginxProxy', name: proxyName, namespace: ns },
      loadBalancer: props.loadBalancer,
    });
    trackObjects(this, 'namespace');
  }

  /** A Gateway of this controller's class (its data plane gets the NHN load balancer options). */
  public addGateway(scope: Construct, id: string, props: Omit<GatewayProps, 'gatewayClass'>): Gateway {
    return new Gateway(scope, id, { ...props, gatewayClass: this.gatewayClass });
  }
}

/** The NginxGatewayFabric constructs of the program `scope` belongs to. */
export function nginxGatewayFabricsIn(scope: IConstruct): NginxGatewayFabric[] {
  return constructsUnder(scope.node.root).filter((c): c is NginxGatewayFabric => c instanceof NginxGatewayFabric);
}

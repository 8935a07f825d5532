// Headlamp (kubernetes-sigs/headlamp), the cluster UI the archived Kubernetes Dashboard project points to,
// installed in the cluster: NKS pre-installs the dashboard only on clusters created at v1.25.4 or earlier
// (NKS-FACTS, "Added 2026-12-04"), so clusters NKS creates today have no UI unless the user installs one.
// Modelled on upstream's in-cluster manifest `kubernetes-headlamp.yaml` and its chart `charts/headlamp`
// (kubernetes-sigs/headlamp at tag v0.45.0): a Deployment running `-in-cluster`, container port 4466, a
// ClusterIP Service on 80, in kube-system. Users log in with a service-account token
// ({@link Headlamp.addAccessToken}); Headlamp sends each user's requests with that user's token [I], so the
// pod's own service account is bound to no role (the chart binds cluster-admin to it by default,
// charts/headlamp/values.yaml:200-205; nks-cdk does not).
import { Duration, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { warn } from '../../warnings';
import { at, fail } from '../../model/errors';
import { checkDnsLabel } from '../../model/names';
import { recordProblem, recordsProblems } from '../../problems';
import { whereOf } from '../../where';
import { checkImageRef, checkWholeNumber } from '../container';
import { DashboardAccessToken } from './dashboard';
import { Gateway } from '../gateway/gateway';
import { HttpBackend, HttpRoute } from '../gateway/http-route';
import { LoadBalancerOptions } from '../networking/load-balancer';
import { addNodeSelector } from '../pod-spec';
import { Service } from '../networking/service';
import { trackObjects } from '../unique-objects';

/**
 * The Headlamp image nks-cdk pins: v0.44.0 by tag and digest, as upstream records it in
 * `docker-extension/Dockerfile:1` and `docker-extension/docker-compose.yml:4` (kubernetes-sigs/headlamp at
 * tag v0.45.0, commit 721873f4f "docker-ext: bump headlamp base image to v0.44.0"). The newest release,
 * v0.45.0, is not pinned: no digest of its image is recorded in the upstream repository, and nks-cdk does
 * not pin an image by a digest it cannot cite.
 */
export const HEADLAMP_IMAGE = 'ghcr.io/headlamp-k8s/headlamp:v0.44.0@sha256:b491653c1a0d380b70b67a4024f1204591f9c84a68ee567778d53d28b1856168';
const HEADLAMP_VERSION = '0.44.0';
/** Headlamp's HTTP port in the container (kubernetes-headlamp.yaml, containerPort 4466). */
export const HEADLAMP_PORT = 4466;

/** Properties of a {@link Headlamp}. */
export interface HeadlampProps {
  /**
   * Namespace Headlamp runs in (it must exist; kube-system always does).
   * @default 'kube-system' (upstream's in-cluster manifest)
   */
  readonly namespace?: string;
  /**
   * Headlamp pods.
   * @default 1
   */
  readonly replicas?: number;
  /**
   * Image.
   * @default HEADLAMP_IMAGE (v0.44.0, pinned by digest)
   */
  readonly image?: string;
}

/** Options of {@link Headlamp.exposeViaLoadBalancer}. */
export interface HeadlampLoadBalancerOptions {
  /**
   * Name of the LoadBalancer Service.
   * @default 'headlamp-lb'
   */
  readonly name?: string;
  /**
   * NHN load balancer options; `internal: true` keeps Headlamp inside the VPC.
   * @default - none
   */
  readonly loadBalancer?: LoadBalancerOptions;
  /**
   * Client CIDRs allowed in. Headlamp is a cluster console: a public load balancer open to everyone is a
   * ValidationError (and policy rule NKS-LB-1's error).
   * @default - everyone
   */
  readonly loadBalancerSourceRanges?: string[];
}

/** Options of {@link Headlamp.exposeViaRoute}. */
export interface HeadlampRouteOptions {
  /** The Gateway (an NGINX Gateway Fabric Gateway of this program, ideally on an internal load balancer). */
  readonly gateway: Gateway;
  /**
   * Listener of the Gateway.
   * @default - every listener that accepts the route
   */
  readonly listener?: string;
  /**
   * Host name Headlamp answers on.
   * @default - any host
   */
  readonly hostname?: string;
}

/** Options of {@link Headlamp.addAccessToken}. */
export interface HeadlampAccessTokenOptions {
  /**
   * Service account the token belongs to (in kube-system).
   * @default 'headlamp-viewer', or 'headlamp-admin' with clusterAdmin
   */
  readonly serviceAccountName?: string;
  /**
   * Bind `cluster-admin` instead of the read-only `view` ClusterRole. Synth warns.
   * @default false
   */
  readonly clusterAdmin?: boolean;
}

/**
 * Headlamp in the cluster: a service account bound to no role, the Deployment on a pinned image (non-root,
 * read-only root filesystem), a ClusterIP Service `headlamp` on 80 → 4466. Open it with
 * `kubectl -n kube-system port-forward svc/headlamp 8080:80`, or expose it with {@link exposeViaLoadBalancer}
 * (internal or source-restricted) or {@link exposeViaRoute} (a Gateway API route), and log in with a token
 * from {@link addAccessToken}.
 */
@recordsProblems
export class Headlamp extends Construct {
  /** The namespace. */
  public readonly namespace: string;
  /** The ClusterIP Service `headlamp` (port 80). */
  public readonly service: Service;
  /** The Deployment. */
  public readonly deployment: kplus.Deployment;

  /** Creates Headlamp's objects. */
  constructor(scope: Construct, id: string, props: HeadlampProps = {}) {
    super(scope, id);
    const where = whereOf(this, '');
    this.namespace = checkDnsLabel(props.namespace ?? 'kube-system', at(where, 'namespace'));
    const replicas = checkWholeNumber(props.replicas ?? 1, at(where, 'replicas'), 'replicas');
    const image = checkImageRef(props.image ?? HEADLAMP_IMAGE, at(where, 'image'));
    const ns = this.namespace;
    const name = 'headlamp';
    const selector = { 'k8s-app': name };
    const labels = { ...selector, 'app.kubernetes.io/name': name, 'app.kubernetes.io/version': HEADLAMP_VERSION };

    const serviceAccount = new kplus.k8s.KubeServiceAccount(this, 'ServiceAccount', { metadata: { name, namespace: ns, labels } });
    this.service = new Service(this, 'Service', {
      name,
      namespace: ns,
      labels,
      selector,
      ports: [{ name: 'http', port: 80, targetPort: HEADLAMP_PORT }],
    });
    const probe = () => kplus.Probe.fromHttpGet('/', { port: HEADLAMP_PORT, initialDelaySeconds: Duration.seconds(30), timeoutSeconds: Duration.seconds(30) });
    this.deployment = new kplus.Deployment(this, 'Deployment', {
      metadata: { name, namespace: ns, labels },
      replicas,
      select: false,
      serviceAccount: kplus.ServiceAccount.fromServiceAccountName(this, 'ServiceAccountRef', serviceAccount.name),
      // In-cluster mode reads the API server's address and CA from the mounted service-account files.
      automountServiceAccountToken: true,
      securityContext: { ensureNonRoot: true },
      containers: [
        {
          name,
          image,
          imagePullPolicy: kplus.ImagePullPolicy.IF_NOT_PRESENT,
          args: ['-in-cluster', '-plugins-dir=/headlamp/plugins'],
          ports: [{ name: 'http', number: HEADLAMP_PORT, protocol: kplus.Protocol.TCP }],
          liveness: probe(),
          readiness: probe(),
          resources: { cpu: { request: kplus.Cpu.millis(100) }, memory: { request: Size.mebibytes(128), limit: Size.mebibytes(512) } },
          // The chart's container security context (charts/headlamp/values.yaml:241-249): user 100, group 101.
          securityContext: {
            ensureNonRoot: true,
            user: 100,
            group: 101,
            privileged: false,
            allowPrivilegeEscalation: false,
            readOnlyRootFilesystem: true,
            capabilities: { drop: [kplus.Capability.ALL] },
            seccompProfile: { type: kplus.SeccompProfileType.RUNTIME_DEFAULT },
          },
          // With a read-only root filesystem Headlamp writes temporary files to /tmp (the chart adds this emptyDir).
          volumeMounts: [{ path: '/tmp', volume: kplus.Volume.fromEmptyDir(this, 'Tmp', 'headlamp-tmp', { sizeLimit: Size.mebibytes(64) }) }],
        },
      ],
    });
    for (const [key, value] of Object.entries(labels)) this.deployment.podMetadata.addLabel(key, value);
    this.deployment.select(kplus.LabelSelector.of({ labels: selector }));
    addNodeSelector(this.deployment, { 'kubernetes.io/os': 'linux' }, at(where, 'nodeSelector'));
    trackObjects(this, 'namespace');
  }

  /**
   * A LoadBalancer Service selecting the Headlamp pods, 80 → 4466 (plain HTTP: put it inside the VPC, or
   * terminate TLS on the load balancer with `loadBalancer.terminatedHttps`). Public and open to everyone is
   * a ValidationError: set `loadBalancer.internal` or `loadBalancerSourceRanges`.
   */
  public exposeViaLoadBalancer(options: HeadlampLoadBalancerOptions = {}): Service {
    const where = whereOf(this, 'exposeViaLoadBalancer');
    if (this.node.tryFindChild('LoadBalancer')) fail(where, this.node.path, 'exposeViaLoadBalancer() was already called on this Headlamp', 'call it once and keep the Service it returns');
    if (!options.loadBalancer?.internal && !options.loadBalancerSourceRanges?.length) {
      // Recorded on the construct (synth reports it with the program's other problems); the Service is still built.
      try {
        fail(at(where, 'loadBalancerSourceRanges'), options.loadBalancerSourceRanges, 'Headlamp is a cluster console: a public floating IP open to every address lets the whole internet try tokens on it', 'set loadBalancer: { internal: true }, or loadBalancerSourceRanges to your office or VPN ranges');
      } catch (e) {
        recordProblem(this, e);
      }
    }
    return new Service(this, 'LoadBalancer', {
      name: options.name ?? 'headlamp-lb',
      namespace: this.namespace,
      labels: { 'k8s-app': 'headlamp' },
      type: 'LoadBalancer',
      selector: { 'k8s-app': 'headlamp' },
      ports: [{ name: 'http', port: 80, targetPort: HEADLAMP_PORT }],
      loadBalancer: options.loadBalancer,
      loadBalancerSourceRanges: options.loadBalancerSourceRanges,
    });
  }

  /**
   * An HTTPRoute from a Gateway to the `headlamp` Service. A route is as reachable as the Gateway's load
   * balancer: synth warns; give the Gateway an internal load balancer (NginxGatewayFabric's loadBalancer).
   * A Gateway in another namespace needs a listener that admits routes from Headlamp's namespace.
   */
  public exposeViaRoute(options: HeadlampRouteOptions): HttpRoute {
    const route = new HttpRoute(this, 'Route', {
      name: 'headlamp',
      namespace: this.namespace,
      parents: [{ gateway: options.gateway, listener: options.listener }],
      hostnames: options.hostname === undefined ? undefined : [options.hostname],
      rules: [{ backends: [HttpBackend.fromService(this.service)] }],
    });
    warn(route, 'nks-cdk:headlampRouted', 'Headlamp is routed from a Gateway: it is as reachable as the Gateway\'s load balancer. Keep that load balancer internal (loadBalancer: { internal: true }) or source-restricted.');
    return route;
  }

  /**
   * A login token: a ServiceAccount in kube-system bound to the read-only `view` ClusterRole (or, asked for,
   * `cluster-admin`) and its token Secret, filled by the cluster, as {@link DashboardAccessToken} does. The
   * output holds no token; read it with `token.readTokenCommand`.
   */
  public addAccessToken(id: string, options: HeadlampAccessTokenOptions = {}): DashboardAccessToken {
    if (this.node.tryFindChild(id)) fail(whereOf(this, 'addAccessToken'), id, `this Headlamp already has a child "${id}"; each access token needs its own id`, 'give the token another id');
    return new DashboardAccessToken(this, id, {
      clusterAdmin: options.clusterAdmin,
      serviceAccountName: options.serviceAccountName ?? (options.clusterAdmin ? 'headlamp-admin' : 'headlamp-viewer'),
    });
  }
}

// Access to the Kubernetes Dashboard NKS pre-installs (`kube-system/kubernetes-dashboard`, a ClusterIP Service
// on 443 → the dashboard pod's 8443). NKS provides it on clusters created at v1.25.4 or earlier (and keeps it
// on upgrades); newer clusters have none, and Dashboard 7.x installs only with Helm. The project was archived
// in January 2026; Headlamp (./headlamp.ts) is the cluster UI for clusters NKS creates today.
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { warn } from '../../warnings';
import { at, fail } from '../../model/errors';
import { checkDnsLabel } from '../../model/names';
import { whereOf } from '../../where';
import { Ingress, BACKEND_PROTOCOL_ANNOTATION, IngressBackend, SSL_PASSTHROUGH_ANNOTATION } from '../networking/ingress';
import { NginxIngressController } from '../networking/ingress-controller';
import { LoadBalancerOptions } from '../networking/load-balancer';
import { Service } from '../networking/service';
import { trackObjects } from '../unique-objects';
import { recordsProblems } from '../../problems';

/**
 * The last Kubernetes version at which NKS creates clusters with the dashboard pre-installed (NKS-FACTS,
 * "Added 2026-12-04"); a program whose cluster is newer gets a synth error naming Headlamp
 * (lib/platform/cross-checks.ts).
 */
export const NKS_DASHBOARD_MAX_VERSION = 'v1.25.4';

/** Where NKS runs the dashboard. */
export const NKS_DASHBOARD = {
  namespace: 'kube-system',
  serviceName: 'kubernetes-dashboard',
  selector: { 'k8s-app': 'kubernetes-dashboard' },
  port: 443,
  targetPort: 8443,
} as const;

/** Options of {@link KubernetesDashboard.exposeViaLoadBalancer}. */
export interface DashboardLoadBalancerOptions {
  /**
   * Name of the new LoadBalancer Service in kube-system.
   * @default 'kubernetes-dashboard-lb'
   */
  readonly name?: string;
  /**
   * NHN load balancer options (e.g. `internal: true` to keep the dashboard inside the VPC).
   * @default - none (a public floating IP)
   */
  readonly loadBalancer?: LoadBalancerOptions;
  /**
   * Reuse an allocated floating IP.
   * @default - a new floating IP
   */
  readonly loadBalancerIP?: string;
  /**
   * Client CIDRs allowed in. The dashboard is a cluster admin console: restrict it. Open to everyone (and
   * not internal), policy rule NKS-LB-1 stops synth unless suppressed with a reason.
   * @default - everyone
   */
  readonly loadBalancerSourceRanges?: string[];
}

/** Options of {@link KubernetesDashboard.exposeViaIngress}. */
export interface DashboardIngressOptions {
  /**
   * The ingress-nginx controller; it must run with `sslPassthrough: true`.
   */
  readonly controller: NginxIngressController;
  /**
   * Host name the dashboard answers on. Passthrough routes by the TLS SNI name, so a host is the reliable form;
   * without one, browsers connecting by IP reach NGINX, which re-encrypts to the dashboard (backend-protocol HTTPS).
   * @default - any host (the guide's manifest)
   */
  readonly host?: string;
  /**
   * Ingress name (in kube-system, where the dashboard Service is).
   * @default 'k8s-dashboard-ingress'
   */
  readonly name?: string;
}

/** Options of {@link KubernetesDashboard.addAccessToken}. */
export interface DashboardAccessTokenOptions {
  /**
   * Service account the token belongs to (in kube-system).
   * @default 'dashboard-viewer', or 'dashboard-admin' with clusterAdmin
   */
  readonly serviceAccountName?: string;
  /**
   * Bind `cluster-admin` (full control of the cluster, as the guide's token has) instead of the read-only
   * built-in `view` ClusterRole. Synth warns.
   * @default false
   */
  readonly clusterAdmin?: boolean;
}

/**
 * NKS's pre-installed Kubernetes Dashboard, and the ways the guide opens it. nks-cdk never modifies NKS's
 * own `kubernetes-dashboard` Service (the guide's `kubectl patch` to type LoadBalancer): applying a full
 * manifest over it would overwrite NKS's object, and `kubectl delete -f dist/` would delete it. The
 * LoadBalancer form is a second Service with the same selector; the Ingress form routes to the existing one.
 */
@recordsProblems
export class KubernetesDashboard extends Construct {
  /** The dashboard's namespace. */
  public readonly namespace = NKS_DASHBOARD.namespace;

  /**
   * A LoadBalancer Service in kube-system selecting the dashboard pods, 443 → 8443. Browse to
   * `https://<EXTERNAL-IP>` (`kubectl -n kube-system get svc kubernetes-dashboard-lb`); the dashboard's
   * certificate is self-signed.
   */
  public exposeViaLoadBalancer(options: DashboardLoadBalancerOptions = {}): Service {
    this.exposeOnce('LoadBalancer', 'exposeViaLoadBalancer');
    const service = new Service(this, 'LoadBalancer', {
      name: options.name ?? 'kubernetes-dashboard-lb',
      namespace: NKS_DASHBOARD.namespace,
      labels: { ...NKS_DASHBOARD.selector },
      type: 'LoadBalancer',
      selector: { ...NKS_DASHBOARD.selector },
      ports: [{ port: NKS_DASHBOARD.port, targetPort: NKS_DASHBOARD.targetPort }],
      loadBalancer: options.loadBalancer,
      loadBalancerIP: options.loadBalancerIP,
      loadBalancerSourceRanges: options.loadBalancerSourceRanges,
    });
    if (!options.loadBalancer?.internal && !options.loadBalancerSourceRanges) {
      warn(service, 'nks-cdk:dashboardPublic', 'the Kubernetes Dashboard gets a public floating IP open to everyone; set loadBalancerSourceRanges or loadBalancer.internal.');
    }
    return service;
  }

  /**
   * An Ingress in kube-system to the dashboard's Service with TLS passthrough, so the browser talks TLS to the
   * dashboard itself. Only works when the controller runs with `--enable-ssl-passthrough`: otherwise a
   * ValidationError. Of the guide's annotations only ingress-nginx's own are kept (`ssl-passthrough`,
   * `backend-protocol: HTTPS`); `ingress.kubernetes.io/ssl-passthrough` (unprefixed), `kubernetes.io/ingress.allow-http`
   * (GCE) and `nginx.org/ssl-backend` (NGINX Inc.'s controller) do nothing on ingress-nginx.
   */
  public exposeViaIngress(options: DashboardIngressOptions): Ingress {
    this.exposeOnce('Ingress', 'exposeViaIngress');
    const where = whereOf(this, 'exposeViaIngress.controller');
    if (!(options.controller instanceof NginxIngressController)) {
      fail(where, options.controller, 'the dashboard Ingress needs the NginxIngressController of this program', 'pass controller: new NginxIngressController(chart, "ingress", { sslPassthrough: true })');
    }
    // The Ingress itself rejects a controller without --enable-ssl-passthrough (ValidationError on ingressClass).
    return new Ingress(this, 'Ingress', {
      name: options.name ?? 'k8s-dashboard-ingress',
      namespace: NKS_DASHBOARD.namespace,
      ingressClass: options.controller,
      annotations: { [SSL_PASSTHROUGH_ANNOTATION]: 'true', [BACKEND_PROTOCOL_ANNOTATION]: 'HTTPS' },
      rules: [{ host: options.host, paths: [{ path: '/', backend: IngressBackend.fromServiceName(NKS_DASHBOARD.serviceName, NKS_DASHBOARD.port) }] }],
    });
  }

  /** A login token for the dashboard: see {@link DashboardAccessToken}. */
  public addAccessToken(id: string, options: DashboardAccessTokenOptions = {}): DashboardAccessToken {
    if (this.node.tryFindChild(id)) {
      fail(whereOf(this, 'addAccessToken'), id, `this dashboard already has a child "${id}"; each access token needs its own id`, 'give the token another id (and, for another account, another serviceAccountName)');
    }
    return new DashboardAccessToken(this, id, options);
  }

  /** Each way of exposing the dashboard builds one object with a fixed id; a second call would clash with the first. */
  private exposeOnce(childId: string, method: string): void {
    const existing = this.node.tryFindChild(childId);
    if (existing) {
      fail(whereOf(this, method), existing.node.path, `${method}() was already called on this dashboard (${existing.node.path}); the dashboard is exposed this way once`, `call ${method}() once and keep the ${childId === 'Ingress' ? 'Ingress' : 'Service'} it returns`);
    }
  }
}

/**
 * A dashboard login token: a ServiceAccount in kube-system, a ClusterRoleBinding (read-only `view` unless
 * `clusterAdmin`), and a `kubernetes.io/service-account-token` Secret that the cluster fills with the token.
 * The output holds no token. Read it after `kubectl apply` with {@link DashboardAccessToken.readTokenCommand}.
 */
@recordsProblems
export class DashboardAccessToken extends Construct {
  /** The service account's name. */
  public readonly serviceAccountName: string;
  /** The token Secret's name. */
  public readonly secretName: string;
  /** The ClusterRole bound: `view` or `cluster-admin`. */
  public readonly clusterRole: string;
  /** The shell command that prints the token. */
  public readonly readTokenCommand: string;

  /** Creates the ServiceAccount, ClusterRoleBinding and token Secret of a dashboard login. */
  constructor(scope: Construct, id: string, options: DashboardAccessTokenOptions = {}) {
    super(scope, id);
    const where = whereOf(this, '');
    const clusterAdmin = options.clusterAdmin ?? false;
    this.serviceAccountName = checkDnsLabel(options.serviceAccountName ?? (clusterAdmin ? 'dashboard-admin' : 'dashboard-viewer'), at(where, 'serviceAccountName'));
    this.clusterRole = clusterAdmin ? 'cluster-admin' : 'view';
    this.secretName = `${this.serviceAccountName}-token`;
    const namespace = NKS_DASHBOARD.namespace;
    new kplus.k8s.KubeServiceAccount(this, 'ServiceAccount', { metadata: { name: this.serviceAccountName, namespace } });
    new kplus.k8s.KubeClusterRoleBinding(this, 'Binding', {
      metadata: { name: `${this.serviceAccountName}-${this.clusterRole}` },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: this.clusterRole },
      subjects: [{ kind: 'ServiceAccount', name: this.serviceAccountName, namespace }],
    });
    // Since Kubernetes 1.24 service accounts get no long-lived token Secret; this one is filled by the
    // token controller because of its type and annotation. No `data`: the token never passes through nks-cdk.
    new kplus.k8s.KubeSecret(this, 'Token', {
      metadata: { name: this.secretName, namespace, annotations: { 'kubernetes.io/service-account.name': this.serviceAccountName } },
      type: 'kubernetes.io/service-account-token',
    });
    this.readTokenCommand = `kubectl -n ${namespace} get secret ${this.secretName} -o jsonpath='{.data.token}' | base64 -d`;
    trackObjects(this, 'serviceAccountName');
    if (clusterAdmin) {
      warn(this, 'nks-cdk:clusterAdminToken', `the dashboard token of "${this.serviceAccountName}" is bound to cluster-admin: whoever holds it controls the whole cluster. Prefer the default read-only "view" role.`);
    }
  }
}

import { Manifest } from '@cdktf/provider-kubernetes/lib/manifest';
import { KubernetesProvider, KubernetesProviderConfig } from '@cdktf/provider-kubernetes/lib/provider';
import { Chart } from 'cdk8s';
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { warn } from '../warnings';
import { fail } from '../model/errors';
import { ChartManifests } from '../output/charts';
import { isNamespaced } from '../model/scope';
import { recordsProblems } from '../problems';
import { InfraStack } from '../infra/stack';

/**
 * How Terraform's Kubernetes provider reaches the cluster: certificate fields (Terraform references to the
 * infrastructure stack's sensitive outputs) or a kubeconfig file path.
 */
export type KubernetesAccess = Pick<KubernetesProviderConfig, 'host' | 'clusterCaCertificate' | 'clientCertificate' | 'clientKey' | 'configPath'>;

/** Something that tells how to reach its Kubernetes API (a `Cluster`). */
export interface IKubernetesEndpoint {
  /** Construct path, for messages. */
  readonly node: { readonly path: string };
  /** Provider settings for the cluster's API. */
  kubernetesAccess(): KubernetesAccess;
  /**
   * Whether the API endpoint is reachable from the internet; `false` (a `Cluster`'s default) means only from
   * inside the cluster's network, so synth warns where the workloads stack must be applied.
   * @default - unknown: no warning
   */
  readonly publicApiEndpoint?: boolean;
}

/** Properties of a {@link WorkloadsStack}. */
export interface WorkloadsStackProps {
  /** The cluster the manifests are applied to. */
  readonly cluster: IKubernetesEndpoint;
  /**
   * The charts whose objects the stack applies.
   * @default every chart of the PlatformApp, at synth time
   */
  readonly charts?: Chart[];
}

const WORKLOADS_STACK = Symbol.for('nks-cdk/WorkloadsStack');

/**
 * The second Terraform stack of a platform: it applies the program's Kubernetes objects as
 * `kubernetes_manifest` resources through the Kubernetes provider, configured from the infrastructure
 * stack's outputs. Terraform's `kubernetes_manifest` needs a reachable cluster at plan time, so the
 * manifests cannot live in the stack that creates the cluster; as a separate stack that depends on it,
 * `cdktf deploy <infra> <workloads>` applies them in order. Values that exist only after apply (a volume
 * ID in a static PV) stay Terraform references here.
 */
@recordsProblems
export class WorkloadsStack extends TerraformStack {
  /** Whether `x` is a WorkloadsStack. */
  public static isWorkloadsStack(x: unknown): x is WorkloadsStack {
    return typeof x === 'object' && x !== null && WORKLOADS_STACK in x;
  }

  /** The Kubernetes provider block. */
  public readonly provider: KubernetesProvider;
  /** The cluster the manifests are applied to. */
  public readonly cluster: IKubernetesEndpoint;
  private readonly charts?: Chart[];
  private prepared = false;

  /** Creates a workloads stack for `props.cluster`. */
  constructor(scope: Construct, id: string, props: WorkloadsStackProps) {
    super(scope, id);
    Object.defineProperty(this, WORKLOADS_STACK, { value: true });
    this.charts = props.charts;
    this.cluster = props.cluster;
    this.provider = new KubernetesProvider(this, 'kubernetes', props.cluster.kubernetesAccess());
    // The state goes where the cluster's stack keeps its own, so a team shares both; the infrastructure's
    // outputs are then read from there (cdktf's cross-stack references use the producing stack's backend).
    const infra = infraStackOf(props.cluster);
    // (A stack that failed has no backend; its own problem is reported.)
    if (infra?.backend) infra.backend.applyTo(this, { path: this.node.path, field: 'cluster' }, infra.region, warn);
    if (props.cluster.publicApiEndpoint === false) {
      // Terraform's Kubernetes provider talks to the API server at plan and at apply (kubernetes_manifest
      // reads each kind's schema from it), so both must run where the private endpoint is reachable.
      warn(
        this,
        'nks-cdk:privateEndpointDeploy',
        `${this.node.id} applies its manifests through Terraform to the API of ${props.cluster.node.path}, whose endpoint is private (publicApiEndpoint is false): ` +
          `run \`cdktf deploy ${this.node.id}\` (plan and apply) on a machine inside the cluster's network, such as an instance in its VPC or a CI runner there; from outside it cannot reach the API. ` +
          'Or set publicApiEndpoint: true (on nhncloud with externalNetwork and externalSubnetIds) to reach the API from the internet.',
      );
    }
  }

  /**
   * Turns the charts' objects into `kubernetes_manifest` resources. PlatformApp.synth calls it once, after
   * the whole program has run, with every chart of the app rendered (lib/output/charts.ts); the stack
   * takes the charts it was given, or all of them.
   * @internal
   */
  public addManifests(appManifests: readonly ChartManifests[]): void {
    if (this.prepared) return;
    this.prepared = true;
    const namespaces = new Map<string, Manifest>();
    const pending: { obj: Record<string, any>; id: string }[] = [];
    const given = this.charts?.map((chart) => {
      const found = appManifests.find((m) => m.chart === chart);
      if (!found) {
        return fail({ path: this.node.path, field: 'charts' }, chart.node.path, 'the charts of a workloads stack belong to the same PlatformApp (app.k8s)', 'create the chart under app.k8s of this PlatformApp');
      }
      return found;
    });
    for (const { chart, objects } of given ?? appManifests) {
      for (const raw of objects) {
        const obj = JSON.parse(JSON.stringify(raw)) as Record<string, any>;
        const kind = String(obj.kind);
        const meta = (obj.metadata ??= {});
        if (isNamespaced(kind)) meta.namespace ??= 'default';
        else delete meta.namespace; // cdk8s puts a chart's namespace on cluster-scoped objects too
        const id = [chart.node.id, kind, meta.namespace, meta.name].filter(Boolean).join('-').toLowerCase().replace(/[^a-z0-9-]+/g, '-');
        pending.push({ obj, id });
      }
    }
    // Namespaces first, so the objects in them can depend on them.
    for (const { obj, id } of pending.filter((p) => p.obj.kind === 'Namespace')) {
      namespaces.set(obj.metadata.name, new Manifest(this, id, { manifest: obj }));
    }
    for (const { obj, id } of pending.filter((p) => p.obj.kind !== 'Namespace')) {
      const ns = namespaces.get(obj.metadata.namespace);
      new Manifest(this, id, { manifest: obj, dependsOn: ns ? [ns] : undefined });
    }
  }
}

/** The InfraStack that holds `cluster`, when it is a construct in one. */
function infraStackOf(cluster: IKubernetesEndpoint): InfraStack | undefined {
  for (let c: unknown = cluster; Construct.isConstruct(c); c = c.node.scope) {
    if (InfraStack.isInfraStack(c)) return c;
  }
  return undefined;
}

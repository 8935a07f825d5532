import type { PlatformApp } from '../app';
import { fail } from '../model/errors';
import { whereOf } from '../where';
import { InfraStack, InfraStackProps } from '../infra/stack';
import { IKubernetesEndpoint, WorkloadsStack } from './workloads-stack';

/** Properties of a {@link Platform}. */
export interface PlatformProps extends InfraStackProps {
  /**
   * Name of the infrastructure stack (a directory under cdktf.out/stacks and the name for `cdktf deploy`).
   * @default 'nks-infra'
   */
  readonly infraStackName?: string;
  /**
   * Name of the workloads stack.
   * @default 'nks-workloads'
   */
  readonly workloadsStackName?: string;
}

/**
 * One program from cluster to workloads: an infrastructure stack, and (once a cluster is known) a
 * workloads stack that applies every chart of the app to that cluster. `cdktf deploy nks-infra
 * nks-workloads` applies them in order; `dist/` keeps the same objects for kubectl.
 */
export class Platform {
  /** The infrastructure stack: network, cluster, node groups, volumes. */
  public readonly infra: InfraStack;
  private workloadsStack?: WorkloadsStack;

  /** Creates the platform's infrastructure stack in `app`. */
  constructor(
    private readonly app: PlatformApp,
    private readonly props: PlatformProps = {},
  ) {
    this.infra = new InfraStack(app.infra, props.infraStackName ?? 'nks-infra', props);
  }

  /** The workloads stack, once {@link deployWorkloadsTo} was called. */
  public get workloads(): WorkloadsStack | undefined {
    return this.workloadsStack;
  }

  /**
   * Applies the app's Kubernetes objects to `cluster` through Terraform, in a stack after the infrastructure.
   * A platform has one workloads stack, so it deploys to one cluster: calling this again with the same
   * cluster returns the stack made the first time (nothing new is created); calling it with another
   * cluster throws a {@link ValidationError} (field `cluster` of the workloads stack). For a second cluster,
   * make a second `Platform` with its own `infraStackName` and `workloadsStackName`, or a `WorkloadsStack`
   * of your own.
   */
  public deployWorkloadsTo(cluster: IKubernetesEndpoint): WorkloadsStack {
    if (!this.workloadsStack) {
      this.workloadsStack = new WorkloadsStack(this.app.infra, this.props.workloadsStackName ?? 'nks-workloads', { cluster });
      this.workloadsStack.addDependency(this.infra);
    } else if (this.workloadsStack.cluster !== cluster) {
      fail(
        whereOf(this.workloadsStack, 'cluster'),
        cluster?.node?.path ?? String(cluster),
        `a platform has one workloads stack, and ${this.workloadsStack.node.path} deploys to ${this.workloadsStack.cluster.node.path} already`,
        'deploy each cluster from its own Platform (with its own infraStackName and workloadsStackName), or create a WorkloadsStack for the other cluster',
      );
    }
    return this.workloadsStack;
  }
}

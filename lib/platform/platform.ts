import type { PlatformApp } from '../app';
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

  /** Applies the app's Kubernetes objects to `cluster` through Terraform, in a stack after the infrastructure. */
  public deployWorkloadsTo(cluster: IKubernetesEndpoint): WorkloadsStack {
    if (!this.workloadsStack) {
      this.workloadsStack = new WorkloadsStack(this.app.infra, this.props.workloadsStackName ?? 'nks-workloads', { cluster });
      this.workloadsStack.addDependency(this.infra);
    }
    return this.workloadsStack;
  }
}

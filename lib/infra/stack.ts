import { TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { OpenstackProvider } from '../generated/providers/openstack/provider';
import { checkRegion, Region } from '../model/regions';
import { whereOf } from './util';

/** Properties of an {@link InfraStack}. */
export interface InfraStackProps {
  /**
   * NHN Cloud region the stack deploys to. Decides which availability zones exist
   * (KR1: `kr-pub-a`/`kr-pub-b`, KR2: `kr2-pub-a`/`kr2-pub-b`, KR3: `kr3-pub-a`/`kr3-pub-b`)
   * and is written as the provider's `region`.
   * @default 'KR1'
   */
  readonly region?: string;
}

const INFRA_STACK = Symbol.for('nks-cdk/InfraStack');

/**
 * A Terraform stack for the infrastructure layer: network, key pairs, the cluster and its node groups,
 * volumes and instances. It configures the OpenStack provider with the region only; credentials come
 * from the standard OpenStack environment variables (`OS_AUTH_URL`, `OS_USERNAME`, `OS_PASSWORD`,
 * `OS_TENANT_ID` or `OS_PROJECT_ID`, ...) when Terraform runs, so nothing secret is in the program or
 * in `cdk.tf.json`.
 */
export class InfraStack extends TerraformStack {
  /** The stack that contains `construct`; throws when it is not inside an InfraStack. */
  public static of(construct: IConstruct): InfraStack {
    for (let c: IConstruct | undefined = construct; c; c = c.node.scope) {
      if ((c as unknown as Record<symbol, unknown>)[INFRA_STACK]) return c as InfraStack;
    }
    throw new Error(`${construct.node.path} is not inside an InfraStack: create it with an InfraStack (or a construct inside one) as its scope`);
  }

  /** The region this stack deploys to. */
  public readonly region: Region;
  /** The OpenStack provider block. */
  public readonly provider: OpenstackProvider;

  constructor(scope: Construct, id: string, props: InfraStackProps = {}) {
    super(scope, id);
    Object.defineProperty(this, INFRA_STACK, { value: true });
    this.region = checkRegion(props.region ?? 'KR1', whereOf(this, 'region'));
    this.provider = new OpenstackProvider(this, 'openstack', { region: this.region });
  }
}

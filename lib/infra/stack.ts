import { TerraformProvider, TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { atIndex, fail, Where } from '../model/errors';
import { checkFlavorName } from '../model/flavors';
import { checkBoolean } from '../model/booleans';
import { checkRegion, Region } from '../model/regions';
import { checkInfraTarget, createRenderer, InfraRenderer, InfraTarget, infraTargetFromEnv } from './targets';
import { whereOf } from './util';
import { recordsProblems } from '../problems';

/** Properties of an {@link InfraStack}. */
export interface InfraStackProps {
  /**
   * NHN Cloud region the stack deploys to. Decides which availability zones exist
   * (KR1: `kr-pub-a`/`kr-pub-b`, KR2: `kr2-pub-a`/`kr2-pub-b`, KR3: `kr3-pub-a`/`kr3-pub-b`)
   * and is written as the provider's `region`.
   * @default 'KR1'
   */
  readonly region?: string;
  /**
   * The Terraform provider every construct of the stack renders for:
   * - `'openstack'`: terraform-provider-openstack/openstack 3.4.0 (Magnum cluster template, cluster and node
   *   groups; Neutron network, subnet and router). For OpenStack clouds with Magnum.
   * - `'nhncloud'`: nhn-cloud/nhncloud 1.0.7, NHN Cloud's own provider (NHN VPC, subnet and routing table;
   *   NKS cluster with template `iaas_console`, labels and addons; node groups; resize and upgrade
   *   operations). What NHN Cloud accepts in full.
   * The constructs and their props are the same for both; see the README's table for what each becomes.
   * `$NKS_TARGET` picks the target for programs that do not set it, so one program synthesizes for either
   * cloud (`NKS_TARGET=nhncloud npm run synth`).
   * @default $NKS_TARGET, else 'openstack'
   */
  readonly target?: InfraTarget;
  /**
   * The flavor names the region offers your project (the console's instance type list, or
   * `openstack flavor list -c Name -f value`). When given, every flavor in the stack must be one of them
   * (either target). Without it, the nhncloud target checks the flavor family against the families NHN
   * documents ({@link NHN_FLAVOR_FAMILIES}); an unknown flavor would otherwise fail only at plan.
   * @default - no exact list
   */
  readonly availableFlavors?: readonly string[];
  /**
   * Protect every cluster, node group, block storage volume and GPU instance of the stack (each may say
   * otherwise with its own `protect`): synth refuses a change that would replace or destroy one, and writes
   * `lifecycle.prevent_destroy` on it. See the README's "Destructive changes".
   * @default false
   */
  readonly protect?: boolean;
}

const INFRA_STACK = Symbol.for('nks-cdk/InfraStack');

/**
 * A Terraform stack for the infrastructure layer: network, key pairs, the cluster and its node groups,
 * volumes and instances, rendered for the stack's {@link InfraStackProps.target}. It configures the provider
 * with the region only; credentials come from the standard OpenStack environment variables, which both
 * providers read (`OS_AUTH_URL`, `OS_USERNAME`, `OS_PASSWORD`, `OS_TENANT_ID` or `OS_PROJECT_ID`, ...) when
 * Terraform runs, so nothing secret is in the program or in `cdk.tf.json`.
 */
@recordsProblems
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
  /** The provider every construct renders for. */
  public readonly target: InfraTarget;
  /** The provider block (`openstack` or `nhncloud`). */
  public readonly provider: TerraformProvider;
  /** Renders the stack's constructs for {@link target}; constructs call it, programs rarely need to. */
  public readonly renderer: InfraRenderer;
  /** Whether the stack's clusters, node groups, volumes and instances are protected unless they say otherwise. */
  public readonly protect: boolean;

  constructor(scope: Construct, id: string, props: InfraStackProps = {}) {
    super(scope, id);
    Object.defineProperty(this, INFRA_STACK, { value: true });
    this.protect = props.protect === undefined ? false : checkBoolean(props.protect, whereOf(this, 'protect'));
    this.region = checkRegion(props.region ?? 'KR1', whereOf(this, 'region'));
    this.target = props.target === undefined ? (infraTargetFromEnv() ?? 'openstack') : checkInfraTarget(props.target, whereOf(this, 'target'));
    const availableFlavors = props.availableFlavors === undefined ? undefined : checkAvailableFlavors(props.availableFlavors, whereOf(this, 'availableFlavors'));
    this.renderer = createRenderer(this.target, { region: this.region, availableFlavors });
    this.provider = this.renderer.provider(this);
  }
}

/** The stack's list of flavors: a non-empty array of well-formed flavor names. */
function checkAvailableFlavors(flavors: readonly string[], where: Where): readonly string[] {
  if (!Array.isArray(flavors) || flavors.length === 0) {
    fail(where, flavors, 'availableFlavors lists the flavor names the region offers your project, so it is a non-empty array of names', 'list the names (`openstack flavor list -c Name -f value`), or leave availableFlavors out');
  }
  flavors.forEach((name, i) => checkFlavorName(name, atIndex(where, i)));
  return flavors;
}

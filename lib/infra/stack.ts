import { TerraformProvider, TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { CloudFacts, nhnCloudFacts } from '../model/cloud';
import { OpenStackCloud, OpenStackCloudProfile } from '../model/cloud-profile';
import { atIndex, fail, Where } from '../model/errors';
import { checkFlavorName } from '../model/flavors';
import { checkBoolean } from '../model/booleans';
import { checkRegion, isNhnRegion, REGIONS } from '../model/regions';
import { checkInfraTarget, createRenderer, InfraRenderer, InfraTarget, infraTargetFromEnv } from './targets';
import { warn, whereOf } from './util';
import { recordsProblems } from '../problems';
import { isStateBackend, StateBackend } from './backend';
import { provideReferenceLookups } from './reference-lookups';

/** Properties of an {@link InfraStack}. */
export interface InfraStackProps {
  /**
   * The NHN Cloud region the stack deploys to on the nhncloud target: `KR1` (Pangyo), `KR2` (Pyeongchon) or
   * `KR3` (Gwangju). Decides which availability zones exist (KR1: `kr-pub-a`/`kr-pub-b`, KR2:
   * `kr2-pub-a`/`kr2-pub-b`, KR3: `kr3-pub-a`/`kr3-pub-b`) and is written as the provider's `region`.
   * An NHN region without a `target` picks the nhncloud target.
   *
   * On the openstack target the region is the cloud profile's (`cloud.region`); an NHN region given here
   * is then the nhncloud target's and not used, so one program can name both. Another region must equal
   * `cloud.region`.
   * @default 'KR1' (nhncloud); `cloud.region` (openstack)
   */
  readonly region?: string;
  /**
   * The Terraform provider every construct of the stack renders for:
   * - `'nhncloud'`: nhn-cloud/nhncloud 1.0.7, NHN Cloud's own provider (NHN VPC, subnet and routing table;
   *   NKS cluster with template `iaas_console`, labels and addons; node groups; resize and upgrade
   *   operations). What NHN Cloud accepts in full; its regions, zones, flavors and volume types are NHN's.
   * - `'openstack'`: terraform-provider-openstack/openstack 3.4.0 (Magnum cluster template, cluster and node
   *   groups; Neutron network, subnet and router), for any OpenStack cloud with Magnum. Its region, zones,
   *   flavors, volume types and Magnum settings come from `cloud`, which it requires.
   * The constructs and their props are the same for both; see the README's table for what each becomes.
   * `$NKS_TARGET` picks the target for programs that do not set it, so one program synthesizes for either
   * cloud (`NKS_TARGET=openstack npm run synth`).
   * @default $NKS_TARGET; else 'openstack' when `region` is not an NHN region, or when only `cloud` is
   * given; else 'nhncloud'
   */
  readonly target?: InfraTarget;
  /**
   * The OpenStack cloud the openstack target deploys to: its region, zones, flavors, volume types, external
   * network and what its Magnum needs (`masterFlavor`, the node images' `os_distro`, network driver). Checked
   * at synth; every zone, flavor and volume type of the stack's constructs is then checked against it
   * instead of NHN's tables. Read one from a JSON file with `loadOpenStackCloudProfile`. Not used on the
   * nhncloud target, so a program that synthesizes for both may always pass it.
   * @default - none: the openstack target refuses to synthesize without a profile
   */
  readonly cloud?: OpenStackCloudProfile;
  /**
   * nhncloud target: the flavor names the region offers your project (the console's instance type list, or
   * `openstack flavor list -c Name -f value`). When given, every flavor in the stack must be one of them.
   * Without it, the flavor family is checked against the families NHN documents
   * ({@link NHN_FLAVOR_FAMILIES}); an unknown flavor would otherwise fail only at plan. On the openstack
   * target the cloud profile's `flavors` is that list, so this is ignored (with a warning).
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
  /**
   * Where Terraform keeps the stack's state: a local file beside the output directory, or NHN Cloud Object
   * Storage shared by a team ({@link StateBackend.objectStorage}, credentials from the environment only). A
   * workloads stack on one of the stack's clusters keeps its state in the same place and reads the
   * infrastructure's outputs from there. See the README's "Teams share state".
   * @default StateBackend.local()
   */
  readonly backend?: StateBackend;
}

const INFRA_STACK = Symbol.for('nks-cdk/InfraStack');

// Each stack's renderer (lib/infra/targets) for its target. The constructs in the stack render through it; it is
// not part of the public API, so it is kept here rather than as a member of InfraStack.
const renderers = new WeakMap<IConstruct, InfraRenderer>();

/** The renderer of the InfraStack that contains `scope`: the resources of its target. */
export function rendererOf(scope: IConstruct): InfraRenderer {
  const renderer = renderers.get(InfraStack.of(scope));
  if (!renderer) throw new Error(`${scope.node.path}: its InfraStack has no renderer yet`);
  return renderer;
}

/**
 * A Terraform stack for the infrastructure layer: network, key pairs, the cluster and its node groups,
 * volumes and instances, rendered for the stack's {@link InfraStackProps.target}. It configures the provider
 * with the region only; credentials come from the standard OpenStack environment variables, which both
 * providers read (`OS_AUTH_URL`, `OS_USERNAME`, `OS_PASSWORD`, `OS_TENANT_ID` or `OS_PROJECT_ID`, ...) when
 * Terraform runs, so nothing secret is in the program or in `cdk.tf.json`.
 */
@recordsProblems
export class InfraStack extends TerraformStack {
  /** Whether `x` is an InfraStack. */
  public static isInfraStack(x: unknown): x is InfraStack {
    return typeof x === 'object' && x !== null && (x as Record<symbol, unknown>)[INFRA_STACK] === true;
  }

  /** The stack that contains `construct`; throws when it is not inside an InfraStack. */
  public static of(construct: IConstruct): InfraStack {
    for (let c: IConstruct | undefined = construct; c; c = c.node.scope) {
      if (InfraStack.isInfraStack(c)) return c;
    }
    throw new Error(`${construct.node.path} is not inside an InfraStack: create it with an InfraStack (or a construct inside one) as its scope`);
  }

  /** The region this stack deploys to: an NHN region (nhncloud) or the cloud profile's (openstack). */
  public readonly region: string;
  /** The provider every construct renders for. */
  public readonly target: InfraTarget;
  /** The zones, flavors and volume types the stack's constructs are checked against: NHN's, or the profile's. */
  public readonly cloud: CloudFacts;
  /** The provider block (`openstack` or `nhncloud`). */
  public readonly provider: TerraformProvider;
  /** Whether the stack's clusters, node groups, volumes and instances are protected unless they say otherwise. */
  public readonly protect: boolean;
  /** Where Terraform keeps the stack's state. */
  public readonly backend: StateBackend;

  /** Creates an infrastructure stack for its target, with the target's provider. */
  constructor(scope: Construct, id: string, props: InfraStackProps = {}) {
    super(scope, id);
    Object.defineProperty(this, INFRA_STACK, { value: true });
    this.protect = props.protect === undefined ? false : checkBoolean(props.protect, whereOf(this, 'protect'));
    this.target = props.target === undefined ? (infraTargetFromEnv() ?? defaultTarget(props)) : checkInfraTarget(props.target, whereOf(this, 'target'));
    if (this.target === 'openstack') {
      const cloud = openStackCloudOf(props, whereOf(this, 'cloud'), whereOf(this, 'region'));
      if (props.availableFlavors !== undefined) {
        warn(this, 'nks-cdk:ignoredProp', "availableFlavors applies to the nhncloud target; on the openstack target the cloud profile's flavors are the list, so it is ignored.");
      }
      this.region = cloud.region;
      this.cloud = cloud;
      renderers.set(this, createRenderer('openstack', { cloud }));
    } else {
      const region = checkRegion(props.region ?? 'KR1', whereOf(this, 'region'));
      const availableFlavors = props.availableFlavors === undefined ? undefined : checkAvailableFlavors(props.availableFlavors, whereOf(this, 'availableFlavors'));
      this.region = region;
      this.cloud = nhnCloudFacts(region);
      renderers.set(this, createRenderer('nhncloud', { region, availableFlavors }));
    }
    const renderer = rendererOf(this);
    provideReferenceLookups(this, renderer);
    this.provider = renderer.provider(this);
    const backend: unknown = props.backend ?? StateBackend.local();
    if (!isStateBackend(backend)) {
      fail(whereOf(this, 'backend'), backend, 'backend is a StateBackend', 'pass StateBackend.local() or StateBackend.objectStorage({ bucket, endpoint })');
    }
    this.backend = backend;
    backend.applyTo(this, whereOf(this, 'backend'), this.region, warn);
  }
}

/**
 * The target of a stack that names none and runs without `$NKS_TARGET`: NHN Cloud in an NHN region (the
 * default KR1 included), since the openstack provider's resources are ones NHN Cloud cannot create; the
 * openstack target for another region, or for a cloud profile given without a region. A region that looks
 * like NHN's (`kr1`, `KR4`, a place name) or is not a string stays on nhncloud, whose region check says what
 * is wrong with it.
 */
function defaultTarget(props: InfraStackProps): InfraTarget {
  if (props.region !== undefined) return looksLikeNhnRegion(props.region) ? 'nhncloud' : 'openstack';
  return props.cloud !== undefined ? 'openstack' : 'nhncloud';
}

function looksLikeNhnRegion(region: unknown): boolean {
  if (typeof region !== 'string' || isNhnRegion(region)) return true;
  const loose = region.trim().toLowerCase();
  return /^kr[0-9]*$/.test(loose) || Object.values(REGIONS).some((r) => r.name.toLowerCase() === loose);
}

/** The validated cloud profile of an openstack stack; its region must agree with a non-NHN `region` prop. */
function openStackCloudOf(props: InfraStackProps, where: Where, regionWhere: Where): OpenStackCloud {
  if (props.cloud === undefined) {
    const why = props.target === undefined && props.region !== undefined && !isNhnRegion(props.region) ? ` (region ${JSON.stringify(props.region)} is not one of NHN Cloud's KR1, KR2, KR3, so the stack renders for the openstack target)` : '';
    fail(
      where,
      undefined,
      `the openstack target takes the cloud's region, zones, flavors, volume types and Magnum settings from a cloud profile, and this stack has none${why}; NHN's tables describe NHN Cloud only`,
      "pass cloud: { region, availabilityZones, flavors, volumeTypes, externalNetwork, masterFlavor, nodeImageOsDistro } (an OpenStackCloudProfile, or loadOpenStackCloudProfile('<file>.json')); for NHN Cloud use target: 'nhncloud'",
    );
  }
  const cloud = OpenStackCloud.fromProfile(props.cloud, where);
  if (props.region !== undefined && !isNhnRegion(props.region) && props.region !== cloud.region) {
    fail(regionWhere, props.region, `on the openstack target the region is the cloud profile's, ${JSON.stringify(cloud.region)}`, `leave region out, or set it to ${JSON.stringify(cloud.region)}`);
  }
  return cloud;
}

/** The stack's list of flavors: a non-empty array of well-formed flavor names. */
function checkAvailableFlavors(flavors: readonly string[], where: Where): readonly string[] {
  if (!Array.isArray(flavors) || flavors.length === 0) {
    fail(where, flavors, 'availableFlavors lists the flavor names the region offers your project, so it is a non-empty array of names', 'list the names (`openstack flavor list -c Name -f value`), or leave availableFlavors out');
  }
  flavors.forEach((name, i) => checkFlavorName(name, atIndex(where, i)));
  return flavors;
}

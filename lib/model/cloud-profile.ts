// The openstack target's facts: a cloud profile the user writes for their OpenStack cloud with Magnum. An
// OpenStack cloud's regions, zones, flavors and volume types are its operator's choice, so nks-cdk knows none
// of them: the profile names them, and the stack checks every zone, flavor and volume type against it.
//
// Magnum sources, openstack/magnum at 5a492d64c1146744b3d6237b47d507422480840f (master after 22.0.0.0rc1):
// - coe: `coe = wtypes.Enum(wtypes.text, *fields.ClusterType.ALL, mandatory=True)`
//   (magnum/api/controllers/v1/cluster_template.py line 59), `ClusterType.ALL = ('kubernetes',)`
//   (magnum/objects/fields.py lines 100-105).
// - image: a cluster template's image "must have the attribute 'os_distro' defined as appropriate for the
//   cluster driver", compared case-sensitively (doc/source/user/index.rst lines 100-113); the API refuses an
//   image without it (`OSDistroFieldNotFound`, magnum/api/attr_validator.py lines 32-46) and picks the driver by
//   (server_type, os_distro, coe) (magnum/drivers/common/driver.py line 90; cluster_template.py line 421).
// - network_driver: `supported_network_drivers = ['flannel', 'calico', 'cilium']` (magnum/api/validation.py
//   line 357), of which the operator allows `kubernetes_allowed_network_drivers` (default flannel, calico;
//   magnum/conf/cluster_templates.py lines 21-28).
// - master_flavor: without one on the cluster or its template the control plane gets the driver's default
//   (`cluster.master_flavor_id or cluster.cluster_template.master_flavor_id`, magnum/conductor/utils.py line
//   171; "The default is 'm1.small'", doc/source/user/index.rst lines 185-187), a flavor many clouds lack.
import { checkChoice, formatChoices } from './choices';
import { at, atIndex, fail, Where } from './errors';
import { CloudFacts } from './cloud';
import { Flavor, GpuSpec, ParseFlavorOptions } from './flavors';
import { checkIntegerInRange } from './numbers';
import { regionOfZone, REGIONS } from './regions';
import { VolumeType } from './volumes';

/** A container network driver Magnum's API accepts for Kubernetes (the operator may allow fewer). */
export type MagnumNetworkDriver = 'calico' | 'flannel' | 'cilium';

/** Every {@link MagnumNetworkDriver} (magnum/api/validation.py line 357). */
export const MAGNUM_NETWORK_DRIVERS: readonly MagnumNetworkDriver[] = Object.freeze(['calico', 'flannel', 'cilium'] as const);

/** The container orchestration engines Magnum's API accepts (magnum/objects/fields.py lines 100-105). */
export const MAGNUM_COES: readonly string[] = Object.freeze(['kubernetes']);

/** A Nova flavor of the cloud, as `openstack flavor list` shows it. */
export interface OpenStackFlavorInfo {
  /** Flavor name, exactly as `openstack flavor list -c Name` prints it, e.g. `m1.large`. */
  readonly name: string;
  /** Virtual CPUs (the `VCPUs` column). */
  readonly vcpus: number;
  /** Memory in GiB (the `RAM` column is MiB: divide by 1024). */
  readonly memoryGiB: number;
  /**
   * The GPUs one instance of this flavor carries (PCI passthrough or vGPU): a flavor with GPUs makes GPU
   * node groups and GPU instances, and counts for the GPU-fit checks of workloads.
   * @default - no GPU
   */
  readonly gpu?: GpuSpec;
}

/**
 * What the openstack target needs to know of an OpenStack cloud with Magnum. Every value is the cloud's
 * own: read them with the `openstack` CLI (commands in each field's documentation) or ask the operator.
 * The stack checks it at synth (a `ValidationError` at `cloud.<field>`), then checks every zone, flavor and
 * volume type of its constructs against it. It holds no credentials: Terraform reads those from the `OS_*`
 * environment variables.
 *
 * Plain data, so a profile can live in a JSON file (see `loadOpenStackCloudProfile`).
 */
export interface OpenStackCloudProfile {
  /**
   * A name for this cloud, used in messages.
   * @default 'OpenStack cloud profile'
   */
  readonly name?: string;
  /**
   * The region, as the cloud's service catalog names it (`openstack region list`), e.g. `RegionOne`;
   * written as the provider's `region`. NHN Cloud's KR1, KR2 and KR3 are refused: NHN's
   * OpenStack-compatible API cannot create networks, routers or Magnum templates, so NHN Cloud takes the
   * nhncloud target.
   */
  readonly region: string;
  /**
   * The availability zones of the region that nodes, volumes and instances may use
   * (`openstack availability zone list --compute`), e.g. `['nova']`.
   */
  readonly availabilityZones: string[];
  /** The flavors the project may use (`openstack flavor list --long`): name, vCPUs, memory, and GPUs if any. */
  readonly flavors: OpenStackFlavorInfo[];
  /**
   * The flavor of a cluster's default node group when the cluster names none; one of `flavors`.
   * @default the first of `flavors` without GPUs
   */
  readonly defaultFlavor?: string;
  /** Cinder volume types of the region (`openstack volume type list`), e.g. `['__DEFAULT__', 'ssd']`. */
  readonly volumeTypes: string[];
  /**
   * The volume type of volumes and boot volumes that name none; one of `volumeTypes`.
   * @default the first of `volumeTypes`
   */
  readonly defaultVolumeType?: string;
  /**
   * The external (provider) network routers and floating IPs come from (`openstack network list
   * --external`): its UUID, or its name (looked up at plan time). The default for `Network.externalNetwork`
   * and for the cluster template's `external_network_id`.
   */
  readonly externalNetwork: string;
  /**
   * The flavor of the control-plane nodes (Magnum's `master_flavor`); one of `flavors`. Without it Magnum
   * boots the control plane on its driver's default (`m1.small` on stock Magnum), which many clouds lack.
   */
  readonly masterFlavor: string;
  /**
   * The `os_distro` property the cloud's Magnum driver takes on node images (`openstack coe cluster
   * template show` of a working template, or `openstack image show <image> -c properties`), e.g.
   * `fedora-coreos` (Magnum's own driver) or `ubuntu` (Cluster API drivers). Case-sensitive. Magnum refuses
   * an image without it and picks its driver by it; nks-cdk looks node images up with this property and
   * makes the plan fail when a looked-up image lacks it.
   */
  readonly nodeImageOsDistro: string;
  /**
   * Magnum's container orchestration engine (`coe`). Magnum's API takes only `kubernetes`.
   * @default 'kubernetes'
   */
  readonly coe?: string;
  /**
   * The cluster template's container network driver (`network_driver`): one the operator allows
   * (`kubernetes_allowed_network_drivers`, by default flannel and calico). The pod range is written as this
   * driver's label (`calico_ipv4pool` or `flannel_network_cidr`).
   * @default 'calico'
   */
  readonly networkDriver?: MagnumNetworkDriver;
}

const DEFAULT_PROFILE_NAME = 'OpenStack cloud profile';

/**
 * A validated {@link OpenStackCloudProfile}: the facts the openstack target checks constructs against and
 * the Magnum settings it writes. Made by {@link OpenStackCloud.fromProfile}.
 */
export class OpenStackCloud implements CloudFacts {
  /**
   * Validates `profile` (an InfraStack does it for its `cloud` prop); `where` names where the profile came
   * from, and each error names the profile field under it (`cloud.flavors[1].vcpus`).
   * @default where: { path: 'OpenStackCloudProfile', field: 'cloud' }
   */
  public static fromProfile(profile: OpenStackCloudProfile, where: Where = { path: 'OpenStackCloudProfile', field: 'cloud' }): OpenStackCloud {
    return new OpenStackCloud(profile, where);
  }

  /** The profile's name, for messages. */
  public readonly name: string;
  /** The profile's `region`, as the Terraform provider takes it (e.g. `RegionOne`). */
  public readonly region: string;
  /** The region for messages: `RegionOne (OpenStack cloud profile)`, or `RegionOne (cloud profile "<name>")`. */
  public readonly regionLabel: string;
  /** An OpenStack cloud encrypts volumes by type (Cinder encryption types): no key in the request. */
  public readonly skmEncryption = false;
  /** The profile's `availabilityZones`. */
  public readonly availabilityZones: readonly string[];
  /** The flavors, by name. */
  public readonly flavors: ReadonlyMap<string, Flavor>;
  /** The flavor a cluster's default node group gets when it names none: the profile's `defaultFlavor`, else its first flavor without GPUs (else its first flavor). */
  public readonly defaultFlavor: string;
  /** The volume types of the region. */
  public readonly volumeTypes: readonly VolumeType[];
  /** The volume type of volumes and boot volumes that name none: the profile's `defaultVolumeType`, else the first of its `volumeTypes`. */
  public readonly defaultVolumeType: VolumeType;
  /** The external network: a UUID or a name. */
  public readonly externalNetwork: string;
  /** Magnum's `master_flavor`. */
  public readonly masterFlavor: string;
  /** The `os_distro` node images must carry. */
  public readonly nodeImageOsDistro: string;
  /** Magnum's `coe`. */
  public readonly coe: string;
  /** Magnum's `network_driver`. */
  public readonly networkDriver: MagnumNetworkDriver;

  private constructor(profile: OpenStackCloudProfile, where: Where) {
    if (typeof profile !== 'object' || profile === null || Array.isArray(profile)) {
      fail(where, profile, 'the openstack target takes its region, zones, flavors and volume types from a cloud profile object', 'pass cloud: { region, availabilityZones, flavors, volumeTypes, externalNetwork, masterFlavor, nodeImageOsDistro } (see OpenStackCloudProfile)');
    }
    const field = (f: string): Where => at(where, f);
    this.name = profile.name === undefined ? DEFAULT_PROFILE_NAME : checkText(profile.name, field('name'), 'the profile name');
    this.region = checkRegionName(profile.region, field('region'));
    this.regionLabel = `${this.region} (${this.name === DEFAULT_PROFILE_NAME ? this.name : `cloud profile ${JSON.stringify(this.name)}`})`;
    this.availabilityZones = Object.freeze(checkNames(profile.availabilityZones, field('availabilityZones'), 'availability zone', 'openstack availability zone list --compute'));
    this.flavors = checkFlavors(profile.flavors, field('flavors'));
    const plain = [...this.flavors.values()].find((f) => f.gpu === undefined) ?? [...this.flavors.values()][0];
    this.defaultFlavor = profile.defaultFlavor === undefined ? plain.name : this.checkListedFlavor(profile.defaultFlavor, field('defaultFlavor'));
    this.volumeTypes = Object.freeze(checkNames(profile.volumeTypes, field('volumeTypes'), 'volume type', 'openstack volume type list'));
    this.defaultVolumeType = profile.defaultVolumeType === undefined ? this.volumeTypes[0] : this.checkVolumeType(profile.defaultVolumeType, field('defaultVolumeType'));
    this.externalNetwork = checkText(profile.externalNetwork, field('externalNetwork'), 'the external network (its UUID or name)');
    this.masterFlavor = this.checkListedFlavor(profile.masterFlavor, field('masterFlavor'));
    this.nodeImageOsDistro = checkOsDistro(profile.nodeImageOsDistro, field('nodeImageOsDistro'));
    this.coe = profile.coe === undefined ? 'kubernetes' : checkChoice(profile.coe, MAGNUM_COES, field('coe'), "Magnum's coe");
    this.networkDriver = profile.networkDriver === undefined ? 'calico' : checkChoice(profile.networkDriver, MAGNUM_NETWORK_DRIVERS, field('networkDriver'), "a Magnum network driver");
  }

  /** Returns `zone` when the profile lists it; fails otherwise (naming NHN Cloud zones as such). */
  public checkZone(zone: string, where: Where): string {
    if (typeof zone === 'string' && this.availabilityZones.includes(zone)) return zone;
    const nhnRegion = typeof zone === 'string' ? regionOfZone(zone) : undefined;
    const rule = nhnRegion
      ? `${zone} is an NHN Cloud zone (${nhnRegion}, ${REGIONS[nhnRegion].name}); this stack renders for the openstack target, whose zones are ${this.regionLabel}'s: ${formatChoices(this.availabilityZones)}`
      : `${this.regionLabel} has the availability zones ${formatChoices(this.availabilityZones)}`;
    return fail(where, zone, rule, `use ${formatChoices(this.availabilityZones)}, or add the zone to the profile's availabilityZones if the cloud has it (\`openstack availability zone list\`)${nhnRegion ? "; for NHN Cloud use target: 'nhncloud'" : ''}`);
  }

  /** Returns `type` when the profile lists that volume type; fails otherwise. */
  public checkVolumeType(type: string, where: Where): VolumeType {
    if (typeof type === 'string' && this.volumeTypes.includes(type)) return type;
    return checkChoice(type, this.volumeTypes, where, `a volume type of ${this.regionLabel} (its profile's volumeTypes)`);
  }

  /** The profile's flavor of this name; fails for a flavor it does not list, or a `gpuCount` that differs from the profile's. */
  public parseFlavor(name: string, where: Where, options: ParseFlavorOptions = {}): Flavor {
    const flavor = this.flavors.get(this.checkListedFlavor(name, where));
    if (flavor === undefined) throw new Error(`flavor ${name} vanished from the profile`);
    if (options.gpuCount !== undefined) {
      const gpuWhere = options.gpuCountWhere ?? siblingField(where, 'gpuCount');
      if (flavor.gpu === undefined) {
        fail(gpuWhere, options.gpuCount, `gpuCount applies only to flavors with GPUs, and the profile lists ${name} without GPUs`, `remove gpuCount, or give ${name} its GPUs in the profile (flavors[].gpu)`);
      }
      if (options.gpuCount !== flavor.gpu.count) {
        fail(gpuWhere, options.gpuCount, `the profile says ${name} has ${flavor.gpu.count} GPU${flavor.gpu.count === 1 ? '' : 's'} per instance`, `remove gpuCount (the profile gives it), or correct the profile's flavors[].gpu.count`);
      }
    }
    return flavor;
  }

  /** Whether the profile lists `name` with GPUs. */
  public isGpuFlavorName(name: string): boolean {
    return this.flavors.get(name)?.gpu !== undefined;
  }

  /** Returns `name` when the profile lists it with GPUs; `what` is the thing that needs one ("a GPU node group"), `fix` the advice when the profile lists no GPU flavor. */
  public checkGpuFlavorName(name: string, where: Where, what: string, fix: string): string {
    if (this.isGpuFlavorName(name)) return name;
    const gpuFlavors = [...this.flavors.values()].filter((f) => f.gpu !== undefined).map((f) => f.name);
    return fail(
      where,
      name,
      `${what} needs a flavor with GPUs, and ${this.profileLabel} (${this.region}) lists ${this.flavors.has(name) ? `${name} without GPUs` : `no flavor ${JSON.stringify(name)}`}`,
      gpuFlavors.length ? `use ${formatChoices(gpuFlavors)}` : `list the cloud's GPU flavors in the profile with their GPUs (flavors[].gpu); ${fix}`,
    );
  }

  /** The profile, for messages: `cloud profile "test-cloud"`. */
  private get profileLabel(): string {
    return this.name === DEFAULT_PROFILE_NAME ? 'the cloud profile' : `cloud profile ${JSON.stringify(this.name)}`;
  }

  /** Returns `name` when the profile lists a flavor of that name. */
  private checkListedFlavor(name: string, where: Where): string {
    if (typeof name === 'string' && this.flavors.has(name)) return name;
    const names = [...this.flavors.keys()];
    const nhnShaped = typeof name === 'string' && /^(g2\.[a-z0-9]+\.|[a-z]+[0-9]\.)c[0-9]+m[0-9]+$/.test(name);
    const what = typeof name === 'string' ? `no flavor ${JSON.stringify(name)}` : 'no flavor of that name (a flavor is named by a string)';
    return fail(
      where,
      name,
      `${this.profileLabel} (${this.region}) lists ${what}; its flavors are ${formatChoices(names)}${nhnShaped ? ` (${name} is an NHN Cloud flavor name)` : ''}`,
      `use one of ${formatChoices(names)}, or add the flavor to the profile's flavors if the cloud offers it (\`openstack flavor list\`)`,
    );
  }
}

function checkText(value: unknown, where: Where, what: string): string {
  if (typeof value !== 'string' || value.trim() === '') fail(where, value, `${what} is a non-empty string`, `give ${what} as the cloud names it`);
  return value;
}

function checkRegionName(value: unknown, where: Where): string {
  const region = checkText(value, where, 'the region');
  if (/\s/.test(region)) fail(where, region, 'a region name has no spaces', 'write the region as `openstack region list` prints it, e.g. RegionOne');
  if (Object.prototype.hasOwnProperty.call(REGIONS, region)) {
    fail(
      where,
      region,
      `${region} is an NHN Cloud region; NHN's OpenStack-compatible API creates no networks, routers or Magnum cluster templates (NKS takes only the template "iaas_console"), so the openstack target cannot build a cluster there`,
      `use target: 'nhncloud' with region: '${region}' (or NKS_TARGET=nhncloud), and no cloud profile`,
    );
  }
  return region;
}

/** A non-empty list of unique, non-empty names. */
function checkNames(values: unknown, where: Where, what: string, command: string): string[] {
  if (!Array.isArray(values) || values.length === 0) {
    fail(where, values, `the profile lists the cloud's ${what}s: a non-empty array of names`, `list them (\`${command}\`)`);
  }
  values.forEach((v, i) => {
    checkText(v, atIndex(where, i), `a ${what} name`);
    const first = values.indexOf(v);
    if (first !== i) fail(atIndex(where, i), v, `each ${what} is listed once; ${JSON.stringify(v)} is [${first}] already`, `remove [${i}]`);
  });
  return [...values] as string[];
}

function checkFlavors(values: unknown, where: Where): ReadonlyMap<string, Flavor> {
  if (!Array.isArray(values) || values.length === 0) {
    fail(where, values, "the profile lists the cloud's flavors: a non-empty array of { name, vcpus, memoryGiB }", 'list them (`openstack flavor list --long`)');
  }
  const flavors = new Map<string, Flavor>();
  values.forEach((value, i) => {
    const w = atIndex(where, i);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(w, value, 'a flavor is an object { name, vcpus, memoryGiB, gpu? }', 'write the flavor as { name: "m1.large", vcpus: 4, memoryGiB: 8 }');
    const info = value as OpenStackFlavorInfo;
    const name = checkText(info.name, at(w, 'name'), 'a flavor name');
    if (flavors.has(name)) fail(at(w, 'name'), name, `each flavor is listed once; ${JSON.stringify(name)} is listed already`, `remove flavors[${i}]`);
    const vcpus = checkIntegerInRange(info.vcpus, at(w, 'vcpus'), { min: 1, max: 4096 }, "a flavor's vCPU count");
    if (typeof info.memoryGiB !== 'number' || !Number.isFinite(info.memoryGiB) || info.memoryGiB <= 0) {
      fail(at(w, 'memoryGiB'), info.memoryGiB, "a flavor's memory is a positive number of GiB", 'give the RAM column divided by 1024, e.g. 8 for 8192 MiB');
    }
    let gpu: GpuSpec | undefined;
    if (info.gpu !== undefined) {
      const g = info.gpu;
      if (typeof g !== 'object' || g === null) fail(at(w, 'gpu'), g, 'a flavor\'s GPUs are { model, count }', 'write e.g. gpu: { model: "Tesla T4", count: 1 }, or leave gpu out');
      gpu = { model: checkText(g.model, at(w, 'gpu.model'), 'the GPU model'), count: checkIntegerInRange(g.count, at(w, 'gpu.count'), { min: 1, max: 64 }, 'the GPUs per instance') };
    }
    flavors.set(name, { name, family: name.split('.')[0], vcpus, memoryGiB: info.memoryGiB, gpu });
  });
  return flavors;
}

function checkOsDistro(value: unknown, where: Where): string {
  const distro = checkText(value, where, "the node images' os_distro");
  // os_distro values are short tokens (fedora-coreos, ubuntu, flatcar); the value is also written into a Terraform expression.
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(distro)) fail(where, distro, 'an os_distro value is a token of letters, digits, ".", "_" and "-" (Magnum compares it byte for byte)', 'write it as the image property shows it, e.g. fedora-coreos');
  return distro;
}

/** `{field: 'nodeGroups.gpu.flavor'}` → `{field: 'nodeGroups.gpu.gpuCount'}`. */
function siblingField(where: Where, name: string): Where {
  const dot = where.field.lastIndexOf('.');
  return { path: where.path, field: dot < 0 ? name : `${where.field.slice(0, dot)}.${name}` };
}

import { checkChoice, formatChoices, withArticle } from '../model/choices';
import { at, fail, Where } from '../model/errors';

/** An NKS addon type. `cni` and `kube-dns` are mandatory: every cluster has exactly one of each. */
export type NksAddonType = 'cni' | 'kube-dns' | 'cinder-csi-plugin' | 'metrics-server' | 'snapshot-controller' | 'nfs-csi-plugin';

/** Every addon type NKS has (`GET /v1/addon_types`). */
const ADDON_TYPES: readonly NksAddonType[] = Object.freeze(['cni', 'kube-dns', 'cinder-csi-plugin', 'metrics-server', 'snapshot-controller', 'nfs-csi-plugin'] as const);

/** Addon types NKS requires at cluster creation (`GET /v1/addon_types`: `mandatory: true`). */
export const REQUIRED_ADDON_TYPES: readonly NksAddonType[] = Object.freeze(['cni', 'kube-dns'] as const);

/** What nks-cdk knows of one addon NKS offers. */
export interface NksAddonInfo {
  /** The addon's type (e.g. `cni` for `calico`), per the source of {@link NKS_ADDONS}. */
  readonly type: NksAddonType;
  /** Versions NKS offers, oldest first; the last is nks-cdk's default. */
  readonly versions: readonly string[];
  /** Options and their allowed values. */
  readonly options?: Readonly<Record<string, readonly string[]>>;
}

/**
 * The addons NKS offers, by addon name, as of 2026-11-23. Source: TOAST-DOCS/Container-Kubernetes
 * `ko/user-guide.md`, "애드온 관리 기능 > 애드온 목록" (commit 5e2dce80, 2026-03-17), and `ko/public-api.md`
 * (`GET /v1/addons`: names `calico`, `coredns`). The names of the optional addons are their type names
 * there [inference: the guide lists them by type only]. NKS may add versions; a version missing here is
 * written as given, with a warning.
 */
export const NKS_ADDONS: Readonly<Record<string, NksAddonInfo>> = Object.freeze({
  calico: { type: 'cni', versions: ['v3.28.2-nks1', 'v3.28.2-nks2', 'v3.30.2-nks1', 'v3.30.2-nks2'], options: { mode: ['vxlan', 'ebpf'] } },
  coredns: { type: 'kube-dns', versions: ['1.8.4-nks1', '1.8.4-nks2'] },
  'cinder-csi-plugin': {
    type: 'cinder-csi-plugin',
    versions: ['v1.27.101-nks1', 'v1.27.101-nks2', 'v1.27.102-nks1', 'v1.27.102-nks2', 'v1.27.102-nks3'],
  },
  'metrics-server': { type: 'metrics-server', versions: ['v0.4.4-nks1', 'v0.4.4-nks2'] },
  'snapshot-controller': { type: 'snapshot-controller', versions: ['v4.1.1-nks1', 'v4.1.1-nks2'] },
  'nfs-csi-plugin': { type: 'nfs-csi-plugin', versions: ['v1.0.1-nks1', 'v1.0.1-nks2'] },
});

/** Options of the typed addon factories. */
export interface NksAddonOptions {
  /**
   * Addon version, e.g. `v3.28.2-nks2`.
   * @default the newest version in {@link NKS_ADDONS}
   */
  readonly version?: string;
}

/** Options of {@link NksAddon.calico}. */
export interface CalicoAddonOptions extends NksAddonOptions {
  /**
   * Calico's data plane: `vxlan` (NKS's default, "Calico-VXLAN") or `ebpf` ("Calico-eBPF"). Fixed at creation.
   * @default 'vxlan'
   */
  readonly mode?: 'vxlan' | 'ebpf';
}

/** Properties of an addon nks-cdk has no factory for ({@link NksAddon.custom}). */
export interface CustomAddonProps {
  /** Addon name as `GET /v1/addons` lists it. */
  readonly name: string;
  /** Its addon type: decides whether it is the cluster's CNI or kube-dns. */
  readonly type: NksAddonType;
  /** Addon version. */
  readonly version: string;
  /**
   * Addon options (string values).
   * @default - none
   */
  readonly options?: Record<string, string>;
}

/**
 * An addon NKS installs when it creates the cluster (nhncloud target: the `addons` blocks of
 * `nhncloud_kubernetes_cluster_v1`). Every cluster needs one CNI and one kube-dns addon; the default list is
 * `[NksAddon.calico(), NksAddon.coreDns()]`. Addons are fixed at creation in Terraform (changing the list
 * replaces the cluster); update a running cluster's addons through the console or the NKS addon API.
 */
export class NksAddon {
  /** Calico, the CNI. */
  public static calico(options: CalicoAddonOptions = {}): NksAddon {
    return NksAddon.known('calico', options.version, { mode: options.mode ?? 'vxlan' });
  }

  /** CoreDNS, the cluster DNS (kube-dns type). */
  public static coreDns(options: NksAddonOptions = {}): NksAddon {
    return NksAddon.known('coredns', options.version);
  }

  /** The Cinder CSI driver (block storage volumes). */
  public static cinderCsiPlugin(options: NksAddonOptions = {}): NksAddon {
    return NksAddon.known('cinder-csi-plugin', options.version);
  }

  /** Metrics Server (resource metrics for autoscaling and `kubectl top`). */
  public static metricsServer(options: NksAddonOptions = {}): NksAddon {
    return NksAddon.known('metrics-server', options.version);
  }

  /** The volume snapshot controller. */
  public static snapshotController(options: NksAddonOptions = {}): NksAddon {
    return NksAddon.known('snapshot-controller', options.version);
  }

  /** The NFS CSI driver (NHN Cloud NAS). */
  public static nfsCsiPlugin(options: NksAddonOptions = {}): NksAddon {
    return NksAddon.known('nfs-csi-plugin', options.version);
  }

  /** An addon (or a version of one) nks-cdk's table does not list yet. */
  public static custom(props: CustomAddonProps): NksAddon {
    return new NksAddon(props.name, props.type, props.version, props.options ?? {});
  }

  private static known(name: string, version: string | undefined, options: Record<string, string> = {}): NksAddon {
    const info = NKS_ADDONS[name];
    return new NksAddon(name, info.type, version ?? info.versions[info.versions.length - 1], options);
  }

  private constructor(
    /** Addon name. */
    public readonly name: string,
    /** Addon type. */
    public readonly type: NksAddonType,
    /** Addon version. */
    public readonly version: string,
    /** Addon options. */
    public readonly options: Readonly<Record<string, string>>,
  ) {}
}

/** The addons a cluster gets when `addons` is not given: Calico (VXLAN) and CoreDNS at their newest versions. */
export function defaultNksAddons(): NksAddon[] {
  return [NksAddon.calico(), NksAddon.coreDns()];
}

/**
 * Checks a cluster's addon list: one addon of each required type, no type twice, option values NKS offers.
 * Returns warnings for versions nks-cdk's table does not list (NKS may have shipped them since).
 */
export function checkAddons(addons: readonly NksAddon[], where: Where): string[] {
  const warnings: string[] = [];
  const seen = new Map<string, number>();
  addons.forEach((addon, i) => {
    const item: Where = { path: where.path, field: `${where.field}[${i}]` };
    if (!(addon instanceof NksAddon)) {
      fail(item, addon, 'an addon is made with an NksAddon factory', 'use NksAddon.calico(), NksAddon.coreDns(), ... or NksAddon.custom({...})');
    }
    if (typeof addon.name !== 'string' || addon.name.trim() === '') {
      fail(at(item, 'name'), addon.name, 'an addon needs its name as GET /v1/addons lists it', 'give the addon name, e.g. "calico", or use a typed factory such as NksAddon.calico()');
    }
    checkChoice(addon.type, ADDON_TYPES, at(item, 'type'), 'an NKS addon type');
    if (typeof addon.version !== 'string' || addon.version.trim() === '') {
      fail(at(item, 'version'), addon.version, 'an addon needs a version', `use one NKS offers${NKS_ADDONS[addon.name] ? `: ${formatChoices(NKS_ADDONS[addon.name].versions)}` : ''}`);
    }
    const earlier = seen.get(addon.type);
    if (earlier !== undefined) {
      fail(item, addon.name, `a cluster has one ${addon.type} addon; addons[${earlier}] (${addons[earlier].name}) is one already`, addons[earlier].name === addon.name ? `remove the second ${addon.name} (addons[${i}]); a cluster lists each addon once` : `keep one of ${addons[earlier].name} and ${addon.name}`);
    }
    seen.set(addon.type, i);
    const info = NKS_ADDONS[addon.name];
    if (!info) return;
    if (!info.versions.includes(addon.version)) {
      warnings.push(`Addon ${addon.name} version ${addon.version} is not in nks-cdk's list (${info.versions.join(', ')}); NKS rejects a version it does not offer. Check GET /v1/addons if it is new.`);
    }
    for (const [key, value] of Object.entries(addon.options)) {
      const allowed = info.options?.[key];
      if (!allowed) fail(at(item, `options.${key}`), value, `${addon.name} has no option "${key}"`, info.options ? `use ${formatChoices(Object.keys(info.options))}` : 'remove it');
      if (!allowed.includes(value)) fail(at(item, `options.${key}`), value, `${addon.name}'s ${key} is one of ${formatChoices(allowed)}`, `use ${formatChoices(allowed)}`);
    }
  });
  for (const type of REQUIRED_ADDON_TYPES) {
    if (!seen.has(type)) {
      const example = type === 'cni' ? 'NksAddon.calico()' : 'NksAddon.coreDns()';
      fail(where, addons.map((a) => a.name), `NKS requires ${withArticle(type)} addon at cluster creation, and the list has none`, `add ${example} to addons`);
    }
  }
  return warnings;
}

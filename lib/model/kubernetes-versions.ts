import { formatChoices } from './choices';
import { fail, Where } from './errors';

/** The day the version data below was read; "past end of service" is judged against it. */
export const KUBERNETES_VERSIONS_AS_OF = '2026-11-23';

/**
 * Versions NKS creates new clusters with, oldest first, as of 2026-11-23 (NKS keeps the 3 newest
 * releases creatable and drops the oldest when a new one ships). Sources: /work/shared/NKS-FACTS.md and
 * TOAST-DOCS/Container-Kubernetes `ko/version-guide.md` (commit 5e2dce80, 2026-03-17).
 */
export const CREATABLE_KUBERNETES_VERSIONS: readonly string[] = Object.freeze(['v1.31.4', 'v1.32.3', 'v1.33.4']);

/** The newest creatable version: new clusters get it unless the program pins another. */
export const DEFAULT_KUBERNETES_VERSION: string = CREATABLE_KUBERNETES_VERSIONS[CREATABLE_KUBERNETES_VERSIONS.length - 1];

/**
 * Every NKS release seen in the guides, oldest first: for reading existing clusters and old guide
 * examples, not for creating. v1.15.7 is the version in the 2020 NKS guide; v1.17.6–v1.28.3 are the
 * releases marked unsupported in the `GET /v1/supported_kubernetes` example of
 * TOAST-DOCS/Container-Kubernetes `ko/public-api.md`; the rest are in `ko/version-guide.md`.
 */
export const KNOWN_KUBERNETES_VERSIONS: readonly string[] = Object.freeze([
  'v1.15.7',
  'v1.17.6',
  'v1.18.19',
  'v1.19.13',
  'v1.20.12',
  'v1.21.6',
  'v1.22.3',
  'v1.23.3',
  'v1.24.3',
  'v1.25.4',
  'v1.26.3',
  'v1.27.3',
  'v1.28.3',
  'v1.29.3',
  'v1.30.3',
  ...CREATABLE_KUBERNETES_VERSIONS,
]);

/**
 * End of service (EOS) per minor version, from the support table of TOAST-DOCS/Container-Kubernetes
 * `ko/version-guide.md` (dates UTC; v1.30–v1.32 marked "planned" there). Minors older than v1.28 ended
 * before that table starts. Note: v1.31's planned EOS (2026-08-31) lies before 2026-11-23 although
 * NKS-FACTS still lists v1.31.4 as creatable; creatability wins here, callers may warn with
 * {@link isPastEndOfService}.
 */
export const KUBERNETES_END_OF_SERVICE: Readonly<Record<string, string>> = Object.freeze({
  'v1.28': '2025-11-30',
  'v1.29': '2026-02-28',
  'v1.30': '2026-05-31',
  'v1.31': '2026-08-31',
  'v1.32': '2027-02-28',
  'v1.33': '2027-11-30',
});

/** Oldest minor in {@link KUBERNETES_END_OF_SERVICE}; anything older is past end of service. */
const OLDEST_MINOR_WITH_EOS_DATE = 28;

/** A parsed Kubernetes version. */
export interface KubernetesVersion {
  /** Major version (1). */
  readonly major: number;
  /** Minor version, e.g. 32. */
  readonly minor: number;
  /** Patch version, e.g. 3. */
  readonly patch: number;
  /** Normalized tag with a leading `v`, as the NKS `kube_tag` label wants it: `v1.32.3`. */
  readonly tag: string;
}

/** What {@link compareVersions} accepts: a parsed version or a version string. */
export type KubernetesVersionLike = KubernetesVersion | string;

/** Provisioner name of the in-tree Cinder volume plugin (NKS up to v1.19.13). */
export const IN_TREE_CINDER_PROVISIONER = 'kubernetes.io/cinder';
/** Provisioner name of the Cinder CSI driver (NKS from v1.20.12). */
export const CSI_CINDER_PROVISIONER = 'cinder.csi.openstack.org';
/** A Cinder StorageClass provisioner. */
export type CinderProvisioner = typeof IN_TREE_CINDER_PROVISIONER | typeof CSI_CINDER_PROVISIONER;

const VERSION = /^v?(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$/;
const MINOR_ONLY = /^v?(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$/;

/** Parses `v1.32.3` or `1.32.3`; the tag is normalized to `v1.32.3`. */
export function parseKubernetesVersion(v: string, where: Where): KubernetesVersion {
  const text = typeof v === 'string' ? v.trim() : v;
  const match = typeof text === 'string' ? VERSION.exec(text) : null;
  if (!match) {
    const minorOnly = typeof text === 'string' ? MINOR_ONLY.exec(text) : null;
    const sameMinor = minorOnly
      ? CREATABLE_KUBERNETES_VERSIONS.find((c) => c.startsWith(`v${minorOnly[1]}.${minorOnly[2]}.`))
      : undefined;
    fail(
      where,
      v,
      'a Kubernetes version is `v{major}.{minor}.{patch}` (the `v` is optional), e.g. `v1.32.3`',
      sameMinor ? `write the full version: ${sameMinor}` : `use one of the creatable versions ${formatChoices(CREATABLE_KUBERNETES_VERSIONS)}`,
    );
  }
  const [major, minor, patch] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return { major, minor, patch, tag: `v${major}.${minor}.${patch}` };
}

/**
 * Returns the parsed version when NKS can create a cluster with it
 * ({@link CREATABLE_KUBERNETES_VERSIONS}); otherwise fails, saying when a version is past end of service.
 */
export function checkCreatableVersion(v: string, where: Where): KubernetesVersion {
  const version = parseKubernetesVersion(v, where);
  if (CREATABLE_KUBERNETES_VERSIONS.includes(version.tag)) return version;

  const creatable = formatChoices(CREATABLE_KUBERNETES_VERSIONS);
  const fix = `use one of ${creatable}; an existing cluster on an older version is upgraded in place, not re-created`;
  const sameMinor = CREATABLE_KUBERNETES_VERSIONS.find((c) => c.startsWith(`v${version.major}.${version.minor}.`));
  if (sameMinor) {
    fail(where, v, `NKS ships one patch release per minor version: v${version.major}.${version.minor} is ${sameMinor}`, `use ${sameMinor}`);
  }
  if (isPastEndOfService(version)) {
    const date = endOfServiceOf(version);
    const when = date ? `on ${date}` : `before ${KUBERNETES_END_OF_SERVICE[`v1.${OLDEST_MINOR_WITH_EOS_DATE}`]}`;
    fail(where, v, `Kubernetes ${version.tag} reached end of service on NKS ${when}; new clusters can use only ${creatable}`, fix);
  }
  const newest = parseKubernetesVersion(DEFAULT_KUBERNETES_VERSION, where);
  if (compareVersions(version, newest) > 0) {
    fail(where, v, `NKS had not released Kubernetes ${version.tag} as of ${KUBERNETES_VERSIONS_AS_OF}; new clusters can use only ${creatable}`, fix);
  }
  return fail(where, v, `NKS creates new clusters only with ${creatable}`, fix);
}

/** The end-of-service date (`YYYY-MM-DD`) of a version's minor, when the version guide gives one. */
export function endOfServiceOf(v: KubernetesVersion): string | undefined {
  return v.major === 1 ? KUBERNETES_END_OF_SERVICE[`v1.${v.minor}`] : undefined;
}

/**
 * Whether a version's minor had reached NKS end of service on `onDate` (`YYYY-MM-DD`, default
 * {@link KUBERNETES_VERSIONS_AS_OF}). Minors older than the version guide's table count as past.
 */
export function isPastEndOfService(v: KubernetesVersion, onDate: string = KUBERNETES_VERSIONS_AS_OF): boolean {
  if (v.major === 1 && v.minor < OLDEST_MINOR_WITH_EOS_DATE) return true;
  const date = endOfServiceOf(v);
  // ISO dates compare correctly as strings; EOS is the last supported day, so "past" is strictly after.
  return date !== undefined && onDate > date;
}

/** Orders versions: negative when `a` is older than `b`, 0 when equal, positive when newer. */
export function compareVersions(a: KubernetesVersionLike, b: KubernetesVersionLike): number {
  const [x, y] = [toVersion(a, 'a'), toVersion(b, 'b')];
  return x.major - y.major || x.minor - y.minor || x.patch - y.patch;
}

/**
 * The StorageClass provisioner NKS supports for a version: the in-tree plugin up to v1.19 (the guide
 * names v1.19.13), the Cinder CSI driver from v1.20 (v1.20.12 onward). Source: TOAST-DOCS/Container-Kubernetes
 * `ko/user-guide.md`, StorageClass section.
 */
export function cinderProvisionerFor(v: KubernetesVersion): CinderProvisioner {
  return v.major < 1 || (v.major === 1 && v.minor <= 19) ? IN_TREE_CINDER_PROVISIONER : CSI_CINDER_PROVISIONER;
}

function toVersion(v: KubernetesVersionLike, field: string): KubernetesVersion {
  return typeof v === 'string' ? parseKubernetesVersion(v, { path: 'compareVersions', field }) : v;
}

/**
 * Returns the parsed version when NKS ever shipped it ({@link KNOWN_KUBERNETES_VERSIONS}): for objects of
 * an existing cluster (StorageClass, PersistentVolume), which may run an older release than NKS creates.
 */
export function checkKnownVersion(v: KubernetesVersionLike, where: Where): KubernetesVersion {
  const version = typeof v === 'string' ? parseKubernetesVersion(v, where) : v;
  if (version && typeof version === 'object' && KNOWN_KUBERNETES_VERSIONS.includes(version.tag)) return version;
  const shown = typeof v === 'string' ? v : version?.tag;
  const sameMinor = version && typeof version === 'object' ? KNOWN_KUBERNETES_VERSIONS.find((c) => c.startsWith(`v${version.major}.${version.minor}.`)) : undefined;
  return fail(
    where,
    shown,
    sameMinor
      ? `NKS shipped one patch release of v${version.major}.${version.minor}: ${sameMinor}`
      : `NKS never shipped Kubernetes ${shown}; its releases are ${formatChoices(KNOWN_KUBERNETES_VERSIONS)}`,
    sameMinor ? `use ${sameMinor}, or pass cluster.kubernetesVersion` : `use the cluster's version (cluster.kubernetesVersion), e.g. ${DEFAULT_KUBERNETES_VERSION}`,
  );
}

/**
 * Returns `to` when NKS can upgrade a cluster running `from` to it in one step: NKS upgrades to the next
 * minor version only and never downgrades ("Kubernetes 버전은 현재 Kubernetes 버전의 다음 버전(마이너 버전 기준
 * +1)으로 업그레이드 가능합니다", "Kubernetes 버전과 플랫폼 버전 모두 다운그레이드를 지원하지 않습니다":
 * TOAST-DOCS/Container-Kubernetes `ko/user-guide.md` lines 1457 and 1459, "업그레이드 규칙"; `en/user-guide.md`
 * lines 1459 and 1461). `fromName` says where `from` came from, for the message ("the cluster's
 * kubernetesVersion"). The error names the step to take first.
 */
export function checkUpgradeStep(from: KubernetesVersion, to: KubernetesVersion, where: Where, fromName: string): KubernetesVersion {
  if (compareVersions(to, from) <= 0) {
    fail(where, to.tag, `an upgrade goes to a newer version than ${fromName} ${from.tag} (NKS does not downgrade)`, 'name a newer version, or remove upgrade');
  }
  if (to.major === from.major && to.minor === from.minor + 1) return to;
  const next = `v${from.major}.${from.minor + 1}`;
  const nextRelease = KNOWN_KUBERNETES_VERSIONS.find((v) => v.startsWith(`${next}.`)) ?? next;
  const skipped = to.major === from.major && to.minor > from.minor + 1
    ? `; ${to.tag} skips ${Array.from({ length: to.minor - from.minor - 1 }, (_, i) => `v${from.major}.${from.minor + 1 + i}`).join(', ')}`
    : '';
  return fail(
    where,
    to.tag,
    `NKS upgrades a cluster one minor version at a time, to the minor after the one it runs (${next} after ${fromName} ${from.tag})${skipped}`,
    `upgrade to ${nextRelease} first and deploy; then set upgrade: { fromVersion: '${nextRelease}', kubernetesVersion: '${to.tag}' } and deploy again`,
  );
}

// Construct warnings: legal but risky input, reported at synth and never an error. Every warning has an id
// from WARNINGS below (one per problem, `nks-cdk:<problem>` in camelCase, like aws-cdk's
// `@aws-cdk/aws-eks:<problem>`; policy rule ids are `NKS-XXX-N`, so the two never collide). A user
// acknowledges one on a construct and everything under it: Warnings.of(scope).acknowledge(id, reason).
import { IConstruct } from 'constructs';
import { ValidationError, ValidationErrors } from './model/errors';
import { DeclarationMemo, nearestDeclarations } from './declarations';
import { constructsUnder } from './synth-cache';

/** Metadata type of a warning; the same one cdktf's `Annotations.addWarning` writes, so its CLI shows ours too. */
export const WARNING = '@cdktf/warn';

/** What one warning id stands for. */
export interface WarningInfo {
  /** The problem, in one line (README lists them). */
  readonly description: string;
  /**
   * The policy rule (lib/policy) that reports the same problem from the synthesized output. When it ran and
   * found the problem under the construct (or it was suppressed there), synth prints the rule's finding and
   * not this warning too.
   * @default - none
   */
  readonly policyRule?: string;
}

/** The id of a warning: one per problem, whatever the message's details (see {@link WARNINGS}). */
export type WarningId =
  | 'nks-cdk:claimSizeRounded'
  | 'nks-cdk:claimSelectorNoProvisioning'
  | 'nks-cdk:volumesPerNodeLimit'
  | 'nks-cdk:singleNodeClaimReplicas'
  | 'nks-cdk:gpuShortfall'
  | 'nks-cdk:plaintextTlsKey'
  | 'nks-cdk:ngfImagesUnpinned'
  | 'nks-cdk:storageClassNoZone'
  | 'nks-cdk:multipleDefaultStorageClasses'
  | 'nks-cdk:emptyDirMemoryUnbounded'
  | 'nks-cdk:staticPodChartShared'
  | 'nks-cdk:registryPasswordInManifests'
  | 'nks-cdk:noRollbackHistory'
  | 'nks-cdk:dashboardPublic'
  | 'nks-cdk:clusterAdminToken'
  | 'nks-cdk:httpRouteAnnotationsDropped'
  | 'nks-cdk:httpRouteTlsDropped'
  | 'nks-cdk:httpRoutePathsLoosened'
  | 'nks-cdk:ingressClassUnserved'
  | 'nks-cdk:sslPassthroughUnchecked'
  | 'nks-cdk:sslPassthroughWithoutHost'
  | 'nks-cdk:recycleReclaimPolicy'
  | 'nks-cdk:deleteReclaimPolicy'
  | 'nks-cdk:hostPathVolume'
  | 'nks-cdk:headlampRouted'
  | 'nks-cdk:zoneWithoutNodes'
  | 'nks-cdk:loadBalancerSubnetUnverified'
  | 'nks-cdk:privateEndpointDeploy'
  | 'nks-cdk:generatedKeyPair'
  | 'nks-cdk:encryptionKeyIgnored'
  | 'nks-cdk:ignoredProp'
  | 'nks-cdk:resizeOverQuota'
  | 'nks-cdk:gpuTaintConsoleOnly'
  | 'nks-cdk:addonVersionUnlisted'
  | 'nks-cdk:noInternetRoute'
  | 'nks-cdk:internetRouteUnknown'
  | 'nks-cdk:kubernetesEndOfService'
  | 'nks-cdk:nodeLabelsUnconfirmed'
  | 'nks-cdk:stateLockUnconfirmed'
  | 'nks-cdk:updateUnsupported'
  | 'nks-cdk:resourceReplaced'
  | 'nks-cdk:previousOutputUnreadable'
  | 'nks-cdk:strayManifest';

/** Every warning nks-cdk gives, by id, with what it stands for. */
export const WARNINGS: Readonly<Record<WarningId, WarningInfo>> = {
  // Kubernetes constructs (lib/k8s)
  'nks-cdk:claimSizeRounded': { description: 'a dynamically provisioned claim is not whole GiB, or is under the NHN block storage minimum' },
  'nks-cdk:claimSelectorNoProvisioning': { description: 'a claim with a selector and a StorageClass is never provisioned; it binds only an existing PersistentVolume' },
  'nks-cdk:volumesPerNodeLimit': { description: 'the volumes of one workload can exceed the per-node attach limit of their volume plugin' },
  'nks-cdk:singleNodeClaimReplicas': { description: 'several replicas mount one ReadWriteOnce or ReadWriteOncePod claim' },
  'nks-cdk:gpuShortfall': { description: 'the workloads placed on a GPU node group ask for more GPUs than the group has at most; the rest stay Pending' },
  'nks-cdk:plaintextTlsKey': { description: 'a load balancer TLS private key is written in plain text into the Service annotations' },
  'nks-cdk:ngfImagesUnpinned': { description: 'NGINX Gateway Fabric images are pinned by tag only, not by digest' },
  'nks-cdk:storageClassNoZone': { description: 'a Cinder StorageClass has no availabilityZone and immediate binding, so volumes land in a random zone' },
  'nks-cdk:multipleDefaultStorageClasses': { description: 'several StorageClasses are marked default' },
  'nks-cdk:emptyDirMemoryUnbounded': { description: 'an in-memory emptyDir has no sizeLimit' },
  'nks-cdk:staticPodChartShared': { description: 'the chart of a StaticPod holds other objects; the kubelet reads one Pod per manifest file' },
  'nks-cdk:registryPasswordInManifests': { description: 'RegistryCredentials writes a registry password (base64, not encrypted) into the manifests' },
  'nks-cdk:noRollbackHistory': { description: 'revisionHistoryLimit 0 leaves `kubectl rollout undo` nothing to roll back to' },
  'nks-cdk:dashboardPublic': { description: 'the Kubernetes Dashboard gets a public load balancer open to everyone' },
  'nks-cdk:clusterAdminToken': { description: 'a UI token is bound to cluster-admin' },
  'nks-cdk:httpRouteAnnotationsDropped': { description: 'toHttpRoutes() drops ingress-nginx annotations' },
  'nks-cdk:httpRouteTlsDropped': { description: 'toHttpRoutes() does not carry the Ingress TLS' },
  'nks-cdk:httpRoutePathsLoosened': { description: 'toHttpRoutes() turns ImplementationSpecific paths into PathPrefix matches' },
  'nks-cdk:ingressClassUnserved': { description: 'no NginxIngressController of the program serves the IngressClass of an Ingress' },
  'nks-cdk:sslPassthroughUnchecked': { description: 'SSL passthrough needs a controller run with --enable-ssl-passthrough, which cannot be checked' },
  'nks-cdk:sslPassthroughWithoutHost': { description: 'an SSL passthrough rule without host: clients by IP address reach NGINX itself' },
  'nks-cdk:recycleReclaimPolicy': { description: 'a PersistentVolume uses the deprecated reclaim policy Recycle' },
  'nks-cdk:deleteReclaimPolicy': { description: 'a PersistentVolume of a Terraform-managed volume uses reclaim policy Delete' },
  'nks-cdk:hostPathVolume': { description: 'a hostPath PersistentVolume is a directory on whichever node runs the pod' },
  'nks-cdk:headlampRouted': { description: 'Headlamp is routed from a Gateway and is as reachable as its load balancer' },
  // Cross-layer checks and the workloads stack (lib/platform)
  'nks-cdk:zoneWithoutNodes': { description: 'a volume or StorageClass is in an availability zone where the cluster has no nodes' },
  'nks-cdk:loadBalancerSubnetUnverified': { description: 'a load balancer subnet annotation cannot be compared with a cluster subnet the program creates' },
  'nks-cdk:privateEndpointDeploy': { description: 'a workloads stack applies through Terraform to a private API endpoint' },
  // Infrastructure constructs (lib/infra)
  'nks-cdk:generatedKeyPair': { description: 'a key pair without a public key is generated and its private key kept in Terraform state', policyRule: 'NKS-KEY-1' },
  'nks-cdk:encryptionKeyIgnored': { description: 'an NHN Cloud encryption key is ignored on the openstack target' },
  'nks-cdk:ignoredProp': { description: 'a prop that does not apply to the target (or to the other props given) is ignored' },
  'nks-cdk:resizeOverQuota': { description: 'resizeTo is above the node count NKS allows without a raised quota' },
  'nks-cdk:gpuTaintConsoleOnly': { description: 'a GPU node group taint is declared, but NKS applies node-group taints only from its console' },
  'nks-cdk:addonVersionUnlisted': { description: 'an NKS addon version is not in nks-cdk\'s list' },
  'nks-cdk:noInternetRoute': { description: 'a cluster subnet has neither an internet gateway nor NCR and OBS service gateways' },
  'nks-cdk:internetRouteUnknown': { description: 'nks-cdk cannot tell whether an existing cluster subnet routes to an internet gateway' },
  'nks-cdk:kubernetesEndOfService': { description: 'the Kubernetes version is past its scheduled end of service on NKS' },
  'nks-cdk:nodeLabelsUnconfirmed': { description: 'workloads are placed by node labels written in an unconfirmed k8s_node_labels form' },
  'nks-cdk:stateLockUnconfirmed': { description: 'an Object Storage backend uses a lock file, whose conditional writes NHN does not document' },
  // Synth (lib/app.ts, lib/checks/terraform-diff.ts)
  'nks-cdk:updateUnsupported': { description: 'a resource would be updated in place, but its provider has no update for it' },
  'nks-cdk:resourceReplaced': { description: 'an unprotected cluster, node group, volume or instance would be replaced or destroyed' },
  'nks-cdk:previousOutputUnreadable': { description: 'a previous cdk.tf.json is not valid JSON, so synth cannot say what changes' },
  'nks-cdk:strayManifest': { description: 'the manifests directory holds a .k8s.yaml file this synth did not write' },
};

/** A warning a check found, for its construct to give with {@link warn}. */
export interface WarningMessage {
  /** The warning's id (a key of {@link WARNINGS}). */
  readonly id: WarningId;
  /** The message, for people. */
  readonly message: string;
}

/** A warning as synth reports it. */
export interface ConstructWarning {
  /** Construct path (`PlatformApp` for warnings about the output directories). */
  readonly path: string;
  /**
   * The warning's id (a key of {@link WARNINGS}).
   * @default - none: a warning another library wrote (cdktf's `Annotations.addWarning`), printed without id
   */
  readonly id?: string;
  /** The message; several messages of one id on one construct are one warning, one message per line. */
  readonly message: string;
}

/** A warning that a user acknowledged (not printed as a warning). */
export interface AcknowledgedWarning extends ConstructWarning {
  /** The id of the acknowledged warning (always present: a warning is acknowledged by its id). */
  readonly id: string;
  /** The reason given where the acknowledgement was declared. */
  readonly reason: string;
  /** The construct path where the acknowledgement was declared. */
  readonly declaredAt: string;
}

/** Metadata of nks-cdk's warnings ({ id, message }); `@cdktf/warn` entries are written from them at synth. */
const NKS_WARNING = 'nks-cdk/warning';
/** Metadata of acknowledgements ({ id, reason }). */
const ACKNOWLEDGEMENT = 'nks-cdk/warning-acknowledgement';

/**
 * Adds a synth-time warning (legal but risky input) with id `id` to a construct of either layer.
 * `PlatformApp.synth()` prints it once per id and construct (adding the same warning again, as validations
 * that run more than once do, keeps one), unless it is acknowledged ({@link Warnings.acknowledge}).
 */
export function warn(construct: IConstruct, id: WarningId, message: string): void {
  if (ownWarnings(construct).some((w) => w.id === id && w.message === message)) return;
  construct.node.addMetadata(NKS_WARNING, { id, message });
}

/** Whether `construct` or a construct above it carries a warning with id `id` (a later check that would repeat it looks). */
export function warnedOnOrAbove(construct: IConstruct, id: WarningId): boolean {
  for (let c: IConstruct | undefined = construct; c; c = c.node.scope) if (ownWarnings(c).some((w) => w.id === id)) return true;
  return false;
}

function ownWarnings(construct: IConstruct): { id: string; message: string }[] {
  return construct.node.metadata.filter((m) => m.type === NKS_WARNING).map((m) => ({ id: String(m.data.id), message: String(m.data.message) }));
}

/**
 * The warnings on `c` itself: nks-cdk's with their ids, one per id (the messages joined by newlines), and
 * warnings other libraries wrote as `@cdktf/warn` metadata.
 */
function warningsOn(c: IConstruct): ConstructWarning[] {
  const own = ownWarnings(c);
  const byId = new Map<string, string[]>();
  for (const w of own) byId.set(w.id, [...(byId.get(w.id) ?? []), w.message]);
  const ours = [...byId].map(([id, messages]) => ({ path: c.node.path, id, message: messages.join('\n') }));
  const stamped = new Set(own.map((w) => w.message));
  const foreign = c.node.metadata.filter((m) => m.type === WARNING && !stamped.has(String(m.data))).map((m) => ({ path: c.node.path, message: String(m.data) }));
  return [...ours, ...foreign];
}

/**
 * Writes each unacknowledged warning under `root` as `@cdktf/warn` metadata (once), which cdktf puts in
 * the stack's manifest.json and its CLI shows as `WARN [path]`. Called by synth before the Terraform output
 * is synthesized, so an acknowledgement declared after the warning still keeps it out.
 */
export function stampCdktfWarnings(root: IConstruct): void {
  const memo: AcknowledgementMemo = new Map();
  for (const c of constructsUnder(root)) {
    const stamped = new Set(c.node.metadata.filter((m) => m.type === WARNING).map((m) => String(m.data)));
    for (const w of ownWarnings(c)) {
      if (stamped.has(w.message) || acknowledgementFor(c, w.id, memo)) continue;
      c.node.addMetadata(WARNING, w.message);
      stamped.add(w.message);
    }
  }
}

/** A finding of a policy rule, as far as warnings need it. */
export interface PolicyFindingLike {
  readonly ruleId: string;
  readonly path: string;
}

/** What synth prints about warnings, and what it returns. */
export interface WarningOutcome {
  readonly warnings: ConstructWarning[];
  readonly acknowledged: AcknowledgedWarning[];
  /** `[warning] <id> <path>: <message>` and `[acknowledged] <id> <path>: <reason>` lines. */
  readonly lines: string[];
}

/**
 * Sorts the warnings of both trees (and `extra` ones synth found, by path) into those to print and those
 * acknowledged. A warning whose problem a policy rule reported (see {@link WarningInfo.policyRule}) is left
 * out: `policyFindings` printed it already.
 */
export function sortWarnings(roots: readonly IConstruct[], extra: readonly ConstructWarning[], policyFindings: readonly PolicyFindingLike[] = []): WarningOutcome {
  const constructs = roots.flatMap((r) => constructsUnder(r));
  const found = constructs.flatMap((c) => warningsOn(c).map((w) => ({ w, scopes: [c] })));
  // Warnings synth found by path: about a construct, or (the output directories, `PlatformApp`) acknowledged at a tree's root.
  for (const w of mergeById(extra)) {
    const construct = constructs.find((c) => c.node.path === w.path && c.node.scope !== undefined);
    found.push({ w, scopes: construct ? [construct] : [...roots] });
  }
  const memo: AcknowledgementMemo = new Map();
  const warnings: ConstructWarning[] = [];
  const acknowledged: AcknowledgedWarning[] = [];
  for (const { w, scopes } of found) {
    const rule = w.id !== undefined && w.id in WARNINGS ? WARNINGS[w.id as WarningId].policyRule : undefined;
    if (rule && policyFindings.some((f) => f.ruleId === rule && (f.path === w.path || f.path.startsWith(`${w.path}/`)))) continue;
    const id = w.id;
    const ack = id === undefined ? undefined : scopes.map((s) => acknowledgementFor(s, id, memo)).find((a) => a);
    if (ack && id !== undefined) acknowledged.push({ ...w, id, reason: ack.reason, declaredAt: ack.declaredAt });
    else warnings.push(w);
  }
  return { warnings, acknowledged, lines: [...warnings.map(warningLine), ...acknowledged.map((a) => `[acknowledged] ${a.id} ${a.path || '(root)'}: ${a.reason}`)] };
}

/** One warning per id and path, the messages (distinct ones, in order) joined by newlines. */
function mergeById(all: readonly ConstructWarning[]): ConstructWarning[] {
  const merged = new Map<string, ConstructWarning>();
  const out: ConstructWarning[] = [];
  for (const w of all) {
    if (w.id === undefined) {
      out.push(w);
      continue;
    }
    const key = `${w.path}\0${w.id}`;
    const earlier = merged.get(key);
    if (!earlier) {
      merged.set(key, w);
      out.push(w);
      continue;
    }
    const messages = earlier.message.split('\n');
    const added = w.message.split('\n').filter((m) => !messages.includes(m));
    if (!added.length) continue;
    const joined = { ...earlier, message: [...messages, ...added].join('\n') };
    merged.set(key, joined);
    out[out.indexOf(earlier)] = joined;
  }
  return out;
}

/** A warning as printed: `[warning] <id> <path>: <message>` (a later message of the same id on an indented line). */
export function warningLine(w: ConstructWarning): string {
  const [first, ...more] = w.message.split('\n');
  return [`[warning] ${w.id ? `${w.id} ` : ''}${w.path}: ${first}`, ...more.map((m) => `  ${m}`)].join('\n');
}

/** Acknowledging warnings on a construct and everything under it. */
export class Warnings {
  /** The warnings API of `scope` (a construct of either layer, or a tree's root: `app.k8s`, `app.infra`). */
  public static of(scope: IConstruct): Warnings {
    return new Warnings(scope);
  }

  private constructor(private readonly scope: IConstruct) {}

  /**
   * Acknowledges warning `id` on this construct and every construct under it: synth prints it as
   * `[acknowledged] <id> <path>: <reason>` instead of as a warning, and leaves it out of the cdktf
   * manifest. A nearer acknowledgement of the same id (on a construct below) gives its own reason. An id
   * nks-cdk does not have, or an empty reason, is a ValidationError at synth.
   * @param id a warning id, e.g. `nks-cdk:gpuShortfall` (printed in the warning; README lists them all)
   * @param reason why the warning does not apply here (required)
   */
  public acknowledge(id: string, reason: string): this {
    acknowledgeWarning(this.scope, id, reason);
    return this;
  }
}

// Constructs that already carry the validation of their acknowledgements (one per construct).
const CHECKED = new WeakSet<IConstruct>();

/** See {@link Warnings.acknowledge}. */
export function acknowledgeWarning(scope: IConstruct, id: string, reason: string): void {
  scope.node.addMetadata(ACKNOWLEDGEMENT, { id: String(id), reason: typeof reason === 'string' ? reason : '' });
  if (CHECKED.has(scope)) return;
  CHECKED.add(scope);
  scope.node.addValidation({
    validate: () => {
      checkAcknowledgements(scope);
      return [];
    },
  });
}

/** Throws a ValidationError (several: ValidationErrors) for each acknowledgement on `scope` of an unknown id or without reason. */
function checkAcknowledgements(scope: IConstruct): void {
  const errors: ValidationError[] = [];
  for (const a of declaredOn(scope)) {
    if (!(a.id in WARNINGS)) {
      const near = nearestWarningId(a.id);
      errors.push(
        new ValidationError({
          path: scope.node.path,
          field: 'acknowledge.id',
          value: a.id,
          rule: `an acknowledgement names a warning id of nks-cdk; ${JSON.stringify(a.id)} is none, so it would acknowledge nothing`,
          fix: `${POLICY_RULE_ID.test(a.id) ? `${JSON.stringify(a.id)} is a policy rule id: suppress its findings with Policies.of(app).suppress(construct, ruleId, reason)` : near.length ? `use ${near.map((n) => JSON.stringify(n)).join(' or ')}` : 'use the id the warning prints'}; the warning ids are listed in README ("Errors and warnings") and in WARNINGS`,
        }),
      );
    }
    if (!a.reason.trim()) {
      errors.push(
        new ValidationError({
          path: scope.node.path,
          field: 'acknowledge.reason',
          value: a.reason,
          rule: `an acknowledgement of ${a.id} says why the warning does not apply; the reason is empty`,
          fix: 'give the reason in a sentence, e.g. "the key pair is for a throwaway test cluster"',
        }),
      );
    }
  }
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new ValidationErrors(errors);
}

/** The shape of a policy rule id (`NKS-KEY-1`), which names a finding, not a warning. */
const POLICY_RULE_ID = /^[A-Z][A-Z0-9]*-[A-Z0-9]+-\d+$/;

/** The known ids closest to `id`: the same letters case aside, else those sharing the most words, at most three. */
function nearestWarningId(id: string): string[] {
  const bare = (x: string) => x.toLowerCase().replace(/^nks-cdk:/, '').replace(/[^a-z0-9]/g, '');
  const ids = Object.keys(WARNINGS);
  const same = ids.find((k) => bare(k) === bare(id));
  if (same) return [same];
  const words = (x: string) => new Set(x.replace(/^nks-cdk:/, '').split(/(?=[A-Z])|[^A-Za-z0-9]+/).map((w) => w.toLowerCase()).filter((w) => w.length > 2));
  const wanted = words(id);
  const scored = ids.map((k) => ({ k, n: [...words(k)].filter((w) => wanted.has(w)).length })).filter((s) => s.n > 0);
  scored.sort((a, b) => b.n - a.n);
  return scored.slice(0, 3).map((s) => s.k);
}

interface Acknowledgement {
  readonly id: string;
  readonly reason: string;
  readonly declaredAt: string;
}

type AcknowledgementMemo = DeclarationMemo<Acknowledgement>;

function declaredOn(construct: IConstruct): Acknowledgement[] {
  return construct.node.metadata
    .filter((m) => m.type === ACKNOWLEDGEMENT)
    .map((m) => ({ id: String(m.data.id), reason: String(m.data.reason), declaredAt: construct.node.path }));
}

/** The acknowledgement of `id` that covers `construct`: its own, else the nearest construct's above it. */
function acknowledgementFor(construct: IConstruct, id: string, memo: AcknowledgementMemo): Acknowledgement | undefined {
  return nearestDeclarations(construct, declaredOn, (a) => a.id, memo).get(id);
}

/**
 * Where `PlatformApp` prints warnings by default: stderr, except under the cdktf CLI, which logs every chunk
 * a program writes to stderr as a red `[ERROR]` (cdktf-cli 0.21.0: @cdktf/commons/src/util.js, `exec`, the
 * stderr handler calls processLoggerError) and prints stdout as it is (console.log). The CLI sets
 * CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS for the program it runs (@cdktf/cli-core/src/lib/synth-stack.js,
 * the `shell` call's env). The `@cdktf/warn` metadata above is shown by the CLI itself as `WARN [path]`.
 */
export function defaultWarningLog(env: NodeJS.ProcessEnv = process.env): (line: string) => void {
  if (env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS !== undefined) return (line) => process.stdout.write(`${line}\n`);
  return (line) => process.stderr.write(`${line}\n`);
}

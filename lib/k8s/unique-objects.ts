// One object per identity: two API objects with the same API group, kind, namespace and name (two WebApps
// named `web` in one namespace, two controllers for one IngressClass) would be one object in the cluster,
// the later `kubectl apply` replacing the earlier. The output check finds that too, but only as an issue of
// the rendered manifests; this check runs in validation and names the construct and prop to change.
//
// The same program-wide pass checks what the cluster has once besides objects ({@link trackUses}): a
// nodePort, the one claim a static PersistentVolume binds, an ingress class's host + path, the default
// StorageClass; and each object's annotations against the API server's total size (annotations added
// after construction, through cdk8s's metadata API, which the constructs' own props checks cannot see).
import { ApiObject, Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { warn } from '../warnings';
import { ValidationError, ValidationErrors, Where } from '../model/errors';
import { isNamespaced } from '../model/scope';
import { ANNOTATIONS_MAX_BYTES, checkAnnotationsSize } from './metadata';
import { constructsUnder } from '../synth-cache';

/** The prop of an nks-cdk construct that decides an object's identity: `name`, `namespace`, `className`, ... */
export type IdentityField = string | ((object: ApiObject) => string);

const owners = new WeakMap<IConstruct, IdentityField>();
const checkedRoots = new WeakSet<IConstruct>();

/**
 * Marks `owner` as the nks-cdk construct whose props name the API objects under it (`field`, or a function
 * of the object, says which prop), and makes the program (the construct tree's root, a cdk8s App) check
 * at validation that no two API objects are the same object. Every nks-cdk construct that creates objects
 * calls this, so one is enough to have the whole program checked.
 */
export function trackObjects(owner: IConstruct, field: IdentityField = 'name'): void {
  owners.set(owner, field);
  checkProgram(owner.node.root);
}

function checkProgram(root: IConstruct): void {
  if (checkedRoots.has(root)) return;
  checkedRoots.add(root);
  root.node.addValidation({
    validate: () => {
      checkUniqueObjects(root);
      return [];
    },
  });
}

/**
 * A kind of thing of which the cluster has one per key, used by several constructs of one program: a
 * nodePort (the API server's allocator), a static PersistentVolume (one claim binds it), ... `T` is what a
 * use carries besides its key, for {@link UniqueKind.compatible} and the messages.
 */
export interface UniqueKind<T = unknown> {
  /**
   * Whether two uses of one key can coexist (e.g. two Ingress paths to the same backend).
   * @default - never
   */
  compatible?(earlier: UniqueUse<T>, later: UniqueUse<T>): boolean;
  /** Why `later` cannot have the key `earlier` already has, in one sentence. */
  rule(later: UniqueUse<T>, earlier: UniqueUse<T>): string;
  /** What to do instead. */
  fix(later: UniqueUse<T>, earlier: UniqueUse<T>): string;
  /**
   * Report a warning (on the later use's construct) instead of an error: legal, but not what it seems.
   * @default false
   */
  readonly warning?: boolean;
}

/** One construct's use of a {@link UniqueKind}'s key. */
export interface UniqueUse<T = unknown> {
  readonly kind: UniqueKind<T>;
  /** The key; uses of one kind and key compete. */
  readonly key: string;
  /** The construct and prop that ask for it (the error's path and field). */
  readonly where: Where;
  /** The value shown in the error. */
  readonly value: unknown;
  /** The construct to warn on, for warning kinds. */
  readonly construct: IConstruct;
  /** What the kind's rule and compatibility need to know of the use. */
  readonly detail: T;
}

const useProviders = new WeakMap<IConstruct, (() => readonly UniqueUse[])[]>();

/**
 * Registers `owner`'s uses of once-per-cluster things, read at validation (when every prop and method call
 * is in), and makes the program check them: a later use of a key an earlier construct (in construct tree
 * order) already uses, and cannot share, is an error at the later use's prop, naming the earlier.
 */
export function trackUses(owner: IConstruct, uses: () => readonly UniqueUse<any>[]): void { // eslint-disable-line @typescript-eslint/no-explicit-any
  useProviders.set(owner, [...(useProviders.get(owner) ?? []), uses]);
  checkProgram(owner.node.root);
}

/**
 * Fails on every API object under `root` that repeats an earlier one's API group, kind, namespace
 * (namespaced kinds only; cdk8s puts a chart's namespace on cluster-scoped objects too) and name. Each
 * error is reported on the later object's nks-cdk construct, naming the earlier one; several come as one
 * ValidationErrors so synth lists them all. In the same walk: objects whose annotations exceed the API
 * server's total, and the uses registered with {@link trackUses}.
 */
export function checkUniqueObjects(root: IConstruct): void {
  const seen = new Map<string, ApiObject>();
  const errors: ValidationError[] = [];
  const uses = new Map<UniqueKind, Map<string, UniqueUse[]>>();
  for (const c of constructsUnder(root)) {
    for (const provider of useProviders.get(c) ?? []) {
      for (const use of provider()) {
        const byKey = uses.get(use.kind) ?? new Map<string, UniqueUse[]>();
        uses.set(use.kind, byKey);
        const list = byKey.get(use.key);
        if (list) list.push(use);
        else byKey.set(use.key, [use]);
      }
    }
    if (!ApiObject.isApiObject(c)) continue;
    const sizeError = annotationsSizeError(c);
    if (sizeError) errors.push(sizeError);
    const key = identity(c);
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, c);
      continue;
    }
    const second = reportedAt(c);
    errors.push(
      new ValidationError({
        path: second.path,
        field: second.field,
        value: c.name,
        rule: `${describe(c)} is already defined by ${reportedAt(first).path}; both would be one object in the cluster, and applying the manifests would leave only the later`,
        fix:
          c.kind === 'Namespace'
            ? `give one of them another ${second.field}, or create the Namespace once (an NginxIngressController in an existing namespace takes createNamespace: false)`
            : `give one of them another ${second.field}, or define the object once`,
      }),
    );
  }
  errors.push(...conflictingUses(uses));
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new ValidationErrors(errors);
}

/** Each use that cannot share its key with an earlier one: an error, or for warning kinds a warning. */
function conflictingUses(uses: Map<UniqueKind, Map<string, UniqueUse[]>>): ValidationError[] {
  const errors: ValidationError[] = [];
  for (const [kind, byKey] of uses) {
    for (const list of byKey.values()) {
      list.forEach((later, i) => {
        const earlier = list.slice(0, i).find((e) => !(kind.compatible?.(e, later) ?? false));
        if (!earlier) return;
        const rule = kind.rule(later, earlier);
        const fix = kind.fix(later, earlier);
        if (kind.warning) warn(later.construct, 'nks-cdk:multipleDefaultStorageClasses', `${rule} ${fix}`);
        else errors.push(new ValidationError({ ...later.where, value: later.value, rule, fix }));
      });
    }
  }
  return errors;
}

/**
 * The annotations an object has now, also those added after construction (cdk8s keeps them in a plain
 * object that is private to TypeScript only; reading it renders nothing), checked against the API
 * server's total (checkAnnotationsSize); reported at the object's nks-cdk construct, field `annotations`.
 */
function annotationsSizeError(o: ApiObject): ValidationError | undefined {
  const annotations = (o.metadata as unknown as { annotations?: Record<string, unknown> }).annotations;
  if (!annotations) return undefined;
  let units = 0;
  for (const [key, value] of Object.entries(annotations)) units += key.length + (typeof value === 'string' ? value.length : 0);
  // A UTF-16 code unit is at most 3 bytes of UTF-8: the exact count only when the quick one comes near the limit.
  if (units * 3 <= ANNOTATIONS_MAX_BYTES) return undefined;
  try {
    checkAnnotationsSize(annotations, { path: reportedAt(o).path, field: 'annotations' });
  } catch (e) {
    if (e instanceof ValidationError) return e;
    throw e;
  }
  return undefined;
}

function identity(o: ApiObject): string {
  const slash = o.apiVersion.lastIndexOf('/');
  const group = slash < 0 ? '' : o.apiVersion.slice(0, slash);
  return [group, o.kind, namespaceKey(o), o.name].join('\u0000');
}

function namespaceKey(o: ApiObject): string {
  return isNamespaced(o.kind) ? (o.metadata.namespace ?? 'default') : '';
}

function describe(o: ApiObject): string {
  const ns = namespaceKey(o);
  return `the ${o.kind} "${o.name}"${ns ? ` in namespace "${ns}"` : ''}`;
}

/**
 * The construct and prop to report an object at: the nearest tracked nks-cdk construct above it (within
 * its chart); else the construct that holds it as its `Resource` child (cdk8s-plus's and nks-cdk's
 * convention), with the field `name`.
 */
function reportedAt(o: ApiObject): { path: string; field: string } {
  for (let c: IConstruct | undefined = o; c && !Chart.isChart(c); c = c.node.scope) {
    const field = owners.get(c);
    if (field !== undefined) return { path: c.node.path, field: typeof field === 'string' ? field : field(o) };
  }
  let c: IConstruct = o;
  while (c.node.id === 'Resource' && c.node.scope && !Chart.isChart(c.node.scope)) c = c.node.scope;
  return { path: c.node.path, field: 'name' };
}

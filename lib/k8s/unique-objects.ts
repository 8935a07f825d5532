// One object per identity: two API objects with the same API group, kind, namespace and name (two WebApps
// named `web` in one namespace, two controllers for one IngressClass) would be one object in the cluster,
// the later `kubectl apply` replacing the earlier. The output check finds that too, but only as an issue of
// the rendered manifests; this check runs in validation and names the construct and prop to change.
import { ApiObject, Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { ValidationError, ValidationErrors } from '../model/errors';
import { isNamespaced } from '../platform/scope';

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
  const root = owner.node.root;
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
 * Fails on every API object under `root` that repeats an earlier one's API group, kind, namespace
 * (namespaced kinds only; cdk8s puts a chart's namespace on cluster-scoped objects too) and name. Each
 * error is reported on the later object's nks-cdk construct, naming the earlier one; several come as one
 * ValidationErrors so synth lists them all.
 */
export function checkUniqueObjects(root: IConstruct): void {
  const seen = new Map<string, ApiObject>();
  const errors: ValidationError[] = [];
  for (const c of root.node.findAll()) {
    if (!ApiObject.isApiObject(c)) continue;
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
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new ValidationErrors(errors);
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

// What a pod refers to by name — its ServiceAccount, the ConfigMaps its environment reads — must exist in
// the pod's own namespace, and a ConfigMap key it reads must be in the ConfigMap. Otherwise the pod is
// created but never starts (CreateContainerConfigError) or is refused. These checks cover the objects this
// program defines; a name defined nowhere in the program is taken to exist in the cluster already.
import * as kplus from 'cdk8s-plus-28';
import { IConstruct } from 'constructs';
import { at, fail, Where } from '../../model/errors';
import { namespaceOf } from '../metadata';
import { constructsUnder } from '../../synth-cache';

/**
 * A pod runs as a ServiceAccount of its own namespace: fails at `where` when `account` is a ServiceAccount
 * of this program in another namespace. (Imported accounts, `ServiceAccount.fromServiceAccountName`, carry
 * no namespace nks-cdk could compare.)
 */
export function checkServiceAccountNamespace(account: kplus.IServiceAccount | undefined, podNamespace: string, where: Where): void {
  if (!(account instanceof kplus.ServiceAccount)) return;
  const accountNamespace = namespaceOf(account);
  if (accountNamespace !== podNamespace) {
    fail(
      where,
      account.node.path,
      `a pod runs as a ServiceAccount of its own namespace; ServiceAccount "${account.name}" is in "${accountNamespace}", the pods in "${podNamespace}"`,
      `create the ServiceAccount in namespace "${podNamespace}" (one per namespace that needs it)`,
    );
  }
}

/**
 * Checks the ConfigMaps the containers of `pods` read (`env` entries from `EnvValue.fromConfigMap`, `envFrom`
 * from `Env.fromConfigMap`) against the ConfigMaps of this program, which they name: one of that name in
 * the pod's namespace must hold every non-optional key read from it; one only in other namespaces is an
 * error, since the pod cannot read it. Run at synth, when ConfigMaps and env entries are complete.
 * Errors are reported under `where` (the workload's construct), at `env.<NAME>` or `envFrom[<i>]`.
 */
export function checkConfigMapReferences(pods: kplus.AbstractPod, where: Where): void {
  const podNamespace = namespaceOf(pods);
  // Looked up only when a container reads a ConfigMap: most do not, and the lookup walks the whole program.
  let found: kplus.ConfigMap[] | undefined;
  const configMaps = (): kplus.ConfigMap[] => (found ??= programConfigMaps(pods));
  for (const container of pods.containers) {
    for (const [name, value] of Object.entries(container.env.variables)) {
      const ref = (value.valueFrom as kplus.k8s.EnvVarSource | undefined)?.configMapKeyRef;
      if (!ref?.name) continue;
      const configMap = findConfigMap(configMaps(), ref.name, podNamespace, at(where, `env.${name}`));
      if (!configMap || ref.optional) continue;
      const data = configMap.data;
      if (!(ref.key in data)) {
        const keys = Object.keys(data);
        fail(
          at(where, `env.${name}`),
          ref.key,
          `ConfigMap "${ref.name}" (${configMap.node.path}) has no key "${ref.key}" (${keys.length ? `its keys are ${keys.map((k) => `"${k}"`).join(', ')}` : 'it has no data'}); the container would not start`,
          `add the key to the ConfigMap, read one of its keys, or pass { optional: true } if the variable may be missing`,
        );
      }
    }
    container.env.sources.forEach((source, i) => {
      const name = source._toKube().configMapRef?.name;
      if (name) findConfigMap(configMaps(), name, podNamespace, at(where, `envFrom[${i}]`));
    });
  }
}

function programConfigMaps(scope: IConstruct): kplus.ConfigMap[] {
  return constructsUnder(scope.node.root).filter((c): c is kplus.ConfigMap => c instanceof kplus.ConfigMap);
}

/** The program's ConfigMap `name` in `namespace`; undefined when the program defines none of that name; fails when it is only in other namespaces. */
function findConfigMap(configMaps: readonly kplus.ConfigMap[], name: string, namespace: string, where: Where): kplus.ConfigMap | undefined {
  const named = configMaps.filter((c) => c.name === name);
  const own = named.find((c) => namespaceOf(c) === namespace);
  if (own || named.length === 0) return own;
  const elsewhere = named.map((c) => `"${namespaceOf(c)}" (${c.node.path})`).join(', ');
  return fail(
    where,
    name,
    `a pod reads ConfigMaps of its own namespace only; ConfigMap "${name}" is defined in ${elsewhere}, the pods run in "${namespace}"`,
    `create the ConfigMap in namespace "${namespace}" too, or run the workload in the ConfigMap's namespace`,
  );
}

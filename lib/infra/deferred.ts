import type { TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
// cdktf on first use: PersistentVolume sources import this module in programs that may have no infrastructure.
import { cdktfRuntime } from '../cdktf-runtime';

/**
 * A value of the infrastructure layer that exists only after `terraform apply` (a volume ID, a subnet ID),
 * used by a Kubernetes manifest. Inside the program it is a cdktf token string.
 *
 * - Through the workloads stack (Terraform applies the manifests) the token stays in the manifest and
 *   cdktf turns it into a reference to the infrastructure stack's output.
 * - In `dist/*.k8s.yaml` (kubectl route) it is replaced by the real value from the infrastructure
 *   outputs file (`cdktf output --outputs-file`); without that file the objects that need it are not
 *   written, and synth names them.
 */
export interface DeferredValue {
  /** The token string as it appears in manifests. */
  readonly token: string;
  /** The stack that owns the value. */
  readonly stack: TerraformStack;
  /** Name of the Terraform output that carries it (in `stack`). */
  readonly outputName: string;
  /** What the value is, for messages: `id of nks-infra/data`. */
  readonly description: string;
}

const registries = new WeakMap<IConstruct, DeferredValue[]>();

function sanitize(text: string): string {
  return text.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
}

/**
 * Marks `value` (an attribute of `source`, an infrastructure construct) as usable in manifests. Returns
 * `value` unchanged: a literal needs nothing, a token is registered so synth can resolve it on both routes.
 * @param attribute the attribute's name, for the output name and messages (`id`)
 */
export function deferInfraValue(source: IConstruct, value: string, attribute: string): string {
  const { Token, TerraformStack } = cdktfRuntime();
  if (!Token.isUnresolved(value)) return value;
  const stack = TerraformStack.of(source);
  const registry = registries.get(source.node.root) ?? [];
  registries.set(source.node.root, registry);
  if (registry.some((d) => d.token === value)) return value;
  const relative = source.node.path.split('/').slice(1).join('/') || source.node.id;
  registry.push({
    token: value,
    stack,
    outputName: `nks_${sanitize(relative)}_${sanitize(attribute)}`.toLowerCase(),
    description: `${attribute} of ${source.node.path}`,
  });
  return value;
}

/** Every deferred value registered under `root` (a cdktf App), in registration order. */
export function deferredValues(root: IConstruct): readonly DeferredValue[] {
  return registries.get(root) ?? [];
}

/** Gives every deferred value its Terraform output (once), so the kubectl route can read it after apply. */
export function addDeferredOutputs(root: IConstruct): void {
  for (const d of deferredValues(root)) {
    if (d.stack.node.tryFindChild(d.outputName)) continue;
    const output = new (cdktfRuntime().TerraformOutput)(d.stack, d.outputName, {
      value: d.token,
      description: `nks-cdk: ${d.description}, used by Kubernetes manifests`,
    });
    output.overrideLogicalId(d.outputName);
  }
}

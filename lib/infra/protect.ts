// `protect`: a resource that must never be replaced or destroyed by a deploy. nks-cdk writes Terraform's own
// guard for it, `lifecycle { prevent_destroy = true }`, set through cdktf's `lifecycle` resource key
// (hashicorp/terraform-cdk `website/docs/cdktf/concepts/resources.mdx`, "Custom Condition Checks";
// cdktf 0.21.0 `lib/terraform-resource.d.ts`, `TerraformResourceLifecycle.preventDestroy`): Terraform then
// refuses any plan that destroys it while it is in the configuration. Synth compares each output with the
// previous one (lib/checks/terraform-diff.ts) and refuses a replacement or destruction of a protected
// resource before Terraform sees it, also when the resource left the program, which prevent_destroy alone
// does not stop.
import type { TerraformResource } from 'cdktf';
import type { Construct } from 'constructs';
import { checkBoolean } from '../model/booleans';
import { InfraStack } from './stack';
import { whereOf } from './util';

/**
 * Whether a construct is protected (its own `protect` prop, else its stack's), and when it is, writes
 * `lifecycle.prevent_destroy = true` on its resource, keeping the lifecycle settings the renderer made.
 */
export function applyProtection(construct: Construct, resource: TerraformResource, protect: boolean | undefined): boolean {
  const on = protect === undefined ? InfraStack.of(construct).protect : checkBoolean(protect, whereOf(construct, 'protect'));
  if (on) resource.lifecycle = { ...resource.lifecycle, preventDestroy: true };
  return on;
}

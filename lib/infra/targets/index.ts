import { fail, Where } from '../../model/errors';
import { formatChoices } from '../../model/choices';
import { NhnCloudRenderer } from './nhncloud';
import { OpenStackRenderer } from './openstack';
import { INFRA_TARGETS, InfraRenderer, InfraTarget, OpenStackRenderContext, RenderContext } from './renderer';

export * from './renderer';
export { NKS_REQUIRED_CLUSTER_LABELS, NKS_REQUIRED_NODE_GROUP_LABELS, NHN_FLAVOR_FAMILIES } from '../../model/nks-rules';
export { NKS_CLUSTER_TEMPLATE_ID } from './nhncloud-kubernetes';

/** The renderer of `target` for one stack: nhncloud from an NHN region, openstack from a cloud profile. */
export function createRenderer(target: 'nhncloud', ctx: RenderContext): InfraRenderer;
export function createRenderer(target: 'openstack', ctx: OpenStackRenderContext): InfraRenderer;
export function createRenderer(target: InfraTarget, ctx: RenderContext | OpenStackRenderContext): InfraRenderer {
  return target === 'nhncloud' ? new NhnCloudRenderer(ctx as RenderContext) : new OpenStackRenderer(ctx as OpenStackRenderContext);
}

/** Returns `target` when it is an {@link InfraTarget}. */
export function checkInfraTarget(target: string, where: Where): InfraTarget {
  if (!(INFRA_TARGETS as readonly string[]).includes(target)) {
    fail(where, target, `the infrastructure target is one of ${formatChoices(INFRA_TARGETS)}`, `use 'nhncloud' (NHN Cloud's own provider) or 'openstack' (Magnum resources, with a cloud profile)`);
  }
  return target as InfraTarget;
}

/**
 * The target named by `$NKS_TARGET`, for programs that synthesize for either cloud from one source
 * (`NKS_TARGET=openstack npm run synth`); undefined when the variable is unset or empty.
 */
export function infraTargetFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): InfraTarget | undefined {
  const value = env.NKS_TARGET;
  return value === undefined || value.trim() === '' ? undefined : checkInfraTarget(value.trim(), { path: 'environment', field: 'NKS_TARGET' });
}

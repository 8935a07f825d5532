// API-server validation of pod templates and pod specs (pkg/apis/core/validation ValidatePodSpec and the
// workload validations around it) that the OpenAPI schema does not express.

import {
  compareQuantities, fieldPath, isWholeQuantity, nameFormatRule, nameProblem, parseQuantity, QUALIFIED_NAME_RULE,
  qualifiedNameProblem, QuantityValue, showValue, IANA_SVC_NAME_RULE, ianaSvcNameProblem,
} from './kubernetes-formats';
import { checkLabelMap, checkObjectMeta, checkPortNumber, checkPortRef, isObj, list, Obj, RuleContext } from './kubernetes-rules';
import { CONTAINER_LISTS, podTemplateLocation } from '../model/pod-templates';

// restartPolicy values each controller accepts. A pod spec without one defaults to Always, which Jobs reject.
const RESTART_POLICIES: Readonly<Record<string, readonly string[]>> = {
  Deployment: ['Always'], ReplicaSet: ['Always'], StatefulSet: ['Always'], DaemonSet: ['Always'], ReplicationController: ['Always'],
  Job: ['OnFailure', 'Never'], CronJob: ['OnFailure', 'Never'],
};

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;

/** Checks the pod template (or Pod) of `obj`, when `kind` has one. */
export function checkPodRules(ctx: RuleContext, obj: Obj, kind: string): void {
  const templatePath = podTemplateLocation(kind)?.template;
  if (!templatePath) return;
  let template: unknown = obj;
  for (const key of templatePath) template = isObj(template) ? template[key] : undefined;
  if (!isObj(template)) return;
  const base = templatePath.join('.');
  // A Pod's own metadata is checked with every object's; a template's has no name to check.
  if (kind !== 'Pod') checkObjectMeta(ctx, template.metadata, fieldPath(base, 'metadata'));
  if (isObj(template.spec)) checkPodSpec(ctx, kind, template.spec, fieldPath(base, 'spec'), claimTemplateNames(obj, kind));
}

/** A StatefulSet's claim template names: its containers mount them without a pod volume of that name. */
function claimTemplateNames(obj: Obj, kind: string): string[] {
  if (kind !== 'StatefulSet' || !isObj(obj.spec)) return [];
  return list(obj.spec.volumeClaimTemplates).flatMap((t) => (isObj(t) && isObj(t.metadata) && typeof t.metadata.name === 'string' ? [t.metadata.name] : []));
}

function checkPodSpec(ctx: RuleContext, kind: string, spec: Obj, path: string, claimTemplates: readonly string[] = []): void {
  const policies = RESTART_POLICIES[kind];
  const policy = spec.restartPolicy ?? 'Always';
  if (policies && typeof policy === 'string' && !policies.includes(policy)) {
    const how = spec.restartPolicy === undefined ? 'is unset, which means "Always"' : `is ${showValue(policy)}`;
    ctx.report('restart-policy', fieldPath(path, 'restartPolicy'), `restartPolicy ${how}; a ${kind} accepts only ${policies.map((p) => `"${p}"`).join(' or ')}`);
  }
  checkLabelMap(ctx, spec.nodeSelector, fieldPath(path, 'nodeSelector'));
  const volumes = new Set<string>();
  list(spec.volumes).forEach((v, i) => {
    if (!isObj(v) || typeof v.name !== 'string') return;
    const at = fieldPath(fieldPath(fieldPath(path, 'volumes'), i), 'name');
    const problem = nameProblem(v.name, 'dns1123-label');
    if (problem) ctx.report('volume-name', at, `${showValue(v.name)} ${problem}; a volume name must be ${nameFormatRule('dns1123-label')}`);
    if (volumes.has(v.name)) ctx.report('volume-name', at, `volume name ${showValue(v.name)} is used twice`);
    volumes.add(v.name);
  });
  // Container names and port names are unique across all of a pod's containers.
  const containerNames = new Map<string, string>();
  const portNames = new Map<string, string>();
  for (const group of CONTAINER_LISTS) {
    list(spec[group]).forEach((c, i) => {
      if (!isObj(c)) return;
      const at = fieldPath(fieldPath(path, group), i);
      checkContainerName(ctx, c, at, containerNames);
      if (group !== 'ephemeralContainers' && (typeof c.image !== 'string' || c.image.trim() === '')) {
        ctx.report('missing-field', fieldPath(at, 'image'), 'a container needs an image (the schema marks it optional for other API users; the API server requires it in pods)');
      }
      checkContainerPorts(ctx, c, at, portNames);
      for (const probe of PROBES) checkHandlerPorts(ctx, c[probe], fieldPath(at, probe));
      if (isObj(c.lifecycle)) for (const hook of ['postStart', 'preStop']) checkHandlerPorts(ctx, c.lifecycle[hook], fieldPath(fieldPath(at, 'lifecycle'), hook));
      for (const field of ['volumeMounts', 'volumeDevices']) {
        list(c[field]).forEach((m, j) => {
          if (isObj(m) && typeof m.name === 'string' && !volumes.has(m.name) && !claimTemplates.includes(m.name)) {
            ctx.report('volume-ref', fieldPath(fieldPath(fieldPath(at, field), j), 'name'), `volume ${showValue(m.name)} is not in ${fieldPath(path, 'volumes')}`);
          }
        });
      }
      if (isObj(c.resources)) checkResources(ctx, c.resources, fieldPath(at, 'resources'));
    });
  }
}

function checkContainerName(ctx: RuleContext, c: Obj, at: string, seen: Map<string, string>): void {
  if (typeof c.name !== 'string') return; // "required" is the schema's
  const nameAt = fieldPath(at, 'name');
  const problem = nameProblem(c.name, 'dns1123-label');
  if (problem) ctx.report('container-name', nameAt, `${showValue(c.name)} ${problem}; a container name must be ${nameFormatRule('dns1123-label')}`);
  const first = seen.get(c.name);
  if (first !== undefined) ctx.report('container-name', nameAt, `container name ${showValue(c.name)} is already used by ${first}`);
  else seen.set(c.name, at);
}

function checkContainerPorts(ctx: RuleContext, c: Obj, at: string, seen: Map<string, string>): void {
  list(c.ports).forEach((p, j) => {
    if (!isObj(p)) return;
    const portAt = fieldPath(fieldPath(at, 'ports'), j);
    checkPortNumber(ctx, p.containerPort, fieldPath(portAt, 'containerPort'));
    if (p.hostPort !== 0) checkPortNumber(ctx, p.hostPort, fieldPath(portAt, 'hostPort')); // 0 means "no host port"
    if (typeof p.name !== 'string') return;
    const nameAt = fieldPath(portAt, 'name');
    const problem = ianaSvcNameProblem(p.name);
    if (problem) ctx.report('port-name', nameAt, `port name ${showValue(p.name)} ${problem}; a container port name must be ${IANA_SVC_NAME_RULE}`);
    const first = seen.get(p.name);
    if (first !== undefined) ctx.report('port-name', nameAt, `port name ${showValue(p.name)} is already used by ${first} (port names are unique in a pod)`);
    else seen.set(p.name, portAt);
  });
}

/** Ports of a probe or lifecycle handler: httpGet/tcpSocket take a number or a port name, grpc a number. */
function checkHandlerPorts(ctx: RuleContext, handler: unknown, at: string): void {
  if (!isObj(handler)) return;
  for (const action of ['httpGet', 'tcpSocket']) {
    const a = handler[action];
    if (isObj(a)) checkPortRef(ctx, a.port, fieldPath(fieldPath(at, action), 'port'));
  }
  if (isObj(handler.grpc)) checkPortNumber(ctx, handler.grpc.port, fieldPath(fieldPath(at, 'grpc'), 'port'));
}

const QUANTITY_FORMS = '(like "500m", "1.5Gi", "2"; suffixes Ki Mi Gi Ti Pi Ei, n u m k M G T P E, or e<exponent>)';

// Resource names a container may use without a domain prefix (pkg/apis/core/helper IsStandardContainerResourceName).
const STANDARD_RESOURCES = /^(cpu|memory|ephemeral-storage|hugepages-.+)$/;

/** An extended resource (`nvidia.com/gpu`): has a domain that is not kubernetes.io. Such resources cannot be overcommitted. */
function isExtendedResource(name: string): boolean {
  return name.includes('/') && !name.includes('kubernetes.io/') && !name.startsWith('requests.');
}

function checkResources(ctx: RuleContext, resources: Obj, at: string): void {
  const parsed: Record<'requests' | 'limits', Map<string, QuantityValue>> = { requests: new Map(), limits: new Map() };
  for (const kind of ['requests', 'limits'] as const) {
    const amounts = resources[kind];
    if (!isObj(amounts)) continue;
    for (const [name, value] of Object.entries(amounts)) {
      const path = fieldPath(fieldPath(at, kind), name);
      if (name.includes('/') ? qualifiedNameProblem(name) : !STANDARD_RESOURCES.test(name)) {
        ctx.report('resource-name', path,
          `${showValue(name)} is not a container resource: use cpu, memory, ephemeral-storage, hugepages-<size> ` +
          `or a domain-prefixed name like nvidia.com/gpu (${QUALIFIED_NAME_RULE})`);
      }
      const q = parseQuantity(value);
      if (!q) {
        if (!ctx.schemaPaths.has(path)) ctx.report('quantity', path, `${showValue(value)} is not a Kubernetes quantity ${QUANTITY_FORMS}`);
        continue;
      }
      if (q.num < 0n) ctx.report('quantity', path, `${showValue(value)} is negative`);
      if (isExtendedResource(name) && !isWholeQuantity(q)) ctx.report('extended-resource', path, `${name} ${showValue(value)} must be a whole number`);
      parsed[kind].set(name, q);
    }
  }
  const requests = isObj(resources.requests) ? resources.requests : {};
  const limits = isObj(resources.limits) ? resources.limits : {};
  for (const [name, request] of parsed.requests) {
    const limit = parsed.limits.get(name);
    const path = fieldPath(fieldPath(at, 'requests'), name);
    const amounts = `request ${showValue(requests[name])}` + (name in limits ? ` and limit ${showValue(limits[name])}` : '');
    if (isExtendedResource(name)) {
      if (!(name in limits)) {
        ctx.report('extended-resource', path, `${name} is requested without a limit; extended resources cannot be overcommitted: set limits.${name} (requests default to it)`);
      } else if (limit && compareQuantities(request, limit) !== 0) {
        ctx.report('extended-resource', path, `${name} ${amounts} differ; extended resources need request = limit`);
      }
    } else if (limit && compareQuantities(request, limit) > 0) {
      ctx.report('resource-requests', path, `${amounts}: the request is more than the limit; a request must be less than or equal to its limit`);
    }
  }
}

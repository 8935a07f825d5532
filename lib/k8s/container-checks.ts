// Checks of a container's probes, resources and security context, run by containerSpec for every nks-cdk
// workload. Each is a rule the API server (or cdk8s-plus, with a raw Error at synth) would otherwise apply
// after the program ran: here it is a ValidationError at the prop.
import { Duration, Size, SizeRoundingBehavior } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { at, fail, Where } from '../model/errors';
import { checkIntegerInRange } from '../model/numbers';

/** Kubernetes stores counts, seconds and user IDs as int32. */
export const INT32_MAX = 2147483647;

/** The probes of a container, by the prop that holds them. */
export interface ContainerProbes {
  readonly readiness?: kplus.Probe;
  readonly liveness?: kplus.Probe;
  readonly startup?: kplus.Probe;
}

// cdk8s-plus renders a probe only against a container (for the default port, `container.portNumber ?? 80`).
// A stand-in without ports yields exactly what the user set, and the valid default 80 otherwise.
const STAND_IN = { portNumber: undefined } as unknown as kplus.Container;

/**
 * Probe rules: `successThreshold` is 1 on liveness and startup probes (the API server refuses others: one
 * success is what ends a liveness failure streak or the startup phase) and ≥ 1 on readiness probes; an
 * explicit HTTP or TCP port is 1–65535; the Durations are whole seconds and the counts and periods are not
 * 0 (see {@link checkProbeTimings}).
 */
export function checkProbes(probes: ContainerProbes, where: Where): void {
  for (const kind of ['readiness', 'liveness', 'startup'] as const) {
    const probe = probes[kind];
    if (probe === undefined) continue;
    const pw = at(where, kind);
    if (!(probe instanceof kplus.Probe)) {
      fail(pw, '(not a probe)', 'a probe is a cdk8s-plus Probe', 'use e.g. kplus.Probe.fromHttpGet("/healthz", { port: 8080 })');
    }
    // Before rendering: cdk8s-plus's rendering throws a raw Error for a Duration that is not whole seconds.
    checkProbeTimings(probeOptionsOf(probe), pw);
    const rendered = probe._toKube(STAND_IN);
    const threshold = rendered.successThreshold;
    if (threshold !== undefined) {
      if (kind !== 'readiness' && threshold !== 1) {
        fail(at(pw, 'successThreshold'), threshold, `a ${kind} probe's successThreshold must be 1 (the API server refuses other values${threshold === 0 ? '; 0 counts as unset and becomes 1' : ''})`, 'remove successThreshold (it defaults to 1); only readiness probes may ask for several successes');
      }
      if (threshold === 0) {
        fail(at(pw, 'successThreshold'), 0, `a probe's successThreshold must be from 1: ${UNSET_ZERO} 1 (SetDefaults_Probe)`, 'use 1 or more, or remove successThreshold for the default 1');
      }
      checkIntegerInRange(threshold, at(pw, 'successThreshold'), { min: 1, max: INT32_MAX }, "a probe's successThreshold");
    }
    const port = rendered.httpGet?.port.value ?? rendered.tcpSocket?.port.value;
    // Command probes have no port; cdk8s-plus writes numbers only (named ports are not in its API).
    if (port !== undefined && typeof port !== 'number') fail(at(pw, 'port'), port, "a probe's port is a number (cdk8s-plus-28 takes no port names)", 'give the container port, e.g. { port: 8080 }, or leave it out for the container\'s first port');
    if (typeof port === 'number') checkIntegerInRange(port, at(pw, 'port'), { min: 1, max: 65535 }, "a probe's port");
  }
}

// A probe's int32 fields use 0 for "not set": the API server's defaulting (SetDefaults_Probe in
// kubernetes/kubernetes pkg/apis/core/v1/defaults.go) replaces a 0 timeoutSeconds with 1, periodSeconds with
// 10, successThreshold with 1 and failureThreshold with 3 before validation (validateProbe in
// pkg/apis/core/validation/validation.go only refuses negatives), so a 0 the program writes is silently
// another value in the cluster. initialDelaySeconds has no default: 0 is 0.
const UNSET_ZERO = 'the API server takes 0 for "not set" and silently replaces it with its default';

/** The Duration fields of a probe, the smallest value that stays what it says, and the API server's default for 0. */
const PROBE_DURATIONS = [
  { field: 'initialDelaySeconds', min: 0 },
  { field: 'periodSeconds', min: 1, default: 10 },
  { field: 'timeoutSeconds', min: 1, default: 1 },
] as const;

/** What a cdk8s-plus Probe keeps of its options (in a private field; cdk8s-plus-28 has no accessor). */
function probeOptionsOf(probe: kplus.Probe): kplus.ProbeOptions {
  return (probe as unknown as { probeOptions?: kplus.ProbeOptions }).probeOptions ?? {};
}

/**
 * A probe's timings as the API stores them (int32 fields of whole seconds, Probe in pkg/apis/core/types.go):
 * each Duration is a whole number of seconds (cdk8s-plus would throw "cannot be converted into a whole
 * number of seconds" at synth; Duration.millis(500) cannot be written), at most int32; periodSeconds,
 * timeoutSeconds and failureThreshold are not 0, which the API server would replace with its default.
 */
export function checkProbeTimings(options: kplus.ProbeOptions, where: Where): void {
  for (const spec of PROBE_DURATIONS) {
    const duration: unknown = options[spec.field];
    if (duration === undefined) continue;
    const fw = at(where, spec.field);
    if (typeof (duration as Duration | null)?.toSeconds !== 'function') {
      fail(fw, typeof duration === 'number' ? duration : '(not a Duration)', `a probe's ${spec.field} is a cdk8s Duration`, `use e.g. Duration.seconds(${Math.max(spec.min, 1)})`);
    }
    const d = duration as Duration;
    const seconds = d.toSeconds({ integral: false });
    const shown = d.toHumanString();
    if (!Number.isInteger(seconds)) {
      const whole = Math.max(spec.min, 1, Math.round(seconds));
      fail(fw, shown, `a probe's ${spec.field} is a whole number of seconds (the API field is an integer); ${shown} is ${seconds} s`, `use Duration.seconds(${whole})`);
    }
    if (seconds === 0 && 'default' in spec) {
      fail(fw, shown, `a probe's ${spec.field} must be at least 1 s: ${UNSET_ZERO} ${spec.default} s`, `use Duration.seconds(1) or more, or remove ${spec.field} for the default ${spec.default} s`);
    }
    if (seconds > INT32_MAX) fail(fw, shown, `a probe's ${spec.field} is at most ${INT32_MAX} s (an int32 field)`, 'use a shorter Duration');
  }
  const failures: unknown = options.failureThreshold;
  if (failures === 0) {
    fail(at(where, 'failureThreshold'), 0, `a probe's failureThreshold must be from 1: ${UNSET_ZERO} 3`, 'use 1 or more, or remove failureThreshold for the default 3');
  }
  if (failures !== undefined) checkIntegerInRange(failures as number, at(where, 'failureThreshold'), { min: 1, max: INT32_MAX }, "a probe's failureThreshold");
}

/** Container security context rules: user and group IDs are int32 values from 0 (the kubelet refuses others). */
export function checkSecurityContext(context: kplus.ContainerSecurityContextProps | undefined, where: Where): void {
  if (context?.user !== undefined) checkIntegerInRange(context.user, at(where, 'user'), { min: 0, max: INT32_MAX }, 'a user ID (runAsUser)');
  if (context?.group !== undefined) checkIntegerInRange(context.group, at(where, 'group'), { min: 0, max: INT32_MAX }, 'a group ID (runAsGroup)');
}

// A CPU amount as cdk8s-plus writes it: `Cpu.units(0.5)` → "0.5", `Cpu.millis(500)` → "500m".
const CPU_AMOUNT = /^(\d+(?:\.\d+)?)(m?)$/;

/**
 * Resource rules the API server applies: amounts are not negative, and a request is at most its limit
 * (a pod asking for more than it may use is refused). cdk8s-plus writes memory in whole MiB and ephemeral
 * storage in whole GiB and throws a raw Error at synth for other sizes; that is checked here too.
 */
export function checkResources(resources: kplus.ContainerResources | undefined, where: Where): void {
  if (resources?.cpu) {
    const cw = at(where, 'cpu');
    const request = resources.cpu.request === undefined ? undefined : cpuMillis(resources.cpu.request, cw);
    const limit = resources.cpu.limit === undefined ? undefined : cpuMillis(resources.cpu.limit, cw);
    checkRequestWithinLimit(request, limit, resources.cpu.request?.amount, resources.cpu.limit?.amount, cw, 'CPU');
  }
  checkSizes(resources?.memory, at(where, 'memory'), 'memory', 'MiB', (s, o) => s.toMebibytes(o));
  checkSizes(resources?.ephemeralStorage, at(where, 'ephemeralStorage'), 'ephemeral storage', 'GiB', (s, o) => s.toGibibytes(o));
}

function cpuMillis(cpu: kplus.Cpu, where: Where): number {
  const match = typeof cpu?.amount === 'string' ? CPU_AMOUNT.exec(cpu.amount) : null;
  if (!match) {
    fail(where, cpu?.amount, 'a CPU amount is a number of cores or millicores, not negative', 'use e.g. kplus.Cpu.millis(250) or kplus.Cpu.units(1)');
  }
  return Number(match[1]) * (match[2] ? 1 : 1000);
}

type SizeIn = (size: Size, options: { rounding: SizeRoundingBehavior }) => number;

function checkSizes(range: { request?: Size; limit?: Size } | undefined, where: Where, what: string, unit: string, inUnit: SizeIn): void {
  if (!range) return;
  const amount = (size: Size | undefined): number | undefined => {
    if (size === undefined) return undefined;
    const exact = inUnit(size, { rounding: SizeRoundingBehavior.NONE });
    if (!Number.isInteger(exact)) {
      fail(where, `${exact} ${unit}`, `cdk8s-plus writes ${what} in whole ${unit}`, `use a whole number of ${unit}, e.g. ${Math.max(1, Math.round(exact))} ${unit}`);
    }
    return exact;
  };
  const request = amount(range.request);
  const limit = amount(range.limit);
  checkRequestWithinLimit(request, limit, request === undefined ? undefined : `${request} ${unit}`, limit === undefined ? undefined : `${limit} ${unit}`, where, what);
}

function checkRequestWithinLimit(request: number | undefined, limit: number | undefined, requestText: unknown, limitText: unknown, where: Where, what: string): void {
  if (request !== undefined && limit !== undefined && request > limit) {
    fail(where, { request: requestText, limit: limitText }, `a ${what} request must not exceed its limit (the API server refuses the pod)`, `lower the request to at most ${String(limitText)}, or raise the limit`);
  }
}

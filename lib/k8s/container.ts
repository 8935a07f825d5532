import * as kplus from 'cdk8s-plus-28';
import { checkChoice } from '../model/choices';
import { at, fail, Where } from '../model/errors';
import { checkDnsLabel } from '../model/names';
import { checkIntegerInRange } from '../model/numbers';
import { checkProbes, checkResources, checkSecurityContext, INT32_MAX } from './container-checks';

export { INT32_MAX } from './container-checks';

/** A container port with a name or a protocol; a plain number means TCP without a name. */
export interface ContainerPortSpec {
  /** Port number, 1–65535. */
  readonly number: number;
  /**
   * Port name (an IANA service name: at most 15 lowercase letters, digits and `-`, with at least one letter).
   * Services can target it by name.
   * @default - no name
   */
  readonly name?: string;
  /**
   * Protocol.
   * @default kplus.Protocol.TCP
   */
  readonly protocol?: kplus.Protocol;
}

/** A container port: a number (TCP, unnamed) or a full spec. */
export type ContainerPortInput = number | ContainerPortSpec;

/** An environment variable's value: a literal, or a cdk8s-plus reference (`EnvValue.fromConfigMap`, `EnvValue.fromSecretValue`, ...). */
export type EnvInput = string | kplus.EnvValue;

/**
 * The one container of an nks-cdk workload (WebApp, GpuPod, StaticPod, ...). The defaults differ from
 * cdk8s-plus-28's on purpose, so that images written for plain Kubernetes (the guide's `nginx:1.14.2`,
 * NVIDIA's GPU images) run unchanged:
 * - no forced non-root user and a writable root filesystem (opt back in with `hardened: true`);
 * - no cpu/memory requests or limits unless you set `resources`;
 * - no automatic TCP startup probe on the first port;
 * - Kubernetes' own image pull policy rule instead of `Always`.
 */
export interface ContainerOptions {
  /** Image reference, e.g. `nginx:1.14.2` or `{registry}/nginx:1.14.2`. */
  readonly image: string;
  /**
   * Container name (a DNS label).
   * @default the image's last path component without tag, e.g. `nginx` for `nginx:1.14.2`
   */
  readonly containerName?: string;
  /**
   * Entrypoint (replaces the image's ENTRYPOINT).
   * @default - the image's entrypoint
   */
  readonly command?: string[];
  /**
   * Arguments to the entrypoint (replace the image's CMD).
   * @default - the image's CMD
   */
  readonly args?: string[];
  /**
   * Ports the container listens on (`containerPort`). Listing a port does not publish it; a Service does.
   * @default - no ports
   */
  readonly ports?: ContainerPortInput[];
  /**
   * Environment variables: literals, or references to a ConfigMap/Secret key
   * (`kplus.EnvValue.fromConfigMap(cm, 'key')`, `kplus.EnvValue.fromSecretValue({ secret, key })`).
   * Names follow the rule every Kubernetes version accepts: `[-._a-zA-Z][-._a-zA-Z0-9]*`.
   * @default - none
   */
  readonly env?: Record<string, EnvInput>;
  /**
   * Whole ConfigMaps or Secrets as environment variables (`kplus.Env.fromConfigMap(cm)`, `kplus.Env.fromSecret(s)`).
   * @default - none
   */
  readonly envFrom?: kplus.EnvFrom[];
  /**
   * CPU, memory and ephemeral-storage requests/limits. cdk8s-plus would default to 1 CPU / 512 MiB requested
   * and 1.5 CPU / 2 GiB limits per container; nks-cdk sets none unless asked, as the guide's manifests do,
   * because a silent 1-CPU request per replica exhausts small NKS nodes (m2.c2m4) and a 2 GiB limit kills
   * GPU training images. GPUs are set with the GPU constructs (`gpus`), not here.
   * @default - no requests or limits
   */
  readonly resources?: kplus.ContainerResources;
  /**
   * Readiness probe (gates Service traffic and rolling updates).
   * @default - none
   */
  readonly readiness?: kplus.Probe;
  /**
   * Liveness probe (restarts a hung container).
   * @default - none
   */
  readonly liveness?: kplus.Probe;
  /**
   * Startup probe. cdk8s-plus adds a TCP startup probe on the first port by default; nks-cdk does not,
   * because an image that needs longer than its 30 s to open the port (large GPU images) would be killed in
   * a loop.
   * @default - none
   */
  readonly startup?: kplus.Probe;
  /**
   * When the kubelet pulls the image.
   * @default Kubernetes' rule: `Always` for `:latest` or untagged images, else `IfNotPresent`
   */
  readonly imagePullPolicy?: kplus.ImagePullPolicy;
  /**
   * Start from cdk8s-plus's hardened container defaults: run as non-root with a read-only root filesystem.
   * Off by default because it breaks the guide's images: `nginx:1.14.2` starts as root and writes
   * `/var/cache/nginx` and its pid file; NVIDIA's TensorFlow images run `mpiexec --allow-run-as-root` and
   * write to `/tmp`. Privilege escalation stays off and the container unprivileged either way.
   * @default false
   */
  readonly hardened?: boolean;
  /**
   * Fine-grained container security settings, applied on top of the `hardened` choice.
   * @default - from `hardened`
   */
  readonly securityContext?: kplus.ContainerSecurityContextProps;
  /**
   * Working directory.
   * @default - the image's WORKDIR
   */
  readonly workingDir?: string;
}

/** What {@link containerSpec} hands to cdk8s-plus: the container and the pod-level security context that goes with it. */
export interface ContainerSpec {
  /** Props for `kplus.Container` / `workload.addContainer()`. */
  readonly container: kplus.ContainerProps;
  /** Pod-level security context: non-root at pod level only when `hardened`. */
  readonly podSecurityContext: kplus.PodSecurityContextProps;
}

// Every Kubernetes version accepts these env var names; 1.32+ relaxes the rule, but NKS still runs 1.31.
const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
// Docker distribution's reference grammar (github.com/distribution/reference), without the "localhost" special case.
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*(?::[0-9]+)?`;
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const IMAGE_REF = new RegExp(
  `^(?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*(?::([\\w][\\w.-]{0,127}))?(@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9A-Fa-f]{32,})?$`,
);
const IANA_SVC_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

/** Validates an image reference (the docker reference grammar); returns it. */
export function checkImageRef(image: string, where: Where): string {
  if (typeof image !== 'string' || !IMAGE_REF.test(image)) {
    fail(
      where,
      image,
      'an image reference is [registry[:port]/]repository[:tag][@digest] with a lowercase repository and no spaces',
      'use e.g. "nginx:1.14.2" or "<registry address>/nginx:1.14.2" (replace the guide\'s {placeholders})',
    );
  }
  return image;
}

/** Validates a port number (integer 1–65535); returns it. */
export function checkPortNumber(port: number, where: Where): number {
  return checkIntegerInRange(port, where, { min: 1, max: 65535 }, 'a port');
}

/** Validates an environment variable name; returns it. */
export function checkEnvVarName(name: string, where: Where): string {
  if (!ENV_NAME.test(name)) {
    fail(where, name, 'an environment variable name is letters, digits, "_", "-" and "." and does not start with a digit', 'rename it, e.g. "DB_HOST"');
  }
  return name;
}

/**
 * Validates an env value that is not a string literal: a cdk8s-plus EnvValue. A number or boolean (from
 * JavaScript or JSON, past the types) would reach cdk8s-plus as if it were an EnvValue, which renders its
 * missing `value` as nothing: the variable would be set to "" in the pod. EnvVar.value is a string in the
 * API (EnvVar in pkg/apis/core/types.go). The value itself is not echoed (env values are often secrets).
 */
export function checkEnvValue(value: unknown, where: Where): kplus.EnvValue {
  if (value instanceof kplus.EnvValue) return value;
  const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'an object' : `a ${typeof value}`;
  return fail(
    where,
    `(${kind})`,
    `an environment variable's value is a string (or a kplus.EnvValue); this one is ${kind}, which cdk8s-plus drops, leaving the variable empty in the pod`,
    typeof value === 'number' || typeof value === 'boolean' ? 'quote it (e.g. "8080" or "true"), or use String(...)' : 'give a string, or a reference such as kplus.EnvValue.fromConfigMap(cm, "key")',
  );
}

/** Validates a whole number ≥ 0 (replicas, history limits, seconds); returns it. `what` names it in the message. */
export function checkWholeNumber(value: number, where: Where, what: string): number {
  return checkIntegerInRange(value, where, { min: 0, max: INT32_MAX }, what);
}

/** Validates a container port name (an IANA service name), also the form of a named Service targetPort. */
export function checkPortName(name: string, where: Where): string {
  if (name.length > 15 || !IANA_SVC_NAME.test(name) || name.includes('--') || !/[a-z]/.test(name)) {
    fail(where, name, 'a port name is at most 15 lowercase letters, digits and "-", with a letter, not starting or ending with "-" and without "--"', 'use e.g. "http" or "web"');
  }
  return name;
}

/** The image's last path component without tag or digest, usable as a container name. */
export function defaultContainerName(image: string): string {
  const repository = image.split('@')[0].replace(/:[^/]*$/, '');
  const last = repository.split('/').pop() ?? '';
  const name = last.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 63).replace(/-+$/, '');
  return name || 'main';
}

/** Kubernetes' default pull policy: Always for `:latest` or untagged images, else IfNotPresent. */
export function defaultPullPolicy(image: string): kplus.ImagePullPolicy {
  if (image.includes('@')) return kplus.ImagePullPolicy.IF_NOT_PRESENT;
  const tag = IMAGE_REF.exec(image)?.[1];
  return tag === undefined || tag === 'latest' ? kplus.ImagePullPolicy.ALWAYS : kplus.ImagePullPolicy.IF_NOT_PRESENT;
}

/**
 * Validates {@link ContainerOptions} and turns them into cdk8s-plus container props with nks-cdk's defaults.
 * Every construct with a container goes through here, so the defaults and rules are the same everywhere.
 */
export function containerSpec(options: ContainerOptions, where: Where): ContainerSpec {
  const image = checkImageRef(options.image, at(where, 'image'));
  const name = checkDnsLabel(options.containerName ?? defaultContainerName(image), at(where, 'containerName'));
  const ports = (options.ports ?? []).map((p, i) => portOf(p, at(where, `ports[${i}]`)));
  const seen = new Set<string>();
  ports.forEach((p, i) => {
    const key = `${p.number}/${p.protocol ?? kplus.Protocol.TCP}`;
    if (seen.has(key)) fail(at(where, `ports[${i}]`), p.number, 'each port number and protocol appears once per container', 'remove the duplicate');
    seen.add(key);
  });
  const names = ports.map((p) => p.name).filter((n): n is string => n !== undefined);
  if (new Set(names).size !== names.length) {
    fail(at(where, 'ports'), names, 'port names are unique per container', 'give each port its own name');
  }
  const envVariables: Record<string, kplus.EnvValue> = {};
  for (const [key, value] of Object.entries(options.env ?? {})) {
    checkEnvVarName(key, at(where, `env.${key}`));
    envVariables[key] = typeof value === 'string' ? kplus.EnvValue.fromValue(value) : checkEnvValue(value, at(where, `env.${key}`));
  }
  checkResources(options.resources, at(where, 'resources'));
  checkProbes(options, where);
  checkSecurityContext(options.securityContext, at(where, 'securityContext'));
  const hardened = options.hardened ?? false;
  return {
    container: {
      name,
      image,
      command: options.command,
      args: options.args,
      workingDir: options.workingDir,
      // `ports` (not `portNumber`) so cdk8s-plus adds no automatic startup probe.
      ports,
      envVariables,
      envFrom: options.envFrom,
      // `{}` (not undefined) so cdk8s-plus adds no default cpu/memory requests and limits.
      resources: options.resources ?? {},
      readiness: options.readiness,
      liveness: options.liveness,
      startup: options.startup,
      // The API's pull policies (PullPolicy in pkg/apis/core/types.go), as cdk8s-plus-28 lists them.
      imagePullPolicy: options.imagePullPolicy === undefined ? defaultPullPolicy(image) : checkChoice(options.imagePullPolicy, Object.values(kplus.ImagePullPolicy), at(where, 'imagePullPolicy'), 'an image pull policy'),
      securityContext: {
        ...(hardened ? {} : { ensureNonRoot: false, readOnlyRootFilesystem: false }),
        ...options.securityContext,
      },
    },
    podSecurityContext: { ensureNonRoot: hardened },
  };
}

function portOf(input: ContainerPortInput, where: Where): kplus.ContainerPort {
  const spec = typeof input === 'number' ? { number: input } : input;
  checkPortNumber(spec.number, typeof input === 'number' ? where : at(where, 'number'));
  if (spec.name !== undefined) checkPortName(spec.name, at(where, 'name'));
  return { number: spec.number, name: spec.name, protocol: spec.protocol };
}

/** True when an env value reads another API object (ConfigMap or Secret), which static pods cannot. */
export function readsApiObject(value: EnvInput): boolean {
  // Anything but an EnvValue reads nothing (a wrong type is refused by containerSpec).
  if (!(value instanceof kplus.EnvValue)) return false;
  const from = value.valueFrom as { configMapKeyRef?: unknown; secretKeyRef?: unknown } | undefined;
  return Boolean(from?.configMapKeyRef || from?.secretKeyRef);
}

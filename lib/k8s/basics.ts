// Thin typed wrappers where cdk8s-plus-28 already does the job: they add name/key validation (so bad input
// is a ValidationError with a path, not a rejected `kubectl apply`) and fill its gaps (ServiceAccount
// imagePullSecrets). Plus StaticPod, a Pod manifest for the kubelet's static pod directory.
import { ApiObject, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { warn } from '../warnings';
import { at, fail, Where } from '../model/errors';
import { whereOf } from '../where';
import { ContainerOptions, containerSpec, readsApiObject } from './container';
import { objectMeta } from './metadata';
import { addServiceAccountPullSecrets, imagePullSecretNames, IPullSecret } from './pod-spec';
import { trackObjects } from './unique-objects';
import { recordsProblems } from '../problems';

/** Where a construct about to be created will live (for errors raised before `super()` returns). */
function whereNew(scope: Construct, id: string, field = ''): Where {
  return { path: scope.node.path ? `${scope.node.path}/${id}` : id, field };
}

/** Properties of a {@link Namespace}. */
export interface NamespaceProps {
  /**
   * Namespace name (a DNS label: lowercase letters, digits and `-`, at most 63 characters).
   * @default - a name cdk8s generates from the construct path
   */
  readonly name?: string;
  /**
   * Labels.
   * @default - none
   */
  readonly labels?: Record<string, string>;
}

/** A Namespace (cdk8s-plus's, with its name checked as a DNS label). */
@recordsProblems
export class Namespace extends kplus.Namespace {
  /** Creates a Namespace. */
  constructor(scope: Construct, id: string, props: NamespaceProps = {}) {
    super(scope, id, { metadata: objectMeta(props, whereNew(scope, id), 'label') });
    trackObjects(this);
  }
}

/** Properties of a {@link ConfigMap}. */
export interface ConfigMapProps {
  /**
   * ConfigMap name (a DNS subdomain).
   * @default - a name cdk8s generates from the construct path
   */
  readonly name?: string;
  /**
   * Namespace.
   * @default - the chart's namespace
   */
  readonly namespace?: string;
  /**
   * Entries; keys are letters, digits, `-`, `_` and `.` (they become file names when mounted).
   * @default - none
   */
  readonly data?: Record<string, string>;
  /**
   * Make the ConfigMap immutable (changes then need a new name).
   * @default false
   */
  readonly immutable?: boolean;
}

// IsConfigMapKey in kubernetes/apimachinery pkg/util/validation/validation.go: at most 253 characters
// (DNS1123SubdomainMaxLength) of `[-._a-zA-Z0-9]+`, and (hasChDirPrefix) not ".", not "..", not starting
// with "..": the kubelet writes the keys as files next to its own "..data" link when it mounts them.
const CONFIG_MAP_KEY = /^[-._a-zA-Z0-9]+$/;

/**
 * What a ConfigMap may hold: data and binaryData together at most 1 MiB. ValidateConfigMap in kubernetes/kubernetes
 * pkg/apis/core/validation/validation.go sums len(value) of both (binaryData decoded) and refuses a total
 * over core.MaxSecretSize (`1 * 1024 * 1024`, pkg/apis/core/types.go).
 */
export const CONFIG_MAP_MAX_BYTES = 1024 * 1024;

// Standard base64 (what binaryData holds as JSON): the API server cannot decode anything else into bytes.
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** A ConfigMap (cdk8s-plus's, with name, keys, values and total size checked). Use `kplus.EnvValue.fromConfigMap(cm, key)` or `kplus.Env.fromConfigMap(cm)` in a workload's env. */
@recordsProblems
export class ConfigMap extends kplus.ConfigMap {
  /** Creates a ConfigMap. */
  constructor(scope: Construct, id: string, props: ConfigMapProps = {}) {
    super(scope, id, {
      metadata: objectMeta({ name: props.name, namespace: props.namespace }, whereNew(scope, id)),
      data: props.data,
      immutable: props.immutable,
    });
    trackObjects(this);
    // At synth: entries can be added after construction (addData, addFile, addDirectory).
    this.node.addValidation({ validate: () => this.checkSize() });
  }

  /** Adds an entry; the key and the value are validated. */
  public override addData(key: string, value: string): void {
    const where = whereOf(this, `data.${key}`);
    checkConfigMapKey(key, where);
    this.checkKeyFree(key, where);
    if (typeof value !== 'string') {
      // JavaScript and JSON callers can pass numbers or booleans, which the API server refuses (data values are strings).
      fail(where, `(${value === null ? 'null' : typeof value})`, 'a ConfigMap data value is a string', typeof value === 'number' || typeof value === 'boolean' ? `quote it: "${String(value)}"` : 'give the value as a string');
    }
    super.addData(key, value);
  }

  /** Adds a binary entry (base64); the key and the encoding are validated. */
  public override addBinaryData(key: string, value: string): void {
    const where = whereOf(this, `binaryData.${key}`);
    checkConfigMapKey(key, where);
    this.checkKeyFree(key, where);
    if (typeof value !== 'string' || !BASE64.test(value)) {
      fail(where, typeof value === 'string' ? `${value.length} characters` : `(${typeof value})`, 'a binaryData value is standard base64 (the API server decodes it into bytes)', "encode the bytes, e.g. fs.readFileSync(file).toString('base64')");
    }
    super.addBinaryData(key, value);
  }

  /** A key is one entry of data or binaryData (the API server refuses a key in both; cdk8s-plus would throw a raw Error). */
  private checkKeyFree(key: string, where: Where): void {
    const inData = Object.prototype.hasOwnProperty.call(this.data, key);
    if (inData || Object.prototype.hasOwnProperty.call(this.binaryData, key)) {
      fail(where, key, `the ConfigMap already has an entry "${key}" in ${inData ? 'data' : 'binaryData'}; each key is used once across data and binaryData`, 'rename one of the entries, or add it once');
    }
  }

  private checkSize(): string[] {
    const entries = [
      ...Object.entries(this.data).map(([key, value]) => ({ field: 'data', key, bytes: Buffer.byteLength(value, 'utf8') })),
      ...Object.entries(this.binaryData).map(([key, value]) => ({ field: 'binaryData', key, bytes: Buffer.from(value, 'base64').length })),
    ];
    const total = entries.reduce((sum, e) => sum + e.bytes, 0);
    if (total <= CONFIG_MAP_MAX_BYTES) return [];
    const largest = entries.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    return fail(
      whereOf(this, largest.field),
      `${total} bytes`,
      `a ConfigMap holds at most ${CONFIG_MAP_MAX_BYTES} bytes (1 MiB) of data and binaryData together, and this one holds ${total} (the largest entry is ${largest.field}."${largest.key}", ${largest.bytes} bytes); the API server refuses it`,
      'split the entries over several ConfigMaps, or ship large files in the image or on a volume (a PersistentVolumeClaim)',
    );
  }
}

/** Validates a ConfigMap key (the API server's IsConfigMapKey): letters, digits, `-`, `_` and `.`, not `.` or `..` nor starting with `..`, at most 253. */
export function checkConfigMapKey(key: string, where: Where): void {
  if (typeof key !== 'string' || key.length > 253 || !CONFIG_MAP_KEY.test(key) || key.startsWith('..') || key === '.') {
    fail(where, key, 'a ConfigMap key is at most 253 letters, digits, "-", "_" and "." (not "." or "..", and not starting with "..")', 'rename the key, e.g. "nginx.conf"');
  }
}

/** Properties of a {@link ServiceAccount}. */
export interface ServiceAccountProps {
  /**
   * ServiceAccount name (a DNS subdomain).
   * @default - a name cdk8s generates from the construct path
   */
  readonly name?: string;
  /**
   * Namespace.
   * @default - the chart's namespace
   */
  readonly namespace?: string;
  /**
   * Image pull secrets every pod using this account gets, several allowed (cdk8s-plus-28 has no such prop).
   * @default - none
   */
  readonly imagePullSecrets?: IPullSecret[];
  /**
   * Mount API tokens into pods using this account by default.
   * @default false
   */
  readonly automountToken?: boolean;
}

/**
 * A ServiceAccount with image pull secrets: pods that run as it pull private images (NHN Container
 * Registry) without listing the secret themselves.
 */
@recordsProblems
export class ServiceAccount extends kplus.ServiceAccount {
  /** Creates a ServiceAccount. */
  constructor(scope: Construct, id: string, props: ServiceAccountProps = {}) {
    super(scope, id, {
      metadata: objectMeta({ name: props.name, namespace: props.namespace }, whereNew(scope, id)),
      automountToken: props.automountToken,
    });
    trackObjects(this);
    if (props.imagePullSecrets?.length) this.addImagePullSecrets(...props.imagePullSecrets);
  }

  /** Adds image pull secrets. */
  @recordsProblems
  public addImagePullSecrets(...secrets: IPullSecret[]): void {
    addServiceAccountPullSecrets(this, secrets, whereOf(this, 'imagePullSecrets'));
  }

  /** Names of the image pull secrets, in order. */
  public get imagePullSecretNames(): readonly string[] {
    return imagePullSecretNames(this);
  }
}

/** Properties of a {@link StaticPod}. */
export interface StaticPodProps extends ContainerOptions {
  /**
   * Pod name (a DNS subdomain), e.g. the guide's `static-web`. When the kubelet is joined to a cluster, the
   * API server shows it as a mirror pod named `<name>-<node name>`.
   */
  readonly name: string;
  /**
   * Namespace.
   * @default - not written; the kubelet uses `default`
   */
  readonly namespace?: string;
  /**
   * Pod labels.
   * @default - none besides cdk8s-plus's address label
   */
  readonly labels?: Record<string, string>;
  /**
   * Use the node's network namespace (control-plane static pods do).
   * @default false
   */
  readonly hostNetwork?: boolean;
}

/**
 * A Pod for the kubelet's static pod directory (seed 003, "running the kubelet in standalone mode"): the
 * kubelet reads every manifest in `staticPodPath` of its KubeletConfiguration — `/etc/kubernetes/manifests`
 * in the guide — and runs the pods itself, without an API server or scheduler. Copy the synthesized file
 * (`dist/<chart>.k8s.yaml`) there as `<name>.yaml`; removing the file stops the pod.
 *
 * The kubelet reads one Pod per file, so give the StaticPod its own Chart (synth warns otherwise). A static
 * pod cannot use other API objects — ServiceAccounts, ConfigMaps, Secrets (so no env from them and no image
 * pull secrets) — because standalone kubelets have no API server to read them from, and a joined cluster
 * rejects such mirror pods; these are ValidationErrors here.
 */
@recordsProblems
export class StaticPod extends Construct {
  /** The kubelet's static pod directory in the guide's KubeletConfiguration (`staticPodPath`). */
  public static readonly MANIFEST_DIR = '/etc/kubernetes/manifests';

  /** The cdk8s-plus Pod. */
  public readonly pod: kplus.Pod;
  /** The Pod's name. */
  public readonly name: string;
  /** Where to copy the manifest on the node: `/etc/kubernetes/manifests/<name>.yaml`. */
  public readonly manifestPath: string;

  /** Creates a static Pod manifest. */
  constructor(scope: Construct, id: string, props: StaticPodProps) {
    super(scope, id);
    const where = whereOf(this, '');
    if (props.name === undefined) {
      // Required by the types, but JavaScript callers can leave it out; a generated name would not be the file name the kubelet shows.
      fail(at(where, 'name'), undefined, 'a static pod needs a name: the kubelet names the pod (and the mirror pod <name>-<node>) after it, and the manifest file is <name>.yaml', 'give e.g. name: "static-web"');
    }
    if (props.envFrom?.length) {
      fail(at(where, 'envFrom'), `${props.envFrom.length} source(s)`, 'a static pod cannot read ConfigMaps or Secrets (the kubelet runs it without the API server)', 'pass the values as literal env entries');
    }
    for (const [key, value] of Object.entries(props.env ?? {})) {
      if (readsApiObject(value)) {
        fail(at(where, `env.${key}`), key, 'a static pod cannot read ConfigMaps or Secrets (the kubelet runs it without the API server)', 'use a literal value');
      }
    }
    const spec = containerSpec(props, where);
    const metadata = objectMeta({ name: props.name, namespace: props.namespace, labels: props.labels }, where);
    this.pod = new kplus.Pod(this, 'Resource', {
      metadata,
      containers: [spec.container],
      securityContext: spec.podSecurityContext,
      hostNetwork: props.hostNetwork,
    });
    this.name = this.pod.name;
    this.manifestPath = `${StaticPod.MANIFEST_DIR}/${this.name}.yaml`;
    trackObjects(this);
    this.node.addValidation({
      validate: () => {
        const others = Chart.of(this).node.findAll().filter((c) => ApiObject.isApiObject(c) && c !== ApiObject.of(this.pod));
        if (others.length) {
          warn(this, 'nks-cdk:staticPodChartShared', `The chart holding static pod "${this.name}" has ${others.length} other object(s); the kubelet reads one Pod per manifest file. Put the StaticPod in a Chart of its own and copy that file to ${this.manifestPath}.`);
        }
        return [];
      },
    });
  }
}

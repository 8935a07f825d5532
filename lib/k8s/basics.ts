// Thin typed wrappers where cdk8s-plus-28 already does the job: they add name/key validation (so bad input
// is a ValidationError with a path, not a rejected `kubectl apply`) and fill its gaps (ServiceAccount
// imagePullSecrets). Plus StaticPod, a Pod manifest for the kubelet's static pod directory.
import { ApiObject, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { warn } from '../annotations';
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

const CONFIG_MAP_KEY = /^[-._a-zA-Z0-9]+$/;

/** A ConfigMap (cdk8s-plus's, with name and keys checked). Use `kplus.EnvValue.fromConfigMap(cm, key)` or `kplus.Env.fromConfigMap(cm)` in a workload's env. */
@recordsProblems
export class ConfigMap extends kplus.ConfigMap {
  constructor(scope: Construct, id: string, props: ConfigMapProps = {}) {
    super(scope, id, {
      metadata: objectMeta({ name: props.name, namespace: props.namespace }, whereNew(scope, id)),
      data: props.data,
      immutable: props.immutable,
    });
    trackObjects(this);
  }

  /** Adds an entry; the key is validated. */
  public override addData(key: string, value: string): void {
    checkConfigMapKey(key, whereOf(this, `data.${key}`));
    super.addData(key, value);
  }

  /** Adds a binary entry; the key is validated. */
  public override addBinaryData(key: string, value: string): void {
    checkConfigMapKey(key, whereOf(this, `binaryData.${key}`));
    super.addBinaryData(key, value);
  }
}

/** Validates a ConfigMap key (letters, digits, `-`, `_` and `.`, not `.` or `..`, at most 253), the rule for every ConfigMap nks-cdk writes. */
export function checkConfigMapKey(key: string, where: Where): void {
  if (key.length > 253 || !CONFIG_MAP_KEY.test(key) || key === '.' || key === '..') {
    fail(where, key, 'a ConfigMap key is at most 253 letters, digits, "-", "_" and "." (not "." or "..")', 'rename the key, e.g. "nginx.conf"');
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
          warn(this, `The chart holding static pod "${this.name}" has ${others.length} other object(s); the kubelet reads one Pod per manifest file. Put the StaticPod in a Chart of its own and copy that file to ${this.manifestPath}.`);
        }
        return [];
      },
    });
  }
}

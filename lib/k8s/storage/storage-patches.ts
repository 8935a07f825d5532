// Gap-fillers for cdk8s-plus-28's storage: what its Volume and StatefulSet classes cannot express (volume
// sources without a factory — generic ephemeral volumes, exact emptyDir size limits, claims by name — and a
// StatefulSet's volumeClaimTemplates and claim retention policy). Like ../pod-spec.ts for pods, every storage
// gap nks-cdk fills on a cdk8s-plus object is filled here and nowhere else.
//
// No JSON patches: a patch is applied before the L1 serializer re-maps the object (quantities would be
// dropped) and its array indices go stale when mounts are added later. Both helpers below hand cdk8s-plus
// complete, typed L1 values at synth time instead. They rely on cdk8s-plus-28 internals (the Volume
// constructor and StatefulSet._toKube), which are frozen: 2.5.6 is the last release of that line.
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';

/** A pod volume's source: every field of a Kubernetes `Volume` except its name. */
export type VolumeSource = Omit<kplus.k8s.Volume, 'name'>;

type VolumeConstructor = new (scope: Construct, id: string, name: string, source: VolumeSource) => kplus.Volume;

/**
 * A cdk8s-plus Volume with any source, mountable like the ones its factories make (`container.mount`,
 * `webApp.mount`). Quantities in `source` must be `kplus.k8s.Quantity` values: the L1 serializer keeps only
 * their `.value`. cdk8s-plus renders `{ name, ...source }`; its constructor is private only to TypeScript.
 */
export function volumeFromSource(scope: Construct, id: string, name: string, source: VolumeSource): kplus.Volume {
  return new (kplus.Volume as unknown as VolumeConstructor)(scope, id, name, source);
}

/** A claim template mounted into a container of a {@link StatefulSetWithClaimTemplates}. */
export interface ClaimTemplateMount {
  /** The claim template's name (also the volume name the container mounts). */
  readonly template: string;
  /** The container that mounts it. */
  readonly container: kplus.Container;
  /** Where in the container. */
  readonly mountPath: string;
  /**
   * Mount read-only.
   * @default false
   */
  readonly readOnly?: boolean;
  /**
   * Mount this sub-directory of the volume.
   * @default - the volume's root
   */
  readonly subPath?: string;
}

/**
 * A cdk8s-plus StatefulSet that also renders `volumeClaimTemplates` (one PersistentVolumeClaim per pod,
 * named `<template>-<statefulset>-<ordinal>`), their volume mounts and the claim retention policy. Mounts
 * of a claim template name no pod volume: the StatefulSet controller adds the pod's claim as that volume.
 */
export class StatefulSetWithClaimTemplates extends kplus.StatefulSet {
  private readonly claimTemplates: kplus.k8s.KubePersistentVolumeClaimProps[] = [];
  private readonly claimMounts: ClaimTemplateMount[] = [];
  private claimRetention?: kplus.k8s.StatefulSetPersistentVolumeClaimRetentionPolicy;

  /** Adds a claim template (L1 props; its `spec.resources` quantities as `kplus.k8s.Quantity`). */
  public addClaimTemplate(template: kplus.k8s.KubePersistentVolumeClaimProps): void {
    this.claimTemplates.push(template);
  }

  /** Mounts a claim template into one of this StatefulSet's containers. */
  public mountClaimTemplate(mount: ClaimTemplateMount): void {
    this.claimMounts.push(mount);
  }

  /** Sets `persistentVolumeClaimRetentionPolicy`. */
  public setClaimRetention(policy: kplus.k8s.StatefulSetPersistentVolumeClaimRetentionPolicy): void {
    this.claimRetention = policy;
  }

  /** Names of the claim templates, in order. */
  public get claimTemplateNames(): string[] {
    return this.claimTemplates.map((t) => t.metadata?.name ?? '');
  }

  /** @internal cdk8s-plus's spec plus the claim templates and their mounts, computed when the chart is synthesized. */
  public override _toKube(): kplus.k8s.StatefulSetSpec {
    const spec = super._toKube();
    const podSpec = spec.template.spec;
    if (!podSpec) return spec;
    const containers = podSpec.containers.map((container, i) => {
      const mounts = this.claimMounts
        .filter((m) => this.containers.indexOf(m.container) === i)
        .map((m) => ({ name: m.template, mountPath: m.mountPath, readOnly: m.readOnly, subPath: m.subPath }));
      return mounts.length ? { ...container, volumeMounts: [...(container.volumeMounts ?? []), ...mounts] } : container;
    });
    return {
      ...spec,
      template: { ...spec.template, spec: { ...podSpec, containers } },
      volumeClaimTemplates: this.claimTemplates.length ? [...this.claimTemplates] : undefined,
      persistentVolumeClaimRetentionPolicy: this.claimRetention,
    };
  }
}

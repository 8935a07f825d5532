// Markers users put on Kubernetes objects for policy rules. A leaf module (no imports), so constructs in
// lib/k8s can write the marker without depending on the rules.

/**
 * Label (or annotation) that marks a PersistentVolume, PersistentVolumeClaim, volume claim template or
 * StorageClass as holding data that must outlive its claim: `nks-cdk.io/keep-data: "true"`. NKS-VOL-1 then
 * fails when deleting the claim would delete the volume (reclaim policy `Delete`).
 */
export const KEEP_DATA_LABEL = 'nks-cdk.io/keep-data';

/** Prefix of the annotations that carry policy suppressions in synthesized objects: `nks-cdk.io/suppress.<rule id>: <reason>`. */
export const SUPPRESSION_ANNOTATION_PREFIX = 'nks-cdk.io/suppress.';

// What nks-cdk writes into a Terraform block's `"//"` comment object (Terraform ignores "//" keys; cdktf writes
// its own `metadata` there): `"//": { "nks-cdk": { ... } }`. Tools that see only files read it: the cdk8s
// plugin and `npm run check` (policy suppressions), the diagram (GPUs per node).

/** Key under a Terraform block's `"//"` comment object. */
export const TERRAFORM_COMMENT_KEY = 'nks-cdk';

/**
 * GPUs per node of a GPU node group whose flavor {@link GPU_FLAVORS} does not list (its count came from
 * `gpuCount` or the cloud profile): `"//": { "nks-cdk": { "gpusPerNode": 2 } }` on the node group resource.
 */
export const GPUS_PER_NODE_COMMENT = 'gpusPerNode';

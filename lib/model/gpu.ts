// GPUs on NKS: the extended resource pods ask for.

/**
 * The extended resource NVIDIA's device plugin offers, which pods ask for in `resources.limits`. NKS installs
 * nvidia-device-plugin on node groups of g2 (GPU) flavors (the NKS guide's GPU section; NKS-FACTS "GPU").
 */
export const NVIDIA_GPU = 'nvidia.com/gpu';

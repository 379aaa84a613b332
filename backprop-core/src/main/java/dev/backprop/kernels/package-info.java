/**
 * Loops over primitive arrays: matrix multiply ({@link dev.backprop.kernels.Gemm}), the
 * fixed-chunk parallel loop other kernels reuse ({@link dev.backprop.kernels.Parallel}), and fused
 * layer kernels. Output arguments, no allocation, no knowledge of tensors or graphs. The layer
 * every other package builds on.
 */
package dev.backprop.kernels;

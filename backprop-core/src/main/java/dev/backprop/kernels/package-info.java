/**
 * Loops over primitive arrays: {@link dev.backprop.kernels.Gemm} (matrix multiply) and
 * {@link dev.backprop.kernels.Parallel} (the fixed-chunk parallel loop other kernels reuse).
 * Output arguments, no allocation, no knowledge of tensors or graphs. The layer every other
 * package builds on.
 */
package dev.backprop.kernels;

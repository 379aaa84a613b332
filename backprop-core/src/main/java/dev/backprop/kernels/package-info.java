/**
 * Loops over primitive arrays: GEMM, elementwise maps and reductions. Output arguments, no
 * allocation, no knowledge of tensors or graphs. The layer every other package builds on.
 */
package dev.backprop.kernels;

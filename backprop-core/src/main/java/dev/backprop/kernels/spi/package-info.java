/**
 * The service interface through which an optional module (backprop-simd) supplies a faster float32
 * GEMM, and the portable scalar implementation every JVM has. Users call
 * {@link dev.backprop.kernels.Gemm}; only provider authors need this package.
 */
package dev.backprop.kernels.spi;

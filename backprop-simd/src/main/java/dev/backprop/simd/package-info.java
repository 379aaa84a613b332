/**
 * Float32 GEMM on the JDK Vector API, registered as a {@link dev.backprop.kernels.spi.GemmProvider}.
 * Nothing here is called directly: {@link dev.backprop.kernels.Gemm} finds the provider at
 * start-up when this jar is on the class path and the JVM runs with
 * {@code --add-modules jdk.incubator.vector}.
 */
package dev.backprop.simd;

/**
 * JMH micro-benchmarks of the hot paths: GEMM (square and the FMNIST-MLP layer products), the
 * dense layer's forward and backward through the tensor API, and softmax-cross-entropy. Run them
 * with {@code java -jar backprop-bench/target/benchmarks.jar} (see bench/README.md).
 */
package dev.backprop.bench.jmh;

/**
 * End-to-end benchmarks of the workloads in BENCHMARKS.md ({@link dev.backprop.bench.Workloads},
 * {@link dev.backprop.bench.GemmBench}), printing one JSON object in the format bench/README.md
 * defines, so bench/compare-pytorch can set each figure beside PyTorch's.
 */
package dev.backprop.bench;

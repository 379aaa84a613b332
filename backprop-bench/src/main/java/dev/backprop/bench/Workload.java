package dev.backprop.bench;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The workloads of BENCHMARKS.md, by the names both sides accept for {@code --workload}. */
enum Workload {
  /** FMNIST-MLP (a) training samples/s, (b) accuracy and wall time, (e) peak RSS. */
  FMNIST_TRAIN("fmnist-train"),
  /** FMNIST-MLP (c) batch-1 latency and batch-1024 throughput. */
  FMNIST_INFER("fmnist-infer"),
  /** (d) steps/s of the 2-8-8-1 network. */
  TINY("tiny"),
  /** Square float32 GEMM GFLOP/s. */
  GEMM("gemm");

  final String id;

  Workload(String id) {
    this.id = id;
  }

  /** The workload named {@code name}, or an error listing the names. */
  static Workload parse(String name) {
    return Arrays.stream(values())
        .filter(w -> w.id.equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(
            "'" + name + "' is not a workload; expected one of " + names()));
  }

  static String names() {
    return Arrays.stream(values()).map(w -> w.id).collect(Collectors.joining(", "));
  }
}

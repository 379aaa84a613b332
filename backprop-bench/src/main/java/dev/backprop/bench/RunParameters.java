package dev.backprop.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a workload runs with. Both sides write these into their reports so bench/compare-pytorch
 * can refuse to compare runs made with different settings.
 *
 * @param workload the workload's name, as given to {@code --workload}
 * @param epochs FMNIST-MLP training epochs (the first is warm-up)
 * @param quick shorter runs for a smoke test; figures are noisier
 * @param seed seeds initialization, shuffling and generated data
 * @param gemmSizes the square GEMM sizes n
 */
record RunParameters(String workload, int epochs, boolean quick, long seed, List<Integer> gemmSizes) {
  /** The thread budget of both sides (the machine's two cores); the Java side sets its kernels to it. */
  static final int THREADS = 2;

  RunParameters {
    gemmSizes = List.copyOf(gemmSizes);
  }

  /** The default epoch count: 10 as BENCHMARKS.md states, 2 (warm-up + one timed) when quick. */
  static int defaultEpochs(boolean quick) {
    return quick ? 2 : 10;
  }

  Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("workload", workload);
    json.put("epochs", epochs);
    json.put("quick", quick);
    json.put("seed", seed);
    json.put("threads", THREADS);
    json.put("gemm_sizes", gemmSizes);
    return json;
  }
}

package dev.backprop.train;

import dev.backprop.nn.Loss;
import dev.backprop.nn.Module;
import dev.backprop.tensor.DType;
import dev.backprop.tensor.NoGrad;
import dev.backprop.tensor.Tensor;
import java.util.Arrays;

/** Runs a network over examples in evaluation mode, without recording a graph, and tallies the metrics. */
final class Evaluator {
  /** Rows per forward pass: large enough to keep the matrix kernels busy, small enough for any memory. */
  static final int BATCH = 1024;

  private Evaluator() {}

  /**
   * The metrics of {@code network} on {@code examples}. The network is switched to evaluation mode
   * for the pass and back to the mode it was in.
   */
  static Evaluation evaluate(Module network, Loss loss, Examples examples, int topK) {
    DType dtype = Networks.dtypeOf(network);
    int outputs = Networks.outputWidth(network, examples.featureCount());
    Module activation = loss.outputActivation().layer();
    Tally tally = Tally.of(examples, topK);
    RawOutputs outputsOf = new RawOutputs(network);
    boolean wasTraining = network.isTraining();
    network.eval();
    try (NoGrad ignored = Tensor.noGrad()) {
      int n = examples.size();
      for (int start = 0; start < n; start += BATCH) {
        int[] rows = range(start, Math.min(n, start + BATCH));
        BatchTargets targets = BatchTargets.of(examples, rows, dtype, loss.outputActivation(), outputs);
        Tensor raw = outputsOf.of(examples.featuresAt(rows, dtype));
        double value = loss.compute(raw, targets.forLoss()).item();
        tally.add(activation.forward(raw), targets, value);
      }
    } finally {
      if (wasTraining) {
        network.train();
      }
    }
    return new Evaluation(tally.metrics(), tally.confusion(), examples.size());
  }

  static int[] range(int from, int to) {
    int[] rows = new int[to - from];
    Arrays.setAll(rows, i -> from + i);
    return rows;
  }
}

package dev.backprop.bench.jmh;

import dev.backprop.tensor.Losses;
import dev.backprop.tensor.NoGrad;
import dev.backprop.tensor.Tensor;
import dev.backprop.tensor.internal.TensorData;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Softmax-cross-entropy ({@link Losses#crossEntropy(Tensor, int[])}) over 10 classes, the
 * FMNIST-MLP loss: the loss alone, and the loss with its gradient dL/dz = (softmax(z) − onehot) / N.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class CrossEntropyBenchmark {
  private static final int CLASSES = 10;

  /** Samples per batch. */
  @Param({"128", "1024"})
  public int batch;

  private Tensor logits;
  private int[] labels;

  /** Seeded logits and labels. */
  @Setup
  public void setUp() {
    logits = TensorData.wrap(Matrices.gaussian(1, batch * CLASSES), batch, CLASSES).requiresGrad();
    SplittableRandom rng = new SplittableRandom(3);
    labels = rng.ints(batch, 0, CLASSES).toArray();
  }

  /** The mean loss, nothing recorded. */
  @Benchmark
  public double loss() {
    try (NoGrad ignored = Tensor.noGrad()) {
      return Losses.crossEntropy(logits, labels).item();
    }
  }

  /** The loss and its gradient with respect to the logits; the gradient is zeroed for the next call. */
  @Benchmark
  public Tensor lossAndGradient() {
    Losses.crossEntropy(logits, labels).backward();
    Tensor dz = logits.grad();
    logits.zeroGrad();
    return dz;
  }
}

package dev.backprop.bench.jmh;

import dev.backprop.tensor.NoGrad;
import dev.backprop.tensor.Tensor;
import dev.backprop.tensor.internal.TensorData;
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
 * {@code Tensor.linear} (z = x·Wᵀ + b) for each FMNIST-MLP layer through the tensor API: the
 * forward pass alone under no-grad, and forward plus backward as in training. The first layer's
 * input needs no gradient (it is data); the hidden layers' inputs do.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class LinearBenchmark {
  /** 1: 784 → 256, 2: 256 → 128, 3: 128 → 10. */
  @Param({"1", "2", "3"})
  public int layer;

  /** Samples per batch. */
  @Param({"1", "128", "1024"})
  public int batch;

  private Tensor x;
  private Tensor w;
  private Tensor b;
  private Tensor seed;

  /** Seeded input, He-scaled weight, zero bias and an upstream gradient of ones. */
  @Setup
  public void setUp() {
    int in = LayerProduct.WIDTHS[layer - 1];
    int out = LayerProduct.WIDTHS[layer];
    x = TensorData.wrap(Matrices.gaussian(1, batch * in), batch, in);
    if (layer > 1) {
      x.requiresGrad();
    }
    w = TensorData.wrap(Matrices.gaussian(2, out * in), out, in).mul(Math.sqrt(2.0 / in)).requiresGrad();
    b = Tensor.zeros(out).requiresGrad();
    seed = Tensor.ones(batch, out);
  }

  /** z = x·Wᵀ + b with nothing recorded. */
  @Benchmark
  public Tensor forward() {
    try (NoGrad ignored = Tensor.noGrad()) {
      return Tensor.linear(x, w, b);
    }
  }

  /** z = x·Wᵀ + b, then dx, dW and db from dz = 1; gradients are zeroed for the next call. */
  @Benchmark
  public Tensor forwardBackward() {
    Tensor z = Tensor.linear(x, w, b);
    z.backward(seed);
    Tensor dw = w.grad();
    w.zeroGrad();
    b.zeroGrad();
    x.zeroGrad();
    return dw;
  }
}

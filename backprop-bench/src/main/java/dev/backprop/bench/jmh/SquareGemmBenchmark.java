package dev.backprop.bench.jmh;

import dev.backprop.kernels.Gemm;
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
 * Square float32 C = A·B with {@link Gemm#gemm}. GFLOP/s = 2n³ / (score in µs · 10³).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class SquareGemmBenchmark {
  /** The size n of the n×n operands. */
  @Param({"64", "128", "256", "512", "1024", "2048"})
  public int n;

  private float[] a;
  private float[] b;
  private float[] c;

  /** Fills A and B with seeded normal values. */
  @Setup
  public void setUp() {
    a = Matrices.gaussian(1, n * n);
    b = Matrices.gaussian(2, n * n);
    c = new float[n * n];
  }

  /** C = A·B. */
  @Benchmark
  public float[] gemm() {
    Gemm.gemm(false, false, n, n, n, a, 0, b, 0, c, 0, false);
    return c;
  }
}

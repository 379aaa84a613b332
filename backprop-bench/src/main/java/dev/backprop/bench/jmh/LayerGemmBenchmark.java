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
 * The GEMMs of FMNIST-MLP's layers at batch 1 (latency), 128 (training) and 1024 (inference), with
 * the transpose flags the dense layer uses. GFLOP/s = 2·m·n·k / (score in µs · 10³).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class LayerGemmBenchmark {
  /** Which product of which layer. */
  @Param
  public LayerProduct product;

  /** Samples per batch. */
  @Param({"1", "128", "1024"})
  public int batch;

  private int m;
  private int n;
  private int k;
  private float[] a;
  private float[] b;
  private float[] c;

  /** Allocates seeded operands of the product's shapes. */
  @Setup
  public void setUp() {
    m = product.m(batch);
    n = product.n();
    k = product.k(batch);
    a = Matrices.gaussian(1, m * k);
    b = Matrices.gaussian(2, k * n);
    c = new float[m * n];
  }

  /** C = op(A)·op(B). */
  @Benchmark
  public float[] gemm() {
    Gemm.gemm(product.transA(), product.transB(), m, n, k, a, 0, b, 0, c, 0, false);
    return c;
  }
}

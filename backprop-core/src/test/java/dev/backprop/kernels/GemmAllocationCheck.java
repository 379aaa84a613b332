package dev.backprop.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * Measures the heap allocated by {@link Gemm#gemm} calls once warmed up, by the calling thread
 * and by the pool's workers. Shared with backprop-simd's tests through the test jar.
 */
public final class GemmAllocationCheck {

  /** Shapes covering each path: tiny, batch-1, packed on the caller, tiled over the pool. */
  public static final int[][] SHAPES = {{4, 8, 8}, {1, 256, 784}, {64, 64, 64}, {200, 300, 150}};

  /** Measurement windows of 100 calls; the check passes when one of them allocates nothing. */
  private static final int WINDOWS = 10;

  private GemmAllocationCheck() {}

  /** Fails unless, for every shape and transpose form, 100 warmed-up calls allocate nothing. */
  public static void assertSteadyStateAllocatesNothing() {
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    for (int[] shape : SHAPES) {
      for (int form = 0; form < 4; form++) {
        int m = shape[0];
        int n = shape[1];
        int k = shape[2];
        boolean transA = (form & 1) != 0;
        boolean transB = (form & 2) != 0;
        float[] a = new float[m * k];
        float[] b = new float[k * n];
        float[] c = new float[m * n];
        Arrays.fill(a, 0.5f);
        Arrays.fill(b, 0.25f);
        Runnable product = () -> Gemm.gemm(transA, transB, m, n, k, a, 0, b, 0, c, 0, true);
        // Long enough for the JIT to compile the kernels: interpreted Vector API code allocates.
        long warmUpEnd = System.nanoTime() + 150_000_000L;
        for (int call = 0; call < 300 || System.nanoTime() < warmUpEnd; call++) {
          product.run();
        }
        // On a loaded machine the JIT may still be recompiling after the warm-up, and a window
        // that catches it allocates; an allocation per call would show in every window.
        long bytes = -1;
        for (int window = 0; window < WINDOWS && bytes != 0; window++) {
          long[] ids = threadIds();
          long before = allocated(threads, ids);
          for (int call = 0; call < 100; call++) {
            product.run();
          }
          bytes = allocated(threads, ids) - before;
        }
        assertThat(bytes)
            .as("bytes allocated by 100 calls of %dx%dx%d, transA=%s, transB=%s, in each of %d windows",
                m, n, k, transA, transB, WINDOWS)
            .isZero();
      }
    }
  }

  /** This thread and the pool's workers. */
  private static long[] threadIds() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t == Thread.currentThread() || t.getName().startsWith("backprop-worker-"))
        .mapToLong(Thread::getId).toArray();
  }

  /** Bytes allocated so far by the given threads; reading it allocates nothing. */
  private static long allocated(ThreadMXBean threads, long[] ids) {
    long total = 0;
    for (long id : ids) {
      total += Math.max(0, threads.getThreadAllocatedBytes(id));
    }
    return total;
  }
}

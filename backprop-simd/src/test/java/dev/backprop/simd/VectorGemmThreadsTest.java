package dev.backprop.simd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.kernels.Gemm;
import dev.backprop.kernels.GemmAllocationCheck;
import dev.backprop.kernels.Parallel;
import dev.backprop.kernels.spi.GemmCase;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The vector provider as chosen by {@link Gemm}: on one thread and on several, and its garbage. */
class VectorGemmThreadsTest {

  private final int threadsBefore = Parallel.threads();

  @AfterEach
  void restoreThreads() {
    Parallel.setThreads(threadsBefore);
  }

  @Test
  void gemmChoosesTheVectorProviderWhenTheModuleIsResolved() {
    assertThat(Gemm.providerName()).startsWith("vector-api ");
  }

  @Test
  void warmedUpVectorProductsAllocateNothingOnAnyPath() {
    GemmAllocationCheck.assertSteadyStateAllocatesNothing();
  }

  @ParameterizedTest
  @CsvSource({
      "false,false,130,257,100", "false,true,130,257,100", "true,false,130,257,100",
      "true,true,130,257,100", "false,true,1,700,800", "true,false,301,65,40",
      "false,false,97,1100,300", "false,true,128,256,784"})
  void largeProductsGiveTheSameBitsOnOneThreadAndOnMany(boolean transA, boolean transB,
      int m, int n, int k) {
    GemmCase problem = GemmCase.of(new SplittableRandom(m * 31L + n + k), transA, transB,
        m, n, k, m % 2 == 0);
    float[][] results = new float[3][];
    int[] threadCounts = {1, 2, 5};
    for (int run = 0; run < threadCounts.length; run++) {
      Parallel.setThreads(threadCounts[run]);
      results[run] = problem.initialC();
      Gemm.gemm(transA, transB, m, n, k, problem.a(), problem.offA(), problem.b(), problem.offB(),
          results[run], problem.offC(), problem.accumulate());
    }
    GemmCase.assertSameBits(results[0], results[1], "1 vs 2 threads, " + problem);
    GemmCase.assertSameBits(results[0], results[2], "1 vs 5 threads, " + problem);
    problem.assertMatchesReference(results[0]);
  }
}

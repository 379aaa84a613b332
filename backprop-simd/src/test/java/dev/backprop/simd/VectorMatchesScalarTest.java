package dev.backprop.simd;

import static org.assertj.core.api.Assertions.fail;

import dev.backprop.kernels.spi.GemmCase;
import dev.backprop.kernels.spi.ScalarGemmProvider;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Vector API kernels against the scalar ones. Fused multiply-adds and lane-wise partial
 * sums round differently from the scalar loops, so results agree within the sum of both error
 * bounds rather than bit for bit.
 */
class VectorMatchesScalarTest {

  private static final VectorGemmProvider VECTOR = new VectorGemmProvider();
  private static final ScalarGemmProvider SCALAR = new ScalarGemmProvider();
  private static final int[] SIZES = GemmCase.EDGE_SIZES;

  static LongStream seeds() {
    return LongStream.range(1000, 1200);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void randomShapesAgreeWithTheScalarKernel(long seed) {
    assertAgree(GemmCase.random(seed, 260));
  }

  /** Every edge size in every dimension, each with all four transpose forms, both modes. */
  static Stream<Arguments> edgeShapes() {
    return IntStream.range(0, SIZES.length * SIZES.length).boxed().flatMap(mn -> IntStream
        .range(0, 8).mapToObj(variant -> Arguments.of(SIZES[mn / SIZES.length],
            SIZES[mn % SIZES.length], SIZES[(mn + variant) % SIZES.length], variant)));
  }

  @ParameterizedTest
  @MethodSource("edgeShapes")
  void edgeSizesAgreeWithTheScalarKernelInEveryTransposeForm(int m, int n, int k, int variant) {
    SplittableRandom random = new SplittableRandom(31L * m + 7L * n + k + variant);
    assertAgree(GemmCase.of(random, (variant & 1) != 0, (variant & 2) != 0, m, n, k,
        (variant & 4) != 0));
  }

  private static void assertAgree(GemmCase problem) {
    float[] vector = problem.runOn(VECTOR);
    float[] scalar = problem.runOn(SCALAR);
    problem.assertOutsideUnchanged(vector);
    for (int i = 0; i < problem.m(); i++) {
      for (int j = 0; j < problem.n(); j++) {
        int idx = problem.offC() + i * problem.n() + j;
        double magnitude = problem.accumulate() ? Math.abs(problem.c()[idx]) : 0.0;
        for (int p = 0; p < problem.k(); p++) {
          magnitude += Math.abs((double) problem.opA(i, p) * problem.opB(p, j));
        }
        double bound = 4.0 * (problem.k() + 2) * 0x1p-24 * magnitude + Float.MIN_NORMAL;
        if (!(Math.abs(vector[idx] - scalar[idx]) <= bound)) {
          fail("C[%d][%d]: vector %s, scalar %s, allowed difference %s in %s",
              i, j, vector[idx], scalar[idx], bound, problem);
        }
      }
    }
  }
}

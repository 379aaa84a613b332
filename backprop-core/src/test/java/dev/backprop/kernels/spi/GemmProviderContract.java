package dev.backprop.kernels.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every {@link GemmProvider} must do, checked over seeded random cases: the right product,
 * nothing written outside the block asked for, and each element's bits independent of how the
 * output is cut into blocks (which is what makes multi-threaded products deterministic).
 * A provider's test extends this class and names the provider.
 */
public abstract class GemmProviderContract {

  /** The provider under test. */
  protected abstract GemmProvider provider();

  static LongStream seeds() {
    return LongStream.range(0, 150);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void productMatchesTheExactProductWithinRoundingError(long seed) {
    GemmCase problem = GemmCase.random(seed, 140);
    problem.assertMatchesReference(problem.runOn(provider()));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3})
  void productsPastTheCacheBlocksMatchTheExactProduct(int transposes) {
    SplittableRandom random = new SplittableRandom(transposes);
    GemmCase problem = GemmCase.of(random, (transposes & 1) != 0, (transposes & 2) != 0,
        131, 530, 600, transposes % 3 == 0);
    problem.assertMatchesReference(problem.runOn(provider()));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void blocksGiveTheSameBitsAsTheWholeProductAndTouchNothingElse(long seed) {
    GemmCase problem = GemmCase.random(seed, 140);
    float[] whole = problem.runOn(provider());
    SplittableRandom random = new SplittableRandom(~seed);
    int rowCut = random.nextInt(problem.m() + 1);
    int colCut = random.nextInt(problem.n() + 1);
    float[] pieces = problem.initialC();
    runBlock(problem, pieces, 0, rowCut, 0, colCut);
    runBlock(problem, pieces, 0, rowCut, colCut, problem.n());
    float[] oneBlockOnly = pieces.clone();
    runBlock(problem, pieces, rowCut, problem.m(), 0, colCut);
    runBlock(problem, pieces, rowCut, problem.m(), colCut, problem.n());
    GemmCase.assertSameBits(whole, pieces, "four blocks cut at " + rowCut + "/" + colCut
        + " of " + problem);
    for (int i = rowCut; i < problem.m(); i++) {
      for (int j = 0; j < problem.n(); j++) {
        int idx = problem.offC() + i * problem.n() + j;
        assertThat(oneBlockOnly[idx]).as("C[%d][%d], below the rows computed, in %s", i, j, problem)
            .isEqualTo(problem.c()[idx]);
      }
    }
  }

  private void runBlock(GemmCase p, float[] c, int rowFrom, int rowTo, int colFrom, int colTo) {
    if (rowFrom < rowTo && colFrom < colTo) {
      provider().gemm(p.transA(), p.transB(), p.m(), p.n(), p.k(), p.a(), p.offA(), p.b(),
          p.offB(), c, p.offC(), p.accumulate(), rowFrom, rowTo, colFrom, colTo);
    }
  }
}

package dev.backprop.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One table of op specs drives the finite-difference gradient check of every differentiable op:
 * a new op is one new row. Each row runs on several seeded random shape sets, including
 * broadcasting edge cases (scalars, size-1 axes, rank differences).
 */
class OpGradientTest {

  /** How the inputs of an op are drawn: the shapes, and the domain of values. */
  enum Domain { ANY, POSITIVE, AWAY_FROM_ZERO }

  record OpSpec(String name, Domain domain, Function<SplittableRandom, int[][]> shapes, Function<Tensor[], Tensor> f) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final int SEEDS = 6;

  static List<OpSpec> specs() {
    List<OpSpec> t = new ArrayList<>();
    t.add(new OpSpec("add", Domain.ANY, OpGradientTest::broadcastPair, x -> x[0].add(x[1])));
    t.add(new OpSpec("sub", Domain.ANY, OpGradientTest::broadcastPair, x -> x[0].sub(x[1])));
    t.add(new OpSpec("mul", Domain.ANY, OpGradientTest::broadcastPair, x -> x[0].mul(x[1])));
    t.add(new OpSpec("div", Domain.AWAY_FROM_ZERO, OpGradientTest::broadcastPair, x -> x[0].div(x[1])));
    t.add(new OpSpec("pow", Domain.POSITIVE, OpGradientTest::broadcastPair, x -> x[0].pow(x[1])));
    t.add(new OpSpec("maximum", Domain.ANY, OpGradientTest::broadcastPair, x -> x[0].maximum(x[1])));
    t.add(new OpSpec("addScalar", Domain.ANY, OpGradientTest::one, x -> x[0].add(1.5)));
    t.add(new OpSpec("subScalar", Domain.ANY, OpGradientTest::one, x -> x[0].sub(0.5)));
    t.add(new OpSpec("mulScalar", Domain.ANY, OpGradientTest::one, x -> x[0].mul(-2.5)));
    t.add(new OpSpec("divScalar", Domain.ANY, OpGradientTest::one, x -> x[0].div(3)));
    t.add(new OpSpec("powScalar", Domain.POSITIVE, OpGradientTest::one, x -> x[0].pow(2.7)));
    t.add(new OpSpec("neg", Domain.ANY, OpGradientTest::one, x -> x[0].neg()));
    t.add(new OpSpec("exp", Domain.ANY, OpGradientTest::one, x -> x[0].exp()));
    t.add(new OpSpec("log", Domain.POSITIVE, OpGradientTest::one, x -> x[0].log()));
    t.add(new OpSpec("sqrt", Domain.POSITIVE, OpGradientTest::one, x -> x[0].sqrt()));
    t.add(new OpSpec("abs", Domain.AWAY_FROM_ZERO, OpGradientTest::one, x -> x[0].abs()));
    t.add(new OpSpec("tanh", Domain.ANY, OpGradientTest::one, x -> x[0].tanh()));
    t.add(new OpSpec("sigmoid", Domain.ANY, OpGradientTest::one, x -> x[0].sigmoid()));
    t.add(new OpSpec("relu", Domain.AWAY_FROM_ZERO, OpGradientTest::one, x -> x[0].relu()));
    t.add(new OpSpec("leakyRelu", Domain.AWAY_FROM_ZERO, OpGradientTest::one, x -> x[0].leakyRelu(0.1)));
    t.add(new OpSpec("elu", Domain.AWAY_FROM_ZERO, OpGradientTest::one, x -> x[0].elu(1.3)));
    t.add(new OpSpec("gelu", Domain.ANY, OpGradientTest::one, x -> x[0].gelu()));
    t.add(new OpSpec("softplus", Domain.ANY, OpGradientTest::one, x -> x[0].softplus()));
    t.add(new OpSpec("clamp", Domain.AWAY_FROM_ZERO, OpGradientTest::one, x -> x[0].clamp(-0.5, 0.7)));
    t.add(new OpSpec("sumAll", Domain.ANY, OpGradientTest::one, x -> x[0].sum()));
    t.add(new OpSpec("sumAxes", Domain.ANY, OpGradientTest::rank3, x -> x[0].sum(new int[] {0, 2}, false)));
    t.add(new OpSpec("sumKeepDims", Domain.ANY, OpGradientTest::rank3, x -> x[0].sum(new int[] {1}, true)));
    t.add(new OpSpec("meanAll", Domain.ANY, OpGradientTest::one, x -> x[0].mean()));
    t.add(new OpSpec("meanAxis", Domain.ANY, OpGradientTest::rank3, x -> x[0].mean(new int[] {-1}, true)));
    t.add(new OpSpec("maxAll", Domain.ANY, OpGradientTest::one, x -> x[0].max()));
    t.add(new OpSpec("maxAxes", Domain.ANY, OpGradientTest::rank3, x -> x[0].max(new int[] {0, 2}, true)));
    t.add(new OpSpec("reshape", Domain.ANY, OpGradientTest::rank3, x -> x[0].reshape(-1).mul(x[0].reshape(-1))));
    t.add(new OpSpec("permute", Domain.ANY, OpGradientTest::rank3, x -> x[0].permute(2, 0, 1)));
    t.add(new OpSpec("transpose", Domain.ANY, r -> new int[][] {matrix(r)}, x -> x[0].transpose()));
    t.add(new OpSpec("expand", Domain.ANY, r -> new int[][] {{r.nextInt(1, 4), 1}}, x -> x[0].expand(2, x[0].size(0), 3)));
    t.add(new OpSpec("sumTo", Domain.ANY, OpGradientTest::rank3, x -> x[0].sumTo(1, x[0].size(1), 1)));
    t.add(new OpSpec("slice", Domain.ANY, r -> new int[][] {{r.nextInt(3, 6), r.nextInt(1, 4)}}, x -> x[0].slice(1, 3)));
    t.add(new OpSpec("concat", Domain.ANY, OpGradientTest::concatShapes, x -> Tensor.concat(1, x[0], x[1], x[0].mul(x[0]))));
    t.add(new OpSpec("matmul", Domain.ANY, OpGradientTest::matmul2, x -> x[0].matmul(x[1])));
    t.add(new OpSpec("matmulBatched", Domain.ANY, OpGradientTest::matmul3, x -> x[0].matmul(x[1])));
    t.add(new OpSpec("matmulShared", Domain.ANY, OpGradientTest::matmul3x2, x -> x[0].matmul(x[1])));
    t.add(new OpSpec("linear", Domain.ANY, OpGradientTest::linearShapes, x -> Tensor.linear(x[0], x[1], x[2])));
    t.add(new OpSpec("linearNoBias", Domain.ANY, r -> Arrays.copyOf(linearShapes(r), 2), x -> Tensor.linear(x[0], x[1], null)));
    t.add(new OpSpec("softmax", Domain.ANY, OpGradientTest::rank3, x -> x[0].softmax(1)));
    t.add(new OpSpec("logSoftmax", Domain.ANY, OpGradientTest::rank3, x -> x[0].logSoftmax(-1)));
    t.add(new OpSpec("toFloat32AndBack", Domain.ANY, OpGradientTest::one, x -> x[0].mul(x[0]).toFloat64()));
    t.add(new OpSpec("crossEntropyLabels", Domain.ANY, r -> new int[][] {matrix(r)},
        x -> Losses.crossEntropy(x[0], labels(x[0]))));
    t.add(new OpSpec("crossEntropyProbabilities", Domain.ANY, r -> twice(matrix(r)),
        x -> Losses.crossEntropy(x[0], x[1].softmax(1))));
    t.add(new OpSpec("binaryCrossEntropyWithLogits", Domain.ANY, r -> twice(matrix(r)),
        x -> Losses.binaryCrossEntropyWithLogits(x[0], x[1].sigmoid())));
    t.add(new OpSpec("mse", Domain.ANY, r -> twice(matrix(r)), x -> Losses.mse(x[0], x[1])));
    t.add(new OpSpec("halfSumSquaredError", Domain.ANY, r -> twice(matrix(r)), x -> Losses.halfSumSquaredError(x[0], x[1])));
    return t;
  }

  static Stream<Arguments> cases() {
    return specs().stream().flatMap(s -> Stream.iterate(0, i -> i + 1).limit(SEEDS).map(seed -> Arguments.of(s, seed)));
  }

  @ParameterizedTest(name = "{0} seed {1}")
  @MethodSource("cases")
  void analyticGradientMatchesFiniteDifferences(OpSpec spec, int seed) {
    SplittableRandom rng = new SplittableRandom(1000L * seed + spec.name().hashCode());
    int[][] shapes = spec.shapes().apply(rng);
    Tensor[] inputs = new Tensor[shapes.length];
    for (int i = 0; i < shapes.length; i++) {
      inputs[i] = sample(rng, spec.domain(), shapes[i]);
    }
    GradCheck.Result result = GradCheck.check(spec.f(), inputs);
    assertThat(result.passed()).as(result.toString()).isTrue();
    assertThat(result.comparisons()).isPositive();
  }

  static Tensor sample(SplittableRandom rng, Domain domain, int[] shape) {
    double[] v = new double[Shapes.size(shape)];
    for (int i = 0; i < v.length; i++) {
      double u = rng.nextDouble(-2, 2);
      v[i] = switch (domain) {
        case ANY -> u;
        case POSITIVE -> 0.2 + Math.abs(u);
        case AWAY_FROM_ZERO -> Math.copySign(0.1 + Math.abs(u), u);
      };
    }
    return Tensor.of(v, shape);
  }

  private static int[] labels(Tensor logits) {
    int[] y = new int[logits.size(0)];
    for (int i = 0; i < y.length; i++) {
      y[i] = (i * 7 + 3) % logits.size(1);
    }
    return y;
  }

  private static int[][] twice(int[] shape) {
    return new int[][] {shape, shape.clone()};
  }

  private static int[][] one(SplittableRandom r) {
    return new int[][] {randomShape(r)};
  }

  private static int[] matrix(SplittableRandom r) {
    return new int[] {r.nextInt(1, 6), r.nextInt(1, 6)};
  }

  private static int[][] rank3(SplittableRandom r) {
    return new int[][] {{r.nextInt(1, 4), r.nextInt(1, 5), r.nextInt(1, 4)}};
  }

  private static int[][] matmul2(SplittableRandom r) {
    int m = r.nextInt(1, 6), k = r.nextInt(1, 6), n = r.nextInt(1, 6);
    return new int[][] {{m, k}, {k, n}};
  }

  private static int[][] matmul3(SplittableRandom r) {
    int b = r.nextInt(1, 4), m = r.nextInt(1, 5), k = r.nextInt(1, 5), n = r.nextInt(1, 5);
    return new int[][] {{b, m, k}, {b, k, n}};
  }

  private static int[][] matmul3x2(SplittableRandom r) {
    int b = r.nextInt(1, 4), m = r.nextInt(1, 5), k = r.nextInt(1, 5), n = r.nextInt(1, 5);
    return new int[][] {{b, m, k}, {k, n}};
  }

  private static int[][] linearShapes(SplittableRandom r) {
    int rows = r.nextInt(1, 5), in = r.nextInt(1, 5), out = r.nextInt(1, 5);
    return new int[][] {{rows, in}, {out, in}, {out}};
  }

  private static int[][] concatShapes(SplittableRandom r) {
    int rows = r.nextInt(1, 4);
    return new int[][] {{rows, r.nextInt(1, 4)}, {rows, r.nextInt(1, 4)}};
  }

  /** A random shape of rank 0 to 3 with some size-1 axes. */
  private static int[] randomShape(SplittableRandom r) {
    int[] s = new int[r.nextInt(0, 4)];
    for (int i = 0; i < s.length; i++) {
      s[i] = r.nextInt(1, 5);
    }
    return s;
  }

  /** Two shapes that broadcast: the second drops leading axes and turns some axes to 1, or swaps roles. */
  private static int[][] broadcastPair(SplittableRandom r) {
    int[] full = randomShape(r);
    int drop = full.length == 0 ? 0 : r.nextInt(0, full.length + 1);
    int[] part = new int[full.length - drop];
    for (int i = 0; i < part.length; i++) {
      part[i] = r.nextInt(3) == 0 ? 1 : full[i + drop];
    }
    return r.nextBoolean() ? new int[][] {full, part} : new int[][] {part, full};
  }
}

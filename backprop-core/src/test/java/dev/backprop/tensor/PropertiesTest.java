package dev.backprop.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Algebraic and autograd identities over many seeded random cases. */
class PropertiesTest {

  static Stream<Integer> seeds() {
    return IntStream.range(0, 25).boxed();
  }

  private static Tensor randn(SplittableRandom rng, int... shape) {
    return Tensor.randn(rng, shape).toFloat64();
  }

  private static int[] shape(SplittableRandom rng) {
    return new int[] {rng.nextInt(1, 5), rng.nextInt(1, 6)};
  }

  private static void assertClose(Tensor actual, Tensor expected, double tol) {
    assertThat(actual.shape()).containsExactly(expected.shape());
    assertThat(actual.toDoubleArray()).containsExactly(expected.toDoubleArray(), within(tol));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void arithmeticIdentitiesHold(int seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int[] s = shape(rng);
    Tensor a = randn(rng, s);
    Tensor b = randn(rng, s);
    Tensor c = randn(rng, s[1]);
    assertClose(a.add(b), b.add(a), 0);
    assertClose(a.mul(b), b.mul(a), 0);
    assertClose(a.sub(b).add(b), a, 1e-12);
    assertClose(a.mul(b.add(c)), a.mul(b).add(a.mul(c)), 1e-12);
    assertClose(a.abs().add(0.1).log().exp(), a.abs().add(0.1), 1e-12);
    assertClose(a.div(b.abs().add(0.5)).mul(b.abs().add(0.5)), a, 1e-12);
    assertClose(a.mul(a).sqrt(), a.abs(), 1e-12);
    assertClose(a.neg().neg(), a, 0);
    assertClose(a.maximum(b), b.maximum(a), 0);
    assertClose(a.sigmoid().add(a.neg().sigmoid()), Tensor.ones(DType.FLOAT64, s), 1e-15);
    // tanh(x) = 2σ(2x) − 1
    assertClose(a.tanh(), a.mul(2).sigmoid().mul(2).sub(1), 1e-12);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void shapeAndReductionIdentitiesHold(int seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int[] s = {rng.nextInt(1, 4), rng.nextInt(1, 4), rng.nextInt(1, 4)};
    Tensor a = randn(rng, s);
    assertThat(a.sum(new int[] {0, 1, 2}, false).item()).isCloseTo(a.sum().item(), within(1e-12));
    assertThat(a.sum(0).sum(0).sum(0).item()).isCloseTo(a.sum().item(), within(1e-12));
    assertClose(a.permute(2, 0, 1).permute(1, 2, 0), a, 0);
    assertClose(a.transpose(0, 2).transpose(0, 2), a, 0);
    assertClose(a.reshape(-1).reshape(s), a, 0);
    assertClose(a.softmax(1).sum(new int[] {1}, false), Tensor.ones(DType.FLOAT64, s[0], s[2]), 1e-12);
    assertClose(a.logSoftmax(2), a.softmax(2).log(), 1e-12);
    assertClose(a.max(new int[] {1}, true).expand(s).maximum(a), a.max(new int[] {1}, true).expand(s), 0);
    assertClose(a.mean(new int[] {0, 2}, false), a.sum(new int[] {0, 2}, false).div(s[0] * s[2]), 1e-12);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void matmulAgreesWithSumOfProductsAndIsAssociative(int seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int m = rng.nextInt(1, 7), k = rng.nextInt(1, 7), n = rng.nextInt(1, 7), p = rng.nextInt(1, 7);
    Tensor a = randn(rng, m, k);
    Tensor b = randn(rng, k, n);
    Tensor c = randn(rng, n, p);
    Tensor viaBroadcast = a.reshape(m, k, 1).mul(b.reshape(1, k, n)).sum(1);
    assertClose(a.matmul(b), viaBroadcast, 1e-12);
    assertClose(a.matmul(b).matmul(c), a.matmul(b.matmul(c)), 1e-10);
    assertClose(a.matmul(b).transpose(), b.transpose().matmul(a.transpose()), 1e-12);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void gradientOfBroadcastInputIsSumOverBroadcastAxes(int seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int[] s = {rng.nextInt(1, 4), rng.nextInt(1, 4), rng.nextInt(1, 4)};
    int[] small = {1, s[1], 1};
    Tensor big = randn(rng, s);
    Tensor x = randn(rng, small).requiresGrad();
    Tensor seedGrad = randn(rng, s);
    x.mul(big).backward(seedGrad);
    // d/dx Σ g·(x·big) over the broadcast axes = Σ_{axes 0,2} g·big.
    assertClose(x.grad(), seedGrad.mul(big).sum(new int[] {0, 2}, true), 1e-12);
    Tensor v = randn(rng, s[2]).requiresGrad();
    big.add(v).backward(seedGrad);
    assertClose(v.grad(), seedGrad.sum(new int[] {0, 1}, false), 1e-12);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void gradientIsLinearInTheFunction(int seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int[] s = shape(rng);
    Tensor x0 = randn(rng, s);
    Function<Tensor, Tensor> f = t -> t.tanh().sum();
    Function<Tensor, Tensor> g = t -> t.mul(t).mean();
    Tensor both = x0.detach().requiresGrad();
    f.apply(both).mul(2).add(g.apply(both).mul(-3)).backward();
    Tensor xf = x0.detach().requiresGrad();
    f.apply(xf).backward();
    Tensor xg = x0.detach().requiresGrad();
    g.apply(xg).backward();
    assertClose(both.grad(), xf.grad().mul(2).add(xg.grad().mul(-3)), 1e-12);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void fusedLossesEqualTheSameLossComposedFromPrimitives(int seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int n = rng.nextInt(1, 6), c = rng.nextInt(2, 6);
    Tensor logits = randn(rng, n, c).mul(3);
    int[] labels = rng.ints(n, 0, c).toArray();
    double[] oneHot = new double[n * c];
    for (int i = 0; i < n; i++) {
      oneHot[i * c + labels[i]] = 1;
    }
    Tensor y = Tensor.of(oneHot, n, c);
    Tensor probs = randn(rng, n, c).softmax(1);
    Tensor targets = randn(rng, n, c);
    Tensor bits = randn(rng, n, c).sigmoid();

    sameValueAndGradient(z -> Losses.crossEntropy(z, labels), z -> z.logSoftmax(1).mul(y).sum().neg().div(n), logits);
    sameValueAndGradient(z -> Losses.crossEntropy(z, probs), z -> z.softmax(1).log().mul(probs).sum().neg().div(n), logits);
    sameValueAndGradient(z -> Losses.binaryCrossEntropyWithLogits(z, bits),
        z -> z.sigmoid().log().mul(bits).add(z.sigmoid().neg().add(1).log().mul(bits.neg().add(1))).mean().neg(), logits);
    sameValueAndGradient(p -> Losses.mse(p, targets), p -> p.sub(targets).pow(2).mean(), logits);
    sameValueAndGradient(p -> Losses.halfSumSquaredError(p, targets), p -> p.sub(targets).pow(2).sum().mul(0.5).div(n), logits);
  }

  private static void sameValueAndGradient(Function<Tensor, Tensor> fused, Function<Tensor, Tensor> composed, Tensor at) {
    Tensor a = at.detach().requiresGrad();
    Tensor b = at.detach().requiresGrad();
    Tensor fa = fused.apply(a);
    Tensor fb = composed.apply(b);
    assertThat(fa.item()).isCloseTo(fb.item(), within(1e-12));
    fa.backward();
    fb.backward();
    assertClose(a.grad(), b.grad(), 1e-12);
  }
}

package dev.backprop.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AutogradTest {

  @Test
  void gradientOfSumIsOnes() {
    Tensor x = Tensor.randn(new SplittableRandom(1), 3, 4).requiresGrad();
    x.sum().backward();
    assertThat(x.grad().toFloatArray()).containsOnly(1f).hasSize(12);
  }

  @Test
  void tensorUsedTwiceReceivesTheSumOfBothGradients() {
    Tensor x = Tensor.of(new double[] {3}, 1).requiresGrad();
    x.mul(x).sum().backward();
    assertThat(x.grad().item()).isEqualTo(6.0);
  }

  @Test
  void diamondGraphAccumulatesBothPaths() {
    // y = a + b with a = 2x and b = x², so dy/dx = 2 + 2x.
    Tensor x = Tensor.of(new double[] {1.5, -2}, 2).requiresGrad();
    Tensor a = x.mul(2);
    Tensor b = x.mul(x);
    a.add(b).sum().backward();
    assertThat(x.grad().toDoubleArray()).containsExactly(5.0, -2.0);
  }

  @Test
  void sharedSubexpressionBroadcastToTwoConsumersIsNotCorrupted() {
    // add() hands the same gradient object to both inputs; summing into one must not touch the other.
    Tensor x = Tensor.of(new double[] {1, 2}, 2).requiresGrad();
    Tensor y = Tensor.of(new double[] {3, 4}, 2).requiresGrad();
    Tensor s = x.add(y);
    s.add(x).sum().backward();
    assertThat(x.grad().toDoubleArray()).containsExactly(2.0, 2.0);
    assertThat(y.grad().toDoubleArray()).containsExactly(1.0, 1.0);
  }

  @Test
  void gradientsAccumulateUntilZeroGrad() {
    Tensor x = Tensor.of(new double[] {2}, 1).requiresGrad();
    x.mul(3).sum().backward();
    x.mul(3).sum().backward();
    assertThat(x.grad().item()).isEqualTo(6.0);
    x.zeroGrad();
    assertThat(x.grad().item()).isEqualTo(0.0);
    x.mul(5).sum().backward();
    assertThat(x.grad().item()).isEqualTo(5.0);
  }

  @Test
  void backwardIsLinearInTheSeed() {
    SplittableRandom rng = new SplittableRandom(3);
    Tensor x = Tensor.randn(rng, 2, 3).toFloat64().requiresGrad();
    Tensor seed = Tensor.randn(rng, 2, 3).toFloat64();
    x.tanh().backward(seed);
    double[] once = x.grad().toDoubleArray();
    x.zeroGrad();
    x.tanh().backward(seed.mul(2.5));
    double[] scaled = x.grad().toDoubleArray();
    for (int i = 0; i < once.length; i++) {
      assertThat(scaled[i]).isCloseTo(2.5 * once[i], within(1e-12));
    }
  }

  @Test
  void broadcastInputReceivesTheSumOverBroadcastAxes() {
    Tensor bias = Tensor.of(new double[] {1, 2, 3}, 3).requiresGrad();
    Tensor m = Tensor.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, 4, 3);
    m.add(bias).mul(m).sum().backward();
    // d/d bias_j Σ_i (m_ij + b_j)·m_ij = Σ_i m_ij.
    assertThat(bias.grad().toDoubleArray()).containsExactly(22.0, 26.0, 30.0);
  }

  @Test
  void detachStopsGradients() {
    Tensor x = Tensor.of(new double[] {2}, 1).requiresGrad();
    x.mul(x.detach()).sum().backward();
    assertThat(x.grad().item()).isEqualTo(2.0);
  }

  @Test
  void noGradScopeRecordsNothing() {
    Tensor x = Tensor.of(new double[] {2}, 1).requiresGrad();
    Tensor y;
    try (NoGrad ignored = Tensor.noGrad()) {
      y = x.mul(3);
    }
    assertThat(y.isGradRequired()).isFalse();
    assertThat(x.mul(3).isGradRequired()).isTrue();
  }

  @Test
  void backwardOnNonScalarWithoutSeedSaysSo() {
    Tensor x = Tensor.ones(2, 2).requiresGrad();
    assertThatThrownBy(() -> x.mul(2).backward())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("shape [2, 2]")
        .hasMessageContaining("non-scalar needs a seed gradient");
  }

  @Test
  void backwardOnTensorRequiringNoGradientSaysSo() {
    assertThatThrownBy(() -> Tensor.ones(2).sum().backward())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("does not require a gradient");
  }

  @Test
  void secondBackwardThroughAReleasedGraphIsRefused() {
    Tensor x = Tensor.ones(2).requiresGrad();
    Tensor y = x.mul(2);
    y.sum().backward();
    assertThatThrownBy(() -> y.mul(3).sum().backward())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already released");
  }

  @Test
  void requiresGradOnANonLeafIsRefused() {
    Tensor y = Tensor.ones(2).requiresGrad().mul(2);
    assertThatThrownBy(y::requiresGrad).hasMessageContaining("only leaf tensors");
  }

  @Test
  void deepChainDoesNotOverflowTheStack() {
    Tensor x = Tensor.of(new double[] {1}, 1).requiresGrad();
    Tensor y = x;
    for (int i = 0; i < 100_000; i++) {
      y = y.mul(1.0);
    }
    y.sum().backward();
    assertThat(x.grad().item()).isEqualTo(1.0);
  }

  @Test
  void millionForwardBackwardStepsRunInConstantMemory() {
    Tensor w = Tensor.randn(new SplittableRandom(5), 4, 4).requiresGrad();
    Tensor x = Tensor.randn(new SplittableRandom(6), 2, 4);
    Runtime rt = Runtime.getRuntime();
    long afterWarmup = 0;
    for (int step = 1; step <= 1_000_000; step++) {
      Tensor.linear(x, w, null).tanh().sum().backward();
      w.zeroGrad();
      if (step == 100_000) {
        afterWarmup = usedAfterGc(rt);
      }
    }
    long atEnd = usedAfterGc(rt);
    assertThat(atEnd - afterWarmup).as("heap growth in bytes").isLessThan(4L << 20);
  }

  private static long usedAfterGc(Runtime rt) {
    System.gc();
    System.gc();
    return rt.totalMemory() - rt.freeMemory();
  }
}

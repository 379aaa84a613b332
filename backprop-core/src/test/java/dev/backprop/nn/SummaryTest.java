package dev.backprop.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SummaryTest {
  @Test
  void theThirdNotesNetworkHasSixtyThousandSixHundredParameters() {
    // 100 inputs, 5 hidden layers of 100, 100 outputs: 6 dense layers of 100·100 + 100.
    Sequential net = Sequential.mlp(100, 100, 100, 100, 100, 100, 100).activation(Activation.SIGMOID).build(1);
    assertThat(net.parameterCount()).isEqualTo(60_600);
    String summary = net.summary(100);
    assertThat(summary).contains("Total params: 60,600 (236.72 KB)")
        .contains("Trainable params: 60,600").contains("Non-trainable params: 0 (0.00 B)");
    assertThat(summary.lines().filter(l -> l.contains("(Dense)"))).hasSize(6)
        .allMatch(l -> l.contains("(None, 100)") && l.endsWith("10,100"));
  }

  @Test
  void summaryListsEveryLayerWithOutputShapeAndCountsAsKerasDoes() {
    Sequential net = Sequential.mlp(4, 8, 3).batchNorm(true).dropout(0.1).build(1);
    assertThat(net.summary(4)).isEqualTo("""
        Model: "sequential"
        __________________________________________________________________
         Layer (type)                 Output Shape              Param #
        ==================================================================
         0 (Dense)                    (None, 8)                 40

         1 (BatchNorm)                (None, 8)                 32

         2 (ReLU)                     (None, 8)                 0

         3 (Dropout)                  (None, 8)                 0

         4 (Dense)                    (None, 3)                 27
        ==================================================================
        Total params: 99 (396.00 B)
        Trainable params: 83 (332.00 B)
        Non-trainable params: 16 (64.00 B)
        __________________________________________________________________
        """);
  }

  @Test
  void nestedNetworksAreFlattenedWithDottedNamesAndFloat64CountsEightBytes() {
    Sequential net = new Sequential(new Sequential(new Dense(3, 5, new SplittableRandom(0)), new Tanh()),
        new Dense(5, 1, new SplittableRandom(0))).toFloat64();
    String summary = net.summary(3);
    assertThat(summary).contains(" 0.0 (Dense) ").contains(" 0.1 (Tanh) ").contains(" 1 (Dense) ")
        .contains("Total params: 26 (208.00 B)");
  }

  @Test
  void aSingleLayerIsItsOwnModel() {
    assertThat(new Dense(3, 2, new SplittableRandom(0)).summary(3))
        .startsWith("Model: \"dense\"").contains(" dense (Dense) ").contains("Total params: 8 ");
  }

  @Test
  void anInputShapeTheNetworkCannotTakeIsNamedWithTheLayer() {
    Sequential net = Sequential.mlp(4, 8, 3).build(1);
    assertThatThrownBy(() -> net.summary(5))
        .hasMessageContaining("layer 0: Dense(in=4, out=8, bias=true): expected examples of shape [4], got [5]");
  }
}

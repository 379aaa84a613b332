package dev.backprop.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.tensor.DType;
import dev.backprop.tensor.Tensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Optimizers by name, hyperparameters by PyTorch name, and the checks on both. */
class OptimizersTest {
  private final Map<String, Tensor> params = Map.of("w", Fixtures.param(DType.FLOAT32, 1, 2));

  @Test
  void createMakesTheNamedOptimizerWithTorchDefaults() {
    assertThat(Optimizers.names()).containsExactly("sgd", "adam", "adamw", "rmsprop", "adagrad");
    assertThat(Optimizers.create("sgd", params, 0.1).spec()).isEqualTo(new SGD.Spec(0.1));
    assertThat(Optimizers.create("Adam", params, 0.1).spec()).isEqualTo(new Adam.Spec(0.1));
    assertThat(Optimizers.create("ADAMW", params, 0.1).spec()).isEqualTo(new AdamW.Spec(0.1));
    assertThat(Optimizers.create("rmsprop", params, 0.1).spec()).isEqualTo(new RMSProp.Spec(0.1));
    assertThat(Optimizers.create("adagrad", List.of(Fixtures.param(DType.FLOAT64, 1)), 0.1))
        .isInstanceOf(Adagrad.class);
  }

  @Test
  void specReadsHyperparametersByTheirTorchNames() {
    OptimizerSpec spec = Optimizers.spec("sgd", Map.of("lr", 0.1, "momentum", 0.9, "nesterov", 1.0));
    assertThat(spec).isEqualTo(new SGD.Spec(0.1).withMomentum(0.9).withNesterov(true));
    assertThat(Optimizers.spec("adam", Map.of("beta2", 0.98, "weight_decay", 1e-4)))
        .isEqualTo(new Adam.Spec(1e-3).withBetas(0.9, 0.98).withWeightDecay(1e-4));
    assertThat(Optimizers.spec("adagrad", Map.of("initial_accumulator_value", 0.1, "lr_decay", 0.01)))
        .isEqualTo(new Adagrad.Spec(1e-2).withInitialAccumulatorValue(0.1).withLrDecay(0.01));
  }

  @ParameterizedTest
  @MethodSource("dev.backprop.optim.OptimizerStateTest#variants")
  void hyperparametersRoundTripThroughTheirNames(OptimizerSpec spec) {
    assertThat(Optimizers.spec(spec.optimizer(), spec.hyperparameters())).isEqualTo(spec);
    assertThat(spec.create(params).spec()).isEqualTo(spec);
  }

  @Test
  void unknownNamesAreRejectedListingTheKnownOnes() {
    assertThatThrownBy(() -> Optimizers.create("adamax", params, 0.1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown optimizer 'adamax'; known: sgd, adam, adamw, rmsprop, adagrad");
    assertThatThrownBy(() -> Optimizers.spec("rmsprop", Map.of("beta1", 0.9)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rmsprop: unknown hyperparameter 'beta1'; known: lr, alpha, eps, weight_decay, momentum, centered");
  }

  @Test
  void outOfRangeValuesAreRejectedNamingTheValue() {
    assertThatThrownBy(() -> new Adam.Spec(-0.1)).hasMessage("adam: lr must be a finite number >= 0, got -0.1");
    assertThatThrownBy(() -> new AdamW.Spec(0.1).withBetas(0.9, 1.0)).hasMessage("adamw: beta2 must be in [0, 1), got 1.0");
    assertThatThrownBy(() -> new RMSProp.Spec(Double.NaN)).hasMessage("rmsprop: lr must be a finite number >= 0, got NaN");
    assertThatThrownBy(() -> new Adagrad.Spec(0.1).withEps(Double.POSITIVE_INFINITY))
        .hasMessage("adagrad: eps must be a finite number >= 0, got Infinity");
    assertThatThrownBy(() -> Optimizers.spec("sgd", Map.of("nesterov", 2.0)))
        .hasMessage("sgd: nesterov is a flag and must be 0 or 1, got 2.0");
    Optimizer sgd = Optimizers.create("sgd", params, 0.1);
    assertThatThrownBy(() -> sgd.setLearningRate(-1)).hasMessage("sgd: lr must be a finite number >= 0, got -1.0");
    assertThat(sgd.learningRate()).isEqualTo(0.1);
  }

  @Test
  void parametersMustBeDistinctLeavesThatRequireGradients() {
    Tensor w = Fixtures.param(DType.FLOAT32, 1);
    assertThatThrownBy(() -> new SGD(List.of(), new SGD.Spec(0.1)))
        .hasMessage("sgd: got an empty parameter list");
    assertThatThrownBy(() -> new Adam(Map.of("frozen", Tensor.ones(2)), new Adam.Spec(0.1)))
        .hasMessage("adam: parameter 'frozen' does not require a gradient (mark it with requiresGrad())");
    assertThatThrownBy(() -> new RMSProp(List.of(w, w), new RMSProp.Spec(0.1)))
        .hasMessage("rmsprop: parameters '0' and '1' are the same tensor");
  }
}

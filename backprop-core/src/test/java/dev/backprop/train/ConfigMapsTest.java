package dev.backprop.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.io.Json;
import dev.backprop.optim.AdamW;
import dev.backprop.optim.LearningRateSchedule;
import dev.backprop.optim.ReduceLROnPlateau;
import dev.backprop.optim.SGD;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigMapsTest {
  private static TrainingConfig parsed(TrainingConfig config) {
    return TrainingConfig.fromMap(Json.parseObject(Json.write(config.toMap())));
  }

  @Test
  void everySettingSurvivesAJsonRoundTrip() {
    TrainingConfig config = TrainingConfig.of(30, 64, -7L)
        .withShuffle(false)
        .withValidationSplit(0.15)
        .withOptimizer(new AdamW.Spec(3e-4).withWeightDecay(0.05))
        .withSchedule(new LearningRateSchedule.CosineAnnealing(25, 1e-6).afterWarmup(5, 0.1))
        .withClipping(GradientClipping.byNorm(1.5))
        .withEarlyStopping(EarlyStopping.on("val_macro_f1").withPatience(4).withMinDelta(1e-3))
        .withTopK(5)
        .withOnNonFinite(NonFinitePolicy.SKIP_BATCH);
    assertThat(parsed(config)).isEqualTo(config);

    TrainingConfig plateau = TrainingConfig.of(3, 1, Long.MAX_VALUE).withOptimizer(new SGD.Spec(0.1).withMomentum(0.9))
        .withPlateau(new ReduceOnPlateau("val_loss", new ReduceLROnPlateau.Spec().withCooldown(2)))
        .withClipping(GradientClipping.byValue(0.5));
    assertThat(parsed(plateau)).isEqualTo(plateau);
  }

  @Test
  void theMapUsesSnakeCaseNamesAndNullsForWhatIsOff() {
    Map<String, Object> map = TrainingConfig.of(2, 32, 1).toMap();
    assertThat(map.keySet()).containsExactly("epochs", "batch_size", "seed", "shuffle", "validation_split",
        "optimizer", "schedule", "plateau", "clipping", "early_stopping", "top_k", "on_non_finite");
    assertThat(map.get("schedule")).isNull();
    assertThat(map.get("on_non_finite")).isEqualTo("stop");
    assertThat(Json.write(map.get("optimizer")))
        .isEqualTo("{\"name\":\"adam\",\"lr\":0.001,\"beta1\":0.9,\"beta2\":0.999,\"eps\":1.0E-8,"
            + "\"weight_decay\":0.0,\"amsgrad\":0.0}");
  }

  @Test
  void mistakesAreReportedWithTheirPath() {
    Map<String, Object> map = new LinkedHashMap<>(TrainingConfig.of(2, 32, 1)
        .withEarlyStopping(EarlyStopping.on("loss")).toMap());
    Map<String, Object> early = new LinkedHashMap<>(castMap(map.get("early_stopping")));
    early.put("patience", "three");
    map.put("early_stopping", early);
    assertThatThrownBy(() -> TrainingConfig.fromMap(map))
        .hasMessage("$.early_stopping.patience: expected a whole number, got \"three\"");

    Map<String, Object> typo = new LinkedHashMap<>(TrainingConfig.of(2, 32, 1).toMap());
    typo.put("epoch", 3);
    assertThatThrownBy(() -> TrainingConfig.fromMap(typo)).hasMessage("$: unknown entry 'epoch'");

    Map<String, Object> missing = new LinkedHashMap<>(TrainingConfig.of(2, 32, 1).toMap());
    missing.remove("seed");
    assertThatThrownBy(() -> TrainingConfig.fromMap(missing)).hasMessage("$.seed: missing");

    Map<String, Object> policy = new LinkedHashMap<>(TrainingConfig.of(2, 32, 1).toMap());
    policy.put("on_non_finite", "ignore");
    assertThatThrownBy(() -> TrainingConfig.fromMap(policy))
        .hasMessage("$.on_non_finite: expected one of [stop, skip-batch], got \"ignore\"");
  }

  @Test
  void inconsistentSettingsAreRefused() {
    assertThatThrownBy(() -> TrainingConfig.of(2, 32, 1).withSchedule(new LearningRateSchedule.ExponentialDecay(0.9))
        .withPlateau(new ReduceOnPlateau("loss", new ReduceLROnPlateau.Spec())))
        .hasMessage("training: a learning-rate schedule and reduce-on-plateau both set the rate; choose one");
    assertThatThrownBy(() -> TrainingConfig.of(0, 32, 1))
        .hasMessage("training: epochs and batch size must be at least 1, got 0 and 32");
    assertThatThrownBy(() -> TrainingConfig.of(2, 32, 1).withValidationSplit(1))
        .hasMessage("training: the validation split must be in [0, 1), got 1.0");
    assertThatThrownBy(() -> TrainingConfig.of(2, 32, 1).withTopK(1))
        .hasMessageStartingWith("training: top-k needs k >= 2");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Object o) {
    return (Map<String, Object>) o;
  }

  @Test
  void plateauOnAMetricThatIsBetterHigherNeedsModeMax() {
    assertThatThrownBy(
            () -> new ReduceOnPlateau("val_accuracy", new ReduceLROnPlateau.Spec()))
        .hasMessageContaining("val_accuracy is better when higher, but the mode is MIN; use mode MAX");
    assertThatThrownBy(() -> new ReduceOnPlateau("val_loss",
            new ReduceLROnPlateau.Spec().withMode(ReduceLROnPlateau.Mode.MAX)))
        .hasMessageContaining("use mode MIN");
  }
}

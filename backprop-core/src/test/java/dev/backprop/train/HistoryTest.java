package dev.backprop.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.io.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistoryTest {
  private static History twoEpochs() {
    Map<String, Double> first = new LinkedHashMap<>();
    first.put("loss", 0.75);
    first.put("accuracy", 0.5);
    Map<String, Double> second = new LinkedHashMap<>();
    second.put("loss", Double.NaN);
    second.put("accuracy", Double.POSITIVE_INFINITY);
    ConfusionMatrix m = ConfusionMatrix.of(new int[] {0, 1, 1}, new int[] {0, 1, 0}, 2);
    return History.empty()
        .plus(new EpochRecord(0, first, 0.1, 1.5, 0), null)
        .plus(new EpochRecord(1, second, 0.05, 1.25, 3), m)
        .withEarlyStopping(true, 0);
  }

  @Test
  void aHistorySurvivesAJsonRoundTripNaNAndInfinitiesIncluded() {
    History h = twoEpochs();
    History back = History.fromMap(Json.parseObject(Json.write(h.toMap())));

    assertThat(back.size()).isEqualTo(2);
    assertThat(back.epochs()).isEqualTo(h.epochs());
    assertThat(back.confusionMatrix()).isEqualTo(h.confusionMatrix());
    assertThat(back.stoppedEarly()).isTrue();
    assertThat(back.bestEpoch()).hasValue(0);
    assertThat(Json.write(h.toMap())).contains("\"loss\":\"NaN\",\"accuracy\":\"Infinity\"");
  }

  @Test
  void metricGivesOneValuePerEpochAndNamesTheMetricsThereAre() {
    History h = twoEpochs();
    assertThat(h.metric("loss")[0]).isEqualTo(0.75);
    assertThat(h.metric("loss")[1]).isNaN();
    assertThatThrownBy(() -> h.metric("val_loss"))
        .hasMessage("epoch 0 has no metric 'val_loss'; it has [loss, accuracy]");
  }

  @Test
  void theTableHasAHeaderAndOneLinePerEpochCountedFromOne() {
    String[] lines = twoEpochs().toString().split("\n");
    assertThat(lines).hasSize(3);
    assertThat(lines[0]).matches("epoch +loss +accuracy +lr +seconds");
    assertThat(lines[1]).matches(" +1 +0\\.750000 +0\\.500000 +0\\.100 +1\\.50");
  }

  @Test
  void epochsMustFollowEachOther() {
    assertThatThrownBy(() -> History.empty().plus(new EpochRecord(1, Map.of(), 0.1, 1, 0), null))
        .hasMessage("history: epoch 1 cannot follow 0 epochs");
  }
}

package dev.backprop.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.train.EpochRecord;
import dev.backprop.train.TrainingState;
import java.util.List;

/** Compares two training states bit for bit: everything but the wall-clock seconds. */
final class SameRun {
  private SameRun() {}

  static void assertSame(TrainingState actual, TrainingState expected) {
    assertThat(actual.epoch()).isEqualTo(expected.epoch());
    assertThat(actual.batch()).isEqualTo(expected.batch());
    assertThat(actual.model().keySet()).isEqualTo(expected.model().keySet());
    expected.model().forEach((name, t) ->
        assertThat(bits(actual.model().get(name).toFloatArray())).as(name).isEqualTo(bits(t.toFloatArray())));
    assertThat(actual.generators()).isEqualTo(expected.generators());
    assertThat(actual.scheduler()).isEqualTo(expected.scheduler());
    assertThat(actual.optimizer().scalars()).isEqualTo(expected.optimizer().scalars());
    assertThat(actual.optimizer().floatArrays().keySet()).isEqualTo(expected.optimizer().floatArrays().keySet());
    expected.optimizer().floatArrays().forEach((k, v) ->
        assertThat(bits(actual.optimizer().floatArrays().get(k))).as(k).isEqualTo(bits(v)));
    List<EpochRecord> a = actual.history().epochs();
    List<EpochRecord> e = expected.history().epochs();
    assertThat(a).hasSameSizeAs(e);
    for (int i = 0; i < e.size(); i++) {
      assertThat(a.get(i).metrics()).as("epoch %d", i).isEqualTo(e.get(i).metrics());
      assertThat(a.get(i).learningRate()).isEqualTo(e.get(i).learningRate());
      assertThat(a.get(i).skippedBatches()).isEqualTo(e.get(i).skippedBatches());
    }
    assertThat(actual.history().confusionMatrix()).isEqualTo(expected.history().confusionMatrix());
    assertThat(actual.history().bestEpoch()).isEqualTo(expected.history().bestEpoch());
    assertThat(actual.earlyStopping()).isNotNull();
    assertThat(actual.earlyStopping().best()).isEqualTo(expected.earlyStopping().best());
    assertThat(actual.earlyStopping().bestEpoch()).isEqualTo(expected.earlyStopping().bestEpoch());
    assertThat(actual.earlyStopping().epochsWithoutImprovement())
        .isEqualTo(expected.earlyStopping().epochsWithoutImprovement());
  }

  static int[] bits(float[] values) {
    int[] bits = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      bits[i] = Float.floatToRawIntBits(values[i]);
    }
    return bits;
  }
}

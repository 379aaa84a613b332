package dev.backprop.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.train.History;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EpochMetricsTest {

    @Test
    void historySplitsIntoTrainingAndValidationMetricsCountedFromOne() {
        History history = History.fromMap(Map.of(
                "epochs", List.of(epoch(0, 1.5, 0.61), epoch(1, 0.75, 0.83)),
                "stopped_early", false,
                "best_epoch", -1L));

        List<EpochMetrics> epochs = EpochMetrics.fromHistory(history);

        assertThat(epochs).containsExactly(
                new EpochMetrics(1, ordered("loss", 1.5, "accuracy", 0.5),
                        ordered("loss", 1.6, "accuracy", 0.61), 2.5),
                new EpochMetrics(2, ordered("loss", 0.75, "accuracy", 0.5),
                        ordered("loss", 0.85, "accuracy", 0.83), 2.5));
        assertThat(epochs.get(0).training().keySet()).containsExactly("loss", "accuracy");
    }

    @Test
    void anEmptyHistoryHasNoEpochs() {
        assertThat(EpochMetrics.fromHistory(History.empty())).isEmpty();
    }

    @Test
    void epochNumbersStartAtOneAndTimesAreNotNegative() {
        assertThatThrownBy(() -> new EpochMetrics(0, Map.of(), Map.of(), 1))
                .hasMessage("epoch numbers start at 1, got 0");
        assertThatThrownBy(() -> new EpochMetrics(2, Map.of(), Map.of(), -1))
                .hasMessage("epoch 2 took a negative time: -1.0 s");
    }

    /** An epoch as History's map form holds it: training loss, accuracy 0.5, validation loss + 0.1. */
    private static Map<String, Object> epoch(long epoch, double loss, double validationAccuracy) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("loss", loss);
        metrics.put("accuracy", 0.5);
        metrics.put("val_loss", loss + 0.1);
        metrics.put("val_accuracy", validationAccuracy);
        return Map.of("epoch", epoch, "metrics", metrics, "learning_rate", 0.001, "seconds", 2.5,
                "skipped_batches", 0L);
    }

    private static Map<String, Double> ordered(Object... namesAndValues) {
        return SampleReports.ordered(namesAndValues);
    }
}

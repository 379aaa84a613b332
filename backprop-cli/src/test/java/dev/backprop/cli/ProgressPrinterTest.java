package dev.backprop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.train.BatchEvent;
import dev.backprop.train.EpochRecord;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {

    private final StringWriter text = new StringWriter();
    private long now;

    private ProgressPrinter printer(boolean inPlace) {
        return new ProgressPrinter(new PrintWriter(text), inPlace, List.of("accuracy"), () -> now);
    }

    /** The epoch's metrics over its batches so far, as the trainer reports them with each batch. */
    private static Map<String, Double> soFar(double loss, double accuracy) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("loss", loss);
        metrics.put("accuracy", accuracy);
        metrics.put("macro_f1", accuracy);
        return metrics;
    }

    private static EpochRecord record(int epoch, double seconds) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("loss", 0.5);
        metrics.put("accuracy", 0.8125);
        metrics.put("macro_f1", 0.8);
        metrics.put("val_loss", 0.625);
        metrics.put("val_accuracy", 0.75);
        return new EpochRecord(epoch, metrics, 1e-3, seconds, 0);
    }

    @Test
    void offATerminalEachEpochIsOnePlainLineWithTrainingAndValidationMetrics() {
        ProgressPrinter printer = printer(false);
        printer.onTrainBegin(0, 15);
        printer.onEpochStart(0, 4);
        for (int b = 0; b < 4; b++) {
            now += 1_000_000_000L;
            printer.onBatchEnd(new BatchEvent(0, b, 4, 32, 0.5, false, soFar(0.5, 0.75)));
        }
        printer.onEpochEnd(record(0, 4.2));

        assertThat(text.toString()).isEqualTo("Epoch 1/15 - 4s - loss: 0.5000 - accuracy: 0.8125"
                + " - val_loss: 0.6250 - val_accuracy: 0.7500" + System.lineSeparator());
    }

    @Test
    void onATerminalTheBarIsRedrawnInPlaceWithTheEtaAndTheRunningLoss() {
        ProgressPrinter printer = printer(true);
        printer.onTrainBegin(0, 2);
        printer.onEpochStart(1, 4);
        now += 2_000_000_000L;
        printer.onBatchEnd(new BatchEvent(1, 0, 4, 10, 1.0, false, soFar(1.0, 0.5)));
        now += 2_000_000_000L;
        printer.onBatchEnd(new BatchEvent(1, 1, 4, 30, 0.5, false, soFar(0.625, 0.6)));
        now += 2_000_000_000L;
        printer.onBatchEnd(new BatchEvent(1, 2, 4, 10, Double.NaN, true, soFar(0.625, 0.6)));
        now += 2_000_000_000L;
        printer.onBatchEnd(new BatchEvent(1, 3, 4, 10, 0.25, false, soFar(0.5, 0.8125)));
        printer.onEpochEnd(record(1, 8));

        String[] draws = text.toString().split("\r", -1);
        assertThat(draws[0]).isEqualTo("Epoch 2/2" + System.lineSeparator());
        // Keras' bar: ⌊30 · done / total⌋ cells, the last of them the arrow head.
        assertThat(draws[1]).isEqualTo("1/4 [" + "=".repeat(6) + ">" + ".".repeat(23)
                + "] - ETA: 6s - loss: 1.0000 - accuracy: 0.5000");
        assertThat(draws[2]).isEqualTo("2/4 [" + "=".repeat(14) + ">" + ".".repeat(15)
                + "] - ETA: 4s - loss: 0.6250 - accuracy: 0.6000");
        assertThat(draws[3]).isEqualTo("3/4 [" + "=".repeat(21) + ">" + ".".repeat(8)
                + "] - ETA: 2s - loss: 0.6250 - accuracy: 0.6000");
        assertThat(draws[4]).isEqualTo("4/4 [==============================] - 8s 2s/step - loss: 0.5000"
                + " - accuracy: 0.8125 - val_loss: 0.6250 - val_accuracy: 0.7500" + System.lineSeparator());
    }

    @Test
    void aShorterRedrawBlanksTheRestOfTheLongerOne() {
        ProgressPrinter printer = printer(true);
        printer.onTrainBegin(0, 1);
        printer.onEpochStart(0, 3);
        now += 1_000_000_000L;
        printer.onBatchEnd(new BatchEvent(0, 0, 3, 1, 123456.0, false, soFar(123456.0, 0.0)));
        now += 1_000_000_000L;
        printer.onBatchEnd(new BatchEvent(0, 1, 3, 100_000, 0.0, false, soFar(1.2345, 0.5)));

        String[] draws = text.toString().split("\r", -1);
        assertThat(draws[2]).hasSameSizeAs(draws[1]).endsWith("loss: 1.2345 - accuracy: 0.5000" + " ".repeat(5));
    }

    @Test
    void redrawsAreThrottledToTenASecond() {
        ProgressPrinter printer = printer(true);
        printer.onTrainBegin(0, 1);
        printer.onEpochStart(0, 1000);
        for (int b = 0; b < 999; b++) {
            now += 1_000_000L;
            printer.onBatchEnd(new BatchEvent(0, b, 1000, 1, 0.1, false, soFar(0.1, 1)));
        }

        // 999 ms of batches: a draw at the first batch and one every 100 ms after it.
        assertThat(text.toString().chars().filter(c -> c == '\r').count()).isEqualTo(10);
    }

    @Test
    void barsAndDurationsReadAsKerasShowsThem() {
        assertThat(ProgressPrinter.bar(0, 1688)).isEqualTo("   0/1688 [>.............................]");
        assertThat(ProgressPrinter.bar(845, 1688)).isEqualTo(" 845/1688 [" + "=".repeat(14) + ">" + ".".repeat(15) + "]");
        assertThat(ProgressPrinter.bar(1688, 1688)).isEqualTo("1688/1688 [==============================]");
        assertThat(ProgressPrinter.duration(12.4)).isEqualTo("12s");
        assertThat(ProgressPrinter.duration(62)).isEqualTo("1:02");
        assertThat(ProgressPrinter.duration(3605)).isEqualTo("1:00:05");
    }
}

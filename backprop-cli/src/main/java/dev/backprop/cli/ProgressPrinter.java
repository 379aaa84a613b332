package dev.backprop.cli;

import dev.backprop.train.BatchEvent;
import dev.backprop.train.EpochRecord;
import dev.backprop.train.MetricNames;
import dev.backprop.train.TrainingListener;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Shows training progress as Keras does. On a terminal, a bar per epoch redrawn in place with
 * {@code \r}: batches done of the epoch's total, the estimated time left, and the loss and
 * metrics of the epoch so far (means over its batches, as the epoch's record will report them); when the epoch ends, the bar is completed with its time and the
 * validation metrics. Anywhere else (a log file, a pipe, a CI job) one plain line per epoch, so
 * logs stay readable.
 *
 * <pre>
 * Epoch 3/15
 *  845/1688 [==============&gt;...............] - ETA: 12s - loss: 0.3121 - accuracy: 0.8853
 * </pre>
 */
final class ProgressPrinter implements TrainingListener {

    private static final int BAR_WIDTH = 30;
    /** Redrawing more often than ten times a second only costs time; nobody can read it. */
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter out;
    private final boolean inPlace;
    private final List<String> shown;
    private final LongSupplier nanoClock;

    private int epochs;
    private int batches;
    private long epochStart;
    private long lastDraw;
    private int drawnWidth;

    /**
     * @param out       where to print (standard error, so standard output keeps only results)
     * @param inPlace   whether to redraw a bar in place (a terminal) or print a line per epoch
     * @param shown     the metrics to show besides the loss, e.g. {@code accuracy}; their
     *                  {@code val_} forms are shown too when the epoch has them
     * @param nanoClock the clock for times and the ETA, {@link System#nanoTime} but in tests
     */
    ProgressPrinter(PrintWriter out, boolean inPlace, List<String> shown, LongSupplier nanoClock) {
        this.out = out;
        this.inPlace = inPlace;
        this.shown = List.copyOf(shown);
        this.nanoClock = nanoClock;
    }

    @Override
    public void onTrainBegin(int epoch, int epochs) {
        this.epochs = epochs;
    }

    @Override
    public void onEpochStart(int epoch, int batches) {
        this.batches = batches;
        epochStart = nanoClock.getAsLong();
        lastDraw = Long.MIN_VALUE;
        drawnWidth = 0;
        if (inPlace) {
            out.println("Epoch " + (epoch + 1) + "/" + epochs);
            out.flush();
        }
    }

    @Override
    public void onBatchEnd(BatchEvent event) {
        long now = nanoClock.getAsLong();
        boolean last = event.batch() + 1 == event.batches();
        if (inPlace && !last && (lastDraw == Long.MIN_VALUE || now - lastDraw >= REDRAW_NANOS)) {
            lastDraw = now;
            double elapsed = seconds(now - epochStart);
            int done = event.batch() + 1;
            double eta = elapsed / done * (event.batches() - done);
            draw(bar(done, event.batches()) + " - ETA: " + duration(eta) + metrics(event.metrics()));
        }
    }

    @Override
    public void onEpochEnd(EpochRecord record) {
        String metrics = metrics(record.metrics());
        double elapsed = record.seconds();
        if (inPlace) {
            String perStep = batches == 0 ? "" : " " + stepTime(elapsed / batches);
            draw(bar(batches, batches) + " - " + duration(elapsed) + perStep + metrics);
            out.println();
        } else {
            out.println("Epoch " + (record.epoch() + 1) + "/" + epochs + " - " + duration(elapsed) + metrics);
        }
        out.flush();
    }

    /** The loss and shown metrics, training then validation, as {@code " - loss: 0.3121 - ..."}. */
    private String metrics(Map<String, Double> values) {
        StringBuilder text = new StringBuilder();
        for (String prefix : List.of("", MetricNames.VALIDATION_PREFIX)) {
            append(text, values, prefix + MetricNames.LOSS);
            shown.forEach(name -> append(text, values, prefix + name));
        }
        return text.toString();
    }

    private static void append(StringBuilder text, Map<String, Double> values, String name) {
        Double value = values.get(name);
        if (value != null) {
            text.append(String.format(Locale.ROOT, " - %s: %.4f", name, value));
        }
    }

    /** {@code " 845/1688 [=============>................]"}, the count right-aligned to the total. */
    static String bar(int done, int total) {
        int width = String.valueOf(total).length();
        String count = String.format(Locale.ROOT, "%" + width + "d/%d", done, total);
        if (done >= total) {
            return count + " [" + "=".repeat(BAR_WIDTH) + "]";
        }
        int filled = Math.max(1, (int) ((long) BAR_WIDTH * done / total));
        return count + " [" + "=".repeat(filled - 1) + ">" + ".".repeat(BAR_WIDTH - filled) + "]";
    }

    /** Rewrites the current terminal line, blanking what a longer previous text left behind. */
    private void draw(String line) {
        String padding = " ".repeat(Math.max(0, drawnWidth - line.length()));
        out.print("\r" + line + padding);
        out.flush();
        drawnWidth = line.length();
    }

    /** Seconds as Keras shows them: {@code 12s}, {@code 1:02}, {@code 1:00:05}. */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s % 3600 / 60, s % 60);
        }
        if (s >= 60) {
            return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
        }
        return s + "s";
    }

    private static String stepTime(double seconds) {
        if (seconds >= 1) {
            return String.format(Locale.ROOT, "%.0fs/step", seconds);
        }
        return seconds >= 1e-3 ? String.format(Locale.ROOT, "%.0fms/step", seconds * 1e3)
                : String.format(Locale.ROOT, "%.0fus/step", seconds * 1e6);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}

package dev.backprop.cli;

import dev.backprop.cli.report.ClassificationResult;
import dev.backprop.cli.report.DataSummary;
import dev.backprop.cli.report.EpochMetrics;
import dev.backprop.cli.report.Evaluation;
import dev.backprop.cli.report.HtmlReport;
import dev.backprop.cli.report.RegressionResult;
import dev.backprop.cli.report.ReportData;
import dev.backprop.cli.report.RunInfo;
import dev.backprop.data.Dataset;
import dev.backprop.data.Task;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/** Fills the HTML training report from a finished run: its history, final metrics, model, data and settings. */
final class TrainReport {

    private TrainReport() {
    }

    /** The report page of {@code result}, to write with {@link dev.backprop.io.AtomicFiles}. */
    static String render(TrainingRun.Result result) {
        return HtmlReport.render(data(result));
    }

    /** Everything the report shows, taken from the run. */
    static ReportData data(TrainingRun.Result result) {
        TrainingData data = result.data();
        String title = data.shortName() + ": " + data.task().name().toLowerCase(Locale.ROOT);
        RunInfo run = new RunInfo(result.settings().seed(), result.hyperparameters(), result.seconds(),
                software(), result.finishedAt());
        return new ReportData(title, run, dataSummary(data),
                result.network().summary(data.train().featureCount()).stripTrailing(),
                EpochMetrics.fromHistory(result.history()), bestEpoch(result), evaluation(result.metrics()));
    }

    /** What produced the run, e.g. {@code backprop 0.1.0, Java 17.0.15}. */
    static String software() {
        return "backprop " + VersionInfo.projectVersion() + ", Java " + System.getProperty("java.version");
    }

    /** Early stopping's best epoch, counted from 1. */
    private static OptionalInt bestEpoch(TrainingRun.Result result) {
        OptionalInt best = result.history().bestEpoch();
        return best.isPresent() ? OptionalInt.of(best.getAsInt() + 1) : OptionalInt.empty();
    }

    private static DataSummary dataSummary(TrainingData data) {
        Map<String, Long> rows = new LinkedHashMap<>();
        rows.put("training", (long) data.train().size());
        data.validation().ifPresent(v -> rows.put("validation", (long) v.size()));
        data.test().ifPresent(t -> rows.put("test", (long) t.size()));
        Map<String, Long> classes = new LinkedHashMap<>();
        Dataset train = data.train();
        if (data.task() == Task.CLASSIFICATION) {
            int[] counts = train.classCounts();
            for (int k = 0; k < counts.length; k++) {
                classes.put(train.classNames().get(k), (long) counts[k]);
            }
        }
        return new DataSummary(data.source(), data.targetName(), train.featureCount(), rows, classes);
    }

    private static Evaluation evaluation(ModelMetrics metrics) {
        String dataset = String.format(Locale.ROOT, "%s (%,d rows)", metrics.part(), metrics.rows());
        if (metrics.isClassification()) {
            return new ClassificationResult(dataset, metrics.values(), metrics.classes(), metrics.confusion());
        }
        return new RegressionResult(dataset, metrics.values(), doubles(metrics.actual()),
                doubles(metrics.predicted()));
    }

    private static double[] doubles(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}

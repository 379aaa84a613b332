package dev.backprop.cli.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;

/**
 * The training curves: one chart per metric ({@code loss} first), each with a training and,
 * when measured, a validation line. The best epoch (see {@link ReportData#bestEpoch()}) is
 * marked on every chart.
 */
final class CurvesSection {

    static final String LOSS = "loss";

    private final List<EpochMetrics> epochs;
    private final OptionalInt marked;

    CurvesSection(ReportData data) {
        this.epochs = data.epochs();
        this.marked = data.markedEpoch().map(m -> OptionalInt.of(m.epoch())).orElse(OptionalInt.empty());
    }

    void render(Html html) {
        html.open("section", "class", "card", "id", "curves").element("h2", "Training curves");
        if (epochs.isEmpty()) {
            html.element("p", "No epochs were run, so there are no curves to show.", "class", "note");
            html.close("section");
            return;
        }
        int[] epochNumbers = epochs.stream().mapToInt(EpochMetrics::epoch).toArray();
        html.open("div", "class", "charts");
        for (String metric : metricNames(epochs)) {
            List<LineChart.Series> series = seriesOf(metric);
            html.open("figure", "class", "curve", "data-metric", metric).element("h3", metric);
            LineChart.render(html, metric, epochNumbers, series, marked);
            missingNote(html, series);
            html.close("figure");
        }
        html.close("div").close("section");
    }

    /** Every metric measured in any epoch, {@code loss} first, then in order of first appearance. */
    static List<String> metricNames(List<EpochMetrics> epochs) {
        Set<String> names = new LinkedHashSet<>();
        for (EpochMetrics epoch : epochs) {
            if (epoch.training().containsKey(LOSS) || epoch.validation().containsKey(LOSS)) {
                names.add(LOSS);
            }
        }
        for (EpochMetrics epoch : epochs) {
            names.addAll(epoch.training().keySet());
            names.addAll(epoch.validation().keySet());
        }
        return List.copyOf(names);
    }

    private List<LineChart.Series> seriesOf(String metric) {
        List<LineChart.Series> series = new ArrayList<>();
        if (epochs.stream().anyMatch(epoch -> epoch.training().containsKey(metric))) {
            series.add(new LineChart.Series("training", values(EpochMetrics::training, metric), LineChart.TRAINING));
        }
        if (epochs.stream().anyMatch(epoch -> epoch.validation().containsKey(metric))) {
            series.add(new LineChart.Series("validation", values(EpochMetrics::validation, metric),
                    LineChart.VALIDATION));
        }
        return series;
    }

    private double[] values(Function<EpochMetrics, Map<String, Double>> part, String metric) {
        return epochs.stream().mapToDouble(epoch -> part.apply(epoch).getOrDefault(metric, Double.NaN)).toArray();
    }

    private static void missingNote(Html html, List<LineChart.Series> series) {
        List<String> notes = new ArrayList<>();
        for (LineChart.Series line : series) {
            int missing = line.values().length - LineChart.finiteCount(line.values());
            if (missing > 0) {
                notes.add(line.name() + ": " + missing + " of " + line.values().length
                        + (missing == 1 ? " value" : " values") + " missing or not finite");
            }
        }
        if (!notes.isEmpty()) {
            html.element("p", String.join("; ", notes) + ". The line breaks there.", "class", "note");
        }
    }
}

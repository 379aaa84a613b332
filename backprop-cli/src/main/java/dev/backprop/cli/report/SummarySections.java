package dev.backprop.cli.report;

import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reference parts of the report: the model's layer table, the data, every hyperparameter and
 * the seed, the timings, and a table of every metric in every epoch.
 */
final class SummarySections {

    private SummarySections() {
    }

    static void renderModel(Html html, String modelSummary) {
        html.open("section", "class", "card", "id", "model").element("h2", "Model");
        html.element("pre", modelSummary.isBlank() ? "(no summary)" : modelSummary.stripTrailing());
        html.close("section");
    }

    static void renderData(Html html, DataSummary data) {
        html.open("section", "class", "card", "id", "data").element("h2", "Data");
        html.open("table", "class", "kv").open("tbody");
        textRow(html, "source", data.source(), "code");
        textRow(html, "target", data.target(), "code");
        EvaluationSection.numberRow(html, "features", Formats.count(data.features()));
        data.rows().forEach((part, rows) -> EvaluationSection.numberRow(html, part + " rows", Formats.count(rows)));
        html.close("tbody").close("table");
        if (!data.classCounts().isEmpty()) {
            renderClassCounts(html, data.classCounts());
        }
        html.close("section");
    }

    private static void renderClassCounts(Html html, Map<String, Long> classCounts) {
        long total = classCounts.values().stream().mapToLong(Long::longValue).sum();
        long largest = classCounts.values().stream().mapToLong(Long::longValue).max().orElse(0);
        html.element("h3", "Classes (" + classCounts.size() + ")", "class", "spaced");
        html.open("table", "class", "classes").open("thead").open("tr");
        html.element("th", "class").element("th", "rows", "class", "num").element("th", "share", "class", "num")
                .element("th", "", "class", "bar-cell");
        html.close("tr").close("thead").open("tbody");
        classCounts.forEach((label, count) -> {
            html.open("tr").element("th", label, "scope", "row");
            html.element("td", Formats.count(count), "class", "num");
            html.element("td", Formats.percent(total == 0 ? Double.NaN : (double) count / total), "class", "num");
            double width = largest == 0 ? 0 : 100.0 * count / largest;
            html.open("td", "class", "bar-cell")
                    .element("span", "", "class", "bar", "style", "width: " + Formats.px(width) + "%")
                    .close("td");
            html.close("tr");
        });
        html.close("tbody").close("table");
    }

    static void renderHyperparameters(Html html, RunInfo run) {
        html.open("section", "class", "card", "id", "hyperparameters").element("h2", "Hyperparameters");
        html.open("table", "class", "kv").open("tbody");
        textRow(html, "seed", Long.toString(run.seed()), "code");
        run.hyperparameters().forEach((name, value) -> textRow(html, name, value, "code"));
        html.close("tbody").close("table").close("section");
    }

    static void renderTimings(Html html, RunInfo run, List<EpochMetrics> epochs) {
        DoubleSummaryStatistics seconds = epochs.stream().mapToDouble(EpochMetrics::seconds)
                .filter(Double::isFinite).summaryStatistics();
        double epochTotal = seconds.getSum();
        html.open("section", "class", "card", "id", "timings").element("h2", "Timings");
        html.open("table", "class", "kv").open("tbody");
        EvaluationSection.numberRow(html, "total", Formats.seconds(run.totalSeconds()));
        EvaluationSection.numberRow(html, "epochs", Formats.count(epochs.size()));
        if (seconds.getCount() > 0) {
            EvaluationSection.numberRow(html, "per epoch (mean)", Formats.seconds(seconds.getAverage()));
            EvaluationSection.numberRow(html, "fastest epoch", Formats.seconds(seconds.getMin()));
            EvaluationSection.numberRow(html, "slowest epoch", Formats.seconds(seconds.getMax()));
            if (Double.isFinite(run.totalSeconds()) && run.totalSeconds() >= epochTotal) {
                EvaluationSection.numberRow(html, "outside epochs", Formats.seconds(run.totalSeconds() - epochTotal));
            }
        }
        html.close("tbody").close("table");
        html.element("p", "Outside epochs: loading and preparing data, building the model, final evaluation.",
                "class", "note");
        html.close("section");
    }

    static void renderEpochTable(Html html, ReportData data) {
        List<EpochMetrics> epochs = data.epochs();
        if (epochs.isEmpty()) {
            return;
        }
        List<String> metrics = CurvesSection.metricNames(epochs);
        Optional<ReportData.MarkedEpoch> marked = data.markedEpoch();
        boolean validation = epochs.stream().anyMatch(epoch -> !epoch.validation().isEmpty());
        html.open("section", "class", "card", "id", "epochs").element("h2", "Epochs");
        html.open("details").element("summary", "Every metric in every epoch (" + epochs.size() + ")");
        html.open("div", "class", "scroll").open("table", "class", "epochs").open("thead").open("tr");
        html.element("th", "epoch", "class", "num");
        metrics.forEach(metric -> html.element("th", metric + (validation ? " (training)" : ""), "class", "num"));
        if (validation) {
            metrics.forEach(metric -> html.element("th", metric + " (validation)", "class", "num"));
        }
        html.element("th", "seconds", "class", "num").close("tr").close("thead").open("tbody");
        for (EpochMetrics epoch : epochs) {
            boolean isBest = marked.isPresent() && marked.get().epoch() == epoch.epoch();
            html.open("tr", "class", isBest ? "best" : "plain")
                    .element("td", Integer.toString(epoch.epoch()), "class", "num");
            metrics.forEach(metric -> metricCell(html, epoch.training(), metric));
            if (validation) {
                metrics.forEach(metric -> metricCell(html, epoch.validation(), metric));
            }
            html.element("td", Formats.seconds(epoch.seconds()), "class", "num").close("tr");
        }
        html.close("tbody").close("table").close("div");
        marked.ifPresent(epoch -> html.element("p", "Highlighted: epoch " + epoch.epoch() + ", "
                + epoch.reason() + ".", "class", "note"));
        html.close("details").close("section");
    }

    private static void metricCell(Html html, Map<String, Double> values, String metric) {
        html.element("td", Formats.metric(values.getOrDefault(metric, Double.NaN)), "class", "num");
    }

    private static void textRow(Html html, String name, String value, String valueClass) {
        html.open("tr").element("th", name, "scope", "row").element("td", value, "class", valueClass).close("tr");
    }
}

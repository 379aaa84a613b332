package dev.backprop.cli.report;

import dev.backprop.train.ConfusionMatrix;
import java.util.Arrays;

/**
 * How the final model did: for a classifier the confusion-matrix heatmap next to per-class
 * precision, recall and F1; for a regression model predicted against actual values next to the
 * residuals' bias, spread and worst case (the error metrics themselves are in the tiles above).
 */
final class EvaluationSection {

    private EvaluationSection() {
    }

    static void render(Html html, Evaluation evaluation) {
        html.open("section", "class", "card", "id", "evaluation")
                .element("h2", "Evaluation on " + evaluation.dataset());
        html.open("div", "class", "evaluation");
        if (evaluation instanceof ClassificationResult classification) {
            renderClassification(html, classification);
        } else if (evaluation instanceof RegressionResult regression) {
            renderRegression(html, regression);
        }
        html.close("div").close("section");
    }

    private static void renderClassification(Html html, ClassificationResult result) {
        ConfusionHeatmap heatmap = ConfusionHeatmap.of(result);
        // The figure is as wide as its heatmap, so the note below wraps to it instead of widening it.
        html.open("figure", "style", "width: " + Formats.px(heatmap.width()) + "px")
                .element("h3", "Confusion matrix");
        heatmap.render(html);
        html.element("p", "Rows are actual classes, columns predicted ones. Each cell shows a count; its colour "
                + "is that count's share of the actual class.", "class", "note");
        html.close("figure");
        html.open("div", "class", "scroll").element("h3", "Per class");
        html.open("table", "class", "per-class").open("thead").open("tr");
        html.element("th", "class");
        for (String heading : new String[] {"precision", "recall", "F1", "rows"}) {
            html.element("th", heading, "class", "num");
        }
        html.close("tr").close("thead").open("tbody");
        ConfusionMatrix confusion = result.confusion();
        int[][] counts = confusion.counts();
        for (int k = 0; k < result.classes().size(); k++) {
            html.open("tr").element("th", result.classes().get(k), "scope", "row");
            numberCell(html, Formats.metric(confusion.precision(k)));
            numberCell(html, Formats.metric(confusion.recall(k)));
            numberCell(html, Formats.metric(confusion.f1(k)));
            numberCell(html, Formats.count(Arrays.stream(counts[k]).asLongStream().sum()));
            html.close("tr");
        }
        html.close("tbody").close("table");
        html.element("p", "A class that is never predicted, or absent from the data, scores 0 "
                + "(the scikit-learn convention).", "class", "note");
        html.close("div");
    }

    private static void renderRegression(Html html, RegressionResult result) {
        html.open("figure").element("h3", "Predicted against actual");
        int drawn = ScatterPlot.render(html, result);
        Residuals residuals = Residuals.of(result);
        StringBuilder note = new StringBuilder("A perfect model puts every point on the dashed diagonal.");
        if (drawn < residuals.rows()) {
            note.append(" Showing ").append(Formats.count(drawn)).append(" of ")
                    .append(Formats.count(residuals.rows())).append(" rows, evenly spaced.");
        }
        if (residuals.skipped() > 0) {
            note.append(' ').append(Formats.count(residuals.skipped())).append(residuals.skipped() == 1
                    ? " row has a missing or infinite value and is left out."
                    : " rows have a missing or infinite value and are left out.");
        }
        html.element("p", note.toString(), "class", "note");
        html.close("figure");
        html.open("div").element("h3", "Residuals (predicted \u2212 actual)");
        html.open("table", "class", "residuals").open("tbody");
        numberRow(html, "rows", Formats.count(residuals.rows()));
        numberRow(html, "mean (bias)", Formats.metric(residuals.mean()));
        numberRow(html, "standard deviation", Formats.metric(residuals.std()));
        numberRow(html, "largest absolute error", Formats.metric(residuals.maxAbsolute()));
        html.close("tbody").close("table").close("div");
    }

    private static void numberCell(Html html, String text) {
        html.element("td", text, "class", "num");
    }

    static void numberRow(Html html, String name, String value) {
        html.open("tr").element("th", name, "scope", "row");
        numberCell(html, value);
        html.close("tr");
    }
}

package dev.backprop.cli.report;

import static dev.backprop.cli.report.Formats.px;

import java.util.List;

/**
 * The confusion matrix as an SVG heatmap: one row per actual class, one column per predicted
 * class. A cell's colour is its share of the actual class (the row), so a rare class reads as
 * well as a common one; the number in the cell is the count. Every cell has a tooltip with the
 * labels, the count and the share. Long labels are shortened on the axes and given in full in the
 * tooltips.
 */
final class ConfusionHeatmap {

    /** Labels longer than this are cut, with an ellipsis, on the axes. */
    static final int LABEL_LIMIT = 18;
    private static final double CHAR_WIDTH = 6.8;
    private static final double AXIS_TITLE = 22;
    private static final double LEGEND_WIDTH = 70;
    private static final double TOP = 10;

    private final List<String> labels;
    private final ClassificationResult result;
    private final int[][] counts;
    private final int n;
    private final double cell;
    private final double left;
    /** Column labels turn by this many degrees when they are wider than a cell; 0 keeps them level. */
    private final int columnLabelAngle;
    private final double bottom;

    private ConfusionHeatmap(ClassificationResult result) {
        this.result = result;
        this.counts = result.confusion().counts();
        this.labels = result.classes().stream().map(ConfusionHeatmap::shortLabel).toList();
        this.n = labels.size();
        this.cell = Math.max(12, Math.min(48, Math.floor(440.0 / n)));
        double labelWidth = 8 + CHAR_WIDTH * labels.stream().mapToInt(String::length).max().orElse(1);
        this.left = AXIS_TITLE + labelWidth;
        // Slanted labels need about 1.5 lines of cell width to clear each other; narrower cells get upright ones.
        this.columnLabelAngle = labelWidth - 8 <= cell ? 0 : cell >= 22 ? 40 : 90;
        double labelHeight = labelWidth * Math.sin(Math.toRadians(columnLabelAngle));
        this.bottom = (columnLabelAngle == 0 ? 20 : labelHeight + 8) + AXIS_TITLE;
    }

    /** The heatmap of {@code result}, laid out for its labels and number of classes. */
    static ConfusionHeatmap of(ClassificationResult result) {
        return new ConfusionHeatmap(result);
    }

    /** The width the heatmap needs, in CSS pixels. */
    double width() {
        return left + n * cell + LEGEND_WIDTH;
    }

    private double height() {
        return TOP + n * cell + bottom;
    }

    static String shortLabel(String label) {
        int length = label.codePointCount(0, label.length());
        if (length <= LABEL_LIMIT) {
            return label;
        }
        return label.substring(0, label.offsetByCodePoints(0, LABEL_LIMIT - 1)) + "\u2026";
    }

    /** Draws the heatmap into {@code html}. */
    void render(Html html) {
        String width = px(width());
        String height = px(height());
        html.open("svg", "xmlns", "http://www.w3.org/2000/svg", "class", "heatmap",
                "viewBox", "0 0 " + width + " " + height, "width", width, "height", height,
                "role", "img", "aria-label", "confusion matrix of " + n + " classes");
        drawCells(html);
        drawLabels(html);
        drawLegend(html, left + n * cell + 18);
        html.close("svg");
    }

    private void drawCells(Html html) {
        int maxDigits = Formats.count(maxCount()).length();
        double fontSize = Math.min(12, cell / (0.66 * maxDigits + 0.6));
        boolean showCounts = fontSize >= 7.5;
        for (int actual = 0; actual < n; actual++) {
            long rowTotal = rowTotal(actual);
            for (int predicted = 0; predicted < n; predicted++) {
                int count = counts[actual][predicted];
                double share = rowTotal == 0 ? 0 : (double) count / rowTotal;
                double x = left + predicted * cell;
                double y = TOP + actual * cell;
                html.open("rect", "class", "cell", "x", px(x), "y", px(y), "width", px(cell), "height", px(cell),
                        "fill", ColourRamp.colour(share), "data-actual", Integer.toString(actual),
                        "data-predicted", Integer.toString(predicted), "data-count", Integer.toString(count));
                html.element("title", "actual " + result.classes().get(actual) + ", predicted "
                        + result.classes().get(predicted) + ": " + Formats.count(count)
                        + (rowTotal == 0 ? "" : " (" + Formats.percent(share) + " of the class)"));
                html.close("rect");
                if (showCounts) {
                    String textClass = share >= ColourRamp.DARK_FROM ? "count dark" : "count";
                    html.element("text", Formats.count(count), "class", textClass,
                            "x", px(x + cell / 2), "y", px(y + cell / 2), "dy", "0.35em",
                            "text-anchor", "middle", "font-size", px(fontSize));
                }
            }
        }
    }

    private void drawLabels(Html html) {
        double fontSize = Math.min(12, Math.max(8, cell * 0.6));
        String font = px(fontSize);
        for (int i = 0; i < n; i++) {
            double middle = i * cell + cell / 2;
            html.element("text", labels.get(i), "class", "label", "x", px(left - 6), "y", px(TOP + middle),
                    "dy", "0.35em", "text-anchor", "end", "font-size", font);
            double x = left + middle;
            double y = TOP + n * cell + 14;
            if (columnLabelAngle > 0) {
                html.element("text", labels.get(i), "class", "label", "text-anchor", "end", "font-size", font,
                        "dy", "0.35em", "transform", "translate(" + px(x) + " " + px(y - 8) + ") rotate(-"
                                + columnLabelAngle + ")");
            } else {
                html.element("text", labels.get(i), "class", "label", "x", px(x), "y", px(y),
                        "text-anchor", "middle", "font-size", font);
            }
        }
        double matrixMiddle = n * cell / 2;
        html.element("text", "predicted class", "class", "axis-title", "x", px(left + matrixMiddle),
                "y", px(TOP + n * cell + bottom - 6), "text-anchor", "middle");
        html.element("text", "actual class", "class", "axis-title", "text-anchor", "middle",
                "transform", "translate(14 " + px(TOP + matrixMiddle) + ") rotate(-90)");
    }

    private void drawLegend(Html html, double x) {
        double height = n * cell;
        html.open("defs").open("linearGradient", "id", "heatmap-scale", "x1", "0", "y1", "1", "x2", "0", "y2", "0");
        for (int i = 0; i < ColourRamp.stops(); i++) {
            double at = ColourRamp.stopAt(i);
            html.empty("stop", "offset", px(at * 100) + "%", "stop-color", ColourRamp.colour(at));
        }
        html.close("linearGradient").close("defs");
        html.empty("rect", "class", "scale", "x", px(x), "y", px(TOP), "width", "12", "height", px(height),
                "fill", "url(#heatmap-scale)");
        for (int percent = 0; percent <= 100; percent += 50) {
            double y = TOP + height * (1 - percent / 100.0);
            html.element("text", percent + "%", "class", "tick", "x", px(x + 17), "y", px(y), "dy", "0.35em");
        }
    }

    private long rowTotal(int actual) {
        long total = 0;
        for (int predicted = 0; predicted < n; predicted++) {
            total += counts[actual][predicted];
        }
        return total;
    }

    private int maxCount() {
        int max = 0;
        for (int actual = 0; actual < n; actual++) {
            for (int predicted = 0; predicted < n; predicted++) {
                max = Math.max(max, counts[actual][predicted]);
            }
        }
        return max;
    }
}

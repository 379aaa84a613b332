package dev.backprop.cli.report;

import static dev.backprop.cli.report.Formats.px;

/**
 * Predicted against actual values as an SVG scatter plot on equal axes, with the diagonal
 * {@code predicted = actual} that a perfect model would lie on. Rows with a non-finite value are
 * left out; beyond {@link #POINT_LIMIT} rows an evenly spaced subset is drawn, which keeps the
 * page small and still shows the shape of the errors.
 */
final class ScatterPlot {

    static final int POINT_LIMIT = 2000;
    static final int SIZE = 440;
    private static final double LEFT = 64;
    private static final double RIGHT = 16;
    private static final double TOP = 16;
    private static final double BOTTOM = 46;
    private static final double PLOT = SIZE - LEFT - RIGHT;

    private final RegressionResult result;
    private final int[] rows;
    private final NiceScale scale;

    private ScatterPlot(RegressionResult result, int[] rows, NiceScale scale) {
        this.result = result;
        this.rows = rows;
        this.scale = scale;
    }

    /**
     * Draws the plot of {@code result} into {@code html}.
     *
     * @return the number of points drawn
     */
    static int render(Html html, RegressionResult result) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int[] rows = finiteRows(result);
        for (int row : rows) {
            min = Math.min(min, Math.min(result.actualAt(row), result.predictedAt(row)));
            max = Math.max(max, Math.max(result.actualAt(row), result.predictedAt(row)));
        }
        NiceScale scale = min <= max ? NiceScale.covering(min, max, 8) : NiceScale.covering(0, 1, 8);
        return new ScatterPlot(result, rows, scale).draw(html);
    }

    /** The rows to draw: the finite ones, thinned evenly to at most {@link #POINT_LIMIT}. */
    static int[] finiteRows(RegressionResult result) {
        int[] finite = new int[result.size()];
        int count = 0;
        for (int row = 0; row < result.size(); row++) {
            if (Double.isFinite(result.actualAt(row)) && Double.isFinite(result.predictedAt(row))) {
                finite[count++] = row;
            }
        }
        int shown = Math.min(count, POINT_LIMIT);
        int[] rows = new int[shown];
        for (int i = 0; i < shown; i++) {
            rows[i] = finite[(int) ((long) i * count / shown)];
        }
        return rows;
    }

    private double x(double actual) {
        return LEFT + scale.fraction(actual) * PLOT;
    }

    private double y(double predicted) {
        return TOP + (1 - scale.fraction(predicted)) * PLOT;
    }

    private int draw(Html html) {
        html.open("svg", "xmlns", "http://www.w3.org/2000/svg", "class", "scatter",
                "viewBox", "0 0 " + SIZE + " " + SIZE, "role", "img", "aria-label", "predicted against actual values");
        drawAxes(html);
        html.empty("line", "class", "diagonal", "x1", px(x(scale.low())), "y1", px(y(scale.low())),
                "x2", px(x(scale.high())), "y2", px(y(scale.high())));
        html.open("g", "class", "points", "fill", LineChart.TRAINING.colour(), "data-points",
                Integer.toString(rows.length));
        for (int row : rows) {
            html.empty("circle", "cx", px(x(result.actualAt(row))), "cy", px(y(result.predictedAt(row))), "r", "2.4");
        }
        html.close("g");
        html.close("svg");
        return rows.length;
    }

    private void drawAxes(Html html) {
        double bottom = TOP + PLOT;
        html.open("g", "class", "axes");
        for (double tick : scale.ticks()) {
            String label = Formats.tick(tick, scale.step());
            html.empty("line", "class", "grid", "x1", px(LEFT), "x2", px(LEFT + PLOT),
                    "y1", px(y(tick)), "y2", px(y(tick)));
            html.empty("line", "class", "grid", "x1", px(x(tick)), "x2", px(x(tick)), "y1", px(TOP), "y2", px(bottom));
            html.element("text", label, "class", "tick", "x", px(LEFT - 8), "y", px(y(tick)), "dy", "0.32em",
                    "text-anchor", "end");
            html.element("text", label, "class", "tick", "x", px(x(tick)), "y", px(bottom + 18),
                    "text-anchor", "middle");
        }
        html.empty("line", "class", "axis", "x1", px(LEFT), "x2", px(LEFT + PLOT), "y1", px(bottom), "y2", px(bottom));
        html.empty("line", "class", "axis", "x1", px(LEFT), "x2", px(LEFT), "y1", px(TOP), "y2", px(bottom));
        html.element("text", "actual", "class", "axis-title", "x", px(LEFT + PLOT / 2), "y", px(SIZE - 8),
                "text-anchor", "middle");
        html.element("text", "predicted", "class", "axis-title", "text-anchor", "middle",
                "transform", "translate(16 " + px(TOP + PLOT / 2) + ") rotate(-90)");
        html.close("g");
    }
}

package dev.backprop.cli.report;

import static dev.backprop.cli.report.Formats.px;

import java.util.List;
import java.util.OptionalInt;

/**
 * An SVG line chart of metric values per epoch, one line per series, with gridlines, tick labels,
 * axis titles and a legend. Non-finite values are gaps: the line breaks there and a point with
 * no neighbour is drawn as a marker. Series differ in colour, dash and marker fill, so they stay
 * apart for colour-blind readers and in grey-scale print.
 */
final class LineChart {

    /** Okabe-Ito blue and vermillion: distinguishable under the common colour-vision deficiencies. */
    static final SeriesStyle TRAINING = new SeriesStyle("#0072B2", "", true);
    static final SeriesStyle VALIDATION = new SeriesStyle("#D55E00", "6 4", false);

    static final int WIDTH = 560;
    static final int HEIGHT = 320;
    private static final double LEFT = 64;
    private static final double RIGHT = 20;
    private static final double TOP = 44;
    private static final double BOTTOM = 46;
    private static final double PLOT_WIDTH = WIDTH - LEFT - RIGHT;
    private static final double PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;
    /** Up to this many epochs every point gets a marker; beyond, markers would blur the line. */
    private static final int MARKER_LIMIT = 40;

    /** How a series is drawn: stroke colour, SVG dash pattern (empty for solid), filled markers or hollow. */
    record SeriesStyle(String colour, String dash, boolean filledMarkers) {
    }

    /** One line: {@code values[i]} belongs to the chart's {@code epochs[i]}; NaN means no value. */
    record Series(String name, double[] values, SeriesStyle style) {
    }

    private final String metric;
    private final int[] epochs;
    private final List<Series> series;
    /** {min, max} over all finite values, or null if there are none. */
    private final double[] range;
    private final NiceScale xScale;
    private final NiceScale yScale;

    private LineChart(String metric, int[] epochs, List<Series> series) {
        this.metric = metric;
        this.epochs = epochs;
        this.series = series;
        this.range = finiteRange();
        this.xScale = NiceScale.wholeNumbers(epochs[0], epochs[epochs.length - 1], 8);
        this.yScale = range == null ? NiceScale.covering(0, 1, 6) : NiceScale.covering(range[0], range[1], 6);
    }

    /**
     * Draws the chart into {@code html}.
     *
     * @param metric    the metric's name, the y-axis title
     * @param epochs    the epoch number of each value, increasing, at least one
     * @param series    the lines, each with one value per epoch
     * @param bestEpoch an epoch to mark with a vertical line (the best validation loss), if any
     */
    static void render(Html html, String metric, int[] epochs, List<Series> series, OptionalInt bestEpoch) {
        if (epochs.length == 0) {
            throw new IllegalArgumentException("a chart of " + metric + " needs at least one epoch");
        }
        for (Series line : series) {
            if (line.values().length != epochs.length) {
                throw new IllegalArgumentException("series " + line.name() + " has " + line.values().length
                        + " values for " + epochs.length + " epochs");
            }
        }
        new LineChart(metric, epochs, series).draw(html, bestEpoch);
    }

    private void draw(Html html, OptionalInt bestEpoch) {
        html.open("svg", "xmlns", "http://www.w3.org/2000/svg", "class", "chart",
                "viewBox", "0 0 " + WIDTH + " " + HEIGHT, "role", "img",
                "aria-label", metric + " per epoch");
        drawAxes(html);
        if (range == null) {
            html.element("text", "no finite values to plot", "class", "empty",
                    "x", px(LEFT + PLOT_WIDTH / 2), "y", px(TOP + PLOT_HEIGHT / 2), "text-anchor", "middle");
        } else {
            bestEpoch.ifPresent(epoch -> drawBestEpoch(html, epoch));
            series.forEach(line -> drawSeries(html, line));
        }
        drawLegend(html);
        html.close("svg");
    }

    private double[] finiteRange() {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Series line : series) {
            for (double value : line.values()) {
                if (Double.isFinite(value)) {
                    min = Math.min(min, value);
                    max = Math.max(max, value);
                }
            }
        }
        return min <= max ? new double[] {min, max} : null;
    }

    private double x(double epoch) {
        return LEFT + xScale.fraction(epoch) * PLOT_WIDTH;
    }

    private double y(double value) {
        return TOP + (1 - yScale.fraction(value)) * PLOT_HEIGHT;
    }

    private void drawAxes(Html html) {
        html.open("g", "class", "axes");
        for (double tick : yScale.ticks()) {
            String at = px(y(tick));
            html.empty("line", "class", "grid", "x1", px(LEFT), "x2", px(LEFT + PLOT_WIDTH), "y1", at, "y2", at);
            html.element("text", Formats.tick(tick, yScale.step()), "class", "tick",
                    "x", px(LEFT - 8), "y", at, "dy", "0.32em", "text-anchor", "end");
        }
        double bottom = TOP + PLOT_HEIGHT;
        for (double tick : xScale.ticks()) {
            String at = px(x(tick));
            html.empty("line", "class", "tick-mark", "x1", at, "x2", at, "y1", px(bottom), "y2", px(bottom + 5));
            html.element("text", Formats.tick(tick, xScale.step()), "class", "tick",
                    "x", at, "y", px(bottom + 18), "text-anchor", "middle");
        }
        html.empty("line", "class", "axis", "x1", px(LEFT), "x2", px(LEFT + PLOT_WIDTH),
                "y1", px(bottom), "y2", px(bottom));
        html.empty("line", "class", "axis", "x1", px(LEFT), "x2", px(LEFT), "y1", px(TOP), "y2", px(bottom));
        html.element("text", "epoch", "class", "axis-title",
                "x", px(LEFT + PLOT_WIDTH / 2), "y", px(HEIGHT - 8), "text-anchor", "middle");
        html.element("text", metric, "class", "axis-title", "text-anchor", "middle",
                "transform", "translate(16 " + px(TOP + PLOT_HEIGHT / 2) + ") rotate(-90)");
        html.close("g");
    }

    private void drawBestEpoch(Html html, int epoch) {
        String at = px(x(epoch));
        html.open("g", "class", "best");
        html.empty("line", "x1", at, "x2", at, "y1", px(TOP), "y2", px(TOP + PLOT_HEIGHT));
        boolean nearRightEdge = xScale.fraction(epoch) > 0.8;
        html.element("text", "best epoch " + epoch, "x", px(x(epoch) + (nearRightEdge ? -5 : 5)),
                "y", px(TOP + 12), "text-anchor", nearRightEdge ? "end" : "start");
        html.close("g");
    }

    private void drawSeries(Html html, Series line) {
        double[] values = line.values();
        SeriesStyle style = line.style();
        html.open("g", "class", "series", "data-series", line.name(), "data-points",
                Integer.toString(finiteCount(values)), "stroke", style.colour());
        int start = 0;
        while (start < values.length) {
            int end = start;
            while (end < values.length && Double.isFinite(values[end])) {
                end++;
            }
            if (end - start >= 2) {
                html.empty("polyline", "points", points(values, start, end), "fill", "none",
                        "stroke-dasharray", style.dash().isEmpty() ? "none" : style.dash());
            }
            boolean markAll = values.length <= MARKER_LIMIT;
            for (int i = start; i < end; i++) {
                if (markAll || end - start == 1) {
                    drawMarker(html, line, i);
                }
            }
            start = end + 1;
        }
        html.close("g");
    }

    private String points(double[] values, int start, int end) {
        StringBuilder points = new StringBuilder();
        for (int i = start; i < end; i++) {
            points.append(i == start ? "" : " ").append(px(x(epochs[i]))).append(',').append(px(y(values[i])));
        }
        return points.toString();
    }

    private void drawMarker(Html html, Series line, int i) {
        html.open("circle", "class", "marker", "cx", px(x(epochs[i])), "cy", px(y(line.values()[i])), "r", "3",
                "fill", line.style().filledMarkers() ? line.style().colour() : "#ffffff");
        html.element("title", line.name() + ", epoch " + epochs[i] + ": " + Formats.metric(line.values()[i]));
        html.close("circle");
    }

    private void drawLegend(Html html) {
        double left = LEFT;
        html.open("g", "class", "legend");
        for (Series line : series) {
            SeriesStyle style = line.style();
            html.empty("line", "x1", px(left), "x2", px(left + 24), "y1", "18", "y2", "18",
                    "stroke", style.colour(), "stroke-dasharray", style.dash().isEmpty() ? "none" : style.dash());
            html.empty("circle", "cx", px(left + 12), "cy", "18", "r", "3", "stroke", style.colour(),
                    "fill", style.filledMarkers() ? style.colour() : "#ffffff");
            html.element("text", line.name(), "x", px(left + 30), "y", "18", "dy", "0.32em");
            left += 30 + 7.5 * line.name().length() + 22;
        }
        html.close("g");
    }

    static int finiteCount(double[] values) {
        int count = 0;
        for (double value : values) {
            if (Double.isFinite(value)) {
                count++;
            }
        }
        return count;
    }
}

package dev.backprop.cli.report;

import static dev.backprop.cli.report.Pages.parse;
import static dev.backprop.cli.report.Pages.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class LineChartTest {

    private static final double NAN = Double.NaN;

    @Test
    void missingValuesBreakTheLineAndLonePointsStillGetAMarker() {
        Document chart = chart(new double[] {1, NAN, 3, 4, Double.POSITIVE_INFINITY, 6});

        List<Element> polylines = select(chart, "//*[local-name()='polyline']");
        assertThat(polylines).singleElement().satisfies(p -> assertThat(Pages.vertexCount(p)).isEqualTo(2));
        assertThat(markerTitles(chart)).containsExactly(
                "training, epoch 1: 1.000", "training, epoch 3: 3.000", "training, epoch 4: 4.000",
                "training, epoch 6: 6.000");
        assertThat(select(chart, "//*[@class='series']").get(0).getAttribute("data-points")).isEqualTo("4");
    }

    @Test
    void aSingleEpochIsOneMarkerOverOneTick() {
        Document chart = chart(new double[] {0.7});

        assertThat(select(chart, "//*[local-name()='polyline']")).isEmpty();
        assertThat(markerTitles(chart)).containsExactly("training, epoch 1: 0.7000");
        Element marker = select(chart, "//*[@class='marker']").get(0);
        assertThat(Double.parseDouble(marker.getAttribute("cx"))).isEqualTo(64 + 476 / 2.0);
        assertThat(xTickLabels(chart)).containsExactly("1");
    }

    @Test
    void aConstantCurveIsDrawnAcrossTheMiddleOfAWidenedAxis() {
        Document chart = chart(new double[] {0.5, 0.5, 0.5});

        // The plot spans y = 44 (top) to y = 274 (bottom); 0.5 sits on the middle of [0.44, 0.56].
        assertThat(select(chart, "//*[@class='marker']").stream().map(m -> m.getAttribute("cy")))
                .containsOnly("159.0");
        assertThat(yTickLabels(chart)).containsExactly("0.44", "0.46", "0.48", "0.50", "0.52", "0.54", "0.56");
    }

    @Test
    void aSeriesWithoutFiniteValuesShowsAMessageInsteadOfALine() {
        Document chart = chart(new double[] {NAN, NAN});

        assertThat(select(chart, "//*[@class='series']")).isEmpty();
        assertThat(select(chart, "//*[@class='empty']")).singleElement()
                .extracting(Element::getTextContent).isEqualTo("no finite values to plot");
    }

    @Test
    void longRunsDrawOneLineWithoutMarkersAndFewTicks() {
        double[] values = IntStream.range(0, 200).mapToDouble(i -> 2 * Math.exp(-i / 50.0)).toArray();
        Document chart = chart(values);

        assertThat(select(chart, "//*[local-name()='polyline']")).singleElement()
                .satisfies(p -> assertThat(Pages.vertexCount(p)).isEqualTo(200));
        assertThat(select(chart, "//*[@class='marker']")).isEmpty();
        assertThat(xTickLabels(chart)).containsExactly("50", "100", "150", "200");
    }

    @Test
    void pointsArePlacedLinearlyBetweenTheAxisEnds() {
        Document chart = chart(new double[] {0, 1});

        // Axis [0, 1]; epochs 1 and 2 at the left and right plot edges (64 and 540).
        List<Element> markers = select(chart, "//*[@class='marker']");
        assertThat(markers.get(0).getAttribute("cx")).isEqualTo("64.0");
        assertThat(markers.get(0).getAttribute("cy")).isEqualTo("274.0");
        assertThat(markers.get(1).getAttribute("cx")).isEqualTo("540.0");
        assertThat(markers.get(1).getAttribute("cy")).isEqualTo("44.0");
    }

    @Test
    void seriesMustHaveOneValuePerEpoch() {
        LineChart.Series series = new LineChart.Series("training", new double[] {1, 2}, LineChart.TRAINING);
        assertThatThrownBy(() -> LineChart.render(new Html(), "loss", new int[] {1, 2, 3}, List.of(series),
                OptionalInt.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("series training has 2 values for 3 epochs");
    }

    private static Document chart(double[] values) {
        int[] epochs = IntStream.rangeClosed(1, values.length).toArray();
        Html html = new Html();
        LineChart.render(html, "loss", epochs,
                List.of(new LineChart.Series("training", Arrays.copyOf(values, values.length), LineChart.TRAINING)),
                OptionalInt.empty());
        return parse(html.toString());
    }

    private static List<String> markerTitles(Document chart) {
        return select(chart, "//*[@class='marker']/*[local-name()='title']").stream()
                .map(Element::getTextContent).toList();
    }

    private static List<String> xTickLabels(Document chart) {
        return select(chart, "//*[@class='tick' and @text-anchor='middle']").stream()
                .map(Element::getTextContent).toList();
    }

    private static List<String> yTickLabels(Document chart) {
        return select(chart, "//*[@class='tick' and @text-anchor='end']").stream()
                .map(Element::getTextContent).toList();
    }
}

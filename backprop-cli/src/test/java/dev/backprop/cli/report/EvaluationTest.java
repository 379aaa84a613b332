package dev.backprop.cli.report;

import static dev.backprop.cli.report.Pages.one;
import static dev.backprop.cli.report.Pages.parse;
import static dev.backprop.cli.report.Pages.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class EvaluationTest {

    /** Hand example: rows are actual a, b, c; columns predicted. */
    private static final int[][] MATRIX = {{5, 1, 0}, {2, 3, 0}, {0, 0, 0}};

    private static ClassificationResult threeClasses() {
        return new ClassificationResult("test (11 rows)", Map.of("accuracy", 8 / 11.0), List.of("a", "b", "c"),
                SampleReports.confusion(MATRIX));
    }

    @Test
    void perClassTableShowsPrecisionRecallF1AndRowsOfEachClass() {
        Document page = parse(HtmlReport.render(HtmlReportTest.withEvaluation(threeClasses())));

        // Class a: precision 5 / (5 + 2), recall 5 / (5 + 1), F1 = 2PR / (P + R) = 10 / 13.
        assertThat(cellsOfRow(page, 1)).containsExactly("0.7143", "0.8333", "0.7692", "6");
        // Class b: precision 3 / 4, recall 3 / 5, F1 = 2 / 3.
        assertThat(cellsOfRow(page, 2)).containsExactly("0.7500", "0.6000", "0.6667", "5");
        // Class c never occurs and is never predicted: scored 0, as scikit-learn does.
        assertThat(cellsOfRow(page, 3)).containsExactly("0", "0", "0", "0");
    }

    @Test
    void heatmapHasOneCellPerPairWithItsCountAndAColourForItsRowShare() {
        Document page = parse(HtmlReport.render(HtmlReportTest.withEvaluation(threeClasses())));

        List<Element> cells = select(page, "//*[local-name()='rect' and @class='cell']");
        assertThat(cells).hasSize(9);
        for (Element cell : cells) {
            int actual = Integer.parseInt(cell.getAttribute("data-actual"));
            int predicted = Integer.parseInt(cell.getAttribute("data-predicted"));
            assertThat(cell.getAttribute("data-count")).isEqualTo(Integer.toString(MATRIX[actual][predicted]));
        }
        assertThat(fill(cells, 0, 0)).isEqualTo(ColourRamp.colour(5 / 6.0));
        assertThat(fill(cells, 1, 0)).isEqualTo(ColourRamp.colour(2 / 5.0));
        assertThat(fill(cells, 2, 2)).isEqualTo(ColourRamp.colour(0));
        assertThat(select(page, "//*[@class='count' or @class='count dark']").stream().map(Element::getTextContent))
                .containsExactly("5", "1", "0", "2", "3", "0", "0", "0", "0");
    }

    @Test
    void longLabelsAreShortenedOnTheAxesAndGivenInFullInTooltips() {
        String longLabel = "a very long class label taken from a CSV file";
        ClassificationResult result = new ClassificationResult("test", Map.of(), List.of(longLabel, "b"),
                SampleReports.confusion(new int[][] {{1, 0}, {0, 1}}));
        Document page = parse(HtmlReport.render(HtmlReportTest.withEvaluation(result)));

        assertThat(select(page, "//*[@class='label']").stream().map(Element::getTextContent))
                .contains("a very long class\u2026");
        assertThat(select(page, "//*[@class='cell']/*[local-name()='title']").get(0).getTextContent())
                .startsWith("actual " + longLabel + ", predicted " + longLabel);
    }

    @Test
    void colourRampRunsFromLightToDarkAndClamps() {
        assertThat(ColourRamp.colour(0)).isEqualTo("#f5f8fb");
        assertThat(ColourRamp.colour(1)).isEqualTo("#0c3d78");
        assertThat(ColourRamp.colour(0.5)).isEqualTo("#86b2d6");
        assertThat(ColourRamp.colour(-3)).isEqualTo(ColourRamp.colour(0));
        assertThat(ColourRamp.colour(7)).isEqualTo(ColourRamp.colour(1));
        assertThat(ColourRamp.colour(Double.NaN)).isEqualTo(ColourRamp.colour(0));
    }

    @Test
    void confusionMatrixMustHaveOneRowPerClassLabel() {
        assertThatThrownBy(() -> new ClassificationResult("t", Map.of(), List.of("a", "b"),
                SampleReports.confusion(new int[][] {{1}})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("confusion matrix has 1 classes but 2 class labels were given");
    }

    @Test
    void residualsMatchAHandComputation() {
        // Residuals 1, -1, 3 (the NaN row is skipped): mean 1, variance (0 + 4 + 4) / 3.
        RegressionResult result = new RegressionResult("t", Map.of(), new double[] {0, 2, 1, 5},
                new double[] {1, 1, Double.NaN, 8});
        Residuals residuals = Residuals.of(result);

        assertThat(residuals.rows()).isEqualTo(3);
        assertThat(residuals.skipped()).isEqualTo(1);
        assertThat(residuals.mean()).isEqualTo(1.0);
        assertThat(residuals.std()).isCloseTo(Math.sqrt(8 / 3.0), within(1e-15));
        assertThat(residuals.maxAbsolute()).isEqualTo(3.0);
    }

    @Test
    void regressionReportPlotsEveryFiniteRowAndSaysHowManyWereLeftOut() {
        RegressionResult result = new RegressionResult("validation", Map.of("r2", 0.9),
                new double[] {1, 2, 3, Double.NaN}, new double[] {1.1, 1.9, Double.POSITIVE_INFINITY, 4});
        Document page = parse(HtmlReport.render(HtmlReportTest.withEvaluation(result)));

        assertThat(one(page, "//*[@class='points']").getAttribute("data-points")).isEqualTo("2");
        assertThat(select(page, "//*[@class='points']/*[local-name()='circle']")).hasSize(2);
        assertThat(select(page, "//*[local-name()='rect' and @class='cell']")).isEmpty();
        assertThat(one(page, "//section[@id='evaluation']//figure/p").getTextContent())
                .contains("2 rows have a missing or infinite value and are left out");
    }

    @Test
    void largeRegressionSetsAreThinnedEvenly() {
        ReportData data = SampleReports.regression(10_000, 3);
        Document page = parse(HtmlReport.render(data));

        assertThat(select(page, "//*[@class='points']/*[local-name()='circle']")).hasSize(ScatterPlot.POINT_LIMIT);
        assertThat(one(page, "//section[@id='evaluation']//figure/p").getTextContent())
                .contains("Showing 2,000 of 10,000 rows");
        int[] rows = ScatterPlot.finiteRows((RegressionResult) data.evaluation());
        assertThat(rows[0]).isZero();
        assertThat(rows[1]).isEqualTo(5);
        assertThat(rows[rows.length - 1]).isEqualTo(9_995);
    }

    @Test
    void regressionNeedsOnePredictionPerRow() {
        assertThatThrownBy(() -> new RegressionResult("t", Map.of(), new double[3], new double[2]))
                .hasMessage("3 actual values but 2 predictions");
    }

    private static List<String> cellsOfRow(Document page, int row) {
        return select(page, "//table[@class='per-class']/tbody/tr[" + row + "]/td").stream()
                .map(Element::getTextContent).toList();
    }

    private static String fill(List<Element> cells, int actual, int predicted) {
        return cells.stream()
                .filter(c -> c.getAttribute("data-actual").equals(Integer.toString(actual))
                        && c.getAttribute("data-predicted").equals(Integer.toString(predicted)))
                .findFirst().orElseThrow().getAttribute("fill");
    }
}

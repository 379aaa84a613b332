package dev.backprop.cli.report;

import static dev.backprop.cli.report.Pages.one;
import static dev.backprop.cli.report.Pages.parse;
import static dev.backprop.cli.report.Pages.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class HtmlReportTest {

    private static final String HOSTILE = "<script>alert('x')</script> & \"quotes\"";

    @Test
    void pageIsWellFormedXhtmlWithEverySection() {
        Document page = parse(HtmlReport.render(SampleReports.classification(25, 42)));

        assertThat(page.getDocumentElement().getTagName()).isEqualTo("html");
        assertThat(select(page, "//section").stream().map(e -> e.getAttribute("id")))
                .containsExactly("final-metrics", "curves", "evaluation", "model", "hyperparameters", "data",
                        "timings", "epochs");
        assertThat(one(page, "/html/head/title").getTextContent()).startsWith("Fashion-MNIST: classification");
    }

    @Test
    void pageNeedsNoScriptAndNothingFromTheNetwork() {
        String html = HtmlReport.render(SampleReports.classification(25, 42));
        Document page = parse(html);

        assertThat(select(page, "//script | //link | //img | //iframe | //object")).isEmpty();
        assertThat(select(page, "//*[@src or @href]")).isEmpty();
        Matcher urls = Pattern.compile("[a-z]+://[^\"' )]*").matcher(html);
        while (urls.find()) {
            assertThat(urls.group()).isIn("http://www.w3.org/1999/xhtml", "http://www.w3.org/2000/svg");
        }
        assertThat(html).doesNotContain("@import").doesNotContain("url(http");
    }

    @Test
    void eachMetricGetsAChartWithOnePointPerEpochForTrainingAndValidation() {
        Document page = parse(HtmlReport.render(SampleReports.classification(25, 42)));

        assertThat(select(page, "//figure[@class='curve']").stream().map(e -> e.getAttribute("data-metric")))
                .containsExactly("loss", "accuracy");
        List<Element> series = select(page, "//figure[@class='curve']//*[@class='series']");
        assertThat(series).hasSize(4);
        for (Element line : series) {
            assertThat(line.getAttribute("data-points")).isEqualTo("25");
            List<Element> polylines = select(page, "//figure[@class='curve']//*[@class='series' and @data-series='"
                    + line.getAttribute("data-series") + "']/polyline");
            assertThat(polylines).hasSize(2).allSatisfy(p -> assertThat(Pages.vertexCount(p)).isEqualTo(25));
        }
        assertThat(select(page, "//figure[@class='curve']//*[@class='best']/*[local-name()='text']"))
                .hasSize(2).allSatisfy(label -> assertThat(label.getTextContent()).isEqualTo("best epoch "
                        + SampleReports.classification(25, 42).markedEpoch().orElseThrow().epoch()));
        assertThat(select(page, "//figure[@data-metric='loss']//*[@class='legend']/*[local-name()='text']")
                .stream().map(Element::getTextContent)).containsExactly("training", "validation");
    }

    @Test
    void lossComesFirstEvenWhenReportedLast() {
        List<EpochMetrics> epochs = List.of(
                new EpochMetrics(1, SampleReports.ordered("accuracy", 0.5, "loss", 1.0), Map.of(), 1),
                new EpochMetrics(2, SampleReports.ordered("accuracy", 0.7, "loss", 0.6), Map.of(), 1));
        assertThat(CurvesSection.metricNames(epochs)).containsExactly("loss", "accuracy");
    }

    @Test
    void withoutABestEpochFromTheRunTheLowestValidationLossIsMarked() {
        List<EpochMetrics> epochs = List.of(
                epoch(1, 0.9, 0.95), epoch(2, 0.5, 0.61), epoch(3, 0.4, 0.58), epoch(4, 0.3, 0.58), epoch(5, 0.2, 0.7));
        Document page = parse(HtmlReport.render(withEpochs(epochs, OptionalInt.empty())));

        assertThat(select(page, "//figure[@class='curve']")).hasSize(1);
        assertThat(select(page, "//figure[@class='curve']//*[@class='best']/*[local-name()='text']"))
                .singleElement().extracting(Element::getTextContent).isEqualTo("best epoch 3");
        assertThat(one(page, "//table[@class='epochs']//tr[@class='best']/td[1]").getTextContent()).isEqualTo("3");
        assertThat(one(page, "//section[@id='epochs']//p").getTextContent())
                .isEqualTo("Highlighted: epoch 3, the lowest validation loss.");
    }

    @Test
    void theRunsBestEpochIsMarkedWhenGiven() {
        List<EpochMetrics> epochs = List.of(epoch(1, 0.9, 0.95), epoch(2, 0.5, 0.61), epoch(3, 0.4, 0.58));
        Document page = parse(HtmlReport.render(withEpochs(epochs, OptionalInt.of(2))));

        assertThat(select(page, "//figure[@class='curve']//*[@class='best']/*[local-name()='text']"))
                .singleElement().extracting(Element::getTextContent).isEqualTo("best epoch 2");
        assertThat(one(page, "//section[@id='epochs']//p").getTextContent())
                .isEqualTo("Highlighted: epoch 2, early stopping's best epoch.");
    }

    @Test
    void theBestEpochMustBeOneOfTheEpochs() {
        List<EpochMetrics> epochs = List.of(epoch(1, 0.9, 0.95), epoch(2, 0.5, 0.61));
        assertThatThrownBy(() -> withEpochs(epochs, OptionalInt.of(3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("best epoch 3 is not among the 2 epochs");
    }

    @Test
    void classLabelsAndUserTextAreEscapedNotInterpreted() {
        ReportData hostile = hostileReport();
        String html = HtmlReport.render(hostile);
        Document page = parse(html);

        assertThat(html).doesNotContain("<script").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        assertThat(select(page, "//script")).isEmpty();
        assertThat(one(page, "//h1").getTextContent()).isEqualTo(HOSTILE);
        assertThat(select(page, "//table[@class='per-class']/tbody/tr/th").stream().map(Element::getTextContent))
                .containsExactly(HOSTILE, "plain");
        assertThat(one(page, "//pre").getTextContent()).isEqualTo(HOSTILE);
        assertThat(select(page, "//section[@id='hyperparameters']//td").stream().map(Element::getTextContent))
                .contains(HOSTILE);
        List<String> tooltips = select(page, "//*[local-name()='rect' and @class='cell']/*[local-name()='title']")
                .stream().map(Element::getTextContent).toList();
        assertThat(tooltips.get(0))
                .isEqualTo("actual " + HOSTILE + ", predicted " + HOSTILE + ": 3 (75.0% of the class)");
    }

    @Test
    void controlCharactersInLabelsCannotBreakThePage() {
        ClassificationResult result = new ClassificationResult("test", Map.of(), List.of("a\u0000b", "c\u001bd\uD800"),
                SampleReports.confusion(new int[][] {{1, 0}, {0, 1}}));
        Document page = parse(HtmlReport.render(withEvaluation(result)));

        assertThat(select(page, "//table[@class='per-class']/tbody/tr/th").stream().map(Element::getTextContent))
                .containsExactly("a\uFFFDb", "c\uFFFDd\uFFFD");
    }

    @Test
    void renderingIsDeterministic() {
        assertThat(HtmlReport.render(SampleReports.classification(25, 42)))
                .isEqualTo(HtmlReport.render(SampleReports.classification(25, 42)));
    }

    @Test
    void finalMetricsAreShownAsTilesInTheirOrder() {
        Document page = parse(HtmlReport.render(SampleReports.classification(25, 42)));

        assertThat(select(page, "//div[@class='tile-label']").stream().map(Element::getTextContent))
                .containsExactly("accuracy", "loss", "macro F1");
        assertThat(select(page, "//div[@class='tile-value']").stream().map(Element::getTextContent))
                .containsExactly("0.8844", "0.3281", "0.8840");
    }

    @Test
    void everyHyperparameterAndTheSeedAreListed() {
        ReportData data = SampleReports.classification(25, 42);
        Document page = parse(HtmlReport.render(data));

        List<String> names = select(page, "//section[@id='hyperparameters']//tbody/tr/th").stream()
                .map(Element::getTextContent).toList();
        assertThat(names.get(0)).isEqualTo("seed");
        assertThat(names.subList(1, names.size())).containsExactlyElementsOf(data.run().hyperparameters().keySet());
        assertThat(one(page, "//section[@id='hyperparameters']//tbody/tr[1]/td").getTextContent()).isEqualTo("42");
    }

    @Test
    void timingsShowTotalAndPerEpochSeconds() {
        List<EpochMetrics> epochs = List.of(
                new EpochMetrics(1, Map.of("loss", 1.0), Map.of(), 2.0),
                new EpochMetrics(2, Map.of("loss", 0.5), Map.of(), 4.0));
        Document page = parse(HtmlReport.render(withEpochs(epochs)));

        assertThat(rowValues(page, "timings")).containsExactly(
                Map.entry("total", "18.9 s"), Map.entry("epochs", "2"), Map.entry("per epoch (mean)", "3.0 s"),
                Map.entry("fastest epoch", "2.0 s"), Map.entry("slowest epoch", "4.0 s"),
                Map.entry("outside epochs", "12.9 s"));
    }

    @Test
    void dataSummaryShowsRowsFeaturesAndClassCounts() {
        Document page = parse(HtmlReport.render(SampleReports.classification(3, 1)));

        assertThat(rowValues(page, "data")).contains(Map.entry("features", "784"),
                Map.entry("training rows", "54,000"), Map.entry("test rows", "10,000"));
        assertThat(select(page, "//table[@class='classes']/tbody/tr")).hasSize(10);
        assertThat(one(page, "//table[@class='classes']/tbody/tr[1]/td[1]").getTextContent()).isEqualTo("5,400");
        assertThat(one(page, "//table[@class='classes']/tbody/tr[1]/td[2]").getTextContent()).isEqualTo("10.0%");
    }

    @Test
    void aRunWithoutEpochsSaysSoInsteadOfDrawingEmptyCharts() {
        Document page = parse(HtmlReport.render(withEpochs(List.of())));

        assertThat(select(page, "//*[local-name()='svg' and @class='chart']")).isEmpty();
        assertThat(one(page, "//section[@id='curves']/p").getTextContent()).contains("No epochs");
        assertThat(select(page, "//section[@id='epochs']")).isEmpty();
    }

    @Test
    void epochsMustIncrease() {
        List<EpochMetrics> epochs = List.of(epoch(2, 1, 1), epoch(2, 1, 1));
        assertThatThrownBy(() -> withEpochs(epochs))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("epochs must increase: epoch 2 follows epoch 2");
    }

    static EpochMetrics epoch(int epoch, double trainingLoss, double validationLoss) {
        return new EpochMetrics(epoch, Map.of("loss", trainingLoss), Map.of("loss", validationLoss), 1.5);
    }

    static ReportData withEpochs(List<EpochMetrics> epochs) {
        return withEpochs(epochs, OptionalInt.empty());
    }

    static ReportData withEpochs(List<EpochMetrics> epochs, OptionalInt bestEpoch) {
        ReportData sample = SampleReports.classification(3, 1);
        return new ReportData(sample.title(), sample.run(), sample.data(), sample.modelSummary(), epochs,
                bestEpoch, sample.evaluation());
    }

    static ReportData withEvaluation(Evaluation evaluation) {
        ReportData sample = SampleReports.classification(3, 1);
        return new ReportData(sample.title(), sample.run(), sample.data(), sample.modelSummary(), sample.epochs(),
                OptionalInt.empty(), evaluation);
    }

    private static ReportData hostileReport() {
        ReportData sample = SampleReports.classification(3, 1);
        RunInfo run = new RunInfo(7, Map.of("activation", HOSTILE), 10, HOSTILE, sample.run().finishedAt());
        DataSummary data = new DataSummary(HOSTILE, HOSTILE, 2, Map.of(HOSTILE, 4L), Map.of(HOSTILE, 4L));
        ClassificationResult evaluation = new ClassificationResult(HOSTILE, Map.of(HOSTILE, 0.5),
                List.of(HOSTILE, "plain"), SampleReports.confusion(new int[][] {{3, 1}, {0, 4}}));
        List<EpochMetrics> epochs = List.of(new EpochMetrics(1, Map.of(HOSTILE, 1.0), Map.of(HOSTILE, 2.0), 1));
        return new ReportData(HOSTILE, run, data, HOSTILE, epochs, OptionalInt.empty(), evaluation);
    }

    private static List<Map.Entry<String, String>> rowValues(Document page, String section) {
        return select(page, "//section[@id='" + section + "']/table/tbody/tr").stream()
                .map(row -> Map.entry(row.getElementsByTagName("th").item(0).getTextContent(),
                        row.getElementsByTagName("td").item(0).getTextContent()))
                .toList();
    }
}

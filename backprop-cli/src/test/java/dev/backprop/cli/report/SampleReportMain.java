package dev.backprop.cli.report;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes the sample reports, for looking at them in a browser:
 * {@code SampleReportMain OUT_FOLDER} writes {@code classification.html} and {@code regression.html}.
 */
public final class SampleReportMain {

    private SampleReportMain() {
    }

    /**
     * Writes the two sample reports.
     *
     * @param args the output folder
     * @throws IOException if a report cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args[0]);
        HtmlReport.write(SampleReports.classification(25, 42), folder.resolve("classification.html"));
        HtmlReport.write(SampleReports.regression(600, 7), folder.resolve("regression.html"));
    }
}

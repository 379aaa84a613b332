package dev.backprop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failed run writes nothing: no new output file, no temporary file, and an old output file intact. */
class AtomicOutputTest {

    @TempDir
    Path dir;

    private Path ragged() throws IOException {
        return Files.writeString(dir.resolve("ragged.csv"), "x,y,label\n1,2,a\n3,b\n");
    }

    private long files() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }

    @Test
    void aRunThatFailsOnItsDataLeavesNoModelNoReportAndNoTemporaryFile() throws IOException {
        Path data = ragged();
        Path model = dir.resolve("model.bpm");
        Path report = dir.resolve("report.html");

        Cli.Run run = Cli.run("train", "--train", data.toString(), "--out", model.toString(), "--report",
                report.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(model).doesNotExist();
        assertThat(report).doesNotExist();
        assertThat(files()).isEqualTo(1);
    }

    @Test
    void aRunThatDivergesInTrainingLeavesTheOldModelAndReportAsTheyWere() throws IOException {
        Path model = Files.writeString(dir.resolve("model.bpm"), "the old model");
        Path report = Files.writeString(dir.resolve("report.html"), "the old report");

        Cli.Run run = Cli.run("train", "--train", "builtin:sine?n=200", "--learning-rate", "1e30", "--optimizer", "sgd",
                "--out", model.toString(), "--report", report.toString(), "--quiet");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("error: ").hasLineCount(1);
        assertThat(model).hasContent("the old model");
        assertThat(report).hasContent("the old report");
        assertThat(files()).isEqualTo(2);
    }

    @Test
    void aReportInAMissingFolderFailsBeforeTrainingAndSavesNoModel() throws IOException {
        Path model = dir.resolve("model.bpm");
        Path report = dir.resolve("no-such-folder").resolve("report.html");

        Cli.Run run = Cli.run("train", "--out", model.toString(), "--report", report.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("error: " + report + ": folder " + report.getParent()
                + " does not exist" + System.lineSeparator());
        assertThat(run.out()).isEmpty();
        assertThat(model).doesNotExist();
    }

    @Test
    void predictionsThatFailLeaveNoFileAndAnOldOneIntact() throws IOException {
        Path model = dir.resolve("xor.bpm");
        assertThat(Cli.run("train", "--train", "builtin:xor?n=200", "--epochs", "2", "--quiet", "--out",
                model.toString()).exitCode()).isZero();
        Path predictions = Files.writeString(dir.resolve("predictions.csv"), "old predictions");
        Path data = ragged();

        Cli.Run run = Cli.run("predict", "--model", model.toString(), "--data", data.toString(), "--out",
                predictions.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(predictions).hasContent("old predictions");
        assertThat(files()).isEqualTo(3);
    }

    @Test
    void aSuccessfulRunReplacesTheOldFilesWithCompleteNewOnes() throws IOException {
        Path model = Files.writeString(dir.resolve("model.bpm"), "the old model");
        Path report = Files.writeString(dir.resolve("report.html"), "the old report");

        Cli.Run run = Cli.run("train", "--train", "builtin:moons?n=300", "--epochs", "5", "--out", model.toString(),
                "--report", report.toString(), "--quiet");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Cli.run("summary", "--model", model.toString()).exitCode()).isZero();
        assertThat(Files.readString(report)).startsWith("<!DOCTYPE html>").contains("moons: classification")
                .endsWith("</html>");
        assertThat(files()).isEqualTo(2);
    }
}

package dev.backprop.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reports are written through {@link AtomicFiles}: these tests pin down what {@code --report}
 * promises, that a failed write leaves no partial page and no temporary file behind.
 */
class ReportFileTest {

    @TempDir
    Path folder;

    @Test
    void reportIsWrittenCompleteWithNothingElseLeftInTheFolder() throws IOException {
        Path file = folder.resolve("report.html");
        ReportData data = SampleReports.classification(5, 1);

        HtmlReport.write(data, file);

        assertThat(Files.readString(file)).isEqualTo(HtmlReport.render(data));
        assertThat(filesIn(folder)).containsExactly(file);
    }

    @Test
    void anExistingReportIsReplaced() throws IOException {
        Path file = folder.resolve("report.html");
        Files.writeString(file, "old");

        HtmlReport.write(SampleReports.classification(2, 1), file);

        assertThat(Files.readString(file)).startsWith("<!DOCTYPE html>");
        assertThat(filesIn(folder)).containsExactly(file);
    }

    @Test
    void aFailureMidWriteKeepsTheOldFileAndLeavesNoTemporaryFile() throws IOException {
        Path file = folder.resolve("report.html");
        Files.writeString(file, "old report");

        assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
            out.write("<!DOCTYPE html><html><body>half a pa".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        })).isInstanceOf(IOException.class).hasMessage("disk full");

        assertThat(Files.readString(file)).isEqualTo("old report");
        assertThat(filesIn(folder)).containsExactly(file);
    }

    @Test
    void aFailureBeforeTheFirstWriteCreatesNoFile() {
        Path file = folder.resolve("report.html");

        assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
            throw new IllegalStateException("rendering failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(filesIn(folder)).isEmpty();
    }

    @Test
    void aMissingFolderIsReportedByName() {
        Path file = folder.resolve("no-such-folder").resolve("report.html");

        assertThatThrownBy(() -> HtmlReport.write(SampleReports.classification(2, 1), file))
                .isInstanceOf(IOException.class)
                .hasMessage(file + ": folder " + file.getParent() + " does not exist");
        assertThat(filesIn(folder)).isEmpty();
    }

    @Test
    void aFolderIsNotOverwritten() throws IOException {
        Path target = Files.createDirectory(folder.resolve("report.html"));

        assertThatThrownBy(() -> HtmlReport.write(SampleReports.classification(2, 1), target))
                .isInstanceOf(IOException.class)
                .hasMessage(target + ": is a folder, not a file");
        assertThat(filesIn(folder)).containsExactly(target);
    }

    @Test
    void theReportIsReadableByOthersLikeAnyNewFile() throws IOException {
        Path file = folder.resolve("report.html");
        HtmlReport.write(SampleReports.classification(2, 1), file);
        Path plain = Files.writeString(folder.resolve("plain.txt"), "x");

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(Files.getPosixFilePermissions(plain))
                .contains(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    private static List<Path> filesIn(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}

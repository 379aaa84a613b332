package dev.backprop.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    private List<String> folderEntries() throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void writesANewFile() throws IOException {
        Path target = dir.resolve("report.json");

        AtomicFiles.writeString(target, "{\"accuracy\": 0.89} é ☃");

        assertThat(Files.readString(target, StandardCharsets.UTF_8)).isEqualTo("{\"accuracy\": 0.89} é ☃");
        assertThat(folderEntries()).containsExactly("report.json");
    }

    @Test
    void replacesAnExistingFileCompletely() throws IOException {
        Path target = dir.resolve("predictions.csv");
        AtomicFiles.writeString(target, "a long first version of the file\n".repeat(100));

        AtomicFiles.writeString(target, "short\n");

        assertThat(Files.readString(target)).isEqualTo("short\n");
        assertThat(folderEntries()).containsExactly("predictions.csv");
    }

    @Test
    void theContentIsWrittenToATemporaryFileInTheSameFolder() throws IOException {
        Path target = dir.resolve("model.bpm");
        AtomicFiles.writeString(target, "old");

        AtomicFiles.write(target, out -> {
            out.write("new".getBytes(StandardCharsets.UTF_8));
            out.flush();
            List<String> during = folderEntries();
            assertThat(during).hasSize(2).contains("model.bpm");
            assertThat(during).anySatisfy(name -> assertThat(name).matches("\\.model\\.bpm\\.\\d+-\\d+\\.tmp"));
            assertThat(Files.readString(target)).isEqualTo("old");
        });

        assertThat(Files.readString(target)).isEqualTo("new");
        assertThat(folderEntries()).containsExactly("model.bpm");
    }

    @Test
    void aBodyThatThrowsAnIoExceptionLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("model.bpm");
        AtomicFiles.writeString(target, "the good old model");

        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write(new byte[100_000]);
            throw new IOException("disk full");
        })).isInstanceOf(IOException.class).hasMessage("disk full");

        assertThat(Files.readString(target)).isEqualTo("the good old model");
        assertThat(folderEntries()).containsExactly("model.bpm");
    }

    @Test
    void aBodyThatThrowsAnUncheckedExceptionLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("model.bpm");
        AtomicFiles.writeString(target, "the good old model");

        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write(1);
            throw new IllegalStateException("NaN in the weights");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(Files.readString(target)).isEqualTo("the good old model");
        assertThat(folderEntries()).containsExactly("model.bpm");
    }

    @Test
    void aBodyMayCloseTheStreamItWasGiven() throws IOException {
        Path target = dir.resolve("predictions.csv");

        AtomicFiles.write(target, out -> {
            try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
                writer.write("id,label\n1,cat\n");
            }
        });

        assertThat(Files.readString(target)).isEqualTo("id,label\n1,cat\n");
    }

    @Test
    void aMissingFolderFailsWithoutCreatingAnything() {
        Path target = dir.resolve("no-such-folder").resolve("model.bpm");

        assertThatThrownBy(() -> AtomicFiles.writeString(target, "x")).isInstanceOf(NoSuchFileException.class);
        assertThat(Files.exists(dir.resolve("no-such-folder"))).isFalse();
    }

    @Test
    void aTargetThatIsAFolderIsRefusedAndKept() throws IOException {
        Path target = Files.createDirectory(dir.resolve("checkpoints"));

        assertThatThrownBy(() -> AtomicFiles.writeString(target, "x"))
                .isInstanceOf(IOException.class)
                .hasMessage(target + ": is a folder, not a file");
        assertThat(Files.isDirectory(target)).isTrue();
        assertThat(folderEntries()).containsExactly("checkpoints");
    }

    @Test
    void aRelativeTargetIsResolvedAgainstTheWorkingFolder() throws IOException {
        Path relative = Path.of("").toAbsolutePath().relativize(dir.resolve("relative.txt"));

        AtomicFiles.writeString(relative, "relative");

        assertThat(relative.isAbsolute()).isFalse();
        assertThat(Files.readString(dir.resolve("relative.txt"))).isEqualTo("relative");
    }

    @Test
    void aSafetensorsFileIsWrittenAtomically() throws IOException {
        Path target = dir.resolve("model.bpm");
        new SafetensorsWriter().add("w", new float[] {1, 2}, 2).write(target);

        assertThat(SafetensorsFile.read(target).floats("w")).containsExactly(1, 2);
        assertThat(folderEntries()).containsExactly("model.bpm");
    }
}

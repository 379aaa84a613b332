package dev.backprop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.io.SafetensorsWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One malformed input per kind of error: each exits with code 1 (2 for a bad command line) and one
 * line {@code error: ...} on standard error naming the file and the line, column or value, and
 * nothing on standard output.
 */
class MalformedInputTest {

    @TempDir
    Path dir;

    private Cli.Run train(Path data, String... more) {
        String[] args = new String[3 + more.length];
        args[0] = "train";
        args[1] = "--train";
        args[2] = data.toString();
        System.arraycopy(more, 0, args, 3, more.length);
        return Cli.run(args);
    }

    private static void assertDataError(Cli.Run run, String... fragments) {
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).hasLineCount(1).startsWith("error: ").contains(fragments);
    }

    private Path csv(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void aRaggedRowIsRefusedWithItsLine() throws IOException {
        Path data = csv("ragged.csv", "x1,x2,label\n1,2,a\n3,4,b\n5,b\n7,8,a\n");

        assertDataError(train(data), data + ", line 4: expected 3 fields, found 2");
    }

    @Test
    void aNonNumericCellIsRefusedWithItsLineColumnAndValue() throws IOException {
        Path data = csv("typo.csv", "x1,x2,label\n1,2,a\n3,4,b\n5,six,a\n7,8,b\n9,10,a\n");

        assertDataError(train(data), data + ", line 4, column 2 (x2): expected a number, found \"six\"");
    }

    @Test
    void anUnknownTargetColumnIsRefusedListingTheColumns() throws IOException {
        Path data = csv("iris.csv", "sepal,petal,species\n1,2,a\n3,4,b\n");

        assertDataError(train(data, "--target", "specie"),
                data + ": no column named 'specie' for the target; the columns are sepal, petal, species");
    }

    @Test
    void anEmptyFileIsRefused() throws IOException {
        Path data = csv("empty.csv", "");

        assertDataError(train(data), data + ": the file is empty");
    }

    @Test
    void anIdxFileWithABadMagicNumberIsRefusedWithTheBytesFound() throws IOException {
        Path folder = TestFiles.tinyIdx(dir, "digits", 4);
        Path images = folder.resolve("train-images-idx3-ubyte");
        byte[] bytes = Files.readAllBytes(images);
        bytes[0] = 'P';
        bytes[1] = 'K';
        Files.write(images, bytes);

        assertDataError(train(folder), images + ": not an IDX file: it starts with 50 4b 08 03");
    }

    @Test
    void aTruncatedIdxFileIsRefusedWithTheSizesExpectedAndFound() throws IOException {
        Path folder = TestFiles.tinyIdx(dir, "digits", 4);
        Path images = folder.resolve("t10k-images-idx3-ubyte");
        byte[] bytes = Files.readAllBytes(images);
        Files.write(images, Arrays.copyOf(bytes, bytes.length - 5));

        assertDataError(train(folder), images + ": truncated", "expected 32 bytes in all, found 27");
    }

    @Test
    void aModelFileOfAnotherFormatIsRefusedSayingWhatItLooksLike() throws IOException {
        Path notAModel = csv("model.csv", "sepal_length,sepal_width\n5.1,3.5\n");

        Cli.Run run = Cli.run("evaluate", "--model", notAModel.toString(), "--data", "builtin:xor");

        assertDataError(run, notAModel + ": not a safetensors file: it looks like a text file");
    }

    @Test
    void aSafetensorsFileThatIsNotABackpropModelIsRefusedNamingTheFile() throws IOException {
        Path weights = dir.resolve("weights.safetensors");
        new SafetensorsWriter().add("w", new float[] {1, 2}, 2).write(weights);

        Cli.Run run = Cli.run("summary", "--model", weights.toString());

        assertDataError(run, weights.toString());
    }

    @Test
    void aMissingFileIsNamed() {
        Cli.Run run = Cli.run("train", "--train", dir.resolve("nowhere.csv").toString());

        assertDataError(run, "nowhere.csv");
    }

    @Test
    void anUnknownFlagIsAUsageErrorWithASuggestion() {
        Cli.Run run = Cli.run("train", "--epoch", "3");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("error: unknown options: '--epoch', '3'; did you mean --epochs?"
                + " (see 'backprop train --help')" + System.lineSeparator());
    }

    @Test
    void evaluatingDataWithoutTheModelsColumnsNamesTheDifference() throws IOException {
        Path model = dir.resolve("xor.bpm");
        assertThat(Cli.run("train", "--train", "builtin:xor?n=200", "--epochs", "2", "--quiet", "--out",
                model.toString()).exitCode()).isZero();
        Path other = csv("other.csv", "a,b,label\n1,2,0\n3,4,1\n");

        Cli.Run run = Cli.run("evaluate", "--model", model.toString(), "--data", other.toString());

        assertDataError(run, other.toString(), "x1");
    }
}

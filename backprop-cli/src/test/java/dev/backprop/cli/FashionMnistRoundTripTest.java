package dev.backprop.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.backprop.data.IdxReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * train → evaluate → predict on IDX files: the first 4,000 training and 1,000 test images of
 * Fashion-MNIST (apt package dataset-fashion-mnist), a few epochs, to stay fast.
 */
class FashionMnistRoundTripTest {

    @TempDir
    Path dir;

    @Test
    void aModelTrainedOnAnIdxFolderIsMeasuredOnItsTestFilesAndPredictsClothingLabels() throws IOException {
        assumeTrue(Files.isDirectory(TestFiles.FASHION_MNIST), "Fashion-MNIST is not installed");
        Path images = TestFiles.fashionSubset(dir, 4000, 1000);
        Path model = dir.resolve("fashion.bpm");

        Cli.Run trained = Cli.run("train", "--train", images.toString(), "--epochs", "4", "--hidden", "128",
                "--out", model.toString(), "--json");
        Cli.Run evaluated = Cli.run("evaluate", "--model", model.toString(), "--data", images.toString());
        Cli.Run predicted = Cli.run("predict", "--model", model.toString(), "--data", images.toString());

        assertThat(trained.exitCode()).as(trained.err()).isZero();
        Map<String, Object> json = trained.json();
        assertThat(json).containsEntry("data", "test").containsEntry("rows", 1000L).containsEntry("epochs", 4L);
        assertThat((Double) json.get("accuracy")).isGreaterThan(0.75);
        assertThat(json.get("classes")).isEqualTo(IdxReader.FASHION_MNIST_CLASSES);
        assertThat(evaluated.exitCode()).as(evaluated.err()).isZero();
        assertThat(evaluated.out()).contains("(1,000 rows): accuracy " + MetricsText.number((Double) json.get("accuracy")))
                .contains("true \\ predicted  T-shirt/top  Trouser  Pullover");
        List<String> lines = predicted.out().lines().toList();
        assertThat(lines).hasSize(1001);
        assertThat(lines.get(0)).isEqualTo("label,p(T-shirt/top),p(Trouser),p(Pullover),p(Dress),p(Coat),p(Sandal),"
                + "p(Shirt),p(Sneaker),p(Bag),p(Ankle boot)");
        assertThat(lines.subList(1, lines.size())).allSatisfy(line ->
                assertThat(IdxReader.FASHION_MNIST_CLASSES).contains(line.substring(0, line.indexOf(','))));
    }
}

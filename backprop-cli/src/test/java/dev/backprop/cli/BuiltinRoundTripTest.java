package dev.backprop.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** train → evaluate → predict on every built-in data set, measured on freshly generated rows. */
class BuiltinRoundTripTest {

    @TempDir
    Path dir;

    /**
     * Fresh rows come from another seed, except for blobs: their centres are drawn from the seed,
     * so other blobs would be another problem; blob rows are drawn with the training seed, and
     * overlap the training rows.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "xor,     2, 0.90, 7",
        "spirals, 2, 0.95, 7",
        "moons,   2, 0.95, 7",
        "circles, 2, 0.95, 7",
        "blobs,   3, 0.95, 42",
    })
    void aClassifierTrainedOnABuiltinSetClassifiesFreshRowsOfIt(String name, int classes, double accuracy,
            long seed) {
        Path model = dir.resolve(name + ".bpm");

        Cli.Run trained = Cli.run("train", "--train", "builtin:" + name + "?n=800", "--out", model.toString(), "--quiet");
        Cli.Run evaluated = Cli.run("evaluate", "--model", model.toString(), "--data",
                "builtin:" + name + "?n=500&seed=" + seed, "--json");
        Cli.Run predicted = Cli.run("predict", "--model", model.toString(), "--data", "builtin:" + name + "?n=20&seed=8");

        assertThat(trained.exitCode()).as(trained.err()).isZero();
        assertThat(trained.err()).isEmpty();
        Map<String, Object> json = evaluated.json();
        assertThat((Double) json.get("accuracy")).as(name).isGreaterThanOrEqualTo(accuracy);
        assertThat((List<?>) json.get("confusion_matrix")).hasSize(classes);
        List<String> lines = predicted.out().lines().toList();
        assertThat(lines).hasSize(21);
        String[] header = lines.get(0).split(",");
        assertThat(header).hasSize(classes + 1).startsWith("label", "p(0)", "p(1)");
        for (String line : lines.subList(1, lines.size())) {
            double[] p = Arrays.stream(line.split(",")).skip(1).mapToDouble(Double::parseDouble).toArray();
            assertThat(Arrays.stream(p).sum()).isCloseTo(1.0, within(1e-5));
            int best = 0;
            for (int k = 1; k < p.length; k++) {
                best = p[k] > p[best] ? k : best;
            }
            assertThat(line).startsWith(best + ",");
        }
    }

    @Test
    void aRegressionModelTrainedOnTheSineSetPredictsFreshRowsInTheTargetsUnits() {
        Path model = dir.resolve("sine.bpm");

        Cli.Run trained = Cli.run("train", "--train", "builtin:sine?n=800", "--out", model.toString());
        Cli.Run evaluated = Cli.run("evaluate", "--model", model.toString(), "--data", "builtin:sine?n=500&seed=7",
                "--json");
        Cli.Run predicted = Cli.run("predict", "--model", model.toString(), "--data",
                "builtin:sine?n=20&noise=0&seed=8");

        assertThat(trained.exitCode()).as(trained.err()).isZero();
        assertThat(trained.err()).startsWith("Epoch 1/200 - ").contains(" - val_loss: ", " - val_r2: ");
        assertThat(trained.out()).contains("regression on y", "Network: 1 → 64 → 32 → 1 (relu), loss mse")
                .containsPattern("validation \\(80 rows\\): r2 0\\.9\\d{3}, rmse 0\\.\\d{4}, mae 0\\.\\d{4}");
        Map<String, Object> json = evaluated.json();
        assertThat(json).containsKeys("r2", "rmse", "mae").doesNotContainKey("confusion_matrix");
        assertThat((Double) json.get("r2")).isGreaterThan(0.95);
        // The noise has standard deviation 0.1: a good fit's errors are about that size.
        assertThat((Double) json.get("rmse")).isBetween(0.08, 0.14);
        List<String> lines = predicted.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("y");
        assertThat(lines.subList(1, lines.size())).hasSize(20)
                .allSatisfy(line -> assertThat(Double.parseDouble(line)).isBetween(-1.2, 1.2));
    }
}

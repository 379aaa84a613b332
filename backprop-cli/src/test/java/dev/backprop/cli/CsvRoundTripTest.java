package dev.backprop.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train → evaluate → predict → summary on a CSV file with string classes and a categorical feature. */
class CsvRoundTripTest {

    @TempDir
    static Path dir;

    private static Path test;
    private static Path model;
    private static Cli.Run trained;

    @BeforeAll
    static void trainOnTheShopFile() throws IOException {
        Path train = TestFiles.shopCsv(dir, "shop.csv", 1200, 1, true);
        test = TestFiles.shopCsv(dir, "shop-test.csv", 400, 2, true);
        model = dir.resolve("shop.bpm");
        trained = Cli.run("train", "--train", train.toString(), "--test", test.toString(), "--target", "grade",
                "--ignore", "id", "--out", model.toString(), "--seed", "3");
    }

    @Test
    void trainingPrintsThePlanTheTestMetricsAndTheConfusionMatrixWithTheStringLabels() {
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        assertThat(trained.out()).contains("classification, 2 classes: high", "1,080 training rows, 120 validation rows,"
                + " 400 test rows", "Network: 5 → 64 → 32 → 2 (relu), loss cross-entropy");
        assertThat(trained.out()).containsPattern("test \\(400 rows\\): accuracy 0\\.9[5-9]\\d\\d, loss 0\\.\\d{4},"
                + " macro_f1 0\\.9\\d{3}");
        assertThat(trained.out()).contains("true \\ predicted  high  low", "Saved the model to " + model);
        assertThat(trained.err()).contains("Epoch 1/200 - ").contains(" - val_loss: ");
        assertThat(model).isRegularFile();
    }

    @Test
    void evaluateReadsTheTestFileAsTrainingDidAndReportsEveryMetric() {
        Cli.Run run = Cli.run("evaluate", "--model", model.toString(), "--data", test.toString(), "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, Object> json = run.json();
        assertThat(json).containsKeys("accuracy", "loss", "macro_f1", "confusion_matrix");
        assertThat((Double) json.get("accuracy")).isGreaterThanOrEqualTo(0.95);
        assertThat(json.get("classes")).isEqualTo(List.of("high", "low"));
        List<?> matrix = (List<?>) json.get("confusion_matrix");
        long total = matrix.stream().flatMap(row -> ((List<?>) row).stream()).mapToLong(c -> (Long) c).sum();
        assertThat(total).isEqualTo(400);
        // evaluate and train measure the same weights on the same rows.
        assertThat(trained.out()).contains(String.format(java.util.Locale.ROOT, "accuracy %.4f", json.get("accuracy")));
    }

    @Test
    void predictWritesTheOriginalLabelsAndProbabilitiesInInputOrderFromAFileWithoutTarget() throws IOException {
        Path input = TestFiles.shopCsv(dir, "shop-new.csv", 60, 4, false);
        Path predictions = dir.resolve("predictions.csv");

        Cli.Run run = Cli.run("predict", "--model", model.toString(), "--data", input.toString(),
                "--out", predictions.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        List<String> lines = Files.readAllLines(predictions);
        assertThat(lines.get(0)).isEqualTo("grade,p(high),p(low)");
        assertThat(lines).hasSize(61);
        List<String> expected = TestFiles.grades(input);
        int agree = 0;
        for (int i = 0; i < 60; i++) {
            String[] fields = lines.get(i + 1).split(",");
            double high = Double.parseDouble(fields[1]);
            double low = Double.parseDouble(fields[2]);
            assertThat(high + low).isCloseTo(1.0, within(1e-6));
            assertThat(fields[0]).isEqualTo(high >= low ? "high" : "low");
            agree += fields[0].equals(expected.get(i)) ? 1 : 0;
        }
        assertThat(agree).isGreaterThanOrEqualTo(56);
    }

    @Test
    void predictWithoutOutPrintsTheSameCsvOnStandardOutput() throws IOException {
        Path input = TestFiles.shopCsv(dir, "shop-few.csv", 5, 5, false);

        Cli.Run run = Cli.run("predict", "--model", model.toString(), "--data", input.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).hasSize(6).first().isEqualTo("grade,p(high),p(low)");
    }

    @Test
    void summaryShowsTheLayersTheCsvColumnsAndTheProvenance() {
        Cli.Run run = Cli.run("summary", "--model", model.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Total params: 2,530", "classification, 2 classes (high, low)",
                "5 features (x1, color=blue, color=green, color=red, x2); scaling standardize",
                "data", "shop.csv (1,080 rows × 5 features", "init seed            3", "validation_split     0.1",
                "adam: lr 0.001", "test_accuracy 0.9");
    }
}

package dev.backprop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrainCommandTest {

    @TempDir
    Path dir;

    @Test
    void withoutOptionsItLearnsTheTwoSpiralsAndPrintsTheAccuracy() {
        Cli.Run run = Cli.run("train");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Data: builtin:spirals?n=1000&noise=0.05&seed=42&classes=2: 1000 rows × 2 features")
                .contains("900 training rows, 100 validation rows, no test data",
                        "Network: 2 → 64 → 32 → 2 (relu), loss cross-entropy; adam, learning rate 0.001, batch size 64, seed 42",
                        "(early stopping: no better val_loss in 10 epochs); kept the weights of epoch",
                        "The model was not saved; give --out FILE to keep it.");
        Matcher accuracy = Pattern.compile("validation \\(100 rows\\): accuracy (0\\.\\d{4})").matcher(run.out());
        assertThat(accuracy.find()).isTrue();
        assertThat(Double.parseDouble(accuracy.group(1))).isGreaterThanOrEqualTo(0.97);
    }

    @Test
    void offATerminalProgressIsOneLinePerEpochOnStandardError() {
        Cli.Run run = Cli.run("train", "--train", "builtin:moons?n=200", "--epochs", "3", "--early-stopping", "0");

        assertThat(run.err().lines()).hasSize(3).allMatch(line -> line.matches(
                "Epoch [1-3]/3 - \\d+s - loss: \\d\\.\\d{4} - accuracy: \\d\\.\\d{4} - val_loss: \\d\\.\\d{4}"
                        + " - val_accuracy: \\d\\.\\d{4}"));
        assertThat(run.out()).contains("Trained 3 epochs in").doesNotContain("Epoch ");
    }

    @Test
    void quietPrintsNoProgressAndNoPlan() {
        Cli.Run run = Cli.run("train", "--train", "builtin:moons?n=200", "--epochs", "2", "--quiet");

        assertThat(run.err()).isEmpty();
        assertThat(run.out()).startsWith("Trained 2 epochs in");
    }

    @Test
    void jsonIsOneObjectWithTheMetricsEpochsSecondsAndModel() {
        Path model = dir.resolve("moons.bpm");

        Cli.Run run = Cli.run("train", "--train", "builtin:moons?n=300", "--epochs", "4", "--out", model.toString(),
                "--json");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).hasSize(1);
        Map<String, Object> json = run.json();
        assertThat(json).containsKeys("accuracy", "loss", "macro_f1", "confusion_matrix", "epochs", "seconds", "model")
                .containsEntry("epochs", 4L).containsEntry("model", model.toString())
                .containsEntry("classes", List.of("0", "1")).containsEntry("data", "validation");
        assertThat((Double) json.get("seconds")).isPositive();
        assertThat(run.err()).contains("Epoch 4/4");
    }

    @Test
    void regressionJsonHasRSquaredRmseAndMaeAndNoModelWhenNotSaved() {
        Map<String, Object> json = Cli.run("train", "--train", "builtin:sine?n=300", "--epochs", "3", "--json",
                "--quiet").json();

        assertThat(json).containsKeys("r2", "rmse", "mae", "epochs", "seconds").containsEntry("model", null)
                .doesNotContainKeys("accuracy", "confusion_matrix");
    }

    @Test
    void theReportIsWrittenFromTheRealRun() throws Exception {
        Path report = dir.resolve("run.html");

        Cli.Run run = Cli.run("train", "--train", "builtin:blobs?n=300", "--epochs", "3", "--seed", "9",
                "--report", report.toString(), "--quiet");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Wrote the report to " + report);
        String html = java.nio.file.Files.readString(report);
        assertThat(html).contains("<title>blobs: classification", "seed 9", "3 epochs", "<svg", "early-stopping",
                "10 (val_loss, restore best)", "reduce-lr", "2 (val_loss, factor 0.5)", "builtin:blobs?n=300",
                "macro_f1");
        assertThat(html.replace("http://www.w3.org/", "")).doesNotContain("http://", "https://");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "--epochs           | 0     | invalid value for option '--epochs': 0 (expected at least 1)",
        "--batch-size       | -5    | invalid value for option '--batch-size': -5 (expected at least 1)",
        "--learning-rate    | -0.1  | invalid value for option '--learning-rate': -0.1 (expected a number greater than 0)",
        "--validation-split | 1     | invalid value for option '--validation-split': 1.0 (expected a fraction",
        "--hidden           | 16,0  | invalid value for option '--hidden': 16,0 (every layer needs at least 1 unit",
        "--hidden           | 16,x  | invalid value for option '--hidden' (N,N,...): 'x' is not an int",
        "--activation       | swish | invalid value for option '--activation': 'swish' is not an activation;",
        "--loss             | l3    | invalid value for option '--loss': 'l3' is not a loss;",
        "--optimizer        | lbfgs | invalid value for option '--optimizer': 'lbfgs' is not an optimizer;",
        "--scale            | log   | invalid value for option '--scale': 'log' is not a scaling;",
        "--task             | both  | invalid value for option '--task': expected one of [CLASSIFICATION, REGRESSION]",
        "--early-stopping   | -1    | invalid value for option '--early-stopping': -1 (expected at least 0)",
        "--reduce-lr        | -2    | invalid value for option '--reduce-lr': -2 (expected at least 0)",
    })
    void aBadValueIsAUsageErrorNamingTheOptionAndTheValue(String option, String value, String message) {
        Cli.Run run = Cli.run("train", option, value);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).hasLineCount(1).startsWith("error: " + message);
    }

    @Test
    void optionsThatContradictTheDataAreUsageErrors() {
        Cli.Run target = Cli.run("train", "--train", "builtin:sine", "--target", "y");
        Cli.Run task = Cli.run("train", "--train", "builtin:sine", "--task", "classification");
        Cli.Run loss = Cli.run("train", "--train", "builtin:sine", "--loss", "cross-entropy");
        Cli.Run binary = Cli.run("train", "--train", "builtin:blobs", "--loss", "binary-cross-entropy");

        assertThat(List.of(target, task, loss, binary)).allSatisfy(run -> {
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).hasLineCount(1);
        });
        assertThat(target.err()).startsWith("error: --target applies to CSV files; builtin:sine is a built-in data set");
        assertThat(task.err()).startsWith("error: invalid value for option '--task': classification (builtin:sine has a"
                + " regression target)");
        assertThat(loss.err()).contains("cross-entropy needs classes");
        assertThat(binary.err()).contains("it needs 2 classes; builtin:blobs has 3");
    }

    @Test
    void aBinaryCrossEntropyModelHasOneOutputAndStillPrintsBothProbabilities() {
        Path model = dir.resolve("circles.bpm");

        Cli.Run trained = Cli.run("train", "--train", "builtin:circles?n=400", "--loss", "binary-cross-entropy",
                "--out", model.toString(), "--quiet");
        Cli.Run predicted = Cli.run("predict", "--model", model.toString(), "--data", "builtin:circles?n=3&seed=5");

        assertThat(trained.exitCode()).as(trained.err()).isZero();
        assertThat(trained.out()).containsPattern("validation \\(40 rows\\): accuracy (0\\.9\\d{3}|1\\.0000)");
        assertThat(predicted.out().lines()).hasSize(4).first().isEqualTo("label,p(0),p(1)");
    }
}

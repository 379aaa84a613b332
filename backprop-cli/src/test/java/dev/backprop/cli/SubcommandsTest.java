package dev.backprop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What every subcommand shares: help, required options, and summary's machine-readable form. */
class SubcommandsTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"train", "evaluate", "predict", "summary", "explain", "gradcheck"})
    void helpDescribesTheCommandOnStandardOutput(String command) {
        Cli.Run run = Cli.run(command, "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).startsWith("Usage: backprop " + command).contains("-h, --help");
    }

    @Test
    void theTopLevelHelpListsEveryCommand() {
        Cli.Run run = Cli.run("--help");

        assertThat(run.out()).contains("train", "evaluate", "predict", "summary", "explain", "gradcheck");
    }

    @ParameterizedTest
    @ValueSource(strings = {"evaluate", "predict", "summary"})
    void aModelCommandWithoutItsModelIsAUsageError(String command) {
        Cli.Run run = Cli.run(command);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).hasLineCount(1).startsWith("error: missing required option").contains("--model");
    }

    @Test
    void summaryJsonHoldsTheArchitecturePreprocessingAndProvenance() {
        Path model = dir.resolve("sine.bpm");
        assertThat(Cli.run("train", "--train", "builtin:sine?n=200", "--epochs", "2", "--quiet", "--out",
                model.toString()).exitCode()).isZero();

        Map<String, Object> json = Cli.run("summary", "--model", model.toString(), "--json").json();

        assertThat(json).containsEntry("task", "regression").containsEntry("inputs", 1L).containsEntry("outputs", 1L)
                .containsEntry("parameters", 64L * 2 + 32 * 64 + 32 + 33).containsEntry("loss", "mse")
                .containsKeys("architecture", "preprocessing", "provenance");
        @SuppressWarnings("unchecked")
        Map<String, Object> provenance = (Map<String, Object>) json.get("provenance");
        @SuppressWarnings("unchecked")
        Map<String, Object> metrics = (Map<String, Object>) provenance.get("final_metrics");
        assertThat(provenance.get("init_seed")).isEqualTo(42L);
        assertThat(metrics).containsKeys("val_r2", "val_rmse", "val_mae");
    }
}

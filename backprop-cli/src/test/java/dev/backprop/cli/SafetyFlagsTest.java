package dev.backprop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.checkpoint.Checkpoints;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train}'s checkpoint, resume and NaN options, and the warnings before training, run in-process. */
class SafetyFlagsTest {
    @TempDir
    Path dir;

    private List<String> moons(Path folder, int epochs, String... more) {
        List<String> args = new ArrayList<>(List.of("train", "--train", "builtin:moons?n=200", "--epochs",
                String.valueOf(epochs), "--hidden", "8", "--quiet", "--checkpoint-dir", folder.toString()));
        args.addAll(List.of(more));
        return args;
    }

    private static Cli.Run run(List<String> args) {
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void aRunStoppedAtEpochTwoAndResumedToFourEndsAsOneThatRanFour() throws IOException {
        Path whole = dir.resolve("whole.bpm");
        assertThat(run(moons(dir.resolve("a"), 4, "--out", whole.toString())).exitCode()).isZero();
        Path folder = dir.resolve("b");
        assertThat(run(moons(folder, 2)).exitCode()).isZero();
        assertThat(Checkpoints.in(folder).files()).extracting(p -> p.getFileName().toString())
                .containsExactly("epoch-000001.bpm", "epoch-000002.bpm");

        Path resumed = dir.resolve("resumed.bpm");
        Cli.Run more = Cli.run("train", "--resume", folder.toString(), "--epochs", "4", "--out", resumed.toString());

        assertThat(more.exitCode()).as(more.err()).isZero();
        assertThat(more.err()).contains("resuming from the checkpoint in " + folder + ": epoch 3 of 4");
        SameModel.assertBitIdentical(resumed, whole);
    }

    @Test
    void aFolderThatHoldsARunIsNotReusedForANewOne() {
        Path folder = dir.resolve("used");
        assertThat(run(moons(folder, 1)).exitCode()).isZero();

        Cli.Run again = run(moons(folder, 4));

        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.errorLine()).isEqualTo("error: --checkpoint-dir " + folder + " already holds checkpoints of a"
                + " run (epoch-000001.bpm); continue it with --resume " + folder + ", or choose an empty folder"
                + " (see 'backprop train --help')");
    }

    @Test
    void resumingTakesOnlyALongerRunAndOutputOptions() {
        Path folder = dir.resolve("run");
        assertThat(run(moons(folder, 1)).exitCode()).isZero();

        Cli.Run changed = Cli.run("train", "--resume", folder.toString(), "--learning-rate", "0.5");
        Cli.Run nothing = Cli.run("train", "--resume", dir.resolve("empty").toString());

        assertThat(changed.exitCode()).isEqualTo(2);
        assertThat(changed.errorLine()).startsWith("error: with --resume the run's options come from "
                + folder.resolve("run.json") + "; --learning-rate cannot be changed");
        assertThat(nothing.exitCode()).isEqualTo(1);
        assertThat(nothing.errorLine()).startsWith("error: " + dir.resolve("empty") + ": holds no run.json");
    }

    @Test
    void checkpointOptionValuesOutOfRangeAreUsageErrors() {
        assertThat(run(moons(dir.resolve("k"), 4, "--keep", "0")).errorLine())
                .startsWith("error: invalid value for option '--keep': 0 (expected at least 1)");
        assertThat(run(moons(dir.resolve("e"), 4, "--checkpoint-every", "-1")).errorLine())
                .startsWith("error: invalid value for option '--checkpoint-every': -1.0 (expected a number greater than 0)");
        assertThat(run(moons(dir.resolve("n"), 4, "--on-nan", "ignore")).errorLine())
                .contains("--on-nan").contains("expected stop or skip-batch, got 'ignore'");
    }

    @Test
    void anExplodingLearningRateStopsNamingTheParameterAndKeepsTheLastGoodCheckpoint() throws IOException {
        Path folder = dir.resolve("diverging");
        Cli.Run run = run(moons(folder, 3, "--optimizer", "sgd", "--learning-rate", "1e30"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errorLine()).matches("error: training diverged in epoch 1, batch \\d+ of \\d+: .*'0\\.weight'.*"
                + "the weight of layer 0 \\(Dense 2→8\\).*Lower the learning rate.*");
        assertThat(Checkpoints.in(folder).files()).isEmpty();

        Cli.Run skipping = run(moons(dir.resolve("skipping"), 2, "--optimizer", "sgd", "--learning-rate", "1e30",
                "--on-nan", "skip-batch"));
        assertThat(skipping.exitCode()).as(skipping.err()).isZero();
    }

    @Test
    void unscaledFeaturesFarFromUnitScaleAndAConstantColumnAreWarnedAbout() throws IOException {
        SplittableRandom rng = new SplittableRandom(4);
        StringBuilder csv = new StringBuilder("income,age,country,label\n");
        for (int i = 0; i < 120; i++) {
            double income = 20_000 + rng.nextDouble() * 80_000;
            csv.append(String.format(java.util.Locale.ROOT, "%.0f,%d,1,%s%n", income, 20 + rng.nextInt(50),
                    income > 60_000 ? "high" : "low"));
        }
        Path file = Files.writeString(dir.resolve("people.csv"), csv);

        Cli.Run run = Cli.run("train", "--train", file.toString(), "--scale", "none", "--epochs", "1", "--quiet");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err().lines().filter(l -> l.startsWith("warning: ")).toList()).satisfiesExactly(
                scale -> assertThat(scale).startsWith("warning: 1 feature of 3 is far from unit scale: 'income' spans [")
                        .contains("--scale standardize"),
                constant -> assertThat(constant).startsWith("warning: 1 feature of 3 has the same value in every"
                        + " training example: 'country' = 1."));
    }
}

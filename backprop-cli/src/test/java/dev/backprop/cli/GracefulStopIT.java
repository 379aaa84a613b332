package dev.backprop.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.backprop.checkpoint.Checkpoint;
import dev.backprop.checkpoint.Checkpoints;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code backprop train --checkpoint-dir} process receiving SIGINT (as from Ctrl-C) or
 * SIGTERM: it finishes the batch, saves a checkpoint of it, exits 130 or 143, and a resumed run ends
 * bit-identical to one never stopped.
 */
class GracefulStopIT {
    private static final Duration LIMIT = Duration.ofMinutes(2);

    @TempDir
    Path tmp;

    @BeforeAll
    static void signalsReachTheChild() throws Exception {
        assumeTrue(TrainingProcess.canReceiveSigint(), "this JVM ignores SIGINT and perl is not there to reset it");
    }

    private static List<String> train(Path folder, Path out) {
        return List.of("train", "--train", "builtin:spirals?n=600", "--hidden", "32,16", "--epochs", "40",
                "--early-stopping", "0", "--batch-size", "16", "--seed", "11", "--checkpoint-dir", folder.toString(),
                "--out", out.toString());
    }

    /** Starts a run and waits until it has written its first checkpoint, so that it is training. */
    private static TrainingProcess startTraining(Path folder, Path out) throws Exception {
        TrainingProcess p = TrainingProcess.start(train(folder, out).toArray(String[]::new));
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (Checkpoints.in(folder).files().isEmpty() && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(p.isAlive()).as("still training after its first checkpoint; stderr: %s", p.err()).isTrue();
        return p;
    }

    @Test
    void ctrlCFinishesTheBatchSavesACheckpointExits130AndTheResumedRunEndsBitIdentical() throws Exception {
        Path reference = tmp.resolve("reference.bpm");
        assertThat(Cli.run(train(tmp.resolve("reference"), reference).toArray(String[]::new)).exitCode()).isZero();
        Path folder = tmp.resolve("run");
        Path out = tmp.resolve("model.bpm");

        TrainingProcess p = startTraining(folder, out);
        p.signal("INT");

        assertThat(p.waitFor(LIMIT)).isEqualTo(130);
        assertThat(p.err()).contains("SIGINT: stopping after this batch to save a checkpoint")
                .contains("continue it with: backprop train --resume " + folder);
        assertThat(out).as("no model of an unfinished run").doesNotExist();
        Checkpoint stopped = Checkpoints.in(folder).newest().orElseThrow();
        assertThat(stopped.epoch()).isLessThan(40);

        TrainingProcess resumed = TrainingProcess.start("train", "--resume", folder.toString());
        assertThat(resumed.waitFor(LIMIT)).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains("resuming from the checkpoint in " + folder);
        SameModel.assertBitIdentical(out, reference);
    }

    @Test
    void sigtermStopsTheSameWayWithExitCode143() throws Exception {
        Path folder = tmp.resolve("run");
        TrainingProcess p = startTraining(folder, tmp.resolve("model.bpm"));
        int before = Checkpoints.in(folder).files().size();
        p.signal("TERM");

        assertThat(p.waitFor(LIMIT)).isEqualTo(143);
        assertThat(p.err()).contains("SIGTERM: stopping after this batch");
        assertThat(Checkpoints.in(folder).newest()).isPresent();
        assertThat(Checkpoints.in(folder).files().size()).isGreaterThanOrEqualTo(Math.min(before, 3));
    }

    @Test
    void aSecondCtrlCQuitsAtOnceLeavingTheCheckpointsIntact() throws Exception {
        Path folder = tmp.resolve("run");
        TrainingProcess p = startTraining(folder, tmp.resolve("model.bpm"));
        p.signal("INT");
        p.signal("INT");

        assertThat(p.waitFor(LIMIT)).isEqualTo(130);
        for (Path file : Checkpoints.in(folder).files()) {
            assertThat(Files.size(file)).isPositive();
        }
        assertThat(Checkpoints.in(folder).newest()).isPresent();
    }
}

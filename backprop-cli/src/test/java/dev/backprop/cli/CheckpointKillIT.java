package dev.backprop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.checkpoint.Checkpoints;
import dev.backprop.model.SavedModel;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills {@code backprop train --checkpoint-dir} with SIGKILL again and again, at random moments and
 * just as a checkpoint write starts, resuming it with {@code --resume} each time. After every kill
 * every checkpoint on disk is complete and the newest loads; each chain of resumes runs to the end
 * and its model is bit-identical to that of a run never killed. {@code -Dbackprop.kills=N} sets the
 * number of kills (24).
 */
class CheckpointKillIT {
    private static final int KILLS = Integer.getInteger("backprop.kills", 24);
    private static final Pattern WRITING = Pattern.compile("\\.epoch-.*\\.tmp");
    private static final Duration LIMIT = Duration.ofMinutes(2);

    @TempDir
    Path tmp;

    private static List<String> train(Path folder, Path out) {
        return new ArrayList<>(List.of("train", "--train", "builtin:moons?n=300", "--hidden", "16", "--epochs", "8",
                "--batch-size", "16", "--seed", "7", "--checkpoint-dir", folder.toString(),
                "--checkpoint-every", "0.002", "--out", out.toString()));
    }

    @Test
    void killedAtRandomMomentsTheNewestCheckpointAlwaysLoadsAndResumingEndsBitIdentical() throws Exception {
        Path reference = tmp.resolve("reference.bpm");
        long start = System.nanoTime();
        Cli.Run uninterrupted = Cli.run(train(tmp.resolve("reference"), reference).toArray(String[]::new));
        assertThat(uninterrupted.exitCode()).as(uninterrupted.err()).isZero();
        // Random kills fall within the time a whole run takes, so most land inside training.
        int runMillis = (int) Math.max(200, (System.nanoTime() - start) / 1_000_000);

        SplittableRandom random = new SplittableRandom(20261126);
        int kills = 0;
        int duringWrites = 0;
        int completed = 0;
        Path folder = Files.createDirectories(tmp.resolve("run-0"));
        while (true) {
            Path out = tmp.resolve("model-" + completed + ".bpm");
            boolean resume = Files.exists(folder.resolve(RunFile.NAME));
            try (WatchService watch = FileSystems.getDefault().newWatchService()) {
                folder.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
                TrainingProcess p = TrainingProcess.start(resume
                        ? new String[] {"train", "--resume", folder.toString(), "--out", out.toString()}
                        : train(folder, out).toArray(String[]::new));
                boolean killed = kills < KILLS && (kills % 2 == 0 ? killAfterRandomDelay(p, random.nextInt(runMillis))
                        : killWhenAWriteStarts(p, watch, 1 + random.nextInt(3)));
                if (killed) {
                    kills++;
                    duringWrites += writeCutShort(folder) ? 1 : 0;
                    assertEveryCheckpointLoads(folder);
                    continue;
                }
                assertThat(p.waitFor(LIMIT)).as("exit code; stderr: %s", p.err()).isZero();
            }
            SameModel.assertBitIdentical(out, reference);
            completed++;
            if (kills >= KILLS) {
                break;
            }
            folder = Files.createDirectories(tmp.resolve("run-" + completed));
        }
        System.out.printf("SIGKILL test: %d kills, %d of them during a checkpoint write; %d runs ended (resumed or not),"
                + " each bit-identical to the uninterrupted one, which took %d ms%n", kills, duringWrites, completed,
                runMillis);
        assertThat(duringWrites).as("kills that cut a checkpoint write short").isPositive();
    }

    /** Kills the process {@code millis} after it printed its plan (training starts then); false if it ended first. */
    private static boolean killAfterRandomDelay(TrainingProcess p, int millis) throws Exception {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (p.out().isEmpty() && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        Thread.sleep(millis);
        if (!p.isAlive()) {
            return false;
        }
        p.kill();
        return true;
    }

    /** Kills the process the moment it starts its {@code n}-th checkpoint write; false if it ended first. */
    private static boolean killWhenAWriteStarts(TrainingProcess p, WatchService watch, int n) throws Exception {
        int writes = 0;
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (p.isAlive() && System.nanoTime() < deadline) {
            WatchKey key = watch.poll(5, TimeUnit.MILLISECONDS);
            if (key == null) {
                continue;
            }
            for (WatchEvent<?> event : key.pollEvents()) {
                if (event.context() instanceof Path name && WRITING.matcher(name.toString()).matches() && ++writes == n) {
                    p.kill();
                    return true;
                }
            }
            key.reset();
        }
        return false;
    }

    /** Whether the kill left the temporary file of a checkpoint write behind. */
    private static boolean writeCutShort(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.anyMatch(f -> WRITING.matcher(f.getFileName().toString()).matches());
        }
    }

    /** Every checkpoint file is complete, and the newest is what a resume reads, without any warning. */
    private static void assertEveryCheckpointLoads(Path folder) throws IOException {
        List<String> warnings = new ArrayList<>();
        Checkpoints checkpoints = Checkpoints.in(folder).onWarning(warnings::add);
        List<Path> files = checkpoints.files();
        for (Path file : files) {
            assertThat(SavedModel.load(file).trainingState()).as(file.toString()).isPresent();
        }
        if (!files.isEmpty()) {
            assertThat(checkpoints.newest()).hasValueSatisfying(c -> assertThat(c.file()).isEqualTo(files.get(files.size() - 1)));
        }
        assertThat(warnings).isEmpty();
    }
}

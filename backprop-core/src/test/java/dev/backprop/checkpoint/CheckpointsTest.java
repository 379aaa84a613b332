package dev.backprop.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.backprop.model.SavedModel;
import dev.backprop.nn.CategoricalCrossEntropy;
import dev.backprop.nn.Sequential;
import dev.backprop.optim.LearningRateSchedule;
import dev.backprop.optim.ReduceLROnPlateau;
import dev.backprop.optim.SGD;
import dev.backprop.tensor.Tensor;
import dev.backprop.train.BatchEvent;
import dev.backprop.train.EarlyStopping;
import dev.backprop.train.Examples;
import dev.backprop.train.ReduceOnPlateau;
import dev.backprop.train.Trainer;
import dev.backprop.train.TrainingConfig;
import dev.backprop.train.TrainingDivergedException;
import dev.backprop.train.TrainingListener;
import dev.backprop.train.TrainingState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs cut short at chosen points (an exception standing in for a crash, or a stop request) and
 * resumed from their checkpoint folder end bit-identical to runs that never stopped.
 */
class CheckpointsTest {
  static final TrainingConfig CONFIG = TrainingConfig.of(6, 16, 21)
      .withValidationSplit(0.2)
      .withPlateau(new ReduceOnPlateau("val_loss", new ReduceLROnPlateau.Spec().withPatience(0).withFactor(0.5)))
      .withEarlyStopping(EarlyStopping.on("val_accuracy").withPatience(10));

  @TempDir
  Path dir;

  static Examples blobs() {
    SplittableRandom rng = new SplittableRandom(5);
    float[] x = new float[120 * 4];
    int[] labels = new int[120];
    for (int i = 0; i < 120; i++) {
      labels[i] = i % 3;
      for (int j = 0; j < 4; j++) {
        x[i * 4 + j] = (float) (rng.nextGaussian() + (j == labels[i] ? 1.5 : 0));
      }
    }
    return Examples.classification(Tensor.of(x, 120, 4), labels, 3);
  }

  /** Dropout and batch normalization put generators and buffers into the state. */
  static Trainer trainer(long weightSeed, TrainingConfig config) {
    Sequential net = Sequential.mlp(4, 16, 16, 3).dropout(0.2).batchNorm(true).spec(3)
        .build(new SplittableRandom(weightSeed));
    return new Trainer(net, new CategoricalCrossEntropy(), config);
  }

  /** A crash: an error thrown from inside training at the given batch. */
  static final class Crash extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  static TrainingListener crashAt(int epoch, int batch) {
    return new TrainingListener() {
      @Override
      public void onBatchEnd(BatchEvent event) {
        if (event.epoch() == epoch && event.batch() == batch) {
          throw new Crash();
        }
      }
    };
  }

  private Checkpoints uninterruptedCheckpoints;

  /** The final state of the run that never stopped; its checkpoints are in {@link #uninterruptedCheckpoints}. */
  private TrainingState uninterrupted(TrainingConfig config) throws IOException {
    Trainer t = trainer(3, config);
    uninterruptedCheckpoints = Checkpoints.in(dir.resolve("uninterrupted"));
    uninterruptedCheckpoints.fit(t, blobs());
    return t.state();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 4})
  void aRunCrashingAfterEpochKAndResumedEndsBitIdentical(int k) throws IOException {
    TrainingState expected = uninterrupted(CONFIG);
    Checkpoints checkpoints = Checkpoints.in(dir.resolve("crashing"));
    Trainer first = trainer(3, CONFIG).addListener(crashAt(k, 1));
    assertThatThrownBy(() -> checkpoints.fit(first, blobs())).isInstanceOf(Crash.class);
    assertThat(checkpoints.newest()).hasValueSatisfying(c -> assertThat(c.epoch()).isEqualTo(k));

    Trainer resumed = trainer(77, CONFIG);
    checkpoints.fit(resumed, blobs());

    SameRun.assertSame(resumed.state(), expected);
    SameRun.assertSame(checkpoints.newest().orElseThrow().state(),
        uninterruptedCheckpoints.newest().orElseThrow().state());
  }

  @Test
  void aRunStoppedInTheMiddleOfAnEpochSavesThatBatchAndResumesFromIt() throws IOException {
    TrainingState expected = uninterrupted(CONFIG);
    Checkpoints checkpoints = Checkpoints.in(dir.resolve("stopped"));
    Trainer first = trainer(3, CONFIG);
    first.addListener(new TrainingListener() {
      @Override
      public void onBatchEnd(BatchEvent event) {
        if (event.epoch() == 2 && event.batch() == 3) {
          first.requestStop();
        }
      }
    });
    checkpoints.fit(first, blobs());
    Checkpoint saved = checkpoints.newest().orElseThrow();
    assertThat(saved.file().getFileName()).hasToString("epoch-000002-batch-000004.bpm");

    Trainer resumed = trainer(78, CONFIG);
    checkpoints.fit(resumed, blobs());
    SameRun.assertSame(resumed.state(), expected);
  }

  @Test
  void aFinishedRunExtendedToMoreEpochsEndsAsOneThatRanThemAll() throws IOException {
    TrainingState expected = uninterrupted(CONFIG);
    Checkpoints checkpoints = Checkpoints.in(dir.resolve("extended"));
    Trainer shorter = trainer(3, CONFIG.withEpochs(3));
    checkpoints.fit(shorter, blobs());
    assertThat(shorter.history().bestEpoch()).as("the best weights are put back at the end").isPresent();

    Trainer longer = trainer(80, CONFIG);
    checkpoints.fit(longer, blobs());
    SameRun.assertSame(longer.state(), expected);
  }

  @Test
  void checkpointsEveryIntervalFallInsideEpochsAndOnlyTheNewestAreKept() throws IOException {
    TrainingState expected = uninterrupted(CONFIG);
    Checkpoints checkpoints = Checkpoints.in(dir.resolve("often")).every(Duration.ofNanos(1)).keepLast(2);
    assertThatThrownBy(() -> checkpoints.fit(trainer(3, CONFIG).addListener(crashAt(3, 2)), blobs()))
        .isInstanceOf(Crash.class);
    assertThat(checkpoints.files()).extracting(p -> p.getFileName().toString())
        .containsExactly("epoch-000003-batch-000001.bpm", "epoch-000003-batch-000002.bpm");

    Trainer resumed = trainer(79, CONFIG);
    checkpoints.fit(resumed, blobs());
    SameRun.assertSame(resumed.state(), expected);
  }

  @Test
  void aDivergingRunWritesNothingMoreSoTheLastGoodCheckpointStaysTheNewest() throws IOException {
    TrainingConfig exploding = TrainingConfig.of(8, 16, 5).withOptimizer(new SGD.Spec(0.05))
        .withSchedule(new LearningRateSchedule.ExponentialDecay(1000));
    Checkpoints checkpoints = Checkpoints.in(dir.resolve("diverging"));
    Trainer t = new Trainer(Sequential.mlp(4, 16, 3).build(7), new CategoricalCrossEntropy(), exploding);

    TrainingDivergedException e = catchThrowableOfType(TrainingDivergedException.class,
        () -> checkpoints.fit(t, blobs()));

    assertThat(e.parameter()).isEqualTo("0.weight");
    Checkpoint lastGood = checkpoints.newest().orElseThrow();
    assertThat(lastGood.epoch()).isEqualTo(e.epoch());
    assertThat(lastGood.batch()).isZero();
    for (Tensor w : lastGood.model().network().namedParameters().values()) {
      for (float v : w.toFloatArray()) {
        assertThat(v).isFinite();
      }
    }
  }

  @Test
  void aDamagedNewestCheckpointIsSkippedWithAWarningForTheOneBeforeIt() throws IOException {
    Checkpoints quiet = Checkpoints.in(dir.resolve("damaged"));
    assertThatThrownBy(() -> quiet.fit(trainer(3, CONFIG).addListener(crashAt(3, 0)), blobs()))
        .isInstanceOf(Crash.class);
    Path newest = quiet.files().get(quiet.files().size() - 1);
    byte[] bytes = Files.readAllBytes(newest);
    bytes[bytes.length - 5] ^= 0x40;
    Files.write(newest, bytes);
    List<String> warnings = new ArrayList<>();

    Checkpoint c = quiet.onWarning(warnings::add).newest().orElseThrow();

    assertThat(c.epoch()).isEqualTo(2);
    assertThat(warnings).singleElement().asString()
        .startsWith("skipped a damaged checkpoint: " + newest + ": checksum mismatch");
  }

  @Test
  void theRemainsOfAWriteCutShortAreRemovedWithAWarning() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("leftovers"));
    Path temp = Files.write(folder.resolve(".epoch-000001.bpm.4242-7.tmp"), new byte[100]);
    Path unrelated = Files.write(folder.resolve("notes.txt"), new byte[] {'x'});
    List<String> warnings = new ArrayList<>();

    Checkpoints.in(folder).onWarning(warnings::add).fit(trainer(3, CONFIG.withEpochs(1)), blobs());

    assertThat(temp).doesNotExist();
    assertThat(unrelated).exists();
    assertThat(warnings).containsExactly(temp + ": removed the remains of a checkpoint write that was cut short");
  }

  @Test
  void aFolderInUseByAnotherRunIsRefused() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("busy"));
    try (FolderLock held = FolderLock.take(folder)) {
      assertThatThrownBy(() -> Checkpoints.in(folder).fit(trainer(3, CONFIG), blobs()))
          .isInstanceOf(IOException.class)
          .hasMessage(folder + ": another training run is using this checkpoint folder (process "
              + ProcessHandle.current().pid() + "); wait for it to end, or use another folder");
    }
  }

  @Test
  void resumingWithOtherDataOrAnotherConfigurationIsRefusedNamingTheCheckpoint() throws IOException {
    Checkpoints checkpoints = Checkpoints.in(dir.resolve("strict"));
    assertThatThrownBy(() -> checkpoints.fit(trainer(3, CONFIG).addListener(crashAt(1, 0)), blobs()))
        .isInstanceOf(Crash.class);
    Path newest = checkpoints.files().get(checkpoints.files().size() - 1);
    Examples other = Examples.classification(blobs().features().mul(2.0), blobs().labels(), 3);

    assertThatThrownBy(() -> checkpoints.fit(trainer(3, CONFIG), other))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(newest + ": this checkpoint's run trained on 120 rows of 4 features")
        .hasMessageContaining("resume with the same data");
    assertThatThrownBy(() -> checkpoints.fit(trainer(3, CONFIG.withBatchSize(8)), blobs()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(newest + ": cannot resume from this checkpoint: restore: the state was trained with");
  }

  @Test
  void aCheckpointWhoseHalfFinishedEpochDoesNotFitTheExamplesIsRefusedNamingTheFile() throws IOException {
    Checkpoints checkpoints = Checkpoints.in(dir.resolve("tampered"));
    Trainer first = trainer(3, CONFIG);
    first.addListener(new TrainingListener() {
      @Override
      public void onBatchEnd(BatchEvent event) {
        if (event.epoch() == 1 && event.batch() == 2) {
          first.requestStop();
        }
      }
    });
    checkpoints.fit(first, blobs());
    Path file = checkpoints.files().get(checkpoints.files().size() - 1);
    Tampering.rewriteState(file, state -> state.replace("\"confusion\":[", "\"confusion\":[1,"));

    assertThatThrownBy(() -> checkpoints.fit(trainer(3, CONFIG), blobs()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(file + ": cannot resume from this checkpoint: the restored state's half-finished epoch 2 does"
            + " not fit these examples: epoch progress: 'confusion' must hold 9 numbers, got 10");
  }

  @Test
  void everyCheckpointIsAModelFileThatPredicts() throws IOException {
    Checkpoints checkpoints = Checkpoints.in(dir.resolve("usable")).withProvenance("blobs", 3);
    Trainer t = trainer(3, CONFIG.withEpochs(2));
    checkpoints.fit(t, blobs());
    SavedModel model = SavedModel.load(checkpoints.files().get(0));
    assertThat(model.provenance().data().name()).isEqualTo("blobs");
    assertThat(model.provenance().initSeed()).isEqualTo(3L);
    assertThat(model.predictClasses(blobs().features())).hasSize(120);
  }
}

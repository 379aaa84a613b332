package dev.backprop.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.data.Task;
import dev.backprop.io.SafetensorsFile;
import dev.backprop.nn.CategoricalCrossEntropy;
import dev.backprop.nn.Module;
import dev.backprop.nn.Sequential;
import dev.backprop.optim.ReduceLROnPlateau;
import dev.backprop.tensor.Tensor;
import dev.backprop.train.BatchEvent;
import dev.backprop.train.EarlyStopping;
import dev.backprop.train.EpochRecord;
import dev.backprop.train.Examples;
import dev.backprop.train.ReduceOnPlateau;
import dev.backprop.train.Trainer;
import dev.backprop.train.TrainingConfig;
import dev.backprop.train.TrainingListener;
import dev.backprop.train.TrainingState;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model file carrying a training state lets a run continue exactly as if it had never stopped. */
class TrainingStateFileTest {
  private static final TrainingConfig CONFIG = TrainingConfig.of(4, 16, 21)
      .withValidationSplit(0.2)
      .withTopK(2)
      .withPlateau(new ReduceOnPlateau("val_loss", new ReduceLROnPlateau.Spec().withPatience(0).withFactor(0.5)))
      .withEarlyStopping(EarlyStopping.on("val_accuracy").withPatience(10));

  @TempDir
  Path dir;

  private static Examples blobs() {
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

  private static Sequential network(long weightSeed) {
    return Sequential.mlp(4, 16, 16, 3).dropout(0.2).batchNorm(true).spec(3).build(new SplittableRandom(weightSeed));
  }

  private static Trainer trainer(Module net) {
    return new Trainer(net, new CategoricalCrossEntropy(), CONFIG);
  }

  private Path save(Trainer t, String name) throws IOException {
    Path file = dir.resolve(name);
    SavedModel.of(t.network(), t.loss(), Task.CLASSIFICATION, Preprocessing.none(),
            Provenance.of(t, DataIdentity.of("blobs", blobs()), 3))
        .withTrainingState(t.state()).save(file);
    return file;
  }

  private static Trainer resumed(Path file) throws IOException {
    SavedModel model = SavedModel.load(file);
    Trainer t = trainer(model.network().spec().build(new SplittableRandom(99)));
    t.restore(model.trainingState().orElseThrow());
    return t;
  }

  private static void assertSameRun(Trainer actual, Trainer expected) {
    TrainingState a = actual.state();
    TrainingState e = expected.state();
    assertThat(Fixtures.sameBits(Fixtures.values(actual.network()), Fixtures.values(expected.network()))).isTrue();
    assertThat(a.scheduler()).isEqualTo(e.scheduler());
    assertThat(a.generators()).isEqualTo(e.generators());
    assertThat(a.history().size()).isEqualTo(e.history().size());
    for (int i = 0; i < e.history().size(); i++) {
      assertThat(a.history().epochs().get(i).metrics()).isEqualTo(e.history().epochs().get(i).metrics());
    }
  }

  @Test
  void aRunSavedInTheMiddleOfAnEpochAndResumedFromTheFileEndsBitIdentical() throws IOException {
    Trainer uninterrupted = trainer(network(3));
    uninterrupted.fit(blobs());

    Trainer first = trainer(network(3));
    first.addListener(new TrainingListener() {
      @Override
      public void onBatchEnd(BatchEvent event) {
        if (event.epoch() == 2 && event.batch() == 1) {
          first.requestStop();
        }
      }
    });
    first.fit(blobs());
    Path file = save(first, "checkpoint.bpm");
    assertThat(SafetensorsFile.read(file).names()).contains("optimizer/0.weight/exp_avg", "training/best/0.weight");

    Trainer second = resumed(file);
    second.fit(blobs());
    assertSameRun(second, uninterrupted);
  }

  @Test
  void aRunResumedFromAFileWrittenAfterEachEpochEndsBitIdentical() throws IOException {
    Trainer uninterrupted = trainer(network(3));
    uninterrupted.fit(blobs());
    List<Path> files = new ArrayList<>();
    Trainer first = trainer(network(3));
    first.addListener(new TrainingListener() {
      @Override
      public void onEpochEnd(EpochRecord record) {
        try {
          files.add(save(first, "epoch" + record.epoch() + ".bpm"));
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    });
    first.fit(blobs());

    for (Path file : files.subList(0, 3)) {
      Trainer second = resumed(file);
      second.fit(blobs());
      assertSameRun(second, uninterrupted);
    }
  }

  @Test
  void aStateWhoseWeightsDifferFromTheModelsKeepsThemSeparately() throws IOException {
    Trainer t = trainer(network(3));
    t.fit(blobs());
    TrainingState state = t.state();
    Sequential other = network(8);
    Path file = dir.resolve("separate.bpm");
    SavedModel.of(other, t.loss(), Task.CLASSIFICATION, Preprocessing.none(), Provenance.untrained())
        .withTrainingState(state).save(file);

    SavedModel loaded = SavedModel.load(file);
    assertThat(Fixtures.sameBits(Fixtures.values(loaded.network()), Fixtures.values(other))).isTrue();
    TrainingState back = loaded.trainingState().orElseThrow();
    state.model().forEach((name, tensor) ->
        assertThat(back.model().get(name).toDoubleArray()).isEqualTo(tensor.toDoubleArray()));
    assertThat(SafetensorsFile.read(file).names()).contains("training/model/0.weight");
  }

  @Test
  void provenanceRecordsTheRunAndTheData() throws IOException {
    Trainer t = trainer(network(3));
    t.fit(blobs());
    Path file = dir.resolve("p.bpm");
    SavedModel.of(t.network(), t.loss(), Task.CLASSIFICATION, Preprocessing.none(),
        Provenance.of(t, DataIdentity.of("blobs", blobs()), 3).withFinalMetrics(java.util.Map.of("test_accuracy", 0.5)))
        .save(file);

    Provenance p = SavedModel.load(file).provenance();
    assertThat(p.training()).isEqualTo(CONFIG);
    assertThat(p.initSeed()).isEqualTo(3L);
    assertThat(p.data().rows()).isEqualTo(120);
    assertThat(p.data().sha256()).isEqualTo(DataIdentity.of("x", blobs()).sha256()).hasSize(64);
    assertThat(p.libraryVersion()).matches("\\d+\\.\\d+\\.\\d+.*");
    assertThat(p.finalMetrics()).containsEntry("test_accuracy", 0.5).containsKey("val_loss");
    assertThat(p.history().epochs()).isEqualTo(t.history().epochs());
    assertThat(SavedModel.load(file).trainingState()).isEmpty();
  }
}

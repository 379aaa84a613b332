package dev.backprop.checkpoint;

import dev.backprop.data.Task;
import dev.backprop.model.DataIdentity;
import dev.backprop.model.Preprocessing;
import dev.backprop.model.Provenance;
import dev.backprop.model.SavedModel;
import dev.backprop.train.BatchEvent;
import dev.backprop.train.EpochRecord;
import dev.backprop.train.Trainer;
import dev.backprop.train.TrainingListener;
import dev.backprop.train.TrainingState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * Writes a trainer's checkpoints while it trains: after every epoch, after any batch that ends a
 * checkpoint interval, and on demand; then removes all but the newest {@code keep}. Each write is
 * atomic and durable (a model file through {@link dev.backprop.io.AtomicFiles}), so the folder always
 * holds complete checkpoints only, whenever the process dies.
 */
final class CheckpointWriter implements TrainingListener {
  private final Trainer trainer;
  private final Path folder;
  private final int keep;
  private final long intervalNanos;
  private final Task task;
  private final Preprocessing preprocessing;
  private final DataIdentity data;
  private final Long initSeed;
  private final Consumer<String> warnings;
  private final LongSupplier clock;
  private long lastSave;
  private CheckpointName lastWritten;
  private boolean trainingBegan;

  CheckpointWriter(Trainer trainer, Checkpoints settings, Task task, DataIdentity data, LongSupplier clock) {
    this.trainer = trainer;
    this.folder = settings.folder();
    this.keep = settings.keep();
    this.intervalNanos = settings.interval() == null ? Long.MAX_VALUE : settings.interval().toNanos();
    this.task = task;
    this.preprocessing = settings.preprocessing();
    this.data = data;
    this.initSeed = settings.initSeed();
    this.warnings = settings.warnings();
    this.clock = clock;
    this.lastSave = clock.getAsLong();
  }

  @Override
  public void onTrainBegin(int epoch, int epochs) {
    trainingBegan = true;
  }

  /** Whether the trainer passed its checks and began (or resumed) training. */
  boolean trainingBegan() {
    return trainingBegan;
  }

  @Override
  public void onBatchEnd(BatchEvent event) {
    if (clock.getAsLong() - lastSave >= intervalNanos) {
      saveUnchecked();
    }
  }

  @Override
  public void onEpochEnd(EpochRecord record) {
    saveUnchecked();
  }

  private void saveUnchecked() {
    try {
      save();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the trainer's present state, unless it is the one last written; returns the file. */
  Path save() throws IOException {
    TrainingState state = trainer.state();
    CheckpointName name = new CheckpointName(state.epoch(), state.batch());
    Path file = folder.resolve(name.fileName());
    if (!name.equals(lastWritten)) {
      model(state).save(file);
      lastWritten = name;
      prune();
    }
    lastSave = clock.getAsLong();
    return file;
  }

  private SavedModel model(TrainingState state) {
    Provenance p = Provenance.of(trainer, data, 0);
    Provenance provenance = new Provenance(p.training(), initSeed, p.data(), p.libraryVersion(), p.finalMetrics(),
        p.history(), p.created());
    return SavedModel.of(trainer.network(), trainer.loss(), task, preprocessing, provenance).withTrainingState(state);
  }

  /** Deletes all but the newest {@code keep} checkpoints; a file that will not go is reported, not fatal. */
  private void prune() throws IOException {
    List<Path> files = Checkpoints.checkpointFiles(folder);
    for (Path old : files.subList(0, Math.max(0, files.size() - keep))) {
      try {
        Files.deleteIfExists(old);
      } catch (IOException e) {
        warnings.accept(old + ": could not remove this old checkpoint: " + e.getMessage());
      }
    }
  }

  /** Deletes the temporary files of checkpoint writes that a killed process left. */
  static void removeLeftovers(Path folder, Consumer<String> warnings) throws IOException {
    List<Path> leftovers = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      files.filter(CheckpointName::isTemporary).forEach(leftovers::add);
    }
    for (Path temp : leftovers) {
      Files.deleteIfExists(temp);
      warnings.accept(temp + ": removed the remains of a checkpoint write that was cut short");
    }
  }
}

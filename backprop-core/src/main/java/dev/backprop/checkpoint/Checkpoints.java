package dev.backprop.checkpoint;

import dev.backprop.data.Task;
import dev.backprop.io.ModelFormatException;
import dev.backprop.model.DataIdentity;
import dev.backprop.model.Preprocessing;
import dev.backprop.model.SavedModel;
import dev.backprop.train.Examples;
import dev.backprop.train.History;
import dev.backprop.train.Trainer;
import dev.backprop.train.TrainingState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The checkpoints of a training run, in one folder: {@link #fit} resumes from the newest valid
 * checkpoint there (if any), then saves one after every epoch, after any batch that ends an {@link
 * #every interval}, and when training stops, keeping the newest {@link #keepLast few}.
 *
 * <pre>{@code
 * Checkpoints checkpoints = Checkpoints.in(Path.of("runs/mnist")).keepLast(3).every(Duration.ofMinutes(10));
 * History history = checkpoints.fit(trainer, train, validation);   // run it again after a crash: it continues
 * }</pre>
 *
 * <p>Each checkpoint is a model file ({@code epoch-000005.bpm}, or {@code epoch-000005-batch-000012.bpm}
 * in the middle of an epoch) holding the network, the optimizer's state, the dropout generators, the
 * epoch and batch, the history, early stopping and the learning-rate scheduler: {@link
 * SavedModel#load} reads it for predictions, and a run resumed from it ends bit-identical to one that
 * never stopped. Files are written atomically and durably, so a crash at any moment leaves complete
 * checkpoints only; a damaged one is skipped, with a warning, for the one before it. A lock keeps two
 * runs out of one folder. A divergence ({@link dev.backprop.train.TrainingDivergedException}) writes
 * nothing, so the last good checkpoint stays the newest.
 *
 * <p>Immutable; the settings return new instances.
 */
public final class Checkpoints {
  private static final System.Logger LOG = System.getLogger(Checkpoints.class.getName());

  private final Path folder;
  private final int keep;
  private final Duration interval;
  private final Preprocessing preprocessing;
  private final String dataName;
  private final Long initSeed;
  private final Consumer<String> warnings;

  private Checkpoints(Path folder, int keep, Duration interval, Preprocessing preprocessing, String dataName,
      Long initSeed, Consumer<String> warnings) {
    this.folder = folder;
    this.keep = keep;
    this.interval = interval;
    this.preprocessing = preprocessing;
    this.dataName = dataName;
    this.initSeed = initSeed;
    this.warnings = warnings;
  }

  /**
   * Checkpoints in {@code folder} (created when needed), keeping the newest 3, saved after each
   * epoch, with no preprocessing recorded, warnings going to the {@link System.Logger} of this class.
   */
  public static Checkpoints in(Path folder) {
    return new Checkpoints(Objects.requireNonNull(folder, "folder"), 3, null, Preprocessing.none(), "examples", null,
        message -> LOG.log(System.Logger.Level.WARNING, message));
  }

  /**
   * The same keeping the newest {@code n} checkpoints (older ones are deleted after each save).
   *
   * @throws IllegalArgumentException if n &lt; 1
   */
  public Checkpoints keepLast(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("checkpoints: keep at least 1, got " + n);
    }
    return new Checkpoints(folder, n, interval, preprocessing, dataName, initSeed, warnings);
  }

  /**
   * The same also saving in the middle of an epoch, at the first batch boundary once {@code
   * interval} has passed since the last save.
   *
   * @throws IllegalArgumentException if the interval is not positive
   */
  public Checkpoints every(Duration interval) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("checkpoints: the interval must be positive, got " + interval);
    }
    return new Checkpoints(folder, keep, interval, preprocessing, dataName, initSeed, warnings);
  }

  /** The same recording {@code preprocessing} in every checkpoint, so each predicts from raw data. */
  public Checkpoints withPreprocessing(Preprocessing preprocessing) {
    return new Checkpoints(folder, keep, interval, Objects.requireNonNull(preprocessing, "preprocessing"), dataName,
        initSeed, warnings);
  }

  /**
   * The same recording where the training data came from and the seed of the initial weights in
   * every checkpoint's provenance.
   */
  public Checkpoints withProvenance(String dataName, long initSeed) {
    return new Checkpoints(folder, keep, interval, preprocessing, Objects.requireNonNull(dataName, "dataName"),
        initSeed, warnings);
  }

  /** The same sending warnings (damaged checkpoints skipped, leftovers removed) to {@code sink}. */
  public Checkpoints onWarning(Consumer<String> sink) {
    return new Checkpoints(folder, keep, interval, preprocessing, dataName, initSeed, Objects.requireNonNull(sink));
  }

  /** The folder. */
  public Path folder() {
    return folder;
  }

  int keep() {
    return keep;
  }

  Duration interval() {
    return interval;
  }

  Preprocessing preprocessing() {
    return preprocessing;
  }

  Long initSeed() {
    return initSeed;
  }

  Consumer<String> warnings() {
    return warnings;
  }

  /**
   * Trains as {@link Trainer#fit(Examples)} does (holding out the configured validation split),
   * with checkpoints; see {@link #fit(Trainer, Examples, Examples)}.
   */
  public History fit(Trainer trainer, Examples train) throws IOException {
    return fit(trainer, train, null, true);
  }

  /**
   * Resumes {@code trainer} from the newest valid checkpoint when that is further along than the
   * trainer, then trains as {@link Trainer#fit(Examples, Examples)} does, saving checkpoints; when
   * {@link Trainer#requestStop()} ends training inside an epoch, saves that batch's state.
   *
   * @return the history of the whole run, resumed epochs included
   * @throws IOException if the folder cannot be used or a checkpoint cannot be written
   * @throws IllegalArgumentException if the newest checkpoint is of another network, configuration
   *     (apart from the number of epochs) or data, naming the file
   * @throws dev.backprop.train.TrainingDivergedException as {@code fit}; the checkpoints stay as they were
   */
  public History fit(Trainer trainer, Examples train, Examples validation) throws IOException {
    return fit(trainer, train, validation, false);
  }

  private History fit(Trainer trainer, Examples train, Examples validation, boolean split) throws IOException {
    Files.createDirectories(folder);
    try (FolderLock lock = FolderLock.take(folder)) {
      CheckpointWriter.removeLeftovers(folder, warnings);
      DataIdentity data = DataIdentity.of(dataName, train);
      Optional<Checkpoint> newest = newest();
      Checkpoint resumed = newest.isPresent() && isAhead(newest.get(), trainer.state()) ? newest.get() : null;
      if (resumed != null) {
        resume(trainer, resumed, data);
      }
      Task task = train.isClassification() ? Task.CLASSIFICATION : Task.REGRESSION;
      CheckpointWriter writer = new CheckpointWriter(trainer, this, task, data, System::nanoTime);
      trainer.addListener(writer);
      try {
        History history = split ? trainer.fit(train) : trainer.fit(train, validation);
        if (trainer.state().batch() > 0) {
          // Stopped inside an epoch. At an epoch's end its checkpoint is written already, with the weights
          // training continues from, rather than the best ones early stopping puts back at the end.
          writer.save();
        }
        return history;
      } catch (UncheckedIOException e) {
        throw e.getCause();
      } catch (IllegalArgumentException e) {
        if (resumed != null && !writer.trainingBegan()) {
          throw new IllegalArgumentException(resumed.file() + ": cannot resume from this checkpoint: "
              + e.getMessage(), e);
        }
        throw e;
      } finally {
        trainer.removeListener(writer);
      }
    }
  }

  private static boolean isAhead(Checkpoint c, TrainingState current) {
    return CheckpointName.ORDER.compare(new CheckpointName(c.epoch(), c.batch()),
        new CheckpointName(current.epoch(), current.batch())) > 0;
  }

  private static void resume(Trainer trainer, Checkpoint c, DataIdentity data) {
    DataIdentity saved = c.model().provenance().data();
    if (saved != null && !saved.sha256().equals(data.sha256())) {
      throw new IllegalArgumentException(c.file() + ": this checkpoint's run trained on " + saved.rows() + " rows of "
          + saved.features() + " features (SHA-256 " + saved.sha256().substring(0, 12) + "…), but these examples are "
          + data.rows() + " rows of " + data.features() + " features (" + data.sha256().substring(0, 12)
          + "…); resume with the same data, or start a new run in another folder");
    }
    try {
      trainer.restore(c.state());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(c.file() + ": cannot resume from this checkpoint: " + e.getMessage(), e);
    }
  }

  /**
   * The newest checkpoint that reads and checks completely; damaged files are skipped with a
   * warning. Empty when the folder holds none (or does not exist).
   *
   * @throws IOException if the folder cannot be listed or a file cannot be read at all
   */
  public Optional<Checkpoint> newest() throws IOException {
    List<Path> files = new ArrayList<>(checkpointFiles(folder));
    for (int i = files.size() - 1; i >= 0; i--) {
      Path file = files.get(i);
      try {
        Checkpoint c = new Checkpoint(file, SavedModel.load(file));
        if (c.epoch() == CheckpointName.of(file).epoch() && c.batch() == CheckpointName.of(file).batch()) {
          return Optional.of(c);
        }
        warnings.accept(file + ": skipped: its name does not match the epoch " + c.epoch() + ", batch " + c.batch()
            + " it holds");
      } catch (ModelFormatException | IllegalArgumentException e) {
        warnings.accept("skipped a damaged checkpoint: " + e.getMessage());
      }
    }
    return Optional.empty();
  }

  /** The checkpoint files in the folder, oldest first; none if the folder does not exist. */
  public List<Path> files() throws IOException {
    return checkpointFiles(folder);
  }

  static List<Path> checkpointFiles(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> CheckpointName.of(f) != null)
          .sorted(Comparator.comparing(CheckpointName::of, CheckpointName.ORDER))
          .toList();
    }
  }
}

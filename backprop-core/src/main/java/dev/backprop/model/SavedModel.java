package dev.backprop.model;

import dev.backprop.data.Task;
import dev.backprop.nn.Loss;
import dev.backprop.nn.Module;
import dev.backprop.tensor.DType;
import dev.backprop.tensor.Tensor;
import dev.backprop.train.Predictor;
import dev.backprop.train.Trainer;
import dev.backprop.train.TrainingState;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A trained model as one file: the network's weights, its architecture, the task and loss, the
 * data preprocessing and the provenance, and optionally the whole training state so that training
 * can continue exactly. The file is a valid safetensors file (see docs/model-format.md), written
 * atomically and checked completely when read.
 *
 * <pre>{@code
 * SavedModel.of(net, loss, Task.CLASSIFICATION, preprocessing, Provenance.of(trainer, data, 42))
 *     .save(Path.of("model.bpm"));
 *
 * SavedModel model = SavedModel.load(Path.of("model.bpm"));
 * List<String> labels = model.predictLabels(rawFeatures);
 * }</pre>
 *
 * <p>Immutable: the network is copied in, in evaluation mode. Safe to share between threads; the
 * predictions of concurrent calls are the bits of sequential ones.
 */
public final class SavedModel {
  private final Module network;
  private final Loss loss;
  private final Task task;
  private final int inputs;
  private final int outputs;
  private final Preprocessing preprocessing;
  private final Provenance provenance;
  private final TrainingState trainingState;
  private final Predictor predictor;

  SavedModel(Module network, Loss loss, Task task, Preprocessing preprocessing, Provenance provenance,
      TrainingState trainingState) {
    this.network = Objects.requireNonNull(network, "network");
    this.loss = Objects.requireNonNull(loss, "loss");
    this.task = Objects.requireNonNull(task, "task");
    this.provenance = Objects.requireNonNull(provenance, "provenance");
    this.trainingState = trainingState;
    this.inputs = ModelChecks.inputs(network.spec(), preprocessing);
    this.outputs = ModelChecks.outputs(network, inputs);
    this.preprocessing = ModelChecks.withClassLabels(task, outputs, Objects.requireNonNull(preprocessing, "preprocessing"));
    ModelChecks.checkTask(task, outputs, loss, this.preprocessing);
    if (trainingState != null) {
      ModelChecks.checkState(network, loss, trainingState);
    }
    this.predictor = Predictor.of(network, loss);
  }

  /**
   * A model of a copy of {@code network} (in evaluation mode). For classification without class
   * labels in the preprocessing, the labels are "0", "1", … .
   *
   * @throws IllegalArgumentException if the network, task, loss and preprocessing do not fit
   *     together: the preprocessing's feature count or the class count differs from the network's
   */
  public static SavedModel of(Module network, Loss loss, Task task, Preprocessing preprocessing,
      Provenance provenance) {
    return new SavedModel(copy(network), loss, task, preprocessing, provenance, null);
  }

  /**
   * The same model carrying a training state, so that a {@link Trainer} can {@link Trainer#restore}
   * it and continue exactly.
   *
   * @throws IllegalArgumentException if the state is of another architecture
   */
  public SavedModel withTrainingState(TrainingState state) {
    return new SavedModel(network, loss, task, preprocessing, provenance, Objects.requireNonNull(state, "state"));
  }

  private static Module copy(Module network) {
    DType dtype = network.namedParameters().values().stream().findFirst().map(Tensor::dtype).orElse(DType.FLOAT32);
    return (dtype == DType.FLOAT32 ? network.toFloat32() : network.toFloat64()).eval();
  }

  /**
   * Writes the model to {@code file} atomically: the file is replaced only once the whole new file is
   * on disk.
   *
   * @throws IOException if writing fails; the file is then unchanged
   */
  public void save(Path file) throws IOException {
    ModelWriter.write(this, file);
  }

  /**
   * Reads and checks a model file: the container and its checksum, the format version, the
   * architecture, every tensor's presence, shape and dtype, the task, preprocessing, provenance and
   * training state.
   *
   * @throws dev.backprop.io.ModelFormatException naming the file and what is wrong, for a damaged,
   *     truncated, foreign or newer-version file; nothing large is allocated before the sizes are known
   *     to be real
   * @throws IOException if the file cannot be read
   */
  public static SavedModel load(Path file) throws IOException {
    return ModelReader.read(file);
  }

  /**
   * Predictions for raw feature rows [n, features]: the features are scaled as in training, the
   * network's outputs activated (class probabilities after softmax or sigmoid), and regression
   * outputs scaled back to the targets' units.
   *
   * @throws IllegalArgumentException if the rows do not have the model's number of features
   */
  public Tensor predict(Tensor rawFeatures) {
    Tensor out = predictor.predict(scaled(rawFeatures));
    if (task == Task.REGRESSION && preprocessing.targetScaler() != null) {
      return Tensor.of(preprocessing.targetScaler().inverse(out.toFloatArray()), out.shape());
    }
    return out;
  }

  /**
   * The predicted class index of each row of raw features: the most probable class, or for a
   * single sigmoid output, 1 from probability 0.5.
   *
   * @throws IllegalStateException for a regression model
   */
  public int[] predictClasses(Tensor rawFeatures) {
    if (task != Task.CLASSIFICATION) {
      throw new IllegalStateException("predictClasses: this is a regression model; use predict");
    }
    return predictor.predictClasses(scaled(rawFeatures));
  }

  private Tensor scaled(Tensor rawFeatures) {
    if (rawFeatures.rank() != 2 || rawFeatures.size(1) != inputs) {
      throw new IllegalArgumentException("predict: expected rows of " + inputs + " features, got shape "
          + Arrays.toString(rawFeatures.shape()));
    }
    if (preprocessing.featureScaler() == null) {
      return rawFeatures;
    }
    return Tensor.of(preprocessing.featureScaler().transform(rawFeatures.toFloatArray()), rawFeatures.shape());
  }

  /**
   * The predicted class label of each row of raw features.
   *
   * @throws IllegalStateException for a regression model
   */
  public List<String> predictLabels(Tensor rawFeatures) {
    List<String> labels = new ArrayList<>();
    for (int c : predictClasses(rawFeatures)) {
      labels.add(preprocessing.classLabels().get(c));
    }
    return labels;
  }

  /** The network (evaluation mode); do not train it: copy it with {@code toFloat32()} first. */
  public Module network() {
    return network;
  }

  /** The loss the network was trained with. */
  public Loss loss() {
    return loss;
  }

  /** Classification or regression. */
  public Task task() {
    return task;
  }

  /** The number of input features. */
  public int inputs() {
    return inputs;
  }

  /** The number of outputs per example. */
  public int outputs() {
    return outputs;
  }

  /** The data preprocessing. */
  public Preprocessing preprocessing() {
    return preprocessing;
  }

  /** The provenance. */
  public Provenance provenance() {
    return provenance;
  }

  /** The training state, if the model carries one. */
  public Optional<TrainingState> trainingState() {
    return Optional.ofNullable(trainingState);
  }
}

package dev.backprop.model;

import dev.backprop.io.Json;
import dev.backprop.io.ModelFormatException;
import dev.backprop.io.SafetensorsFile;
import dev.backprop.nn.LayerSpec;
import dev.backprop.nn.Module;
import dev.backprop.tensor.DType;
import dev.backprop.tensor.Tensor;
import dev.backprop.train.TrainingState;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads a model file: the safetensors container (validated, checksum verified), then the format
 * version, each metadata document, and the tensors against the architecture, before the network is
 * built. Every problem becomes a {@link ModelFormatException} naming the file and the part.
 */
final class ModelReader {
  private ModelReader() {}

  static SavedModel read(Path path) throws IOException {
    SafetensorsFile file = SafetensorsFile.read(path);
    Map<String, String> meta = file.metadata();
    checkVersion(path, meta);
    LayerSpec architecture = document(path, meta, ModelFormat.ARCHITECTURE_KEY, LayerSpec::fromMap);
    Map<String, int[]> shapes = part(path, ModelFormat.ARCHITECTURE_KEY, () -> ExpectedTensors.of(architecture));
    Map<String, Tensor> weights = part(path, "weights", () -> TensorReading.weights(file, shapes));
    TaskMaps task = document(path, meta, ModelFormat.TASK_KEY, TaskMaps::read);
    Preprocessing preprocessing = document(path, meta, ModelFormat.PREPROCESSING_KEY, Preprocessing::fromMap);
    Provenance provenance = document(path, meta, ModelFormat.PROVENANCE_KEY, Provenance::fromMap);
    TrainingState state = meta.containsKey(ModelFormat.TRAINING_STATE_KEY)
        ? document(path, meta, ModelFormat.TRAINING_STATE_KEY,
            d -> StateCodec.read(d, architecture, weights, shapes, file))
        : null;
    checkNoOtherTensors(path, file, weights.keySet(), state);
    Module network = part(path, ModelFormat.ARCHITECTURE_KEY, () -> build(architecture, weights));
    SavedModel model = part(path, "model", () ->
        new SavedModel(network, task.loss(), task.task(), preprocessing, provenance, state));
    if (model.inputs() != task.inputs() || model.outputs() != task.outputs()) {
      throw new ModelFormatException(path, ModelFormat.TASK_KEY + " says " + task.inputs() + " inputs and "
          + task.outputs() + " outputs, but the architecture has " + model.inputs() + " and " + model.outputs());
    }
    return model;
  }

  private static void checkVersion(Path path, Map<String, String> meta) throws ModelFormatException {
    String version = meta.get(ModelFormat.VERSION_KEY);
    if (version == null) {
      throw new ModelFormatException(path, "not a backprop model: __metadata__ has no \"" + ModelFormat.VERSION_KEY
          + "\" (the file is a safetensors file, but holds no architecture to rebuild a network from)");
    }
    if (!version.equals(ModelFormat.VERSION)) {
      throw new ModelFormatException(path, ModelFormat.VERSION_KEY + " is " + Json.write(version)
          + ", but this version of backprop reads model format \"" + ModelFormat.VERSION
          + "\" (a newer backprop wrote it, or the file is damaged)");
    }
  }

  private static Module build(LayerSpec architecture, Map<String, Tensor> weights) {
    Module network = architecture.build(new SplittableRandom(0));
    boolean wide = weights.values().stream().anyMatch(t -> t.dtype() == DType.FLOAT64);
    Module typed = wide ? network.toFloat64() : network;
    typed.loadState(weights);
    return typed.eval();
  }

  private static void checkNoOtherTensors(Path path, SafetensorsFile file, Set<String> weights, TrainingState state)
      throws ModelFormatException {
    Set<String> known = new HashSet<>(weights);
    if (state != null) {
      state.optimizer().floatArrays().keySet().forEach(k -> known.add(ModelFormat.OPTIMIZER_PREFIX + k));
      state.optimizer().doubleArrays().keySet().forEach(k -> known.add(ModelFormat.OPTIMIZER_PREFIX + k));
      if (state.earlyStopping() != null) {
        state.earlyStopping().bestWeights().keySet().forEach(k -> known.add(ModelFormat.BEST_PREFIX + k));
      }
      weights.forEach(k -> {
        if (file.contains(ModelFormat.STATE_MODEL_PREFIX + k)) {
          known.add(ModelFormat.STATE_MODEL_PREFIX + k);
        }
      });
    }
    for (String name : file.names()) {
      if (!known.contains(name)) {
        throw new ModelFormatException(path, "unexpected tensor " + Json.write(name)
            + ": it belongs to neither the architecture nor the training state");
      }
    }
  }

  /** Parses one metadata document and reads it; errors name the key. */
  private static <T> T document(Path path, Map<String, String> meta, String key, Function<Map<String, Object>, T> read)
      throws ModelFormatException {
    String text = meta.get(key);
    if (text == null) {
      throw new ModelFormatException(path, "__metadata__ has no \"" + key + "\"");
    }
    return part(path, key, () -> read.apply(Json.parseObject(text)));
  }

  /** Runs one step of reading, turning its IllegalArgumentException into a ModelFormatException about {@code part}. */
  private static <T> T part(Path path, String part, Supplier<T> step) throws ModelFormatException {
    try {
      return step.get();
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException(path, part + ": " + e.getMessage());
    }
  }
}

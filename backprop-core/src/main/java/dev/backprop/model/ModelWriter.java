package dev.backprop.model;

import dev.backprop.io.Json;
import dev.backprop.io.SafetensorsWriter;
import dev.backprop.nn.Module;
import dev.backprop.tensor.DType;
import dev.backprop.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes a {@link SavedModel} as a safetensors file with the model's metadata. */
final class ModelWriter {
  private ModelWriter() {}

  static void write(SavedModel model, Path file) throws IOException {
    SafetensorsWriter writer = new SafetensorsWriter();
    Module network = model.network();
    Map<String, Tensor> weights = new LinkedHashMap<>(network.namedParameters());
    weights.putAll(network.namedBuffers());
    weights.forEach((name, t) -> add(writer, name, t));
    writer.metadata(ModelFormat.VERSION_KEY, ModelFormat.VERSION);
    writer.metadata(ModelFormat.ARCHITECTURE_KEY, Json.write(network.spec().toMap()));
    writer.metadata(ModelFormat.TASK_KEY, Json.write(TaskMaps.write(model)));
    writer.metadata(ModelFormat.PREPROCESSING_KEY, Json.write(model.preprocessing().toMap()));
    writer.metadata(ModelFormat.PROVENANCE_KEY, Json.write(model.provenance().toMap()));
    if (model.trainingState().isPresent()) {
      StateCodec.write(model.trainingState().get(), weights, writer);
    }
    writer.write(file);
  }

  /** Adds a copy of a tensor's values, in its own dtype. */
  static void add(SafetensorsWriter writer, String name, Tensor t) {
    if (t.dtype() == DType.FLOAT32) {
      writer.add(name, t.toFloatArray(), t.shape());
    } else {
      writer.add(name, t.toDoubleArray(), t.shape());
    }
  }
}

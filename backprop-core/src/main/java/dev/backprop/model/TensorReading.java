package dev.backprop.model;

import dev.backprop.io.SafetensorsDtype;
import dev.backprop.io.SafetensorsFile;
import dev.backprop.tensor.DType;
import dev.backprop.tensor.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Takes a model's tensors out of a file, checking each one's presence, shape and dtype. */
final class TensorReading {
  private TensorReading() {}

  /**
   * The architecture's tensors, all float32 or all float64.
   *
   * @throws IllegalArgumentException naming the first tensor that is missing, of the wrong shape or dtype
   */
  static Map<String, Tensor> weights(SafetensorsFile file, Map<String, int[]> shapes) {
    Map<String, Tensor> out = new LinkedHashMap<>();
    SafetensorsDtype first = null;
    for (Map.Entry<String, int[]> e : shapes.entrySet()) {
      String name = e.getKey();
      checkShape(file, name, e.getValue());
      SafetensorsDtype dtype = file.dtype(name);
      if (dtype != SafetensorsDtype.F32 && dtype != SafetensorsDtype.F64) {
        throw new IllegalArgumentException("tensor \"" + name + "\" is " + dtype + "; model weights are F32 or F64");
      }
      if (first != null && dtype != first) {
        throw new IllegalArgumentException("tensor \"" + name + "\" is " + dtype + ", but the tensors before it are "
            + first + "; a model's weights share one dtype");
      }
      first = dtype;
      out.put(name, tensor(file, name, dtype == SafetensorsDtype.F32 ? DType.FLOAT32 : DType.FLOAT64));
    }
    return out;
  }

  /** The tensors {@code prefix + name} for every name of the model, each of its weight's shape and dtype. */
  static Map<String, Tensor> named(SafetensorsFile file, String prefix, Map<String, int[]> shapes,
      Map<String, Tensor> weights) {
    Map<String, Tensor> out = new LinkedHashMap<>();
    for (Map.Entry<String, int[]> e : shapes.entrySet()) {
      String name = prefix + e.getKey();
      checkShape(file, name, e.getValue());
      DType dtype = weights.get(e.getKey()).dtype();
      SafetensorsDtype expected = dtype == DType.FLOAT32 ? SafetensorsDtype.F32 : SafetensorsDtype.F64;
      if (file.dtype(name) != expected) {
        throw new IllegalArgumentException("tensor \"" + name + "\" is " + file.dtype(name) + ", expected " + expected
            + " as the model's weights");
      }
      out.put(e.getKey(), tensor(file, name, dtype));
    }
    return out;
  }

  private static void checkShape(SafetensorsFile file, String name, int[] expected) {
    if (!file.contains(name)) {
      throw new IllegalArgumentException("the architecture needs a tensor \"" + name + "\" of shape "
          + Arrays.toString(expected) + ", which the file does not have");
    }
    if (!Arrays.equals(file.shape(name), expected)) {
      throw new IllegalArgumentException("tensor \"" + name + "\" has shape " + Arrays.toString(file.shape(name))
          + ", but the architecture needs " + Arrays.toString(expected));
    }
  }

  private static Tensor tensor(SafetensorsFile file, String name, DType dtype) {
    int[] shape = file.shape(name);
    return dtype == DType.FLOAT32 ? Tensor.of(file.floats(name), shape) : Tensor.of(file.doubles(name), shape);
  }
}

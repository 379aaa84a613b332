package dev.backprop.model;

import dev.backprop.nn.BatchNorm;
import dev.backprop.nn.BatchNormSpec;
import dev.backprop.nn.Dense;
import dev.backprop.nn.DenseSpec;
import dev.backprop.nn.Dropout;
import dev.backprop.nn.ELU;
import dev.backprop.nn.GELU;
import dev.backprop.nn.Identity;
import dev.backprop.nn.Initializer;
import dev.backprop.nn.LeakyReLU;
import dev.backprop.nn.Module;
import dev.backprop.nn.ReLU;
import dev.backprop.nn.SELU;
import dev.backprop.nn.Sequential;
import dev.backprop.nn.Sigmoid;
import dev.backprop.nn.Softmax;
import dev.backprop.nn.Tanh;
import dev.backprop.tensor.DType;
import dev.backprop.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/** Networks and files for the model-file tests. */
final class Fixtures {
  private Fixtures() {}

  /**
   * A network with every layer type, a nested Sequential, a dense layer without bias and a batch norm
   * without affine parameters, run forward in training mode a few times so its running statistics
   * and dropout counters have moved.
   */
  static Sequential everyLayer(DType dtype) {
    SplittableRandom rng = new SplittableRandom(4);
    Sequential inner = new Sequential(new Dense(new DenseSpec(8, 8, false, Initializer.heNormal()), rng),
        new BatchNorm(new BatchNormSpec(8, 1e-3, 0.2, false)), new LeakyReLU(0.2), new ELU(0.5));
    Sequential net = new Sequential(new Dense(6, 8, rng), new BatchNorm(8), new ReLU(), new Dropout(0.25, 17),
        inner, new SELU(), new GELU(), new Tanh(), new Identity(), new Dense(8, 4, rng), new Sigmoid(),
        new Dense(4, 3, rng), new Softmax());
    Sequential typed = dtype == DType.FLOAT32 ? net.toFloat32() : net.toFloat64();
    for (int i = 0; i < 3; i++) {
      Tensor x = Tensor.randn(rng, 5, 6);
      typed.forward(dtype == DType.FLOAT32 ? x : x.toFloat64());
    }
    return typed;
  }

  /** Every parameter and buffer of a module, as doubles (exact for both dtypes). */
  static Map<String, double[]> values(Module m) {
    Map<String, double[]> out = new LinkedHashMap<>();
    m.state().forEach((name, t) -> out.put(name, t.toDoubleArray()));
    return out;
  }

  static boolean sameBits(Map<String, double[]> a, Map<String, double[]> b) {
    return a.keySet().equals(b.keySet()) && a.keySet().stream().allMatch(k -> Arrays.equals(a.get(k), b.get(k)));
  }

  static Path copyWith(Path file, Path dir, String name, byte[] bytes) throws IOException {
    Path out = dir.resolve(name);
    Files.write(out, bytes);
    return out;
  }
}

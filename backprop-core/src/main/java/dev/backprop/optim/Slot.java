package dev.backprop.optim;

import dev.backprop.tensor.DType;
import dev.backprop.tensor.Tensor;
import dev.backprop.tensor.internal.TensorData;
import java.util.Arrays;

/**
 * One parameter as an optimizer sees it: its live storage, its buffers (one array per buffer name,
 * in the parameter's dtype) and the number of updates applied to it.
 */
final class Slot {
  final String name;
  final Tensor param;
  /** The parameter's storage when it is float32, else null. */
  final float[] floats;
  /** The parameter's storage when it is float64, else null. */
  final double[] doubles;
  float[][] floatBuffers;
  double[][] doubleBuffers;
  long step;

  Slot(String name, Tensor param) {
    this.name = name;
    this.param = param;
    boolean single = param.dtype() == DType.FLOAT32;
    this.floats = single ? TensorData.floats(param) : null;
    this.doubles = single ? null : TensorData.doubles(param);
  }

  int size() {
    return floats != null ? floats.length : doubles.length;
  }

  /** Fresh buffers, each filled with {@code initial}. */
  void allocate(int count, double initial) {
    if (floats != null) {
      floatBuffers = new float[count][size()];
      for (float[] b : floatBuffers) {
        Arrays.fill(b, (float) initial);
      }
    } else {
      doubleBuffers = new double[count][size()];
      for (double[] b : doubleBuffers) {
        Arrays.fill(b, initial);
      }
    }
  }

  /** The gradient, checked against the parameter; null when the parameter got none. */
  Tensor grad() {
    Tensor g = param.grad();
    if (g != null && (g.dtype() != param.dtype() || g.numel() != size())) {
      throw new IllegalStateException(
          "parameter '" + name + "' is " + param.dtype() + " with " + size()
              + " elements but its gradient is " + g.dtype() + " with " + g.numel());
    }
    return g;
  }
}

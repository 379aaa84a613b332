package dev.backprop.nn.internal;

import dev.backprop.kernels.LossKernels;
import dev.backprop.tensor.DType;
import dev.backprop.tensor.Tensor;
import dev.backprop.tensor.internal.TensorData;

/**
 * The fused training step of one {@link FusedMlp} and loss: forward pass, loss and backward pass
 * over buffers allocated once (and grown only when a larger batch arrives), so that a step in the
 * steady state allocates nothing.
 *
 * <p>Like {@code loss.backward()}, a step adds ∂L/∂θ to each parameter's {@code grad()} (creating
 * it at zero the first time), so the caller clears the gradients before each batch, as with
 * autograd. The loss is the batch mean, as the {@code Loss} classes define it.
 *
 * <p>Not thread-safe: one training loop owns one step.
 */
public final class FusedTraining {
  private final FusedLayer[] layers;
  private final FusedLoss loss;
  private final int widest;
  /** Each layer's output h, [capacity, out]. */
  private final float[][] h;
  /** Each layer's pre-activation z + b, kept only when its activation's derivative needs it. */
  private final float[][] z;
  /** Each dropout's mask of this step, for layers followed by a dropout. */
  private final float[][] mask;
  /** h ⊙ mask, for layers followed by a dropout. */
  private final float[][] dropped;
  /** What each layer passed on in this step: h, or h ⊙ mask when its dropout was in training mode. */
  private final float[][] out;
  private final float[] sums;
  private float[] delta = new float[0];
  private float[] spare = new float[0];
  private int capacity;
  private int lastRows;

  FusedTraining(FusedMlp mlp, FusedLoss loss) {
    this.layers = mlp.layers();
    this.loss = loss;
    this.widest = mlp.widest();
    this.h = new float[layers.length][];
    this.z = new float[layers.length][];
    this.mask = new float[layers.length][];
    this.dropped = new float[layers.length][];
    this.out = new float[layers.length][];
    this.sums = new float[widest];
  }

  /** Whether the targets are class indices ({@link #step(float[], int, int, int[], int)}). */
  public boolean takesLabels() {
    return loss.takesLabels();
  }

  /** The number of input features. */
  public int inputs() {
    return layers[0].in;
  }

  /** The number of outputs. */
  public int outputs() {
    return layers[layers.length - 1].out;
  }

  /**
   * One step against class indices (softmax cross-entropy): x [rows, inputs] from {@code xFrom},
   * the class of row n at {@code labels[labelsFrom + n]}.
   *
   * @return the batch's mean loss
   * @throws IllegalArgumentException if an array is too short or a label is outside [0, outputs)
   * @throws IllegalStateException if this loss takes values, not class indices
   */
  public double step(float[] x, int xFrom, int rows, int[] labels, int labelsFrom) {
    if (!loss.takesLabels()) {
      throw new IllegalStateException("step: " + loss + " takes target values, not class indices");
    }
    Checks.fits("step: labels", labels, labelsFrom, rows);
    forward(x, xFrom, rows);
    double value = LossKernels.softmaxCrossEntropy(
        out[layers.length - 1], rows, outputs(), labels, labelsFrom, delta);
    backward(x, xFrom, rows);
    return value;
  }

  /**
   * One step against target values (squared errors, binary cross-entropy): x [rows, inputs] from
   * {@code xFrom}, targets [rows, outputs] from {@code targetsFrom}.
   *
   * @return the batch's loss
   * @throws IllegalArgumentException if an array is too short
   * @throws IllegalStateException if this loss takes class indices
   */
  public double step(float[] x, int xFrom, int rows, float[] targets, int targetsFrom) {
    if (loss.takesLabels()) {
      throw new IllegalStateException("step: " + loss + " takes class indices, not target values");
    }
    Checks.fits("step: targets", targets, targetsFrom, rows, outputs());
    forward(x, xFrom, rows);
    double value = loss.valueAndGradient(
        out[layers.length - 1], rows, outputs(), targets, targetsFrom, delta);
    backward(x, xFrom, rows);
    return value;
  }

  /** Copies the raw outputs [rows, outputs] of the last step into {@code into} from {@code from}. */
  public void copyOutputs(float[] into, int from) {
    Checks.fits("copyOutputs", into, from, lastRows, outputs());
    System.arraycopy(out[layers.length - 1], 0, into, from, lastRows * outputs());
  }

  private void forward(float[] x, int xFrom, int rows) {
    Checks.rows("step", rows, 1);
    Checks.fits("step: x", x, xFrom, rows, inputs());
    ensure(rows);
    lastRows = rows;
    float[] in = x;
    int from = xFrom;
    for (int l = 0; l < layers.length; l++) {
      FusedLayer layer = layers[l];
      layer.forward(in, from, rows, z[l] != null ? z[l] : h[l], h[l]);
      out[l] = h[l];
      if (layer.dropsOut()) {
        int n = rows * layer.out;
        layer.dropout.nextMask(mask[l], n);
        multiply(h[l], mask[l], dropped[l], n);
        out[l] = dropped[l];
      }
      in = out[l];
      from = 0;
    }
  }

  /** into[i] = a[i]·b[i] for i &lt; n. */
  private static void multiply(float[] a, float[] b, float[] into, int n) {
    for (int i = 0; i < n; i++) {
      into[i] = a[i] * b[i];
    }
  }

  /** From ∂L/∂(outputs) in {@code delta} down to the first layer's weights; no ∂L/∂x. */
  private void backward(float[] x, int xFrom, int rows) {
    for (int l = layers.length - 1; l >= 0; l--) {
      FusedLayer layer = layers[l];
      if (out[l] == dropped[l]) {
        // The gradient flows through the kept elements, scaled as they were.
        multiply(delta, mask[l], delta, rows * layer.out);
      }
      float[] biasGrad = layer.bias == null ? null : gradOf(layer.bias);
      layer.activation.backward(delta, z[l], h[l], rows, layer.out, layer.param, sums, biasGrad);
      layer.addWeightGradient(delta, rows, l == 0 ? x : out[l - 1], l == 0 ? xFrom : 0,
          gradOf(layer.weight));
      if (l > 0) {
        layer.inputGradient(delta, rows, spare);
        float[] t = delta;
        delta = spare;
        spare = t;
      }
    }
  }

  /** The parameter's gradient storage, created at zero if backward never ran. */
  private static float[] gradOf(Tensor parameter) {
    Tensor g = parameter.grad();
    if (g == null) {
      g = Tensor.zeros(DType.FLOAT32, parameter.shape());
      TensorData.setGrad(parameter, g);
    }
    float[] data = TensorData.floats(g);
    if (data.length != parameter.numel()) {
      throw new IllegalStateException("a gradient of " + data.length + " elements for a parameter of "
          + parameter.numel());
    }
    return data;
  }

  private void ensure(int rows) {
    if (rows <= capacity) {
      return;
    }
    for (int l = 0; l < layers.length; l++) {
      h[l] = new float[rows * layers[l].out];
      z[l] = layers[l].activation.backwardNeedsInput() ? new float[rows * layers[l].out] : null;
      mask[l] = layers[l].dropout != null ? new float[rows * layers[l].out] : null;
      dropped[l] = layers[l].dropout != null ? new float[rows * layers[l].out] : null;
    }
    delta = new float[rows * widest];
    spare = new float[rows * widest];
    capacity = rows;
  }
}

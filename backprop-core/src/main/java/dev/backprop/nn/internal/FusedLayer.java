package dev.backprop.nn.internal;

import dev.backprop.kernels.ActivationKernel;
import dev.backprop.kernels.Gemm;
import dev.backprop.kernels.SmallGemm;
import dev.backprop.nn.Dropout;
import dev.backprop.tensor.Tensor;
import dev.backprop.tensor.internal.TensorData;

/**
 * One dense layer, the activation after it and the dropout after that, over the live storage of the
 * layer's parameters: h = f(x·Wᵀ + b) with W [out, in], then h ⊙ mask in training mode.
 */
final class FusedLayer {
  final int in;
  final int out;
  final Tensor weight;
  /** The bias parameter, or null for a layer without one. */
  final Tensor bias;
  final float[] w;
  /** The bias values; zeros for a layer without a bias, so every layer runs the same loop. */
  final float[] b;
  final ActivationKernel activation;
  final double param;
  /** The dropout after the activation, or null; it draws its own masks in training mode. */
  final Dropout dropout;

  FusedLayer(Tensor weight, Tensor bias, ActivationKernel activation, double param, Dropout dropout) {
    this.out = weight.size(0);
    this.in = weight.size(1);
    this.weight = weight;
    this.bias = bias;
    this.w = TensorData.floats(weight);
    this.b = bias == null ? new float[out] : TensorData.floats(bias);
    this.activation = activation;
    this.param = param;
    this.dropout = dropout;
  }

  /** Whether this step's output is masked: a dropout follows and is in training mode. */
  boolean dropsOut() {
    return dropout != null && dropout.isTraining();
  }

  /**
   * z = x·Wᵀ (x [rows, in] from {@code xFrom}), then h = f(z + b); z keeps z + b when the backward
   * pass needs it. {@code z == h} activates in place.
   */
  void forward(float[] x, int xFrom, int rows, float[] z, float[] h) {
    if (SmallGemm.suits(rows, out, in)) {
      SmallGemm.timesTransposed(rows, out, in, x, xFrom, w, z);
    } else {
      Gemm.gemm(false, true, rows, out, in, x, xFrom, w, 0, z, 0, false);
    }
    activation.forward(z, b, h, rows, out, param);
  }

  /** ∂L/∂W += δᵀ·x for δ [rows, out] and the layer's input x [rows, in] from {@code xFrom}. */
  void addWeightGradient(float[] delta, int rows, float[] x, int xFrom, float[] weightGrad) {
    if (SmallGemm.suits(out, in, rows)) {
      SmallGemm.addTransposedTimes(out, in, rows, delta, x, xFrom, weightGrad);
    } else {
      // δ is stored [rows, out]: transA reads it as [out, rows].
      Gemm.gemm(true, false, out, in, rows, delta, 0, x, xFrom, weightGrad, 0, true);
    }
  }

  /** ∂L/∂x = δ·W [rows, in], with W as stored [out, in]. */
  void inputGradient(float[] delta, int rows, float[] dx) {
    if (SmallGemm.suits(rows, in, out)) {
      SmallGemm.times(rows, in, out, delta, w, dx);
    } else {
      Gemm.gemm(false, false, rows, in, out, delta, 0, w, 0, dx, 0, false);
    }
  }
}

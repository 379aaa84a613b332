package dev.backprop.optim;

import dev.backprop.tensor.Tensor;
import dev.backprop.tensor.internal.TensorData;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Updates parameters in place from their accumulated gradients, one {@link #step()} per minibatch:
 *
 * <pre>{@code
 * Optimizer opt = new Adam(model.namedParameters(), new Adam.Spec(1e-3));
 * for (Batch b : batches) {
 *   opt.zeroGrad();
 *   loss(model, b).backward();
 *   opt.step();
 * }
 * }</pre>
 *
 * <p>The optimizer owns its state (step counts and moment buffers, in each parameter's dtype),
 * keyed by parameter name, so that {@link #exportState()} and {@link #importState} carry it through
 * checkpoints. Parameters built from a plain list are named {@code "0"}, {@code "1"}, ... as in
 * PyTorch. A parameter whose gradient is null is skipped by a step and its state left as it was.
 * {@link #step()} allocates nothing: it is a plain loop over the arrays, in float arithmetic for
 * float32 parameters and double arithmetic for float64 ones, as PyTorch's CPU path.
 *
 * <p>Not thread-safe: one training loop drives one optimizer.
 */
public abstract sealed class Optimizer permits SGD, Adam, AdamW, RMSProp, Adagrad {
  private final Slot[] slots;
  private final Map<String, Tensor> parameters;
  private OptimizerSpec spec;

  Optimizer(Map<String, Tensor> parameters, OptimizerSpec spec) {
    Objects.requireNonNull(spec, "spec");
    this.parameters = checkParameters(spec.optimizer(), parameters);
    this.slots = new Slot[this.parameters.size()];
    int i = 0;
    for (Map.Entry<String, Tensor> e : this.parameters.entrySet()) {
      slots[i++] = new Slot(e.getKey(), e.getValue());
    }
    this.spec = spec;
    allocateBuffers();
  }

  /** Names a list of parameters {@code "0"}, {@code "1"}, ... in order. */
  static Map<String, Tensor> named(List<Tensor> parameters) {
    Map<String, Tensor> named = new LinkedHashMap<>();
    for (int i = 0; i < parameters.size(); i++) {
      named.put(Integer.toString(i), parameters.get(i));
    }
    return named;
  }

  private static Map<String, Tensor> checkParameters(String optimizer, Map<String, Tensor> given) {
    if (given.isEmpty()) {
      throw new IllegalArgumentException(optimizer + ": got an empty parameter list");
    }
    Map<Tensor, String> seen = new IdentityHashMap<>();
    for (Map.Entry<String, Tensor> e : given.entrySet()) {
      String name = Objects.requireNonNull(e.getKey(), "parameter name");
      Tensor p = Objects.requireNonNull(e.getValue(), () -> "parameter '" + name + "'");
      if (!p.isGradRequired()) {
        throw new IllegalArgumentException(
            optimizer + ": parameter '" + name + "' does not require a gradient"
                + " (mark it with requiresGrad())");
      }
      String other = seen.put(p, name);
      if (other != null) {
        throw new IllegalArgumentException(
            optimizer + ": parameters '" + other + "' and '" + name + "' are the same tensor");
      }
    }
    return Collections.unmodifiableMap(new LinkedHashMap<>(given));
  }

  /**
   * Applies one update to every parameter that has a gradient. Allocates nothing.
   *
   * @throws IllegalStateException if a gradient's dtype or size differs from its parameter's
   */
  public final void step() {
    for (Slot s : slots) {
      Tensor g = s.grad();
      if (g == null) {
        continue;
      }
      s.step++;
      if (s.floats != null) {
        update(s.floats, TensorData.floats(g), s.floatBuffers, s.step);
      } else {
        update(s.doubles, TensorData.doubles(g), s.doubleBuffers, s.step);
      }
    }
  }

  /** Sets every parameter's gradient to zero, keeping the arrays for the next backward pass. */
  public final void zeroGrad() {
    for (Slot s : slots) {
      s.param.zeroGrad();
    }
  }

  /** The learning rate η used by the next {@link #step()}. */
  public final double learningRate() {
    return spec.lr();
  }

  /**
   * Sets the learning rate for the following steps (schedules call this once per epoch).
   *
   * @throws IllegalArgumentException if {@code lr} is negative, infinite or NaN
   */
  public final void setLearningRate(double lr) {
    spec = spec.withLr(lr);
  }

  /** The hyperparameters in effect, with the current learning rate. */
  public OptimizerSpec spec() {
    return spec;
  }

  /** The parameters by name, in the order given. */
  public final Map<String, Tensor> parameters() {
    return parameters;
  }

  /**
   * A copy of the whole state: hyperparameters, per-parameter step counts and buffers. See
   * {@link OptimizerState} for the keys.
   */
  public final OptimizerState exportState() {
    Map<String, Double> scalars = new LinkedHashMap<>(spec.hyperparameters());
    Map<String, float[]> floatArrays = new LinkedHashMap<>();
    Map<String, double[]> doubleArrays = new LinkedHashMap<>();
    String[] buffers = bufferNames(spec);
    for (Slot s : slots) {
      scalars.put(s.name + "/step", (double) s.step);
      for (int b = 0; b < buffers.length; b++) {
        String key = s.name + "/" + buffers[b];
        if (s.floats != null) {
          floatArrays.put(key, s.floatBuffers[b].clone());
        } else {
          doubleArrays.put(key, s.doubleBuffers[b].clone());
        }
      }
    }
    return new OptimizerState(spec.optimizer(), scalars, floatArrays, doubleArrays);
  }

  /**
   * Restores a state from {@link #exportState()}: hyperparameters (learning rate included), step
   * counts and buffers. The state is checked completely before anything changes: it must be for
   * this kind of optimizer and hold exactly one step count and one array of the right dtype and
   * length per buffer of every parameter, and nothing else.
   *
   * @throws IllegalArgumentException naming the first key that is missing, unexpected or wrong
   */
  public final void importState(OptimizerState state) {
    OptimizerSpec restored = StateCheck.check(state, spec, slots, this::bufferNames);
    spec = restored;
    allocateBuffers();
    String[] buffers = bufferNames(restored);
    for (Slot s : slots) {
      s.step = state.scalars().get(s.name + "/step").longValue();
      for (int b = 0; b < buffers.length; b++) {
        String key = s.name + "/" + buffers[b];
        if (s.floats != null) {
          System.arraycopy(state.floatArrays().get(key), 0, s.floatBuffers[b], 0, s.size());
        } else {
          System.arraycopy(state.doubleArrays().get(key), 0, s.doubleBuffers[b], 0, s.size());
        }
      }
    }
  }

  private void allocateBuffers() {
    int count = bufferNames(spec).length;
    double initial = initialBufferValue();
    for (Slot s : slots) {
      s.allocate(count, initial);
    }
  }

  /** The names of the per-parameter buffers the given hyperparameters need, in a fixed order. */
  abstract String[] bufferNames(OptimizerSpec spec);

  /** The value new buffers start from. */
  double initialBufferValue() {
    return 0;
  }

  /** One update of a float32 parameter; {@code step} counts this update, from 1. */
  abstract void update(float[] param, float[] grad, float[][] buffers, long step);

  /** One update of a float64 parameter; {@code step} counts this update, from 1. */
  abstract void update(double[] param, double[] grad, double[][] buffers, long step);
}

package dev.backprop.nn;

import dev.backprop.tensor.DType;
import dev.backprop.tensor.Tensor;
import dev.backprop.tensor.internal.TensorData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A layer or a network of layers: a function of a [batch, features] tensor with trainable
 * parameters, non-trainable buffers and a training/evaluation mode.
 *
 * <p>Names follow PyTorch: {@link #namedParameters()} gives dotted paths such as {@code 0.weight},
 * {@code 0.bias}; {@link #namedBuffers()} gives running statistics such as {@code 2.running_mean}.
 * A module starts in training mode. In evaluation mode {@link #forward} changes no state at all, so
 * one model may serve predictions from many threads at once; training mode updates running
 * statistics and dropout generators and is for one thread.
 *
 * <p>The set of module types is closed so that every module is described by a {@link LayerSpec},
 * from which a model file can rebuild it.
 */
public abstract sealed class Module permits Dense, ActivationLayer, Dropout, BatchNorm, Sequential {
  private boolean training = true;

  Module() {}

  /** Applies the module to a batch: x is [batch, features]. */
  public abstract Tensor forward(Tensor x);

  /** The configuration that rebuilds this module (with fresh parameters) via {@link LayerSpec#build}. */
  public abstract LayerSpec spec();

  /**
   * The shape of one output example for one input example of the given shape (the batch axis
   * left out), e.g. {@code [784] -> [256]} for {@code Dense(784, 256)}.
   *
   * @throws IllegalArgumentException if the module cannot take inputs of that shape
   */
  public abstract int[] outputShape(int... inputShape);

  // ------------------------------------------------------------- hooks for the module types

  /** Direct sub-modules by local name, in order. */
  Map<String, Module> children() {
    return Map.of();
  }

  /** This module's own trainable tensors by local name, in order. */
  Map<String, Tensor> ownParameters() {
    return Map.of();
  }

  /** This module's own non-trainable tensors by local name, in order. */
  Map<String, Tensor> ownBuffers() {
    return Map.of();
  }

  /**
   * A module of the same configuration whose own parameters and buffers are the tensors {@code
   * state} gives for their local names (used as they are, not copied), with the same generator
   * positions. Containers pass each child the names under its prefix.
   */
  abstract Module copyWith(Function<String, Tensor> state);

  /** {@link #copyWith} plus the training flag, recursively. */
  final Module withState(Function<String, Tensor> state) {
    Module copy = copyWith(state);
    copy.training = training;
    return copy;
  }

  /** Generator positions by local name (dropout's call counter); empty for most modules. */
  Map<String, Long> ownGeneratorStates() {
    return Map.of();
  }

  void restoreOwnGeneratorState(String name, long state) {
    throw new IllegalArgumentException("no generator named '" + name + "'");
  }

  // ------------------------------------------------------------- parameters and state

  /** Every trainable tensor, by dotted path, in forward order; the live tensors, unmodifiable map. */
  public final Map<String, Tensor> namedParameters() {
    Map<String, Tensor> out = new LinkedHashMap<>();
    collect("", out, true);
    return Collections.unmodifiableMap(out);
  }

  /** Every non-trainable tensor (running statistics), by dotted path; the live tensors. */
  public final Map<String, Tensor> namedBuffers() {
    Map<String, Tensor> out = new LinkedHashMap<>();
    collect("", out, false);
    return Collections.unmodifiableMap(out);
  }

  private void collect(String prefix, Map<String, Tensor> out, boolean parameters) {
    (parameters ? ownParameters() : ownBuffers()).forEach((name, t) -> out.put(prefix + name, t));
    children().forEach((name, child) -> child.collect(prefix + name + ".", out, parameters));
  }

  /** The trainable tensors in the order of {@link #namedParameters()}. */
  public final List<Tensor> parameters() {
    return List.copyOf(namedParameters().values());
  }

  /** The number of trainable scalars: Σ numel over {@link #parameters()}. */
  public final long parameterCount() {
    long n = 0;
    for (Tensor t : namedParameters().values()) {
      n += t.numel();
    }
    return n;
  }

  /** Clears the accumulated gradient of every parameter. */
  public final void zeroGrad() {
    for (Tensor t : namedParameters().values()) {
      t.zeroGrad();
    }
  }

  /**
   * A detached copy of every parameter and buffer, by dotted path: what {@link #loadState} takes
   * back, e.g. to restore the best weights seen in training.
   */
  public final Map<String, Tensor> state() {
    Map<String, Tensor> out = new LinkedHashMap<>();
    namedParameters().forEach((name, t) -> out.put(name, copy(t, t.dtype())));
    namedBuffers().forEach((name, t) -> out.put(name, copy(t, t.dtype())));
    return Collections.unmodifiableMap(out);
  }

  /**
   * Copies values into this module's parameters and buffers in place (their identities, and so an
   * optimizer's hold on them, are kept). Every parameter and buffer must be given, with its shape and
   * dtype, and nothing else.
   *
   * @throws IllegalArgumentException naming the first missing, unexpected or mismatched tensor;
   *     nothing is changed then
   */
  public final void loadState(Map<String, Tensor> values) {
    Map<String, Tensor> own = new LinkedHashMap<>(namedParameters());
    own.putAll(namedBuffers());
    for (String name : values.keySet()) {
      if (!own.containsKey(name)) {
        throw new IllegalArgumentException(
            "loadState: unexpected tensor '" + name + "'; this module has " + own.keySet());
      }
    }
    own.forEach((name, target) -> {
      Tensor source = values.get(name);
      if (source == null) {
        throw new IllegalArgumentException("loadState: missing tensor '" + name + "'");
      }
      if (source.dtype() != target.dtype() || !Arrays.equals(source.shape(), target.shape())) {
        throw new IllegalArgumentException(
            "loadState: '" + name + "' is " + source.dtype() + Arrays.toString(source.shape())
                + ", expected " + target.dtype() + Arrays.toString(target.shape()));
      }
    });
    own.forEach((name, target) -> copyInto(values.get(name), target));
  }

  private static void copyInto(Tensor source, Tensor target) {
    if (target.dtype() == DType.FLOAT32) {
      float[] from = TensorData.floats(source);
      System.arraycopy(from, 0, TensorData.floats(target), 0, from.length);
    } else {
      double[] from = TensorData.doubles(source);
      System.arraycopy(from, 0, TensorData.doubles(target), 0, from.length);
    }
  }

  /**
   * The positions of the random generators inside this module (dropout layers), by dotted path.
   * Saved with a checkpoint and given back to {@link #restoreGeneratorStates}, training resumes with
   * the very masks it would have drawn.
   */
  public final Map<String, Long> generatorStates() {
    Map<String, Long> out = new LinkedHashMap<>();
    collectGenerators("", out);
    return Collections.unmodifiableMap(out);
  }

  private void collectGenerators(String prefix, Map<String, Long> out) {
    ownGeneratorStates().forEach((name, s) -> out.put(prefix + name, s));
    children().forEach((name, child) -> child.collectGenerators(prefix + name + ".", out));
  }

  /**
   * Sets generator positions saved by {@link #generatorStates()}; every generator must be given.
   *
   * @throws IllegalArgumentException naming a missing or unknown generator; nothing is changed then
   */
  public final void restoreGeneratorStates(Map<String, Long> states) {
    Map<String, Long> own = generatorStates();
    if (!own.keySet().equals(states.keySet())) {
      throw new IllegalArgumentException(
          "restoreGeneratorStates: got generators " + states.keySet() + ", this module has "
              + own.keySet());
    }
    states.forEach((name, state) -> {
      if (state == null || state < 0) {
        throw new IllegalArgumentException(
            "restoreGeneratorStates: generator '" + name + "' has position " + state + "; expected >= 0");
      }
    });
    states.forEach(this::restoreGenerator);
  }

  private void restoreGenerator(String path, long state) {
    if (ownGeneratorStates().containsKey(path)) {
      restoreOwnGeneratorState(path, state);
      return;
    }
    int dot = path.indexOf('.');
    children().get(path.substring(0, dot)).restoreGenerator(path.substring(dot + 1), state);
  }

  // ------------------------------------------------------------- modes and conversions

  /** Switches this module and all sub-modules to training mode; returns this. */
  public final Module train() {
    setTraining(true);
    return this;
  }

  /** Switches this module and all sub-modules to evaluation mode; returns this. */
  public final Module eval() {
    setTraining(false);
    return this;
  }

  private void setTraining(boolean on) {
    training = on;
    for (Module child : children().values()) {
      child.setTraining(on);
    }
  }

  /** Whether this module is in training mode. */
  public final boolean isTraining() {
    return training;
  }

  /** A copy with every parameter and buffer in float64 (for gradient checks), same mode and generators. */
  public Module toFloat64() {
    return converted(DType.FLOAT64);
  }

  /** A copy with every parameter and buffer in float32, same mode and generators. */
  public Module toFloat32() {
    return converted(DType.FLOAT32);
  }

  private Module converted(DType dtype) {
    Map<String, Tensor> params = namedParameters();
    Map<String, Tensor> buffers = namedBuffers();
    return withState(name -> {
      Tensor p = params.get(name);
      return p != null ? copy(p, dtype).requiresGrad() : copy(buffers.get(name), dtype);
    });
  }

  private static Tensor copy(Tensor t, DType dtype) {
    return dtype == DType.FLOAT32
        ? Tensor.of(t.toFloatArray(), t.shape())
        : Tensor.of(t.toDoubleArray(), t.shape());
  }

  /**
   * A copy of this module that computes with the given tensors as its parameters (used as they
   * are, not copied) and shares this module's buffers, mode and generator positions. A loss computed
   * through the copy differentiates with respect to the given tensors: this is how a
   * finite-difference check treats every parameter of a network as an input, e.g. {@code
   * GradCheck.check(in -> loss(net.withParameters(Map.of("0.weight", in[0], ...))), w)}.
   *
   * @param parameters a tensor for every name of {@link #namedParameters()}, with its shape and dtype
   * @throws IllegalArgumentException naming the first missing, unexpected or mismatched tensor
   */
  public final Module withParameters(Map<String, Tensor> parameters) {
    Map<String, Tensor> own = namedParameters();
    if (!own.keySet().equals(parameters.keySet())) {
      throw new IllegalArgumentException(
          "withParameters: got tensors " + parameters.keySet() + ", this module has parameters " + own.keySet());
    }
    own.forEach((name, p) -> {
      Tensor given = parameters.get(name);
      if (given.dtype() != p.dtype() || !Arrays.equals(given.shape(), p.shape())) {
        throw new IllegalArgumentException("withParameters: '" + name + "' is " + given.dtype()
            + Arrays.toString(given.shape()) + ", expected " + p.dtype() + Arrays.toString(p.shape()));
      }
    });
    Map<String, Tensor> buffers = namedBuffers();
    return withState(name -> parameters.containsKey(name) ? parameters.get(name) : buffers.get(name));
  }

  /**
   * A table of the layers, their output shapes and parameter counts, with totals, as Keras prints
   * it; {@code inputShape} is one example's shape, e.g. {@code summary(784)}.
   */
  public final String summary(int... inputShape) {
    return Summary.of(this, inputShape);
  }

  /** Flattened leaf modules by dotted path, for the summary; a leaf lists itself under {@code prefix}. */
  final List<Map.Entry<String, Module>> leaves(String prefix) {
    List<Map.Entry<String, Module>> out = new ArrayList<>();
    if (children().isEmpty()) {
      out.add(Map.entry(prefix, this));
    }
    children().forEach((name, child) ->
        out.addAll(child.leaves(prefix.isEmpty() ? name : prefix + "." + name)));
    return out;
  }

  /** Checks a forward input: a [batch, features] matrix of the parameters' dtype. */
  static void checkInput(Module layer, Tensor x, int features, Tensor parameter) {
    if (x.rank() != 2 || (features >= 0 && x.size(1) != features)) {
      throw new IllegalArgumentException(
          layer + ": expected input [batch, " + (features >= 0 ? features : "features")
              + "], got " + Arrays.toString(x.shape()));
    }
    if (parameter != null && parameter.dtype() != x.dtype()) {
      throw new IllegalArgumentException(
          layer + ": input is " + x.dtype() + " but the parameters are " + parameter.dtype()
              + "; convert the input, or the module with to" + (x.dtype() == DType.FLOAT64 ? "Float64" : "Float32") + "()");
    }
  }
}

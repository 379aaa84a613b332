package dev.backprop.optim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Everything an optimizer needs to continue exactly where it stopped, as plain values that a model
 * file or checkpoint can store: {@link Optimizer#importState} into a fresh optimizer over the same
 * parameters continues bit for bit as if training had never stopped.
 *
 * <p>Keys: the hyperparameters under their PyTorch names ({@code lr}, {@code momentum}, ...);
 * for each parameter {@code NAME}, the scalar {@code NAME/step} (updates applied to it so far) and
 * one array per buffer, {@code NAME/BUFFER} ({@code exp_avg}, {@code exp_avg_sq},
 * {@code momentum_buffer}, {@code square_avg}, {@code grad_avg}, {@code sum},
 * {@code max_exp_avg_sq}), with the parameter's shape flattened in row-major order and its dtype:
 * float32 parameters' buffers are in {@code floatArrays}, float64 ones in {@code doubleArrays}.
 *
 * @param optimizer the optimizer's name ({@code "adam"}, ...), as {@link OptimizerSpec#optimizer()}
 * @param scalars hyperparameters and step counts
 * @param floatArrays buffers of float32 parameters
 * @param doubleArrays buffers of float64 parameters
 */
public record OptimizerState(
    String optimizer,
    Map<String, Double> scalars,
    Map<String, float[]> floatArrays,
    Map<String, double[]> doubleArrays) {

  /** Copies the maps (not the arrays) into unmodifiable ones that keep the iteration order. */
  public OptimizerState {
    Objects.requireNonNull(optimizer, "optimizer");
    scalars = Collections.unmodifiableMap(new LinkedHashMap<>(scalars));
    floatArrays = Collections.unmodifiableMap(new LinkedHashMap<>(floatArrays));
    doubleArrays = Collections.unmodifiableMap(new LinkedHashMap<>(doubleArrays));
  }
}

package dev.backprop.optim;

import dev.backprop.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Optimizers by name, for the command line and for checkpoints: {@code sgd}, {@code adam},
 * {@code adamw}, {@code rmsprop}, {@code adagrad} (case-insensitive).
 *
 * <pre>{@code
 * Optimizer opt = Optimizers.create("adam", params, 1e-3);
 * Optimizer resumed = Optimizers.restore(params, savedState);
 * }</pre>
 */
public final class Optimizers {
  private static final List<String> NAMES = List.of("sgd", "adam", "adamw", "rmsprop", "adagrad");

  private Optimizers() {}

  /** The known names. */
  public static List<String> names() {
    return NAMES;
  }

  /**
   * The spec of the named optimizer: hyperparameters under their PyTorch names ({@code lr},
   * {@code momentum}, {@code weight_decay}, {@code beta1}, ...; flags as 1 or 0), PyTorch's
   * defaults for the ones not given.
   *
   * @throws IllegalArgumentException for an unknown optimizer or hyperparameter name, or a value
   *     out of range
   */
  public static OptimizerSpec spec(String name, Map<String, Double> hyperparameters) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "sgd" -> SGD.Spec.fromMap(hyperparameters);
      case "adam" -> Adam.Spec.fromMap(hyperparameters);
      case "adamw" -> AdamW.Spec.fromMap(hyperparameters);
      case "rmsprop" -> RMSProp.Spec.fromMap(hyperparameters);
      case "adagrad" -> Adagrad.Spec.fromMap(hyperparameters);
      default -> throw new IllegalArgumentException(
          "unknown optimizer '" + name + "'; known: " + String.join(", ", NAMES));
    };
  }

  /** The named optimizer with learning rate {@code lr} and PyTorch's defaults for the rest. */
  public static Optimizer create(String name, Map<String, Tensor> parameters, double lr) {
    return spec(name, Map.of("lr", lr)).create(parameters);
  }

  /** The named optimizer over parameters named {@code "0"}, {@code "1"}, ... in order. */
  public static Optimizer create(String name, List<Tensor> parameters, double lr) {
    return create(name, Optimizer.named(parameters), lr);
  }

  /**
   * A new optimizer of the kind, with the hyperparameters and the state that {@code state} holds:
   * training continues exactly where {@link Optimizer#exportState()} left it.
   *
   * @throws IllegalArgumentException if the state does not fit the parameters (see {@link
   *     Optimizer#importState})
   */
  public static Optimizer restore(Map<String, Tensor> parameters, OptimizerState state) {
    Map<String, Double> hyper = new LinkedHashMap<>();
    state.scalars().forEach((k, v) -> {
      if (k.indexOf('/') < 0) {
        hyper.put(k, v);
      }
    });
    Optimizer optimizer = spec(state.optimizer(), hyper).create(parameters);
    optimizer.importState(state);
    return optimizer;
  }
}

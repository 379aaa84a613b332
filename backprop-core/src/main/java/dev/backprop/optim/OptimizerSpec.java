package dev.backprop.optim;

import dev.backprop.tensor.Tensor;
import java.util.Map;

/**
 * The hyperparameters of an optimizer, as an immutable record: what a model file records as
 * provenance and what {@link Optimizers#spec} builds from a name and a map for the command line.
 */
public sealed interface OptimizerSpec
    permits SGD.Spec, Adam.Spec, AdamW.Spec, RMSProp.Spec, Adagrad.Spec {

  /** The optimizer's name as {@link Optimizers} knows it: {@code "sgd"}, {@code "adam"}, ... */
  String optimizer();

  /** The learning rate η. */
  double lr();

  /** The same hyperparameters with another learning rate. */
  OptimizerSpec withLr(double lr);

  /**
   * Every hyperparameter under PyTorch's name ({@code lr}, {@code weight_decay}, {@code beta1},
   * ...), in a fixed order; flags are 1 or 0.
   */
  Map<String, Double> hyperparameters();

  /** A new optimizer with these hyperparameters over the named parameters. */
  Optimizer create(Map<String, Tensor> parameters);
}

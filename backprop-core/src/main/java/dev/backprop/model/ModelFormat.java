package dev.backprop.model;

/** The names a model file uses: its {@code __metadata__} keys and the prefixes of its training-state tensors. */
final class ModelFormat {
  /** The model format version this code writes and reads. */
  static final String VERSION = "1";

  static final String VERSION_KEY = "backprop.model_format";
  static final String ARCHITECTURE_KEY = "backprop.architecture";
  static final String TASK_KEY = "backprop.task";
  static final String PREPROCESSING_KEY = "backprop.preprocessing";
  static final String PROVENANCE_KEY = "backprop.provenance";
  static final String TRAINING_STATE_KEY = "backprop.training_state";

  /** Optimizer buffers: {@code optimizer/<parameter>/<buffer>}. */
  static final String OPTIMIZER_PREFIX = "optimizer/";
  /** Early stopping's best weights: {@code training/best/<name>}. */
  static final String BEST_PREFIX = "training/best/";
  /** The training state's weights when they differ from the model's: {@code training/model/<name>}. */
  static final String STATE_MODEL_PREFIX = "training/model/";

  private ModelFormat() {}
}

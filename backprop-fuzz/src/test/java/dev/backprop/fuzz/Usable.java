package dev.backprop.fuzz;

import dev.backprop.model.SavedModel;
import dev.backprop.nn.Module;
import dev.backprop.tensor.DType;
import dev.backprop.tensor.Tensor;
import dev.backprop.train.Trainer;
import dev.backprop.train.TrainingState;
import java.util.SplittableRandom;

/** What a model file that loads must allow: predicting, and resuming from the training state it carries. */
final class Usable {
  private Usable() {}

  static void check(SavedModel model) {
    model.predict(Tensor.zeros(3, model.inputs()));
    if (model.trainingState().isPresent()) {
      TrainingState state = model.trainingState().get();
      Module network = state.architecture().build(new SplittableRandom(1));
      boolean wide = state.model().values().stream().anyMatch(t -> t.dtype() == DType.FLOAT64);
      new Trainer(wide ? network.toFloat64() : network, model.loss(), state.config()).restore(state);
    }
  }
}

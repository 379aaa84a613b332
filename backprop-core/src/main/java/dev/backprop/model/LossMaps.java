package dev.backprop.model;

import dev.backprop.nn.CategoricalCrossEntropy;
import dev.backprop.nn.Huber;
import dev.backprop.nn.Loss;
import dev.backprop.train.internal.MapReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A loss as a map of plain values: its name and, where it has any, its options. */
final class LossMaps {
  private LossMaps() {}

  static Map<String, Object> write(Loss loss) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", loss.name());
    if (loss instanceof CategoricalCrossEntropy c) {
      m.put("label_smoothing", c.labelSmoothing());
      m.put("class_weights", c.classWeights());
    } else if (loss instanceof Huber h) {
      m.put("delta", h.delta());
    }
    return m;
  }

  static Loss read(MapReader r) {
    String name = r.string("name");
    Loss loss;
    if (name.equals("cross-entropy")) {
      CategoricalCrossEntropy c = new CategoricalCrossEntropy().withLabelSmoothing(r.number("label_smoothing"));
      loss = r.has("class_weights") ? c.withClassWeights(weights(r)) : c;
      r.raw("class_weights");
    } else if (name.equals("huber")) {
      loss = new Huber(r.number("delta"));
    } else if (Loss.names().contains(name)) {
      loss = Loss.byName(name);
    } else {
      throw r.wrong("name", name, "one of " + Loss.names());
    }
    r.rejectUnread();
    return loss;
  }

  private static double[] weights(MapReader r) {
    List<?> list = r.list("class_weights");
    double[] w = new double[list.size()];
    for (int i = 0; i < w.length; i++) {
      if (!(list.get(i) instanceof Number n)) {
        throw r.wrong("class_weights", list.get(i), "numbers");
      }
      w[i] = n.doubleValue();
    }
    return w;
  }
}

package dev.backprop.train;

import dev.backprop.optim.LearningRateSchedule.Constant;
import dev.backprop.optim.LearningRateSchedule.CosineAnnealing;
import dev.backprop.optim.LearningRateSchedule.ExponentialDecay;
import dev.backprop.optim.LearningRateSchedule.LinearWarmup;
import dev.backprop.optim.LearningRateSchedule.StepDecay;
import dev.backprop.optim.LearningRateSchedule;
import dev.backprop.optim.OptimizerSpec;
import dev.backprop.optim.Optimizers;
import dev.backprop.optim.ReduceLROnPlateau;
import dev.backprop.train.internal.MapReader;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Translates a {@link TrainingConfig} to and from nested maps of plain values. */
final class ConfigMaps {
  private ConfigMaps() {}

  static Map<String, Object> write(TrainingConfig c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("epochs", c.epochs());
    m.put("batch_size", c.batchSize());
    m.put("seed", c.seed());
    m.put("shuffle", c.shuffle());
    m.put("validation_split", c.validationSplit());
    m.put("optimizer", optimizer(c.optimizer()));
    m.put("schedule", c.schedule() == null ? null : schedule(c.schedule()));
    m.put("plateau", c.plateau() == null ? null : plateau(c.plateau()));
    m.put("clipping", c.clipping() == null ? null : ordered(
        "kind", MapReader.label(c.clipping().kind()), "threshold", c.clipping().threshold()));
    EarlyStopping e = c.earlyStopping();
    m.put("early_stopping", e == null ? null : ordered("monitor", e.monitor(), "mode", MapReader.label(e.mode()),
        "patience", e.patience(), "min_delta", e.minDelta(), "restore_best_weights", e.restoreBestWeights()));
    m.put("top_k", c.topK());
    m.put("on_non_finite", MapReader.label(c.onNonFinite()));
    return Collections.unmodifiableMap(m);
  }

  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return Collections.unmodifiableMap(m);
  }

  private static Map<String, Object> optimizer(OptimizerSpec spec) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", spec.optimizer());
    m.putAll(spec.hyperparameters());
    return Collections.unmodifiableMap(m);
  }

  static Map<String, Object> schedule(LearningRateSchedule s) {
    if (s instanceof StepDecay d) {
      return ordered("type", "step", "step_size", d.stepSize(), "gamma", d.gamma());
    } else if (s instanceof ExponentialDecay d) {
      return ordered("type", "exponential", "gamma", d.gamma());
    } else if (s instanceof CosineAnnealing c) {
      return ordered("type", "cosine", "epochs", c.epochs(), "min_lr", c.minLr());
    } else if (s instanceof LinearWarmup w) {
      return ordered("type", "warmup", "epochs", w.epochs(), "start_factor", w.startFactor(),
          "then", schedule(w.then()));
    }
    return ordered("type", "constant");
  }

  private static Map<String, Object> plateau(ReduceOnPlateau p) {
    ReduceLROnPlateau.Spec s = p.settings();
    return ordered("monitor", p.monitor(), "mode", MapReader.label(s.mode()), "factor", s.factor(),
        "patience", s.patience(), "threshold", s.threshold(), "threshold_mode", MapReader.label(s.thresholdMode()),
        "cooldown", s.cooldown(), "min_lr", s.minLr(), "eps", s.eps());
  }

  static TrainingConfig read(Map<String, ?> map) {
    MapReader r = new MapReader(map, "$");
    TrainingConfig config = new TrainingConfig(
        r.integer("epochs"), r.integer("batch_size"), r.longInteger("seed"), r.bool("shuffle"),
        r.number("validation_split"), readOptimizer(r.object("optimizer")),
        r.has("schedule") ? readSchedule(r.object("schedule")) : absent(r, "schedule"),
        r.has("plateau") ? readPlateau(r.object("plateau")) : absent(r, "plateau"),
        r.has("clipping") ? readClipping(r.object("clipping")) : absent(r, "clipping"),
        r.has("early_stopping") ? readEarlyStopping(r.object("early_stopping")) : absent(r, "early_stopping"),
        r.integer("top_k"), r.label("on_non_finite", NonFinitePolicy.class));
    r.rejectUnread();
    return config;
  }

  /** Marks an optional entry read and gives null: it was absent or JSON null. */
  private static <T> T absent(MapReader r, String key) {
    r.raw(key);
    return null;
  }

  private static OptimizerSpec readOptimizer(MapReader r) {
    String name = r.string("name");
    Map<String, Double> hyper = new LinkedHashMap<>();
    r.entries().forEach((k, v) -> {
      if (!k.equals("name")) {
        if (!(v instanceof Number n)) {
          throw r.wrong(k, v, "a number");
        }
        hyper.put(k, n.doubleValue());
      }
    });
    try {
      return Optimizers.spec(name, hyper);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(r.path("name") + ": " + e.getMessage(), e);
    }
  }

  static LearningRateSchedule readSchedule(MapReader r) {
    String type = r.string("type");
    LearningRateSchedule s = switch (type) {
      case "constant" -> new Constant();
      case "step" -> new StepDecay(r.integer("step_size"), r.number("gamma"));
      case "exponential" -> new ExponentialDecay(r.number("gamma"));
      case "cosine" -> new CosineAnnealing(r.integer("epochs"), r.number("min_lr"));
      case "warmup" -> new LinearWarmup(r.integer("epochs"), r.number("start_factor"),
          readSchedule(r.object("then")));
      default -> throw r.wrong("type", type, "one of constant, step, exponential, cosine, warmup");
    };
    r.rejectUnread();
    return s;
  }

  private static ReduceOnPlateau readPlateau(MapReader r) {
    ReduceOnPlateau p = new ReduceOnPlateau(r.string("monitor"), new ReduceLROnPlateau.Spec(
        r.label("mode", ReduceLROnPlateau.Mode.class), r.number("factor"), r.integer("patience"),
        r.number("threshold"), r.label("threshold_mode", ReduceLROnPlateau.ThresholdMode.class),
        r.integer("cooldown"), r.number("min_lr"), r.number("eps")));
    r.rejectUnread();
    return p;
  }

  private static GradientClipping readClipping(MapReader r) {
    GradientClipping c = new GradientClipping(r.label("kind", GradientClipping.Kind.class), r.number("threshold"));
    r.rejectUnread();
    return c;
  }

  private static EarlyStopping readEarlyStopping(MapReader r) {
    EarlyStopping e = new EarlyStopping(r.string("monitor"), r.label("mode", EarlyStopping.Mode.class),
        r.integer("patience"), r.number("min_delta"), r.bool("restore_best_weights"));
    r.rejectUnread();
    return e;
  }
}

package dev.backprop.model;

import dev.backprop.io.Json;
import dev.backprop.io.SafetensorsDtype;
import dev.backprop.io.SafetensorsFile;
import dev.backprop.io.SafetensorsWriter;
import dev.backprop.nn.LayerSpec;
import dev.backprop.optim.OptimizerState;
import dev.backprop.tensor.Tensor;
import dev.backprop.train.EarlyStoppingState;
import dev.backprop.train.EpochProgress;
import dev.backprop.train.History;
import dev.backprop.train.TrainingConfig;
import dev.backprop.train.TrainingState;
import dev.backprop.train.internal.MapReader;
import dev.backprop.train.internal.NonFiniteNumbers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link TrainingState} in a model file: the scalars as the {@code backprop.training_state} JSON
 * document, the arrays as tensors ({@code optimizer/…}, {@code training/best/…}, and {@code
 * training/model/…} only when the state's weights differ from the model's own).
 */
final class StateCodec {
  private StateCodec() {}

  static void write(TrainingState s, Map<String, Tensor> modelWeights, SafetensorsWriter writer) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("config", s.config().toMap());
    m.put("epoch", s.epoch());
    m.put("batch", s.batch());
    m.put("history", s.history().toMap());
    boolean sameWeights = sameBits(s.model(), modelWeights);
    m.put("weights", sameWeights ? "model" : "separate");
    if (!sameWeights) {
      s.model().forEach((name, t) -> ModelWriter.add(writer, ModelFormat.STATE_MODEL_PREFIX + name, t));
    }
    m.put("generators", s.generators());
    m.put("optimizer", optimizer(s.optimizer(), writer));
    m.put("scheduler", scalars(s.scheduler()));
    m.put("early_stopping", s.earlyStopping() == null ? null : earlyStopping(s.earlyStopping(), writer));
    m.put("progress", s.progress() == null ? null : progress(s.progress()));
    writer.metadata(ModelFormat.TRAINING_STATE_KEY, Json.write(m));
  }

  private static boolean sameBits(Map<String, Tensor> a, Map<String, Tensor> b) {
    if (!a.keySet().equals(b.keySet())) {
      return false;
    }
    for (String name : a.keySet()) {
      Tensor x = a.get(name);
      Tensor y = b.get(name);
      if (x.dtype() != y.dtype() || !Arrays.equals(x.shape(), y.shape())
          || !Arrays.equals(x.toDoubleArray(), y.toDoubleArray())) {
        return false;
      }
    }
    return true;
  }

  private static Map<String, Object> scalars(Map<String, Double> values) {
    Map<String, Object> out = new LinkedHashMap<>();
    values.forEach((k, v) -> out.put(k, NonFiniteNumbers.write(v)));
    return out;
  }

  private static Map<String, Object> optimizer(OptimizerState o, SafetensorsWriter writer) {
    o.floatArrays().forEach((k, v) -> writer.add(ModelFormat.OPTIMIZER_PREFIX + k, v, v.length));
    o.doubleArrays().forEach((k, v) -> writer.add(ModelFormat.OPTIMIZER_PREFIX + k, v, v.length));
    List<String> arrays = new ArrayList<>(o.floatArrays().keySet());
    arrays.addAll(o.doubleArrays().keySet());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", o.optimizer());
    m.put("scalars", scalars(o.scalars()));
    m.put("arrays", arrays);
    return m;
  }

  private static Map<String, Object> earlyStopping(EarlyStoppingState e, SafetensorsWriter writer) {
    e.bestWeights().forEach((name, t) -> ModelWriter.add(writer, ModelFormat.BEST_PREFIX + name, t));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("best", NonFiniteNumbers.write(e.best()));
    m.put("best_epoch", e.bestEpoch());
    m.put("epochs_without_improvement", e.epochsWithoutImprovement());
    m.put("stopped", e.stopped());
    m.put("best_weights", !e.bestWeights().isEmpty());
    return m;
  }

  private static Map<String, Object> progress(EpochProgress p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("seconds", p.seconds());
    m.put("skipped_batches", p.skippedBatches());
    Map<String, Object> sums = new LinkedHashMap<>();
    p.sums().forEach((k, v) -> sums.put(k, Arrays.stream(v).mapToObj(NonFiniteNumbers::write).toList()));
    m.put("sums", sums);
    return m;
  }

  /**
   * The state described by the document and the file's tensors. {@code weights} are the model's
   * own tensors and {@code shapes} the architecture's expected tensor shapes.
   */
  static TrainingState read(Map<String, ?> document, LayerSpec architecture, Map<String, Tensor> weights,
      Map<String, int[]> shapes, SafetensorsFile file) {
    MapReader r = new MapReader(document, "$");
    TrainingConfig config = ProvenanceMaps.nested("config", r, () -> TrainingConfig.fromMap(r.object("config").entries()));
    int epoch = r.integer("epoch", 0, Integer.MAX_VALUE);
    int batch = r.integer("batch", 0, Integer.MAX_VALUE);
    History history = ProvenanceMaps.nested("history", r, () -> History.fromMap(r.object("history").entries()));
    String where = r.string("weights");
    if (!where.equals("model") && !where.equals("separate")) {
      throw r.wrong("weights", where, "\"model\" or \"separate\"");
    }
    Map<String, Tensor> model = where.equals("model") ? weights
        : TensorReading.named(file, ModelFormat.STATE_MODEL_PREFIX, shapes, weights);
    Map<String, Long> generators = new LinkedHashMap<>();
    MapReader g = r.object("generators");
    for (String name : g.entries().keySet()) {
      generators.put(name, g.longInteger(name));
    }
    OptimizerState optimizer = readOptimizer(r.object("optimizer"), file);
    Map<String, Double> scheduler = readScalars(r.object("scheduler"));
    EarlyStoppingState early = r.has("early_stopping")
        ? readEarlyStopping(r.object("early_stopping"), file, shapes, weights) : null;
    r.raw("early_stopping");
    EpochProgress progress = r.has("progress") ? readProgress(r.object("progress")) : null;
    r.raw("progress");
    r.rejectUnread();
    return new TrainingState(config, epoch, batch, history, architecture, model, generators, optimizer, scheduler,
        early, progress);
  }

  private static Map<String, Double> readScalars(MapReader r) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (String key : r.entries().keySet()) {
      out.put(key, r.number(key));
    }
    return out;
  }

  private static OptimizerState readOptimizer(MapReader r, SafetensorsFile file) {
    String name = r.string("name");
    Map<String, Double> scalars = readScalars(r.object("scalars"));
    Map<String, float[]> floats = new LinkedHashMap<>();
    Map<String, double[]> doubles = new LinkedHashMap<>();
    for (String key : PreprocessingMaps.strings(r, "arrays")) {
      String tensor = ModelFormat.OPTIMIZER_PREFIX + key;
      if (!file.contains(tensor)) {
        throw new IllegalArgumentException(r.path("arrays") + ": the file has no tensor \"" + tensor + "\"");
      }
      if (file.shape(tensor).length != 1) {
        throw new IllegalArgumentException("tensor \"" + tensor + "\" must be flat, got shape "
            + Arrays.toString(file.shape(tensor)));
      }
      if (file.dtype(tensor) == SafetensorsDtype.F32) {
        floats.put(key, file.floats(tensor));
      } else if (file.dtype(tensor) == SafetensorsDtype.F64) {
        doubles.put(key, file.doubles(tensor));
      } else {
        throw new IllegalArgumentException("tensor \"" + tensor + "\" is " + file.dtype(tensor) + ", expected F32 or F64");
      }
    }
    r.rejectUnread();
    return new OptimizerState(name, scalars, floats, doubles);
  }

  private static EarlyStoppingState readEarlyStopping(MapReader r, SafetensorsFile file, Map<String, int[]> shapes,
      Map<String, Tensor> weights) {
    Map<String, Tensor> best = r.bool("best_weights")
        ? TensorReading.named(file, ModelFormat.BEST_PREFIX, shapes, weights) : Map.of();
    EarlyStoppingState e = new EarlyStoppingState(r.number("best"), r.integer("best_epoch", -1, Integer.MAX_VALUE),
        r.integer("epochs_without_improvement", 0, Integer.MAX_VALUE), r.bool("stopped"), best);
    r.rejectUnread();
    return e;
  }

  private static EpochProgress readProgress(MapReader r) {
    MapReader sums = r.object("sums");
    Map<String, double[]> arrays = new LinkedHashMap<>();
    for (String key : sums.entries().keySet()) {
      List<?> list = sums.list(key);
      double[] values = new double[list.size()];
      for (int i = 0; i < values.length; i++) {
        Object v = list.get(i);
        values[i] = v instanceof Number n ? n.doubleValue()
            : v instanceof String s ? NonFiniteNumbers.parse(s, () -> sums.wrong(key, v, "numbers"))
            : Double.NaN;
        if (!(v instanceof Number) && !(v instanceof String)) {
          throw sums.wrong(key, v, "numbers");
        }
      }
      arrays.put(key, values);
    }
    EpochProgress p = new EpochProgress(r.number("seconds"), r.integer("skipped_batches", 0, Integer.MAX_VALUE), arrays);
    r.rejectUnread();
    return p;
  }
}

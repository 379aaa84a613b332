package dev.backprop.model;

import dev.backprop.data.Task;
import dev.backprop.nn.Activation;
import dev.backprop.nn.Loss;
import dev.backprop.train.internal.MapReader;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code backprop.task} document: the task, the network's input and output widths, the loss
 * and the output activation that turns outputs into predictions.
 *
 * @param task classification or regression
 * @param inputs features per example
 * @param outputs outputs per example
 * @param loss the loss
 */
record TaskMaps(Task task, int inputs, int outputs, Loss loss) {
  static Map<String, Object> write(SavedModel m) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("task", MapReader.label(m.task()));
    out.put("inputs", m.inputs());
    out.put("outputs", m.outputs());
    out.put("loss", LossMaps.write(m.loss()));
    out.put("output_activation", m.loss().outputActivation().label());
    return out;
  }

  static TaskMaps read(Map<String, ?> map) {
    MapReader r = new MapReader(map, "$");
    Task task = r.label("task", Task.class);
    int inputs = r.integer("inputs", 1, Integer.MAX_VALUE);
    int outputs = r.integer("outputs", 1, Integer.MAX_VALUE);
    Loss loss = LossMaps.read(r.object("loss"));
    String activation = r.string("output_activation");
    if (!activation.equals(loss.outputActivation().label())) {
      throw r.wrong("output_activation", activation, "\"" + loss.outputActivation().label() + "\", the output"
          + " activation of " + loss.name() + " (one of " + java.util.Arrays.stream(Activation.values())
          .map(Activation::label).toList() + ")");
    }
    r.rejectUnread();
    return new TaskMaps(task, inputs, outputs, loss);
  }
}

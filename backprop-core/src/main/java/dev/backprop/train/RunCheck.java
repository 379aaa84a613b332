package dev.backprop.train;

import dev.backprop.nn.Activation;
import dev.backprop.nn.Loss;
import dev.backprop.nn.Module;
import java.util.ArrayList;
import java.util.List;

/** Checks, before any training, that the examples, network, loss and configuration fit together. */
final class RunCheck {
  private RunCheck() {}

  static void check(Module network, Loss loss, TrainingConfig config, Examples train, Examples validation) {
    checkExamples(network, loss, train, "training examples");
    if (validation != null) {
      checkExamples(network, loss, validation, "validation examples");
      if (validation.isClassification() != train.isClassification() || validation.classes() != train.classes()
          || validation.targetCount() != train.targetCount()) {
        throw new IllegalArgumentException("the validation examples (" + validation
            + ") do not match the training examples (" + train + ")");
      }
    }
    if (train.isClassification() && config.topK() >= train.classes()) {
      throw new IllegalArgumentException(
          "top-" + config.topK() + " accuracy needs more than " + config.topK() + " classes; there are " + train.classes());
    }
    List<String> names = new ArrayList<>(MetricNames.of(train.isClassification(), config.topK()));
    if (validation != null) {
      names.addAll(names.stream().map(MetricNames::validation).toList());
    }
    if (config.earlyStopping() != null) {
      checkMonitor("early stopping", config.earlyStopping().monitor(), names);
    }
    if (config.plateau() != null) {
      checkMonitor("reduce-on-plateau", config.plateau().monitor(), names);
    }
  }

  private static void checkMonitor(String what, String monitor, List<String> names) {
    if (!names.contains(monitor)) {
      throw new IllegalArgumentException(what + " monitors '" + monitor + "', but this run reports " + names
          + (monitor.startsWith(MetricNames.VALIDATION_PREFIX) ? "; give validation examples or a validation split" : ""));
    }
  }

  /** Checks that the network takes the examples' features and gives what the loss and targets need. */
  static void checkExamples(Module network, Loss loss, Examples examples, String what) {
    int outputs;
    try {
      outputs = Networks.outputWidth(network, examples.featureCount());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
    }
    if (!examples.isClassification()) {
      if (outputs != examples.targetCount()) {
        throw new IllegalArgumentException(what + ": the network gives " + outputs + " outputs per example, but there are "
            + examples.targetCount() + " targets");
      }
      return;
    }
    boolean softmax = loss.outputActivation() == Activation.SOFTMAX;
    if (outputs != examples.classes() && (softmax || outputs != 1 || examples.classes() != 2)) {
      throw new IllegalArgumentException(what + ": the network gives " + outputs + " outputs per example, but there are "
          + examples.classes() + " classes; " + loss.name() + " needs one output per class"
          + (softmax ? "" : " (or a single output for two classes)"));
    }
  }
}

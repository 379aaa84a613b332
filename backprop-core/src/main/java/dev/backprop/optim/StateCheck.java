package dev.backprop.optim;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Checks an {@link OptimizerState} completely before an optimizer takes it in. */
final class StateCheck {
  /** Largest step count a double holds exactly. */
  private static final double MAX_STEP = 0x1p53;

  private StateCheck() {}

  /**
   * The hyperparameters the state restores, after checking that it holds exactly the step counts
   * and the buffers those hyperparameters need for {@code slots}.
   */
  static OptimizerSpec check(
      OptimizerState state,
      OptimizerSpec current,
      Slot[] slots,
      Function<OptimizerSpec, String[]> bufferNames) {
    String name = current.optimizer();
    if (!state.optimizer().equals(name)) {
      throw new IllegalArgumentException(
          "optimizer state is for '" + state.optimizer() + "', not '" + name + "'");
    }
    Set<String> expected = new HashSet<>();
    Set<String> expectedFloats = new HashSet<>();
    Set<String> expectedDoubles = new HashSet<>();
    Map<String, Double> hyper = new LinkedHashMap<>();
    for (String key : current.hyperparameters().keySet()) {
      hyper.put(key, require(state.scalars(), name, key, "hyperparameter"));
      expected.add(key);
    }
    OptimizerSpec restored = Optimizers.spec(name, hyper);
    String[] buffers = bufferNames.apply(restored);
    for (Slot s : slots) {
      String stepKey = s.name + "/step";
      checkStep(name, stepKey, require(state.scalars(), name, stepKey, "step count"));
      expected.add(stepKey);
      for (String buffer : buffers) {
        String key = s.name + "/" + buffer;
        checkArray(state, name, key, s);
        (s.floats != null ? expectedFloats : expectedDoubles).add(key);
      }
    }
    rejectUnexpected(name, "scalar", state.scalars().keySet(), expected);
    rejectUnexpected(name, "float32 array", state.floatArrays().keySet(), expectedFloats);
    rejectUnexpected(name, "float64 array", state.doubleArrays().keySet(), expectedDoubles);
    return restored;
  }

  private static double require(Map<String, Double> scalars, String name, String key, String what) {
    Double v = scalars.get(key);
    if (v == null) {
      throw new IllegalArgumentException(name + " state: missing " + what + " '" + key + "'");
    }
    return v;
  }

  private static void checkStep(String name, String key, double v) {
    if (!(v >= 0 && v <= MAX_STEP && v == Math.rint(v))) {
      throw new IllegalArgumentException(
          name + " state: step count '" + key + "' must be a whole number >= 0, got " + v);
    }
  }

  private static void checkArray(OptimizerState state, String name, String key, Slot s) {
    boolean single = s.floats != null;
    float[] f = state.floatArrays().get(key);
    double[] d = state.doubleArrays().get(key);
    if (single ? f == null : d == null) {
      throw new IllegalArgumentException(
          (single ? d : f) != null
              ? name + " state: buffer '" + key + "' is " + (single ? "float64" : "float32")
                  + " but parameter '" + s.name + "' is " + s.param.dtype()
              : name + " state: missing buffer '" + key + "'");
    }
    int length = single ? f.length : d.length;
    if (length != s.size()) {
      throw new IllegalArgumentException(
          name + " state: buffer '" + key + "' has " + length + " elements, parameter '" + s.name
              + "' has " + s.size());
    }
  }

  private static void rejectUnexpected(
      String name, String what, Set<String> keys, Set<String> expected) {
    for (String key : keys) {
      if (!expected.contains(key)) {
        throw new IllegalArgumentException(
            name + " state: unexpected " + what + " '" + key
                + "' (no such hyperparameter, parameter or buffer here)");
      }
    }
  }
}

package dev.backprop.explain;

import dev.backprop.io.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders an {@link Explanation} as one compact JSON object through {@link Json}. Columns are
 * written as flat arrays, matrices as arrays of rows; keys follow the notation (W, b, z, h, dz, dW,
 * db, dh); every double is written so that it parses back to the same double.
 */
final class JsonReport {
  private JsonReport() {}

  static String render(Explanation e) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("spec", spec(e));
    root.put("input", vector(e.input()));
    root.put("target", vector(e.target()));
    root.put("layers", e.layers().stream().map(JsonReport::layer).toList());
    root.put("loss", e.loss());
    root.put("outputGradient", checked(e.outputGradient()));
    Map<String, Object> update = new LinkedHashMap<>();
    update.put("learningRate", e.spec().learningRate());
    update.put("lossBefore", e.loss());
    update.put("lossAfter", e.lossAfterStep());
    update.put("predictedDecrease", e.predictedDecrease());
    root.put("update", update);
    root.put("maxFiniteDifferenceError", e.maxFiniteDifferenceError());
    root.put("maxAutogradDifference", e.maxAutogradDifference());
    return Json.write(root);
  }

  private static Map<String, Object> spec(Explanation e) {
    ExplainSpec spec = e.spec();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("layers", spec.layers());
    m.put("activation", spec.activation());
    m.put("loss", spec.loss());
    m.put("output", LossKind.named(spec.loss()).outputName);
    m.put("seed", spec.seed());
    m.put("learningRate", spec.learningRate());
    m.put("epsilon", Explain.EPSILON);
    return m;
  }

  private static Map<String, Object> layer(LayerTrace layer) {
    LayerGradients g = layer.gradients();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("layer", layer.index());
    m.put("W", rows(layer.weight()));
    m.put("b", vector(layer.bias()));
    m.put("z", vector(layer.z()));
    m.put("h", vector(layer.h()));
    g.activationDerivative().ifPresent(d -> m.put("activationDerivative", vector(d)));
    m.put("dz", checked(g.dz()));
    m.put("dW", checked(g.dWeight()));
    m.put("db", checked(g.dBias()));
    m.put("dhPrevious", checked(g.dhPrevious()));
    Map<String, Object> autograd = new LinkedHashMap<>();
    autograd.put("dW", rows(g.autogradDWeight()));
    autograd.put("db", vector(g.autogradDBias()));
    autograd.put("maxAbsDifference", g.maxAutogradDifference());
    m.put("autograd", autograd);
    Map<String, Object> updated = new LinkedHashMap<>();
    updated.put("W", rows(layer.updatedWeight()));
    updated.put("b", vector(layer.updatedBias()));
    m.put("updated", updated);
    return m;
  }

  private static Map<String, Object> checked(CheckedGradient gradient) {
    boolean column = gradient.analytic().cols() == 1;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("analytic", column ? vector(gradient.analytic()) : rows(gradient.analytic()));
    m.put("numeric", column ? vector(gradient.numeric()) : rows(gradient.numeric()));
    m.put("maxAbsDifference", gradient.maxAbsDifference());
    return m;
  }

  private static double[] vector(Matrix column) {
    return column.values();
  }

  private static List<double[]> rows(Matrix m) {
    double[] v = m.values();
    List<double[]> rows = new ArrayList<>();
    for (int i = 0; i < m.rows(); i++) {
      double[] row = new double[m.cols()];
      System.arraycopy(v, i * m.cols(), row, 0, m.cols());
      rows.add(row);
    }
    return rows;
  }
}

package dev.backprop.train;

/**
 * Errors of real-valued predictions against targets, over all outputs: MSE, RMSE, MAE and the
 * coefficient of determination R² = 1 − SS_res / SS_tot (per output column, averaged uniformly as
 * scikit-learn's r2_score).
 */
public record RegressionMetrics(double mse, double rmse, double mae, double r2) {

  /**
   * Computes the metrics for {@code rows × outputs} predictions and targets in row-major order.
   *
   * @throws IllegalArgumentException if the lengths differ or are not a multiple of {@code outputs}
   */
  public static RegressionMetrics of(float[] predicted, float[] actual, int outputs) {
    if (predicted.length != actual.length || outputs <= 0 || actual.length % outputs != 0) {
      throw new IllegalArgumentException(
          "regression metrics: " + predicted.length + " predictions for " + actual.length
              + " targets in " + outputs + " outputs");
    }
    int rows = actual.length / outputs;
    double se = 0;
    double ae = 0;
    double r2 = 0;
    for (int j = 0; j < outputs; j++) {
      double mean = 0;
      for (int i = 0; i < rows; i++) {
        mean += actual[i * outputs + j];
      }
      mean /= Math.max(rows, 1);
      double res = 0;
      double tot = 0;
      for (int i = 0; i < rows; i++) {
        double d = predicted[i * outputs + j] - actual[i * outputs + j];
        double t = actual[i * outputs + j] - mean;
        res += d * d;
        tot += t * t;
        ae += Math.abs(d);
      }
      se += res;
      // As scikit-learn: a constant target scores 1 when predicted exactly, else 0.
      r2 += tot == 0 ? (res == 0 ? 1 : 0) : 1 - res / tot;
    }
    double n = Math.max(actual.length, 1);
    return new RegressionMetrics(se / n, Math.sqrt(se / n), ae / n, r2 / outputs);
  }
}

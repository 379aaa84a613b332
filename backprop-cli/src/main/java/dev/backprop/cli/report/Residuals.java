package dev.backprop.cli.report;

/**
 * What the error metrics (RMSE, MAE, R&sup2;) do not show about the residuals
 * r = predicted &minus; actual, over the rows where both are finite: their mean (a bias the model
 * could have learned away), their spread, and the worst one.
 *
 * @param rows        rows with finite actual and predicted values
 * @param skipped     rows left out because a value was NaN or infinite
 * @param mean        mean residual; positive means the model predicts too high on average
 * @param std         population standard deviation of the residuals
 * @param maxAbsolute largest absolute residual
 */
record Residuals(int rows, int skipped, double mean, double std, double maxAbsolute) {

    /** The residual summary of {@code result}; all statistics are NaN when no row is finite. */
    static Residuals of(RegressionResult result) {
        double[] residuals = new double[result.size()];
        int rows = 0;
        for (int i = 0; i < result.size(); i++) {
            if (Double.isFinite(result.predictedAt(i)) && Double.isFinite(result.actualAt(i))) {
                residuals[rows++] = result.predictedAt(i) - result.actualAt(i);
            }
        }
        int skipped = result.size() - rows;
        if (rows == 0) {
            return new Residuals(0, skipped, Double.NaN, Double.NaN, Double.NaN);
        }
        double sum = 0;
        double maxAbsolute = 0;
        for (int i = 0; i < rows; i++) {
            sum += residuals[i];
            maxAbsolute = Math.max(maxAbsolute, Math.abs(residuals[i]));
        }
        double mean = sum / rows;
        // Deviations from the mean in a second pass stay accurate when the bias is large.
        double squaredDeviations = 0;
        for (int i = 0; i < rows; i++) {
            squaredDeviations += (residuals[i] - mean) * (residuals[i] - mean);
        }
        return new Residuals(rows, skipped, mean, Math.sqrt(squaredDeviations / rows), maxAbsolute);
    }
}

package dev.backprop.cli.report;

/**
 * Per-class scores read off a confusion matrix {@code C[actual][predicted]} for class {@code k}:
 * precision = C[k][k] / &sum;<sub>i</sub> C[i][k] (of the rows predicted as k, the share that are k),
 * recall = C[k][k] / &sum;<sub>j</sub> C[k][j] (of the rows that are k, the share found),
 * F1 = 2 &middot; precision &middot; recall / (precision + recall), and support = &sum;<sub>j</sub>
 * C[k][j]. A score whose denominator is zero is NaN (undefined), not zero.
 *
 * @param precision precision of class k
 * @param recall    recall of class k
 * @param f1        harmonic mean of precision and recall
 * @param support   number of rows whose actual class is k
 */
record ClassMetrics(double precision, double recall, double f1, long support) {

    /** The scores of class {@code k} in {@code result}. */
    static ClassMetrics of(ClassificationResult result, int k) {
        int n = result.classes().size();
        long predictedAsK = 0;
        long actuallyK = 0;
        for (int other = 0; other < n; other++) {
            predictedAsK += result.count(other, k);
            actuallyK += result.count(k, other);
        }
        double hits = result.count(k, k);
        double precision = predictedAsK == 0 ? Double.NaN : hits / predictedAsK;
        double recall = actuallyK == 0 ? Double.NaN : hits / actuallyK;
        double f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall)
                : precision == 0 && recall == 0 ? 0 : Double.NaN;
        return new ClassMetrics(precision, recall, f1, actuallyK);
    }
}

package dev.backprop.cli.report;

import dev.backprop.train.ConfusionMatrix;
import java.time.Instant;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SplittableRandom;

/**
 * Realistic synthetic report input for tests and for the README screenshot: curves shaped like a
 * real run (fast early progress, a validation loss that turns up as the model starts to overfit),
 * a Fashion-MNIST-like confusion matrix (shirts confused with T-shirts, pullovers with coats).
 */
final class SampleReports {

    static final List<String> FASHION_CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private SampleReports() {
    }

    static ReportData classification(int epochs, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<EpochMetrics> records = new ArrayList<>();
        for (int epoch = 1; epoch <= epochs; epoch++) {
            double progress = Math.exp(-epoch / 3.5);
            double overfit = Math.max(0, epoch - 11) * 0.006;
            double trainLoss = 0.24 + 0.55 * progress - 0.002 * epoch + 0.006 * random.nextGaussian();
            double validationLoss = 0.31 + 0.5 * progress + overfit + 0.008 * random.nextGaussian();
            records.add(new EpochMetrics(epoch,
                    ordered("loss", trainLoss, "accuracy", 0.915 - 0.16 * progress + 0.0012 * epoch
                            + 0.002 * random.nextGaussian()),
                    ordered("loss", validationLoss, "accuracy", 0.893 - 0.15 * progress - overfit * 0.4
                            + 0.003 * random.nextGaussian()),
                    3.9 + 0.3 * random.nextDouble()));
        }
        ClassificationResult evaluation = new ClassificationResult("test (10,000 rows)",
                ordered("accuracy", 0.8844, "loss", 0.3281, "macro F1", 0.8840), FASHION_CLASSES,
                confusion(fashionConfusion()));
        return new ReportData("Fashion-MNIST: classification", run(seed, 4.2 * epochs + 6.3, "classification"),
                fashionData(), modelSummary(), records, OptionalInt.empty(), evaluation);
    }

    static RunInfo run(long seed, double totalSeconds, String task) {
        Map<String, String> hyperparameters = new LinkedHashMap<>();
        hyperparameters.put("task", task);
        hyperparameters.put("hidden", "256,128");
        hyperparameters.put("activation", "relu");
        hyperparameters.put("loss", "cross-entropy");
        hyperparameters.put("optimizer", "adam");
        hyperparameters.put("learning-rate", "0.001");
        hyperparameters.put("batch-size", "64");
        hyperparameters.put("epochs", "25");
        hyperparameters.put("early-stopping", "5 (restore best)");
        hyperparameters.put("validation-split", "0.1 (stratified)");
        hyperparameters.put("scaling", "min-max");
        return new RunInfo(seed, hyperparameters, totalSeconds, "backprop 0.1.0-SNAPSHOT, Java 17.0.15",
                Instant.parse("2025-11-26T09:30:00Z"));
    }

    static DataSummary fashionData() {
        Map<String, Long> rows = new LinkedHashMap<>();
        rows.put("training", 54_000L);
        rows.put("validation", 6_000L);
        rows.put("test", 10_000L);
        Map<String, Long> classes = new LinkedHashMap<>();
        FASHION_CLASSES.forEach(label -> classes.put(label, 5_400L));
        return new DataSummary("/usr/share/datasets/fashion-mnist", "label", 784, rows, classes);
    }

    static String modelSummary() {
        return String.join("\n",
                "Layer      Type     Output    Activation  Parameters",
                "---------  -------  --------  ----------  ----------",
                "input      Input    784       -                    0",
                "hidden1    Dense    256       relu           200,960",
                "hidden2    Dense    128       relu            32,896",
                "output     Dense    10        softmax          1,290",
                "---------  -------  --------  ----------  ----------",
                "Total parameters: 235,146 (all trainable)");
    }

    /** Rows of 1,000 test images per class with the confusions a small MLP makes on Fashion-MNIST. */
    static int[][] fashionConfusion() {
        return new int[][] {
            {842, 2, 15, 28, 4, 1, 98, 0, 10, 0},
            {3, 968, 2, 20, 4, 0, 2, 0, 1, 0},
            {18, 1, 808, 12, 94, 0, 64, 0, 3, 0},
            {24, 9, 12, 891, 31, 0, 29, 0, 4, 0},
            {1, 1, 92, 30, 822, 0, 51, 0, 3, 0},
            {0, 0, 0, 1, 0, 957, 0, 27, 2, 13},
            {126, 1, 84, 31, 72, 0, 674, 0, 12, 0},
            {0, 0, 0, 0, 0, 18, 0, 955, 0, 27},
            {4, 1, 4, 5, 3, 3, 6, 4, 970, 0},
            {0, 0, 0, 0, 0, 7, 1, 35, 0, 957},
        };
    }

    /** The confusion matrix with these counts, {@code [actual][predicted]}. */
    static ConfusionMatrix confusion(int[][] counts) {
        int rows = Arrays.stream(counts).flatMapToInt(Arrays::stream).sum();
        int[] actual = new int[rows];
        int[] predicted = new int[rows];
        int row = 0;
        for (int a = 0; a < counts.length; a++) {
            for (int p = 0; p < counts[a].length; p++) {
                for (int k = 0; k < counts[a][p]; k++, row++) {
                    actual[row] = a;
                    predicted[row] = p;
                }
            }
        }
        return ConfusionMatrix.of(actual, predicted, counts.length);
    }

    /** A small regression run on a noisy sine. */
    static ReportData regression(int rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] actual = new double[rows];
        double[] predicted = new double[rows];
        for (int i = 0; i < rows; i++) {
            double x = random.nextDouble(-Math.PI, Math.PI);
            actual[i] = Math.sin(x) + 0.1 * random.nextGaussian();
            predicted[i] = 0.95 * Math.sin(x) + 0.08 * random.nextGaussian();
        }
        List<EpochMetrics> records = new ArrayList<>();
        for (int epoch = 1; epoch <= 12; epoch++) {
            double loss = 0.02 + 0.4 * Math.exp(-epoch / 2.0);
            records.add(new EpochMetrics(epoch, ordered("loss", loss, "mae", Math.sqrt(loss) * 0.8),
                    ordered("loss", loss * 1.1, "mae", Math.sqrt(loss * 1.1) * 0.8), 0.21));
        }
        RegressionResult evaluation = new RegressionResult("validation (" + rows + " rows)",
                ordered("r2", 0.95, "rmse", 0.135, "mae", 0.107), actual, predicted);
        DataSummary data = new DataSummary("builtin:sine", "y", 1, Map.of("training", (long) rows), Map.of());
        return new ReportData("sine: regression", run(seed, 3.1, "regression"), data, modelSummary(), records,
                OptionalInt.empty(), evaluation);
    }

    static Map<String, Double> ordered(Object... namesAndValues) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], ((Number) namesAndValues[i + 1]).doubleValue());
        }
        return map;
    }
}

package dev.backprop.cli;

import dev.backprop.train.ConfusionMatrix;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/** Model metrics as people read them: one line of metrics, then the confusion matrix as a table. */
final class MetricsText {

    /** Long class names are cut to this many characters in column headings. */
    private static final int MAX_COLUMN_LABEL = 12;
    private static final int MAX_ROW_LABEL = 24;

    private MetricsText() {
    }

    /**
     * For example {@code "test (10,000 rows): accuracy 0.8873, loss 0.3211, macro_f1 0.8861"},
     * followed for classification by the confusion matrix.
     */
    static String render(ModelMetrics metrics) {
        StringJoiner values = new StringJoiner(", ");
        metrics.values().forEach((name, value) -> values.add(name + " " + number(value)));
        String line = String.format(Locale.ROOT, "%s (%,d rows): %s%n", metrics.part(), metrics.rows(), values);
        return metrics.isClassification() ? line + confusion(metrics.classes(), metrics.confusion()) : line;
    }

    /** Four decimals, as the progress lines show them; NaN and infinities as Java spells them. */
    static String number(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.4f", value) : String.valueOf(value);
    }

    /**
     * The confusion matrix with a row per true class and a column per predicted class, labelled
     * with the class names and right-aligned so the counts line up.
     */
    static String confusion(List<String> classes, ConfusionMatrix matrix) {
        int[][] counts = matrix.counts();
        int rowWidth = "true \\ predicted".length();
        for (String label : classes) {
            rowWidth = Math.max(rowWidth, cut(label, MAX_ROW_LABEL).length());
        }
        int[] widths = new int[classes.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = cut(classes.get(c), MAX_COLUMN_LABEL).length();
            for (int[] row : counts) {
                widths[c] = Math.max(widths[c], String.valueOf(row[c]).length());
            }
        }
        StringBuilder table = new StringBuilder("Confusion matrix (rows: true class, columns: predicted class)\n");
        table.append(pad("true \\ predicted", rowWidth, false));
        for (int c = 0; c < widths.length; c++) {
            table.append("  ").append(pad(cut(classes.get(c), MAX_COLUMN_LABEL), widths[c], true));
        }
        table.append('\n');
        for (int r = 0; r < counts.length; r++) {
            table.append(pad(cut(classes.get(r), MAX_ROW_LABEL), rowWidth, false));
            for (int c = 0; c < widths.length; c++) {
                table.append("  ").append(pad(String.valueOf(counts[r][c]), widths[c], true));
            }
            table.append('\n');
        }
        return table.toString().replace("\n", System.lineSeparator());
    }

    private static String cut(String label, int max) {
        return label.length() <= max ? label : label.substring(0, max - 1) + "…";
    }

    private static String pad(String text, int width, boolean right) {
        String spaces = " ".repeat(Math.max(0, width - text.length()));
        return right ? spaces + text : text + spaces;
    }
}

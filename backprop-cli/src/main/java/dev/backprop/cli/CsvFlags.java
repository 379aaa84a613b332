package dev.backprop.cli;

import dev.backprop.data.CsvOptions;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * How to read a training CSV file when detection is not enough: the layout, missing values and
 * column roles. Later files (test, evaluation and prediction data) are read with what training
 * learned, saved in the model.
 */
final class CsvFlags {

    @Option(names = "--no-header", description = "The CSV file's first line is data, not column names "
            + "(columns are then named column1, column2, ...).")
    private boolean noHeader;

    @Option(names = "--delimiter", paramLabel = "CHAR",
            description = "The CSV field separator (default: detected among , ; tab and |); 'tab' for a tab.")
    private String delimiter;

    @Option(names = "--impute-mean",
            description = "Fill missing numeric CSV values with the column's training mean instead of refusing them.")
    private boolean imputeMean;

    @Option(names = "--categorical", split = ",", paramLabel = "COLUMN",
            description = "One-hot encode these CSV columns although they hold numbers (e.g. codes).")
    private List<String> categorical = new ArrayList<>();

    @Option(names = "--ignore", split = ",", paramLabel = "COLUMN",
            description = "Leave these CSV columns out (e.g. row identifiers).")
    private List<String> ignored = new ArrayList<>();

    /** Whether any of these flags was given. */
    boolean any() {
        return noHeader || delimiter != null || imputeMean || !categorical.isEmpty() || !ignored.isEmpty();
    }

    /**
     * The CSV options these flags ask for.
     *
     * @throws IllegalArgumentException for a delimiter that is not one character
     */
    CsvOptions options() {
        CsvOptions options = CsvOptions.defaults()
                .withCategorical(categorical.toArray(String[]::new))
                .ignoring(ignored.toArray(String[]::new));
        if (noHeader) {
            options = options.noHeader();
        }
        if (imputeMean) {
            options = options.withImputeMean();
        }
        if (delimiter != null) {
            options = options.withDelimiter(delimiterChar());
        }
        return options;
    }

    private char delimiterChar() {
        if (delimiter.equalsIgnoreCase("tab") || delimiter.equals("\\t")) {
            return '\t';
        }
        if (delimiter.length() != 1) {
            throw new IllegalArgumentException("invalid value for option '--delimiter': '" + delimiter
                    + "' (expected one character, or 'tab')");
        }
        return delimiter.charAt(0);
    }
}

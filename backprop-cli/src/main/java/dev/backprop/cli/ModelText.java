package dev.backprop.cli;

import dev.backprop.data.Task;
import dev.backprop.model.DataIdentity;
import dev.backprop.model.Preprocessing;
import dev.backprop.model.Provenance;
import dev.backprop.model.SavedModel;
import dev.backprop.train.History;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/** What {@code backprop summary} prints: the layer table, what the model predicts from what, and where it came from. */
final class ModelText {

    private static final String NL = System.lineSeparator();
    private static final DateTimeFormatter CREATED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final int LISTED = 10;

    private ModelText() {
    }

    static String render(String file, SavedModel model) {
        StringBuilder text = new StringBuilder("Model file: ").append(file).append(NL);
        text.append(model.network().summary(model.inputs()));
        Preprocessing p = model.preprocessing();
        text.append(NL).append("Task: ").append(task(model)).append("; loss ").append(model.loss().name()).append(NL);
        text.append("Inputs: ").append(model.inputs()).append(" features ").append(listed(p.featureNames()))
                .append("; scaling ")
                .append(p.featureScaler() == null ? "none" : OptionValues.label(p.featureScaler().method())).append(NL);
        if (p.csvSchema() != null) {
            text.append("CSV: ").append(p.csvSchema().columns().size()).append(" columns, delimiter '")
                    .append(p.csvSchema().delimiter() == '\t' ? "tab" : String.valueOf(p.csvSchema().delimiter()))
                    .append("', ").append(p.csvSchema().header() ? "header row" : "no header row")
                    .append(p.csvSchema().imputeMean() ? ", missing values imputed with training means" : "")
                    .append(NL);
        }
        return text.append(NL).append(provenance(model.provenance())).toString();
    }

    private static String task(SavedModel model) {
        if (model.task() == Task.REGRESSION) {
            return "regression of " + String.join(", ", model.preprocessing().targetNames());
        }
        List<String> classes = model.preprocessing().classLabels();
        return "classification, " + classes.size() + " classes " + listed(classes);
    }

    private static String provenance(Provenance p) {
        StringBuilder text = new StringBuilder("Provenance").append(NL);
        row(text, "library", "backprop " + p.libraryVersion());
        row(text, "created", CREATED.format(p.created()));
        DataIdentity data = p.data();
        if (data != null) {
            row(text, "data", String.format(Locale.ROOT, "%s (%,d rows × %,d features, sha256 %s)", data.name(),
                    data.rows(), data.features(), data.sha256().substring(0, 16) + "…"));
        }
        if (p.initSeed() != null) {
            row(text, "init seed", String.valueOf(p.initSeed()));
        }
        if (p.training() != null) {
            p.training().toMap().forEach((name, value) -> {
                if (value != null) {
                    row(text, name, value(value));
                }
            });
        }
        History history = p.history();
        if (history.size() > 0) {
            row(text, "epochs run", history.size() + history.bestEpoch().stream()
                    .mapToObj(best -> " (best: epoch " + (best + 1) + ")").findFirst().orElse(""));
        }
        // One line per group of metrics (training, val_, test_), so the groups can be read apart.
        Map<String, StringJoiner> groups = new LinkedHashMap<>();
        p.finalMetrics().forEach((name, v) -> groups.computeIfAbsent(prefix(name), k -> new StringJoiner(", "))
                .add(name + " " + MetricsText.number(v)));
        String label = "final metrics";
        for (StringJoiner group : groups.values()) {
            row(text, label, group.toString());
            label = "";
        }
        return text.toString();
    }

    private static String prefix(String metric) {
        int underscore = metric.indexOf('_');
        String prefix = underscore < 0 ? "" : metric.substring(0, underscore + 1);
        return prefix.equals("val_") || prefix.equals("test_") ? prefix : "";
    }

    private static void row(StringBuilder text, String name, String value) {
        text.append(String.format(Locale.ROOT, "  %-20s %s%n", name, value));
    }

    /** A nested value on one line: {@code adam: lr 0.001, beta1 0.9}. */
    private static String value(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            return String.valueOf(value);
        }
        StringJoiner parts = new StringJoiner(", ");
        Object name = map.get("name");
        map.forEach((k, v) -> {
            if (!"name".equals(k) && v != null) {
                parts.add(k + " " + value(v));
            }
        });
        return name == null ? parts.toString() : name + ": " + parts;
    }

    private static String listed(List<String> names) {
        if (names.isEmpty()) {
            return "";
        }
        List<String> shown = names.subList(0, Math.min(LISTED, names.size()));
        return "(" + String.join(", ", shown) + (names.size() > LISTED ? ", … " + names.size() + " in all" : "") + ")";
    }
}

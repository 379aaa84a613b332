package dev.backprop.cli;

import dev.backprop.io.Json;
import dev.backprop.model.SavedModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code backprop summary}: a saved model's layers and parameter counts, its inputs and outputs,
 * and its provenance.
 */
@Command(
        name = "summary",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        description = {
            "Shows a saved model: its layers with their parameter counts, what it predicts from which inputs,",
            "and where it came from (data, hyperparameters, seed, library version, final metrics)."
        })
final class SummaryCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE",
            description = "A model saved by 'backprop train --out'.")
    private Path model;

    @Option(names = "--json", description = "Print the architecture, task and provenance as one JSON object.")
    private boolean json;

    @Override
    public Integer call() throws IOException {
        SavedModel saved = SavedModel.load(model);
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? json(saved) + System.lineSeparator() : ModelText.render(model.toString(), saved));
        out.flush();
        return 0;
    }

    private String json(SavedModel saved) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model", model.toString());
        json.put("task", saved.task().name().toLowerCase(java.util.Locale.ROOT));
        json.put("inputs", saved.inputs());
        json.put("outputs", saved.outputs());
        json.put("parameters", saved.network().parameterCount());
        json.put("loss", saved.loss().name());
        json.put("architecture", saved.network().spec().toMap());
        json.put("preprocessing", saved.preprocessing().toMap());
        json.put("provenance", saved.provenance().toMap());
        return Json.write(json);
    }
}

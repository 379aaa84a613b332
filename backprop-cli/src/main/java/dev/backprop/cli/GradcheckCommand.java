package dev.backprop.cli;

import dev.backprop.model.SavedModel;
import dev.backprop.nn.Activation;
import dev.backprop.nn.Loss;
import dev.backprop.nn.Module;
import dev.backprop.nn.Sequential;
import dev.backprop.tensor.Tensor;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code backprop gradcheck}: checks backpropagation through a whole network against finite
 * differences, in float64, for every parameter: of a saved model, or of a network built from
 * layer sizes. Exit code 1 when any parameter fails.
 */
@Command(
        name = "gradcheck",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        sortOptions = false,
        description = {
            "Checks the gradient of the loss with respect to every parameter of a network against central",
            "finite differences, in float64, on a few random examples: of a saved model (--model), or of a",
            "network built from layer sizes (--layers). Exits with 1 if any parameter fails."
        })
final class GradcheckCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--model", paramLabel = "FILE", description = "A model saved by 'backprop train --out'.")
    private Path model;

    @Option(names = "--layers", split = ",", paramLabel = "N,N,...",
            description = "Layer sizes of a new network, inputs first (default: 4,8,3 when no --model is given).")
    private List<Integer> layers;

    @Option(names = "--activation", paramLabel = "NAME", defaultValue = "tanh",
            converter = OptionValues.ActivationConverter.class,
            completionCandidates = OptionValues.ActivationNames.class,
            description = "Hidden activation of a new network: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private Activation activation;

    @Option(names = "--loss", paramLabel = "NAME", converter = OptionValues.LossConverter.class,
            completionCandidates = OptionValues.LossNames.class,
            description = "Loss of a new network: ${COMPLETION-CANDIDATES} (default: cross-entropy).")
    private String loss;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "4",
            description = "Random examples in the checked batch (default: ${DEFAULT-VALUE}).")
    private int rows;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Seed of the new network's weights and of the random examples (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--json", description = "Print the results as one JSON object.")
    private boolean json;

    @Override
    public Integer call() throws IOException {
        OptionValues.atLeast(spec.commandLine(), "--rows", rows, 1);
        NetworkCheck check = model != null ? forModel() : forLayers();
        Tensor inputs = Tensor.randn(new SplittableRandom(seed), rows, check.inputs()).toFloat64();
        Tensor targets = RandomTargets.of(check.loss(), check.outputs(), rows, new SplittableRandom(seed + 1));
        List<NetworkCheck.ParameterResult> results = check.run(inputs, targets);
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? NetworkCheck.json(check, results) + System.lineSeparator() : check.table(results, rows, seed));
        out.flush();
        List<String> failed = results.stream().filter(r -> !r.result().passed()).map(NetworkCheck.ParameterResult::name)
                .toList();
        if (failed.isEmpty()) {
            return 0;
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println("error: gradient check failed for " + failed.size() + " of " + results.size() + " parameters: "
                + String.join(", ", failed));
        err.flush();
        return 1;
    }

    private NetworkCheck forModel() throws IOException {
        if (layers != null || loss != null) {
            throw new ParameterException(spec.commandLine(),
                    "--layers and --loss describe a new network; a model (--model) has its own");
        }
        SavedModel saved = SavedModel.load(model);
        return new NetworkCheck(model.toString(), saved.network().toFloat64().eval(), saved.loss(), saved.inputs(),
                saved.outputs());
    }

    private NetworkCheck forLayers() {
        List<Integer> sizes = layers != null ? layers : List.of(4, 8, 3);
        OptionValues.sizes(spec.commandLine(), "--layers", sizes);
        if (sizes.size() < 2) {
            throw new ParameterException(spec.commandLine(), "invalid value for option '--layers': "
                    + OptionValues.join(sizes) + " (expected at least an input and an output size)");
        }
        String lossName = loss != null ? loss : "cross-entropy";
        int outputs = sizes.get(sizes.size() - 1);
        if (lossName.equals("cross-entropy") && outputs < 2) {
            throw new ParameterException(spec.commandLine(), "invalid value for option '--layers': "
                    + OptionValues.join(sizes) + " (cross-entropy needs at least 2 outputs; use --loss mse)");
        }
        int[] array = sizes.stream().mapToInt(Integer::intValue).toArray();
        Module network = Sequential.mlp(array).activation(activation).build(seed).toFloat64().eval();
        String name = OptionValues.join(sizes).replace(',', '-') + " (" + activation.label() + ")";
        return new NetworkCheck(name, network, Loss.byName(lossName), array[0], outputs);
    }
}

package dev.backprop.cli;

import dev.backprop.explain.Explain;
import dev.backprop.explain.ExplainSpec;
import dev.backprop.explain.Explanation;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code backprop explain}: one forward and backward pass of a small network on one example,
 * printed layer by layer with every gradient beside its finite-difference estimate (see
 * {@link Explain} and docs/explain.md).
 */
@Command(
        name = "explain",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        description = {
            "Shows one forward and backward pass of a small network on one example, layer by layer:",
            "z and h going up, then dz, dW, db and dh coming down, each gradient beside its",
            "finite-difference estimate, and the gradient-descent step they imply."
        })
final class ExplainCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--layers", split = ",", paramLabel = "N,N,...",
            description = "Layer sizes, inputs first and outputs last (default: ${DEFAULT-VALUE}).")
    private List<Integer> layers = ExplainSpec.defaults().layers();

    @Option(names = "--activation", paramLabel = "NAME",
            description = "Hidden activation: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
            completionCandidates = Activations.class)
    private String activation = ExplainSpec.defaults().activation();

    @Option(names = "--loss", paramLabel = "NAME",
            description = "Loss, which also fixes the output layer: ${COMPLETION-CANDIDATES} "
                    + "(default: ${DEFAULT-VALUE}).",
            completionCandidates = Losses.class)
    private String loss = ExplainSpec.defaults().loss();

    @Option(names = "--seed", paramLabel = "N",
            description = "Seed of the initial weights and biases (default: ${DEFAULT-VALUE}).")
    private long seed = ExplainSpec.DEFAULT_SEED;

    @Option(names = "--learning-rate", paramLabel = "ETA",
            description = "Learning rate of the step shown at the end (default: ${DEFAULT-VALUE}).")
    private double learningRate = ExplainSpec.DEFAULT_LEARNING_RATE;

    @Option(names = "--json", description = "Print one JSON object with every number in full precision.")
    private boolean json;

    /** The explainable activations, for the help text. */
    static final class Activations implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return ExplainSpec.ACTIVATIONS.iterator();
        }
    }

    /** The explainable losses, for the help text. */
    static final class Losses implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return ExplainSpec.LOSSES.iterator();
        }
    }

    @Override
    public Integer call() {
        Explanation explanation = Explain.run(spec());
        spec.commandLine().getOut().print(json ? explanation.toJson() + System.lineSeparator() : explanation.toText());
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** The options as a spec; a value the spec refuses is a usage error, reported with its reason. */
    private ExplainSpec spec() {
        try {
            return new ExplainSpec(layers, activation, loss, seed, learningRate);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }
}

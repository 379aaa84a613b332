package dev.backprop.cli;

import dev.backprop.data.Task;
import dev.backprop.nn.Loss;
import dev.backprop.train.PreflightChecks;
import dev.backprop.train.PreflightWarning;
import java.io.PrintWriter;
import java.util.List;

/** The checks before training ({@link PreflightChecks}), printed as {@code warning: ...} lines on standard error. */
final class Preflight {

    private Preflight() {
    }

    /** Checks the run's data, loss and configuration as the network will see them, and prints what it finds. */
    static List<PreflightWarning> print(PrintWriter err, TrainingRun run, TrainingData data, String loss) {
        PreflightChecks checks = PreflightChecks.of(ExampleSets.examples(data.train(), data.targetScaler()),
                Loss.byName(loss), run.config());
        if (data.validation().isPresent()) {
            checks = checks.withValidation(ExampleSets.examples(data.validation().get(), data.targetScaler()));
        }
        if (data.test().isPresent()) {
            checks = checks.withTest(ExampleSets.examples(data.test().get(), data.targetScaler()));
        }
        List<String> classes = data.task() == Task.CLASSIFICATION ? data.train().classNames() : List.of();
        List<PreflightWarning> warnings = checks.withNames(data.train().featureNames(), classes).warnings();
        for (PreflightWarning w : warnings) {
            err.println("warning: " + w.message());
        }
        err.flush();
        return warnings;
    }
}

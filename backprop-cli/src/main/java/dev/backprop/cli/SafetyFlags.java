package dev.backprop.cli;

import dev.backprop.train.NonFinitePolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The options of {@code backprop train} that protect a long run: checkpoints, resuming, and what a NaN does. */
final class SafetyFlags {

    @Option(names = "--checkpoint-dir", paramLabel = "DIR",
            description = "Save a checkpoint of the run in DIR after every epoch (an empty or new folder); "
                    + "Ctrl-C then stops after the current batch, saves one and exits 130. "
                    + "Continue later with --resume DIR.")
    private Path checkpointDir;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "Continue the run whose checkpoints are in DIR from its newest valid checkpoint, "
                    + "with the options it was started with; only --epochs (to train longer) and the output "
                    + "options may be given again.")
    private Path resume;

    @Option(names = "--checkpoint-every", paramLabel = "MINUTES",
            description = "Also save a checkpoint inside an epoch once this many minutes have passed since the "
                    + "last one (default: only after each epoch).")
    private Double everyMinutes;

    @Option(names = "--keep", paramLabel = "N", defaultValue = "3",
            description = "How many of the newest checkpoints to keep (default: ${DEFAULT-VALUE}).")
    private int keep;

    @Option(names = "--on-nan", paramLabel = "POLICY", defaultValue = "stop", converter = PolicyConverter.class,
            description = "What a NaN or infinite loss or gradient does: stop (with an error naming the epoch, "
                    + "batch and parameter; the last checkpoint stays) or skip-batch (default: ${DEFAULT-VALUE}).")
    private NonFinitePolicy onNan;

    /** The checkpoint folder: given by --checkpoint-dir, or by --resume; null for none. */
    Path checkpointDir() {
        return resume != null ? resume : checkpointDir;
    }

    /** The folder of the run to resume, or null. */
    Path resume() {
        return resume;
    }

    /** The interval of checkpoints inside epochs, or null for none. */
    Duration every() {
        return everyMinutes == null ? null : Duration.ofMillis(Math.round(everyMinutes * 60_000));
    }

    int keep() {
        return keep;
    }

    NonFinitePolicy onNan() {
        return onNan;
    }

    /** Checks the values that picocli cannot. */
    void check(CommandLine command) {
        OptionValues.atLeast(command, "--keep", keep, 1);
        if (everyMinutes != null) {
            OptionValues.positive(command, "--checkpoint-every", everyMinutes);
        }
        if (resume != null && checkpointDir != null && !resume.equals(checkpointDir)) {
            throw new CommandLine.ParameterException(command, "--resume " + resume + " continues the run in that"
                    + " folder; --checkpoint-dir " + checkpointDir + " would name another");
        }
    }

    /** {@code stop} or {@code skip-batch}. */
    static final class PolicyConverter implements ITypeConverter<NonFinitePolicy> {
        @Override
        public NonFinitePolicy convert(String value) {
            for (NonFinitePolicy p : NonFinitePolicy.values()) {
                if (label(p).equals(value.toLowerCase(Locale.ROOT))) {
                    return p;
                }
            }
            throw new TypeConversionException("expected stop or skip-batch, got '" + value + "'");
        }

        static String label(NonFinitePolicy p) {
            return p.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}

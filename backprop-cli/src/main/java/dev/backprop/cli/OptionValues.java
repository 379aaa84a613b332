package dev.backprop.cli;

import dev.backprop.data.Scaler;
import dev.backprop.nn.Activation;
import dev.backprop.nn.Loss;
import dev.backprop.optim.Optimizers;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * Conversions and range checks of option values. A value out of range is a usage error (exit
 * code 2) whose message names the option, the value and what was expected.
 */
final class OptionValues {

    private OptionValues() {
    }

    /** Requires {@code value ≥ min} for an integer option. */
    static void atLeast(CommandLine command, String option, long value, long min) {
        if (value < min) {
            throw new ParameterException(command, "invalid value for option '" + option + "': " + value
                    + " (expected at least " + min + ")");
        }
    }

    /** Requires a finite {@code value > 0}. */
    static void positive(CommandLine command, String option, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new ParameterException(command, "invalid value for option '" + option + "': " + value
                    + " (expected a number greater than 0)");
        }
    }

    /** Requires every layer size to be at least 1. */
    static void sizes(CommandLine command, String option, List<Integer> sizes) {
        for (int size : sizes) {
            if (size < 1) {
                throw new ParameterException(command, "invalid value for option '" + option + "': "
                        + join(sizes) + " (every layer needs at least 1 unit, found " + size + ")");
            }
        }
    }

    static String join(List<Integer> sizes) {
        return String.join(",", sizes.stream().map(String::valueOf).toList());
    }

    /** {@code relu}, {@code tanh}, ...: the names of {@link Activation#label()}. */
    static final class ActivationConverter implements ITypeConverter<Activation> {
        @Override
        public Activation convert(String value) {
            try {
                return Activation.byName(value.toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not an activation; expected one of "
                        + String.join(", ", new ActivationNames()));
            }
        }
    }

    /** The activation names, for help texts. */
    static final class ActivationNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Activation.values()).map(Activation::label).iterator();
        }
    }

    /** A loss name that {@link Loss#byName} knows. */
    static final class LossConverter implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (!Loss.names().contains(value)) {
                throw new TypeConversionException("'" + value + "' is not a loss; expected one of "
                        + String.join(", ", Loss.names()));
            }
            return value;
        }
    }

    /** The loss names, for help texts. */
    static final class LossNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Loss.names().iterator();
        }
    }

    /** An optimizer name that {@link Optimizers} knows, in lower case. */
    static final class OptimizerConverter implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String name = value.toLowerCase(Locale.ROOT);
            if (!Optimizers.names().contains(name)) {
                throw new TypeConversionException("'" + value + "' is not an optimizer; expected one of "
                        + String.join(", ", Optimizers.names()));
            }
            return name;
        }
    }

    /** The optimizer names, for help texts. */
    static final class OptimizerNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Optimizers.names().iterator();
        }
    }

    /** {@code standardize}, {@code min-max} or {@code none}. */
    static final class ScalingConverter implements ITypeConverter<Scaler.Method> {
        @Override
        public Scaler.Method convert(String value) {
            for (Scaler.Method method : Scaler.Method.values()) {
                if (label(method).equals(value.toLowerCase(Locale.ROOT))) {
                    return method;
                }
            }
            throw new TypeConversionException("'" + value + "' is not a scaling; expected one of "
                    + String.join(", ", new ScalingNames()));
        }
    }

    /** The scaling names, for help texts. */
    static final class ScalingNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Scaler.Method.values()).map(OptionValues::label).iterator();
        }
    }

    /** A scaling method as the command line spells it: {@code min-max}. */
    static String label(Scaler.Method method) {
        return method.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

package dev.backprop.cli;

import dev.backprop.io.Json;
import dev.backprop.nn.Loss;
import dev.backprop.nn.Module;
import dev.backprop.tensor.GradCheck;
import dev.backprop.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A float64 finite-difference check of the loss's gradient with respect to each parameter of a
 * network in turn ({@link GradCheck}, through {@link Module#withParameters}): element by element
 * for parameters of up to {@value #MAX_ELEMENTS} values, along {@value #DIRECTIONS} random
 * directions for larger ones.
 *
 * @param name    what is checked, for the heading
 * @param network the network, in float64 and evaluation mode
 * @param loss    the loss whose gradient is checked
 * @param inputs  features per example
 * @param outputs outputs per example
 */
record NetworkCheck(String name, Module network, Loss loss, int inputs, int outputs) {

    /** PyTorch's gradcheck settings: central differences with step ε, pass when |a − n| ≤ atol + rtol·|n|. */
    static final double EPSILON = 1e-6;
    static final double ATOL = 1e-5;
    static final double RTOL = 1e-3;
    static final int MAX_ELEMENTS = 512;
    static final int DIRECTIONS = 16;
    private static final long DIRECTION_SEED = 7;

    /** The outcome for one parameter. */
    record ParameterResult(String name, int[] shape, GradCheck.Result result) {
    }

    /** Checks every parameter on these inputs [rows, inputs] and targets. */
    List<ParameterResult> run(Tensor x, Tensor targets) {
        GradCheck check = GradCheck.withDefaults().tolerances(EPSILON, ATOL, RTOL)
                .sampling(MAX_ELEMENTS, DIRECTIONS, DIRECTION_SEED);
        Map<String, Tensor> parameters = network.namedParameters();
        List<ParameterResult> results = new ArrayList<>();
        for (Map.Entry<String, Tensor> parameter : parameters.entrySet()) {
            GradCheck.Result result = check.run(in -> {
                Map<String, Tensor> replaced = new LinkedHashMap<>(parameters);
                replaced.put(parameter.getKey(), in[0]);
                return loss.compute(network.withParameters(replaced).forward(x), targets);
            }, parameter.getValue());
            results.add(new ParameterResult(parameter.getKey(), parameter.getValue().shape(), result));
        }
        return results;
    }

    /**
     * A table with a line per parameter, a verdict at the end. Each line shows the parameter's worst
     * comparison, the one using the largest share of its tolerance: the analytic gradient
     * (backpropagation), the numeric one (finite differences) and their difference.
     */
    String table(List<ParameterResult> results, int rows, long seed) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "Gradient check of %s, loss %s, in float64 on %d random examples (seed %d)%n"
                        + "central differences with ε = %.0e; a value passes when"
                        + " |analytic − numeric| ≤ %.0e + %.0e·|numeric|%n"
                        + "each line shows the parameter's worst comparison: the one using the largest share of its tolerance%n%n",
                name, loss.name(), rows, seed, EPSILON, ATOL, RTOL));
        int width = Math.max("parameter".length(), results.stream().mapToInt(r -> r.name().length()).max().orElse(0));
        String format = "%-" + width + "s  %-10s  %-14s  %16s  %16s  %9s  %s%n";
        text.append(String.format(Locale.ROOT, format, "parameter", "shape", "checked", "analytic", "numeric",
                "|Δ|", "result"));
        long values = 0;
        int failed = 0;
        for (ParameterResult r : results) {
            GradCheck.Result g = r.result();
            String checked = g.comparisons() + (g.element() >= 0 ? " elements" : " directions");
            text.append(String.format(Locale.ROOT, format, r.name(), shape(r.shape()), checked,
                    String.format(Locale.ROOT, "%.9g", g.analytic()), String.format(Locale.ROOT, "%.9g", g.numeric()),
                    String.format(Locale.ROOT, "%.2e", g.absoluteError()), g.passed() ? "PASS" : "FAIL"));
            values += Arrays.stream(r.shape()).asLongStream().reduce(1, (a, b) -> a * b);
            failed += g.passed() ? 0 : 1;
        }
        text.append(System.lineSeparator()).append(failed == 0
                ? String.format(Locale.ROOT, "PASS: all %d parameters (%,d values) agree with finite differences.%n",
                        results.size(), values)
                : String.format(Locale.ROOT, "FAIL: %d of %d parameters disagree with finite differences.%n",
                        failed, results.size()));
        return text.toString();
    }

    /** {@code 64×2}. */
    private static String shape(int[] shape) {
        return String.join("×", Arrays.stream(shape).mapToObj(String::valueOf).toList());
    }

    /** The results as one JSON object: {@code passed} and one entry per parameter. */
    static String json(NetworkCheck check, List<ParameterResult> results) {
        List<Map<String, Object>> parameters = new ArrayList<>();
        for (ParameterResult r : results) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", r.name());
            entry.put("shape", r.shape());
            entry.put("comparisons", r.result().comparisons());
            entry.put("analytic", finite(r.result().analytic()));
            entry.put("numeric", finite(r.result().numeric()));
            entry.put("abs_error", finite(r.result().absoluteError()));
            entry.put("passed", r.result().passed());
            parameters.add(entry);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("network", check.name());
        json.put("loss", check.loss().name());
        json.put("passed", results.stream().allMatch(r -> r.result().passed()));
        json.put("parameters", parameters);
        return Json.write(json);
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}

package dev.backprop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExplainCommandTest {

    @Test
    void defaultOutputShowsTheFirstNotesNetworkWithGradientsAgreeingWithFiniteDifferences() {
        Cli.Run run = Cli.run("explain");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).startsWith("backprop explain: one forward and backward pass of a 3-3-3-3 network");
        assertThat(run.out()).contains("dW", "db", "dz", "finite");
    }

    @Test
    void jsonIsOneObjectWhoseGradientsAgreeWithFiniteDifferencesToOneInAMillion() {
        Cli.Run run = Cli.run("explain", "--json");

        assertThat(run.exitCode()).isZero();
        Map<String, Object> json = run.json();
        assertThat(((Map<?, ?>) json.get("spec")).get("layers")).isEqualTo(List.of(3L, 3L, 3L, 3L));
        assertThat((Double) json.get("maxFiniteDifferenceError")).isLessThan(1e-6);
        assertThat((Double) json.get("maxAutogradDifference")).isLessThan(1e-12);
    }

    @Test
    void optionsReachTheExplanation() {
        Map<String, Object> json = Cli.run("explain", "--layers", "2,4,2", "--activation", "tanh",
                "--loss", "squared-error", "--seed", "7", "--learning-rate", "0.5", "--json").json();

        Map<?, ?> spec = (Map<?, ?>) json.get("spec");
        assertThat(spec.get("layers")).isEqualTo(List.of(2L, 4L, 2L));
        assertThat(spec.get("activation")).isEqualTo("tanh");
        assertThat(spec.get("loss")).isEqualTo("squared-error");
        assertThat(spec.get("seed")).isEqualTo(7L);
        assertThat((Double) json.get("maxFiniteDifferenceError")).isLessThan(1e-6);
    }

    @Test
    void aLayerSizeOutOfRangeIsAUsageErrorNamingTheValue() {
        Cli.Run run = Cli.run("explain", "--layers", "3,40,3");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).hasLineCount(1).startsWith("error: layers: size 40 at position 2");
    }

    @Test
    void anUnknownActivationIsAUsageErrorListingTheKnownOnes() {
        Cli.Run run = Cli.run("explain", "--activation", "swish");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).hasLineCount(1).contains("'swish'", "sigmoid", "tanh");
    }

    @Test
    void helpListsTheChoices() {
        Cli.Run run = Cli.run("explain", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--layers", "--activation", "sigmoid, tanh, relu, leaky-relu",
                "cross-entropy", "--json");
    }
}

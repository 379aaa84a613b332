package dev.backprop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.nn.Loss;
import dev.backprop.nn.Sequential;
import dev.backprop.tensor.GradCheck;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradcheckCommandTest {

    @TempDir
    Path dir;

    @Test
    void everyParameterOfALayerSpecNetworkAgreesWithFiniteDifferences() {
        Cli.Run run = Cli.run("gradcheck", "--layers", "4,8,3", "--activation", "tanh");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Gradient check of 4-8-3 (tanh), loss cross-entropy, in float64 on 4 random"
                + " examples (seed 42)");
        assertThat(run.out().lines().filter(line -> line.matches("^\\d\\.(weight|bias) .*")))
                .hasSize(4).allMatch(line -> line.endsWith("PASS"));
        assertThat(run.out()).contains("0.weight   8×4         32 elements", "2.bias     3           3 elements",
                "PASS: all 4 parameters (67 values) agree with finite differences.");
    }

    @Test
    void everyParameterOfATrainedModelIsCheckedLargeOnesAlongRandomDirections() {
        Path model = dir.resolve("m.bpm");
        assertThat(Cli.run("train", "--train", "builtin:blobs?n=300", "--hidden", "40,8", "--epochs", "3", "--quiet",
                "--out", model.toString()).exitCode()).isZero();

        Map<String, Object> json = Cli.run("gradcheck", "--model", model.toString(), "--json").json();

        assertThat(json).containsEntry("passed", true).containsEntry("loss", "cross-entropy");
        List<Object> names = new ArrayList<>();
        List<Object> comparisons = new ArrayList<>();
        for (Object parameter : (List<?>) json.get("parameters")) {
            Map<?, ?> entry = (Map<?, ?>) parameter;
            names.add(entry.get("name"));
            comparisons.add(entry.get("comparisons"));
            assertThat((Double) entry.get("abs_error")).isLessThan(1e-7);
        }
        assertThat(names).containsExactly("0.weight", "0.bias", "2.weight", "2.bias", "4.weight", "4.bias");
        // 2.weight has 8 × 40 = 320 values: element by element, as every parameter here has at most 512.
        assertThat(comparisons).containsExactly(80L, 40L, 320L, 8L, 24L, 3L);
    }

    @Test
    void aParameterWithMoreThan512ValuesIsCheckedAlong16Directions() {
        Cli.Run run = Cli.run("gradcheck", "--layers", "30,20,2", "--activation", "sigmoid", "--loss", "mse");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("0.weight   20×30       16 directions");
    }

    @Test
    void aFailingParameterIsMarkedAndTheVerdictCountsIt() {
        NetworkCheck check = new NetworkCheck("2-2", Sequential.mlp(2, 2).build(1), Loss.byName("mse"), 2, 2);
        List<NetworkCheck.ParameterResult> results = List.of(
                new NetworkCheck.ParameterResult("0.weight", new int[] {2, 2}, new GradCheck.Result(false, 0, 3, 1.5, 1.0, 4)),
                new NetworkCheck.ParameterResult("0.bias", new int[] {2}, new GradCheck.Result(true, 0, 1, 0.5, 0.5, 2)));

        String table = check.table(results, 4, 1);

        assertThat(table).contains("0.weight   2×2         4 elements", "1.50000000", "5.00e-01  FAIL",
                "FAIL: 1 of 2 parameters disagree with finite differences.");
        assertThat(NetworkCheck.json(check, results)).contains("\"passed\":false");
    }

    @Test
    void aModelAndALayerSpecTogetherAreAUsageError() {
        Cli.Run run = Cli.run("gradcheck", "--model", "m.bpm", "--layers", "2,2");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: --layers and --loss describe a new network");
    }
}

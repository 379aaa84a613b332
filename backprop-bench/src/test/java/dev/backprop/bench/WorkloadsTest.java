package dev.backprop.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class WorkloadsTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return new CommandLine(new Workloads())
        .setOut(new PrintWriter(out))
        .setErr(new PrintWriter(err))
        .execute(args);
  }

  private double figure(String key) {
    Matcher m = Pattern.compile("\"" + key + "\": ([0-9.E]+)").matcher(out.toString());
    assertThat(m.find()).as("%s in %s", key, out).isTrue();
    return Double.parseDouble(m.group(1));
  }

  @Test
  void tinyReportsStepsPerSecondAndPeakMemory() {
    assertThat(run("--workload", "tiny", "--quick")).isZero();
    assertThat(figure("tiny_steps_per_s")).isPositive();
    assertThat(figure("tiny_peak_rss_mib")).isPositive();
    assertThat(out.toString()).contains("\"side\": \"backprop\"", "\"workload\": \"tiny\"", "\"errors\": {}");
  }

  @Test
  void anUnknownWorkloadIsAUsageErrorListingTheNames() {
    assertThat(run("--workload", "mnist")).isEqualTo(2);
    assertThat(err.toString())
        .contains("'mnist' is not a workload; expected one of fmnist-train, fmnist-infer, tiny, gemm");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void fewerThanTwoEpochsAreAUsageError() {
    assertThat(run("--workload", "fmnist-train", "--epochs", "1")).isEqualTo(2);
    assertThat(err.toString()).contains("--epochs 1: at least 2 are needed (the first is warm-up)");
  }

  @Test
  void aNonPositiveGemmSizeIsAUsageError() {
    assertThat(run("--workload", "gemm", "--gemm-sizes", "256,0")).isEqualTo(2);
    assertThat(err.toString()).contains("--gemm-sizes: size 0 is outside [1, 46340]");
  }
}

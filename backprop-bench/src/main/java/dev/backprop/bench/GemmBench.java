package dev.backprop.bench;

import dev.backprop.kernels.Gemm;
import dev.backprop.kernels.Parallel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * GFLOP/s of {@link Gemm#gemm} on square float32 products C = A·B, measured as the PyTorch
 * reference measures numpy: 2n³ / (median seconds per call) after warm-up ({@link CallTimer}). Each product is then
 * checked against double-precision dot products, so a fast wrong kernel reports an error instead
 * of a figure.
 *
 * <p>{@code java -cp benchmarks.jar dev.backprop.bench.GemmBench [--sizes 256,512] [--quick]}
 */
@Command(name = "GemmBench",
    description = "Prints the GFLOP/s of Gemm.gemm on square float32 products as JSON.")
public final class GemmBench implements Callable<Integer> {
  /** Entries of each product checked against a double-precision dot product. */
  private static final int CHECKED_ENTRIES = 64;
  /** Error bound relative to Σ|a·b|: float32 rounding stays orders of magnitude below it. */
  private static final double TOLERANCE = 1e-3;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
  boolean help;

  @Option(names = "--sizes", split = ",", defaultValue = "256,512,1024,2048",
      description = "square sizes n (default: ${DEFAULT-VALUE})")
  List<Integer> sizes;

  @Option(names = "--quick", description = "shorter timing; figures are noisier")
  boolean quick;

  @Option(names = "--seed", defaultValue = "0", description = "seeds the matrices")
  long seed;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** Runs the command; exits 0 when every size has a figure, 1 when one failed its check. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new GemmBench()).execute(args));
  }

  @Override
  public Integer call() {
    Workloads.checkSizes(spec, "--sizes", sizes);
    Parallel.setThreads(RunParameters.THREADS);
    RunParameters parameters = new RunParameters(
        "gemm", RunParameters.defaultEpochs(quick), quick, seed, sizes);
    Measurement m = measure(parameters);
    spec.commandLine().getOut().print(m.report(parameters));
    spec.commandLine().getOut().flush();
    return m.errors().isEmpty() ? 0 : 1;
  }

  /** Figures {@code gemm_gflops_<n>} for each size and {@code gemm_peak_rss_mib}. */
  static Measurement measure(RunParameters p) {
    Map<String, Object> figures = new LinkedHashMap<>();
    Map<String, String> errors = new LinkedHashMap<>();
    Map<String, Object> details = new LinkedHashMap<>();
    SplittableRandom rng = new SplittableRandom(p.seed());
    for (int n : p.gemmSizes()) {
      float[] a = gaussian(rng, n * n);
      float[] b = gaussian(rng, n * n);
      float[] c = new float[n * n];
      CallTimer.Timing timing = CallTimer.time(
          () -> Gemm.gemm(false, false, n, n, n, a, 0, b, 0, c, 0, false),
          p.quick() ? 0.3 : 1.0, p.quick() ? 3 : 5);
      details.put("warmup_calls_" + n, timing.warmup().calls());
      details.put("warmup_seconds_" + n, timing.warmup().seconds());
      details.put("warmup_steady_" + n, timing.warmup().steady());
      double error = maxRelativeError(n, a, b, c, rng.split());
      if (Double.isFinite(error)) {
        details.put("max_relative_error_" + n, error);
      }
      if (error <= TOLERANCE) {
        figures.put("gemm_gflops_" + n, 2.0 * n * n * n / timing.medianSeconds() / 1e9);
      } else {
        errors.put("gemm_gflops_" + n, "Gemm.gemm is wrong at n = " + n + ": an entry is off by "
            + error + " of Σ|a·b| (tolerance " + TOLERANCE + ")");
      }
    }
    figures.put("gemm_peak_rss_mib", ProcessFacts.peakRssMib());
    return new Measurement(figures, errors, details);
  }

  /**
   * The largest |c_ij − Σ_p a_ip·b_pj| / Σ_p |a_ip·b_pj| over randomly chosen entries, the sums in
   * double precision.
   */
  static double maxRelativeError(int n, float[] a, float[] b, float[] c, SplittableRandom rng) {
    double worst = 0;
    for (int s = 0; s < CHECKED_ENTRIES; s++) {
      int i = rng.nextInt(n);
      int j = rng.nextInt(n);
      double exact = 0;
      double scale = 0;
      for (int p = 0; p < n; p++) {
        double term = (double) a[i * n + p] * b[p * n + j];
        exact += term;
        scale += Math.abs(term);
      }
      double error = Math.abs(c[i * n + j] - exact) / Math.max(scale, Double.MIN_NORMAL);
      worst = Math.max(worst, Double.isNaN(error) ? Double.POSITIVE_INFINITY : error);
    }
    return worst;
  }

  private static float[] gaussian(SplittableRandom rng, int count) {
    float[] v = new float[count];
    for (int i = 0; i < count; i++) {
      v[i] = (float) rng.nextGaussian();
    }
    return v;
  }
}

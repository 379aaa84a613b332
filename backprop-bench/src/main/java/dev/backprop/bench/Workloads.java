package dev.backprop.bench;

import dev.backprop.kernels.Parallel;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Runs one workload of BENCHMARKS.md and prints one JSON report with the keys, units and
 * protocol of bench/README.md — the same as bench/pytorch_reference.py's, so
 * bench/compare-pytorch can set the figures side by side.
 *
 * <p>{@code java -cp benchmarks.jar dev.backprop.bench.Workloads --workload tiny [--quick]}
 *
 * <p>Exit status: 0 when the workload produced all its figures, 1 when the report lists errors,
 * 2 for bad arguments.
 */
@Command(name = "Workloads",
    description = "Runs one benchmark workload and prints its figures as JSON.")
public final class Workloads implements Callable<Integer> {
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
  boolean help;

  @Option(names = "--workload", required = true, converter = WorkloadConverter.class,
      description = "fmnist-train, fmnist-infer, tiny or gemm")
  Workload workload;

  @Option(names = "--epochs", description = "fmnist-train epochs, at least 2 (default 10, quick 2)")
  Integer epochs;

  @Option(names = "--quick", description = "shorter runs for a smoke test; figures are noisier")
  boolean quick;

  @Option(names = "--seed", defaultValue = "0", description = "seeds initialization, shuffling and data")
  long seed;

  @Option(names = "--gemm-sizes", split = ",", defaultValue = "256,512,1024,2048",
      description = "square GEMM sizes (default: ${DEFAULT-VALUE})")
  List<Integer> gemmSizes;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new Workloads()).execute(args));
  }

  @Override
  public Integer call() {
    int epochCount = epochs == null ? RunParameters.defaultEpochs(quick) : epochs;
    if (epochCount < 2) {
      throw new ParameterException(spec.commandLine(),
          "--epochs " + epochCount + ": at least 2 are needed (the first is warm-up)");
    }
    checkSizes(spec, "--gemm-sizes", gemmSizes);
    Parallel.setThreads(RunParameters.THREADS);
    RunParameters p = new RunParameters(workload.id, epochCount, quick, seed, gemmSizes);
    Measurement m = switch (workload) {
      case TINY -> TinyWorkload.run(p);
      case GEMM -> GemmBench.measure(p);
      case FMNIST_TRAIN -> FmnistWorkload.train(p, FmnistWorkload.DATA);
      case FMNIST_INFER -> FmnistWorkload.infer(p, FmnistWorkload.DATA);
    };
    spec.commandLine().getOut().print(m.report(p));
    spec.commandLine().getOut().flush();
    return m.errors().isEmpty() ? 0 : 1;
  }

  static void checkSizes(CommandLine.Model.CommandSpec spec, String option, List<Integer> sizes) {
    for (int n : sizes) {
      if (n <= 0 || (long) n * n > Integer.MAX_VALUE) {
        throw new ParameterException(spec.commandLine(),
            option + ": size " + n + " is outside [1, 46340] (n² floats must fit in one array)");
      }
    }
  }

  /** Lets picocli report an unknown workload name as a usage error. */
  static final class WorkloadConverter implements CommandLine.ITypeConverter<Workload> {
    @Override
    public Workload convert(String value) {
      try {
        return Workload.parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}

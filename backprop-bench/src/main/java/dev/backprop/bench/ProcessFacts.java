package dev.backprop.bench;

import dev.backprop.kernels.Gemm;
import dev.backprop.kernels.Parallel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a report records about the process that measured it: peak memory and the runtime. */
final class ProcessFacts {
  private static final Path STATUS = Path.of("/proc/self/status");

  private ProcessFacts() {}

  /**
   * The peak resident set size of this process so far (the kernel's VmHWM), in MiB — the same
   * source the PyTorch reference reads.
   */
  static double peakRssMib() {
    return kibibytes(STATUS, "VmHWM:") / 1024.0;
  }

  static long kibibytes(Path status, String field) {
    List<String> lines;
    try {
      lines = Files.readAllLines(status);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + status + " for the peak resident memory", e);
    }
    for (String line : lines) {
      if (line.startsWith(field)) {
        String[] parts = line.substring(field.length()).trim().split("\\s+");
        if (parts.length != 2 || !parts[1].equals("kB")) {
          throw new IllegalStateException(status + ": expected '" + field + " <n> kB', got '" + line + "'");
        }
        return Long.parseLong(parts[0]);
      }
    }
    throw new IllegalStateException(status + " has no " + field + " line");
  }

  /** The JVM and its flags, the CPU, and the kernels' provider and thread count. */
  static Map<String, Object> environment() {
    Map<String, Object> env = new LinkedHashMap<>();
    env.put("implementation", "backprop " + version());
    env.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    env.put("jvm_arguments", ManagementFactory.getRuntimeMXBean().getInputArguments());
    env.put("vector_api", ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent());
    env.put("gemm_provider", Gemm.providerName());
    env.put("kernel_threads", Parallel.threads());
    env.put("cpu", cpuModel());
    env.put("cpus_available", Runtime.getRuntime().availableProcessors());
    env.put("max_heap_mib", Runtime.getRuntime().maxMemory() / (1024.0 * 1024.0));
    return env;
  }

  private static String version() {
    String v = ProcessFacts.class.getPackage().getImplementationVersion();
    return v == null ? "(development build)" : v;
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim())
          .findFirst()
          .orElse(System.getProperty("os.arch"));
    } catch (IOException e) {
      return System.getProperty("os.arch");
    }
  }
}

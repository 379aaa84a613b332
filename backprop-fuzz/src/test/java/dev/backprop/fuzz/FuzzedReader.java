package dev.backprop.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.BiPredicate;
import java.util.stream.Stream;

/**
 * One reader under fuzzing. Each input is written to the same file and given to every read; a read
 * must return, or throw the reader's documented exception with a message that names the place
 * ({@code placeNamed}). Anything else, or an input that takes more than {@link #SLOW_SECONDS} of
 * the reading thread's CPU time (not wall time: a busy machine or a GC pause is not a hang), becomes
 * an {@link AssertionError}, which Jazzer reports as a finding and saves. The counts are
 * printed and written to {@code ${fuzz.reports}/NAME.txt} by {@link #report()}.
 */
final class FuzzedReader {
  /** One way of reading the file. */
  @FunctionalInterface
  interface Read {
    void from(Path file) throws Exception;
  }

  /** Far beyond what any input of a few kilobytes needs, even instrumented. */
  static final double SLOW_SECONDS = 5;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final String name;
  private final Class<? extends Exception> documented;
  private final BiPredicate<Path, String> placeNamed;
  private final Path folder;
  private final Path file;
  private long inputs;
  private long read;
  private long refused;
  private double slowest;

  /**
   * A reader whose input file is called {@code fileName}, whose messages must start with the file's
   * path.
   */
  FuzzedReader(String name, String fileName, Class<? extends Exception> documented) {
    this(name, fileName, documented, (file, message) -> message.startsWith(file.toString()));
  }

  FuzzedReader(String name, String fileName, Class<? extends Exception> documented,
      BiPredicate<Path, String> placeNamed) {
    this.name = name;
    this.documented = documented;
    this.placeNamed = placeNamed;
    try {
      this.folder = Files.createTempDirectory("backprop-fuzz-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.file = folder.resolve(fileName);
  }

  /** Writes the input and runs each read on it. */
  void check(byte[] input, Read... reads) {
    try {
      Files.write(file, input);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    inputs++;
    try {
      readAll(input, reads);
    } catch (AssertionError finding) {
      keep(input);
      throw finding;
    }
  }

  private void readAll(byte[] input, Read... reads) {
    for (Read r : reads) {
      long start = THREADS.getCurrentThreadCpuTime();
      try {
        r.from(file);
        read++;
      } catch (Exception e) {
        if (!documented.isInstance(e)) {
          throw new AssertionError(name + ": undocumented " + e, e);
        }
        String message = e.getMessage();
        if (message == null || !placeNamed.test(file, message)) {
          throw new AssertionError(name + ": the message does not say where: " + message, e);
        }
        refused++;
      }
      double seconds = (THREADS.getCurrentThreadCpuTime() - start) / 1e9;
      slowest = Math.max(slowest, seconds);
      if (seconds > SLOW_SECONDS) {
        throw new AssertionError(String.format(Locale.ROOT, "%s: one input took %.1f s of CPU time", name, seconds));
      }
    }
  }

  /** Saves a finding's input under {@code ${fuzz.reports}/findings}, for a look at it and a regression seed. */
  private void keep(byte[] input) {
    String reports = System.getProperty("fuzz.reports");
    if (reports == null) {
      return;
    }
    try {
      Path folder = Files.createDirectories(Path.of(reports, "findings"));
      Files.write(folder.resolve(name.replace(' ', '-') + "-" + Integer.toHexString(Arrays.hashCode(input))), input);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Prints and saves the counts, and removes the input file. */
  void report() throws IOException {
    String mode = "1".equals(System.getenv("JAZZER_FUZZ")) ? "fuzzing" : "regression";
    String line = String.format(Locale.ROOT, "%s (%s): %d inputs, %d reads returned, %d refused with %s,"
        + " slowest %.3f s of CPU time", name, mode, inputs, read, refused, documented.getSimpleName(), slowest);
    System.out.println(line);
    String reports = System.getProperty("fuzz.reports");
    if (reports != null) {
      Files.createDirectories(Path.of(reports));
      Files.writeString(Path.of(reports, name + "-" + mode + ".txt"), line + System.lineSeparator());
    }
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}

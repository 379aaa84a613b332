package dev.backprop.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Times repeated calls of one operation after warm-up, with the protocol of bench/README.md
 * that the PyTorch reference follows too.
 *
 * <p>Warm-up runs the call in slices of at least 0.2 s and lasts until the budget has passed and
 * the calls are steady: the median per-call time of the last five slices within 10% of that of
 * the five before, with no JIT compilation during the last five. A time budget alone is not
 * enough for a JIT: the Vector API kernels run ~100× slower until C2 has compiled them, and on a
 * busy machine the tensor API took several seconds to reach full speed, in plateaus that short
 * windows mistake for steadiness. Warm-up gives up after 60 s and says so.
 */
final class CallTimer {
  private static final int WINDOW = 5;
  private static final double SLICE_SECONDS = 0.2;
  private static final double STEADY = 0.10;
  private static final double WARMUP_LIMIT_SECONDS = 60;
  private static final double LONG_SECONDS = 10;

  private CallTimer() {}

  /**
   * The result of {@link #warmUp}.
   *
   * @param calls how many calls warm-up took
   * @param seconds how long it took
   * @param steady whether warm-up ended steady rather than at its limit
   */
  record Warmup(long calls, double seconds, boolean steady) {}

  /**
   * The result of {@link #time}.
   *
   * @param medianSeconds the median of the timed calls
   * @param warmup how warm-up went
   */
  record Timing(double medianSeconds, Warmup warmup) {}

  /**
   * Calls {@code call} in slices until they total {@code budgetSeconds} and are steady (see the
   * class description), or 60 s.
   */
  static Warmup warmUp(Runnable call, double budgetSeconds) {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    boolean jitVisible = jit != null && jit.isCompilationTimeMonitoringSupported();
    List<Double> perCall = new ArrayList<>();
    List<Long> jitMillis = new ArrayList<>();
    long calls = 0;
    double total = 0;
    while (total < WARMUP_LIMIT_SECONDS) {
      long start = System.nanoTime();
      long sliceCalls = 0;
      double elapsed;
      do {
        call.run();
        sliceCalls++;
        elapsed = (System.nanoTime() - start) / 1e9;
      } while (elapsed < SLICE_SECONDS);
      calls += sliceCalls;
      total += elapsed;
      perCall.add(elapsed / sliceCalls);
      jitMillis.add(jitVisible ? jit.getTotalCompilationTime() : 0L);
      if (total >= budgetSeconds && isSteady(perCall) && jitIdle(jitMillis)) {
        return new Warmup(calls, total, true);
      }
    }
    return new Warmup(calls, total, false);
  }

  /** Whether the JIT compiled nothing during the last five slices. */
  static boolean jitIdle(List<Long> millisAtSliceEnds) {
    int n = millisAtSliceEnds.size();
    return n > WINDOW && millisAtSliceEnds.get(n - 1).equals(millisAtSliceEnds.get(n - 1 - WINDOW));
  }

  /**
   * Warms up (see {@link #warmUp}), then times calls one by one until at least {@code minCalls}
   * total {@code budgetSeconds}, or at least 3 total 10 s.
   */
  static Timing time(Runnable call, double budgetSeconds, int minCalls) {
    Warmup warmup = warmUp(call, budgetSeconds);
    List<Double> timed = new ArrayList<>();
    double total = 0;
    while (!(timed.size() >= minCalls && total >= budgetSeconds || timed.size() >= 3 && total >= LONG_SECONDS)) {
      timed.add(seconds(call));
      total += timed.get(timed.size() - 1);
    }
    return new Timing(Stats.median(timed), warmup);
  }

  /** Whether the median of the last five per-call times is within 10% of the median of the five before. */
  static boolean isSteady(List<Double> times) {
    int n = times.size();
    if (n < 2 * WINDOW) {
      return false;
    }
    double recent = Stats.median(times.subList(n - WINDOW, n));
    double before = Stats.median(times.subList(n - 2 * WINDOW, n - WINDOW));
    return Math.abs(recent - before) <= STEADY * before;
  }

  private static double seconds(Runnable call) {
    long start = System.nanoTime();
    call.run();
    return (System.nanoTime() - start) / 1e9;
  }
}

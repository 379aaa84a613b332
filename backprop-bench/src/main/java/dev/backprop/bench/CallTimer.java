package dev.backprop.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Times repeated calls of one operation after warm-up, with the protocol of bench/README.md
 * that the PyTorch reference follows too.
 *
 * <p>Warm-up lasts until the budget has passed and the calls are steady: the median of the last
 * five within 10% of the median of the five before. A time budget alone is not enough for a JIT:
 * the Vector API kernels run ~100× slower until C2 has compiled them, which takes seconds when
 * the machine is busy. Warm-up gives up after 60 s and says so.
 */
final class CallTimer {
  private static final int WINDOW = 5;
  private static final double STEADY = 0.10;
  private static final double WARMUP_LIMIT_SECONDS = 60;
  private static final double LONG_SECONDS = 10;

  private CallTimer() {}

  /**
   * The result of {@link #time}.
   *
   * @param medianSeconds the median of the timed calls
   * @param warmupCalls how many calls warm-up took
   * @param steady whether warm-up ended steady rather than at its limit
   */
  record Timing(double medianSeconds, int warmupCalls, boolean steady) {}

  /**
   * Warms up (see the class description) for at least {@code budgetSeconds}, then times calls
   * one by one until at least {@code minCalls} total {@code budgetSeconds}, or at least 3 total
   * 10 s.
   */
  static Timing time(Runnable call, double budgetSeconds, int minCalls) {
    List<Double> warmup = new ArrayList<>();
    double warmupTotal = 0;
    boolean steady = false;
    while (warmupTotal < WARMUP_LIMIT_SECONDS) {
      warmup.add(seconds(call));
      warmupTotal += warmup.get(warmup.size() - 1);
      steady = isSteady(warmup);
      if (warmupTotal >= budgetSeconds && steady) {
        break;
      }
    }
    List<Double> timed = new ArrayList<>();
    double total = 0;
    while (!(timed.size() >= minCalls && total >= budgetSeconds || timed.size() >= 3 && total >= LONG_SECONDS)) {
      timed.add(seconds(call));
      total += timed.get(timed.size() - 1);
    }
    return new Timing(Stats.median(timed), warmup.size(), steady);
  }

  /** Whether the median of the last five times is within 10% of the median of the five before. */
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

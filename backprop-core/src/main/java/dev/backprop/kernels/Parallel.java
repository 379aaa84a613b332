package dev.backprop.kernels;

/**
 * A fixed-chunk parallel loop over one shared pool of daemon threads.
 *
 * <p>Work is split into a number of chunks chosen by the caller from the problem size alone; the
 * pool only decides which thread runs which chunk. A kernel whose chunks write disjoint outputs,
 * each computed in a fixed order, therefore gives the same bits with 1 thread or 64.
 *
 * <p>The pool holds {@code threads() - 1} workers; the calling thread always takes part. The
 * thread count defaults to the number of available processors and can be set with the system
 * property {@code backprop.threads} or {@link #setThreads(int)}. A loop with one chunk, a loop
 * started from inside a chunk, and a loop started while another caller holds the pool run on the
 * calling thread alone, without hand-off or allocation.
 */
public final class Parallel {

  /** The body of a parallel loop: computes one chunk. */
  @FunctionalInterface
  public interface ChunkTask {
    /** Computes chunk {@code chunk}, in [0, chunks). Called once per chunk, from any thread. */
    void run(int chunk);
  }

  private static final String THREADS_PROPERTY = "backprop.threads";

  private static volatile int threads = initialThreads();
  private static volatile WorkerPool pool;

  private Parallel() {}

  /** The number of threads a parallel loop uses, the calling thread included. */
  public static int threads() {
    return threads;
  }

  /**
   * Sets the number of threads parallel loops use, the calling thread included; 1 turns
   * parallelism off. The workers of the previous setting stop once they finish their chunks.
   *
   * @throws IllegalArgumentException if {@code count < 1}
   */
  public static synchronized void setThreads(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("thread count must be >= 1 but was " + count);
    }
    threads = count;
    if (pool != null) {
      pool.shutdown();
      pool = null;
    }
  }

  /**
   * Runs {@code task.run(i)} for every i in [0, chunks) and returns when all have finished. If a
   * chunk throws, the remaining chunks still run and the first exception is rethrown here.
   *
   * @throws IllegalArgumentException if {@code chunks < 0}
   */
  public static void forEachChunk(int chunks, ChunkTask task) {
    if (chunks < 0) {
      throw new IllegalArgumentException("chunk count must be >= 0 but was " + chunks);
    }
    if (chunks > 1 && threads > 1 && !(Thread.currentThread() instanceof WorkerPool.Worker)) {
      WorkerPool p = pool();
      if (p.tryRun(chunks, task)) {
        return;
      }
    }
    for (int i = 0; i < chunks; i++) {
      task.run(i);
    }
  }

  private static WorkerPool pool() {
    WorkerPool p = pool;
    if (p == null) {
      synchronized (Parallel.class) {
        if (pool == null) {
          pool = new WorkerPool(threads - 1);
        }
        p = pool;
      }
    }
    return p;
  }

  private static int initialThreads() {
    String value = System.getProperty(THREADS_PROPERTY);
    if (value == null) {
      return Runtime.getRuntime().availableProcessors();
    }
    try {
      int count = Integer.parseInt(value.trim());
      if (count >= 1) {
        return count;
      }
    } catch (NumberFormatException e) {
      // reported below with the offending value
    }
    throw new IllegalArgumentException(
        "system property " + THREADS_PROPERTY + " must be an integer >= 1 but was '" + value + "'");
  }
}

package dev.backprop.kernels;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The daemon threads behind {@link Parallel}: one loop at a time, chunks claimed from a shared
 * counter, nothing allocated per loop.
 *
 * <p>The claim counter holds the loop's generation in its high 32 bits and the next unclaimed
 * chunk in its low 32 bits. A new loop first moves the counter to its own generation, closed,
 * then publishes its task and chunk count, then opens the counter. A worker that read an old claim
 * and then the fields of the newer loop cannot run a chunk with them: its compare-and-set names
 * the old generation and fails.
 */
final class WorkerPool {

  /** How long an idle thread spins before parking; a short spin keeps back-to-back loops cheap. */
  private static final long SPIN_NANOS = 20_000L;

  /** A chunk index beyond any loop: a generation whose counter reads this has no chunks to give. */
  private static final long CLOSED = Integer.MAX_VALUE;

  /** A pool thread; loops started from one run inline, so nested loops never wait on the pool. */
  static final class Worker extends Thread {
    Worker(Runnable body, String name) {
      super(body, name);
    }
  }

  private final Worker[] workers;
  private final AtomicBoolean busy = new AtomicBoolean();
  private final AtomicLong claims = new AtomicLong();
  private final AtomicInteger completed = new AtomicInteger();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private volatile Parallel.ChunkTask task;
  private volatile int chunks;
  private volatile Thread caller;
  private volatile boolean shutdown;

  WorkerPool(int workerCount) {
    workers = new Worker[workerCount];
    for (int i = 0; i < workerCount; i++) {
      workers[i] = new Worker(this::workLoop, "backprop-worker-" + (i + 1));
      workers[i].setDaemon(true);
      workers[i].start();
    }
  }

  /**
   * Runs the loop on the pool and the calling thread, or returns false at once when another loop
   * holds the pool.
   */
  boolean tryRun(int chunkCount, Parallel.ChunkTask body) {
    if (!busy.compareAndSet(false, true)) {
      return false;
    }
    try {
      long generation = (claims.get() >>> 32) + 1;
      // Close the old generation before publishing the new loop: a late worker holding an old
      // claim must fail its compare-and-set rather than run a chunk of this loop with it.
      claims.set(generation << 32 | CLOSED);
      task = body;
      chunks = chunkCount;
      caller = Thread.currentThread();
      completed.set(0);
      failure.set(null);
      claims.set(generation << 32);
      for (Worker w : workers) {
        LockSupport.unpark(w);
      }
      work(generation);
      awaitCompletion(chunkCount);
      task = null;
    } finally {
      busy.set(false);
    }
    rethrow(failure.getAndSet(null));
    return true;
  }

  void shutdown() {
    shutdown = true;
    for (Worker w : workers) {
      LockSupport.unpark(w);
    }
  }

  private void work(long generation) {
    while (true) {
      long claim = claims.get();
      Parallel.ChunkTask body = task;
      int count = chunks;
      int chunk = (int) claim;
      if ((claim >>> 32) != generation || chunk >= count) {
        return;
      }
      if (!claims.compareAndSet(claim, claim + 1)) {
        continue;
      }
      try {
        body.run(chunk);
      } catch (Throwable t) {
        failure.compareAndSet(null, t);
      }
      if (completed.incrementAndGet() == count) {
        LockSupport.unpark(caller);
      }
    }
  }

  private void awaitCompletion(int chunkCount) {
    long spinUntil = System.nanoTime() + SPIN_NANOS;
    while (completed.get() < chunkCount) {
      if (System.nanoTime() < spinUntil) {
        Thread.onSpinWait();
      } else {
        LockSupport.park(this);
      }
    }
  }

  private void workLoop() {
    long seen = 0;
    long spinUntil = System.nanoTime() + SPIN_NANOS;
    while (!shutdown) {
      long claim = claims.get();
      long generation = claim >>> 32;
      // A generation still closed is being published: come back once it opens, or this worker
      // would mark it seen and sit the loop out.
      if (generation != seen && (claim & CLOSED) != CLOSED) {
        seen = generation;
        work(generation);
        spinUntil = System.nanoTime() + SPIN_NANOS;
      } else if (System.nanoTime() < spinUntil) {
        Thread.onSpinWait();
      } else {
        // A pending interrupt would make park return at once, turning the wait into a spin.
        Thread.interrupted();
        LockSupport.park(this);
      }
    }
  }

  private static void rethrow(Throwable t) {
    if (t instanceof RuntimeException) {
      throw (RuntimeException) t;
    }
    if (t instanceof Error) {
      throw (Error) t;
    }
    if (t != null) {
      throw new IllegalStateException("a parallel chunk failed", t);
    }
  }
}

package dev.backprop.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParallelTest {

  private final int threadsBefore = Parallel.threads();

  @AfterEach
  void restoreThreads() {
    Parallel.setThreads(threadsBefore);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 4})
  void everyChunkRunsExactlyOnce(int threads) {
    Parallel.setThreads(threads);
    for (int chunks : new int[] {0, 1, 2, 7, 1000}) {
      AtomicIntegerArray runs = new AtomicIntegerArray(chunks);
      Parallel.forEachChunk(chunks, runs::incrementAndGet);
      for (int i = 0; i < chunks; i++) {
        assertThat(runs.get(i)).as("runs of chunk %d of %d", i, chunks).isEqualTo(1);
      }
    }
  }

  @Test
  void backToBackLoopsOfDifferentSizesNeverRunAChunkTwice() {
    // Regression: a worker late from a 7-chunk loop once ran chunk 7 of the next 1000-chunk loop.
    Parallel.setThreads(3);
    int[] sizes = {7, 1000, 1, 64, 3, 500};
    for (int loop = 0; loop < 6_000; loop++) {
      int chunks = sizes[loop % sizes.length];
      AtomicIntegerArray runs = new AtomicIntegerArray(chunks);
      Parallel.forEachChunk(chunks, runs::incrementAndGet);
      for (int i = 0; i < chunks; i++) {
        if (runs.get(i) != 1) {
          assertThat(runs.get(i)).as("loop %d: runs of chunk %d of %d", loop, i, chunks).isEqualTo(1);
        }
      }
    }
  }

  @Test
  void chunksAreSharedWithPoolThreads() {
    Parallel.setThreads(2);
    Set<String> threadNames = ConcurrentHashMap.newKeySet();
    for (int attempt = 0; attempt < 200 && threadNames.size() < 2; attempt++) {
      Parallel.forEachChunk(64, chunk -> {
        threadNames.add(Thread.currentThread().getName());
        sleepBriefly();
      });
    }
    assertThat(threadNames).contains(Thread.currentThread().getName())
        .anyMatch(name -> name.startsWith("backprop-worker-"));
  }

  @Test
  void theFirstFailureOfAChunkReachesTheCallerAfterTheOtherChunksRan() {
    Parallel.setThreads(3);
    AtomicIntegerArray runs = new AtomicIntegerArray(50);
    assertThatThrownBy(() -> Parallel.forEachChunk(50, chunk -> {
      runs.incrementAndGet(chunk);
      if (chunk == 17) {
        throw new IllegalStateException("chunk 17 failed");
      }
    })).isInstanceOf(IllegalStateException.class).hasMessage("chunk 17 failed");
    for (int i = 0; i < 50; i++) {
      assertThat(runs.get(i)).as("runs of chunk %d", i).isEqualTo(1);
    }
    // The pool is usable afterwards.
    AtomicIntegerArray again = new AtomicIntegerArray(10);
    Parallel.forEachChunk(10, again::incrementAndGet);
    assertThat(again.toString()).isEqualTo("[1, 1, 1, 1, 1, 1, 1, 1, 1, 1]");
  }

  @Test
  void loopsStartedInsideAChunkRunInlineWithoutDeadlock() {
    Parallel.setThreads(2);
    AtomicIntegerArray runs = new AtomicIntegerArray(8 * 8);
    Parallel.forEachChunk(8, outer -> Parallel.forEachChunk(8, inner ->
        runs.incrementAndGet(outer * 8 + inner)));
    for (int i = 0; i < 64; i++) {
      assertThat(runs.get(i)).isEqualTo(1);
    }
  }

  @Test
  void concurrentCallersEachGetAllTheirChunks() throws Exception {
    Parallel.setThreads(2);
    ExecutorService callers = Executors.newFixedThreadPool(4);
    try {
      List<Future<AtomicIntegerArray>> results = new ArrayList<>();
      for (int caller = 0; caller < 4; caller++) {
        results.add(callers.submit(() -> {
          AtomicIntegerArray runs = new AtomicIntegerArray(300);
          for (int round = 0; round < 50; round++) {
            Parallel.forEachChunk(300, runs::incrementAndGet);
          }
          return runs;
        }));
      }
      for (Future<AtomicIntegerArray> result : results) {
        AtomicIntegerArray runs = result.get();
        for (int i = 0; i < 300; i++) {
          assertThat(runs.get(i)).as("runs of chunk %d", i).isEqualTo(50);
        }
      }
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void workersInterruptedByAChunkStillGoBackToSleep() throws InterruptedException {
    Parallel.setThreads(2);
    AtomicBoolean interrupted = new AtomicBoolean();
    for (int round = 0; round < 200 && !interrupted.get(); round++) {
      Parallel.forEachChunk(8, chunk -> {
        if (Thread.currentThread().getName().startsWith("backprop-worker-")) {
          Thread.currentThread().interrupt();
          interrupted.set(true);
        }
        sleepBriefly();
      });
    }
    assertThat(interrupted).as("a worker ran a chunk").isTrue();
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (!allWorkersParked() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(allWorkersParked()).as("every idle worker parked, none spinning").isTrue();
    AtomicIntegerArray runs = new AtomicIntegerArray(100);
    Parallel.forEachChunk(100, runs::incrementAndGet);
    for (int i = 0; i < 100; i++) {
      assertThat(runs.get(i)).isEqualTo(1);
    }
  }

  private static boolean allWorkersParked() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("backprop-worker-") && t.isAlive())
        .allMatch(t -> t.getState() == Thread.State.WAITING);
  }

  @Test
  void invalidCountsAreRejected() {
    assertThatThrownBy(() -> Parallel.setThreads(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("thread count must be >= 1 but was 0");
    assertThatThrownBy(() -> Parallel.forEachChunk(-1, chunk -> { }))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("chunk count must be >= 0 but was -1");
  }

  private static void sleepBriefly() {
    try {
      Thread.sleep(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package dev.backprop.nn.internal;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Inference scratch handed to concurrent callers: each call takes a buffer pair no other thread
 * holds and gives it back afterwards, so predictions from many threads stay independent and, in
 * the steady state, allocate nothing. Beyond {@value #SLOTS} simultaneous callers the extra ones
 * get fresh buffers that are dropped afterwards.
 */
final class ScratchPool {
  private static final int SLOTS = 8;

  /** Two ping-pong activation buffers of {@code capacity} rows of the widest layer. */
  static final class Scratch {
    private final int width;
    int capacity;
    float[] even = new float[0];
    float[] odd = new float[0];

    Scratch(int width) {
      this.width = width;
    }

    /** Grows the buffers to hold {@code rows} rows; they never shrink. */
    void ensure(int rows) {
      if (rows > capacity) {
        capacity = rows;
        even = new float[rows * width];
        odd = new float[rows * width];
      }
    }
  }

  private final AtomicReferenceArray<Scratch> spare = new AtomicReferenceArray<>(SLOTS);
  private final int width;

  ScratchPool(int width) {
    this.width = width;
  }

  Scratch take() {
    for (int i = 0; i < SLOTS; i++) {
      Scratch s = spare.getAndSet(i, null);
      if (s != null) {
        return s;
      }
    }
    return new Scratch(width);
  }

  void give(Scratch s) {
    for (int i = 0; i < SLOTS; i++) {
      if (spare.compareAndSet(i, null, s)) {
        return;
      }
    }
  }
}

package dev.backprop.nn.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.backprop.nn.Dense;
import dev.backprop.nn.MeanSquaredError;
import dev.backprop.nn.Sequential;
import dev.backprop.nn.Sigmoid;
import dev.backprop.tensor.Tensor;
import dev.backprop.tensor.internal.TensorData;
import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A fused training step in the steady state allocates nothing: measured with the JVM's per-thread
 * allocation counter over many steps of the TINY workload (2-8-8-1 sigmoid, MSE, SGD, batch 4).
 */
class AllocationTest {
  private static final int STEPS = 10_000;

  @Test
  void tinyTrainingStepsWithSgdAllocateNothingInTheSteadyState() {
    com.sun.management.ThreadMXBean threads = threadBean();
    SplittableRandom rng = new SplittableRandom(3);
    Sequential net = new Sequential(new Dense(2, 8, rng), new Sigmoid(), new Dense(8, 8, rng),
        new Sigmoid(), new Dense(8, 1, rng), new Sigmoid());
    FusedTraining step = FusedMlp.compile(net).orElseThrow().training(new MeanSquaredError()).orElseThrow();
    float[] x = RandomMlps.floats(rng, 64 * 2, 0, 1);
    float[] t = new float[64];
    for (int i = 0; i < t.length; i++) {
      t[i] = (x[2 * i] > 0.5f) != (x[2 * i + 1] > 0.5f) ? 1 : 0;
    }
    Tensor[] params = net.parameters().toArray(new Tensor[0]);
    double first = trainSgd(step, params, x, t, STEPS);
    long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
    double last = trainSgd(step, params, x, t, STEPS);
    long bytes = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;

    assertThat((double) bytes / STEPS).as("bytes per step").isLessThan(64);
    assertThat(last).as("the steps do train").isLessThan(first);
  }

  /** Runs steps over 16 batches of 4 with zeroed gradients and θ ← θ − 0.1·∂L/∂θ; returns the mean loss. */
  private static double trainSgd(FusedTraining step, Tensor[] params, float[] x, float[] t, int steps) {
    double total = 0;
    for (int s = 0; s < steps; s++) {
      for (Tensor p : params) {
        p.zeroGrad();
      }
      int batch = s % 16;
      total += step.step(x, batch * 8, 4, t, batch * 4);
      for (Tensor p : params) {
        float[] theta = TensorData.floats(p);
        float[] grad = TensorData.floats(p.grad());
        for (int i = 0; i < theta.length; i++) {
          theta[i] -= 0.1f * grad[i];
        }
      }
    }
    return total / steps;
  }

  private static com.sun.management.ThreadMXBean threadBean() {
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "per-thread allocation counters");
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
    assumeTrue(threads.isThreadAllocatedMemorySupported(), "per-thread allocation counters");
    threads.setThreadAllocatedMemoryEnabled(true);
    return threads;
  }
}

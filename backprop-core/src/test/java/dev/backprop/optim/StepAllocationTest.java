package dev.backprop.optim;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.ThreadMXBean;
import dev.backprop.tensor.DType;
import dev.backprop.tensor.Tensor;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Optimizer#step()} allocates nothing once warmed up: the bytes this thread allocates over
 * 1,000 steps stay below a small constant (the measurement's own overhead), where a single
 * 16-byte object per step would come to 16,000.
 */
class StepAllocationTest {
  private static final long ALLOWANCE = 1024;

  static List<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (OptimizerSpec spec : OptimizerStateTest.variants()) {
      for (DType dtype : Fixtures.DTYPES) {
        cases.add(Arguments.of(spec, dtype));
      }
    }
    return cases;
  }

  @ParameterizedTest
  @MethodSource("cases")
  void stepAllocatesNothingInSteadyState(OptimizerSpec spec, DType dtype) {
    SplittableRandom random = new SplittableRandom(3);
    Map<String, Tensor> params = new LinkedHashMap<>();
    params.put("w", Fixtures.param(dtype, random.doubles(256, -1, 1).toArray()));
    params.put("b", Fixtures.param(dtype, random.doubles(17, -1, 1).toArray()));
    params.put("unused", Fixtures.param(dtype, 1, 2));
    params.forEach((name, p) -> {
      if (!name.equals("unused")) {
        Fixtures.setGrad(p, random.doubles(p.numel(), -1e-3, 1e-3).toArray());
      }
    });
    Optimizer opt = spec.create(params);
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    // The first reading may initialize the bean's own machinery: take it during the warm-up.
    threads.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < 1000; i++) {
      opt.step();
    }
    long before = threads.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < 1000; i++) {
      opt.step();
    }
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertThat(allocated).isLessThan(ALLOWANCE);
  }
}

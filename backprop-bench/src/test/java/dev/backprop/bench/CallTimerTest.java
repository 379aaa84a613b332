package dev.backprop.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CallTimerTest {
  @Test
  void tenCallsOfEqualTimeAreSteady() {
    assertThat(CallTimer.isSteady(List.of(1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0))).isTrue();
  }

  @Test
  void fewerThanTenCallsAreNeverSteady() {
    assertThat(CallTimer.isSteady(List.of(1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0))).isFalse();
  }

  @Test
  void callsStillSpeedingUpAreNotSteady() {
    // Medians 2.0 then 1.0: the JIT is still compiling.
    assertThat(CallTimer.isSteady(List.of(2.0, 2.0, 2.0, 2.0, 2.0, 1.0, 1.0, 1.0, 1.0, 1.0))).isFalse();
  }

  @Test
  void oneOutlierInAWindowDoesNotBreakSteadiness() {
    assertThat(CallTimer.isSteady(List.of(9.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.05, 30.0, 0.98, 1.0))).isTrue();
  }

  @Test
  void theJitIsIdleWhenNoCompilationTimeAccruedOverTheLastFiveSlices() {
    assertThat(CallTimer.jitIdle(List.of(90L, 100L, 100L, 100L, 100L, 100L, 100L))).isTrue();
    assertThat(CallTimer.jitIdle(List.of(90L, 95L, 100L, 100L, 100L, 100L, 100L))).isFalse();
    assertThat(CallTimer.jitIdle(List.of(100L, 100L, 100L, 100L, 100L))).isFalse();
  }

  @Test
  void warmUpRunsUntilTheCallsAreSteadyAndTheTimedCallsFollow() {
    long[] calls = {0};
    CallTimer.Timing timing = CallTimer.time(() -> calls[0]++, 0.0, 3);
    assertThat(timing.warmup().calls()).isGreaterThanOrEqualTo(10);
    assertThat(timing.warmup().seconds()).isGreaterThanOrEqualTo(1.0);
    assertThat(timing.warmup().steady()).isTrue();
    assertThat(calls[0]).isGreaterThanOrEqualTo(timing.warmup().calls() + 3);
    assertThat(timing.medianSeconds()).isGreaterThanOrEqualTo(0);
  }
}

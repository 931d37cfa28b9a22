package io.painguard.bench.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ThroughputTest {

  private static final long S = 1_000_000_000L;

  @Test
  void wholeRunRateIsRecordsOverReadyToLagZero() {
    // Given 1,000 records, ready at t=0, committed in steps, all done at t=10 s
    List<Throughput.Sample> samples = List.of(
        new Throughput.Sample(2 * S, 100),
        new Throughput.Sample(5 * S, 400),
        new Throughput.Sample(10 * S, 1_000));

    // When
    Throughput t = Throughput.of(0, samples, 1_000, 0.2);

    // Then
    assertThat(t.seconds()).isEqualTo(10.0);
    assertThat(t.recordsPerSecond()).isEqualTo(100.0);
    // steady: from the first sample at or past 20 % (400 at 5 s) to the end: 600 records in 5 s
    assertThat(t.steadyRecordsPerSecond()).isCloseTo(120.0, within(1e-9));
    assertThat(t.warmupShare()).isEqualTo(0.2);
  }

  @Test
  void withoutASampleBetweenWarmUpAndEndTheSteadyRateIsTheWholeRunRate() {
    List<Throughput.Sample> samples = List.of(new Throughput.Sample(4 * S, 1_000));

    Throughput t = Throughput.of(0, samples, 1_000, 0.2);

    assertThat(t.steadyRecordsPerSecond()).isEqualTo(t.recordsPerSecond()).isEqualTo(250.0);
  }

  @Test
  void ratiosCompareRates() {
    Throughput fast = new Throughput(1_000, 1, 1_000, 2_000, 0.2);
    Throughput slow = new Throughput(1_000, 2, 500, 1_500, 0.2);

    assertThat(slow.ratioTo(fast)).isEqualTo(0.5);
    assertThat(slow.steadyRatioTo(fast)).isEqualTo(0.75);
    assertThat(slow.ratioTo(new Throughput(0, 0, 0, 0, 0))).isZero();
  }

  @Test
  void refusesAnUnfinishedRun() {
    List<Throughput.Sample> samples = List.of(new Throughput.Sample(S, 999));

    assertThatThrownBy(() -> Throughput.of(0, samples, 1_000, 0.2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("999 of 1000");
  }
}

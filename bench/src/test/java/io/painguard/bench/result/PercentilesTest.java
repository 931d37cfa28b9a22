package io.painguard.bench.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

  private static final long MS = 1_000_000;

  /** HdrHistogram's 3 significant digits, plus the microsecond rounding of the result. */
  private static final double PRECISION_PERCENT = 0.11;

  @Test
  void nearestRankOfOneToAHundredMillisecondsIsTheRankItself() {
    // Given 1..100 ms, shuffled
    long[] latencies = LongStream.rangeClosed(1, 100).map(i -> ((i * 37) % 100 + 1) * MS).toArray();

    // When
    Percentiles p = Percentiles.ofNanos(latencies);

    // Then
    assertThat(p.count()).isEqualTo(100);
    assertThat(p.p50Millis()).isCloseTo(50.0, withinPercentage(PRECISION_PERCENT));
    assertThat(p.p95Millis()).isCloseTo(95.0, withinPercentage(PRECISION_PERCENT));
    assertThat(p.p99Millis()).isCloseTo(99.0, withinPercentage(PRECISION_PERCENT));
    assertThat(p.minMillis()).isCloseTo(1.0, withinPercentage(PRECISION_PERCENT));
    assertThat(p.maxMillis()).isCloseTo(100.0, withinPercentage(PRECISION_PERCENT));
    assertThat(p.meanMillis()).isCloseTo(50.5, withinPercentage(PRECISION_PERCENT));
  }

  @Test
  void smallSamplesRoundTheRankUp() {
    // Given 10 samples: 10, 20, ... 100 ms
    long[] latencies = LongStream.rangeClosed(1, 10).map(i -> i * 10 * MS).toArray();

    // When
    Percentiles p = Percentiles.ofNanos(latencies);

    // Then p95 and p99 are both the slowest, p50 the fifth
    assertThat(p.p50Millis()).isCloseTo(50.0, withinPercentage(PRECISION_PERCENT));
    assertThat(p.p95Millis()).isCloseTo(100.0, withinPercentage(PRECISION_PERCENT));
    assertThat(p.p99Millis()).isCloseTo(100.0, withinPercentage(PRECISION_PERCENT));
  }

  @Test
  void oneSampleIsEveryFigure() {
    // Given one latency of 1.234567 ms
    long[] latencies = {1_234_567};

    // When
    Percentiles p = Percentiles.ofNanos(latencies);

    // Then
    assertThat(p.count()).isEqualTo(1);
    for (double figure : new double[] {p.minMillis(), p.p50Millis(), p.p99Millis(), p.maxMillis(), p.meanMillis()}) {
      assertThat(figure).isCloseTo(1.2346, withinPercentage(PRECISION_PERCENT));
    }
  }

  @Test
  void aSlowOutlierMovesTheMaxButNotTheMedian() {
    // Given 99 samples of 5 ms and one of 30 s (a value far beyond the histogram's first range)
    long[] latencies = LongStream.concat(LongStream.generate(() -> 5 * MS).limit(99), LongStream.of(30_000 * MS)).toArray();

    // When
    Percentiles p = Percentiles.ofNanos(latencies);

    // Then
    assertThat(p.p50Millis()).isCloseTo(5.0, withinPercentage(PRECISION_PERCENT));
    assertThat(p.p99Millis()).isCloseTo(5.0, withinPercentage(PRECISION_PERCENT));
    assertThat(p.maxMillis()).isCloseTo(30_000.0, withinPercentage(PRECISION_PERCENT));
    assertThat(p.meanMillis()).isCloseTo((99 * 5 + 30_000) / 100.0, withinPercentage(PRECISION_PERCENT));
  }

  @Test
  void noSamplesGiveTheEmptyResult() {
    assertThat(Percentiles.ofNanos(new long[0])).isEqualTo(Percentiles.EMPTY);
  }

  @Test
  void theInputIsNotReordered() {
    // Given
    long[] latencies = {3, 1, 2};

    // When
    Percentiles.ofNanos(latencies);

    // Then
    assertThat(latencies).containsExactly(3, 1, 2);
  }
}

package io.painguard.bench.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

  private static final long MS = 1_000_000;

  @Test
  void nearestRankOfOneToAHundredMillisecondsIsTheRankItself() {
    // Given 1..100 ms, shuffled
    long[] latencies = LongStream.rangeClosed(1, 100).map(i -> ((i * 37) % 100 + 1) * MS).toArray();

    // When
    Percentiles p = Percentiles.ofNanos(latencies);

    // Then
    assertThat(p.count()).isEqualTo(100);
    assertThat(p.p50Millis()).isEqualTo(50.0);
    assertThat(p.p95Millis()).isEqualTo(95.0);
    assertThat(p.p99Millis()).isEqualTo(99.0);
    assertThat(p.minMillis()).isEqualTo(1.0);
    assertThat(p.maxMillis()).isEqualTo(100.0);
    assertThat(p.meanMillis()).isEqualTo(50.5);
  }

  @Test
  void smallSamplesRoundTheRankUp() {
    // 10 samples: p95 and p99 are both the slowest, p50 the fifth
    long[] latencies = LongStream.rangeClosed(1, 10).map(i -> i * 10 * MS).toArray();

    Percentiles p = Percentiles.ofNanos(latencies);

    assertThat(p.p50Millis()).isEqualTo(50.0);
    assertThat(p.p95Millis()).isEqualTo(100.0);
    assertThat(p.p99Millis()).isEqualTo(100.0);
  }

  @Test
  void oneSampleIsEveryPercentile() {
    Percentiles p = Percentiles.ofNanos(new long[] {1_234_567});

    assertThat(p.p50Millis()).isEqualTo(1.235);
    assertThat(p.p99Millis()).isEqualTo(1.235);
    assertThat(p.count()).isEqualTo(1);
  }

  @Test
  void noSamplesGiveTheEmptyResult() {
    assertThat(Percentiles.ofNanos(new long[0])).isEqualTo(Percentiles.EMPTY);
  }

  @Test
  void theInputIsNotReordered() {
    long[] latencies = {3, 1, 2};

    Percentiles.ofNanos(latencies);

    assertThat(latencies).containsExactly(3, 1, 2);
  }

  @Test
  void rankRejectsPercentilesOutsideTheRange() {
    assertThatThrownBy(() -> Percentiles.rank(new long[] {1}, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Percentiles.rank(new long[] {1}, 100.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Percentiles.rank(new long[0], 50)).isInstanceOf(IllegalArgumentException.class);
  }
}

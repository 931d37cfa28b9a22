package io.painguard.runtime.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** Which output partitions an open transaction holds back, from successive offset readings. */
class StableOffsetsTest {

  private static final TopicPartition P0 = new TopicPartition("exertion-alerts", 0);
  private static final TopicPartition P1 = new TopicPartition("exertion-alerts", 1);
  private final StableOffsets offsets = new StableOffsets(Duration.ofSeconds(60));

  @Test
  void anLsoThatStandsWithRecordsBehindItForTheTimeoutIsHeld() {
    // Given partition 0's LSO at 11 with records up to 17 behind it, partition 1 all committed
    assertThat(offsets.observe(Map.of(P0, 11L, P1, 40L), Map.of(P0, 17L, P1, 40L), 0)).isEmpty();

    // When it still stands there 59 s and then 60 s later
    assertThat(offsets.observe(Map.of(P0, 11L, P1, 40L), Map.of(P0, 20L, P1, 40L), 59_000)).isEmpty();
    var held = offsets.observe(Map.of(P0, 11L, P1, 40L), Map.of(P0, 20L, P1, 40L), 60_000);

    // Then partition 0 is held, for 60 s, at 11; partition 1 is not
    assertThat(held).containsExactly(P0);
    assertThat(offsets.heldFor(P0, 60_000)).isEqualTo(Duration.ofSeconds(60));
    assertThat(offsets.stableOffset(P0)).isEqualTo(11);
    assertThat(offsets.stableOffset(P1)).isEqualTo(-1);
  }

  @Test
  void anLsoThatMovesOrCatchesUpStartsAfresh() {
    // Given partition 0 waiting behind an LSO of 11
    offsets.observe(Map.of(P0, 11L), Map.of(P0, 17L), 0);

    // When the LSO moves on to 15 (a transaction committed, another is open) and stays 59 s
    offsets.observe(Map.of(P0, 15L), Map.of(P0, 30L), 50_000);
    assertThat(offsets.observe(Map.of(P0, 15L), Map.of(P0, 30L), 109_000)).isEmpty();

    // And when it catches up with the log end, nothing waits: not held however long it stays
    offsets.observe(Map.of(P0, 30L), Map.of(P0, 30L), 110_000);
    assertThat(offsets.observe(Map.of(P0, 30L), Map.of(P0, 30L), 500_000)).isEmpty();
    assertThat(offsets.heldFor(P0, 500_000)).isEqualTo(Duration.ZERO);
  }

  @Test
  void aHeldPartitionIsReleasedOnceItsTransactionIsAborted() {
    offsets.observe(Map.of(P0, 11L), Map.of(P0, 17L), 0);
    assertThat(offsets.observe(Map.of(P0, 11L), Map.of(P0, 17L), 60_000)).containsExactly(P0);

    // When an operator aborts the transaction: the LSO jumps past the abort marker
    assertThat(offsets.observe(Map.of(P0, 18L), Map.of(P0, 18L), 65_000)).isEmpty();
  }
}

package io.painguard.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.junit.jupiter.api.Test;

class SweepScheduleTest {

  private static final long MINUTE = 60_000;

  @Test
  void version1IsOneVersionByteThenTheNextBoundaryThenTheLastSweep() {
    // Golden bytes of version 1: a change to the stored format must add a version, not alter this one
    assertThat(HexFormat.of().formatHex(SweepSchedule.encode(120_000, 61_500)))
        .isEqualTo("01" + "000000000001d4c0" + "000000000000f03c");
  }

  @Test
  void aTaskThatMovesSweepsAtTheBoundaryItsFormerOwnerHadNotReached() {
    // Given a task whose first record came at 0:30 and whose schedule its store keeps
    KeyValueStore<String, byte[]> store = store();
    SweepSchedule first = SweepSchedule.restore(store, MINUTE);
    first.startAt(30_000);

    // When the task moves (its store restored elsewhere) and the new owner reads a record at 1:05
    SweepSchedule moved = SweepSchedule.restore(store, MINUTE);

    // Then the sweep at the 1:00 boundary is due there, as it was for the former owner
    assertThat(moved.started()).isTrue();
    assertThat(moved.dueAt(65_000)).isTrue();
    moved.sweptAt(65_000);
    assertThat(SweepSchedule.restore(store, MINUTE).lastSweepAt()).isEqualTo(65_000);
    assertThat(SweepSchedule.restore(store, MINUTE).dueAt(119_999)).isFalse();
    assertThat(SweepSchedule.restore(store, MINUTE).dueAt(120_000)).isTrue();
  }

  @Test
  void aNewTaskHasNoScheduleUntilItsFirstRecord() {
    SweepSchedule fresh = SweepSchedule.restore(store(), MINUTE);
    assertThat(fresh.started()).isFalse();
    assertThat(fresh.dueAt(Long.MAX_VALUE)).isFalse();
    assertThat(fresh.lastSweepAt()).isEqualTo(Long.MIN_VALUE);
  }

  private static KeyValueStore<String, byte[]> store() {
    KeyValueStore<String, byte[]> store =
        Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("sweep-schedule"), Serdes.String(), Serdes.ByteArray())
            .withLoggingDisabled()
            .build();
    store.init(new MockProcessorContext<>().getStateStoreContext(), store);
    return store;
  }
}

package io.painguard.topology;

import java.nio.ByteBuffer;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * When a task's next sweep is due and when its last one ran, in event time, kept in the task's
 * changelogged {@link PainGuardTopology#SWEEP_SCHEDULE_STORE}. Sweeps run when event time
 * crosses a boundary of the tick interval; if the schedule lived only in memory, a task that
 * moves to another instance (a failover, a restart, a rebalance) would start it afresh from the
 * first record it reads and skip a boundary the original owner had not yet reached, so the same
 * records would give different alerts depending on where the task had run -- measured by
 * NoLossNoDuplicatesIT's full-content comparison after a failover.
 *
 * <p>Stored as version 1: one version byte, then the next boundary and the last sweep's time,
 * each a big-endian long (Long.MIN_VALUE for "not yet"); golden bytes in SweepScheduleTest.
 */
final class SweepSchedule {

  static final String KEY = "sweeps";
  static final byte VERSION = 1;
  private static final long NONE = Long.MIN_VALUE;

  private final KeyValueStore<String, byte[]> store;
  private final long tickMillis;
  private long next = NONE;
  private long last = NONE;

  private SweepSchedule(KeyValueStore<String, byte[]> store, long tickMillis) {
    this.store = store;
    this.tickMillis = tickMillis;
  }

  /** The schedule as the task's store holds it (a new task's: not started). */
  static SweepSchedule restore(KeyValueStore<String, byte[]> store, long tickMillis) {
    SweepSchedule schedule = new SweepSchedule(store, tickMillis);
    byte[] stored = store.get(KEY);
    if (stored != null && stored.length == 17 && stored[0] == VERSION) {
      ByteBuffer in = ByteBuffer.wrap(stored, 1, 16);
      schedule.next = in.getLong();
      schedule.last = in.getLong();
    }
    return schedule;
  }

  /** Whether the first record of this task has set the first boundary. */
  boolean started() {
    return next != NONE;
  }

  /** Sets the first boundary: the one after the task's first event time. */
  void startAt(long eventTime) {
    next = boundaryAfter(eventTime);
    save();
  }

  /** Whether event time {@code now} has reached the next boundary. */
  boolean dueAt(long now) {
    return started() && now >= next;
  }

  /** A sweep ran at {@code now}: the next boundary is the one after it. */
  void sweptAt(long now) {
    last = now;
    next = boundaryAfter(now);
    save();
  }

  /** Event time of the last sweep, Long.MIN_VALUE before the first. */
  long lastSweepAt() {
    return last;
  }

  static byte[] encode(long next, long last) {
    return ByteBuffer.allocate(17).put(VERSION).putLong(next).putLong(last).array();
  }

  private void save() {
    store.put(KEY, encode(next, last));
  }

  private long boundaryAfter(long t) {
    return Math.floorDiv(t, tickMillis) * tickMillis + tickMillis;
  }
}

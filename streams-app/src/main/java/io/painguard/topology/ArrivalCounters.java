package io.painguard.topology;

import io.painguard.rules.Arrival;
import io.painguard.rules.ProfilePlausibility;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts what the athlete guard did with records that were not simply in order, states it could
 * not read, and profile values it ignored as implausible, for the runtime to publish as metrics.
 * Thread-safe; reached through {@link DeadLetterCounter#arrivals()}, so it travels wherever the
 * dead-letter counter does. Like that one, it counts again a record whose transaction aborts and
 * is retried.
 */
public final class ArrivalCounters {

  private final LongAdder erasures = new LongAdder();
  private final LongAdder quietSweeps = new LongAdder();
  private final LongAdder summaryMinutesWritten = new LongAdder();
  private final Map<Arrival, LongAdder> arrivals = new EnumMap<>(Arrival.class);
  private final LongAdder unreadableStates = new LongAdder();
  private final Map<ProfilePlausibility.Field, LongAdder> ignoredProfileValues =
      new EnumMap<>(ProfilePlausibility.Field.class);

  public ArrivalCounters() {
    for (Arrival a : Arrival.values()) {
      arrivals.put(a, new LongAdder());
    }
    for (ProfilePlausibility.Field f : ProfilePlausibility.Field.values()) {
      ignoredProfileValues.put(f, new LongAdder());
    }
  }

  void record(Arrival arrival) {
    arrivals.get(arrival).increment();
  }

  void unreadableState() {
    unreadableStates.increment();
  }

  void erased() {
    erasures.increment();
  }

  void quietSweep() {
    quietSweeps.increment();
  }

  void summaryMinuteWritten() {
    summaryMinutesWritten.increment();
  }

  /** Rows written to the per-minute session summary store (one per final athlete-minute). */
  public long summaryMinutesWritten() {
    return summaryMinutesWritten.sum();
  }

  /** Athletes erased (tombstones on the profiles topic applied). */
  public long erasures() {
    return erasures.sum();
  }

  /** Sweeps run on the wall clock because a task's partitions were quiet. */
  public long quietSweeps() {
    return quietSweeps.sum();
  }

  void ignoredProfileValue(ProfilePlausibility.Field field) {
    ignoredProfileValues.get(field).increment();
  }

  /** Records of that arrival kind processed (IN_ORDER included). */
  public long count(Arrival arrival) {
    return arrivals.get(arrival).sum();
  }

  /** Stored athlete states that could not be read (each read attempt counts). */
  public long unreadableStates() {
    return unreadableStates.sum();
  }

  /** Values of that field ignored as implausible, once per profile record applied. */
  public long ignoredProfileValues(ProfilePlausibility.Field field) {
    return ignoredProfileValues.get(field).sum();
  }
}

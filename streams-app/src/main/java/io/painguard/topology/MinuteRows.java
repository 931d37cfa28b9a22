package io.painguard.topology;

import io.painguard.rules.AthleteState;
import io.painguard.rules.GuidanceSettings;
import io.painguard.rules.MinuteSummary;
import io.painguard.rules.SessionMinutes;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * The athlete guard's writes to the {@link PainGuardTopology#ATHLETE_MINUTES_STORE}: one row per
 * athlete-minute, when the minute becomes final, never one per record. There is no accumulator in
 * memory: the row is summed from the athlete's stored state, in the same task and transaction as
 * the state itself, so under exactly-once a retried record writes the same rows again and a moved
 * task carries on where the changelog says it was.
 */
final class MinuteRows {

  private final WindowStore<String, byte[]> store;
  private final SessionMinutes minutes;
  private final GuidanceSettings rules;
  private final ArrivalCounters counters;

  MinuteRows(WindowStore<String, byte[]> store, SessionMinutes minutes, GuidanceSettings rules, ArrivalCounters counters) {
    this.store = store;
    this.minutes = minutes;
    this.rules = rules;
    this.counters = counters;
  }

  /**
   * Writes the minutes that became final as the athlete's clock moved from {@code clockBefore} to
   * {@code clockAfter}, summed from the state stored before the record ({@code storedBefore}): the
   * record lies after them and changes none of them, and the state before it still holds them all
   * however far the record moved the clock. Decoded again only when a minute became final, so once
   * per athlete-minute.
   */
  void writeFinished(String athleteId, byte[] storedBefore, long clockBefore, long clockAfter) {
    if (storedBefore == null
        || clockBefore == AthleteState.NONE
        || minutes.lastFinalMinute(clockAfter) <= minutes.lastFinalMinute(clockBefore)) {
      return;
    }
    AthleteState before = AthleteState.decode(storedBefore, rules);
    for (MinuteSummary minute : minutes.finishedBetween(before, clockBefore, clockAfter)) {
      store.put(athleteId, minute.encode(), minute.start());
      counters.summaryMinuteWritten();
    }
  }

  /** Deletes every row kept for the athlete (an erasure). */
  void erase(String athleteId) {
    List<Long> starts = new ArrayList<>();
    try (WindowStoreIterator<byte[]> rows = store.fetch(athleteId, 0L, Long.MAX_VALUE)) {
      rows.forEachRemaining(row -> starts.add(row.key));
    }
    for (long start : starts) {
      store.put(athleteId, null, start);
    }
  }
}

package io.painguard.topology;

import io.painguard.events.AthleteProfile;
import io.painguard.events.ExertionAlert;
import io.painguard.rules.Arrival;
import io.painguard.rules.AthleteGuard;
import io.painguard.rules.AthleteSignal;
import io.painguard.rules.AthleteState;
import io.painguard.rules.GuardResult;
import io.painguard.rules.MedicalSigns;
import io.painguard.rules.ProfilePlausibility;
import io.painguard.rules.SessionMinutes;
import io.painguard.rules.UnreadableStateException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link AthleteGuard} for every signal of one task's athletes: one store read and one write
 * per record, alerts forwarded keyed by athleteId with their event time as the record timestamp --
 * capped at the wall clock: brokers reject records dated more than {@code
 * log.message.timestamp.after.max.ms} (1 h by default) ahead of their own clock, and event time
 * may run ahead (a device clock that is off, the demo's compressed time). The alert's own {@code
 * eventTime} is never changed.
 *
 * <p>Time-driven work (resolution after quiet, prolonged inactivity, staleness, the end of a
 * cooldown) is a sweep of the store each {@code tickInterval} of event time. Event time here is the
 * newest payload timestamp this task has processed (capped at the wall clock, so one device with a
 * clock far ahead cannot fast-forward everyone) -- not the Kafka record timestamp, which replays
 * and some producers set to the time of sending. The sweep reads only the 8-byte deadline of each
 * stored state and decodes just the athletes that are due.
 *
 * <p>Records behind the athlete's newest event time by up to {@code max-lateness} are applied at
 * their own event time by the guard; the processor counts them, those beyond the bound, and
 * those whose clock is far ahead ({@link ArrivalCounters}). The reference for "ahead" is the later
 * of the wall clock and the newest event time of this task's records that were not themselves
 * ahead -- so the demo's compressed time, which runs ahead of the wall clock, is not mistaken for
 * a clock that is off.
 *
 * <p>A stored state that cannot be read is never replaced by a fresh one (that would silently
 * drop an open medical referral and the pain in force): the record fails with {@link
 * UnreadableStateException}, which the processing exception handler dead-letters with reason
 * STATE_UNREADABLE, the stored bytes stay as they are, and an ERROR line and a metric name the
 * athlete and the version. A pain report with a medical sign still alerts, judged on its own.
 *
 * <p><b>Quiet partitions.</b> When no record has arrived for a whole {@code tickInterval} of wall
 * time, a wall-clock punctuator sweeps instead, with event time moved on by the wall time that
 * passed since the last record (never past the wall clock): an alert still resolves and an
 * inactivity nudge or a referral's limit still comes when nothing else arrives on its partition.
 * The alerts' own event times still come from the data (the moment a condition became due), so a
 * replay produces the same alerts.
 *
 * <p><b>Session minutes.</b> When a record moves the athlete's own clock past the end of a minute
 * plus {@code max-lateness}, that minute is final and its summary row is written to the minutes
 * store ({@link MinuteRows}): one write per athlete-minute, not per record.
 *
 * <p><b>Erasure.</b> A tombstone on the profiles topic (an {@link AthleteSignal.Erase}) deletes the
 * athlete's state, recent alerts, session minutes and the acknowledgements of those alerts (notes
 * included) from the four stores -- and so, by tombstones on their compacted
 * changelogs, from Kafka -- and nothing more is emitted for them. A later record for the same id
 * starts afresh, as for an athlete never seen.
 *
 * <p>A profile is applied whatever its heart-rate values: those {@link ProfilePlausibility} finds
 * implausible are ignored by the limits (heart rates implausible on their own are not even kept),
 * counted per field once per profile record applied, and named in a WARN line.
 */
final class AthleteGuardProcessor implements Processor<byte[], AthleteSignal, String, ExertionAlert> {

  private static final Logger LOG = LoggerFactory.getLogger(AthleteGuardProcessor.class);

  private final AthleteGuard guard;
  private final long tickIntervalMillis;
  private final int recentAlerts;
  private final Clock clock;
  private final SessionMinutes sessionMinutes;
  private MinuteRows minutes;
  private ProcessorContext<String, ExertionAlert> context;
  private KeyValueStore<String, byte[]> states;
  private KeyValueStore<String, byte[]> alerts;
  private KeyValueStore<String, byte[]> acknowledgements;
  private long eventClock = Long.MIN_VALUE;
  private long plausibleEventTime = Long.MIN_VALUE;
  private SweepSchedule sweeps;
  /** Wall time at which this task last processed a record. */
  private long wallAtLastRecord = Long.MIN_VALUE;
  private ArrivalCounters counters = new ArrivalCounters();

  AthleteGuardProcessor(AthleteGuard guard, TopologySettings settings, Clock clock) {
    this.guard = guard.withMaxLateness(settings.maxLateness());
    this.tickIntervalMillis = settings.tickInterval().toMillis();
    this.recentAlerts = settings.recentAlerts();
    this.clock = clock;
    this.sessionMinutes = new SessionMinutes(guard.settings(), settings.maxLateness());
  }

  @Override
  public void init(ProcessorContext<String, ExertionAlert> context) {
    this.context = context;
    this.states = context.getStateStore(PainGuardTopology.ATHLETE_STATE_STORE);
    this.alerts = context.getStateStore(PainGuardTopology.ATHLETE_ALERTS_STORE);
    this.acknowledgements = context.getStateStore(PainGuardTopology.ACKNOWLEDGEMENTS_STORE);
    this.sweeps = SweepSchedule.restore(context.getStateStore(PainGuardTopology.SWEEP_SCHEDULE_STORE), tickIntervalMillis);
    if (context.appConfigs().get(PainGuardStreamsConfig.DEAD_LETTER_COUNTER) instanceof DeadLetterCounter c) {
      this.counters = c.arrivals();
    }
    this.minutes =
        new MinuteRows(
            context.getStateStore(PainGuardTopology.ATHLETE_MINUTES_STORE), sessionMinutes, guard.settings(), counters);
    context.schedule(Duration.ofMillis(tickIntervalMillis), PunctuationType.WALL_CLOCK_TIME, this::quietSweep);
  }

  /**
   * The sweep when the task's partitions are quiet: after a whole tick interval of wall time
   * without a record, event time is taken to have moved on by the wall time since the last one.
   */
  void quietSweep(long wall) {
    if (eventClock == Long.MIN_VALUE || wallAtLastRecord == Long.MIN_VALUE) {
      return; // nothing processed yet: there is no event time to move on from
    }
    long quietFor = wall - wallAtLastRecord;
    if (quietFor < tickIntervalMillis) {
      return; // records are arriving: their own event time drives the sweeps
    }
    long now = Math.min(wall, eventClock + quietFor);
    if (sweeps.dueAt(now)) {
      counters.quietSweep();
      sweep(now);
    }
  }

  /** This processor's counters (for tests that build it without a config). */
  ArrivalCounters counters() {
    return counters;
  }

  @Override
  public void process(Record<byte[], AthleteSignal> record) {
    AthleteSignal signal = record.value();
    String athleteId = signal.athleteId();
    long wall = clock.millis();
    wallAtLastRecord = context.currentSystemTimeMs();
    if (signal instanceof AthleteSignal.Erase) {
      erase(athleteId);
      return;
    }
    byte[] stored = states.get(athleteId);
    AthleteState state;
    try {
      state = stored == null ? guard.newState() : AthleteState.decode(stored, guard.settings());
    } catch (UnreadableStateException e) {
      throw unreadable(athleteId, signal, e);
    }
    long clockBefore = state.clock(); // the guard changes the state in place
    AthleteSignal applied =
        signal instanceof AthleteSignal.Profile p
            ? new AthleteSignal.Profile(ProfilePlausibility.keepable(p.profile()))
            : signal;
    GuardResult result = guard.on(state, applied, Math.max(wall, plausibleEventTime));
    counters.record(result.arrival());
    if (signal instanceof AthleteSignal.Profile p && result.stateChanged()) {
      countIgnored(athleteId, p.profile(), result.state());
    }
    List<ExertionAlert> out = result.alerts();
    if (result.arrival() == Arrival.LATE && result.state().deadline() <= sweeps.lastSweepAt()) {
      // Re-judged from a late record, the athlete has something due that a sweep already past
      // would have acted on (an alert the record reveals may already be over): act on it now, as
      // that sweep would have, with the data's times. (In-order records of an athlete whose data
      // lags the task keep waiting for the next sweep, as before.)
      GuardResult due = guard.onTick(athleteId, result.state(), eventClock);
      if (!due.alerts().isEmpty()) {
        out = new ArrayList<>(out);
        out.addAll(due.alerts());
      }
    }
    if (result.stateChanged()) {
      states.put(athleteId, result.state().encode());
    }
    minutes.writeFinished(athleteId, stored, clockBefore, result.state().clock());
    emit(athleteId, out);
    advance(signal, result.arrival(), wall);
  }

  /** Deletes everything kept about the athlete; says so with the id alone. */
  private void erase(String athleteId) {
    boolean known =
        states.get(athleteId) != null || alerts.get(athleteId) != null || acknowledgements.get(athleteId) != null;
    states.delete(athleteId);
    alerts.delete(athleteId);
    minutes.erase(athleteId);
    acknowledgements.delete(athleteId);
    counters.erased();
    LOG.info(
        "Athlete {} erased: {}",
        athleteId,
        known
            ? "their state, recent alerts, session minutes and acknowledgements are deleted"
            : "nothing was kept about them");
  }

  /**
   * Counts the applied profile's values the heart-rate limits ignore, judged in the UTC year of the
   * athlete's own event time (of the profile's edit before the athlete has any record) -- the year
   * the next records' limits are judged in.
   */
  private void countIgnored(String athleteId, AthleteProfile profile, AthleteState state) {
    long t = state.clock() != AthleteState.NONE ? state.clock() : profile.getUpdatedAt().toEpochMilli();
    int year = Instant.ofEpochMilli(t).atZone(ZoneOffset.UTC).getYear();
    ProfilePlausibility.Verdict verdict =
        ProfilePlausibility.judge(
            profile.getBirthYear(),
            profile.getRestingHeartRateBpm(),
            profile.getMaxHeartRateBpm(),
            year,
            guard.settings());
    if (verdict.ignored().isEmpty()) {
      return;
    }
    verdict.ignored().forEach(counters::ignoredProfileValue);
    LOG.warn(
        "Profile of athlete {} applied; its heart-rate limits ignore {}: {}",
        athleteId,
        verdict.ignored().stream().map(ProfilePlausibility.Field::schemaName).toList(),
        String.join(" ", verdict.reasons().values()));
  }

  /**
   * The athlete's stored state cannot be read: count it, say so, alert a medical sign on its own,
   * and fail the record (dead-lettered as STATE_UNREADABLE) without touching the stored bytes.
   */
  private UnreadableStateException unreadable(
      String athleteId, AthleteSignal signal, UnreadableStateException e) {
    counters.unreadableState();
    LOG.error(
        "Stored state of athlete {} is unreadable (version {}): {} The record is dead-lettered with"
            + " reason STATE_UNREADABLE and the stored state is kept as it is.",
        athleteId,
        e.version(),
        e.getMessage());
    if (signal instanceof AthleteSignal.Pain p && MedicalSigns.of(p.report()).any()) {
      // Safety first: a referral does not wait for the state to be repaired.
      emit(athleteId, guard.on(guard.newState(), signal).alerts());
    }
    return new UnreadableStateException(
        e.version(),
        "Stored state of athlete " + athleteId + " is unreadable (version " + e.version() + ").",
        e);
  }

  private void advance(AthleteSignal signal, Arrival arrival, long wall) {
    long t;
    if (signal instanceof AthleteSignal.Activity a) {
      t = a.event().getTimestamp().toEpochMilli();
    } else if (signal instanceof AthleteSignal.Pain p) {
      t = p.report().getTimestamp().toEpochMilli();
    } else {
      return; // a profile's updatedAt says when it was edited, not where event time is
    }
    if (arrival == Arrival.AHEAD) {
      return; // a clock that is off moves neither the reference nor the sweeps
    }
    plausibleEventTime = Math.max(plausibleEventTime, t);
    eventClock = Math.max(eventClock, Math.min(t, wall));
    if (!sweeps.started()) {
      sweeps.startAt(eventClock);
    } else if (sweeps.dueAt(eventClock)) {
      sweep(eventClock);
    }
  }

  /** Acts for every athlete with something due by {@code now}. */
  void sweep(long now) {
    sweeps.sweptAt(now);
    List<KeyValue<String, byte[]>> due = new ArrayList<>();
    try (KeyValueIterator<String, byte[]> all = states.all()) {
      while (all.hasNext()) {
        KeyValue<String, byte[]> entry = all.next();
        if (AthleteState.deadlineOf(entry.value) <= now) {
          due.add(entry);
        }
      }
    }
    for (KeyValue<String, byte[]> entry : due) {
      try {
        GuardResult result =
            guard.onTick(entry.key, AthleteState.decode(entry.value, guard.settings()), now);
        if (result.stateChanged()) {
          states.put(entry.key, result.state().encode());
        }
        emit(entry.key, result.alerts());
      } catch (UnreadableStateException e) {
        counters.unreadableState();
        LOG.error(
            "Stored state of athlete {} is unreadable (version {}): {} Its due alerts wait; the"
                + " stored state is kept as it is.",
            entry.key,
            AthleteState.versionOf(entry.value),
            e.getMessage());
      } catch (RuntimeException e) {
        // One athlete's bad state must not stop the others' alerts; their next record retries.
        LOG.error("Tick failed for athlete {}: {}", entry.key, e.toString());
      }
    }
  }

  private void emit(String athleteId, List<ExertionAlert> emitted) {
    if (emitted.isEmpty()) {
      return;
    }
    byte[] recent = alerts.get(athleteId);
    for (ExertionAlert alert : emitted) {
      long timestamp = Math.min(alert.getEventTime().toEpochMilli(), clock.millis());
      context.forward(new Record<>(athleteId, alert, timestamp));
      recent = RecentAlerts.append(recent, alert, recentAlerts);
      LOG.debug(
          "Alert {} {} {} for athlete {}",
          alert.getState(),
          alert.getSeverity(),
          alert.getReasons(),
          athleteId);
    }
    alerts.put(athleteId, recent);
  }

}

package io.painguard.rules;

import static io.painguard.rules.AthleteState.NONE;

import io.painguard.events.ActivityEvent;
import io.painguard.events.ActivityType;
import io.painguard.events.AthleteProfile;
import io.painguard.events.ExertionAlert;
import io.painguard.events.PainOnset;
import io.painguard.events.PainReport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The per-athlete state machine: given the athlete's {@link AthleteState} and one input (activity
 * sample, pain report, profile update or stream-time tick) it records the input and returns the
 * alerts to emit.
 *
 * <p>Two lifecycles run side by side. Medical referrals -- radiculopathy signs and red flags --
 * are {@link ReferralTrack}'s: raised at once, never delayed, closed only on a level-0 report or
 * a long limit. Everything else is the effort lifecycle, which names an open referral in its
 * alerts and treats a hard effort during one as a reason to stop.
 *
 * <p>Each input is one step of the effort lifecycle ({@link EffortSteps}): the conditions that hold
 * at its event time, then RAISED, ESCALATED, UPDATED or RESOLVED as they start, rise or end.
 *
 * <p><b>Event time, whatever the arrival order.</b> An input at or after the athlete's newest event
 * time takes the cheap path above. One behind it by at most {@code maxLateness} is written into
 * the history at its own event time, and the lifecycle is re-derived from there: rewound to the
 * last transition before it, then every step after it taken again in event-time order -- the same
 * steps, so the same alerts with the same ids as if everything had arrived in order. Alerts the
 * re-evaluation has and consumers have not seen are emitted; an open alert it no longer has is
 * withdrawn with a RESOLVED that says why. Beyond the bound, and for clocks far ahead, see {@link
 * Arrival}.
 *
 * <p>Event times of alerts come from the data, never from the wall clock or the moment a tick
 * happened to run, so a replay produces the same alerts with the same ids.
 */
public final class AthleteGuard {

  /** Default of {@code painguard.topology.max-lateness}. */
  public static final Duration DEFAULT_MAX_LATENESS = Duration.ofMinutes(15);

  private final GuidanceSettings settings;
  private final ConditionEvaluator conditions;
  private final ReferralTrack referrals;
  private final EffortSteps steps;
  private final LateRecordRejudge rejudge;
  private final Duration maxLateness;
  private final long maxLatenessMillis;
  /** Seconds of activity history kept behind the newest second. */
  private final long historySeconds;

  public AthleteGuard(GuidanceSettings settings) {
    this(settings, DEFAULT_MAX_LATENESS);
  }

  public AthleteGuard(GuidanceSettings settings, Duration maxLateness) {
    if (maxLateness.isNegative()) {
      throw new IllegalArgumentException("max-lateness must not be negative, got " + maxLateness + ".");
    }
    this.settings = settings;
    this.conditions = new ConditionEvaluator(settings);
    this.referrals = new ReferralTrack(settings, conditions);
    this.steps = new EffortSteps(settings, conditions);
    this.rejudge = new LateRecordRejudge(conditions, steps);
    this.maxLateness = maxLateness;
    this.maxLatenessMillis = maxLateness.toMillis();
    int context = Math.max(settings.sampleHoldSeconds(), settings.heartRatePrecedenceSeconds());
    // At least a minute and its context beyond the bound: a minute becomes final (SessionMinutes)
    // while every second of it is still held, whatever the detection window.
    this.historySeconds =
        maxLateness.toSeconds()
            + Math.max(
                Math.max(settings.windowSeconds(), 60) + context, settings.activityOngoing().toSeconds())
            + 1;
  }

  /** The same rules with another lateness bound. */
  public AthleteGuard withMaxLateness(Duration maxLateness) {
    return maxLateness.equals(this.maxLateness) ? this : new AthleteGuard(settings, maxLateness);
  }

  public GuidanceSettings settings() {
    return settings;
  }

  public Duration maxLateness() {
    return maxLateness;
  }

  /** A fresh state for an athlete never seen before. */
  public AthleteState newState() {
    return new AthleteState(settings);
  }

  /** Dispatches one input, with no reference time (no record is judged to be ahead). */
  public GuardResult on(AthleteState state, AthleteSignal signal) {
    return on(state, signal, NONE);
  }

  /**
   * Dispatches one input.
   *
   * @param referenceTime the latest time the caller trusts -- the later of the wall clock and the
   *     task's stream time -- for telling a clock that is off; NONE to skip that check
   */
  public GuardResult on(AthleteState state, AthleteSignal signal, long referenceTime) {
    if (signal instanceof AthleteSignal.Activity a) {
      return onActivity(state, a.event(), referenceTime);
    } else if (signal instanceof AthleteSignal.Pain p) {
      return onPain(state, p.report(), referenceTime);
    } else if (signal instanceof AthleteSignal.Profile p) {
      return onProfile(state, p.profile());
    }
    // An erasure deletes the state itself; there is nothing for the rules to judge.
    throw new IllegalArgumentException("The rules do not take " + signal.getClass().getSimpleName() + " signals.");
  }

  public GuardResult onActivity(AthleteState s, ActivityEvent e) {
    return onActivity(s, e, NONE);
  }

  public GuardResult onActivity(AthleteState s, ActivityEvent e, long referenceTime) {
    long at = Math.floorDiv(e.getTimestamp().toEpochMilli(), 1000) * 1000;
    Arrival arrival = arrival(s, at, referenceTime);
    if (arrival == Arrival.BEYOND_LATENESS) {
      // No detection window still open covers it; a stale heart rate must not be taken for now.
      return new GuardResult(s, List.of(), false, arrival);
    } else if (arrival == Arrival.AHEAD) {
      at = Math.floorDiv(aheadAppliedAt(s, referenceTime), 1000) * 1000;
    }
    ActivityType type = e.getActivityType();
    boolean rest = type == ActivityType.REST;
    Integer hr = e.getHeartRateBpm();
    IntensityClass intensity =
        IntensityClass.classify(type, e.getSpeedMps(), e.getPowerWatts(), settings);
    Float flexion = e.getTrunkFlexionDeg();
    boolean flexed = !rest && flexion != null && flexion > settings.maxTrunkFlexionDeg();
    int activity = Math.max(0, StateCodes.ACTIVITY.code(type));
    long second = at / 1000;
    long oldest = Math.floorDiv(Math.max(s.clock(), at), 1000) - historySeconds;
    boolean changed =
        s.recordSample(second, ExertionWindow.codeOf(rest, hr, intensity, e.getSource()), activity, flexed, oldest);

    // The newest-sample view (status API): equipment beside a measured heart rate does not count,
    // nor another device's heart rate beside a chest strap's (the history marks the strap's seconds).
    boolean deferred =
        !rest
            && (hr == null
                ? s.lastHeartRateAt() != NONE
                    && Math.abs(at - s.lastHeartRateAt()) <= settings.heartRatePrecedence().toMillis()
                : !HeartRateSourceRank.outranksOthers(e.getSource())
                    && s.window().lastStrapSecond(second, second - settings.heartRatePrecedenceSeconds()) != NONE);
    int pct;
    if (hr != null) {
      pct = (int) Math.round(conditions.limits(s, at).reservePct(hr));
    } else {
      pct = rest ? Integer.MIN_VALUE : intensity.equivalentHrrPct(settings);
    }
    s.recordNewestSample(at, activity, !deferred, hr == null ? 0 : hr, pct);
    if (hr != null) {
      s.recordHeartRateAt(at);
    }
    if (!rest) {
      s.recordNonRestAt(at);
    }

    String athleteId = e.getAthleteId();
    List<ExertionAlert> out = new ArrayList<>(1);
    referrals.closeIfDue(athleteId, s, Math.max(s.clock(), at), out);
    if (arrival == Arrival.LATE) {
      if (changed) {
        rejudge.reevaluateFrom(athleteId, s, at, out, "samples from " + Instant.ofEpochMilli(at) + " arrived late");
      }
    } else if (sweptPast(s, at)) {
      s.advanceClock(at);
      if (changed) {
        rejudge.reevaluateFrom(
            athleteId, s, at, out, "samples from " + Instant.ofEpochMilli(at) + " arrived after a sweep past them");
      }
    } else {
      s.advanceClock(at);
      steps.step(athleteId, s, at, at, false, Set.of(), out);
    }
    forgetOld(s);
    return new GuardResult(s, out, true, arrival);
  }

  public GuardResult onPain(AthleteState s, PainReport r) {
    return onPain(s, r, NONE);
  }

  public GuardResult onPain(AthleteState s, PainReport r, long referenceTime) {
    long t = r.getTimestamp().toEpochMilli();
    String athleteId = r.getAthleteId();
    Arrival arrival = arrival(s, t, referenceTime);
    List<ExertionAlert> out = new ArrayList<>(1);
    if (arrival == Arrival.AHEAD) {
      t = aheadAppliedAt(s, referenceTime); // the pain is real; the phone's clock is not
    }
    AthleteState.Report report = report(r, t);
    // The referral and the trend take every report at its own time, however late: a medical sign
    // is news whenever it arrives (safety invariant 1), a day's level belongs to its day.
    referrals.onReport(athleteId, s, report, Math.max(s.clock(), t), out);
    s.trend().record(t, r.getLevel(), settings);
    if (arrival == Arrival.BEYOND_LATENESS) {
      if (s.hasReportAfter(t)) {
        // A newer report describes the pain now; nothing of the effort lifecycle is left to judge.
        return new GuardResult(s, out, !out.isEmpty(), arrival);
      }
      t = s.clock(); // the newest word on the pain: it counts from now on
      report = report(r, t);
    }
    s.recordReport(report, keepFrom(Math.max(s.clock(), t)), settings);
    if (arrival == Arrival.LATE) {
      rejudge.reevaluateFrom(
          athleteId,
          s,
          t,
          out,
          "a pain report from " + Instant.ofEpochMilli(t) + " (level " + r.getLevel() + ") arrived late");
    } else if (sweptPast(s, t)) {
      s.advanceClock(t);
      rejudge.reevaluateFrom(
          athleteId,
          s,
          t,
          out,
          "a pain report from " + Instant.ofEpochMilli(t) + " (level " + r.getLevel()
              + ") arrived after a sweep past it");
    } else {
      s.advanceClock(t);
      steps.reportStep(athleteId, s, report, t, out);
    }
    forgetOld(s);
    return new GuardResult(s, out, true, arrival);
  }

  private static AthleteState.Report report(PainReport r, long t) {
    MedicalSigns signs = MedicalSigns.of(r);
    return new AthleteState.Report(
        t,
        r.getReportId(),
        r.getLevel(),
        StateCodes.MOVEMENT.mask(r.getTriggers()),
        StateCodes.SENSATION.mask(signs.radiculopathySensations()),
        StateCodes.LIMB.mask(signs.radiatesTo()),
        StateCodes.RED_FLAG.mask(signs.redFlags()),
        0,
        StateCodes.ONSET.code(r.getOnset() == null ? PainOnset.UNKNOWN : r.getOnset()),
        StateCodes.SENSATION.mask(r.getSensations()),
        0);
  }

  public GuardResult onProfile(AthleteState s, AthleteProfile p) {
    long updatedAt = p.getUpdatedAt().toEpochMilli();
    if (s.profileUpdatedAt() != NONE && updatedAt < s.profileUpdatedAt()) {
      return new GuardResult(s, List.of(), false); // an older version of a compacted profile
    }
    s.applyProfile(
        updatedAt, p.getBirthYear(), p.getRestingHeartRateBpm(), p.getMaxHeartRateBpm(), p.getCoachId());
    if (s.clock() != NONE && updatedAt < s.clock()) {
      // Edited before records already applied (a profile read after them): those records are
      // judged again with it, as far back as the lateness bound reaches. One profile is kept, so
      // it stands for the whole re-judged stretch.
      List<ExertionAlert> out = new ArrayList<>(1);
      long from = Math.max(updatedAt, s.clock() - maxLatenessMillis);
      rejudge.reevaluateFrom(
          p.getAthleteId(), s, from, out, "a profile update from " + p.getUpdatedAt() + " arrived late");
      forgetOld(s);
      return new GuardResult(s, out, true, Arrival.LATE);
    }
    s.setDeadline(conditions.deadline(s));
    return new GuardResult(s, List.of(), true);
  }

  /**
   * Stream time has reached {@code streamTime}: act on anything due by then (resolution, inactivity,
   * staleness, the end of a cooldown). Cheap when nothing is due: the state is left untouched.
   */
  public GuardResult onTick(String athleteId, AthleteState s, long streamTime) {
    if (streamTime < s.deadline() || streamTime <= Math.max(s.clock(), s.tickedAt())) {
      return new GuardResult(s, List.of(), false);
    }
    s.markTicked(streamTime);
    List<ExertionAlert> out = new ArrayList<>(1);
    referrals.closeIfDue(athleteId, s, streamTime, out);
    steps.step(athleteId, s, streamTime, streamTime, true, Set.of(), out);
    return new GuardResult(s, out, true);
  }

  /** Heart-rate limits for the athlete at event time {@code t} (age counts in UTC years). */
  public HeartRateLimits limits(AthleteState s, long t) {
    return conditions.limits(s, t);
  }

  // ---- arrival ----

  private Arrival arrival(AthleteState s, long t, long referenceTime) {
    long clock = s.clock();
    if (clock == NONE) {
      // An athlete's first record can come from the clock that is off: judged by the reference
      // alone, or it would set the athlete's time an hour ahead and freeze them.
      return referenceTime != NONE && t - referenceTime > maxLatenessMillis ? Arrival.AHEAD : Arrival.IN_ORDER;
    } else if (referenceTime != NONE && t - Math.max(clock, referenceTime) > maxLatenessMillis) {
      return Arrival.AHEAD;
    } else if (t >= clock) {
      return Arrival.IN_ORDER;
    }
    return clock - t <= maxLatenessMillis ? Arrival.LATE : Arrival.BEYOND_LATENESS;
  }

  /** Where a record from a clock that is off applies: the athlete's time, or for a new athlete the reference. */
  private static long aheadAppliedAt(AthleteState s, long referenceTime) {
    return s.clock() != NONE ? s.clock() : referenceTime;
  }

  /**
   * Whether a stream-time sweep already changed the lifecycle after event time {@code t}, though
   * {@code t} is not behind the athlete's own records: the task's stream time ran ahead of this
   * athlete's data (another athlete's newer records, or the act-at-once after a late record) and
   * resolved or raised something later than {@code t}. The record is then judged like a late one --
   * from its own time, the sweep's step taken again after it -- never against a lifecycle that is
   * already past it. One comparison on the in-order path.
   */
  private static boolean sweptPast(AthleteState s, long t) {
    AthleteState.Transition last = s.lastTransition();
    return last != null && last.at() > t;
  }

  private long keepFrom(long newest) {
    return newest - maxLatenessMillis - settings.sustainedWindow().toMillis();
  }

  private void forgetOld(AthleteState s) {
    s.forgetTransitionsBefore(
        s.clock() - maxLatenessMillis - settings.alertCooldown().toMillis() - settings.sustainedWindow().toMillis());
  }
}

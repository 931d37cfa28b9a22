package io.painguard.rules;

import static io.painguard.rules.AthleteState.NONE;

import io.painguard.events.ActivityType;
import io.painguard.events.Reason;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which alert conditions hold for an athlete at one event time, read from the state as it was at
 * that time: the report in force then, the activity history around it. It never changes the state
 * -- it reports what it found (including the newest evidence) and {@link AthleteGuard} records it.
 *
 * <p>Conditions (each needs an active pain episode unless noted):
 *
 * <ul>
 *   <li>SUSTAINED_HIGH_INTENSITY: at least {@code sustainedMinAbove} of the window above the
 *       ceiling; with severe pain also SEVERE_PAIN_WHILE_ACTIVE.
 *   <li>TRIGGER_MOVEMENT: the ongoing activity involves a movement the report names as a trigger.
 *   <li>EXCESSIVE_RANGE_OF_MOTION: at least {@code flexionRepetitions} separate bends beyond
 *       {@code maxTrunkFlexionDeg} within the window.
 *   <li>PAIN_INCREASING_DURING_ACTIVITY: on the rising report itself, then for as long as the
 *       activity during which the pain rose goes on.
 *   <li>PROLONGED_INACTIVITY: no activity beyond rest for {@code inactivityAfter}, from a moment
 *       of the episode when its report was still in force (not stale).
 *   <li>RADICULOPATHY_SIGNS / MEDICAL_RED_FLAG: while the report in force carries them and is not
 *       stale, whatever the pain level or activity.
 * </ul>
 */
final class ConditionEvaluator {

  /** Conditions that hold on their own (no sample needed); their end is recorded as evidence. */
  static final int PERSISTENT =
      StateCodes.REASON.mask(
          EnumSet.of(
              Reason.RADICULOPATHY_SIGNS, Reason.MEDICAL_RED_FLAG, Reason.PROLONGED_INACTIVITY));

  /**
   * What was found at one event time.
   *
   * @param evidence the newest event time at which a sample-based condition was seen, or NONE
   */
  record Evaluation(
      Set<Reason> held,
      PainInForce pain,
      HeartRateLimits limits,
      WindowSummary window,
      ActivityType activity,
      AthleteState.Report report,
      long evidence) {}

  private final GuidanceSettings settings;
  private final long staleMillis;
  private final long ongoingMillis;
  private final int ongoingSeconds;

  ConditionEvaluator(GuidanceSettings settings) {
    this.settings = settings;
    this.staleMillis = settings.painStaleAfter().toMillis();
    this.ongoingMillis = settings.activityOngoing().toMillis();
    this.ongoingSeconds = (int) settings.activityOngoing().toSeconds();
  }

  static Set<Reason> medicalReasons(MedicalSigns signs) {
    Set<Reason> reasons = EnumSet.noneOf(Reason.class);
    if (signs.radiculopathy()) {
      reasons.add(Reason.RADICULOPATHY_SIGNS);
    }
    if (signs.redFlag()) {
      reasons.add(Reason.MEDICAL_RED_FLAG);
    }
    return reasons;
  }

  /** The conditions at {@code now}, judged with what was known about the time up to {@code now}. */
  Evaluation evaluate(AthleteState s, long now) {
    AthleteState.Report report = s.reportAt(now);
    PainInForce pain = report == null ? PainInForce.NONE : PainInForce.at(now, report.at(), report.level(), settings);
    HeartRateLimits limits = limits(s, now);
    long nowSecond = Math.floorDiv(now, 1000);
    long changeSecond = Long.MIN_VALUE;
    int ceilingBefore = -1;
    if (report != null) {
      changeSecond = Math.floorDiv(report.at(), 1000);
      AthleteState.Report previous = s.reportBefore(report);
      if (previous != null) {
        ceilingBefore = PainInForce.at(report.at(), previous.at(), previous.level(), settings).ceilingHrrPct();
      }
    }
    ExertionWindow history = s.window();
    WindowSummary w =
        history.summarize(
            nowSecond, settings.windowSeconds(), changeSecond, ceilingBefore, pain.ceilingHrrPct(), limits, settings);
    long nonRestSecond = history.lastNonRestSecond(nowSecond, nowSecond - ongoingSeconds);
    boolean ongoing = nonRestSecond != NONE;
    ActivityType current = ActivityType.UNKNOWN;
    if (ongoing) {
      current = StateCodes.ACTIVITY.of(history.activity(nonRestSecond));
    } else {
      long any = history.lastSampleSecond(nowSecond, nowSecond - ongoingSeconds);
      if (any != NONE) {
        current = StateCodes.ACTIVITY.of(history.activity(any));
      }
    }

    Set<Reason> held = EnumSet.noneOf(Reason.class);
    long evidence = NONE;
    if (pain.active()) {
      if (w.lastAboveSecond() != Long.MIN_VALUE) {
        evidence = Math.max(evidence, w.lastAboveSecond() * 1000);
      }
      if (w.secondsAboveCeiling() >= settings.sustainedMinAbove().toSeconds()) {
        held.add(Reason.SUSTAINED_HIGH_INTENSITY);
        if (pain.band() == PainBand.SEVERE) {
          held.add(Reason.SEVERE_PAIN_WHILE_ACTIVE);
        }
      }
      if (ongoing && report.triggers() != 0
          && MovementTable.involvesAny(current, StateCodes.MOVEMENT.set(report.triggers()))) {
        held.add(Reason.TRIGGER_MOVEMENT);
        evidence = Math.max(evidence, nonRestSecond * 1000);
      }
      if (w.flexionRepetitions() >= settings.flexionRepetitions()) {
        held.add(Reason.EXCESSIVE_RANGE_OF_MOTION);
        evidence = Math.max(evidence, w.lastFlexionSecond() * 1000);
      }
      if (report.risingActivity() != 0
          && ongoing
          && history.activity(nonRestSecond) + 1 == report.risingActivity()) {
        held.add(Reason.PAIN_INCREASING_DURING_ACTIVITY);
        evidence = Math.max(evidence, Math.max(nonRestSecond * 1000, report.at()));
      }
    }
    // Outside pain.active(): the inactivity limit (24 h) is longer than a report stays in force
    // (12 h), so requiring a fresh report meant the nudge could never come. What counts is that the
    // athlete went inactive while the report still described them, and stayed so.
    long since = inactiveSince(s, now);
    if (!ongoing
        && since != NONE
        && since <= report.at() + staleMillis
        && now - since >= settings.inactivityAfter().toMillis()) {
      held.add(Reason.PROLONGED_INACTIVITY);
    }
    if (report != null && now - report.at() <= staleMillis) {
      if (report.radiculopathy() != 0 || report.radiates() != 0) {
        held.add(Reason.RADICULOPATHY_SIGNS);
      }
      if (report.redFlags() != 0) {
        held.add(Reason.MEDICAL_RED_FLAG);
      }
    }
    return new Evaluation(held, pain, limits, w, current, report, evidence);
  }

  /** The activity under way at {@code t} (a non-REST sample within activityOngoing), -1 if none. */
  int activityAt(AthleteState s, long t) {
    long second = Math.floorDiv(t, 1000);
    long nonRest = s.window().lastNonRestSecond(second, second - ongoingSeconds);
    return nonRest == NONE ? -1 : s.window().activity(nonRest);
  }

  /** Event time at which the persistent conditions of the report in force at {@code t} went stale. */
  long staleAt(AthleteState.Report report) {
    return report.at() + staleMillis;
  }

  /** The deadline: the next event time after what was processed at which a tick may change anything. */
  long deadline(AthleteState s) {
    return deadlineAfter(s, Math.max(s.clock(), s.tickedAt()));
  }

  /** The next event time after {@code processed} at which a tick may change anything. */
  long deadlineAfter(AthleteState s, long processed) {
    long d = Long.MAX_VALUE;
    AthleteState.Report r = s.newestReport();
    if (r != null && (r.level() >= 1 || r.medical())) {
      d = earliest(d, r.at() + staleMillis + 1, processed);
    }
    if (r != null) {
      long since = inactiveSince(s, processed);
      if (since != NONE && since <= r.at() + staleMillis) {
        d = earliest(d, since + settings.inactivityAfter().toMillis(), processed);
      }
    }
    if (s.isOpen()) {
      long from = s.lastEvidenceAt() != NONE ? s.lastEvidenceAt() : s.openedAt();
      long resolveAt = from + settings.resolveAfter().toMillis();
      if (resolveAt > processed) {
        d = earliest(d, resolveAt, processed);
      } else if ((s.heldReasonsMask() & PERSISTENT) == 0) {
        // Conditions that need samples end as the window ages: look again every resolveAfter.
        d = earliest(d, processed + settings.resolveAfter().toMillis(), processed);
      }
    }
    for (AthleteState.Transition t : s.transitions()) {
      if (t.opens()) {
        d = earliest(d, t.at() + settings.alertCooldown().toMillis(), processed);
      }
    }
    return d;
  }

  HeartRateLimits limits(AthleteState s, long t) {
    int year = UtcYear.of(t);
    return HeartRateLimits.of(s.birthYear(), s.restingHeartRateBpm(), s.maxHeartRateBpm(), year, settings);
  }

  /** Start of the stretch without activity beyond rest up to {@code now}, within the episode. */
  long inactiveSince(AthleteState s, long now) {
    long episode = s.episodeStartAt(now, settings);
    if (episode == NONE) {
      return NONE;
    }
    long lastNonRest = s.lastNonRestAt();
    if (lastNonRest > now) {
      long second = Math.floorDiv(now, 1000);
      long found = s.window().lastNonRestSecond(second, Long.MIN_VALUE);
      lastNonRest = found == NONE ? NONE : found * 1000;
    }
    return Math.max(lastNonRest, episode);
  }

  private static long earliest(long current, long candidate, long after) {
    return candidate > after && candidate < current ? candidate : current;
  }

  long ongoingMillis() {
    return ongoingMillis;
  }
}

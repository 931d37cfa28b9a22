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
 * <p>These are the effort lifecycle's conditions. Radiculopathy signs and red flags are not among
 * them: they open a {@link Referral}, a lifecycle of its own ({@link ReferralTrack}). While a
 * referral is open, the report's level keeps setting the ceiling even after it went stale (the
 * referral says the athlete should not be training hard at all) and the inactivity nudge is held
 * back (the next step is a healthcare provider, not a workout).
 *
 * <p>Conditions (each needs an active pain episode unless noted):
 *
 * <ul>
 *   <li>SUSTAINED_HIGH_INTENSITY: at least {@code sustainedMinAbove} of the window above the
 *       ceiling; with severe pain also SEVERE_PAIN_WHILE_ACTIVE.
 *   <li>TRIGGER_MOVEMENT: the ongoing activity involves a movement any report of the episode named
 *       as a trigger (triggers are kept for the whole episode, DOMAIN 2).
 *   <li>EXCESSIVE_RANGE_OF_MOTION: at least {@code flexionRepetitions} separate bends beyond
 *       {@code maxTrunkFlexionDeg} within the window.
 *   <li>PAIN_INCREASING_DURING_ACTIVITY: on the rising report itself, then for as long as the
 *       activity during which the pain rose goes on.
 *   <li>SHARP_PAIN_DURING_ACTIVITY: the report in force names sharp or stabbing pain and was made
 *       during an activity; held for as long as that activity goes on (DOMAIN 2: the type of pain).
 *   <li>PROLONGED_INACTIVITY: no activity beyond rest for {@code inactivityAfter} within a pain
 *       episode ({@code pain.episode-limit}, not the report's 12 hours: DOMAIN 5), unless a
 *       referral is open.
 * </ul>
 */
final class ConditionEvaluator {

  /** Conditions that hold on their own (no sample needed); their end is recorded as evidence. */
  static final int PERSISTENT = StateCodes.REASON.mask(EnumSet.of(Reason.PROLONGED_INACTIVITY));

  /**
   * What was found at one event time.
   *
   * @param evidence the newest event time at which a sample-based condition was seen, or NONE
   * @param triggers the movements the episode's reports named as triggers ({@link StateCodes} mask)
   * @param referral the signs of the referral open at that time, {@link MedicalSigns#NONE} if none
   */
  record Evaluation(
      Set<Reason> held,
      PainInForce pain,
      HeartRateLimits limits,
      WindowSummary window,
      ActivityType activity,
      AthleteState.Report report,
      long evidence,
      int triggers,
      MedicalSigns referral) {}

  private final GuidanceSettings settings;
  private final long staleMillis;
  private final int ongoingSeconds;

  ConditionEvaluator(GuidanceSettings settings) {
    this.settings = settings;
    this.staleMillis = settings.painStaleAfter().toMillis();
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
    PainInForce pain = painInForce(s, report, now, settings);
    boolean referred = s.referralOpenAt(now);
    int triggers = s.episodeTriggersAt(now, settings);
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
      if (ongoing && triggers != 0
          && MovementTable.involvesAny(current, StateCodes.MOVEMENT.set(triggers))) {
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
      if (report.sharpActivity() != 0
          && ongoing
          && history.activity(nonRestSecond) + 1 == report.sharpActivity()) {
        held.add(Reason.SHARP_PAIN_DURING_ACTIVITY);
        evidence = Math.max(evidence, Math.max(nonRestSecond * 1000, report.at()));
      }
    }
    // Outside pain.active(): the inactivity limit (24 h) is longer than a report stays in force
    // (12 h). What counts is the episode, which lasts until a level-0 report or its limit, so an
    // athlete who checks in once a day and never moves is nudged.
    long since = inactiveSince(s, now);
    if (!ongoing
        && !referred
        && since != NONE
        && now - since >= settings.inactivityAfter().toMillis()) {
      held.add(Reason.PROLONGED_INACTIVITY);
    }
    MedicalSigns referral = referred ? s.referral().signs() : MedicalSigns.NONE;
    return new Evaluation(held, pain, limits, w, current, report, evidence, triggers, referral);
  }

  /**
   * The pain {@code report} (the one in force at {@code now}) sets at {@code now}: while a referral
   * is open the level keeps setting the ceiling after the report went stale.
   */
  static PainInForce painInForce(AthleteState s, AthleteState.Report report, long now, GuidanceSettings settings) {
    if (report == null) {
      return PainInForce.NONE;
    }
    PainInForce pain = PainInForce.at(now, report.at(), report.level(), settings);
    if (!pain.active() && report.level() >= 1 && s.referralOpenAt(now)) {
      return PainInForce.at(report.at(), report.at(), report.level(), settings); // no stale end
    }
    return pain;
  }

  /** The activity under way at {@code t} (a non-REST sample within activityOngoing), -1 if none. */
  int activityAt(AthleteState s, long t) {
    long second = Math.floorDiv(t, 1000);
    long nonRest = s.window().lastNonRestSecond(second, second - ongoingSeconds);
    return nonRest == NONE ? -1 : s.window().activity(nonRest);
  }

  /** The deadline: the next event time after what was processed at which a tick may change anything. */
  long deadline(AthleteState s) {
    return deadlineAfter(s, Math.max(s.clock(), s.tickedAt()));
  }

  /** The next event time after {@code processed} at which a tick may change anything. */
  long deadlineAfter(AthleteState s, long processed) {
    long d = Long.MAX_VALUE;
    AthleteState.Report r = s.newestReport();
    if (r != null && r.level() >= 1) {
      d = earliest(d, r.at() + staleMillis + 1, processed);
    }
    if (r != null) {
      long since = inactiveSince(s, processed);
      if (since != NONE) {
        d = earliest(d, since + settings.inactivityAfter().toMillis(), processed);
      }
    }
    Referral referral = s.referral();
    if (referral != null && referral.isOpen()) {
      d = earliest(d, referral.closesAt(settings.referralCloseAfter()), processed);
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

}

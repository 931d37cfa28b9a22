package io.painguard.rules;

import static io.painguard.rules.AthleteState.NONE;

import io.painguard.events.ActivityEvent;
import io.painguard.events.ActivityType;
import io.painguard.events.AlertState;
import io.painguard.events.AthleteProfile;
import io.painguard.events.ExertionAlert;
import io.painguard.events.PainReport;
import io.painguard.events.Reason;
import io.painguard.events.Severity;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The per-athlete state machine: given the athlete's {@link AthleteState} and one input (activity
 * sample, pain report, profile update or stream-time tick) it updates the state in place and
 * returns the alerts to emit.
 *
 * <p>Each step first records the input, then evaluates which conditions hold at the athlete's
 * event time ({@link ConditionEvaluator}), then applies the alert lifecycle: RAISED when a
 * condition starts (unless the same severity was raised less than the cooldown ago), ESCALATED when
 * the severity rises, nothing while conditions continue, and one RESOLVED once no condition has
 * held for {@code resolveAfter} ("back under the ceiling for 2 minutes") or on a level-0 report.
 *
 * <p>Event times of alerts come from the data, never from the wall clock or the moment a tick
 * happened to run, so a replay produces the same alerts with the same ids.
 */
public final class AthleteGuard {

  private final GuidanceSettings settings;
  private final ConditionEvaluator conditions;

  public AthleteGuard(GuidanceSettings settings) {
    this.settings = settings;
    this.conditions = new ConditionEvaluator(settings);
  }

  public GuidanceSettings settings() {
    return settings;
  }

  /** A fresh state for an athlete never seen before. */
  public AthleteState newState() {
    return new AthleteState(settings);
  }

  /** Dispatches one input. */
  public GuardResult on(AthleteState state, AthleteSignal signal) {
    if (signal instanceof AthleteSignal.Activity a) {
      return onActivity(state, a.event());
    } else if (signal instanceof AthleteSignal.Pain p) {
      return onPain(state, p.report());
    }
    return onProfile(state, ((AthleteSignal.Profile) signal).profile());
  }

  public GuardResult onActivity(AthleteState s, ActivityEvent e) {
    long t = e.getTimestamp().toEpochMilli();
    ActivityType type = e.getActivityType();
    boolean rest = type == ActivityType.REST;
    Integer hr = e.getHeartRateBpm();
    IntensityClass intensity =
        IntensityClass.classify(type, e.getSpeedMps(), e.getPowerWatts(), settings);
    Float flexion = e.getTrunkFlexionDeg();
    boolean flexed = !rest && flexion != null && flexion > settings.maxTrunkFlexionDeg();
    int holdSeconds = (int) Math.max(1, settings.sampleHold().toSeconds());
    long second = Math.floorDiv(t, 1000);
    // Equipment next to a heart-rate sensor (a bike's power beside a wrist's pulse): the measured
    // heart rate decides intensity; the equipment's sample still says what the athlete is doing.
    boolean deferToHeartRate = !rest && hr == null && heartRateMeasuredNear(s, t);
    if (deferToHeartRate) {
      s.window.addHeld(second, Math.floorDiv(s.lastHeartRateAt, 1000), flexed, holdSeconds);
    } else {
      s.window.add(second, ExertionWindow.codeOf(rest, hr, intensity), flexed, holdSeconds);
    }
    if (hr != null && t >= s.lastHeartRateAt) {
      s.lastHeartRateAt = t;
    }
    if (t >= s.lastSampleAt) {
      s.lastSampleAt = t;
      s.lastActivity = type.ordinal();
      if (!deferToHeartRate) {
        s.lastHeartRateBpm = hr == null ? 0 : hr;
        if (hr != null) {
          s.lastIntensityHrrPct = (int) Math.round(limits(s, t).reservePct(hr));
        } else {
          s.lastIntensityHrrPct = rest ? Integer.MIN_VALUE : intensity.equivalentHrrPct(settings);
        }
      }
    }
    if (!rest) {
      s.activity.mark(t);
      if (t >= s.lastNonRestAt) {
        s.lastNonRestAt = t;
        s.lastNonRestActivity = type.ordinal();
      }
    }
    s.clock = Math.max(s.clock, t);
    return step(e.getAthleteId(), s, s.clock, t, false, Set.of());
  }

  public GuardResult onPain(AthleteState s, PainReport r) {
    long t = r.getTimestamp().toEpochMilli();
    String athleteId = r.getAthleteId();
    MedicalSigns signs = MedicalSigns.of(r);
    long now = Math.max(s.clock, t);
    if (s.reportAt != NONE && t < s.reportAt) {
      // Older than the report in force: it no longer describes the pain, but a medical sign in it
      // is still news and is alerted once.
      s.clock = now;
      Set<Reason> pulse = ConditionEvaluator.medicalReasons(signs);
      if (!pulse.isEmpty()) {
        s.lastEvidenceAt = Math.max(s.lastEvidenceAt, t);
      }
      return step(athleteId, s, now, t, false, pulse);
    }
    conditions.expireStale(s, t);
    PainInForce before = PainInForce.at(t, s.reportAt, s.painLevel, settings);
    boolean baselineKnown =
        s.reportAt != NONE && t - s.reportAt <= settings.painStaleAfter().toMillis();
    boolean inGrace = s.clock == NONE || s.clock - t <= settings.latePainGrace().toMillis();
    boolean rising =
        baselineKnown
            && r.getLevel() >= s.painLevel + settings.painRisePoints()
            && inGrace
            && conditions.activeAt(s, t);

    s.previousPainLevel = baselineKnown ? s.painLevel : 0;
    s.previousCeilingPct = before.ceilingHrrPct();
    if (r.getLevel() < 1) {
      s.episodeStartAt = NONE;
    } else if (!before.active()) {
      s.episodeStartAt = t;
    }
    s.reportId = r.getReportId();
    s.reportAt = t;
    s.painLevel = r.getLevel();
    s.triggersMask = AthleteState.mask(r.getTriggers());
    s.radiculopathyMask = AthleteState.mask(signs.radiculopathySensations());
    s.radiatesMask = AthleteState.mask(signs.radiatesTo());
    s.redFlagsMask = AthleteState.mask(signs.redFlags());
    // The activity the pain rose during keeps the alert open while it goes on. For a late report
    // the athlete may have switched since, and which activity was under way then is not kept: the
    // report still alerts, but nothing is held on to afterwards.
    s.risingActivity = rising && t >= s.lastNonRestAt ? s.lastNonRestActivity : -1;
    s.clock = now;

    List<ExertionAlert> out = new ArrayList<>(1);
    if (r.getLevel() == 0 && !signs.any() && s.openSeverity != 0) {
      s.lastEvidenceAt = Math.max(s.lastEvidenceAt, t);
      out.add(resolve(athleteId, s, conditions.snapshot(s, now), t, true));
    }
    Set<Reason> pulse = rising ? EnumSet.of(Reason.PAIN_INCREASING_DURING_ACTIVITY) : Set.of();
    if (rising) {
      s.lastEvidenceAt = Math.max(s.lastEvidenceAt, t);
    }
    GuardResult evaluated = step(athleteId, s, now, t, false, pulse);
    out.addAll(evaluated.alerts());
    return new GuardResult(s, out, true);
  }

  public GuardResult onProfile(AthleteState s, AthleteProfile p) {
    long updatedAt = p.getUpdatedAt().toEpochMilli();
    if (s.profileUpdatedAt != NONE && updatedAt < s.profileUpdatedAt) {
      return new GuardResult(s, List.of(), false); // an older version of a compacted profile
    }
    s.profileUpdatedAt = updatedAt;
    s.birthYear = p.getBirthYear();
    s.restingHeartRateBpm = p.getRestingHeartRateBpm();
    s.maxHeartRateBpm = p.getMaxHeartRateBpm();
    s.coachId = p.getCoachId();
    conditions.computeDeadline(s);
    return new GuardResult(s, List.of(), true);
  }

  /**
   * Stream time has reached {@code streamTime}: act on anything due by then (resolution, inactivity,
   * staleness, the end of a cooldown). Cheap when nothing is due: the state is left untouched.
   */
  public GuardResult onTick(String athleteId, AthleteState s, long streamTime) {
    if (streamTime < s.deadline || streamTime <= Math.max(s.clock, s.tickedAt)) {
      return new GuardResult(s, List.of(), false);
    }
    s.tickedAt = streamTime;
    return step(athleteId, s, streamTime, streamTime, true, Set.of());
  }

  // ---- the common evaluation and the alert lifecycle ----

  private GuardResult step(
      String athleteId, AthleteState s, long now, long inputTime, boolean tick, Set<Reason> pulse) {
    ConditionEvaluator.Evaluation ev = conditions.evaluate(s, now, tick ? now : inputTime);
    Set<Reason> all = EnumSet.noneOf(Reason.class);
    all.addAll(ev.held());
    all.addAll(pulse);
    List<ExertionAlert> out = new ArrayList<>(1);
    if (all.isEmpty()) {
      if (s.openSeverity != 0) {
        long from = s.lastEvidenceAt != NONE ? s.lastEvidenceAt : s.openedAt;
        long resolveAt = from + settings.resolveAfter().toMillis();
        if (now >= resolveAt) {
          out.add(resolve(athleteId, s, ev, resolveAt, false));
        }
      }
    } else {
      Severity severity = ReasonPolicy.severityOf(all);
      long at = tick ? conditions.dueTime(s, all, severity, now) : inputTime;
      AlertState transition = null;
      if (s.openSeverity == 0) {
        long last = s.lastRaisedAt[severity.ordinal()];
        if (last == NONE || at - last >= settings.alertCooldown().toMillis()) {
          transition = AlertState.RAISED;
          s.openedAt = at;
        }
      } else if (severity.ordinal() > s.openSeverity) {
        transition = AlertState.ESCALATED;
      }
      if (transition != null) {
        s.openSeverity = severity.ordinal();
        s.openState = transition.ordinal();
        s.openReasonsMask = AthleteState.mask(all);
        s.lastRaisedAt[severity.ordinal()] = at;
        s.lastEvidenceAt = Math.max(s.lastEvidenceAt, at);
        out.add(AlertFactory.build(context(athleteId, s, ev, transition, severity, all, at, false)));
      } else if (s.openSeverity != 0) {
        s.openReasonsMask |= AthleteState.mask(all);
      }
    }
    conditions.computeDeadline(s);
    return new GuardResult(s, out, true);
  }

  private ExertionAlert resolve(
      String athleteId,
      AthleteState s,
      ConditionEvaluator.Evaluation ev,
      long at,
      boolean painGone) {
    Severity severity = Severity.values()[s.openSeverity];
    s.openSeverity = 0;
    s.openState = 0;
    s.openReasonsMask = 0;
    s.openedAt = NONE;
    return AlertFactory.build(
        context(athleteId, s, ev, AlertState.RESOLVED, severity, Set.of(), at, painGone));
  }

  private AlertContext context(
      String athleteId,
      AthleteState s,
      ConditionEvaluator.Evaluation ev,
      AlertState state,
      Severity severity,
      Set<Reason> reasons,
      long at,
      boolean painGone) {
    boolean reportInForce =
        s.reportAt != NONE && at - s.reportAt <= settings.painStaleAfter().toMillis();
    return new AlertContext(
        athleteId,
        state,
        severity,
        ReasonPolicy.ordered(reasons),
        at,
        ev.pain(),
        s.previousPainLevel,
        ev.limits(),
        ev.window(),
        ev.activity(),
        s.triggers(),
        s.medicalSigns(),
        s.coachId,
        reportInForce ? s.reportId : null,
        painGone,
        settings);
  }

  /** True when a heart rate was measured within {@code heartRatePrecedence} of {@code t}. */
  private boolean heartRateMeasuredNear(AthleteState s, long t) {
    return s.lastHeartRateAt != NONE
        && Math.abs(t - s.lastHeartRateAt) <= settings.heartRatePrecedence().toMillis();
  }

  /** Heart-rate limits for the athlete at event time {@code t} (age counts in UTC years). */
  public HeartRateLimits limits(AthleteState s, long t) {
    return conditions.limits(s, t);
  }
}

package io.painguard.rules;

import static io.painguard.rules.AthleteState.NONE;

import io.painguard.events.ActivityType;
import io.painguard.events.Reason;
import io.painguard.events.Severity;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which alert conditions hold for an athlete at one event time, and the bookkeeping the alert
 * lifecycle needs: when the evidence was last seen (for "back under the ceiling for 2 minutes")
 * and the next event time at which a tick could change anything.
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
 *   <li>PROLONGED_INACTIVITY: no activity beyond rest for {@code inactivityAfter} during the
 *       episode.
 *   <li>RADICULOPATHY_SIGNS / MEDICAL_RED_FLAG: while the report in force carries them and is not
 *       stale, whatever the pain level or activity.
 * </ul>
 */
final class ConditionEvaluator {

  /** Conditions that hold on their own (no sample needed); their end is recorded as evidence. */
  static final int PERSISTENT =
      AthleteState.mask(
          EnumSet.of(
              Reason.RADICULOPATHY_SIGNS, Reason.MEDICAL_RED_FLAG, Reason.PROLONGED_INACTIVITY));

  /** What was found at one event time. */
  record Evaluation(
      Set<Reason> held,
      PainInForce pain,
      HeartRateLimits limits,
      WindowSummary window,
      ActivityType activity) {}

  private final GuidanceSettings settings;
  private final long staleMillis;
  private final long ongoingMillis;

  ConditionEvaluator(GuidanceSettings settings) {
    this.settings = settings;
    this.staleMillis = settings.painStaleAfter().toMillis();
    this.ongoingMillis = settings.activityOngoing().toMillis();
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

  /**
   * Evaluates the conditions at {@code now}, recording evidence times and which conditions held.
   *
   * @param endTime event time at which persistent conditions that no longer hold have ended (the
   *     input's own time; staleness is handled separately with its exact time)
   */
  Evaluation evaluate(AthleteState s, long now, long endTime) {
    expireStale(s, now);
    s.window.expire(Math.floorDiv(now, 1000));
    Evaluation ev = compute(s, now, true);
    int heldMask = AthleteState.mask(ev.held());
    if ((s.heldReasonsMask & ~heldMask & PERSISTENT) != 0) {
      evidence(s, endTime);
    }
    s.heldReasonsMask = heldMask;
    return ev;
  }

  /** The same evaluation without touching the state. */
  Evaluation snapshot(AthleteState s, long now) {
    return compute(s, now, false);
  }

  /** Persistent conditions of a report that went stale before {@code at} ended when it did. */
  void expireStale(AthleteState s, long at) {
    if (s.reportAt != NONE && (s.heldReasonsMask & PERSISTENT) != 0) {
      long lastHeld = s.reportAt + staleMillis;
      if (at > lastHeld) {
        evidence(s, lastHeld);
        s.heldReasonsMask &= ~PERSISTENT;
      }
    }
  }

  /** True when a non-REST sample lies within {@code activityOngoing} before {@code t}. */
  boolean activeAt(AthleteState s, long t) {
    if (s.lastNonRestAt == NONE) {
      return false;
    } else if (t >= s.lastNonRestAt) {
      return t - s.lastNonRestAt <= ongoingMillis;
    }
    // A late report: the 10-second activity bitmap covers the grace period.
    return s.activity.anyBetween(t - ongoingMillis, t);
  }

  /** When a tick-raised alert happened, from the data: the moment the condition became due. */
  long dueTime(AthleteState s, Set<Reason> reasons, Severity severity, long now) {
    long at = s.clock;
    if (reasons.contains(Reason.PROLONGED_INACTIVITY)) {
      at = Math.max(at, inactiveSince(s) + settings.inactivityAfter().toMillis());
    }
    long last = s.lastRaisedAt[severity.ordinal()];
    if (last != NONE && last + settings.alertCooldown().toMillis() <= now) {
      at = Math.max(at, last + settings.alertCooldown().toMillis());
    }
    return at == NONE ? now : Math.min(at, now);
  }

  /** Sets {@link AthleteState#deadline}: the next event time at which a tick may change anything. */
  void computeDeadline(AthleteState s) {
    long processed = Math.max(s.clock, s.tickedAt);
    long d = Long.MAX_VALUE;
    boolean medical = s.radiculopathyMask != 0 || s.radiatesMask != 0 || s.redFlagsMask != 0;
    if (s.reportAt != NONE && (s.painLevel >= 1 || medical)) {
      d = earliest(d, s.reportAt + staleMillis + 1, processed);
    }
    if (PainInForce.at(processed, s.reportAt, s.painLevel, settings).active()
        && inactiveSince(s) != NONE) {
      d = earliest(d, inactiveSince(s) + settings.inactivityAfter().toMillis(), processed);
    }
    if (s.openSeverity != 0) {
      long from = s.lastEvidenceAt != NONE ? s.lastEvidenceAt : s.openedAt;
      long resolveAt = from + settings.resolveAfter().toMillis();
      if (resolveAt > processed) {
        d = earliest(d, resolveAt, processed);
      } else if ((s.heldReasonsMask & PERSISTENT) == 0) {
        // Conditions that need samples end as the window ages: look again every resolveAfter.
        // (Persistent ones end with staleness, already a candidate, or with a new input.)
        d = earliest(d, processed + settings.resolveAfter().toMillis(), processed);
      }
    }
    for (long raised : s.lastRaisedAt) {
      if (raised != NONE) {
        d = earliest(d, raised + settings.alertCooldown().toMillis(), processed);
      }
    }
    s.deadline = d;
  }

  HeartRateLimits limits(AthleteState s, long t) {
    int year = UtcYear.of(t);
    return HeartRateLimits.of(s.birthYear, s.restingHeartRateBpm, s.maxHeartRateBpm, year, settings);
  }

  private Evaluation compute(AthleteState s, long now, boolean record) {
    PainInForce pain = PainInForce.at(now, s.reportAt, s.painLevel, settings);
    HeartRateLimits limits = limits(s, now);
    long changeSecond = s.reportAt == NONE ? Long.MIN_VALUE : Math.floorDiv(s.reportAt, 1000);
    WindowSummary w =
        s.window.summarize(
            Math.floorDiv(now, 1000),
            changeSecond,
            s.previousCeilingPct,
            pain.ceilingHrrPct(),
            limits,
            settings);
    boolean ongoing = s.lastNonRestAt != NONE && now - s.lastNonRestAt <= ongoingMillis;
    ActivityType current = ActivityType.UNKNOWN;
    if (ongoing) {
      current = ActivityType.values()[s.lastNonRestActivity];
    } else if (s.lastSampleAt != NONE && now - s.lastSampleAt <= ongoingMillis) {
      current = s.lastActivity();
    }

    Set<Reason> held = EnumSet.noneOf(Reason.class);
    if (pain.active()) {
      if (record && w.lastAboveSecond() != Long.MIN_VALUE) {
        evidence(s, w.lastAboveSecond() * 1000);
      }
      if (w.secondsAboveCeiling() >= settings.sustainedMinAbove().toSeconds()) {
        held.add(Reason.SUSTAINED_HIGH_INTENSITY);
        if (pain.band() == PainBand.SEVERE) {
          held.add(Reason.SEVERE_PAIN_WHILE_ACTIVE);
        }
      }
      if (ongoing && MovementTable.involvesAny(current, s.triggers())) {
        held.add(Reason.TRIGGER_MOVEMENT);
        if (record) {
          evidence(s, s.lastNonRestAt);
        }
      }
      if (w.flexionRepetitions() >= settings.flexionRepetitions()) {
        held.add(Reason.EXCESSIVE_RANGE_OF_MOTION);
        if (record) {
          evidence(s, w.lastFlexionSecond() * 1000);
        }
      }
      if (s.risingActivity >= 0 && ongoing && s.lastNonRestActivity == s.risingActivity) {
        held.add(Reason.PAIN_INCREASING_DURING_ACTIVITY);
        if (record) {
          evidence(s, Math.max(s.lastNonRestAt, s.reportAt));
        }
      }
      long since = inactiveSince(s);
      if (!ongoing && since != NONE && now - since >= settings.inactivityAfter().toMillis()) {
        held.add(Reason.PROLONGED_INACTIVITY);
      }
    }
    if (s.reportAt != NONE && now - s.reportAt <= staleMillis) {
      if (s.radiculopathyMask != 0 || s.radiatesMask != 0) {
        held.add(Reason.RADICULOPATHY_SIGNS);
      }
      if (s.redFlagsMask != 0) {
        held.add(Reason.MEDICAL_RED_FLAG);
      }
    }
    return new Evaluation(held, pain, limits, w, current);
  }

  /** Start of the current stretch without activity beyond rest, within the episode. */
  private static long inactiveSince(AthleteState s) {
    if (s.episodeStartAt == NONE) {
      return NONE;
    }
    return Math.max(s.lastNonRestAt, s.episodeStartAt);
  }

  private static void evidence(AthleteState s, long at) {
    s.lastEvidenceAt = Math.max(s.lastEvidenceAt, at);
  }

  private static long earliest(long current, long candidate, long after) {
    return candidate > after && candidate < current ? candidate : current;
  }
}

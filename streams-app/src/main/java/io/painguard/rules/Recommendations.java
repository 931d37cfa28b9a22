package io.painguard.rules;

import io.painguard.events.ActivityType;
import io.painguard.events.AlertState;
import io.painguard.events.PainOnset;
import io.painguard.events.PainSensation;
import io.painguard.events.Reason;
import io.painguard.events.Recommendation;
import io.painguard.events.SelfCare;
import io.painguard.events.Severity;
import java.util.List;

/**
 * What an alert suggests instead, from the guidance:
 *
 * <ul>
 *   <li>{@code targetMaxHeartRateBpm}: the pain-band ceiling as a heart rate (Karvonen); none on
 *       an alert that says to stop or during a referral (safety invariant 3).
 *   <li>{@code intensityReductionPct}: for STOP_ACTIVITY and SEEK_MEDICAL_ATTENTION 100 (stop);
 *       otherwise, whenever the window was above the ceiling, how far the effort above the ceiling
 *       must drop to reach it: (observed %HRR - ceiling) / observed, at least 1 (DOMAIN 1, 6).
 *   <li>{@code durationReductionPct}: pain level x the per-level setting, capped at 100 (DOMAIN 6),
 *       plus {@code after-activity-extra-duration-pct} when the pain came on after activity
 *       (DOMAIN 2, 6); 100 when the athlete should stop; 0 for inactivity, where moving more is the
 *       point.
 *   <li>{@code alternativeActivities}: easy options avoiding the current activity and the episode's
 *       triggers (DOMAIN 7), yoga and core work first for spasm; gentle walking for inactivity
 *       (DOMAIN 5, 9); none while a referral is open (DOMAIN 3, 4: medical attention comes before
 *       any workout).
 *   <li>{@code selfCare}: ice, heat, massage, OTC pain relief only for mild pain (DOMAIN 10),
 *       never while a referral is open.
 * </ul>
 */
public final class Recommendations {

  private static final List<SelfCare> HOME_MEASURES =
      List.of(SelfCare.ICE, SelfCare.HEAT, SelfCare.MASSAGE, SelfCare.OTC_PAIN_RELIEF);

  private Recommendations() {}

  public static Recommendation of(AlertContext c) {
    return Recommendation.newBuilder()
        .setIntensityReductionPct(intensityReductionPct(c))
        .setDurationReductionPct(durationReductionPct(c))
        .setAlternativeActivities(alternatives(c))
        .setMessage(AlertMessages.of(c))
        .setTargetMaxHeartRateBpm(c.targetMaxHeartRateBpm())
        .setSelfCare(selfCare(c))
        .build();
  }

  static int intensityReductionPct(AlertContext c) {
    if (c.state() == AlertState.RESOLVED) {
      return 0;
    } else if (c.stops()) {
      return 100;
    }
    WindowSummary w = c.window();
    int ceiling = c.pain().ceilingHrrPct();
    if (ceiling < 0 || w.secondsAboveCeiling() == 0 || w.avgAboveCeilingHrrPct() <= 0) {
      return 0;
    }
    double observed = w.avgAboveCeilingHrrPct();
    // The epsilon keeps float noise (28.000000000000004) from rounding a whole percent up.
    int pct = (int) Math.ceil(100.0 * (observed - ceiling) / observed - 1e-9);
    return Math.max(1, Math.min(100, pct));
  }

  static int durationReductionPct(AlertContext c) {
    if (c.state() == AlertState.RESOLVED) {
      return 0;
    } else if (c.stops()) {
      return 100;
    } else if (c.primaryReason() == Reason.PROLONGED_INACTIVITY) {
      return 0;
    }
    int extra = c.onset() == PainOnset.AFTER_ACTIVITY ? c.settings().afterActivityExtraDurationPct() : 0;
    return Math.min(100, c.pain().level() * c.settings().durationReductionPctPerPainLevel() + extra);
  }

  static List<ActivityType> alternatives(AlertContext c) {
    if (c.state() == AlertState.RESOLVED
        || c.severity() == Severity.SEEK_MEDICAL_ATTENTION
        || c.referred()
        || c.primaryReason() == Reason.NOT_IMPROVING) {
      return List.of();
    } else if (c.primaryReason() == Reason.PROLONGED_INACTIVITY) {
      return Alternatives.gentleMovement(c.triggers());
    }
    return Alternatives.suggest(c.activity(), c.triggers(), c.sensations().contains(PainSensation.SPASM));
  }

  static List<SelfCare> selfCare(AlertContext c) {
    boolean mild = c.pain().band() == PainBand.MILD;
    boolean medical = c.severity() == Severity.SEEK_MEDICAL_ATTENTION || c.referred();
    return c.state() != AlertState.RESOLVED && mild && !medical ? HOME_MEASURES : List.of();
  }

}

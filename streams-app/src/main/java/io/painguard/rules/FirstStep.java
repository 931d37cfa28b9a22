package io.painguard.rules;

import io.painguard.events.ActivityType;
import io.painguard.events.AlertState;
import io.painguard.events.ExertionAlert;
import io.painguard.events.Reason;
import io.painguard.events.Recommendation;
import io.painguard.events.Severity;
import java.util.List;

/**
 * The one line on every alert card saying what to do first, by severity and referral. Only a
 * REDUCE_INTENSITY alert outside a referral names a heart-rate target; a STOP or a referral never
 * carries a number (DOMAIN 3, 4; safety invariant 3), whatever the alert record holds, so an old
 * record with "100 %" cannot put one back.
 */
public final class FirstStep {

  static final String REFERRAL = "See a doctor or physiotherapist before training again";
  static final String URGENT_REFERRAL = "Get medical care today, before any training";
  static final String STOP = "Stop this session now";
  static final String HARD_EFFORT_DURING_REFERRAL =
      "Stop this hard effort: see a doctor or physiotherapist before training hard";

  private FirstStep() {}

  /** The first step for an alert as it was emitted. */
  public static String of(ExertionAlert alert) {
    Recommendation r = alert.getRecommendation();
    String message = r == null || r.getMessage() == null ? "" : r.getMessage();
    List<ActivityType> alternatives = r == null ? List.of() : r.getAlternativeActivities();
    return of(
        alert.getSeverity(),
        alert.getState(),
        alert.getReasons(),
        r == null ? null : r.getTargetMaxHeartRateBpm(),
        alternatives,
        message.startsWith(ReferralMessages.URGENT),
        message.contains(AlertMessages.REFERRAL_OPEN));
  }

  /** The first step when only the open alert's severity and reasons are known. */
  public static String of(Severity severity, List<Reason> reasons) {
    return of(severity, AlertState.RAISED, reasons, null, List.of(), false, false);
  }

  private static String of(
      Severity severity,
      AlertState state,
      List<Reason> reasons,
      Integer targetMaxHeartRateBpm,
      List<ActivityType> alternatives,
      boolean urgent,
      boolean duringReferral) {
    Severity s = severity == null ? Severity.UNKNOWN : severity;
    if (state == AlertState.RESOLVED) {
      return s == Severity.SEEK_MEDICAL_ATTENTION
          ? "Referral closed: see a doctor or physiotherapist if the signs come back"
          : "Nothing to do: this alert is over";
    }
    return switch (s) {
      case SEEK_MEDICAL_ATTENTION -> urgent ? URGENT_REFERRAL : REFERRAL;
      case STOP_ACTIVITY -> STOP;
      case REDUCE_INTENSITY -> {
        if (duringReferral) {
          yield HARD_EFFORT_DURING_REFERRAL;
        }
        yield targetMaxHeartRateBpm != null
            ? "Ease off: keep your heart rate at or below " + targetMaxHeartRateBpm + " bpm"
            : "Ease off: make this session easier";
      }
      case ADVISORY -> advisory(primary(reasons), alternatives);
      default -> "Check in with the athlete";
    };
  }

  /** ADVISORY names its advice. */
  private static String advisory(Reason primary, List<ActivityType> alternatives) {
    String instead = alternatives.isEmpty() ? null : Words.of(alternatives.get(0));
    return switch (primary) {
      case TRIGGER_MOVEMENT ->
          instead != null
              ? "Switch to " + instead + ": this activity brings the pain on"
              : "Switch to an activity that does not bring the pain on";
      case EXCESSIVE_RANGE_OF_MOTION -> "Stop bending forward so far: choose an easier activity";
      case PROLONGED_INACTIVITY -> "Get up and move gently" + (instead != null ? ": try " + instead : "");
      case NOT_IMPROVING -> "Talk to a doctor or physiotherapist: the pain is not improving";
      default -> instead != null ? "Switch to " + instead : "Take it easier this session";
    };
  }

  private static Reason primary(List<Reason> reasons) {
    return reasons == null || reasons.isEmpty() ? Reason.UNKNOWN : reasons.get(0);
  }
}

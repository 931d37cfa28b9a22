package io.painguard.rules;

import io.painguard.events.Reason;
import io.painguard.events.Severity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** How severe each alert reason is, and the order reasons are listed in (most severe first). */
public final class ReasonPolicy {

  /** Most severe first; ties broken by how specific the reason is. */
  private static final List<Reason> ORDER =
      List.of(
          Reason.MEDICAL_RED_FLAG,
          Reason.RADICULOPATHY_SIGNS,
          Reason.SEVERE_PAIN_WHILE_ACTIVE,
          Reason.PAIN_INCREASING_DURING_ACTIVITY,
          Reason.SHARP_PAIN_DURING_ACTIVITY,
          Reason.SUSTAINED_HIGH_INTENSITY,
          Reason.TRIGGER_MOVEMENT,
          Reason.EXCESSIVE_RANGE_OF_MOTION,
          Reason.PROLONGED_INACTIVITY,
          Reason.NOT_IMPROVING);

  private ReasonPolicy() {}

  /** The severity a reason calls for on its own. */
  public static Severity severityOf(Reason reason) {
    return switch (reason) {
      // DOMAIN 3, 4: medical attention takes precedence over a workout.
      case MEDICAL_RED_FLAG, RADICULOPATHY_SIGNS -> Severity.SEEK_MEDICAL_ATTENTION;
      // DOMAIN 1: do not push through pain; DOMAIN 2: sharp pain in a movement means stop it.
      case SEVERE_PAIN_WHILE_ACTIVE, PAIN_INCREASING_DURING_ACTIVITY, SHARP_PAIN_DURING_ACTIVITY ->
          Severity.STOP_ACTIVITY;
      // DOMAIN 1, 6: lower the intensity.
      case SUSTAINED_HIGH_INTENSITY -> Severity.REDUCE_INTENSITY;
      // DOMAIN 2, 5, 7, 8: choose an easier activity / keep gently active.
      case TRIGGER_MOVEMENT, EXCESSIVE_RANGE_OF_MOTION, PROLONGED_INACTIVITY -> Severity.ADVISORY;
      // Beyond the session: not improving over days -> talk to a provider or physical therapist.
      case NOT_IMPROVING -> Severity.ADVISORY;
      default -> Severity.UNKNOWN;
    };
  }

  /** The highest severity among the reasons; UNKNOWN when there are none. */
  public static Severity severityOf(Collection<Reason> reasons) {
    Severity max = Severity.UNKNOWN;
    for (Reason r : reasons) {
      Severity s = severityOf(r);
      if (SeverityRank.of(s) > SeverityRank.of(max)) {
        max = s;
      }
    }
    return max;
  }

  /** The reasons, most severe first. */
  public static List<Reason> ordered(Collection<Reason> reasons) {
    List<Reason> out = new ArrayList<>(reasons.size());
    for (Reason r : ORDER) {
      if (reasons.contains(r)) {
        out.add(r);
      }
    }
    return out;
  }

  /** The most severe reason, or UNKNOWN when there are none. */
  public static Reason primary(Collection<Reason> reasons) {
    for (Reason r : ORDER) {
      if (reasons.contains(r)) {
        return r;
      }
    }
    return Reason.UNKNOWN;
  }
}

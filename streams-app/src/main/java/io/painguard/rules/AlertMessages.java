package io.painguard.rules;

import io.painguard.events.ActivityType;
import io.painguard.events.AlertState;
import io.painguard.events.Limb;
import io.painguard.events.Movement;
import io.painguard.events.PainSensation;
import io.painguard.events.RedFlag;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** One short sentence a coach can read out, for each kind of alert. Coaching, not a diagnosis. */
public final class AlertMessages {

  private AlertMessages() {}

  public static String of(AlertContext c) {
    if (c.state() == AlertState.RESOLVED) {
      if (c.withdrawnBecause() != null) {
        return "Withdrawn: " + c.withdrawnBecause();
      }
      return c.painGone()
          ? "Pain reported gone: this alert is over."
          : "All clear: back within your limits for "
              + minutes(c.settings().resolveAfter().toSeconds())
              + ", this alert is over.";
    }
    Integer target = c.targetMaxHeartRateBpm();
    String pain = c.pain().band().label() + " pain (" + c.pain().level() + "/10)";
    String instead = instead(Recommendations.alternatives(c));
    return switch (c.primaryReason()) {
      case MEDICAL_RED_FLAG ->
          "See a healthcare provider before training again: back pain with "
              + list(words(c.signs().redFlags()))
              + " needs a medical check.";
      case RADICULOPATHY_SIGNS ->
          "See a healthcare provider before training again: "
              + list(radiculopathy(c.signs()))
              + " can mean a nerve is involved.";
      case SEVERE_PAIN_WHILE_ACTIVE ->
          "Stop this session: with " + pain + " a hard effort does more harm than good" + instead + ".";
      case PAIN_INCREASING_DURING_ACTIVITY ->
          "Stop now: your pain rose from "
              + c.previousPainLevel()
              + " to "
              + c.pain().level()
              + during(c.activity())
              + instead
              + ".";
      case SUSTAINED_HIGH_INTENSITY ->
          "Ease off"
              + (Recommendations.intensityReductionPct(c) > 0
                  ? " by about " + Recommendations.intensityReductionPct(c) + "%"
                  : "")
              + (target != null ? ": keep your heart rate at or below " + target + " bpm" : "")
              + " while you have "
              + pain
              + ".";
      case TRIGGER_MOVEMENT ->
          capitalize(word(c.activity()))
              + " involves "
              + list(words(MovementTable.triggersInvolved(c.activity(), c.triggers())))
              + ", which brings your pain on"
              + instead
              + ".";
      case EXCESSIVE_RANGE_OF_MOTION ->
          "You keep bending forward beyond "
              + Math.round(c.settings().maxTrunkFlexionDeg())
              + " degrees: choose an easier activity"
              + instead
              + ".";
      case PROLONGED_INACTIVITY ->
          "Time for some gentle movement"
              + instead
              + ": staying lightly active gets you past back pain faster than rest.";
      default -> "Take it easy: your back pain calls for an easier workout.";
    };
  }

  private static String instead(List<ActivityType> alternatives) {
    if (alternatives.isEmpty()) {
      return "";
    }
    List<String> names = new ArrayList<>();
    for (ActivityType a : alternatives.subList(0, Math.min(2, alternatives.size()))) {
      names.add(word(a));
    }
    return "; try " + String.join(" or ", names) + " instead";
  }

  private static String during(ActivityType activity) {
    return activity == ActivityType.UNKNOWN || activity == ActivityType.REST
        ? " during activity"
        : " during " + word(activity);
  }

  private static List<String> radiculopathy(MedicalSigns signs) {
    List<String> parts = new ArrayList<>();
    for (PainSensation s : signs.radiculopathySensations()) {
      parts.add(word(s));
    }
    for (Limb l : signs.radiatesTo()) {
      parts.add(l == Limb.UNKNOWN ? "pain radiating to a limb" : "pain radiating to the " + word(l));
    }
    return parts;
  }

  private static List<String> words(Collection<? extends Enum<?>> values) {
    List<String> out = new ArrayList<>();
    for (Enum<?> v : values) {
      out.add(v == RedFlag.RECENT_TRAUMA ? "a recent trauma" : word(v));
    }
    return out;
  }

  private static String word(Enum<?> value) {
    if (value == Movement.REACHING_OVERHEAD) {
      return "reaching overhead";
    } else if (value == RedFlag.BLADDER_OR_BOWEL_CHANGE) {
      return "a bladder or bowel change";
    }
    return value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private static String list(List<String> parts) {
    if (parts.isEmpty()) {
      return "these signs";
    } else if (parts.size() == 1) {
      return parts.get(0);
    }
    return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static String minutes(long seconds) {
    return seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
  }
}

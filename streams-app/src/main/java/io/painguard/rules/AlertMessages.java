package io.painguard.rules;

import io.painguard.events.ActivityType;
import io.painguard.events.AlertState;
import io.painguard.events.PainOnset;
import io.painguard.events.PainSensation;
import io.painguard.events.Reason;
import java.util.ArrayList;
import java.util.List;

/**
 * One short message a coach can read out for each effort alert, starting with what to do first.
 * Coaching, not a diagnosis. Words for symbols come from {@link Words}; a STOP alert, and any
 * alert during a referral, shows no heart-rate target and no percentage. Referral alerts have
 * their own, {@link ReferralMessages}.
 */
public final class AlertMessages {

  /** How an effort alert during an open referral names it; {@link FirstStep} tells them by it. */
  static final String REFERRAL_OPEN = " Your referral for ";

  private AlertMessages() {}

  public static String of(AlertContext c) {
    if (c.state() == AlertState.RESOLVED) {
      return resolved(c);
    }
    String pain = c.pain().band().label() + " pain (" + c.pain().level() + "/10)";
    String instead = instead(Recommendations.alternatives(c));
    String main =
        switch (c.primaryReason()) {
          case SEVERE_PAIN_WHILE_ACTIVE ->
              "Stop this session: with " + pain + " a hard effort does more harm than good" + instead + ".";
          case PAIN_INCREASING_DURING_ACTIVITY ->
              "Stop now: your pain "
                  + (c.previousPainLevel() == 0 && c.onset() == PainOnset.DURING_ACTIVITY
                      ? "came on at " + c.pain().level() + "/10"
                      : "rose from " + c.previousPainLevel() + " to " + c.pain().level())
                  + during(c.activity())
                  + instead
                  + ".";
          case SHARP_PAIN_DURING_ACTIVITY ->
              "Stop "
                  + (known(c.activity()) ? Words.of(c.activity()) : "this movement")
                  + " now: "
                  + Words.list(sharp(c.sensations()))
                  + " during it is a sign to stop that movement"
                  + instead
                  + ".";
          case SUSTAINED_HIGH_INTENSITY ->
              c.referred() || c.stops()
                  ? "Stop this hard effort: with " + pain + " it does more harm than good."
                  : "Ease off"
                      + (Recommendations.intensityReductionPct(c) > 0
                          ? " by about " + Recommendations.intensityReductionPct(c) + "%"
                          : "")
                      + (c.targetMaxHeartRateBpm() != null
                          ? ": keep your heart rate at or below " + c.targetMaxHeartRateBpm() + " bpm"
                          : "")
                      + " while you have "
                      + pain
                      + ".";
          case TRIGGER_MOVEMENT ->
              Words.capitalize(Words.of(c.activity()))
                  + " involves "
                  + Words.list(Words.movements(MovementTable.triggersInvolved(c.activity(), c.triggers())))
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
          case NOT_IMPROVING ->
              "Talk to your healthcare provider or physical therapist: your back pain is not improving ("
                  + c.pain().level()
                  + "/10 now).";
          default -> "Take it easy: your back pain calls for an easier workout.";
        };
    return main + referral(c) + onset(c) + spasm(c);
  }

  private static String resolved(AlertContext c) {
    if (c.withdrawnBecause() != null) {
      return "Withdrawn: " + c.withdrawnBecause();
    } else if (c.painGone()) {
      return "Pain reported gone: this alert is over.";
    } else if (c.closes().contains(Reason.NOT_IMPROVING)) {
      return "This alert is over; the advice stands: if the pain does not ease, talk to your healthcare"
          + " provider or physical therapist.";
    } else if (c.referred()) {
      return "This effort alert is over; the medical referral stays open: no hard training until a"
          + " healthcare provider has seen you.";
    }
    return "All clear: back within your limits for "
        + Words.duration(c.settings().resolveAfter())
        + ", this alert is over.";
  }

  /** During a referral every effort alert names it. */
  private static String referral(AlertContext c) {
    return c.referred()
        ? REFERRAL_OPEN + Words.list(Words.signs(c.referral())) + " is still open: see a healthcare"
            + " provider before training hard."
        : "";
  }

  /** DOMAIN 2, 5, 6: when the pain comes on shapes what comes next. */
  private static String onset(AlertContext c) {
    if (c.referred() || c.stops() || c.primaryReason() == Reason.NOT_IMPROVING) {
      return "";
    } else if (c.onset() == PainOnset.AFTER_ACTIVITY) {
      return " Your pain came on after your last session: make the next one shorter and easier.";
    } else if (c.onset() == PainOnset.AT_REST && c.primaryReason() != Reason.PROLONGED_INACTIVITY) {
      return " Pain at rest too: keep moving gently rather than resting it out.";
    }
    return "";
  }

  /** DOMAIN 7: yoga and core-support work help release spasm. */
  private static String spasm(AlertContext c) {
    List<ActivityType> alternatives = Recommendations.alternatives(c);
    return c.sensations().contains(PainSensation.SPASM)
            && !c.referred()
            && (alternatives.contains(ActivityType.YOGA) || alternatives.contains(ActivityType.CORE_STABILITY))
        ? " Gentle yoga or core work can help release the spasm."
        : "";
  }

  private static List<String> sharp(java.util.Set<PainSensation> sensations) {
    List<String> out = new ArrayList<>();
    for (PainSensation s : sensations) {
      if (s == PainSensation.SHARP || s == PainSensation.STABBING) {
        out.add(Words.of(s));
      }
    }
    return out.isEmpty() ? List.of("sharp pain") : out;
  }

  private static String instead(List<ActivityType> alternatives) {
    if (alternatives.isEmpty()) {
      return "";
    }
    List<String> names = new ArrayList<>();
    for (ActivityType a : alternatives.subList(0, Math.min(2, alternatives.size()))) {
      names.add(Words.of(a));
    }
    return "; try " + String.join(" or ", names) + " instead";
  }

  private static boolean known(ActivityType activity) {
    return activity != ActivityType.UNKNOWN && activity != ActivityType.REST;
  }

  private static String during(ActivityType activity) {
    return known(activity) ? " during " + Words.of(activity) : " during activity";
  }
}

package io.painguard.runtime.http;

import io.painguard.events.Severity;
import io.painguard.rules.AthleteStatus;
import java.util.Comparator;
import java.util.Map;

/**
 * How much an athlete needs the coach now, for ordering the team view. The ranks are the API's
 * (issue 17), written out here rather than taken from an enum's order, so adding a severity cannot
 * move anyone: an open referral first, then STOP, REDUCE, ADVISORY, then in pain without an alert.
 * An acknowledged effort alert no longer counts (the coach has acted); a referral counts until it
 * closes, acknowledged or not.
 */
public record Need(int rank, String label) {

  public static final Need REFERRAL = new Need(50, "Open referral");
  public static final Need STOP = new Need(40, "Stop");
  public static final Need REDUCE = new Need(30, "Reduce");
  public static final Need ADVISORY = new Need(20, "Advisory");
  public static final Need IN_PAIN = new Need(10, "In pain");
  public static final Need OK = new Need(0, "OK");

  /**
   * @param openSeverity the open alert's severity name (null when none is open)
   * @param acknowledged whether a coach acknowledged that alert
   * @param inPain whether a pain report at level 1 or more is in force
   */
  public static Need of(String openSeverity, boolean acknowledged, boolean inPain) {
    Need byAlert = byAlert(openSeverity);
    if (byAlert == REFERRAL || (byAlert != null && !acknowledged)) {
      return byAlert;
    }
    return inPain ? IN_PAIN : OK;
  }

  /** The need a status shows before acknowledgements are known. */
  static Need of(AthleteStatus s) {
    return of(s.openSeverity() == null ? null : s.openSeverity().name(), false, s.painActive() && s.painLevel() > 0);
  }

  private static Need byAlert(String severity) {
    if (severity == null) {
      return null;
    }
    Severity s;
    try {
      s = Severity.valueOf(severity);
    } catch (IllegalArgumentException e) {
      return null; // a symbol this version does not know ranks as no alert
    }
    return switch (s) {
      case SEEK_MEDICAL_ATTENTION -> REFERRAL;
      case STOP_ACTIVITY -> STOP;
      case REDUCE_INTENSITY -> REDUCE;
      case ADVISORY -> ADVISORY;
      default -> null;
    };
  }

  /** Every label by its rank, for the wording the dashboard reads. */
  static Map<String, String> labels() {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    for (Need n : new Need[] {REFERRAL, STOP, REDUCE, ADVISORY, IN_PAIN, OK}) {
      out.put(String.valueOf(n.rank()), n.label());
    }
    return out;
  }

  /** Neediest first; ties: higher pain first, then by athlete id. */
  public static final Comparator<AthleteView> ORDER =
      Comparator.<AthleteView>comparingInt(a -> a.need() == null ? 0 : a.need().rank())
          .reversed()
          .thenComparing(Comparator.<AthleteView>comparingInt(a -> a.pain() == null ? 0 : a.pain().level()).reversed())
          .thenComparing(AthleteView::athleteId, Comparator.nullsLast(Comparator.naturalOrder()));
}

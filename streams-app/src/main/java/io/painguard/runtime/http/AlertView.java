package io.painguard.runtime.http;

import io.painguard.events.ExertionAlert;
import io.painguard.events.Exertion;
import io.painguard.events.Recommendation;
import java.time.Instant;
import java.util.List;

/**
 * An {@link ExertionAlert} as the HTTP API and the dashboard show it: enum names, ISO-8601 times,
 * absent optional fields as null.
 */
public record AlertView(
    String alertId,
    String athleteId,
    String coachId,
    String eventTime,
    String state,
    String severity,
    List<String> reasons,
    int painLevel,
    String painReportId,
    String activityType,
    RecommendationView recommendation,
    ExertionView observed,
    boolean profileEstimated,
    List<AcknowledgementView> acknowledgements) {

  /** What to do instead, from the alert's {@link Recommendation}. */
  public record RecommendationView(
      String message,
      int intensityReductionPct,
      int durationReductionPct,
      Integer targetMaxHeartRateBpm,
      List<String> alternativeActivities,
      List<String> selfCare) {}

  /** The exertion that was seen, from the alert's {@link Exertion}. */
  public record ExertionView(
      Integer avgHeartRateBpm,
      Integer peakHeartRateBpm,
      Integer heartRateReservePct,
      int secondsAboveCeiling,
      int windowSeconds) {}

  public static AlertView of(ExertionAlert a) {
    Recommendation r = a.getRecommendation();
    Exertion e = a.getObserved();
    return new AlertView(
        a.getAlertId(),
        a.getAthleteId(),
        a.getCoachId(),
        iso(a.getEventTime()),
        name(a.getState()),
        name(a.getSeverity()),
        names(a.getReasons()),
        a.getPainLevel(),
        a.getPainReportId(),
        name(a.getActivityType()),
        r == null
            ? null
            : new RecommendationView(
                r.getMessage(),
                r.getIntensityReductionPct(),
                r.getDurationReductionPct(),
                r.getTargetMaxHeartRateBpm(),
                names(r.getAlternativeActivities()),
                names(r.getSelfCare())),
        e == null
            ? null
            : new ExertionView(
                e.getAvgHeartRateBpm(),
                e.getPeakHeartRateBpm(),
                e.getHeartRateReservePct(),
                e.getSecondsAboveCeiling(),
                e.getWindowSeconds()),
        a.getProfileEstimated(),
        List.of());
  }

  /**
   * This alert with its acknowledgements from {@code kept} (oldest first). A view made by {@link
   * #of} has none: the live stream shows new alerts, which no one has acknowledged yet.
   */
  public AlertView withAcknowledgements(io.painguard.topology.AlertAcknowledgements kept) {
    return new AlertView(alertId, athleteId, coachId, eventTime, state, severity, reasons, painLevel, painReportId,
        activityType, recommendation, observed, profileEstimated,
        kept.forAlert(alertId).stream().map(AcknowledgementView::of).toList());
  }

  static String iso(Instant t) {
    return t == null ? null : t.toString();
  }

  private static String name(Enum<?> e) {
    return e == null ? null : e.name();
  }

  private static List<String> names(List<? extends Enum<?>> values) {
    return values == null ? List.of() : values.stream().map(Enum::name).toList();
  }
}

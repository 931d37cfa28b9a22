package io.painguard.runtime.http;

import io.painguard.events.ExertionAlert;
import io.painguard.events.Exertion;
import io.painguard.events.Recommendation;
import io.painguard.events.Severity;
import io.painguard.rules.FirstStep;
import io.painguard.rules.Wording;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An {@link ExertionAlert} as the HTTP API and the dashboard show it: enum names, ISO-8601 times,
 * absent optional fields as null, the first step in one line and the symbols in words. A STOP or a
 * referral never shows a percentage or a heart-rate target here, even when an alert record written
 * by an older version carried one.
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
    String firstStep,
    Labels labels,
    List<AcknowledgementView> acknowledgements) {

  /** The alert's symbols in words, from the wording table. */
  public record Labels(String activity, List<String> alternatives, List<String> selfCare) {}

  /** A number with a percent sign, or a heart rate: what a STOP or referral card never shows. */
  private static final Pattern NUMBER_OR_TARGET = Pattern.compile("\\d\\s*%|\\bbpm\\b", Pattern.CASE_INSENSITIVE);

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
    boolean stops =
        a.getSeverity() == Severity.STOP_ACTIVITY || a.getSeverity() == Severity.SEEK_MEDICAL_ATTENTION;
    String firstStep = FirstStep.of(a);
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
                stops ? withoutNumbers(r.getMessage(), firstStep) : r.getMessage(),
                stops ? 0 : r.getIntensityReductionPct(),
                stops ? 0 : r.getDurationReductionPct(),
                stops ? null : r.getTargetMaxHeartRateBpm(),
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
        firstStep,
        new Labels(
            Wording.label(a.getActivityType()),
            r == null ? List.of() : labels(r.getAlternativeActivities()),
            r == null ? List.of() : labels(r.getSelfCare())),
        List.of());
  }

  /**
   * The message without the clauses that name a percentage or a heart rate (only an old record's
   * STOP or referral message can have one); the first step when nothing is left.
   */
  static String withoutNumbers(String message, String firstStep) {
    if (message == null || !NUMBER_OR_TARGET.matcher(message).find()) {
      return message;
    }
    List<String> kept = new ArrayList<>();
    for (String sentence : message.split("(?<=[.!?])\\s+")) {
      List<String> clauses = new ArrayList<>();
      for (String clause : sentence.replaceAll("[.!?]$", "").split(";\\s*")) {
        if (!clause.isBlank() && !NUMBER_OR_TARGET.matcher(clause).find()) {
          clauses.add(clause.trim());
        }
      }
      if (!clauses.isEmpty()) {
        kept.add(String.join("; ", clauses) + ".");
      }
    }
    return kept.isEmpty() ? firstStep + "." : String.join(" ", kept);
  }

  private static List<String> labels(List<? extends Enum<?>> values) {
    return values == null ? List.of() : values.stream().map(Wording::label).toList();
  }

  /**
   * This alert with its acknowledgements from {@code kept} (oldest first). A view made by {@link
   * #of} has none: the live stream shows new alerts, which no one has acknowledged yet.
   */
  public AlertView withAcknowledgements(io.painguard.topology.AlertAcknowledgements kept) {
    return new AlertView(alertId, athleteId, coachId, eventTime, state, severity, reasons, painLevel, painReportId,
        activityType, recommendation, observed, profileEstimated, firstStep, labels,
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

package io.painguard.rules;

import io.painguard.events.Exertion;
import io.painguard.events.ExertionAlert;
import java.time.Instant;

/** Turns an {@link AlertContext} into the contract's {@link ExertionAlert}. */
public final class AlertFactory {

  private AlertFactory() {}

  public static ExertionAlert build(AlertContext c) {
    return ExertionAlert.newBuilder()
        .setAlertId(AlertIds.of(c.athleteId(), c.state(), c.severity(), c.reasons(), c.eventTime()))
        .setAthleteId(c.athleteId())
        .setEventTime(Instant.ofEpochMilli(c.eventTime()))
        .setState(c.state())
        .setSeverity(c.severity())
        .setReasons(c.reasons())
        .setPainLevel(c.pain().level())
        .setRecommendation(Recommendations.of(c))
        .setCoachId(c.coachId())
        .setPainReportId(c.painReportId())
        .setActivityType(c.activity())
        .setObserved(observed(c.window()))
        .setProfileEstimated(c.limits().estimated())
        .build();
  }

  private static Exertion observed(WindowSummary w) {
    if (w.activeSeconds() == 0) {
      return null;
    }
    return Exertion.newBuilder()
        .setAvgHeartRateBpm(w.avgHeartRateBpm())
        .setPeakHeartRateBpm(w.peakHeartRateBpm())
        .setHeartRateReservePct(w.avgHeartRateReservePct())
        .setSecondsAboveCeiling(w.secondsAboveCeiling())
        .setWindowSeconds(w.windowSeconds())
        .build();
  }
}

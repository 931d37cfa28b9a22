package io.painguard.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.painguard.events.ActivityType;
import io.painguard.events.AlertState;
import io.painguard.events.ExertionAlert;
import io.painguard.events.Reason;
import io.painguard.events.Recommendation;
import io.painguard.events.Severity;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertLineTest {

  @Test
  void aRaisedAlertReadsAsOneLineWithTheAdvice() {
    ExertionAlert alert = alert(AlertState.RAISED, Severity.REDUCE_INTENSITY, 25, 142,
        List.of(Reason.SUSTAINED_HIGH_INTENSITY), List.of(ActivityType.WALKING, ActivityType.YOGA));

    String line = AlertLine.format(alert);

    assertThat(line)
        .doesNotContain("\n")
        .contains("RAISED", "REDUCE_INTENSITY", "ben (pain 5/10, running)", "[sustained high intensity]")
        .contains(": Ease off. Try: walking, yoga.")
        .endsWith("Try: walking, yoga.");
  }

  @Test
  void aResolvedAlertLeavesOutEmptyListsAndReasons() {
    ExertionAlert resolved = alert(AlertState.RESOLVED, Severity.REDUCE_INTENSITY, 0, null, List.of(), List.of());

    assertThat(AlertLine.format(resolved)).contains("RESOLVED").doesNotContain("Try:", "[");
  }

  private static ExertionAlert alert(AlertState state, Severity severity, int reductionPct,
      Integer targetBpm, List<Reason> reasons, List<ActivityType> alternatives) {
    return ExertionAlert.newBuilder()
        .setAlertId("a-1")
        .setAthleteId("ben")
        .setEventTime(Instant.parse("2026-11-23T10:00:00Z"))
        .setState(state)
        .setSeverity(severity)
        .setReasons(reasons)
        .setPainLevel(5)
        .setActivityType(ActivityType.RUNNING)
        .setRecommendation(Recommendation.newBuilder()
            .setIntensityReductionPct(reductionPct)
            .setDurationReductionPct(50)
            .setAlternativeActivities(alternatives)
            .setMessage("Ease off.")
            .setTargetMaxHeartRateBpm(targetBpm)
            .build())
        .build();
  }
}

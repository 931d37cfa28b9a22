package io.painguard.rules;

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

/** The one line saying what to do first, per severity and referral. */
class FirstStepTest {

  /** A number with a percent sign or a heart rate: what STOP and referral cards must never show. */
  private static final String NUMBER_OR_TARGET = "(?s).*(\\d\\s*%|\\d+\\s*bpm|bpm).*";

  @Test
  void stopAndReferralNeverNameAPercentageOrATargetForAnyReasonEvenFromAnOldRecordThatHadThem() {
    for (Reason reason : Reason.values()) {
      for (Severity severity : List.of(Severity.STOP_ACTIVITY, Severity.SEEK_MEDICAL_ATTENTION)) {
        for (AlertState state : AlertState.values()) {
          // Given an old-style record that carried a target, 100 % and a message with both
          ExertionAlert old =
              alert(severity, state, reason, 115, "Lower intensity by 100 %; keep heart rate under 115 bpm.");

          // When its first step is worded
          String step = FirstStep.of(old);

          // Then it carries no digit at all
          assertThat(step).as(severity + "/" + state + "/" + reason).doesNotMatch(NUMBER_OR_TARGET).doesNotContainPattern("\\d");
        }
      }
    }
  }

  @Test
  void anEffortAlertDuringAnOpenReferralSaysSoAndNamesNoTarget() {
    for (Reason reason : Reason.values()) {
      ExertionAlert during =
          alert(Severity.REDUCE_INTENSITY, AlertState.RAISED, reason, 132,
              "Stop this hard effort." + AlertMessages.REFERRAL_OPEN + "numbness is still open.");

      assertThat(FirstStep.of(during)).as(reason.name()).isEqualTo(FirstStep.HARD_EFFORT_DURING_REFERRAL);
    }
  }

  @Test
  void eachSeverityHasItsOwnFirstStep() {
    assertThat(FirstStep.of(alert(Severity.SEEK_MEDICAL_ATTENTION, AlertState.RAISED, Reason.RADICULOPATHY_SIGNS, null,
            "See a healthcare provider before training again: numbness can mean a nerve is involved.")))
        .isEqualTo("See a doctor or physiotherapist before training again");
    assertThat(FirstStep.of(alert(Severity.SEEK_MEDICAL_ATTENTION, AlertState.UPDATED, Reason.MEDICAL_RED_FLAG, null,
            ReferralMessages.URGENT + ": back pain with saddle numbness can be an emergency.")))
        .isEqualTo("Get medical care today, before any training");
    assertThat(FirstStep.of(alert(Severity.STOP_ACTIVITY, AlertState.ESCALATED, Reason.SEVERE_PAIN_WHILE_ACTIVE, null, "")))
        .isEqualTo("Stop this session now");
    assertThat(FirstStep.of(alert(Severity.REDUCE_INTENSITY, AlertState.RAISED, Reason.SUSTAINED_HIGH_INTENSITY, 132, "")))
        .isEqualTo("Ease off: keep your heart rate at or below 132 bpm");
    assertThat(FirstStep.of(alert(Severity.REDUCE_INTENSITY, AlertState.RAISED, Reason.SUSTAINED_HIGH_INTENSITY, null, "")))
        .isEqualTo("Ease off: make this session easier");
    assertThat(FirstStep.of(alert(Severity.ADVISORY, AlertState.RAISED, Reason.TRIGGER_MOVEMENT, null, "")))
        .isEqualTo("Switch to walking: this activity brings the pain on");
    assertThat(FirstStep.of(alert(Severity.ADVISORY, AlertState.RAISED, Reason.NOT_IMPROVING, null, "")))
        .startsWith("Talk to a doctor or physiotherapist");
    assertThat(FirstStep.of(alert(Severity.REDUCE_INTENSITY, AlertState.RESOLVED, Reason.SUSTAINED_HIGH_INTENSITY, null, "")))
        .isEqualTo("Nothing to do: this alert is over");
  }

  @Test
  void everyAdvisoryReasonNamesItsAdviceInOneLine() {
    for (Reason reason : Reason.values()) {
      String step = FirstStep.of(alert(Severity.ADVISORY, AlertState.RAISED, reason, null, ""));

      assertThat(step).as(reason.name()).isNotBlank().doesNotContain("\n", "_").matches("[A-Z].*");
    }
  }

  @Test
  void withoutTheRecordTheSeverityAloneStillGivesAStep() {
    assertThat(FirstStep.of(Severity.STOP_ACTIVITY, List.of(Reason.SEVERE_PAIN_WHILE_ACTIVE))).isEqualTo("Stop this session now");
    assertThat(FirstStep.of(Severity.SEEK_MEDICAL_ATTENTION, List.of())).isEqualTo("See a doctor or physiotherapist before training again");
    assertThat(FirstStep.of(null, null)).isEqualTo("Check in with the athlete");
  }

  static ExertionAlert alert(Severity severity, AlertState state, Reason reason, Integer target, String message) {
    return ExertionAlert.newBuilder()
        .setAlertId("a-1")
        .setAthleteId("ath-1")
        .setEventTime(Instant.parse("2025-03-03T08:02:00Z"))
        .setState(state)
        .setSeverity(severity)
        .setReasons(List.of(reason))
        .setPainLevel(7)
        .setRecommendation(
            Recommendation.newBuilder()
                .setIntensityReductionPct(100)
                .setDurationReductionPct(100)
                .setAlternativeActivities(List.of(ActivityType.WALKING))
                .setMessage(message)
                .setTargetMaxHeartRateBpm(target)
                .build())
        .build();
  }
}

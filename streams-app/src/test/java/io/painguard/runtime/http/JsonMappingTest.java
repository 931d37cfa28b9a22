package io.painguard.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.painguard.events.ActivityType;
import io.painguard.events.AlertState;
import io.painguard.events.Exertion;
import io.painguard.events.ExertionAlert;
import io.painguard.events.Reason;
import io.painguard.events.Recommendation;
import io.painguard.events.SelfCare;
import io.painguard.events.Severity;
import io.painguard.rules.AthleteStatus;
import io.painguard.rules.PainBand;
import io.painguard.rules.PainDirection;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonMappingTest {

  private final ObjectMapper json = new ObjectMapper();

  static ExertionAlert alert(String id, String athlete, String coach, Severity severity, AlertState state) {
    return ExertionAlert.newBuilder()
        .setAlertId(id)
        .setAthleteId(athlete)
        .setCoachId(coach)
        .setEventTime(Instant.parse("2025-03-03T08:02:00Z"))
        .setState(state)
        .setSeverity(severity)
        .setReasons(List.of(Reason.SUSTAINED_HIGH_INTENSITY))
        .setPainLevel(5)
        .setPainReportId("report-1")
        .setActivityType(ActivityType.RUNNING)
        .setRecommendation(
            Recommendation.newBuilder()
                .setIntensityReductionPct(25)
                .setDurationReductionPct(50)
                .setAlternativeActivities(List.of(ActivityType.WALKING, ActivityType.AQUATIC_EXERCISE))
                .setMessage("Ease off: keep your heart rate under 132 bpm.")
                .setTargetMaxHeartRateBpm(132)
                .setSelfCare(List.of(SelfCare.ICE))
                .build())
        .setObserved(
            Exertion.newBuilder()
                .setAvgHeartRateBpm(160)
                .setPeakHeartRateBpm(171)
                .setHeartRateReservePct(83)
                .setSecondsAboveCeiling(75)
                .setWindowSeconds(120)
                .build())
        .setProfileEstimated(true)
        .build();
  }

  @Test
  void alertBecomesPlainJsonWithEnumNamesAndIsoTimes() throws Exception {
    JsonNode node =
        json.readTree(
            json.writeValueAsString(
                AlertView.of(alert("a-1", "ath-1", "coach-1", Severity.REDUCE_INTENSITY, AlertState.RAISED))));

    assertThat(node.get("alertId").asText()).isEqualTo("a-1");
    assertThat(node.get("coachId").asText()).isEqualTo("coach-1");
    assertThat(node.get("eventTime").asText()).isEqualTo("2025-03-03T08:02:00Z");
    assertThat(node.get("severity").asText()).isEqualTo("REDUCE_INTENSITY");
    assertThat(node.get("state").asText()).isEqualTo("RAISED");
    assertThat(node.get("reasons").get(0).asText()).isEqualTo("SUSTAINED_HIGH_INTENSITY");
    assertThat(node.get("painLevel").asInt()).isEqualTo(5);
    assertThat(node.get("activityType").asText()).isEqualTo("RUNNING");
    assertThat(node.get("profileEstimated").asBoolean()).isTrue();
    JsonNode r = node.get("recommendation");
    assertThat(r.get("message").asText()).startsWith("Ease off");
    assertThat(r.get("intensityReductionPct").asInt()).isEqualTo(25);
    assertThat(r.get("durationReductionPct").asInt()).isEqualTo(50);
    assertThat(r.get("targetMaxHeartRateBpm").asInt()).isEqualTo(132);
    assertThat(r.get("alternativeActivities").toString()).isEqualTo("[\"WALKING\",\"AQUATIC_EXERCISE\"]");
    assertThat(r.get("selfCare").toString()).isEqualTo("[\"ICE\"]");
    JsonNode o = node.get("observed");
    assertThat(o.get("peakHeartRateBpm").asInt()).isEqualTo(171);
    assertThat(o.get("secondsAboveCeiling").asInt()).isEqualTo(75);
    // No Avro internals leak into the JSON.
    assertThat(node.has("schema")).isFalse();
  }

  @Test
  void anAlertSaysWhatToDoFirstAndNamesItsSymbolsInWords() throws Exception {
    JsonNode node =
        json.readTree(
            json.writeValueAsString(
                AlertView.of(alert("a-1", "ath-1", "coach-1", Severity.REDUCE_INTENSITY, AlertState.RAISED))));

    assertThat(node.get("firstStep").asText()).isEqualTo("Ease off: keep your heart rate at or below 132 bpm");
    assertThat(node.at("/labels/activity").asText()).isEqualTo("Running");
    assertThat(node.at("/labels/alternatives").toString()).isEqualTo("[\"Walking\",\"Aquatic exercise\"]");
    assertThat(node.at("/labels/selfCare").toString()).isEqualTo("[\"Ice\"]");
  }

  @Test
  void aStopOrAReferralFromAnOldRecordShowsNoPercentageAndNoTarget() throws Exception {
    for (Severity severity : List.of(Severity.STOP_ACTIVITY, Severity.SEEK_MEDICAL_ATTENTION)) {
      // Given a record as an older version wrote it: a target, 100 % and both in the message
      ExertionAlert old = alert("a-old", "ath-1", "coach-1", severity, AlertState.RAISED);
      old.getRecommendation().setIntensityReductionPct(100);
      old.getRecommendation().setDurationReductionPct(100);
      old.getRecommendation().setTargetMaxHeartRateBpm(115);
      old.getRecommendation()
          .setMessage("Stop now: your pain rose from 3 to 7; lower intensity by 100 %. Keep heart rate under 115 bpm.");

      // When it is shown
      JsonNode r = json.readTree(json.writeValueAsString(AlertView.of(old))).get("recommendation");

      // Then no percentage and no target are left, and the rest of the message is
      assertThat(r.get("intensityReductionPct").asInt()).as(severity.name()).isZero();
      assertThat(r.get("durationReductionPct").asInt()).as(severity.name()).isZero();
      assertThat(r.get("targetMaxHeartRateBpm").isNull()).as(severity.name()).isTrue();
      assertThat(r.get("message").asText()).as(severity.name()).isEqualTo("Stop now: your pain rose from 3 to 7.");
    }
  }

  @Test
  void aMessageThatIsAllNumbersBecomesTheFirstStep() {
    assertThat(AlertView.withoutNumbers("Lower intensity by 100 %.", "Stop this session now"))
        .isEqualTo("Stop this session now.");
    assertThat(AlertView.withoutNumbers("Stop this session: with severe pain (8/10) it does harm.", "x"))
        .isEqualTo("Stop this session: with severe pain (8/10) it does harm.");
  }

  @Test
  void absentOptionalFieldsAreNull() throws Exception {
    ExertionAlert bare =
        ExertionAlert.newBuilder(alert("a-2", "ath-2", null, Severity.SEEK_MEDICAL_ATTENTION, AlertState.RAISED))
            .setObserved(null)
            .setPainReportId(null)
            .build();

    JsonNode node = json.readTree(json.writeValueAsString(AlertView.of(bare)));

    assertThat(node.get("coachId").isNull()).isTrue();
    assertThat(node.get("observed").isNull()).isTrue();
    assertThat(node.get("painReportId").isNull()).isTrue();
  }

  @Test
  void athleteShowsPainIntensityAgainstCeilingAndTheOpenAlert() throws Exception {
    AthleteStatus status =
        new AthleteStatus(
            "ath-1",
            Instant.parse("2025-03-03T08:03:00Z"),
            5,
            PainBand.MODERATE,
            true,
            "report-1",
            Instant.parse("2025-03-03T08:00:00Z"),
            60,
            132,
            false,
            ActivityType.RUNNING,
            Instant.parse("2025-03-03T08:03:00Z"),
            160,
            83,
            Severity.REDUCE_INTENSITY,
            AlertState.RAISED,
            List.of(Reason.SUSTAINED_HIGH_INTENSITY),
            Instant.parse("2025-03-03T08:02:00Z"),
            "coach-1",
            null,
            List.of(),
            Severity.REDUCE_INTENSITY,
            PainDirection.RISING);

    AthleteView view = AthleteView.of(status);
    JsonNode node = json.readTree(json.writeValueAsString(view));

    assertThat(view.inEpisode()).isTrue();
    assertThat(node.get("coachId").asText()).isEqualTo("coach-1");
    assertThat(node.at("/pain/band").asText()).isEqualTo("MODERATE");
    assertThat(node.at("/pain/reportedAt").asText()).isEqualTo("2025-03-03T08:00:00Z");
    assertThat(node.at("/intensity/heartRateBpm").asInt()).isEqualTo(160);
    assertThat(node.at("/intensity/ceilingHeartRateBpm").asInt()).isEqualTo(132);
    assertThat(node.at("/intensity/aboveCeiling").asBoolean()).isTrue();
    assertThat(node.at("/openAlert/severity").asText()).isEqualTo("REDUCE_INTENSITY");
    assertThat(node.at("/openAlert/reasons/0").asText()).isEqualTo("SUSTAINED_HIGH_INTENSITY");
    assertThat(node.at("/pain/trend").asText()).isEqualTo("RISING");
    assertThat(node.at("/pain/label").asText()).isEqualTo("Moderate pain (5/10)");
    assertThat(node.at("/intensity/activityLabel").asText()).isEqualTo("Running");
    assertThat(node.at("/intensity/zone").asText()).isEqualTo("ABOVE");
    assertThat(node.at("/openAlert/firstStep").asText()).isEqualTo("Ease off: make this session easier");
    assertThat(node.at("/need/rank").asInt()).isEqualTo(30);
    assertThat(node.at("/need/label").asText()).isEqualTo("Reduce");
    // The view reads back (instances exchange it when listing athletes).
    assertThat(json.readValue(json.writeValueAsString(view), AthleteView.class)).isEqualTo(view);
  }

  @Test
  void athleteWithoutPainOrAlertIsNotInAnEpisode() {
    AthleteStatus calm =
        new AthleteStatus(
            "ath-3", Instant.EPOCH, 0, PainBand.NONE, false, null, null, null, null, true,
            ActivityType.WALKING, Instant.EPOCH, 95, 29, null, null, List.of(), null, "coach-1", null,
            List.of(), null, null);

    AthleteView view = AthleteView.of(calm);

    assertThat(view.inEpisode()).isFalse();
    assertThat(view.openAlert()).isNull();
    assertThat(view.referral()).isNull();
    assertThat(view.intensity().aboveCeiling()).isNull();
  }

  @Test
  void anOpenReferralShowsAsTheOpenAlertAndOnItsOwn() throws Exception {
    // Given a referral open beside a REDUCE effort alert
    AthleteStatus status =
        new AthleteStatus(
            "ath-4", Instant.EPOCH, 5, PainBand.MODERATE, true, "r-1", Instant.EPOCH, 60, 132, false,
            ActivityType.RUNNING, Instant.EPOCH, 150, 75, Severity.SEEK_MEDICAL_ATTENTION, AlertState.UPDATED,
            List.of(Reason.MEDICAL_RED_FLAG, Reason.RADICULOPATHY_SIGNS), Instant.EPOCH, "coach-1",
            Instant.EPOCH, List.of(Reason.MEDICAL_RED_FLAG, Reason.RADICULOPATHY_SIGNS),
            Severity.REDUCE_INTENSITY,
            null);

    // When it is shown
    JsonNode node = json.readTree(json.writeValueAsString(AthleteView.of(status)));

    // Then the referral is the open alert, and listed with its reasons
    assertThat(node.at("/openAlert/severity").asText()).isEqualTo("SEEK_MEDICAL_ATTENTION");
    assertThat(node.at("/openAlert/state").asText()).isEqualTo("UPDATED");
    assertThat(node.at("/referral/since").asText()).isEqualTo("1970-01-01T00:00:00Z");
    assertThat(node.at("/referral/reasons/1").asText()).isEqualTo("RADICULOPATHY_SIGNS");
  }
}

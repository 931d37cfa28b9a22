package io.painguard.serde;

import io.painguard.events.ActivityEvent;
import io.painguard.events.ActivityType;
import io.painguard.events.AlertAcknowledgement;
import io.painguard.events.AlertState;
import io.painguard.events.AthleteProfile;
import io.painguard.events.BodyRegion;
import io.painguard.events.DeviceSource;
import io.painguard.events.Exertion;
import io.painguard.events.ExertionAlert;
import io.painguard.events.Limb;
import io.painguard.events.Movement;
import io.painguard.events.PainOnset;
import io.painguard.events.PainReport;
import io.painguard.events.PainSensation;
import io.painguard.events.Reason;
import io.painguard.events.Recommendation;
import io.painguard.events.RedFlag;
import io.painguard.events.SelfCare;
import io.painguard.events.Severity;
import java.time.Instant;
import java.util.List;

/** Fully populated and minimal instances of every contract type. */
final class Samples {

  static final Instant T0 = Instant.parse("2025-03-01T08:15:30.123Z");

  private Samples() {}

  static ActivityEvent activity() {
    return ActivityEvent.newBuilder()
        .setEventId("evt-1")
        .setAthleteId("athlete-7")
        .setTimestamp(T0)
        .setActivityType(ActivityType.RUNNING)
        .setSource(DeviceSource.CHEST_STRAP)
        .setDeviceId("strap-42")
        .setHeartRateBpm(152)
        .setCadencePerMin(168)
        .setPowerWatts(240)
        .setSpeedMps(3.4f)
        .setLoadKg(0.5f)
        .setTrunkFlexionDeg(12.5f)
        .build();
  }

  /** Only the required fields: every optional one is null or its default. */
  static ActivityEvent minimalActivity() {
    return ActivityEvent.newBuilder()
        .setEventId("evt-2")
        .setAthleteId("athlete-8")
        .setTimestamp(T0)
        .setActivityType(ActivityType.REST)
        .build();
  }

  static PainReport painReport() {
    return PainReport.newBuilder()
        .setReportId("rep-1")
        .setAthleteId("athlete-7")
        .setTimestamp(T0)
        .setLevel(6)
        .setRegion(BodyRegion.LOWER_BACK)
        .setOnset(PainOnset.DURING_ACTIVITY)
        .setSensations(List.of(PainSensation.SHARP, PainSensation.PINS_AND_NEEDLES))
        .setRadiatesTo(List.of(Limb.LEFT_LEG))
        .setTriggers(List.of(Movement.BENDING, Movement.LIFTING))
        .setRedFlags(List.of(RedFlag.RECENT_TRAUMA))
        .setNote("hurts when I bend — ünïcödé too")
        .build();
  }

  static PainReport minimalPainReport() {
    return PainReport.newBuilder()
        .setReportId("rep-2")
        .setAthleteId("athlete-8")
        .setTimestamp(T0)
        .setLevel(0)
        .build();
  }

  static AthleteProfile profile() {
    return AthleteProfile.newBuilder()
        .setAthleteId("athlete-7")
        .setUpdatedAt(T0)
        .setBirthYear(1990)
        .setRestingHeartRateBpm(55)
        .setMaxHeartRateBpm(188)
        .setCoachId("coach-3")
        .build();
  }

  static AthleteProfile minimalProfile() {
    return AthleteProfile.newBuilder().setAthleteId("athlete-8").setUpdatedAt(T0).build();
  }

  static AlertAcknowledgement acknowledgement() {
    return AlertAcknowledgement.newBuilder()
        .setAlertId("alert-1")
        .setAthleteId("athlete-7")
        .setAcknowledgedBy("coach-3")
        .setAcknowledgedAt(T0)
        .setNote("Spoke to her; easy spin tomorrow \u00e9\u00e8")
        .build();
  }

  static AlertAcknowledgement minimalAcknowledgement() {
    return AlertAcknowledgement.newBuilder()
        .setAlertId("alert-2")
        .setAthleteId("athlete-8")
        .setAcknowledgedBy("admin")
        .setAcknowledgedAt(T0)
        .build();
  }

  static ExertionAlert alert() {
    return ExertionAlert.newBuilder()
        .setAlertId("alert-1")
        .setAthleteId("athlete-7")
        .setEventTime(T0)
        .setState(AlertState.ESCALATED)
        .setSeverity(Severity.STOP_ACTIVITY)
        .setReasons(List.of(Reason.SEVERE_PAIN_WHILE_ACTIVE, Reason.SUSTAINED_HIGH_INTENSITY))
        .setPainLevel(7)
        .setRecommendation(Recommendation.newBuilder()
            .setIntensityReductionPct(100)
            .setDurationReductionPct(100)
            .setAlternativeActivities(List.of(ActivityType.WALKING, ActivityType.STRETCHING))
            .setMessage("Stop and rest.")
            .setTargetMaxHeartRateBpm(110)
            .setSelfCare(List.of(SelfCare.HEAT))
            .build())
        .setCoachId("coach-3")
        .setPainReportId("rep-1")
        .setActivityType(ActivityType.RUNNING)
        .setObserved(Exertion.newBuilder()
            .setAvgHeartRateBpm(150)
            .setPeakHeartRateBpm(171)
            .setHeartRateReservePct(72)
            .setSecondsAboveCeiling(95)
            .setWindowSeconds(120)
            .build())
        .setProfileEstimated(true)
        .build();
  }

  static ExertionAlert minimalAlert() {
    return ExertionAlert.newBuilder()
        .setAlertId("alert-2")
        .setAthleteId("athlete-8")
        .setEventTime(T0)
        .setState(AlertState.RESOLVED)
        .setSeverity(Severity.ADVISORY)
        .setReasons(List.of())
        .setPainLevel(0)
        .setRecommendation(Recommendation.newBuilder()
            .setIntensityReductionPct(0)
            .setDurationReductionPct(0)
            .setAlternativeActivities(List.of())
            .setMessage("")
            .build())
        .build();
  }
}

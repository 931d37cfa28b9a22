package io.painguard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.painguard.events.ActivityType;
import io.painguard.events.AlertState;
import io.painguard.events.Movement;
import io.painguard.events.PainSensation;
import io.painguard.events.Reason;
import io.painguard.events.Recommendation;
import io.painguard.events.RedFlag;
import io.painguard.events.SelfCare;
import io.painguard.events.Severity;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecommendationsTest {

  private final GuidanceSettings settings = GuidanceSettings.defaults();
  private final HeartRateLimits limits = HeartRateLimits.of(null, 60, 180, 2025, settings);

  @Test
  void targetHeartRateComesFromTheCeilingAndReductionFromObservedVersusTarget() {
    // moderate pain: ceiling 60 %HRR = 132 bpm; 80 s at 80 %HRR.
    Recommendation r = Recommendations.of(sustained(5, 80));

    assertThat(r.getTargetMaxHeartRateBpm()).isEqualTo(132);
    assertThat(r.getIntensityReductionPct()).isEqualTo(25); // (80 - 60) / 80
    assertThat(r.getDurationReductionPct()).isEqualTo(50);
    assertThat(r.getAlternativeActivities()).contains(ActivityType.WALKING).doesNotContain(ActivityType.RUNNING);
    assertThat(r.getMessage()).contains("132 bpm").contains("moderate pain (5/10)");
  }

  @Test
  void anyEffortAboveTheCeilingAsksForSomeReduction() {
    assertThat(Recommendations.of(sustained(5, 60.2)).getIntensityReductionPct()).isEqualTo(1);
  }

  @Test
  void durationReductionGrowsWithPain() {
    int previous = -1;
    for (int level = 1; level <= 6; level++) {
      int pct = Recommendations.of(sustained(level, 90)).getDurationReductionPct();
      assertThat(pct).isGreaterThan(previous);
      previous = pct;
    }
  }

  @Test
  void selfCareOnlyForMildPain() {
    assertThat(Recommendations.of(sustained(2, 80)).getSelfCare())
        .containsExactly(SelfCare.ICE, SelfCare.HEAT, SelfCare.MASSAGE, SelfCare.OTC_PAIN_RELIEF);
    assertThat(Recommendations.of(sustained(4, 80)).getSelfCare()).isEmpty();
  }

  @Test
  void noSelfCareForMildPainWithARedFlagOrRadiculopathy() {
    MedicalSigns flag = MedicalSigns.of(List.of(), List.of(), List.of(RedFlag.FEVER));
    MedicalSigns nerve = MedicalSigns.of(List.of(PainSensation.NUMBNESS), List.of(), List.of());

    assertThat(Recommendations.of(with(sustained(2, 80), flag)).getSelfCare()).isEmpty();
    assertThat(Recommendations.of(with(sustained(2, 80), nerve)).getSelfCare()).isEmpty();
  }

  @Test
  void duringAReferralAnEffortAlertSuggestsNoTargetNoSelfCareAndNoOtherWorkout() {
    MedicalSigns flag = MedicalSigns.of(List.of(), List.of(), List.of(RedFlag.SUSPECTED_FRACTURE));
    AlertContext c = with(sustained(2, 80), flag);

    Recommendation r = Recommendations.of(c);

    assertThat(r.getSelfCare()).isEmpty();
    assertThat(r.getAlternativeActivities()).isEmpty();
    assertThat(r.getTargetMaxHeartRateBpm()).isNull();
    assertThat(r.getMessage()).contains("a suspected fracture").contains("referral").doesNotContain("bpm");
  }

  @Test
  void stopActivityMeansStop() {
    AlertContext c =
        context(
            AlertState.RAISED,
            Severity.STOP_ACTIVITY,
            List.of(Reason.PAIN_INCREASING_DURING_ACTIVITY),
            6,
            WindowSummary.empty(120),
            ActivityType.RUNNING,
            Set.of(),
            MedicalSigns.NONE);

    Recommendation r = Recommendations.of(c);

    assertThat(r.getIntensityReductionPct()).isEqualTo(100);
    assertThat(r.getDurationReductionPct()).isEqualTo(100);
    assertThat(r.getMessage()).startsWith("Stop now").contains("during running");
  }

  @Test
  void triggerAlertsAvoidTheTriggersAndNameThem() {
    AlertContext c =
        context(
            AlertState.RAISED,
            Severity.ADVISORY,
            List.of(Reason.TRIGGER_MOVEMENT),
            3,
            WindowSummary.empty(120),
            ActivityType.STRENGTH_TRAINING,
            Set.of(Movement.LIFTING, Movement.BENDING),
            MedicalSigns.NONE);

    Recommendation r = Recommendations.of(c);

    assertThat(r.getAlternativeActivities())
        .containsExactly(ActivityType.WALKING, ActivityType.AQUATIC_EXERCISE, ActivityType.CORE_STABILITY);
    assertThat(r.getIntensityReductionPct()).isZero();
    assertThat(r.getMessage()).contains("bending and lifting");
  }

  @Test
  void inactivitySuggestsGentleWalkingWithoutShorteningAnything() {
    AlertContext c =
        context(
            AlertState.RAISED,
            Severity.ADVISORY,
            List.of(Reason.PROLONGED_INACTIVITY),
            5,
            WindowSummary.empty(120),
            ActivityType.REST,
            Set.of(),
            MedicalSigns.NONE);

    Recommendation r = Recommendations.of(c);

    assertThat(r.getAlternativeActivities()).containsExactly(ActivityType.WALKING);
    assertThat(r.getDurationReductionPct()).isZero();
    assertThat(r.getMessage()).contains("walking");
  }

  @Test
  void resolvedAlertsAskForNothing() {
    AlertContext c =
        context(
            AlertState.RESOLVED,
            Severity.REDUCE_INTENSITY,
            List.of(),
            5,
            WindowSummary.empty(120),
            ActivityType.RUNNING,
            Set.of(),
            MedicalSigns.NONE);

    Recommendation r = Recommendations.of(c);

    assertThat(r.getIntensityReductionPct()).isZero();
    assertThat(r.getDurationReductionPct()).isZero();
    assertThat(r.getAlternativeActivities()).isEmpty();
    assertThat(r.getMessage()).contains("2 min");
  }

  private AlertContext sustained(int level, double observedHrr) {
    WindowSummary w =
        new WindowSummary(120, 80, 120, 160, 170, 80, observedHrr, 1000, 0, Long.MIN_VALUE);
    return context(
        AlertState.RAISED,
        Severity.REDUCE_INTENSITY,
        List.of(Reason.SUSTAINED_HIGH_INTENSITY),
        level,
        w,
        ActivityType.RUNNING,
        Set.of(),
        MedicalSigns.NONE);
  }

  private AlertContext with(AlertContext c, MedicalSigns signs) {
    return context(
        c.state(), c.severity(), c.reasons(), c.pain().level(), c.window(), c.activity(), c.triggers(), signs);
  }

  private AlertContext context(
      AlertState state,
      Severity severity,
      List<Reason> reasons,
      int level,
      WindowSummary window,
      ActivityType activity,
      Set<Movement> triggers,
      MedicalSigns signs) {
    return new AlertContext(
        "athlete-1",
        state,
        severity,
        reasons,
        1_000_000L,
        PainInForce.at(0, 0, level, settings),
        0,
        limits,
        window,
        activity,
        triggers,
        io.painguard.events.PainOnset.UNKNOWN,
        Set.of(),
        signs,
        Set.of(),
        Set.of(),
        null,
        "report-1",
        false,
        settings,
        null);
  }
}

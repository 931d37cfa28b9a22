package io.painguard.topology;

import static io.painguard.events.ActivityType.RUNNING;
import static io.painguard.events.ActivityType.STRENGTH_TRAINING;
import static io.painguard.events.ActivityType.WALKING;
import static io.painguard.fixtures.Events.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.painguard.events.ActivityType;
import io.painguard.events.AlertState;
import io.painguard.events.ExertionAlert;
import io.painguard.events.Movement;
import io.painguard.events.PainSensation;
import io.painguard.events.Reason;
import io.painguard.events.RedFlag;
import io.painguard.events.Severity;
import io.painguard.fixtures.Events;
import io.painguard.rules.AthleteStatus;
import io.painguard.rules.PainBand;
import java.util.List;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The detection topology end to end on a TopologyTestDriver: Given an athlete's profile and pain,
 * When their activity arrives with explicit event times, Then exactly the expected alerts appear on
 * exertion-alerts. Profile: HRrest 60, HRmax 180 (ceilings 144 / 132 / 120 bpm).
 */
class PainGuardTopologyTest {

  private static final String ANA = "ana";
  private static final String BEN = "ben";

  private final TopologyFixture app = new TopologyFixture();

  @AfterEach
  void close() {
    app.close();
  }

  @Test
  void aModeratelyPainfulAthleteRunningHardIsToldToReduceIntensity() {
    // Given
    app.profile(ANA);
    app.pain(ANA, 0, 5);
    // When: two minutes at 160 bpm (83 %HRR), ceiling 60 %HRR
    app.run(ANA, 1, 121, RUNNING, 160);
    // Then
    List<TestRecord<String, ExertionAlert>> records = app.alerts.readRecordsToList();
    assertThat(records).hasSize(1);
    TestRecord<String, ExertionAlert> record = records.get(0);
    ExertionAlert alert = record.value();
    assertThat(record.key()).isEqualTo(ANA);
    assertThat(record.timestamp()).isEqualTo(at(60).toEpochMilli());
    assertThat(alert.getState()).isEqualTo(AlertState.RAISED);
    assertThat(alert.getSeverity()).isEqualTo(Severity.REDUCE_INTENSITY);
    assertThat(alert.getReasons()).containsExactly(Reason.SUSTAINED_HIGH_INTENSITY);
    assertThat(alert.getEventTime()).isEqualTo(at(60));
    assertThat(alert.getPainLevel()).isEqualTo(5);
    assertThat(alert.getCoachId()).isEqualTo("coach-1");
    assertThat(alert.getProfileEstimated()).isFalse();
    assertThat(alert.getRecommendation().getTargetMaxHeartRateBpm()).isEqualTo(132);
    assertThat(alert.getRecommendation().getIntensityReductionPct()).isEqualTo(28); // (83.3-60)/83.3
    assertThat(alert.getRecommendation().getAlternativeActivities()).doesNotContain(RUNNING);
    assertThat(alert.getObserved().getSecondsAboveCeiling()).isEqualTo(60);
  }

  @Test
  void spikesAboveTheCeilingNeverAlert() {
    app.profile(ANA);
    app.pain(ANA, 0, 8);

    for (int s = 1; s < 600; s++) {
      app.sample(Events.sample(ANA, at(s), RUNNING, s % 15 == 0 ? 190 : 100));
    }

    assertThat(app.alerts()).isEmpty();
  }

  @Test
  void severePainAndASustainedEffortMeanStop() {
    app.profile(ANA);
    app.pain(ANA, 0, 8);

    app.run(ANA, 1, 100, RUNNING, 130);

    assertThat(app.alerts())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.getSeverity()).isEqualTo(Severity.STOP_ACTIVITY);
              assertThat(a.getReasons())
                  .containsExactly(Reason.SEVERE_PAIN_WHILE_ACTIVE, Reason.SUSTAINED_HIGH_INTENSITY);
            });
  }

  @Test
  void aLatePainReportIsCheckedAgainstTheRecentExertion() {
    // Given: three minutes of hard running while no pain is known
    app.profile(ANA);
    app.run(ANA, 0, 180, RUNNING, 150);
    assertThat(app.alerts()).isEmpty();
    // When: a report made at 100 s arrives after the samples up to 179 s
    app.pain(Events.pain(ANA, at(100), 5));
    // Then: the alert of the ordered run -- 60 s above the ceiling since the report, at 159
    assertThat(app.alerts())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.getSeverity()).isEqualTo(Severity.REDUCE_INTENSITY);
              assertThat(a.getEventTime()).isEqualTo(at(159));
              assertThat(a.getObserved().getSecondsAboveCeiling()).isEqualTo(60);
            });
  }

  @Test
  void anAlertIsResolvedOnceTheAthleteIsBackUnderTheCeilingForTwoMinutes() {
    app.profile(ANA);
    app.pain(ANA, 0, 5);
    app.run(ANA, 1, 201, RUNNING, 150);

    app.run(ANA, 201, 600, RUNNING, 110);

    assertThat(app.alerts())
        .extracting(ExertionAlert::getState, ExertionAlert::getEventTime)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(AlertState.RAISED, at(60)),
            org.assertj.core.groups.Tuple.tuple(AlertState.RESOLVED, at(320)));
  }

  @Test
  void theSweepResolvesAnAthleteWhoStoppedSendingAsEventTimeMovesOn() {
    // Given: Ana raises an alert and her watch goes quiet at 99 s
    app.profile(ANA);
    app.pain(ANA, 0, 5);
    app.run(ANA, 1, 100, RUNNING, 150);
    assertThat(app.alerts()).hasSize(1);
    // When: another athlete's samples carry event time past 99 + 120 s and the next sweep
    app.run(BEN, 100, 400, WALKING, 90);
    // Then
    assertThat(app.alerts())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.getAthleteId()).isEqualTo(ANA);
              assertThat(a.getState()).isEqualTo(AlertState.RESOLVED);
              assertThat(a.getEventTime()).isEqualTo(at(219));
            });
  }

  @Test
  void theSameSeverityWaitsForTheCooldown() {
    app.profile(ANA);
    app.pain(ANA, 0, 5);
    app.run(ANA, 1, 201, RUNNING, 150); // RAISED at 60
    app.run(ANA, 201, 400, RUNNING, 110); // RESOLVED at 320
    app.alerts();

    app.run(ANA, 400, 960, RUNNING, 150);
    assertThat(app.alerts()).as("within 15 min of the first raise").isEmpty();
    app.run(ANA, 960, 970, RUNNING, 150);

    assertThat(app.alerts())
        .extracting(ExertionAlert::getState, ExertionAlert::getEventTime)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(AlertState.RAISED, at(960)));
  }

  @Test
  void risingSeverityEscalatesAndNothingRepeatsWhileItContinues() {
    app.profile(ANA);
    app.pain(ANA, 0, 6);
    app.run(ANA, 1, 100, RUNNING, 150);

    app.pain(ANA, 100, 7);
    app.run(ANA, 100, 400, RUNNING, 150);

    assertThat(app.alerts())
        .extracting(ExertionAlert::getState, ExertionAlert::getSeverity)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(AlertState.RAISED, Severity.REDUCE_INTENSITY),
            org.assertj.core.groups.Tuple.tuple(AlertState.ESCALATED, Severity.STOP_ACTIVITY));
  }

  @Test
  void painRisingDuringActivityMeansStopWhateverTheHeartRate() {
    app.profile(ANA);
    app.pain(ANA, 0, 2);
    app.run(ANA, 1, 100, RUNNING, 100);

    app.pain(ANA, 100, 4);

    assertThat(app.alerts())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.getSeverity()).isEqualTo(Severity.STOP_ACTIVITY);
              assertThat(a.getReasons()).containsExactly(Reason.PAIN_INCREASING_DURING_ACTIVITY);
            });
  }

  @Test
  void aTriggerMovementIsAnAdvisoryWithAlternativesThatAvoidIt() {
    app.profile(ANA);
    app.pain(Events.pain(ANA, at(0), 3, Movement.LIFTING, Movement.BENDING));

    app.sample(Events.sample(ANA, at(5), STRENGTH_TRAINING).setLoadKg(40f).build());

    ExertionAlert alert = app.alerts().get(0);
    assertThat(alert.getSeverity()).isEqualTo(Severity.ADVISORY);
    assertThat(alert.getReasons()).containsExactly(Reason.TRIGGER_MOVEMENT);
    assertThat(alert.getRecommendation().getAlternativeActivities())
        .containsExactly(WALKING, ActivityType.AQUATIC_EXERCISE, ActivityType.CORE_STABILITY);
  }

  @Test
  void repeatedDeepBendsAreAnAdvisory() {
    app.profile(ANA);
    app.pain(ANA, 0, 4);

    for (int s = 1; s < 40; s++) {
      app.sample(
          Events.sample(ANA, at(s), ActivityType.ROWING)
              .setHeartRateBpm(100)
              .setTrunkFlexionDeg(s % 10 == 0 ? 70f : 30f)
              .build());
    }

    assertThat(app.alerts())
        .extracting(ExertionAlert::getReasons)
        .containsExactly(List.of(Reason.EXCESSIVE_RANGE_OF_MOTION));
  }

  @Test
  void radiculopathySignsMeanSeeAProviderAtOnceEvenAtRest() {
    app.pain(Events.radiculopathy(ANA, at(0), 3, PainSensation.PINS_AND_NEEDLES));

    assertThat(app.alerts())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.getSeverity()).isEqualTo(Severity.SEEK_MEDICAL_ATTENTION);
              assertThat(a.getReasons()).containsExactly(Reason.RADICULOPATHY_SIGNS);
              assertThat(a.getRecommendation().getSelfCare()).isEmpty();
              assertThat(a.getRecommendation().getAlternativeActivities()).isEmpty();
              assertThat(a.getProfileEstimated()).isTrue();
            });
  }

  @Test
  void aRedFlagMeansSeeAProvider() {
    app.pain(Events.redFlag(ANA, at(0), 2, RedFlag.SADDLE_NUMBNESS));

    assertThat(app.alerts())
        .extracting(ExertionAlert::getSeverity, ExertionAlert::getReasons)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                Severity.SEEK_MEDICAL_ATTENTION, List.of(Reason.MEDICAL_RED_FLAG)));
  }

  @Test
  void aDayOfRestDuringAnEpisodeEarnsANudgeOnceEventTimeGetsThere() {
    app.pain(ANA, 0, 4);
    app.pain(ANA, 11 * 3600, 4);
    app.pain(ANA, 22 * 3600, 4);

    app.run(BEN, 24 * 3600 - 30, 24 * 3600 + 90, WALKING, 90);

    assertThat(app.alerts())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.getAthleteId()).isEqualTo(ANA);
              assertThat(a.getReasons()).containsExactly(Reason.PROLONGED_INACTIVITY);
              assertThat(a.getEventTime()).isEqualTo(at(24 * 3600));
              assertThat(a.getRecommendation().getAlternativeActivities()).containsExactly(WALKING);
            });
  }

  @Test
  void vigorousGymWorkWithoutHeartRateStillAlerts() {
    app.pain(ANA, 0, 2);

    for (int s = 1; s < 70; s++) {
      app.sample(
          Events.sample(ANA, at(s), ActivityType.STAIR_CLIMBING)
              .setSource(io.painguard.events.DeviceSource.STRENGTH_MACHINE)
              .build());
    }

    assertThat(app.alerts())
        .extracting(ExertionAlert::getSeverity, ExertionAlert::getProfileEstimated)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Severity.REDUCE_INTENSITY, true));
  }

  @Test
  void theStoresAnswerForTheHttpApi() {
    app.profile(ANA);
    app.pain(ANA, 0, 5);
    app.run(ANA, 1, 201, RUNNING, 150);
    app.run(ANA, 201, 330, RUNNING, 110);

    AthleteStatus status = app.status(ANA);
    List<ExertionAlert> recent = app.recentAlerts(ANA);

    assertThat(status.painLevel()).isEqualTo(5);
    assertThat(status.painBand()).isEqualTo(PainBand.MODERATE);
    assertThat(status.ceilingHrrPct()).isEqualTo(60);
    assertThat(status.ceilingHeartRateBpm()).isEqualTo(132);
    assertThat(status.lastHeartRateBpm()).isEqualTo(110);
    assertThat(status.lastIntensityHrrPct()).isEqualTo(42);
    assertThat(status.openSeverity()).isNull();
    assertThat(recent)
        .extracting(ExertionAlert::getState)
        .containsExactly(AlertState.RAISED, AlertState.RESOLVED);
  }

  @Test
  void replayingTheSameInputGivesTheSameAlertIds() {
    List<String> first;
    try (TopologyFixture replay = new TopologyFixture()) {
      script(replay);
      first = replay.alerts().stream().map(ExertionAlert::getAlertId).toList();
    }
    script(app);
    List<String> second = app.alerts().stream().map(ExertionAlert::getAlertId).toList();

    assertThat(first).hasSize(3).doesNotHaveDuplicates();
    assertThat(second).isEqualTo(first);
  }

  @Test
  void theTopologyIsOneSubTopologyWithoutRepartitioning() {
    TopologyDescription description = app.topology.describe();

    assertThat(description.subtopologies()).hasSize(1);
    assertThat(description.toString())
        .doesNotContain("repartition")
        .contains(PainGuardTopology.ATHLETE_STATE_STORE)
        .contains(PainGuardTopology.ATHLETE_ALERTS_STORE);
  }

  private static void script(TopologyFixture f) {
    f.profile(ANA);
    f.pain(ANA, 0, 6);
    f.run(ANA, 1, 100, RUNNING, 150);
    f.pain(ANA, 100, 7);
    f.run(ANA, 100, 200, RUNNING, 150);
    f.run(ANA, 200, 500, WALKING, 90);
  }
}

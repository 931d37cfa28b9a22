package io.painguard.rules;

import static io.painguard.events.ActivityType.HIIT;
import static io.painguard.events.ActivityType.REST;
import static io.painguard.events.ActivityType.RUNNING;
import static io.painguard.events.ActivityType.STRENGTH_TRAINING;
import static io.painguard.events.ActivityType.WALKING;
import static io.painguard.fixtures.Events.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.painguard.events.ActivityType;
import io.painguard.events.AlertState;
import io.painguard.events.ExertionAlert;
import io.painguard.events.Limb;
import io.painguard.events.Movement;
import io.painguard.events.PainSensation;
import io.painguard.events.Reason;
import io.painguard.events.RedFlag;
import io.painguard.events.Severity;
import io.painguard.fixtures.Events;
import io.painguard.fixtures.GuardScript;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The state machine, one rule and boundary at a time. Profile: HRrest 60, HRmax 180. */
class AthleteGuardTest {

  private static final long HOUR = 3600;

  private final GuardScript athlete = new GuardScript("athlete-1").profile();

  @Nested
  class SustainedHighIntensity {

    @Test
    void fiftyNineSecondsAboveTheCeilingIsNotEnoughButSixtyIs() {
      athlete.pain(0, 5); // moderate: ceiling 60 %HRR = 132 bpm
      athlete.run(1, 61, RUNNING, 130);

      assertThat(athlete.run(61, 120, RUNNING, 150)).as("59 s above").isEmpty();
      List<ExertionAlert> alerts = athlete.run(120, 121, RUNNING, 150);

      assertThat(alerts).hasSize(1);
      ExertionAlert alert = alerts.get(0);
      assertThat(alert.getState()).isEqualTo(AlertState.RAISED);
      assertThat(alert.getSeverity()).isEqualTo(Severity.REDUCE_INTENSITY);
      assertThat(alert.getReasons()).containsExactly(Reason.SUSTAINED_HIGH_INTENSITY);
      assertThat(alert.getEventTime()).isEqualTo(at(120));
      assertThat(alert.getPainLevel()).isEqualTo(5);
      assertThat(alert.getActivityType()).isEqualTo(RUNNING);
      assertThat(alert.getCoachId()).isEqualTo("coach-1");
      assertThat(alert.getPainReportId()).isEqualTo("report-athlete-1-" + at(0).toEpochMilli());
      assertThat(alert.getProfileEstimated()).isFalse();
      assertThat(alert.getObserved().getSecondsAboveCeiling()).isEqualTo(60);
      assertThat(alert.getObserved().getWindowSeconds()).isEqualTo(120);
      assertThat(alert.getObserved().getAvgHeartRateBpm()).isEqualTo(140);
      assertThat(alert.getObserved().getPeakHeartRateBpm()).isEqualTo(150);
      assertThat(alert.getRecommendation().getTargetMaxHeartRateBpm()).isEqualTo(132);
      assertThat(alert.getRecommendation().getIntensityReductionPct()).isEqualTo(20);
      assertThat(alert.getRecommendation().getAlternativeActivities())
          .isNotEmpty()
          .doesNotContain(RUNNING);
      assertThat(alert.getRecommendation().getSelfCare()).isEmpty();
    }

    @ParameterizedTest(name = "pain {0}: {1} bpm stays quiet, {2} bpm alerts {3}")
    @CsvSource({
      "2, 144, 145, REDUCE_INTENSITY",
      "5, 132, 133, REDUCE_INTENSITY",
      "8, 120, 121, STOP_ACTIVITY"
    })
    void ceilingsAt70_60_50PercentOfHeartRateReserve(
        int level, int atCeiling, int aboveCeiling, Severity severity) {
      GuardScript quiet = new GuardScript("quiet").profile();
      quiet.pain(0, level);
      athlete.pain(0, level);

      assertThat(quiet.run(1, 300, RUNNING, atCeiling)).isEmpty();
      List<ExertionAlert> alerts = athlete.run(1, 300, RUNNING, aboveCeiling);

      assertThat(alerts).extracting(ExertionAlert::getSeverity).containsExactly(severity);
    }

    @Test
    void severePainAndASustainedEffortMeanStop() {
      athlete.pain(0, 7);

      List<ExertionAlert> alerts = athlete.run(1, 61, RUNNING, 130);

      assertThat(alerts).hasSize(1);
      assertThat(alerts.get(0).getSeverity()).isEqualTo(Severity.STOP_ACTIVITY);
      assertThat(alerts.get(0).getReasons())
          .containsExactly(Reason.SEVERE_PAIN_WHILE_ACTIVE, Reason.SUSTAINED_HIGH_INTENSITY);
      assertThat(alerts.get(0).getRecommendation().getIntensityReductionPct()).isEqualTo(100);
    }

    @Test
    void spikesNeverAlert() {
      athlete.pain(0, 8);

      List<ExertionAlert> alerts =
          athlete.run(1, 1200, RUNNING, s -> s % 10 == 0 ? 200 : 100);

      assertThat(alerts).isEmpty();
    }

    @Test
    void withoutPainNothingIsTooHard() {
      assertThat(athlete.run(0, 600, RUNNING, 185)).isEmpty();
    }

    @Test
    void aReportTwelveHoursOldStillAppliesButNotOneSecondOlder() {
      GuardScript stale = new GuardScript("stale").profile();
      athlete.pain(1, 5);
      stale.pain(0, 5);

      List<ExertionAlert> fresh = athlete.run(12 * HOUR - 58, 12 * HOUR + 2, RUNNING, 150);
      List<ExertionAlert> old = stale.run(12 * HOUR - 58, 12 * HOUR + 2, RUNNING, 150);

      assertThat(fresh).extracting(ExertionAlert::getEventTime).containsExactly(at(12 * HOUR + 1));
      assertThat(old).isEmpty();
    }

    @Test
    void vigorousActivityWithoutHeartRateStillAlerts() {
      GuardScript gym = new GuardScript("no-profile"); // no profile: limits are estimated
      gym.pain(0, 2); // mild: ceiling 70 %HRR, HIIT counts as 75

      List<ExertionAlert> alerts = gym.run(1, 61, HIIT, (Integer) null);

      assertThat(alerts).hasSize(1);
      ExertionAlert alert = alerts.get(0);
      assertThat(alert.getSeverity()).isEqualTo(Severity.REDUCE_INTENSITY);
      assertThat(alert.getProfileEstimated()).isTrue();
      assertThat(alert.getObserved().getAvgHeartRateBpm()).isNull();
      assertThat(alert.getObserved().getSecondsAboveCeiling()).isEqualTo(60);
      assertThat(alert.getRecommendation().getIntensityReductionPct()).isPositive();
      assertThat(alert.getRecommendation().getSelfCare()).isNotEmpty(); // mild, no red flags
    }
  }

  @Nested
  class Lifecycle {

    @Test
    void nothingMoreWhileTheSameConditionContinues() {
      athlete.pain(0, 5);

      List<ExertionAlert> alerts = athlete.run(1, 900, RUNNING, 150);

      assertThat(alerts).extracting(ExertionAlert::getState).containsExactly(AlertState.RAISED);
    }

    @Test
    void escalatesWhenTheSeverityRises() {
      athlete.pain(0, 6);
      athlete.run(1, 100, RUNNING, 150);

      List<ExertionAlert> alerts = athlete.pain(100, 7);

      assertThat(alerts).hasSize(1);
      assertThat(alerts.get(0).getState()).isEqualTo(AlertState.ESCALATED);
      assertThat(alerts.get(0).getSeverity()).isEqualTo(Severity.STOP_ACTIVITY);
      assertThat(alerts.get(0).getEventTime()).isEqualTo(at(100));
      assertThat(athlete.run(101, 300, RUNNING, 150)).isEmpty();
    }

    @Test
    void resolvesOnceAfterTwoMinutesBackUnderTheCeiling() {
      athlete.pain(0, 5);
      athlete.run(1, 201, RUNNING, 150); // raised at 60, last second above: 200

      List<ExertionAlert> alerts = athlete.run(201, 600, RUNNING, 110);

      assertThat(alerts).hasSize(1);
      ExertionAlert resolved = alerts.get(0);
      assertThat(resolved.getState()).isEqualTo(AlertState.RESOLVED);
      assertThat(resolved.getSeverity()).isEqualTo(Severity.REDUCE_INTENSITY);
      assertThat(resolved.getEventTime()).isEqualTo(at(320));
      assertThat(resolved.getReasons()).isEmpty();
      assertThat(resolved.getRecommendation().getIntensityReductionPct()).isZero();
      assertThat(athlete.state().openSeverity()).isEqualTo(Severity.UNKNOWN);
    }

    @Test
    void aSpikeWhileOpenPostponesTheResolution() {
      athlete.pain(0, 5);
      athlete.run(1, 201, RUNNING, 150);

      List<ExertionAlert> alerts = athlete.run(201, 600, RUNNING, s -> s == 250 ? 170 : 110);

      assertThat(alerts).extracting(ExertionAlert::getEventTime).containsExactly(at(370));
    }

    @Test
    void theSameSeverityIsNotRaisedAgainWithinTheCooldown() {
      athlete.pain(0, 5);
      athlete.run(1, 201, RUNNING, 150); // RAISED at 60
      athlete.run(201, 400, RUNNING, 110); // RESOLVED at 320

      List<ExertionAlert> within = athlete.run(400, 960, RUNNING, 150);
      List<ExertionAlert> after = athlete.run(960, 1000, RUNNING, 150);

      assertThat(within).as("cooldown until 60 + 15 min = 960").isEmpty();
      assertThat(after).hasSize(1);
      assertThat(after.get(0).getState()).isEqualTo(AlertState.RAISED);
      assertThat(after.get(0).getEventTime()).isEqualTo(at(960));
    }

    @Test
    void aLevelZeroReportResolvesAtOnce() {
      athlete.pain(0, 5);
      athlete.run(1, 100, RUNNING, 150);

      List<ExertionAlert> alerts = athlete.pain(100, 0);

      assertThat(alerts).hasSize(1);
      assertThat(alerts.get(0).getState()).isEqualTo(AlertState.RESOLVED);
      assertThat(alerts.get(0).getEventTime()).isEqualTo(at(100));
      assertThat(alerts.get(0).getPainLevel()).isZero();
      assertThat(alerts.get(0).getRecommendation().getMessage()).contains("gone");
      assertThat(athlete.run(100, 400, RUNNING, 150)).isEmpty();
    }

    @Test
    void aTickResolvesWhenTheAthleteStopsSendingAnything() {
      athlete.pain(0, 5);
      athlete.run(1, 100, RUNNING, 150); // last second above: 99

      assertThat(athlete.tick(218)).isEmpty();
      List<ExertionAlert> alerts = athlete.tick(300);

      assertThat(alerts).extracting(ExertionAlert::getState).containsExactly(AlertState.RESOLVED);
      assertThat(alerts.get(0).getEventTime()).isEqualTo(at(219));
    }

    @Test
    void replayingTheSameRecordsGivesTheSameAlertIds() {
      GuardScript replay = new GuardScript("athlete-1").profile();
      for (GuardScript script : List.of(athlete, replay)) {
        script.pain(0, 5);
        script.run(1, 201, RUNNING, 150);
        script.run(201, 400, RUNNING, 110);
      }

      assertThat(athlete.alerts()).hasSize(2);
      assertThat(replay.alerts())
          .extracting(ExertionAlert::getAlertId)
          .containsExactlyElementsOf(
              athlete.alerts().stream().map(ExertionAlert::getAlertId).toList())
          .doesNotHaveDuplicates();
    }

    @Test
    void ticksBeforeTheDeadlineLeaveTheStateAlone() {
      athlete.pain(0, 5);
      byte[] before = athlete.state().encode();

      assertThat(athlete.tick(60)).isEmpty();

      assertThat(athlete.state().encode()).isEqualTo(before);
    }
  }

  @Nested
  class PainRising {

    @Test
    void twoPointsUpDuringActivityMeansStopWhateverTheHeartRate() {
      athlete.pain(0, 3);
      athlete.run(1, 100, RUNNING, 100);

      List<ExertionAlert> alerts = athlete.pain(100, 5);

      assertThat(alerts).hasSize(1);
      assertThat(alerts.get(0).getSeverity()).isEqualTo(Severity.STOP_ACTIVITY);
      assertThat(alerts.get(0).getReasons())
          .containsExactly(Reason.PAIN_INCREASING_DURING_ACTIVITY);
      assertThat(alerts.get(0).getEventTime()).isEqualTo(at(100));
      assertThat(alerts.get(0).getRecommendation().getMessage()).contains("from 3 to 5");
    }

    @Test
    void onePointUpIsNotARise() {
      athlete.pain(0, 3);
      athlete.run(1, 100, RUNNING, 100);

      assertThat(athlete.pain(100, 4)).isEmpty();
    }

    @Test
    void aRiseAfterTheActivityEndedIsNotDuringActivity() {
      athlete.pain(0, 3);
      athlete.run(1, 100, RUNNING, 100);
      athlete.run(100, 200, REST, 70);

      assertThat(athlete.pain(200, 6)).isEmpty();
    }

    @Test
    void itHoldsWhileTheSameActivityGoesOnAndResolvesOnceItStops() {
      athlete.pain(0, 3);
      athlete.run(1, 100, RUNNING, 100);
      athlete.pain(100, 5);

      assertThat(athlete.run(100, 400, RUNNING, 100)).as("keeps running").isEmpty();
      List<ExertionAlert> alerts = athlete.run(400, 600, WALKING, 90);

      assertThat(alerts).extracting(ExertionAlert::getState).containsExactly(AlertState.RESOLVED);
      assertThat(alerts.get(0).getEventTime()).isEqualTo(at(399 + 120));
    }
  }

  @Nested
  class LatePainReport {

    @Test
    void aLateReportIsCheckedAgainstTheActivityItDescribes() {
      assertThat(athlete.run(0, 180, RUNNING, 150)).as("no pain known yet").isEmpty();

      List<ExertionAlert> alerts = athlete.pain(Events.pain("athlete-1", at(100), 5));

      // Then: the alert an ordered run raises -- 60 s above the ceiling after the report, at 159
      assertThat(alerts).hasSize(1);
      assertThat(alerts.get(0).getSeverity()).isEqualTo(Severity.REDUCE_INTENSITY);
      assertThat(alerts.get(0).getEventTime()).isEqualTo(at(159));
      assertThat(alerts.get(0).getObserved().getSecondsAboveCeiling())
          .as("only the seconds since the report")
          .isEqualTo(60);
    }

    @Test
    void aLateRiseWithinTheGraceStillCounts() {
      athlete.pain(0, 2);
      athlete.run(1, 400, RUNNING, 100);

      List<ExertionAlert> alerts = athlete.pain(Events.pain("athlete-1", at(200), 5));

      assertThat(alerts)
          .extracting(ExertionAlert::getReasons)
          .containsExactly(List.of(Reason.PAIN_INCREASING_DURING_ACTIVITY));
    }

    @Test
    void aLateRiseDoesNotHoldOnToWhateverTheAthleteDoesNow() {
      athlete.pain(0, 2);
      athlete.run(1, 200, RUNNING, 100);
      athlete.run(200, 260, WALKING, 90);

      List<ExertionAlert> raised = athlete.pain(Events.pain("athlete-1", at(190), 5));
      List<ExertionAlert> later = athlete.run(260, 500, WALKING, 90);

      assertThat(raised).extracting(ExertionAlert::getSeverity).containsExactly(Severity.STOP_ACTIVITY);
      assertThat(later).extracting(ExertionAlert::getState).containsExactly(AlertState.RESOLVED);
      // The run the pain rose during went on until 199: the evidence ends there, as in order.
      assertThat(later.get(0).getEventTime()).isEqualTo(at(199 + 120));
    }

    @Test
    void aRiseReportedLateWithinTheBoundIsJudgedAgainstTheActivityThen() {
      athlete.pain(0, 2);
      athlete.run(1, 800, REST, 60);
      athlete.run(800, 801, RUNNING, 100);
      athlete.run(801, 1200, REST, 60);

      // When: the report of 800 arrives 400 s late (the bound is 15 min)
      List<ExertionAlert> alerts = athlete.pain(Events.pain("athlete-1", at(800), 5));

      // Then: what an ordered run says -- the rise during the run, over once it had ended
      assertThat(alerts)
          .extracting(ExertionAlert::getState, ExertionAlert::getEventTime)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(AlertState.RAISED, at(800)),
              org.assertj.core.groups.Tuple.tuple(AlertState.RESOLVED, at(920)));
      assertThat(alerts.get(0).getReasons()).containsExactly(Reason.PAIN_INCREASING_DURING_ACTIVITY);
    }

    @Test
    void aRiseReportedBeyondTheBoundCountsFromNowOnOnly() {
      athlete.pain(0, 2);
      athlete.run(800, 801, RUNNING, 100);
      athlete.run(801, 1800, REST, 60);

      // When: the report of 800 arrives 1000 s late
      List<ExertionAlert> alerts = athlete.pain(Events.pain("athlete-1", at(800), 5));

      // Then: no rise is judged against a run long over; the level is in force from now
      assertThat(alerts).isEmpty();
      assertThat(athlete.state().painLevel()).isEqualTo(5);
      assertThat(athlete.state().painReportedAt()).isEqualTo(at(1799).toEpochMilli());
    }

    @Test
    void anOlderReportThanTheOneInForceOnlyCountsForItsMedicalSigns() {
      athlete.pain(100, 2);

      assertThat(athlete.pain(Events.pain("athlete-1", at(50), 9))).isEmpty();
      assertThat(athlete.state().painLevel()).isEqualTo(2);
      List<ExertionAlert> alerts =
          athlete.pain(Events.redFlag("athlete-1", at(60), 3, RedFlag.FEVER));
      assertThat(alerts)
          .extracting(ExertionAlert::getSeverity)
          .containsExactly(Severity.SEEK_MEDICAL_ATTENTION);
    }
  }

  @Nested
  class Movements {

    @Test
    void anActivityInvolvingATriggerIsAnAdvisoryThatSuggestsAvoidingIt() {
      athlete.pain(Events.pain("athlete-1", at(0), 3, Movement.LIFTING));

      List<ExertionAlert> alerts = athlete.run(1, 2, STRENGTH_TRAINING, (Integer) null);

      assertThat(alerts).hasSize(1);
      ExertionAlert alert = alerts.get(0);
      assertThat(alert.getSeverity()).isEqualTo(Severity.ADVISORY);
      assertThat(alert.getReasons()).containsExactly(Reason.TRIGGER_MOVEMENT);
      assertThat(alert.getActivityType()).isEqualTo(STRENGTH_TRAINING);
      for (ActivityType alternative : alert.getRecommendation().getAlternativeActivities()) {
        assertThat(alternative).isNotEqualTo(STRENGTH_TRAINING);
        assertThat(MovementTable.movementsOf(alternative)).doesNotContain(Movement.LIFTING);
      }
      assertThat(alert.getRecommendation().getMessage()).contains("lifting");
    }

    @Test
    void theTriggerAdvisoryEscalatesWhenTheEffortIsSustained() {
      athlete.pain(Events.pain("athlete-1", at(0), 3, Movement.LIFTING));

      List<ExertionAlert> alerts = athlete.run(1, 100, STRENGTH_TRAINING, (Integer) null);

      assertThat(alerts)
          .extracting(ExertionAlert::getState, ExertionAlert::getSeverity)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(AlertState.RAISED, Severity.ADVISORY),
              org.assertj.core.groups.Tuple.tuple(AlertState.ESCALATED, Severity.REDUCE_INTENSITY));
      assertThat(alerts.get(1).getReasons())
          .containsExactly(Reason.SUSTAINED_HIGH_INTENSITY, Reason.TRIGGER_MOVEMENT);
    }

    @Test
    void repeatedBendsBeyondSixtyDegreesAreAnAdvisory() {
      athlete.pain(0, 4);
      List<ExertionAlert> alerts = new java.util.ArrayList<>();
      for (int s = 1; s < 60; s++) {
        float flexion = s % 15 == 0 ? 75f : 20f; // a deep bend at 15, 30 and 45
        alerts.addAll(
            athlete.sample(
                Events.sample("athlete-1", at(s), ActivityType.YOGA)
                    .setHeartRateBpm(95)
                    .setTrunkFlexionDeg(flexion)
                    .build()));
      }

      assertThat(alerts).hasSize(1);
      assertThat(alerts.get(0).getReasons()).containsExactly(Reason.EXCESSIVE_RANGE_OF_MOTION);
      assertThat(alerts.get(0).getEventTime()).isEqualTo(at(45));
      assertThat(alerts.get(0).getRecommendation().getAlternativeActivities())
          .doesNotContain(ActivityType.YOGA);
    }

    @Test
    void bendsOfExactlySixtyDegreesAreWithinTheRange() {
      athlete.pain(0, 4);
      for (int s = 1; s < 60; s++) {
        assertThat(
                athlete.sample(
                    Events.sample("athlete-1", at(s), ActivityType.YOGA)
                        .setHeartRateBpm(95)
                        .setTrunkFlexionDeg(s % 2 == 0 ? 60f : 10f)
                        .build()))
            .isEmpty();
      }
    }
  }

  @Nested
  class MedicalSignsOnAReport {

    @ParameterizedTest
    @EnumSource(names = {"ELECTRIC", "PINS_AND_NEEDLES", "BURNING", "NUMBNESS", "WEAKNESS"})
    void radiculopathySensationsMeanSeeAProviderEvenAtRest(PainSensation sensation) {
      List<ExertionAlert> alerts =
          athlete.pain(Events.radiculopathy("athlete-1", at(0), 2, sensation));

      assertThat(alerts).hasSize(1);
      assertMedical(alerts.get(0), Reason.RADICULOPATHY_SIGNS);
    }

    @ParameterizedTest
    @EnumSource(value = Limb.class)
    void painRadiatingToALimbMeansSeeAProvider(Limb limb) {
      List<ExertionAlert> alerts = athlete.pain(Events.radiating("athlete-1", at(0), 4, limb));

      assertThat(alerts).hasSize(1);
      assertMedical(alerts.get(0), Reason.RADICULOPATHY_SIGNS);
    }

    @ParameterizedTest
    @EnumSource(value = RedFlag.class, names = "UNKNOWN", mode = EnumSource.Mode.EXCLUDE)
    void eachRedFlagMeansSeeAProvider(RedFlag flag) {
      athlete.run(0, 30, RUNNING, 120);

      List<ExertionAlert> alerts = athlete.pain(Events.redFlag("athlete-1", at(30), 1, flag));

      assertThat(alerts).hasSize(1);
      assertMedical(alerts.get(0), Reason.MEDICAL_RED_FLAG);
    }

    @Test
    void aRedFlagCountsEvenOnAPainFreeReport() {
      List<ExertionAlert> alerts =
          athlete.pain(Events.redFlag("athlete-1", at(0), 0, RedFlag.RECENT_TRAUMA));

      assertThat(alerts).extracting(ExertionAlert::getSeverity).containsExactly(Severity.SEEK_MEDICAL_ATTENTION);
    }

    @Test
    void theReferralOutlivesTheReportGoingStale() {
      // Given numbness reported at 5/10 (the report sets the ceiling for 12 h)
      athlete.pain(Events.radiculopathy("athlete-1", at(0), 5, PainSensation.NUMBNESS));

      // When a day passes without any report (safety invariant 2: silence never closes it)
      List<ExertionAlert> alerts = athlete.tick(24 * HOUR);

      // Then nothing resolves it
      assertThat(alerts).isEmpty();
      assertThat(athlete.state().referralOpenAt(at(24 * HOUR).toEpochMilli())).isTrue();
    }

    private void assertMedical(ExertionAlert alert, Reason reason) {
      assertThat(alert.getSeverity()).isEqualTo(Severity.SEEK_MEDICAL_ATTENTION);
      assertThat(alert.getReasons()).contains(reason);
      assertThat(alert.getRecommendation().getSelfCare()).isEmpty();
      assertThat(alert.getRecommendation().getAlternativeActivities()).isEmpty();
      assertThat(alert.getRecommendation().getTargetMaxHeartRateBpm()).isNull();
      assertThat(alert.getRecommendation().getMessage())
          .startsWith(
              reason == Reason.MEDICAL_RED_FLAG
                      && (alert.getRecommendation().getMessage().contains("saddle numbness")
                          || alert.getRecommendation().getMessage().contains("bladder or bowel"))
                  ? "Get medical care today"
                  : "See a healthcare provider")
          .doesNotContain("%")
          .doesNotContain("bpm");
    }
  }

  @Nested
  class Inactivity {

    @Test
    void aDayOfRestDuringAnEpisodeEarnsANudgeTowardsWalking() {
      athlete.pain(0, 4);
      athlete.pain(11 * HOUR, 4);
      athlete.pain(22 * HOUR, 4);

      assertThat(athlete.tick(23 * HOUR)).isEmpty();
      List<ExertionAlert> alerts = athlete.tick(24 * HOUR + 30);

      assertThat(alerts).hasSize(1);
      ExertionAlert alert = alerts.get(0);
      assertThat(alert.getSeverity()).isEqualTo(Severity.ADVISORY);
      assertThat(alert.getReasons()).containsExactly(Reason.PROLONGED_INACTIVITY);
      assertThat(alert.getEventTime()).as("due time, not tick time").isEqualTo(at(24 * HOUR));
      assertThat(alert.getRecommendation().getAlternativeActivities()).containsExactly(WALKING);
    }

    @Test
    void oneReportThenADayInBedEarnsTheNudgeThoughTheReportWentStaleAfter12Hours() {
      // Given a 4/10 report and a short walk, then only rest (the report is stale from 12 h on)
      athlete.pain(0, 4);
      athlete.run(10, 100, WALKING, 95);

      // When a day of event time passes without activity
      assertThat(athlete.tick(23 * HOUR)).isEmpty();
      List<ExertionAlert> alerts = athlete.tick(24 * HOUR + 200);

      // Then the nudge comes 24 h after the last activity
      assertThat(alerts).extracting(ExertionAlert::getReasons)
          .containsExactly(List.of(Reason.PROLONGED_INACTIVITY));
      assertThat(alerts.get(0).getEventTime()).isEqualTo(at(24 * HOUR + 99));
    }

    @Test
    void inactivityLaterInTheEpisodeEarnsTheNudgeThoughTheReportWentStale() {
      // Given a 4/10 report, then a walk 13 h later, when the report no longer sets the ceiling
      athlete.pain(0, 4);
      athlete.run(13 * HOUR, 13 * HOUR + 60, WALKING, 95);

      // When a day of rest follows (the episode lasts until a level-0 report or 14 days)
      List<ExertionAlert> alerts = athlete.tick(13 * HOUR + 25 * HOUR);

      // Then the nudge comes a day after the walk
      assertThat(alerts).extracting(ExertionAlert::getReasons)
          .containsExactly(List.of(Reason.PROLONGED_INACTIVITY));
      assertThat(alerts.get(0).getEventTime()).isEqualTo(at(13 * HOUR + 59 + 24 * HOUR));
    }

    @Test
    void noNudgeOnceTheEpisodeIsOver() {
      // Given a 4/10 report, then a level-0 report the next morning
      athlete.pain(0, 4);
      athlete.pain(20 * HOUR, 0);

      // When days of rest follow
      List<ExertionAlert> alerts = athlete.tick(3 * 24 * HOUR);

      // Then no nudge: the pain is gone
      assertThat(alerts).isEmpty();
    }

    @Test
    void walkingAgainEndsIt() {
      athlete.pain(0, 4);
      athlete.pain(11 * HOUR, 4);
      athlete.pain(22 * HOUR, 4);
      athlete.tick(24 * HOUR + 30);

      List<ExertionAlert> alerts = athlete.run(25 * HOUR, 25 * HOUR + 180, WALKING, 95);

      assertThat(alerts).extracting(ExertionAlert::getState).containsExactly(AlertState.RESOLVED);
      assertThat(alerts.get(0).getEventTime()).isEqualTo(at(25 * HOUR + 120));
    }

    @Test
    void restSamplesDoNotCountAsActivity() {
      athlete.pain(0, 4);
      athlete.run(10, 100, WALKING, 95);
      athlete.pain(11 * HOUR, 4);
      athlete.pain(22 * HOUR, 4);

      List<ExertionAlert> alerts = athlete.run(24 * HOUR + 95, 24 * HOUR + 105, REST, 60);

      assertThat(alerts)
          .extracting(ExertionAlert::getEventTime)
          .containsExactly(at(24 * HOUR + 99));
    }
  }
}

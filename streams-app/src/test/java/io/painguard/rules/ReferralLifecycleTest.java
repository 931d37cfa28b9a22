package io.painguard.rules;

import static io.painguard.events.ActivityType.RUNNING;
import static io.painguard.fixtures.Events.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.painguard.events.AlertState;
import io.painguard.events.ExertionAlert;
import io.painguard.events.PainReport;
import io.painguard.events.PainSensation;
import io.painguard.events.Reason;
import io.painguard.events.RedFlag;
import io.painguard.events.Severity;
import io.painguard.fixtures.Events;
import io.painguard.fixtures.GuardScript;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The medical referral lifecycle (DOMAIN 3, 4; safety invariants 1-4), one case of issue 14 per
 * test: a referral is raised at once, news on it is sent at once, and only a level-0 report or the
 * long limit closes it -- never a cooldown, silence, staleness or a report that leaves the sign out.
 * Profile: HRrest 60, HRmax 180 (moderate ceiling 132 bpm).
 */
class ReferralLifecycleTest {

  private static final long MINUTE = 60;
  private static final long HOUR = 3600;
  private static final long DAY = 24 * HOUR;

  private final GuardScript athlete = new GuardScript("athlete-1").profile();

  private static PainReport pins(long second, int level) {
    return Events.radiculopathy("athlete-1", at(second), level, PainSensation.PINS_AND_NEEDLES);
  }

  @Test
  void caudaEquinaSignsFourMinutesAfterAClosedReferralAreRaisedAtOnceDespiteTheCooldown() {
    // Given a radiculopathy referral, closed by a level-0 report
    athlete.pain(pins(0, 5));
    athlete.pain(2 * MINUTE, 0);

    // When four minutes later saddle numbness and a bladder change are reported
    List<ExertionAlert> alerts =
        athlete.pain(
            Events.report("athlete-1", at(6 * MINUTE), 6)
                .setRedFlags(List.of(RedFlag.SADDLE_NUMBNESS, RedFlag.BLADDER_OR_BOWEL_CHANGE))
                .build());

    // Then a referral at once, at the report's time, saying it can be an emergency
    assertThat(alerts).singleElement().satisfies(a -> {
      assertThat(a.getState()).isEqualTo(AlertState.RAISED);
      assertThat(a.getSeverity()).isEqualTo(Severity.SEEK_MEDICAL_ATTENTION);
      assertThat(a.getEventTime()).isEqualTo(at(6 * MINUTE));
      assertThat(a.getReasons()).containsExactly(Reason.MEDICAL_RED_FLAG);
      assertThat(a.getRecommendation().getMessage())
          .startsWith("Get medical care today")
          .contains("saddle numbness")
          .contains("a bladder or bowel change");
    });
  }

  @Test
  void aLaterReportThatLeavesTheSignOutDoesNotCloseTheReferral() {
    // Given pins and needles at 5/10, then a 3/10 report that does not repeat them
    athlete.pain(pins(0, 5));
    athlete.pain(10 * MINUTE, 3);

    // When a hard run follows
    List<ExertionAlert> alerts = athlete.run(11 * MINUTE, 14 * MINUTE, RUNNING, 160);

    // Then the referral stays open, and the run is alerted as a STOP that names it -- no
    // self-care, no other workout, no heart-rate target
    assertThat(athlete.alerts())
        .filteredOn(a -> a.getSeverity() == Severity.SEEK_MEDICAL_ATTENTION)
        .extracting(ExertionAlert::getState)
        .containsExactly(AlertState.RAISED);
    assertThat(alerts).first().satisfies(a -> {
      assertThat(a.getSeverity()).isEqualTo(Severity.STOP_ACTIVITY);
      assertThat(a.getReasons()).contains(Reason.SUSTAINED_HIGH_INTENSITY);
      assertThat(a.getRecommendation().getMessage()).contains("referral").contains("pins and needles")
          .doesNotContain("%").doesNotContain("bpm").doesNotContainIgnoringCase("all clear");
      assertThat(a.getRecommendation().getSelfCare()).isEmpty();
      assertThat(a.getRecommendation().getAlternativeActivities()).isEmpty();
      assertThat(a.getRecommendation().getTargetMaxHeartRateBpm()).isNull();
    });
    assertThat(athlete.alerts()).extracting(a -> a.getRecommendation().getMessage())
        .noneMatch(m -> m.contains("All clear") || m.contains("within your limits"));
  }

  @Test
  void aFeverReportGoingStaleNeitherClosesTheReferralNorHidesAHardRun() {
    // Given fever at 4/10
    athlete.pain(Events.redFlag("athlete-1", at(0), 4, RedFlag.FEVER));

    // When 13 hours pass (the report no longer sets the ceiling on its own) and a hard run follows
    List<ExertionAlert> quiet = athlete.tick(13 * HOUR);
    List<ExertionAlert> run = athlete.run(13 * HOUR, 13 * HOUR + 3 * MINUTE, RUNNING, 160);

    // Then no resolution, and the run is alerted against the 4/10 ceiling
    assertThat(quiet).isEmpty();
    assertThat(run).extracting(ExertionAlert::getSeverity).contains(Severity.STOP_ACTIVITY);
    assertThat(athlete.state().referralOpenAt(at(13 * HOUR + 3 * MINUTE).toEpochMilli())).isTrue();
  }

  @Test
  void newRedFlagsDuringAnOpenReferralAreSentAtOnceAndKnownSignsAreNot() {
    // Given an open radiculopathy referral
    athlete.pain(pins(0, 5));

    // When the same sign is reported again, then fever
    List<ExertionAlert> again = athlete.pain(pins(5 * MINUTE, 5));
    List<ExertionAlert> fever = athlete.pain(
        Events.report("athlete-1", at(7 * MINUTE), 5)
            .setSensations(List.of(PainSensation.PINS_AND_NEEDLES))
            .setRedFlags(List.of(RedFlag.FEVER))
            .build());

    // Then nothing for the known sign, and an UPDATED naming the fever at its report's time
    assertThat(again).isEmpty();
    assertThat(fever).singleElement().satisfies(a -> {
      assertThat(a.getState()).isEqualTo(AlertState.UPDATED);
      assertThat(a.getSeverity()).isEqualTo(Severity.SEEK_MEDICAL_ATTENTION);
      assertThat(a.getEventTime()).isEqualTo(at(7 * MINUTE));
      assertThat(a.getReasons()).containsExactly(Reason.MEDICAL_RED_FLAG, Reason.RADICULOPATHY_SIGNS);
      assertThat(a.getRecommendation().getMessage()).contains("fever").contains("pins and needles");
    });
  }

  @Test
  void aSignReportArrivingAfterANewerReportIsRaisedWithItsOwnIdAndStaysOpen() {
    // Given a 3/10 report at 10 min and samples after it
    athlete.pain(10 * MINUTE, 3);
    athlete.run(10 * MINUTE, 11 * MINUTE, RUNNING, 100);

    // When a report of 5 min with numbness arrives, then more samples
    List<ExertionAlert> late =
        athlete.pain(Events.radiculopathy("athlete-1", at(5 * MINUTE), 4, PainSensation.NUMBNESS));
    List<ExertionAlert> after = athlete.run(11 * MINUTE, 12 * MINUTE, RUNNING, 100);

    // Then the referral names that report, at its time, and the next samples do not close it
    assertThat(late).filteredOn(a -> a.getSeverity() == Severity.SEEK_MEDICAL_ATTENTION)
        .singleElement()
        .satisfies(a -> {
          assertThat(a.getPainReportId()).isEqualTo("report-athlete-1-" + at(5 * MINUTE).toEpochMilli());
          assertThat(a.getEventTime()).isEqualTo(at(5 * MINUTE));
        });
    assertThat(after).noneMatch(a -> a.getSeverity() == Severity.SEEK_MEDICAL_ATTENTION);
  }

  @Test
  void aSignReportMoreThanTwelveHoursLateIsStillReferredAtOnce() {
    // Given an athlete whose clock is a day on
    athlete.pain(DAY, 2);
    athlete.run(DAY, DAY + MINUTE, RUNNING, 100);

    // When yesterday's report with a suspected fracture syncs
    List<ExertionAlert> alerts =
        athlete.pain(Events.redFlag("athlete-1", at(HOUR), 6, RedFlag.SUSPECTED_FRACTURE));

    // Then it is referred, at its own time
    assertThat(alerts).singleElement().satisfies(a -> {
      assertThat(a.getState()).isEqualTo(AlertState.RAISED);
      assertThat(a.getSeverity()).isEqualTo(Severity.SEEK_MEDICAL_ATTENTION);
      assertThat(a.getEventTime()).isEqualTo(at(HOUR));
      assertThat(a.getRecommendation().getMessage()).contains("a suspected fracture");
    });
  }

  @Test
  void aLevelZeroReportClosesTheReferralSayingWhyNeverAllClear() {
    athlete.pain(pins(0, 5));

    List<ExertionAlert> alerts = athlete.pain(HOUR, 0);

    assertThat(alerts).singleElement().satisfies(a -> {
      assertThat(a.getState()).isEqualTo(AlertState.RESOLVED);
      assertThat(a.getSeverity()).isEqualTo(Severity.SEEK_MEDICAL_ATTENTION);
      assertThat(a.getEventTime()).isEqualTo(at(HOUR));
      assertThat(a.getRecommendation().getMessage())
          .startsWith("Referral closed: the athlete reported the pain gone")
          .contains("pins and needles")
          .doesNotContainIgnoringCase("all clear")
          .doesNotContain("within your limits");
    });
  }

  @Test
  void aLevelZeroReportMadeBeforeTheLastSignDoesNotCloseIt() {
    // Given pins and needles at 10 min
    athlete.pain(pins(10 * MINUTE, 5));

    // When a level-0 report of 5 min arrives late
    List<ExertionAlert> alerts = athlete.pain(5 * MINUTE, 0);

    // Then the referral stays open
    assertThat(alerts).noneMatch(a -> a.getSeverity() == Severity.SEEK_MEDICAL_ATTENTION);
    assertThat(athlete.state().referralOpenAt(at(11 * MINUTE).toEpochMilli())).isTrue();
  }

  @Test
  void theReferralClosesAfterItsLimitCountedFromTheLastTimeTheSignWasReported() {
    // Given pins and needles on day 0 and again on day 10
    athlete.pain(pins(0, 5));
    athlete.pain(pins(10 * DAY, 4));

    // When day 14 and then day 24 pass without a report
    List<ExertionAlert> day14 = athlete.tick(14 * DAY + HOUR);
    List<ExertionAlert> day24 = athlete.tick(24 * DAY + HOUR);

    // Then it closes 14 days after the last sign, saying it was not a medical check
    assertThat(day14).noneMatch(a -> a.getSeverity() == Severity.SEEK_MEDICAL_ATTENTION);
    assertThat(day24).filteredOn(a -> a.getSeverity() == Severity.SEEK_MEDICAL_ATTENTION)
        .singleElement()
        .satisfies(a -> {
          assertThat(a.getState()).isEqualTo(AlertState.RESOLVED);
          assertThat(a.getEventTime()).isEqualTo(at(24 * DAY));
          assertThat(a.getRecommendation().getMessage())
              .startsWith("Referral closed after 14 days")
              .contains("not a medical check")
              .doesNotContainIgnoringCase("all clear");
        });
  }

  @Test
  void aSignReportArrivingAfterALaterPainGoneReportIsRaisedAndClosedByIt() {
    // Given 3/10 at 0 and pain gone at 10 min
    athlete.pain(0, 3);
    athlete.pain(10 * MINUTE, 0);

    // When a report of 5 min with burning pain arrives
    List<ExertionAlert> alerts =
        athlete.pain(Events.radiculopathy("athlete-1", at(5 * MINUTE), 3, PainSensation.BURNING));

    // Then the coach learns of it: raised at 5 min, closed at 10 min by the pain-gone report
    assertThat(alerts).extracting(ExertionAlert::getState, ExertionAlert::getEventTime)
        .containsExactly(
            tuple(AlertState.RAISED, at(5 * MINUTE)), tuple(AlertState.RESOLVED, at(10 * MINUTE)));
    assertThat(alerts).extracting(ExertionAlert::getAlertId).doesNotHaveDuplicates();
  }

  @Test
  void referralAlertsNeverCarryATargetOrAWorkout() {
    athlete.run(0, 2 * MINUTE, RUNNING, 160);
    List<ExertionAlert> alerts =
        athlete.pain(
            Events.report("athlete-1", at(MINUTE), 2)
                .setRadiatesTo(List.of(io.painguard.events.Limb.LEFT_LEG))
                .build());

    assertThat(alerts).filteredOn(a -> a.getSeverity() == Severity.SEEK_MEDICAL_ATTENTION)
        .singleElement()
        .satisfies(a -> {
          assertThat(a.getRecommendation().getTargetMaxHeartRateBpm()).isNull();
          assertThat(a.getRecommendation().getSelfCare()).isEmpty();
          assertThat(a.getRecommendation().getAlternativeActivities()).isEmpty();
          assertThat(a.getRecommendation().getMessage())
              .contains("pain radiating to the left leg").doesNotContain("%").doesNotContain("bpm");
        });
  }

  @Test
  void newsOnAnUrgentReferralKeepsItsUrgency() {
    // Given a referral for saddle numbness
    athlete.pain(Events.redFlag("athlete-1", at(0), 5, RedFlag.SADDLE_NUMBNESS));

    // When fever is reported on top
    List<ExertionAlert> alerts = athlete.pain(Events.redFlag("athlete-1", at(5 * MINUTE), 5, RedFlag.FEVER));

    // Then the update still says to get care today
    assertThat(alerts).singleElement().satisfies(a -> {
      assertThat(a.getState()).isEqualTo(AlertState.UPDATED);
      assertThat(a.getRecommendation().getMessage())
          .startsWith("Get medical care today")
          .contains("fever reported since the referral opened");
    });
  }
}

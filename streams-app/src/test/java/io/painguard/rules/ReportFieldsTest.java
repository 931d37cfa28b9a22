package io.painguard.rules;

import static io.painguard.events.ActivityType.HIIT;
import static io.painguard.events.ActivityType.REST;
import static io.painguard.events.ActivityType.RUNNING;
import static io.painguard.events.ActivityType.YOGA;
import static io.painguard.fixtures.Events.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.painguard.events.ActivityType;
import io.painguard.events.ExertionAlert;
import io.painguard.events.Movement;
import io.painguard.events.PainOnset;
import io.painguard.events.PainSensation;
import io.painguard.events.Reason;
import io.painguard.events.Severity;
import io.painguard.fixtures.Events;
import io.painguard.fixtures.GuardScript;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every field of a pain report is used, as DOMAIN point 2 says: level, onset, triggers and the
 * type of pain. Profile: HRrest 60, HRmax 180 (ceilings 144 / 132 / 120 bpm).
 */
class ReportFieldsTest {

  private static final long HOUR = 3600;

  private final GuardScript athlete = new GuardScript("athlete-1").profile();

  @Test
  void painThatCameOnDuringActivityWithNoEarlierReportIsARise() {
    // Given an easy run and no report before
    athlete.run(0, 60, RUNNING, 110);

    // When the athlete reports 4/10 that came on during the run
    List<ExertionAlert> alerts =
        athlete.pain(Events.report("athlete-1", at(50), 4).setOnset(PainOnset.DURING_ACTIVITY).build());

    // Then: stop, the pain came on during running
    assertThat(alerts).singleElement().satisfies(a -> {
      assertThat(a.getSeverity()).isEqualTo(Severity.STOP_ACTIVITY);
      assertThat(a.getReasons()).containsExactly(Reason.PAIN_INCREASING_DURING_ACTIVITY);
      assertThat(a.getRecommendation().getMessage())
          .startsWith("Stop now: your pain came on at 4/10 during running")
          .doesNotContain("%").doesNotContain("bpm");
      assertThat(a.getRecommendation().getTargetMaxHeartRateBpm()).isNull();
    });
  }

  @Test
  void aRiseTheAthleteSaysCameOnAtRestIsNotARiseDuringActivity() {
    athlete.pain(0, 2);
    athlete.run(0, 60, RUNNING, 110);

    List<ExertionAlert> alerts =
        athlete.pain(Events.report("athlete-1", at(50), 5).setOnset(PainOnset.AT_REST).build());

    assertThat(alerts).isEmpty();
  }

  @Test
  void aFirstReportWithoutOnsetIsNoRise() {
    athlete.run(0, 60, RUNNING, 110);

    List<ExertionAlert> alerts = athlete.pain(Events.report("athlete-1", at(50), 4).build());

    assertThat(alerts).isEmpty();
  }

  @Test
  void painAfterActivityShortensTheNextSessionMore() {
    // Given 3/10 that came on after yesterday's session, and one without onset for comparison
    GuardScript other = new GuardScript("athlete-1").profile();
    athlete.pain(Events.report("athlete-1", at(0), 3).setOnset(PainOnset.AFTER_ACTIVITY).build());
    other.pain(Events.report("athlete-1", at(0), 3).build());

    // When each runs above the mild ceiling (144 bpm) for two minutes
    ExertionAlert after = athlete.run(60, 200, RUNNING, 160).get(0);
    ExertionAlert plain = other.run(60, 200, RUNNING, 160).get(0);

    // Then the duration cut is 20 points larger, and the message says why
    assertThat(after.getRecommendation().getDurationReductionPct())
        .isEqualTo(plain.getRecommendation().getDurationReductionPct() + 20);
    assertThat(after.getRecommendation().getMessage()).contains("came on after your last session");
    assertThat(plain.getRecommendation().getMessage()).doesNotContain("last session");
  }

  @Test
  void painAtRestAsksForGentleMovementRatherThanRest() {
    athlete.pain(Events.report("athlete-1", at(0), 3).setOnset(PainOnset.AT_REST).build());

    ExertionAlert alert = athlete.run(60, 200, RUNNING, 160).get(0);

    assertThat(alert.getRecommendation().getMessage()).contains("Pain at rest too");
  }

  @Test
  void sharpPainReportedDuringActivityStopsThatMovement() {
    // Given an easy HIIT session under the ceiling
    athlete.pain(0, 2);
    athlete.run(10, 100, HIIT, 110);

    // When the athlete reports stabbing pain during it (no rise in level)
    List<ExertionAlert> alerts =
        athlete.pain(
            Events.report("athlete-1", at(90), 2).setSensations(List.of(PainSensation.STABBING)).build());

    // Then: stop HIIT now
    assertThat(alerts).singleElement().satisfies(a -> {
      assertThat(a.getSeverity()).isEqualTo(Severity.STOP_ACTIVITY);
      assertThat(a.getReasons()).containsExactly(Reason.SHARP_PAIN_DURING_ACTIVITY);
      assertThat(a.getRecommendation().getMessage()).startsWith("Stop HIIT now: stabbing pain during it");
    });
  }

  @Test
  void sharpPainAtRestWithNoActivityIsNoReasonToStopAnything() {
    athlete.run(0, 30, REST, 60);

    List<ExertionAlert> alerts =
        athlete.pain(
            Events.report("athlete-1", at(20), 3).setSensations(List.of(PainSensation.SHARP)).build());

    assertThat(alerts).isEmpty();
  }

  @Test
  void spasmPutsYogaAndCoreWorkFirst() {
    athlete.pain(Events.report("athlete-1", at(0), 3).setSensations(List.of(PainSensation.SPASM)).build());

    ExertionAlert alert = athlete.run(60, 200, RUNNING, 160).get(0);

    assertThat(alert.getRecommendation().getAlternativeActivities())
        .startsWith(YOGA, ActivityType.CORE_STABILITY);
    assertThat(alert.getRecommendation().getMessage()).contains("help release the spasm");
  }

  @Test
  void triggersNamedEarlierInTheEpisodeAreRememberedByTheNextReports() {
    // Given bending named as a trigger yesterday, and today's check-in naming none
    athlete.pain(Events.pain("athlete-1", at(0), 4, Movement.BENDING));
    athlete.pain(Events.pain("athlete-1", at(20 * HOUR), 4));

    // When the athlete does yoga (which involves bending) today
    List<ExertionAlert> alerts = athlete.run(20 * HOUR + 60, 20 * HOUR + 200, YOGA, 100);

    // Then the trigger is still known: an advisory, and no bending activity suggested instead
    assertThat(alerts).first().satisfies(a -> {
      assertThat(a.getReasons()).containsExactly(Reason.TRIGGER_MOVEMENT);
      assertThat(a.getRecommendation().getMessage()).startsWith("Yoga involves bending");
      assertThat(a.getRecommendation().getAlternativeActivities())
          .doesNotContain(YOGA, ActivityType.STRETCHING)
          .isNotEmpty();
    });
  }

  @Test
  void aLevelZeroReportEndsTheEpisodeAndItsTriggers() {
    athlete.pain(Events.pain("athlete-1", at(0), 4, Movement.BENDING));
    athlete.pain(HOUR, 0);
    athlete.pain(2 * HOUR, 3);

    List<ExertionAlert> alerts = athlete.run(2 * HOUR + 60, 2 * HOUR + 200, YOGA, 100);

    assertThat(alerts).isEmpty();
  }

  @Test
  void aDailyCheckInWithoutAnyActivityEarnsTheInactivityNudge() {
    // Given a 4/10 check-in each morning and no activity at all
    athlete.pain(0, 4);
    athlete.pain(23 * HOUR, 4);

    // When the day after the first check-in ends
    List<ExertionAlert> alerts = athlete.tick(24 * HOUR + 60);

    // Then the nudge towards gentle movement, dated a day after the episode began
    assertThat(alerts).singleElement().satisfies(a -> {
      assertThat(a.getReasons()).containsExactly(Reason.PROLONGED_INACTIVITY);
      assertThat(a.getEventTime()).isEqualTo(at(24 * HOUR));
    });
  }

  @Test
  void noMessageCarriesAnEnumName() {
    athlete.pain(Events.pain("athlete-1", at(0), 4, Movement.BENDING));

    List<ExertionAlert> alerts = athlete.run(60, 200, HIIT, 100);

    assertThat(alerts).first().satisfies(a ->
        assertThat(a.getRecommendation().getMessage()).startsWith("HIIT involves bending").doesNotContain("_"));
  }
}

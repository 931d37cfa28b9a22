package io.painguard.rules;

import static io.painguard.events.ActivityType.RUNNING;
import static io.painguard.fixtures.Events.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.painguard.events.AlertState;
import io.painguard.events.ExertionAlert;
import io.painguard.events.PainSensation;
import io.painguard.events.Reason;
import io.painguard.events.Severity;
import io.painguard.fixtures.Events;
import io.painguard.fixtures.GuardScript;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Beyond the single session: pain that rises across days, or does not improve over two weeks,
 * gives an ADVISORY NOT_IMPROVING -- "talk to your healthcare provider or physical therapist".
 * One check-in a day at 08:00, then a short easy walk (so the inactivity nudge stays out of it).
 */
class PainTrendTest {

  private static final long DAY = 24 * 3600;

  private final GuardScript athlete = new GuardScript("athlete-1").profile();

  private List<ExertionAlert> checkIn(int day, int level) {
    List<ExertionAlert> alerts = athlete.pain(day * DAY, level);
    athlete.run(day * DAY + 60, day * DAY + 90, io.painguard.events.ActivityType.WALKING, 85);
    return alerts;
  }

  @Test
  void threeRisesWithinAWeekAreNotImproving() {
    // Given 3/10, 4/10 and 5/10 on three mornings
    checkIn(0, 3);
    checkIn(1, 4);
    checkIn(2, 5);

    // When the fourth morning brings 6/10
    List<ExertionAlert> alerts = checkIn(3, 6);

    // Then the advisory, at that report's time
    assertThat(alerts).singleElement().satisfies(a -> {
      assertThat(a.getState()).isEqualTo(AlertState.RAISED);
      assertThat(a.getSeverity()).isEqualTo(Severity.ADVISORY);
      assertThat(a.getReasons()).containsExactly(Reason.NOT_IMPROVING);
      assertThat(a.getEventTime()).isEqualTo(at(3 * DAY));
      assertThat(a.getRecommendation().getMessage())
          .startsWith("Talk to your healthcare provider or physical therapist")
          .contains("6/10");
    });
  }

  @Test
  void twoRisesAreNotATrend() {
    checkIn(0, 3);
    checkIn(1, 4);
    checkIn(2, 3);

    assertThat(checkIn(3, 5)).isEmpty();
  }

  @Test
  void risesSpreadOverMoreThanAWeekDoNotCount() {
    checkIn(0, 2);
    checkIn(4, 3);
    checkIn(8, 4);

    assertThat(checkIn(12, 5)).isEmpty();
  }

  @Test
  void twoWeeksWithoutImprovementAreNotImproving() {
    // Given 4/10 every day for two weeks
    for (int day = 0; day < 14; day++) {
      assertThat(checkIn(day, 4)).isEmpty();
    }

    // When day 14 is still 4/10
    List<ExertionAlert> alerts = checkIn(14, 4);

    // Then the advisory
    assertThat(alerts).extracting(ExertionAlert::getReasons).containsExactly(List.of(Reason.NOT_IMPROVING));
  }

  @Test
  void twoWeeksThatEndLowerAreImproving() {
    for (int day = 0; day < 14; day++) {
      checkIn(day, 5);
    }

    assertThat(checkIn(14, 3)).isEmpty();
  }

  @Test
  void aLevelZeroReportStartsTheCountAgain() {
    checkIn(0, 3);
    checkIn(1, 4);
    checkIn(2, 0);
    checkIn(3, 2);

    assertThat(checkIn(4, 3)).isEmpty();
  }

  @Test
  void theAdvisoryIsNotRepeatedWithinTheWeek() {
    checkIn(0, 3);
    checkIn(1, 4);
    checkIn(2, 5);
    checkIn(3, 6);

    assertThat(checkIn(4, 7)).noneMatch(a -> a.getReasons().contains(Reason.NOT_IMPROVING));
  }

  @Test
  void lateReportsCountOnTheirOwnDay() {
    // Given days 0, 1 and 3 in order, day 2's report syncing after day 3's
    checkIn(0, 3);
    checkIn(1, 4);
    checkIn(3, 6);
    checkIn(2, 5);

    // When day 4 is reported no lower
    checkIn(4, 6);

    // Then the three rises within the week (3-4-5-6) were seen, with day 2 on its own day, and
    // said once, at a report's time
    assertThat(athlete.alerts()).filteredOn(a -> a.getReasons().contains(Reason.NOT_IMPROVING))
        .singleElement()
        .satisfies(a -> assertThat(a.getEventTime()).isIn(at(3 * DAY), at(4 * DAY)));
  }

  @Test
  void anOpenEffortAlertGetsTheTrendAsAnUpdate() {
    // Given rising check-ins, and a hard run on the fourth day that raised REDUCE at 6/10
    checkIn(0, 2);
    checkIn(1, 3);
    checkIn(2, 4);
    athlete.pain(3 * DAY, 4);
    athlete.run(3 * DAY + 60, 3 * DAY + 200, RUNNING, 150);

    // When a report during the run brings the third rise (5/10)
    List<ExertionAlert> alerts = athlete.pain(3 * DAY + 190, 5);

    // Then an UPDATED of the open alert naming the trend, at its severity
    assertThat(alerts).filteredOn(a -> a.getReasons().contains(Reason.NOT_IMPROVING))
        .singleElement()
        .satisfies(a -> {
          assertThat(a.getState()).isEqualTo(AlertState.UPDATED);
          assertThat(a.getSeverity()).isEqualTo(Severity.REDUCE_INTENSITY);
          assertThat(a.getRecommendation().getMessage()).startsWith("Talk to your healthcare provider");
        });
  }

  @Test
  void noTrendAdvisoryWhileAReferralIsOpen() {
    athlete.pain(Events.radiculopathy("athlete-1", at(0), 3, PainSensation.NUMBNESS));
    checkIn(1, 4);
    checkIn(2, 5);

    assertThat(checkIn(3, 6)).isEmpty();
  }
}

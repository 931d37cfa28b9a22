package io.painguard.topology;

import static io.painguard.events.ActivityType.RUNNING;
import static io.painguard.events.ActivityType.WALKING;
import static io.painguard.fixtures.Events.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.painguard.events.AlertState;
import io.painguard.events.ExertionAlert;
import io.painguard.events.PainSensation;
import io.painguard.events.Reason;
import io.painguard.events.Severity;
import io.painguard.fixtures.Events;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Time-driven work when a partition goes quiet, and erasure. The TopologyTestDriver's wall clock
 * only moves when a test moves it; the topology's tick interval is 60 s. Profile: HRrest 60,
 * HRmax 180 (moderate ceiling 132 bpm).
 */
class QuietPartitionAndErasureTopologyTest {

  private static final String ANA = "ana";
  private static final String BO = "bo";
  private static final Duration MINUTE = Duration.ofMinutes(1);

  private final TopologyFixture app = new TopologyFixture();

  @AfterEach
  void close() {
    app.close();
  }

  @Test
  void anOpenAlertResolvesOnTheWallClockWhenNoMoreRecordsArrive() {
    // Given a hard run at 5/10 that raised REDUCE_INTENSITY, and then nothing on the partition
    app.profile(ANA);
    app.pain(ANA, 0, 5);
    app.run(ANA, 0, 100, RUNNING, 160);
    assertThat(app.alerts()).extracting(ExertionAlert::getState).containsExactly(AlertState.RAISED);

    // When four minutes of wall time pass without a record
    app.wallClockPasses(Duration.ofMinutes(4), MINUTE);

    // Then the alert resolves, dated from the data: two minutes after the last effort above the ceiling
    List<ExertionAlert> alerts = app.alerts();
    assertThat(alerts).singleElement().satisfies(a -> {
      assertThat(a.getState()).isEqualTo(AlertState.RESOLVED);
      assertThat(a.getSeverity()).isEqualTo(Severity.REDUCE_INTENSITY);
      assertThat(a.getEventTime()).isEqualTo(at(99 + 120));
    });
  }

  @Test
  void nothingIsSweptWhileRecordsKeepArriving() {
    // Given an open alert and a quiet walk that keeps records coming, one a second
    app.profile(ANA);
    app.pain(ANA, 0, 5);
    app.run(ANA, 0, 100, RUNNING, 160);
    app.alerts();

    // When the wall clock moves less than a tick between records
    for (int s = 100; s < 130; s++) {
      app.sample(Events.sample(ANA, at(s), WALKING, 90));
      app.wallClockPasses(Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    // Then the data's own time drives the lifecycle: still open, nothing resolved early
    assertThat(app.alerts()).isEmpty();
  }

  @Test
  void aTombstoneOnTheProfilesTopicErasesTheAthleteAndNothingMoreIsEmittedForThem() {
    // Given Ana with an open referral and an open effort alert, and Bo with an open alert
    app.profile(ANA);
    app.pain(Events.radiculopathy(ANA, at(0), 5, PainSensation.NUMBNESS));
    app.run(ANA, 0, 100, RUNNING, 160);
    app.profile(BO);
    app.pain(BO, 0, 5);
    app.run(BO, 0, 100, RUNNING, 160);
    app.alerts();

    // When Ana's profile is deleted (a tombstone), and time passes
    app.erase(ANA);
    app.wallClockPasses(Duration.ofMinutes(4), MINUTE);

    // Then nothing is kept about Ana, nothing more is said about her, nothing is dead-lettered,
    // and Bo's alert resolves as it would have
    assertThat(app.storesHold(ANA)).isFalse();
    List<ExertionAlert> after = app.alerts();
    assertThat(after).noneMatch(a -> a.getAthleteId().equals(ANA));
    assertThat(after).extracting(ExertionAlert::getAthleteId, ExertionAlert::getState)
        .containsExactly(org.assertj.core.api.Assertions.tuple(BO, AlertState.RESOLVED));
    assertThat(app.deadLetterTopic.isEmpty()).isTrue();
    assertThat(app.deadLetters.arrivals().erasures()).isEqualTo(1);
  }

  @Test
  void anErasedAthleteWhoComesBackStartsAfresh() {
    app.profile(ANA);
    app.pain(ANA, 0, 5);
    app.erase(ANA);

    // a hard run without a report in force: no pain, no alert
    app.run(ANA, 10, 200, RUNNING, 170);

    assertThat(app.alerts()).noneMatch(a -> a.getReasons().contains(Reason.SUSTAINED_HIGH_INTENSITY));
  }
}

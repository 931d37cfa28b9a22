package io.painguard.launcher.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.painguard.events.AlertState;
import io.painguard.events.ExertionAlert;
import io.painguard.events.Severity;
import io.painguard.simulator.scenario.Expectation;
import io.painguard.simulator.scenario.Scenario;
import io.painguard.simulator.scenario.ScenarioCatalog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * What the README and each shipped scenario promise, checked against the real detection: every
 * scenario's {@code expect:} list holds when its records, as the simulator sends them, go through
 * the topology; and the looping demo tells the same story on every pass.
 */
class ShippedScenariosDetectionTest {

  private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

  static Stream<String> shipped() {
    return ScenarioCatalog.names().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shipped")
  void everyShippedScenarioGetsTheAlertsItExpects(String name) {
    // Given a shipped scenario, and the app's clock where a live run's would be: just past its end
    Scenario scenario = ScenarioCatalog.shipped(name);
    try (ScenarioReplay app = new ScenarioReplay(START.plus(scenario.eventSpan()).plus(Duration.ofMinutes(1)))) {
      // When its records go through the topology
      List<ExertionAlert> alerts = app.play(scenario, START, 1);

      // Then each expectation holds
      assertThat(scenario.expect()).as("scenario %s states what it expects", name).isNotEmpty();
      // and no alert that says stop -- a STOP or a referral -- shows a heart-rate target, a
      // percentage or an all-clear (safety invariants 2 and 3)
      assertThat(alerts)
          .filteredOn(a -> a.getSeverity() == Severity.STOP_ACTIVITY || a.getSeverity() == Severity.SEEK_MEDICAL_ATTENTION)
          .allSatisfy(a -> {
            assertThat(a.getRecommendation().getTargetMaxHeartRateBpm()).as("target on %s", a).isNull();
            assertThat(a.getRecommendation().getMessage()).doesNotContain("%").doesNotContain("bpm");
            if (a.getSeverity() == Severity.SEEK_MEDICAL_ATTENTION) {
              assertThat(a.getRecommendation().getMessage()).doesNotContainIgnoringCase("all clear");
            }
          });
      for (Expectation expected : scenario.expect()) {
        List<ExertionAlert> theirs = of(alerts, expected.athlete());
        if (expected.none()) {
          assertThat(theirs).as("%s: %s gets no alert", name, expected.athlete()).isEmpty();
        } else {
          assertThat(theirs)
              .as("%s: %s gets %s; all alerts: %s", name, expected.athlete(), expected, describe(alerts))
              .anySatisfy(alert -> assertMatches(alert, expected));
        }
      }
    }
  }

  @Test
  void theLoopingDemoTellsTheSameStoryOnEveryPass() {
    // Given the demo scenario, looped three times as ./painguard demo does
    Scenario demo = ScenarioCatalog.shipped("demo");
    Duration pass = demo.eventSpan();
    try (ScenarioReplay app = new ScenarioReplay(START.plus(pass.multipliedBy(3)).plus(Duration.ofMinutes(1)))) {
      // When all three passes have gone through the topology
      List<ExertionAlert> alerts = app.play(demo, START, 3);

      // Then every pass raises and resolves the same alerts as the first, and none of the
      // first pass's story is missing
      List<List<String>> stories = new ArrayList<>();
      long passMillis = pass.toMillis() + 1_000; // the runner's gap between passes
      for (int p = 0; p < 3; p++) {
        long from = START.toEpochMilli() + p * passMillis;
        long to = from + passMillis;
        stories.add(
            alerts.stream()
                .filter(a -> a.getEventTime().toEpochMilli() >= from && a.getEventTime().toEpochMilli() < to)
                .map(ShippedScenariosDetectionTest::story)
                .sorted()
                .toList());
      }
      assertThat(stories.get(0)).as("first pass").isNotEmpty();
      assertThat(stories.get(1)).as("second pass").isEqualTo(stories.get(0));
      assertThat(stories.get(2)).as("third pass").isEqualTo(stories.get(0));
      assertThat(alerts).noneMatch(a -> a.getSeverity().name().equals("STOP_ACTIVITY"));
    }
  }

  private static void assertMatches(ExertionAlert alert, Expectation expected) {
    if (expected.state() != null) {
      assertThat(alert.getState()).isEqualTo(expected.state());
    }
    if (expected.severity() != null) {
      assertThat(alert.getSeverity()).isEqualTo(expected.severity());
    }
    if (!expected.reasons().isEmpty()) {
      assertThat(alert.getState()).isNotEqualTo(AlertState.RESOLVED);
      assertThat(alert.getReasons()).containsAll(expected.reasons());
    }
  }

  private static List<ExertionAlert> of(List<ExertionAlert> alerts, String athlete) {
    return alerts.stream().filter(a -> a.getAthleteId().equals(athlete)).toList();
  }

  /** An alert without its times and ids: what a coach reads. */
  private static String story(ExertionAlert a) {
    return a.getAthleteId() + " " + a.getState() + " " + a.getSeverity() + " " + a.getReasons();
  }

  private static List<String> describe(List<ExertionAlert> alerts) {
    return alerts.stream().map(ShippedScenariosDetectionTest::story).toList();
  }
}

package io.painguard.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.painguard.events.ActivityType;
import io.painguard.events.AlertState;
import io.painguard.events.ExertionAlert;
import io.painguard.events.Reason;
import io.painguard.events.Severity;
import io.painguard.fixtures.Events;
import io.painguard.stack.junit.KafkaStack;
import io.painguard.stack.junit.KafkaStackTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The burst cases on the real broker and registry, with the app's shipped settings: each
 * topic written in event-time order, the topics interleaved adversarially (every sample first,
 * then the reports, then the profiles), record timestamps left to the producer (the send time).
 * Each case twice: everything produced before the app starts (a backlog, a replay), and produced in
 * one burst while the app runs, a moment after it processed one unrelated record; with and without
 * an undecodable record amid the burst, keyed by an athlete of the burst.
 */
@KafkaStackTest
class BurstOrderingIT {

  enum Arrival {
    /** Everything is on the topics before the app starts. */
    BACKLOG,
    /** The app runs and has just processed one record (the worst case), then the burst comes. */
    WHILE_RUNNING
  }

  private KafkaStack stack;
  private BurstRig rig;

  @BeforeEach
  void rig() {
    rig = new BurstRig(stack);
  }

  @AfterEach
  void close() throws Exception {
    rig.close();
  }

  /** Case (a) arrives as a burst into a running app: see {@link #painGoneWhileRunning}. */
  static List<Arguments> backlogs() {
    return List.of(Arguments.of(Arrival.BACKLOG, false), Arguments.of(Arrival.BACKLOG, true));
  }

  static List<Arguments> arrivals() {
    return List.of(
        Arguments.of(Arrival.BACKLOG, false),
        Arguments.of(Arrival.BACKLOG, true),
        Arguments.of(Arrival.WHILE_RUNNING, false),
        Arguments.of(Arrival.WHILE_RUNNING, true));
  }

  /**
   * As a burst into a running app, the samples of case (a) can reach the task a fetch before the
   * reports, whatever {@code max.task.idle.ms} (README, "Time and ordering"): the run is then first
   * judged against pain 5. The level-0 report, late, must withdraw that alert and say why, so no
   * effort alert is left standing -- and when the fetch happens to bring the reports first, there
   * is no alert at all.
   */
  @ParameterizedTest(name = "WHILE_RUNNING, bad record in the burst: {0}")
  @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
  void painGoneWhileRunningLeavesNoEffortAlertStanding(boolean badRecord) throws Exception {
    // Given pain 5, then pain 0 two minutes later, then a hard run
    Bursts burst = Bursts.painGoneBeforeTheRun("ana", Bursts.base());
    if (badRecord) {
      burst.withBadRecord("ana");
    }

    // When it bursts into the running app, a moment after another athlete's sample
    deliver(burst, Arrival.WHILE_RUNNING, this::oneSampleOfAnotherAthlete);

    // Then every effort alert raised is withdrawn, with the reason, and nothing is left open
    List<ExertionAlert> alerts = rig.alerts().stream().filter(a -> a.getAthleteId().equals("ana")).toList();
    for (int i = 0; i < alerts.size(); i++) {
      ExertionAlert a = alerts.get(i);
      if (a.getState() != AlertState.RESOLVED) {
        assertThat(alerts.subList(i + 1, alerts.size()))
            .as("alert %s %s withdrawn afterwards; all: %s", a.getState(), a.getSeverity(), alerts)
            .anySatisfy(r -> {
              assertThat(r.getState()).isEqualTo(AlertState.RESOLVED);
              assertThat(r.getRecommendation().getMessage()).startsWith("Withdrawn: ").contains("arrived late");
            });
      }
    }
    if (!alerts.isEmpty()) {
      assertThat(alerts.get(alerts.size() - 1).getState()).isEqualTo(AlertState.RESOLVED);
    }
    assertDeadLetters(badRecord ? List.of("ana") : List.of());
  }

  @ParameterizedTest(name = "{0}, bad record in the burst: {1}")
  @MethodSource("backlogs")
  void aReportThatSaysThePainIsGoneCountsForTheRunAfterIt(Arrival arrival, boolean badRecord) throws Exception {
    // Given pain 5, then pain 0 two minutes later, then a hard run
    Bursts burst = Bursts.painGoneBeforeTheRun("ana", Bursts.base());
    if (badRecord) {
      burst.withBadRecord("ana");
    }

    // When
    deliver(burst, arrival, this::oneSampleOfAnotherAthlete);

    // Then the run is judged against pain 0: no effort alert at all
    List<ExertionAlert> alerts = rig.alerts();
    assertThat(alerts)
        .as("alerts for ana")
        .noneMatch(a -> a.getSeverity() == Severity.REDUCE_INTENSITY || a.getSeverity() == Severity.STOP_ACTIVITY)
        .noneMatch(a -> a.getReasons().contains(Reason.SUSTAINED_HIGH_INTENSITY));
    assertDeadLetters(badRecord ? List.of("ana") : List.of());
  }

  @ParameterizedTest(name = "{0}, bad record in the burst: {1}")
  @MethodSource("arrivals")
  void yogaWithDeepBendsAfterAReportIsARangeOfMotionAlert(Arrival arrival, boolean badRecord) throws Exception {
    // Given a pain report, then yoga with a deep trunk bend every 15 s
    Bursts burst = Bursts.yogaWithDeepBends("bea", Bursts.base());
    if (badRecord) {
      burst.withBadRecord("bea");
    }

    // When
    deliver(burst, arrival, this::oneSampleOfAnotherAthlete);

    // Then
    assertThat(rig.alerts())
        .filteredOn(a -> a.getAthleteId().equals("bea"))
        .anySatisfy(a -> assertThat(a.getReasons()).contains(Reason.EXCESSIVE_RANGE_OF_MOTION));
    assertDeadLetters(badRecord ? List.of("bea") : List.of());
  }

  @ParameterizedTest(name = "{0}, bad record in the burst: {1}")
  @MethodSource("arrivals")
  void everyRunnerWithAReportBeforeAHardRunGetsAnEffortAlert(Arrival arrival, boolean badRecord) throws Exception {
    // Given 8 runners (on both partitions), each with a pain report a few seconds before a hard run
    Bursts burst = Bursts.runnersWithReports(8, Bursts.base());
    if (badRecord) {
      burst.withBadRecord(Bursts.runner(3));
    }

    // When the burst comes, after the app processed one undecodable record of someone else
    deliver(burst, arrival, this::oneUndecodableRecord);

    // Then every runner is told to reduce intensity
    Map<String, List<ExertionAlert>> alerts = rig.alertsByAthlete();
    for (String runner : IntStream.rangeClosed(1, 8).mapToObj(Bursts::runner).toList()) {
      assertThat(alerts.getOrDefault(runner, List.of()))
          .as("alerts for " + runner)
          .anySatisfy(
              a -> {
                assertThat(a.getReasons()).contains(Reason.SUSTAINED_HIGH_INTENSITY);
                assertThat(a.getSeverity()).isEqualTo(Severity.REDUCE_INTENSITY);
              });
    }
    List<String> expectedDead = new java.util.ArrayList<>();
    if (arrival == Arrival.WHILE_RUNNING) {
      expectedDead.add("someone-else");
    }
    if (badRecord) {
      expectedDead.add(Bursts.runner(3));
    }
    assertDeadLetters(expectedDead);
  }

  // ---- helpers ----

  private void deliver(Bursts burst, Arrival arrival, Runnable before) throws Exception {
    if (arrival == Arrival.BACKLOG) {
      burst.sendAdversarially(rig);
      rig.start(Map.of());
    } else {
      rig.start(Map.of());
      before.run();
      rig.flush();
      rig.awaitAllProcessed();
      burst.sendAdversarially(rig);
    }
    rig.awaitAllProcessed();
  }

  private void oneSampleOfAnotherAthlete() {
    Instant now = Instant.now().minusSeconds(5);
    rig.send(Events.sample("someone-else", now, ActivityType.WALKING, 90));
  }

  private void oneUndecodableRecord() {
    rig.sendRaw(rig.settings.activityEventsTopic(), "someone-else", "not avro".getBytes(StandardCharsets.UTF_8));
  }

  private void assertDeadLetters(List<String> keys) {
    List<ConsumerRecord<byte[], byte[]>> dead = rig.deadLetterRecords();
    assertThat(dead)
        .extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
        .containsExactlyInAnyOrderElementsOf(keys);
    assertThat(dead)
        .allSatisfy(r -> assertThat(DeadLetters.header(r.headers(), DeadLetters.REASON)).isEqualTo("UNDECODABLE"));
  }
}

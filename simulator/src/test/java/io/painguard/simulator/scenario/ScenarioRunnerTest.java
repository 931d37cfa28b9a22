package io.painguard.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.painguard.events.ActivityEvent;
import io.painguard.simulator.CollectingSink;
import io.painguard.simulator.InputTopic;
import io.painguard.simulator.ManualTicker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ScenarioRunnerTest {

  private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");

  private final Scenario scenario = ScenarioParser.parse("t.yaml", "t", """
      start: now
      athletes:
        - id: a
          profile: {birthYear: 1990}
          activities: [{activity: WALKING, duration: 60s}]
          painReports: [{at: 10s, level: 3}]
          malformed: [{at: 20s, kind: EMPTY_VALUE}]
      """);

  private final CollectingSink sink = new CollectingSink();
  private final ManualTicker ticker = new ManualTicker();

  private ScenarioRunner runner() {
    return new ScenarioRunner(sink).withTicker(ticker).withClock(Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void asFastAsPossibleSendsEverythingInOrderWithoutWaiting() {
    ScenarioReport report = runner().run(scenario, RunOptions.of(scenario).withTimeMode(TimeMode.AS_FAST_AS_POSSIBLE), () -> false);
    assertThat(sink.sent()).hasSize(1 + 60 + 1 + 1);
    assertThat(ticker.sleptNanos()).isZero();
    assertThat(report.passes()).isEqualTo(1);
    assertThat(report.sentByTopic()).containsEntry(InputTopic.ACTIVITY, 60L).containsEntry(InputTopic.PAIN, 1L).containsEntry(InputTopic.PROFILE, 1L);
    assertThat(report.malformed()).isEqualTo(1);
    assertThat(report.acknowledged()).isEqualTo(63);
    assertThat(report.failed()).isZero();
    assertThat(report.firstEventTime()).isEqualTo(NOW);
    assertThat(report.lastEventTime()).isEqualTo(NOW.plusSeconds(59));
    assertThat(sink.flushes()).isEqualTo(1);
    assertThat(report.summary()).contains("60 activity samples", "1 pain reports", "1 malformed");
  }

  @Test
  void compressedModeWaitsEventTimeDividedBySpeedup() {
    runner().run(scenario, RunOptions.of(scenario).withTimeMode(TimeMode.COMPRESSED).withSpeedup(10), () -> false);
    // the last record is due 59 s of event time after the start: 5.9 s of wall time at x10
    assertThat(ticker.nanoTime()).isBetween(5_900_000_000L, 5_901_000_000L);
    assertThat(sink.sent()).hasSize(63);
  }

  @Test
  void realtimeModeWaitsEventTime() {
    runner().run(scenario, RunOptions.of(scenario).withTimeMode(TimeMode.REALTIME), () -> false);
    assertThat(ticker.nanoTime()).isBetween(59_000_000_000L, 59_001_000_000L);
  }

  @Test
  void loopingContinuesEventTimeAndStopsWhenAsked() {
    ScenarioReport two = runner().run(scenario, RunOptions.of(scenario)
        .withTimeMode(TimeMode.AS_FAST_AS_POSSIBLE).withLoop(true).withMaxPasses(2), () -> false);
    assertThat(two.passes()).isEqualTo(2);
    List<ActivityEvent> samples = new ArrayList<>();
    sink.sent().forEach(s -> {
      if (s.value() instanceof ActivityEvent e && s.corruption() == null) {
        samples.add(e);
      }
    });
    assertThat(samples).hasSize(120);
    // pass 2 starts a second after the end of pass 1's event span (60 s)
    assertThat(samples.get(60).getTimestamp()).isEqualTo(NOW.plusSeconds(61));
    assertThat(samples.get(60).getEventId()).isNotEqualTo(samples.get(0).getEventId());

    AtomicInteger checks = new AtomicInteger();
    CollectingSink other = new CollectingSink();
    ScenarioReport stopped = new ScenarioRunner(other).withTicker(new ManualTicker()).withClock(Clock.fixed(NOW, ZoneOffset.UTC))
        .run(scenario, RunOptions.of(scenario).withLoop(true), () -> checks.incrementAndGet() > 30);
    assertThat(stopped.passes()).isEqualTo(1);
    assertThat(other.sent()).hasSizeLessThan(30);
    assertThat(other.flushes()).isEqualTo(1);
  }

  @Test
  void progressLinesAreReportedWhileSending() {
    List<String> lines = new ArrayList<>();
    runner().withProgress(lines::add, Duration.ofSeconds(1))
        .run(scenario, RunOptions.of(scenario).withTimeMode(TimeMode.REALTIME), () -> false);
    assertThat(lines).hasSizeBetween(50, 65);
    assertThat(lines.get(0)).startsWith("scenario t: pass 1, event time ");
  }
}

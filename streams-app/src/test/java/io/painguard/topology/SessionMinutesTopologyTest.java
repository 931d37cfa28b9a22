package io.painguard.topology;

import static io.painguard.events.ActivityType.RUNNING;
import static io.painguard.events.ActivityType.WALKING;
import static io.painguard.fixtures.Events.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.painguard.events.ActivityType;
import io.painguard.events.PainReport;
import io.painguard.fixtures.Events;
import io.painguard.rules.AthleteState;
import io.painguard.rules.MinuteSummary;
import io.painguard.rules.SessionMinutes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The per-minute session summary the guard writes to the {@code athlete-minutes} window store:
 * one row per athlete-minute once the minute is final (the athlete's clock past its end plus
 * {@code max-lateness}, 15 minutes by default), summed from the state with the rules' event-time
 * view. Profile: HRrest 60, HRmax 180, so the ceilings are 144 (mild), 132 (moderate) and 120
 * (severe) bpm. Event times start at {@link Events#T0}, on a minute boundary.
 */
class SessionMinutesTopologyTest {

  private static final String ANA = "ana";
  private static final String BO = "bo";
  private static final long MINUTE = 60_000;
  /** Seconds after a minute's end until it is final with the default bound (15 min). */
  private static final long FINAL_AFTER = 15 * 60;

  private final List<TopologyFixture> open = new ArrayList<>();

  @AfterEach
  void close() {
    open.forEach(TopologyFixture::close);
  }

  private TopologyFixture app(Map<String, String> topology) {
    TopologyFixture app = new TopologyFixture(TopologySettings.fromProperties(topology), null);
    open.add(app);
    return app;
  }

  private TopologyFixture app() {
    return app(Map.of());
  }

  @Test
  void aTenMinuteSessionAtOneSampleASecondWritesOneRowPerMinute() {
    // Given Ana in moderate pain (5/10) running at 160 bpm for ten minutes, one sample a second
    TopologyFixture app = app();
    app.profile(ANA);
    app.pain(ANA, 0, 5);
    app.run(ANA, 0, 600, RUNNING, 160);
    List<MinuteSummary> beforeFinal = new SessionMinutes(app.rules, app.settings.maxLateness()).unfinished(state(app, ANA));
    assertThat(rows(app, ANA)).as("no minute is final while later samples may still come").isEmpty();

    // When her watch sends one more sample, fifteen minutes after the session's last minute
    app.sample(Events.sample(ANA, at(600 + FINAL_AFTER), WALKING, 90));

    // Then the store holds ten rows, not 600: one per minute, each the whole minute above the ceiling
    List<MinuteSummary> rows = rows(app, ANA);
    assertThat(rows).hasSize(10);
    assertThat(app.deadLetters.arrivals().summaryMinutesWritten()).isEqualTo(10);
    assertThat(rows).extracting(MinuteSummary::start)
        .containsExactlyElementsOf(java.util.stream.LongStream.range(0, 10).mapToObj(m -> at(0).toEpochMilli() + m * MINUTE).toList());
    assertThat(rows).allSatisfy(row -> {
      assertThat(row.avgHeartRateBpm()).isEqualTo(160);
      assertThat(row.peakHeartRateBpm()).isEqualTo(160);
      assertThat(row.ceilingHeartRateBpm()).isEqualTo(132);
      assertThat(row.secondsAboveCeiling()).isEqualTo(60);
      assertThat(row.activeSeconds()).isEqualTo(60);
      assertThat(row.activity()).isEqualTo(RUNNING);
      assertThat(row.painLevel()).isEqualTo(5);
      assertThat(row.painReportId()).isEqualTo("report-ana-" + at(0).toEpochMilli());
    });
    // And the minutes computed from the state before they were final are the rows written after
    assertThat(beforeFinal).isEqualTo(rows);
  }

  @Test
  void aLatePainReportWithinTheBoundChangesTheCeilingFromTheMinuteItFallsIn() {
    // Given Ana in mild pain (3/10, ceiling 144) running at 140 bpm for five minutes
    TopologyFixture app = app();
    app.profile(ANA);
    app.pain(ANA, 0, 3);
    app.run(ANA, 0, 300, RUNNING, 140);

    // When a severe report (7/10, ceiling 120) made at 2:30 arrives after the run, within the bound
    app.pain(ANA, 150, 7);
    app.sample(Events.sample(ANA, at(300 + FINAL_AFTER), WALKING, 90));

    // Then the minutes before it keep the mild ceiling; from its minute on the severe one applies
    List<MinuteSummary> rows = rows(app, ANA);
    assertThat(rows).extracting(MinuteSummary::ceilingHeartRateBpm).containsExactly(144, 144, 120, 120, 120);
    assertThat(rows).extracting(MinuteSummary::painLevel).containsExactly(3, 3, 7, 7, 7);
    assertThat(rows).extracting(MinuteSummary::secondsAboveCeiling).containsExactly(0, 0, 60, 60, 60);
    assertThat(rows.get(2).painReportedAt()).isEqualTo(at(150).toEpochMilli());
  }

  @ParameterizedTest(name = "shuffle seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void samplesAndReportsOutOfOrderWithinTheBoundGiveTheSameRowsAsInOrder(long seed) {
    // Given a six-minute session with a changing heart rate, two activities and two reports
    List<SpecificRecord> inOrder = new ArrayList<>();
    inOrder.add(Events.pain(ANA, at(0), 2));
    for (int s = 0; s < 360; s++) {
      ActivityType type = s % 90 < 70 ? RUNNING : WALKING;
      inOrder.add(Events.sample(ANA, at(s), type, 110 + (s * 7) % 60));
      if (s == 100) {
        inOrder.add(Events.pain(ANA, at(100).plusMillis(500), 6));
      }
      if (s == 250) {
        inOrder.add(Events.pain(ANA, at(250), 4));
      }
    }
    // (the whole session is shorter than the bound, so every arrival order is within it)
    List<SpecificRecord> shuffled = new ArrayList<>(inOrder);
    Collections.shuffle(shuffled, new Random(seed));

    // When one app reads them in event-time order and another in the shuffled order
    List<MinuteSummary> ordered = session(inOrder);
    List<MinuteSummary> outOfOrder = session(shuffled);

    // Then both write the same rows
    assertThat(ordered).hasSize(6);
    assertThat(outOfOrder).isEqualTo(ordered);
  }

  private List<MinuteSummary> session(List<SpecificRecord> records) {
    TopologyFixture app = app();
    app.profile(ANA);
    for (SpecificRecord r : records) {
      if (r instanceof PainReport p) {
        app.pain(p);
      } else {
        app.sample((io.painguard.events.ActivityEvent) r);
      }
    }
    app.sample(Events.sample(ANA, at(360 + FINAL_AFTER), WALKING, 90));
    return rows(app, ANA);
  }

  @ParameterizedTest(name = "retention {0}: the morning kept = {1}")
  @CsvSource({"1h, false", "24h, true"})
  void rowsOlderThanTheRetentionAreDropped(String retention, boolean morningKept) {
    // Given a summary retention, and a five-minute run in the morning written as final
    TopologyFixture app = app(Map.of("painguard.topology.summary-retention", retention));
    app.profile(ANA);
    app.pain(ANA, 0, 5);
    app.run(ANA, 0, 300, RUNNING, 150);
    app.sample(Events.sample(ANA, at(300 + FINAL_AFTER), WALKING, 90));
    assertThat(rows(app, ANA)).hasSize(5);

    // When she runs again three hours later, and those minutes become final too
    long later = Duration.ofHours(3).toSeconds();
    app.run(ANA, later, later + 120, RUNNING, 150);
    app.sample(Events.sample(ANA, at(later + 120 + FINAL_AFTER), WALKING, 90));

    // Then the morning's rows are kept only as long as the retention says
    List<MinuteSummary> rows = rows(app, ANA);
    assertThat(rows).filteredOn(r -> r.start() >= at(later).toEpochMilli()).hasSize(2);
    assertThat(rows.stream().anyMatch(r -> r.start() < at(later).toEpochMilli())).isEqualTo(morningKept);
  }

  @Test
  void anErasureDeletesTheAthletesMinutesAndOnlyTheirs() {
    // Given Ana's and Bo's final minutes
    TopologyFixture app = app();
    for (String athlete : List.of(ANA, BO)) {
      app.profile(athlete);
      app.pain(athlete, 0, 5);
      app.run(athlete, 0, 180, RUNNING, 150);
      app.sample(Events.sample(athlete, at(180 + FINAL_AFTER), WALKING, 90));
    }
    assertThat(rows(app, ANA)).hasSize(3);

    // When Ana is erased
    app.erase(ANA);

    // Then none of her minutes is kept; Bo's are
    assertThat(rows(app, ANA)).isEmpty();
    assertThat(rows(app, BO)).hasSize(3);
  }

  private static AthleteState state(TopologyFixture app, String athlete) {
    KeyValueStore<String, byte[]> store = app.driver.getKeyValueStore(PainGuardTopology.ATHLETE_STATE_STORE);
    return AthleteState.decode(store.get(athlete), app.rules);
  }

  static List<MinuteSummary> rows(TopologyFixture app, String athlete) {
    WindowStore<String, byte[]> store = app.driver.getWindowStore(PainGuardTopology.ATHLETE_MINUTES_STORE);
    List<MinuteSummary> out = new ArrayList<>();
    try (WindowStoreIterator<byte[]> it =
        store.fetch(athlete, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"))) {
      it.forEachRemaining(row -> out.add(MinuteSummary.decode(row.key, row.value)));
    }
    return out;
  }
}

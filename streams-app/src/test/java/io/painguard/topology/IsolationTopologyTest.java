package io.painguard.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.painguard.events.ActivityType;
import io.painguard.events.ExertionAlert;
import io.painguard.fixtures.Events;
import io.painguard.rules.GuidanceSettings;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, item 4: a dead-lettered or parked record changes nothing about any other record's
 * outcome, nor about its own athlete's other records. Each test runs the same two-athlete episode
 * twice -- once clean, once with bad records of one athlete amid it -- and compares every alert
 * (ids included) and the end state.
 */
class IsolationTopologyTest {

  private static final String ANA = "ana";
  private static final String BEN = "ben";
  /** A schema id the registry "cannot serve right now" in the second run. */
  private static final int MISSING_SCHEMA = 424_242;

  private TopologyFixture clean;
  private TopologyFixture dirty;

  @AfterEach
  void close() {
    if (clean != null) {
      clean.close();
    }
    if (dirty != null) {
      dirty.close();
    }
  }

  @Test
  void deadLetteredRecordsChangeNoOutcome() {
    // Given the same episode, clean and with every kind of dead letter of ana amid it
    clean = new TopologyFixture();
    dirty = new TopologyFixture();

    // When
    episode(clean, false);
    episode(dirty, true);

    // Then
    assertSameOutcome();
    assertThat(dirty.deadLetterTopic.readRecordsToList()).hasSize(5);
  }

  @Test
  void aRecordParkedForTheRegistryChangesNoOutcomeOnceReleased() {
    // Given ana's pain report framed with a schema the registry cannot serve right now
    clean = new TopologyFixture();
    UnavailableSchemas unavailable = new UnavailableSchemas();
    unavailable.add(MISSING_SCHEMA);
    dirty = new TopologyFixture(GuidanceSettings.defaults(), unavailable);

    // When it waits while both athletes go on, and is retried (the registry then says "no such schema")
    episodeWithParkedRecord(clean, false);
    episodeWithParkedRecord(dirty, true);
    dirty.driver.advanceWallClockTime(Duration.ofSeconds(2));

    // Then
    assertSameOutcome();
    assertThat(dirty.deadLetterTopic.readRecordsToList())
        .singleElement()
        .satisfies(r -> assertThat(DeadLetters.header(r.headers(), DeadLetters.REASON)).isEqualTo("SCHEMA_NOT_FOUND"));
  }

  // ---- the episode ----

  /** Both in moderate pain, 200 s of hard running, then ana walks, ben rests. */
  private static void episode(TopologyFixture app, boolean withDeadLetters) {
    app.profile(ANA);
    app.profile(BEN);
    app.pain(ANA, 0, 5);
    app.pain(BEN, 0, 5);
    for (int s = 1; s < 400; s++) {
      app.sample(Events.sample(ANA, Events.at(s), s < 200 ? ActivityType.RUNNING : ActivityType.WALKING, s < 200 ? 160 : 90));
      app.sample(Events.sample(BEN, Events.at(s), ActivityType.RUNNING, s < 200 ? 160 : 100));
      if (withDeadLetters) {
        badRecordOfAna(app, s);
      }
    }
  }

  private static void badRecordOfAna(TopologyFixture app, int s) {
    String activity = app.settings.activityEventsTopic();
    String pain = app.settings.painReportsTopic();
    byte[] key = ANA.getBytes(StandardCharsets.UTF_8);
    switch (s) {
      case 30 -> app.raw(activity, key, "not avro".getBytes(StandardCharsets.UTF_8), Events.at(s));
      case 60 -> app.raw(activity, key, app.framed(activity, Events.sample(ANA, Events.at(s), ActivityType.RUNNING, 400)), Events.at(s));
      case 90 -> app.raw(pain, key, app.framed(pain, Events.pain(BEN, Events.at(s), 9)), Events.at(s));
      case 120 -> app.raw(pain, key, null, Events.at(s));
      case 150 -> app.raw(activity, null, app.framed(activity, Events.sample(ANA, Events.at(s), ActivityType.RUNNING, 100)), Events.at(s));
      default -> { }
    }
  }

  private static void episodeWithParkedRecord(TopologyFixture app, boolean parked) {
    app.profile(ANA);
    app.profile(BEN);
    app.pain(ANA, 0, 5);
    app.pain(BEN, 0, 5);
    for (int s = 1; s < 400; s++) {
      if (parked && s == 100) {
        byte[] framed = app.framed(app.settings.painReportsTopic(), Events.pain(ANA, Events.at(s), 6));
        ByteBuffer.wrap(framed, 1, 4).putInt(MISSING_SCHEMA);
        app.raw(app.settings.painReportsTopic(), ANA.getBytes(StandardCharsets.UTF_8), framed, Events.at(s));
      }
      app.sample(Events.sample(ANA, Events.at(s), s < 200 ? ActivityType.RUNNING : ActivityType.WALKING, s < 200 ? 160 : 90));
      app.sample(Events.sample(BEN, Events.at(s), ActivityType.RUNNING, s < 200 ? 160 : 100));
    }
  }

  private void assertSameOutcome() {
    List<ExertionAlert> expected = clean.alerts();
    List<ExertionAlert> actual = dirty.alerts();
    assertThat(expected).isNotEmpty();
    for (String athlete : List.of(ANA, BEN)) {
      assertThat(ofAthlete(actual, athlete)).as("alerts of " + athlete).isEqualTo(ofAthlete(expected, athlete));
      assertThat(dirty.status(athlete)).as("end state of " + athlete).isEqualTo(clean.status(athlete));
    }
  }

  private static List<ExertionAlert> ofAthlete(List<ExertionAlert> alerts, String athlete) {
    return alerts.stream().filter(a -> a.getAthleteId().equals(athlete)).toList();
  }
}

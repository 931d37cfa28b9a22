package io.painguard.topology;

import static io.painguard.events.ActivityType.RUNNING;
import static io.painguard.fixtures.Events.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.painguard.events.AlertAcknowledgement;
import io.painguard.events.ExertionAlert;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Coaches' acknowledgements read from the fourth input into the acknowledgements store: kept per
 * athlete oldest first, every coach's, erased with the athlete, and dead-lettered with a reason
 * when they cannot be kept.
 */
class AcknowledgementTopologyTest {

  private static final String ANA = "ana";
  private static final String BO = "bo";
  private static final String NOTE = "Spoke to her after the session; easy spin tomorrow";

  private final TopologyFixture app = new TopologyFixture();

  @AfterEach
  void close() {
    app.close();
  }

  /** Ana pushes through moderate pain: one alert, whose id is returned. */
  private String anAlertFor(String athlete) {
    app.profile(athlete);
    app.pain(athlete, 0, 5);
    app.run(athlete, 0, 100, RUNNING, 160);
    List<ExertionAlert> alerts = app.alerts();
    assertThat(alerts).isNotEmpty();
    return alerts.get(0).getAlertId();
  }

  private static AlertAcknowledgement ack(String athlete, String alertId, String by, Instant at, String note) {
    return AlertAcknowledgement.newBuilder()
        .setAthleteId(athlete)
        .setAlertId(alertId)
        .setAcknowledgedBy(by)
        .setAcknowledgedAt(at)
        .setNote(note)
        .build();
  }

  @Test
  void anAcknowledgementOfARecentAlertLandsInTheStore() {
    // Given an alert of Ana's
    String alertId = anAlertFor(ANA);

    // When her coach acknowledges it with a note
    app.acknowledge(ack(ANA, alertId, "coach-a", at(200), NOTE));

    // Then the store holds it as written, no alert is emitted for it and nothing is dead-lettered
    assertThat(app.acknowledgements(ANA).all())
        .containsExactly(new Acknowledgement(alertId, "coach-a", at(200), NOTE));
    assertThat(app.acknowledgements(ANA).isAcknowledged(alertId)).isTrue();
    assertThat(app.alerts()).isEmpty();
    assertThat(app.deadLetterTopic.isEmpty()).isTrue();
  }

  @Test
  void twoCoachesAcknowledgementsOfOneAlertAreBothKeptOldestFirst() {
    // Given an alert of Ana's
    String alertId = anAlertFor(ANA);

    // When two coaches acknowledge it, the second without a note, and the first record is read twice
    app.acknowledge(ack(ANA, alertId, "coach-a", at(200), NOTE));
    app.acknowledge(ack(ANA, alertId, "admin", at(260), null));
    app.acknowledge(ack(ANA, alertId, "coach-a", at(200), NOTE));

    // Then both are kept, oldest first, the replayed one once, and the newest is the admin's
    assertThat(app.acknowledgements(ANA).forAlert(alertId))
        .extracting(Acknowledgement::acknowledgedBy, Acknowledgement::note)
        .containsExactly(
            org.assertj.core.api.Assertions.tuple("coach-a", NOTE),
            org.assertj.core.api.Assertions.tuple("admin", null));
    assertThat(app.acknowledgements(ANA).newest(alertId)).map(Acknowledgement::acknowledgedBy).contains("admin");
  }

  @Test
  void erasureDeletesTheAcknowledgementsAndALaterOneIsNotKept() {
    // Given acknowledged alerts of Ana's and Bo's
    String anas = anAlertFor(ANA);
    String bos = anAlertFor(BO);
    app.acknowledge(ack(ANA, anas, "coach-a", at(200), NOTE));
    app.acknowledge(ack(BO, bos, "coach-b", at(200), "ok"));

    // When Ana is erased, and an acknowledgement of her old alert arrives afterwards
    app.erase(ANA);
    app.acknowledge(ack(ANA, anas, "coach-a", at(300), NOTE));

    // Then nothing is kept about Ana, the late acknowledgement is dead-lettered, Bo's stays
    assertThat(app.storesHold(ANA)).isFalse();
    assertThat(app.acknowledgements(ANA).isEmpty()).isTrue();
    assertThat(app.acknowledgements(BO).forAlert(bos)).hasSize(1);
    TestRecord<byte[], byte[]> dead = app.deadLetterTopic.readRecord();
    assertThat(DeadLetters.header(dead.headers(), DeadLetters.REASON)).isEqualTo("INVALID");
    assertThat(app.deadLetterTopic.isEmpty()).isTrue();
  }

  @Test
  void anAcknowledgementOfAnUnknownAlertIsDeadLetteredWithItsReasonAndOriginalBytes() {
    // Given Ana with an alert
    anAlertFor(ANA);
    AlertAcknowledgement unknown = ack(ANA, "no-such-alert", "coach-a", at(200), NOTE);
    byte[] original = app.framed(app.settings.acknowledgementsTopic(), unknown);

    // When an acknowledgement names an alert she never had
    app.raw(app.settings.acknowledgementsTopic(), ANA.getBytes(StandardCharsets.UTF_8), original, at(200));

    // Then it is dead-lettered as INVALID with its bytes and a sentence that names the alert, not the note
    TestRecord<byte[], byte[]> dead = app.deadLetterTopic.readRecord();
    assertThat(dead.value()).isEqualTo(original);
    assertDeadLetter(dead.headers(), "INVALID", "no-such-alert");
    assertThat(DeadLetters.header(dead.headers(), DeadLetters.ERROR_MESSAGE)).doesNotContain("easy spin");
    assertThat(app.acknowledgements(ANA).isEmpty()).isTrue();
    assertThat(app.deadLetters.count(DeadLetters.Reason.INVALID)).isEqualTo(1);
  }

  @Test
  void undecodableAndInvalidAcknowledgementsAreDeadLetteredWithTheirReasons() {
    // Given an alert of Ana's
    String alertId = anAlertFor(ANA);
    String topic = app.settings.acknowledgementsTopic();
    byte[] key = ANA.getBytes(StandardCharsets.UTF_8);

    // When one record is not Avro, one has a note over 280 characters, one names another athlete
    app.raw(topic, key, "not avro".getBytes(StandardCharsets.UTF_8), at(200));
    app.acknowledge(ack(ANA, alertId, "coach-a", at(201), "x".repeat(281)));
    app.raw(topic, key, app.framed(topic, ack(BO, alertId, "coach-a", at(202), null)), at(202));

    // Then each is dead-lettered with its reason, and none is kept
    List<TestRecord<byte[], byte[]>> dead = app.deadLetterTopic.readRecordsToList();
    assertThat(dead).hasSize(3);
    assertThat(DeadLetters.header(dead.get(0).headers(), DeadLetters.REASON)).isEqualTo("UNDECODABLE");
    assertDeadLetter(dead.get(1).headers(), "INVALID", "note is 281 characters");
    assertDeadLetter(dead.get(2).headers(), "INVALID", "differs from the record key");
    assertThat(app.acknowledgements(ANA).isEmpty()).isTrue();
  }

  private void assertDeadLetter(Headers headers, String reason, String messagePart) {
    assertThat(DeadLetters.header(headers, DeadLetters.TOPIC)).isEqualTo(app.settings.acknowledgementsTopic());
    assertThat(DeadLetters.header(headers, DeadLetters.REASON)).isEqualTo(reason);
    assertThat(DeadLetters.header(headers, DeadLetters.ERROR_MESSAGE)).contains(messagePart);
  }
}

package io.painguard.topology;

import static io.painguard.events.ActivityType.RUNNING;
import static io.painguard.fixtures.Events.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.painguard.events.ActivityEvent;
import io.painguard.events.PainReport;
import io.painguard.fixtures.Events;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input is never fatal and never silently dropped: Given a bad record on an input topic, When
 * it is processed, Then it lands on painguard-dlq with its original key and value bytes and headers
 * naming topic, partition, offset, reason, error class and message -- and the next good record is
 * processed as usual.
 */
class DeadLetterTopologyTest {

  private static final String ANA = "ana";
  private static final byte[] KEY = ANA.getBytes(StandardCharsets.UTF_8);

  private final TopologyFixture app = new TopologyFixture();

  @AfterEach
  void close() {
    app.close();
  }

  @Test
  void aRecordWithoutKeyIsDeadLettered() {
    byte[] value = app.framed("activity-events", Events.sample(ANA, at(0), RUNNING, 150));

    app.raw("activity-events", null, value);

    TestRecord<byte[], byte[]> dead = onlyDeadLetter();
    assertThat(dead.key()).isNull();
    assertThat(dead.value()).isEqualTo(value);
    assertHeaders(dead.headers(), "activity-events", "NULL_KEY", InvalidRecordException.class, "no key");
    assertStillWorking();
  }

  @Test
  void aTombstoneOnAnEventTopicIsDeadLettered() {
    // (on the compacted profiles topic a tombstone erases the athlete instead)
    app.raw("pain-reports", KEY, null);

    TestRecord<byte[], byte[]> dead = onlyDeadLetter();
    assertThat(dead.key()).isEqualTo(KEY);
    assertThat(dead.value()).isNull();
    assertHeaders(dead.headers(), "pain-reports", "NULL_VALUE", InvalidRecordException.class, "tombstone");
    assertStillWorking();
  }

  @Test
  void aWrongMagicByteIsDeadLettered() {
    byte[] value = app.framed("pain-reports", Events.pain(ANA, at(0), 5));
    value[0] = 7;

    app.raw("pain-reports", KEY, value);

    TestRecord<byte[], byte[]> dead = onlyDeadLetter();
    assertThat(dead.value()).isEqualTo(value);
    assertHeaders(dead.headers(), "pain-reports", "UNDECODABLE", SerializationException.class, "magic");
    assertStillWorking();
  }

  @Test
  void anUnknownSchemaIdIsDeadLettered() {
    byte[] value = app.framed("pain-reports", Events.pain(ANA, at(0), 5));
    value[1] = 0x7f; // schema id 2^30-ish: never registered

    app.raw("pain-reports", KEY, value);

    assertHeaders(
        onlyDeadLetter().headers(), "pain-reports", "SCHEMA_NOT_FOUND", SerializationException.class, "schema id");
    assertStillWorking();
  }

  @Test
  void aTruncatedBodyIsDeadLettered() {
    byte[] value = app.framed("activity-events", Events.sample(ANA, at(0), RUNNING, 150));
    byte[] truncated = Arrays.copyOf(value, value.length - 6);

    app.raw("activity-events", KEY, truncated);

    TestRecord<byte[], byte[]> dead = onlyDeadLetter();
    assertThat(dead.value()).isEqualTo(truncated);
    assertHeaders(dead.headers(), "activity-events", "UNDECODABLE", SerializationException.class, "");
    assertStillWorking();
  }

  @Test
  void plainTextIsDeadLettered() {
    app.raw("activity-events", KEY, "{\"heartRateBpm\": 150}".getBytes(StandardCharsets.UTF_8));

    assertHeaders(
        onlyDeadLetter().headers(), "activity-events", "UNDECODABLE", SerializationException.class, "");
    assertStillWorking();
  }

  private static PainReport build2(PainReport.Builder builder) {
    return builder.build();
  }

  static Stream<Arguments> invalidRecords() {
    Function<ActivityEvent.Builder, ActivityEvent> build = ActivityEvent.Builder::build;
    return Stream.of(
        Arguments.of(
            "athleteId differs from the key",
            "activity-events",
            Events.sample("someone-else", at(0), RUNNING, 150),
            "differs from the record key"),
        Arguments.of(
            "heart rate above 250",
            "activity-events",
            Events.sample(ANA, at(0), RUNNING, 300),
            "heartRateBpm 300 is outside 20-250"),
        Arguments.of(
            "heart rate below 20",
            "activity-events",
            Events.sample(ANA, at(0), RUNNING, 12),
            "heartRateBpm 12 is outside 20-250"),
        Arguments.of(
            "NaN speed",
            "activity-events",
            build.apply(Events.sample(ANA, at(0), RUNNING).setSpeedMps(Float.NaN)),
            "speedMps is NaN"),
        Arguments.of(
            "negative power",
            "activity-events",
            build.apply(Events.sample(ANA, at(0), RUNNING).setPowerWatts(-5)),
            "powerWatts -5 is negative"),
        Arguments.of(
            "timestamp two days ahead",
            "activity-events",
            Events.sample(ANA, TopologyFixture.NOW.plus(Duration.ofDays(2)), RUNNING, 150),
            "in the future"),
        Arguments.of(
            "timestamp 31 days behind the wall clock",
            "activity-events",
            Events.sample(ANA, TopologyFixture.NOW.minus(Duration.ofDays(31)), RUNNING, 150),
            "in the past"),
        Arguments.of(
            "pain report from 1999",
            "pain-reports",
            Events.pain(ANA, java.time.Instant.parse("1999-01-01T00:00:00Z"), 4),
            "in the past"),
        Arguments.of(
            "a 20,000-character pain note",
            "pain-reports",
            build2(Events.report(ANA, at(0), 4).setNote("x".repeat(20_000))),
            "note is 20000 characters long"),
        Arguments.of(
            "a 1,000-character device id",
            "activity-events",
            build.apply(Events.sample(ANA, at(0), RUNNING).setDeviceId("d".repeat(1_000))),
            "deviceId is 1000 characters long"),
        Arguments.of(
            "pain level 11",
            "pain-reports",
            Events.pain(ANA, at(0), 11),
            "level 11 is outside the 0-10"),
        Arguments.of(
            "pain level -1", "pain-reports", Events.pain(ANA, at(0), -1), "level -1 is outside"),
        Arguments.of(
            "profile of another athlete",
            "athlete-profiles",
            Events.profile("someone-else"),
            "differs from the record key"),
        Arguments.of(
            "a 200-character coach id",
            "athlete-profiles",
            io.painguard.events.AthleteProfile.newBuilder(Events.profile(ANA)).setCoachId("c".repeat(200)).build(),
            "coachId is 200 characters long"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidRecords")
  void invalidContentIsDeadLetteredWithTheReason(
      String description, String topic, SpecificRecord record, String message) {
    byte[] value = app.framed(topic, record);

    app.raw(topic, KEY, value);

    TestRecord<byte[], byte[]> dead = onlyDeadLetter();
    assertThat(dead.key()).isEqualTo(KEY);
    assertThat(dead.value()).isEqualTo(value);
    assertHeaders(dead.headers(), topic, "INVALID", InvalidRecordException.class, message);
    assertThat(app.deadLetters.count(DeadLetters.Reason.INVALID)).isEqualTo(1);
    assertStillWorking();
  }

  @Test
  void headersNameThePartitionAndOffsetAndKeepTheProducersHeaders() {
    app.raw("pain-reports", KEY, "first is fine? no".getBytes(StandardCharsets.UTF_8));
    var input =
        app.driver.createInputTopic(
            "pain-reports",
            new org.apache.kafka.common.serialization.ByteArraySerializer(),
            new org.apache.kafka.common.serialization.ByteArraySerializer());
    var headers = new org.apache.kafka.common.header.internals.RecordHeaders();
    headers.add("traceparent", "00-abc-01".getBytes(StandardCharsets.UTF_8));
    input.pipeInput(new TestRecord<>(KEY, new byte[] {1, 2}, headers, at(0)));

    List<TestRecord<byte[], byte[]>> dead = app.deadLetterTopic.readRecordsToList();

    assertThat(dead).hasSize(2);
    assertThat(DeadLetters.header(dead.get(0).headers(), DeadLetters.OFFSET)).isEqualTo("0");
    assertThat(DeadLetters.header(dead.get(1).headers(), DeadLetters.OFFSET)).isEqualTo("1");
    assertThat(DeadLetters.header(dead.get(1).headers(), DeadLetters.PARTITION)).isEqualTo("0");
    assertThat(DeadLetters.header(dead.get(1).headers(), "traceparent")).isEqualTo("00-abc-01");
    assertThat(app.deadLetters.count(DeadLetters.Reason.UNDECODABLE)).isEqualTo(2);
    assertThat(app.deadLetters.total()).isEqualTo(2);
  }

  @Test
  void goodRecordsCarryNoDeadLetterHeadersIntoAlerts() {
    app.profile(ANA);
    app.pain(ANA, 0, 5);
    app.run(ANA, 1, 70, RUNNING, 160);

    var alert = app.alerts.readRecord();

    assertThat(alert.headers().toArray()).isEmpty();
    assertThat(app.deadLetterTopic.isEmpty()).isTrue();
  }

  private TestRecord<byte[], byte[]> onlyDeadLetter() {
    List<TestRecord<byte[], byte[]>> dead = app.deadLetterTopic.readRecordsToList();
    assertThat(dead).hasSize(1);
    assertThat(app.deadLetters.total()).isEqualTo(1);
    return dead.get(0);
  }

  private static void assertHeaders(
      Headers headers, String topic, String reason, Class<?> errorClass, String messagePart) {
    assertThat(DeadLetters.header(headers, DeadLetters.TOPIC)).isEqualTo(topic);
    assertThat(DeadLetters.header(headers, DeadLetters.PARTITION)).isEqualTo("0");
    assertThat(DeadLetters.header(headers, DeadLetters.OFFSET)).isEqualTo("0");
    assertThat(DeadLetters.header(headers, DeadLetters.REASON)).isEqualTo(reason);
    assertThat(DeadLetters.header(headers, DeadLetters.ERROR_CLASS)).isEqualTo(errorClass.getName());
    assertThat(DeadLetters.header(headers, DeadLetters.ERROR_MESSAGE))
        .isNotBlank()
        .containsIgnoringCase(messagePart);
  }

  /** The app goes on: the same athlete's good data still produces its alert. */
  private void assertStillWorking() {
    app.profile(ANA);
    app.pain(ANA, 1000, 5);
    app.run(ANA, 1001, 1070, RUNNING, 160);
    assertThat(app.alerts()).hasSize(1);
  }
}

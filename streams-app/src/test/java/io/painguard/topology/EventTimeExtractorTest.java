package io.painguard.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.painguard.events.ActivityType;
import io.painguard.fixtures.Events;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** What a task orders each input record by. */
class EventTimeExtractorTest {

  private static final Instant NOW = Events.T0.plus(Duration.ofDays(1));
  private static final long PARTITION_TIME = Events.T0.plusSeconds(30).toEpochMilli();
  private static final long RECORD_TIME = NOW.minusSeconds(1).toEpochMilli();

  private final EventTimeExtractor extractor =
      new EventTimeExtractor(
          new InputValidator(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofHours(24), Duration.ofDays(30)),
          Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void aSampleOrAReportIsOrderedByItsPayloadTimeNotTheProducersTimestamp() {
    assertThat(extract(Events.sample("ana", Events.at(5), ActivityType.RUNNING, 150), PARTITION_TIME))
        .isEqualTo(Events.at(5).toEpochMilli());
    assertThat(extract(Events.pain("ana", Events.at(7), 4), PARTITION_TIME)).isEqualTo(Events.at(7).toEpochMilli());
  }

  @Test
  void aProfileIsOrderedByWhenItsEditCameIntoForce() {
    assertThat(extract(Events.profile("ana"), PARTITION_TIME))
        .isEqualTo(Events.T0.minus(Duration.ofDays(30)).toEpochMilli());
  }

  @Test
  void aPayloadTimeAheadOfTheWallClockButWithinTheSkewCountsAsNow() {
    Instant ahead = NOW.plus(Duration.ofHours(1));

    assertThat(extract(Events.pain("ana", ahead, 4), PARTITION_TIME)).isEqualTo(NOW.toEpochMilli());
  }

  @Test
  void aPayloadTimeTheValidatorRejectsNeverMovesStreamTime() {
    Instant farAhead = NOW.plus(Duration.ofDays(2));
    Instant tooOld = NOW.minus(Duration.ofDays(31));

    assertThat(extract(Events.pain("ana", farAhead, 4), PARTITION_TIME)).isEqualTo(PARTITION_TIME);
    assertThat(extract(Events.sample("ana", tooOld, ActivityType.RUNNING, 150), PARTITION_TIME))
        .isEqualTo(PARTITION_TIME);
  }

  @Test
  void aRecordTheValidatorRejectsForAnythingButItsTimeTakesThePartitionTime() {
    // Given records with plausible times a few minutes ahead of their partition, each one to be
    // dead-lettered for another reason
    Instant ahead = Instant.ofEpochMilli(PARTITION_TIME).plus(Duration.ofMinutes(3));
    Incoming heartRate = decoded(Events.sample("ana", ahead, ActivityType.RUNNING, 300));
    Incoming level = decoded(Events.pain("ana", ahead, 11));
    Incoming someoneElse = decoded(Events.pain("bo", ahead, 4));

    // When their times are extracted
    // Then none of them is ordered by its own time: it would hold back the valid records behind it
    assertThat(extractor.extract(record(heartRate), PARTITION_TIME)).isEqualTo(PARTITION_TIME);
    assertThat(extractor.extract(record(level), PARTITION_TIME)).isEqualTo(PARTITION_TIME);
    assertThat(extractor.extract(record(someoneElse), PARTITION_TIME)).isEqualTo(PARTITION_TIME);
    assertThat(extractor.extract(record(decoded(Events.pain("ana", ahead, 4)), null, RECORD_TIME), PARTITION_TIME))
        .as("no key").isEqualTo(PARTITION_TIME);
  }

  @Test
  void aValidRecordKeyedAsTheTopologyReadsItIsOrderedByItsPayloadTime() {
    Instant at = Events.at(5);

    long extracted = extractor.extract(
        record(decoded(Events.pain("ana", at, 4)), "ana".getBytes(java.nio.charset.StandardCharsets.UTF_8), RECORD_TIME),
        PARTITION_TIME);

    assertThat(extracted).isEqualTo(at.toEpochMilli());
  }

  @Test
  void anUndecodableTombstoneOrWaitingRecordTakesThePartitionTime() {
    Incoming undecodable = Incoming.deadLetter(DeadLetters.Reason.UNDECODABLE, new RuntimeException(), new byte[] {1});

    assertThat(extractor.extract(record(undecodable), PARTITION_TIME)).isEqualTo(PARTITION_TIME);
    assertThat(extractor.extract(record(Incoming.waitingForRegistry(new byte[] {0})), PARTITION_TIME))
        .isEqualTo(PARTITION_TIME);
    assertThat(extractor.extract(record(null), PARTITION_TIME)).isEqualTo(PARTITION_TIME);
  }

  @Test
  void beforeThePartitionHasATimeABadRecordTakesItsOwnTimestampNeverANegativeOne() {
    Incoming undecodable = Incoming.deadLetter(DeadLetters.Reason.UNDECODABLE, new RuntimeException(), new byte[] {1});

    assertThat(extractor.extract(record(undecodable), -1)).isEqualTo(RECORD_TIME);
    assertThat(extractor.extract(record(undecodable, -1L), -1)).isZero();
    assertThat(extractor.extract(record(undecodable, NOW.plus(Duration.ofDays(9)).toEpochMilli()), -1))
        .isEqualTo(NOW.toEpochMilli());
  }

  private long extract(SpecificRecord payload, long partitionTime) {
    return extractor.extract(record(decoded(payload)), partitionTime);
  }

  private static Incoming decoded(SpecificRecord payload) {
    return Incoming.decoded(payload, new byte[] {0});
  }

  private static ConsumerRecord<Object, Object> record(Incoming value) {
    return record(value, RECORD_TIME);
  }

  private static ConsumerRecord<Object, Object> record(Incoming value, long timestamp) {
    return record(value, "ana", timestamp);
  }

  private static ConsumerRecord<Object, Object> record(Incoming value, Object key, long timestamp) {
    return new ConsumerRecord<>(
        "t", 0, 0, timestamp, org.apache.kafka.common.record.TimestampType.CREATE_TIME, 0, 0, key, value,
        new org.apache.kafka.common.header.internals.RecordHeaders(), java.util.Optional.empty());
  }
}

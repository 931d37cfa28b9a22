package io.painguard.topology;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * The timestamp Kafka Streams orders a task's records by: the payload's own time, so that a task
 * picks the next record across {@code activity-events}, {@code pain-reports} and {@code
 * athlete-profiles} in event-time order whatever the arrival interleaving or the producers'
 * record timestamps (a batch sync, a replay). Kafka Streams deserializes a record before it
 * extracts its timestamp (RecordQueue.updateHead), so the value here is an {@link Incoming}.
 *
 * <ul>
 *   <li>A sample or report: its {@code timestamp}. A profile: its {@code updatedAt} -- when the
 *       edit came into force, which is when a live profile reaches the app, so a replay or backlog
 *       applies it to the same samples a live run did (a profile is not evidence and never moves
 *       the athlete's clock; {@link AthleteGuardProcessor} ignores its time).
 *   <li>Capped at the wall clock: the stream time of a task never runs ahead of the wall clock, the
 *       same cap {@link AthleteGuardProcessor} puts on its event clock. Two records both ahead of
 *       the wall clock keep their arrival order.
 *   <li>A record the {@link InputValidator} rejects, for its time (before 1970, more than {@code
 *       max-future-skew} ahead of the wall clock, more than {@code max-past-age} old) or for anything
 *       else (a heart rate out of range, a key that is not its athleteId...), a record without a
 *       key, an undecodable value, a tombstone, or a record waiting for the registry: the
 *       partition's time (the newest timestamp the partition has had), so the record neither drags
 *       stream time forward nor jumps ahead of its partition nor holds anything back; it is
 *       dead-lettered or parked downstream. (Ordered by its own plausible time, an invalid record
 *       stamped a few minutes ahead of its partition would hold back the valid records behind it in
 *       a backlog while the task's other partitions ran on: a malformed record would change other
 *       athletes' alerts, as HostileInputIT showed.) Before the partition has a time: the record's
 *       own timestamp, capped to [0, wall clock] so that Kafka Streams never drops it as
 *       "negative".
 * </ul>
 */
final class EventTimeExtractor implements TimestampExtractor {

  private final InputValidator validator;
  private final Clock clock;

  EventTimeExtractor(InputValidator validator, Clock clock) {
    this.validator = validator;
    this.clock = clock;
  }

  @Override
  public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
    long now = clock.millis();
    if (record.value() instanceof Incoming in && in.payload() != null) {
      String key = key(record.key());
      if (key != null && validator.accepts(key, in.payload())) {
        return Math.min(in.payloadTime(), now);
      }
    }
    if (partitionTime >= 0) {
      return partitionTime;
    }
    return Math.max(0, Math.min(record.timestamp(), now));
  }

  /** The key as the topology reads it (bytes, UTF-8), or null when there is none. */
  private static String key(Object key) {
    if (key instanceof byte[] bytes) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
    return key == null ? null : key.toString();
  }
}

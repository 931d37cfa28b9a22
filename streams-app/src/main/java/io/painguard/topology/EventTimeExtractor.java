package io.painguard.topology;

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
 *   <li>A time the {@link InputValidator} rejects (before 1970, more than {@code max-future-skew}
 *       ahead of the wall clock, more than {@code max-past-age} old), an undecodable value, a
 *       tombstone, or a record waiting for the registry: the partition's time (the newest
 *       timestamp the partition has had), so the record neither drags stream time forward nor
 *       jumps ahead of its partition nor holds anything back; it is dead-lettered or parked
 *       downstream. Before the partition has a time: the record's own timestamp, capped to [0, wall
 *       clock] so that Kafka Streams never drops it as "negative".
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
      long t = in.payloadTime();
      if (validator.plausibleTime(t, !(in.payload() instanceof io.painguard.events.AthleteProfile))) {
        return Math.min(t, now);
      }
    }
    if (partitionTime >= 0) {
      return partitionTime;
    }
    return Math.max(0, Math.min(record.timestamp(), now));
  }
}

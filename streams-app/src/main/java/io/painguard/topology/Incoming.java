package io.painguard.topology;

import io.painguard.events.ActivityEvent;
import io.painguard.events.AlertAcknowledgement;
import io.painguard.events.AthleteProfile;
import io.painguard.events.PainReport;
import org.apache.avro.specific.SpecificRecord;

/**
 * What an input topic's source deserializer made of a raw value, before the key is known: the
 * decoded payload (not yet validated), or why it could not be decoded, or that it must wait for the
 * schema registry. Never thrown, always a value, so a bad record cannot stop the app inside Kafka
 * Streams' record queue, and the {@link EventTimeExtractor} can read the payload's event time.
 * Keeps the original value bytes (not a copy) for the dead-letter queue and for parking.
 *
 * @param payload the decoded record, or null
 * @param reason why the value is a dead letter (NULL_VALUE, UNDECODABLE, or the registry's answer
 *     such as SCHEMA_NOT_FOUND), or null
 * @param error what the deserializer threw, when the value could not be decoded
 * @param waiting true when the registry could not serve the value's schema right now
 * @param raw the original value bytes
 */
record Incoming(SpecificRecord payload, DeadLetters.Reason reason, Exception error, boolean waiting, byte[] raw) {

  static Incoming decoded(SpecificRecord payload, byte[] raw) {
    return new Incoming(payload, null, null, false, raw);
  }

  static Incoming deadLetter(DeadLetters.Reason reason, Exception error, byte[] raw) {
    return new Incoming(null, reason, error, false, raw);
  }

  static Incoming waitingForRegistry(byte[] raw) {
    return new Incoming(null, null, null, true, raw);
  }

  /**
   * The payload's own time in epoch millis: a sample's or report's {@code timestamp}, a profile's
   * {@code updatedAt}, an acknowledgement's {@code acknowledgedAt}; {@link Long#MIN_VALUE} when
   * there is no payload.
   */
  long payloadTime() {
    if (payload instanceof ActivityEvent e) {
      return e.getTimestamp().toEpochMilli();
    } else if (payload instanceof PainReport r) {
      return r.getTimestamp().toEpochMilli();
    } else if (payload instanceof AthleteProfile p) {
      return p.getUpdatedAt().toEpochMilli();
    } else if (payload instanceof AlertAcknowledgement a) {
      return a.getAcknowledgedAt().toEpochMilli();
    }
    return Long.MIN_VALUE;
  }
}

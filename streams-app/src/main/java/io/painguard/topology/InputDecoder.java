package io.painguard.topology;

import io.painguard.rules.AthleteSignal;
import io.painguard.serde.SchemaId;
import io.painguard.serde.WireFormat;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * How one input topic's raw value becomes an {@link AthleteSignal}, in two steps: {@link #read}
 * decodes the bytes (in the source's deserializer, before the key is known, never throwing) and
 * {@link #judge} validates the decoded payload against its key and converts it (in the topology).
 */
final class InputDecoder<T extends SpecificRecord> {

  private final Deserializer<T> deserializer;
  private final BiFunction<String, T, Optional<String>> validator;
  private final Function<T, AthleteSignal> toSignal;
  private final Class<T> type;

  InputDecoder(
      Class<T> type,
      Deserializer<T> deserializer,
      BiFunction<String, T, Optional<String>> validator,
      Function<T, AthleteSignal> toSignal) {
    this.type = type;
    this.deserializer = deserializer;
    this.validator = validator;
    this.toSignal = toSignal;
  }

  /** What became of a value: a signal, or why it is a dead letter. */
  record Outcome(AthleteSignal signal, DeadLetters.Reason reason, Exception error) {
    static Outcome signal(AthleteSignal signal) {
      return new Outcome(signal, null, null);
    }

    static Outcome deadLetter(DeadLetters.Reason reason, Exception error) {
      return new Outcome(null, reason, error);
    }
  }

  /**
   * Decodes a value; never throws. A value whose schema id is known to be unavailable waits without
   * asking the registry again; a transient registry failure marks the id unavailable and waits;
   * any other registry answer dead-letters the value with the reason {@link RegistryFailures}
   * names, and undecodable bytes with UNDECODABLE.
   */
  Incoming read(String topic, Headers headers, byte[] value, UnavailableSchemas unavailable) {
    if (value == null) {
      return Incoming.deadLetter(
          DeadLetters.Reason.NULL_VALUE,
          new InvalidRecordException("The record has no value (a tombstone); inputs never delete athletes."),
          null);
    }
    // Only looked up while some schema is unavailable: the common path allocates nothing for it.
    if (!unavailable.isEmpty() && unavailable.contains(schemaId(headers, value))) {
      return Incoming.waitingForRegistry(value);
    }
    try {
      return Incoming.decoded(deserializer.deserialize(topic, headers, value), value);
    } catch (RuntimeException e) {
      if (RegistryFailures.waitFor(e)) {
        unavailable.add(schemaId(headers, value));
        return Incoming.waitingForRegistry(value);
      }
      return Incoming.deadLetter(
          RegistryFailures.deadLetterReason(e).orElse(DeadLetters.Reason.UNDECODABLE), e, value);
    }
  }

  /** Validates a decoded payload of this topic against the record's key, and converts it. */
  Outcome judge(String key, SpecificRecord payload) {
    T decoded = type.cast(payload);
    Optional<String> problem = validator.apply(key, decoded);
    if (problem.isPresent()) {
      return Outcome.deadLetter(DeadLetters.Reason.INVALID, new InvalidRecordException(problem.get()));
    }
    return Outcome.signal(toSignal.apply(decoded));
  }

  /** What a value that names no schema (not framed, no schema-id header) is grouped under. */
  static final SchemaId UNFRAMED = new SchemaId.Number(-1);

  /**
   * The schema a value names: its {@code __value_schema_id} header's (Confluent 8 producers put a
   * GUID there and write the bare body), else its Confluent frame's id; {@link #UNFRAMED} if none.
   */
  static SchemaId schemaId(Headers headers, byte[] value) {
    return WireFormat.schemaIdOf(headers, value, false).orElse(UNFRAMED);
  }
}

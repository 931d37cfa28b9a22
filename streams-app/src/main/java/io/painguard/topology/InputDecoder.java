package io.painguard.topology;

import io.painguard.rules.AthleteSignal;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * How one input topic's raw value becomes an {@link AthleteSignal}: decode, validate, convert. A
 * failure of the record itself is answered as a dead letter; a transient failure (the registry
 * cannot serve the schema) is thrown, so the caller can keep the record and retry it.
 */
final class InputDecoder<T> {

  private final Deserializer<T> deserializer;
  private final BiFunction<String, T, Optional<String>> validator;
  private final Function<T, AthleteSignal> toSignal;

  InputDecoder(
      Deserializer<T> deserializer,
      BiFunction<String, T, Optional<String>> validator,
      Function<T, AthleteSignal> toSignal) {
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
   * Decodes and validates a keyed, non-null value.
   *
   * @throws RuntimeException a transient failure ({@link TransientErrors#isTransient}), to retry
   */
  Outcome decode(String topic, Headers headers, String key, byte[] value) {
    T decoded;
    try {
      decoded = deserializer.deserialize(topic, headers, value);
    } catch (RuntimeException e) {
      if (TransientErrors.isTransient(e)) {
        throw e;
      }
      return Outcome.deadLetter(DeadLetters.Reason.UNDECODABLE, e);
    }
    Optional<String> problem = validator.apply(key, decoded);
    if (problem.isPresent()) {
      return Outcome.deadLetter(DeadLetters.Reason.INVALID, new InvalidRecordException(problem.get()));
    }
    return Outcome.signal(toSignal.apply(decoded));
  }
}

package io.painguard.topology;

import io.painguard.rules.AthleteSignal;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes and validates one input topic's raw records. A good record becomes an {@link
 * AthleteSignal}; a bad one (no key, no value, undecodable, invalid) becomes a dead letter that
 * keeps its original bytes and gains headers saying where it came from and why. Processing goes
 * on either way; only a transient failure (registry unreachable) is thrown, so good data is never
 * dead-lettered for it.
 */
final class SignalDecoder<T> implements FixedKeyProcessor<byte[], byte[], Decoded> {

  private static final Logger LOG = LoggerFactory.getLogger(SignalDecoder.class);

  private final Deserializer<T> deserializer;
  private final BiFunction<String, T, Optional<String>> validator;
  private final Function<T, AthleteSignal> toSignal;
  private final DeadLetterCounter counter;
  private FixedKeyProcessorContext<byte[], Decoded> context;

  SignalDecoder(
      Deserializer<T> deserializer,
      BiFunction<String, T, Optional<String>> validator,
      Function<T, AthleteSignal> toSignal,
      DeadLetterCounter counter) {
    this.deserializer = deserializer;
    this.validator = validator;
    this.toSignal = toSignal;
    this.counter = counter;
  }

  @Override
  public void init(FixedKeyProcessorContext<byte[], Decoded> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<byte[], byte[]> record) {
    String topic = context.recordMetadata().map(RecordMetadata::topic).orElse(null);
    if (record.key() == null) {
      deadLetter(record, DeadLetters.Reason.NULL_KEY, invalid("The record has no key; inputs are keyed by athleteId."));
      return;
    }
    if (record.value() == null) {
      deadLetter(
          record,
          DeadLetters.Reason.NULL_VALUE,
          invalid("The record has no value (a tombstone); inputs never delete athletes."));
      return;
    }
    T value;
    try {
      value = deserializer.deserialize(topic, record.headers(), record.value());
    } catch (RuntimeException e) {
      if (TransientErrors.isTransient(e)) {
        throw e;
      }
      deadLetter(record, DeadLetters.Reason.UNDECODABLE, e);
      return;
    }
    String key = new String(record.key(), StandardCharsets.UTF_8);
    Optional<String> problem = validator.apply(key, value);
    if (problem.isPresent()) {
      deadLetter(record, DeadLetters.Reason.INVALID, invalid(problem.get()));
      return;
    }
    context.forward(record.withValue(Decoded.of(toSignal.apply(value))));
  }

  private void deadLetter(
      FixedKeyRecord<byte[], byte[]> record, DeadLetters.Reason reason, Exception error) {
    RecordMetadata meta = context.recordMetadata().orElse(null);
    String topic = meta == null ? "" : meta.topic();
    int partition = meta == null ? -1 : meta.partition();
    long offset = meta == null ? -1 : meta.offset();
    LOG.warn(
        "Dead-lettering record {}-{}@{}: {} ({})",
        topic,
        partition,
        offset,
        reason,
        error.getClass().getSimpleName());
    counter.increment(reason);
    context.forward(
        record
            .withValue(Decoded.deadLetter(reason, record.value()))
            .withHeaders(
                DeadLetters.headers(
                    record.headers(),
                    topic,
                    partition,
                    offset,
                    reason,
                    error.getClass().getName(),
                    error.getMessage())));
  }

  private static InvalidRecordException invalid(String sentence) {
    return new InvalidRecordException(sentence);
  }
}

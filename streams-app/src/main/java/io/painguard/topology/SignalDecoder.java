package io.painguard.topology;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes and validates one input topic's raw records. A good record becomes an {@link
 * io.painguard.rules.AthleteSignal}; a bad one (no key, no value, undecodable, invalid) becomes a
 * dead letter that keeps its original bytes and gains headers saying where it came from and why.
 * Processing goes on either way.
 *
 * <p>A record whose schema the registry cannot serve right now is neither failed nor dead-lettered:
 * it waits in the {@link RegistryWaits} with the athlete's later records behind it, and is retried
 * by a wall-clock punctuator until it decodes or has waited longer than the configured limit.
 */
final class SignalDecoder implements Processor<byte[], byte[], byte[], Decoded> {

  private static final Logger LOG = LoggerFactory.getLogger(SignalDecoder.class);
  private static final Duration RETRY_TICK = Duration.ofSeconds(1);

  private final String topic;
  private final Map<String, InputDecoder<?>> decoders;
  private final RegistryWaits waits;
  private final DeadLetterCounter counter;
  private ProcessorContext<byte[], Decoded> context;
  private RegistryWaits.Lot lot;

  /**
   * @param topic the input topic this decoder reads
   * @param decoders every input topic's decoder, by topic (parked records of any topic may be
   *     released by any of the task's decoders)
   */
  SignalDecoder(String topic, Map<String, InputDecoder<?>> decoders, RegistryWaits waits, DeadLetterCounter counter) {
    this.topic = topic;
    this.decoders = decoders;
    this.waits = waits;
    this.counter = counter;
  }

  @Override
  public void init(ProcessorContext<byte[], Decoded> context) {
    this.context = context;
    KeyValueStore<String, byte[]> store = context.getStateStore(PainGuardTopology.REGISTRY_WAITS_STORE);
    this.lot = waits.open(context.taskId(), store);
    context.schedule(RETRY_TICK, PunctuationType.WALL_CLOCK_TIME, this::retry);
  }

  @Override
  public void close() {
    if (lot != null) {
      waits.close(context.taskId(), lot);
      lot = null;
    }
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    RecordMetadata meta = context.recordMetadata().orElse(null);
    String source = meta == null ? topic : meta.topic();
    int partition = meta == null ? -1 : meta.partition();
    long offset = meta == null ? -1 : meta.offset();
    if (record.key() == null) {
      deadLetter(record, source, partition, offset, DeadLetters.Reason.NULL_KEY,
          invalid("The record has no key; inputs are keyed by athleteId."));
      return;
    }
    if (record.value() == null) {
      deadLetter(record, source, partition, offset, DeadLetters.Reason.NULL_VALUE,
          invalid("The record has no value (a tombstone); inputs never delete athletes."));
      return;
    }
    String athlete = new String(record.key(), StandardCharsets.UTF_8);
    if (lot.isWaiting(athlete) || lot.knownUnavailable(schemaId(record.value()))) {
      park(athlete, record, source, partition, offset);
      return;
    }
    InputDecoder.Outcome outcome;
    try {
      outcome = decoders.get(source).decode(source, record.headers(), athlete, record.value());
    } catch (RuntimeException e) {
      if (!TransientErrors.isTransient(e)) {
        throw e;
      }
      LOG.warn("Schema registry unavailable for {}-{}@{} ({}); the record waits and is retried",
          source, partition, offset, e.getClass().getSimpleName());
      lot.unavailable(schemaId(record.value()));
      park(athlete, record, source, partition, offset);
      return;
    }
    emit(record, source, partition, offset, outcome);
  }

  private void park(String athlete, Record<byte[], byte[]> record, String source, int partition, long offset) {
    if (!RegistryWaits.parkable(athlete)) {
      deadLetter(record, source, partition, offset, DeadLetters.Reason.INVALID,
          invalid("The record key contains a NUL character; athlete ids never do."));
      return;
    }
    lot.park(athlete,
        new ParkedRecord(source, partition, offset, record.timestamp(), System.currentTimeMillis(),
            record.key(), record.value(), record.headers()),
        System.currentTimeMillis());
  }

  /** Tries the parked records again, athlete by athlete, in arrival order. */
  private void retry(long now) {
    List<String> due = lot.due(now);
    if (due.isEmpty()) {
      return;
    }
    boolean answered = false;
    boolean failedThisRound = false;
    for (String athlete : due) {
      boolean athleteDone = true;
      for (KeyValue<String, ParkedRecord> entry : lot.parked(athlete)) {
        ParkedRecord p = entry.value;
        int schemaId = schemaId(p.value());
        InputDecoder.Outcome outcome = null;
        if (!(failedThisRound && lot.knownUnavailable(schemaId))) {
          try {
            outcome = decoders.get(p.topic()).decode(p.topic(), p.headers(), athlete, p.value());
            answered = true;
            lot.registryAnswered();
          } catch (RuntimeException e) {
            if (!TransientErrors.isTransient(e)) {
              throw e;
            }
            failedThisRound = true;
            lot.unavailable(schemaId);
          }
        }
        if (outcome == null) {
          if (now - p.parkedAt() < waits.limitMillis()) {
            athleteDone = false;
            break; // the athlete's later records keep waiting behind this one
          }
          outcome = InputDecoder.Outcome.deadLetter(DeadLetters.Reason.REGISTRY_UNAVAILABLE,
              new InvalidRecordException("The schema registry could not serve the record's schema for "
                  + Duration.ofMillis(now - p.parkedAt()).toSeconds() + " s, longer than the "
                  + Duration.ofMillis(waits.limitMillis()).toSeconds() + " s allowed."));
        }
        Record<byte[], byte[]> original = new Record<>(p.key(), p.value(), p.timestamp(), p.headers());
        emit(original, p.topic(), p.partition(), p.offset(), outcome);
        lot.release(entry.key);
      }
      if (athleteDone) {
        lot.done(athlete);
      }
    }
    lot.attempted(now, answered && !failedThisRound);
    if (!lot.isEmpty()) {
      LOG.info("{} athlete(s) have records waiting for the schema registry", lot.athletesWaiting());
    }
  }

  private void emit(Record<byte[], byte[]> record, String source, int partition, long offset, InputDecoder.Outcome outcome) {
    if (outcome.signal() != null) {
      context.forward(record.withValue(Decoded.of(outcome.signal())));
    } else {
      deadLetter(record, source, partition, offset, outcome.reason(), outcome.error());
    }
  }

  private void deadLetter(
      Record<byte[], byte[]> record, String source, int partition, long offset, DeadLetters.Reason reason, Exception error) {
    LOG.warn(
        "Dead-lettering record {}-{}@{}: {} ({})",
        source,
        partition,
        offset,
        reason,
        error.getClass().getSimpleName());
    counter.increment(reason);
    Headers headers =
        DeadLetters.headers(
            record.headers(), source, partition, offset, reason, error.getClass().getName(), error.getMessage());
    context.forward(new Record<>(record.key(), Decoded.deadLetter(reason, record.value()), record.timestamp(), headers));
  }

  /** The schema id of a Confluent-framed value, or -1. */
  private static int schemaId(byte[] value) {
    return value != null && value.length >= 5 && value[0] == 0 ? ByteBuffer.wrap(value, 1, 4).getInt() : -1;
  }

  private static InvalidRecordException invalid(String sentence) {
    return new InvalidRecordException(sentence);
  }
}

package io.painguard.topology;

import io.painguard.serde.SchemaId;
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
 * Validates one input topic's records, decoded by the source's {@link IncomingDeserializer}. A good
 * record becomes an {@link io.painguard.rules.AthleteSignal}; a bad one (no key, no value,
 * undecodable, invalid) becomes a dead letter that keeps its original bytes and gains headers
 * saying where it came from and why. Processing goes on either way.
 *
 * <p>A record whose schema the registry cannot serve right now (the deserializer marked it waiting)
 * is neither failed nor dead-lettered: it waits in the {@link RegistryWaits} with the athlete's
 * later records behind it, and is retried by a wall-clock punctuator until it decodes or the
 * athlete has waited longer than the configured limit. A registry that answers for good (a 4xx, an
 * unsupported schema) dead-letters the record at once instead ({@link RegistryFailures}). A waiting or dead-lettered record touches nothing but itself
 * and, for a waiting one, its own athlete's later records, which wait behind it in order.
 */
final class SignalDecoder implements Processor<byte[], Incoming, byte[], Decoded> {

  private static final Logger LOG = LoggerFactory.getLogger(SignalDecoder.class);
  private static final Duration RETRY_TICK = Duration.ofSeconds(1);

  private final String topic;
  private final String profilesTopic;
  private final Map<String, InputDecoder<?>> decoders;
  private final RegistryWaits waits;
  private final DeadLetterCounter counter;
  private final UnavailableSchemas unavailable;
  private ProcessorContext<byte[], Decoded> context;
  private RegistryWaits.Lot lot;

  /**
   * @param topic the input topic this decoder reads
   * @param profilesTopic the compacted profiles topic, where a tombstone erases an athlete
   * @param decoders every input topic's decoder, by topic (parked records of any topic may be
   *     released by any of the task's decoders)
   */
  SignalDecoder(
      String topic,
      String profilesTopic,
      Map<String, InputDecoder<?>> decoders,
      RegistryWaits waits,
      UnavailableSchemas unavailable,
      DeadLetterCounter counter) {
    this.topic = topic;
    this.profilesTopic = profilesTopic;
    this.unavailable = unavailable;
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
  public void process(Record<byte[], Incoming> record) {
    RecordMetadata meta = context.recordMetadata().orElse(null);
    String source = meta == null ? topic : meta.topic();
    int partition = meta == null ? -1 : meta.partition();
    long offset = meta == null ? -1 : meta.offset();
    Incoming in = record.value();
    Record<byte[], byte[]> raw = record.withValue(in == null ? null : in.raw());
    if (record.key() == null) {
      deadLetter(raw, source, partition, offset, DeadLetters.Reason.NULL_KEY,
          invalid("The record has no key; inputs are keyed by athleteId."));
      return;
    }
    String athlete = new String(record.key(), StandardCharsets.UTF_8);
    if ((in == null || in.raw() == null) && source.equals(profilesTopic)) {
      // The athlete leaves: the records still waiting for the registry go with them, so nothing
      // re-creates what the erasure deletes.
      for (KeyValue<String, ParkedRecord> parked : lot.parked(athlete)) {
        lot.release(parked.key);
      }
      lot.done(athlete);
      context.forward(record.withValue(Decoded.of(new io.painguard.rules.AthleteSignal.Erase(athlete))));
      return;
    }
    if (in == null || in.raw() == null) {
      deadLetter(raw, source, partition, offset, DeadLetters.Reason.NULL_VALUE,
          invalid("The record has no value (a tombstone); only a tombstone on the profiles topic erases"
              + " an athlete."));
      return;
    }
    if (in.waiting()) {
      LOG.warn("Schema registry unavailable for {}-{}@{}; the record waits and is retried", source, partition, offset);
    }
    if (in.waiting() || lot.isWaiting(athlete)) {
      if (lot.parkedCount(athlete) >= waits.maxParked()) {
        deadLetter(raw, source, partition, offset, DeadLetters.Reason.REGISTRY_WAIT_FULL,
            invalid("The athlete already has " + waits.maxParked() + " records waiting for the schema"
                + " registry, the most painguard.topology.registry-max-parked allows."));
        return;
      }
      park(athlete, raw, source, partition, offset);
      return;
    }
    InputDecoder.Outcome outcome =
        in.payload() != null
            ? decoders.get(source).judge(athlete, in.payload())
            : InputDecoder.Outcome.deadLetter(in.reason(), in.error());
    emit(raw, source, partition, offset, outcome);
  }

  private void park(String athlete, Record<byte[], byte[]> record, String source, int partition, long offset) {
    if (!RegistryWaits.parkable(athlete)) {
      deadLetter(record, source, partition, offset, DeadLetters.Reason.INVALID,
          invalid("The record key contains a NUL character; athlete ids never do."));
      return;
    }
    lot.park(athlete,
        new ParkedRecord(source, partition, offset, record.timestamp(), context.currentSystemTimeMs(),
            record.key(), record.value(), record.headers()),
        context.currentSystemTimeMs());
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
        SchemaId schemaId = InputDecoder.schemaId(p.headers(), p.value());
        InputDecoder.Outcome outcome = null;
        if (!(failedThisRound && unavailable.contains(schemaId))) {
          if (!failedThisRound) {
            unavailable.clear(); // ask the registry again, once per round until it fails
          }
          InputDecoder<?> decoder = decoders.get(p.topic());
          Incoming in = decoder.read(p.topic(), p.headers(), p.value(), unavailable);
          if (in.waiting()) {
            failedThisRound = true;
          } else {
            answered = true;
            outcome =
                in.payload() != null
                    ? decoder.judge(athlete, in.payload())
                    : InputDecoder.Outcome.deadLetter(in.reason(), in.error());
          }
        }
        if (outcome == null) {
          // The athlete's wait, not this record's: a chain of records each waiting its own limit
          // would otherwise hold the athlete's later records back without end.
          long waited = now - lot.waitingSince(athlete);
          if (waited < waits.limitMillis()) {
            athleteDone = false;
            break; // the athlete's later records keep waiting behind this one
          }
          outcome = InputDecoder.Outcome.deadLetter(DeadLetters.Reason.REGISTRY_UNAVAILABLE,
              new InvalidRecordException("The schema registry could not serve the record's schema, and"
                  + " the athlete's records had waited " + Duration.ofMillis(waited).toSeconds()
                  + " s, longer than the " + Duration.ofMillis(waits.limitMillis()).toSeconds()
                  + " s painguard.topology.registry-retry-limit allows."));
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
    if (outcome.signal() instanceof io.painguard.rules.AthleteSignal.Acknowledged) {
      // The acknowledgement processor may still set it aside (an alert it does not know).
      context.forward(record.withValue(Decoded.of(outcome.signal(), record.value())));
    } else if (outcome.signal() != null) {
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

  private static InvalidRecordException invalid(String sentence) {
    return new InvalidRecordException(sentence);
  }
}

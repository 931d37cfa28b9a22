package io.painguard.simulator.kafka;

import io.painguard.simulator.InputTopic;
import io.painguard.simulator.MalformedKind;
import io.painguard.simulator.RecordSink;
import io.painguard.simulator.SendStats;
import io.painguard.simulator.TopicNames;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Sends records to Kafka as bytes: encoded with the project serde, corrupted on purpose for
 * malformed records, keyed by athlete id. Every send is counted in {@link #stats()}: acknowledged
 * or failed (from the callback, or at once when the producer refuses it) -- never lost silently.
 */
public final class KafkaRecordSink implements RecordSink, AutoCloseable {

  private final Producer<String, byte[]> producer;
  private final RecordEncoder encoder;
  private final TopicNames topics;
  private final SplittableRandom random;
  private final SendStats stats = new SendStats();
  private final boolean owned;

  /**
   * Sends through a producer the caller owns (and closes).
   *
   * @param producer a producer with String keys and byte[] values
   * @param encoder the encoder (closed by the caller)
   * @param topics topic names
   * @param seed seed for the random bytes of malformed records
   */
  public KafkaRecordSink(Producer<String, byte[]> producer, RecordEncoder encoder, TopicNames topics, long seed) {
    this(producer, encoder, topics, seed, false);
  }

  private KafkaRecordSink(
      Producer<String, byte[]> producer, RecordEncoder encoder, TopicNames topics, long seed, boolean owned) {
    this.producer = producer;
    this.encoder = encoder;
    this.topics = topics;
    this.random = new SplittableRandom(seed);
    this.owned = owned;
  }

  /**
   * A sink with its own producer and encoder, closed with the sink.
   *
   * @param producerConfig see {@link ProducerSettings#producerConfig}
   * @param serdeConfig see {@link ProducerSettings#serdeConfig}
   */
  public static KafkaRecordSink open(
      Map<String, Object> producerConfig, Map<String, Object> serdeConfig, TopicNames topics, long seed) {
    RecordEncoder encoder = new RecordEncoder(serdeConfig);
    try {
      return new KafkaRecordSink(new KafkaProducer<>(producerConfig), encoder, topics, seed, true);
    } catch (RuntimeException e) {
      encoder.close();
      throw e;
    }
  }

  @Override
  public void send(InputTopic topic, String key, SpecificRecord value, MalformedKind corruption) {
    String name = topics.nameOf(topic);
    stats.attempted();
    try {
      byte[] bytes = encoder.encode(name, value);
      if (corruption != null && corruption.corruptsBytes()) {
        bytes = RecordEncoder.corrupt(corruption, bytes, random);
      }
      producer.send(new ProducerRecord<>(name, key, bytes), (metadata, error) -> {
        if (error == null) {
          stats.acknowledged();
        } else {
          stats.failed(error);
        }
      });
    } catch (RuntimeException e) {
      // Encoding failed (registry trouble) or the producer refused the record (closed, buffer
      // full past max.block.ms): counted, and the run goes on.
      stats.failed(e);
    }
  }

  @Override
  public void flush() {
    producer.flush();
  }

  @Override
  public SendStats stats() {
    return stats;
  }

  /** Flushes; closes the producer and encoder when this sink opened them. */
  @Override
  public void close() {
    try {
      producer.flush();
    } finally {
      if (owned) {
        producer.close(Duration.ofSeconds(30));
        encoder.close();
      }
    }
  }
}

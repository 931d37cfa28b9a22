package io.painguard.registry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidPidMappingException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.InvalidTxnStateException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.UnknownServerException;

/**
 * Writes to the schemas topic as its one writer of the moment. Every registry on a topic uses the
 * same transactional id, so a registry becoming the writer ({@link #becomeWriter}) fences the
 * previous one's producer: from then on that producer can commit nothing, and an update it
 * computed on contents that may be stale fails with {@link Fenced} instead of landing. Each update
 * is one transaction, so its records land together or not at all, and readers (read_committed)
 * never see an aborted one.
 */
final class FencedWriter implements AutoCloseable {

  /** Another registry became the writer since this one did: nothing of the update was written. */
  static final class Fenced extends Exception {
    private static final long serialVersionUID = 1L;

    Fenced(Throwable cause) {
      super(cause);
    }
  }

  /**
   * The broker answered the commit with an unexpected error ({@code UNKNOWN_SERVER_ERROR}, which
   * the producer reports as "Unhandled error in EndTxnResponse"; seen from Kafka 4.4.0 when two
   * registries fence each other): whether the transaction committed is not known. As after a
   * fence, the next writer's start settles it (commits or aborts it) and the update is decided
   * again on the contents as they then are -- an update already applied then changes nothing.
   */
  static final class Unsettled extends Exception {
    private static final long serialVersionUID = 1L;

    Unsettled(Throwable cause) {
      super(cause);
    }
  }

  /** Backstop above the producer's own timeouts, so a write never hangs. */
  private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(45);

  private final Supplier<Producer<byte[], byte[]>> producers;
  private final String topic;
  private Producer<byte[], byte[]> producer;

  /** @param producerProps transactional producer settings (see KafkaSchemaStore) */
  FencedWriter(Map<String, Object> producerProps, String topic) {
    this(() -> new KafkaProducer<>(producerProps), topic);
  }

  /** With another source of transactional producers (tests). */
  FencedWriter(Supplier<Producer<byte[], byte[]>> producers, String topic) {
    this.producers = producers;
    this.topic = topic;
  }

  /**
   * Makes this registry the writer if it is not already, fencing any other.
   *
   * @return true when it just became the writer: the caller must read every earlier write first
   */
  boolean becomeWriter() {
    if (producer != null) {
      return false;
    }
    Producer<byte[], byte[]> fresh = producers.get();
    try {
      fresh.initTransactions();
    } catch (KafkaException e) {
      fresh.close(Duration.ZERO);
      throw new SchemaStoreException("Could not become the writer of topic '" + topic + "': " + e.getMessage(), e);
    }
    producer = fresh;
    return true;
  }

  /**
   * Writes the records in one transaction.
   *
   * @return the offset just after the last record written
   * @throws Fenced when another registry became the writer meanwhile
   * @throws Unsettled when the broker answered the commit with an unexpected error
   * @throws SchemaStoreException when Kafka failed otherwise
   */
  long write(List<StoreRecordCodec.Encoded> records) throws Fenced, Unsettled, InterruptedException {
    try {
      producer.beginTransaction();
      List<Future<RecordMetadata>> sent = new ArrayList<>();
      for (StoreRecordCodec.Encoded record : records) {
        sent.add(producer.send(new ProducerRecord<>(topic, 0, record.key(), record.value())));
      }
      producer.commitTransaction();
      return sent.get(sent.size() - 1).get(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).offset() + 1;
    } catch (ProducerFencedException | InvalidProducerEpochException | InvalidPidMappingException
        | InvalidTxnStateException e) {
      // Kafka 4.4's coordinator may answer a producer another registry just fenced with
      // InvalidTxnStateException rather than a fencing error: its transaction did not commit
      // either. Deciding the update again on the latest contents is safe whatever happened.
      drop();
      throw new Fenced(e);
    } catch (KafkaException | ExecutionException | TimeoutException e) {
      drop(); // the transaction's fate is unknown; a new producer settles it when it starts
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      if (cause instanceof UnknownServerException || cause.getClass() == KafkaException.class) {
        throw new Unsettled(cause);
      }
      throw new SchemaStoreException("Could not write to topic '" + topic + "': " + cause, cause);
    }
  }

  /** Forgets the producer (after a fence or a failure); the next write starts a new one. */
  void drop() {
    if (producer != null) {
      producer.close(Duration.ZERO);
      producer = null;
    }
  }

  @Override
  public void close() {
    if (producer != null) {
      producer.close(Duration.ofSeconds(5));
      producer = null;
    }
  }
}

package io.painguard.registry;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the schemas topic from its start for as long as the store is open and applies every
 * committed record to the {@link RegistryState}, in log order: the view is the only thing that
 * changes it, for this registry's writes as for any other registry's on the same topic, so every
 * registry builds the same contents from the same log. {@link #awaitApplied} lets a writer wait
 * until its own record is in the view (write, then read back).
 */
final class StoreFollower implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StoreFollower.class);
  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration PAUSE_AFTER_FAILURE = Duration.ofSeconds(1);

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final TopicPartition partition;
  private final RegistryState state;
  private final Thread thread;
  private final Object progress = new Object();
  /** The next offset to apply: every record before it is in the view. */
  private long applied;
  private long records;
  private volatile boolean closed;
  private volatile String failure;

  /** @param consumerProps a read_committed consumer without a group (see KafkaSchemaStore) */
  StoreFollower(Map<String, Object> consumerProps, String topic, RegistryState state) {
    this.consumer = new KafkaConsumer<>(consumerProps);
    this.partition = new TopicPartition(topic, 0);
    this.state = state;
    consumer.assign(List.of(partition));
    consumer.seekToBeginning(List.of(partition));
    this.thread = new Thread(this::run, "schema-store-follower-" + topic);
    thread.setDaemon(true);
    thread.start();
  }

  /** Records applied so far. */
  long records() {
    synchronized (progress) {
      return records;
    }
  }

  /**
   * Waits until every record before {@code offset} is in the view.
   *
   * @return false when that did not happen within the timeout (or the follower is closed)
   */
  boolean awaitApplied(long offset, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (progress) {
      while (applied < offset && !closed) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        progress.wait(Math.max(1, left / 1_000_000));
      }
      return applied >= offset;
    }
  }

  /** The last failure to read the topic, for error messages; null while all is well. */
  String failure() {
    return failure;
  }

  private void run() {
    while (!closed) {
      try {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
          apply(record);
        }
        long position = consumer.position(partition);
        synchronized (progress) {
          applied = Math.max(applied, position);
          progress.notifyAll();
        }
        failure = null;
      } catch (WakeupException e) {
        // close() wants us gone; the loop condition says so.
      } catch (KafkaException e) {
        failure = e.getMessage();
        LOG.warn("Could not read the schemas topic {}; retrying: {}", partition.topic(), e.getMessage());
        sleep(PAUSE_AFTER_FAILURE);
      }
    }
    consumer.close(Duration.ofSeconds(5));
  }

  private void apply(ConsumerRecord<byte[], byte[]> record) {
    synchronized (progress) {
      records++;
    }
    if (record.key() == null) {
      return;
    }
    try {
      // The record's timestamp is when the change was written: Confluent's "ts" of a version.
      long writtenAt = record.timestamp() >= 0 ? record.timestamp() : System.currentTimeMillis();
      StoreRecordCodec.decode(record.key(), record.value())
          .ifPresent(change -> state.apply(change, writtenAt));
    } catch (IOException | RuntimeException e) {
      LOG.warn("Skipping unreadable record at offset {} of the schemas topic: {}",
          record.offset(), e.getMessage());
    }
  }

  private void sleep(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closed = true;
    }
  }

  @Override
  public void close() {
    closed = true;
    consumer.wakeup();
    synchronized (progress) {
      progress.notifyAll();
    }
    try {
      thread.join(Duration.ofSeconds(10).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package io.painguard.bench.latency;

import io.painguard.events.ExertionAlert;
import io.painguard.serde.AvroSerdeConfig;
import io.painguard.serde.SpecificAvroDeserializer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the alert topic with read_committed from its current end, as a coach's dashboard would,
 * and notes when each probe athlete's first alert became readable. The moment is taken when
 * {@code poll} hands the record over, before decoding, so decoding is not part of the latency.
 */
final class AlertReader implements AutoCloseable {

  private final KafkaConsumer<String, byte[]> consumer;
  private final SpecificAvroDeserializer<ExertionAlert> alerts = new SpecificAvroDeserializer<>(ExertionAlert.class);
  private final Map<String, Probe> probes;
  private final String topic;
  private final Thread thread;
  private final LongAdder otherAlerts = new LongAdder();
  private final LongAdder probeAlerts = new LongAdder();
  private volatile boolean running = true;
  private volatile RuntimeException failure;

  /**
   * Positions at the end of the topic right away (so nothing written later is missed) and starts
   * reading in a thread of its own.
   *
   * @param probes the probes being sent, by athlete id (filled concurrently by the sender)
   */
  AlertReader(Map<String, Object> clientProperties, String registryUrl, String topic, Map<String, Probe> probes) {
    this.topic = topic;
    this.probes = probes;
    Map<String, Object> config = new HashMap<>(clientProperties);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    this.consumer = new KafkaConsumer<>(config);
    alerts.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl), false);
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
            .map(p -> new TopicPartition(topic, p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position); // resolve the end now, not at the first poll
    this.thread = new Thread(this::readLoop, "bench-alert-reader");
    thread.setDaemon(true);
    thread.start();
  }

  private void readLoop() {
    try {
      while (running) {
        ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(100));
        long readable = System.nanoTime();
        for (ConsumerRecord<String, byte[]> r : records) {
          Probe probe = probes.get(r.key());
          if (probe == null) {
            otherAlerts.increment();
            continue;
          }
          probeAlerts.increment();
          if (!probe.alerted()) {
            ExertionAlert alert = alerts.deserialize(topic, r.value());
            probe.alertEventTime = alert.getEventTime().toEpochMilli();
            probe.alertNanos = readable;
          }
        }
      }
    } catch (RuntimeException e) {
      failure = e;
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  /** Alerts read for athletes that are not probes (the load's own athletes). */
  long otherAlerts() {
    return otherAlerts.sum();
  }

  /** Alerts read for probes, repeats and resolutions included. */
  long probeAlerts() {
    return probeAlerts.sum();
  }

  void checkHealthy() {
    if (failure != null) {
      throw new IllegalStateException("Reading the alerts failed: " + failure.getMessage(), failure);
    }
  }

  @Override
  public void close() {
    running = false;
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    alerts.close();
  }
}

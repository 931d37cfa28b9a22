package io.painguard.runtime;

import io.painguard.events.ExertionAlert;
import io.painguard.topology.RegistryFailures;
import io.painguard.topology.SerdeChoice;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the alert topic from its end for live dashboards: a {@code read_committed} consumer
 * assigned to every partition, without a consumer group (each instance sees every new alert, and
 * nothing is committed), handing each alert to a sink on its own thread.
 */
final class AlertFeed implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AlertFeed.class);
  private static final Set<String> OURS =
      Set.of(
          ConsumerConfig.GROUP_ID_CONFIG,
          ConsumerConfig.GROUP_INSTANCE_ID_CONFIG,
          ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
          ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
          ConsumerConfig.ISOLATION_LEVEL_CONFIG,
          ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
          ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
          ConsumerConfig.CLIENT_ID_CONFIG,
          ConsumerConfig.GROUP_PROTOCOL_CONFIG);

  private final KafkaConsumer<String, ExertionAlert> consumer;
  private final Consumer<ExertionAlert> sink;
  private final Thread thread;
  private volatile boolean running = true;

  /**
   * Assigns the partitions and fixes the start at their current end, before returning, so nothing
   * produced afterwards is missed.
   */
  AlertFeed(
      Map<String, Object> kafka,
      Map<String, ?> serdeConfig,
      String topic,
      Duration timeout,
      Consumer<ExertionAlert> sink) {
    this.sink = sink;
    // The same serde class as the topology's, so the feed reads what the topology writes.
    Deserializer<ExertionAlert> values =
        SerdeChoice.from(serdeConfig).serdeFor(ExertionAlert.class, serdeConfig).deserializer();
    try {
      this.consumer = new KafkaConsumer<>(consumerConfig(kafka), new StringDeserializer(), values);
    } catch (RuntimeException e) {
      throw new StartupException(
          "Cannot follow the alert topic '" + topic + "': " + StartupChecks.rootMessage(e) + ".", e);
    }
    try {
      List<TopicPartition> partitions = new ArrayList<>();
      for (PartitionInfo p : consumer.partitionsFor(topic, timeout)) {
        partitions.add(new TopicPartition(topic, p.partition()));
      }
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      for (TopicPartition tp : partitions) {
        consumer.position(tp, timeout);
      }
    } catch (RuntimeException e) {
      consumer.close(CloseOptions.timeout(Duration.ZERO));
      throw new StartupException(
          "Cannot follow the alert topic '" + topic + "': " + StartupChecks.rootMessage(e) + ".", e);
    }
    this.thread = new Thread(this::run, "painguard-alert-feed");
    thread.setDaemon(true);
    thread.start();
  }

  static Map<String, Object> consumerConfig(Map<String, Object> kafka) {
    Map<String, Object> config = new HashMap<>();
    kafka.forEach(
        (key, value) -> {
          if (ConsumerConfig.configNames().contains(key) && !OURS.contains(key)) {
            config.put(key, value);
          }
        });
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, kafka.getOrDefault("application.id", "painguard") + "-alert-feed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    return config;
  }

  private void run() {
    while (running) {
      try {
        for (ConsumerRecord<String, ExertionAlert> record : consumer.poll(Duration.ofMillis(500))) {
          if (record.value() != null) {
            deliver(record.value());
          }
        }
      } catch (WakeupException e) {
        // close() asked us to stop
      } catch (RecordDeserializationException e) {
        if (isTransient(e)) {
          LOG.warn("Alert feed paused: the schema registry does not answer; retrying in 1 s");
          pause();
        } else {
          LOG.warn(
              "Alert feed skips an undecodable record at {}@{} ({})",
              e.topicPartition(),
              e.offset(),
              e.getCause() == null ? e.getClass().getSimpleName() : e.getCause().getClass().getSimpleName());
          consumer.seek(e.topicPartition(), e.offset() + 1);
        }
      } catch (RuntimeException e) {
        if (running) {
          LOG.warn("Alert feed error, retrying in 1 s: {}", e.getClass().getName());
          pause();
        }
      }
    }
  }

  private void deliver(ExertionAlert alert) {
    try {
      sink.accept(alert);
    } catch (RuntimeException e) {
      LOG.warn("Relaying alert for athlete {} failed: {}", alert.getAthleteId(), e.getClass().getName());
    }
  }

  private static boolean isTransient(RecordDeserializationException e) {
    // Whichever serde threw it (see SerdeChoice): PainGuard's, or Confluent's.
    return RegistryFailures.find(e.getCause()).filter(f -> !f.isNotFound() && f.httpStatus() != 400).isPresent();
  }

  private void pause() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      thread.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    consumer.close(CloseOptions.timeout(Duration.ofSeconds(2)));
  }
}

package io.painguard.launcher;

import io.painguard.events.ExertionAlert;
import io.painguard.serde.SpecificAvroDeserializer;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Prints every committed alert written from now on, one line each. No consumer group: the demo
 * wants to watch, not to take part in anyone's offsets.
 */
final class AlertPrinter implements AutoCloseable {

  private final KafkaConsumer<String, ExertionAlert> consumer;
  private final PrintStream out;
  private final Thread thread;
  private final AtomicBoolean running = new AtomicBoolean(true);

  AlertPrinter(Map<String, Object> clientProperties, String registryUrl, String topic, PrintStream out) {
    Map<String, Object> props = new HashMap<>(clientProperties);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    SpecificAvroDeserializer<ExertionAlert> values = new SpecificAvroDeserializer<>(ExertionAlert.class);
    values.configure(Map.of("schema.registry.url", registryUrl), false);
    this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), values);
    this.out = out;
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position); // Pin "now" before anything is produced.
    this.thread = new Thread(this::run, "demo-alert-printer");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    try {
      while (running.get()) {
        try {
          consumer.poll(Duration.ofMillis(500)).forEach(r -> out.println(AlertLine.format(r.value())));
        } catch (RecordDeserializationException e) {
          out.println("(skipping an alert that does not decode: " + e.getMessage() + ")");
          consumer.seek(e.topicPartition(), e.offset() + 1);
        }
      }
    } catch (WakeupException closing) {
      // close() asked us to stop.
    } finally {
      consumer.close(Duration.ofSeconds(2));
    }
  }

  @Override
  public void close() throws InterruptedException {
    running.set(false);
    consumer.wakeup();
    thread.join(5_000);
  }
}

package io.painguard.systemtest.support;

import io.painguard.events.ExertionAlert;
import io.painguard.serde.SpecificAvroDeserializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Follows an alerts topic from its beginning with read_committed, as a coach's consumer would, and
 * keeps every alert it has seen. Unlike {@link Topics#alerts}, it never waits for open transactions
 * to close, so it can be polled while the app is failing (a transaction left open by a dying stream
 * thread must not fail the wait; it just hides what follows it until it is resolved).
 */
public final class AlertWatch implements AutoCloseable {

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final SpecificAvroDeserializer<ExertionAlert> deserializer =
      new SpecificAvroDeserializer<>(ExertionAlert.class);
  private final List<ExertionAlert> seen = new ArrayList<>();
  private final String topic;

  public AlertWatch(Map<String, Object> clientProperties, String registryUrl, String topic) {
    this.topic = topic;
    Map<String, Object> props = new HashMap<>(clientProperties);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
            .map(p -> new TopicPartition(topic, p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    deserializer.configure(Map.of("schema.registry.url", registryUrl), false);
  }

  /** Polls once (up to 200 ms) and returns every alert seen so far. */
  public List<ExertionAlert> poll() {
    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
      seen.add(deserializer.deserialize(topic, r.headers(), r.value()));
    }
    return List.copyOf(seen);
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(5));
    deserializer.close();
  }
}

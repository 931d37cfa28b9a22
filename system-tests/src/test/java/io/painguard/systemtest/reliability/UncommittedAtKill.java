package io.painguard.systemtest.reliability;

import io.painguard.events.ActivityEvent;
import io.painguard.events.ExertionAlert;
import io.painguard.serde.SpecificAvroDeserializer;
import io.painguard.systemtest.support.SystemStack;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.utils.Utils;

/**
 * Where a killed instance stopped: for each activity partition it owned, the event time of the
 * first sample after its last commit. The reference alerts of that partition's athletes from
 * then on are the ones the survivor must produce from the victim's uncommitted work -- a failover
 * test means something only when there are enough of them.
 */
record UncommittedAtKill(Map<Integer, Instant> firstUncommittedSample) {

  /** Reads, for each victim partition, the sample at its committed offset (if it has one yet). */
  static UncommittedAtKill read(SystemStack stack, Set<TopicPartition> victim, Map<TopicPartition, Long> committed) {
    Map<String, Object> props = new HashMap<>(stack.clientProperties());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    Map<Integer, Instant> first = new HashMap<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        SpecificAvroDeserializer<ActivityEvent> decoder = new SpecificAvroDeserializer<>(ActivityEvent.class)) {
      decoder.configure(Map.of("schema.registry.url", stack.registryUrl()), false);
      for (TopicPartition tp : victim) {
        long offset = committed.getOrDefault(tp, 0L);
        consumer.assign(List.of(tp));
        consumer.seek(tp, offset);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline && !first.containsKey(tp.partition())) {
          for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
            if (r.offset() >= offset && r.value() != null) {
              first.putIfAbsent(tp.partition(), decoder.deserialize(tp.topic(), r.headers(), r.value()).getTimestamp());
            }
          }
        }
      }
    }
    return new UncommittedAtKill(Map.copyOf(first));
  }

  /** The reference alerts the victim had not yet produced when it died. */
  long referenceAlertsAfter(List<ExertionAlert> reference) {
    return reference.stream().filter(a -> {
      Instant from = firstUncommittedSample.get(partitionOf(a.getAthleteId()));
      return from != null && !a.getEventTime().isBefore(from);
    }).count();
  }

  private static int partitionOf(String athleteId) {
    return Utils.toPositive(Utils.murmur2(athleteId.getBytes(StandardCharsets.UTF_8))) % SystemStack.PARTITIONS;
  }
}

package io.painguard.systemtest.support;

import io.painguard.events.ExertionAlert;
import io.painguard.serde.SpecificAvroDeserializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reading topics to their end (read_committed), and the progress of a consumer group. */
public final class Topics {

  private Topics() {}

  /**
   * Every committed record of {@code topic}, from the beginning to the current end (the last
   * stable offset: open transactions are waited out up to {@code timeout}).
   */
  public static List<ConsumerRecord<byte[], byte[]>> readAll(
      Map<String, Object> clientProperties, String topic, Duration timeout) {
    Map<String, Object> props = new HashMap<>(clientProperties);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString().toLowerCase());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, timeout).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      // With read_committed, endOffsets is the last stable offset.
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (partitions.stream().anyMatch(tp -> consumer.position(tp, timeout) < end.get(tp))) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("Could not read " + topic + " to its end within " + timeout.toSeconds() + " s");
        }
        consumer.poll(Duration.ofMillis(200)).forEach(out::add);
      }
    }
    return out;
  }

  /** The alerts on {@code topic}, decoded. */
  public static List<ExertionAlert> alerts(
      Map<String, Object> clientProperties, String registryUrl, String topic, Duration timeout) {
    try (SpecificAvroDeserializer<ExertionAlert> deserializer = new SpecificAvroDeserializer<>(ExertionAlert.class)) {
      deserializer.configure(Map.of("schema.registry.url", registryUrl), false);
      return readAll(clientProperties, topic, timeout).stream()
          .map(r -> deserializer.deserialize(topic, r.headers(), r.value()))
          .toList();
    }
  }

  /** End offsets of every partition of the topics. */
  public static Map<TopicPartition, Long> endOffsets(Admin admin, Set<String> topics) {
    try {
      Map<TopicPartition, OffsetSpec> request = new HashMap<>();
      admin.describeTopics(topics).allTopicNames().get().forEach(
          (name, description) ->
              description.partitions().forEach(p -> request.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
      ListOffsetsResult result = admin.listOffsets(request);
      return result.all().get().entrySet().stream()
          .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    } catch (ExecutionException e) {
      throw new AssertionError("Could not list offsets of " + topics + ": " + e.getCause(), e);
    }
  }

  /** Committed offsets of a consumer group (an app's application.id). */
  public static Map<TopicPartition, Long> committed(Admin admin, String group) {
    try {
      Map<TopicPartition, OffsetAndMetadata> offsets =
          admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
      Map<TopicPartition, Long> out = new HashMap<>();
      offsets.forEach((tp, om) -> {
        if (om != null) {
          out.put(tp, om.offset());
        }
      });
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    } catch (ExecutionException e) {
      throw new AssertionError("Could not read the offsets of group " + group + ": " + e.getCause(), e);
    }
  }

  /** True when the group has committed every partition of the topics up to its end. */
  public static boolean caughtUp(Admin admin, String group, Set<String> topics) {
    Map<TopicPartition, Long> end = endOffsets(admin, topics);
    Map<TopicPartition, Long> committed = committed(admin, group);
    return end.entrySet().stream()
        .allMatch(e -> e.getValue() == 0 || committed.getOrDefault(e.getKey(), -1L) >= e.getValue());
  }

  /** Records the group still has to process on the topics. */
  public static long lag(Admin admin, String group, Set<String> topics) {
    Map<TopicPartition, Long> end = endOffsets(admin, topics);
    Map<TopicPartition, Long> committed = committed(admin, group);
    long lag = 0;
    for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
      lag += Math.max(0, e.getValue() - committed.getOrDefault(e.getKey(), 0L));
    }
    return lag;
  }

  /** Input partitions assigned to each member of the group, by client id prefix (the instance name). */
  public static Map<String, Set<TopicPartition>> assignments(Admin admin, String group) {
    try {
      var description = admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get();
      Map<String, Set<TopicPartition>> out = new HashMap<>();
      description.members().forEach(m -> {
        String instance = m.clientId().replaceFirst("-StreamThread-.*$", "").replaceFirst("-[0-9a-f]{8}-[0-9a-f]{4}-.*$", "");
        out.computeIfAbsent(instance, k -> new java.util.HashSet<>()).addAll(m.assignment().topicPartitions());
      });
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    } catch (ExecutionException e) {
      throw new AssertionError("Could not describe group " + group + ": " + e.getCause(), e);
    }
  }
}

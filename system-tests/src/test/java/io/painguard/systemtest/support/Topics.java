package io.painguard.systemtest.support;

import io.painguard.events.ExertionAlert;
import io.painguard.serde.SpecificAvroDeserializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
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
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reading topics to their end (read_committed), and the progress of a consumer group. */
public final class Topics {

  private static final Logger LOG = LoggerFactory.getLogger(Topics.class);

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
      long deadline = System.nanoTime() + timeout.toNanos();
      Map<TopicPartition, Long> end = stableEnd(clientProperties, consumer, partitions, timeout, deadline);
      while (partitions.stream().anyMatch(tp -> consumer.position(tp, timeout) < end.get(tp))) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("Could not read " + topic + " to its end within " + timeout.toSeconds() + " s");
        }
        consumer.poll(Duration.ofMillis(200)).forEach(out::add);
      }
    }
    return out;
  }

  /**
   * The end to read to: the last stable offset once it has reached the log end. With
   * read_committed, endOffsets stops at the first transaction still open, and a transaction left
   * open across a broker restart -- its markers not yet written, or its producer gone until the
   * transaction times out -- hides every committed record after it. "The app has caught up" says
   * nothing about that older transaction, so wait for it to be resolved, one way or the other.
   */
  private static Map<TopicPartition, Long> stableEnd(
      Map<String, Object> clientProperties, KafkaConsumer<byte[], byte[]> committedReader,
      List<TopicPartition> partitions, Duration timeout, long deadline) {
    Map<String, Object> props = new HashMap<>(clientProperties);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_UNCOMMITTED.toString().toLowerCase());
    try (KafkaConsumer<byte[], byte[]> uncommittedReader =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      long started = System.nanoTime();
      AtomicReference<String> lastSeen = new AtomicReference<>("");
      // What is left of the caller's deadline (set just before, so nearly all of it); never zero.
      Duration left = Duration.ofNanos(Math.max(deadline - started, Duration.ofMillis(1).toNanos()));
      Map<TopicPartition, Long> stable;
      try {
        stable = Awaitility.await("open transactions on " + partitions.get(0).topic() + " to be resolved")
            .pollInSameThread() // KafkaConsumer refuses use from a second thread
            .pollDelay(Duration.ZERO)
            .pollInterval(Duration.ofMillis(100))
            .atMost(left)
            .until(() -> stableIfResolved(uncommittedReader, committedReader, partitions, timeout, lastSeen),
                Objects::nonNull);
      } catch (ConditionTimeoutException e) {
        // A hanging transaction (the coordinator no longer tracks it): end it as an operator would,
        // say so loudly, and read on -- an abort that loses an alert still fails the comparison.
        String open = lastSeen.get() + "; " + OpenTransactions.describe(clientProperties, partitions);
        String aborted = OpenTransactions.abortHanging(clientProperties, partitions);
        LOG.warn("A transaction stayed open on {} for {} s ({}); aborted as hanging: {}",
            partitions.get(0).topic(), timeout.toSeconds(), open, aborted);
        Figures.record(partitions.get(0).topic() + ".hanging-transaction-aborted", aborted);
        try {
          stable = Awaitility.await("the aborted transactions on " + partitions.get(0).topic() + " to be resolved")
              .pollInSameThread()
              .pollInterval(Duration.ofMillis(100))
              .atMost(Duration.ofSeconds(30))
              .until(() -> stableIfResolved(uncommittedReader, committedReader, partitions, timeout, lastSeen),
                  Objects::nonNull);
        } catch (ConditionTimeoutException again) {
          throw new AssertionError("A transaction stayed open on " + partitions.get(0).topic() + " for "
              + timeout.toSeconds() + " s and its abort did not end it: " + open + "; aborted: " + aborted);
        }
      }
      if (!lastSeen.get().isEmpty()) {
        LOG.info("Waited {} ms for open transactions on {} to be resolved before reading it",
            (System.nanoTime() - started) / 1_000_000, partitions.get(0).topic());
      }
      return stable;
    }
  }

  /** The last stable offsets if they have reached the log ends, else null (and what was seen). */
  private static Map<TopicPartition, Long> stableIfResolved(
      KafkaConsumer<byte[], byte[]> uncommittedReader, KafkaConsumer<byte[], byte[]> committedReader,
      List<TopicPartition> partitions, Duration timeout, AtomicReference<String> lastSeen) {
    Map<TopicPartition, Long> logEnd = uncommittedReader.endOffsets(partitions, timeout);
    Map<TopicPartition, Long> stable = committedReader.endOffsets(partitions, timeout);
    if (stable.equals(logEnd)) {
      return stable;
    }
    lastSeen.set("last stable offsets " + stable + ", log ends " + logEnd);
    return null;
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

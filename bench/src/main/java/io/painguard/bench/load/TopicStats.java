package io.painguard.bench.load;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Offsets, sizes and committed positions of topics and groups, through one admin client. */
public final class TopicStats implements AutoCloseable {

  private static final long TIMEOUT_SECONDS = 30;
  private static final long READ_TIMEOUT_SECONDS = 300;

  private final Admin admin;
  private final Map<String, Object> clientProperties;

  public TopicStats(Map<String, Object> clientProperties) {
    this.clientProperties = clientProperties;
    this.admin = Admin.create(clientProperties);
  }

  /** Log-end offset of every partition of the topics. */
  public Map<TopicPartition, Long> endOffsets(Collection<String> topics) {
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    for (String topic : topics) {
      int partitions = get(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic).partitions().size();
      for (int p = 0; p < partitions; p++) {
        request.put(new TopicPartition(topic, p), OffsetSpec.latest());
      }
    }
    Map<TopicPartition, Long> out = new HashMap<>();
    get(admin.listOffsets(request).all()).forEach((tp, info) -> out.put(tp, info.offset()));
    return out;
  }

  /** Committed offsets of a group on the given partitions (missing = nothing committed yet). */
  public Map<TopicPartition, Long> committed(String group) {
    Map<TopicPartition, Long> out = new HashMap<>();
    Map<TopicPartition, OffsetAndMetadata> offsets =
        get(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
    offsets.forEach((tp, om) -> {
      if (om != null) {
        out.put(tp, om.offset());
      }
    });
    return out;
  }

  /** The group's lag now: records in the topics' partitions past its committed offsets. */
  public long lag(String group, Collection<String> topics) {
    Map<TopicPartition, Long> committed = committed(group);
    long lag = 0;
    for (Map.Entry<TopicPartition, Long> end : endOffsets(topics).entrySet()) {
      lag += Math.max(0, end.getValue() - committed.getOrDefault(end.getKey(), 0L));
    }
    return lag;
  }

  /** Bytes the topics take on the brokers' disks (leader and replicas alike), 0 if not reported. */
  public long bytesOnDisk(Collection<String> topics) {
    try {
      List<Integer> brokers = get(admin.describeCluster().nodes()).stream().map(Node::id).toList();
      long bytes = 0;
      for (Map<String, LogDirDescription> dirs : get(admin.describeLogDirs(brokers).allDescriptions()).values()) {
        for (LogDirDescription dir : dirs.values()) {
          for (Map.Entry<TopicPartition, ReplicaInfo> replica : dir.replicaInfos().entrySet()) {
            if (topics.contains(replica.getKey().topic())) {
              bytes += replica.getValue().size();
            }
          }
        }
      }
      return bytes;
    } catch (RuntimeException e) {
      return 0; // Not allowed on some managed clusters: a figure we can do without.
    }
  }

  /** Records of a topic readable with read_committed now (transaction markers not counted). */
  public long countCommitted(String topic) {
    return readToEnd(endOffsets(List.of(topic)), "read_committed");
  }

  /**
   * Reads the partitions from their start to the given offsets and returns how many records that
   * was: warms the broker's fetch path and the page cache before anything is measured.
   */
  public long readAll(Map<TopicPartition, Long> ends) {
    return readToEnd(ends, "read_uncommitted");
  }

  private long readToEnd(Map<TopicPartition, Long> ends, String isolation) {
    String topic = ends.keySet().stream().map(TopicPartition::topic).distinct().sorted()
        .reduce((a, b) -> a + ", " + b).orElse("");
    Map<String, Object> config = new HashMap<>(clientProperties);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    long count = 0;
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
      consumer.assign(ends.keySet());
      consumer.seekToBeginning(ends.keySet());
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(READ_TIMEOUT_SECONDS);
      while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("Could not read " + topic + " to the end within " + READ_TIMEOUT_SECONDS + " s.");
        }
        count += consumer.poll(Duration.ofMillis(200)).count();
      }
    }
    return count;
  }

  private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) {
    try {
      return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while asking the cluster.", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("The cluster refused a request: " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("The cluster did not answer within " + TIMEOUT_SECONDS + " s.", e);
    }
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(5));
  }
}

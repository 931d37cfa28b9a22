package io.painguard.stack;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** Creating topics idempotently and waiting until producers can use them. */
public final class Topics {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private Topics() {}

  /**
   * Creates {@code name} unless it exists (then leaves it as it is), with the broker's default
   * replication factor, and returns once every partition has a leader.
   */
  public static void createIfAbsent(Admin admin, String name, int partitions, boolean compacted) {
    createIfAbsent(
        admin,
        name,
        partitions,
        compacted ? Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT) : Map.of());
  }

  /** As {@link #createIfAbsent(Admin, String, int, boolean)}, with the given topic configs. */
  public static void createIfAbsent(Admin admin, String name, int partitions, Map<String, String> configs) {
    if (partitions < 1) {
      throw new IllegalArgumentException("A topic needs at least one partition, not " + partitions + ".");
    }
    NewTopic topic = new NewTopic(name, Optional.of(partitions), Optional.empty()).configs(configs);
    try {
      admin.createTopics(List.of(topic)).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("Could not create topic " + name + ": " + e.getCause().getMessage(), e);
      }
    } catch (TimeoutException e) {
      throw new IllegalStateException("Creating topic " + name + " took longer than " + TIMEOUT.toSeconds() + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while creating topic " + name, e);
    }
    awaitLeaders(admin, name);
  }

  private static void awaitLeaders(Admin admin, String name) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (true) {
      try {
        TopicDescription description =
            admin.describeTopics(List.of(name)).topicNameValues().get(name).get(5, TimeUnit.SECONDS);
        if (description.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty())) {
          return;
        }
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
          throw new IllegalStateException("Could not describe topic " + name + ": " + e.getCause().getMessage(), e);
        }
      } catch (TimeoutException e) {
        // Ask again until the deadline.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for topic " + name, e);
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Topic " + name + " has partitions without a leader after " + TIMEOUT.toSeconds() + " s");
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for topic " + name, e);
      }
    }
  }
}

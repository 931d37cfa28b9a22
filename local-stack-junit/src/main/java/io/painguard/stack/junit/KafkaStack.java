package io.painguard.stack.junit;

import java.util.Map;
import java.util.UUID;

/**
 * A running Kafka broker and Confluent-compatible schema registry, as {@link KafkaStackTest}
 * injects it. Shared by every test class of the JVM: create your own topics with unique names.
 */
public interface KafkaStack {

  /** {@code host:port} list for {@code bootstrap.servers}. */
  String bootstrapServers();

  /** Base URL of the schema registry, e.g. {@code http://127.0.0.1:41234}. */
  String schemaRegistryUrl();

  /**
   * What every client needs to reach the broker ({@code bootstrap.servers}, plus security
   * settings if the backend has any); a fresh map each call, free to add to.
   */
  Map<String, Object> clientProperties();

  /** Creates a topic unless it exists, and waits until every partition has a leader. */
  void createTopic(String name, int partitions);

  /** Like {@link #createTopic} with {@code cleanup.policy=compact}. */
  void createCompactedTopic(String name, int partitions);

  /** {@code embedded} or {@code testcontainers}. */
  String backendName();

  /** A topic name no other test of this JVM uses: {@code prefix-<random>}. */
  default String uniqueTopic(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}

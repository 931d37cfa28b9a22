package io.painguard.stack.junit;

import io.painguard.stack.Topics;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;

/**
 * What both backends share: topic creation through one admin client, and closing. A subclass
 * says where the broker and registry are and how to stop them.
 */
abstract class RunningStack implements KafkaStack, AutoCloseable {

  private Admin admin;

  @Override
  public final void createTopic(String name, int partitions) {
    Topics.createIfAbsent(admin(), name, partitions, false);
  }

  @Override
  public final void createCompactedTopic(String name, int partitions) {
    Topics.createIfAbsent(admin(), name, partitions, true);
  }

  @Override
  public final synchronized void close() {
    try {
      if (admin != null) {
        admin.close();
        admin = null;
      }
    } finally {
      stopBackend();
    }
  }

  /** Stops the broker and registry; called once, when the test run ends. */
  protected abstract void stopBackend();

  private synchronized Admin admin() {
    if (admin == null) {
      admin = Admin.create(clientProperties());
    }
    return admin;
  }

  @Override
  public String toString() {
    return backendName() + " Kafka stack";
  }

  /** The properties a subclass returns from {@link #clientProperties()}, for brevity. */
  protected static Map<String, Object> bootstrapOnly(String bootstrapServers) {
    return new LinkedHashMap<>(Map.of("bootstrap.servers", bootstrapServers));
  }
}

package io.painguard.bench.cluster;

import io.painguard.bench.result.ResourceUsage;
import java.util.Map;

/** The Kafka broker and schema registry a bench runs against. */
public interface Cluster extends AutoCloseable {

  String bootstrapServers();

  String schemaRegistryUrl();

  /** What every client needs to reach the broker: a fresh, modifiable map. */
  Map<String, Object> clientProperties();

  /** One phrase saying where the broker runs, for the result. */
  String description();

  /** The broker JVM's usage so far, when the bench started it in a JVM of its own; else NONE. */
  default ResourceUsage brokerUsage() {
    return ResourceUsage.NONE;
  }

  @Override
  void close();
}

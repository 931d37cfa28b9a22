package io.painguard.bench.cluster;

import io.painguard.stack.LocalStack;
import java.util.Map;

/** The embedded broker and registry inside the bench's own JVM. */
public final class InProcessCluster implements Cluster {

  private final LocalStack stack;

  private InProcessCluster(LocalStack stack) {
    this.stack = stack;
  }

  public static InProcessCluster start() {
    return new InProcessCluster(EmbeddedBroker.start());
  }

  @Override
  public String bootstrapServers() {
    return stack.bootstrapServers();
  }

  @Override
  public String schemaRegistryUrl() {
    return stack.schemaRegistryUrl();
  }

  @Override
  public Map<String, Object> clientProperties() {
    return stack.clientProperties();
  }

  @Override
  public String description() {
    return "embedded broker and registry in the bench JVM";
  }

  @Override
  public void close() {
    stack.close();
  }
}

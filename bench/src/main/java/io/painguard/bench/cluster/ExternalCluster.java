package io.painguard.bench.cluster;

import java.util.LinkedHashMap;
import java.util.Map;

/** A broker and registry the bench did not start ({@code --bootstrap}, {@code --registry}). */
public final class ExternalCluster implements Cluster {

  private final String bootstrap;
  private final String registry;
  private final Map<String, String> clientOverrides;

  /**
   * @param clientOverrides client properties every client gets (security settings and the like)
   */
  public ExternalCluster(String bootstrap, String registry, Map<String, String> clientOverrides) {
    this.bootstrap = bootstrap;
    this.registry = registry;
    this.clientOverrides = Map.copyOf(clientOverrides);
  }

  @Override
  public String bootstrapServers() {
    return bootstrap;
  }

  @Override
  public String schemaRegistryUrl() {
    return registry;
  }

  @Override
  public Map<String, Object> clientProperties() {
    Map<String, Object> props = new LinkedHashMap<>(clientOverrides);
    props.put("bootstrap.servers", bootstrap);
    return props;
  }

  @Override
  public String description() {
    return "external cluster " + bootstrap;
  }

  @Override
  public void close() {
    // Not ours to stop.
  }
}

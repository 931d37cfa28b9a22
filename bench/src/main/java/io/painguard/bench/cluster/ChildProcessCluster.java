package io.painguard.bench.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.painguard.bench.process.ChildJvm;
import io.painguard.bench.process.ParentLink;
import io.painguard.bench.result.ResourceUsage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The embedded broker and registry in a JVM of their own, so that the broker's heap, GC and
 * threads are not mixed with the bench driver's.
 */
public final class ChildProcessCluster implements Cluster {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ChildJvm jvm;
  private final String bootstrap;
  private final String registry;

  private ChildProcessCluster(ChildJvm jvm, String bootstrap, String registry) {
    this.jvm = jvm;
    this.bootstrap = bootstrap;
    this.registry = registry;
  }

  public static ChildProcessCluster start(List<String> jvmOptions, Path logFile) {
    ChildJvm jvm = ChildJvm.start("broker", jvmOptions, BrokerMain.class, List.of(), logFile);
    try {
      JsonNode ready = JSON.readTree(jvm.await(ParentLink.READY, Duration.ofSeconds(90)));
      return new ChildProcessCluster(jvm, ready.get("bootstrap").asText(), ready.get("registry").asText());
    } catch (IOException e) {
      jvm.close();
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      jvm.close();
      throw e;
    }
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
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("bootstrap.servers", bootstrap);
    return props;
  }

  @Override
  public String description() {
    return "embedded broker and registry in their own JVM (pid " + jvm.pid() + ")";
  }

  @Override
  public ResourceUsage brokerUsage() {
    jvm.send(ParentLink.SNAPSHOT);
    try {
      return JSON.readValue(jvm.await(ParentLink.STATS, Duration.ofSeconds(10)), ResourceUsage.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    jvm.close();
  }
}

package io.painguard.registry;

import static io.painguard.registry.HttpExchange.respond;
import static io.painguard.registry.HttpExchange.respondRaw;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/** The endpoints about the registry itself: root, contexts and Confluent's server metadata. */
final class ServerRoutes {

  /** The default context, the only one this registry has; Confluent lists it as ".". */
  static final String DEFAULT_CONTEXT_NAME = ".";
  /** Confluent's default {@code schema.registry.group.id}: what its cluster id names. */
  static final String GROUP_ID = "schema-registry";

  private final SchemaStore store;
  private final String version = ownVersion();

  ServerRoutes(SchemaStore store) {
    this.store = store;
  }

  void register(JavalinDefaultRouting router) {
    router.get("/", ctx -> respondRaw(ctx, 200, "{}"));
    router.get("/contexts", this::contexts);
    router.get("/v1/metadata/id", this::clusterId);
    router.get("/v1/metadata/version", ctx -> respond(ctx, 200, Map.of("version", version)));
  }

  private void contexts(Context ctx) {
    String prefix = ctx.queryParam("contextPrefix");
    List<String> contexts = prefix == null || DEFAULT_CONTEXT_NAME.startsWith(prefix)
        ? List.of(DEFAULT_CONTEXT_NAME) : List.of();
    respond(ctx, 200, Paging.of(ctx).apply(contexts));
  }

  /** Confluent's ServerClusterId: the Kafka cluster the store is on and the registry group. */
  private void clusterId(Context ctx) {
    Map<String, Object> clusters = new LinkedHashMap<>();
    Optional<String> kafkaCluster = store.kafkaClusterId();
    kafkaCluster.ifPresent(id -> clusters.put("kafka-cluster", id));
    clusters.put("schema-registry-cluster", GROUP_ID);
    Map<String, Object> scope = new LinkedHashMap<>();
    scope.put("path", List.of());
    scope.put("clusters", clusters);
    respond(ctx, 200, Map.of("scope", scope));
  }

  /** This registry's version (not Confluent's: the API is Confluent's, the server is not). */
  private static String ownVersion() {
    try (InputStream in = ServerRoutes.class.getResourceAsStream("registry.properties")) {
      Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

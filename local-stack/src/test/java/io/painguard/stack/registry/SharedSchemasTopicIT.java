package io.painguard.stack.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.painguard.registry.KafkaSchemaStore;
import io.painguard.registry.SchemaRegistryServer;
import io.painguard.stack.kafka.EmbeddedKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15: two registries on one schemas topic and one embedded broker, written to at the same
 * time. Each must see the other's schemas at once, and they must never hand out one id (or one
 * version of a subject) for two different schemas -- what a producer using one and a consumer
 * using the other rely on.
 */
class SharedSchemasTopicIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final int PER_REGISTRY = 8;

  @TempDir
  static Path dataDir;
  private static EmbeddedKafka kafka;

  @BeforeAll
  static void startBroker() {
    kafka = EmbeddedKafka.builder().dataDir(dataDir.resolve("kafka")).build().start();
  }

  @AfterAll
  static void stopBroker() {
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void twoRegistriesWritingAtOnceNeverShareAnIdAndEachServesTheOthersSchemas() throws Exception {
    String topic = "_schemas_shared";
    try (SchemaRegistryServer a = open(topic); SchemaRegistryServer b = open(topic)) {
      // Given subjects that take any schema, set through one registry
      assertThat(send(a.url(), "PUT", "/config", "{\"compatibility\":\"NONE\"}").status).isEqualTo(200);
      assertThat(send(a.url(), "PUT", "/config/shared-value", "{\"compatibility\":\"NONE\"}").status).isEqualTo(200);

      // When both register different schemas at once, in their own subjects and in the shared one
      Map<String, Integer> idBySchema = new ConcurrentHashMap<>();
      Map<String, String> registeredThrough = new ConcurrentHashMap<>();
      ExecutorService pool = Executors.newFixedThreadPool(2);
      List<Future<?>> done = new ArrayList<>();
      for (SchemaRegistryServer registry : List.of(a, b)) {
        String name = registry == a ? "A" : "B";
        done.add(pool.submit(() -> {
          for (int i = 0; i < PER_REGISTRY; i++) {
            String own = schema("Own" + name + i);
            String shared = schema("Shared" + name + i);
            idBySchema.put(own, register(registry.url(), "own-" + name + "-value", own));
            idBySchema.put(shared, register(registry.url(), "shared-value", shared));
            registeredThrough.put(own, registry.url());
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      pool.shutdown();

      // Then no id was handed out twice
      assertThat(idBySchema).hasSize(4 * PER_REGISTRY);
      assertThat(new HashSet<>(idBySchema.values())).as("distinct ids of distinct schemas").hasSize(4 * PER_REGISTRY);

      // And each registry serves every schema, whichever registered it, right away
      for (SchemaRegistryServer registry : List.of(a, b)) {
        for (Map.Entry<String, Integer> e : idBySchema.entrySet()) {
          Reply reply = send(registry.url(), "GET", "/schemas/ids/" + e.getValue(), null);
          assertThat(reply.status).as(reply.body).isEqualTo(200);
          assertThat(JSON.readTree(reply.json().get("schema").asText())).isEqualTo(JSON.readTree(e.getKey()));
        }
      }

      // And the shared subject has versions 1..N, each once, the same seen from both
      List<Integer> versions = List.of(JSON.readValue(send(a.url(), "GET", "/subjects/shared-value/versions", null).body, Integer[].class));
      assertThat(versions).containsExactlyElementsOf(range(1, 2 * PER_REGISTRY));
      assertThat(send(b.url(), "GET", "/subjects/shared-value/versions", null).body).isEqualTo(versions.toString().replace(" ", ""));

      // And the same schema registered through the other registry keeps its id
      for (Map.Entry<String, String> e : registeredThrough.entrySet()) {
        String other = e.getValue().equals(a.url()) ? b.url() : a.url();
        String subject = e.getValue().equals(a.url()) ? "own-A-value" : "own-B-value";
        assertThat(register(other, subject, e.getKey())).isEqualTo(idBySchema.get(e.getKey()));
      }
      assertThat(send(b.url(), "GET", "/config/shared-value", null).json().get("compatibilityLevel").asText()).isEqualTo("NONE");
    }

    // And a registry opened afterwards reads the same contents from the topic
    try (SchemaRegistryServer later = open(topic)) {
      assertThat(send(later.url(), "GET", "/subjects/shared-value/versions", null).body)
          .isEqualTo(range(1, 2 * PER_REGISTRY).toString().replace(" ", ""));
      int next = register(later.url(), "later-value", schema("Later"));
      assertThat(next).isEqualTo(4 * PER_REGISTRY + 1);
    }
  }

  @Test
  void aModeSetThroughOneRegistryIsEnforcedByTheOther() throws Exception {
    String topic = "_schemas_shared_mode";
    try (SchemaRegistryServer a = open(topic); SchemaRegistryServer b = open(topic)) {
      // Given a subject registered through B, then made read-only through A
      int id = register(b.url(), "frozen-value", schema("Frozen"));
      assertThat(send(a.url(), "PUT", "/config/frozen-value", "{\"compatibility\":\"NONE\"}").status).isEqualTo(200);
      assertThat(send(a.url(), "PUT", "/mode/frozen-value", "{\"mode\":\"READONLY\"}").status).isEqualTo(200);

      // When B is asked to register a new schema and to delete the subject
      Reply register = send(b.url(), "POST", "/subjects/frozen-value/versions",
          JSON.createObjectNode().put("schema", schema("Thawed")).toString());
      Reply delete = send(b.url(), "DELETE", "/subjects/frozen-value", null);

      // Then B refuses both as Confluent does, and still answers the schema it holds
      assertThat(register.status).isEqualTo(422);
      assertThat(register.json().get("error_code").asInt()).isEqualTo(42205);
      assertThat(delete.json().get("error_code").asInt()).isEqualTo(42205);
      assertThat(register(b.url(), "frozen-value", schema("Frozen"))).isEqualTo(id);
      assertThat(send(b.url(), "GET", "/mode/frozen-value", null).json().get("mode").asText()).isEqualTo("READONLY");

      // And once B removes the mode, A registers again
      assertThat(send(b.url(), "DELETE", "/mode/frozen-value", null).status).isEqualTo(200);
      assertThat(register(a.url(), "frozen-value", schema("Thawed"))).isGreaterThan(id);
    }
  }

  @Test
  void aReaderThatNeverWritesDisturbsNoRegistry() throws Exception {
    String topic = "_schemas_reader";
    try (SchemaRegistryServer registry = open(topic)) {
      assertThat(send(registry.url(), "PUT", "/config", "{\"compatibility\":\"NONE\"}").status).isEqualTo(200);
      int first = register(registry.url(), "r-value", schema("First"));
      try (KafkaSchemaStore reader = KafkaSchemaStore.open(clientProps(), topic)) {
        assertThat(reader.state().entriesWithId(first)).hasSize(1);
        int second = register(registry.url(), "r-value", schema("Second"));
        reader.awaitLatest();
        assertThat(reader.state().entriesWithId(second)).hasSize(1);
      }
      assertThat(register(registry.url(), "r-value", schema("Third"))).isEqualTo(first + 2);
    }
  }

  private static List<Integer> range(int from, int to) {
    List<Integer> out = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      out.add(i);
    }
    return out;
  }

  private static SchemaRegistryServer open(String topic) {
    return SchemaRegistryServer.start("127.0.0.1", 0, KafkaSchemaStore.open(clientProps(), topic));
  }

  private static Map<String, Object> clientProps() {
    return new LinkedHashMap<>(kafka.clientProperties());
  }

  private static String schema(String name) {
    return "{\"type\":\"record\",\"name\":\"" + name + "\",\"namespace\":\"io.painguard.it\","
        + "\"fields\":[{\"name\":\"f\",\"type\":\"int\"}]}";
  }

  private static int register(String url, String subject, String schema) throws Exception {
    Reply reply = send(url, "POST", "/subjects/" + subject + "/versions",
        JSON.createObjectNode().put("schema", schema).toString());
    assertThat(reply.status).as(reply.body).isEqualTo(200);
    return reply.json().get("id").asInt();
  }

  private static Reply send(String url, String method, String path, String body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url + path))
        .timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/vnd.schemaregistry.v1+json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    return new Reply(response.statusCode(), response.body());
  }

  private record Reply(int status, String body) {
    JsonNode json() throws Exception {
      return JSON.readTree(body);
    }
  }
}

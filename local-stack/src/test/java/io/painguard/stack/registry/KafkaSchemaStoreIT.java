package io.painguard.stack.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.painguard.registry.KafkaSchemaStore;
import io.painguard.registry.SchemaRegistryServer;
import io.painguard.stack.kafka.EmbeddedKafka;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry on a real broker: everything it acknowledged is in the schemas topic, so a new
 * registry on the same topic -- and on a restarted broker -- has the same ids, versions, deletions,
 * configuration and modes, and keeps counting ids from where the old one stopped.
 */
class KafkaSchemaStoreIT {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();

  private static final String V1 = record("athleteId");
  private static final String V2 = V1.replace("]}",
      ", {\"name\": \"level\", \"type\": [\"null\", \"int\"], \"default\": null}]}");
  private static final String OTHER = "{\"type\": \"enum\", \"name\": \"Limb\","
      + " \"symbols\": [\"UNKNOWN\", \"LEFT_LEG\"]}";
  private static final String DOOMED = "{\"type\": \"fixed\", \"name\": \"Doomed\", \"size\": 4}";
  private static final String LATER = "{\"type\": \"fixed\", \"name\": \"Later\", \"size\": 8}";

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
  void reopenedRegistryKeepsIdsVersionsDeletionsAndConfig() throws Exception {
    // Given a registry on a fresh topic with two subjects, a soft delete, a permanently deleted
    // subject that held the highest id, and compatibility settings
    String topic = "_schemas_reopen";
    int v1Id;
    int v2Id;
    int otherId;
    int doomedId;
    try (SchemaRegistryServer registry = open(topic)) {
      String url = registry.url();
      v1Id = register(url, "pain-reports-value", V1);
      v2Id = register(url, "pain-reports-value", V2);
      otherId = register(url, "limb-value", OTHER);
      doomedId = register(url, "doomed-value", DOOMED);
      assertThat(send(url, "DELETE", "/subjects/pain-reports-value/versions/1", null).status).isEqualTo(200);
      assertThat(send(url, "DELETE", "/subjects/doomed-value", null).status).isEqualTo(200);
      assertThat(send(url, "DELETE", "/subjects/doomed-value?permanent=true", null).status).isEqualTo(200);
      assertThat(send(url, "PUT", "/config", "{\"compatibility\": \"FULL\"}").status).isEqualTo(200);
      assertThat(send(url, "PUT", "/config/limb-value", "{\"compatibility\": \"NONE\"}").status).isEqualTo(200);
    }
    assertThat(new int[] {v1Id, v2Id, otherId, doomedId}).doesNotHaveDuplicates();

    // When a new registry opens the same topic
    try (SchemaRegistryServer registry = open(topic)) {
      String url = registry.url();

      // Then ids, versions and soft deletes are as they were
      assertThat(json(url, "/subjects").toString()).isEqualTo("[\"limb-value\",\"pain-reports-value\"]");
      assertThat(json(url, "/subjects/pain-reports-value/versions").toString()).isEqualTo("[2]");
      assertThat(json(url, "/subjects/pain-reports-value/versions?deleted=true").toString()).isEqualTo("[1,2]");
      assertThat(json(url, "/subjects/pain-reports-value/versions/latest").get("id").asInt()).isEqualTo(v2Id);
      assertThat(json(url, "/subjects/pain-reports-value/versions/1?deleted=true").get("id").asInt())
          .isEqualTo(v1Id);
      assertThat(send(url, "GET", "/subjects/pain-reports-value/versions/1", null).errorCode())
          .isEqualTo(40402);
      assertThat(json(url, "/schemas/ids/" + v1Id).get("schema").asText()).contains("athleteId");
      assertThat(json(url, "/subjects/limb-value/versions/1").get("id").asInt()).isEqualTo(otherId);

      // And the permanent delete stuck
      assertThat(send(url, "GET", "/subjects/doomed-value/versions?deleted=true", null).errorCode())
          .isEqualTo(40401);
      assertThat(send(url, "GET", "/schemas/ids/" + doomedId, null).errorCode()).isEqualTo(40403);

      // And so did the configuration
      assertThat(json(url, "/config").get("compatibilityLevel").asText()).isEqualTo("FULL");
      assertThat(json(url, "/config/limb-value").get("compatibilityLevel").asText()).isEqualTo("NONE");

      // And a known schema keeps its id while a new one continues after the highest id ever used
      assertThat(register(url, "pain-reports-value", V2)).isEqualTo(v2Id);
      assertThat(register(url, "later-value", LATER)).isEqualTo(doomedId + 1);
    }
  }

  @Test
  void modesGuidsAndWriteTimesSurviveAReopen() throws Exception {
    // Given a registry with a read-only subject, a global IMPORT mode, and a registered schema
    String topic = "_schemas_modes";
    String guid;
    long writtenAt;
    try (SchemaRegistryServer registry = open(topic)) {
      String url = registry.url();
      register(url, "frozen-value", V1);
      assertThat(send(url, "PUT", "/mode/frozen-value", "{\"mode\": \"READONLY\"}").status).isEqualTo(200);
      assertThat(send(url, "PUT", "/mode?force=true", "{\"mode\": \"IMPORT\"}").status).isEqualTo(200);
      JsonNode version = json(url, "/subjects/frozen-value/versions/1");
      guid = version.get("guid").asText();
      writtenAt = version.get("ts").asLong();
    }

    // When a new registry opens the same topic
    try (SchemaRegistryServer registry = open(topic)) {
      String url = registry.url();

      // Then the modes are as they were, and enforced
      assertThat(json(url, "/mode/frozen-value").get("mode").asText()).isEqualTo("READONLY");
      assertThat(json(url, "/mode").get("mode").asText()).isEqualTo("IMPORT");
      Reply refused = send(url, "POST", "/subjects/frozen-value/versions",
          MAPPER.createObjectNode().put("schema", V2).toString());
      assertThat(refused.status).isEqualTo(422);
      assertThat(refused.errorCode()).isEqualTo(42205);

      // And the schema keeps its GUID and the time it was written
      assertThat(json(url, "/schemas/guids/" + guid).get("schema").asText()).contains("athleteId");
      assertThat(json(url, "/subjects/frozen-value/versions/1").get("ts").asLong()).isEqualTo(writtenAt);

      // And a mode removed here is gone for the next registry too
      assertThat(send(url, "DELETE", "/mode/frozen-value", null).status).isEqualTo(200);
    }
    try (SchemaRegistryServer registry = open(topic)) {
      assertThat(send(registry.url(), "GET", "/mode/frozen-value", null).errorCode()).isEqualTo(40409);
    }
  }

  @Test
  void clusterIdNamesTheBrokersKafkaCluster() throws Exception {
    try (SchemaRegistryServer registry = open("_schemas_cluster_id");
        Admin admin = Admin.create(clientProps())) {
      String kafkaCluster = admin.describeCluster().clusterId().get();

      JsonNode clusters = json(registry.url(), "/v1/metadata/id").get("scope").get("clusters");

      assertThat(clusters.get("kafka-cluster").asText()).isEqualTo(kafkaCluster);
      assertThat(clusters.get("schema-registry-cluster").asText()).isEqualTo("schema-registry");
    }
  }

  @Test
  void schemasSurviveABrokerRestartOnTheSameDataDirectory() throws Exception {
    // Given a registered schema
    String topic = "_schemas_broker_restart";
    int id;
    try (SchemaRegistryServer registry = open(topic)) {
      id = register(registry.url(), "activity-events-value", V1);
    }

    // When the broker restarts on its data directory
    kafka.stop();
    kafka.start();

    // Then a new registry finds the schema under the same id and version
    try (SchemaRegistryServer registry = open(topic)) {
      JsonNode latest = json(registry.url(), "/subjects/activity-events-value/versions/latest");
      assertThat(latest.get("id").asInt()).isEqualTo(id);
      assertThat(latest.get("version").asInt()).isEqualTo(1);
      assertThat(register(registry.url(), "activity-events-value", V1)).isEqualTo(id);
    }
  }

  @Test
  void createsACompactedSinglePartitionTopic() throws Exception {
    // When a store opens a topic that does not exist
    String topic = "_schemas_created";
    KafkaSchemaStore.open(clientProps(), topic).close();

    // Then the topic exists, compacted, with one partition
    try (Admin admin = Admin.create(clientProps())) {
      TopicDescription description = admin.describeTopics(Set.of(topic)).allTopicNames().get().get(topic);
      ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
      Config config = admin.describeConfigs(Set.of(resource)).all().get().get(resource);
      assertThat(description.partitions()).hasSize(1);
      assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
    }
  }

  private static SchemaRegistryServer open(String topic) {
    return SchemaRegistryServer.start("127.0.0.1", 0, KafkaSchemaStore.open(clientProps(), topic));
  }

  private static Map<String, Object> clientProps() {
    return new LinkedHashMap<>(kafka.clientProperties());
  }

  private static String record(String field) {
    return "{\"type\": \"record\", \"name\": \"Sample\", \"namespace\": \"io.painguard.it\","
        + " \"fields\": [{\"name\": \"" + field + "\", \"type\": \"string\"}]}";
  }

  private static int register(String url, String subject, String schema) throws Exception {
    Reply reply = send(url, "POST", "/subjects/" + subject + "/versions",
        MAPPER.createObjectNode().put("schema", schema).toString());
    assertThat(reply.status).as(reply.body).isEqualTo(200);
    return MAPPER.readTree(reply.body).get("id").asInt();
  }

  private static JsonNode json(String url, String path) throws Exception {
    Reply reply = send(url, "GET", path, null);
    assertThat(reply.status).as(path + " -> " + reply.body).isEqualTo(200);
    return MAPPER.readTree(reply.body);
  }

  private static Reply send(String url, String method, String path, String body)
      throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url + path))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/vnd.schemaregistry.v1+json")
        .header("Accept", "application/vnd.schemaregistry.v1+json")
        .method(method, body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body))
        .build();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    return new Reply(response.statusCode(), response.body());
  }

  private record Reply(int status, String body) {
    int errorCode() throws IOException {
      return MAPPER.readTree(body).path("error_code").asInt();
    }
  }
}

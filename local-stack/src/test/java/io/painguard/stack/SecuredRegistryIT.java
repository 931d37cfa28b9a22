package io.painguard.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.painguard.contract.ContractTopics;
import io.painguard.events.ActivityEvent;
import io.painguard.events.ActivityType;
import io.painguard.events.PainReport;
import io.painguard.serde.SpecificAvroSerializer;
import io.painguard.stack.kafka.BrokerSecurity;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15: a stack whose registry asks for basic auth. Its own provisioning writes with the
 * credentials; nobody writes without them (401, Confluent's body); our serde and Confluent's
 * Python clients, configured the Confluent way ({@code basic.auth.credentials.source=USER_INFO},
 * {@code basic.auth.user.info}, {@code schema.registry.basic.auth.user.info}), register; reads stay
 * open.
 */
class SecuredRegistryIT {

  private static final String USER = "stack-registry";
  private static final String PASSWORD = "reg-Pa55-4b1d";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final String PYTHON = "/usr/bin/python3";

  private static LocalStack stack;

  @BeforeAll
  static void start() {
    stack = LocalStack.builder().registryCredentials(USER, PASSWORD).partitions(1).shutdownHook(false).build().start();
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void theStackProvisionsWithItsCredentialsAndRefusesAnonymousWritesWith401() throws Exception {
    // The contract got registered: provisioning sent the credentials
    assertThat(stack.contractSchemaIds()).hasSameSizeAs(ContractTopics.valueSchemas());

    // Deleting a subject or changing the compatibility without credentials is refused
    for (HttpResponse<String> refused : List.of(
        send("DELETE", "/subjects/pain-reports-value", null, null),
        send("DELETE", "/subjects/pain-reports-value?permanent=true", null, null),
        send("PUT", "/config", "{\"compatibility\":\"NONE\"}", null),
        send("PUT", "/config", "{\"compatibility\":\"NONE\"}", USER + ":wrong-" + PASSWORD))) {
      assertThat(refused.statusCode()).isEqualTo(401);
      assertThat(JSON.readTree(refused.body()).get("error_code").asInt()).isEqualTo(401);
      assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"SchemaRegistry\"");
    }

    // And nothing changed; reads need no credentials
    HttpResponse<String> versions = send("GET", "/subjects/pain-reports-value/versions", null, null);
    assertThat(versions.statusCode()).isEqualTo(200);
    assertThat(versions.body()).isEqualTo("[1]");
    assertThat(JSON.readTree(send("GET", "/config", null, null).body()).get("compatibilityLevel").asText())
        .isEqualTo("BACKWARD");
    assertThat(stack.registryClientProperties())
        .containsEntry("basic.auth.credentials.source", "USER_INFO")
        .containsEntry("basic.auth.user.info", USER + ":" + PASSWORD);
  }

  @Test
  void ourSerdeRegistersWithConfluentsUserInfoSettingsAndIsRefusedWithout() {
    Map<String, Object> userInfo = serde(stack.registryClientProperties());
    Map<String, Object> prefixed = serde(Map.of("basic.auth.credentials.source", "USER_INFO",
        "schema.registry.basic.auth.user.info", USER + ":" + PASSWORD));
    Map<String, Object> anonymous = serde(Map.of());

    assertThat(serialize(userInfo, "secured-a")).startsWith(0);
    assertThat(serialize(prefixed, "secured-b")).startsWith(0);
    assertThatThrownBy(() -> serialize(anonymous, "secured-c"))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("HTTP 401");
  }

  @Test
  void confluentsPythonClientsRegisterWithBasicAuthUserInfo(@TempDir Path dir) throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(pythonClientInstalled(),
        "Confluent's Python client is not installed; skipping (apt-get install python3-confluent-kafka python3-avro).");
    Path schema = dir.resolve("PainReport.avsc");
    Files.writeString(schema, PainReport.getClassSchema().toString());

    JsonNode out = python("register-auth", stack.schemaRegistryUrl(), USER + ":" + PASSWORD, schema.toString(),
        "python-secured-value");

    int id = stack.contractSchemaIds().get("pain-reports-value");
    assertThat(out.get("legacy_id").asInt()).as("CachedSchemaRegistryClient, USER_INFO").isEqualTo(id);
    assertThat(out.get("current_id").asInt()).as("SchemaRegistryClient, basic.auth.user.info").isEqualTo(id);
    assertThat(out.get("anonymous").get("status").asInt()).isEqualTo(401);
    assertThat(out.get("anonymous").get("error_code").asInt()).isEqualTo(401);
    assertThat(out.get("legacy_anonymous").asText()).contains("Unauthorized");
  }

  @Test
  void aSaslSslStackWithoutRegistryCredentialsIsRefusedInOneSentence() {
    assertThatThrownBy(() -> LocalStack.builder().security(BrokerSecurity.saslSsl("u", "p")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("A SASL_SSL stack needs registry credentials, or anyone could change its schemas;"
            + " call registryCredentials(user, password).");
    assertThatThrownBy(() -> LocalStack.builder().registryCredentials("a:b", PASSWORD))
        .hasMessageNotContaining(PASSWORD)
        .hasMessageEndingWith(".");
  }

  private static byte[] serialize(Map<String, Object> config, String topic) {
    try (SpecificAvroSerializer<ActivityEvent> serializer = new SpecificAvroSerializer<>()) {
      serializer.configure(config, false);
      return serializer.serialize(topic, ActivityEvent.newBuilder().setEventId("e").setAthleteId("a")
          .setTimestamp(Instant.EPOCH).setActivityType(ActivityType.WALKING).build());
    }
  }

  private static Map<String, Object> serde(Map<String, String> credentials) {
    Map<String, Object> config = new HashMap<>(credentials);
    config.put("schema.registry.url", stack.schemaRegistryUrl());
    config.put("schema.registry.retry.max.ms", "0");
    return config;
  }

  private static HttpResponse<String> send(String method, String path, String body, String userInfo) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.schemaRegistryUrl() + path))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/vnd.schemaregistry.v1+json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (userInfo != null) {
      request.header("Authorization", "Basic "
          + java.util.Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8)));
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static boolean pythonClientInstalled() throws Exception {
    return Files.isExecutable(Path.of(PYTHON))
        && new ProcessBuilder(PYTHON, "-c", "import confluent_kafka.avro, confluent_kafka.schema_registry")
            .redirectErrorStream(true).start().waitFor() == 0;
  }

  private static JsonNode python(String... args) throws Exception {
    return JSON.readTree(io.painguard.stack.ConfluentInteropScript.run(PYTHON, args));
  }

}

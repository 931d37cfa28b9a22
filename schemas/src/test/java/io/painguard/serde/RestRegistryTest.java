package io.painguard.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.painguard.contract.ContractTopics;
import io.painguard.events.ActivityEvent;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The REST client and the serde against a real HTTP server playing the registry. */
class RestRegistryTest {

  private static final String TOPIC = ContractTopics.ACTIVITY_EVENTS;
  private static final String SUBJECT = TOPIC + "-value";
  private static final String SECRET = "s3cr3t-pa55";

  private FakeRegistryServer registry;

  @BeforeEach
  void startRegistry() throws IOException {
    registry = new FakeRegistryServer();
  }

  @AfterEach
  void stopRegistry() {
    registry.close();
  }

  private Map<String, Object> config(String url) {
    Map<String, Object> config = new HashMap<>();
    config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url);
    config.put(AvroSerdeConfig.MAX_RETRIES, 5);
    config.put(AvroSerdeConfig.RETRIES_WAIT_MS, 10);
    config.put(AvroSerdeConfig.RETRIES_MAX_WAIT_MS, 50);
    return config;
  }

  private SpecificAvroSerializer<ActivityEvent> serializer(Map<String, Object> config) {
    SpecificAvroSerializer<ActivityEvent> serializer = new SpecificAvroSerializer<>();
    serializer.configure(config, false);
    return serializer;
  }

  private SpecificAvroDeserializer<ActivityEvent> deserializer(Map<String, Object> config) {
    SpecificAvroDeserializer<ActivityEvent> deserializer =
        new SpecificAvroDeserializer<>(ActivityEvent.class);
    deserializer.configure(config, false);
    return deserializer;
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void registersOnceForManyRecordsAndFetchesEachWriterSchemaOnce() {
    // Given a serializer and a separate deserializer (separate clients, separate caches)
    SpecificAvroSerializer<ActivityEvent> serializer = serializer(config(registry.url()));
    SpecificAvroDeserializer<ActivityEvent> deserializer = deserializer(config(registry.url()));

    // When 1000 records are written and read
    for (int i = 0; i < 1000; i++) {
      ActivityEvent event = ActivityEvent.newBuilder(Samples.activity()).setEventId("e" + i).build();
      assertThat(deserializer.deserialize(TOPIC, serializer.serialize(TOPIC, event)))
          .isEqualTo(event);
    }

    // Then the registry saw one registration and one schema fetch, nothing else
    assertThat(registry.count("POST", "/subjects/" + SUBJECT + "/versions")).isEqualTo(1);
    assertThat(registry.count("GET", "/schemas/ids/")).isEqualTo(1);
    assertThat(registry.requests()).hasSize(2);
  }

  @Test
  void speaksTheConfluentRestDialect() throws IOException {
    // Given
    SpecificAvroSerializer<ActivityEvent> serializer = serializer(config(registry.url()));

    // When
    serializer.serialize(TOPIC, Samples.activity());

    // Then: POST /subjects/{subject}/versions, Confluent content type, {"schema": "<json>"}
    FakeRegistryServer.Request request = registry.requests().get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/subjects/activity-events-value/versions");
    assertThat(request.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
    String sent = new ObjectMapper().readTree(request.body()).get("schema").asText();
    assertThat(new Schema.Parser().parse(sent)).isEqualTo(ActivityEvent.getClassSchema());
  }

  @Test
  void framesWithTheIdTheRegistryAssignedBigEndian() {
    // Given a registry that hands out id 0x01020304
    registry.nextId(0x01020304);

    // When
    byte[] bytes = serializer(config(registry.url())).serialize(TOPIC, Samples.activity());

    // Then
    assertThat(bytes).startsWith(0x00, 0x01, 0x02, 0x03, 0x04);
  }

  @Test
  void looksUpInsteadOfRegisteringWhenAutoRegisterIsOff() {
    // Given the schema was registered by someone else
    int id = registry.preRegister(SUBJECT, ActivityEvent.getClassSchema());
    Map<String, Object> config = config(registry.url());
    config.put(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false");
    SpecificAvroSerializer<ActivityEvent> serializer = serializer(config);

    // When
    for (int i = 0; i < 10; i++) {
      assertThat(WireFormat.schemaIdOf(serializer.serialize(TOPIC, Samples.activity())))
          .isEqualTo(id);
    }

    // Then exactly one lookup, no registration
    assertThat(registry.count("POST", "/subjects/" + SUBJECT)).isEqualTo(1);
    assertThat(registry.requests().get(0).path()).isEqualTo("/subjects/" + SUBJECT);
  }

  @Test
  void unregisteredSchemaWithAutoRegisterOffFailsClearly() {
    Map<String, Object> config = config(registry.url());
    config.put(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false);
    SpecificAvroSerializer<ActivityEvent> serializer = serializer(config);

    assertThatThrownBy(() -> serializer.serialize(TOPIC, Samples.activity()))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("io.painguard.events.ActivityEvent is not registered under subject "
            + SUBJECT)
        .hasMessageContaining("auto.register.schemas=false")
        .hasMessageContaining("40401");
    assertThat(registry.requests()).hasSize(1); // a 404 is not retried
  }

  @Test
  void useLatestVersionWritesWithTheLatestId() {
    // Given the subject's latest version is our schema
    int id = registry.preRegister(SUBJECT, ActivityEvent.getClassSchema());
    Map<String, Object> config = config(registry.url());
    config.put(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false);
    config.put(AvroSerdeConfig.USE_LATEST_VERSION, true);

    // When
    SpecificAvroSerializer<ActivityEvent> serializer = serializer(config);
    byte[] first = serializer.serialize(TOPIC, Samples.activity());
    serializer.serialize(TOPIC, Samples.activity());

    // Then
    assertThat(WireFormat.schemaIdOf(first)).isEqualTo(id);
    assertThat(registry.count("GET", "/subjects/" + SUBJECT + "/versions/latest")).isEqualTo(1);
    assertThat(registry.requests()).hasSize(1);
  }

  @Test
  void retriesServiceUnavailableAndThenSucceeds() {
    // Given a registry that answers 503 twice before working
    registry.thenAnswer(503, FakeRegistryServer.errorBody(50003, "Error while forwarding"))
        .thenAnswer(503, "");
    SpecificAvroSerializer<ActivityEvent> serializer = serializer(config(registry.url()));

    // When
    byte[] bytes = serializer.serialize(TOPIC, Samples.activity());

    // Then the third attempt went through
    assertThat(WireFormat.schemaIdOf(bytes)).isEqualTo(1);
    assertThat(registry.count("POST", "/subjects/" + SUBJECT + "/versions")).isEqualTo(3);
  }

  @Test
  void registryDownFailsAfterMaxRetriesNamingTheUrl() throws IOException {
    // Given nothing listens on the configured URL
    String url = "http://127.0.0.1:" + closedPort();
    SpecificAvroSerializer<ActivityEvent> serializer = serializer(config(url));

    // When / Then
    assertThatThrownBy(() -> serializer.serialize(TOPIC, Samples.activity()))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("Cannot serialize value for topic " + TOPIC)
        .hasMessageContaining("Schema registry unreachable at " + url)
        .hasMessageContaining("POST /subjects/" + SUBJECT + "/versions")
        .hasMessageContaining("connection refused")
        .hasMessageContaining("failed 6 times") // one try and max.retries=5 more
        .hasMessageContaining("(max.retries=5)");
  }

  @Test
  void deserializerWithRegistryDownNamesTheIdAndUrl() throws IOException {
    // Given a frame whose schema id is not cached and a registry that is down
    String url = "http://127.0.0.1:" + closedPort();
    Map<String, Object> config = config(url);
    config.put(AvroSerdeConfig.MAX_RETRIES, 0);
    SpecificAvroDeserializer<ActivityEvent> deserializer = deserializer(config);

    // When / Then
    assertThatThrownBy(() -> deserializer.deserialize(TOPIC, new byte[] {0, 0, 0, 0, 9, 2}))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("cannot fetch writer schema id 9")
        .hasMessageContaining(url)
        .hasMessageContaining("GET /schemas/ids/9");
  }

  @Test
  void aRegistryThatTakesTheConnectionButNeverAnswersTimesOutAfterHttpReadTimeoutMs()
      throws IOException {
    // Given a socket that accepts connections (the kernel's backlog does) and never answers
    try (ServerSocket silent = new ServerSocket(0)) {
      Map<String, Object> config = config("http://127.0.0.1:" + silent.getLocalPort());
      config.put(AvroSerdeConfig.MAX_RETRIES, 0);
      config.put(AvroSerdeConfig.HTTP_READ_TIMEOUT_MS, 300);

      // When / Then
      assertThatThrownBy(() -> deserializer(config).deserialize(TOPIC, new byte[] {0, 0, 0, 0, 9}))
          .isInstanceOf(SerializationException.class)
          .hasMessageContaining("no answer within 300 ms (HttpTimeoutException)")
          .hasMessageContaining("failed 1 time ");
    }
  }

  @Test
  void cachedSchemasKeepWorkingWhileTheRegistryIsDown() {
    // Given everything was fetched once
    SpecificAvroSerializer<ActivityEvent> serializer = serializer(config(registry.url()));
    SpecificAvroDeserializer<ActivityEvent> deserializer = deserializer(config(registry.url()));
    byte[] bytes = serializer.serialize(TOPIC, Samples.activity());
    deserializer.deserialize(TOPIC, bytes);

    // When the registry goes away
    registry.close();

    // Then records with known schemas still flow both ways
    assertThat(deserializer.deserialize(TOPIC, serializer.serialize(TOPIC, Samples.activity())))
        .isEqualTo(Samples.activity());
  }

  @Test
  void failsOverToTheNextUrl() throws IOException {
    // Given the first URL is dead and the second works, and no time for retry rounds
    String dead = "http://127.0.0.1:" + closedPort();
    Map<String, Object> config = config(dead + " , " + registry.url());
    config.put(AvroSerdeConfig.MAX_RETRIES, 0);
    SpecificAvroSerializer<ActivityEvent> serializer = serializer(config);

    // When
    byte[] bytes = serializer.serialize(TOPIC, Samples.activity());

    // Then the second URL answered within the same attempt
    assertThat(WireFormat.schemaIdOf(bytes)).isEqualTo(1);
    assertThat(registry.requests()).hasSize(1);
  }

  @Test
  void serverErrorsExhaustTheRetriesWithTheRegistryMessage() {
    // Given a registry that keeps failing
    for (int i = 0; i < 20; i++) {
      registry.thenAnswer(500, FakeRegistryServer.errorBody(50001, "Error in the backend store"));
    }
    SpecificAvroSerializer<ActivityEvent> serializer = serializer(config(registry.url()));

    // When / Then
    assertThatThrownBy(() -> serializer.serialize(TOPIC, Samples.activity()))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("Schema registry unavailable at " + registry.url())
        .hasMessageContaining("HTTP 500 (error 50001): Error in the backend store");
    assertThat(registry.requests()).hasSize(6);
  }

  @Test
  void incompatibleSchemaShowsTheRegistrysOwnMessageAndIsNotRetried() {
    // Given
    String message = "Schema being registered is incompatible with an earlier schema for subject"
        + " \"activity-events-value\", details: [READER_FIELD_MISSING_DEFAULT_VALUE]";
    registry.thenAnswer(409, FakeRegistryServer.errorBody(409, message));
    SpecificAvroSerializer<ActivityEvent> serializer = serializer(config(registry.url()));

    // When / Then
    assertThatThrownBy(() -> serializer.serialize(TOPIC, Samples.activity()))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("rejected schema io.painguard.events.ActivityEvent for subject "
            + SUBJECT + " as incompatible")
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(((SchemaRegistryException) e.getCause()).httpStatus())
            .isEqualTo(409));
    assertThat(registry.requests()).hasSize(1);
  }

  @Test
  void unknownSchemaIdIsNotRetriedAndNamesTheId() {
    SpecificAvroDeserializer<ActivityEvent> deserializer = deserializer(config(registry.url()));

    assertThatThrownBy(() -> deserializer.deserialize(TOPIC, new byte[] {0, 0, 0, 1, 0, 2}))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("unknown schema id 256")
        .hasMessageContaining("Schema 256 not found");
    assertThat(registry.requests()).hasSize(1);
  }

  @Test
  void userInfoCredentialsGoIntoTheHeaderAndNowhereElse() {
    // Given USER_INFO credentials and a registry that refuses them
    registry.thenAnswer(401, FakeRegistryServer.errorBody(401, "Unauthorized"));
    Map<String, Object> config = config(registry.url());
    config.put(AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO");
    config.put(AvroSerdeConfig.BASIC_AUTH_USER_INFO, "painguard:" + SECRET);
    SpecificAvroSerializer<ActivityEvent> serializer = serializer(config);

    // When / Then the failure names the status but not the secret
    assertThatThrownBy(() -> serializer.serialize(TOPIC, Samples.activity()))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("HTTP 401")
        .hasMessageNotContaining(SECRET);
    assertThat(registry.requests().get(0).authorization()).isEqualTo("Basic "
        + Base64.getEncoder().encodeToString(("painguard:" + SECRET)
            .getBytes(StandardCharsets.UTF_8)));

    // And a success sends it too
    serializer.serialize(TOPIC, Samples.activity());
    assertThat(registry.requests().get(1).authorization()).startsWith("Basic ");
    assertThat(AvroSerdeConfig.parse(config, false).toString()).doesNotContain(SECRET);
  }

  @Test
  void urlCredentialsAreSentButNeverShown() throws IOException {
    // Given credentials inside the URLs (basic.auth.credentials.source=URL, the default)
    String dead = "http://painguard:" + SECRET + "@127.0.0.1:" + closedPort();
    String live = "http://painguard:" + SECRET + "@127.0.0.1:" + registry.port();
    Map<String, Object> config = config(dead + "," + live);
    config.put(AvroSerdeConfig.MAX_RETRIES, 0);

    // When the live one works
    serializer(config).serialize(TOPIC, Samples.activity());

    // Then it got the header
    assertThat(registry.requests().get(0).authorization()).isEqualTo("Basic "
        + Base64.getEncoder().encodeToString(("painguard:" + SECRET)
            .getBytes(StandardCharsets.UTF_8)));

    // And when only the dead one is left, the failure names it without the secret
    Map<String, Object> deadOnly = config(dead);
    deadOnly.put(AvroSerdeConfig.MAX_RETRIES, 0);
    SpecificAvroSerializer<ActivityEvent> failing = serializer(deadOnly);
    assertThatThrownBy(() -> failing.serialize(TOPIC, Samples.activity()))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("http://127.0.0.1:")
        .hasMessageNotContaining(SECRET);
    assertThat(SchemaRegistryClients.create(deadOnly).toString()).doesNotContain(SECRET);
  }

  @Test
  void restClientAnswersTheFourCalls() {
    // Given
    SchemaRegistryClient client = new RestSchemaRegistryClient(
        AvroSerdeConfig.parse(config(registry.url()), false));

    // When
    int id = client.register(SUBJECT, ActivityEvent.getClassSchema());

    // Then
    assertThat(client.getId(SUBJECT, ActivityEvent.getClassSchema())).isEqualTo(id);
    assertThat(client.getSchemaById(id)).isEqualTo(ActivityEvent.getClassSchema());
    assertThat(client.getLatestSchemaMetadata(SUBJECT))
        .isEqualTo(new RegisteredSchema(SUBJECT, id, 1, ActivityEvent.getClassSchema()));
    assertThat(registry.requests()).hasSize(4); // no cache in the bare REST client
  }

  @Test
  void garbageAnswerIsReportedNotParsedBlindly() {
    registry.thenAnswer(200, "<html>proxy login</html>");
    SchemaRegistryClient client = new RestSchemaRegistryClient(
        AvroSerdeConfig.parse(config(registry.url()), false));

    assertThatThrownBy(() -> client.getSchemaById(3))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("not JSON")
        .hasMessageContaining("proxy login");
  }
}
